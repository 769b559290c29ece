// The incremental report: after one edit through the editor, only the affected tunnel is
// recomputed, and the report equals a full recompute.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { capacityDiagnostics } from '../../../shared/engine/diagnostics';
import { computeReport, createReportCache } from '../../../shared/engine/report-cache';
import type { GatewayId, ProxyId, TopologyDocument, Tunnel, TunnelId } from '../../../shared/model/document';
import { documentOf, newGateway, newNetwork, newTunnel } from '../../../shared/document/factory';

const pid = (local: string, remote: string): ProxyId => ({ name: '', local, remote, protocol: 'any', localPort: 'any', remotePort: 'any' });

function hub(spokes: number): TopologyDocument {
  const h = newGateway({ id: 'hub', name: 'HUB', vendor: 'panos', position: { x: 0, y: 0 }, outsideAddress: '203.0.113.1/24' });
  const gateways = [h];
  const tunnels = [];
  const networks = [newNetwork({ id: 'n-hub', name: 'hq', address: '10.0.0.0/16', gatewayId: 'hub' as GatewayId, position: { x: 0, y: 0 } })];
  for (let i = 0; i < spokes; i++) {
    const s = newGateway({ id: `s${i}`, name: `S${i}`, vendor: i % 2 ? 'strongswan' : 'cisco-asa', position: { x: i, y: 1 }, outsideAddress: `198.51.100.${i + 1}/24` });
    gateways.push(s);
    networks.push(newNetwork({ id: `n${i}`, name: `net${i}`, address: `10.1.${i}.0/24`, gatewayId: s.id, position: { x: i, y: 2 } }));
    const t = newTunnel({ id: `t${i}`, name: `hub-s${i}`, a: h, b: s, ikeVersion: 1 });
    t.a = { ...t.a, auth: { method: 'psk', psk: 'k' }, proxyIds: [pid('10.0.0.0/16', `10.1.${i}.0/24`)] };
    t.b = { ...t.b, auth: { method: 'psk', psk: 'k' }, proxyIds: [pid(`10.1.${i}.0/24`, '10.0.0.0/16')] };
    tunnels.push(t);
  }
  return documentOf({ gateways, networks, tunnels });
}

describe('createReportCache', () => {
  it('recomputes only the edited tunnel and matches a full recompute', () => {
    const editor = new Editor(hub(20));
    const cache = createReportCache();
    const first = cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(20);
    expect(first.summary).toMatchObject({ tunnels: 20, up: 20 });

    const same = cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(0);
    expect(same.tunnels[3]).toBe(first.tunnels[3]);

    editor.dispatch({ type: 'proxyId.update', tunnelId: 't7' as TunnelId, end: 'b', index: 0, changes: { remote: '10.9.0.0/16' } });
    const after = cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(1);
    expect(after.tunnels[7]?.status).toBe('down');
    expect(after.tunnels[6]).toBe(first.tunnels[6]);
    expect(after.summary).toMatchObject({ up: 19, down: 1 });
    expect(after).toEqual(computeReport(editor.document));
  });

  it('a gateway edit recomputes its tunnels; a network edit recomputes the tunnels of its gateway', () => {
    const editor = new Editor(hub(10));
    const cache = createReportCache();
    cache.compute(editor.document);
    editor.dispatch({ type: 'gateway.update', id: 's4' as GatewayId, changes: { osVersion: '5.9.9' } });
    cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(1);
    editor.dispatch({ type: 'gateway.update', id: 'hub' as GatewayId, changes: { model: 'PA-5260' } });
    cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(10);
    editor.dispatch({ type: 'network.update', id: 'n2' as never, changes: { name: 'renamed' } });
    cache.compute(editor.document);
    expect(cache.lastRecomputed).toBe(1);
  });

  it('a changed initiator or detail recomputes; removed tunnels disappear', () => {
    const editor = new Editor(hub(5));
    const cache = createReportCache();
    cache.compute(editor.document);
    cache.compute(editor.document, { initiators: { t1: 'b' } });
    expect(cache.lastRecomputed).toBe(1);
    cache.compute(editor.document, { initiators: { t1: 'b' }, detail: 'summary' });
    expect(cache.lastRecomputed).toBe(5);
    editor.dispatch({ type: 'tunnel.remove', id: 't0' as TunnelId });
    const r = cache.compute(editor.document, { initiators: { t1: 'b' }, detail: 'summary' });
    expect(cache.lastRecomputed).toBe(0);
    expect(r.tunnels.map((t) => t.tunnelId)).not.toContain('t0');
  });
});

describe('parsed ends', () => {
  it('a strongSwan end without proxy IDs follows the peer\'s IKE address when the peer changes', () => {
    const a = newGateway({ id: 'a', name: 'A', vendor: 'strongswan', position: { x: 0, y: 0 }, outsideAddress: '192.0.2.1/24' });
    const b = newGateway({ id: 'b', name: 'B', vendor: 'strongswan', position: { x: 1, y: 0 }, outsideAddress: '192.0.2.2/24' });
    const t = newTunnel({ id: 't', name: 't', a, b });
    const editor = new Editor(documentOf({ gateways: [a, b], tunnels: [t] }));
    const cache = createReportCache();
    expect(cache.compute(editor.document).tunnels[0]?.phase2[0]?.proposed).toEqual({ local: '192.0.2.1/32', remote: '192.0.2.2/32' });
    editor.dispatch({ type: 'gateway.update', id: 'b' as GatewayId, changes: { interfaces: [{ name: 'eth0', kind: 'physical', address: '198.51.100.9/24' }] } });
    expect(cache.compute(editor.document).tunnels[0]?.phase2[0]?.proposed).toEqual({ local: '192.0.2.1/32', remote: '198.51.100.9/32' });
  });
});

describe('the cache against a full recompute, over random edits', () => {
  // An SSG-5 hub holds 40 tunnels and counts each proxy ID (Juniper SSG5 datasheet); it starts
  // with 42, so the diagnostic, which quotes the count, shows any count that is off by one: the capacity diagnostic the cache keeps by moving
  // only an edited tunnel's count must be the one counted from scratch.
  const base = (): TopologyDocument => {
    const h = { ...newGateway({ id: 'hub', name: 'HUB', vendor: 'screenos', position: { x: 0, y: 0 }, outsideAddress: '203.0.113.1/24' }), model: 'SSG-5' };
    const gateways = [h];
    const tunnels = [];
    for (let i = 0; i < 7; i++) {
      const s = { ...newGateway({ id: `s${i}`, name: `S${i}`, vendor: i % 2 ? 'panos' : 'strongswan', position: { x: i, y: 1 }, outsideAddress: `198.51.100.${i + 1}/24` }), model: i % 2 ? 'PA-220' : '' };
      gateways.push(s);
      const t = newTunnel({ id: `t${i}`, name: `hub-s${i}`, a: h, b: s, ikeVersion: 2 });
      const ids = Array.from({ length: 6 }, (_, j) => pid(`10.0.${j}.0/24`, `10.1.${i}.${j * 16}/28`));
      t.a = { ...t.a, auth: { method: 'psk', psk: 'k' }, proxyIds: ids };
      t.b = { ...t.b, auth: { method: 'psk', psk: 'k' }, proxyIds: ids.map((p) => pid(p.remote, p.local)) };
      tunnels.push(t);
    }
    return documentOf({ gateways, tunnels });
  };
  const tunnelIds = ['t0', 't1', 't2', 't3', 't4', 't5', 't6'] as TunnelId[];
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), t: fc.constantFrom(...tunnelIds), end: fc.constantFrom('a' as const, 'b' as const), j: fc.integer({ min: 0, max: 15 }) }),
    fc.record({ kind: fc.constant('remove' as const), t: fc.constantFrom(...tunnelIds), end: fc.constantFrom('a' as const, 'b' as const) }),
    fc.record({ kind: fc.constant('model' as const), model: fc.constantFrom('SSG-5', 'SSG-140', '') }),
    fc.record({ kind: fc.constant('drop-tunnel' as const), t: fc.constantFrom(...tunnelIds) }),
    fc.record({ kind: fc.constant('new-tunnel' as const), spoke: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('rename-gateway' as const), spoke: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('options' as const), initiator: fc.option(fc.constantFrom(...tunnelIds)), summary: fc.boolean() }),
  );
  it('every report, summary and capacity diagnostic equals the one computed from scratch', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const editor = new Editor(base());
        const cache = createReportCache();
        let options: { initiators?: Record<string, 'a' | 'b'>; detail?: 'summary' } = {};
        cache.compute(editor.document, options);
        let added = 0;
        for (const e of edits) {
          const doc = editor.document;
          const has = (id: TunnelId) => doc.tunnels.find((t) => t.id === id);
          if (e.kind === 'add' && has(e.t)) editor.dispatch({ type: 'proxyId.add', tunnelId: e.t, end: e.end, proxyId: pid(`10.2.${e.j}.0/24`, `10.3.${e.j}.0/24`) });
          if (e.kind === 'remove' && (has(e.t)?.[e.end].proxyIds.length ?? 0) > 0) editor.dispatch({ type: 'proxyId.remove', tunnelId: e.t, end: e.end, index: 0 });
          if (e.kind === 'model') editor.dispatch({ type: 'gateway.update', id: 'hub' as GatewayId, changes: { model: e.model } });
          if (e.kind === 'drop-tunnel' && has(e.t)) editor.dispatch({ type: 'tunnel.remove', id: e.t });
          if (e.kind === 'new-tunnel') {
            const hubGw = doc.gateways.find((g) => g.id === 'hub');
            const spoke = doc.gateways.find((g) => g.id === `s${e.spoke}`);
            const id = `n${added++}`;
            if (hubGw && spoke) {
              const t = newTunnel({ id, name: id, a: hubGw, b: spoke });
              editor.dispatch({ type: 'tunnel.add', tunnel: { ...t, a: { ...t.a, proxyIds: [pid('10.9.0.0/24', '10.8.0.0/24')] }, b: { ...t.b, proxyIds: [pid('10.8.0.0/24', '10.9.0.0/24')] } } });
            }
          }
          if (e.kind === 'rename-gateway') editor.dispatch({ type: 'gateway.update', id: `s${e.spoke}` as GatewayId, changes: { name: `S${e.spoke}-${added++}` } });
          if (e.kind === 'options') options = { ...(e.initiator ? { initiators: { [e.initiator]: 'b' as const } } : {}), ...(e.summary ? { detail: 'summary' as const } : {}) };
          const incremental = cache.compute(editor.document, options);
          const scratch = computeReport(editor.document, options);
          expect(incremental.summary).toEqual(scratch.summary);
          expect(incremental.diagnostics).toEqual(capacityDiagnostics(editor.document));
          expect(incremental.diagnostics).toEqual(scratch.diagnostics);
          expect(incremental.tunnels.map((t) => [t.tunnelId, t.status, t.phase2.map((p) => p.status)])).toEqual(scratch.tunnels.map((t) => [t.tunnelId, t.status, t.phase2.map((p) => p.status)]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a document with two tunnels of one id (which the schema never loads) is still counted right', () => {
    const doc = base();
    const twice: TopologyDocument = { ...doc, tunnels: [...doc.tunnels, { ...(doc.tunnels[0] as Tunnel), name: 'again' }] };
    const cache = createReportCache();
    for (let i = 0; i < 3; i++) expect(cache.compute(twice).diagnostics).toEqual(capacityDiagnostics(twice));
    expect(capacityDiagnostics(twice).length).toBe(1);
    expect(cache.compute(doc).diagnostics).toEqual(capacityDiagnostics(doc));
  });
});
