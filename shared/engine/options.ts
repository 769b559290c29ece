// What a caller can ask of the engine: who initiates, a triggering packet, how much detail.
import type { EndKey } from '../model/document';

/** A packet that triggers the negotiation, from a host behind the initiator (RFC 7296 §2.9). */
export interface TriggerPacket {
  source: string;
  destination: string;
  protocol?: string | number;
  sourcePort?: number;
  destinationPort?: number;
}

export interface NegotiateOptions {
  /** Which end initiates (default: the tunnel's `initiator`, or the other end if that one is passive). */
  initiator?: EndKey;
  packet?: TriggerPacket;
  /**
   * `full` (default): with the message timeline and both sides' log lines. `summary`: every
   * negotiation and diagnostic, without timeline and logs (for whole-topology overviews; ask for
   * one tunnel in full when the user opens it).
   */
  detail?: 'full' | 'summary';
  /** Internal: the fix check's own run on a fixed copy, which does not check fixes again. */
  fixesUnchecked?: boolean;
  /** Internal: `false` leaves out the other initiator and the rekeys (`byInitiator`), for a recomputation that only wants detail. */
  byInitiator?: boolean;
}

export interface ReportOptions {
  /** Per tunnel (by id): who initiates. */
  initiators?: Record<string, EndKey>;
  /** See NegotiateOptions.detail. */
  detail?: 'full' | 'summary';
}
