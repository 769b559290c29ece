// The corrected configuration of an imported FortiGate is written in the box's own names: its
// phase1-interface, phase2-interfaces, firewall addresses, the tunnel's two firewall policies by
// their policy IDs and its static routes by their sequence numbers, which the reader records per
// tunnel end (options.ts, FortigateEndOptions). So the "Changes since import" diff of the box
// (importChanges) is what to paste on that FortiGate. The pair is the two ends of Fortinet's
// "Basic site-to-site VPN with pre-shared key" (test/fixtures/import/docs/fortigate/, see their
// headers): each case makes HQ2 wrong for one cause, with HQ1 initiating, so that the fix the
// engine offers lands on HQ2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import { importChanges } from '../../../shared/export/changes';
import { importConfigurations } from '../../../shared/import/import';
import type { Gateway, TopologyDocument } from '../../../shared/model/document';
import { fortigatePaste } from '../../../shared/vendors/fortigate/paste';
import { editOnce } from '../../support/fixture-edit';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'docs', 'fortigate');
const HQ1 = readFileSync(path.join(DIR, 'hq1-route-based.conf'), 'utf8');
const HQ2 = readFileSync(path.join(DIR, 'branch-vdoms.conf'), 'utf8');

function imported(hq2: string, initiator: 0 | 1 = 0, hq1 = HQ1): TopologyDocument {
  const r = importConfigurations([{ name: 'hq1.conf', content: hq1 }, { name: 'hq2.conf', content: hq2 }], { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const gatewayOf = (doc: TopologyDocument, name: string): Gateway => {
  const g = doc.gateways.find((x) => x.name === name);
  if (!g) throw new Error(`no ${name} imported`);
  return g;
};
const endOf = (doc: TopologyDocument, name: string) => {
  const t = doc.tunnels[0];
  return t?.a.gatewayId === gatewayOf(doc, name).id ? t.a : t?.b;
};
const fileOf = (doc: TopologyDocument, name: string): string => exportDocument(doc, { gateways: [gatewayOf(doc, name).id], skipEngineCheck: true }).files[0]?.content ?? '';
const touches = (c: Command, end: 'a' | 'b'): boolean => (c.type === 'batch' ? c.commands.some((x) => touches(x, end)) : 'end' in c && c.end === end);

/**
 * Applies the fix of the finding `code`, which must change `box`'s end; that box's diff and paste
 * since import. The paste, applied by the FortiOS CLI model to the box's own file (its VDOMs and
 * every other table) and imported again with the other, gives the fixed tunnel: the box's end as fixed.
 */
function fixOnHq2(hq2: string, code: string, initiator: 0 | 1 = 0): ReturnType<typeof fixOn> {
  return fixOn('HQ2', HQ1, hq2, code, initiator);
}

function fixOn(boxName: 'HQ1' | 'HQ2', hq1: string, hq2: string, code: string, initiator: 0 | 1) {
  const doc = imported(hq2, initiator, hq1);
  const t = computeReport(doc).tunnels[0];
  const tunnel = doc.tunnels[0];
  if (!t || !tunnel) throw new Error('no tunnel imported');
  const end = tunnel.a.gatewayId === gatewayOf(doc, boxName).id ? 'a' : 'b';
  const d = t.diagnostics.find((x) => x.code === code);
  expect(d, t.diagnostics.map((x) => `${x.code}: ${x.fixLabel ?? ''}`).join('\n')).toBeDefined();
  expect(d?.fix?.some((c) => touches(c, end)), `${code}'s fix "${d?.fixLabel ?? ''}" changes ${boxName}`).toBe(true);
  const fixed = produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
  expect(computeReport(fixed).tunnels[0]?.status, d?.fixLabel).not.toBe('down');
  const changes = importChanges(fixed);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.gateway === boxName);
  expect(box?.status).toBe('changed');
  expect(changes.boxes.filter((b) => b.gateway !== boxName).map((b) => b.status)).toEqual(['unchanged']);
  const file = box?.files[0];
  const changed = (file?.patch ?? '').split('\n').filter((l) => /^[-+](?![-+]{2} )/u.test(l));
  if (!file?.paste) throw new Error(`no paste for ${boxName}`);
  const own = boxName === 'HQ1' ? hq1 : hq2;
  const applied = fortigatePaste.apply(own, file.paste);
  if (!applied.ok) throw new Error(`line ${applied.line}: ${applied.message}\n${file.paste.text}`);
  // The box's other VDOMs and tables are as they were.
  const kept = boxName === 'HQ1' ? ['    set hostname "HQ1"', '        set name "dmz_to_internet"', '    set server "10.1.100.50"'] : ['    set hostname "HQ2"', '        set name "mgmt-out"', '        set remote-gw 198.51.100.7'];
  for (const l of kept) expect(applied.config).toContain(l);
  const again = boxName === 'HQ1' ? imported(hq2, initiator, applied.config) : imported(applied.config, initiator, hq1);
  const hq2End = (d: TopologyDocument) => {
    const e = endOf(d, boxName);
    return { proxyIds: e?.proxyIds, esp: e?.esp, ike: e?.ike, names: e?.vendorOptions['fortigate'] };
  };
  const want = hq2End(fixed);
  const got = hq2End(again);
  expect({ ...got, names: undefined }).toEqual({ ...want, names: undefined });
  expect(computeReport(again).tunnels[0]?.status).toBe(computeReport(fixed).tunnels[0]?.status);
  return { changed, paste: file.paste, fixed, again: got.names };
}

/** Names the export makes up for a tunnel drawn in the app (its name "HQ1 - HQ2" as a word). */
const DERIVED = /HQ1---HQ2/u;

describe('an imported FortiGate is exported in its own names', () => {
  it('records the box\'s names on each end, and the box as imported exports its own VPN entries', () => {
    const doc = imported(HQ2);
    expect(endOf(doc, 'HQ1')?.vendorOptions['fortigate']).toEqual({
      phase1Interface: 'to_HQ2',
      // One phase 2 by address name for both selectors: the wizard's to_HQ2 on its two groups.
      phase2Interfaces: '1=to_HQ2,2=to_HQ2', phase2Objects: 'to_HQ2=to_HQ2_local/to_HQ2_remote',
      addresses: '10.1.100.0/24=to_HQ2_local_subnet_1,10.1.200.0/24=lab,172.16.101.0/24=to_HQ2_remote_subnet_1',
      policyOut: 'vpn_to_HQ2_local', policyOutId: 1, policyIn: 'vpn_to_HQ2_remote', policyInId: 2,
      staticRoutes: '172.16.101.0/24=2',
    });
    expect(endOf(doc, 'HQ2')?.vendorOptions['fortigate']).toEqual({
      phase1Interface: 'to_HQ1', phase2Interfaces: '1=to_HQ1', policyOut: 'outbound', policyOutId: 2, policyIn: 'inbound', policyInId: 1, staticRoutes: '10.1.100.0/24=1',
    });
    const hq1 = fileOf(doc, 'HQ1');
    for (const l of ['    edit "to_HQ2"', '    edit "to_HQ2"\n        set phase1name "to_HQ2"', '        set src-addr-type name\n        set dst-addr-type name\n        set src-name "to_HQ2_local"\n        set dst-name "to_HQ2_remote"', '    edit "to_HQ2_local"\n        set member "to_HQ2_local_subnet_1" "lab"', '    edit "to_HQ2_local_subnet_1"', '    edit "lab"', '    edit 1\n        set name "vpn_to_HQ2_local"', '    edit 2\n        set name "vpn_to_HQ2_remote"', '        set srcaddr "to_HQ2_local_subnet_1" "lab"', '    edit 2\n        set dst 172.16.101.0 255.255.255.0\n        set device "to_HQ2"']) expect(hq1).toContain(l);
    const hq2 = fileOf(doc, 'HQ2');
    for (const l of ['    edit "to_HQ1"\n        set interface "port25"', '    edit "to_HQ1"\n        set phase1name "to_HQ1"', '    edit 2\n        set name "outbound"', '    edit 1\n        set name "inbound"', '    edit 1\n        set dst 10.1.100.0 255.255.255.0\n        set device "to_HQ1"']) expect(hq2).toContain(l);
    expect(`${hq1}${hq2}`).not.toMatch(/edit "HQ1---HQ2|set name "HQ1---HQ2|phase1name "HQ1---HQ2/u);
  });

  it('the names come from the recorded settings: without them the same boxes export derived names and edit 0', () => {
    const doc = produce(imported(HQ2), (d) => {
      for (const t of d.tunnels) for (const e of [t.a, t.b]) e.vendorOptions = {};
    });
    const out = fileOf(doc, 'HQ1');
    expect(out).toContain('    edit "HQ1---HQ2"');
    expect(out).toContain('    edit "N-10.1.100.0-24"');
    expect(out).toContain('    edit 0\n        set name "HQ1---HQ2-out"');
    expect(out).not.toContain('vpn_to_HQ2_local');
    expect(out).not.toMatch(/^ {4}edit [12]$/mu);
  });

  it('another phase-2 proposal on HQ2: the fix is one set proposal in the box\'s phase2-interface, nothing else', () => {
    const hq2 = editOnce(HQ2, '        set proposal aes128-sha1 aes256-sha1 aes128-sha256 aes256-sha256 aes128gcm aes256gcm chacha20poly1305\n        set auto-negotiate enable', '        set proposal 3des-sha1\n        set auto-negotiate enable');
    const { changed, paste } = fixOnHq2(hq2, 'PROPOSAL_MISMATCH');
    expect(paste?.text).toMatch(/^config vpn ipsec phase2-interface\n {4}edit "to_HQ1"\n {8}set proposal [a-z0-9 -]+\n {4}next\nend\n$/u);
    expect(changed.filter((l) => DERIVED.test(l) || /N-\d/u.test(l))).toEqual([]);
    expect(paste?.notes).toEqual([]);
  });

  it('HQ2\'s local network a /25: the fix edits the box\'s phase 2 and its two policies by their own IDs, with no note that a number is a guess', () => {
    const hq2 = editOnce(HQ2, '        set src-subnet 172.16.101.0 255.255.255.0', '        set src-subnet 172.16.101.0 255.255.255.128');
    const { changed, paste, again } = fixOnHq2(hq2, 'PREFIX_LENGTH_MISMATCH');
    const text = paste?.text ?? '';
    expect(text).toContain('config vpn ipsec phase2-interface\n    edit "to_HQ1"\n        set src-subnet 172.16.101.0 255.255.255.0\n    next\nend\n');
    // The box's policies by the box's numbers: "outbound" is 2, "inbound" 1.
    expect(text).toContain('    # 2: the policy "outbound"\n    edit 2\n        set srcaddr "N-172.16.101.0-24"\n    next\n');
    expect(text).toContain('    # 1: the policy "inbound"\n    edit 1\n        set dstaddr "N-172.16.101.0-24"\n    next\n');
    expect(text).not.toMatch(/edit 0|HQ1---HQ2/u);
    expect(changed.filter((l) => DERIVED.test(l))).toEqual([]);
    expect(paste?.notes.filter((n) => n.includes('numbered entries'))).toEqual([]);
    // Imported again, the box still has its own names and numbers (and the address the fix added).
    expect(again).toMatchObject({ phase1Interface: 'to_HQ1', phase2Interfaces: '1=to_HQ1', policyOut: 'outbound', policyOutId: 2, policyIn: 'inbound', policyInId: 1, staticRoutes: '10.1.100.0/24=1' });
  });

  it('a second selector on HQ2 (HQ1 initiating with two): a new phase 2 beside the box\'s, which stays as it is', () => {
    const { paste } = fixOnHq2(HQ2, 'INITIATOR_DEPENDENT', 1);
    const text = paste?.text ?? '';
    expect(text).toContain('config vpn ipsec phase2-interface\n    edit "to_HQ1-2"\n        set phase1name "to_HQ1"\n');
    // The box's policies take the new network, by their own numbers; the new route is a new entry.
    expect(text).toContain('    # 2: the policy "outbound"\n    edit 2\n        set dstaddr "N-10.1.100.0-24" "N-10.1.200.0-24"\n    next\n');
    expect(text).toContain('config router static\n    edit 0\n        set dst 10.1.200.0 255.255.255.0\n        set device "to_HQ1"\n');
    expect(text).not.toContain('edit "to_HQ1"\n');
    // HQ2's policies name "all": the address the export named already is written with the line that names it.
    expect(text).toContain('    edit "N-10.1.100.0-24"\n        set subnet 10.1.100.0 255.255.255.0\n    next\n');
  });

  it('another phase-2 proposal on HQ1 (HQ2 initiating): one set proposal in the box\'s to_HQ2, its phase 2 by address name, which stays so', () => {
    const hq1 = editOnce(HQ1, '        set proposal aes128-sha1 aes256-sha1 aes128-sha256 aes256-sha256 aes128gcm aes256gcm chacha20poly1305\n        set comments', '        set proposal 3des-sha1\n        set comments');
    const { changed, paste, again } = fixOn('HQ1', hq1, HQ2, 'PROPOSAL_MISMATCH', 1);
    expect(paste.text).toMatch(/^config vpn ipsec phase2-interface\n {4}edit "to_HQ2"\n {8}set proposal [a-z0-9 -]+\n {4}next\nend\n$/u);
    expect(changed.filter((l) => DERIVED.test(l) || /N-\d/u.test(l))).toEqual([]);
    expect(paste.notes).toEqual([]);
    expect(again).toMatchObject({ phase2Interfaces: '1=to_HQ2,2=to_HQ2', phase2Objects: 'to_HQ2=to_HQ2_local/to_HQ2_remote', policyOutId: 1, policyInId: 2 });
  });

  it('a phase 2 by name whose selectors the design changed otherwise is written per selector, the first in the box\'s phase 2', () => {
    const doc = produce(imported(HQ2), (d) => {
      const t = d.tunnels[0];
      const e = t && (t.a.gatewayId === gatewayOf(d, 'HQ1').id ? t.a : t.b);
      const second = e?.proxyIds[1];
      if (second) second.remote = '172.16.102.0/24';
    });
    const out = fileOf(doc, 'HQ1');
    // 10.1.100.0/24 to 172.16.101.0/24 and 10.1.200.0/24 to 172.16.102.0/24: not every pair of
    // the two sides' prefixes, so no one phase 2 by name can stand for them.
    expect(out).not.toContain('set src-addr-type name');
    // The box's to_HQ2 at the first selector's place, now by subnet; the second a phase 2 of its own.
    expect(out).toMatch(/ {4}edit "to_HQ2"\n {8}set phase1name "to_HQ2"\n(?: {8}set .*\n)*? {8}set src-subnet 10\.1\.100\.0 255\.255\.255\.0\n/u);
    expect(out).toContain('    edit "to_HQ2-2"\n        set phase1name "to_HQ2"');
    expect(out).toContain('        set dst-subnet 172.16.102.0 255.255.255.0');
    expect(out).not.toContain('config firewall addrgrp');
  });

  it('a copied tunnel does not reuse the box\'s entries: the copy gets its own names and new numbers', () => {
    const doc = produce(imported(HQ2), (d) => {
      const t = d.tunnels[0];
      if (t) d.tunnels.push({ ...(JSON.parse(JSON.stringify(t)) as typeof t), id: 'tn-copy' as typeof t.id, name: 'copy' });
    });
    const out = fileOf(doc, 'HQ2');
    expect(out.match(/^ {4}edit "to_HQ1"$/gmu)).toHaveLength(2); // the phase 1 and the phase 2, once each
    expect(out).toContain('    edit "copy"\n');
    expect(out.match(/^ {8}set name "outbound"$/gmu)).toHaveLength(1);
    expect(out.match(/^ {4}edit 2$/gmu)).toHaveLength(1);
    expect(out).toContain('    edit 0\n        set name "copy-out"');
  });

  it('the boxes as imported and unchanged have no diff', () => {
    const changes = importChanges(imported(HQ2, 1));
    if (!changes.ok) throw new Error(changes.message);
    expect(changes.boxes.map((b) => b.status)).toEqual(['unchanged', 'unchanged']);
  });
});
