// One tunnel's report: both ends planned, phase 1, phase 2, diagnostics. A full-detail report
// from the report cache builds its timeline and log lines only when they are first read.
import type { EndKey, Gateway, Network, Tunnel, TunnelEnd } from '../model/document';
import { vendorModule } from '../vendors/registry';
import { diagnoseTunnel } from './diagnostics';
import { missingInterfaces } from './interface-diagnostics';
import { checkFixes } from './fix-check';
import type { NegotiateOptions } from './options';
import { NegotiationRun, other } from './negotiation-run';
import { phase1 } from './phase1';
import { phase2 } from './phase2';
import { planEnd } from './plan';
import type { Diagnostic, Phase1Result, Phase2Result, TimelineEntry, TunnelReport } from './report';
import type { Rule } from '../vocabulary/provenance';

export function missingReport(tunnelId: string, name: string, message: string, ends?: { a?: Gateway; b?: Gateway; tunnel?: Tunnel }): TunnelReport {
  const emptyLog = (k: EndKey) => ({ gateway: ends?.[k]?.name ?? '', vendor: ends?.[k]?.vendor ?? '', source: '', lines: [] });
  const fix = ends?.tunnel ? [{ type: 'tunnel.remove' as const, id: ends.tunnel.id }] : [];
  return {
    tunnelId,
    tunnel: name,
    initiator: ends?.a?.name ?? '',
    responder: ends?.b?.name ?? '',
    initiatorEnd: 'a',
    vendors: { a: ends?.a?.vendor ?? '', b: ends?.b?.vendor ?? '' },
    detail: 'full',
    status: 'down',
    phase1: { status: 'down', reason: message, failure: 'gateway-missing', rules: [] },
    phase2: [],
    timeline: [],
    logs: { a: emptyLog('a'), b: emptyLog('b') },
    diagnostics: [{ code: 'GATEWAY_MISSING', severity: 'error', message, fix, ...(fix.length ? { fixLabel: 'Delete the tunnel' } : {}), provenance: 'verified' }],
    rules: [],
  };
}

export function validEnd(end: unknown): end is TunnelEnd {
  return typeof end === 'object' && end !== null && typeof (end as TunnelEnd).gatewayId === 'string';
}

export function computeTunnel(tunnel: Tunnel, gwA: Gateway | undefined, gwB: Gateway | undefined, networks: Record<EndKey, readonly Network[]>, options: NegotiateOptions = {}): TunnelReport {
  return tunnelReport(tunnel, gwA, gwB, networks, options, options.detail === 'summary' ? 'summary' : 'full');
}

/**
 * One tunnel's report. `lazy`: full detail whose `timeline` and `logs` are built when first read
 * (see withLazyDetail); the negotiation itself runs now, without them.
 */
export function tunnelReport(tunnel: Tunnel, gwA: Gateway | undefined, gwB: Gateway | undefined, networks: Record<EndKey, readonly Network[]>, options: NegotiateOptions, finish: 'full' | 'summary' | 'lazy'): TunnelReport {
  const name = typeof tunnel.name === 'string' ? tunnel.name : String(tunnel.id);
  if (!validEnd(tunnel.a) || !validEnd(tunnel.b)) return missingReport(tunnel.id, name, `Tunnel "${name}" lacks an end.`, { tunnel });
  if (!gwA || !gwB) {
    const missing = !gwA ? tunnel.a.gatewayId : tunnel.b.gatewayId;
    return missingReport(tunnel.id, name, `Tunnel "${name}" refers to gateway "${missing}", which does not exist.`, { ...(gwA ? { a: gwA } : {}), ...(gwB ? { b: gwB } : {}), tunnel });
  }
  const gateways = { a: gwA, b: gwB };
  let initiatorEnd: EndKey = options.initiator ?? (tunnel.initiator === 'b' ? 'b' : 'a');
  if (!options.initiator && tunnel[initiatorEnd].passive && !tunnel[other(initiatorEnd)].passive) initiatorEnd = other(initiatorEnd);
  const vendorA = vendorModule(gwA.vendor);
  const vendorB = vendorModule(gwB.vendor);
  const plans = { a: planEnd(tunnel.a, gwA, gwB, tunnel.b, vendorA), b: planEnd(tunnel.b, gwB, gwA, tunnel.a, vendorB) };
  const run = new NegotiationRun(tunnel, gateways, plans, initiatorEnd, networks, finish === 'full');

  let p1: Phase1Result;
  const missing = missingInterfaces(tunnel, gateways);
  if (missing) {
    p1 = missing.phase1;
    run.diagnostics.push(...missing.diagnostics);
  } else if (tunnel.a.passive && tunnel.b.passive && !options.initiator) {
    p1 = { status: 'down', reason: 'Both ends are passive (responder only): nobody initiates.', failure: 'config', rules: [] };
    run.diagnostics.push({ code: 'BOTH_ENDS_PASSIVE', severity: 'error', end: initiatorEnd, gateway: gateways[initiatorEnd].name, message: p1.reason ?? '', fix: [{ type: 'tunnelEnd.update', tunnelId: tunnel.id, end: initiatorEnd, changes: { passive: false } }], fixLabel: `Let ${gateways[initiatorEnd].name} initiate`, provenance: 'verified' });
  } else {
    p1 = phase1(run);
  }
  const p2 = phase2(run, p1, options.packet);
  if (run.detail && p1.status === 'up' && p1.ikeVersion === 2 && p2.length === 0) run.msg({ exchange: 'IKE_AUTH', message: 'response 1', from: initiatorEnd === 'a' ? 'b' : 'a', summary: 'IDr AUTH' });
  diagnoseTunnel(run, p1, p2);
  if (!options.fixesUnchecked) {
    checkFixes({ phase1: p1, phase2: p2, diagnostics: run.diagnostics }, tunnel, gwA, gwB, networks, (t, a, b, nets) => tunnelReport(t, a, b, nets, { ...options, fixesUnchecked: true }, 'summary'), [options.initiator, options.packet]);
  }
  let up = 0;
  for (let i = 0; i < p2.length; i++) if ((p2[i] as Phase2Result).status !== 'down') up++;
  const status: TunnelReport['status'] = p1.status === 'down' || up === 0 ? 'down' : up === p2.length ? 'up' : 'partial';
  if (finish === 'lazy') return withLazyDetail(tunnel, gwA, gwB, networks, options.initiator, name, initiatorEnd, status, p1, p2, run.diagnostics, run.rules());
  return {
    tunnelId: tunnel.id,
    tunnel: name,
    initiator: gateways[initiatorEnd].name,
    responder: gateways[other(initiatorEnd)].name,
    initiatorEnd: initiatorEnd,
    vendors: { a: gwA.vendor, b: gwB.vendor },
    detail: run.detail ? 'full' : 'summary',
    status,
    phase1: p1,
    phase2: p2,
    timeline: run.detail ? run.timeline : [],
    logs: {
      a: { gateway: gwA.name, vendor: gwA.vendor, source: run.profiles.a.logs.source, lines: run.detail ? run.logs.a : [] },
      b: { gateway: gwB.name, vendor: gwB.vendor, source: run.profiles.b.logs.source, lines: run.detail ? run.logs.b : [] },
    },
    diagnostics: run.diagnostics,
    rules: run.rules(),
  };
}

/** What a lazy report needs to build its timeline and logs, and them once built. */
interface LazyDetail {
  tunnel: Tunnel;
  a: Gateway;
  b: Gateway;
  networks: Record<EndKey, readonly Network[]>;
  initiator: EndKey | undefined;
  timeline: TimelineEntry[] | undefined;
  logs: TunnelReport['logs'] | undefined;
}

const LAZY = Symbol('lazy detail');

function detailOf(report: TunnelReport): LazyDetail {
  const d = (report as unknown as { [LAZY]: LazyDetail })[LAZY];
  if (d.timeline === undefined || d.logs === undefined) {
    const full = computeTunnel(d.tunnel, d.a, d.b, d.networks, d.initiator ? { initiator: d.initiator } : {});
    d.timeline = full.timeline;
    d.logs = full.logs;
  }
  return d;
}

/** Writing the field replaces the accessor by a plain value. */
function ownValue(report: TunnelReport, key: 'timeline' | 'logs', value: unknown): void {
  Object.defineProperty(report, key, { value, writable: true, enumerable: true, configurable: true });
}

// Shared accessors (one pair of functions for every lazy report): own, enumerable properties, so
// JSON.stringify, structured clone (postMessage) and object spread read them like plain fields.
const LAZY_TIMELINE: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: TunnelReport) {
    return detailOf(this).timeline;
  },
  set(this: TunnelReport, v: unknown) {
    ownValue(this, 'timeline', v);
  },
};
const LAZY_LOGS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: TunnelReport) {
    return detailOf(this).logs;
  },
  set(this: TunnelReport, v: unknown) {
    ownValue(this, 'logs', v);
  },
};

/**
 * A full-detail tunnel report whose `timeline` and `logs` are built when first read: the
 * negotiation ran without them (every outcome, diagnostic and rule), and reading either field runs
 * the same pure computation again with them, once. Document objects are immutable (edits replace
 * them), so both runs see the same input and the result is the one an eager computation gives.
 * Key order is the eager report's.
 */
function withLazyDetail(tunnel: Tunnel, a: Gateway, b: Gateway, networks: Record<EndKey, readonly Network[]>, initiator: EndKey | undefined, name: string, initiatorEnd: EndKey, status: TunnelReport['status'], phase1: Phase1Result, phase2: Phase2Result[], diagnostics: Diagnostic[], rules: Rule[]): TunnelReport {
  const gateways = { a, b };
  // The first ten fields now; timeline and logs as accessors, then the last two, in report order.
  const head: Omit<TunnelReport, 'timeline' | 'logs' | 'diagnostics' | 'rules'> = {
    tunnelId: tunnel.id,
    tunnel: name,
    initiator: gateways[initiatorEnd].name,
    responder: gateways[other(initiatorEnd)].name,
    initiatorEnd: initiatorEnd,
    vendors: { a: a.vendor, b: b.vendor },
    detail: 'full',
    status,
    phase1,
    phase2,
  };
  const report = head as TunnelReport;
  const lazy: LazyDetail = { tunnel, a, b, networks, initiator, timeline: undefined, logs: undefined };
  Object.defineProperty(report, LAZY, { value: lazy });
  Object.defineProperty(report, 'timeline', LAZY_TIMELINE);
  Object.defineProperty(report, 'logs', LAZY_LOGS);
  report.diagnostics = diagnostics;
  report.rules = rules;
  return report;
}
