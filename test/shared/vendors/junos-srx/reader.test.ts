// The Junos reader reads the flat `set` syntax as Junos does: quoted strings with backslash
// escapes, lists, statements in any order, and it says which lines it did not understand.
import { describe, expect, it } from 'vitest';
import { junosReader, junosWords } from '../../../../shared/vendors/junos-srx/reader';

const config = [
  'set security ipsec vpn v1 ike gateway g1',
  'set security ipsec vpn v1 bind-interface st0.3',
  'set security ike gateway g1 address 203.0.113.9',
  'set security ike gateway g1 ike-policy p1',
  'set security ike gateway g1 version v2-only',
  'set security ike gateway g1 dead-peer-detection interval 20',
  'set security ike gateway g1 remote-identity hostname peer.example',
  'set security ike policy p1 proposals [ a b ]',
  'set security ike policy p1 pre-shared-key ascii-text "x\\"y"',
  'set security ike proposal a encryption-algorithm aes-256-cbc',
  'set security ike proposal a authentication-algorithm sha-256',
  'set security ike proposal a dh-group group14',
  'set security ike proposal a lifetime-seconds 28800',
  'set security ike proposal b encryption-algorithm aes-128-gcm',
  'set security ike proposal b authentication-algorithm sha-384',
  'set security ike proposal b dh-group group20',
  'set security ipsec vpn v1 ike ipsec-policy e1',
  'set security ipsec policy e1 proposals x',
  'set security ipsec policy e1 perfect-forward-secrecy keys group19',
  'set security ipsec proposal x encryption-algorithm aes-256-gcm',
  'set security ipsec proposal x lifetime-seconds 3600',
  'set security ipsec vpn v1 traffic-selector ts1 local-ip 10.1.0.0/24',
  'set security ipsec vpn v1 traffic-selector ts1 remote-ip 10.2.0.0/24',
  'set routing-options static route 10.2.0.0/24 next-hop st0.3',
  'set security zones security-zone vpn interfaces st0.3',
  'set system host-name fw1',
].join('\n');

describe('Junos reader', () => {
  it('splits words as Junos does: "…" with backslash escapes', () => {
    expect(junosWords('set a "b \\"c\\" d" [ x y ]')).toEqual(['set', 'a', 'b "c" d', '[', 'x', 'y', ']']);
    expect(junosWords('set a "open')).toBeUndefined();
  });

  it('reads the VPN whatever the order, entries set by several lines, and accounts for every line', () => {
    const r = junosReader.read([{ name: 'fw1.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    const [peer] = r.meaning.peers;
    expect(peer).toMatchObject({ remoteAddress: '203.0.113.9', ikeVersion: 2, dpd: { intervalSeconds: 20 }, auth: { method: 'psk', remoteId: 'fqdn:peer.example' }, routes: ['10.2.0.0/24'] });
    expect(peer?.ike.proposals).toEqual([
      { encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] },
      { encryption: ['aes128gcm16'], integrity: ['sha384'], dhGroups: [20] },
    ]);
    expect(peer?.children).toEqual([{ local: '10.1.0.0/24', remote: '10.2.0.0/24', name: 'ts1', esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: [], dhGroups: [19] }], lifetimeSeconds: 3600 } }]);
    expect(r.lines).toEqual({ used: 26, ignored: 0, unknown: [] });
    expect(r.meaning.device).toMatchObject({ hostname: 'fw1', vpnType: 'route-based', interfaces: [{ name: 'st0.3', kind: 'tunnel', zone: 'vpn' }], routes: [{ destination: '10.2.0.0/24', interface: 'st0.3' }] });
  });
});
