// Junos SRX export findings of issue 13, each against Juniper's configuration YANG for SRX
// (Juniper/yang junos-es-conf-security, per release) and the Junos OS IPsec VPN User Guide.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../../shared/engine/report-cache';
import { exportDocument } from '../../../../shared/export/export';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../../../shared/model/document';
import { TopologyBuilder } from '../../../../shared/templates/build';
import { unavailableAlgorithms } from '../../../../shared/vendors/algorithms';

interface Spec {
  osVersion?: string;
  vpnType?: 'route-based' | 'policy-based';
  ikeVersion?: 1 | 2;
  proxyIds?: Partial<ProxyId>[];
  routes?: string[];
  changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
  psk?: string;
}

function doc(spec: Spec = {}): TopologyDocument {
  const b = new TopologyBuilder('junos');
  const a = b.gateway({ name: 'A', vendor: 'junos-srx', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(spec.osVersion ? { osVersion: spec.osVersion } : {}), ...(spec.vpnType ? { vpnType: spec.vpnType } : {}) });
  const peer = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const pids = spec.proxyIds ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }];
  const mirror = pids.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any' }));
  b.tunnel('t1', a, peer, { ikeVersion: spec.ikeVersion ?? 2, ...(spec.psk ? { psk: spec.psk } : {}), a: { proxyIds: pids, routes: spec.routes ?? ['10.2.0.0/24'], ...(spec.changes ? { changes: spec.changes } : {}) }, b: { proxyIds: mirror } });
  return b.build();
}

function exportA(d: TopologyDocument, includeSecrets = false) {
  const r = exportDocument(d, { gateways: ['A'], skipEngineCheck: true, includeSecrets });
  const text = r.files.find((f) => f.name === 'A.junos.txt')?.content ?? '';
  return { text, lines: text.split('\n').filter((l) => !l.startsWith('#')), warnings: r.warnings };
}

const end = (doc().tunnels[0] as TopologyDocument['tunnels'][number]).a;

describe('Junos ranges', () => {
  it('lifetime-seconds is capped at 86400 (180..86400) with a warning naming the value', () => {
    const { lines, warnings } = exportA(doc({ changes: { ike: { ...end.ike, lifetimeSeconds: 172800 }, esp: { ...end.esp, lifetimeSeconds: 100000 } } }));
    expect(lines).toContain('set security ike proposal ike-t1-1 lifetime-seconds 86400');
    expect(lines).toContain('set security ipsec proposal esp-t1-1 lifetime-seconds 86400');
    expect(lines.join('\n')).not.toMatch(/172800|100000/);
    expect(warnings.filter((w) => w.code === 'LIFETIME_ADJUSTED').map((w) => w.message).join('\n')).toMatch(/172800 s[\s\S]*100000 s/);
  });

  it('the DPD interval is capped at 60 s (2..60)', () => {
    const { lines, warnings } = exportA(doc({ changes: { dpd: { enabled: true, intervalSeconds: 300 } } }));
    expect(lines).toContain('set security ike gateway gw-t1 dead-peer-detection interval 60');
    expect(warnings.some((w) => w.code === 'SETTING_UNSUPPORTED' && w.message.includes('300 s'))).toBe(true);
  });

  it('lifetime-kilobytes starts at 64000 from 24.4, at 64 before', () => {
    const kb = { esp: { ...end.esp, lifetimeKilobytes: 1000 } };
    expect(exportA(doc({ osVersion: '24.4R1', changes: kb })).lines).toContain('set security ipsec proposal esp-t1-1 lifetime-kilobytes 64000');
    expect(exportA(doc({ osVersion: '22.4', changes: kb })).lines).toContain('set security ipsec proposal esp-t1-1 lifetime-kilobytes 1000');
  });
});

describe('Junos st0 families', () => {
  it('a tunnel with IPv4 and IPv6 proxy IDs gets family inet and inet6 on its st0 unit', () => {
    const { lines } = exportA(doc({ proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }, { local: '2001:db8:a::/64', remote: '2001:db8:b::/64' }], routes: ['10.2.0.0/24', '2001:db8:b::/64'] }));
    expect(lines).toContain('set interfaces st0 unit 0 family inet');
    expect(lines).toContain('set interfaces st0 unit 0 family inet6');
  });
  it('IPv6 only: inet6 only; IPv4 only: inet only', () => {
    const v6 = exportA(doc({ proxyIds: [{ local: '2001:db8:a::/64', remote: '2001:db8:b::/64' }], routes: ['2001:db8:b::/64'] })).lines;
    expect(v6).toContain('set interfaces st0 unit 0 family inet6');
    expect(v6).not.toContain('set interfaces st0 unit 0 family inet');
    const v4 = exportA(doc()).lines;
    expect(v4).toContain('set interfaces st0 unit 0 family inet');
    expect(v4).not.toContain('set interfaces st0 unit 0 family inet6');
  });
});

describe('Junos algorithms per release', () => {
  const strong = { ike: { ...end.ike, proposals: [{ encryption: ['aes256' as const], integrity: ['sha512' as const], dhGroups: [21 as const] }] }, esp: { ...end.esp, proposals: [{ encryption: ['aes256' as const], integrity: ['sha384' as const, 'sha512' as const], dhGroups: [] }] } };
  it('ESP SHA-384/512 are hmac-sha-384/hmac-sha-512 (no -192/-256 spelling exists), IKE sha-512 and group21, on 23.2', () => {
    const { text } = exportA(doc({ osVersion: '23.2R1', changes: strong }));
    expect(text).toMatch(/authentication-algorithm hmac-sha-384$/m);
    expect(text).toMatch(/authentication-algorithm hmac-sha-512$/m);
    expect(text).not.toMatch(/hmac-sha-384-192|hmac-sha-512-256/);
    expect(text).toMatch(/ike proposal \S+ authentication-algorithm sha-512$/m);
    expect(text).toMatch(/dh-group group21$/m);
  });
  it('before 23.2 they are left out with a warning, and the table says so for that release only', () => {
    const { lines, warnings } = exportA(doc({ osVersion: '22.4', changes: { ...strong, ike: { ...strong.ike, proposals: [{ encryption: ['aes256'], integrity: ['sha512', 'sha256'], dhGroups: [21, 14] }] }, esp: { ...strong.esp, proposals: [{ encryption: ['aes256'], integrity: ['sha384', 'sha256'], dhGroups: [] }] } } }));
    expect(lines.join('\n')).not.toMatch(/sha-512|group21|hmac-sha-384/);
    expect(warnings.filter((w) => w.code === 'ALGORITHM_UNSUPPORTED' || w.code === 'DH_GROUP_UNSUPPORTED').length).toBeGreaterThanOrEqual(3);
    expect(unavailableAlgorithms('junos-srx', 2, 'esp', 'integrity', '22.4').has('sha384')).toBe(true);
    expect(unavailableAlgorithms('junos-srx', 2, 'esp', 'integrity', '23.2R1').has('sha384')).toBe(false);
    expect(unavailableAlgorithms('junos-srx', 2, 'ike', 'dhGroup', '21.4').has(21)).toBe(true);
  });
  it('the engine reports it for the gateway\'s release', () => {
    const d = doc({ osVersion: '21.4', changes: strong });
    expect(computeReport(d).tunnels[0]?.diagnostics.some((x) => x.code === 'ALGORITHM_UNSUPPORTED' && x.message.includes('sha512'))).toBe(true);
    const newer = doc({ osVersion: '23.4', changes: strong });
    expect(computeReport(newer).tunnels[0]?.diagnostics.some((x) => x.code === 'ALGORITHM_UNSUPPORTED')).toBe(false);
  });
});

describe('Junos pre-shared keys', () => {
  it('an inner double quote and backslash are escaped inside the quoted ascii-text', () => {
    const { lines } = exportA(doc({ psk: 'ab"c\\d' }), true);
    expect(lines).toContain('set security ike policy ike-t1 pre-shared-key ascii-text "ab\\"c\\\\d"');
  });
});

describe('Junos policy-based VPNs and IKEv2', () => {
  it('an IKEv2 tunnel of a policy-based gateway is written route-based, with a warning (IKEv2 has no policy-based VPN on Junos)', () => {
    const { lines, warnings } = exportA(doc({ vpnType: 'policy-based', ikeVersion: 2 }));
    expect(lines).toContain('set security ipsec vpn t1 bind-interface st0.0');
    expect(lines).toContain('set security ike gateway gw-t1 version v2-only');
    expect(lines.some((l) => l.includes('permit tunnel ipsec-vpn'))).toBe(false);
    expect(warnings.find((w) => w.code === 'VPN_TYPE_ADJUSTED')?.message).toMatch(/IKEv2.*policy-based/);
  });
  it('an IKEv1 tunnel of a policy-based gateway stays policy-based', () => {
    const { lines, warnings } = exportA(doc({ vpnType: 'policy-based', ikeVersion: 1 }));
    expect(lines.some((l) => l.endsWith('permit tunnel ipsec-vpn t1'))).toBe(true);
    expect(lines.some((l) => l.includes('bind-interface'))).toBe(false);
    expect(warnings.some((w) => w.code === 'VPN_TYPE_ADJUSTED')).toBe(false);
  });
  it('the engine says so before export, with a fix', () => {
    const d = doc({ vpnType: 'policy-based', ikeVersion: 2 });
    const found = computeReport(d).tunnels[0]?.diagnostics.find((x) => x.code === 'CONFIGURATION_UNSUPPORTED');
    expect(found?.message).toMatch(/IKEv2.*policy-based/);
    expect(found?.fix.length).toBeGreaterThan(0);
    expect(computeReport(doc({ vpnType: 'route-based', ikeVersion: 2 })).tunnels[0]?.diagnostics.some((x) => x.code === 'CONFIGURATION_UNSUPPORTED')).toBe(false);
  });
});

describe('a box already in production', () => {
  it('a second network behind the peer, in the proxy IDs but not in the design\'s routes, gets its route too', () => {
    const { lines, warnings } = exportA(doc({ proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }, { local: '10.1.0.0/24', remote: '10.2.1.0/24' }], routes: ['10.2.0.0/24'] }));
    expect(lines.filter((l) => /10\.2\.0\.0\/24 (next-hop|interface)|destination 10\.2\.0\.0\/24/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /static route 10\.2\.1\.0\/24 next-hop|destination 10\.2\.1\.0\/24 interface/.test(l))).toHaveLength(1);
    expect(warnings.find((w) => w.code === 'ROUTES_DERIVED')?.message).toContain('10.2.1.0/24');
  });
  it('the header says which interfaces, addresses and zones it assumes', () => {
    expect(exportA(doc()).text).toMatch(/^# Assumes these interfaces are configured already .*198\.51\.100\.1\/24.*untrust.*10\.1\.0\.1\/24.*trust\.$/m);
  });
});

describe('Junos identities and selectors read back', () => {
  it('a key-id identity is not written as a hostname: refused with a warning', () => {
    const { lines, warnings } = exportA(doc({ changes: { auth: { method: 'psk', psk: 'k', localId: { type: 'key-id', value: 'site-key' } } } }));
    expect(lines.some((l) => l.includes('local-identity'))).toBe(false);
    expect(warnings.find((w) => w.code === 'VALUE_UNSUPPORTED')?.message).toMatch(/key-id/);
  });
  it('a policy-based VPN gets one policy pair per proxy ID, with its protocol and ports', () => {
    const { lines } = exportA(doc({ vpnType: 'policy-based', ikeVersion: 1, proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'tcp', remotePort: '443' }, { local: '10.1.1.0/24', remote: '10.2.1.0/24' }] }));
    expect(lines).toContain('set security policies from-zone trust to-zone untrust policy t1-out-1 match source-address N-10.1.0.0-24 destination-address N-10.2.0.0-24 application app-tcp-any-443-443');
    expect(lines).toContain('set security policies from-zone trust to-zone untrust policy t1-out-2 match source-address N-10.1.1.0-24 destination-address N-10.2.1.0-24 application any');
    expect(lines).toContain('set applications application app-tcp-any-443-443 destination-port 443-443');
  });
  it('a tunnel none of whose IKE proposals Junos has is not written, and says so', () => {
    const { lines, warnings } = exportA(doc({ changes: { ike: { ...end.ike, proposals: [{ encryption: ['chacha20poly1305'], integrity: ['sha256'], dhGroups: [14] }] } } }));
    expect(lines.some((l) => l.includes('security ike gateway'))).toBe(false);
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && /not written/.test(w.message))).toBe(true);
  });
});
