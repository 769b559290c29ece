// Who initiates: the tunnel negotiated with each end as initiator, and a phase-2 rekey started by
// either end over the established IKE SA, in brief. The chosen initiator's run is the report's own
// (reused as it is); the other direction runs once without detail, and a rekey is the children of
// the end that starts it negotiated as CREATE_CHILD_SA / Quick Mode over that direction's phase 1
// (reused: a rekey needs no new phase 1). When the outcomes differ, the tunnel gets a statement
// and a finding that says which end fails to initiate and why, from that run's own reason.
import type { EndKey } from '../model/document';
import { diagnoseTunnel } from './diagnostics';
import { other, type NegotiationRun } from './negotiation-run';
import { phase1 } from './phase1';
import { phase2 } from './phase2';
import type { Provenance } from '../vocabulary/provenance';
import type { ByInitiator, Diagnostic, InitiatorOutcome, Phase1Result, Phase2Result, RekeyOutcome, SelectorOutcome } from './report';
import { tunnelVerdict } from './verdict';

/** One direction's negotiation: its run (for the gateways and diagnostics), phase 1 and phase 2. */
export interface Direction {
  run: NegotiationRun;
  p1: Phase1Result;
  p2: Phase2Result[];
}

/** A fresh run of the same tunnel (same plans) with this end as initiator, without detail. */
export type MakeRun = (initiator: EndKey) => NegotiationRun;

const ENDS = ['a', 'b'] as const;

function selectorsOf(p2: readonly Phase2Result[]): SelectorOutcome[] {
  return p2.map((p) => ({ name: p.name, local: p.proposed.local, remote: p.proposed.remote, status: p.status, ...(p.notify ? { notify: p.notify } : {}) }));
}

function statusOf(p1: Phase1Result, p2: readonly Phase2Result[]): 'up' | 'partial' | 'down' {
  let up = 0;
  for (const p of p2) if (p.status !== 'down') up++;
  return p1.status === 'down' || up === 0 ? 'down' : up === p2.length ? 'up' : 'partial';
}

function rekeyOutcome(p2: readonly Phase2Result[], selectors: (p2: readonly Phase2Result[]) => SelectorOutcome[]): RekeyOutcome {
  if (p2.length === 0) return { status: 'none', phase2: [] };
  let up = 0;
  for (const p of p2) if (p.status !== 'down') up++;
  const status = up === p2.length ? 'up' : up === 0 ? 'down' : 'partial';
  const failed = p2.find((p) => p.status === 'down');
  const reason = failed ? `${failed.name} ${failed.proposed.local} <-> ${failed.proposed.remote}: ${failed.notify ?? 'failed'}${failed.reason ? ` (${failed.reason})` : ''}` : undefined;
  return { status, phase2: selectors(p2), ...(reason ? { reason } : {}) };
}

/** Both directions, the rekeys, and (when they differ) the statement and findings to add to the chosen run. */
export function initiatorOutcomes(chosen: Direction, makeRun: MakeRun, withFixes: boolean): { byInitiator: ByInitiator; diagnostics: Diagnostic[] } {
  const { tunnel, gateways } = chosen.run;
  const chosenEnd = chosen.run.initiatorEnd;
  const otherRun = makeRun(other(chosenEnd));
  const otherP1 = phase1(otherRun);
  const dirs: Record<EndKey, Direction> = { a: chosen, b: chosen };
  dirs[other(chosenEnd)] = { run: otherRun, p1: otherP1, p2: phase2(otherRun, otherP1, undefined) };

  // A rekey from an end depends on the IKE SA only through its state and the group it agreed
  // (IKEv1 Quick Mode may carry it): the two directions usually share one run per end.
  const rekeys = new Map<string, { run: NegotiationRun; p2: Phase2Result[] }>();
  const rekeyRun = (end: EndKey, p1: Phase1Result): { run: NegotiationRun; p2: Phase2Result[] } => {
    const key = `${end}|${p1.proposal?.dhGroup ?? ''}`;
    let r = rekeys.get(key);
    // The end's own initial run is its rekey when its phase 1 came up with the same group and no
    // child rode IKE_AUTH with a PFS mismatch deferred: the CREATE_CHILD_SA's KE changes nothing
    // else (matchEsp), and IKEv1 Quick Mode is the same exchange either time.
    const own = dirs[end];
    if (!r && own.p1.status === 'up' && own.p1.proposal?.dhGroup === p1.proposal?.dhGroup && own.p2[0]?.pfs?.status !== 'deferred') {
      r = { run: own.run, p2: own.p2 };
      rekeys.set(key, r);
    }
    if (!r) {
      const run = makeRun(end);
      run.rekey = true;
      r = { run, p2: phase2(run, p1, undefined) };
      rekeys.set(key, r);
    }
    return r;
  };
  const rekeyFrom = (end: EndKey, p1: Phase1Result): Phase2Result[] => rekeyRun(end, p1).p2;

  // One summary per phase-2 run: a rekey that reuses a direction's own run shares its list and
  // outcome (the same objects, twice in the report: no copy for each IKE SA).
  const selectorMemo = new Map<readonly Phase2Result[], SelectorOutcome[]>();
  const selectors = (p2: readonly Phase2Result[]): SelectorOutcome[] => {
    let list = selectorMemo.get(p2);
    if (!list) selectorMemo.set(p2, (list = selectorsOf(p2)));
    return list;
  };
  const rekeyMemo = new Map<readonly Phase2Result[], RekeyOutcome>();
  const rekeyOf = (p2: readonly Phase2Result[]): RekeyOutcome => {
    let r = rekeyMemo.get(p2);
    if (!r) rekeyMemo.set(p2, (r = rekeyOutcome(p2, selectors)));
    return r;
  };
  const outcome = (k: EndKey): InitiatorOutcome => {
    const d = dirs[k];
    const verdict = tunnelVerdict({ phase1: d.p1, phase2: d.p2, initiator: gateways[k].name });
    const rekey = d.p1.status === 'up' ? { a: rekeyOf(rekeyFrom('a', d.p1)), b: rekeyOf(rekeyFrom('b', d.p1)) } : undefined;
    return {
      initiator: gateways[k].name,
      ...(tunnel[k].passive ? { passive: true } : {}),
      phase1: d.p1.status,
      ...(d.p1.notify ? { notify: d.p1.notify } : {}),
      status: statusOf(d.p1, d.p2),
      comesUp: verdict.comesUp,
      phase2: selectors(d.p2),
      ...(!verdict.comesUp ? { reason: verdict.reason } : {}),
      ...(rekey ? { rekey } : {}),
    };
  };
  const a = outcome('a');
  const b = outcome('b');
  const out = { a, b };

  const sameInitial = a.comesUp === b.comesUp && a.status === b.status && a.phase1 === b.phase1 && a.phase2.length === b.phase2.length && a.phase2.every((p, i) => p.status === b.phase2[i]?.status);
  // Rekeys that fail over an IKE SA whose tunnel comes up, by the end that starts them (an IKE
  // SA a passive end would initiate is never established).
  const rekeyFails: { end: EndKey; rekey: RekeyOutcome; p1: Phase1Result }[] = [];
  for (const k of ENDS) {
    const o = out[k];
    if (!o.comesUp || !o.rekey || o.passive) continue;
    for (const e of ENDS) {
      const r = o.rekey[e];
      if ((r.status === 'down' || r.status === 'partial') && !rekeyFails.some((x) => x.end === e)) rekeyFails.push({ end: e, rekey: r, p1: dirs[k].p1 });
    }
  }
  const agree = sameInitial && rekeyFails.length === 0;
  const diagnostics: Diagnostic[] = [];
  const parts: string[] = [];
  const name = (k: EndKey) => gateways[k].name;
  if (!sameInitial && !a.passive && !b.passive) {
    if (a.comesUp !== b.comesUp) {
      const up: EndKey = a.comesUp ? 'a' : 'b';
      const down = other(up);
      parts.push(`comes up only when ${name(up)} initiates`);
      const reason = out[down].reason ?? '';
      const d: Diagnostic = {
        code: 'INITIATOR_DEPENDENT',
        severity: 'warning',
        end: down,
        gateway: name(down),
        message: `"${tunnel.name}" comes up only when ${name(up)} initiates: when ${name(down)} initiates, ${reason}.`,
        fix: [],
        provenance: provenanceOf(dirs[down].run, dirs[down].p1, dirs[down].p2),
      };
      // The fix of the failing direction's own finding, if it has one; the fix check (run on the
      // whole report, both directions included) keeps it only if it helps and breaks nothing.
      if (withFixes) {
        const failing = dirs[down];
        if (failing !== chosen) diagnoseTunnel(failing.run, failing.p1, failing.p2);
        const cause = failing.run.diagnostics.find((x) => (x.severity === 'error' || x.severity === 'warning') && x.fix.length > 0);
        if (cause) {
          d.fix = cause.fix;
          if (cause.fixLabel) d.fixLabel = cause.fixLabel;
        }
      }
      diagnostics.push(d);
    } else if (a.status !== b.status) {
      // Neither comes up, one partly: worth saying. Both down, however differently, is one verdict.
      parts.push(`differs by initiator: when ${name('a')} initiates ${brief(a)}, when ${name('b')} initiates ${brief(b)}`);
    }
  }
  for (const { end, rekey, p1 } of rekeyFails) {
    const worst = rekey.phase2.find((p) => p.status === 'down');
    parts.push(`a rekey started by ${name(end)} fails${worst?.notify ? ` (${worst.notify})` : ''}`);
    // A PFS mismatch hidden by the first IKEv2 child already has its finding (PFS_MISMATCH_AT_REKEY).
    const { run: rekeyed, p2: raw } = rekeyRun(end, p1);
    const pfsOnly = raw.every((p) => p.status !== 'down' || p.failedAttribute === 'pfs');
    if (pfsOnly && chosen.run.diagnostics.some((x) => x.code === 'PFS_MISMATCH_AT_REKEY')) continue;
    // The end fails to initiate for the same reason: that finding says it.
    if (diagnostics.some((x) => x.code === 'INITIATOR_DEPENDENT' && x.end === end) && out[end].reason?.includes(rekey.reason ?? '\u0000')) continue;
    diagnostics.push({
      code: 'REKEY_FAILS',
      severity: 'warning',
      end,
      gateway: name(end),
      message: `A phase-2 rekey started by ${name(end)} (${rekeyExchange(dirs[end])}) fails: ${rekey.reason ?? 'no child comes up'}.`,
      fix: [],
      provenance: provenanceOf(rekeyed, p1, raw),
    });
  }
  const statement = parts.length ? capitalise(parts.join('; ')) : undefined;
  return { byInitiator: { a, b, agree, ...(statement ? { statement } : {}) }, diagnostics };
}

const RANK: Record<Provenance, number> = { verified: 0, documented: 1, assumed: 2 };

/** The weakest provenance of the rules that decided a failure (phase 1's, else the failing children's). */
function provenanceOf(run: NegotiationRun, p1: Phase1Result, p2: readonly Phase2Result[]): Provenance {
  const ids = p1.status === 'down' ? p1.rules : p2.filter((p) => p.status === 'down').flatMap((p) => p.rules);
  let worst: Provenance | undefined;
  for (const r of run.rules()) if (ids.includes(r.id) && (worst === undefined || RANK[r.provenance] > RANK[worst])) worst = r.provenance;
  return worst ?? 'assumed';
}

function rekeyExchange(d: Direction): string {
  return d.run.end(d.run.initiatorEnd).ikeVersion === 1 ? 'Quick Mode' : 'CREATE_CHILD_SA';
}

function brief(o: InitiatorOutcome): string {
  if (o.phase1 === 'down') return `phase 1 fails${o.notify ? ` (${o.notify})` : ''}`;
  const up = o.phase2.filter((p) => p.status !== 'down').length;
  return o.phase2.length === 0 ? 'no phase-2 SA is proposed' : `${up} of ${o.phase2.length} selector${o.phase2.length === 1 ? '' : 's'} up`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
