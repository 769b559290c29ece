// The seed document's pair (test/fixtures/import/pairs/: PA-HQ, a PAN-OS firewall, and ASA-Branch,
// a Cisco ASA) and its causes as test/shared/import/seed-causes.test.ts edits them, imported and
// fixed by the engine's first offered fix: what the PAN-OS box-name tests diff.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { applyCommand } from '../../shared/commands/commands';
import { computeReport } from '../../shared/engine/report-cache';
import type { TunnelReport } from '../../shared/engine/report';
import { importChanges, type BoxChanges } from '../../shared/export/changes';
import { importConfigurations } from '../../shared/import/import';
import type { TopologyDocument } from '../../shared/model/document';
import { editOnce as edit, withoutLine as without } from './fixture-edit';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const DIR = path.join(FIXTURES, 'import', 'pairs');
export const PA = readFileSync(path.join(DIR, 'PA-HQ.set.txt'), 'utf8');
export const ASA = readFileSync(path.join(DIR, 'ASA-Branch.running-config.txt'), 'utf8');

const PID = 'set network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN';
const NO_PID = without(without(without(PA, `${PID} local 10.10.0.0/24`), `${PID} remote 10.20.0.0/24`), `${PID} protocol any`);
/** The causes as seed-causes.test.ts edits the pair, each with the end that initiates. */
export const CAUSES = [
  { name: 'reversal', pa: edit(edit(PA, `${PID} local 10.10.0.0/24`, `${PID} local 10.20.0.0/24`), `${PID} remote 10.20.0.0/24`, `${PID} remote 10.10.0.0/24`), asa: ASA, initiator: 1 },
  { name: 'typo /24 vs /25', pa: PA, asa: edit(ASA, 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.0', 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.128'), initiator: 1 },
  { name: 'protocol and port on one side', pa: edit(PA, `${PID} protocol any`, `${PID} protocol tcp remote-port 443`), asa: ASA, initiator: 1 },
  {
    name: 'missing proxy ID',
    pa: PA,
    asa: edit(
      edit(ASA, 'object network HQ-LAN\n', 'object network BRANCH-VOICE\n subnet 10.21.0.0 255.255.255.0\nobject network HQ-LAN\n'),
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\n',
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\naccess-list outside_cryptomap extended permit ip object BRANCH-VOICE object HQ-LAN\n',
    ),
    initiator: 1,
  },
  { name: 'Gotcha 1, the ASA initiating', pa: NO_PID, asa: ASA, initiator: 1 },
  { name: 'Gotcha 1, PAN-OS initiating', pa: NO_PID, asa: ASA, initiator: 0 },
] as const;
/** A cause whose first fix changes the ASA only. */
export const NAT_CAUSE = { pa: PA, asa: edit(ASA, 'object network HQ-LAN\n subnet 10.10.0.0 255.255.255.0', 'object network HQ-LAN\n host 198.51.100.1'), initiator: 0 };

export function imported(pa: string, asa: string, initiator: number): TopologyDocument {
  const r = importConfigurations([{ name: 'PA-HQ.txt', content: pa }, { name: 'ASA-Branch.txt', content: asa }], { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

export function fixedByFirstOffer(doc: TopologyDocument): TopologyDocument {
  const t = computeReport(doc).tunnels[0] as TunnelReport;
  const offered = t.diagnostics.find((d) => (d.fix?.length ?? 0) > 0);
  if (!offered?.fix) throw new Error('no fix offered');
  return produce(doc, (draft) => {
    for (const c of offered.fix ?? []) applyCommand(draft, c);
  });
}

export function panosBox(doc: TopologyDocument): BoxChanges {
  const changes = importChanges(doc);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.vendor === 'panos');
  if (!box) throw new Error('no PAN-OS box in the diff');
  return box;
}

/** The diff's lines that change the box (`+` or `-`, not the file headers). */
export const changed = (patch: string) => patch.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l));
