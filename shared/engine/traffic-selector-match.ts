// How a responder answers proposed traffic selectors, and how an initiator takes the answer, for
// each vendor strategy (see shared/vendors/profile.ts). Selectors here are in the initiator's
// orientation: TSi = initiator's local, TSr = initiator's remote; a responder config is mirrored
// (its local faces TSr, its remote faces TSi).
import { contains, equals, intersect, overlaps } from '../net/selector';
import type { InitiatorNarrowing, ResponderMatch } from '../vendors/kit/profile';
import { dropRedundant, oneOf, reducedOf, sel, type ChildPlan, type PlannedSelector } from './plan';

const NONE: readonly PlannedSelector[] = Object.freeze([]);

export interface NarrowStep {
  config: string;
  received: string;
  match: string | undefined;
}

export type ResponderAnswer =
  | { ok: true; configIndex: number; tsi: readonly PlannedSelector[]; tsr: readonly PlannedSelector[]; steps: NarrowStep[]; score?: number }
  | { ok: false; steps: NarrowStep[] };

/** strongSwan `get_ts_match`: equal +5×round, intersecting +1×round, round counts down from the number received. */
function score(cfg: readonly PlannedSelector[], supplied: readonly PlannedSelector[]): number {
  // Indexed loops: the lists are often shared frozen arrays, which for-of iterates slowly.
  let match = 0;
  let round = supplied.length;
  for (let i = 0; i < supplied.length; i++) {
    const sup = (supplied[i] as PlannedSelector).s;
    for (let j = 0; j < cfg.length; j++) {
      const c = (cfg[j] as PlannedSelector).s;
      if (c === sup || equals(c, sup)) match += round * 5;
      else if (overlaps(c, sup)) match += round;
    }
    round--;
  }
  return match;
}

/** strongSwan `get_traffic_selectors(supplied)`: every config × supplied intersection, redundant ones removed. */
export function narrow(cfg: readonly PlannedSelector[], supplied: readonly PlannedSelector[], steps?: NarrowStep[]): readonly PlannedSelector[] {
  if (!steps && cfg.length === 1 && supplied.length === 1) {
    // One selector each (the usual child): the intersection alone, as a shared list.
    const c = cfg[0] as PlannedSelector;
    const s = supplied[0] as PlannedSelector;
    const x = intersect(c.s, s.s);
    return x ? oneOf(x === c.s ? c : x === s.s ? s : sel(x)) : NONE;
  }
  const result: PlannedSelector[] = [];
  for (let i = 0; i < cfg.length; i++) {
    const c = cfg[i] as PlannedSelector;
    for (let j = 0; j < supplied.length; j++) {
      const s = supplied[j] as PlannedSelector;
      const x = intersect(c.s, s.s);
      if (steps) steps.push({ config: c.text, received: s.text, match: x ? (x === c.s ? c.text : x === s.s ? s.text : sel(x).text) : undefined });
      if (x) result.push(x === c.s ? c : x === s.s ? s : sel(x));
    }
  }
  return dropRedundant(result);
}

/** The first selector as a list, without a new array when it is the only one. */
function first(list: readonly PlannedSelector[]): readonly PlannedSelector[] {
  return list.length === 1 ? list : oneOf(list[0] as PlannedSelector);
}

const NO_STEPS: NarrowStep[] = [];

export function respond(strategy: ResponderMatch, tsi: readonly PlannedSelector[], tsr: readonly PlannedSelector[], configs: readonly ChildPlan[], firstOnly: boolean, withSteps: boolean): ResponderAnswer {
  const steps: NarrowStep[] = withSteps ? [] : NO_STEPS;
  if (tsi.length === 0 || tsr.length === 0) return { ok: false, steps };
  switch (strategy) {
    case 'narrow-score': {
      let best = 0;
      let found = -1;
      for (let i = 0; i < configs.length; i++) {
        const c = configs[i] as ChildPlan;
        const my = score(c.localReduced ?? reducedOf(c).local, tsr);
        if (my === 0) continue;
        const other = score(c.remoteReduced ?? reducedOf(c).remote, tsi);
        if (other !== 0 && my + other > best) {
          best = my + other;
          found = i;
        }
      }
      if (found < 0) return { ok: false, steps };
      const c = configs[found] as ChildPlan;
      let ni = narrow(c.remote, tsi, withSteps ? steps : undefined);
      let nr = narrow(c.local, tsr, withSteps ? steps : undefined);
      if (ni.length === 0 || nr.length === 0) return { ok: false, steps };
      if (firstOnly) {
        if (ni.length > 1) ni = ni.slice(0, 1);
        if (nr.length > 1) nr = nr.slice(0, 1);
      }
      return { ok: true, configIndex: found, tsi: ni, tsr: nr, steps, score: best };
    }
    case 'narrow-first': {
      const pi = tsi[0] as PlannedSelector;
      const pr = tsr[0] as PlannedSelector;
      // A proxy ID that mirrors the proposal exactly wins over an earlier one that only intersects.
      for (let i = 0; i < configs.length; i++) {
        const c = configs[i] as ChildPlan;
        const r = c.remote[0];
        const l = c.local[0];
        if (r && l && equals(r.s, pi.s) && equals(l.s, pr.s)) return { ok: true, configIndex: i, tsi: first(tsi), tsr: first(tsr), steps };
      }
      for (let i = 0; i < configs.length; i++) {
        const c = configs[i] as ChildPlan;
        const r = c.remote[0];
        const l = c.local[0];
        if (!r || !l) continue;
        const xi = intersect(r.s, pi.s);
        const xr = intersect(l.s, pr.s);
        if (xi && xr) {
          const si = xi === pi.s ? pi : xi === r.s ? r : sel(xi);
          const sr = xr === pr.s ? pr : xr === l.s ? l : sel(xr);
          if (withSteps) steps.push({ config: r.text, received: pi.text, match: si.text }, { config: l.text, received: pr.text, match: sr.text });
          return { ok: true, configIndex: i, tsi: si === pi && tsi.length === 1 ? tsi : oneOf(si), tsr: sr === pr && tsr.length === 1 ? tsr : oneOf(sr), steps };
        }
      }
      return { ok: false, steps };
    }
    case 'exact':
    case 'subset': {
      // Accepted as proposed: equal to (exact) or inside (subset) a configured entry, mirrored.
      const accepts = strategy === 'exact' ? equals : contains;
      const pi = tsi[0] as PlannedSelector;
      const pr = tsr[0] as PlannedSelector;
      for (let i = 0; i < configs.length; i++) {
        const c = configs[i] as ChildPlan;
        const r = c.remote[0];
        const l = c.local[0];
        if (r && l && accepts(r.s, pi.s) && accepts(l.s, pr.s)) return { ok: true, configIndex: i, tsi: first(tsi), tsr: first(tsr), steps };
      }
      return { ok: false, steps };
    }
    case 'fit-either-way': {
      // Libreswan narrowing=yes: the IKE SA's own connection (the first entry) with the entry's
      // subnets when both fit inside the proposal ("use END, but must fit within TS"), else the
      // first entry holding the whole proposal, answered as proposed ("use TS, but must fit within END").
      // A proposed range that is not one subnet is refused whole (`Traffic Selector range … invalid: address range is not a subnet`).
      if (!tsi.every(isPrefix) || !tsr.every(isPrefix)) return { ok: false, steps };
      const pi = tsi[0] as PlannedSelector;
      const pr = tsr[0] as PlannedSelector;
      const own = configs[0];
      const ownR = own?.remote[0];
      const ownL = own?.local[0];
      if (ownR && ownL && contains(pi.s, ownR.s) && contains(pr.s, ownL.s)) {
        if (withSteps) steps.push({ config: ownR.text, received: pi.text, match: ownR.text }, { config: ownL.text, received: pr.text, match: ownL.text });
        return { ok: true, configIndex: 0, tsi: equals(pi.s, ownR.s) && tsi.length === 1 ? tsi : oneOf(ownR), tsr: equals(pr.s, ownL.s) && tsr.length === 1 ? tsr : oneOf(ownL), steps };
      }
      for (let i = 0; i < configs.length; i++) {
        const c = configs[i] as ChildPlan;
        const r = c.remote[0];
        const l = c.local[0];
        if (r && l && contains(r.s, pi.s) && contains(l.s, pr.s)) {
          if (withSteps) steps.push({ config: r.text, received: pi.text, match: pi.text }, { config: l.text, received: pr.text, match: pr.text });
          return { ok: true, configIndex: i, tsi: first(tsi), tsr: first(tsr), steps };
        }
      }
      return { ok: false, steps };
    }
    case 'own-policy': {
      // OpenIKED: the last entry (policy_lookup's last match by addresses and identities) answers
      // with all its own selectors; what was proposed is only logged.
      const found = configs.length - 1;
      const c = configs[found];
      if (!c || c.remote.length === 0 || c.local.length === 0) return { ok: false, steps };
      return { ok: true, configIndex: found, tsi: c.remote, tsr: c.local, steps };
    }
  }
}

/** The address range of a selector is one prefix (a.b.c.d/n). */
function isPrefix(p: PlannedSelector): boolean {
  const size = p.s.to - p.s.from + 1n;
  return (size & (size - 1n)) === 0n && p.s.from % size === 0n;
}

function inside(answer: readonly PlannedSelector[], proposed: readonly PlannedSelector[]): boolean {
  for (let i = 0; i < answer.length; i++) {
    const a = answer[i] as PlannedSelector;
    if (proposed.length === 1 && proposed[0] === a) continue;
    let found = false;
    for (let j = 0; j < proposed.length && !found; j++) found = contains((proposed[j] as PlannedSelector).s, a.s);
    if (!found) return false;
  }
  return true;
}

function same(answer: readonly PlannedSelector[], proposed: readonly PlannedSelector[]): boolean {
  return answer.length === 1 && proposed[0] !== undefined && (answer[0] === proposed[0] || equals((answer[0] as PlannedSelector).s, proposed[0].s));
}

/** Each answered selector has the port range of the proposed one it lies in. */
function samePorts(answer: readonly PlannedSelector[], proposed: readonly PlannedSelector[]): boolean {
  return answer.every((a) => proposed.some((p) => contains(p.s, a.s) && p.s.portFrom === a.s.portFrom && p.s.portTo === a.s.portTo));
}

export type InitiatorTake = { ok: true; tsi: readonly PlannedSelector[]; tsr: readonly PlannedSelector[] } | { ok: false; reason: string };

/** The initiator's check of the answered selectors. */
export function initiatorTakes(policy: InitiatorNarrowing, child: ChildPlan, proposedTsi: readonly PlannedSelector[], proposedTsr: readonly PlannedSelector[], answerTsi: readonly PlannedSelector[], answerTsr: readonly PlannedSelector[]): InitiatorTake {
  switch (policy) {
    case 'intersect': {
      const tsi = narrow(child.local, answerTsi);
      const tsr = narrow(child.remote, answerTsr);
      if (tsi.length === 0 || tsr.length === 0) return { ok: false, reason: 'the answered selectors do not intersect the initiator\'s own configuration' };
      return { ok: true, tsi, tsr };
    }
    case 'accept-subset': {
      if (!inside(answerTsi, proposedTsi) || !inside(answerTsr, proposedTsr)) return { ok: false, reason: 'the answered selectors are not inside what was proposed' };
      return { ok: true, tsi: answerTsi, tsr: answerTsr };
    }
    case 'accept-subset-prefix': {
      if (!inside(answerTsi, proposedTsi) || !inside(answerTsr, proposedTsr)) return { ok: false, reason: 'the answered selectors are not inside what was proposed' };
      if (!answerTsi.every(isPrefix) || !answerTsr.every(isPrefix)) return { ok: false, reason: 'the answered selectors are address ranges that are not one prefix, and this initiator takes only subnets' };
      return { ok: true, tsi: answerTsi, tsr: answerTsr };
    }
    case 'accept-subset-same-ports': {
      if (!inside(answerTsi, proposedTsi) || !inside(answerTsr, proposedTsr)) return { ok: false, reason: 'the answered selectors are not inside what was proposed' };
      if (!samePorts(answerTsi, proposedTsi) || !samePorts(answerTsr, proposedTsr)) return { ok: false, reason: 'the answer names other ports than were proposed, which this initiator refuses (narrower addresses or another protocol it accepts)' };
      return { ok: true, tsi: answerTsi, tsr: answerTsr };
    }
    case 'exact-only': {
      if (!same(answerTsi, proposedTsi) || !same(answerTsr, proposedTsr)) return { ok: false, reason: 'the responder narrowed the selectors and this initiator does not accept narrowing' };
      return { ok: true, tsi: answerTsi, tsr: answerTsr };
    }
  }
}
