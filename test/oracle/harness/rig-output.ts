// What an ike-rigs driver (real Libreswan pluto or OpenIKED iked against real charon) prints, read
// and checked here rather than trusted, and the comparison of two such results or of a result
// with the engine's prediction. The drivers live outside the project (test/oracle/README.md), so
// their JSON is validated field by field: a change of its shape fails loudly as RIG_FAILED
// instead of turning into a wrong verdict.
import { z } from 'zod';
import { selectorSet } from './selector';

/**
 * Child outcome as both daemons saw it: `up` both ends installed the same selectors (mirrored);
 * `inconsistent` both installed an SA of this exchange (matched by SPI) with different selectors;
 * `initiator-only` the initiator installed it and the responder has nothing; `down` neither.
 * `split` is the engine's only: it made several SAs of one configured child and not all came up.
 */
export type OtherChildStatus = 'up' | 'down' | 'inconsistent' | 'initiator-only' | 'split';

export interface OtherChild {
  status: OtherChildStatus;
  /** Selectors each end installed, each from its own point of view (present unless down). */
  initiator_local_ts?: string[];
  initiator_remote_ts?: string[];
  responder_local_ts?: string[];
  responder_remote_ts?: string[];
  /** The responder's connection / policy / child config that was used. */
  responder_config?: string;
}

/** The compared part of a run: what the engine must predict. */
export interface OtherComparable {
  ike: 'up' | 'down';
  children: Record<string, OtherChild>;
  notifies_received_by_initiator: string[];
  notifies_sent_by_responder: string[];
}

const list = z.array(z.string());

const DriverChildSchema = z.object({
  status: z.enum(['up', 'down', 'inconsistent']),
  initiator_only: z.boolean().optional(),
  initiator_local_ts: list.optional(),
  initiator_remote_ts: list.optional(),
  responder_config: z.string().nullable().optional(),
  responder_local_ts: list.optional(),
  responder_remote_ts: list.optional(),
});

export const DriverObservedSchema = z.object({
  daemon: z.string(),
  ike: z.enum(['up', 'down']),
  children: z.record(z.string(), DriverChildSchema),
  notifies_received_by_initiator: list,
  notifies_sent_by_responder: list,
  install_errors: list,
  load_error: z.string().nullable(),
});
export type DriverObserved = z.infer<typeof DriverObservedSchema>;

const UnsupportedSchema = z.object({ unsupported: z.string() });

const NotifySeenSchema = z.object({ dir: z.enum(['sent', 'received']), notify: z.string(), msg: z.string() });
const EvidenceSideSchema = z.object({ ts: list, reasons: list, notifies: z.array(NotifySeenSchema), install_errors: list });
export type EvidenceSide = z.infer<typeof EvidenceSideSchema>;

const RoleSchema = z.enum(['charon', 'pluto', 'iked']);

export const DriverOutputSchema = z.object({
  id: z.string(),
  roles: z.object({ initiator: RoleSchema, responder: RoleSchema }),
  observed: z.union([DriverObservedSchema, UnsupportedSchema]).nullable(),
  evidence: z.object({ initiator: EvidenceSideSchema, responder: EvidenceSideSchema }).optional(),
  notes: list.optional(),
  t_total_s: z.number().optional(),
  error: z.string().optional(),
});
export type DriverOutput = z.infer<typeof DriverOutputSchema>;

export type ParsedDriverOutput =
  | { ok: true; output: DriverOutput; observed: DriverObserved | null; unsupported: string | null }
  | { ok: false; message: string };

/** Reads a driver's stdout. Not JSON, not the expected shape, or a rig `error`: ok false, with why. */
export function parseDriverOutput(stdout: string): ParsedDriverOutput {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const tail = stdout.trim().split('\n').slice(-3).join(' | ');
    return { ok: false, message: `the driver printed no JSON${tail ? ` (${tail.slice(0, 300)})` : ''}` };
  }
  const r = DriverOutputSchema.safeParse(json);
  if (!r.success) return { ok: false, message: `the driver's JSON has an unexpected shape: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const out = r.data;
  if (out.error) return { ok: false, message: `the rig failed: ${out.error.split('\n')[0] ?? ''}` };
  if (!out.observed) return { ok: false, message: 'the driver printed no observation' };
  if ('unsupported' in out.observed) return { ok: true, output: out, observed: null, unsupported: out.observed.unsupported };
  return { ok: true, output: out, observed: out.observed, unsupported: null };
}

/** A driver observation (or a recorded one) in the compared shape, canonical. */
export function comparableOfDriver(o: DriverObserved): OtherComparable {
  const children: Record<string, OtherChild> = {};
  for (const [name, ch] of Object.entries(o.children)) {
    const il = ch.initiator_local_ts;
    const ir = ch.initiator_remote_ts;
    const config = ch.responder_config ?? undefined;
    if (ch.status === 'up') {
      // The driver calls a child up only when the responder installed the mirror image.
      children[name] = { status: 'up', initiator_local_ts: il ?? [], initiator_remote_ts: ir ?? [], responder_local_ts: ir ?? [], responder_remote_ts: il ?? [], ...(config !== undefined ? { responder_config: config } : {}) };
    } else if (ch.status === 'inconsistent') {
      children[name] = { status: 'inconsistent', initiator_local_ts: il ?? [], initiator_remote_ts: ir ?? [], responder_local_ts: ch.responder_local_ts ?? [], responder_remote_ts: ch.responder_remote_ts ?? [], ...(config !== undefined ? { responder_config: config } : {}) };
    } else if (ch.initiator_only) {
      children[name] = { status: 'initiator-only', initiator_local_ts: il ?? [], initiator_remote_ts: ir ?? [] };
    } else {
      children[name] = { status: 'down' };
    }
  }
  return canonicalOther({ ike: o.ike, children, notifies_received_by_initiator: o.notifies_received_by_initiator, notifies_sent_by_responder: o.notifies_sent_by_responder });
}

const TS_KEYS = ['initiator_local_ts', 'initiator_remote_ts', 'responder_local_ts', 'responder_remote_ts'] as const;

/** Selector and notify lists as sorted sets (daemons reorder; a notify repeated per child is one fact). */
export function canonicalOther(o: OtherComparable): OtherComparable {
  const children: Record<string, OtherChild> = {};
  for (const name of Object.keys(o.children).sort()) {
    const ch = o.children[name];
    if (!ch) continue;
    const out: OtherChild = { status: ch.status };
    for (const k of TS_KEYS) if (ch[k] !== undefined) out[k] = selectorSet(ch[k]);
    if (ch.responder_config !== undefined) out.responder_config = ch.responder_config;
    children[name] = out;
  }
  return {
    ike: o.ike,
    children,
    notifies_received_by_initiator: [...new Set(o.notifies_received_by_initiator)].sort(),
    notifies_sent_by_responder: [...new Set(o.notifies_sent_by_responder)].sort(),
  };
}

/**
 * Differences between two observations, "expected" first (empty when they agree): the IKE SA,
 * each child's status, both ends' selectors unless one side is down, the responder config of a
 * child both ends use, and both notify sets.
 */
export function otherDifferences(expected: OtherComparable, actual: OtherComparable, labels: { expected: string; actual: string } = { expected: 'expected', actual: 'got' }): string[] {
  const e = canonicalOther(expected);
  const a = canonicalOther(actual);
  const out: string[] = [];
  const say = (what: string, ev: unknown, av: unknown): void => {
    out.push(`${what}: ${labels.expected} ${typeof ev === 'string' ? ev : JSON.stringify(ev)}, ${labels.actual} ${typeof av === 'string' ? av : JSON.stringify(av)}`);
  };
  if (e.ike !== a.ike) say('ike', e.ike, a.ike);
  for (const name of [...new Set([...Object.keys(e.children), ...Object.keys(a.children)])].sort()) {
    const ec = e.children[name];
    const ac = a.children[name];
    if (!ec || !ac) {
      out.push(`child ${name}: ${ec ? `missing in ${labels.actual}` : `missing in ${labels.expected}`}`);
      continue;
    }
    if (ec.status !== ac.status) say(`child ${name} status`, ec.status, ac.status);
    // Against a child that is down, the status says it all; otherwise every end's selectors count.
    if (ec.status !== 'down' && ac.status !== 'down') {
      for (const k of TS_KEYS) {
        if (JSON.stringify(ec[k] ?? []) !== JSON.stringify(ac[k] ?? [])) say(`child ${name} ${k}`, ec[k] ?? [], ac[k] ?? []);
      }
    }
    if ((ec.status === 'up' || ec.status === 'inconsistent') && ec.status === ac.status && ec.responder_config !== ac.responder_config) say(`child ${name} responder_config`, ec.responder_config ?? null, ac.responder_config ?? null);
  }
  for (const k of ['notifies_received_by_initiator', 'notifies_sent_by_responder'] as const) {
    if (JSON.stringify(e[k]) !== JSON.stringify(a[k])) say(k, e[k], a[k]);
  }
  return out;
}
