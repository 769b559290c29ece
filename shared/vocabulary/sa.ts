// The words of the SA lifecycle that the monitor, the packet walk and each vendor's `show`
// output share: an SA's state, the interface status, the monitor's view of a link, the record the
// monitor keeps per SA, and its deterministic SPIs (a hash of the SA's identity, so the same state
// always prints the same `get sa` / `show crypto ipsec sa`, each rekey changes them, and the
// outbound SPI of one end is the inbound SPI of the other).
import type { EndKey, TunnelId } from '../model/document';
import type { FailureSignal } from './notify';

export type SaState = 'INACTIVE' | 'ACTIVE' | 'DOWN';
export type InterfaceStatus = 'UP' | 'READY' | 'DOWN';
/** The VPN monitor's view of one SA's link: pings answered, not answered, or no monitor. */
export type LinkStatus = 'up' | 'down' | 'none';

export interface SaRecord {
  tunnelId: TunnelId;
  end: EndKey;
  /** Index into the end's effective proxy IDs. */
  index: number;
  state: SaState;
  /** When the state last changed (ms of the injected clock). */
  since: number;
  establishedAt?: number;
  /** Number of successful negotiations; gives each new SA its own SPIs. */
  generation: number;
  /** Negotiated selectors, this end's point of view. */
  negotiated?: { local: string[]; remote: string[] };
  /** Up but asymmetric: what the other end installed, from its own point of view (absent: the mirror of `negotiated`). */
  peerInstalled?: { local: string[]; remote: string[] };
  esp?: string;
  notify?: FailureSignal;
  reason?: string;
  /** False once the peer lost this SA (restart) and we have not noticed yet. */
  peerHasSa: boolean;
  staleSince?: number;
  /** Consecutive unanswered VPN-monitor probes through this SA. */
  monitorFailures: number;
  packetsOut: number;
  packetsIn: number;
  /** packetsIn at the last monitor probe (for `optimized`: did tunnel traffic arrive since?). */
  packetsInAtProbe?: number;
  bytesOut: number;
  bytesIn: number;
  /** The rule that produced the current state. */
  rule: string;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function spiOf(sa: SaRecord, direction: 'in' | 'out'): string {
  const sel = sa.negotiated ?? { local: [], remote: [] };
  const aView = sa.end === 'a' ? `${sel.local.join(',')}>${sel.remote.join(',')}` : `${sel.remote.join(',')}>${sel.local.join(',')}`;
  const flow = (sa.end === 'a') === (direction === 'out') ? 'a>b' : 'b>a';
  let h = fnv1a(`${sa.tunnelId}|${aView}|${sa.establishedAt ?? 0}|${flow}`);
  // SPIs 0-255 are reserved (RFC 4303 §2.1).
  if (h < 256) h += 256;
  return h.toString(16).padStart(8, '0');
}
