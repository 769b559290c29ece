// Runs the negotiation engine in a Web Worker so typing never waits for it. Requests are
// coalesced: while one computation runs, only the newest document waits to be sent next.
import { useEffect, useRef, useState } from 'react';
import type { TopologyDocument } from '../../shared/model/document';
import { applyList, makeDelta } from './delta';
import { engineInputChanged } from './engine-input';
import type { EngineRequest, EngineResponse } from './protocol';
import type { NegotiationReport } from '../../shared/engine/report';

export interface EngineState {
  report: NegotiationReport | undefined;
  error: string | undefined;
  /** Sequence number of the document the report belongs to (exposed for the benchmark). */
  seq: number;
  millis: number | undefined;
}

export function useEngine(doc: TopologyDocument): EngineState {
  const [state, setState] = useState<EngineState>({ report: undefined, error: undefined, seq: 0, millis: undefined });
  const worker = useRef<Worker | undefined>(undefined);
  const busy = useRef(false);
  /** The newest document waiting while the worker is busy. */
  const pending = useRef<TopologyDocument | undefined>(undefined);
  /** The last document the worker received: deltas are against it. */
  const sent = useRef<TopologyDocument | undefined>(undefined);
  /** The last report rebuilt here: report deltas are against it. */
  const received = useRef<NegotiationReport | undefined>(undefined);
  const seq = useRef(0);
  const lastDoc = useRef<TopologyDocument | undefined>(undefined);

  function send(w: Worker, doc: TopologyDocument): void {
    busy.current = true;
    const req: EngineRequest = { seq: ++seq.current, delta: makeDelta(sent.current, doc) };
    sent.current = doc;
    w.postMessage(req);
  }

  useEffect(() => {
    const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'negotiation-engine' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const r = e.data;
      busy.current = false;
      if (r.ok) {
        const report: NegotiationReport = { ...r.report.rest, tunnels: applyList(received.current?.tunnels, r.report.tunnels) };
        received.current = report;
        setState({ report, error: undefined, seq: r.seq, millis: r.millis });
      }
      else setState((s) => ({ ...s, error: r.message, seq: r.seq }));
      const next = pending.current;
      if (next) {
        pending.current = undefined;
        send(w, next);
      }
    };
    w.onerror = (e) => {
      busy.current = false;
      setState((s) => ({ ...s, error: `The negotiation engine stopped: ${e.message}` }));
    };
    sent.current = undefined;
    if (lastDoc.current) send(w, lastDoc.current);
    return () => {
      w.terminate();
      worker.current = undefined;
      busy.current = false;
      sent.current = undefined;
      received.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!engineInputChanged(lastDoc.current, doc)) {
      lastDoc.current = doc;
      return;
    }
    lastDoc.current = doc;
    const w = worker.current;
    if (!w) return;
    if (busy.current) pending.current = doc;
    else send(w, doc);
  }, [doc]);

  return state;
}
