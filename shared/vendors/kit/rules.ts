// Rules most products share (RFC behaviour), so each profile names only what is its own.
import type { Rule } from '../../vocabulary/provenance';

export type RuleInput = Omit<Rule, 'vendor'>;

/** Phase-1 rules stated by the RFCs; a profile lists them with the provenance it can claim. */
export function phase1Rules(prefix: string, provenance: Rule['provenance'], source: string): RuleInput[] {
  return [
    { id: `${prefix}.ike.proposal`, statement: 'Phase 1 needs one proposal with a common encryption, integrity/PRF and DH group; otherwise the responder sends NO_PROPOSAL_CHOSEN.', provenance, source },
    { id: `${prefix}.ike.psk`, statement: 'Both ends must hold the same pre-shared key: IKEv2 answers AUTHENTICATION_FAILED; in IKEv1 the responder cannot decrypt message 5 (PAYLOAD_MALFORMED) and the initiator times out.', provenance, source },
    { id: `${prefix}.ike.version`, statement: 'Both ends must run the same IKE version.', provenance, source },
    { id: `${prefix}.ike.identity`, statement: 'The identity each end sends must be the one the peer expects (default: the IKE address).', provenance, source },
  ];
}

export const RFC7296 = 'RFC 7296 §2.9, §3.10.1';
export const RFC2409 = 'RFC 2409 (IKEv1), RFC 2408 §3.14.1 notify types';

import type { LogEvent } from './profile';

/** Plain log lines; a vendor overrides the events its engineers grep for. */
export function plainLine(prefix: string, e: LogEvent): string {
  switch (e.kind) {
    case 'ike-initiate': return `${prefix}initiating IKEv${e.version} to ${e.peer}`;
    case 'ike-proposal-selected': return `${prefix}phase 1 proposal selected with ${e.peer}: ${e.proposal}`;
    case 'ike-no-proposal': return `${prefix}phase 1 negotiation with ${e.peer} failed: no proposal chosen (${e.attribute})`;
    case 'ike-established': return `${prefix}IKEv${e.version} SA with ${e.peer} established`;
    case 'auth-failed': return `${prefix}authentication with ${e.peer} failed: ${e.why}`;
    case 'psk-undecryptable': return `${prefix}could not decrypt message from ${e.peer} (pre-shared key mismatch?)`;
    case 'timeout': return `${prefix}no response from ${e.peer}, giving up`;
    case 'notify-received': return `${prefix}received notify ${e.notify} from ${e.peer}${e.child ? ` for ${e.child}` : ''}`;
    case 'child-proposing': return `${prefix}phase 2 ${e.child}: proposing ${e.local} <-> ${e.remote}`;
    case 'child-established': return `${prefix}phase 2 ${e.child} established: ${e.local} <-> ${e.remote}`;
    case 'child-ts-rejected': return `${prefix}phase 2 rejected: no proxy ID matches proposed local ${e.remote} remote ${e.local}`;
    case 'child-no-proposal': return `${prefix}phase 2 ${e.child}: no proposal chosen`;
    case 'child-narrowed': return `${prefix}phase 2 selector narrowed: config ${e.config}, received ${e.received}, match ${e.match}`;
    case 'version-mismatch': return `${prefix}ignoring IKEv${e.version} packet from ${e.peer}: version not configured`;
    case 'child-duplicate': return `${prefix}not establishing ${e.child}: an identical SA is already installed`;
  }
}

/** `10.1.0.0/24` -> `10.1.0.0/255.255.255.0` as Cisco and ScreenOS print proxies. */
export function withMask(sel: string): string {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)/.exec(sel);
  if (!m) return sel;
  const len = Number(m[2]);
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return `${m[1]}/${[24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.')}`;
}
