// A one-click fix is offered only once the engine has run on a copy with the fix applied and
// seen it help: the finding it targets goes away or more of the tunnel comes up, and nothing
// gets worse (no selector that was up goes down, no new finding, no route that would send a
// network behind the gateway into the tunnel). A finding that is a symptom of another on the same
// proxy ID (a reversed selector) is marked so, and the root cause's fix is the one offered.
import { produce } from 'immer';
import { applyCommand, type Command } from '../commands/commands';
import { emptyDocument, type EndKey, type Gateway, type Network, type TopologyDocument, type Tunnel } from '../model/document';
import { addressRelation } from '../net/selector';
import { parseAddressSpec } from '../net/address';
import type { Diagnostic, DiagnosticCode, TunnelReport } from './report';

/** Recomputes the tunnel on the fixed copy (summary detail, without checking fixes again). */
export type Recompute = (tunnel: Tunnel, a: Gateway | undefined, b: Gateway | undefined, networks: Record<EndKey, readonly Network[]>) => TunnelReport;

/** Findings that are the cause of the others on the same end and proxy ID. */
const ROOT_CAUSES: readonly DiagnosticCode[] = ['SELECTOR_REVERSED'];

const keyOf = (d: Diagnostic) => `${d.code}|${d.end ?? ''}|${d.selector?.proxyIdIndex ?? ''}|${d.selector?.remote ?? ''}|${d.phase2Index ?? ''}`;
const serious = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';
/** Selectors with an SA, asymmetric ones included ("up but asymmetric": each end installed its own). */
const upCount = (r: Pick<TunnelReport, 'phase2'>) => r.phase2.filter((p) => p.status === 'up' || p.status === 'asymmetric').length;

/** A route the fix adds that covers a network behind the same gateway: that LAN's traffic would go into the tunnel. */
function harmfulRoute(cmds: readonly Command[], networks: readonly Network[]): string | undefined {
  for (const c of cmds) {
    if (c.type !== 'route.add') continue;
    const dest = parseAddressSpec(c.route.destination);
    if (!dest.ok) continue;
    const own = networks.find((n) => {
      if (n.gatewayId !== c.gatewayId) return false;
      const r = parseAddressSpec(n.address);
      if (!r.ok) return false;
      // A wider route (a default route) loses to the connected network by longest match; one as
      // specific as the network or more would take the network's own traffic.
      const rel = addressRelation(dest.value, r.value);
      return rel === 'equals' || rel === 'isSubsetOf' || rel === 'overlapsPartially';
    });
    if (own) return `it would route ${c.route.destination} into ${c.route.interface}, and ${own.name} (${own.address}) is behind that gateway: its own traffic would leave through the tunnel`;
  }
  return undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Checks each finding's fix on a copy of the tunnel's part of the document and keeps the fix only
 * when it helps and breaks nothing; says what it changes (`fixEffect`) or why none is offered
 * (`fixWithheld`). Findings that are symptoms of a root cause get `causedBy` and no fix of their own.
 */
/** What a check decided for one finding, to replay on the same input without running it again. */
type Outcome = Pick<Diagnostic, 'fix' | 'fixLabel' | 'fixEffect' | 'fixWithheld' | 'causedBy'>;

/**
 * Checks already run, by their whole input (the tunnel, its gateways and networks, who initiates):
 * the report cache recomputes a tunnel after any change to its objects, and a from-scratch report
 * sees the same content again. Bounded: the oldest input goes first.
 */
const memo = new Map<string, Outcome[]>();
const MEMO_SIZE = 4096;

export function checkFixes(report: Pick<TunnelReport, 'phase1' | 'phase2' | 'diagnostics'>, tunnel: Tunnel, a: Gateway, b: Gateway, networks: Record<EndKey, readonly Network[]>, recompute: Recompute, context: unknown = null): void {
  if (!report.diagnostics.some((d) => d.fix.length > 0)) return;
  const key = JSON.stringify([tunnel, a, b, networks, context]);
  const seen = memo.get(key);
  if (seen && seen.length === report.diagnostics.length) {
    report.diagnostics.forEach((d, i) => replay(d, seen[i] as Outcome));
  } else {
    check(report, tunnel, a, b, networks, recompute);
    memo.delete(key);
    memo.set(key, report.diagnostics.map((d) => ({ fix: d.fix, ...(d.fixLabel !== undefined ? { fixLabel: d.fixLabel } : {}), ...(d.fixEffect !== undefined ? { fixEffect: d.fixEffect } : {}), ...(d.fixWithheld !== undefined ? { fixWithheld: d.fixWithheld } : {}), ...(d.causedBy !== undefined ? { causedBy: d.causedBy } : {}) })));
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  }
  placeSymptomsUnderCauses(report.diagnostics);
}

/** Each symptom right after the root cause it follows from (same end and proxy ID), the rest in order. */
function placeSymptomsUnderCauses(list: Diagnostic[]): void {
  if (!list.some((d) => d.causedBy)) return;
  const rootIndex = (d: Diagnostic) => list.findIndex((r) => r.code === d.causedBy && r.end === d.end && r.selector?.proxyIdIndex === d.selector?.proxyIdIndex);
  const keyed = list.map((d, i) => ({ d, k: d.causedBy ? rootIndex(d) + 0.5 : i }));
  keyed.sort((x, y) => x.k - y.k);
  keyed.forEach((x, i) => (list[i] = x.d));
}

function replay(d: Diagnostic, o: Outcome): void {
  d.fix = o.fix;
  for (const k of ['fixLabel', 'fixEffect', 'fixWithheld', 'causedBy'] as const) {
    if (o[k] === undefined) delete d[k];
    else (d as Record<string, unknown>)[k] = o[k];
  }
}

function check(report: Pick<TunnelReport, 'phase1' | 'phase2' | 'diagnostics'>, tunnel: Tunnel, a: Gateway, b: Gateway, networks: Record<EndKey, readonly Network[]>, recompute: Recompute): void {
  const roots = report.diagnostics.filter((d) => ROOT_CAUSES.includes(d.code));
  const beforeKeys = new Set(report.diagnostics.filter(serious).map(keyOf));
  const beforeUp = upCount(report);
  const base: TopologyDocument = { ...emptyDocument(), gateways: a === b ? [a] : [a, b], networks: [...networks.a, ...(a === b ? [] : networks.b)], tunnels: [tunnel] };
  for (const d of report.diagnostics) {
    if (d.fix.length === 0) continue;
    const root = !ROOT_CAUSES.includes(d.code) ? roots.find((r) => r.end === d.end && r.selector?.proxyIdIndex !== undefined && r.selector.proxyIdIndex === d.selector?.proxyIdIndex) : undefined;
    if (root) {
      d.causedBy = root.code;
      withhold(d, 'it follows from the reversed selector above: fix that first');
      continue;
    }
    const harm = harmfulRoute(d.fix, base.networks);
    if (harm) {
      withhold(d, harm);
      continue;
    }
    let fixed: TopologyDocument;
    try {
      fixed = produce(base, (draft) => {
        for (const c of d.fix) applyCommand(draft, c);
      });
    } catch (e) {
      withhold(d, `it cannot be applied to this design (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const t = fixed.tunnels.find((x) => x.id === tunnel.id);
    if (!t) {
      d.fixEffect = 'Removes the tunnel.';
      continue;
    }
    const ga = fixed.gateways.find((g) => g.id === t.a.gatewayId);
    const gb = fixed.gateways.find((g) => g.id === t.b.gatewayId);
    const nets = { a: fixed.networks.filter((n) => n.gatewayId === t.a.gatewayId), b: fixed.networks.filter((n) => n.gatewayId === t.b.gatewayId) };
    const after = recompute(t, ga, gb, nets);
    const afterKeys = new Set(after.diagnostics.filter(serious).map(keyOf));
    const afterUp = upCount(after);
    const worse: string[] = [];
    if (report.phase1.status === 'up' && after.phase1.status !== 'up') worse.push('phase 1 would go down');
    if (afterUp < beforeUp) worse.push(`phase 2 would go from ${beforeUp} to ${afterUp} ${afterUp === 1 ? 'selector' : 'selectors'} up`);
    const added = after.diagnostics.filter((x) => serious(x) && !beforeKeys.has(keyOf(x)));
    const cleared = !afterKeys.has(keyOf(d));
    const broughtUp = afterUp > beforeUp || (report.phase1.status !== 'up' && after.phase1.status === 'up');
    const helped = cleared || broughtUp;
    // A new error is always worse; a new warning only when the fix brings nothing up (a selector
    // that comes up and then needs a route is still progress, and the effect says what is next).
    const blocking = added.filter((x) => x.severity === 'error' || !broughtUp);
    if (blocking.length) worse.push(`it would raise ${plural(blocking.length, 'new finding', 'new findings')}: ${blocking.map((x) => x.message.replace(/\.$/, '')).join('; ')}`);
    const next = added.filter((x) => !blocking.includes(x));
    if (worse.length) {
      withhold(d, worse.join('; '));
      continue;
    }
    if (!helped) {
      withhold(d, 'the engine, run with it applied, sees no improvement');
      continue;
    }
    const gone = [...beforeKeys].filter((k) => !afterKeys.has(k)).length;
    const parts = [
      afterUp !== beforeUp || after.phase2.length !== report.phase2.length ? `phase 2 goes from ${beforeUp} to ${afterUp} of ${after.phase2.length} ${after.phase2.length === 1 ? 'selector' : 'selectors'} up` : '',
      report.phase1.status !== 'up' && after.phase1.status === 'up' ? 'phase 1 comes up' : '',
      cleared ? (gone > 1 ? `this and ${plural(gone - 1, 'other finding', 'other findings')} go away` : 'this finding goes away') : '',
    ].filter(Boolean);
    const then = next.length ? ` Then: ${next.map((x) => x.message.replace(/\.$/, '')).join('; ')}.` : '';
    d.fixEffect = `Checked on a copy: ${parts.join('; ')}.${then}`;
  }
}

function withhold(d: Diagnostic, why: string): void {
  d.fix = [];
  delete d.fixLabel;
  delete d.fixEffect;
  d.fixWithheld = `No one-click fix: ${why}.`;
}
