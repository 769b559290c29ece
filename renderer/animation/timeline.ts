// Turns a tunnel's report into animation steps: who sends each message, which phase it belongs
// to, when phase 1 lights up and when each phase-2 selector's result appears. Pure, so the
// player and the canvas agree and tests can check it without a browser.
import type { TimelineEntry, TunnelReport } from '../../shared/engine/report';

export interface AnimationStep {
  label: string;
  detail: string;
  /** true: from the tunnel's A end (the edge's source) to B. */
  fromA: boolean;
  phase: 1 | 2;
  /** The message carries a notify, or is never answered or cannot be read. */
  failed: boolean;
  /** The phase-2 result revealed when this message arrives, if any. */
  revealsPhase2?: number;
  /** The values the message carries, from the report's timeline entry, in display order. */
  values: StepValue[];
}

export interface StepValue {
  label: string;
  value: string;
}

const V1_EXCHANGES = new Set<TimelineEntry['exchange']>(['MAIN_MODE', 'AGGRESSIVE_MODE', 'QUICK_MODE', 'INFORMATIONAL_V1']);

/** What a message carries, labelled as the RFCs name the payloads (IKEv1 IDii/IDci, IKEv2 IDi/TSi). */
export function valuesOf(e: TimelineEntry, initiatorEnd: TimelineEntry['from']): StepValue[] {
  const v1 = V1_EXCHANGES.has(e.exchange);
  const out: StepValue[] = [];
  if (e.proposals && e.proposals.length > 0) out.push({ label: e.proposals.length === 1 ? 'Offered' : `Offered (${e.proposals.length})`, value: e.proposals.join(' | ') });
  if (e.chosen) out.push({ label: 'Chosen', value: e.chosen });
  if (e.keGroup !== undefined) out.push({ label: 'KE', value: `DH group ${e.keGroup}` });
  // A nonce is random per exchange, so its value cannot be predicted: the player says what it is
  // and how long it may be (RFC 7296 §3.9: 16 to 256 octets; RFC 2409 §5: 8 to 256 bytes).
  const nonce = /(?:^|\s)(Ni|Nr)(?=\s|$)/.exec(e.summary)?.[1];
  if (nonce) out.push({ label: nonce, value: `random, ${v1 ? '8' : '16'} to 256 octets, new for this exchange (${v1 ? 'RFC 2409 §5' : 'RFC 7296 §3.9'})` });
  if (e.ids?.i) out.push({ label: v1 ? 'IDii' : 'IDi', value: e.ids.i });
  if (e.ids?.r) out.push({ label: v1 ? 'IDir' : 'IDr', value: e.ids.r });
  if (e.ts) {
    const how = e.from === initiatorEnd ? 'sent' : 'narrowed';
    const [i, r] = e.exchange === 'QUICK_MODE' ? ['IDci', 'IDcr'] : ['TSi', 'TSr'];
    out.push({ label: `${i} (${how})`, value: e.ts.i.join(', ') }, { label: `${r} (${how})`, value: e.ts.r.join(', ') });
  }
  if (e.notify) out.push({ label: 'Notify', value: e.notifyData ? `${e.notify}: ${e.notifyData}` : e.notify });
  return out;
}

const EXCHANGE_LABEL: Record<TimelineEntry['exchange'], string> = {
  IKE_SA_INIT: 'IKE_SA_INIT',
  IKE_AUTH: 'IKE_AUTH',
  CREATE_CHILD_SA: 'CREATE_CHILD_SA',
  INFORMATIONAL: 'INFORMATIONAL',
  MAIN_MODE: 'Main Mode',
  AGGRESSIVE_MODE: 'Aggressive Mode',
  QUICK_MODE: 'Quick Mode',
  INFORMATIONAL_V1: 'Informational',
};

const PHASE1_EXCHANGES = new Set<TimelineEntry['exchange']>(['IKE_SA_INIT', 'IKE_AUTH', 'MAIN_MODE', 'AGGRESSIVE_MODE']);

export function buildSteps(rt: TunnelReport): AnimationStep[] {
  const steps: AnimationStep[] = rt.timeline.map((e) => {
    const label = `${EXCHANGE_LABEL[e.exchange]} ${e.message}`.trim();
    const detail = [e.summary, e.notify ? `notify ${e.notify}` : '', e.unanswered ? 'no answer (retransmits)' : '', e.unreadable ? 'cannot be decrypted' : ''].filter(Boolean).join(' — ');
    const step: AnimationStep = {
      label,
      detail,
      fromA: e.from === 'a',
      // IKE_AUTH also carries the first child SA; it still completes phase 1.
      phase: PHASE1_EXCHANGES.has(e.exchange) ? 1 : 2,
      failed: e.notify !== undefined || e.unanswered === true || e.unreadable === true,
      values: valuesOf(e, rt.initiatorEnd),
    };
    return step;
  });
  // A selector's result is known when the last message of its exchange arrives.
  rt.timeline.forEach((e, i) => {
    if (e.phase2Index === undefined) return;
    const later = rt.timeline.slice(i + 1).some((x) => x.phase2Index === e.phase2Index);
    if (!later) steps[i]!.revealsPhase2 = e.phase2Index;
  });
  // Selectors the timeline does not carry (phase 1 failed, or a summary report) show at the end.
  const revealed = new Set(steps.map((s) => s.revealsPhase2).filter((x): x is number => x !== undefined));
  const last = steps[steps.length - 1];
  if (last && last.revealsPhase2 === undefined) {
    const missing = rt.phase2.map((p) => p.index).find((k) => !revealed.has(k));
    if (missing !== undefined) last.revealsPhase2 = missing;
  }
  return steps;
}

/** Index of the step after which phase 1 counts as established (-1: never in this timeline). */
export function phase1DoneStep(steps: AnimationStep[], rt: TunnelReport): number {
  if (rt.phase1.status !== 'up') return -1;
  let last = -1;
  steps.forEach((s, i) => {
    if (s.phase === 1) last = i;
  });
  return last;
}

/** Which phase-2 results are visible once `completed` steps have been played (all at the end). */
export function revealedPhase2(steps: AnimationStep[], completed: number, rt: TunnelReport): Set<number> {
  const out = new Set<number>();
  if (completed >= steps.length && steps.length > 0) {
    for (const p of rt.phase2) out.add(p.index);
    return out;
  }
  steps.slice(0, completed).forEach((s) => {
    if (s.revealsPhase2 !== undefined) out.add(s.revealsPhase2);
  });
  return out;
}
