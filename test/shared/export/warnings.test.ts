// Nothing silently dropped: each thing a vendor cannot express gives a warning with a stable
// code, the gateway, the tunnel and the line of the generated file it concerns (and that line
// exists and says so). Secrets never reach a warning; they are placeholders unless asked for.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { ExportResult, ExportWarningCode } from '../../../shared/vendors/kit/export/types';
import { EXPORT_VENDORS, type ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';
import { TEMPLATES } from '../../../shared/templates/index';

interface PairSpec {
  a: ExportVendor;
  b?: ExportVendor;
  aVersion?: string;
  ikeVersion?: 1 | 2;
  proxyIds?: Partial<ProxyId>[];
  aChanges?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
  psk?: string;
  vpnType?: 'route-based' | 'policy-based';
}

function pair(spec: PairSpec): TopologyDocument {
  const b = new TopologyBuilder('warnings');
  const gwA = b.gateway({ name: 'A', vendor: spec.a, outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(spec.aVersion ? { osVersion: spec.aVersion } : {}), ...(spec.vpnType ? { vpnType: spec.vpnType } : {}) });
  const gwB = b.gateway({ name: 'B', vendor: spec.b ?? 'strongswan', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const pids = spec.proxyIds ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }];
  const mirror = pids.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any', localPort: p.remotePort ?? 'any', remotePort: p.localPort ?? 'any' }));
  b.tunnel('t1', gwA, gwB, { ikeVersion: spec.ikeVersion ?? 2, ...(spec.psk ? { psk: spec.psk } : {}), a: { proxyIds: pids, routes: ['10.2.0.0/24'], ...(spec.aChanges ? { changes: spec.aChanges } : {}) }, b: { proxyIds: mirror } });
  return b.build();
}

function warningsOf(r: ExportResult, code: ExportWarningCode, gateway = 'A') {
  return r.warnings.filter((w) => w.code === code && w.gateway === gateway);
}

/** The warning exists, names the tunnel, and its line is in the named file. */
function expectWarning(r: ExportResult, code: ExportWarningCode, lineContains?: string): void {
  const ws = warningsOf(r, code);
  expect(ws.length, `${code} expected; got ${r.warnings.map((w) => w.code).join(', ')}`).toBeGreaterThan(0);
  for (const w of ws) {
    expect(w.tunnel).toBe('t1');
    const file = r.files.find((f) => f.name === w.file);
    expect(file, `file ${w.file}`).toBeDefined();
    expect(w.line).toBeGreaterThan(0);
    const line = file?.content.split('\n')[(w.line ?? 0) - 1] ?? '';
    expect(line.length).toBeGreaterThan(0);
    if (lineContains) expect(line).toContain(lineContains);
  }
}

const tcpRange = [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'tcp' as const, remotePort: '1000-2000' }];

describe('what a vendor cannot express is named, with its line', () => {
  const cases: { title: string; spec: PairSpec; code: ExportWarningCode; line?: string }[] = [
    { title: 'PAN-OS: a port range in a proxy ID (one port only)', spec: { a: 'panos', proxyIds: tcpRange }, code: 'PORT_RANGE_UNSUPPORTED', line: 'proxy-id' },
    { title: 'FortiGate: a port range in a phase 2 (one port only: the phase 2 is left out)', spec: { a: 'fortigate', proxyIds: tcpRange }, code: 'PORT_RANGE_UNSUPPORTED', line: 'left out' },
    { title: 'Libreswan: a port range in protoport', spec: { a: 'libreswan', proxyIds: tcpRange }, code: 'PORT_RANGE_UNSUPPORTED' },
    { title: 'Junos: protocol/port in a traffic selector', spec: { a: 'junos-srx', proxyIds: tcpRange }, code: 'PROTOCOL_UNSUPPORTED', line: 'traffic-selector' },
    { title: 'PAN-OS: ChaCha20-Poly1305 (not a PAN-OS cipher)', spec: { a: 'panos', aChanges: { esp: { proposals: [{ encryption: ['chacha20poly1305', 'aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600, mode: 'tunnel' } } }, code: 'ALGORITHM_UNSUPPORTED' },
    { title: 'ASA IKEv1: SHA-256 as IKEv1 hash', spec: { a: 'cisco-asa', ikeVersion: 1, aChanges: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256', 'sha1'], dhGroups: [14] }], lifetimeSeconds: 28800 } } }, code: 'ALGORITHM_UNSUPPORTED' },
    { title: 'ScreenOS: DH group 19', spec: { a: 'screenos', aChanges: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19, 14] }], lifetimeSeconds: 28800 } } }, code: 'DH_GROUP_UNSUPPORTED' },
    { title: 'Libreswan: DH group 2 (refused by Libreswan 4.10)', spec: { a: 'libreswan', aChanges: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha1'], dhGroups: [2, 14] }], lifetimeSeconds: 28800 } } }, code: 'DH_GROUP_UNSUPPORTED' },
    { title: 'IOS-XE crypto map: IPv6 selectors', spec: { a: 'cisco-ios', proxyIds: [{ local: '2001:db8:1::/64', remote: '2001:db8:2::/64' }] }, code: 'IPV6_UNSUPPORTED' },
    { title: 'ScreenOS 6.2: several proxy IDs on a route-based VPN', spec: { a: 'screenos', aVersion: '6.2.0r5', proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }, { local: '10.1.1.0/24', remote: '10.2.1.0/24' }] }, code: 'MULTIPLE_PROXY_IDS_UNSUPPORTED' },
    { title: 'Junos proxy-identity: only one per VPN', spec: { a: 'junos-srx', aChanges: { vendorOptions: { 'junos-srx': { selectorStyle: 'proxy-identity' } } }, proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }, { local: '10.1.1.0/24', remote: '10.2.1.0/24' }] }, code: 'MULTIPLE_PROXY_IDS_UNSUPPORTED', line: 'proxy-identity' },
    { title: 'Junos: remote 0.0.0.0/0 in a traffic selector', spec: { a: 'junos-srx', proxyIds: [{ local: '10.1.0.0/24', remote: 'any' }] }, code: 'SELECTOR_UNSUPPORTED' },
    { title: 'PAN-OS: an address range becomes several proxy IDs', spec: { a: 'panos', proxyIds: [{ local: '10.1.0.5-10.1.0.9', remote: '10.2.0.0/24' }] }, code: 'ADDRESS_RANGE_SPLIT', line: 'proxy-id' },
    { title: 'FortiGate: a tunnel name longer than 15 characters', spec: { a: 'fortigate' }, code: 'NAME_SHORTENED' },
    { title: 'IOS-XE VTI: proxy IDs cannot be expressed', spec: { a: 'cisco-ios', vpnType: 'route-based' }, code: 'SELECTOR_UNSUPPORTED' },
    { title: 'Mixed address families in one selector', spec: { a: 'strongswan', proxyIds: [{ local: '10.1.0.0/24', remote: '2001:db8::/64' }] }, code: 'MIXED_ADDRESS_FAMILIES' },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const doc = pair(c.spec);
      if (c.code === 'NAME_SHORTENED') {
        doc.tunnels[0]!.name = 'a-very-long-tunnel-name';
        const r = exportDocument(doc, { skipEngineCheck: true });
        expect(r.warnings.some((w) => w.code === 'NAME_SHORTENED' && w.gateway === 'A' && w.tunnel === 'a-very-long-tunnel-name')).toBe(true);
        return;
      }
      expectWarning(exportDocument(doc, { skipEngineCheck: true }), c.code, c.line);
    });
  }

  it('Junos: more than 200 traffic selectors', () => {
    const pids = Array.from({ length: 205 }, (_, i) => ({ local: `10.1.${i}.0/24`, remote: '10.200.0.0/24' }));
    const r = exportDocument(pair({ a: 'junos-srx', proxyIds: pids }), { skipEngineCheck: true });
    expectWarning(r, 'SELECTOR_LIMIT_EXCEEDED', 'traffic-selector ts-1 ');
    const file = r.files.find((f) => f.name.startsWith('A.'));
    expect(file?.content.match(/traffic-selector ts-\d+ /g)?.length).toBe(200);
  });

  it('a design every vendor can express gives no such warning', () => {
    for (const v of EXPORT_VENDORS) {
      const r = exportDocument(pair({ a: v }), { skipEngineCheck: true });
      // EXISTING_CONFIG and INTERFACE_ASSUMED say what the file assumes of a box in production, not what it left out.
      const mine = r.warnings.filter((w) => w.gateway === 'A' && !['ROUTES_DERIVED', 'VPN_TYPE_ADJUSTED', 'EXISTING_CONFIG', 'INTERFACE_ASSUMED'].includes(w.code));
      expect(mine, v).toEqual([]);
    }
  });
});

describe('secrets', () => {
  const psk = 's3cr3t-"quoted"-key';
  for (const v of EXPORT_VENDORS) {
    it(`${v}: placeholder by default, the key only when asked, never in a warning`, () => {
      const doc = pair({ a: v, b: v, psk: 'plainkey123' });
      const hidden = exportDocument(doc, { skipEngineCheck: true });
      const all = hidden.files.map((f) => f.content).join('\n');
      expect(all).toContain('<PSK:t1>');
      expect(all).not.toContain('plainkey123');
      const shown = exportDocument(doc, { skipEngineCheck: true, includeSecrets: true });
      expect(shown.files.map((f) => f.content).join('\n')).toContain('plainkey123');
      expect(JSON.stringify(shown.warnings)).not.toContain('plainkey123');
      expect(shown.files.map((f) => f.content).join('\n')).toContain('Pre-shared keys are INCLUDED');
    });
  }
  it('a key is never copied into warnings, even when something about the tunnel warns', () => {
    const doc = pair({ a: 'panos', proxyIds: tcpRange, psk });
    const r = exportDocument(doc, { skipEngineCheck: true, includeSecrets: true });
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.warnings)).not.toContain('s3cr3t');
  });
});

describe('gateway and vendor selection', () => {
  it('exports only the named gateways, by name or id', () => {
    const doc = pair({ a: 'panos' });
    expect(exportDocument(doc, { gateways: ['A'], skipEngineCheck: true }).files.map((f) => f.name)).toEqual(['A.panos.txt']);
    expect(exportDocument(doc, { gateways: ['gw-2'], skipEngineCheck: true }).files.map((f) => f.name)).toEqual(['B.swanctl.conf']);
  });
  it('writes a gateway for another vendor when asked, and says so', () => {
    const r = exportDocument(pair({ a: 'panos' }), { vendor: 'fortigate', gateways: ['A'], skipEngineCheck: true });
    expect(r.files.map((f) => f.name)).toEqual(['A.fortigate.txt']);
    expect(r.warnings.some((w) => w.code === 'VENDOR_OVERRIDDEN' && w.gateway === 'A')).toBe(true);
  });
  it('a generic gateway has no exporter: a warning, no file', () => {
    const doc = pair({ a: 'panos' });
    doc.gateways[1]!.vendor = 'generic';
    const r = exportDocument(doc, { skipEngineCheck: true });
    expect(r.files.map((f) => f.name)).toEqual(['A.panos.txt']);
    expect(r.warnings.some((w) => w.code === 'NO_EXPORTER_FOR_VENDOR' && w.gateway === 'B')).toBe(true);
  });
  it('a missing peer address is a placeholder and a warning', () => {
    const doc = pair({ a: 'junos-srx' });
    delete doc.gateways[1]!.interfaces[0]!.address;
    const r = exportDocument(doc, { skipEngineCheck: true, gateways: ['A'] });
    expect(r.files[0]?.content).toContain('address <peer-address>');
    expect(r.warnings.some((w) => w.code === 'MISSING_ADDRESS')).toBe(true);
  });
});

describe('the engine is asked before exporting', () => {
  const panAsa = () => {
    const t = TEMPLATES.find((x) => x.id === 'pan-asa-interop');
    if (!t) throw new Error('template');
    return t.build();
  };
  it('warns on both gateways when phase 2 would fail (seed 000: PAN-OS without proxy ID vs an ASA crypto map)', () => {
    const r = exportDocument(panAsa());
    const design = r.warnings.filter((w) => w.code === 'DESIGN_WOULD_NOT_COME_UP');
    expect(design.map((w) => w.gateway).sort()).toEqual(['ASA-Branch', 'PA-HQ']);
    expect(design[0]?.message).toMatch(/phase-2/);
  });
  it('no such warning once the mirrored proxy ID is added', () => {
    const doc = panAsa();
    const t = doc.tunnels[0]!;
    t.a.proxyIds = [{ name: 'to-asa', local: '10.10.0.0/24', remote: '10.20.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' }];
    const r = exportDocument(doc);
    expect(r.warnings.filter((w) => w.code === 'DESIGN_WOULD_NOT_COME_UP')).toEqual([]);
    expect(r.files.find((f) => f.name === 'PA-HQ.panos.txt')?.content).toContain('auto-key proxy-id to-asa local 10.10.0.0/24 remote 10.20.0.0/24 protocol any');
  });
});

describe('IOS-XE IKEv2 policy selection', () => {
  it('warns when two tunnels share the local address but differ in IKE proposals', () => {
    const b = new TopologyBuilder('ios');
    const hub = b.gateway({ name: 'HUB', vendor: 'cisco-ios', outside: '198.51.100.1/24', position: { x: 0, y: 0 } });
    const s1 = b.gateway({ name: 'S1', vendor: 'strongswan', outside: '203.0.113.1/24', position: { x: 0, y: 0 } });
    const s2 = b.gateway({ name: 'S2', vendor: 'strongswan', outside: '203.0.113.2/24', position: { x: 0, y: 0 } });
    b.tunnel('t1', hub, s1, { a: { proxyIds: [{ local: '10.0.0.0/24', remote: '10.1.0.0/24' }] } });
    const t2 = b.tunnel('t2', hub, s2, { a: { proxyIds: [{ local: '10.0.0.0/24', remote: '10.2.0.0/24' }] } });
    t2.a.ike.proposals = [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [19] }];
    const r = exportDocument(b.build(), { skipEngineCheck: true, gateways: ['HUB'] });
    const w = r.warnings.find((x) => x.code === 'SETTING_UNSUPPORTED' && x.gateway === 'HUB');
    expect(w?.tunnel).toBe('t2');
    expect(w?.message).toContain('by local address');
  });
});

describe('strongSwan: Aggressive Mode with a pre-shared key', () => {
  const exported = (allowed: boolean | undefined) => {
    const doc = pair({ a: 'strongswan', b: 'strongswan', ikeVersion: 1, aChanges: { exchangeMode: 'aggressive' } });
    const gateways = doc.gateways.map((g) => (g.name === 'A' && allowed !== undefined ? { ...g, vendorOptions: { strongswan: { aggressiveModePsk: allowed } } } : g));
    return exportDocument({ ...doc, gateways }, { skipEngineCheck: true, gateways: ['A'] });
  };
  it('warns that charon refuses it without the gateway setting', () => {
    for (const allowed of [undefined, false]) {
      const r = exported(allowed);
      expect(warningsOf(r, 'SETTING_UNSUPPORTED').map((w) => w.message).join('\n')).toContain('i_dont_care_about_security_and_use_aggressive_mode_psk');
    }
  });
  it('with the setting: no warning, the strongswan.conf line is named in the file', () => {
    const r = exported(true);
    expect(warningsOf(r, 'SETTING_UNSUPPORTED').filter((w) => w.message.includes('Aggressive Mode'))).toEqual([]);
    expect(r.files[0]?.content).toContain('i_dont_care_about_security_and_use_aggressive_mode_psk = yes');
    expect(r.files[0]?.content).toContain('aggressive = yes');
  });
});

describe('strongSwan: ICMP type and code as charon reads them', () => {
  const exported = (localPort: string) => exportDocument(pair({ a: 'strongswan', proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'icmp', localPort }] }), { skipEngineCheck: true, gateways: ['A'] });
  it('a type with any code is written as its 16-bit range (charon reads `[icmp/3]` as type 3 code 0 only)', () => {
    expect(exported('3').files[0]?.content).toContain('local_ts = 10.1.0.0/24[icmp/768-1023]');
    expect(exported('769').files[0]?.content).toContain('local_ts = 10.1.0.0/24[icmp/769]');
  });
  it('type 0 with a code cannot be written: a warning, and the protocol only', () => {
    const r = exported('5-5');
    expect(warningsOf(r, 'PORT_UNSUPPORTED').map((w) => w.message).join('\n')).toContain('ICMP type 0');
    expect(r.files[0]?.content).toContain('local_ts = 10.1.0.0/24[icmp]');
  });
});
