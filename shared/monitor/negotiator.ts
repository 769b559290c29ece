// What the monitor and the packet walk need from the negotiation engine: the outcome of one
// phase-2 negotiation for one proxy ID of one end, optionally triggered by a packet. The
// engine adapter (engine-negotiator.ts) provides it from the engine's per-selector result;
// tests may pass their own.
import type { EndKey, ProxyId, TopologyDocument, Tunnel, TunnelEnd } from '../model/document';
import type { Packet } from './traffic';
import type { FailureSignal } from '../vocabulary/notify';
import type { Rule } from '../vocabulary/provenance';

export interface NegotiationRequest {
  tunnel: Tunnel;
  /** The end that starts the negotiation (the one with the traffic, or the one rekeying). */
  initiator: EndKey;
  /** Index into the initiator's effective proxy IDs (see effectiveProxyIds). */
  proxyIndex: number;
  /** The packet that triggered it, when traffic did (RFC 7296 §2.9: its selector goes first). */
  packet?: Packet;
}

/** What the initiator put in its proposal when a packet triggered it, and the product rule behind it. */
export interface TriggerProposal {
  /** The packet's own selector went first (the product's rule is packet-first), else only configured ones. */
  packetFirst: boolean;
  /** TSi/TSr (IKEv1: IDci/IDcr) as proposed, initiator's point of view. */
  local: string[];
  remote: string[];
  rule: Rule;
}

export type NegotiationOutcome =
  | {
      status: 'up';
      /** Negotiated selectors from the initiator's point of view, strongSwan notation. */
      local: string[];
      remote: string[];
      /** ESP transform, as the engine names it (for operational output). */
      esp?: string;
      /** Up but asymmetric: what the responder installs, from its own point of view (else the mirror of local/remote). */
      peer?: { local: string[]; remote: string[] };
      provenance?: string;
      trigger?: TriggerProposal;
    }
  | { status: 'down'; notify: FailureSignal; reason: string; provenance?: string; trigger?: TriggerProposal };

export type Negotiator = (doc: TopologyDocument, req: NegotiationRequest) => NegotiationOutcome;

/** The proxy IDs an end negotiates with: its configured ones, else the vendor default any ↔ any. */
export function effectiveProxyIds(end: TunnelEnd): ProxyId[] {
  if (end.proxyIds.length > 0) return end.proxyIds;
  return [{ name: 'default', local: 'any', remote: 'any', protocol: 'any', localPort: 'any', remotePort: 'any' }];
}

export function otherEnd(end: EndKey): EndKey {
  return end === 'a' ? 'b' : 'a';
}
