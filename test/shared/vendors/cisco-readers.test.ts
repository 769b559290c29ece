// The Cisco readers read a configuration as the box does, not as the exporter happens to write
// it: a running configuration's order (crypto maps before the policies and tunnel groups they
// rely on), names resolved wherever they are defined, defaults for what is left out, a crypto map
// bound to no interface doing nothing, and every line accounted for (not understood: with its line).
import { describe, expect, it } from 'vitest';
import { reader as asa } from '../../../shared/vendors/cisco-asa/reader';
import { reader as ios } from '../../../shared/vendors/cisco-ios/reader';

const ASA_RUNNING = `hostname branch-asa
interface GigabitEthernet0/0
 nameif outside
!
object network LAN
 subnet 10.1.0.0 255.255.255.0
object network REMOTE
 subnet 10.2.0.0 255.255.255.0
access-list VPN extended permit ip object LAN object REMOTE
access-list VPN extended permit tcp host 10.1.0.5 eq 443 10.2.0.0 255.255.255.0
access-list OTHER extended permit ip any4 any4
crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac
crypto map PROD 5 match address VPN
crypto map PROD 5 set peer 203.0.113.2
crypto map PROD 5 set ikev1 transform-set TS
crypto map PROD 5 set pfs group14
crypto map PROD interface outside
crypto map SPARE 1 match address OTHER
crypto map SPARE 1 set peer 192.0.2.99
crypto map SPARE 1 set ikev1 transform-set TS
crypto ikev1 enable outside
crypto ikev1 policy 20
 authentication pre-share
 encryption aes-256
 hash sha
 group 14
 lifetime 28800
crypto ikev1 policy 10
 authentication pre-share
 encryption aes
 hash sha
 group 5
tunnel-group 203.0.113.2 type ipsec-l2l
tunnel-group 203.0.113.2 ipsec-attributes
 ikev1 pre-shared-key secret
`;

const IOS_RUNNING = `hostname branch-rtr
crypto map CM 10 ipsec-isakmp
 set peer 203.0.113.2
 set transform-set TS
 match address VPN
crypto isakmp policy 10
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp key secret address 203.0.113.2
crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac
 mode tunnel
ip access-list extended VPN
 permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.0.255
 permit udp host 10.1.0.9 range 1000 2000 any
interface GigabitEthernet1
 ip address 198.51.100.1 255.255.255.0
 crypto map CM
`;

describe('Cisco ASA reader', () => {
  const r = asa.read([{ name: 'running.asa.txt', content: ASA_RUNNING }]);

  it('reads the bound crypto map entry with what it names, wherever it is defined, and the box\'s defaults', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.meaning.peers).toHaveLength(1);
    const p = r.meaning.peers[0]!;
    expect(p).toMatchObject({ remoteAddress: '203.0.113.2', ikeVersion: 1, exchangeMode: 'main', auth: { method: 'psk' }, dpd: { intervalSeconds: 10 } });
    // IKE policies are global, tried by priority: 10 before 20; 10 has the default lifetime.
    expect(p.ike.proposals).toEqual([{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [5] }, { encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] }]);
    expect(p.ike.lifetimeSeconds).toBe(86400);
    expect(p.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.0.0/24 <-> 10.2.0.0/24', '10.1.0.5/32[tcp/443] <-> 10.2.0.0/24[tcp]']);
    expect(p.children[0]?.esp).toEqual({ proposals: [{ encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] }], lifetimeSeconds: 28800 });
  });

  it('reports the lines it does not understand with their numbers, and sets aside what protects nothing', () => {
    if (!r.ok) return;
    // hostname, interface and nameif are read as the box's device fields (cisco-real-config.test.ts).
    expect(r.lines.unknown.map((u) => u.line)).toEqual([]);
    // The unbound map SPARE (three lines) and the access list only it matches.
    expect(r.lines.ignored).toBe(4);
  });
});

describe('Cisco IOS-XE reader', () => {
  const r = ios.read([{ name: 'running.ios.txt', content: IOS_RUNNING }]);

  it('reads the crypto map entry bound to an interface, before or after what it names', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.meaning.peers).toHaveLength(1);
    const p = r.meaning.peers[0]!;
    expect(p).toMatchObject({ remoteAddress: '203.0.113.2', ikeVersion: 1, auth: { method: 'psk' } });
    expect(p.dpd).toBeUndefined();
    expect(p.ike).toEqual({ proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 86400 });
    expect(p.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.0.0/24 <-> 10.2.0.0/24', '10.1.0.9/32[udp/1000-2000] <-> 0.0.0.0/0[udp]']);
    expect(p.children[0]?.esp).toEqual({ proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [] }], lifetimeSeconds: 3600 });
  });

  it('reports the lines it does not understand with their numbers', () => {
    if (!r.ok) return;
    // hostname and the interface address are read as the box's device fields (cisco-real-config.test.ts).
    expect(r.lines.unknown.map((u) => `${u.line}: ${u.text}`)).toEqual([]);
  });

  it('reads nothing from a crypto map no interface has', () => {
    const unbound = ios.read([{ name: 'x.ios.txt', content: IOS_RUNNING.replace(' crypto map CM\n', '') }]);
    expect(unbound.ok && unbound.meaning.peers).toEqual([]);
    // The entry, its four statements and the access list it matches are set aside, not used.
    expect(unbound.ok && unbound.lines.ignored).toBe(7);
  });
});
