// What a vendor profile tells the engine: how the product proposes and accepts traffic
// selectors, how it answers in phase 1, and how its logs read. Each rule the engine may apply is
// a `Rule` with its provenance, so the report can say how sure it is. One file per vendor, plus
// one line in ./registry.ts.
import type { Gateway, TunnelEnd, Vendor } from '../../model/document';
import type { Notify } from '../../vocabulary/notify';
import type { Rule } from '../../vocabulary/provenance';

/** How a responder answers a proposed selector pair. */
export type ResponderMatch =
  /** strongSwan: choose the child config by score, narrow to every config × proposal intersection. */
  | 'narrow-score'
  /** RFC 7296 / PAN-OS IKEv2: first proxy ID intersecting on both sides; the SA covers the intersection. */
  | 'narrow-first'
  /** The proposal must equal a configured proxy ID (mirrored), protocol and ports included. */
  | 'exact'
  /** The proposal must lie inside a configured entry; it is accepted as proposed (Cisco crypto maps). */
  | 'subset'
  /**
   * Libreswan narrowing=yes: the IKE SA's own entry (the first) is answered with its selectors when
   * the proposal holds them on both ends; otherwise the first entry that holds the proposal on
   * both ends answers the proposal. One end wider and the other narrower, a partial overlap, or a
   * proposed range that is not one prefix is refused: no intersection is ever computed.
   */
  | 'fit-either-way'
  /**
   * OpenIKED: never narrows and never refuses. One entry answers every child of the IKE SA (the
   * policy chosen by addresses and identities only, the last that matches), with all its own
   * selectors, whatever was proposed.
   */
  | 'own-policy';

/** How an IKEv2 initiator treats a narrowed answer. */
export type InitiatorNarrowing =
  /** strongSwan: intersects the answer with its own config; empty fails. */
  | 'intersect'
  /** Accepts anything inside what it proposed. */
  | 'accept-subset'
  /** Accepts an answer inside what it proposed whose addresses are each one prefix (Libreswan narrowing=yes: its selectors are subnets). */
  | 'accept-subset-prefix'
  /** Accepts an answer inside what it proposed with the same ports (narrower addresses, or a protocol where it proposed any: Libreswan's IKEv1 initiator). */
  | 'accept-subset-same-ports'
  /** Only the selectors it proposed (Cisco IOS/ASA, FortiGate without initiator-ts-narrow). */
  | 'exact-only';

/**
 * What an end installs as a child SA's selectors once the exchange succeeded: what was negotiated
 * (RFC 7296 §2.9), or its own configured selectors whatever the other end answered (OpenIKED;
 * Libreswan as IKEv1 initiator). When the two ends install different selectors the child is "up
 * but asymmetric": traffic in the difference is dropped by the stricter end.
 */
export type InstalledSelectors = 'negotiated' | 'own';

/**
 * What an initiator proposes when a packet triggers the negotiation (an acquire from a trap
 * policy, "interesting traffic" on a crypto map, traffic routed into a tunnel interface).
 */
export type PacketTrigger =
  /**
   * The packet's own addresses, protocol and ports as the first TSi/TSr, then the configured
   * selectors (RFC 7296 §2.9: "the first traffic selector … the packet"; strongSwan IKEv2 trap
   * policies). A responder that takes the first pair only may then install a per-host SA.
   */
  | 'packet-first'
  /** Only its configured proxy IDs: the packet picks which one (ACL line, proxy ID), never the selectors. */
  | 'configured';

export interface ProfileContext {
  gateway: Gateway;
  end: TunnelEnd;
}

export interface SelectorBehaviour {
  /** IKEv1 Quick Mode: propose only the first selector of a multi-selector child (strongSwan). */
  v1FirstSelectorOnly: boolean;
  /** Proxy IDs with the same non-empty name form one child with several selectors (strongSwan children). */
  groupByName: boolean;
  v1Responder: ResponderMatch;
  v2Responder: ResponderMatch;
  v2Initiator: InitiatorNarrowing;
  /** How an IKEv1 initiator treats a Quick Mode answer whose IDs differ from what it proposed. Absent: as `v2Initiator`. */
  v1Initiator?: InitiatorNarrowing;
  /** An IKEv2 initiator with several proxy IDs puts them all in one child (FortiGate may). */
  v2AllInOneChild: boolean;
  /** IKEv2 initiator: a child whose configuration equals one already installed on the IKE SA is not established (strongSwan). */
  v2SkipDuplicateChild?: boolean;
  /** Drops a configured selector contained in another of the same child before proposing (strongSwan). */
  dropContainedSelectors?: boolean;
  /** Notify sent when IKEv1 Quick Mode selectors are not acceptable. */
  v1RejectNotify: Notify;
  /** Notify sent when IKEv2 selectors are not acceptable. */
  v2RejectNotify: Notify;
  /** Without proxy IDs: propose 0.0.0.0/0 <-> 0.0.0.0/0 (route-based products), the IKE addresses (strongSwan's `dynamic`), or nothing (a crypto map needs an ACL). */
  defaultSelector: 'any' | 'ike-addresses' | 'none';
  /** What this end installs per role and IKE version; absent means `negotiated`. */
  installs?: Partial<Record<'v1Initiator' | 'v1Responder' | 'v2Initiator' | 'v2Responder', InstalledSelectors>>;
  /**
   * A child refused in IKE_AUTH (the peer's TS_UNACCEPTABLE, or NO_PROPOSAL_CHOSEN either way)
   * takes the whole IKE SA down when this end is in the exchange (OpenIKED), instead of leaving it
   * up without the child (RFC 7296 §2.9).
   */
  childFailureKillsIke?: boolean;
  /** IKEv2 initiator: each child is brought up by an IKE SA of its own, in IKE_AUTH (OpenIKED: one active policy, one IKE SA). */
  v2IkeSaPerChild?: boolean;
  /** When traffic triggers the negotiation: the packet's selector first, or only the configured ones. */
  packetTrigger: PacketTrigger;
  /** Responder without PFS configured accepts whatever PFS group the initiator offers (Cisco `set pfs`). */
  acceptsAnyPfsWhenNoneConfigured: boolean;
  /** Rule ids behind each behaviour above, recorded in the report when used. */
  rules: {
    v1Propose: string;
    v1Respond: string;
    v2Respond: string;
    v2Initiator: string;
    /** Behind `v1Initiator`, when the profile sets it. */
    v1Initiator?: string;
    default: string;
    pfs: string;
    /** What a packet-triggered proposal holds (`packetTrigger`). */
    packetTrigger: string;
    duplicate?: string;
    /** IKEv1 Quick Mode carries one PFS group (strongSwan). */
    v1PfsGroup?: string;
    /** Why this end installs its own selectors (`installs` above), when it does. */
    installs?: string;
    /** Why a refused IKE_AUTH child takes the IKE SA down (`childFailureKillsIke`). */
    childFailure?: string;
    /** Why each child has an IKE SA of its own (`v2IkeSaPerChild`). */
    ikeSaPerChild?: string;
    /** IKEv1 identification payloads carry one port: a port range is proposed as its first port. */
    v1IdPort?: string;
  };
}

export interface Phase1Behaviour {
  /** The responder's IKE proposal order wins (strongSwan: prefer configured proposals). */
  responderOrder: boolean;
  /** Within a proposal the responder takes the first common DH group in its own order, even when the initiator's KE used another common one (IKEv2: INVALID_KE_PAYLOAD asking for it). Needs `responderOrder`. */
  keGroupByResponderOrder?: boolean;
  /** IKEv1 lifetime rule: the initiator's lifetime must be <= the responder's (Cisco ISAKMP policy). */
  v1LifetimeMustNotExceed: boolean;
  /** Answer to an IKE version it does not run: a notify, or silence (the initiator times out). */
  versionMismatch: Notify | 'silent';
  /** IKEv1 initiator: one transform per cipher carrying only the first integrity and first DH group of each proposal (strongSwan). */
  v1FirstTransformOnly?: boolean;
  /** IKEv1 identity not matching: notify sent. */
  v1IdentityNotify: Notify;
  /**
   * IKEv1 Main Mode responder that cannot decrypt message 5 (pre-shared keys differ): the notify
   * it sends (unreadable for the initiator), or nothing. Absent: PAYLOAD_MALFORMED.
   */
  v1PskMismatch?: Notify | 'silent';
  /**
   * As initiator, when the responder's identity is not the one expected. Absent: the initiator
   * checks IDr/IDir in the answer and sends AUTHENTICATION_FAILED itself.
   */
  remoteIdMismatch?: {
    /** IKEv2: the initiator sends the identity it expects as IDr, so a responder that selects its config by IDr (`v2SelectsByIdr`) rejects the IKE_AUTH request. */
    v2SendsIdr: boolean;
    /** IKEv1 Main Mode: the initiator checks IDir in message 6 and deletes the IKE SA (a DELETE, no notify). */
    v1MainDeletes: boolean;
    /** IKEv1 Aggressive Mode: the initiator rejects message 2 with this notify, unencrypted. */
    v1AggressiveNotify: Notify;
    rules: { v2: string; v1Main: string; v1Aggressive: string };
  };
  /** IKEv2 responder: picks its config by the IDr the initiator sent; another identity than its own finds none (AUTHENTICATION_FAILED). */
  v2SelectsByIdr?: boolean;
  /** IKEv1 responder: Aggressive Mode with a pre-shared key is refused with `notify` after message 1 unless `allowed` (a product setting). Absent: accepted. */
  aggressivePsk?: { allowed(gateway: Gateway): boolean; notify: Notify; rule: string };
  /**
   * IKEv1 responder: the exchange mode is part of the peer config, found by identity, so a mode
   * mismatch is answered with `notify` after the message carrying the identity (Aggressive 1, Main
   * 5). Absent: NO_PROPOSAL_CHOSEN after message 1.
   */
  v1ModeByPeerConfig?: { notify: Notify; rule: string };
  rules: { proposal: string; psk: string; version: string; identity: string; v1Transforms?: string; keGroup?: string };
}

export interface LogStyle {
  /** Where the lines are written. */
  source: string;
  /** One log line for an event; `peer` is the peer gateway's IKE address or name. */
  line(event: LogEvent): string;
}

export type LogEvent =
  | { kind: 'ike-initiate'; peer: string; version: 1 | 2 }
  | { kind: 'ike-proposal-selected'; peer: string; proposal: string }
  | { kind: 'ike-no-proposal'; peer: string; attribute: string }
  | { kind: 'ike-established'; peer: string; version: 1 | 2 }
  | { kind: 'auth-failed'; peer: string; why: string }
  | { kind: 'psk-undecryptable'; peer: string }
  | { kind: 'timeout'; peer: string }
  | { kind: 'notify-received'; peer: string; notify: Notify; child?: string }
  | { kind: 'child-proposing'; peer: string; child: string; local: string; remote: string }
  | { kind: 'child-established'; peer: string; child: string; local: string; remote: string }
  | { kind: 'child-ts-rejected'; peer: string; child?: string; local: string; remote: string }
  | { kind: 'child-no-proposal'; peer: string; child: string }
  | { kind: 'child-narrowed'; peer: string; child: string; config: string; received: string; match: string }
  | { kind: 'version-mismatch'; peer: string; version: 1 | 2 }
  | { kind: 'child-duplicate'; peer: string; child: string };

export interface VendorProfile {
  vendor: Vendor;
  label: string;
  selectors(ctx: ProfileContext): SelectorBehaviour;
  phase1: Phase1Behaviour;
  logs: LogStyle;
  /** Every rule this profile may apply, by id. */
  rules: Record<string, Rule>;
}

/** Helper for profiles: a rule table keyed by id. */
export function ruleTable(vendor: string, rules: Omit<Rule, 'vendor'>[]): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const r of rules) out[r.id] = { ...r, vendor };
  return out;
}
