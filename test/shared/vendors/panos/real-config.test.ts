// The PAN-OS reader on running configurations as the firewall prints them (fixtures written from
// Palo Alto's Administrator's Guide, see their headers), not only on our exporter's lines: set form
// one statement per leaf, the XML of `show config running` with two vsys, the box's own fields, line
// accounting, and lines it does not understand reported with their numbers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../../shared/document/schema';
import { importConfigurations } from '../../../../shared/import/import';
import type { ReadResult } from '../../../../shared/vendors/kit/reader';
import { panosReader } from '../../../../shared/vendors/panos/reader';

const dir = path.join(__dirname, '../../../fixtures/import/docs/panos');
const branch = readFileSync(path.join(dir, 'branch-set.txt'), 'utf8');
const twoVsys = readFileSync(path.join(dir, 'two-vsys.xml'), 'utf8');

function ok(r: ReadResult) {
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('PAN-OS running configuration, set form (branch-set.txt)', () => {
  const r = ok(panosReader.read([{ name: 'branch-set.txt', content: branch }]));
  const esp = { proposals: [{ encryption: ['aes256gcm16', 'aes128gcm16'], integrity: ['none'], dhGroups: [14] }], lifetimeSeconds: 3600 };

  it('reads the peer with its proxy IDs, address objects resolved', () => {
    expect(r.meaning.peers).toEqual([
      {
        remoteAddress: '198.51.100.2',
        localAddress: '203.0.113.2',
        ikeVersion: 1,
        exchangeMode: 'main',
        ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 },
        auth: { method: 'psk', localId: 'fqdn:branch.example.com' },
        dpd: { intervalSeconds: 5 },
        children: [
          { name: 'servers', local: '10.20.0.0/24', remote: '10.1.0.0/24', esp },
          { name: 'voice', local: '10.30.0.0/24[udp]', remote: '10.1.50.0/24[udp/5060]', esp },
        ],
        routes: ['10.1.0.0/24', '10.1.50.0/24'],
        name: 'gw-hq',
        outsideInterface: 'ethernet1/1',
        tunnelInterface: 'tunnel.1',
        // The key is the master-key-encrypted form (-AQ==…): present, but not the key itself.
        pskPresent: true,
        passive: false,
        natTraversal: false,
        // The box's own names, so that the corrected configuration is written in them.
        vendorOptions: {
          panos: {
            ikeGateway: 'gw-hq',
            ipsecTunnel: 'vpn-hq',
            ikeCryptoProfile: 'ike-hq',
            ipsecCryptoProfile: 'ipsec-hq',
            staticRoutes: '10.1.0.0/24=to-hq-servers,10.1.50.0/24=to-hq-voice',
            // The security rules here are each for part of the tunnel's traffic (hq-servers only, the voice subnets only): not taken.
            natExemptionRule: 'no-nat-vpn',
            addressObjects: '10.1.0.0/24=hq-servers,10.1.50.0/24=hq-voice,10.20.0.0/24=branch-lan,10.30.0.0/24=branch-voice',
          },
        },
      },
    ]);
  });

  it('reads the box: hostname, interfaces with zones, routes of the virtual router', () => {
    const d = r.meaning.device;
    expect(d?.hostname).toBe('PA-Branch');
    expect(d?.vpnType).toBe('route-based');
    expect(d?.model).toBeUndefined();
    expect(d?.interfaces).toEqual([
      { name: 'ethernet1/1', kind: 'physical', address: '203.0.113.2/24', zone: 'untrust' },
      { name: 'ethernet1/2', kind: 'physical', address: '10.20.0.1/24', zone: 'trust' },
      { name: 'ethernet1/2.30', kind: 'physical', address: '10.30.0.1/24', zone: 'trust' },
      { name: 'tunnel.1', kind: 'tunnel', address: '169.254.10.2/30', zone: 'vpn' },
      { name: 'loopback.1', kind: 'loopback', address: '10.255.255.2/32' },
    ]);
    // The default route names only its next hop: it leaves by the interface whose subnet holds it.
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'ethernet1/1', nextHop: '203.0.113.1', metric: 10 },
      { destination: '10.1.0.0/24', interface: 'tunnel.1' },
      { destination: '10.1.50.0/24', interface: 'tunnel.1', metric: 20 },
    ]);
  });

  it('reads the security rules in order, one policy per source, destination and service', () => {
    expect(r.meaning.device?.policies).toEqual([
      { name: 'branch-to-hq #1', fromZone: 'trust', toZone: 'vpn', source: '10.20.0.0/24', destination: '10.1.0.0/24', protocol: 'any', port: 'any', action: 'allow' },
      { name: 'branch-to-hq #2', fromZone: 'trust', toZone: 'vpn', source: '10.30.0.0/24', destination: '10.1.0.0/24', protocol: 'any', port: 'any', action: 'allow' },
      { name: 'hq-voice-in', fromZone: 'vpn', toZone: 'trust', source: '10.1.50.0/24', destination: '10.30.0.0/24', protocol: 'udp', port: '5060', action: 'allow' },
      { name: 'internet-out', fromZone: 'trust', toZone: 'untrust', source: 'any', destination: 'any', protocol: 'any', port: 'any', action: 'allow' },
    ]);
  });

  it('reads the NAT rules in the order the move gives: the VPN exemption first, then the outside PAT', () => {
    expect(r.meaning.device?.natRules).toEqual([
      { name: 'no-nat-vpn #1', kind: 'source', original: '10.20.0.0/24', translated: '10.20.0.0/24' },
      { name: 'no-nat-vpn #2', kind: 'source', original: '10.30.0.0/24', translated: '10.30.0.0/24' },
      { name: 'outbound-pat', kind: 'source', original: 'any', translated: '203.0.113.2', interface: 'ethernet1/1' },
    ]);
  });

  it('accounts for every statement: VPN and box statements used, management, logging and profiles ignored', () => {
    // 116 statements: 85 read; 31 unrelated (8 deviceconfig besides the hostname, 2 mgt-config, 1 shared
    // log-settings, 13 interface, routing, IKE and tunnel settings of no VPN meaning, 7 rule settings such as
    // source-user and log-end, the default rules, a tag, a profile, a zone's user-identification, a description).
    expect(r.lines).toEqual({ used: 85, ignored: 31, unknown: [] });
  });

  it('is recognised as PAN-OS and imported as one gateway named by its hostname', () => {
    expect(panosReader.recognize?.(branch)).toBe(1);
    const imported = importConfigurations([{ name: 'branch-set.txt', content: branch }]);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.files.map((f) => [f.vendor, f.hostname])).toEqual([['panos', 'PA-Branch']]);
    const gw = imported.document.gateways.find((g) => g.name === 'PA-Branch');
    expect(gw?.interfaces.map((i) => i.name)).toEqual(['ethernet1/1', 'ethernet1/2', 'ethernet1/2.30', 'tunnel.1', 'loopback.1']);
    expect(gw?.policies).toHaveLength(4);
    const valid = DocumentSchema.safeParse(imported.document);
    expect(valid.success ? [] : valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
});

describe('PAN-OS: lines it does not understand, with their line numbers', () => {
  const extra = [
    'set network ike gateway gw-hq protocol ikev2 frobnicate yes', // 126: unknown inside network ike
    'set network tunnel ipsec vpn-hq auto-key proxy-id voice replay-window 64', // 127: unknown inside a proxy ID
    'set zone dmz network layer4 ethernet1/9', // 128: unknown inside a zone
    'set network interface ethernet ethernet1/1 layer3 frobnicate on', // 129: unknown inside an interface
    'set rulebase security rules branch-to-hq frobnicate yes', // 130: unknown inside a rule
    'set deviceconfig system snmp-setting access-setting version v3', // 131: unrelated: ignored
    'set address broken description "never closed', // 132: a quote not closed
    'set security ike gateway gw1 address 198.51.100.2', // 133: another product's statement
    'set rulebase security rules ghost from trust to vpn source no-such-object destination any action allow', // 134: names nothing defined
    'set network tunnel ipsec vpn-hq auto-key proxy-id nets local branch-nets remote hq-servers protocol any', // 135: a group is not a proxy ID side
  ];
  const text = `${branch.trimEnd()}\n${extra.join('\n')}\n`;
  const r = ok(panosReader.read([{ name: 'fw.txt', content: text }]));

  it('reports each with its file and line, and keeps reading the rest', () => {
    expect(r.lines.unknown.map((u) => [u.line, u.text])).toEqual([
      [126, extra[0]],
      [127, extra[1]],
      [128, extra[2]],
      [129, extra[3]],
      [130, extra[4]],
      [132, extra[6]],
      [133, extra[7]],
      [134, extra[8]],
      [135, extra[9]],
    ]);
    expect(r.lines.unknown.every((u) => u.file === 'fw.txt')).toBe(true);
    expect(r.lines.ignored).toBe(32);
    expect(r.lines.used).toBe(85);
    // The rule naming an undefined object and the proxy ID on a group are left out, the rest is read.
    expect(r.meaning.device?.policies.map((p) => p.name)).toEqual(['branch-to-hq #1', 'branch-to-hq #2', 'hq-voice-in', 'internet-out']);
    expect(r.meaning.peers[0]?.children.map((c) => c.name)).toEqual(['servers', 'voice']);
  });

  it('moves rules as `move rulebase … before` says', () => {
    const moved = ok(panosReader.read([{ name: 'fw.txt', content: `${branch}\nmove rulebase security rules internet-out before branch-to-hq\n` }]));
    expect(moved.meaning.device?.policies.map((p) => p.name)).toEqual(['internet-out', 'branch-to-hq #1', 'branch-to-hq #2', 'hq-voice-in']);
  });
});

describe('PAN-OS: what a topology cannot hold', () => {
  it('reports a gateway with a dynamic or FQDN peer at its line and leaves its tunnel out, the others read', () => {
    const text = [
      'set network ike gateway dyn peer-address dynamic', // 1
      'set network ike gateway dyn authentication pre-shared-key key -AQ==x', // 2
      'set network tunnel ipsec t-dyn auto-key ike-gateway dyn', // 3
      'set network ike gateway byname peer-address fqdn vpn.example.net', // 4
      'set network tunnel ipsec t-fqdn auto-key ike-gateway byname', // 5
      'set network ike gateway fixed peer-address ip 192.0.2.7', // 6
      'set network tunnel ipsec t-fixed auto-key ike-gateway fixed', // 7
    ].join('\n');
    const r = ok(panosReader.read([{ name: 'fw.txt', content: text }]));
    expect(r.meaning.peers.map((p) => p.remoteAddress)).toEqual(['192.0.2.7']);
    expect(r.lines.unknown.map((u) => u.line)).toEqual([1, 4]);
  });

  it('reads set lines of a multi-vsys firewall, shared objects and advanced-routing static routes', () => {
    const text = [
      'set shared address dns ip-netmask 10.9.9.53/32',
      'set vsys vsys2 zone inside network layer3 ethernet1/4',
      'set vsys vsys2 address lan ip-netmask 10.40.0.0/24',
      'set vsys vsys2 rulebase security rules r from inside to any source lan destination dns action deny',
      'set vsys vsys1 rulebase security rules r from any to any source any destination any action allow',
      'set network interface ethernet ethernet1/4 layer3 ip 10.40.0.1/24',
      'set network logical-router lr1 vrf default routing-table ip static-route s1 destination 10.50.0.0/16 interface ethernet1/4 nexthop ip-address 10.40.0.254',
      'set network logical-router lr1 vrf default bgp enable no',
    ].join('\n');
    const r = ok(panosReader.read([{ name: 'fw.txt', content: text }]));
    expect(r.lines).toEqual({ used: 7, ignored: 1, unknown: [] });
    // Each vsys has its own rule r: both kept, in the order their vsys first sets them.
    expect(r.meaning.device?.policies).toEqual([
      { name: 'r', fromZone: 'inside', toZone: 'any', source: '10.40.0.0/24', destination: '10.9.9.53/32', protocol: 'any', port: 'any', action: 'deny' },
      { name: 'r', fromZone: 'any', toZone: 'any', source: 'any', destination: 'any', protocol: 'any', port: 'any', action: 'allow' },
    ]);
    expect(r.meaning.device?.routes).toEqual([{ destination: '10.50.0.0/16', interface: 'ethernet1/4', nextHop: '10.40.0.254' }]);
    expect(r.meaning.device?.interfaces).toEqual([{ name: 'ethernet1/4', kind: 'physical', address: '10.40.0.1/24', zone: 'inside' }]);
  });

  it('reads the tunnel monitor and its profile, one leaf per line', () => {
    const text = [
      'set network profiles monitor-profile mp action fail-over',
      'set network profiles monitor-profile mp interval 4',
      'set network profiles monitor-profile mp threshold 7',
      'set network ike gateway g peer-address ip 192.0.2.7',
      'set network tunnel ipsec t auto-key ike-gateway g',
      'set network tunnel ipsec t tunnel-monitor enable yes',
      'set network tunnel ipsec t tunnel-monitor destination-ip 10.1.0.1',
      'set network tunnel ipsec t tunnel-monitor tunnel-monitor-profile mp',
      'set network profiles monitor-profile mp frobnicate 1',
    ].join('\n');
    const r = ok(panosReader.read([{ name: 'fw.txt', content: text }]));
    expect(r.meaning.peers[0]?.monitor).toEqual({ destinationIp: '10.1.0.1', action: 'fail-over', threshold: 7, intervalSeconds: 4 });
    expect(r.lines.unknown.map((u) => u.line)).toEqual([9]);
  });

  it('refuses a Panorama configuration in set form, saying to export each firewall', () => {
    const r = panosReader.read([{ name: 'pano.txt', content: 'set device-group branches address a ip-netmask 10.0.0.0/24\nset template t1 config deviceconfig system hostname x' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('export the running configuration of each firewall');
  });
});

describe('PAN-OS running configuration, XML with two vsys (two-vsys.xml)', () => {
  const r = ok(panosReader.read([{ name: 'two-vsys.xml', content: twoVsys }]));
  const esp = { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [20] }], lifetimeSeconds: 3600 };
  const ike = { proposals: [{ encryption: ['aes256'], integrity: ['sha384'], dhGroups: [20] }], lifetimeSeconds: 28800 };

  it('reads both tunnels; the one without proxy IDs is the implicit 0.0.0.0/0 pair', () => {
    expect(r.meaning.peers).toEqual([
      {
        remoteAddress: '203.0.113.50',
        localAddress: '198.51.100.10',
        ikeVersion: 2,
        ike,
        auth: { method: 'psk' },
        dpd: { intervalSeconds: 5 },
        children: [{ name: 'lan-a', local: '10.10.0.0/24', remote: '172.16.1.0/24', esp }],
        routes: ['172.16.1.0/24'],
        name: 'gw-a',
        outsideInterface: 'ethernet1/1',
        tunnelInterface: 'tunnel.1',
        pskPresent: true,
        natTraversal: true,
        vendorOptions: { panos: { ikeGateway: 'gw-a', ipsecTunnel: 'vpn-a', ikeCryptoProfile: 'ike-a', ipsecCryptoProfile: 'ipsec-a', securityRuleOut: 'a-to-remote', securityRuleOutMatch: 'lan-a:remote-a:any', natExemption: 'none', addressObjects: '10.10.0.0/24=lan-a,172.16.1.0/24=remote-a' } },
      },
      {
        // No local-address ip: the IKE address is the interface's.
        remoteAddress: '192.0.2.80',
        localAddress: '100.64.0.10',
        ikeVersion: 1,
        exchangeMode: 'main',
        ike,
        auth: { method: 'psk', localId: 'address:100.64.0.10' },
        dpd: { intervalSeconds: 10 },
        children: [{ local: '0.0.0.0/0', remote: '0.0.0.0/0', esp, implicit: true }],
        routes: ['172.20.0.0/15'],
        name: 'gw-b',
        outsideInterface: 'ethernet1/3',
        tunnelInterface: 'tunnel.2',
        pskPresent: true,
        // Both tunnels use the same crypto profiles on the box.
        vendorOptions: { panos: { ikeGateway: 'gw-b', ipsecTunnel: 'vpn-b', ikeCryptoProfile: 'ike-a', ipsecCryptoProfile: 'ipsec-a', natExemption: 'none' } },
      },
    ]);
  });

  it('reads the box across both vsys: zones, routes of both virtual routers, rules with vsys and shared objects', () => {
    const d = r.meaning.device;
    expect([d?.hostname, d?.osVersion, d?.vpnType]).toEqual(['PA-MV', '10.1.9', 'route-based']);
    expect(d?.interfaces).toEqual([
      { name: 'ethernet1/1', kind: 'physical', address: '198.51.100.10/24', zone: 'untrust-a' },
      { name: 'ethernet1/2', kind: 'physical', address: '10.10.0.1/24', zone: 'trust-a' },
      { name: 'ethernet1/3', kind: 'physical', address: '100.64.0.10/24', zone: 'untrust-b' },
      { name: 'ethernet1/4', kind: 'physical', address: '10.40.0.1/24', zone: 'trust-b' },
      { name: 'tunnel.1', kind: 'tunnel', zone: 'vpn-a' },
      { name: 'tunnel.2', kind: 'tunnel', address: '169.254.2.1/30', zone: 'vpn-b' },
    ]);
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'ethernet1/1', nextHop: '198.51.100.1' },
      { destination: '172.16.1.0/24', interface: 'tunnel.1', metric: 10 },
      { destination: '0.0.0.0/0', interface: 'ethernet1/3', nextHop: '100.64.0.1' },
      { destination: '172.20.0.0/15', interface: 'tunnel.2' },
    ]);
    expect(d?.policies).toEqual([
      { name: 'a-to-remote', fromZone: 'trust-a', toZone: 'vpn-a', source: '10.10.0.0/24', destination: '172.16.1.0/24', protocol: 'any', port: 'any', action: 'allow' },
      { name: 'b-out #1', fromZone: 'trust-b', toZone: 'vpn-b', source: '10.40.0.0/24', destination: '172.20.0.0/24', protocol: 'tcp', port: '22', action: 'allow' },
      { name: 'b-out #2', fromZone: 'trust-b', toZone: 'vpn-b', source: '10.40.0.0/24', destination: '172.21.0.10-172.21.0.20', protocol: 'tcp', port: '22', action: 'allow' },
      { name: 'b-dns', fromZone: 'trust-b', toZone: 'untrust-b', source: '10.40.0.0/24', destination: '10.9.9.53/32', protocol: 'any', port: 'any', action: 'allow' },
    ]);
    expect(d?.natRules).toEqual([
      { name: 'out-a', kind: 'source', original: '10.10.0.0/24', translated: '198.51.100.10', interface: 'ethernet1/1' },
      { name: 'out-b', kind: 'source', original: '10.40.0.0/24', translated: '100.64.0.11/32', interface: 'ethernet1/3' },
    ]);
  });

  it('imports as one valid gateway with both tunnels, its interfaces and rules', () => {
    const imported = importConfigurations([{ name: 'two-vsys.xml', content: twoVsys }]);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.files.map((f) => [f.vendor, f.hostname, f.osVersion])).toEqual([['panos', 'PA-MV', '10.1.9']]);
    const valid = DocumentSchema.safeParse(imported.document);
    expect(valid.success ? [] : valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    const gw = imported.document.gateways.find((g) => g.name === 'PA-MV');
    expect([gw?.osVersion, gw?.interfaces.length, gw?.routes.length, gw?.policies.length, gw?.natRules.length]).toEqual(['10.1.9', 6, 4, 4, 2]);
    expect(imported.document.tunnels.filter((t) => t.a.gatewayId === gw?.id || t.b.gatewayId === gw?.id)).toHaveLength(2);
  });

  it('counts what `format set` would print as one line: leaves, member lists, empty entries', () => {
    // 120 statements: 100 read; 20 unrelated (mgt-config 2, shared log-settings 1, deviceconfig besides the
    // hostname 5, display-name and import of each vsys 4, a management profile, anti-replay, a description,
    // and the rules' source-user, application and log-end 6).
    expect(r.lines).toEqual({ used: 100, ignored: 20, unknown: [] });
    expect(panosReader.recognize?.(twoVsys)).toBe(1);
  });
});

describe('PAN-OS XML: odd elements reported at their line, in set form', () => {
  const xml = [
    '<config version="11.0.0">', // 1
    '  <devices>', // 2
    '    <entry name="localhost.localdomain">', // 3
    '      <network>', // 4
    '        <ike>', // 5
    '          <gateway>', // 6
    '            <entry name="g1">', // 7
    '              <peer-address><ip>192.0.2.1</ip></peer-address>', // 8
    '              <frobnicate>yes</frobnicate>', // 9
    '            </entry>', // 10
    '          </gateway>', // 11
    '        </ike>', // 12
    '        <tunnel><ipsec><entry name="t1">', // 13
    '          <auto-key><ike-gateway><entry name="g1"/></ike-gateway></auto-key>', // 14
    '        </entry></ipsec></tunnel>', // 15
    '      </network>', // 16
    '      <vsys><entry name="vsys1"><zone><entry name="z">', // 17
    '        <network><layer9><member>ethernet1/1</member></layer9></network>', // 18
    '      </entry></zone></entry></vsys>', // 19
    '    </entry>', // 20
    '  </devices>', // 21
    '</config>', // 22
  ].join('\n');

  it('gives the line of the element and the statement it stands for', () => {
    const r = ok(panosReader.read([{ name: 'run.xml', content: xml }]));
    expect(r.lines.unknown).toEqual([
      { file: 'run.xml', line: 9, text: 'set network ike gateway g1 frobnicate yes' },
      { file: 'run.xml', line: 18, text: 'set vsys vsys1 zone z network layer9 [ ethernet1/1 ]' },
    ]);
    expect(r.lines.used).toBe(2);
    expect(r.meaning.peers.map((p) => p.remoteAddress)).toEqual(['192.0.2.1']);
    expect(r.meaning.device?.osVersion).toBe('11.0.0');
  });

  it('reads the XML API\'s answer (<response><result><config>) the same way', () => {
    const wrapped = `<response status="success"><result total="1" count="1">\n${xml}\n</result></response>`;
    const r = ok(panosReader.read([{ name: 'api.xml', content: wrapped }]));
    expect(r.lines.unknown.map((u) => u.line)).toEqual([10, 19]);
    expect(r.meaning.peers.map((p) => p.remoteAddress)).toEqual(['192.0.2.1']);
  });

  it('refuses XML that is cut off, or not well formed, saying so and where', () => {
    const r = panosReader.read([{ name: 'cut.xml', content: xml.split('\n').slice(0, 12).join('\n') }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^cut\.xml: the XML ends before its elements are closed: the file looks cut off; export it again/);
    const broken = panosReader.read([{ name: 'bad.xml', content: xml.replace('<devices>', '<devices><oops a="1>') }]);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/^bad\.xml: the XML is not well formed at line \d+/);
  });

  it('refuses a Panorama export, saying to export each firewall instead', () => {
    const panorama = '<config version="10.2.0"><devices><entry name="localhost.localdomain"><device-group><entry name="branches"/></device-group></entry></devices></config>';
    const r = panosReader.read([{ name: 'panorama.xml', content: panorama }]);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('Panorama configuration') as unknown as string });
  });
});

describe('PAN-OS recognize: statement shapes', () => {
  it('scores PAN-OS 1 and other products 0 (Junos set lines, ScreenOS, FortiOS, other XML)', () => {
    const junos = [
      'set system host-name srx1',
      'set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.2/24',
      'set security zones security-zone untrust interfaces ge-0/0/0.0',
      'set security ike gateway gw1 address 198.51.100.2',
      'set security ipsec vpn vpn1 bind-interface st0.0',
      'set routing-options static route 10.1.0.0/24 next-hop st0.0',
    ].join('\n');
    const screenos = ['set hostname ssg1', 'set zone "VPN" vrouter "trust-vr"', 'set interface "ethernet0/0" zone "Untrust"', 'set address "Trust" "lan" 10.0.0.0 255.255.255.0', 'set vpn "v1" gateway "g1" sec-level standard'].join('\n');
    const fortios = 'config system global\n    set hostname fgt1\nend\n';
    expect(panosReader.recognize?.(junos)).toBe(0);
    expect(panosReader.recognize?.(screenos)).toBe(0);
    expect(panosReader.recognize?.(fortios)).toBe(0);
    expect(panosReader.recognize?.('<?xml version="1.0"?><rpc-reply><configuration/></rpc-reply>')).toBe(0);
    expect(panosReader.recognize?.('set network ike gateway g peer-address ip 192.0.2.1\nset deviceconfig system hostname a')).toBe(1);
  });

  it('leaves a Junos configuration to the Junos reader when the product is recognised', () => {
    const junos = 'set system host-name srx1\nset security ike gateway gw1 address 198.51.100.2\nset security ike gateway gw1 external-interface ge-0/0/0.0\n';
    const r = importConfigurations([{ name: 'srx1.txt', content: junos }]);
    expect(r.ok ? r.files[0]?.vendor : r.code).not.toBe('panos');
  });
});
