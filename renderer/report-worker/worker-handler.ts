// The engine worker's side of the protocol, without the worker global (so tests drive it
// directly): checks each request, brings the document copy to the request's sequence, runs the
// job and answers. One request at a time, in the order they arrive.
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import { applyDelta, listDelta } from './delta';
import { createMonitorSessions } from './monitor-session';
import { parseRequest, requestIdentity, type DocumentStep, type WorkerFailureCode, type WorkerRequest, type WorkerResponse } from './protocol';
import { computeExport, computeImport, computeNegotiationReport, computeWalk } from './run-engine';

export type Post = (response: WorkerResponse) => void;

export function createWorkerHandler(post: Post, clock: () => number): (data: unknown) => void {
  let doc: TopologyDocument | undefined;
  let docSeq: number | null = null;
  /** The last report sent, and its request id: the next report is a delta against it. */
  let lastReport: NegotiationReport | undefined;
  let lastReportId: number | null = null;
  const monitor = createMonitorSessions();

  const fail = (req: { kind: WorkerRequest['kind'] | null; id: number | null }, code: WorkerFailureCode, message: string) => post({ kind: req.kind, id: req.id, docSeq, ok: false, code, message });

  /** The copy at the step's sequence, or why not. */
  function follow(step: DocumentStep): string | undefined {
    if (step.delta) {
      if (step.delta.base !== null && step.delta.base !== docSeq) return `the delta is against document ${step.delta.base}, the worker holds ${docSeq ?? 'none'}`;
      doc = applyDelta(step.delta.base === null ? undefined : doc, step.delta.lists);
      docSeq = step.seq;
      return undefined;
    }
    return docSeq === step.seq && doc ? undefined : `the job is for document ${step.seq}, the worker holds ${docSeq ?? 'none'}`;
  }

  return (data) => {
    const parsed = parseRequest(data);
    if (!parsed.ok) {
      fail(requestIdentity(data), 'INVALID_REQUEST', `the engine worker refused a request: ${parsed.message}`);
      return;
    }
    const req = parsed.value;
    const out = follow(req.doc);
    if (out !== undefined || !doc) {
      fail(req, 'DOCUMENT_OUT_OF_STEP', out ?? 'the worker holds no document');
      return;
    }
    const t0 = clock();
    const done = { id: req.id, docSeq: req.doc.seq, ok: true as const };
    try {
      switch (req.kind) {
        case 'report': {
          const report = computeNegotiationReport(doc);
          const base = req.since !== null && req.since === lastReportId ? lastReport : undefined;
          const { tunnels, ...rest } = report;
          post({ ...done, kind: 'report', report: { rest, tunnels: listDelta(base?.tunnels, tunnels) }, millis: clock() - t0 });
          lastReport = report;
          lastReportId = req.id;
          return;
        }
        case 'export':
          post({ ...done, kind: 'export', result: computeExport(doc, req.options), millis: clock() - t0 });
          return;
        case 'walk':
          post({ ...done, kind: 'walk', result: computeWalk(doc, req.packet), millis: clock() - t0 });
          return;
        case 'monitor':
          post({ ...done, kind: 'monitor', result: monitor.run(doc, req.session, req.actions, req.ops), millis: clock() - t0 });
          return;
        case 'import':
          post({ ...done, kind: 'import', result: computeImport(req.files, req.includeSecrets, req.initiator), millis: clock() - t0 });
          return;
      }
    } catch (err) {
      // A bug in the domain, not a user error: say which job failed and keep serving the others.
      fail(req, 'JOB_FAILED', err instanceof Error ? err.message : String(err));
    }
  };
}
