// An "up but asymmetric" child SA: both ends installed it, with different selectors. Each end
// encrypts only what its own outbound selectors cover and accepts only what its own inbound
// selectors cover, so a packet in the difference leaves one end and is dropped by the other (or
// never enters the tunnel). This reads the report's `installed` pairs; the diagnostic, the packet
// walk and the views all use it, so they say the same thing.
import { contains, parseSelector, type Selector } from '../net/selector';
import type { EndKey } from '../model/document';
import type { InstalledPair, Phase2Result } from './report';

function parsed(list: readonly string[]): Selector[] {
  const out: Selector[] = [];
  for (const t of list) {
    const r = parseSelector(t);
    if (r.ok) out.push(r.value);
  }
  return out;
}

/** Every selector of `inner` lies inside one of `outer`. */
function covered(inner: readonly Selector[], outer: readonly Selector[]): boolean {
  return inner.every((s) => outer.some((o) => contains(o, s)));
}

/** One packet, as the walk sees it: addresses as selectors of one host, with its protocol and port. */
export function pairCovers(pair: InstalledPair, source: Selector, destination: Selector): boolean {
  return parsed(pair.local).some((s) => contains(s, source)) && parsed(pair.remote).some((s) => contains(s, destination));
}

export interface Asymmetry {
  /** The end whose installed selectors are inside the other's (it drops the difference), or undefined when neither is. */
  stricter: 'initiator' | 'responder' | undefined;
  /** The installed pair of each end, each from its own point of view. */
  initiator: InstalledPair;
  responder: InstalledPair;
}

export function asymmetryOf(p: Pick<Phase2Result, 'status' | 'installed'>): Asymmetry | undefined {
  if (p.status !== 'asymmetric' || !p.installed) return undefined;
  const { initiator, responder } = p.installed;
  // The responder's pair in the initiator's orientation.
  const iL = parsed(initiator.local);
  const iR = parsed(initiator.remote);
  const rL = parsed(responder.remote);
  const rR = parsed(responder.local);
  const rInsideI = covered(rL, iL) && covered(rR, iR);
  const iInsideR = covered(iL, rL) && covered(iR, rR);
  const stricter = rInsideI && !iInsideR ? 'responder' : iInsideR && !rInsideI ? 'initiator' : undefined;
  return { stricter, initiator, responder };
}

/**
 * Which end drops a packet of this child travelling from `from`: the sender encrypts it only
 * if its own installed selectors cover it, the receiver accepts it only if its own do.
 * `source`/`destination` are the packet's addresses (with protocol and port). Undefined: both
 * ends cover it and it is carried.
 */
export function droppedBy(p: Pick<Phase2Result, 'installed'>, initiatorEnd: EndKey, from: EndKey, source: Selector, destination: Selector): { end: EndKey; why: 'not-encrypted' | 'not-accepted' } | undefined {
  if (!p.installed) return undefined;
  const responderEnd: EndKey = initiatorEnd === 'a' ? 'b' : 'a';
  const sender = from === initiatorEnd ? p.installed.initiator : p.installed.responder;
  const receiver = from === initiatorEnd ? p.installed.responder : p.installed.initiator;
  const to: EndKey = from === initiatorEnd ? responderEnd : initiatorEnd;
  if (!pairCovers(sender, source, destination)) return { end: from, why: 'not-encrypted' };
  if (!pairCovers(receiver, destination, source)) return { end: to, why: 'not-accepted' };
  return undefined;
}

/** `a <-> b` for a pair, lists space-joined. */
export function pairText(pair: InstalledPair): string {
  return `${pair.local.join(' ')} <-> ${pair.remote.join(' ')}`;
}
