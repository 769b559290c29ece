// The monitor panel's buttons act on one SA when one is chosen (traffic, a rekey, a lifetime
// expiry) and on the whole tunnel otherwise; the peer buttons always act on the tunnel. An SA the
// document no longer has is refused, leaving the state as it was. The worker's schema takes
// exactly these shapes.
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../../renderer/report-worker/monitor-session';
import { parseRequest } from '../../../renderer/report-worker/protocol';
import { initialMonitorState } from '../../../shared/monitor/monitor';
import { TEMPLATES } from '../../../shared/templates';

const doc = TEMPLATES.find((t) => t.id === 'screenos-multi-proxy-id')!.build();
const tunnel = doc.tunnels[0]!;
const state = initialMonitorState(doc, 0);

describe('monitor actions on one SA or the whole tunnel', () => {
  it('a lifetime expiry of one SA names that SA only; without one, the tunnel', () => {
    expect(eventsOf(doc, state, { type: 'lifetime-expiry', tunnelId: tunnel.id, sa: { end: 'a', index: 1 } })).toEqual([{ type: 'lifetime-expiry', at: 0, tunnelId: tunnel.id, end: 'a', index: 1 }]);
    expect(eventsOf(doc, state, { type: 'lifetime-expiry', tunnelId: tunnel.id })).toEqual([{ type: 'lifetime-expiry', at: 0, tunnelId: tunnel.id }]);
  });

  it('traffic on one SA is sent from that SA\'s end only; without one, from every SA', () => {
    expect(eventsOf(doc, state, { type: 'traffic', tunnelId: tunnel.id, sa: { end: 'b', index: 0 } })).toEqual([{ type: 'traffic', at: 0, tunnelId: tunnel.id, end: 'b', index: 0 }]);
    expect(eventsOf(doc, state, { type: 'traffic', tunnelId: tunnel.id })?.length).toBe(state.sas.filter((s) => s.tunnelId === tunnel.id).length);
  });

  it('an SA that does not exist is refused (undefined), not applied to the whole tunnel', () => {
    expect(eventsOf(doc, state, { type: 'traffic', tunnelId: tunnel.id, sa: { end: 'a', index: 99 } })).toBeUndefined();
  });

  it('the worker accepts an SA reference on traffic, rekey and expiry only', () => {
    const base = { id: 1, doc: { seq: 1 }, kind: 'monitor', session: 's', ops: null };
    expect(parseRequest({ ...base, actions: [{ type: 'rekey', tunnelId: 't', sa: { end: 'a', index: 0 } }] }).ok).toBe(true);
    expect(parseRequest({ ...base, actions: [{ type: 'peer-loss', tunnelId: 't', sa: { end: 'a', index: 0 } }] }).ok).toBe(false);
    expect(parseRequest({ ...base, actions: [{ type: 'traffic', tunnelId: 't', sa: { end: 'c', index: 0 } }] }).ok).toBe(false);
  });
});
