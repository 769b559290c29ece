// Documents built around the schema (as a stale file, a plugin or a bug could): the engine answers
// with diagnostics, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import type { TopologyDocument } from '../../../shared/model/document';
import { BR, HQ, pair, pid } from './build';

const codes = (doc: TopologyDocument) => negotiateTunnel(doc, 't1').diagnostics.map((d) => d.code);

describe('bad input', () => {
  it('a malformed selector is INVALID_SELECTOR with a fix that removes it', () => {
    const doc = pair({ proxyA: [pid('10.1.1.0/33', BR), pid(HQ, BR)], proxyB: [pid(BR, HQ)] });
    const r = negotiateTunnel(doc, 't1');
    const d = r.diagnostics.find((x) => x.code === 'INVALID_SELECTOR');
    expect(d).toMatchObject({ end: 'a', selector: { proxyIdIndex: 0 }, fix: [{ type: 'proxyId.remove', index: 0 }] });
    expect(r.phase2).toHaveLength(1);
    expect(r.phase2[0]?.status).toBe('up');
  });

  it('mixed address families in one pair', () => {
    expect(codes(pair({ proxyA: [pid(HQ, '2001:db8::/64')] }))).toContain('MIXED_ADDRESS_FAMILIES');
  });

  it('empty IKE and ESP proposal lists', () => {
    const doc = pair();
    (doc.tunnels[0]!.b.ike.proposals as unknown[]) = [];
    const r = negotiateTunnel(doc, 't1');
    expect(r.phase1.status).toBe('down');
    expect(r.diagnostics.map((d) => d.code)).toContain('EMPTY_PROPOSALS');
    const doc2 = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] });
    (doc2.tunnels[0]!.a.esp.proposals as unknown[]) = [];
    const r2 = negotiateTunnel(doc2, 't1');
    expect(r2.phase2[0]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN' });
    expect(r2.diagnostics.map((d) => d.code)).toContain('EMPTY_PROPOSALS');
  });

  it('a tunnel whose gateway is missing', () => {
    const doc = pair();
    doc.gateways = doc.gateways.filter((g) => g.id !== 'gw-b');
    const r = negotiateTunnel(doc, 't1');
    expect(r.phase1).toMatchObject({ status: 'down', failure: 'gateway-missing' });
    expect(r.diagnostics[0]).toMatchObject({ code: 'GATEWAY_MISSING', fix: [{ type: 'tunnel.remove', id: 't1' }] });
    expect(computeReport(doc).summary.down).toBe(1);
  });

  it('an unknown tunnel id', () => {
    const r = negotiateTunnel(pair(), 'nope');
    expect(r.diagnostics[0]?.code).toBe('GATEWAY_MISSING');
    expect(r.phase1.reason).toContain('nope');
  });

  it('garbage in proxy ID fields, proposals and ends never throws', () => {
    const junk = fc.oneof(fc.string(), fc.constant(undefined), fc.constant(null), fc.integer(), fc.constant('10.0.0.0/8'), fc.constant('any6'), fc.constant('1.2.3.4-1.2.3.1'));
    fc.assert(fc.property(fc.array(fc.record({ local: junk, remote: junk, protocol: junk, localPort: junk, remotePort: junk, name: junk }), { maxLength: 4 }), fc.boolean(), fc.constantFrom(1, 2), (ids, emptyEsp, v) => {
      const doc = pair({ a: 'strongswan', b: 'cisco-asa', v: v as 1 | 2, proxyA: ids as never, proxyB: [pid(BR, HQ)] });
      if (emptyEsp) (doc.tunnels[0]!.b.esp.proposals as unknown[]) = [];
      const r = computeReport(doc);
      JSON.stringify(r);
      return r.tunnels.length === 1;
    }), { numRuns: 300 });
  });

  it('a document without arrays', () => {
    const r = computeReport({ formatVersion: 2 } as unknown as TopologyDocument);
    expect(r.tunnels).toEqual([]);
  });
});
