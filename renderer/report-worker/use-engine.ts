// React's side of the engine worker: the app owns one client (client.ts) and its worker, and
// hands the client to panels through a context; a panel asks through a slot of its own and
// renders the slot's state. Typing never waits for the engine: the worker computes, the UI
// thread only sends and renders.
import { createContext, useContext, useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import { EngineClient, REPORT_SLOT, slotKey, workerPort, type ClientOptions, type SlotKey, type SlotState, type AnswerOf } from './client';
import type { JobKind, JobSpec } from './protocol';

/** How long an answer may take before its panel says it is preparing one: fast answers never flicker. */
export const PREPARING_DELAY_MS = 200;

const browserDelay: NonNullable<ClientOptions['delay']> = (fire) => {
  const t = window.setTimeout(fire, PREPARING_DELAY_MS);
  return () => window.clearTimeout(t);
};

export interface EngineState {
  report: NegotiationReport | undefined;
  error: string | undefined;
  /** Sequence number of the document the report belongs to (exposed for the benchmark). */
  seq: number;
  millis: number | undefined;
  /** For the panels, through EngineContext. */
  client: EngineClient;
}

export const EngineContext = createContext<EngineClient | null>(null);

function useSlot<K extends JobKind>(client: EngineClient | null, key: SlotKey<K>): SlotState<AnswerOf[K]> {
  return useSyncExternalStore(
    (onChange) => (client ? client.subscribe(key, onChange) : () => undefined),
    () => (client ? client.get(key) : IDLE_SLOT),
  );
}

const IDLE_SLOT: SlotState<never> = Object.freeze({ answer: undefined, docSeq: undefined, millis: undefined, error: undefined, busy: false, slow: false });

/** The app's engine: starts the worker, follows the document, and gives the report. */
export function useEngine(doc: TopologyDocument, options?: ClientOptions): EngineState {
  const [client] = useState(() => new EngineClient({ delay: browserDelay, ...options }));
  useEffect(() => {
    client.connect(workerPort(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'negotiation-engine' })));
    return () => client.disconnect();
  }, [client]);
  useEffect(() => client.setDocument(doc), [client, doc]);
  const report = useSlot(client, REPORT_SLOT);
  return { report: report.answer, error: report.error, seq: report.docSeq ?? 0, millis: report.millis, client };
}

/** A slot of this component's own, for one kind of job. */
export function useSlotKey<K extends JobKind>(kind: K): SlotKey<K> {
  return slotKey(kind, useId());
}

export interface Job<K extends JobKind> extends SlotState<AnswerOf[K]> {
  /** Asks (again, or something new); supersedes what this slot asked before. */
  submit(spec: Extract<JobSpec, { kind: K }>): void;
}

/**
 * A job of this component. With `spec`, asks it whenever the spec changes (and the client asks
 * again on every document change for kinds that follow the document); without, asks nothing and
 * drops what is on its way. Unmounting forgets the slot, its last answer too.
 */
export function useJob<K extends JobKind>(key: SlotKey<K>, spec?: Extract<JobSpec, { kind: K }>): Job<K> {
  const client = useContext(EngineContext);
  const state = useSlot(client, key);
  const wanted = spec === undefined ? undefined : JSON.stringify(spec);
  useEffect(() => {
    if (!client) return undefined;
    if (wanted === undefined) client.cancel(key);
    else client.submit(key, JSON.parse(wanted) as Extract<JobSpec, { kind: K }>);
    return undefined;
  }, [client, key, wanted]);
  useEffect(() => (client ? () => client.release(key) : undefined), [client, key]);
  return { ...state, submit: (s) => client?.submit(key, s) };
}
