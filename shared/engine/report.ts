// The negotiation report: what the engine says about each tunnel. The zod schema is the source of
// the TypeScript types and of the published JSON Schema (docs/negotiation-report.schema.json, kept
// up to date by a test). The UI, the packet walk, the monitor and the command line all read this,
// so field names are stable: add fields, never rename them.
import { z } from 'zod';
import type { Command } from '../commands/commands';
import { NotifySchema, StatusSchema } from '../vocabulary/notify';
import { ProvenanceSchema, RuleSchema } from '../vocabulary/provenance';

export const EndKeySchema = z.enum(['a', 'b']);

/** The attribute at fault when proposals do not intersect. */
export const ProposalAttributeSchema = z.enum(['encryption', 'integrity', 'dhGroup', 'lifetime', 'pfs', 'mode']);
export type ProposalAttribute = z.infer<typeof ProposalAttributeSchema>;

export const ChosenIkeProposalSchema = z.strictObject({
  encryption: z.string(),
  integrity: z.string(),
  dhGroup: z.number().int(),
});

export const Phase1Schema = z.strictObject({
  status: StatusSchema,
  /** The notify the failing side sends; absent on success and on a silent timeout. */
  notify: NotifySchema.optional(),
  /** A sentence naming the attribute at fault, when down. */
  reason: z.string().optional(),
  /** The chosen proposal, when up. */
  proposal: ChosenIkeProposalSchema.optional(),
  ikeVersion: z.union([z.literal(1), z.literal(2)]).optional(),
  /** IKEv1: main or aggressive; IKEv2: `ike_sa_init`. */
  exchange: z.enum(['main', 'aggressive', 'ike_sa_init']).optional(),
  /** Which end sent the notify (the responder, usually). */
  notifyFrom: EndKeySchema.optional(),
  /** The initiator gave up without an answer it could use (IKEv1 PSK mismatch, version mismatch). */
  timedOut: z.boolean().optional(),
  /** What failed, as a stable word. */
  /** `child`: the IKE_AUTH child was refused and the product takes the IKE SA down with it (OpenIKED). */
  failure: z.enum(['version', 'proposal', 'psk', 'auth-method', 'identity', 'exchange-mode', 'config', 'gateway-missing', 'child']).optional(),
  failedAttribute: ProposalAttributeSchema.optional(),
  /** An INVALID_KE_PAYLOAD round trip happened before agreement. */
  keRetryGroup: z.number().int().optional(),
  /** Ids of the rules (in `rules[]`) that decided this. */
  rules: z.array(z.string()),
});
export type Phase1Result = z.infer<typeof Phase1Schema>;

export const SelectorPairSchema = z.strictObject({
  local: z.string(),
  remote: z.string(),
});

export const SelectorSetsSchema = z.strictObject({
  local: z.array(z.string()),
  remote: z.array(z.string()),
});
export type SelectorSets = z.infer<typeof SelectorSetsSchema>;

export const ChosenEspSchema = z.strictObject({
  encryption: z.string(),
  integrity: z.string(),
  /** PFS group agreed, absent when no PFS. */
  pfsGroup: z.number().int().optional(),
});

export const PfsOutcomeSchema = z.strictObject({
  /**
   * `agreed`: both use this group; `none`: neither uses PFS; `mismatch`: no common group (fails now
   * in IKEv1 and CREATE_CHILD_SA); `deferred`: the first IKEv2 child carries no KE, so a PFS
   * mismatch only shows at the first rekey.
   */
  status: z.enum(['agreed', 'none', 'mismatch', 'deferred']),
  group: z.number().int().optional(),
});

/**
 * A child SA's outcome: `up` both ends install the same selectors (mirrored); `asymmetric` both
 * install it with different selectors (an end that installs its own configured selectors, or an
 * IKEv1 answer whose identification payload carries one port of a range), so traffic in the
 * difference is dropped by the stricter end; `down` none is installed.
 */
export const Phase2StatusSchema = z.enum(['up', 'asymmetric', 'down']);
export type Phase2Status = z.infer<typeof Phase2StatusSchema>;

/** The selectors one end installs, from its own point of view. */
export const InstalledPairSchema = z.strictObject({ local: z.array(z.string()), remote: z.array(z.string()) });
export type InstalledPair = z.infer<typeof InstalledPairSchema>;

export const Phase2Schema = z.strictObject({
  /** Position in `phase2[]`. */
  index: z.number().int(),
  /** The proxy ID / child name on the initiator, or a generated label. */
  name: z.string(),
  /** Indexes into the initiator's `proxyIds[]` that this proposal comes from (empty: the vendor default). */
  initiatorProxyIds: z.array(z.number().int()),
  /** The selector pair the initiator proposes, from its point of view (first selectors of the child). */
  proposed: SelectorPairSchema,
  /** Everything put in TSi/TSr (IKEv2) or IDci/IDcr (IKEv1, always one each), initiator's view. */
  proposedTs: SelectorSetsSchema,
  /** The proposal starts with the packet-specific selector of a triggering packet (RFC 7296 §2.9). */
  triggeredBy: z.string().optional(),
  /** The initiator proposes its vendor's default 0.0.0.0/0 <-> 0.0.0.0/0, having no proxy ID. */
  isDefault: z.boolean(),
  status: Phase2StatusSchema,
  notify: NotifySchema.optional(),
  /** Who sent the notify. */
  notifyFrom: EndKeySchema.optional(),
  reason: z.string().optional(),
  /** The selectors negotiated, from the initiator's point of view (what it takes from the answer). */
  negotiated: SelectorSetsSchema.optional(),
  /**
   * When asymmetric: what each end installs, each from its own point of view (`local` is its own
   * side). Absent when up: both install `negotiated`, the responder mirrored (see `installedOf`).
   */
  installed: z.strictObject({ initiator: InstalledPairSchema, responder: InstalledPairSchema }).optional(),
  /** The responder's proxy ID / child config that matched (its name, or "#index"). */
  responderConfig: z.string().optional(),
  responderProxyIds: z.array(z.number().int()).optional(),
  /** The exchange that carried it. */
  exchange: z.enum(['IKE_AUTH', 'CREATE_CHILD_SA', 'QUICK_MODE']).optional(),
  esp: ChosenEspSchema.optional(),
  pfs: PfsOutcomeSchema.optional(),
  failedAttribute: ProposalAttributeSchema.optional(),
  rules: z.array(z.string()),
});
export type Phase2Result = z.infer<typeof Phase2Schema>;

export const EXCHANGES = ['IKE_SA_INIT', 'IKE_AUTH', 'CREATE_CHILD_SA', 'INFORMATIONAL', 'MAIN_MODE', 'AGGRESSIVE_MODE', 'QUICK_MODE', 'INFORMATIONAL_V1'] as const;

export const TimelineEntrySchema = z.strictObject({
  /** 0-based order. */
  seq: z.number().int(),
  exchange: z.enum(EXCHANGES),
  /** IKEv1 Main Mode message number (1-6), Aggressive (1-3), Quick Mode (1-3); IKEv2 request/response. */
  message: z.string(),
  from: EndKeySchema,
  to: EndKeySchema,
  /** Gateway names, for display. */
  fromGateway: z.string(),
  toGateway: z.string(),
  /** Payloads in the usual notation: `SA KE Ni N(NATD_S_IP)`, `IDi AUTH SA TSi TSr`. */
  summary: z.string(),
  notify: NotifySchema.optional(),
  /** The phase-2 entry this message belongs to. */
  phase2Index: z.number().int().optional(),
  /** The message is lost or never answered (retransmits). */
  unanswered: z.boolean().optional(),
  /** The receiver cannot decrypt it (IKEv1 with different pre-shared keys). */
  unreadable: z.boolean().optional(),
  /** The SA payload of a request: each proposal offered, as `AES_CBC_256/HMAC_SHA2_256_128/MODP_2048`. */
  proposals: z.array(z.string()).optional(),
  /** The SA payload of a response: the proposal the responder chose. */
  chosen: z.string().optional(),
  /** The DH group of the KE payload (IKE SA, or PFS in Quick Mode and CREATE_CHILD_SA). */
  keGroup: z.number().int().optional(),
  /** Identities carried (IDi/IDii and IDr/IDir), as `type value`. */
  ids: z.strictObject({ i: z.string().optional(), r: z.string().optional() }).optional(),
  /**
   * Selectors carried, from the initiator's point of view: TSi/TSr (IKEv2) or IDci/IDcr (IKEv1).
   * In a request as sent; in a response as the responder narrowed them.
   */
  ts: z.strictObject({ i: z.array(z.string()), r: z.array(z.string()) }).optional(),
  /** What the notify says beyond its type, where the engine knows it (the group wanted, the selectors refused). */
  notifyData: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const SideLogSchema = z.strictObject({
  gateway: z.string(),
  vendor: z.string(),
  /** Where the vendor writes these lines: `ikemgr.log`, `charon.log`, `debug crypto ikev2`, `event log`. */
  source: z.string(),
  lines: z.array(z.string()),
});

export const DIAGNOSTIC_CODES = [
  'SELECTOR_REVERSED',
  'PREFIX_LENGTH_MISMATCH',
  'PROTOCOL_PORT_MISMATCH',
  'SELECTOR_NOT_CHOSEN',
  'MISSING_PROXY_ID',
  'DEFAULT_SELECTOR_VS_POLICY_BASED_PEER',
  'NAT_ADDRESS_IN_SELECTOR',
  'ROUTE_WITHOUT_PROXY_ID',
  'PROXY_ID_WITHOUT_ROUTE',
  'TUNNEL_CAPACITY_EXCEEDED',
  'PROPOSAL_MISMATCH',
  'PSK_MISMATCH',
  'IKE_VERSION_MISMATCH',
  'IDENTITY_MISMATCH',
  'AUTH_METHOD_MISMATCH',
  'EXCHANGE_MODE_MISMATCH',
  'PFS_MISMATCH_AT_REKEY',
  'SELECTOR_NARROWED',
  'SELECTOR_ASYMMETRIC',
  'ONLY_FIRST_SELECTOR_USED',
  'SINGLE_PROXY_ID_ONLY',
  'INVALID_SELECTOR',
  'MIXED_ADDRESS_FAMILIES',
  'EMPTY_PROPOSALS',
  'GATEWAY_MISSING',
  'INTERFACE_MISSING',
  'BOTH_ENDS_PASSIVE',
  'ALGORITHM_UNSUPPORTED',
  'VALUE_OUT_OF_RANGE',
  'CONFIGURATION_UNSUPPORTED',
  'INITIATOR_DEPENDENT',
  'REKEY_FAILS',
] as const;
export const DiagnosticCodeSchema = z.enum(DIAGNOSTIC_CODES);
export type DiagnosticCode = z.infer<typeof DiagnosticCodeSchema>;

/**
 * A document command (shared/commands/commands.ts). Typed as `Command` in TypeScript; the JSON
 * Schema describes it as an object with a `type` (the full command union lives in that file).
 */
export const CommandSchema = z.custom<Command>((v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string', {
  message: 'a document command',
});

export const DiagnosticSchema = z.strictObject({
  code: DiagnosticCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  /** The end the cause is on (and the fix changes), when there is one. */
  end: EndKeySchema.optional(),
  gateway: z.string().optional(),
  /** The selector concerned, in strongSwan notation, and the proxy ID it comes from. */
  selector: z.strictObject({ local: z.string().optional(), remote: z.string().optional(), proxyIdIndex: z.number().int().optional() }).optional(),
  phase2Index: z.number().int().optional(),
  message: z.string(),
  /** One click: apply these commands (as one batch) to fix it. Empty when no safe automatic fix exists. */
  fix: z.array(CommandSchema),
  fixLabel: z.string().optional(),
  /** What the fix changes, as the engine saw it on a copy with the fix applied. */
  fixEffect: z.string().optional(),
  /** Why no one-click fix is offered (the engine, run with it applied, saw no help or harm). */
  fixWithheld: z.string().optional(),
  /** The finding this one follows from (fix that first). */
  causedBy: DiagnosticCodeSchema.optional(),
  provenance: ProvenanceSchema,
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** One child's outcome in a `byInitiator` summary: the selectors the initiator of that exchange proposes, from its point of view. */
export const SelectorOutcomeSchema = z.strictObject({
  name: z.string(),
  local: z.string(),
  remote: z.string(),
  status: Phase2StatusSchema,
  notify: NotifySchema.optional(),
});
export type SelectorOutcome = z.infer<typeof SelectorOutcomeSchema>;

/**
 * A phase-2 rekey started by one end over the established IKE SA: every child that end proposes,
 * negotiated with it as initiator of the exchange (IKEv2 CREATE_CHILD_SA, which carries a KE
 * when PFS is configured; IKEv1 Quick Mode). `none`: that end proposes no child.
 */
export const RekeyOutcomeSchema = z.strictObject({
  status: z.enum(['up', 'partial', 'down', 'none']),
  phase2: z.array(SelectorOutcomeSchema),
  /** Why it is not up (the first failing child's reason). */
  reason: z.string().optional(),
});
export type RekeyOutcome = z.infer<typeof RekeyOutcomeSchema>;

/** The tunnel negotiated with one end as initiator. */
export const InitiatorOutcomeSchema = z.strictObject({
  /** The initiating gateway's name. */
  initiator: z.string(),
  /** That end is passive (responder only): it never initiates; the outcome says what would happen if it did. */
  passive: z.boolean().optional(),
  phase1: StatusSchema,
  /** The notify phase 1 fails with, when down. */
  notify: NotifySchema.optional(),
  status: z.enum(['up', 'partial', 'down']),
  /** The tunnel comes up this way (phase 1 and every proposed child installed; see verdict.ts). */
  comesUp: z.boolean(),
  phase2: z.array(SelectorOutcomeSchema),
  /** Why it does not come up, when it does not. */
  reason: z.string().optional(),
  /** A phase-2 rekey over this IKE SA started by each end; absent when phase 1 is down. */
  rekey: z.strictObject({ a: RekeyOutcomeSchema, b: RekeyOutcomeSchema }).optional(),
});
export type InitiatorOutcome = z.infer<typeof InitiatorOutcomeSchema>;

/**
 * The tunnel with each end as initiator, in brief (the chosen initiator's full entry is the
 * report itself). `statement` is set when the outcome depends on who initiates or rekeys, in a
 * way that matters (an end that is passive never initiates).
 */
export const ByInitiatorSchema = z.strictObject({
  a: InitiatorOutcomeSchema,
  b: InitiatorOutcomeSchema,
  /** Both initiators give the same outcome, and every rekey comes up where the tunnel does. */
  agree: z.boolean(),
  /** What a person reads under the tunnel: "comes up only when ASA-Branch initiates". */
  statement: z.string().optional(),
});
export type ByInitiator = z.infer<typeof ByInitiatorSchema>;

export const TunnelReportSchema = z.strictObject({
  tunnelId: z.string(),
  /** The tunnel's name. */
  tunnel: z.string(),
  /** The initiating gateway's name. */
  initiator: z.string(),
  responder: z.string(),
  initiatorEnd: EndKeySchema,
  vendors: z.strictObject({ a: z.string(), b: z.string() }),
  /** `summary`: computed without timeline and logs (they are empty); `full`: with them. */
  detail: z.enum(['full', 'summary']),
  /** Overall: `up` all phase-2 entries up, `partial` some, `down` none or phase 1 down. */
  status: z.enum(['up', 'partial', 'down']),
  phase1: Phase1Schema,
  phase2: z.array(Phase2Schema),
  timeline: z.array(TimelineEntrySchema),
  logs: z.strictObject({ a: SideLogSchema, b: SideLogSchema }),
  diagnostics: z.array(DiagnosticSchema),
  /** Every vendor rule used for this tunnel, with its provenance. */
  rules: z.array(RuleSchema),
  /** Both initiator choices and a rekey from either end, in brief; absent when the tunnel cannot be negotiated at all (a gateway or interface missing). */
  byInitiator: ByInitiatorSchema.optional(),
});
export type TunnelReport = z.infer<typeof TunnelReportSchema>;

export const REPORT_VERSION = 1;

export const NegotiationReportSchema = z.strictObject({
  reportVersion: z.literal(REPORT_VERSION),
  tunnels: z.array(TunnelReportSchema),
  /** Findings about gateways across tunnels (capacity). Tunnel findings are in each tunnel. */
  diagnostics: z.array(DiagnosticSchema),
  summary: z.strictObject({
    tunnels: z.number().int(),
    up: z.number().int(),
    partial: z.number().int(),
    down: z.number().int(),
    phase2Up: z.number().int(),
    phase2Down: z.number().int(),
  }),
});
export type NegotiationReport = z.infer<typeof NegotiationReportSchema>;

/** The published JSON Schema of the report (docs/negotiation-report.schema.json). */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(NegotiationReportSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === CommandSchema) {
        const js = ctx.jsonSchema as Record<string, unknown>;
        js.type = 'object';
        js.description = 'A document command (shared/commands/commands.ts): { "type": "proxyId.update", ... }';
        js.required = ['type'];
        js.properties = { type: { type: 'string' } };
      }
    },
  }) as Record<string, unknown>;
  return { ...schema, $id: 'https://ipsec-studio.invalid/negotiation-report.schema.json', title: 'IPsec Studio negotiation report' };
}

/** A child SA is installed (up, or up but asymmetric). */
export function isInstalled(p: Pick<Phase2Result, 'status'>): boolean {
  return p.status !== 'down';
}

/** What each end installs for an entry that is up or asymmetric, each from its own point of view. */
export function installedOf(p: Pick<Phase2Result, 'status' | 'negotiated' | 'installed'>): { initiator: InstalledPair; responder: InstalledPair } | undefined {
  if (p.installed) return p.installed;
  if (p.status === 'down' || !p.negotiated) return undefined;
  return { initiator: { local: p.negotiated.local, remote: p.negotiated.remote }, responder: { local: p.negotiated.remote, remote: p.negotiated.local } };
}
