// The timeline carries the values each message puts on the wire (proposals offered and chosen,
// KE group, identities, selectors as sent and as narrowed, notify data), so the negotiation player
// shows what the report says rather than payload names only.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import type { DhGroup } from '../../../shared/model/document';
import { BR, HQ, pair, pid } from './build';

const run = (doc: ReturnType<typeof pair>) => negotiateTunnel(doc, 't1', {});
const ike = (dhGroups: DhGroup[]) => ({ proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups }], lifetimeSeconds: 28800 });

describe('timeline values', () => {
  it('IKEv2: proposals offered and chosen, KE groups, INVALID_KE_PAYLOAD data, IDs, TSi/TSr sent and narrowed', () => {
    const r = run(pair({
      a: 'strongswan', b: 'strongswan',
      proxyA: [pid('10.1.0.0/16', '10.2.0.0/16')], proxyB: [pid(BR, HQ)],
      endA: { ike: ike([14, 19]) }, endB: { ike: ike([19]) },
    }));
    expect(r.phase2[0]?.status).toBe('up');
    const [req0, invalidKe, retry, resp0, authReq, authResp] = r.timeline;
    expect(req0).toMatchObject({ exchange: 'IKE_SA_INIT', message: 'request 0', keGroup: 14 });
    expect(req0?.proposals?.[0]).toContain('MODP_2048');
    expect(req0?.proposals?.[0]).toContain('ECP_256');
    expect(invalidKe).toMatchObject({ notify: 'INVALID_KE_PAYLOAD', notifyData: 'DH group 19' });
    expect(retry).toMatchObject({ keGroup: 19 });
    expect(resp0).toMatchObject({ keGroup: 19 });
    expect(resp0?.chosen).toBe('AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ECP_256');
    expect(authReq).toMatchObject({ exchange: 'IKE_AUTH', ids: { i: 'address 203.0.113.1' }, ts: { i: ['10.1.0.0/16'], r: ['10.2.0.0/16'] } });
    expect(authReq?.proposals?.length).toBeGreaterThan(0);
    expect(authResp).toMatchObject({ exchange: 'IKE_AUTH', ids: { r: 'address 198.51.100.1' }, ts: { i: [HQ], r: [BR] } });
    expect(authResp?.chosen).toBeTruthy();
  });

  it('IKEv1 Quick Mode with PFS carries KE; IDci/IDcr as sent and as answered', () => {
    const esp = { proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups: [14 as const] }], lifetimeSeconds: 3600, mode: 'tunnel' as const };
    const r = run(pair({ a: 'strongswan', b: 'strongswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endA: { esp }, endB: { esp } }));
    expect(r.phase2[0]?.status).toBe('up');
    const mm1 = r.timeline.find((m) => m.exchange === 'MAIN_MODE' && m.message === '1');
    expect(mm1?.proposals?.length).toBeGreaterThan(0);
    const mm2 = r.timeline.find((m) => m.exchange === 'MAIN_MODE' && m.message === '2');
    expect(mm2?.chosen).toContain('MODP');
    expect(r.timeline.find((m) => m.exchange === 'MAIN_MODE' && m.message === '3')?.keGroup).toBeTypeOf('number');
    expect(r.timeline.find((m) => m.exchange === 'MAIN_MODE' && m.message === '5')?.ids).toEqual({ i: 'address 203.0.113.1' });
    const qm1 = r.timeline.find((m) => m.exchange === 'QUICK_MODE' && m.message === '1');
    const qm2 = r.timeline.find((m) => m.exchange === 'QUICK_MODE' && m.message === '2');
    expect(qm1).toMatchObject({ keGroup: 14, ts: { i: [HQ], r: [BR] } });
    expect(qm1?.summary).toContain('KE');
    expect(qm1?.proposals?.[0]).toContain('MODP_2048');
    expect(qm2).toMatchObject({ keGroup: 14, ts: { i: [HQ], r: [BR] } });
    expect(qm2?.summary).toContain('KE');
    expect(qm2?.chosen).toContain('AES_CBC_256');
  });

  it('a rejected selector: the notify and the selectors it refuses', () => {
    const r = run(pair({ a: 'strongswan', b: 'strongswan', proxyA: [pid(HQ, BR)], proxyB: [pid('10.9.0.0/24', HQ)] }));
    expect(r.phase2[0]?.status).toBe('down');
    const notify = r.timeline.find((m) => m.phase2Index === 0 && m.notify !== undefined);
    expect(notify?.notify).toBe('TS_UNACCEPTABLE');
    expect(notify?.notifyData).toContain(HQ);
  });
});
