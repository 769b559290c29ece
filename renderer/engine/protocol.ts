// Messages between the UI and the engine worker.
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from './report-types';

export interface EngineRequest {
  seq: number;
  document: TopologyDocument;
}

export type EngineResponse =
  | { seq: number; ok: true; report: NegotiationReport; millis: number }
  | { seq: number; ok: false; message: string };
