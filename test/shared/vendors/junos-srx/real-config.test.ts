// The Junos reader on running configurations as the box prints them, not only our exporter's
// lines: both forms of `show configuration` (display set and hierarchical), configuration groups
// with wildcards, inactive statements, what the file says of the box, and the line accounting.
// The two fixtures follow Juniper's own examples (their headers cite them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigurations } from '../../../../shared/import/import';
import { wildcard } from '../../../../shared/vendors/junos-srx/groups';
import { junosReader, recognizeJunos } from '../../../../shared/vendors/junos-srx/reader';
import { isHierarchical, statementsOf } from '../../../../shared/vendors/junos-srx/statements';

const DOCS = join(__dirname, '../../../fixtures/import/docs/junos-srx');
const GOLDEN = join(__dirname, '../../../fixtures/golden');
const fixture = (name: string) => ({ name, content: readFileSync(join(DOCS, name), 'utf8') });
const SRX1 = fixture('route-based-srx1.display-set.txt');
const SRX2 = fixture('policy-based-srx2.hierarchical.txt');

function read(content: string, name = 'fw.txt') {
  const r = junosReader.read([{ name, content }]);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('Junos reader on a display-set running configuration (route-based example, SRX1)', () => {
  const r = read(SRX1.content, SRX1.name);

  it('reads the one peer with its proposals, the dead peer detection a wildcard group gives it, and the route into st0.1 that is active', () => {
    expect(r.meaning.peers).toHaveLength(1);
    const [peer] = r.meaning.peers;
    expect(peer).toMatchObject({
      remoteAddress: '172.18.10.2',
      ikeVersion: 1,
      exchangeMode: 'main',
      name: 'IKE-GW',
      outsideInterface: 'ge-0/0/1.0',
      tunnelInterface: 'st0.1',
      pskPresent: true,
      auth: { method: 'psk' },
      dpd: { intervalSeconds: 10 },
      ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 },
      // 198.51.100.0/24 is also routed into st0.1, but that route is deactivated.
      routes: ['10.100.22.0/24'],
    });
    // The key is the box's $9$ encryption: present, not readable.
    expect(peer?.psk).toBeUndefined();
    // Route-based with no proxy identity nor traffic selector: the product's default, 0.0.0.0/0 both ways.
    expect(peer?.children).toEqual([{ local: '0.0.0.0/0', remote: '0.0.0.0/0', implicit: true, esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600 } }]);
  });

  it('says what the box is: host name, release, interfaces with zones (not fxp0), routes, static NAT, active policies with the address set and application resolved', () => {
    expect(r.meaning.device).toEqual({
      hostname: 'SRX1',
      osVersion: '20.4R3-S1.3',
      vpnType: 'route-based',
      interfaces: [
        { name: 'ge-0/0/0.0', kind: 'physical', address: '10.100.11.1/24', zone: 'trust' },
        { name: 'ge-0/0/1.0', kind: 'physical', address: '172.16.13.1/24', zone: 'untrust' },
        { name: 'st0.1', kind: 'tunnel', address: '10.100.200.1/24', zone: 'vpn' },
      ],
      routes: [
        { destination: '0.0.0.0/0', interface: 'ge-0/0/1.0', nextHop: '172.16.13.2' },
        { destination: '10.100.22.0/24', interface: 'st0.1' },
      ],
      natRules: [{ name: 'from-untrust/web', kind: 'destination', original: '172.16.13.10/32', translated: '10.100.11.10/32', interface: 'ge-0/0/1.0' }],
      policies: [
        { name: 'VPN-OUT', fromZone: 'trust', toZone: 'vpn', source: '10.100.11.0/24', destination: '10.100.22.0/24', protocol: 'any', port: 'any', action: 'allow' },
        { name: 'VPN-OUT', fromZone: 'trust', toZone: 'vpn', source: '10.100.11.0/24', destination: '198.51.100.0/24', protocol: 'any', port: 'any', action: 'allow' },
        { name: 'VPN-IN', fromZone: 'vpn', toZone: 'trust', source: '10.100.22.0/24', destination: '10.100.11.0/24', protocol: 'tcp', port: '443', action: 'allow' },
      ],
    });
  });

  it('accounts for each of the 83 statement lines: used, ignored (management, inactive, screens, logging), or not understood with its line', () => {
    expect(r.lines.used).toBe(57);
    expect(r.lines.ignored).toBe(24);
    expect(r.lines.unknown).toEqual([
      { file: SRX1.name, line: 35, text: 'set interfaces st0 unit 1 family inet next-hop-tunnel 10.100.200.2 ipsec-vpn VPN-to-Host2' },
      { file: SRX1.name, line: 60, text: 'set security ipsec vpn VPN-to-Host2 ike idle-time 60' },
    ]);
  });
});

describe('Junos reader on a hierarchical running configuration (policy-based example, SRX2)', () => {
  const r = read(SRX2.content, SRX2.name);

  it('reads the peer, its proxy ID from the policy toward the zone IKE arrives in, and the DPD of a group applied inside [edit security]', () => {
    expect(r.meaning.peers).toEqual([
      {
        remoteAddress: '172.16.13.1',
        ikeVersion: 1,
        exchangeMode: 'main',
        ike: { proposals: [{ encryption: ['aes128'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 86400 },
        auth: { method: 'psk', localId: 'fqdn:srx2.example.net' },
        dpd: { intervalSeconds: 20 },
        children: [{ local: '10.100.22.0/24', remote: '10.100.11.0/24', esp: { proposals: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 3600 } }],
        routes: [],
        name: 'GW-SRX1',
        outsideInterface: 'ge-0/0/1.0',
        pskPresent: true,
        // The box's own names (box-names.test.ts tests them).
        vendorOptions: { 'junos-srx': expect.objectContaining({ ipsecVpn: 'VPN-to-Host1', ikeGateway: 'GW-SRX1' }) as unknown },
      },
    ]);
  });

  it('says what the box is: the host name from a group, policy-based, NAT with the VPN exempted, the inactive policy left out', () => {
    const d = r.meaning.device;
    expect(d).toMatchObject({ hostname: 'SRX2', osVersion: '20.4R3-S1.3', vpnType: 'policy-based' });
    expect(d?.interfaces).toEqual([
      { name: 'ge-0/0/0.0', kind: 'physical', address: '10.100.22.1/24', zone: 'trust' },
      { name: 'ge-0/0/1.0', kind: 'physical', address: '172.18.10.2/24', zone: 'untrust' },
    ]);
    expect(d?.routes).toEqual([{ destination: '0.0.0.0/0', interface: 'ge-0/0/1.0', nextHop: '172.18.10.1' }]);
    expect(d?.natRules).toEqual([
      { name: 'trust-to-untrust/no-nat-vpn', kind: 'source', original: '10.100.22.0/24', translated: '10.100.22.0/24', interface: 'ge-0/0/1.0' },
      { name: 'trust-to-untrust/internet', kind: 'source', original: '10.100.22.0/24', translated: '172.18.10.2', interface: 'ge-0/0/1.0' },
    ]);
    expect(d?.policies.map((p) => `${p.name} ${p.fromZone}>${p.toZone} ${p.source}>${p.destination} ${p.protocol}/${p.port} ${p.action}`)).toEqual([
      'vpn-out trust>untrust 10.100.22.0/24>10.100.11.0/24 any/any allow',
      'internet trust>untrust any>any tcp/80 allow',
      'internet trust>untrust any>any tcp/443 allow',
      // The policy's second destination (a range inside the first) adds no traffic: one policy.
      'vpn-in untrust>trust 10.100.11.0/24>10.100.22.0/24 any/any allow',
    ]);
  });

  it('accounts for each of the 78 statements by the line it ends on; the two it does not read are named by their lines', () => {
    expect(r.lines.used).toBe(55);
    expect(r.lines.ignored).toBe(21);
    expect(r.lines.unknown).toEqual([
      { file: SRX2.name, line: 109, text: 'no-anti-replay;' },
      { file: SRX2.name, line: 111, text: 'install-interval 2;' },
    ]);
  });
});

describe('both forms are one reader', () => {
  const hierarchical = [
    'security {', //  1
    '    ike {', //  2
    '        proposal p1 { dh-group group19; authentication-algorithm sha-384; encryption-algorithm aes-256-cbc; }', //  3
    '        policy ip1 { proposals p1; pre-shared-key ascii-text "clear \\"key\\""; }', //  4
    '        gateway g1 {', //  5
    '            ike-policy ip1;', //  6
    '            address [ 203.0.113.5 203.0.113.6 ];', //  7
    '            external-interface ge-0/0/3;', //  8
    '            version v2-only;', //  9
    '        }', // 10
    '    }', // 11
    '    ipsec {', // 12
    '        proposal e1 { encryption-algorithm aes-256-gcm; }', // 13
    '        vpn v1 {', // 14
    '            bind-interface st0.7;', // 15
    '            ike { gateway g1; }', // 16
    '            traffic-selector ts1 { local-ip 10.1.0.0/24; remote-ip 10.9.0.0/24; }', // 17
    '        }', // 18
    '    }', // 19
    '}', // 20
    'interfaces { st0 { unit 7 { family inet; } } }', // 21
    'routing-options { static { route 10.9.0.0/24 next-hop st0.7; } }', // 22
  ].join('\n');
  const set = [
    'set security ike proposal p1 dh-group group19',
    'set security ike proposal p1 authentication-algorithm sha-384',
    'set security ike proposal p1 encryption-algorithm aes-256-cbc',
    'set security ike policy ip1 proposals p1',
    'set security ike policy ip1 pre-shared-key ascii-text "clear \\"key\\""',
    'set security ike gateway g1 ike-policy ip1',
    'set security ike gateway g1 address [ 203.0.113.5 203.0.113.6 ]',
    'set security ike gateway g1 external-interface ge-0/0/3',
    'set security ike gateway g1 version v2-only',
    'set security ipsec proposal e1 encryption-algorithm aes-256-gcm',
    'set security ipsec vpn v1 bind-interface st0.7',
    'set security ipsec vpn v1 ike gateway g1',
    'set security ipsec vpn v1 traffic-selector ts1 local-ip 10.1.0.0/24',
    'set security ipsec vpn v1 traffic-selector ts1 remote-ip 10.9.0.0/24',
    'set interfaces st0 unit 7 family inet',
    'set routing-options static route 10.9.0.0/24 next-hop st0.7',
  ].join('\n');

  it('turns the hierarchy into the set statements, each with the line it ends on', () => {
    expect(isHierarchical(hierarchical)).toBe(true);
    expect(isHierarchical(set)).toBe(false);
    const s = statementsOf(hierarchical).statements;
    expect(s.map((x) => `set ${x.words.map((w) => (/[\s"]/.test(w) ? `"${w.replace(/"/g, '\\"')}"` : w)).join(' ')}`)).toEqual(set.split('\n'));
    expect(s.map((x) => x.line)).toEqual([3, 3, 3, 4, 4, 6, 7, 8, 9, 13, 15, 16, 17, 17, 21, 22]);
  });

  it('reads the same meaning from both (first of the gateway\'s addresses, the clear key, ge-0/0/3 as its unit 0)', () => {
    const a = read(hierarchical);
    const b = read(set);
    expect(a.meaning).toEqual(b.meaning);
    expect(a.meaning.peers[0]).toMatchObject({ remoteAddress: '203.0.113.5', psk: 'clear "key"', outsideInterface: 'ge-0/0/3.0', tunnelInterface: 'st0.7', routes: ['10.9.0.0/24'], children: [{ local: '10.1.0.0/24', remote: '10.9.0.0/24', name: 'ts1' }] });
    expect(a.lines).toEqual({ used: 16, ignored: 0, unknown: [] });
  });

  it('reports what is not a statement with its line: a stray brace, a block left open, a string not closed', () => {
    expect(read('security {\n  ike {\n    traceoptions { file ike; }\n  }\n}\n}\n').lines.unknown).toEqual([{ file: 'fw.txt', line: 6, text: '}' }]);
    // A block left open at the end: the file was cut off, and is refused whole with a message.
    const open = junosReader.read([{ name: 'fw.txt', content: 'system {\n  host-name a;\n' }]);
    expect(open).toEqual({ ok: false, message: 'fw.txt: the file ends inside 1 block not closed with "}" (after line 2): the file looks cut off; give the whole "show configuration"' });
    expect(read('set system host-name a\nset security ike policy p pre-shared-key ascii-text "open\n').lines).toEqual({ used: 1, ignored: 0, unknown: [{ file: 'fw.txt', line: 2, text: 'set security ike policy p pre-shared-key ascii-text "open' }] });
  });
});

describe('configuration groups', () => {
  const base = [
    'set security ike gateway g1 address 192.0.2.1',
    'set security ipsec vpn v1 ike gateway g1',
    'set security ipsec vpn v1 bind-interface st0.0',
  ];

  it('matches wildcards as the CLI User Guide lists: * any string, ? one character, [..] a class, ! its complement', () => {
    const table: [string, string, boolean][] = [
      ['<*>', 'anything', true],
      ['<ge-*>', 'ge-0/0/0', true],
      ['<ge-*>', 'xe-0/0/0', false],
      ['<st0.?>', 'st0.1', true],
      ['<st0.?>', 'st0.12', false],
      ['<ge-0/0/[0-3]>', 'ge-0/0/2', true],
      ['<ge-0/0/[0-3]>', 'ge-0/0/4', false],
      ['<ge-0/0/[!0-3]>', 'ge-0/0/4', true],
      ['<a[b>', 'a[b', true],
      ['<gw.*>', 'gwx', false],
    ];
    for (const [pattern, name, want] of table) expect(wildcard(pattern).test(name), `${pattern} ~ ${name}`).toBe(want);
  });

  it('a wildcard adds to the objects the file has and creates none; the file\'s own value wins over the group\'s', () => {
    const r = read([
      'set groups g security ike gateway <*> dead-peer-detection interval 30',
      'set groups g security ike gateway <*> version v2-only',
      'set apply-groups g',
      ...base,
      'set security ike gateway g1 version v1-only',
    ].join('\n'));
    expect(r.meaning.peers).toHaveLength(1);
    expect(r.meaning.peers[0]).toMatchObject({ dpd: { intervalSeconds: 30 }, ikeVersion: 1 });
    expect(r.lines).toEqual({ used: 7, ignored: 0, unknown: [] });
  });

  it('the first group listed wins, a deeper apply-groups wins over the top one and inherits only under its level, apply-groups-except stops one', () => {
    const r = read([
      'set groups a security ike gateway g1 dead-peer-detection interval 11',
      'set groups b security ike gateway g1 dead-peer-detection interval 22',
      'set groups c security ike gateway g1 dead-peer-detection interval 33',
      'set groups c system host-name from-c',
      'set groups d security ike gateway g1 local-address 198.51.100.1',
      'set apply-groups [ a b d ]',
      'set security ike gateway g1 apply-groups c',
      'set security ike gateway g1 apply-groups-except d',
      ...base,
    ].join('\n'));
    expect(r.meaning.peers[0]?.dpd).toEqual({ intervalSeconds: 33 });
    expect(r.meaning.peers[0]?.localAddress).toBeUndefined();
    expect(r.meaning.device?.hostname).toBeUndefined();
    // Line 2 is read (then c, deeper, overrides it); lines 4 (outside [edit security ike gateway g1]) and 5 (excepted there) take no effect.
    expect(r.lines).toEqual({ used: 9, ignored: 2, unknown: [] });
  });

  it('a group not in the file is reported; a ${node} group (chassis cluster) is not applied, its lines not in effect', () => {
    const r = read(['set apply-groups missing', 'set groups node0 system host-name fw-node0', 'set apply-groups "${node}"', ...base].join('\n'));
    expect(r.lines.unknown).toEqual([{ file: 'fw.txt', line: 1, text: 'set apply-groups missing' }]);
    expect(r.meaning.device?.hostname).toBeUndefined();
    expect(r.lines.ignored).toBe(1);
  });
});

describe('inactive statements are not in effect', () => {
  it('deactivate (display set) and inactive: (hierarchical) take a VPN, a route or an address out, counted as ignored', () => {
    const flat = read([...[
      'set security ike gateway g1 address 192.0.2.1',
      'set security ipsec vpn v1 ike gateway g1',
      'set security ipsec vpn v1 bind-interface st0.0',
      'set security ike gateway g2 address 192.0.2.2',
      'set security ipsec vpn v2 ike gateway g2',
      'set security ipsec vpn v2 bind-interface st0.1',
      'set routing-options static route 10.2.0.0/24 next-hop st0.0',
      'set routing-options static route 10.3.0.0/24 next-hop st0.0',
    ], 'deactivate security ipsec vpn v2', 'deactivate routing-options static route 10.3.0.0/24'].join('\n'));
    expect(flat.meaning.peers.map((p) => [p.remoteAddress, p.routes])).toEqual([['192.0.2.1', ['10.2.0.0/24']]]);
    // Used: the five active statements and the two deactivate lines; ignored: v2's two and the route.
    expect(flat.lines).toEqual({ used: 7, ignored: 3, unknown: [] });
    const tree = read([
      'security {',
      '    ike { gateway g1 { address 192.0.2.1; } gateway g2 { address 192.0.2.2; } }',
      '    ipsec {',
      '        vpn v1 { bind-interface st0.0; ike { gateway g1; } }',
      '        inactive: vpn v2 { bind-interface st0.1; ike { gateway g2; } }',
      '    }',
      '}',
    ].join('\n'));
    expect(tree.meaning.peers.map((p) => p.remoteAddress)).toEqual(['192.0.2.1']);
    expect(tree.lines).toEqual({ used: 4, ignored: 2, unknown: [] });
  });
});

describe('what is ignored and what is not understood', () => {
  it('whole classes unrelated to VPNs are ignored; unknown statements under ike, ipsec, zones, policies, NAT and st0 are reported with their lines', () => {
    const r = read([
      'set system services ssh', // 1
      'set system ntp server 192.0.2.123', // 2
      'set snmp location lab', // 3
      'set protocols ospf area 0.0.0.0 interface st0.0', // 4
      'set policy-options prefix-list mgmt 192.0.2.0/24', // 5
      'set firewall family inet filter protect term t1 then accept', // 6
      'set chassis cluster reth-count 2', // 7
      'set interfaces ge-0/0/0 gigether-options auto-negotiation', // 8
      'set security ike gateway g1 address 192.0.2.1', // 9
      'set security ike gateway g1 dynamic hostname peer.example', // 10
      'set security ipsec vpn v1 ike gateway g1', // 11
      'set security ipsec vpn v1 bind-interface st0.0', // 12
      'set security ipsec vpn v1 udp-encapsulate', // 13
      'set interfaces st0 unit 0 multipoint', // 14
      'set security zones security-zone vpn interfaces st0.0', // 15
      'set security zones security-zone vpn advance-policy-based-routing-profile p', // 16
      'set security policies from-zone a to-zone b policy p match source-address-excluded', // 17
      'set security nat source rule-set r rule x then source-nat interface', // 18
      'set security nat source rule-set r match-type exact', // 19
      'set security ike proposal p1 encryption-algorithm chacha', // 20
      'set routing-instances vr1 instance-type virtual-router', // 21
      'set routing-instances vr1 routing-options static route 10.5.0.0/24 next-hop st0.0', // 22
    ].join('\n'));
    expect(r.lines.unknown.map((u) => u.line)).toEqual([10, 13, 14, 16, 17, 19, 20]);
    expect(r.lines.ignored).toBe(9);
    expect(r.lines.used).toBe(6);
    // A routing instance's static routes are the box's routes.
    expect(r.meaning.peers[0]?.routes).toEqual(['10.5.0.0/24']);
  });
});

describe('the device part: names resolved where they are used', () => {
  it('zone address books per zone, application sets, global policies after the zone ones, a source NAT pool, routes by the interface their next hop is on', () => {
    const r = read([
      'set security zones security-zone trust interfaces ge-0/0/0.0',
      'set security zones security-zone trust address-book address srv 10.1.0.10/32',
      'set security zones security-zone dmz interfaces ge-0/0/2.0',
      'set security zones security-zone dmz address-book address srv 10.3.0.10/32',
      'set interfaces ge-0/0/0 unit 0 family inet address 10.1.0.1/24',
      'set interfaces ge-0/0/1 unit 0 family inet address 203.0.113.2/29',
      'set interfaces ge-0/0/2 unit 0 family inet address 10.3.0.1/24',
      'set security zones security-zone untrust interfaces ge-0/0/1.0',
      'set applications application tcp-8443 protocol tcp',
      'set applications application tcp-8443 destination-port 8443',
      'set applications application-set web application junos-http',
      'set applications application-set web application tcp-8443',
      'set security policies from-zone trust to-zone dmz policy t2d match source-address srv destination-address srv application web',
      'set security policies from-zone trust to-zone dmz policy t2d then permit',
      'set security policies global policy block-all match source-address any destination-address any application any',
      'set security policies global policy block-all then deny',
      'set security policies from-zone dmz to-zone trust policy d2t match source-address srv destination-address srv application any',
      'set security policies from-zone dmz to-zone trust policy d2t then reject',
      'set security nat source pool out address 203.0.113.5/32',
      'set security nat source rule-set rs from zone trust',
      'set security nat source rule-set rs to zone untrust',
      'set security nat source rule-set rs rule r1 match source-address 10.1.0.0/24',
      'set security nat source rule-set rs rule r1 then source-nat pool out',
      'set routing-options static route 198.51.100.0/24 next-hop 203.0.113.1',
      'set routing-options static route 192.0.2.0/24 next-hop 10.99.0.1',
    ].join('\n'));
    expect(r.lines).toEqual({ used: 25, ignored: 0, unknown: [] });
    expect(r.meaning.peers).toEqual([]);
    const d = r.meaning.device;
    expect(d?.vpnType).toBeUndefined();
    expect(d?.interfaces.map((i) => `${i.name} ${i.address} ${i.zone}`)).toEqual(['ge-0/0/0.0 10.1.0.1/24 trust', 'ge-0/0/1.0 203.0.113.2/29 untrust', 'ge-0/0/2.0 10.3.0.1/24 dmz']);
    expect(d?.policies.map((p) => `${p.name} ${p.fromZone}>${p.toZone} ${p.source}>${p.destination} ${p.protocol}/${p.port} ${p.action}`)).toEqual([
      't2d trust>dmz 10.1.0.10/32>10.3.0.10/32 tcp/80 allow',
      't2d trust>dmz 10.1.0.10/32>10.3.0.10/32 tcp/8443 allow',
      'd2t dmz>trust 10.3.0.10/32>10.1.0.10/32 any/any deny',
      'block-all any>any any>any any/any deny',
    ]);
    expect(d?.natRules).toEqual([{ name: 'rs/r1', kind: 'source', original: '10.1.0.0/24', translated: '203.0.113.5/32', interface: 'ge-0/0/1.0' }]);
    // 10.99.0.1 is on none of the box's interfaces: that route has no interface to name, so the device leaves it out.
    expect(d?.routes).toEqual([{ destination: '198.51.100.0/24', interface: 'ge-0/0/1.0', nextHop: '203.0.113.1' }]);
  });
});

describe('peers this reader does not import', () => {
  it('a hostname or dynamic peer is not a peer; its statements are reported, the other VPNs read', () => {
    const r = read([
      'set security ike gateway g1 address 192.0.2.1',
      'set security ipsec vpn v1 ike gateway g1',
      'set security ike gateway g2 address vpn.example.net',
      'set security ipsec vpn v2 ike gateway g2',
      'set security ike gateway g3 dynamic hostname peer.example.net',
      'set security ipsec vpn v3 ike gateway g3',
    ].join('\n'));
    expect(r.meaning.peers.map((p) => p.name)).toEqual(['g1']);
    expect(r.lines.unknown.map((u) => u.line)).toEqual([3, 5]);
  });

  it('a VPN whose gateway has no address at all refuses the file with what to do', () => {
    const r = junosReader.read([{ name: 'fw.txt', content: 'set security ike gateway g1 ike-policy p\nset security ipsec vpn v1 ike gateway g1' }]);
    expect(r).toEqual({ ok: false, message: "VPN v1 names IKE gateway g1, which has no address in the files: give the gateway its peer's address, or leave that VPN out" });
  });
});

describe('a terminal capture', () => {
  it('leaves the prompt, [edit] and {primary:node0} lines out of the statements, keeping the file\'s line numbers', () => {
    const set = read('{primary:node0}\nadmin@srx1> show configuration | display set\nset system host-name a\nset security ike gateway g1 bogus-option\n\n{primary:node0}\nadmin@srx1>');
    expect(set.lines).toEqual({ used: 1, ignored: 0, unknown: [{ file: 'fw.txt', line: 4, text: 'set security ike gateway g1 bogus-option' }] });
    const tree = read('[edit]\nadmin@srx1# show\nsystem {\n    host-name b;\n}\nsecurity {\n    ike {\n        gateway g1 {\n            bogus-option;\n        }\n    }\n}\n\n[edit]\nadmin@srx1#');
    expect(tree.lines).toEqual({ used: 1, ignored: 0, unknown: [{ file: 'fw.txt', line: 9, text: 'bogus-option;' }] });
    expect(tree.meaning.device?.hostname).toBe('b');
  });
});

describe('recognize', () => {
  it('is 1 for Junos in either form, 0 for the set syntax of PAN-OS and ScreenOS and for other products', () => {
    expect(recognizeJunos(SRX1.content)).toBe(1);
    expect(recognizeJunos(SRX2.content)).toBe(1);
    expect(recognizeJunos(readFileSync(join(GOLDEN, 'junos-srx--full-mesh/Site-A.junos.txt'), 'utf8'))).toBe(1);
    for (const f of ['panos--full-mesh/Site-A.panos.txt', 'screenos--full-mesh/Site-A.screenos.txt', 'fortigate--full-mesh/Site-A.fortigate.txt', 'strongswan--full-mesh/Site-A.swanctl.conf']) {
      expect(recognizeJunos(readFileSync(join(GOLDEN, f), 'utf8')), f).toBe(0);
    }
    // The shapes themselves: PAN-OS `set network …`/`set deviceconfig …`, ScreenOS `set vpn …`/`set ike gateway …`/`set interface …`.
    expect(recognizeJunos('set deviceconfig system hostname PA-1\nset network interface ethernet ethernet1/1 layer3 ip 192.0.2.1/24\nset network ike gateway g1 peer-address ip 192.0.2.2')).toBe(0);
    expect(recognizeJunos('set hostname ssg\nset interface ethernet0/0 zone Untrust\nset ike gateway "g1" address 192.0.2.2 main outgoing-interface ethernet0/0 preshare x proposal pre-g2-aes128-sha\nset vpn "v1" gateway "g1" sec-level standard\nset snmp community public')).toBe(0);
  });
});

describe('import of the two examples together', () => {
  it('recognises both as Junos and pairs SRX1 and SRX2 by their addresses into one tunnel', () => {
    const r = importConfigurations([SRX1, SRX2]);
    if (!r.ok) throw new Error(r.message);
    expect(r.files.map((f) => [f.vendor, f.hostname, f.osVersion, f.peers])).toEqual([['junos-srx', 'SRX1', '20.4R3-S1.3', 1], ['junos-srx', 'SRX2', '20.4R3-S1.3', 1]]);
    expect(r.document.tunnels).toHaveLength(1);
    expect(r.peers.map((p) => [p.device, p.pairedWith, p.by])).toEqual([['SRX1', 'SRX2', 'addresses']]);
    expect(r.document.gateways.map((g) => [g.name, g.vpnType])).toEqual([['SRX1', 'route-based'], ['SRX2', 'policy-based']]);
  });
});
