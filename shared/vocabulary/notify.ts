// What a real peer says when something fails, and the outcome words every layer uses.
import { z } from 'zod';

/** Notify messages as real peers send them (RFC 7296 §3.10.1, RFC 2408 §3.14.1). */
export const NOTIFY_TYPES = [
  'NO_PROPOSAL_CHOSEN',
  'AUTHENTICATION_FAILED',
  'INVALID_ID_INFORMATION',
  'TS_UNACCEPTABLE',
  'SINGLE_PAIR_REQUIRED',
  'ADDITIONAL_TS_POSSIBLE',
  'INVALID_KE_PAYLOAD',
  'PAYLOAD_MALFORMED',
  'INVALID_MAJOR_VERSION',
  'INVALID_SYNTAX',
] as const;
export const NotifySchema = z.enum(NOTIFY_TYPES);
export type Notify = z.infer<typeof NotifySchema>;

export function isNotify(value: unknown): value is Notify {
  return typeof value === 'string' && (NOTIFY_TYPES as readonly string[]).includes(value);
}

/** A phase or a selector pair: established or not. */
export const StatusSchema = z.enum(['up', 'down']);
export type Status = z.infer<typeof StatusSchema>;

/**
 * Why a negotiation the monitor or the packet walk started did not bring an SA up: the notify the
 * peer sent, or `TIMEOUT` (no usable answer: a lost peer, an IKEv1 PSK mismatch), or
 * `NOT_PROPOSED` (the initiator's product does not propose this proxy ID at all). A closed union,
 * so every view can name each case.
 */
export type FailureSignal = Notify | 'TIMEOUT' | 'NOT_PROPOSED';
