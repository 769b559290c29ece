// The FortiGate reader on running configurations written from Fortinet's own examples (the
// fixtures' headers name the document and section): the device part (header, hostname,
// interfaces, zones, routes, policies, NAT) mapped onto the model, phase 2 selectors and
// policies naming address groups, a backup with VDOMs, every line accounted for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../shared/document/schema';
import { importConfigurations } from '../../../shared/import/import';
import { fortigateReader } from '../../../shared/vendors/fortigate/reader';
import { screenosReader } from '../../../shared/vendors/screenos/reader';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path), 'utf8');
const HQ1 = fixture('import/docs/fortigate/hq1-route-based.conf');
const VDOMS = fixture('import/docs/fortigate/branch-vdoms.conf');
const statements = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

const read = (content: string) => {
  const r = fortigateReader.read([{ name: 'x.conf', content }]);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('FortiGate reader on a running configuration (FortiOS 7.4 Administration Guide, "Basic site-to-site VPN with pre-shared key", HQ1)', () => {
  const r = read(HQ1);

  it('reads the peer: its gateway, proposals, one child per pair of the address groups phase 2 names, its route', () => {
    expect(r.meaning.peers).toHaveLength(1);
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ remoteAddress: '172.16.202.1', localAddress: '172.16.200.1', ikeVersion: 1, exchangeMode: 'main', auth: { method: 'psk' }, routes: ['172.16.101.0/24'] });
    expect(p?.ike.proposals.map((x) => `${x.encryption.join()}-${x.integrity.join()}`)).toEqual(['aes128-sha256', 'aes256-sha256', 'aes128-sha1', 'aes256-sha1']);
    // to_HQ2_local holds to_HQ2_local_subnet_1 and lab; to_HQ2_remote holds to_HQ2_remote_subnet_1.
    expect(p?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.100.0/24 <-> 172.16.101.0/24', '10.1.200.0/24 <-> 172.16.101.0/24']);
    expect(p?.children[0]?.esp.proposals.map((x) => x.encryption[0])).toEqual(['aes128', 'aes256', 'aes128', 'aes256', 'aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);
  });

  it('gives import the phase 1 as name and tunnel interface, port1 as the outside interface; the ENC key is present, not clear', () => {
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ name: 'to_HQ2', outsideInterface: 'port1', tunnelInterface: 'to_HQ2', pskPresent: true });
    expect(p).not.toHaveProperty('psk');
    // The wizard's phase 1 leaves nattraversal and passive-mode at their defaults (not printed).
    expect(p).not.toHaveProperty('natTraversal');
    expect(p).not.toHaveProperty('passive');
  });

  it('reads the device: header, hostname, interfaces with masks as prefix lengths and zones, routes without the blackhole', () => {
    const d = r.meaning.device;
    expect(d).toMatchObject({ hostname: 'HQ1', model: 'FortiGate-100F', osVersion: '7.4.6', vpnType: 'route-based' });
    expect(d?.interfaces).toEqual([
      { name: 'port1', kind: 'physical', address: '172.16.200.1/24' },
      { name: 'dmz', kind: 'physical', address: '10.1.100.1/24' },
      { name: 'to_HQ2', kind: 'tunnel', zone: 'vpn' },
    ]);
    expect(d?.routes).toEqual([
      { destination: '0.0.0.0/0', interface: 'port1', nextHop: '172.16.200.2' },
      { destination: '172.16.101.0/24', interface: 'to_HQ2' },
    ]);
  });

  it('reads the policies in order, one model policy per address and service they name, and the source NAT of the internet policy', () => {
    const d = r.meaning.device;
    expect(d?.policies.map((p) => `${p.name}: ${p.fromZone}>${p.toZone} ${p.source}>${p.destination} ${String(p.protocol)}/${p.port} ${p.action}`)).toEqual([
      'vpn_to_HQ2_local #1: dmz>to_HQ2 10.1.100.0/24>172.16.101.0/24 any/any allow',
      'vpn_to_HQ2_local #2: dmz>to_HQ2 10.1.200.0/24>172.16.101.0/24 any/any allow',
      'vpn_to_HQ2_remote #1: to_HQ2>dmz 172.16.101.0/24>10.1.100.0/24 any/any allow',
      'vpn_to_HQ2_remote #2: to_HQ2>dmz 172.16.101.0/24>10.1.200.0/24 any/any allow',
      'dmz_to_internet #1: dmz>port1 10.1.100.0/24>0.0.0.0/0 tcp/443 allow',
      'dmz_to_internet #2: dmz>port1 10.1.100.0/24>0.0.0.0/0 tcp/53 allow',
      'dmz_to_internet #3: dmz>port1 10.1.100.0/24>0.0.0.0/0 udp/53 allow',
    ]);
    expect(d?.natRules).toEqual([{ name: 'dmz_to_internet nat', kind: 'source', original: '10.1.100.0/24', translated: '172.16.200.1', interface: 'port1' }]);
  });

  it('accounts for every line: unrelated tables ignored whole, the unknown phase 1 key and the manual-key table reported by line', () => {
    // The hostname line is used (the device's name); the rest of system global is ignored.
    expect(r.lines.used).toBe(111);
    expect(r.lines.ignored).toBe(79);
    expect(r.lines.used + r.lines.ignored + r.lines.unknown.length).toBe(statements(HQ1));
    expect(r.lines.unknown.map((u) => u.line)).toEqual([117, 132, 133]);
    expect(r.lines.unknown[0]?.text).toContain('set childless-ike enable');
    expect(r.lines.unknown[1]?.text).toContain('manualkey-interface');
  });

  it('is recognised as FortiOS, and not as ScreenOS', () => {
    expect(fortigateReader.recognize?.(HQ1)).toBe(1);
    expect(screenosReader.recognize?.(HQ1)).toBe(0);
  });
});

describe('FortiGate reader on a backup with VDOMs', () => {
  const r = read(VDOMS);

  it('reads the VDOM that holds the tunnels (VPN), with the global tables; the other VDOMs are ignored', () => {
    expect(r.meaning.peers.map((p) => `${p.localAddress} > ${p.remoteAddress}`)).toEqual(['172.16.202.1 > 172.16.200.1']);
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['172.16.101.0/24 <-> 10.1.100.0/24']);
    // This key is written in clear (psksecret sample), as the guide types it.
    expect(r.meaning.peers[0]).toMatchObject({ name: 'to_HQ1', outsideInterface: 'port25', tunnelInterface: 'to_HQ1', psk: 'sample', pskPresent: true });
    const d = r.meaning.device;
    expect(d).toMatchObject({ hostname: 'HQ2', model: 'FortiGate-VM64', osVersion: '7.4.6', vpnType: 'route-based' });
    // mgmt is root's: not an interface of VDOM VPN.
    expect(d?.interfaces.map((i) => i.name)).toEqual(['port25', 'port9', 'to_HQ1']);
    expect(d?.routes).toEqual([{ destination: '10.1.100.0/24', interface: 'to_HQ1' }]);
    expect(d?.policies.map((p) => p.name)).toEqual(['inbound', 'outbound']);
  });

  it('says which VDOM with tunnels it did not read, on that VDOM\'s edit line', () => {
    expect(r.lines.unknown.map((u) => [u.line, u.text])).toEqual([[120, expect.stringContaining('VDOM lab holds IPsec tunnels too; this import reads VDOM VPN only')]]);
    expect(r.lines).toMatchObject({ used: 68, ignored: 60 });
    expect(r.lines.used + r.lines.ignored + r.lines.unknown.length).toBe(statements(VDOMS));
  });

  it('reads root when no VDOM holds tunnels', () => {
    const noTunnels = VDOMS.replace(/edit lab\nconfig vpn ipsec phase1-interface[\s\S]*?\nend\nnext\n/, '').replace(/config vpn ipsec phase1-interface[\s\S]*?config firewall policy/, 'config firewall policy');
    const got = read(noTunnels);
    expect(got.meaning.peers).toEqual([]);
    expect(got.meaning.device?.policies.map((p) => p.name)).toEqual(['mgmt-out']);
    expect(got.meaning.device?.interfaces.map((i) => i.name)).toEqual(['mgmt']);
  });
});

describe('FortiGate reader: what a real file holds that the model cannot', () => {
  it('a phase 2 naming an FQDN address, or a name that is not defined, is reported on its src-name/dst-name line', () => {
    const fqdn = HQ1.replace('    edit "lab"\n        set subnet 10.1.200.0 255.255.255.0', '    edit "lab"\n        set type fqdn\n        set fqdn "lab.example.com"');
    const r = read(fqdn);
    const line = fqdn.split('\n').findIndex((l) => l.includes('set src-name "to_HQ2_local"')) + 1;
    expect(r.lines.unknown).toContainEqual(expect.objectContaining({ line, text: expect.stringContaining('lab is of type fqdn') }));
    expect(r.meaning.peers[0]?.children).toEqual([]);
    const missing = read(HQ1.replace('set dst-name "to_HQ2_remote"', 'set dst-name "nowhere"'));
    expect(missing.lines.unknown.map((u) => u.text)).toContainEqual(expect.stringContaining('nowhere is not a firewall address or address group'));
  });

  it('keys full-configuration prints at their default are understood there, and reported at another value (dial-up, transport mode)', () => {
    const r = read(`config vpn ipsec phase1-interface
    edit "p"
        set type static
        set remote-gw 192.0.2.1
        set childless-ike disable
        set monitor ""
    next
    edit "dialup"
        set type dynamic
    next
end
config vpn ipsec phase2-interface
    edit "p2"
        set phase1name "p"
        set encapsulation transport-mode
        set l2tp disable
    next
end
`);
    expect(r.lines.unknown.map((u) => [u.line, u.text])).toEqual([
      [9, expect.stringContaining('type is dynamic; the reader reads this table only with type static')],
      [15, expect.stringContaining('encapsulation is transport-mode')],
    ]);
    expect(r.lines.used).toBe(16);
  });

  it('a sub-table inside a VPN table is reported; one inside an unrelated table is ignored', () => {
    const r = read(`config vpn ipsec phase1-interface
    edit "p"
        set remote-gw 192.0.2.1
        config ipv4-exclude-range
        end
    next
end
config system interface
    edit "port1"
        config ipv6
            set ip6-mode static
        end
    next
end
`);
    expect(r.lines.unknown.map((u) => u.line)).toEqual([4]);
    // ipv4-exclude-range's end, and config ipv6 with its two lines.
    expect(r.lines).toMatchObject({ used: 9, ignored: 4 });
  });

  it('a service it does not know is reported on the policy\'s service line, and the policy left out', () => {
    const r = read(HQ1.replace('set service "HTTPS" "DNS"', 'set service "HTTPS" "Windows AD"'));
    expect(r.lines.unknown.map((u) => u.text)).toContainEqual(expect.stringContaining('service Windows AD is not defined'));
    expect(r.meaning.device?.policies.filter((p) => p.name.startsWith('dmz_to_internet'))).toEqual([]);
  });
});

describe('FortiGate import of the two ends of the guide\'s example', () => {
  it('pairs HQ1 with HQ2 by their interface addresses, and the document is valid', () => {
    const got = importConfigurations([
      { name: 'hq1.conf', content: HQ1 },
      { name: 'hq2.conf', content: VDOMS },
    ]);
    if (!got.ok) throw new Error(got.message);
    expect(got.files.map((f) => [f.vendor, f.hostname, f.model])).toEqual([
      ['fortigate', 'HQ1', 'FortiGate-100F'],
      ['fortigate', 'HQ2', 'FortiGate-VM64'],
    ]);
    expect(DocumentSchema.safeParse(got.document).success).toBe(true);
    expect(got.document.tunnels).toHaveLength(1);
    // Each end runs IKE on the interface that holds its IKE address.
    const t = got.document.tunnels[0];
    const nameOf = (id: string | undefined) => got.document.gateways.find((g) => g.id === id)?.name;
    expect([t?.a, t?.b].map((e) => `${nameOf(e?.gatewayId)} ${e?.outsideInterface}`).sort()).toEqual(['HQ1 port1', 'HQ2 port25']);
    // Route-based: each end is bound to its phase1-interface, the interface its routes name.
    expect([t?.a, t?.b].map((e) => `${nameOf(e?.gatewayId)} ${e?.tunnelInterface}`).sort()).toEqual(['HQ1 to_HQ2', 'HQ2 to_HQ1']);
    // The key is kept only when asked, and only HQ2's is in clear.
    expect([t?.a, t?.b].map((e) => e?.auth.psk)).toEqual(['', '']);
    const secrets = importConfigurations([
      { name: 'hq1.conf', content: HQ1 },
      { name: 'hq2.conf', content: VDOMS },
    ], { includeSecrets: true });
    if (!secrets.ok) throw new Error(secrets.message);
    const ends = secrets.document.tunnels.flatMap((x) => [x.a, x.b]);
    expect(ends.map((e) => `${secrets.document.gateways.find((g) => g.id === e.gatewayId)?.name} ${e.auth.psk}`).sort()).toEqual(['HQ1 ', 'HQ2 sample']);
    expect(got.document.gateways.map((g) => [g.name, g.vpnType, g.policies.length, g.routes.length])).toEqual([
      ['HQ1', 'route-based', 7, 2],
      ['HQ2', 'route-based', 2, 1],
    ]);
  });
});
