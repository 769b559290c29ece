// The corrected configuration of an imported Cisco IOS-XE router is written in the router's own
// names: the crypto map applied to its outside interface and the entry's sequence number, the
// crypto ACL (named or numbered), the transform sets, the IKEv2 proposals, policy, keyring and its
// peer, the IKEv2 profile, the IPsec profile of a VTI and the ISAKMP policies' priorities, which
// the reader records per tunnel end (options.ts, IosEndOptions). So the "Changes since import"
// diff of the router (importChanges) is what to paste on it. The files are
// test/fixtures/import/docs/cisco-ios/ (written after Cisco's documentation, see their headers):
// branch-rtr (static VTI, IKEv2) with its hub hq-rtr, and smap-initiator (crypto map cmap, IKEv2
// entry 1 to an unknown peer, IKEv1 entry 20 with the numbered ACL 110) with its legacy partner.
// Each case makes the router wrong for one cause, with the peer initiating so that the fix the
// engine offers lands on the router (the responder's end); the paste, applied to the router's
// own file by the product's CLI model (paste.apply) and imported again, brings the tunnel up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import { importChanges } from '../../../shared/export/changes';
import { importConfigurations } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { paste } from '../../../shared/vendors/cisco-ios/paste';
import { editEach as edit } from '../../support/fixture-edit';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'docs', 'cisco-ios');
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const BRANCH = read('ikev2-profile-keyring-vti.ios.txt');
const HQ = read('ikev2-vti-hub-peer.ios.txt');
const SMAP = read('ikev2-crypto-map.ios.txt');
const PARTNER = read('ikev1-legacy-partner.ios.txt');

/** The box under test (`host`) and its peer's file; the peer initiates unless told. */
interface Pair {
  box: string;
  peer: string;
  host: 'branch-rtr' | 'smap-initiator' | 'legacy-partner';
}
const vti = (box = BRANCH): Pair => ({ box, peer: HQ, host: 'branch-rtr' });
const map = (box = SMAP): Pair => ({ box, peer: PARTNER, host: 'smap-initiator' });

function imported(p: Pair, initiator: 0 | 1 = 1): TopologyDocument {
  const r = importConfigurations([{ name: `${p.host}.txt`, content: p.box }, { name: 'peer.txt', content: p.peer }], { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const gatewayOf = (doc: TopologyDocument, host: string) => {
  const g = doc.gateways.find((x) => x.name === host);
  if (!g) throw new Error(`${host} not imported`);
  return g;
};
const fileOf = (doc: TopologyDocument, host: string): string => exportDocument(doc, { gateways: [gatewayOf(doc, host).id], skipEngineCheck: true }).files[0]?.content ?? '';
const touches = (c: Command, end: 'a' | 'b'): boolean => (c.type === 'batch' ? c.commands.some((x) => touches(x, end)) : 'end' in c && c.end === end);
/** The tunnel between the box and its imported peer (not the crypto map's entry to a peer of no file). */
const tunnelIndex = (doc: TopologyDocument) => doc.tunnels.findIndex((t) => !t.name.includes('Peer '));
const endOf = (doc: TopologyDocument, host: string, i: number) => {
  const t = doc.tunnels[i];
  return t?.a.gatewayId === gatewayOf(doc, host).id ? t.a : t?.b;
};

/**
 * Applies the fix of the finding `code`, which must change the box's end; the box's diff since
 * import, its changed lines, and its paste applied to the box's own file, imported again with
 * the peer: the tunnel must be up.
 */
function fixOnBox(p: Pair, code: string): { patch: string; changed: string[]; pasted: string; config: string; fixed: TopologyDocument } {
  const doc = imported(p);
  const i = tunnelIndex(doc);
  const tunnel = doc.tunnels[i];
  const t = computeReport(doc).tunnels[i];
  if (!tunnel || !t) throw new Error('no tunnel imported');
  expect(t.status).not.toBe('up');
  const end = tunnel.a.gatewayId === gatewayOf(doc, p.host).id ? 'a' : 'b';
  const d = t.diagnostics.find((x) => x.code === code);
  expect(d, t.diagnostics.map((x) => `${x.code}: ${x.fixLabel ?? ''}`).join('\n')).toBeDefined();
  expect(d?.fix?.some((c) => touches(c, end)), `${code}'s fix "${d?.fixLabel ?? ''}" changes ${p.host}`).toBe(true);
  const fixed = produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
  expect(computeReport(fixed).tunnels[i]?.status, d?.fixLabel).toBe('up');
  const changes = importChanges(fixed);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.gateway === p.host);
  expect(box?.status).toBe('changed');
  expect(changes.boxes.filter((b) => b.gateway !== p.host).map((b) => b.status)).toEqual(['unchanged']);
  const patch = box?.files.map((f) => f.patch).join('') ?? '';
  const changed = patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/u.test(l) && !/^[-+]!/u.test(l));
  let config = p.box;
  let pasted = '';
  for (const f of box?.files ?? []) {
    if (!f.paste || f.paste.text === '') continue;
    pasted += f.paste.text;
    const r = paste.apply(config, f.paste);
    if (!r.ok) throw new Error(`the paste does not apply to ${p.host}'s own file, line ${r.line}: ${r.message}\n${f.paste.text}`);
    config = r.config;
  }
  expect(config).not.toBe(p.box);
  const again = imported({ ...p, box: config });
  const j = tunnelIndex(again);
  const up = computeReport(again).tunnels[j];
  expect(up?.status, `${p.host} with the paste applied: ${up?.diagnostics.map((x) => x.code).join(', ') ?? ''}\n${pasted}`).toBe('up');
  return { patch, changed, pasted, config, fixed };
}

/** Names the export makes up after the tunnel for what the box already has. */
const DERIVED_VTI = /\b(?:POL|KR|PROF|IPSEC)-branch-rtr|PROP-branch-rtr---hq-rtr-1\b|TS-branch-rtr---hq-rtr-1\b/u;
const DERIVED_MAP = /\bCRYPTO-|\bCMAP\b|TS-smap-initiator---legacy-partner-1\b|crypto isakmp policy 1[1-9]\b/u;

describe('an imported Cisco IOS-XE router is exported in its own names', () => {
  it('records the box\'s names on the router\'s end: a VTI\'s IKEv2 objects and IPsec profile', () => {
    const doc = imported(vti());
    expect(endOf(doc, 'branch-rtr', tunnelIndex(doc))?.vendorOptions['cisco-ios']).toEqual({
      ipsecProfile: 'IPSEC-HQ', transformSets: 'TS-GCM', ikev2Profile: 'PROF-HQ', ikev2Proposals: 'PROP-AES256', ikev2Policy: 'POL-1', ikev2Keyring: 'KR-SITES', keyringPeer: 'HQ',
    });
    // The hub's own names, on its end.
    expect(endOf(doc, 'hq-rtr', tunnelIndex(doc))?.vendorOptions['cisco-ios']).toEqual({
      ipsecProfile: 'VTI-BRANCH', transformSets: 'GCM256', ikev2Profile: 'BRANCH-PROFILE', ikev2Proposals: 'IKE-AES256-SHA256', ikev2Policy: 'IKE-POLICY', ikev2Keyring: 'BRANCHES', keyringPeer: 'branch-rtr',
    });
  });

  it('records a crypto map entry\'s map, sequence, ACL (named or numbered), transform set and the ISAKMP priorities', () => {
    const doc = imported(map());
    const ends = doc.tunnels.map((_, i) => endOf(doc, 'smap-initiator', i)?.vendorOptions['cisco-ios']);
    expect(ends).toEqual([
      { cryptoMap: 'cmap', mapSequence: 1, cryptoAcl: 'ikev2list', transformSets: 'trans', ikev2Profile: 'prof', ikev2Proposals: 'prop-1', ikev2Policy: 'pol-1', ikev2Keyring: 'v2-kr1', keyringPeer: 'abc' },
      { cryptoMap: 'cmap', mapSequence: 20, cryptoAcl: '110', transformSets: 'trans', isakmpPolicies: '10:aes256:sha256:14' },
    ]);
    expect(endOf(doc, 'legacy-partner', tunnelIndex(doc))?.vendorOptions['cisco-ios']).toEqual({ cryptoMap: 'PARTNER-MAP', mapSequence: 10, cryptoAcl: 'TO-SMAP', transformSets: 'AES-SHA', isakmpPolicies: '20:aes256:sha256:14' });
  });

  it('the box as imported exports its own objects: every crypto object, ACL and map entry the file names is the box\'s', () => {
    const named = /^(?:crypto (?:ikev2 (?:proposal|policy|keyring|profile)|ipsec (?:profile|transform-set \S+)|map \S+ \d+|isakmp policy)|ip access-list extended|interface)\b/u;
    // The branch does source NAT: the exemption's deny lines go in an ACL of the export's own
    // (the box's NAT list ends with its permit line, after which an appended deny would match
    // nothing), with a warning to move them; ACL 110 is the box's, which it prints as numbered lines.
    for (const [p, others] of [[vti(), ['ip access-list extended NAT-EXEMPT-branch-rtr---hq-rtr']], [map(), ['ip access-list extended 110']]] as const) {
      const box = new Set(p.box.split('\n'));
      const heads = fileOf(imported(p), p.host).split('\n').filter((l) => named.test(l)).map((l) => l.replace(/^(crypto ipsec transform-set \S+) .*$/u, '$1'));
      expect(heads.length).toBeGreaterThan(5);
      const boxHeads = new Set([...box].map((l) => l.replace(/^(crypto ipsec transform-set \S+) .*$/u, '$1')));
      expect(heads.filter((l) => !boxHeads.has(l))).toEqual(others);
    }
    // The box's keyring peer and the IKEv2 profile's keyring, and the map applied to the box's interface.
    const out = fileOf(imported(map()), 'smap-initiator');
    expect(out).toContain('crypto ikev2 keyring v2-kr1\n peer abc\n');
    expect(out).toContain(' keyring local v2-kr1\n');
    expect(out).toContain('interface Ethernet0/0\n crypto map cmap\n');
    expect(out).toContain('crypto map cmap 20 ipsec-isakmp\n set peer 192.0.2.77\n set transform-set trans\n');
    // The box's map is applied already: no warning that binding one replaces it.
    expect(out).not.toContain('replaces the crypto map the interface has now');
    // One transform set for the two entries that share it.
    expect(out.match(/^crypto ipsec transform-set trans /gmu)).toHaveLength(1);
  });

  it('the names come from the recorded settings: without them the same boxes export derived names', () => {
    for (const [p, derived] of [[vti(), DERIVED_VTI], [map(), DERIVED_MAP]] as const) {
      const doc = produce(imported(p), (d) => {
        for (const t of d.tunnels) for (const e of [t.a, t.b]) e.vendorOptions = {};
      });
      expect(fileOf(doc, p.host)).toMatch(derived);
    }
  });

  it('VTI, another transform set on the router: the fix adds a set beside the box\'s and sets both on IPSEC-HQ', () => {
    const { changed, pasted } = fixOnBox(vti(edit(BRANCH, ['TS-GCM esp-gcm 256', 'TS-GCM esp-aes 256 esp-sha256-hmac'])), 'PROPOSAL_MISMATCH');
    expect(changed).toContain('- set transform-set TS-GCM');
    expect(changed.filter((l) => /^\+ set transform-set TS-GCM \S+$/u.test(l))).toHaveLength(1);
    expect(changed.filter((l) => DERIVED_VTI.test(l))).toEqual([]);
    expect(pasted).toContain('crypto ipsec profile IPSEC-HQ\n');
    // The box's own set is not redefined: other profiles or entries may name it.
    expect(pasted).not.toMatch(/^crypto ipsec transform-set TS-GCM /mu);
  });

  it('VTI, another IKEv2 proposal on the router: the fix adds a proposal to the box\'s policy POL-1', () => {
    const { changed, pasted } = fixOnBox(vti(edit(BRANCH, ['encryption aes-cbc-256', 'encryption aes-cbc-128'])), 'PROPOSAL_MISMATCH');
    expect(changed.filter((l) => DERIVED_VTI.test(l))).toEqual([]);
    expect(pasted).toMatch(/^crypto ikev2 policy POL-1\n proposal PROP-branch-rtr---hq-rtr-2\nexit$/mu);
    expect(pasted).not.toContain('crypto ikev2 proposal PROP-AES256');
  });

  it('VTI, another PFS group on the router: the fix sets the group in the box\'s IPsec profile', () => {
    const branch = edit(BRANCH, [' set pfs group14\n', ' set pfs group19\n']);
    const doc = imported(vti(branch));
    // PFS differs only at rekey: the tunnel is up, and the fix is offered on the router.
    const d = computeReport(doc).tunnels[0]?.diagnostics.find((x) => x.code === 'PFS_MISMATCH_AT_REKEY');
    expect(d?.fixLabel).toBe('Use hq-rtr\'s PFS group on branch-rtr');
    const fixed = produce(doc, (draft) => {
      for (const c of d?.fix ?? []) applyCommand(draft, c);
    });
    const changes = importChanges(fixed);
    if (!changes.ok) throw new Error(changes.message);
    const file = changes.boxes.find((b) => b.gateway === 'branch-rtr')?.files[0];
    expect(file?.paste?.text).toBe('crypto ipsec profile IPSEC-HQ\n set pfs group14\nexit\n');
    const r = file?.paste ? paste.apply(branch, file.paste) : undefined;
    expect(r?.ok && r.config).toBe(BRANCH);
  });

  it('crypto map, the numbered ACL reversed on the router: the fix swaps the line of ACL 110, which the box keeps as numbered lines', () => {
    const reversed = edit(SMAP, ['access-list 110 permit tcp 10.30.0.0 0.0.0.255 host 192.0.2.80 eq 443', 'access-list 110 permit tcp host 192.0.2.80 eq 443 10.30.0.0 0.0.0.255']);
    const { changed, pasted, config } = fixOnBox(map(reversed), 'SELECTOR_REVERSED');
    expect(changed).toEqual(['- permit tcp host 192.0.2.80 eq 443 10.30.0.0 0.0.0.255', '+ permit tcp 10.30.0.0 0.0.0.255 host 192.0.2.80 eq 443']);
    expect(pasted).toContain('ip access-list extended 110\n');
    // As the router prints it: the remark and the corrected line as numbered lines, in place.
    expect(config).toContain('access-list 110 remark traffic to the legacy partner\naccess-list 110 permit tcp 10.30.0.0 0.0.0.255 host 192.0.2.80 eq 443\n');
    expect(config).not.toContain('ip access-list extended 110');
  });

  it('crypto map, another ISAKMP policy on the router: the box\'s policy keeps its priority 30, the fix adds one numbered from the gateway\'s first priority', () => {
    const { changed, pasted, fixed } = fixOnBox(map(edit(SMAP, ['crypto isakmp policy 10\n encr aes 256\n hash sha256', 'crypto isakmp policy 30\n encr aes 128\n hash sha256'])), 'PROPOSAL_MISMATCH');
    expect(changed.filter((l) => l.includes('isakmp policy'))).toEqual(['+crypto isakmp policy 10']);
    expect(pasted).toMatch(/^crypto isakmp policy 10\n encr aes 256\n/mu);
    expect(fileOf(fixed, 'smap-initiator')).toContain('crypto isakmp policy 30\n encr aes 128\n');
  });

  it('crypto map, another transform set on the router: the fix adds a set in entry cmap 20', () => {
    const { changed, pasted } = fixOnBox(map(edit(SMAP, ['transform-set trans esp-aes esp-sha-hmac', 'transform-set trans esp-aes 256 esp-sha-hmac'])), 'PROPOSAL_MISMATCH');
    expect(changed).toContain('- set transform-set trans');
    expect(changed.filter((l) => /^\+ set transform-set trans \S+$/u.test(l))).toHaveLength(1);
    expect(changed.filter((l) => /\bCRYPTO-|\bCMAP\b/u.test(l))).toEqual([]);
    expect(pasted).toContain('crypto map cmap 20 ipsec-isakmp\n');
  });

  it('the commands carry no caveat that they would create objects beside the router\'s own', () => {
    const doc = imported(vti(edit(BRANCH, [' set pfs group14\n', ' set pfs group19\n'])));
    const d = computeReport(doc).tunnels[0]?.diagnostics.find((x) => x.code === 'PFS_MISMATCH_AT_REKEY');
    const changes = importChanges(produce(doc, (draft) => {
      for (const c of d?.fix ?? []) applyCommand(draft, c);
    }));
    if (!changes.ok) throw new Error(changes.message);
    const notes = changes.boxes.find((b) => b.gateway === 'branch-rtr')?.files[0]?.paste?.notes ?? [];
    expect(notes.filter((n) => n.includes('beside its own'))).toEqual([]);
  });

  it('crypto map, a named ACL whose entries the router prints with sequence numbers: the entry is replaced, numbered past the list\'s last', () => {
    const partner = edit(PARTNER, [' permit tcp host 192.0.2.80 eq 443 10.30.0.0 0.0.0.255', ' 10 permit tcp 10.30.0.0 0.0.0.255 host 192.0.2.80 eq 443']);
    const { changed, config } = fixOnBox({ box: partner, peer: SMAP, host: 'legacy-partner' }, 'SELECTOR_REVERSED');
    expect(changed).toEqual(['- permit tcp 10.30.0.0 0.0.0.255 host 192.0.2.80 eq 443', '+ permit tcp host 192.0.2.80 eq 443 10.30.0.0 0.0.0.255']);
    expect(config).toContain('ip access-list extended TO-SMAP\n 20 permit tcp host 192.0.2.80 eq 443 10.30.0.0 0.0.0.255\n');
  });

  it('a name the document cannot keep is not recorded, and that part is derived', () => {
    const long = `ikev2list_${'x'.repeat(60)}`;
    const doc = imported(map(edit(SMAP, ['ip access-list extended ikev2list', `ip access-list extended ${long}`], ['match address ikev2list', `match address ${long}`])));
    const own = endOf(doc, 'smap-initiator', 0)?.vendorOptions['cisco-ios'];
    expect(own?.['cryptoAcl']).toBeUndefined();
    expect(own?.['cryptoMap']).toBe('cmap');
    expect(fileOf(doc, 'smap-initiator')).toContain(' match address CRYPTO-smap-initiator---Peer-209-165-200-225\n');
  });

  it('a copied tunnel does not reuse the box\'s entry, ACL, keyring or profiles: the copy gets its own, and shares the box\'s proposal and policy', () => {
    const copy = (p: Pair, i: number) => produce(imported(p), (d) => {
      const t = d.tunnels[i];
      if (t) d.tunnels.push({ ...JSON.parse(JSON.stringify(t)) as typeof t, id: 'tn-copy' as typeof t.id, name: 'copy' });
    });
    const m = fileOf(copy(map(), 0), 'smap-initiator');
    expect(m.match(/^crypto map cmap 1 ipsec-isakmp$/gmu)).toHaveLength(1);
    expect(m).toMatch(/^crypto map cmap 30 ipsec-isakmp\n set peer 209\.165\.200\.225\n set transform-set trans\n set ikev2-profile PROF-copy\n/mu);
    expect(m).toContain(' match address CRYPTO-copy\n');
    expect(m).toContain('crypto ikev2 keyring KR-copy\n peer copy\n');
    expect(m.match(/^crypto ikev2 (?:proposal prop-1|policy pol-1)$/gmu)).toHaveLength(2);
    const v = fileOf(copy(vti(), 0), 'branch-rtr');
    expect(v.match(/^crypto ipsec profile IPSEC-HQ$/gmu)).toHaveLength(1);
    expect(v).toContain('crypto ipsec profile IPSEC-copy\n');
  });

  it('two VTIs whose peers are in one keyring of the box: one keyring, with both peers, as the box has it', () => {
    const two = edit(BRANCH,
      [' peer HQ\n', ' peer DR\n  address 203.0.113.20\n  pre-shared-key local Dr2Site\n  pre-shared-key remote Dr2Site\n peer HQ\n'],
      ['crypto ipsec profile IPSEC-HQ\n', 'crypto ikev2 profile PROF-DR\n match identity remote address 203.0.113.20 255.255.255.255\n authentication remote pre-share\n authentication local pre-share\n keyring local KR-SITES\n!\ncrypto ipsec profile IPSEC-DR\n set transform-set TS-GCM\n set pfs group14\n set ikev2-profile PROF-DR\n!\ncrypto ipsec profile IPSEC-HQ\n'],
      ['interface GigabitEthernet0/0/0\n', 'interface Tunnel2\n tunnel source GigabitEthernet0/0/0\n tunnel mode ipsec ipv4\n tunnel destination 203.0.113.20\n tunnel protection ipsec profile IPSEC-DR\n!\ninterface GigabitEthernet0/0/0\n']);
    const out = fileOf(imported(vti(two)), 'branch-rtr');
    expect(out.match(/^crypto ikev2 keyring .*$/gmu)).toEqual(['crypto ikev2 keyring KR-SITES']);
    expect(out).toMatch(/^crypto ikev2 keyring KR-SITES\n peer (?:HQ|DR)\n {2}address 203\.0\.113\.(?:10|20)\n {2}pre-shared-key <PSK:[^>]+>\n peer (?:HQ|DR)\n {2}address 203\.0\.113\.(?:10|20)\n/mu);
    expect(out.match(/^ keyring local KR-SITES$/gmu)).toHaveLength(2);
    expect(out).toContain('crypto ikev2 profile PROF-DR\n');
    expect(out).toContain(' tunnel protection ipsec profile IPSEC-DR\n');
  });

  it('the boxes as imported and unchanged have no diff', () => {
    for (const p of [vti(), map()]) {
      const changes = importChanges(imported(p, 0));
      if (!changes.ok) throw new Error(changes.message);
      expect(changes.boxes.map((b) => b.status)).toEqual(['unchanged', 'unchanged']);
    }
  });
});
