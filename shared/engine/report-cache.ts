// The report for a whole document, and the cache behind it: a tunnel whose objects are unchanged
// (the tunnel, both gateways and their networks) keeps its last result, so one edit recomputes
// one tunnel.
import type { EndKey, Gateway, Network, TopologyDocument, Tunnel } from '../model/document';
import { capacityDiagnostics } from './diagnostics';
import { gatewayMap, networkMap, NO_NETWORKS } from './document-index';
import type { NegotiateOptions, ReportOptions } from './options';
import { REPORT_VERSION, type NegotiationReport, type TunnelReport } from './report';
import { tunnelReport, validEnd } from './tunnel-report';

const NO_OPTIONS: NegotiateOptions = Object.freeze({});

/** The report for every tunnel of the document. */
export function computeReport(doc: TopologyDocument, options: ReportOptions = {}): NegotiationReport {
  return createReportCache().compute(doc, options);
}

interface CachedTunnel {
  tunnel: Tunnel;
  a: Gateway | undefined;
  b: Gateway | undefined;
  netsA: readonly Network[];
  netsB: readonly Network[];
  initiator: EndKey | undefined;
  detail: 'full' | 'summary';
  report: TunnelReport;
  up: number;
  /** The last compute() that saw this tunnel. */
  generation: number;
}

function sameList<T>(x: readonly T[], y: readonly T[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export interface ReportCache {
  /** The full report; tunnels whose objects (tunnel, both gateways, their networks) are unchanged reuse the last result. */
  compute(doc: TopologyDocument, options?: ReportOptions): NegotiationReport;
  /** How many tunnels the last `compute` actually recomputed. */
  readonly lastRecomputed: number;
}

export function createReportCache(): ReportCache {
  const byId = new Map<string, CachedTunnel>();
  let lastRecomputed = 0;
  let generation = 0;
  // Lookups rebuilt only when their array changed (an edit to a tunnel leaves gateways[] and networks[] identical).
  let gwSource: unknown;
  let gws = new Map<string, Gateway>();
  let netSource: unknown;
  let nets = new Map<string, Network[]>();
  return {
    get lastRecomputed() {
      return lastRecomputed;
    },
    compute(doc, options = {}) {
      // Same gateway and network arrays as last time: an unchanged tunnel finds the same gateway
      // and network objects, so it is reused without looking them up (what an edit costs is
      // mostly this loop over every tunnel).
      const lookupsSame = gwSource !== undefined && netSource !== undefined && doc.gateways === gwSource && doc.networks === netSource;
      if (doc.gateways !== gwSource || gwSource === undefined) {
        gws = gatewayMap(doc);
        gwSource = doc.gateways;
      }
      if (doc.networks !== netSource || netSource === undefined) {
        nets = networkMap(doc);
        netSource = doc.networks;
      }
      generation++;
      const reports: TunnelReport[] = [];
      const summary = { tunnels: 0, up: 0, partial: 0, down: 0, phase2Up: 0, phase2Down: 0 };
      lastRecomputed = 0;
      for (const tunnel of Array.isArray(doc.tunnels) ? doc.tunnels : []) {
        const initiator = options.initiators?.[tunnel.id];
        const detail = options.detail ?? 'full';
        const prev = byId.get(tunnel.id);
        if (lookupsSame && prev && prev.tunnel === tunnel && prev.initiator === initiator && prev.detail === detail) {
          prev.generation = generation;
          reports.push(prev.report);
          summary[prev.report.status]++;
          summary.phase2Up += prev.up;
          summary.phase2Down += prev.report.phase2.length - prev.up;
          continue;
        }
        const aId = validEnd(tunnel.a) ? tunnel.a.gatewayId : '';
        const bId = validEnd(tunnel.b) ? tunnel.b.gatewayId : '';
        const a = gws.get(aId);
        const b = gws.get(bId);
        const netsA = nets.get(aId) ?? NO_NETWORKS;
        const netsB = nets.get(bId) ?? NO_NETWORKS;
        let entry: CachedTunnel;
        if (prev && prev.tunnel === tunnel && prev.a === a && prev.b === b && prev.initiator === initiator && prev.detail === detail && sameList(prev.netsA, netsA) && sameList(prev.netsB, netsB)) {
          entry = prev;
        } else {
          lastRecomputed++;
          const report = tunnelReport(tunnel, a, b, { a: netsA, b: netsB }, initiator ? { initiator } : NO_OPTIONS, detail === 'full' ? 'lazy' : 'summary');
          let up = 0;
          for (const p of report.phase2) if (p.status === 'up') up++;
          entry = { tunnel, a, b, netsA, netsB, initiator, detail, report, up, generation };
          byId.set(tunnel.id, entry);
        }
        entry.generation = generation;
        reports.push(entry.report);
        summary[entry.report.status]++;
        summary.phase2Up += entry.up;
        summary.phase2Down += entry.report.phase2.length - entry.up;
      }
      // Forget tunnels that are gone (only when some are).
      if (byId.size !== reports.length) for (const [id, e] of byId) if (e.generation !== generation) byId.delete(id);
      summary.tunnels = reports.length;
      return { reportVersion: REPORT_VERSION, tunnels: reports, diagnostics: capacityDiagnostics(doc), summary };
    },
  };
}
