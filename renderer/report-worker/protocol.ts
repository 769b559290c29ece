// Messages between the UI and the engine worker: one request union, one response union, each
// message checked by a schema on arrival. Every job is computed on the worker's copy of the
// document, which a request brings up to date with a delta (delta.ts) and names by its sequence
// number; the answer carries that number back, so the UI can tell an answer for an older
// document from a current one (client.ts drops the former).
//
// What is checked: the envelope of every message, every parameter, the structure of deltas, and
// the shape of what the UI renders. Documents and report entries inside deltas are checked only
// as records: they come from the editor, which admits only documents the file format accepts,
// and from the engine's own output; re-parsing 10,000 of them on each answer would put back on
// the UI thread the work the worker exists to take off it.
import { z } from 'zod';
import type { Gateway, Network, TopologyDocument, Tunnel, Vendor } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import type { InterfaceView } from '../../shared/monitor/status';
import type { MonitorLogEntry } from '../../shared/monitor/monitor';
import type { OpsResult } from '../../shared/show-commands/commands';
import type { ConfigFile, ImportResult } from '../../shared/import/import';
import type { ExportFile, ExportWarning } from '../../shared/vendors/kit/export/types';
import type { WalkErrorCode, WalkResult } from '../../shared/walk/walk';
import { EXPORT_VENDORS, isVendorId, type ExportVendorId } from '../../shared/vendors/registry';
import type { DocumentDelta, ListDelta } from './delta';
import type { PasteSteps } from '../../shared/export/changes';

export type JobKind = 'report' | 'export' | 'walk' | 'monitor' | 'import';
export const JOB_KINDS: readonly JobKind[] = ['report', 'export', 'walk', 'monitor', 'import'];

/** Whether a job's answer depends on the open document (an import reads only the files it brings). */
export const followsDocument = (kind: JobKind): boolean => kind !== 'import';

// ---- what the UI asks ---------------------------------------------------------------------

export interface ExportJobOptions {
  vendor: ExportVendorId | 'auto';
  includeSecrets: boolean;
  /** Gateway ids; all gateways when absent. */
  gateways?: string[];
  /** An imported topology: the files are each box's diff against what was imported (shared/export/changes.ts). */
  changes?: boolean;
}

/** A packet to walk, as typed (the walk itself says what is wrong with a bad address or port). */
export interface WalkPacket {
  from: string;
  to: string;
  protocol: string;
  port?: number;
}

/** What a person does in the monitor panel; the worker turns it into events on its own state. */
/** One SA of a tunnel: the end that holds it and its index there. */
export interface SaRef {
  end: 'a' | 'b';
  index: number;
}

export type MonitorAction =
  /** Traffic, a rekey or a lifetime expiry act on one SA when `sa` is given, else on every SA of the tunnel. */
  | { type: 'traffic' | 'lifetime-expiry' | 'rekey'; tunnelId: string; sa?: SaRef }
  /** The peer is the whole tunnel: these act on every SA. */
  | { type: 'peer-loss' | 'peer-recover' | 'peer-restart'; tunnelId: string }
  | { type: 'advance'; ms: number }
  | { type: 'reset' };

/** A show command to run against the monitor's state. */
export interface OpsQuery {
  gatewayId: string;
  command: string;
  tunnel?: string;
}

/** A job as the UI asks for it; the client adds the id and the document step. */
export type JobSpec =
  | { kind: 'report' }
  | { kind: 'export'; options: ExportJobOptions }
  | { kind: 'walk'; packet: WalkPacket }
  | {
      kind: 'monitor';
      /** One monitor session at a time: a new session starts from a fresh state. */
      session: string;
      /** Applied in order, once, before the view is computed. */
      actions: MonitorAction[];
      ops: OpsQuery | null;
    }
  | {
      kind: 'import';
      /** One configuration per device, as dropped or pasted. */
      files: ConfigFile[];
      includeSecrets: boolean;
      /** The device (its place in `files`) that initiates its tunnels; absent: as the configurations say. */
      initiator?: number;
    };

export interface DocumentStep {
  /** The document sequence the job is computed on. */
  seq: number;
  /** Present when the worker's copy is behind: the delta from its copy at `base` (null: from nothing). */
  delta?: { base: number | null; lists: DocumentDelta };
}

export type WorkerRequest = { id: number; doc: DocumentStep } & (
  | {
      kind: 'report';
      /** Id of the last report answer the UI holds (the new report is a delta against it), or null. */
      since: number | null;
    }
  | Exclude<JobSpec, { kind: 'report' }>
);

// ---- what the worker answers --------------------------------------------------------------

/**
 * The report crosses back as a delta too: tunnels whose report object the engine's cache kept
 * are not sent again (with a thousand tunnels, cloning the whole report costs more than
 * computing it).
 */
export interface ReportDelta {
  rest: Omit<NegotiationReport, 'tunnels'>;
  tunnels: ListDelta<NegotiationReport['tunnels'][number]>;
}

export type { PasteSteps };

export interface ExportAnswer {
  files: ExportFile[];
  /** Tunnels the engine predicts would not come up (DESIGN_WOULD_NOT_COME_UP). */
  design: ExportWarning[];
  /** What the configuration could not express. */
  other: ExportWarning[];
  /** Asked for the changes since the import: per box, what changed (the files are the diffs and what to paste, shared/export/changes.ts `changeOutputs`). */
  changes?: { gateway: string; status: 'changed' | 'unchanged' | 'added' | 'removed'; added: number; removed: number }[];
  /** Per changed box, how to apply what to paste. */
  paste?: { gateway: string; steps: PasteSteps[] }[];
}

/** The walk's answer without the monitor state it ends in (the panel does not show it). */
export type WalkAnswer = { ok: true; value: Omit<WalkResult, 'monitor'> } | { ok: false; code: WalkErrorCode; message: string };

export interface MonitorAnswer {
  now: number;
  views: InterfaceView[];
  /** The newest entries of the event log, oldest first. */
  log: MonitorLogEntry[];
  ops: OpsResult | null;
}

export const LOG_TAIL = 30;

/** Why the worker could not answer: a request it refused, a copy out of step, or a job that threw (a bug). */
export type WorkerFailureCode = 'INVALID_REQUEST' | 'DOCUMENT_OUT_OF_STEP' | 'JOB_FAILED';

interface Answered {
  id: number;
  /** The document sequence the answer was computed on. */
  docSeq: number;
  ok: true;
  millis: number;
}

export type WorkerResponse =
  | (Answered & { kind: 'report'; report: ReportDelta })
  | (Answered & { kind: 'export'; result: ExportAnswer })
  | (Answered & { kind: 'walk'; result: WalkAnswer })
  | (Answered & { kind: 'monitor'; result: MonitorAnswer })
  | (Answered & { kind: 'import'; result: ImportResult })
  | { kind: JobKind | null; id: number | null; docSeq: number | null; ok: false; code: WorkerFailureCode; message: string };

// ---- schemas ------------------------------------------------------------------------------

const Seq = z.int().nonnegative();
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A record with a string id: what a document entry is, checked only that far (see the top of this file). */
const entry = <T>(what: string) => z.custom<T>((v) => isRecord(v) && typeof v.id === 'string', `${what} must be a record with an id`);

function listDelta<T>(item: z.ZodType<T>): z.ZodType<ListDelta<T>> {
  return z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('same') }),
      z.strictObject({ kind: z.literal('full'), items: z.array(item) }),
      z.strictObject({ kind: z.literal('patch'), length: Seq, changed: z.array(z.tuple([Seq, item])) }),
    ])
    .refine((d) => d.kind !== 'patch' || d.changed.every(([i]) => i < d.length), 'a patch changes an entry beyond the end of its list') as z.ZodType<ListDelta<T>>;
}

const DocumentDeltaSchema = z.strictObject({
  formatVersion: z.custom<TopologyDocument['formatVersion']>((v) => Number.isInteger(v), 'formatVersion must be an integer'),
  name: z.string(),
  notes: z.string(),
  gateways: listDelta(entry<Gateway>('a gateway')),
  networks: listDelta(entry<Network>('a network')),
  tunnels: listDelta(entry<Tunnel>('a tunnel')),
  imported: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('same') }),
    z.strictObject({ kind: z.literal('full'), value: z.strictObject({ gateways: z.array(entry<Gateway>('a gateway')), networks: z.array(entry<Network>('a network')), tunnels: z.array(entry<Tunnel>('a tunnel')) }).nullable() }),
  ]),
});

const DocumentStepSchema = z.strictObject({
  seq: Seq,
  delta: z.strictObject({ base: Seq.nullable(), lists: DocumentDeltaSchema }).optional(),
});

const ExportJobOptionsSchema = z.strictObject({
  vendor: z.enum(['auto', ...EXPORT_VENDORS] as [string, ...string[]]),
  includeSecrets: z.boolean(),
  gateways: z.array(z.string()).optional(),
  changes: z.boolean().optional(),
});

const WalkPacketSchema = z.strictObject({ from: z.string(), to: z.string(), protocol: z.string(), port: z.number().optional() });

const MonitorActionSchema = z.union([
  z.strictObject({ type: z.enum(['traffic', 'lifetime-expiry', 'rekey']), tunnelId: z.string(), sa: z.strictObject({ end: z.enum(['a', 'b']), index: z.number().int().nonnegative() }).optional() }),
  z.strictObject({ type: z.enum(['peer-loss', 'peer-recover', 'peer-restart']), tunnelId: z.string() }),
  z.strictObject({ type: z.literal('advance'), ms: z.number().nonnegative() }),
  z.strictObject({ type: z.literal('reset') }),
]);

const OpsQuerySchema = z.strictObject({ gatewayId: z.string(), command: z.string(), tunnel: z.string().optional() });

const VendorSchema = z.custom<Vendor>((v) => isVendorId(v), 'vendor must be a product the app knows');
const ConfigFileSchema = z.strictObject({
  name: z.string().min(1).max(1000),
  // No length limit here: the import itself refuses a file too large, with a message that says so.
  content: z.string(),
  vendor: VendorSchema.optional(),
  label: z.string().max(1000).optional(),
  more: z.array(z.strictObject({ name: z.string().min(1).max(1000), content: z.string() })).optional(),
});

const Envelope = { id: Seq, doc: DocumentStepSchema };

const WorkerRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...Envelope, kind: z.literal('report'), since: Seq.nullable() }),
  z.strictObject({ ...Envelope, kind: z.literal('export'), options: ExportJobOptionsSchema }),
  z.strictObject({ ...Envelope, kind: z.literal('walk'), packet: WalkPacketSchema }),
  z.strictObject({ ...Envelope, kind: z.literal('monitor'), session: z.string().min(1).max(200), actions: z.array(MonitorActionSchema), ops: OpsQuerySchema.nullable() }),
  z.strictObject({ ...Envelope, kind: z.literal('import'), files: z.array(ConfigFileSchema).max(1000), includeSecrets: z.boolean(), initiator: z.number().int().min(0).max(999).optional() }),
]);

// Answers: what the UI reads, in loose objects (the rest of each domain object passes through).
const Source = z.looseObject({ provenance: z.string(), ref: z.string() });
const RuleUseSchema = z.looseObject({ id: z.string(), says: z.string(), source: Source });
const WarningSchema = z.looseObject({ code: z.string(), gateway: z.string(), message: z.string(), tunnel: z.string().optional(), file: z.string().optional(), line: z.number().optional() });

const ExportAnswerSchema = z.strictObject({
  files: z.array(z.strictObject({ name: z.string(), content: z.string() })),
  design: z.array(WarningSchema),
  other: z.array(WarningSchema),
  changes: z.array(z.strictObject({ gateway: z.string(), status: z.enum(['changed', 'unchanged', 'added', 'removed']), added: z.number(), removed: z.number() })).optional(),
  paste: z
    .array(
      z.strictObject({
        gateway: z.string(),
        steps: z.array(z.strictObject({ file: z.string(), kind: z.enum(['commands', 'file']), output: z.string(), enter: z.array(z.string()), leave: z.array(z.string()), notes: z.array(z.string()) })),
      }),
    )
    .optional(),
});

const WalkStepSchema = z.looseObject({
  leg: z.enum(['forward', 'reply']),
  kind: z.string(),
  ok: z.boolean(),
  gatewayName: z.string().optional(),
  title: z.string(),
  detail: z.string(),
  highlight: z.strictObject({ nodes: z.array(z.string()), edges: z.array(z.string()) }),
  rule: RuleUseSchema.optional(),
});

const WalkAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.looseObject({ outcome: z.enum(['delivered', 'dropped', 'blackholed', 'one-way']), summary: z.string(), steps: z.array(WalkStepSchema) }) }),
  z.strictObject({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);

const SaViewSchema = z.looseObject({
  tunnelId: z.string(),
  tunnelName: z.string(),
  end: z.enum(['a', 'b']),
  index: z.int(),
  proxyId: z.looseObject({ local: z.string(), remote: z.string() }),
  state: z.string(),
  counted: z.boolean(),
  peerHasSa: z.boolean(),
  rule: z.string(),
});

const InterfaceViewSchema = z.looseObject({
  gatewayId: z.string(),
  gatewayName: z.string(),
  name: z.string(),
  kind: z.enum(['tunnel-interface', 'policy']),
  tunnelIds: z.array(z.string()),
  status: z.enum(['UP', 'READY', 'DOWN']),
  routesInstalled: z.boolean(),
  sas: z.array(SaViewSchema),
  rules: z.array(RuleUseSchema),
});

const MonitorAnswerSchema = z.strictObject({
  now: z.number(),
  views: z.array(InterfaceViewSchema),
  log: z.array(z.looseObject({ at: z.number(), tunnelId: z.string(), message: z.string() })).max(LOG_TAIL),
  ops: z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), text: z.string() }), z.strictObject({ ok: z.literal(false), code: z.string(), message: z.string() })]).nullable(),
});

const TunnelReportEntry = z.custom<NegotiationReport['tunnels'][number]>((v) => isRecord(v) && typeof v.tunnel === 'string' && typeof v.status === 'string', 'a tunnel report must be a record with a tunnel and a status');

const ReportDeltaSchema = z.strictObject({
  rest: z.looseObject({ reportVersion: z.number(), diagnostics: z.array(z.unknown()), summary: z.looseObject({ tunnels: z.int(), up: z.int(), partial: z.int(), down: z.int() }) }),
  tunnels: listDelta(TunnelReportEntry),
});

const LineAccountSchema = z.strictObject({
  used: z.int().nonnegative(),
  ignored: z.int().nonnegative(),
  unknown: z.array(z.strictObject({ file: z.string(), line: z.int().positive(), text: z.string() })),
});

// The imported topology is checked as a record of lists here (see the top of this file); the
// dialog validates it whole, as an opened file is, before it replaces the open document.
const ImportedDocument = z.custom<TopologyDocument>((v) => isRecord(v) && Array.isArray(v.gateways) && Array.isArray(v.networks) && Array.isArray(v.tunnels), 'an imported topology must be a document with gateways, networks and tunnels');

const ImportAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    files: z.array(
      z.strictObject({
        name: z.string(),
        vendor: VendorSchema,
        label: z.string(),
        hostname: z.string().optional(),
        model: z.string().optional(),
        osVersion: z.string().optional(),
        lines: LineAccountSchema,
        peers: z.int().nonnegative(),
      }),
    ),
    document: ImportedDocument,
    peers: z.array(z.looseObject({ device: z.string(), peer: z.string(), tunnel: z.string(), pairedWith: z.string().optional(), external: z.string().optional() })),
  }),
  z.strictObject({ ok: z.literal(false), file: z.string(), code: z.enum(['EMPTY', 'BINARY', 'TOO_LARGE', 'UNRECOGNISED', 'WRONG_VENDOR', 'UNREADABLE', 'NO_FILES']), message: z.string() }),
]);

const Done = { id: Seq, docSeq: Seq, ok: z.literal(true), millis: z.number().nonnegative() };

// By `ok`, then by `kind`, so a refusal names the field that is wrong.
const WorkerResponseSchema = z.discriminatedUnion('ok', [
  z.discriminatedUnion('kind', [
    z.strictObject({ ...Done, kind: z.literal('report'), report: ReportDeltaSchema }),
    z.strictObject({ ...Done, kind: z.literal('export'), result: ExportAnswerSchema }),
    z.strictObject({ ...Done, kind: z.literal('walk'), result: WalkAnswerSchema }),
    z.strictObject({ ...Done, kind: z.literal('monitor'), result: MonitorAnswerSchema }),
    z.strictObject({ ...Done, kind: z.literal('import'), result: ImportAnswerSchema }),
  ]),
  z.strictObject({
    kind: z.enum(JOB_KINDS as [JobKind, ...JobKind[]]).nullable(),
    id: Seq.nullable(),
    docSeq: Seq.nullable(),
    ok: z.literal(false),
    code: z.enum(['INVALID_REQUEST', 'DOCUMENT_OUT_OF_STEP', 'JOB_FAILED']),
    message: z.string(),
  }),
]);

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The first problem of a message, as "where: what" (zod messages never hold the value). */
function problem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the message does not validate';
  return `${issue.path.length ? issue.path.map(String).join('.') : 'the message'}: ${issue.message}`;
}

/**
 * The schemas check the fields named above and let the rest of each domain object through, so
 * their output is the domain type; this is the one place that says so to the compiler.
 */
function check<T>(schema: z.ZodType, data: unknown): Checked<T> {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data as T } : { ok: false, message: problem(r.error) };
}

export function parseRequest(data: unknown): Checked<WorkerRequest> {
  return check<WorkerRequest>(WorkerRequestSchema, data);
}

export function parseResponse(data: unknown): Checked<WorkerResponse> {
  return check<WorkerResponse>(WorkerResponseSchema, data);
}

/** The id and kind of a request that did not validate, when they can be read, to answer it. */
export function requestIdentity(data: unknown): { id: number | null; kind: JobKind | null } {
  if (!isRecord(data)) return { id: null, kind: null };
  const id = Seq.safeParse(data.id);
  const kind = JOB_KINDS.find((k) => k === data.kind) ?? null;
  return { id: id.success ? id.data : null, kind };
}
