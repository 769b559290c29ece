// PAN-OS export findings of issue 13, each against the PAN-OS schema as Palo Alto Networks'
// pan-os-codegen publishes it (specs/objects/profiles/*, specs/network/ike-gateway.yaml,
// specs/network/tunnels/ipsec.yaml, specs/network/interface/tunnel.yaml).
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../shared/export/export';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../../../shared/model/document';
import { TopologyBuilder } from '../../../../shared/templates/build';

interface Spec {
  osVersion?: string;
  outsideA?: string;
  outsideB?: string;
  proxyIds?: Partial<ProxyId>[];
  routes?: string[];
  changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
  psk?: string;
}

function doc(spec: Spec = {}): TopologyDocument {
  const b = new TopologyBuilder('panos');
  const a = b.gateway({ name: 'A', vendor: 'panos', outside: spec.outsideA ?? '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(spec.osVersion ? { osVersion: spec.osVersion } : {}) });
  const peer = b.gateway({ name: 'B', vendor: 'strongswan', outside: spec.outsideB ?? '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const pids = spec.proxyIds ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }];
  const mirror = pids.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any' }));
  b.tunnel('t1', a, peer, { ikeVersion: 2, ...(spec.psk ? { psk: spec.psk } : {}), a: { proxyIds: pids, routes: spec.routes ?? ['10.2.0.0/24'], ...(spec.changes ? { changes: spec.changes } : {}) }, b: { proxyIds: mirror } });
  return b.build();
}

function exportA(d: TopologyDocument, includeSecrets = false) {
  const r = exportDocument(d, { gateways: ['A'], skipEngineCheck: true, includeSecrets });
  const text = r.files.find((f) => f.name === 'A.panos.txt')?.content ?? '';
  return { text, lines: text.split('\n').filter((l) => !l.startsWith('#')), warnings: r.warnings };
}

const base = doc();
const end = (base.tunnels[0] as TopologyDocument['tunnels'][number]).a;

describe('PAN-OS lifetimes in the units the schema has', () => {
  it('writes 86400 s (rejected as seconds, 180–65535) as days 1, and 3600 s as seconds 3600', () => {
    const { lines } = exportA(doc({ changes: { ike: { ...end.ike, lifetimeSeconds: 86400 }, esp: { ...end.esp, lifetimeSeconds: 3600 } } }));
    expect(lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 lifetime days 1');
    expect(lines).toContain('set network ike crypto-profiles ipsec-crypto-profiles ipsec-t1 lifetime seconds 3600');
  });

  it('writes 4,608,000 KB (above kb 65535) as lifesize mb 4500', () => {
    const { lines } = exportA(doc({ changes: { esp: { ...end.esp, lifetimeKilobytes: 4_608_000 } } }));
    expect(lines).toContain('set network ike crypto-profiles ipsec-crypto-profiles ipsec-t1 lifesize mb 4500');
  });

  it('a lifetime no unit holds (65537 s) is written as the nearest one, with a warning naming both', () => {
    const { lines, warnings } = exportA(doc({ changes: { ike: { ...end.ike, lifetimeSeconds: 65537 } } }));
    expect(lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 lifetime seconds 65535');
    expect(warnings.find((w) => w.code === 'LIFETIME_ADJUSTED')?.message).toMatch(/65537 s.*65535 s written/);
  });
});

describe('PAN-OS pre-shared keys', () => {
  it('a key with a double quote is not written (the PAN-OS CLI has no escape for it), and the warning says what to do', () => {
    const { text, warnings } = exportA(doc({ psk: 'ab"cd' }), true);
    expect(text).not.toContain('ab"cd');
    expect(text).not.toMatch(/pre-shared-key key/);
    expect(warnings.find((w) => w.code === 'VALUE_UNSUPPORTED')?.message).toMatch(/double quote.*by hand/);
  });
});

describe('PAN-OS over IPv6', () => {
  it('an IPv6 IKE peer gets the ipv6 flag on the IKE gateway and the IPSec tunnel', () => {
    const { lines } = exportA(doc({ outsideA: '2001:db8:1::1/64', outsideB: '2001:db8:2::2/64' }));
    expect(lines).toContain('set network ike gateway gw-t1 ipv6 yes');
    expect(lines).toContain('set network tunnel ipsec t1 ipv6 yes');
  });

  it('an IPv4 peer gets neither', () => {
    expect(exportA(base).text).not.toMatch(/ ipv6 yes/);
  });

  it('IPv6 proxy IDs or routes enable IPv6 on the tunnel interface', () => {
    const { lines } = exportA(doc({ proxyIds: [{ local: '2001:db8:a::/64', remote: '2001:db8:b::/64' }], routes: ['2001:db8:b::/64'] }));
    expect(lines).toContain('set network interface tunnel units tunnel.1 ipv6 enabled yes');
    expect(lines.findIndex((l) => l.includes('ipv6 enabled yes'))).toBeLessThan(lines.findIndex((l) => l.includes('routing-table ipv6 static-route')));
    expect(exportA(base).text).not.toMatch(/ipv6 enabled/);
  });
});

describe('PAN-OS des per release', () => {
  const desEnd = { ike: { ...end.ike, proposals: [{ encryption: ['des' as const, 'aes256' as const], integrity: ['sha256' as const], dhGroups: [14 as const] }] } };
  it('11.x has no des (the 11.x schema lists 3des and AES only): left out with a warning', () => {
    const { text, warnings } = exportA(doc({ osVersion: '11.1', changes: desEnd }));
    expect(text).toMatch(/ike-t1 encryption aes-256-cbc$/m);
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && w.message.includes('des'))).toBe(true);
  });
  it('10.x still has it (PAN-OS 10.0 Administrator\'s Guide, "IKE Phase 1")', () => {
    expect(exportA(doc({ osVersion: '10.2', changes: desEnd })).text).toMatch(/ike-t1 encryption \[ des aes-256-cbc \]$/m);
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

describe('PAN-OS names stay distinct within their 31 characters', () => {
  it('two tunnels with long names that differ at the end get distinct gateways, profiles and static routes', () => {
    const b = new TopologyBuilder('names');
    const a = b.gateway({ name: 'A', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] });
    const p = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B1', address: '10.2.0.0/24' }, { name: 'B2', address: '10.3.0.0/24' }] });
    for (const [i, lan] of ['10.2.0.0/24', '10.3.0.0/24'].entries()) b.tunnel(`a-rather-long-tunnel-name-for-site-${i + 1}`, a, p, { ikeVersion: 2, a: { proxyIds: [{ local: '10.1.0.0/24', remote: lan }, { local: '10.1.1.0/24', remote: lan.replace('.0.0/', '.1.0/') }], routes: [] }, b: { proxyIds: [{ local: lan, remote: '10.1.0.0/24' }] } });
    const { lines } = exportA(b.build());
    const named = (re: RegExp) => [...new Set(lines.map((l) => re.exec(l)?.[1]).filter((x): x is string => x !== undefined))];
    expect(named(/^set network ike gateway (\S+) peer-address/)).toHaveLength(2);
    expect(named(/^set network ike crypto-profiles ike-crypto-profiles (\S+) encryption/)).toHaveLength(2);
    expect(named(/^set network ike crypto-profiles ipsec-crypto-profiles (\S+) esp encryption/)).toHaveLength(2);
    const routes = lines.filter((l) => l.includes(' static-route '));
    expect(new Set(routes.map((l) => / static-route (\S+) /.exec(l)?.[1])).size).toBe(routes.length);
    expect(routes.length).toBe(4);
  });
});

describe('PAN-OS DH groups per release', () => {
  const g = { ike: { ...end.ike, proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups: [21 as const, 14 as const] }] } };
  it('groups 15, 16 and 21 from 10.2.0 only', () => {
    expect(exportA(doc({ osVersion: '10.2', changes: g })).lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 dh-group [ group21 group14 ]');
    const old = exportA(doc({ osVersion: '10.1', changes: g }));
    expect(old.lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 dh-group group14');
    expect(old.warnings.some((w) => w.code === 'DH_GROUP_UNSUPPORTED' && w.message.includes('21'))).toBe(true);
  });
});

describe('PAN-OS IKE integrity none', () => {
  const with_ = (encryption: ('aes256' | 'aes256gcm16')[], integrity: ('none' | 'sha256')[]) => exportA(doc({ changes: { ike: { ...end.ike, proposals: [{ encryption, integrity, dhGroups: [14] }] } } }));
  it('with AES-GCM only it is non-auth', () => {
    expect(with_(['aes256gcm16'], ['none']).lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 hash non-auth');
  });
  it('with a CBC cipher it is left out with a warning, never replaced by an integrity the design lacks', () => {
    const r = with_(['aes256'], ['none', 'sha256']);
    expect(r.lines).toContain('set network ike crypto-profiles ike-crypto-profiles ike-t1 hash sha256');
    expect(r.warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && w.message.includes('none'))).toBe(true);
    expect(with_(['aes256'], ['none']).lines.some((l) => l.includes(' hash '))).toBe(false);
  });
});
