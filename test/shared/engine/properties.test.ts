// Properties across every vendor pair: mirrored configurations come up; the summary detail agrees
// with the full report; who initiates never changes a mirrored outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import type { ProxyId } from '../../../shared/model/document';
import { VENDOR_MODULES, vendorModule } from '../../../shared/vendors/registry';

const VENDORS = VENDOR_MODULES.map((m) => m.id);
import { pair } from './build';

const octet = fc.integer({ min: 0, max: 255 });
const prefix = (second: number) => fc.tuple(octet, fc.integer({ min: 16, max: 30 })).map(([third, len]) => {
  const size = 2 ** (32 - len);
  const base = ((10 << 24) | (second << 16) | (third << 8)) >>> 0;
  const net = Math.floor(base / size) * size;
  return `${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${len}`;
});
const proto = fc.constantFrom<ProxyId['protocol']>('any', 'tcp', 'udp');
const port = fc.constantFrom('any', '443', '500');
const proxyPair = fc.record({ local: prefix(1), remote: prefix(2), protocol: proto, lp: port, rp: port }).map(({ local, remote, protocol, lp, rp }) => ({
  a: { name: '', local, remote, protocol, localPort: protocol === 'any' ? 'any' : lp, remotePort: protocol === 'any' ? 'any' : rp } satisfies ProxyId,
  b: { name: '', local: remote, remote: local, protocol, localPort: protocol === 'any' ? 'any' : rp, remotePort: protocol === 'any' ? 'any' : lp } satisfies ProxyId,
}));

describe('engine properties', () => {
  it('mirrored proxy IDs come up between every pair of vendors, either way round, IKEv1 and IKEv2', () => {
    fc.assert(fc.property(fc.constantFrom(...VENDORS), fc.constantFrom(...VENDORS), fc.constantFrom(1 as const, 2 as const), fc.array(proxyPair, { minLength: 1, maxLength: 3 }), fc.constantFrom('a' as const, 'b' as const), (va, vb, v, pairs, init) => {
      // Distinct selectors per proxy ID (a vendor may merge or reject duplicates).
      const seen = new Set<string>();
      const distinct = pairs.filter((p) => !seen.has(p.a.local + p.a.remote) && seen.add(p.a.local + p.a.remote));
      // A responder that answers every child of the IKE SA with one policy's own selectors
      // (OpenIKED, 'own-policy') brings up a mirrored configuration only with one proxy ID.
      const first = pair({ a: va, b: vb, v, proxyA: [], proxyB: [] });
      const rk = init === 'a' ? 'b' : 'a';
      const rGw = first.gateways[rk === 'a' ? 0 : 1];
      const ownPolicy = v === 2 && rGw !== undefined && vendorModule(rGw.vendor).profile.selectors({ gateway: rGw, end: first.tunnels[0]![rk] }).v2Responder === 'own-policy';
      const unique = ownPolicy ? distinct.slice(0, 1) : distinct;
      const doc = pair({ a: va, b: vb, v, proxyA: unique.map((p) => p.a), proxyB: unique.map((p) => p.b), gwA: { osVersion: '6.3.0' }, gwB: { osVersion: '6.3.0' } });
      const r = negotiateTunnel(doc, 't1', { initiator: init });
      if (r.status !== 'up') throw new Error(`${va} -> ${vb} v${v} init ${init}: ${JSON.stringify(r.phase2.map((p) => [p.proposed, p.status, p.notify, p.reason]))}`);
      return true;
    }), { numRuns: 400 });
  });

  it('summary detail gives the same outcomes as full detail, without timeline and logs', () => {
    fc.assert(fc.property(fc.constantFrom(...VENDORS), fc.constantFrom(...VENDORS), fc.constantFrom(1 as const, 2 as const), proxyPair, proxyPair, (va, vb, v, p, q) => {
      const doc = pair({ a: va, b: vb, v, proxyA: [p.a], proxyB: [q.b] });
      const full = computeReport(doc);
      const summary = computeReport(doc, { detail: 'summary' });
      const strip = (t: (typeof full.tunnels)[number]) => ({ ...t, detail: '', timeline: [], logs: { a: { ...t.logs.a, lines: [] }, b: { ...t.logs.b, lines: [] } } });
      expect(summary.tunnels.map(strip)).toEqual(full.tunnels.map(strip));
      expect(summary.tunnels[0]?.timeline).toEqual([]);
      expect(full.tunnels[0]?.timeline.length).toBeGreaterThan(0);
      return true;
    }), { numRuns: 150 });
  });
});
