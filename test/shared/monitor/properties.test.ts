// Properties over random topologies, random negotiation outcomes and random event sequences:
// an interface is never UP while every one of its SAs is DOWN, and a walk never delivers
// through a DOWN, missing or dead SA.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument, Vendor } from '../../../shared/model/document';
import { applyEvent, initialMonitorState, type MonitorEvent, type MonitorState } from '../../../shared/monitor/monitor';
import type { Negotiator } from '../../../shared/monitor/negotiator';
import { interfaceStatuses } from '../../../shared/monitor/status';
import { TopologyBuilder } from '../../../shared/templates/build';
import { walkPacket } from '../../../shared/walk/walk';

const VENDORS: Vendor[] = ['panos', 'screenos', 'cisco-asa', 'strongswan', 'junos-srx'];

const arbTopology = fc.record({
  va: fc.constantFrom(...VENDORS),
  vb: fc.constantFrom(...VENDORS),
  oldScreenos: fc.boolean(),
  aPids: fc.subarray([0, 1, 2], { minLength: 0 }),
  bPids: fc.subarray([0, 1, 2], { minLength: 0 }),
  aRoute: fc.constantFrom('10.2.0.0/16', '10.2.0.0/24', 'none'),
  bRoute: fc.constantFrom('10.1.0.0/16', '10.1.0.0/24', 'none'),
  monitor: fc.boolean(),
  rekey: fc.boolean(),
  dpd: fc.boolean(),
  action: fc.constantFrom('wait-recover' as const, 'fail-over' as const),
  pingRemote: fc.constantFrom('10.2.0.1', '10.2.1.1', '10.9.0.1'),
});

type Topo = typeof arbTopology extends fc.Arbitrary<infer T> ? T : never;

function build(t: Topo): TopologyDocument {
  const nets = [['10.1.0.0/24', '10.2.0.0/24'], ['10.1.0.0/24', '10.2.1.0/24'], ['10.1.1.0/24', '10.2.0.0/24']] as const;
  const b = new TopologyBuilder('random');
  const a = b.gateway({ name: 'A', vendor: t.va, osVersion: t.va === 'screenos' && t.oldScreenos ? '6.2.0' : '', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a0', address: '10.1.0.0/24' }, { name: 'a1', address: '10.1.1.0/24' }] });
  const g = b.gateway({ name: 'B', vendor: t.vb, vpnType: t.vb === 'cisco-asa' ? 'policy-based' : 'route-based', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b0', address: '10.2.0.0/24' }, { name: 'b1', address: '10.2.1.0/24' }] });
  const monitor = { enabled: t.monitor, rekey: t.rekey, optimized: false, destinationIp: t.pingRemote, action: t.action, threshold: 2, intervalSeconds: 2 };
  b.tunnel('t', a, g, {
    ikeVersion: 1,
    a: { proxyIds: t.aPids.map((i) => ({ local: nets[i]![0], remote: nets[i]![1] })), routes: t.aRoute === 'none' ? [] : [t.aRoute], changes: { monitor, dpd: { enabled: t.dpd, intervalSeconds: 2 } } },
    b: { proxyIds: t.bPids.map((i) => ({ local: nets[i]![1], remote: nets[i]![0] })), routes: t.bRoute === 'none' ? [] : [t.bRoute], changes: { monitor, dpd: { enabled: t.dpd, intervalSeconds: 2 } } },
  });
  return b.build();
}

/** Negotiation outcomes decided by the test case: request (end, index) succeeds iff its bit is set. */
function negotiatorFrom(bits: number): Negotiator {
  return (_doc, req) => {
    const bit = (req.initiator === 'a' ? 0 : 3) + Math.min(req.proxyIndex, 2);
    if ((bits >> bit) & 1) {
      const pid = req.tunnel[req.initiator].proxyIds[req.proxyIndex];
      const local = pid?.local ?? '0.0.0.0/0';
      const remote = pid?.remote ?? '0.0.0.0/0';
      return { status: 'up', local: [local === 'any' ? '0.0.0.0/0' : local], remote: [remote === 'any' ? '0.0.0.0/0' : remote] };
    }
    return { status: 'down', notify: 'NO_PROPOSAL_CHOSEN', reason: 'test' };
  };
}

const arbEvent = (tid: string) => fc.oneof(
  fc.record({ type: fc.constant('traffic' as const), dt: fc.nat(20_000), end: fc.constantFrom('a' as const, 'b' as const), index: fc.nat(2) }),
  fc.record({ type: fc.constantFrom('rekey' as const), dt: fc.nat(20_000), end: fc.constantFrom('a' as const, 'b' as const), index: fc.nat(2) }),
  fc.record({ type: fc.constantFrom('lifetime-expiry' as const, 'peer-loss' as const, 'peer-recover' as const, 'tick' as const), dt: fc.nat(60_000) }),
  fc.record({ type: fc.constantFrom('dpd-timeout' as const, 'peer-restart' as const), dt: fc.nat(20_000), end: fc.constantFrom('a' as const, 'b' as const) }),
).map((e) => ({ ...e, tid }));

function toEvents(raw: { type: string; dt: number; end?: 'a' | 'b'; index?: number; tid: string }[]): MonitorEvent[] {
  let at = 0;
  return raw.map((e) => {
    at += e.dt;
    const tunnelId = e.tid as MonitorEvent extends { tunnelId: infer T } ? T : never;
    switch (e.type) {
      case 'traffic': return { type: 'traffic', at, tunnelId, end: e.end ?? 'a', index: e.index ?? 0 };
      case 'rekey': return { type: 'rekey', at, tunnelId, end: e.end ?? 'a', index: e.index ?? 0 };
      case 'lifetime-expiry': return { type: 'lifetime-expiry', at, tunnelId };
      case 'peer-loss': return { type: 'peer-loss', at, tunnelId };
      case 'peer-recover': return { type: 'peer-recover', at, tunnelId };
      case 'dpd-timeout': return { type: 'dpd-timeout', at, tunnelId, end: e.end ?? 'a' };
      case 'peer-restart': return { type: 'peer-restart', at, tunnelId, end: e.end ?? 'b' };
      default: return { type: 'tick', at };
    }
  });
}

const TID = 'tun-1';

describe('monitor and walk properties', () => {
  it('an interface is never UP while every SA bound to it is DOWN', () => {
    fc.assert(fc.property(arbTopology, fc.nat(63), fc.array(arbEvent(TID), { maxLength: 25 }), (topo, bits, raw) => {
      const doc = build(topo);
      const negotiate = negotiatorFrom(bits);
      let m: MonitorState = initialMonitorState(doc, 0);
      for (const e of toEvents(raw)) {
        m = applyEvent(doc, m, e, negotiate);
        for (const v of interfaceStatuses(doc, m)) {
          if (v.sas.length > 0 && v.sas.every((s) => s.state === 'DOWN')) expect(v.status).not.toBe('UP');
          // KB6221: a ScreenOS VPN with monitor and rekey is only ever UP or DOWN.
          const gw = doc.gateways.find((g) => g.id === v.gatewayId);
          const end = doc.tunnels[0]?.a.gatewayId === v.gatewayId ? doc.tunnels[0]?.a : doc.tunnels[0]?.b;
          if (gw?.vendor === 'screenos' && v.kind === 'tunnel-interface' && end?.monitor.enabled && end.monitor.rekey) expect(v.status).not.toBe('READY');
        }
      }
    }), { numRuns: 300 });
  });

  it('a walk never delivers through a DOWN, missing, stale or unreachable SA', () => {
    const hosts = ['10.1.0.10', '10.1.1.10', '10.2.0.10', '10.2.1.10'];
    let crossed = 0;
    fc.assert(fc.property(arbTopology, fc.nat(63), fc.array(arbEvent(TID), { maxLength: 15 }), fc.constantFrom(...hosts), fc.constantFrom(...hosts), (topo, bits, raw, from, to) => {
      const doc = build(topo);
      const negotiate = negotiatorFrom(bits);
      const m = toEvents(raw).reduce((s, e) => applyEvent(doc, s, e, negotiate), initialMonitorState(doc, 0));
      const r = walkPacket(doc, { from, to, protocol: 'icmp' }, { negotiate, monitor: m });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const after = r.value.monitor;
      for (const leg of ['forward', 'reply'] as const) {
        const result = leg === 'forward' ? r.value.forward : r.value.reply;
        if (result?.result !== 'delivered') continue;
        for (const step of r.value.steps.filter((s) => s.leg === leg && s.kind === 'encrypt')) {
          crossed += 1;
          const sa = after.sas.find((s) => s.tunnelId === step.sa?.tunnelId && s.end === step.sa?.end && s.index === step.sa?.index);
          expect(sa).toBeDefined();
          expect(step.sa?.state).toBe('ACTIVE');
          expect(sa?.state).toBe('ACTIVE');
          expect(sa?.peerHasSa).toBe(true);
          expect(after.paths[TID]?.reachable).toBe(true);
        }
      }
      // Between the sites, delivery needs an SA: with every negotiation refused and nothing up, nothing crosses.
      if (bits === 0 && m.sas.every((s) => s.state !== 'ACTIVE') && from.slice(0, 4) !== to.slice(0, 4)) {
        expect(r.value.forward.result).not.toBe('delivered');
      }
    }), { numRuns: 300 });
    // The property is not vacuous: some random walks did cross the tunnel.
    expect(crossed).toBeGreaterThan(10);
  });
});
