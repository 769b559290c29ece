// Messages between the UI and the engine worker.
import type { DocumentDelta } from './delta';
import type { NegotiationReport } from './report-types';

export interface EngineRequest {
  seq: number;
  /** Against the last document this worker received (the first one is all 'full'). */
  delta: DocumentDelta;
}

export type EngineResponse =
  | { seq: number; ok: true; report: NegotiationReport; millis: number }
  | { seq: number; ok: false; message: string };
