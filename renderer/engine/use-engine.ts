// Runs the negotiation engine in a Web Worker so typing never waits for it. Requests are
// coalesced: while one computation runs, only the newest document waits to be sent next.
import { useEffect, useRef, useState } from 'react';
import type { TopologyDocument } from '../../shared/model/document';
import { engineInputChanged } from './engine-input';
import type { EngineRequest, EngineResponse } from './protocol';
import type { NegotiationReport } from './report-types';

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
  const pending = useRef<EngineRequest | undefined>(undefined);
  const seq = useRef(0);
  const lastDoc = useRef<TopologyDocument | undefined>(undefined);

  useEffect(() => {
    const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'negotiation-engine' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const r = e.data;
      busy.current = false;
      if (r.ok) setState({ report: r.report, error: undefined, seq: r.seq, millis: r.millis });
      else setState((s) => ({ ...s, error: r.message, seq: r.seq }));
      const next = pending.current;
      if (next) {
        pending.current = undefined;
        busy.current = true;
        w.postMessage(next);
      }
    };
    w.onerror = (e) => {
      busy.current = false;
      setState((s) => ({ ...s, error: `The negotiation engine stopped: ${e.message}` }));
    };
    if (lastDoc.current) {
      busy.current = true;
      w.postMessage({ seq: seq.current, document: lastDoc.current } satisfies EngineRequest);
    }
    return () => {
      w.terminate();
      worker.current = undefined;
      busy.current = false;
    };
  }, []);

  useEffect(() => {
    if (!engineInputChanged(lastDoc.current, doc)) {
      lastDoc.current = doc;
      return;
    }
    lastDoc.current = doc;
    const req: EngineRequest = { seq: ++seq.current, document: doc };
    const w = worker.current;
    if (!w) return;
    if (busy.current) pending.current = req;
    else {
      busy.current = true;
      w.postMessage(req);
    }
  }, [doc]);

  return state;
}
