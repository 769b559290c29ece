// Messages between the UI and the engine worker.
import type { DocumentDelta, ListDelta } from './delta';
import type { NegotiationReport } from '../../shared/engine/report';

export interface EngineRequest {
  seq: number;
  /** Against the last document this worker received (the first one is all 'full'). */
  delta: DocumentDelta;
}

/**
 * The report crosses back the same way: tunnels whose report object the engine's cache kept are
 * not sent again (with a thousand tunnels, cloning the whole report costs more than computing it).
 */
export interface ReportDelta {
  rest: Omit<NegotiationReport, 'tunnels'>;
  tunnels: ListDelta<NegotiationReport['tunnels'][number]>;
}

export type EngineResponse =
  | { seq: number; ok: true; report: ReportDelta; millis: number }
  | { seq: number; ok: false; message: string };
