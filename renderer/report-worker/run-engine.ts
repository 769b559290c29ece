// The one place the renderer calls the negotiation engine (shared/engine), inside the worker.
// The worker keeps its copy of the document and applies deltas (see delta.ts), so unchanged
// tunnels, gateways and networks keep their identity and the engine's cache recomputes only
// what an edit touched.
import { createReportCache } from '../../shared/engine/report-cache';
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';

const cache = createReportCache();

export function computeNegotiationReport(doc: TopologyDocument): NegotiationReport {
  return cache.compute(doc, { detail: 'full' });
}
