// What to paste on a FortiGate (shared/vendors/fortigate/paste.ts): exact scripts for concrete
// changes of the full-mesh template's Site-D as the exporter writes it for FortiOS, the order in
// which a removed tunnel comes out, the FortiOS CLI model refusing what FortiOS refuses (with the
// script's line), and an imported documentation box (Fortinet, "Basic site-to-site VPN with
// pre-shared key", HQ1) whose proposal edit is one `set proposal` in its phase 2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../shared/commands/commands';
import { importChanges } from '../../../../shared/export/changes';
import { exportDocument } from '../../../../shared/export/export';
import { importConfigurations } from '../../../../shared/import/import';
import type { TopologyDocument, Tunnel } from '../../../../shared/model/document';
import { fullMesh } from '../../../../shared/templates/full-mesh';
import type { PasteScript } from '../../../../shared/vendors/kit/paste';
import { fortigatePaste } from '../../../../shared/vendors/fortigate/paste';
import { fortigateReader } from '../../../../shared/vendors/fortigate/reader';
import { editOnce } from '../../../support/fixture-edit';
import { retarget } from '../../export/retarget';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures');
const MESH = retarget(fullMesh(), 'fortigate');

/** Site-D's configuration as the exporter writes it for the document. */
function siteD(doc: TopologyDocument): string {
  const g = doc.gateways.find((x) => x.name === 'Site-D');
  if (!g) throw new Error('no Site-D');
  const f = exportDocument(doc, { gateways: [g.id], skipEngineCheck: true, includeSecrets: true }).files[0];
  if (!f) throw new Error('no file');
  return f.content;
}

const BEFORE = siteD(MESH);
const script = (text: string): PasteScript => ({ kind: 'commands', text, enter: [], leave: [], notes: [] });

/**
 * The configuration the script gives, applied to `before`, read as the reader reads it, against
 * `after`'s (not compared line by line: the box keeps its policy numbers and its shared addresses).
 */
function expectApplies(before: string, after: string, s: PasteScript, inAnyOrder = false): void {
  const r = fortigatePaste.apply(before, s);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  const got = fortigateReader.read([{ name: 'x.fortigate.txt', content: r.config }]);
  const want = fortigateReader.read([{ name: 'x.fortigate.txt', content: after }]);
  if (!got.ok || !want.ok) throw new Error('the reader refused a configuration');
  expect(inAnyOrder ? sorted(got.meaning) : got.meaning).toEqual(inAnyOrder ? sorted(want.meaning) : want.meaning);
}

/**
 * The meaning with the phase 1s (peers, tunnel interfaces) and static routes in name order: a
 * new phase 1 or route goes at the end of its table, where its place changes nothing FortiOS
 * negotiates or forwards.
 */
function sorted(m: unknown): unknown {
  const json = (x: unknown) => JSON.stringify(x);
  const byJson = (xs: unknown) => (Array.isArray(xs) ? [...xs].sort((a, b) => json(a).localeCompare(json(b))) : xs);
  const o = structuredClone(m) as { peers?: unknown; device?: { interfaces?: unknown; routes?: unknown } };
  o.peers = byJson(o.peers);
  if (o.device) {
    o.device.interfaces = byJson(o.device.interfaces);
    o.device.routes = byJson(o.device.routes);
  }
  return o;
}

describe('FortiGate paste: what changed, key by key', () => {
  it('a changed phase-2 key is one set inside config vpn ipsec phase2-interface / edit', () => {
    const after = editOnce(BEFORE, '        set dst-subnet 10.2.0.0 255.255.255.0', '        set dst-subnet 10.2.0.0 255.255.254.0');
    const s = fortigatePaste.commands(BEFORE, after, 'Site-D.fortigate.txt');
    expect(s.text).toBe(['config vpn ipsec phase2-interface', '    edit "site-b-site-d"', '        set dst-subnet 10.2.0.0 255.255.254.0', '    next', 'end', ''].join('\n'));
    expect(s.notes).toEqual([]);
    expectApplies(BEFORE, after, s);
  });

  it('a proposal list changed is one set proposal with the whole list (set replaces a list)', () => {
    const after = editOnce(BEFORE, /(edit "site-c-site-d"\n {8}set interface "wan1"\n(?:.*\n)*?\s+set proposal) aes256-sha256/, '$1 aes256-sha256 aes128-sha256');
    const s = fortigatePaste.commands(BEFORE, after, 'Site-D.fortigate.txt');
    expect(s.text).toBe(['config vpn ipsec phase1-interface', '    edit "site-c-site-d"', '        set proposal aes256-sha256 aes128-sha256', '    next', 'end', ''].join('\n'));
    expectApplies(BEFORE, after, s);
    // And back: the list set whole again, not unselected.
    expect(fortigatePaste.commands(after, BEFORE, 'Site-D.fortigate.txt').text).toContain('        set proposal aes256-sha256\n');
  });

  it('a key gone is unset, before the keys set (PFS off: dhgrp unset while pfs is still enable)', () => {
    const after = editOnce(BEFORE, /(edit "site-a-site-d"\n\s+set phase1name "site-a-site-d"\n\s+set proposal aes256-sha256\n)\s+set pfs enable\n\s+set dhgrp 14\n/, '$1        set pfs disable\n');
    const s = fortigatePaste.commands(BEFORE, after, 'Site-D.fortigate.txt');
    expect(s.text).toBe(['config vpn ipsec phase2-interface', '    edit "site-a-site-d"', '        unset dhgrp', '        set pfs disable', '    next', 'end', ''].join('\n'));
    expectApplies(BEFORE, after, s);
  });

  it('nothing changed, nothing to paste', () => {
    expect(fortigatePaste.commands(BEFORE, BEFORE, 'Site-D.fortigate.txt').text).toBe('');
  });
});

describe('FortiGate paste: a tunnel removed or added, in the order the CLI takes it', () => {
  const tunnel = MESH.tunnels.find((t) => t.name === 'site-b-site-d') as Tunnel;
  const without = produce(MESH, (d) => {
    applyCommand(d, { type: 'tunnel.remove', id: tunnel.id });
  });
  const AFTER = siteD(without);

  it('deletes its policies, its route, its phase 2 and its phase 1, in that order, and notes its address', () => {
    const s = fortigatePaste.commands(BEFORE, AFTER, 'Site-D.fortigate.txt');
    expect(s.text).toBe(
      [
        'config firewall policy',
        '    # 3: the policy "site-b-site-d-out"',
        '    delete 3',
        '    # 4: the policy "site-b-site-d-in"',
        '    delete 4',
        'end',
        'config router static',
        '    # 2: the route to 10.2.0.0 255.255.255.0 on "site-b-site-d"',
        '    delete 2',
        'end',
        'config vpn ipsec phase2-interface',
        '    delete "site-b-site-d"',
        'end',
        'config vpn ipsec phase1-interface',
        '    delete "site-b-site-d"',
        'end',
        '',
      ].join('\n'),
    );
    expect(s.notes.some((n) => n.includes('firewall address "N-10.2.0.0-24" is no longer used by this VPN'))).toBe(true);
    expect(s.notes.some((n) => n.includes('numbered entries'))).toBe(true);
    expectApplies(BEFORE, AFTER, s);
  });

  it('adds it back: addresses and phase 1 first, then phase 2, policies (edit 0, moved to their place) and route', () => {
    const s = fortigatePaste.commands(AFTER, BEFORE, 'Site-D.fortigate.txt');
    const tables = s.text.split('\n').filter((l) => l.startsWith('config '));
    expect(tables).toEqual(['config firewall address', 'config vpn ipsec phase1-interface', 'config vpn ipsec phase2-interface', 'config firewall policy', 'config router static']);
    // Site-B's policies come after Site-A's (1, 2) and before Site-C's (3, 4 in AFTER): created as 5 and 6, then moved.
    expect(s.text).toContain('    move 5 before 3\n    move 6 before 3\n');
    // Site-B's phase 2 and route go between Site-A's and Site-C's: they are of other tunnels, so nothing is recreated.
    expect(s.text).not.toContain('delete');
    expect(s.notes.some((n) => n.includes('edit 0'))).toBe(true);
    // Site-B's phase 1 and route go at the end of their tables: the same configuration, in another order.
    expectApplies(AFTER, BEFORE, s, true);
  });
});

describe('FortiGate paste: the CLI model refuses what FortiOS refuses, with the line', () => {
  it('deleting an entry the table does not have', () => {
    const r = fortigatePaste.apply(BEFORE, script('config vpn ipsec phase2-interface\n    delete "no-such-phase2"\nend\n'));
    expect(r).toEqual({ ok: false, line: 2, message: expect.stringMatching(/vpn ipsec phase2-interface has no such entry/) });
  });

  it('deleting a phase 1 its phase 2, policies and route still name', () => {
    const r = fortigatePaste.apply(BEFORE, script('config firewall policy\n    delete 1\nend\nconfig vpn ipsec phase1-interface\n    delete "site-a-site-d"\nend\n'));
    expect(r).toEqual({ ok: false, line: 5, message: expect.stringMatching(/entry is used \(by vpn ipsec phase2-interface "site-a-site-d", firewall policy 2, router static 1\)/) });
  });

  it('a phase 2 naming a phase 1 not yet created', () => {
    const r = fortigatePaste.apply(BEFORE, script('config vpn ipsec phase2-interface\n    edit "new"\n        set phase1name "not-yet"\n    next\nend\n'));
    expect(r).toEqual({ ok: false, line: 3, message: expect.stringMatching(/entry not found/) });
  });

  it('edit 0 takes the number after the highest, delete removes, set replaces a list, unset removes the key; a guessed number is written edit 0', () => {
    // The box's file, its policies numbered as FortiOS numbered them when the export was pasted.
    const box = BEFORE.replace(/config firewall policy\n[^]*?\nend\n/u, (t) => {
      let n = 0;
      return t.replace(/^ {4}edit 0$/gmu, () => `    edit ${++n}`);
    });
    const r = fortigatePaste.apply(box, script(['config firewall policy', '    delete 3', '    edit 0', '        set name "x"', '    next', '    edit 1', '        set srcaddr "N-10.1.0.0-24" "N-10.2.0.0-24"', '        unset nat', '    next', '    move 7 before 1', 'end', ''].join('\n')));
    if (!r.ok) throw new Error(r.message);
    const from = r.config.indexOf('config firewall policy');
    const policies = r.config.slice(from, r.config.indexOf('\nend\n', from) + 1);
    // Numbered 7 (move 7 finds it), written edit 0: the box gives it its number.
    expect(policies.startsWith('config firewall policy\n    edit 0\n        set name "x"\n    next\n    edit 1\n')).toBe(true);
    expect(policies).not.toContain('    edit 3\n');
    expect(policies).toMatch(/ {4}edit 1\n(?: {8}set (?!nat).*\n)* {8}set srcaddr "N-10.1.0.0-24" "N-10.2.0.0-24"\n(?: {8}set (?!nat).*\n)* {4}next/);
    // On the exporter's file (edit 0 throughout) the numbers are the model's guess: written edit 0.
    const guessed = fortigatePaste.apply(BEFORE, script(['config firewall policy', '    edit 0', '        set name "x"', '    next', 'end', ''].join('\n')));
    if (!guessed.ok) throw new Error(guessed.message);
    expect(guessed.config).toContain('    edit 0\n        set name "x"\n    next\n');
    expect(guessed.config).not.toMatch(/^ {4}edit [1-9]/mu);
  });
});

describe('FortiGate paste: an imported box (FortiOS 7.4 Administration Guide, HQ1)', () => {
  const HQ1 = readFileSync(path.join(FIXTURES, 'import', 'docs', 'fortigate', 'hq1-route-based.conf'), 'utf8');

  it('a phase-2 proposal edit is one set proposal in the box\'s phase 2, nothing else', () => {
    const r = importConfigurations([{ name: 'HQ1.conf', content: HQ1 }], {});
    if (!r.ok) throw new Error(r.message);
    const t = r.document.tunnels[0] as Tunnel;
    const edited = produce(r.document, (d) => {
      applyCommand(d, { type: 'tunnelEnd.update', tunnelId: t.id, end: 'a', changes: { esp: { ...t.a.esp, proposals: t.a.esp.proposals.filter((p) => !p.encryption.includes('chacha20poly1305')) } } });
    });
    const changes = importChanges(edited);
    if (!changes.ok) throw new Error(changes.message);
    const file = changes.boxes.find((b) => b.vendor === 'fortigate')?.files[0];
    const list = 'aes128-sha1 aes256-sha1 aes128-sha256 aes256-sha256 aes128gcm aes256gcm';
    // One phase 2, the box's to_HQ2 by address name (its groups hold 10.1.100.0/24 and lab
    // 10.1.200.0/24, and 172.16.101.0/24): the imported selectors are every pair of them.
    const p2 = [...(file?.patch.matchAll(/^ +edit ("[^"]+")\n +set phase1name/gm) ?? [])].map((m) => m[1] as string);
    expect(p2).toEqual(['"to_HQ2"']);
    expect(file?.paste?.text).toBe(['config vpn ipsec phase2-interface', ...p2.flatMap((n) => [`    edit ${n}`, `        set proposal ${list}`, '    next']), 'end', ''].join('\n'));
    // No note: the box's names are kept (paste.ts keepsBoxNames, shared/export/changes.ts), and
    // no policy or route number is guessed.
    expect(file?.paste?.notes).toEqual([]);
  });
});

describe('FortiGate paste: policies by number', () => {
  const byName = (name: string) => MESH.tunnels.find((t) => t.name === name) as Tunnel;
  const noC = siteD(produce(MESH, (d) => void applyCommand(d, { type: 'tunnel.remove', id: byName('site-c-site-d').id })));
  const noA = siteD(produce(MESH, (d) => void applyCommand(d, { type: 'tunnel.remove', id: byName('site-a-site-d').id })));

  it('a changed policy is edited by its number, named in a comment', () => {
    const after = editOnce(BEFORE, '        set name "site-a-site-d-in"\n        set srcintf "site-a-site-d"\n        set dstintf "internal"\n        set srcaddr "N-10.1.0.0-24"', '        set name "site-a-site-d-in"\n        set srcintf "site-a-site-d"\n        set dstintf "internal"\n        set srcaddr "N-10.1.0.0-24" "N-10.3.0.0-24"');
    const s = fortigatePaste.commands(BEFORE, after, 'Site-D.fortigate.txt');
    // The addresses the changed list names come first, whole: the box may not have one of them.
    const address = (n: number) => [`    edit "N-10.${n}.0.0-24"`, `        set subnet 10.${n}.0.0 255.255.255.0`, '    next'];
    expect(s.text).toBe(['config firewall address', ...address(1), ...address(3), 'end', 'config firewall policy', '    # 2: the policy "site-a-site-d-in"', '    edit 2', '        set srcaddr "N-10.1.0.0-24" "N-10.3.0.0-24"', '    next', 'end', ''].join('\n'));
    expectApplies(BEFORE, after, s);
  });

  it('one tunnel for another: the old policies deleted first, the new ones numbered after those left, moved to their place', () => {
    // Without A: B's policies are 1 and 2, C's 3 and 4. Without C: A's then B's. C's go first, so
    // `edit 0` numbers A's 3 and 4 (after B's 2), which are moved before B's.
    const s = fortigatePaste.commands(noA, noC, 'Site-D.fortigate.txt');
    expect(s.text.startsWith('config firewall policy\n    # 3: the policy "site-c-site-d-out"\n    delete 3\n    # 4: the policy "site-c-site-d-in"\n    delete 4\nend\n')).toBe(true);
    expect(s.text).toContain('    move 3 before 1\n    move 4 before 1\nend\n');
    expectApplies(noA, noC, s, true);
  });
});
