// The ScreenOS reader on saved configurations written from Juniper's "Concepts & Examples
// ScreenOS Reference Guide", Volume 5 (the fixtures' headers name the sections): route-based as
// `get config` prints it, policy-based as the guide types it; the device part mapped onto the
// model, every line accounted for, and ScreenOS `set` lines told apart from other products'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../shared/document/schema';
import { importConfigurations } from '../../../shared/import/import';
import { fortigateReader } from '../../../shared/vendors/fortigate/reader';
import { screenosReader } from '../../../shared/vendors/screenos/reader';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path), 'utf8');
const ROUTE = fixture('import/docs/screenos/tokyo-route-based.txt');
const POLICY = fixture('import/docs/screenos/tokyo-policy-based.txt');
const statements = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

const read = (content: string) => {
  const r = screenosReader.read([{ name: 'x.txt', content }]);
  if (!r.ok) throw new Error(r.message);
  return r;
};

// sec-level compatible (Volume 5, "Phase 1 Proposals", "Phase 2 Proposals").
const COMPATIBLE_P1 = ['3des/sha1/2', '3des/md5/2', 'des/sha1/2', 'des/md5/2'];
const COMPATIBLE_P2 = ['3des/sha1/', '3des/md5/', 'des/sha1/', 'des/md5/'];
const list = (ps: readonly { encryption: string[]; integrity: string[]; dhGroups: number[] }[] | undefined) => (ps ?? []).map((p) => `${p.encryption.join()}/${p.integrity.join()}/${p.dhGroups.join()}`);

describe('ScreenOS reader on get config of the route-based example (Tokyo)', () => {
  const r = read(ROUTE);

  it('reads the peer: sec-level compatible proposals, the proxy ID, the routes to tunnel.1', () => {
    expect(r.meaning.peers).toHaveLength(1);
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ remoteAddress: '2.2.2.2', localAddress: '1.1.1.1', ikeVersion: 1, exchangeMode: 'main', auth: { method: 'psk' }, ike: { lifetimeSeconds: 28800 } });
    expect(list(p?.ike.proposals)).toEqual(COMPATIBLE_P1);
    expect(p?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.1.0/24 <-> 10.2.2.0/24']);
    expect(list(p?.children[0]?.esp.proposals)).toEqual(COMPATIBLE_P2);
    expect(p?.children[0]?.esp.lifetimeSeconds).toBe(3600);
    // The route to the null interface is the fallback when the tunnel is down: not the tunnel's.
    expect(p?.routes).toEqual(['10.2.2.0/24', '10.2.3.0/24']);
  });

  it('gives import the VPN name, ethernet3 and tunnel.1; the saved key is present, not clear; NAT-T off; no monitor', () => {
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ name: 'Tokyo_Paris', outsideInterface: 'ethernet3', tunnelInterface: 'tunnel.1', pskPresent: true, natTraversal: false });
    expect(p).not.toHaveProperty('psk');
    expect(p).not.toHaveProperty('monitor');
  });

  it('reads the device: hostname, interfaces with zones, routes of the trust-vr context, policies with their context lines', () => {
    const d = r.meaning.device;
    expect(d).toMatchObject({ hostname: 'Tokyo', vpnType: 'route-based', natRules: [] });
    expect(d).not.toHaveProperty('model');
    expect(d?.interfaces).toEqual([
      { name: 'ethernet1', kind: 'physical', address: '10.1.1.1/24', zone: 'Trust' },
      { name: 'ethernet3', kind: 'physical', address: '1.1.1.1/24', zone: 'Untrust' },
      { name: 'tunnel.1', kind: 'tunnel', zone: 'Untrust' },
    ]);
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'ethernet3', nextHop: '1.1.1.250' },
      { destination: '10.2.2.0/24', interface: 'tunnel.1' },
      { destination: '10.2.3.0/24', interface: 'tunnel.1' },
    ]);
    // Policy 1 gains Paris_DMZ in its context; policy 2 names the group Paris_Servers.
    // Policies 1 and 2 share their name: each is told apart by its id, so every name is unique.
    expect(d?.policies.map((p) => `${p.name}: ${p.fromZone}>${p.toZone} ${p.source}>${p.destination} ${String(p.protocol)}/${p.port} ${p.action}`)).toEqual([
      'To/From Paris (id 1) #1: Trust>Untrust 10.1.1.0/24>10.2.2.0/24 any/any allow',
      'To/From Paris (id 1) #2: Trust>Untrust 10.1.1.0/24>10.2.3.0/24 any/any allow',
      'To/From Paris (id 2) #1: Untrust>Trust 10.2.2.0/24>10.1.1.0/24 any/any allow',
      'To/From Paris (id 2) #2: Untrust>Trust 10.2.3.0/24>10.1.1.0/24 any/any allow',
      'policy 3: Trust>Untrust 0.0.0.0/0>0.0.0.0/0 6/80 allow',
    ]);
    expect(new Set(d?.policies.map((p) => p.name)).size).toBe(d?.policies.length);
  });

  it('a shared name near the model\'s 63-character limit is shortened to keep its suffix, and no generated name repeats another policy\'s', () => {
    const long = 'Tokyo to and from the Paris office and its servers, all trafic';
    const got = read(ROUTE.replaceAll('name "To/From Paris"', `name "${long}"`));
    const names = got.meaning.device?.policies.map((p) => p.name) ?? [];
    expect(names).toHaveLength(5);
    expect(names.every((n) => n.length <= 63)).toBe(true);
    expect(names.slice(0, 4).map((n) => n.slice(-9))).toEqual(['(id 1) #1', '(id 1) #2', '(id 2) #1', '(id 2) #2']);
    expect(new Set(names).size).toBe(5);
    // A name the file gives one policy stays that policy's: the generated one is told apart.
    const clash = read(ROUTE.replace('set policy id 3 from', 'set policy id 3 name "To/From Paris (id 1) #1" from')).meaning.device?.policies.map((p) => p.name);
    expect(clash).toEqual(['To/From Paris (id 1) #1 (2)', 'To/From Paris (id 1) #2', 'To/From Paris (id 2) #1', 'To/From Paris (id 2) #2', 'To/From Paris (id 1) #1']);
  });

  it('accounts for every line; the unknown gateway and VPN options are reported by line', () => {
    // The hostname line is used (the device's name).
    expect(r.lines).toMatchObject({ used: 38, ignored: 52 });
    expect(r.lines.used + r.lines.ignored + r.lines.unknown.length).toBe(statements(ROUTE));
    expect(r.lines.unknown.map((u) => [u.line, u.text.split(' (')[0]])).toEqual([
      [56, 'set ike gateway "To_Paris" heartbeat hello 10'],
      [65, 'set vpn "Tokyo_Paris" df-bit clear'],
    ]);
  });

  it('an interface only modem or bridge-port lines name is no interface of the model; tunnel.1 without its zone line has no zone', () => {
    const got = read(ROUTE.replace('set flow tcp-mss', 'set flow tcp-mss\nset interface "serial0/0" modem speed 115200\nset interface bgroup0 port ethernet0/2').replace('set interface "tunnel.1" zone "Untrust"\n', ''));
    expect(got.lines.ignored).toBe(54);
    expect(got.meaning.device?.interfaces.map((i) => `${i.name} ${i.kind} ${i.zone ?? '-'}`)).toEqual(['ethernet1 physical Trust', 'ethernet3 physical Untrust', 'tunnel.1 tunnel -']);
  });

  it('a statement of a policy context it does not know is reported, and exit closes the context', () => {
    const got = read(ROUTE.replace('set dst-address "Paris_DMZ"', 'set dst-address "Paris_DMZ"\nset url-filter'));
    const line = got.lines.unknown.find((u) => u.text.startsWith('set url-filter'));
    expect(line?.text).toContain('not a policy statement the reader knows');
    // After exit, the same words are a top-level statement again (ignored as unrelated).
    expect(read(ROUTE.replace('set syslog enable', 'set url-filter')).lines.unknown).toHaveLength(2);
  });
});

describe('ScreenOS reader on the policy-based example (Tokyo), as the guide types it', () => {
  const r = read(POLICY);

  it('each policy into the VPN is a proxy ID, its mirror the same one; no routes into a tunnel', () => {
    expect(r.meaning.peers).toHaveLength(1);
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ remoteAddress: '2.2.2.2', localAddress: '1.1.1.1', exchangeMode: 'main', routes: [] });
    // Policy-based: no tunnel interface; the key is typed in clear, as the guide does.
    expect(p).toMatchObject({ name: 'tokyo_paris', outsideInterface: 'ethernet3', psk: 'h1p8A24nG5', pskPresent: true, natTraversal: false });
    expect(p).not.toHaveProperty('tunnelInterface');
    expect(list(p?.ike.proposals)).toEqual(['3des/sha1/2']);
    expect(p?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.1.0/24 <-> 10.2.2.0/24']);
    expect(list(p?.children[0]?.esp.proposals)).toEqual(['3des/sha1/2']);
  });

  it('reads the device: policy-based, zones as typed, the route of `set vrouter trust-vr route`, the policies in order', () => {
    const d = r.meaning.device;
    expect(d).toMatchObject({ hostname: 'Tokyo', vpnType: 'policy-based' });
    expect(d?.interfaces).toEqual([
      { name: 'ethernet1', kind: 'physical', address: '10.1.1.1/24', zone: 'trust' },
      { name: 'ethernet3', kind: 'physical', address: '1.1.1.1/24', zone: 'untrust' },
    ]);
    expect(d?.routes).toEqual([{ destination: '0.0.0.0/0', interface: 'ethernet3', nextHop: '1.1.1.250' }]);
    expect(d?.policies.map((p) => `${p.name}: ${p.source}>${p.destination} ${String(p.protocol)}/${p.port}`)).toEqual([
      // The two "To/From Paris" have no id as typed: told apart by their place in the file.
      'To/From Paris (policy 1): 10.1.1.0/24>10.2.2.0/24 any/any',
      'To/From Paris (policy 2): 10.2.2.0/24>10.1.1.0/24 any/any',
      'policy 3: 10.1.1.0/24>0.0.0.0/0 6/80',
    ]);
    // The MIP and the DIP serve no policy into the VPN.
    expect(d?.natRules).toEqual([]);
  });

  it('accounts for every line: the MIP and DIP ignored, the destination-NAT policy reported', () => {
    expect(r.lines).toMatchObject({ used: 13, ignored: 18 });
    expect(r.lines.used + r.lines.ignored + r.lines.unknown.length).toBe(statements(POLICY));
    expect(r.lines.unknown.map((u) => u.line)).toEqual([32]);
    expect(r.lines.unknown[0]?.text).toContain('destination NAT');
  });

  it('a DIP a VPN policy translates to, and a MIP a VPN policy reaches, are NAT rules of the device', () => {
    const withNat = POLICY.replace('Trust_LAN paris_office any tunnel vpn tokyo_paris', 'Trust_LAN paris_office any nat src dip-id 4 tunnel vpn tokyo_paris')
      .replace('set policy from trust to untrust Trust_LAN any http', 'set policy from untrust to trust paris_office "MIP(1.1.1.5)" http tunnel vpn tokyo_paris\nset policy from trust to untrust Trust_LAN any http');
    const got = read(withNat);
    expect(got.meaning.device?.natRules).toEqual([
      { name: 'To/From Paris (policy 1) dip-id 4', kind: 'source', original: '10.1.1.0/24', translated: '1.1.1.20-1.1.1.30', interface: 'ethernet3' },
      { name: 'MIP(1.1.1.5)', kind: 'destination', original: '1.1.1.5', translated: '10.1.1.5', interface: 'ethernet3' },
    ]);
  });
});

describe('ScreenOS recognize', () => {
  it('is ~1 for ScreenOS, 0 for FortiOS, PAN-OS and Junos files (their set lines too)', () => {
    expect(screenosReader.recognize?.(ROUTE)).toBe(1);
    expect(screenosReader.recognize?.(POLICY)).toBe(1);
    expect(fortigateReader.recognize?.(ROUTE)).toBe(0);
    expect(screenosReader.recognize?.(fixture('import/docs/fortigate/hq1-route-based.conf'))).toBe(0);
    expect(screenosReader.recognize?.(fixture('import/PA-HQ.panos.txt'))).toBe(0);
    expect(screenosReader.recognize?.(fixture('golden/junos-srx-proxy-identity--full-mesh/Site-A.junos.txt'))).toBe(0);
    expect(screenosReader.recognize?.(['set system host-name srx', 'set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24', 'set security zones security-zone untrust interfaces ge-0/0/0.0', 'set security ike gateway gw address 198.51.100.1', 'set routing-options static route 0.0.0.0/0 next-hop 192.0.2.254'].join('\n'))).toBe(0);
    expect(screenosReader.recognize?.(['set deviceconfig system hostname pa', 'set network interface ethernet ethernet1/1 layer3 ip 192.0.2.1/24', 'set zone untrust network layer3 ethernet1/1', 'set address lan ip-netmask 10.0.0.0/24', 'set rulebase security rules r1 from trust'].join('\n'))).toBe(0);
  });
});

describe('ScreenOS import of the route-based example', () => {
  it('recognises the file, names the gateway by its hostname and gives a valid document', () => {
    const got = importConfigurations([{ name: 'tokyo.txt', content: ROUTE }]);
    if (!got.ok) throw new Error(got.message);
    expect(got.files.map((f) => [f.vendor, f.hostname, f.peers])).toEqual([['screenos', 'Tokyo', 1]]);
    expect(DocumentSchema.safeParse(got.document).success).toBe(true);
    const tokyo = got.document.gateways.find((g) => g.name === 'Tokyo');
    expect(tokyo?.interfaces.map((i) => i.name)).toEqual(['ethernet1', 'ethernet3', 'tunnel.1']);
    expect(tokyo?.policies).toHaveLength(5);
    const end = got.document.tunnels.flatMap((t) => [t.a, t.b]).find((e) => e.gatewayId === tokyo?.id);
    expect(end?.outsideInterface).toBe('ethernet3');
    // Route-based: the end is bound to the VPN's tunnel interface; NAT-T as the file says (off).
    expect(end?.tunnelInterface).toBe('tunnel.1');
    expect(end?.natTraversal).toBe(false);
    expect(new Set(tokyo?.policies.map((p) => p.name)).size).toBe(5);
  });
});
