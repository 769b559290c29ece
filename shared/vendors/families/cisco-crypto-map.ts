// What Cisco ASA and IOS crypto maps share: mirror-image crypto ACLs, the subset rule that depends
// on who initiates, no real IKEv2 narrowing.
import type { ValueLimit } from '../kit/capabilities';
import type { ConfigWriter, TunnelView } from '../kit/export/context';
import type { ResponderMatch, SelectorBehaviour } from '../kit/profile';
import type { RuleInput } from '../kit/rules';

export const CISCO_ACL_DOC = 'Cisco: IPsec crypto map ACLs must be mirror images; "Rejecting IPSec tunnel: no matching crypto map entry" (ASA syslog 713061 / IOS crypto debug)';
export const CISCO_IKEV2_NARROWING = 'strongswan/strongswan#1150 (maintainer): Cisco has no multi-subnet selectors and no real IKEv2 narrowing';
export const CISCO_PFS_DOC = 'Cisco IOS Security Command Reference, set pfs: without a local group, the peer\'s PFS offer is accepted';
export const CISCO_LIFETIME_DOC = 'Cisco IOS Security Configuration Guide, IKE policy: the peer\'s lifetime must be <= the local lifetime';

export function ciscoRules(prefix: string): RuleInput[] {
  return [
    { id: `${prefix}.subset`, statement: 'A proposed selector pair is accepted as proposed when it lies inside a crypto ACL entry (mirrored); a broader proposal is rejected: so a non-mirrored pair comes up only when the narrower side initiates.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.v2.no-narrowing`, statement: 'IKEv2: no real narrowing; only the first selector pair is considered and answered as proposed; an initiator rejects a narrowed answer.', provenance: 'documented', source: CISCO_IKEV2_NARROWING },
    { id: `${prefix}.each-line`, statement: 'Each crypto ACL line negotiates its own SA pair.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.default`, statement: 'A crypto map without an ACL proposes nothing; a VTI (route-based) proposes 0.0.0.0/0 <-> 0.0.0.0/0.', provenance: 'documented', source: 'Cisco IPsec Virtual Tunnel Interface configuration guide' },
    { id: `${prefix}.pfs`, statement: 'Without PFS configured the responder accepts the initiator\'s PFS group; with PFS configured the groups must match.', provenance: 'documented', source: CISCO_PFS_DOC },
    { id: `${prefix}.lifetime`, statement: 'IKEv1: a policy matches only if the initiator\'s lifetime is <= the responder\'s.', provenance: 'documented', source: CISCO_LIFETIME_DOC },
  ];
}

export function ciscoSelectors(prefix: string, policyBased: boolean): SelectorBehaviour {
  const respond: ResponderMatch = 'subset';
  return {
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: respond,
    v2Responder: respond,
    v2Initiator: 'exact-only',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: policyBased ? 'none' : 'any',
    acceptsAnyPfsWhenNoneConfigured: true,
    rules: { v1Propose: `${prefix}.each-line`, v1Respond: `${prefix}.subset`, v2Respond: `${prefix}.v2.no-narrowing`, v2Initiator: `${prefix}.v2.no-narrowing`, default: `${prefix}.default`, pfs: `${prefix}.pfs` },
  };
}

/**
 * A number the box takes only within its range (the product's capability table): written as
 * is, or as the nearest value it takes with a LIFETIME_ADJUSTED warning naming both, so an
 * export never holds a value the box refuses (the engine reports VALUE_OUT_OF_RANGE before).
 */
export function bounded(w: ConfigWriter, t: TunnelView, limit: ValueLimit | undefined, value: number, what: string): number {
  if (!limit || (value >= limit.min && value <= limit.max)) return value;
  const nearest = Math.min(limit.max, Math.max(limit.min, value));
  w.warn('LIFETIME_ADJUSTED', `${what} ${value} is outside ${limit.min}-${limit.max}, the range of ${limit.statement}; written as ${nearest}: change it in the design (on both ends)`, { tunnel: t.tunnel.name });
  return nearest;
}

/**
 * Numbers for ISAKMP/IKE policies, which are global on the box and chosen by priority: one
 * counter per file from a start the user sets (so an export does not take the numbers of
 * policies a box in production already has), each distinct policy written once and reused by
 * every tunnel that offers it. Before, each tunnel's policies were numbered from tunnel × 10, so
 * one tunnel with more than ten combinations overwrote the next tunnel's (IOS) and every
 * combination of one ASA proposal got the same number, leaving only the last.
 */
export class PolicyNumbers {
  private readonly byBody = new Map<string, number>();
  private next: number;
  constructor(
    start: number,
    /** The highest priority the product takes. */
    readonly max: number,
    /** How many policies the product holds, when it says. */
    readonly count = Infinity,
  ) {
    this.next = start;
  }

  /** The policy's number and whether it is new (to write); undefined when no number is left. */
  take(body: string): { n: number; fresh: boolean } | undefined {
    const known = this.byBody.get(body);
    if (known !== undefined) return { n: known, fresh: false };
    if (this.next > this.max || this.byBody.size >= this.count) return undefined;
    const n = this.next++;
    this.byBody.set(body, n);
    return { n, fresh: true };
  }
}
