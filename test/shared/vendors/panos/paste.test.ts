// What to paste on a PAN-OS firewall (shared/vendors/panos/paste.ts), by concrete cases: the
// commands for one change each, exactly, on the configuration the exporter writes for the seed
// firewall as imported (test/fixtures/import/pairs/PA-HQ.set.txt) and on a golden file; and the
// CLI as a model (`apply`), which refuses what the firewall would refuse.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../shared/commands/commands';
import { computeReport } from '../../../../shared/engine/report-cache';
import type { TunnelReport } from '../../../../shared/engine/report';
import { importChanges, importedDocument } from '../../../../shared/export/changes';
import { exportDocument } from '../../../../shared/export/export';
import { importConfigurations } from '../../../../shared/import/import';
import type { TopologyDocument } from '../../../../shared/model/document';
import { scriptText, words, type PasteScript } from '../../../../shared/vendors/kit/paste';
import { panosAtoms, panosPaste } from '../../../../shared/vendors/panos/paste';
import { panosReader } from '../../../../shared/vendors/panos/reader';
import { vendor } from '../../../../shared/vendors/panos/vendor';
import { editOnce as edit } from '../../../support/fixture-edit';
import { randomPairs } from '../../../support/paste-pairs';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures');
const DIR = path.join(FIXTURES, 'import', 'pairs');
const PA = readFileSync(path.join(DIR, 'PA-HQ.set.txt'), 'utf8');
const ASA = readFileSync(path.join(DIR, 'ASA-Branch.running-config.txt'), 'utf8');
const SITE_A = readFileSync(path.join(FIXTURES, 'golden', 'panos--full-mesh', 'Site-A.panos.txt'), 'utf8');

function imported(pa: string): TopologyDocument {
  const r = importConfigurations([{ name: 'PA-HQ.txt', content: pa }, { name: 'ASA-Branch.txt', content: ASA }], { initiator: 1 });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const panosFile = (doc: TopologyDocument) => exportDocument(doc, { gateways: [doc.gateways.find((g) => g.vendor === 'panos')?.id ?? ''], skipEngineCheck: true }).files[0]?.content ?? '';

/** The exporter's file for the seed firewall as imported. */
const SEED = panosFile(imported(PA));
const GW = 'set network ike gateway GW-ASA-Branch';
const PID = 'set network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN';
const HASH = 'set network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash';

const commands = (before: string, after: string) => panosPaste.commands(before, after, 'PA-HQ.panos.txt');

/** What the reader makes of `config` with the script pasted on it, and of the configuration wanted. */
function pasted(before: string, after: string, script: PasteScript = commands(before, after)) {
  const r = panosPaste.apply(before, script);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  const got = panosReader.read([{ name: 'PA-HQ.panos.txt', content: r.config }]);
  const want = panosReader.read([{ name: 'PA-HQ.panos.txt', content: after }]);
  if (!got.ok || !want.ok) throw new Error('the reader refused a configuration');
  return { got: got.meaning, want: want.meaning, config: r.config };
}

describe('the commands for one change', () => {
  it('the module has the writer, and the seed file holds the lines the cases edit', () => {
    expect(vendor.paste).toBe(panosPaste);
    for (const l of [`${GW} peer-address ip 203.0.113.2`, `${HASH} sha1`, `${PID} local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`]) expect(SEED.split('\n')).toContain(l);
  });

  it('nothing changed: no commands', () => {
    expect(commands(SEED, SEED)).toEqual({ kind: 'commands', text: '', enter: ['configure'], leave: ['commit'], notes: [] });
  });

  it('a changed leaf is one set, which replaces the value (no delete)', () => {
    const after = edit(SEED, `${GW} peer-address ip 203.0.113.2`, `${GW} peer-address ip 203.0.113.9`);
    const s = commands(SEED, after);
    expect(s.text).toBe(`${GW} peer-address ip 203.0.113.9\n`);
    expect(scriptText(s)).toBe(`configure\n${GW} peer-address ip 203.0.113.9\ncommit\n`);
    const r = pasted(SEED, after, s);
    expect(r.got).toEqual(r.want);
    expect(r.config).not.toContain('203.0.113.2');
  });

  it('a list that gains a member is one set of that member; one that loses a member one delete of it', () => {
    const two = edit(SEED, `${HASH} sha1`, `${HASH} [ sha1 sha256 ]`);
    expect(commands(SEED, two).text).toBe(`${HASH} sha256\n`);
    expect(commands(two, SEED).text).toBe(`delete network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash sha256\n`);
    for (const [from, to] of [
      [SEED, two],
      [two, SEED],
    ] as const) {
      const r = pasted(from, to);
      expect(r.got).toEqual(r.want);
    }
  });

  it('a proposal list whose order changes is deleted and set again whole (the order is the proposal order)', () => {
    const ab = edit(SEED, `${HASH} sha1`, `${HASH} [ sha1 sha256 ]`);
    const ba = edit(SEED, `${HASH} sha1`, `${HASH} [ sha256 sha1 ]`);
    expect(commands(ab, ba).text).toBe(`delete network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash\n${HASH} [ sha256 sha1 ]\n`);
    const r = pasted(ab, ba);
    expect(r.got).toEqual(r.want);
  });

  it('a proxy ID whose protocol goes from any to tcp remote-port 443 deletes the old branch first, and back', () => {
    const tcp = edit(SEED, `${PID} local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`, `${PID} local 10.10.0.0/24 remote 10.20.0.0/24 protocol tcp local-port 0 remote-port 443`);
    expect(commands(SEED, tcp).text).toBe(`delete network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN protocol\n${PID} protocol tcp local-port 0\n${PID} protocol tcp remote-port 443\n`);
    expect(commands(tcp, SEED).text).toBe(`delete network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN protocol\n${PID} protocol any\n`);
    for (const [from, to] of [
      [SEED, tcp],
      [tcp, SEED],
    ] as const) {
      const r = pasted(from, to);
      expect(r.got).toEqual(r.want);
    }
    // Without the delete, the model refuses the new branch (whether the CLI replaces it is not documented).
    const r = panosPaste.apply(SEED, { ...commands(SEED, tcp), text: `${PID} protocol tcp remote-port 443\n` });
    expect(r).toEqual({ ok: false, line: 1, message: 'network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN protocol any is configured: delete network tunnel ipsec TUN-ASA-Branch auto-key proxy-id BRANCH-LAN protocol before setting tcp' });
  });

  it('a proxy ID removed is one delete of it; one added is its line as exported', () => {
    const line = `${PID} local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`;
    const voice = 'set network tunnel ipsec TUN-ASA-Branch auto-key proxy-id VOICE local 10.10.0.0/24 remote 10.21.0.0/24 protocol any';
    const two = edit(SEED, line, `${line}\n${voice}`);
    expect(commands(two, SEED).text).toBe('delete network tunnel ipsec TUN-ASA-Branch auto-key proxy-id VOICE\n');
    expect(commands(SEED, two).text).toBe(`${voice}\n`);
    const r = pasted(two, SEED);
    expect(r.got).toEqual(r.want);
  });

  it('a tunnel removed: its rules, routes, tunnel and gateway deleted (what refers first), the shared profiles, addresses, zone and interface only noted', () => {
    const cut = `${SITE_A.slice(0, SITE_A.indexOf('\n# ---- tunnel site-a-site-d'))}\n`;
    const s = commands(SITE_A, cut);
    expect(s.text).toBe(
      [
        'delete rulebase security rules site-a-site-d-in',
        'delete rulebase security rules site-a-site-d-out',
        'delete network virtual-router default routing-table ip static-route site-a-site-d-1',
        'delete network tunnel ipsec site-a-site-d',
        'delete network ike gateway gw-site-a-site-d',
        '',
      ].join('\n'),
    );
    expect(s.notes.map((n) => /^(.*) is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "delete \1" if nothing does$/.exec(n)?.[1])).toEqual([
      'address N-10.4.0.0-24',
      'network virtual-router default interface tunnel.3',
      'zone vpn network layer3 tunnel.3',
      'network interface tunnel units tunnel.3',
      'network ike crypto-profiles ipsec-crypto-profiles ipsec-site-a-site-d',
      'network ike crypto-profiles ike-crypto-profiles ike-site-a-site-d',
    ]);
    const r = panosPaste.apply(SITE_A, s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const got = panosReader.read([{ name: 'Site-A.panos.txt', content: r.config }]);
    const want = panosReader.read([{ name: 'Site-A.panos.txt', content: cut }]);
    if (!got.ok || !want.ok) throw new Error('the reader refused a configuration');
    expect(got.meaning.peers).toEqual(want.meaning.peers);
    expect(got.meaning.device?.policies).toEqual(want.meaning.device?.policies);
    expect(got.meaning.device?.routes).toEqual(want.meaning.device?.routes);
    // tunnel.3 is left on the box, in its zone, as the notes say.
    expect(got.meaning.device?.interfaces?.map((i) => i.name)).toEqual(['tunnel.1', 'tunnel.2', 'tunnel.3']);
  });

  it('an interface that moves to another zone leaves the old one (an interface is in one zone)', () => {
    const moved = edit(SEED, 'set zone vpn network layer3 tunnel.1', 'set zone vpn2 network layer3 tunnel.1');
    expect(commands(SEED, moved).text).toBe('set zone vpn2 network layer3 tunnel.1\ndelete zone vpn network layer3 tunnel.1\n');
  });
});

describe('the seed firewall, fixed by the engine: the paste of Changes since import', () => {
  it('the IKE proposal fix (the ASA\'s hash added) is one set of the new hash', () => {
    const doc = imported(edit(PA, 'IKE-AES256-SHA1 hash sha1', 'IKE-AES256-SHA1 hash sha256'));
    const offered = (computeReport(doc).tunnels[0] as TunnelReport).diagnostics.find((d) => (d.fix?.length ?? 0) > 0);
    expect(offered?.code).toBe('PROPOSAL_MISMATCH');
    const fixed = produce(doc, (draft) => {
      for (const c of offered?.fix ?? []) applyCommand(draft, c);
    });
    const changes = importChanges(fixed);
    if (!changes.ok) throw new Error(changes.message);
    const file = changes.boxes.find((b) => b.vendor === 'panos')?.files[0];
    expect(file?.paste).toEqual({ kind: 'commands', text: `${HASH} sha1\n`, enter: ['configure'], leave: ['commit'], notes: [] });
    const before = panosFile(importedDocument(fixed) as TopologyDocument);
    const r = pasted(before, panosFile(fixed), file?.paste);
    expect(r.got).toEqual(r.want);
  });
});

describe('the CLI as a model', () => {
  const script = (text: string): PasteScript => ({ kind: 'commands', text, enter: ['configure'], leave: ['commit'], notes: [] });

  it('deleting what is not there is refused, at its line', () => {
    expect(panosPaste.apply(SEED, script(`${GW} peer-address ip 203.0.113.9\ndelete network ike gateway GW-NONE\n`))).toEqual({ ok: false, line: 2, message: 'Object not present: network ike gateway GW-NONE' });
    expect(panosPaste.apply(SEED, script(`delete ${HASH.slice(4)} md5\n`))).toEqual({ ok: false, line: 1, message: 'Object not present: network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash md5' });
  });

  it('set on a member list appends: a script that relies on set replacing the list does not give the list wanted', () => {
    const r = panosPaste.apply(SEED, script(`${HASH} sha256\n${HASH} sha1\n`));
    expect(r.ok && r.config.split('\n').filter((l) => l.startsWith(HASH))).toEqual([`${HASH} [ sha1 sha256 ]`]);
    const wanted = edit(SEED, `${HASH} sha1`, `${HASH} sha256`);
    const replaced = pasted(SEED, wanted, script(`${HASH} sha256\n`));
    expect(replaced.got).not.toEqual(replaced.want);
    expect(pasted(SEED, wanted).got).toEqual(pasted(SEED, wanted).want);
  });

  it('an object still named elsewhere cannot be deleted; a rule moves', () => {
    expect(panosPaste.apply(SEED, script('delete network ike gateway GW-ASA-Branch\n'))).toEqual({ ok: false, line: 1, message: 'Reference count not zero: network ike gateway GW-ASA-Branch is used by network tunnel ipsec TUN-ASA-Branch auto-key ike-gateway GW-ASA-Branch' });
    const r = panosPaste.apply(SITE_A, script('move rulebase security rules site-a-site-d-in top\n'));
    expect(r.ok && [...new Set(r.config.split('\n').filter((l) => l.startsWith('set rulebase security rules ')).map((l) => words(l)[4]))]).toEqual(['site-a-site-d-in', 'site-a-site-b-out', 'site-a-site-b-in', 'site-a-site-c-out', 'site-a-site-c-in', 'site-a-site-d-out']);
    expect(panosPaste.apply(SITE_A, script('move rulebase security rules nope top\n'))).toEqual({ ok: false, line: 1, message: 'Object not present: rulebase security rules nope' });
  });

  it('what it writes back reads as what it was given', () => {
    const r = panosPaste.apply(SITE_A, script(''));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(panosReader.read([{ name: 'a', content: r.config }])).toMatchObject({ ok: true, meaning: (panosReader.read([{ name: 'a', content: SITE_A }]) as { meaning: unknown }).meaning });
  });

  it('every statement the exporter writes splits into atoms (golden files and random designs)', () => {
    const files = [
      ...['panos--full-mesh', 'panos--screenos-multi-proxy-id', 'auto--pan-asa-interop'].flatMap((d) => ['Site-A', 'Site-B', 'Site-C', 'Site-D', 'PA-HQ'].map((g) => path.join(FIXTURES, 'golden', d, `${g}.panos.txt`))).filter(existsSync).map((f) => readFileSync(f, 'utf8')),
      SEED,
      ...randomPairs('panos', 30).flatMap((p) => [...p.before, ...p.after].map((f) => f.content)),
    ];
    expect(files.length).toBeGreaterThan(30);
    const unsplit = files.flatMap((t) => t.split('\n').filter((l) => l.startsWith('set ') && !panosAtoms(words(l).slice(1))));
    expect(unsplit).toEqual([]);
  });
});
