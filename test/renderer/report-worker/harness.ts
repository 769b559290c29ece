// A worker the tests hold in their hands: what the client posts is recorded; answers arrive
// only when a test delivers them, either made up or computed by the real worker handler (each
// message through structuredClone, as postMessage does). The client's "soon" and "preparing"
// delay are queues the test runs, so nothing waits on a clock.
import { EngineClient, type WorkerPort } from '../../../renderer/report-worker/client';
import type { WorkerRequest, WorkerResponse } from '../../../renderer/report-worker/protocol';
import { createWorkerHandler } from '../../../renderer/report-worker/worker-handler';

export class FakeWorker implements WorkerPort {
  readonly posted: WorkerRequest[] = [];
  terminated = false;
  private on: { message(data: unknown): void; error(message: string): void } | undefined;

  post(message: WorkerRequest): void {
    this.posted.push(structuredClone(message));
  }

  listen(on: { message(data: unknown): void; error(message: string): void }): void {
    this.on = on;
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The last request posted. */
  get last(): WorkerRequest {
    const r = this.posted[this.posted.length - 1];
    if (!r) throw new Error('nothing was posted');
    return r;
  }

  deliver(response: unknown): void {
    this.on?.message(structuredClone(response));
  }

  fail(message: string): void {
    this.on?.error(message);
  }
}

export interface Harness {
  client: EngineClient;
  worker: FakeWorker;
  /** Runs what the client scheduled "soon" (sending the next request). */
  flush(): void;
  /** Ends every pending "preparing" delay. */
  elapse(): void;
  /** Delays started and not cancelled. */
  readonly delays: number;
}

export function harness(): Harness {
  const soon: (() => void)[] = [];
  const delays = new Set<() => void>();
  const client = new EngineClient({
    soon: (run) => soon.push(run),
    delay: (fire) => {
      delays.add(fire);
      return () => delays.delete(fire);
    },
  });
  const worker = new FakeWorker();
  client.connect(worker);
  return {
    client,
    worker,
    flush: () => {
      while (soon.length > 0) soon.shift()?.();
    },
    elapse: () => {
      const due = [...delays];
      delays.clear();
      for (const fire of due) fire();
    },
    get delays() {
      return delays.size;
    },
  };
}

/** The real worker handler, answering synchronously through structuredClone. */
export function realWorker(): { answer(request: WorkerRequest): WorkerResponse } {
  let out: WorkerResponse | undefined;
  let t = 0;
  const handle = createWorkerHandler((r) => (out = structuredClone(r)), () => (t += 1));
  return {
    answer(request) {
      out = undefined;
      handle(structuredClone(request));
      if (!out) throw new Error('the handler did not answer');
      return out;
    },
  };
}
