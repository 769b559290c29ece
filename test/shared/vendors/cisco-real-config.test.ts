// The Cisco readers on running configurations as the boxes print them, not as the exporters write
// them: the fixtures follow Cisco's own documentation examples (each file's header names the
// document and section) with the statements around them a real file holds (management, logging,
// users, banners, QoS policy maps…). What is read is checked value by value; what is not is
// reported with its line number; and each product is told from the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reader as asa } from '../../../shared/vendors/cisco-asa/reader';
import { reader as ios } from '../../../shared/vendors/cisco-ios/reader';
import { InterfaceSchema, NatRuleSchema, RouteSchema, SecurityPolicySchema } from '../../../shared/model/document';
import type { ConfigMeaning, LineAccount, VendorReader } from '../../../shared/vendors/kit/reader';

const DOCS = join(__dirname, '../../fixtures/import/docs');
const fixture = (path: string) => readFileSync(join(DOCS, path), 'utf8');

function readOk(r: VendorReader, path: string): { meaning: ConfigMeaning; lines: LineAccount } {
  const out = r.read([{ name: path, content: fixture(path) }]);
  if (!out.ok) throw new Error(out.message);
  return out;
}

const pairs = (m: ConfigMeaning, i: number) => m.peers[i]?.children.map((c) => `${c.local} <-> ${c.remote}`);

/** Every device field as the model's schemas take it (the import builds gateways of them). */
function expectModelValid(m: ConfigMeaning): void {
  const d = m.device;
  expect(d).toBeDefined();
  for (const i of d?.interfaces ?? []) expect(InterfaceSchema.safeParse(i).success, JSON.stringify(i)).toBe(true);
  for (const r of d?.routes ?? []) expect(RouteSchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
  for (const n of d?.natRules ?? []) expect(NatRuleSchema.safeParse(n).success, JSON.stringify(n)).toBe(true);
  for (const p of d?.policies ?? []) expect(SecurityPolicySchema.safeParse(p).success, JSON.stringify(p)).toBe(true);
}

describe('ASA running-config: LAN-to-LAN with object groups, NAT exemption and a dynamic crypto map', () => {
  const path = 'cisco-asa/l2l-objects-nat-dynamic.asa.txt';
  const { meaning, lines } = readOk(asa, path);

  it('reads the box: model from the header, version, hostname, interfaces by nameif, routes', () => {
    const d = meaning.device;
    expect(d).toMatchObject({ hostname: 'hq-asa', osVersion: '9.8(4)', model: 'ASA5516', vpnType: 'policy-based' });
    // GigabitEthernet1/3 has no nameif: it carries no traffic and is left out.
    expect(d?.interfaces).toEqual([
      { name: 'outside', kind: 'physical', address: '10.10.4.100/16', zone: 'outside' },
      { name: 'inside', kind: 'physical', address: '192.168.1.1/24', zone: 'inside' },
      { name: 'management', kind: 'physical', address: '172.16.0.10/24', zone: 'management' },
    ]);
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'outside', nextHop: '10.10.0.1', metric: 1 },
      { destination: '192.168.0.0/16', interface: 'inside', nextHop: '192.168.1.254', metric: 1 },
    ]);
    expectModelValid(meaning);
  });

  it('reads the identity twice NAT of the VPN traffic and the object NAT to the outside address', () => {
    expect(meaning.device?.natRules).toEqual([
      { name: 'exempt HQ-LAN to BRANCH-LAN', kind: 'source', original: '192.168.0.0/16', translated: '192.168.0.0/16', interface: 'outside' },
      { name: 'exempt HQ-LAN to PARTNER-NETS', kind: 'source', original: '192.168.0.0/16', translated: '192.168.0.0/16', interface: 'outside' },
      { name: 'OBJ-INSIDE-PAT nat', kind: 'source', original: '192.168.0.0/16', translated: '10.10.4.100', interface: 'outside' },
    ]);
  });

  it('reads the access list applied with access-group as the security policy, any as both families', () => {
    expect(meaning.device?.policies).toEqual([
      { name: 'outside_access_in 1', fromZone: 'outside', toZone: 'any', source: 'any', destination: '192.168.0.0/16', protocol: 1, port: 'any', action: 'allow' },
      { name: 'outside_access_in 2.1', fromZone: 'outside', toZone: 'any', source: 'any', destination: 'any', protocol: 0, port: 'any', action: 'deny' },
      { name: 'outside_access_in 2.2', fromZone: 'outside', toZone: 'any', source: 'any6', destination: 'any6', protocol: 0, port: 'any', action: 'deny' },
    ]);
  });

  it('reads the static entry with an IKEv2 proposal as IKEv2, with its tunnel group key and the outside address', () => {
    const p = meaning.peers[0];
    expect(p).toMatchObject({ remoteAddress: '10.10.4.108', localAddress: '10.10.4.100', ikeVersion: 2, name: '10.10.4.108', outsideInterface: 'outside', psk: '44kkaol59636jnfx', pskPresent: true, auth: { method: 'psk' }, dpd: { intervalSeconds: 10 } });
    expect(p?.passive).toBeUndefined();
    expect(p?.ike).toEqual({ proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [2] }], lifetimeSeconds: 43200 });
    expect(pairs(meaning, 0)).toEqual(['192.168.0.0/16 <-> 150.150.0.0/16']);
    expect(p?.children[0]?.esp).toEqual({ proposals: [{ encryption: ['3des', 'aes128', 'des'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 28800 });
  });

  it('resolves the network and port object groups of a crypto ACL line into one proxy ID each', () => {
    const p = meaning.peers[1];
    expect(p).toMatchObject({ remoteAddress: '198.51.100.7', ikeVersion: 1, exchangeMode: 'main', pskPresent: true, dpd: { intervalSeconds: 30 } });
    // The key is shown as ***** by show running-config: present, not known.
    expect(p?.psk).toBeUndefined();
    expect(pairs(meaning, 1)).toEqual([
      '192.168.0.0/16[tcp] <-> 172.20.10.0/24[tcp/443]',
      '192.168.0.0/16[tcp] <-> 172.20.10.0/24[tcp/8000-8010]',
      '192.168.0.0/16[tcp] <-> 172.20.5.10/32[tcp/443]',
      '192.168.0.0/16[tcp] <-> 172.20.5.10/32[tcp/8000-8010]',
    ]);
    // Seconds and kilobytes on one line, as the box prints them.
    expect(p?.children[0]?.esp).toEqual({ proposals: [{ encryption: ['3des'], integrity: ['md5'], dhGroups: [14] }], lifetimeSeconds: 3600, lifetimeKilobytes: 4608000 });
  });

  it('reads the dynamic crypto map as a peer that only answers, of unknown address, with the DefaultL2LGroup key', () => {
    expect(meaning.peers).toHaveLength(3);
    const p = meaning.peers[2];
    expect(p).toMatchObject({ remoteAddress: '', passive: true, ikeVersion: 1, name: 'DefaultL2LGroup', psk: 'dyn4mic', outsideInterface: 'outside' });
    expect(pairs(meaning, 2)).toEqual(['192.168.0.0/16 <-> 10.200.0.0/16']);
  });

  it('accounts for every line: unrelated classes ignored, the odd lines inside crypto and tunnel-group reported with their numbers', () => {
    expect(lines.unknown).toEqual([
      { file: path, line: 115, text: 'crypto map abcmap 2 set inheritance data' },
      { file: path, line: 156, text: 'isakmp ikev1-user-authentication none' },
    ]);
    expect(lines.used).toBe(84);
    expect(lines.ignored).toBe(66);
  });
});

describe('IOS-XE running-config: static VTI with an IKEv2 profile and keyring', () => {
  const path = 'cisco-ios/ikev2-profile-keyring-vti.ios.txt';
  const { meaning, lines } = readOk(ios, path);

  it('reads the box: version, model from the license UDI, interfaces, routes by next hop or interface', () => {
    const d = meaning.device;
    expect(d).toMatchObject({ hostname: 'branch-rtr', osVersion: '17.9', model: 'ISR4331/K9', vpnType: 'route-based' });
    // GigabitEthernet0 is in the management VRF: not on the VPN's routing table.
    expect(d?.interfaces).toEqual([
      { name: 'Loopback0', kind: 'loopback', address: '10.255.0.2/32' },
      { name: 'Tunnel1', kind: 'tunnel', address: '169.254.10.2/30' },
      { name: 'GigabitEthernet0/0/0', kind: 'physical', address: '198.51.100.2/24' },
      { name: 'GigabitEthernet0/0/1', kind: 'physical', address: '10.2.0.1/24' },
    ]);
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'GigabitEthernet0/0/0', nextHop: '198.51.100.1' },
      { destination: '10.1.0.0/16', interface: 'Tunnel1' },
    ]);
    expectModelValid(meaning);
  });

  it('reads the NAT list: its deny line as the VPN exemption, its permit as source NAT to the outside address', () => {
    expect(meaning.device?.natRules).toEqual([
      { name: 'NAT-INTERNET deny 1 to 10.1.0.0/16', kind: 'source', original: '10.2.0.0/24', translated: '10.2.0.0/24', interface: 'GigabitEthernet0/0/0' },
      { name: 'NAT-INTERNET 2', kind: 'source', original: '10.2.0.0/24', translated: '198.51.100.2', interface: 'GigabitEthernet0/0/0' },
    ]);
    expect(meaning.device?.policies).toEqual([]);
  });

  it('reads the VTI peer: profile, keyring key, proposal, PFS, any to any, the route into the tunnel', () => {
    expect(meaning.peers).toHaveLength(1);
    const p = meaning.peers[0];
    expect(p).toMatchObject({
      remoteAddress: '203.0.113.10', localAddress: '198.51.100.2', ikeVersion: 2, name: 'Tunnel1', tunnelInterface: 'Tunnel1', outsideInterface: 'GigabitEthernet0/0/0',
      psk: 'Br4nchToHq', pskPresent: true, dpd: { intervalSeconds: 30 }, routes: ['10.1.0.0/16'],
      // `match identity remote address A 255.255.255.255` is the peer's default identity: not a remote ID to configure.
      auth: { method: 'psk', localId: 'fqdn:branch-rtr.example.net' },
    });
    expect(p?.auth.remoteId).toBeUndefined();
    expect(p?.ike).toEqual({ proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 });
    expect(pairs(meaning, 0)).toEqual(['0.0.0.0/0 <-> 0.0.0.0/0']);
    expect(p?.children[0]?.esp).toEqual({ proposals: [{ encryption: ['aes256gcm16'], integrity: ['none'], dhGroups: [14] }], lifetimeSeconds: 3600 });
  });

  it('accounts for every line: the banner body, PKI, users, lines, logging ignored; the odd lines of the profile and the tunnel reported', () => {
    expect(lines.unknown).toEqual([
      { file: path, line: 86, text: 'nat force-encap' },
      { file: path, line: 107, text: 'tunnel path-mtu-discovery' },
    ]);
    expect(lines.used).toBe(52);
    expect(lines.ignored).toBe(57);
  });
});

describe('IOS-XE running-config: crypto map with an IKEv2 profile and an IKEv1 peer by ISAKMP profile', () => {
  const path = 'cisco-ios/ikev2-crypto-map.ios.txt';
  const { meaning, lines } = readOk(ios, path);

  it('reads the IKEv2 entry: identities, the keyring peer whose address and mask cover the peer', () => {
    const p = meaning.peers[0];
    expect(p).toMatchObject({ remoteAddress: '209.165.200.225', localAddress: '209.165.200.227', ikeVersion: 2, name: 'cmap 1', outsideInterface: 'Ethernet0/0', psk: 'abc', auth: { method: 'psk', localId: 'fqdn:smap-initiator', remoteId: 'fqdn:dmap-responder' } });
    expect(p?.ike).toEqual({ proposals: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [14] }], lifetimeSeconds: 86400 });
    expect(pairs(meaning, 0)).toEqual(['0.0.0.0/0 <-> 0.0.0.0/0']);
  });

  it('reads the IKEv1 entry through its ISAKMP profile and keyring, with a numbered crypto ACL', () => {
    const p = meaning.peers[1];
    expect(p).toMatchObject({ remoteAddress: '192.0.2.77', ikeVersion: 1, exchangeMode: 'main', psk: 'L3gacyKey', name: 'cmap 20' });
    expect(p?.ike.proposals).toEqual([{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }]);
    expect(pairs(meaning, 1)).toEqual(['10.30.0.0/24[tcp] <-> 192.0.2.80/32[tcp/443]']);
    expect(p?.children[0]?.esp.proposals).toEqual([{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [] }]);
  });

  it('reads the box: the route by next hop on the physical port, not the loopback on the same network; the inbound ACL as policy', () => {
    expect(meaning.device?.routes).toEqual([{ destination: '209.165.200.224/27', interface: 'Ethernet0/0', nextHop: '209.165.200.225' }]);
    expect(meaning.device?.policies).toEqual([
      { name: 'OUTSIDE-IN 1', fromZone: 'any', toZone: 'any', source: 'any', destination: '209.165.200.227', protocol: 17, port: '500', action: 'allow' },
      { name: 'OUTSIDE-IN 2', fromZone: 'any', toZone: 'any', source: 'any', destination: '209.165.200.227', protocol: 50, port: 'any', action: 'allow' },
      { name: 'OUTSIDE-IN 3', fromZone: 'any', toZone: 'any', source: 'any', destination: 'any', protocol: 0, port: 'any', action: 'deny' },
    ]);
    expectModelValid(meaning);
  });

  it('reports the crypto map line it does not take, with its number', () => {
    expect(lines.unknown).toEqual([{ file: path, line: 63, text: 'set security-association replay window-size 128' }]);
    expect(lines.used).toBe(57);
    expect(lines.ignored).toBe(7);
  });
});

describe('dynamic crypto maps and unbound maps on IOS-XE', () => {
  const config = `hostname hub
crypto isakmp policy 10
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp key 0 dynKey address 0.0.0.0 0.0.0.0
crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac
 mode tunnel
crypto dynamic-map DYN 10
 set transform-set TS
 set pfs group19
 match address DYN-ACL
crypto map CM 65535 ipsec-isakmp dynamic DYN
crypto dynamic-map SPARE 10
 set transform-set TS
ip access-list extended DYN-ACL
 permit ip 10.1.0.0 0.0.255.255 10.99.0.0 0.0.255.255
interface GigabitEthernet1
 ip address 198.51.100.1 255.255.255.0
 crypto map CM
`;

  it('reads the dynamic entry as a passive peer of unknown address; the dynamic map no entry names is set aside', () => {
    const r = ios.read([{ name: 'hub.ios.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.peers).toHaveLength(1);
    // The wildcard key (address 0.0.0.0 0.0.0.0) is the one a peer of unknown address authenticates with.
    expect(r.meaning.peers[0]).toMatchObject({ remoteAddress: '', passive: true, ikeVersion: 1, localAddress: '198.51.100.1', outsideInterface: 'GigabitEthernet1', name: 'DYN 10', psk: 'dynKey', pskPresent: true });
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.0.0/16 <-> 10.99.0.0/16']);
    expect(r.meaning.peers[0]?.children[0]?.esp.proposals).toEqual([{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19] }]);
    // SPARE (two lines) is named by no crypto map; the 0.0.0.0 key is global (used, for any peer).
    expect(r.lines.ignored).toBe(2);
    expect(r.lines.unknown).toEqual([]);
  });
});

describe('recognize tells ASA from IOS-XE and both from other products', () => {
  const asaText = fixture('cisco-asa/l2l-objects-nat-dynamic.asa.txt');
  const vti = fixture('cisco-ios/ikev2-profile-keyring-vti.ios.txt');
  const map = fixture('cisco-ios/ikev2-crypto-map.ios.txt');
  const others: [string, string][] = [
    ['FortiGate', 'config vpn ipsec phase1-interface\n    edit "to-hq"\n        set interface "wan1"\n        set remote-gw 203.0.113.1\n    next\nend\n'],
    ['Junos', 'set security ike gateway GW address 203.0.113.1\nset security ipsec vpn VPN bind-interface st0.0\n'],
    ['strongSwan', 'connections {\n  hq {\n    remote_addrs = 203.0.113.1\n    children { net { local_ts = 10.1.0.0/24 } }\n  }\n}\n'],
    ['PAN-OS', '<config><devices><entry name="localhost.localdomain"/></devices></config>'],
  ];

  it.each([
    ['the ASA file', asaText, 1, 0.05],
    ['the IOS-XE VTI file', vti, 0.05, 1],
    ['the IOS-XE crypto map file', map, 0.05, 1],
  ])('%s: its own reader about 1, the other Cisco reader low', (_name, text, asaScore, iosScore) => {
    expect(asa.recognize?.(text)).toBeCloseTo(asaScore, 2);
    expect(ios.recognize?.(text)).toBeCloseTo(iosScore, 2);
  });

  it.each(others)('%s: 0 for both', (_name, text) => {
    expect(asa.recognize?.(text)).toBe(0);
    expect(ios.recognize?.(text)).toBe(0);
  });

  it('a file with signs of both leans to the product with more of them', () => {
    const mixed = 'ASA Version 9.16(1)\ninterface GigabitEthernet0/0\n nameif outside\n security-level 0\nip route 0.0.0.0 0.0.0.0 192.0.2.1\n';
    expect(asa.recognize?.(mixed) ?? 0).toBeGreaterThan(ios.recognize?.(mixed) ?? 1);
    expect(asa.recognize?.(mixed) ?? 1).toBeLessThan(1);
  });
});

describe('access lists on the ASA: what a crypto map names must be understood, the rest is set aside', () => {
  const config = `hostname edge
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 203.0.113.1 255.255.255.0
object network LAN
 subnet 10.1.0.0 255.255.255.0
object network REMOTE-FQDN
 fqdn vpn.example.net
access-list VPN extended permit ip object LAN 10.2.0.0 255.255.255.0
access-list VPN extended permit ip object LAN object REMOTE-FQDN
access-list CAPTURE extended permit ip object LAN object REMOTE-FQDN
crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac
crypto map M 10 match address VPN
crypto map M 10 set peer 198.51.100.9
crypto map M 10 set ikev1 transform-set TS
crypto map M interface outside
`;

  it('reports the crypto ACL line it cannot resolve (an FQDN object) and the object, and ignores the unused list', () => {
    const r = asa.read([{ name: 'edge.asa.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.0.0/24 <-> 10.2.0.0/24']);
    expect(r.lines.unknown.map((u) => `${u.line}: ${u.text}`)).toEqual(['9: fqdn vpn.example.net', '11: access-list VPN extended permit ip object LAN object REMOTE-FQDN']);
    // CAPTURE (one line) is named by nothing in force.
    expect(r.lines.ignored).toBe(1);
  });
});

describe('an ASA virtual tunnel interface', () => {
  const config = `ASA Version 9.16(3)
hostname vti-asa
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 203.0.113.1 255.255.255.0
interface Tunnel1
 nameif vti-hq
 ip address 169.254.0.1 255.255.255.252
 tunnel source interface outside
 tunnel destination 198.51.100.1
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile PROF
 tunnel mystery-option
crypto ipsec ikev2 ipsec-proposal P
 protocol esp encryption aes-256
 protocol esp integrity sha-256
crypto ipsec profile PROF
 set ikev2 ipsec-proposal P
 set pfs group14
crypto ikev2 policy 10
 encryption aes-256
 integrity sha256
 group 14
 prf sha256
route vti-hq 10.2.0.0 255.255.0.0 169.254.0.2 1
tunnel-group 198.51.100.1 type ipsec-l2l
tunnel-group 198.51.100.1 ipsec-attributes
 ikev2 remote-authentication pre-shared-key vtiKey
 ikev2 local-authentication pre-shared-key vtiKey
: end
`;

  it('reads the tunnel as a route-based IKEv2 peer on the nameif, its route, and reports the line it does not take', () => {
    const r = asa.read([{ name: 'vti.asa.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.device).toMatchObject({ vpnType: 'route-based', osVersion: '9.16(3)' });
    expect(r.meaning.device?.interfaces).toContainEqual({ name: 'vti-hq', kind: 'tunnel', address: '169.254.0.1/30', zone: 'vti-hq' });
    expect(r.meaning.peers).toHaveLength(1);
    expect(r.meaning.peers[0]).toMatchObject({ remoteAddress: '198.51.100.1', localAddress: '203.0.113.1', ikeVersion: 2, tunnelInterface: 'vti-hq', outsideInterface: 'outside', routes: ['10.2.0.0/16'], psk: 'vtiKey' });
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['0.0.0.0/0 <-> 0.0.0.0/0']);
    expect(r.meaning.peers[0]?.children[0]?.esp.proposals).toEqual([{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }]);
    expect(r.lines.unknown.map((u) => `${u.line}: ${u.text}`)).toEqual(['14: tunnel mystery-option']);
  });
});

describe('object groups in an IOS-XE crypto ACL', () => {
  const config = `hostname og
object-group network LOCAL-NETS
 description both branch LANs
 10.1.1.0 255.255.255.0
 host 10.1.2.5
object-group network REMOTE-NETS
 range 10.9.0.10 10.9.0.20
object-group service WEB
 tcp eq 443
 udp range 5000 5010
crypto isakmp policy 10
 encr aes
 authentication pre-share
 group 14
crypto isakmp key k3y address 203.0.113.5
crypto ipsec transform-set TS esp-aes esp-sha-hmac
crypto map CM 10 ipsec-isakmp
 set peer 203.0.113.5
 set transform-set TS
 match address VPN
ip access-list extended VPN
 permit object-group WEB object-group LOCAL-NETS object-group REMOTE-NETS
 permit ip object-group LOCAL-NETS object-group MISSING
interface GigabitEthernet1
 ip address 198.51.100.1 255.255.255.0
 crypto map CM
`;

  it('expands each line into a proxy ID per service, source and destination; a line naming an unknown group is reported', () => {
    const r = ios.read([{ name: 'og.ios.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual([
      '10.1.1.0/24[tcp] <-> 10.9.0.10-10.9.0.20[tcp/443]',
      '10.1.2.5/32[tcp] <-> 10.9.0.10-10.9.0.20[tcp/443]',
      '10.1.1.0/24[udp] <-> 10.9.0.10-10.9.0.20[udp/5000-5010]',
      '10.1.2.5/32[udp] <-> 10.9.0.10-10.9.0.20[udp/5000-5010]',
    ]);
    expect(r.meaning.peers[0]).toMatchObject({ psk: 'k3y', remoteAddress: '203.0.113.5' });
    expect(r.lines.unknown.map((u) => `${u.line}: ${u.text}`)).toEqual(['23: permit ip object-group LOCAL-NETS object-group MISSING']);
  });
});

describe('IOS-XE NAT through a route map', () => {
  const config = `hostname nat-rtr
interface GigabitEthernet1
 ip address 198.51.100.1 255.255.255.0
 ip nat outside
interface GigabitEthernet2
 ip address 10.1.0.1 255.255.255.0
 ip nat inside
ip access-list extended NO-NAT-VPN
 remark the VPN's traffic leaves untranslated
 deny ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.0.255
 permit ip 10.1.0.0 0.0.0.255 any
route-map RM-NAT permit 10
 match ip address NO-NAT-VPN
route-map UNUSED permit 10
 match ip address NO-NAT-VPN
ip nat inside source route-map RM-NAT interface GigabitEthernet1 overload
`;

  it("reads the route map's list: the deny line as the exemption, the permit as PAT; the unused route map set aside", () => {
    const r = ios.read([{ name: 'nat.ios.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.device?.natRules).toEqual([
      { name: 'NO-NAT-VPN deny 2 to 10.2.0.0/24', kind: 'source', original: '10.1.0.0/24', translated: '10.1.0.0/24', interface: 'GigabitEthernet1' },
      { name: 'NO-NAT-VPN 3', kind: 'source', original: '10.1.0.0/24', translated: '198.51.100.1', interface: 'GigabitEthernet1' },
    ]);
    expect(r.meaning.peers).toEqual([]);
    expect(r.meaning.device?.vpnType).toBeUndefined();
    expect(r.lines.unknown).toEqual([]);
    // The route map UNUSED (two lines) configures nothing in force.
    expect(r.lines.ignored).toBe(2);
    expect(r.lines.used).toBe(14);
  });
});

describe('GRE over IPsec on IOS-XE (tunnel protection on a GRE tunnel)', () => {
  const config = `hostname gre-rtr
crypto isakmp policy 10
 encr aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp key gr3 address 203.0.113.9
crypto ipsec transform-set TS-T esp-aes 256 esp-sha256-hmac
 mode transport
crypto ipsec profile GREP
 set transform-set TS-T
interface GigabitEthernet1
 ip address 198.51.100.1 255.255.255.0
interface Tunnel5
 ip address 172.16.5.1 255.255.255.252
 tunnel source GigabitEthernet1
 tunnel destination 203.0.113.9
 tunnel protection ipsec profile GREP
ip route 10.50.0.0 255.255.0.0 Tunnel5
`;

  it('protects GRE between the two tunnel ends, in transport mode, with the routes into the tunnel', () => {
    const r = ios.read([{ name: 'gre.ios.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.peers).toHaveLength(1);
    expect(r.meaning.peers[0]).toMatchObject({ remoteAddress: '203.0.113.9', localAddress: '198.51.100.1', espMode: 'transport', tunnelInterface: 'Tunnel5', routes: ['10.50.0.0/16'], psk: 'gr3' });
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['198.51.100.1/32[gre] <-> 203.0.113.9/32[gre]']);
    expect(r.lines.unknown).toEqual([]);
  });
});
