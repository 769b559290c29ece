// Entry points for other suites: run an interop case (two swanctl.conf files written from it)
// or a pair of ready-made swanctl configurations, and compare observations.
import { sideSwanctlConf } from './config';
import { defaultLoAddresses, runSwanctlPair } from './pair';
import { selectorSet } from './selector';
import type { OracleCase, OracleObserved, SwanctlPairRequest } from './types';
import { OracleError } from './types';

export { runSwanctlPair, defaultLoAddresses };
export type { OracleCase, OracleObserved, SwanctlPairRequest };

/** The two swanctl.conf files an interop case stands for. */
export function caseConfs(c: OracleCase): { initiatorConf: string; responderConf: string } {
  return { initiatorConf: sideSwanctlConf(c, 'initiator'), responderConf: sideSwanctlConf(c, 'responder') };
}

/** Negotiates an interop case between two real charon daemons. */
export function runInteropCase(c: OracleCase, options: Pick<SwanctlPairRequest, 'timeoutMs' | 'keepFiles' | 'withLogs'> = {}): Promise<OracleObserved> {
  let confs: { initiatorConf: string; responderConf: string };
  try {
    for (const name of c.initiate) {
      if (!c.initiator.children.some((ch) => ch.name === name)) throw new OracleError('BAD_REQUEST', `case ${c.id}: initiate names "${name}", which the initiator does not have`);
    }
    confs = caseConfs(c);
  } catch (e) {
    return Promise.reject(e);
  }
  return runSwanctlPair({ label: c.id, ...confs, initiate: c.initiate, ...options });
}

/** The comparable part of an observation: what the engine predicts and charon decides. */
export interface ComparableObserved {
  ike: 'up' | 'down';
  children: Record<string, { status: 'up' | 'down'; initiator_local_ts?: string[]; initiator_remote_ts?: string[]; responder_config?: string }>;
  notifies_received_by_initiator: string[];
  notifies_sent_by_responder: string[];
}

/**
 * Canonical form for comparison: selectors and notifies as sorted sets (strongSwan reorders
 * selectors; a notify repeated per child is one fact), ranges and ports normalised.
 */
export function canonical(o: ComparableObserved): ComparableObserved {
  const children: ComparableObserved['children'] = {};
  for (const name of Object.keys(o.children).sort()) {
    const ch = o.children[name];
    if (!ch) continue;
    children[name] =
      ch.status === 'up'
        ? {
            status: 'up',
            initiator_local_ts: selectorSet(ch.initiator_local_ts),
            initiator_remote_ts: selectorSet(ch.initiator_remote_ts),
            ...(ch.responder_config !== undefined ? { responder_config: ch.responder_config } : {}),
          }
        : { status: 'down' };
  }
  return {
    ike: o.ike,
    children,
    notifies_received_by_initiator: [...new Set(o.notifies_received_by_initiator)].sort(),
    notifies_sent_by_responder: [...new Set(o.notifies_sent_by_responder)].sort(),
  };
}

/** Human-readable differences between two observations (empty when they agree). */
export function differences(expected: ComparableObserved, actual: ComparableObserved): string[] {
  const e = canonical(expected);
  const a = canonical(actual);
  const out: string[] = [];
  if (e.ike !== a.ike) out.push(`ike: expected ${e.ike}, got ${a.ike}`);
  for (const name of new Set([...Object.keys(e.children), ...Object.keys(a.children)])) {
    const ec = e.children[name];
    const ac = a.children[name];
    if (!ec || !ac) {
      out.push(`child ${name}: ${ec ? 'missing' : 'unexpected'}`);
      continue;
    }
    if (ec.status !== ac.status) out.push(`child ${name}: expected ${ec.status}, got ${ac.status}`);
    else if (ec.status === 'up') {
      for (const key of ['initiator_local_ts', 'initiator_remote_ts', 'responder_config'] as const) {
        const ev = JSON.stringify(ec[key]);
        const av = JSON.stringify(ac[key]);
        if (ev !== av) out.push(`child ${name} ${key}: expected ${ev}, got ${av}`);
      }
    }
  }
  for (const key of ['notifies_received_by_initiator', 'notifies_sent_by_responder'] as const) {
    const ev = JSON.stringify(e[key]);
    const av = JSON.stringify(a[key]);
    if (ev !== av) out.push(`${key}: expected ${ev}, got ${av}`);
  }
  return out;
}
