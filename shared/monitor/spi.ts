// Deterministic SPIs for simulated SAs: a hash of the SA's identity, so the same state always
// prints the same `get sa` / `show crypto ipsec sa`, each rekey changes them, and the outbound
// SPI of one end is the inbound SPI of the other (both ends hash the same a-side view).
import type { SaRecord } from './monitor';

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
