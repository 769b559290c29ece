// The engine's Web Worker: receives the document, answers with the negotiation report.
import type { TopologyDocument } from '../../shared/model/document';
import { applyDelta } from './delta';
import type { EngineRequest, EngineResponse } from './protocol';
import { computeNegotiationReport } from './run-engine';

const post = (r: EngineResponse) => (self as unknown as Worker).postMessage(r);

let current: TopologyDocument | undefined;

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const { seq, delta } = e.data;
  const t0 = performance.now();
  try {
    current = applyDelta(current, delta);
    const report = computeNegotiationReport(current);
    post({ seq, ok: true, report, millis: performance.now() - t0 });
  } catch (err) {
    post({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
