// The report for a whole document, and the cache behind it: a tunnel whose objects are unchanged
// (the tunnel, both gateways and their networks) keeps its last result, so one edit recomputes
// one tunnel.
import type { EndKey, Gateway, Network, TopologyDocument, Tunnel } from '../model/document';
import { capacityFindings, capacityGateways, countEnd, fewOf, type CapacityCount } from './diagnostics';
import { gatewayMap, networkMap, NO_NETWORKS } from './document-index';
import type { NegotiateOptions, ReportOptions } from './options';
import { REPORT_VERSION, type Diagnostic, type NegotiationReport, type TunnelReport } from './report';
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

function sameInitiators(x: ReportOptions['initiators'], y: ReportOptions['initiators']): boolean {
  if (x === y) return true;
  const xk = x ? Object.keys(x) : [];
  const yk = y ? Object.keys(y) : [];
  if (xk.length !== yk.length) return false;
  for (const k of xk) if (x?.[k] !== y?.[k]) return false;
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
  // The last compute, index by index: an edit replaces one tunnel object of the array and keeps
  // the others, so each unchanged tunnel is found by comparing two references, with no lookup.
  let lastTunnels: readonly Tunnel[] = [];
  let lastEntries: CachedTunnel[] = [];
  let lastInitiators: ReportOptions['initiators'];
  let lastDetail: 'full' | 'summary' | undefined;
  // Tunnel capacity per gateway of a known model, kept up to date by moving only the ends of the
  // tunnels that changed; counted again whenever the gateways changed.
  let capacity = new Map<string, CapacityCount>();
  let fewCapacity: CapacityCount[] | undefined;
  let capacityFindingsNow: Diagnostic[] = [];
  const moveCount = (tunnel: Tunnel, sign: 1 | -1) => {
    countEnd(capacity, fewCapacity, validEnd(tunnel.a) ? tunnel.a : undefined, sign);
    countEnd(capacity, fewCapacity, validEnd(tunnel.b) ? tunnel.b : undefined, sign);
  };
  return {
    get lastRecomputed() {
      return lastRecomputed;
    },
    compute(doc, options = {}) {
      // Same gateway and network arrays as last time: an unchanged tunnel finds the same gateway
      // and network objects, so it is reused without looking them up.
      const lookupsSame = gwSource !== undefined && netSource !== undefined && doc.gateways === gwSource && doc.networks === netSource;
      const gatewaysChanged = doc.gateways !== gwSource || gwSource === undefined;
      if (gatewaysChanged) {
        gws = gatewayMap(doc);
        gwSource = doc.gateways;
      }
      if (doc.networks !== netSource || netSource === undefined) {
        nets = networkMap(doc);
        netSource = doc.networks;
      }
      generation++;
      const tunnels: readonly Tunnel[] = Array.isArray(doc.tunnels) ? doc.tunnels : [];
      const detail = options.detail ?? 'full';
      const initiators = options.initiators;
      const aligned = lookupsSame && detail === lastDetail && sameInitiators(initiators, lastInitiators);
      const reports: TunnelReport[] = new Array<TunnelReport>(tunnels.length);
      const entries: CachedTunnel[] = new Array<CachedTunnel>(tunnels.length);
      const summary = { tunnels: 0, up: 0, partial: 0, down: 0, phase2Up: 0, phase2Down: 0 };
      // Counted afresh when the gateways changed (their models decide what counts), else moved.
      const recount = gatewaysChanged;
      let countsMoved = false;
      let duplicateIds = false;
      lastRecomputed = 0;
      for (let i = 0; i < tunnels.length; i++) {
        const tunnel = tunnels[i] as Tunnel;
        let entry = aligned && lastTunnels[i] === tunnel ? lastEntries[i] : undefined;
        if (entry === undefined) {
          const initiator = initiators?.[tunnel.id];
          const prev = byId.get(tunnel.id);
          if (prev !== undefined && prev.generation === generation) duplicateIds = true;
          if (lookupsSame && prev && prev.tunnel === tunnel && prev.initiator === initiator && prev.detail === detail) {
            entry = prev;
          } else {
            const aId = validEnd(tunnel.a) ? tunnel.a.gatewayId : '';
            const bId = validEnd(tunnel.b) ? tunnel.b.gatewayId : '';
            const a = gws.get(aId);
            const b = gws.get(bId);
            const netsA = nets.get(aId) ?? NO_NETWORKS;
            const netsB = nets.get(bId) ?? NO_NETWORKS;
            if (prev && prev.tunnel === tunnel && prev.a === a && prev.b === b && prev.initiator === initiator && prev.detail === detail && sameList(prev.netsA, netsA) && sameList(prev.netsB, netsB)) {
              entry = prev;
            } else {
              lastRecomputed++;
              const report = tunnelReport(tunnel, a, b, { a: netsA, b: netsB }, initiator ? { initiator } : NO_OPTIONS, detail === 'full' ? 'lazy' : 'summary');
              let up = 0;
              for (const p of report.phase2) if (p.status !== 'down') up++;
              entry = { tunnel, a, b, netsA, netsB, initiator, detail, report, up, generation };
              if (!recount && prev?.tunnel !== tunnel) {
                if (prev) moveCount(prev.tunnel, -1);
                moveCount(tunnel, 1);
                countsMoved = true;
              }
              byId.set(tunnel.id, entry);
            }
          }
        } else if (entry.generation === generation) {
          duplicateIds = true;
        }
        entry.generation = generation;
        entries[i] = entry;
        reports[i] = entry.report;
        summary[entry.report.status]++;
        summary.phase2Up += entry.up;
        summary.phase2Down += entry.report.phase2.length - entry.up;
      }
      // Forget tunnels that are gone (only when some are), taking back what they counted.
      if (byId.size !== tunnels.length) {
        for (const [id, e] of byId) {
          if (e.generation === generation) continue;
          byId.delete(id);
          if (!recount) {
            moveCount(e.tunnel, -1);
            countsMoved = true;
          }
        }
      }
      if (recount || duplicateIds) {
        // Two tunnels with one id share a cache entry, so moving counts by entry would be wrong:
        // such a document (never one the schema loads) is counted from scratch, as is a change of gateways.
        capacity = capacityGateways(Array.isArray(doc.gateways) ? doc.gateways : []);
        fewCapacity = fewOf(capacity);
        if (capacity.size > 0) for (let i = 0; i < tunnels.length; i++) moveCount(tunnels[i] as Tunnel, 1);
        capacityFindingsNow = capacityFindings(capacity);
        // A document with duplicate ids is counted from scratch the next time too.
        if (duplicateIds) gwSource = undefined;
      } else if (countsMoved) {
        capacityFindingsNow = capacityFindings(capacity);
      }
      lastTunnels = tunnels;
      lastEntries = entries;
      // A copy: the caller may change its object in place (the worker gets a new one per message).
      lastInitiators = initiators ? { ...initiators } : undefined;
      lastDetail = detail;
      summary.tunnels = reports.length;
      return { reportVersion: REPORT_VERSION, tunnels: reports, diagnostics: capacityFindingsNow, summary };
    },
  };
}
