// The causes of a proxy-ID mismatch that "Proxy IDs in IPSec VPNs: A Comprehensive Look" lists
// ("Common Causes of Mismatch"; "Gotcha 1"; NAT), each as a pair of real-style running
// configurations of a PAN-OS firewall and a Cisco ASA (test/fixtures/import/pairs/, written after
// the vendors' documentation), imported as a user pastes them. Each cause is one edit of the base
// pair, whose tunnel comes up. From the configurations alone the app must give the right verdict
// and finding, offer a fix, and the fix must bring the tunnel up; the corrected configuration is a
// diff of the one box the fix changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import type { TunnelReport } from '../../../shared/engine/report';
import { importChanges } from '../../../shared/export/changes';
import { importConfigurations } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { editOnce, withoutLine } from '../../support/fixture-edit';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'pairs');
const PA = readFileSync(path.join(DIR, 'PA-HQ.set.txt'), 'utf8');
const ASA = readFileSync(path.join(DIR, 'ASA-Branch.running-config.txt'), 'utf8');

const edit = editOnce;
const without = withoutLine;

interface Cause {
  name: string;
  pa: string;
  asa: string;
  /** Which box initiates (the seed's examples: the policy-based ASA proposes its crypto ACL). */
  initiator: 'PA-HQ' | 'ASA-Branch';
  status: TunnelReport['status'];
  /** The finding that names the cause. */
  code: string;
}

const PID = 'set network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN';
const CAUSES: Cause[] = [
  {
    name: 'reversal: local and remote swapped on the PAN-OS side',
    pa: edit(edit(PA, `${PID} local 10.10.0.0/24`, `${PID} local 10.20.0.0/24`), `${PID} remote 10.20.0.0/24`, `${PID} remote 10.10.0.0/24`),
    asa: ASA,
    initiator: 'ASA-Branch',
    status: 'down',
    code: 'SELECTOR_REVERSED',
  },
  {
    name: 'typo: /24 on the PAN-OS side, /25 on the ASA',
    pa: PA,
    asa: edit(ASA, 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.0', 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.128'),
    initiator: 'ASA-Branch',
    status: 'down',
    code: 'PREFIX_LENGTH_MISMATCH',
  },
  {
    name: 'protocol and port on one side only (PAN-OS proxy ID tcp/443, the ASA permits ip)',
    pa: edit(PA, `${PID} protocol any`, `${PID} protocol tcp remote-port 443`),
    asa: ASA,
    initiator: 'ASA-Branch',
    status: 'down',
    code: 'PROTOCOL_PORT_MISMATCH',
  },
  {
    name: 'a missing proxy ID: the ASA encrypts a second branch network, the PAN-OS side has one proxy ID',
    pa: PA,
    asa: edit(
      edit(ASA, 'object network HQ-LAN\n', 'object network BRANCH-VOICE\n subnet 10.21.0.0 255.255.255.0\nobject network HQ-LAN\n'),
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\n',
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\naccess-list outside_cryptomap extended permit ip object BRANCH-VOICE object HQ-LAN\n',
    ),
    initiator: 'ASA-Branch',
    status: 'partial',
    code: 'MISSING_PROXY_ID',
  },
  {
    name: 'Gotcha 1: route-based PAN-OS with no proxy ID, the ASA initiating its crypto map\'s selectors',
    pa: without(without(without(PA, `${PID} local 10.10.0.0/24`), `${PID} remote 10.20.0.0/24`), `${PID} protocol any`),
    asa: ASA,
    initiator: 'ASA-Branch',
    status: 'down',
    code: 'MISSING_PROXY_ID',
  },
  {
    name: 'Gotcha 1: route-based PAN-OS with no proxy ID initiating 0.0.0.0/0 to the ASA crypto map',
    pa: without(without(without(PA, `${PID} local 10.10.0.0/24`), `${PID} remote 10.20.0.0/24`), `${PID} protocol any`),
    asa: ASA,
    initiator: 'PA-HQ',
    status: 'down',
    code: 'DEFAULT_SELECTOR_VS_POLICY_BASED_PEER',
  },
  {
    name: 'NAT: the ASA\'s crypto ACL names the address PAN-OS translates its LAN to, not the LAN',
    pa: PA,
    asa: edit(ASA, 'object network HQ-LAN\n subnet 10.10.0.0 255.255.255.0', 'object network HQ-LAN\n host 198.51.100.1'),
    initiator: 'PA-HQ',
    status: 'down',
    code: 'NAT_ADDRESS_IN_SELECTOR',
  },
];

function imported(pa: string, asa: string, initiator: Cause['initiator']): TopologyDocument {
  const files = [
    { name: 'PA-HQ.txt', content: pa },
    { name: 'ASA-Branch.txt', content: asa },
  ];
  const r = importConfigurations(files, { initiator: initiator === 'PA-HQ' ? 0 : 1 });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const only = (doc: TopologyDocument): TunnelReport => {
  const tunnels = computeReport(doc).tunnels;
  expect(tunnels).toHaveLength(1);
  return tunnels[0] as TunnelReport;
};

describe('the seed document\'s causes, from a PAN-OS and an ASA running configuration alone', () => {
  it('the base pair: both boxes read whole, paired by their addresses, the tunnel up both ways', () => {
    const r = importConfigurations([
      { name: 'PA-HQ.txt', content: PA },
      { name: 'ASA-Branch.txt', content: ASA },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.files.map((f) => [f.vendor, f.hostname, f.lines.unknown])).toEqual([
      ['panos', 'PA-HQ', []],
      ['cisco-asa', 'ASA-Branch', []],
    ]);
    expect(r.peers.map((p) => p.by)).toEqual(['addresses']);
    const t = only(r.document);
    expect(t.status).toBe('up');
    expect(t.phase2.map((p) => `${p.status} ${p.negotiated?.local.join(',')}<->${p.negotiated?.remote.join(',')}`).sort()).toEqual(['up 10.10.0.0/24<->10.20.0.0/24'].sort());
  });

  for (const cause of CAUSES) {
    it(cause.name, () => {
      const doc = imported(cause.pa, cause.asa, cause.initiator);
      const t = only(doc);
      expect(t.initiator).toBe(cause.initiator);
      expect(t.phase1.status).toBe('up');
      expect(t.status).toBe(cause.status);
      const finding = t.diagnostics.find((d) => d.code === cause.code);
      expect(finding, t.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBeDefined();
      // The fix the app offers (the first one, as the results panel shows it) brings the tunnel up.
      const offered = t.diagnostics.find((d) => (d.fix?.length ?? 0) > 0);
      expect(offered?.fix, 'a fix is offered').toBeDefined();
      const fixed = produce(doc, (draft) => {
        for (const c of offered?.fix ?? []) applyCommand(draft, c);
      });
      expect(only(fixed).status, offered?.fixLabel).toBe('up');
      // What to paste: the diff of the one box the fix changed.
      const changes = importChanges(fixed);
      if (!changes.ok) throw new Error(changes.message);
      expect(changes.boxes.map((b) => b.status).sort()).toEqual(['changed', 'unchanged']);
    });
  }
});
