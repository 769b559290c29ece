// What to paste on a Cisco ASA or IOS-XE box (shared/vendors/cisco-asa/paste.ts,
// cisco-ios/paste.ts, shared/vendors/families/cisco-paste.ts), case by case: the exact commands,
// in the order the CLI needs them, and the CLI model applying them. The seed pair of
// test/fixtures/import/pairs/ is the key case: the paste the app shows for the corrected ASA,
// applied to the box's own running-config (not the exporter's file), re-imported with the PAN-OS
// side, brings the tunnel up. test/shared/export/paste.test.ts checks every template and random
// pairs; this file pins the commands themselves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import { importChanges } from '../../../shared/export/changes';
import { importConfigurations } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { paste as asaPaste } from '../../../shared/vendors/cisco-asa/paste';
import { reader as asaReader } from '../../../shared/vendors/cisco-asa/reader';
import { paste as iosPaste } from '../../../shared/vendors/cisco-ios/paste';
import { reader as iosReader } from '../../../shared/vendors/cisco-ios/reader';
import type { PasteScript } from '../../../shared/vendors/kit/paste';
import { scriptText } from '../../../shared/vendors/kit/paste';
import { editEach } from '../../support/fixture-edit';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');
const PA = readFileSync(path.join(FIXTURES, 'import', 'pairs', 'PA-HQ.set.txt'), 'utf8');
const ASA = readFileSync(path.join(FIXTURES, 'import', 'pairs', 'ASA-Branch.running-config.txt'), 'utf8');
const ASA_MESH = readFileSync(path.join(FIXTURES, 'golden', 'cisco-asa--full-mesh', 'Site-A.asa.txt'), 'utf8');
const IOS_MESH = readFileSync(path.join(FIXTURES, 'golden', 'cisco-ios--full-mesh', 'Site-A.ios.txt'), 'utf8');
const IOS_VTI = readFileSync(path.join(FIXTURES, 'golden', 'cisco-ios-vti--hub-and-spoke', 'HQ-PA.ios.txt'), 'utf8');

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;
/** `text` without what runs from `from` up to `to`. */
const cut = (text: string, from: string, to: string) => {
  const a = text.indexOf(from);
  const b = text.indexOf(to);
  if (a < 0 || b < a) throw new Error(`the fixture has no "${from}" before "${to}"`);
  return text.slice(0, a) + text.slice(b);
};

function imported(pa: string, asa: string): TopologyDocument {
  // PA-HQ initiates: the fixes the engine offers land on the ASA (the responder's end).
  const r = importConfigurations([{ name: 'PA-HQ.txt', content: pa }, { name: 'ASA-Branch.txt', content: asa }], { initiator: 0 });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** The paste the Changes since import view shows for the ASA box of `doc`. */
function asaScript(doc: TopologyDocument): PasteScript {
  const changes = importChanges(doc);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.vendor === 'cisco-asa');
  expect(box?.status).toBe('changed');
  const script = box?.files[0]?.paste;
  if (!script) throw new Error('no paste for the ASA');
  return script;
}

/** The fix the engine offers for `code` on the seed pair's only tunnel, applied. */
function fixed(doc: TopologyDocument, code: string): TopologyDocument {
  const d = computeReport(doc).tunnels[0]?.diagnostics.find((x) => x.code === code);
  expect(d?.fix, `a fix for ${code}`).toBeDefined();
  return produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
}

/** `script` pasted on the box's own running-config `asa`, the box re-imported beside PA-HQ. */
function pastedOnBox(asa: string, script: PasteScript): TopologyDocument {
  const r = asaPaste.apply(asa, script);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  const again = importConfigurations([{ name: 'PA-HQ.txt', content: PA }, { name: 'ASA-Branch.txt', content: r.config }], { initiator: 0 });
  if (!again.ok) throw new Error(again.message);
  expect(again.files.map((f) => f.lines.unknown)).toEqual([[], []]);
  return again.document;
}

describe('Cisco ASA: the seed pair, each cause fixed on the ASA, pasted on the box itself', () => {
  it('NAT: the crypto ACL names the address PAN-OS translates to; the paste names the LAN, and the tunnel comes up', () => {
    const asa = editEach(ASA, ['object network HQ-LAN\n subnet 10.10.0.0 255.255.255.0', 'object network HQ-LAN\n host 198.51.100.1']);
    const doc = imported(PA, asa);
    expect(computeReport(doc).tunnels[0]?.status).toBe('down');
    const script = asaScript(fixed(doc, 'NAT_ADDRESS_IN_SELECTOR'));
    expect(script.text).toBe(lines(
      'object network N-10.10.0.0-24',
      ' subnet 10.10.0.0 255.255.255.0',
      'exit',
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object N-10.10.0.0-24',
      'no access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN',
      'nat (inside,outside) source static BRANCH-LAN BRANCH-LAN destination static N-10.10.0.0-24 N-10.10.0.0-24 no-proxy-arp route-lookup',
    ));
    // The box's own exemption (to HQ-LAN, now the translated address) is left as the box has it.
    // HQ-LAN stays in use by that exemption: nothing to note about removing it.
    expect(script.notes).toEqual([]);
    expect(scriptText(script)).toBe(`configure terminal\n${script.text}end\nwrite memory\n`);
    const after = pastedOnBox(asa, script);
    expect(computeReport(after).tunnels[0]?.status).toBe('up');
    // The box keeps what the paste does not touch, the crypto map binding first of all.
    const r = asaPaste.apply(asa, script);
    expect(r.ok && r.config).toContain('\ncrypto map outside_map interface outside\n');
    expect(r.ok && r.config).toContain('\nobject network HQ-LAN\n host 198.51.100.1\n');
    expect(r.ok && r.config.endsWith('Cryptochecksum:5d4c3b2a19f8e7d6c5b4a39281706f5e\n: end\n')).toBe(true);
  });

  it('crypto ACL reversed on the ASA: the line of the box\'s ACL swapped, in its own objects', () => {
    const asa = editEach(ASA, ['permit ip object BRANCH-LAN object HQ-LAN', 'permit ip object HQ-LAN object BRANCH-LAN']);
    const script = asaScript(fixed(imported(PA, asa), 'SELECTOR_REVERSED'));
    expect(script.text).toBe(lines(
      'access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN',
      'no access-list outside_cryptomap extended permit ip object HQ-LAN object BRANCH-LAN',
    ));
    expect(script.notes).toEqual([]);
    // The box's own exemption (BRANCH-LAN to HQ-LAN) was right: recorded at import, it is written
    // as the box has it before and after, so the paste touches no NAT line.
    expect(computeReport(pastedOnBox(asa, script)).tunnels[0]?.status).toBe('up');
  });

  it('BRANCH-LAN /25 on the ASA: a new object for the /24, the box\'s BRANCH-LAN left as it is', () => {
    const asa = editEach(ASA, ['object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.0', 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.128']);
    const script = asaScript(fixed(imported(PA, asa), 'PREFIX_LENGTH_MISMATCH'));
    expect(script.text).toMatch(/^object network N-10\.20\.0\.0-24\n subnet 10\.20\.0\.0 255\.255\.255\.0\nexit\n/u);
    expect(script.text).toContain('\naccess-list outside_cryptomap extended permit ip object N-10.20.0.0-24 object HQ-LAN\nno access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\n');
    expect(script.text).not.toMatch(/^no object network /mu);
    expect(computeReport(pastedOnBox(asa, script)).tunnels[0]?.status).toBe('up');
  });

  it('another transform set on the ASA: the box\'s set stays, the entry lists the one added', () => {
    const asa = editEach(ASA, ['transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac', 'transform-set ESP-AES-128-SHA esp-aes esp-sha-hmac'], ['set ikev1 transform-set ESP-AES-256-SHA', 'set ikev1 transform-set ESP-AES-128-SHA']);
    const script = asaScript(fixed(imported(PA, asa), 'PROPOSAL_MISMATCH'));
    // The list of transform sets is written again whole, the old line removed first: right whether
    // the ASA replaces the list or adds to it.
    expect(script.text).toMatch(/\nno crypto map outside_map 1 set ikev1 transform-set ESP-AES-128-SHA\ncrypto map outside_map 1 set ikev1 transform-set ESP-AES-128-SHA \S+/u);
    expect(script.text).not.toContain('no crypto ipsec ikev1 transform-set');
    expect(computeReport(pastedOnBox(asa, script)).tunnels[0]?.status).toBe('up');
  });

  it('a changed IKE lifetime is one line in its policy\'s mode', () => {
    const doc = imported(PA, ASA);
    const asaId = doc.gateways.find((g) => g.vendor === 'cisco-asa')?.id;
    const changed = produce(doc, (d) => {
      const t = d.tunnels[0];
      const end = t?.a.gatewayId === asaId ? t?.a : t?.b;
      if (end) end.ike.lifetimeSeconds = 86400;
    });
    const script = asaScript(changed);
    expect(script.text).toBe(lines('crypto ikev1 policy 10', ' lifetime 86400', 'exit'));
    const r = asaPaste.apply(ASA, script);
    expect(r.ok && r.config).toContain('\ncrypto ikev1 policy 10\n authentication pre-share\n encryption aes-256\n hash sha\n group 14\n lifetime 86400\ntelnet timeout 5\n');
  });

  it('the tunnel deleted: its entry, ACL line, NAT rule and tunnel group go; objects, transform set, IKE policy and the binding are noted', () => {
    const doc = imported(PA, ASA);
    const script = asaScript(produce(doc, (d) => {
      d.tunnels = [];
    }));
    expect(script.text).toBe(lines(
      'no nat (inside,outside) source static BRANCH-LAN BRANCH-LAN destination static HQ-LAN HQ-LAN no-proxy-arp route-lookup',
      'clear configure tunnel-group 198.51.100.1',
      'clear configure crypto map outside_map 1',
      'no access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN',
    ));
    expect(script.notes.map((n) => n.split(' is ')[0])).toEqual([
      '"crypto map outside_map interface outside"',
      'crypto ipsec ikev1 transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac',
      'crypto ikev1 policy 10',
      'crypto ikev1 enable outside',
      'object network HQ-LAN',
      'object network BRANCH-LAN',
    ]);
    const r = asaPaste.apply(ASA, script);
    if (!r.ok) throw new Error(r.message);
    const read = asaReader.read([{ name: 'ASA-Branch.txt', content: r.config }]);
    expect(read.ok && read.meaning.peers).toEqual([]);
    // The tunnel group goes with all its attributes, the box's general-attributes too.
    expect(r.config).not.toContain('tunnel-group 198.51.100.1');
    expect(r.config).toContain('\ncrypto map outside_map interface outside\n');
    expect(r.config).toContain('\ngroup-policy GroupPolicy_198.51.100.1 internal\n');
  });
});

describe('Cisco ASA: commands for concrete changes of an exported file', () => {
  it('a tunnel removed: the crypto map entry, its IPsec proposal, ACL line, NAT rule and tunnel group, uses before what they name', () => {
    const after = cut(ASA_MESH, '! ---- tunnel site-a-site-c', '! ---- tunnel site-a-site-d');
    const script = asaPaste.commands(ASA_MESH, after, 'Site-A.asa.txt');
    expect(script.text).toBe(lines(
      'no nat (inside,outside) source static N-10.1.0.0-24 N-10.1.0.0-24 destination static N-10.3.0.0-24 N-10.3.0.0-24 no-proxy-arp route-lookup',
      'clear configure tunnel-group 198.51.100.13',
      'clear configure crypto map outside_map 20',
      'no crypto ipsec ikev2 ipsec-proposal P-site-a-site-c',
      'no access-list CRYPTO-site-a-site-c extended permit ip object N-10.1.0.0-24 object N-10.3.0.0-24',
    ));
    expect(script.notes).toEqual(['object network N-10.3.0.0-24 is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "no object network N-10.3.0.0-24" if nothing does']);
    const r = asaPaste.apply(ASA_MESH, script);
    if (!r.ok) throw new Error(r.message);
    expect(asaReader.read([{ name: 'a.asa.txt', content: r.config }])).toMatchObject({ ok: true, meaning: (asaReader.read([{ name: 'a.asa.txt', content: after }]) as { meaning: unknown }).meaning });
    // Back again: the tunnel's objects are created before the lines that name them.
    const back = asaPaste.commands(after, ASA_MESH, 'Site-A.asa.txt').text.split('\n');
    expect(back.indexOf('object network N-10.3.0.0-24')).toBeLessThan(back.findIndex((l) => l.startsWith('access-list CRYPTO-site-a-site-c ')));
    expect(back.indexOf('crypto ipsec ikev2 ipsec-proposal P-site-a-site-c')).toBeLessThan(back.indexOf('crypto map outside_map 20 set ikev2 ipsec-proposal P-site-a-site-c'));
  });

  it('an IKE lifetime is one line in the policy; an IPsec proposal\'s algorithms are written again whole, the old line removed first', () => {
    expect(asaPaste.commands(ASA_MESH, ASA_MESH.replace(' lifetime seconds 28800', ' lifetime seconds 86400'), 'a').text).toBe(lines('crypto ikev2 policy 10', ' lifetime seconds 86400', 'exit'));
    const more = ASA_MESH.replace('P-site-a-site-b\n protocol esp encryption aes-256\n', 'P-site-a-site-b\n protocol esp encryption aes-256 aes\n');
    expect(asaPaste.commands(ASA_MESH, more, 'a').text).toBe(lines('crypto ipsec ikev2 ipsec-proposal P-site-a-site-b', ' no protocol esp encryption aes-256', ' protocol esp encryption aes-256 aes', 'exit'));
  });

  it('a changed setting of a crypto map entry replaces it; the peer list is removed first', () => {
    const after = ASA_MESH.replace('outside_map 10 set pfs group14', 'outside_map 10 set pfs group19').replace('outside_map 10 set peer 198.51.100.12', 'outside_map 10 set peer 198.51.100.99');
    expect(asaPaste.commands(ASA_MESH, after, 'a').text).toBe(lines('no crypto map outside_map 10 set peer 198.51.100.12', 'crypto map outside_map 10 set peer 198.51.100.99', 'crypto map outside_map 10 set pfs group19'));
  });

  it('nothing changed: no script; comments only: a comment line that changes nothing', () => {
    expect(asaPaste.commands(ASA_MESH, ASA_MESH, 'a').text).toBe('');
    const commented = asaPaste.commands(ASA_MESH, ASA_MESH.replace('! Design: Full mesh', '! Design: Full mesh, renamed'), 'a');
    // The ASA's CLI comment starts with a colon.
    expect(commented.text).toMatch(/^: [^\n]*\n$/u);
    expect(asaPaste.apply(ASA_MESH, commented)).toEqual({ ok: true, config: ASA_MESH });
  });
});

describe('Cisco ASA: the CLI model', () => {
  const script = (text: string): PasteScript => ({ kind: 'commands', text, enter: ['configure terminal'], leave: ['end', 'write memory'], notes: [] });

  it('refuses to remove what the configuration does not have, saying the script line', () => {
    const r = asaPaste.apply(ASA_MESH, script(lines('crypto ikev2 policy 10', ' lifetime seconds 86400', 'exit', 'no access-list CRYPTO-site-a-site-b extended permit ip any4 any4')));
    expect(r).toMatchObject({ ok: false, line: 4 });
    expect(asaPaste.apply(ASA_MESH, script(lines('crypto ikev2 policy 10', ' no lifetime seconds 3600', 'exit')))).toMatchObject({ ok: false, line: 2 });
  });

  it('refuses to remove an object a rule still names, and takes it once the rule is gone', () => {
    expect(asaPaste.apply(ASA_MESH, script(lines('no object network N-10.3.0.0-24')))).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('in use') });
    const first = lines(
      'no nat (inside,outside) source static N-10.1.0.0-24 N-10.1.0.0-24 destination static N-10.3.0.0-24 N-10.3.0.0-24 no-proxy-arp route-lookup',
      'no access-list CRYPTO-site-a-site-c extended permit ip object N-10.1.0.0-24 object N-10.3.0.0-24',
      'no object network N-10.3.0.0-24',
    );
    const r = asaPaste.apply(ASA_MESH, script(first));
    expect(r.ok && r.config).not.toContain('N-10.3.0.0-24');
  });

  it('a new ACL line goes after the ACL\'s last line, a new statement before the closing lines', () => {
    const r = asaPaste.apply(ASA, script(lines('access-list outside_cryptomap extended permit tcp object BRANCH-LAN object HQ-LAN eq 443', 'crypto ikev2 enable outside')));
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toContain('access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN\naccess-list outside_cryptomap extended permit tcp object BRANCH-LAN object HQ-LAN eq 443\npager lines 24\n');
    expect(r.config).toContain('\ncrypto ikev2 enable outside\nCryptochecksum:');
  });

  it('an exit outside any mode, or a mode statement typed at the top, does not apply', () => {
    expect(asaPaste.apply(ASA_MESH, script('exit\n'))).toMatchObject({ ok: false, line: 1 });
    expect(asaPaste.apply(ASA_MESH, script(' lifetime seconds 86400\n'))).toMatchObject({ ok: false, line: 1 });
  });
});

describe('Cisco IOS-XE: commands for concrete changes of an exported file', () => {
  it('a tunnel removed: the crypto map entry, then its ACL, profile, keyring, policy and proposal; the transform set noted', () => {
    const after = cut(IOS_MESH, '! ---- tunnel site-a-site-c', '! ---- tunnel site-a-site-d');
    const script = iosPaste.commands(IOS_MESH, after, 'Site-A.ios.txt');
    expect(script.text).toBe(lines(
      'no crypto map CMAP 20',
      'no ip access-list extended CRYPTO-site-a-site-c',
      'no crypto ikev2 profile PROF-site-a-site-c',
      'no crypto ikev2 keyring KR-site-a-site-c',
      'no crypto ikev2 policy POL-site-a-site-c',
      'no crypto ikev2 proposal PROP-site-a-site-c-1',
    ));
    expect(script.notes).toEqual(['crypto ipsec transform-set TS-site-a-site-c-1 esp-aes 256 esp-sha256-hmac is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "no crypto ipsec transform-set TS-site-a-site-c-1 esp-aes 256 esp-sha256-hmac" if nothing does']);
    const r = iosPaste.apply(IOS_MESH, script);
    if (!r.ok) throw new Error(r.message);
    const want = iosReader.read([{ name: 'a.ios.txt', content: after }]);
    const got = iosReader.read([{ name: 'a.ios.txt', content: r.config }]);
    expect(got.ok && got.meaning).toEqual(want.ok && want.meaning);
  });

  it('a VTI tunnel removed: its route, the tunnel interface, then the IPsec profile and the IKEv2 objects', () => {
    const after = cut(IOS_VTI, '! ---- tunnel hub-branch-fgt', '! ---- tunnel hub-branch-pa');
    expect(iosPaste.commands(IOS_VTI, after, 'a').text).toBe(lines(
      'no ip route 10.12.0.0 255.255.255.0 Tunnel2',
      'no interface Tunnel2',
      'no crypto ipsec profile IPSEC-hub-branch-fgt',
      'no crypto ikev2 profile PROF-hub-branch-fgt',
      'no crypto ikev2 keyring KR-hub-branch-fgt',
      'no crypto ikev2 policy POL-hub-branch-fgt',
      'no crypto ikev2 proposal PROP-hub-branch-fgt-1',
    ));
  });

  it('a changed IKE lifetime is one line in the profile', () => {
    const after = IOS_MESH.replace(' lifetime 28800\n dpd 10 2 on-demand\ncrypto ipsec transform-set TS-site-a-site-b-1', ' lifetime 86400\n dpd 10 2 on-demand\ncrypto ipsec transform-set TS-site-a-site-b-1');
    expect(iosPaste.commands(IOS_MESH, after, 'a').text).toBe(lines('crypto ikev2 profile PROF-site-a-site-b', ' lifetime 86400', 'exit'));
  });

  it('an IKEv2 proposal\'s encryption list is written again whole, the old line removed first', () => {
    const after = IOS_MESH.replace('PROP-site-a-site-b-1\n encryption aes-cbc-256', 'PROP-site-a-site-b-1\n encryption aes-cbc-256 aes-cbc-128');
    const script = iosPaste.commands(IOS_MESH, after, 'a');
    expect(script.text).toBe(lines('crypto ikev2 proposal PROP-site-a-site-b-1', ' no encryption aes-cbc-256', ' encryption aes-cbc-256 aes-cbc-128', 'exit'));
    // The model adds a list line's values to those there: without the removal first, the old
    // list would stay in front (the stricter reading of a rule the documentation does not settle).
    const added = iosPaste.apply(IOS_MESH, { ...script, text: lines('crypto ikev2 proposal PROP-site-a-site-b-1', ' encryption aes-cbc-128', 'exit') });
    expect(added.ok && added.config).toContain('PROP-site-a-site-b-1\n encryption aes-cbc-256 aes-cbc-128\n');
  });

  it('a crypto map entry\'s peer: the new one added, the old one removed (set peer adds a peer)', () => {
    const after = IOS_MESH.replace(' set peer 198.51.100.12', ' set peer 198.51.100.99');
    const script = iosPaste.commands(IOS_MESH, after, 'a');
    expect(script.text).toBe(lines('crypto map CMAP 10 ipsec-isakmp', ' set peer 198.51.100.99', ' no set peer 198.51.100.12', 'exit'));
    const r = iosPaste.apply(IOS_MESH, script);
    const entry = r.ok ? r.config.slice(r.config.indexOf('crypto map CMAP 10 ipsec-isakmp'), r.config.indexOf('\n\n', r.config.indexOf('crypto map CMAP 10 ipsec-isakmp'))) : '';
    expect(entry).toContain('\n set peer 198.51.100.99');
    expect(entry).not.toContain('198.51.100.12');
  });

  it('a key changed in a keyring peer: the peer\'s mode is entered inside the keyring\'s', () => {
    const after = IOS_MESH.replace('  pre-shared-key <PSK:site-a-site-b>', '  pre-shared-key new-key');
    const script = iosPaste.commands(IOS_MESH, after, 'a');
    expect(script.text).toBe(lines('crypto ikev2 keyring KR-site-a-site-b', ' peer site-a-site-b', '  pre-shared-key new-key', ' exit', 'exit'));
    expect(iosPaste.apply(IOS_MESH, script)).toEqual({ ok: true, config: after });
  });

  it('the last crypto map tunnel gone: the interface stays, only its crypto map line is removed', () => {
    const after = IOS_MESH.slice(0, IOS_MESH.indexOf('! ---- tunnel site-a-site-b'));
    const script = iosPaste.commands(IOS_MESH, after, 'a');
    expect(script.text.split('\n').slice(0, 3)).toEqual(['interface GigabitEthernet0/0/0', ' no crypto map CMAP', 'exit']);
    expect(script.text).not.toContain('no interface GigabitEthernet0/0/0');
    const r = iosPaste.apply(IOS_MESH, script);
    const read = r.ok ? iosReader.read([{ name: 'a.ios.txt', content: r.config }]) : undefined;
    expect(read?.ok && read.meaning.peers).toEqual([]);
  });

  it('nothing changed: no script; comments only: an IOS comment line that changes nothing', () => {
    expect(iosPaste.commands(IOS_MESH, IOS_MESH, 'a').text).toBe('');
    const commented = iosPaste.commands(IOS_MESH, IOS_MESH.replace('! Design: Full mesh', '! Design: Full mesh, renamed'), 'a');
    expect(commented.text).toMatch(/^! [^\n]*\n$/u);
    expect(iosPaste.apply(IOS_MESH, commented)).toEqual({ ok: true, config: IOS_MESH });
  });

  it('refuses to remove what the configuration does not have, saying the script line', () => {
    const s: PasteScript = { kind: 'commands', text: lines('crypto map CMAP 10 ipsec-isakmp', ' no set peer 192.0.2.1', 'exit'), enter: [], leave: [], notes: [] };
    expect(iosPaste.apply(IOS_MESH, s)).toMatchObject({ ok: false, line: 2 });
    expect(iosPaste.apply(IOS_MESH, { ...s, text: 'no crypto map CMAP 99\n' })).toMatchObject({ ok: false, line: 1 });
  });
});
