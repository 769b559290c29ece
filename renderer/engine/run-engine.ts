// The one place the renderer calls the negotiation engine (shared/engine), inside the worker.
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from './report-types';

export function computeNegotiationReport(_doc: TopologyDocument): NegotiationReport {
  throw new Error('The negotiation engine is not in this build yet: results will appear when it is.');
}
