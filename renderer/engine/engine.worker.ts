// The engine's Web Worker: receives the document, answers with the negotiation report.
import type { EngineRequest, EngineResponse } from './protocol';
import { computeNegotiationReport } from './run-engine';

const post = (r: EngineResponse) => (self as unknown as Worker).postMessage(r);

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const { seq, document } = e.data;
  const t0 = performance.now();
  try {
    const report = computeNegotiationReport(document);
    post({ seq, ok: true, report, millis: performance.now() - t0 });
  } catch (err) {
    post({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
