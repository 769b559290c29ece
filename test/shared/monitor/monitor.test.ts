import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../../shared/model/document';
import { applyEvent, initialMonitorState, type MonitorEvent, type MonitorState } from '../../../shared/monitor/monitor';
import { interfaceStatuses, statusOfEnd } from '../../../shared/monitor/status';
import { TopologyBuilder } from '../../../shared/templates/build';
import { screenosMultiProxyId } from '../../../shared/templates/screenos-multi-proxy-id';
import { exactNegotiator, refusingNegotiator } from '../walk/exact-negotiator';

function run(doc: TopologyDocument, events: MonitorEvent[], negotiate = exactNegotiator, start = 0): MonitorState {
  return events.reduce((m, e) => applyEvent(doc, m, e, negotiate), initialMonitorState(doc, start));
}

function ssgPair(peerVendor: 'screenos' | 'cisco-asa', monitor: { enabled: boolean; rekey: boolean; destinationIp?: string }) {
  const b = new TopologyBuilder('pair');
  const a = b.gateway({ name: 'SSG', vendor: 'screenos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a1', address: '10.1.0.0/24' }] });
  const p = b.gateway({ name: 'PEER', vendor: peerVendor, outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b1', address: '10.2.0.0/24' }, { name: 'b2', address: '10.2.1.0/24' }] });
  b.tunnel('t', a, p, {
    ikeVersion: 1,
    a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }, { local: '10.1.0.0/24', remote: '10.2.1.0/24' }], routes: ['10.2.0.0/16'], changes: { monitor: { enabled: monitor.enabled, rekey: monitor.rekey, optimized: false, action: 'wait-recover', threshold: 3, intervalSeconds: 10, ...(monitor.destinationIp ? { destinationIp: monitor.destinationIp } : {}) } } },
    b: { proxyIds: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }, { local: '10.2.1.0/24', remote: '10.1.0.0/24' }], routes: ['10.1.0.0/24'] },
  });
  return b.build();
}

describe('SA lifecycle on the injected clock', () => {
  const doc = ssgPair('screenos', { enabled: false, rekey: false });
  const tid = doc.tunnels[0]!.id;

  it('starts INACTIVE, comes up with traffic, and brings the responder SA up too', () => {
    const m = run(doc, [{ type: 'traffic', at: 5000, tunnelId: tid, end: 'a', index: 0 }]);
    const a0 = m.sas.find((s) => s.end === 'a' && s.index === 0)!;
    expect(a0).toMatchObject({ state: 'ACTIVE', establishedAt: 5000, rule: 'SA-TRAFFIC-INACTIVE', negotiated: { local: ['10.1.0.0/24'], remote: ['10.2.0.0/24'] } });
    expect(m.sas.find((s) => s.end === 'b' && s.index === 0)?.state).toBe('ACTIVE');
    expect(m.sas.find((s) => s.end === 'a' && s.index === 1)?.state).toBe('INACTIVE');
  });

  it('expires at establishedAt + lifetime (tick), to INACTIVE without monitor rekey', () => {
    const life = doc.tunnels[0]!.a.esp.lifetimeSeconds * 1000;
    const before = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'tick', at: life - 1 }]);
    expect(before.sas.find((s) => s.end === 'a' && s.index === 0)?.state).toBe('ACTIVE');
    const after = applyEvent(doc, before, { type: 'tick', at: life }, exactNegotiator);
    expect(after.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'INACTIVE', rule: 'SA-EXPIRY', since: life });
  });

  it('goes DOWN on a failed negotiation and on DPD after a peer loss', () => {
    const failed = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }], refusingNegotiator);
    expect(failed.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'DOWN', notify: 'NO_PROPOSAL_CHOSEN' });
    const dpd = doc.tunnels[0]!.a.dpd.intervalSeconds * 1000 * 3;
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'peer-loss', at: 1000, tunnelId: tid }, { type: 'tick', at: 1000 + dpd - 1 }]);
    expect(m.sas.find((s) => s.end === 'a' && s.index === 0)?.state).toBe('ACTIVE');
    const m2 = applyEvent(doc, m, { type: 'tick', at: 1000 + dpd }, exactNegotiator);
    expect(m2.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'DOWN', rule: 'SA-DPD' });
    // Traffic retries, but the peer does not answer.
    const m3 = applyEvent(doc, m2, { type: 'traffic', at: 1000 + dpd + 1, tunnelId: tid, end: 'a', index: 0 }, exactNegotiator);
    expect(m3.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'DOWN', notify: 'TIMEOUT' });
  });

  it('a rekey gives new SPIs (generation) and keeps the SA ACTIVE', () => {
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'rekey', at: 100, tunnelId: tid, end: 'a', index: 0 }]);
    expect(m.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'ACTIVE', generation: 2, establishedAt: 100, rule: 'SA-REKEY-ACTIVE' });
  });

  it('a peer restart leaves our SA ACTIVE but stale until DPD notices', () => {
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'peer-restart', at: 10, tunnelId: tid, end: 'b' }]);
    expect(m.sas.find((s) => s.end === 'a' && s.index === 0)).toMatchObject({ state: 'ACTIVE', peerHasSa: false, rule: 'SA-PEER-RESTART' });
    expect(m.sas.find((s) => s.end === 'b' && s.index === 0)?.state).toBe('INACTIVE');
    const later = applyEvent(doc, m, { type: 'tick', at: 10 + 30_000 }, exactNegotiator);
    expect(later.sas.find((s) => s.end === 'a' && s.index === 0)?.state).toBe('DOWN');
  });

  it('never changes the state it is given (the UI keeps old states for undo and React)', () => {
    const before = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }]);
    const snapshot = JSON.stringify(before);
    const events: MonitorEvent[] = [
      { type: 'peer-loss', at: 1, tunnelId: tid }, { type: 'tick', at: 60_000 }, { type: 'peer-recover', at: 60_001, tunnelId: tid },
      { type: 'traffic', at: 60_002, tunnelId: tid, end: 'a', index: 1 }, { type: 'peer-restart', at: 60_003, tunnelId: tid, end: 'b' }, { type: 'rekey', at: 60_004, tunnelId: tid, end: 'a' },
    ];
    let m = before;
    for (const e of events) m = applyEvent(doc, m, e, exactNegotiator);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(m.sas).not.toBe(before.sas);
  });

  it('does not let time run backwards', () => {
    const m = run(doc, [{ type: 'tick', at: 5000 }, { type: 'traffic', at: 10, tunnelId: tid, end: 'a', index: 0 }]);
    expect(m.now).toBe(5000);
    expect(m.sas.find((s) => s.end === 'a' && s.index === 0)?.establishedAt).toBe(5000);
  });
});

describe('tunnel-interface status (KB16008 + KB6221)', () => {
  it('ScreenOS peer: UP if any SA is ACTIVE, even with the others DOWN', () => {
    const doc = ssgPair('screenos', { enabled: false, rekey: false });
    const tid = doc.tunnels[0]!.id;
    let m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }]);
    m = applyEvent(doc, m, { type: 'negotiation-failure', at: 1, tunnelId: tid, end: 'a', index: 1, notify: 'NO_PROPOSAL_CHOSEN' }, exactNegotiator);
    const v = statusOfEnd(doc, m, tid, 'a')!;
    expect(v.counting).toBe('all');
    expect(v.status).toBe('UP');
    expect(v.rules.map((r) => r.id)).toEqual(['COUNT-SCREENOS-PEER', 'AGG-ANY-ACTIVE', 'KB6221-NO-MONITOR-UP', 'SCREENOS-ROUTES-UP']);
  });

  it('no monitor: READY while down (nothing detects it)', () => {
    const doc = ssgPair('screenos', { enabled: false, rekey: false });
    const tid = doc.tunnels[0]!.id;
    const m = run(doc, [0, 1].map((index) => ({ type: 'negotiation-failure' as const, at: 0, tunnelId: tid, end: 'a' as const, index, notify: 'NO_PROPOSAL_CHOSEN' })));
    expect(statusOfEnd(doc, m, tid, 'a')).toMatchObject({ status: 'READY', routesInstalled: true });
  });

  it('monitor without rekey: READY at boot, UP once an SA is up, READY again when it goes down', () => {
    const doc = ssgPair('screenos', { enabled: true, rekey: false });
    const tid = doc.tunnels[0]!.id;
    const boot = run(doc, []);
    expect(statusOfEnd(doc, boot, tid, 'a')?.status).toBe('READY');
    const up = applyEvent(doc, boot, { type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, exactNegotiator);
    expect(statusOfEnd(doc, up, tid, 'a')?.status).toBe('UP');
    const down = [{ type: 'peer-loss', at: 1, tunnelId: tid }, { type: 'tick', at: 60_000 }] as MonitorEvent[];
    const m = down.reduce((s, e) => applyEvent(doc, s, e, exactNegotiator), up);
    expect(statusOfEnd(doc, m, tid, 'a')?.status).toBe('READY');
  });

  it('non-ScreenOS peer: only the SA matching the monitor ping counts', () => {
    const doc = ssgPair('cisco-asa', { enabled: true, rekey: true, destinationIp: '10.2.1.1' });
    const tid = doc.tunnels[0]!.id;
    // Only the second proxy ID (remote 10.2.1.0/24) carries the ping.
    let m = run(doc, [{ type: 'negotiation-failure', at: 0, tunnelId: tid, end: 'a', index: 1, notify: 'INVALID_ID_INFORMATION' }, { type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }]);
    let v = statusOfEnd(doc, m, tid, 'a')!;
    expect(v.counting).toBe('ping');
    expect(v.sas.map((s) => [s.index, s.counted])).toEqual([[0, false], [1, true]]);
    expect(v.status).toBe('DOWN');
    // With rekey the monitor renegotiates the matched SA at its next probe.
    m = applyEvent(doc, m, { type: 'tick', at: 10_000 }, exactNegotiator);
    v = statusOfEnd(doc, m, tid, 'a')!;
    expect(v.sas.find((s) => s.index === 1)?.state).toBe('ACTIVE');
    expect(v.status).toBe('UP');
  });

  it('optimized: incoming tunnel traffic counts as the reply a non-ScreenOS peer never sends (A/U instead of A/D)', () => {
    for (const optimized of [false, true]) {
      // No destination-ip: the monitor pings the ASA's own address, which no proxy ID covers.
      const doc = ssgPair('cisco-asa', { enabled: true, rekey: false });
      const t = doc.tunnels[0]!;
      t.a.monitor.optimized = optimized;
      const events: MonitorEvent[] = [{ type: 'traffic', at: 0, tunnelId: t.id, end: 'a', index: 0 }];
      for (let k = 1; k <= 5; k++) events.push({ type: 'traffic', at: k * 10_000 - 1, tunnelId: t.id, end: 'b', index: 0 }, { type: 'tick', at: k * 10_000 });
      const v = statusOfEnd(doc, run(doc, events), t.id, 'a')!;
      expect(v.sas.find((s) => s.index === 0)?.sta).toBe(optimized ? 'A/U' : 'A/D');
      // The interface still counts only an SA matching the ping (KB16008), and none does: READY either way.
      expect(v.counting).toBe('ping');
      expect(v.status).toBe('READY');
    }
  });

  it('the seed 003 template (monitor + rekey): DOWN at boot, never READY, UP after the first probe, A/U on the pinged SAs, A/D on the others', () => {
    const doc = screenosMultiProxyId();
    const t = doc.tunnels[0]!;
    const boot = run(doc, []);
    expect(statusOfEnd(doc, boot, t.id, 'a')).toMatchObject({ status: 'DOWN', counting: 'ping' });
    const probes = t.a.monitor.intervalSeconds * 1000;
    let m = applyEvent(doc, boot, { type: 'tick', at: probes }, exactNegotiator);
    expect(statusOfEnd(doc, m, t.id, 'a')?.status).toBe('UP');
    m = applyEvent(doc, m, { type: 'tick', at: probes * (2 + t.a.monitor.threshold) }, exactNegotiator);
    const v = statusOfEnd(doc, m, t.id, 'a')!;
    // The ping goes from the inside interface (192.168.1.1, the source the export writes when none
    // is set) to 172.16.1.1: only pid-1 (192.168.1.0/24 <-> 172.16.1.0/24) carries it.
    expect(v.sas.map((s) => `${s.proxyId.local}>${s.proxyId.remote}:${s.sta}`)).toEqual(['192.168.1.0/24>172.16.1.0/24:A/U', '192.168.1.0/24>172.16.2.0/24:A/D', '192.168.2.0/24>172.16.1.0/24:A/D', '192.168.2.0/24>172.16.2.0/24:A/D']);
    expect(v.sas.map((s) => s.counted)).toEqual([true, false, false, false]);
    expect(v.status).toBe('UP');
  });

  it('seed 003 template, a non-ScreenOS peer: only the SA the monitor ping matches decides, so deleting its ACL line takes tunnel.1 DOWN although another SA to the same host is up (KB16008)', () => {
    const doc = screenosMultiProxyId();
    const t = doc.tunnels[0]!;
    // The ASA loses "ACL line 1" (172.16.1.0/24 -> 192.168.1.0/24): pid-1 can no longer come up;
    // pid-3 (192.168.2.0/24 <-> 172.16.1.0/24) still can, and also reaches 172.16.1.1.
    t.b.proxyIds = t.b.proxyIds.filter((p) => p.name !== 'ACL line 1');
    const probes = t.a.monitor.intervalSeconds * 1000;
    let m = run(doc, []);
    for (let k = 1; k <= 2 + t.a.monitor.threshold; k++) m = applyEvent(doc, m, { type: 'tick', at: probes * k }, exactNegotiator);
    const v = statusOfEnd(doc, m, t.id, 'a')!;
    expect(v.sas.find((s) => s.proxyId.name === 'pid-3')?.state).toBe('ACTIVE');
    expect(v.sas.filter((s) => s.counted).map((s) => s.proxyId.name)).toEqual(['pid-1']);
    expect(v.status).toBe('DOWN');
  });

  it('seed 003 template: a peer loss takes tunnel.1 DOWN and withdraws its routes; recovery brings it UP', () => {
    const doc = screenosMultiProxyId();
    const t = doc.tunnels[0]!;
    const probe = t.a.monitor.intervalSeconds * 1000;
    let m = run(doc, [{ type: 'tick', at: probe }, { type: 'peer-loss', at: probe + 1, tunnelId: t.id }, { type: 'tick', at: probe * (2 + t.a.monitor.threshold) }]);
    expect(statusOfEnd(doc, m, t.id, 'a')).toMatchObject({ status: 'DOWN', routesInstalled: false });
    m = applyEvent(doc, m, { type: 'peer-recover', at: m.now + 1, tunnelId: t.id }, exactNegotiator);
    m = applyEvent(doc, m, { type: 'tick', at: m.now + 60_000 }, exactNegotiator);
    expect(statusOfEnd(doc, m, t.id, 'a')).toMatchObject({ status: 'UP', routesInstalled: true });
  });

  it('PAN tunnel monitor: wait-recover keeps routes, fail-over withdraws them, after threshold × interval', () => {
    for (const action of ['wait-recover', 'fail-over'] as const) {
      const b = new TopologyBuilder('pan');
      const a = b.gateway({ name: 'PA', vendor: 'panos', outside: '198.51.100.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a', address: '10.1.0.0/24' }] });
      const p = b.gateway({ name: 'P', vendor: 'panos', outside: '203.0.113.2/24', position: { x: 600, y: 300 }, networks: [{ name: 'b', address: '10.2.0.0/24' }] });
      b.tunnel('t', a, p, { a: { routes: ['10.2.0.0/24'], changes: { monitor: { enabled: true, rekey: false, optimized: false, destinationIp: '10.2.0.1', action, threshold: 5, intervalSeconds: 3 } } } });
      const doc = b.build();
      const tid = doc.tunnels[0]!.id;
      let m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a' }, { type: 'tick', at: 3000 }, { type: 'peer-loss', at: 3001, tunnelId: tid }, { type: 'tick', at: 3000 + 4 * 3000 }]);
      expect(statusOfEnd(doc, m, tid, 'a')?.status).toBe('UP');
      m = applyEvent(doc, m, { type: 'tick', at: 3000 + 5 * 3000 }, exactNegotiator);
      const v = statusOfEnd(doc, m, tid, 'a')!;
      expect(v.status).toBe('DOWN');
      expect(v.routesInstalled).toBe(action === 'wait-recover');
      expect(v.rules.at(-1)?.id).toBe(action === 'fail-over' ? 'PAN-MONITOR-FAIL-OVER' : 'PAN-MONITOR-WAIT-RECOVER');
    }
  });

  it('lists a policy-based end by its tunnel, with every SA', () => {
    const doc = screenosMultiProxyId();
    const views = interfaceStatuses(doc, initialMonitorState(doc, 0));
    expect(views.map((v) => `${v.gatewayName}:${v.kind}:${v.name}:${v.sas.length}`)).toEqual(['GATEWAY-1:tunnel-interface:tunnel.1:4', 'GATEWAY-2:policy:test:4']);
  });
});
