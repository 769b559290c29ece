// The UI's side of the engine worker, without React: the UI thread only sends requests and
// renders answers. Each consumer has a slot (the report, an export panel, a walk, a monitor);
// a slot waits for the answer to its newest request only.
//
// - One request is in the worker at a time; while it runs, each slot keeps at most one request
//   waiting (a newer one supersedes it; the monitor's actions are kept, in order). The report
//   goes first, then the others in the order they were asked.
// - Each request carries the sequence number of the document it is computed on, and brings the
//   worker's copy up to it with a delta. When the document changes, every slot whose answer
//   is outstanding is asked again for the new document, and the answer for the old one is
//   dropped: no slot ever shows an answer for a document older than one it was asked about.
//   Every slot that is wanted follows the document: it is asked again when idle too, so no view
//   keeps an answer for a document that has since changed (a walk after a route fix).
// - An answer that is not for the slot's newest request (superseded, cancelled) is dropped.
// - An import reads only the files it brings, not the document: it is asked once, never again
//   when the document changes, and its answer counts whatever the document became meanwhile.
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import { applyList, makeDelta } from './delta';
import { workerInputChanged } from './engine-input';
import type { ImportResult } from '../../shared/import/import';
import { followsDocument, parseResponse, type DocumentStep, type ExportAnswer, type JobKind, type JobSpec, type MonitorAnswer, type WalkAnswer, type WorkerRequest, type WorkerResponse } from './protocol';

/** The worker as the client uses it (a real Worker through `workerPort`, or a test's fake). */
export interface WorkerPort {
  post(message: WorkerRequest): void;
  listen(on: { message(data: unknown): void; error(message: string): void }): void;
  terminate(): void;
}

export function workerPort(worker: Worker): WorkerPort {
  return {
    post: (m) => worker.postMessage(m),
    listen(on) {
      worker.onmessage = (e: MessageEvent<unknown>) => on.message(e.data);
      worker.onmessageerror = () => on.error('an answer could not be read');
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        on.error(e.message || 'the worker could not start');
      };
    },
    terminate: () => worker.terminate(),
  };
}

export interface AnswerOf {
  report: NegotiationReport;
  export: ExportAnswer;
  walk: WalkAnswer;
  monitor: MonitorAnswer;
  import: ImportResult;
}

export interface SlotState<A> {
  answer: A | undefined;
  /** The document sequence the answer was computed on. */
  docSeq: number | undefined;
  millis: number | undefined;
  /** Why the newest request has no answer (the last answer, if any, stays in `answer`). */
  error: string | undefined;
  /** A request is waiting for its answer. */
  busy: boolean;
  /** Busy for longer than the delay: time to say "preparing…". */
  slow: boolean;
}

/** A slot's name; the kind rides along in the type so `get` returns the right answer. */
export type SlotKey<K extends JobKind> = string & { readonly kind?: K };

export function slotKey<K extends JobKind>(kind: K, owner: string): SlotKey<K> {
  return `${kind}:${owner}`;
}

export const REPORT_SLOT: SlotKey<'report'> = 'report';

export interface ClientOptions {
  /** Runs the queue soon (default: a microtask), so the requests of one render go out together. */
  soon?: (run: () => void) => void;
  /** Calls `fire` once the wait before "preparing…" is over; returns a cancel. Default: never. */
  delay?: (fire: () => void) => () => void;
}

interface Pending {
  id: number;
  spec: JobSpec;
  /** Order of asking, kept when a waiting request is superseded. */
  order: number;
  /** DOCUMENT_OUT_OF_STEP retries (the copy is sent whole again, once). */
  retried: boolean;
}

interface Slot {
  kind: JobKind;
  /** The newest request: waiting (`posted` false) or in the worker. */
  current: Pending | undefined;
  posted: boolean;
  /** What to ask again when the document changes; undefined when the slot is not wanted. */
  follow: JobSpec | undefined;
  state: SlotState<unknown>;
  listeners: Set<() => void>;
  cancelDelay: (() => void) | undefined;
}

const IDLE: SlotState<never> = Object.freeze({ answer: undefined, docSeq: undefined, millis: undefined, error: undefined, busy: false, slow: false });

/** A newer request of a slot replaces a waiting one; the monitor's actions of both are kept, in order. */
function supersede(older: JobSpec, newer: JobSpec): JobSpec {
  if (older.kind === 'monitor' && newer.kind === 'monitor' && older.session === newer.session) return { ...newer, actions: [...older.actions, ...newer.actions] };
  return newer;
}

/** The same question without its one-off part: the monitor's actions are applied already. */
function again(spec: JobSpec): JobSpec {
  return spec.kind === 'monitor' ? { ...spec, actions: [] } : spec;
}

export class EngineClient {
  private port: WorkerPort | undefined;
  private readonly slots = new Map<string, Slot>();
  private inflight: { key: string; id: number } | undefined;
  private doc: TopologyDocument | undefined;
  private docSeq = 0;
  /** The worker's copy: its sequence (null: none known) and the document it was made from. */
  private workerSeq: number | null = null;
  private sent: TopologyDocument | undefined;
  /** The last report rebuilt here and the id of its answer: report deltas are against it. */
  private received: NegotiationReport | undefined;
  private receivedId: number | null = null;
  private ids = 0;
  private order = 0;
  private pumpQueued = false;
  private readonly soon: (run: () => void) => void;
  private readonly delay: (fire: () => void) => () => void;

  constructor(options: ClientOptions = {}) {
    this.soon = options.soon ?? ((run) => queueMicrotask(run));
    this.delay = options.delay ?? (() => () => undefined);
    this.slot(REPORT_SLOT, 'report').follow = { kind: 'report' };
  }

  /** Starts using a worker (again): its copy starts empty, and requests it never answered are sent to it. */
  connect(port: WorkerPort): void {
    this.disconnect();
    this.port = port;
    port.listen({ message: (data) => this.onMessage(data), error: (message) => this.onError(message) });
    this.schedule();
  }

  /** Stops the worker; what it was computing is asked again of the next one. */
  disconnect(): void {
    const port = this.port;
    this.port = undefined;
    this.inflight = undefined;
    this.resync();
    for (const s of this.slots.values()) s.posted = false;
    port?.terminate();
  }

  /** The document the UI shows now. A change the worker can see asks every following slot again. */
  setDocument(doc: TopologyDocument): void {
    const changed = workerInputChanged(this.doc, doc);
    this.doc = doc;
    if (!changed) return;
    this.docSeq++;
    for (const s of this.slots.values()) {
      if (!followsDocument(s.kind)) continue;
      const spec = s.current && s.posted ? again(s.current.spec) : !s.current ? s.follow : undefined;
      if (spec) this.queue(s, spec);
    }
    this.schedule();
  }

  /** The sequence number of the current document (0 before the first). */
  get documentSeq(): number {
    return this.docSeq;
  }

  /** Asks a slot's question; a newer one supersedes what the slot asked before. */
  submit<K extends JobKind>(key: SlotKey<K>, spec: Extract<JobSpec, { kind: K }>): void {
    const s = this.slot(key, spec.kind);
    s.follow = followsDocument(spec.kind) ? again(spec) : undefined;
    this.queue(s, s.current && !s.posted ? supersede(s.current.spec, spec) : spec);
    this.schedule();
  }

  /** Forgets a slot's question: nothing waits, and an answer on its way is dropped. The last answer stays. */
  cancel(key: string): void {
    const s = this.slots.get(key);
    if (!s || key === REPORT_SLOT) return;
    s.current = undefined;
    s.posted = false;
    s.follow = undefined;
    this.setBusy(s, false);
  }

  /** Forgets a slot altogether, its last answer too (its consumer is gone: an export can be megabytes). */
  release(key: string): void {
    if (key === REPORT_SLOT) return;
    this.cancel(key);
    this.slots.delete(key);
  }

  get<K extends JobKind>(key: SlotKey<K>): SlotState<AnswerOf[K]> {
    return (this.slots.get(key)?.state ?? IDLE) as SlotState<AnswerOf[K]>;
  }

  subscribe(key: string, listener: () => void): () => void {
    const listeners = this.slots.get(key)?.listeners ?? this.slot(key, kindOfKey(key)).listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  private slot(key: string, kind: JobKind): Slot {
    let s = this.slots.get(key);
    if (!s) {
      s = { kind, current: undefined, posted: false, follow: undefined, state: IDLE, listeners: new Set(), cancelDelay: undefined };
      this.slots.set(key, s);
    }
    return s;
  }

  private queue(s: Slot, spec: JobSpec): void {
    const keepOrder = s.current && !s.posted ? s.current.order : ++this.order;
    s.current = { id: ++this.ids, spec, order: keepOrder, retried: false };
    s.posted = false;
    this.setBusy(s, true);
  }

  private setState(s: Slot, next: Partial<SlotState<unknown>>): void {
    s.state = { ...s.state, ...next };
    for (const l of [...s.listeners]) l();
  }

  private setBusy(s: Slot, busy: boolean): void {
    if (busy === s.state.busy) return;
    s.cancelDelay?.();
    s.cancelDelay = undefined;
    if (busy) {
      s.cancelDelay = this.delay(() => {
        s.cancelDelay = undefined;
        if (s.state.busy && !s.state.slow) this.setState(s, { slow: true });
      });
    }
    this.setState(s, { busy, slow: false });
  }

  private schedule(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    this.soon(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Sends the next waiting request, if the worker is free and there is a document. */
  private pump(): void {
    if (this.inflight || !this.port || !this.doc) return;
    let next: [string, Slot] | undefined;
    for (const entry of this.slots) {
      const [key, s] = entry;
      if (!s.current || s.posted) continue;
      if (key === REPORT_SLOT) {
        next = entry;
        break;
      }
      if (!next || (s.current.order < (next[1].current as Pending).order)) next = entry;
    }
    if (!next) return;
    const [key, s] = next;
    const req = s.current as Pending;
    const doc: DocumentStep = this.workerSeq === this.docSeq ? { seq: this.docSeq } : { seq: this.docSeq, delta: { base: this.workerSeq, lists: makeDelta(this.sent, this.doc) } };
    const message: WorkerRequest = req.spec.kind === 'report' ? { kind: 'report', id: req.id, doc, since: this.receivedId } : { ...req.spec, id: req.id, doc };
    this.workerSeq = this.docSeq;
    this.sent = this.doc;
    s.posted = true;
    this.inflight = { key, id: req.id };
    try {
      this.port.post(message);
    } catch (err) {
      // A document the structured clone refuses (a bug): say so, and send it whole next time.
      this.inflight = undefined;
      this.resync();
      this.fail(s, `the request could not be sent to the engine worker: ${err instanceof Error ? err.message : String(err)}`);
      this.schedule();
    }
  }

  /** Forget what the worker holds: the next request sends the document and the report whole. */
  private resync(): void {
    this.workerSeq = null;
    this.sent = undefined;
    this.received = undefined;
    this.receivedId = null;
  }

  private fail(s: Slot, message: string): void {
    s.current = undefined;
    s.posted = false;
    s.cancelDelay?.();
    s.cancelDelay = undefined;
    this.setState(s, { error: message, busy: false, slow: false });
  }

  private onMessage(data: unknown): void {
    this.answer(data);
    this.schedule();
  }

  private answer(data: unknown): void {
    const flight = this.inflight;
    this.inflight = undefined;
    const parsed = parseResponse(data);
    const r: WorkerResponse | undefined = parsed.ok ? parsed.value : undefined;
    if (!r || !flight || r.id !== flight.id) {
      // Not an answer to the request in the worker: the two sides no longer agree on anything.
      this.resync();
      const s = flight && this.slots.get(flight.key);
      if (s && s.current?.id === flight.id) this.fail(s, `the engine worker's answer was not understood (${parsed.ok ? `it answers request ${r?.id ?? '?'}, not ${flight.id}` : parsed.message})`);
      return;
    }
    // Every report answer is a delta against the last one, so it is applied even when dropped.
    let answer: unknown;
    if (r.ok && r.kind === 'report') {
      const report: NegotiationReport = { ...r.report.rest, tunnels: applyList(this.received?.tunnels, r.report.tunnels) };
      this.received = report;
      this.receivedId = r.id;
      answer = report;
    } else if (r.ok) answer = r.result;
    if (!r.ok && r.code !== 'JOB_FAILED') this.resync();
    const s = this.slots.get(flight.key);
    if (!s || s.current?.id !== r.id) return;
    if (!r.ok) {
      if (r.code === 'DOCUMENT_OUT_OF_STEP' && !s.current.retried) {
        // The copy is sent whole with the retry (resync above); a second refusal is a bug, shown.
        this.queue(s, s.current.spec);
        (s.current as Pending).retried = true;
        return;
      }
      this.fail(s, r.message);
      return;
    }
    if (r.docSeq !== this.docSeq && followsDocument(r.kind)) {
      // setDocument asks again before this can happen; never show an answer for an older document.
      this.queue(s, again(s.current.spec));
      return;
    }
    s.current = undefined;
    s.posted = false;
    s.cancelDelay?.();
    s.cancelDelay = undefined;
    this.setState(s, { answer, docSeq: r.docSeq, millis: r.millis, error: undefined, busy: false, slow: false });
  }

  private onError(message: string): void {
    const flight = this.inflight;
    this.inflight = undefined;
    this.resync();
    const text = `the engine worker stopped: ${message}`;
    for (const [key, s] of this.slots) {
      if (flight && key === flight.key && s.current?.id === flight.id) this.fail(s, text);
      else if (s.current) this.setState(s, { error: text });
    }
    this.schedule();
  }
}

function kindOfKey(key: string): JobKind {
  const kind = key.split(':')[0];
  return kind === 'export' || kind === 'walk' || kind === 'monitor' || kind === 'import' ? kind : 'report';
}
