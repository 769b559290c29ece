import { describe, expect, it } from 'vitest';
import { applyEvent, initialMonitorState } from '../../../shared/monitor/monitor';
import { screenosMultiProxyId } from '../../../shared/templates/screenos-multi-proxy-id';
import { TopologyBuilder } from '../../../shared/templates/build';
import { SEED_SCENARIOS } from '../../../shared/templates/scenarios/seed-scenarios';
import { walkPacket, type WalkResult } from '../../../shared/walk/walk';
import { exactNegotiator } from './exact-negotiator';

function ok(r: ReturnType<typeof walkPacket>): WalkResult {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

function twoSites(opts: { aProxy?: { local: string; remote: string }[]; bProxy?: { local: string; remote: string }[]; aRoutes?: string[]; bRoutes?: string[] } = {}) {
  const b = new TopologyBuilder('two sites');
  const a = b.gateway({ name: 'A', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a-lan', address: '10.1.0.0/24' }, { name: 'a-host', address: '10.1.0.10' }] });
  const bb = b.gateway({ name: 'B', vendor: 'strongswan', vpnType: 'route-based', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b-lan', address: '10.2.0.0/24' }, { name: 'b-host', address: '10.2.0.20' }] });
  b.tunnel('a-b', a, bb, {
    ikeVersion: 1,
    a: { proxyIds: opts.aProxy ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], routes: opts.aRoutes ?? ['10.2.0.0/24'] },
    b: { proxyIds: opts.bProxy ?? [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }], routes: opts.bRoutes ?? ['10.1.0.0/24'] },
  });
  return b.build();
}

describe('packet walk', () => {
  it('walks from a host inside a network, never the gateway\'s own address, and says which address it picked', () => {
    const doc = twoSites();
    const r = ok(walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'icmp' }, { negotiate: exactNegotiator }));
    expect(r.summary).toBe('a-lan (10.1.0.10) → b-lan (10.2.0.10): delivered both ways.');
    // A /29 whose .1 is the gateway and that has no .10: its first free host.
    const small = twoSites();
    small.networks = small.networks.map((n) => (n.name === 'a-lan' ? { ...n, address: '10.1.0.0/29' } : n));
    const s = ok(walkPacket(small, { from: 'a-lan', to: 'b-host', protocol: 'icmp' }, { negotiate: exactNegotiator }));
    expect(s.summary.startsWith('a-lan (10.1.0.2) → b-host (10.2.0.20)')).toBe(true);
    // A typed address is walked as typed.
    expect(ok(walkPacket(doc, { from: '10.1.0.1', to: 'b-host', protocol: 'icmp' }, { negotiate: exactNegotiator })).summary.startsWith('10.1.0.1 → b-host (10.2.0.20)')).toBe(true);
  });

  it('delivers both ways over a mirrored tunnel, negotiating on demand', () => {
    const doc = twoSites();
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host', protocol: 'tcp', port: 443 }, { negotiate: exactNegotiator }));
    expect(r.outcome).toBe('delivered');
    expect(r.steps.map((s) => `${s.leg}:${s.kind}:${s.gatewayName}`)).toEqual([
      'forward:source:A', 'forward:route-lookup:A', 'forward:proxy-id-check:A', 'forward:sa:A', 'forward:encrypt:A', 'forward:inbound-check:B', 'forward:route-lookup:B', 'forward:deliver:B',
      'reply:source:B', 'reply:route-lookup:B', 'reply:proxy-id-check:B', 'reply:sa:B', 'reply:encrypt:B', 'reply:inbound-check:A', 'reply:route-lookup:A', 'reply:deliver:A',
    ]);
    // The forward negotiation brought the responder's SA up too: the reply uses it, no second negotiation.
    expect(r.steps.find((s) => s.leg === 'reply' && s.kind === 'sa')?.title).toBe('SA in use');
    expect(r.steps.find((s) => s.kind === 'encrypt')?.highlight.edges).toEqual([doc.tunnels[0]?.id]);
  });

  it('routes into a numbered tunnel interface (next hop in the tunnel subnet) as into an unnumbered one', () => {
    const doc = twoSites();
    const [a, b] = doc.gateways;
    for (const [gw, ip, peer] of [[a!, '169.254.10.1/30', '169.254.10.2'], [b!, '169.254.10.2/30', '169.254.10.1']] as const) {
      const tif = gw.interfaces.find((i) => i.kind === 'tunnel')!;
      tif.address = ip;
      for (const r of gw.routes) r.nextHop = peer;
    }
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator }));
    expect(r.outcome).toBe('delivered');
    // The tunnel subnet itself goes into the tunnel too, not delivered locally.
    const r2 = ok(walkPacket(doc, { from: 'a-host', to: '169.254.10.2' }, { negotiate: exactNegotiator }));
    expect(r2.steps.find((s) => s.kind === 'route-lookup')?.title).toContain('tunnel.1');
    expect(r2.forward).toMatchObject({ result: 'dropped', code: 'PROXY_ID_NO_MATCH' });
  });

  it('ScreenOS with monitor + rekey: at boot tunnel.1 is DOWN and its routes withdrawn; once settled, delivered', () => {
    const doc = screenosMultiProxyId();
    const booting = ok(walkPacket(doc, { from: '192.168.1.10', to: '172.16.2.10', protocol: 'icmp' }, { negotiate: exactNegotiator, monitor: initialMonitorState(doc, 0) }));
    expect(booting.forward).toMatchObject({ result: 'dropped', code: 'NO_ROUTE', gatewayName: 'GATEWAY-1' });
    const settled = ok(walkPacket(doc, { from: '192.168.1.10', to: '172.16.2.10', protocol: 'icmp' }, { negotiate: exactNegotiator }));
    expect(settled.outcome).toBe('delivered');
    expect(settled.steps.find((s) => s.kind === 'sa')?.title).toBe('SA in use');
  });

  it('drops at route lookup when there is no route at all', () => {
    const doc = twoSites({ aRoutes: [] });
    const r = ok(walkPacket(doc, { from: '10.1.0.10', to: '10.2.0.20' }, { negotiate: exactNegotiator }));
    expect(r.outcome).toBe('dropped');
    expect(r.forward).toMatchObject({ result: 'dropped', code: 'NO_ROUTE', step: 'route-lookup', gatewayName: 'A' });
  });

  it('drops traffic routed into the tunnel that matches no proxy ID', () => {
    const doc = twoSites({ aRoutes: ['10.0.0.0/8'] });
    const r = ok(walkPacket(doc, { from: '10.1.0.10', to: '10.3.0.1' }, { negotiate: exactNegotiator }));
    expect(r.forward).toMatchObject({ result: 'dropped', code: 'PROXY_ID_NO_MATCH', step: 'proxy-id-check' });
  });

  it('drops at SA selection when phase 2 fails, with the notify', () => {
    const doc = twoSites({ bProxy: [{ local: '10.2.0.0/25', remote: '10.1.0.0/24' }] });
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator }));
    expect(r.forward).toMatchObject({ result: 'dropped', code: 'SA_NEGOTIATION_FAILED', step: 'sa' });
    expect(r.forward.result !== 'delivered' && r.forward.reason).toContain('INVALID_ID_INFORMATION');
  });

  it('gives one-way when the reply has no route back into the tunnel', () => {
    const doc = twoSites({ bRoutes: [] });
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator }));
    expect(r.outcome).toBe('one-way');
    expect(r.reply).toMatchObject({ result: 'dropped', code: 'NO_ROUTE', gatewayName: 'B' });
  });

  it('drops at the peer after a peer loss, and after the peer restarted (unknown SPI)', () => {
    const doc = twoSites();
    const tid = doc.tunnels[0]!.id;
    const first = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator }));
    const lost = applyEvent(doc, first.monitor, { type: 'peer-loss', at: 1000, tunnelId: tid }, exactNegotiator);
    const r1 = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator, monitor: lost }));
    expect(r1.forward).toMatchObject({ result: 'dropped', code: 'PEER_UNREACHABLE' });
    const restarted = applyEvent(doc, first.monitor, { type: 'peer-restart', at: 1000, tunnelId: tid, end: 'b' }, exactNegotiator);
    const r2 = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator, monitor: restarted }));
    expect(r2.forward).toMatchObject({ result: 'dropped', code: 'UNKNOWN_SPI', gatewayName: 'B' });
  });

  it('applies security policy: no matching allow rule denies', () => {
    const doc = twoSites();
    doc.gateways[1]!.policies.push({ name: 'only-ssh', fromZone: 'any', toZone: 'any', source: 'any', destination: 'any', protocol: 'tcp', port: '22', action: 'allow' });
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host', protocol: 'tcp', port: 443 }, { negotiate: exactNegotiator }));
    expect(r.forward).toMatchObject({ result: 'dropped', code: 'POLICY_DENY', gatewayName: 'B' });
  });

  it('matches the proxy ID on the pre-NAT source, then the strict peer sees the translated source', () => {
    const doc = twoSites();
    doc.gateways[0]!.natRules.push({ name: 'hide', kind: 'source', original: '10.1.0.0/24', translated: '192.0.2.0/24' });
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator }));
    expect(r.steps.some((s) => s.kind === 'proxy-id-check' && s.ok)).toBe(true);
    expect(r.steps.find((s) => s.kind === 'nat-source')?.packet.src).toBe('192.0.2.10');
    expect(r.forward).toMatchObject({ result: 'dropped', code: 'WRONG_SA', step: 'inbound-check' });
  });

  it('matches a proxy ID only when both its local and its remote protocol take the packet', () => {
    const doc = twoSites({ aRoutes: ['10.2.0.0/24'] });
    const pid = doc.tunnels[0]!.a.proxyIds[0]!;
    pid.protocol = 'tcp';
    pid.remoteProtocol = 'udp';
    for (const protocol of ['tcp', 'udp'] as const) {
      const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host', protocol }, { negotiate: exactNegotiator }));
      expect(r.forward).toMatchObject({ code: 'PROXY_ID_NO_MATCH' });
    }
  });

  it('destination NAT before the route lookup, reversed on the reply at the same gateway', () => {
    const doc = twoSites();
    // B publishes 10.2.0.20 as 10.2.0.99 to the tunnel side.
    doc.gateways[1]!.natRules.push({ name: 'publish', kind: 'destination', original: '10.2.0.99', translated: '10.2.0.20' });
    const r = ok(walkPacket(doc, { from: 'a-host', to: '10.2.0.99' }, { negotiate: exactNegotiator }));
    expect(r.outcome).toBe('delivered');
    expect(r.steps.find((s) => s.leg === 'forward' && s.kind === 'nat-destination')?.packet.dst).toBe('10.2.0.20');
    const undo = r.steps.find((s) => s.leg === 'reply' && s.kind === 'nat-source');
    expect(undo?.title).toBe('Reverse destination NAT');
    expect(undo?.packet.src).toBe('10.2.0.99');
    expect(r.steps.filter((s) => s.leg === 'reply').at(-1)?.packet).toMatchObject({ src: '10.2.0.99', dst: '10.1.0.10' });
  });

  it('refuses bad input with stable codes', () => {
    const doc = twoSites();
    expect(walkPacket(doc, { from: '10.1.0.300', to: 'b-host' }, { negotiate: exactNegotiator })).toMatchObject({ ok: false, code: 'UNKNOWN_ENDPOINT' });
    expect(walkPacket(doc, { from: '10.9.9.9', to: 'b-host' }, { negotiate: exactNegotiator })).toMatchObject({ ok: false, code: 'SOURCE_NOT_FOUND' });
    expect(walkPacket(doc, { from: 'a-host', to: '2001:db8::1' }, { negotiate: exactNegotiator })).toMatchObject({ ok: false, code: 'MIXED_FAMILY' });
    expect(walkPacket(doc, { from: 'a-host', to: 'b-host', protocol: 'bogus' }, { negotiate: exactNegotiator })).toMatchObject({ ok: false, code: 'INVALID_PROTOCOL' });
    expect(walkPacket(doc, { from: 'a-host', to: 'b-host', port: 70000 }, { negotiate: exactNegotiator })).toMatchObject({ ok: false, code: 'INVALID_PORT' });
  });

  it('withdraws routes of a PAN tunnel whose fail-over monitor failed, so traffic takes the next route', () => {
    const doc = twoSites({ aRoutes: ['10.2.0.0/24'] });
    const a = doc.gateways[0]!;
    a.routes.push({ destination: '0.0.0.0/0', interface: 'ethernet1/1' });
    const t = doc.tunnels[0]!;
    t.a.monitor = { ...t.a.monitor, enabled: true, destinationIp: '10.2.0.1', action: 'fail-over', threshold: 3, intervalSeconds: 2 };
    let m = initialMonitorState(doc, 0);
    m = applyEvent(doc, m, { type: 'traffic', at: 0, tunnelId: t.id, end: 'a', index: 0 }, exactNegotiator);
    m = applyEvent(doc, m, { type: 'peer-loss', at: 1000, tunnelId: t.id }, exactNegotiator);
    m = applyEvent(doc, m, { type: 'tick', at: 1000 + 3 * 2000 }, exactNegotiator);
    const r = ok(walkPacket(doc, { from: 'a-host', to: 'b-host' }, { negotiate: exactNegotiator, monitor: m }));
    expect(r.forward).toMatchObject({ result: 'blackholed', code: 'UNENCRYPTED_EXIT' });
  });
});

describe('seed scenarios (with the exact-match test negotiator)', () => {
  for (const s of SEED_SCENARIOS) {
    it(`${s.title}: ${s.expected.outcome} at ${s.expected.step} (${s.expected.code})`, () => {
      const r = ok(walkPacket(s.build(), s.walk, { negotiate: exactNegotiator }));
      expect(r.outcome).toBe(s.expected.outcome);
      const failed = r.outcome === 'one-way' ? r.reply : r.forward;
      expect(failed).toMatchObject({ step: s.expected.step, code: s.expected.code });
    });
  }
});
