// The incremental report: after one edit through the editor, only the affected tunnel is
// recomputed, and the report equals a full recompute.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { computeReport, createReportCache } from '../../../shared/engine/report-cache';
import type { GatewayId, ProxyId, TopologyDocument, TunnelId } from '../../../shared/model/document';
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
