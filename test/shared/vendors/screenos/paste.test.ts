// What to paste on a ScreenOS box (shared/vendors/screenos/paste.ts): exact scripts for concrete
// changes of a configuration as the exporter writes it (the pan-asa-interop template's PA-HQ
// retargeted to ScreenOS), and the CLI model refusing what ScreenOS refuses.
import { describe, expect, it } from 'vitest';
import { importedAndFixed as importedAndFixedOf } from '../../../support/paste-pairs';
import { screenosPaste } from '../../../../shared/vendors/screenos/paste';
import { screenosReader } from '../../../../shared/vendors/screenos/reader';

const BOX = `# IPsec Studio export for gateway "PA-HQ" (Juniper ScreenOS, SSG-140 6.3.0)
set ike p1-proposal "p1-pa-asa-1" preshare group14 esp aes256 sha-1 second 28800
set ike p2-proposal "p2-pa-asa-1" group14 esp aes256 sha-1 second 3600
set ike gateway "pa-asa" address 203.0.113.2 Main outgoing-interface "ethernet0/2" preshare "pa-asa-secret" proposal "p1-pa-asa-1"
set ike gateway "pa-asa" nat-traversal
set ike gateway "pa-asa" dpd-liveness interval 10
set vpn "pa-asa" gateway "pa-asa" no-replay tunnel idletime 0 proposal "p2-pa-asa-1"
set vpn "pa-asa" id 0x1 bind interface tunnel.1
set interface "tunnel.1" zone "Untrust"
set interface tunnel.1 ip unnumbered interface ethernet0/2
set route 10.20.0.0/24 interface tunnel.1
set address "Trust" "N-10.10.0.0-24" 10.10.0.0 255.255.255.0
set address "Untrust" "N-10.20.0.0-24" 10.20.0.0 255.255.255.0
set policy from "Trust" to "Untrust" "N-10.10.0.0-24" "N-10.20.0.0-24" "ANY" permit
set policy from "Untrust" to "Trust" "N-10.20.0.0-24" "N-10.10.0.0-24" "ANY" permit
`;

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
  return text.replace(from, to);
};
const commands = (before: string, after: string) => screenosPaste.commands(before, after, 'PA-HQ.screenos.txt');
const script = (text: string) => ({ kind: 'commands' as const, text, enter: [], leave: ['save'], notes: [] });

describe('ScreenOS paste: the commands', () => {
  it('nothing to enter, save after', () => {
    const s = commands(BOX, edit(BOX, 'interval 10', 'interval 20'));
    expect(s.enter).toEqual([]);
    expect(s.leave).toEqual(['save']);
  });

  it('a route added after the box\'s default route is only set: the table is looked up by the most specific prefix, not in order', () => {
    const withDefault = edit(BOX, 'set route 10.20.0.0/24 interface tunnel.1\n', 'set route 0.0.0.0/0 interface ethernet0/2 gateway 203.0.113.254\nset route 10.20.0.0/24 interface tunnel.1\n');
    const added = edit(withDefault, 'set route 0.0.0.0/0 interface ethernet0/2 gateway 203.0.113.254\n', 'set route 10.30.0.0/24 interface tunnel.1\nset route 0.0.0.0/0 interface ethernet0/2 gateway 203.0.113.254\n');
    const s = commands(withDefault, added);
    expect(s.text).toBe('set route 10.30.0.0/24 interface tunnel.1\n');
  });

  it('a changed route is unset by prefix and interface, and set again', () => {
    const moved = edit(BOX, 'set route 10.20.0.0/24 interface tunnel.1', 'set route 10.21.0.0/24 interface tunnel.1');
    expect(commands(BOX, moved).text).toBe('unset route 10.20.0.0/24 interface tunnel.1\nset route 10.21.0.0/24 interface tunnel.1\n');
  });

  it("a changed phase-2 proposal: the VPN that uses it and the VPN's policies are unset first and set again after it", () => {
    // Policy-based: the policies tunnel into the VPN.
    const pb = BOX.replaceAll('"ANY" permit', '"ANY" tunnel vpn "pa-asa"');
    const s = commands(pb, edit(pb, 'group14 esp aes256 sha-1 second 3600', 'group14 esp aes256 sha-1 second 28800'));
    expect(s.text).toBe(
      [
        'unset policy id 1',
        'unset policy id 2',
        'unset vpn "pa-asa"',
        'unset ike p2-proposal "p2-pa-asa-1"',
        'set ike p2-proposal "p2-pa-asa-1" group14 esp aes256 sha-1 second 28800',
        'set vpn "pa-asa" gateway "pa-asa" no-replay tunnel idletime 0 proposal "p2-pa-asa-1"',
        'set vpn "pa-asa" id 0x1 bind interface tunnel.1',
        'set policy from "Trust" to "Untrust" "N-10.10.0.0-24" "N-10.20.0.0-24" "ANY" tunnel vpn "pa-asa"',
        'set policy from "Untrust" to "Trust" "N-10.20.0.0-24" "N-10.10.0.0-24" "ANY" tunnel vpn "pa-asa"',
        '',
      ].join('\n'),
    );
    // Each policy unset by id says how to find the box's own id.
    expect(s.notes.filter((n) => n.includes('get policy from'))).toHaveLength(2);
    expect(screenosPaste.apply(pb, s).ok).toBe(true);
  });

  it('a removed VPN: policies, route, VPN, tunnel interface and gateway unset in that order; proposals and addresses only noted', () => {
    const s = commands(BOX, '# IPsec Studio export for gateway "PA-HQ"\n');
    expect(s.text).toBe(['unset policy id 1', 'unset policy id 2', 'unset route 10.20.0.0/24 interface tunnel.1', 'unset vpn "pa-asa"', 'unset interface tunnel.1', 'unset ike gateway "pa-asa"', ''].join('\n'));
    expect(s.notes.filter((n) => n.includes('no longer used')).map((n) => n.split(' is no longer')[0])).toEqual(['p1 p1-pa-asa-1', 'p2 p2-pa-asa-1', 'address Trust N-10.10.0.0-24', 'address Untrust N-10.20.0.0-24']);
    const r = screenosPaste.apply(BOX, s);
    expect(r.ok).toBe(true);
  });

  it('nothing changed, nothing to paste', () => {
    expect(commands(BOX, BOX).text).toBe('');
  });
});

describe('ScreenOS paste: the CLI model', () => {
  it('refuses to unset what the configuration does not have, naming the script line', () => {
    expect(screenosPaste.apply(BOX, script('unset route 10.20.0.0/24 interface tunnel.1\nunset vpn "other"\n'))).toEqual({ ok: false, line: 2, message: 'not found: unset vpn "other"' });
  });

  it('refuses to unset a gateway its VPN still uses, and a VPN its policies still tunnel into', () => {
    expect(screenosPaste.apply(BOX, script('unset ike gateway "pa-asa"\n'))).toEqual({ ok: false, line: 1, message: 'gateway pa-asa is in use by vpn pa-asa' });
    const pb = BOX.replaceAll('"ANY" permit', '"ANY" tunnel vpn "pa-asa"');
    expect(screenosPaste.apply(pb, script('unset vpn "pa-asa"\n'))).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/^vpn pa-asa is in use by policy /) });
  });

  it('refuses to set a gateway again over one of the same name (no change in place)', () => {
    const r = screenosPaste.apply(BOX, script('set ike gateway "pa-asa" address 203.0.113.9 Main outgoing-interface "ethernet0/2" preshare "x" proposal "p1-pa-asa-1"\n'));
    expect(r).toEqual({ ok: false, line: 1, message: 'gateway pa-asa already exists: unset it first' });
  });

  it('the configuration with a script applied reads as the configuration wanted', () => {
    const wanted = edit(BOX, 'address 203.0.113.2', 'address 203.0.113.9');
    const r = screenosPaste.apply(BOX, commands(BOX, wanted));
    if (!r.ok) throw new Error(r.message);
    const got = screenosReader.read([{ name: 'PA-HQ.screenos.txt', content: r.config }]);
    const want = screenosReader.read([{ name: 'PA-HQ.screenos.txt', content: wanted }]);
    expect(got.ok && want.ok && got.meaning).toEqual(want.ok && want.meaning);
  });
});

// ---------------------------------------------------------------------------------------------
// An imported box: the pan-asa-interop template retargeted to 'screenos', exported, the box's route
// taken out before import, and the engine's first fix applied; the Changes since import view
// gives each changed file its paste.

const importedAndFixed = () => importedAndFixedOf('screenos', 'set route 10.20.0.0/24 interface tunnel.1\n');

describe('ScreenOS paste of an imported box, fixed', () => {
  it("the proxy ID the fix changes: the box's VPN unset and set again with it, in the box's names (its policies do not name it: route-based)", () => {
    const box = importedAndFixed().find((b) => b.status === 'changed');
    // The box's names as its file had them (the exporter's file of the tunnel "pa-asa"), not the
    // names the export derives from the imported tunnel's name.
    const vpn = '"pa-asa"';
    expect(box?.files[0]?.paste?.text).toBe(
      [
        `unset vpn ${vpn}`,
        `set vpn ${vpn} gateway ${vpn} no-replay tunnel idletime 0 proposal "p2-pa-asa-1"`,
        `set vpn ${vpn} id 0x1 bind interface tunnel.1`,
        `set vpn ${vpn} proxy-id local-ip 0.0.0.0/0 remote-ip 0.0.0.0/0 any`,
        '',
      ].join('\n'),
    );
    expect(box?.files[0]?.paste?.leave).toEqual(['save']);
  });

  it('a proxy ID added to a VPN that stays as it was is set on it alone (KB16008)', () => {
    const one = BOX.replace('set interface "tunnel.1"', 'set vpn "pa-asa" proxy-id local-ip 10.10.0.0/24 remote-ip 10.20.0.0/24 any\nset interface "tunnel.1"');
    const two = one.replace('set interface "tunnel.1"', 'set vpn "pa-asa" proxy-id local-ip 10.10.0.0/24 remote-ip 10.21.0.0/24 any\nset interface "tunnel.1"');
    expect(commands(one, two).text).toBe('set vpn "pa-asa" proxy-id local-ip 10.10.0.0/24 remote-ip 10.21.0.0/24 any\n');
    // Taken away, the VPN is set again without it (no unset form of one proxy ID was found documented).
    expect(commands(two, one).text.split('\n')[0]).toBe('unset vpn "pa-asa"');
  });
});
