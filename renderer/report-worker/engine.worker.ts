// The engine's Web Worker: receives the document, answers with the negotiation report.
// First, before any module that builds a zod schema (see zod-jitless.ts).
import '../zod-jitless';
import type { TopologyDocument } from '../../shared/model/document';
import { applyDelta, listDelta } from './delta';
import type { NegotiationReport } from '../../shared/engine/report';
import type { EngineRequest, EngineResponse } from './protocol';
import { computeNegotiationReport } from './run-engine';

const post = (r: EngineResponse) => (self as unknown as Worker).postMessage(r);

let current: TopologyDocument | undefined;
let lastReport: NegotiationReport | undefined;

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const { seq, delta } = e.data;
  const t0 = performance.now();
  try {
    current = applyDelta(current, delta);
    const report = computeNegotiationReport(current);
    const { tunnels, ...rest } = report;
    post({ seq, ok: true, report: { rest, tunnels: listDelta(lastReport?.tunnels, tunnels) }, millis: performance.now() - t0 });
    lastReport = report;
  } catch (err) {
    post({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
