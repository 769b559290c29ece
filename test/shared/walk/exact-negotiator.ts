// A test double for the engine: IKEv1-style exact, mirrored proxy-ID matching, nothing else.
// Walk and monitor unit tests use it so they test the walk, not the engine; the seed scenarios
// are also run against the real engine (scenarios.test.ts).
import type { Negotiator } from '../../../shared/monitor/negotiator';
import { effectiveProxyIds, otherEnd } from '../../../shared/monitor/negotiator';
import { formatRange, parseAddressSpec } from '../../../shared/net/address';

const norm = (spec: string) => {
  const r = parseAddressSpec(spec);
  return r.ok ? formatRange(r.value) : spec;
};

export const exactNegotiator: Negotiator = (_doc, req) => {
  const mine = effectiveProxyIds(req.tunnel[req.initiator])[req.proxyIndex];
  if (!mine) return { status: 'down', notify: 'INVALID_ID_INFORMATION', reason: 'no such proxy ID' };
  const theirs = effectiveProxyIds(req.tunnel[otherEnd(req.initiator)]);
  const hit = theirs.find((p) => norm(p.local) === norm(mine.remote) && norm(p.remote) === norm(mine.local) && String(p.protocol) === String(mine.protocol));
  if (!hit) return { status: 'down', notify: 'INVALID_ID_INFORMATION', reason: `no proxy ID on the responder mirrors ${norm(mine.local)} ↔ ${norm(mine.remote)}` };
  return { status: 'up', local: [norm(mine.local)], remote: [norm(mine.remote)] };
};

/** A negotiator that fails everything, as a peer with no matching configuration would. */
export const refusingNegotiator: Negotiator = () => ({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN', reason: 'refused' });
