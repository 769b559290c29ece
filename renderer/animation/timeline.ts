// Turns a tunnel's report into animation steps: who sends each message, which phase it belongs
// to, when phase 1 lights up and when each phase-2 selector's result appears. Pure, so the
// player and the canvas agree and tests can check it without a browser.
import type { Tunnel } from '../../shared/model/document';
import type { ReportTimelineEntry, ReportTunnel } from '../engine/report-types';

export interface AnimationStep {
  label: string;
  detail: string;
  /** true: from the tunnel's A end (the edge's source) to B. */
  fromA: boolean;
  phase: 1 | 2;
  failed: boolean;
  /** The phase-2 result revealed when this message arrives, if any. */
  revealsPhase2?: number;
}

const PHASE1_NAMES = /IKE_SA_INIT|IKE_AUTH|main|aggressive|MM|AM/i;

function entryPhase(e: ReportTimelineEntry): 1 | 2 {
  if (e.phase === 1 || e.phase === '1' || e.phase === 'phase1') return 1;
  if (e.phase === 2 || e.phase === '2' || e.phase === 'phase2') return 2;
  const name = e.exchange ?? e.message ?? '';
  return PHASE1_NAMES.test(name) ? 1 : 2;
}

export function buildSteps(rt: ReportTunnel, tunnel: Tunnel, names: { a: string; b: string }): AnimationStep[] {
  const isA = (who: string | undefined) => who === 'a' || who === names.a || who === tunnel.a.gatewayId;
  const steps: AnimationStep[] = rt.timeline.map((e) => {
    const who = e.from ?? e.sender;
    const fromA = who === undefined ? true : isA(who);
    const label = e.exchange ?? e.message ?? 'message';
    const detail = [e.summary ?? e.payload, e.notify].filter(Boolean).join(' — ');
    const failed = e.status === 'error' || e.status === 'failed' || (e.notify !== undefined && e.notify !== '');
    const step: AnimationStep = { label, detail, fromA, phase: entryPhase(e), failed };
    if (typeof e.phase2Index === 'number') step.revealsPhase2 = e.phase2Index;
    return step;
  });
  // Timelines that do not say which message settles which selector: reveal the results in turn
  // on the phase-2 replies (every second phase-2 message), else on the last message.
  if (!steps.some((s) => s.revealsPhase2 !== undefined) && rt.phase2.length > 0) {
    const p2 = steps.map((s, i) => ({ s, i })).filter((x) => x.s.phase === 2);
    const replies = p2.filter((_, k) => k % 2 === 1);
    const slots = replies.length >= rt.phase2.length ? replies : p2.length >= rt.phase2.length ? p2 : [];
    rt.phase2.forEach((_, k) => {
      const target = slots[k] ?? steps.map((s, i) => ({ s, i }))[steps.length - 1];
      if (target && target.s.revealsPhase2 === undefined) target.s.revealsPhase2 = k;
    });
  } else if (rt.phase2.length > 0) {
    // Make sure every selector has a step, even if the timeline skipped it.
    const revealed = new Set(steps.map((s) => s.revealsPhase2).filter((x) => x !== undefined));
    const last = steps[steps.length - 1];
    rt.phase2.forEach((_, k) => {
      if (!revealed.has(k) && last && last.revealsPhase2 === undefined) last.revealsPhase2 = k;
    });
  }
  return steps;
}

/** Index of the step after which phase 1 counts as established (-1: never in this timeline). */
export function phase1DoneStep(steps: AnimationStep[], rt: ReportTunnel): number {
  if (rt.phase1.status !== 'up') return -1;
  let last = -1;
  steps.forEach((s, i) => {
    if (s.phase === 1) last = i;
  });
  return last;
}

/** Which phase-2 results are visible once `completed` steps have been played. */
export function revealedPhase2(steps: AnimationStep[], completed: number): Set<number> {
  const out = new Set<number>();
  steps.slice(0, completed).forEach((s) => {
    if (s.revealsPhase2 !== undefined) out.add(s.revealsPhase2);
  });
  return out;
}
