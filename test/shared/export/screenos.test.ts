// ScreenOS export: lines ScreenOS would refuse, or read differently from the design (issue 13).
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';

interface Spec {
  changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
  psk?: string;
  vpnType?: 'route-based' | 'policy-based';
  proxyIds?: Partial<ProxyId>[];
}

function pair(spec: Spec = {}): TopologyDocument {
  const b = new TopologyBuilder('screenos');
  const a = b.gateway({ name: 'A', vendor: 'screenos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(spec.vpnType ? { vpnType: spec.vpnType } : {}) });
  const c = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const pids = spec.proxyIds ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }];
  b.tunnel('t1', a, c, { ikeVersion: 2, ...(spec.psk ? { psk: spec.psk } : {}), a: { proxyIds: pids, routes: ['10.2.0.0/24'], ...(spec.changes ? { changes: spec.changes } : {}) }, b: { proxyIds: pids.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any' })) } });
  return b.build();
}

function exportA(doc: TopologyDocument, includeSecrets = false) {
  const r = exportDocument(doc, { gateways: ['A'], skipEngineCheck: true, includeSecrets });
  const text = r.files.map((f) => f.content).join('\n');
  return { text, statements: text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')), warnings: r.warnings.filter((w) => w.gateway === 'A') };
}

const ike = (lifetimeSeconds = 28800) => ({ proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups: [14 as const] }], lifetimeSeconds });

describe('ScreenOS export (issue 13)', () => {
  it('an IPv6 range is split into prefixes, never written as "undefined"', () => {
    const { text, warnings } = exportA(pair({ vpnType: 'policy-based', proxyIds: [{ local: '2001:db8:1::1-2001:db8:1::6', remote: '2001:db8:2::/64' }] }));
    expect(text).not.toContain('undefined');
    expect(text).toContain('set address "Trust" "H-2001.db8.1..1" 2001:db8:1::1/128');
    expect(text).toContain('2001:db8:1::2/127');
    expect(warnings.some((w) => w.code === 'ADDRESS_RANGE_SPLIT')).toBe(true);
  });

  it('policy-based: an IPv4 range that is not a prefix becomes its prefixes (each policy a proxy ID), not a /32 of its first address', () => {
    const { statements, warnings } = exportA(pair({ vpnType: 'policy-based', proxyIds: [{ local: '10.1.0.1-10.1.0.6', remote: '10.2.0.0/24' }] }));
    const objects = statements.filter((l) => l.startsWith('set address "Trust"'));
    expect(objects).toEqual([
      'set address "Trust" "H-10.1.0.1" 10.1.0.1 255.255.255.255',
      'set address "Trust" "N-10.1.0.2-31" 10.1.0.2 255.255.255.254',
      'set address "Trust" "N-10.1.0.4-31" 10.1.0.4 255.255.255.254',
      'set address "Trust" "H-10.1.0.6" 10.1.0.6 255.255.255.255',
    ]);
    expect(statements.filter((l) => / tunnel vpn "t1"$/.test(l)).length).toBe(8);
    expect(warnings.some((w) => w.code === 'ADDRESS_RANGE_SPLIT')).toBe(true);
  });

  it('no "proposal" with nothing after it: a tunnel none of whose phase-1 proposals ScreenOS has is refused, with a warning naming the line', () => {
    const { statements, warnings } = exportA(pair({ changes: { ike: { proposals: [{ encryption: ['aes128gcm16'], integrity: ['sha384'], dhGroups: [19] }], lifetimeSeconds: 28800 } } }));
    for (const l of statements) expect(l).not.toMatch(/proposal\s*$/);
    expect(statements.some((l) => l.startsWith('set ike gateway'))).toBe(false);
    expect(statements.some((l) => l.startsWith('set vpn'))).toBe(false);
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && /set ike gateway/.test(w.message) && /not written/.test(w.message))).toBe(true);
  });

  it('the same for phase 2', () => {
    const { statements, warnings } = exportA(pair({ changes: { esp: { mode: 'tunnel', proposals: [{ encryption: ['chacha20poly1305'], integrity: ['none'], dhGroups: [] }], lifetimeSeconds: 3600 } } }));
    for (const l of statements) expect(l).not.toMatch(/proposal\s*$/);
    expect(statements.some((l) => l.startsWith('set vpn'))).toBe(false);
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && /set vpn/.test(w.message) && /not written/.test(w.message))).toBe(true);
  });

  it('a key with a double quote is refused, never stripped', () => {
    const { text, warnings } = exportA(pair({ psk: 'ab"cd' }), true);
    expect(text).not.toContain('abcd');
    expect(text).not.toContain('preshare "ab');
    expect(warnings.some((w) => w.code === 'VALUE_UNSUPPORTED' && /pre-shared key/.test(w.message))).toBe(true);
  });

  it('a kilobyte lifetime is never dropped silently', () => {
    const { warnings } = exportA(pair({ changes: { esp: { mode: 'tunnel', proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600, lifetimeKilobytes: 100000 } } }));
    expect(warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes('100000'))).toBe(true);
  });

  it('lifetimes outside the range are written as the nearest value, and said', () => {
    const { statements, warnings } = exportA(pair({ changes: { ike: ike(100) } }));
    expect(statements.find((l) => l.startsWith('set ike p1-proposal'))).toMatch(/ second 180$/);
    expect(warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes('100'))).toBe(true);
    expect(computeReport(pair({ changes: { ike: ike(100) } })).tunnels[0]?.diagnostics.some((d) => d.code === 'VALUE_OUT_OF_RANGE' && d.end === 'a')).toBe(true);
  });

  it('monitor destination-ip is written only with a source-interface (the inside interface when none is set)', () => {
    const monitor = { enabled: true, rekey: true, optimized: false, action: 'wait-recover' as const, destinationIp: '10.2.0.1', intervalSeconds: 10, threshold: 10 };
    const { statements, warnings } = exportA(pair({ changes: { monitor } }));
    const line = statements.find((l) => / monitor/.test(l));
    expect(line).toMatch(/monitor source-interface \S+ destination-ip 10\.2\.0\.1 rekey$/);
    expect(warnings.some((w) => /source-interface/.test(w.message))).toBe(true);
  });

  describe('a box already in production', () => {
    const withSecondNetwork = (route: boolean) => {
      const doc = pair();
      const gw = doc.gateways[0] as TopologyDocument['gateways'][number];
      const inner = gw.interfaces.find((x) => x.address?.startsWith('10.1.0.1')) as { name: string };
      doc.networks.push({ ...(doc.networks[0] as TopologyDocument['networks'][number]), id: 'net-9' as TopologyDocument['networks'][number]['id'], name: 'Second LAN', address: '10.5.0.0/16' });
      if (route) gw.routes.push({ destination: '10.5.0.0/16', interface: inner.name, nextHop: '10.1.0.254' });
      return { doc, inner: inner.name };
    };

    it('a route to a second inside network is written with its next hop', () => {
      const { doc, inner } = withSecondNetwork(true);
      const { statements, warnings } = exportA(doc);
      expect(statements).toContain(`set route 10.5.0.0/16 interface ${inner} gateway 10.1.0.254`);
      expect(warnings.filter((w) => w.code === 'ROUTE_MISSING')).toEqual([]);
    });

    it('a second inside network with no route in the design is said', () => {
      const { warnings } = exportA(withSecondNetwork(false).doc);
      expect(warnings.filter((w) => w.code === 'ROUTE_MISSING').map((w) => w.message)).toEqual([expect.stringContaining('10.5.0.0/16')]);
    });

    it('the interfaces it assumes are said, with their addresses', () => {
      const w = exportA(pair()).warnings.find((x) => x.code === 'INTERFACE_ASSUMED');
      expect(w?.message).toContain('198.51.100.1/24');
      expect(w?.message).toContain('10.1.0.1/24');
    });
  });
});
