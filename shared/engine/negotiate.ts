// The negotiation engine's entry points: for each tunnel, what the two real products would do in
// phase 1 and, per selector pair, in phase 2, with the messages exchanged, the log lines each side
// writes, and the likely human cause of each failure with a one-click fix. Pure and deterministic;
// bad input becomes diagnostics, never an exception.
import type { EndKey, EspProposal, Gateway, Network, TopologyDocument, Tunnel, TunnelEnd } from '../model/document';
import { parseIp } from '../net/address';
import { asIkev1Id, formatSelector, fromRange, makeSelector } from '../net/selector';
import { profileFor } from '../vendors/registry';
import type { VendorProfile } from '../vendors/profile';
import { analyse, capacityDiagnostics } from './diagnostics';
import { missingInterfaces } from './interface-diagnostics';
import { oneOf, planEnd, sel, textOneOf, type Child, type EndPlan, type Sel } from './plan';
import { describeIke, isAead, matchEsp, matchIke } from './proposals';
import {
  REPORT_VERSION,
  type Diagnostic,
  type NegotiationReport,
  type Notify,
  type Phase1Result,
  type Phase2Result,
  type Rule,
  type TimelineEntry,
  type TunnelReport,
} from './report';
import { initiatorTakes, respond } from './ts-match';

/** A packet that triggers the negotiation, from a host behind the initiator (RFC 7296 §2.9). */
export interface TriggerPacket {
  source: string;
  destination: string;
  protocol?: string | number;
  sourcePort?: number;
  destinationPort?: number;
}

export interface NegotiateOptions {
  /** Which end initiates (default: the tunnel's `initiator`, or the other end if that one is passive). */
  initiator?: EndKey;
  packet?: TriggerPacket;
  /**
   * `full` (default): with the message timeline and both sides' log lines. `summary`: every
   * negotiation and diagnostic, without timeline and logs (for whole-topology overviews; ask for
   * one tunnel in full when the user opens it).
   */
  detail?: 'full' | 'summary';
}

const other = (k: EndKey): EndKey => (k === 'a' ? 'b' : 'a');

const ENDS = ['a', 'b'] as const;
const NO_TIMELINE: readonly TimelineEntry[] = Object.freeze([]);
const NO_LINES: readonly string[] = Object.freeze([]);
const NO_LOGS: Record<EndKey, string[]> = Object.freeze({ a: NO_LINES as string[], b: NO_LINES as string[] });

/** Everything about one tunnel computation, filled as the negotiation proceeds. */
export class TunnelRun {
  /** Kept only with detail (without, these stay the shared empty lists and nothing is pushed). */
  readonly timeline: TimelineEntry[];
  readonly logs: Record<EndKey, string[]>;
  readonly diagnostics: Diagnostic[] = [];
  /** Rule ids per end in first-use order (a handful: a list is cheaper than a Set). */
  private readonly ruleIds: Record<EndKey, string[]> = { a: [], b: [] };
  readonly profiles: Record<EndKey, VendorProfile>;
  readonly peerLabel: Record<EndKey, string>;
  /** The initiator's children in phase2[] order (a triggering packet moves one first). */
  p2Children: Child[] = [];

  constructor(
    readonly tunnel: Tunnel,
    readonly gateways: Record<EndKey, Gateway>,
    readonly plans: Record<EndKey, EndPlan>,
    readonly init: EndKey,
    readonly networks: Record<EndKey, readonly Network[]>,
    readonly detail: boolean,
  ) {
    this.timeline = detail ? [] : (NO_TIMELINE as TimelineEntry[]);
    this.logs = detail ? { a: [], b: [] } : NO_LOGS;
    this.profiles = { a: profileFor(gateways.a.vendor), b: profileFor(gateways.b.vendor) };
    this.peerLabel = {
      a: plans.b.ikeAddress?.text ?? gateways.b.name,
      b: plans.a.ikeAddress?.text ?? gateways.a.name,
    };
  }

  get resp(): EndKey {
    return other(this.init);
  }

  end(k: EndKey): TunnelEnd {
    return this.tunnel[k];
  }

  use(end: EndKey, ruleId: string): string {
    const ids = this.ruleIds[end];
    if (!ids.includes(ruleId)) ids.push(ruleId);
    return ruleId;
  }

  rules(): Rule[] {
    const out: Rule[] = [];
    const seen: string[] = [];
    for (const end of ENDS) {
      const ids = this.ruleIds[end];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as string;
        if (seen.includes(id)) continue;
        const rule = this.profiles[end].rules[id];
        if (rule) {
          seen.push(id);
          out.push(rule);
        }
      }
    }
    return out;
  }

  msg(entry: Omit<TimelineEntry, 'seq' | 'to' | 'fromGateway' | 'toGateway'>): void {
    if (!this.detail) return;
    const e = entry as TimelineEntry;
    const to = other(entry.from);
    e.seq = this.timeline.length;
    e.to = to;
    e.fromGateway = this.gateways[entry.from].name;
    e.toGateway = this.gateways[to].name;
    this.timeline.push(e);
  }

  /** Marks the last message (when the timeline is kept). */
  markLast(flag: 'unanswered'): void {
    const last = this.timeline[this.timeline.length - 1];
    if (last) last[flag] = true;
  }

  log(k: EndKey, event: Parameters<VendorProfile['logs']['line']>[0]): void {
    if (!this.detail) return;
    this.logs[k].push(this.profiles[k].logs.line(event));
  }
}

// ---- phase 1 ------------------------------------------------------------------------------------

function identityOf(end: TunnelEnd, plan: EndPlan): { type: string; value: string } | undefined {
  if (end.auth?.localId) return end.auth.localId;
  return plan.ikeAddress ? { type: 'address', value: plan.ikeAddress.text } : undefined;
}

function sameIdentity(a: { type: string; value: string }, b: { type: string; value: string }): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'address') {
    const x = parseIp(a.value);
    const y = parseIp(b.value);
    if (x.ok && y.ok) return x.value.family === y.value.family && x.value.value === y.value.value;
  }
  return a.type === 'dn' || a.type === 'key-id' ? a.value === b.value : a.value.toLowerCase() === b.value.toLowerCase();
}

function phase1(run: TunnelRun): Phase1Result {
  const { init, resp } = run;
  const I = run.end(init);
  const R = run.end(resp);
  const PI = run.profiles[init];
  const PR = run.profiles[resp];
  const v = I.ikeVersion;
  const rules: string[] = [];
  const peerI = run.peerLabel[init];
  const peerR = run.peerLabel[resp];
  if (run.detail) run.log(init, { kind: 'ike-initiate', peer: peerI, version: v });

  const exchange: Phase1Result['exchange'] = v === 2 ? 'ike_sa_init' : I.exchangeMode === 'aggressive' ? 'aggressive' : 'main';
  const first = v === 2 ? 'IKE_SA_INIT' : exchange === 'aggressive' ? 'AGGRESSIVE_MODE' : 'MAIN_MODE';
  const initPayloads = v === 2 ? 'SA KE Ni N(NATD_S_IP) N(NATD_D_IP)' : exchange === 'aggressive' ? 'SA KE Ni IDii' : 'SA V V V';

  // Version.
  if (R.ikeVersion !== v) {
    rules.push(run.use(resp, PR.phase1.rules.version));
    if (run.detail) run.msg({ exchange: first, message: v === 2 ? 'request 0' : '1', from: init, summary: initPayloads });
    const reason = `${run.gateways[init].name} initiates with IKEv${v} but ${run.gateways[resp].name} is configured for IKEv${R.ikeVersion}.`;
    if (PR.phase1.versionMismatch === 'silent') {
      if (run.detail) run.log(resp, { kind: 'version-mismatch', peer: peerR, version: v });
      if (run.detail) run.log(init, { kind: 'timeout', peer: peerI });
      run.markLast('unanswered');
      return { status: 'down', reason, ikeVersion: v, exchange, timedOut: true, failure: 'version', rules };
    }
    const notify = PR.phase1.versionMismatch;
    if (run.detail) run.log(resp, { kind: 'version-mismatch', peer: peerR, version: v });
    if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_SA_INIT' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 0' : 'notify', from: resp, summary: `N(${notify})`, notify });
    if (run.detail) run.log(init, { kind: 'notify-received', peer: peerI, notify });
    return { status: 'down', notify, notifyFrom: resp, reason, ikeVersion: v, exchange, failure: 'version', rules };
  }

  // IKEv1 exchange mode.
  if (v === 1 && (R.exchangeMode ?? 'main') !== (I.exchangeMode ?? 'main')) {
    rules.push(run.use(resp, PR.phase1.rules.proposal));
    if (run.detail) run.msg({ exchange: first, message: '1', from: init, summary: initPayloads });
    if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'notify', from: resp, summary: 'N(NO_PROPOSAL_CHOSEN)', notify: 'NO_PROPOSAL_CHOSEN' });
    if (run.detail) run.log(resp, { kind: 'ike-no-proposal', peer: peerR, attribute: 'exchange mode' });
    if (run.detail) run.log(init, { kind: 'notify-received', peer: peerI, notify: 'NO_PROPOSAL_CHOSEN' });
    return { status: 'down', notify: 'NO_PROPOSAL_CHOSEN', notifyFrom: resp, reason: `${run.gateways[init].name} uses ${I.exchangeMode} mode, ${run.gateways[resp].name} expects ${R.exchangeMode} mode.`, ikeVersion: v, exchange, failure: 'exchange-mode', rules };
  }

  const im = I.auth?.method ?? 'psk';
  const rm = R.auth?.method ?? 'psk';
  // IKEv1 carries the authentication method in the SA proposal.
  const sentIke = v === 1 && PI.phase1.v1FirstTransformOnly ? firstTransforms(I.ike?.proposals ?? [], undefined, true) : (I.ike?.proposals ?? []);
  if (v === 1 && PI.phase1.v1FirstTransformOnly && PI.phase1.rules.v1Transforms) rules.push(run.use(init, PI.phase1.rules.v1Transforms));
  const match = matchIke(sentIke, R.ike?.proposals ?? [], {
    responderOrder: PR.phase1.responderOrder,
    lifetime: v === 1 ? { initiator: I.ike?.lifetimeSeconds ?? 28800, responder: R.ike?.lifetimeSeconds ?? 28800, mustNotExceed: PR.phase1.v1LifetimeMustNotExceed } : undefined,
  });
  rules.push(run.use(resp, PR.phase1.rules.proposal));
  if (run.detail) run.msg({ exchange: first, message: v === 2 ? 'request 0' : '1', from: init, summary: initPayloads });
  if (!match.ok || (v === 1 && im !== rm)) {
    const attribute = !match.ok ? match.attribute : undefined;
    const what = !match.ok ? (match.empty ? `no IKE proposal on ${run.gateways[match.empty === 'initiator' ? init : resp].name}` : `no common ${attribute === 'dhGroup' ? 'DH group' : attribute}`) : 'different authentication methods';
    if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_SA_INIT' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 0' : 'notify', from: resp, summary: 'N(NO_PROPOSAL_CHOSEN)', notify: 'NO_PROPOSAL_CHOSEN' });
    if (run.detail) run.log(resp, { kind: 'ike-no-proposal', peer: peerR, attribute: what });
    if (run.detail) run.log(init, { kind: 'notify-received', peer: peerI, notify: 'NO_PROPOSAL_CHOSEN' });
    return {
      status: 'down', notify: 'NO_PROPOSAL_CHOSEN', notifyFrom: resp,
      reason: `Phase 1 proposals do not match: ${what}.`,
      ikeVersion: v, exchange, failure: match.ok ? 'auth-method' : 'proposal', ...(attribute ? { failedAttribute: attribute } : {}), rules,
    };
  }
  const proposal = { encryption: match.encryption, integrity: match.integrity, dhGroup: match.dhGroup };
  let keRetryGroup: number | undefined;
  if (v === 2) {
    if (match.dhGroup !== match.initiatorKeGroup) {
      keRetryGroup = match.dhGroup;
      if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'response 0', from: resp, summary: `N(INVALID_KE_PAYLOAD) group ${match.dhGroup}`, notify: 'INVALID_KE_PAYLOAD' });
      if (run.detail) run.log(init, { kind: 'notify-received', peer: peerI, notify: 'INVALID_KE_PAYLOAD' });
      if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'request 0', from: init, summary: `SA KE(${match.dhGroup}) Ni N(NATD_S_IP) N(NATD_D_IP)` });
    }
    if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'response 0', from: resp, summary: 'SA KE Nr N(NATD_S_IP) N(NATD_D_IP) CERTREQ' });
  } else if (exchange === 'main') {
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '2', from: resp, summary: 'SA V V V' });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '3', from: init, summary: 'KE Ni NAT-D NAT-D' });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '4', from: resp, summary: 'KE Nr NAT-D NAT-D' });
  }
  if (run.detail) {
    const described = describeIke(match.encryption, match.integrity, match.dhGroup);
    run.log(resp, { kind: 'ike-proposal-selected', peer: peerR, proposal: described });
    run.log(init, { kind: 'ike-proposal-selected', peer: peerI, proposal: described });
  }

  // Authentication: identities and pre-shared key.
  const base = { ikeVersion: v, exchange, proposal, ...(keRetryGroup !== undefined ? { keRetryGroup } : {}) } as const;
  const idI = identityOf(I, run.plans[init]);
  const idR = identityOf(R, run.plans[resp]);
  const pskI = I.auth?.psk ?? '';
  const pskR = R.auth?.psk ?? '';
  const pskMismatch = im === 'psk' && rm === 'psk' && pskI !== '' && pskR !== '' && pskI !== pskR;
  const respRejectsId = R.auth?.remoteId !== undefined && idI !== undefined && !sameIdentity(R.auth.remoteId, idI);
  const initRejectsId = I.auth?.remoteId !== undefined && idR !== undefined && !sameIdentity(I.auth.remoteId, idR);
  const authMsg = v === 2 ? { exchange: 'IKE_AUTH' as const, message: 'request 1' } : exchange === 'aggressive' ? { exchange: 'AGGRESSIVE_MODE' as const, message: '1' } : { exchange: 'MAIN_MODE' as const, message: '5' };
  const childPart = v === 2 && run.plans[init].children.length > 0 ? ' SA TSi TSr' : '';
  if (run.detail && (v === 2 || exchange === 'main')) run.msg({ ...authMsg, from: init, summary: v === 2 ? `IDi${I.auth?.remoteId ? ' IDr' : ''} AUTH${childPart} N(INIT_CONTACT)` : 'IDii HASH_I (encrypted)' });

  if (v === 2 && im !== rm) {
    rules.push(run.use(resp, PR.phase1.rules.psk));
    return authFailed(run, 'auth-method', `${run.gateways[init].name} authenticates with ${im === 'psk' ? 'a pre-shared key' : 'a certificate'}, ${run.gateways[resp].name} expects ${rm === 'psk' ? 'a pre-shared key' : 'a certificate'}.`, base, rules);
  }
  if (respRejectsId) {
    rules.push(run.use(resp, PR.phase1.rules.identity));
    const notify: Notify = v === 2 ? 'AUTHENTICATION_FAILED' : PR.phase1.v1IdentityNotify;
    return authFailed(run, 'identity', `${run.gateways[resp].name} expects the peer identity ${R.auth.remoteId?.type} ${R.auth.remoteId?.value} but ${run.gateways[init].name} sends ${idI?.type} ${idI?.value}.`, base, rules, notify);
  }
  if (pskMismatch) {
    rules.push(run.use(resp, PR.phase1.rules.psk));
    if (v === 2) return authFailed(run, 'psk', `The pre-shared keys differ: ${run.gateways[resp].name} cannot verify ${run.gateways[init].name}'s AUTH payload.`, base, rules);
    if (exchange === 'aggressive') {
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '2', from: resp, summary: 'SA KE Nr IDir HASH_R' });
      if (run.detail) run.log(init, { kind: 'auth-failed', peer: peerI, why: 'HASH_R does not verify: pre-shared key mismatch' });
      return { status: 'down', ...base, reason: `The pre-shared keys differ: ${run.gateways[init].name} cannot verify ${run.gateways[resp].name}'s hash in Aggressive Mode.`, failure: 'psk', rules };
    }
    if (run.detail) run.log(resp, { kind: 'psk-undecryptable', peer: peerR });
    if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'notify', from: resp, summary: 'N(PAYLOAD_MALFORMED) (unreadable for the initiator)', notify: 'PAYLOAD_MALFORMED', unreadable: true });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '5 (retransmit)', from: init, summary: 'IDii HASH_I (encrypted)', unanswered: true });
    if (run.detail) run.log(init, { kind: 'timeout', peer: peerI });
    return { status: 'down', ...base, reason: `The pre-shared keys differ: ${run.gateways[resp].name} cannot decrypt Main Mode message 5 and answers PAYLOAD_MALFORMED, which ${run.gateways[init].name} cannot read; it retransmits and times out.`, notify: 'PAYLOAD_MALFORMED', notifyFrom: resp, timedOut: true, failure: 'psk', rules };
  }
  rules.push(run.use(resp, PR.phase1.rules.psk));
  if (v === 1) {
    if (exchange === 'aggressive') {
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '2', from: resp, summary: 'SA KE Nr IDir HASH_R' });
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '3', from: init, summary: 'HASH_I' });
    } else {
      if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '6', from: resp, summary: 'IDir HASH_R (encrypted)' });
    }
  }
  if (initRejectsId) {
    rules.push(run.use(init, PI.phase1.rules.identity));
    if (run.detail) run.log(init, { kind: 'auth-failed', peer: peerI, why: `peer identity ${idR?.type} ${idR?.value} is not the expected ${I.auth.remoteId?.type} ${I.auth.remoteId?.value}` });
    if (v === 2 && run.detail) run.msg({ exchange: 'IKE_AUTH', message: 'response 1', from: resp, summary: 'IDr AUTH SA TSi TSr' });
    if (run.detail) run.msg({ exchange: v === 2 ? 'INFORMATIONAL' : 'INFORMATIONAL_V1', message: 'request', from: init, summary: 'N(AUTHENTICATION_FAILED)', notify: 'AUTHENTICATION_FAILED' });
    return { status: 'down', ...base, notify: 'AUTHENTICATION_FAILED', notifyFrom: init, reason: `${run.gateways[init].name} expects the peer identity ${I.auth.remoteId?.type} ${I.auth.remoteId?.value} but ${run.gateways[resp].name} sends ${idR?.type} ${idR?.value}.`, failure: 'identity', rules };
  }
  if (run.detail) run.log(init, { kind: 'ike-established', peer: peerI, version: v });
  if (run.detail) run.log(resp, { kind: 'ike-established', peer: peerR, version: v });
  return { status: 'up', ...base, rules };
}

function authFailed(run: TunnelRun, failure: 'psk' | 'identity' | 'auth-method', reason: string, base: Pick<Phase1Result, 'ikeVersion' | 'exchange' | 'proposal' | 'keRetryGroup'>, rules: string[], notify: Notify = 'AUTHENTICATION_FAILED'): Phase1Result {
  const { init, resp } = run;
  const v = run.end(init).ikeVersion;
  if (run.detail) run.log(resp, { kind: 'auth-failed', peer: run.peerLabel[resp], why: reason });
  if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_AUTH' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 1' : 'notify', from: resp, summary: `N(${notify})`, notify });
  if (run.detail) run.log(init, { kind: 'notify-received', peer: run.peerLabel[init], notify });
  return { status: 'down', ...base, notify, notifyFrom: resp, reason, failure, rules };
}

// ---- phase 2 ------------------------------------------------------------------------------------

function packetSelectors(p: TriggerPacket): { local: Sel; remote: Sel } | undefined {
  const proto = p.protocol ?? 'any';
  const local = makeSelector(p.source, proto, p.sourcePort !== undefined ? String(p.sourcePort) : 'any');
  const remote = makeSelector(p.destination, proto, p.destinationPort !== undefined ? String(p.destinationPort) : 'any');
  if (!local.ok || !remote.ok) return undefined;
  const l = local.value;
  const r = remote.value;
  // A packet is one host each side, whatever was written.
  return {
    local: sel(fromRange({ family: l.family, from: l.from, to: l.from }, l.protocol, l.portFrom, l.portTo)),
    remote: sel(fromRange({ family: r.family, from: r.from, to: r.from }, r.protocol, r.portFrom, r.portTo)),
  };
}

type EspOutcome = { ok: true; esp: NonNullable<Phase2Result['esp']>; pfs: NonNullable<Phase2Result['pfs']>; keRetryGroup?: number } | { ok: false; attribute: NonNullable<Phase2Result['failedAttribute']>; reason: string };

/** The ESP outcome depends on the two ends and whether the exchange carries a KE, not on the selectors: once per tunnel. */
function espOutcome(run: TunnelRun, carriesKe: boolean, espI: readonly EspProposal[], espR: readonly EspProposal[], ikeGroup: number | undefined): EspOutcome {
  const { init, resp } = run;
  const I = run.end(init);
  const R = run.end(resp);
  if ((I.esp?.mode ?? 'tunnel') !== (R.esp?.mode ?? 'tunnel')) {
    return { ok: false, attribute: 'mode', reason: `ESP mode differs: ${run.gateways[init].name} ${I.esp.mode}, ${run.gateways[resp].name} ${R.esp.mode}.` };
  }
  // IKEv1 products that send one transform per cipher with one integrity and one PFS group:
  // strongSwan's Quick Mode carries the IKE SA's group when the proposal lists it, else its first.
  const sent = I.ikeVersion === 1 && run.profiles[init].phase1.v1FirstTransformOnly ? firstTransforms(espI, ikeGroup) : espI;
  const esp = matchEsp(sent, espR, {
    responderOrder: run.profiles[resp].phase1.responderOrder,
    carriesKe,
    responderAcceptsAnyPfs: run.plans[resp].behaviour.acceptsAnyPfsWhenNoneConfigured,
  });
  if (!esp.ok) {
    const what = esp.empty ? `no ESP proposal on ${run.gateways[esp.empty === 'initiator' ? init : resp].name}` : esp.attribute === 'pfs' ? 'no common PFS group (one side uses PFS, or the groups differ)' : `no common ${esp.attribute}`;
    return { ok: false, attribute: esp.attribute, reason: `Phase-2 (ESP) proposals do not match: ${what}.` };
  }
  return {
    ok: true,
    esp: { encryption: esp.encryption, integrity: esp.integrity, ...(esp.pfsGroup !== undefined && esp.pfs === 'agreed' ? { pfsGroup: esp.pfsGroup } : {}) },
    pfs: { status: esp.pfs, ...(esp.pfsGroup !== undefined ? { group: esp.pfsGroup } : {}) },
    ...(esp.keRetryGroup !== undefined ? { keRetryGroup: esp.keRetryGroup } : {}),
  };
}

/** Rule lists per stage reached, shared by the entries of one tunnel (they are the same). */
function rulesFor(run: TunnelRun, cache: (string[] | undefined)[], stage: 0 | 1 | 2 | 3, isDefault: boolean): string[] {
  const key = stage * 2 + (isDefault ? 1 : 0);
  let list = cache[key];
  if (list) return list;
  const { init, resp } = run;
  const bI = run.plans[init].behaviour;
  const bR = run.plans[resp].behaviour;
  const v = run.end(init).ikeVersion;
  list = [];
  if (isDefault) list.push(run.use(init, bI.rules.default));
  if (v === 1) list.push(run.use(init, bI.rules.v1Propose));
  if (stage >= 1) list.push(run.use(resp, v === 1 ? bR.rules.v1Respond : bR.rules.v2Respond));
  if (stage >= 2) list.push(run.use(resp, bR.rules.pfs));
  if (stage >= 2 && v === 1 && run.profiles[init].phase1.v1FirstTransformOnly) {
    const id = `${run.gateways[init].vendor}.v1.pfs-group`;
    if (run.profiles[init].rules[id]) list.push(run.use(init, id));
  }
  if (stage >= 3) list.push(run.use(init, bI.rules.v2Initiator));
  cache[key] = list;
  return list;
}

function sameSels(a: readonly Sel[], b: readonly Sel[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function noRange(list: readonly Sel[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Sel;
    if (!(s.noRange ??= textHasNoRange(s.text))) return false;
  }
  return true;
}

function textHasNoRange(text: string): boolean {
  const dash = text.indexOf('-');
  return !(dash >= 0 && !(text.indexOf('[') >= 0 && dash > text.indexOf('[')));
}

function phase2(run: TunnelRun, p1: Phase1Result, packet: TriggerPacket | undefined): Phase2Result[] {
  const { init, resp } = run;
  const I = run.end(init);
  const planI = run.plans[init];
  const planR = run.plans[resp];
  const bI = planI.behaviour;
  const bR = planR.behaviour;
  const v = I.ikeVersion;
  const peerI = run.peerLabel[init];
  const peerR = run.peerLabel[resp];
  const nameI = run.gateways[init].name;
  const nameR = run.gateways[resp].name;
  const pfsI = run.detail && (I.esp?.proposals ?? []).some((p) => (p.dhGroups ?? []).length > 0);
  const ruleCache: (string[] | undefined)[] = [];
  const espEndI = I.esp?.proposals ?? [];
  const espEndR = run.end(resp).esp?.proposals ?? [];
  // ESP outcomes per (initiator proposals, responder proposals, carries a KE): usually one pair of
  // lists for the whole tunnel (children rarely have their own), so a short list, searched.
  const espCache: { a: readonly EspProposal[]; b: readonly EspProposal[]; carriesKe: boolean; outcome: EspOutcome }[] = [];
  const espFor = (ci: Child, cr: Child, carriesKe: boolean): EspOutcome => {
    const a = ci.esp ?? espEndI;
    const b = cr.esp ?? espEndR;
    for (let i = 0; i < espCache.length; i++) {
      const e = espCache[i] as (typeof espCache)[number];
      if (e.a === a && e.b === b && e.carriesKe === carriesKe) return e.outcome;
    }
    const outcome = espOutcome(run, carriesKe, a, b, p1.proposal?.dhGroup);
    espCache.push({ a, b, carriesKe, outcome });
    return outcome;
  };

  let children: Child[] = planI.children;
  let trigger: { local: Sel; remote: Sel; text: string } | undefined;
  if (packet) {
    const ps = packetSelectors(packet);
    if (ps) {
      const idx = children.findIndex((c) => c.local.some((l) => contains(l, ps.local)) && c.remote.some((r) => contains(r, ps.remote)));
      if (idx >= 0) {
        trigger = { local: ps.local, remote: ps.remote, text: `${ps.local.text} -> ${ps.remote.text}` };
        children = [children[idx] as Child, ...children.filter((_, i) => i !== idx)];
      }
    }
  }
  run.p2Children = children;

  const strategy = v === 1 ? bR.v1Responder : bR.v2Responder;
  const policy = bI.v2Initiator;
  // IKEv2 strongSwan: a child whose configuration equals an installed one's is not established.
  const skipDuplicates = v === 2 && bI.v2SkipDuplicateChild === true;
  const installed = skipDuplicates ? new Set<string>() : undefined;
  const rejectNotify = v === 1 ? bR.v1RejectNotify : bR.v2RejectNotify;
  const results: Phase2Result[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Child;
    const l0 = child.local[0] as Sel;
    const r0 = child.remote[0] as Sel;
    const proposed = { local: l0.text, remote: r0.text };
    // What is put in TSi/TSr (IKEv2) or IDci/IDcr (IKEv1: the first selectors, one port each).
    // One-selector lists are shared (see oneOf), so the usual child allocates only the pair object.
    const triggered = trigger !== undefined && index === 0;
    let tsi: readonly Sel[];
    let tsr: readonly Sel[];
    let proposedTs: Phase2Result['proposedTs'];
    if (v === 1) {
      const li = idOf(l0);
      const ri = idOf(r0);
      tsi = child.local.length === 1 && li === l0 ? child.local : oneOf(li);
      tsr = child.remote.length === 1 && ri === r0 ? child.remote : oneOf(ri);
      proposedTs = { local: textOneOf(li), remote: textOneOf(ri) };
    } else if (triggered && trigger && policy !== 'exact-only') {
      tsi = [trigger.local, ...child.local];
      tsr = [trigger.remote, ...child.remote];
      proposedTs = { local: tsi.map(textOf), remote: tsr.map(textOf) };
    } else {
      tsi = child.local;
      tsr = child.remote;
      proposedTs = v2TsOf(child);
    }
    const triggeredBy = triggered && trigger ? trigger.text : undefined;
    // Rule lists are taken stage by stage, in this order, because the order rules are first used
    // in is the order of the tunnel's rules[]. Entries that fail are built with `startEntry` and
    // completed field by field (key order is part of the report); one that comes up is built whole.
    let rules = rulesFor(run, ruleCache, 0, child.isDefault);
    if (v === 1 && (tsi[0] !== child.local[0] || tsr[0] !== child.remote[0])) run.use(init, `${run.gateways[init].vendor}.v1.id-port`);
    if (p1.status === 'down') {
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.reason = 'Phase 1 is down, so no phase-2 negotiation happens.';
      results.push(entry);
      continue;
    }
    const dupKey = skipDuplicates ? dupKeyOf(v2TsOf(child), child.esp ?? espEndI) : '';
    if (installed?.has(dupKey)) {
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.reason = `${nameI} does not establish "${child.name}": a child with the same configuration and selectors is already installed on this IKE SA.`;
      if (bI.rules.duplicate) entry.rules = [...entry.rules, run.use(init, bI.rules.duplicate)];
      if (run.detail) run.log(init, { kind: 'child-duplicate', peer: peerI, child: child.name });
      results.push(entry);
      continue;
    }
    const exchange: Phase2Result['exchange'] = v === 1 ? 'QUICK_MODE' : index === 0 ? 'IKE_AUTH' : 'CREATE_CHILD_SA';
    if (run.detail) {
      run.log(init, { kind: 'child-proposing', peer: peerI, child: child.name, local: joined(proposedTs.local), remote: joined(proposedTs.remote) });
      if (exchange === 'QUICK_MODE') run.msg({ exchange, message: '1', from: init, summary: `HASH SA Ni${pfsI ? ' KE' : ''} IDci IDcr`, phase2Index: index });
      else if (exchange === 'CREATE_CHILD_SA') run.msg({ exchange, message: 'request', from: init, summary: `SA Ni${pfsI ? ' KE' : ''} TSi TSr`, phase2Index: index });
      // (The IKE_AUTH request itself is in the phase-1 part of the timeline.)
    }

    const answer = respond(strategy, tsi, tsr, planR.children, v === 1, run.detail && strategy === 'narrow-score');
    rules = rulesFor(run, ruleCache, 1, child.isDefault);
    if (run.detail) for (const step of answer.steps) if (step.match) run.log(resp, { kind: 'child-narrowed', peer: peerR, child: child.name, config: step.config, received: step.received, match: step.match });
    if (!answer.ok) {
      if (run.detail) run.log(resp, { kind: 'child-ts-rejected', peer: peerR, child: child.name, local: tsi[0]?.text ?? '', remote: tsr[0]?.text ?? '' });
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      results.push(entry);
      rejectEntry(run, entry, rejectNotify, `${nameR} has no proxy ID that accepts ${tsi[0]?.text} <-> ${tsr[0]?.text} (${strategyWords(strategy)}).`);
      continue;
    }
    const rc = planR.children[answer.configIndex] as Child;
    // ESP proposal and PFS (the first IKEv2 child rides IKE_AUTH without a KE).
    const carriesKe = exchange !== 'IKE_AUTH';
    const esp = espFor(child, rc, carriesKe);
    rules = rulesFor(run, ruleCache, 2, child.isDefault);
    if (!esp.ok) {
      if (run.detail) run.log(resp, { kind: 'child-no-proposal', peer: peerR, child: child.name });
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      entry.responderConfig = rc.name;
      entry.responderProxyIds = rc.proxyIdIndexes;
      entry.failedAttribute = esp.attribute;
      results.push(entry);
      rejectEntry(run, entry, 'NO_PROPOSAL_CHOSEN', esp.reason);
      continue;
    }
    if (esp.keRetryGroup !== undefined && exchange === 'CREATE_CHILD_SA') {
      if (run.detail) run.msg({ exchange, message: 'response', from: resp, summary: `N(INVALID_KE_PAYLOAD) group ${esp.keRetryGroup}`, notify: 'INVALID_KE_PAYLOAD', phase2Index: index });
      if (run.detail) run.msg({ exchange, message: 'request', from: init, summary: `SA Ni KE(${esp.keRetryGroup}) TSi TSr`, phase2Index: index });
    }
    // The initiator's view of the answer.
    rules = rulesFor(run, ruleCache, 3, child.isDefault);
    // IKEv1 answers travel as identification payloads too (one port, not a range).
    const answerTsi = v === 1 ? idsOf(answer.tsi) : answer.tsi;
    const answerTsr = v === 1 ? idsOf(answer.tsr) : answer.tsr;
    const take = initiatorTakes(policy, child, tsi, tsr, answerTsi, answerTsr);
    if (run.detail) run.msg({ exchange, message: exchange === 'QUICK_MODE' ? '2' : exchange === 'IKE_AUTH' ? 'response 1' : 'response', from: resp, summary: exchange === 'QUICK_MODE' ? 'HASH SA Nr IDci IDcr' : exchange === 'IKE_AUTH' ? 'IDr AUTH SA TSi TSr' : 'SA Nr TSi TSr', phase2Index: index });
    if (!take.ok) {
      if (run.detail) {
        run.log(init, { kind: 'child-ts-rejected', peer: peerI, child: child.name, local: answerTsr.map((x) => x.text).join(' '), remote: answerTsi.map((x) => x.text).join(' ') });
        run.msg({ exchange: v === 1 ? 'INFORMATIONAL_V1' : 'INFORMATIONAL', message: 'request', from: init, summary: 'D (delete CHILD_SA)', phase2Index: index });
      }
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      entry.responderConfig = rc.name;
      entry.responderProxyIds = rc.proxyIdIndexes;
      entry.esp = esp.esp;
      entry.pfs = esp.pfs;
      entry.reason = `${nameR} answered ${answerTsi.map((x) => x.text).join(' ')} <-> ${answerTsr.map((x) => x.text).join(' ')}, and ${nameI} refuses it: ${take.reason}.`;
      results.push(entry);
      continue;
    }
    if (run.detail && exchange === 'QUICK_MODE') run.msg({ exchange, message: '3', from: init, summary: 'HASH', phase2Index: index });
    // Installed selectors print ranges as a..b; when they are what was proposed, share the texts.
    const negotiated = sameSels(take.tsi, tsi) && sameSels(take.tsr, tsr) && noRange(tsi) && noRange(tsr) ? proposedTs : { local: take.tsi.map(rangeText), remote: take.tsr.map(rangeText) };
    if (triggeredBy === undefined) {
      results.push({ index, name: child.name, initiatorProxyIds: child.proxyIdIndexes, proposed, proposedTs, isDefault: child.isDefault, status: 'up', rules, exchange, responderConfig: rc.name, responderProxyIds: rc.proxyIdIndexes, esp: esp.esp, pfs: esp.pfs, negotiated });
    } else {
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      entry.responderConfig = rc.name;
      entry.responderProxyIds = rc.proxyIdIndexes;
      entry.esp = esp.esp;
      entry.pfs = esp.pfs;
      entry.status = 'up';
      entry.negotiated = negotiated;
      results.push(entry);
    }
    installed?.add(dupKey);
    if (run.detail) {
      run.log(init, { kind: 'child-established', peer: peerI, child: child.name, local: joined(negotiated.local), remote: joined(negotiated.remote) });
      run.log(resp, { kind: 'child-established', peer: peerR, child: rc.name, local: joined(negotiated.remote), remote: joined(negotiated.local) });
    }
  }
  return results;
}

const textOf = (x: Sel): string => x.text;

function v2TsOf(child: Child): Phase2Result['proposedTs'] {
  const l0 = child.local[0] as Sel;
  const r0 = child.remote[0] as Sel;
  return child.local.length === 1 && child.remote.length === 1 ? { local: textOneOf(l0), remote: textOneOf(r0) } : { local: child.local.map(textOf), remote: child.remote.map(textOf) };
}

/** What makes two IKEv2 children duplicates for strongSwan: the same selectors and ESP proposals. */
function dupKeyOf(ts: Phase2Result['proposedTs'], esp: readonly EspProposal[]): string {
  return `${ts.local.join(',')}|${ts.remote.join(',')}|${JSON.stringify(esp)}`;
}

/** A phase-2 entry as every path starts it (status down), with the keys in report order. */
function startEntry(index: number, child: Child, proposed: Phase2Result['proposed'], proposedTs: Phase2Result['proposedTs'], rules: string[], triggeredBy: string | undefined): Phase2Result {
  const entry: Phase2Result = { index, name: child.name, initiatorProxyIds: child.proxyIdIndexes, proposed, proposedTs, isDefault: child.isDefault, status: 'down', rules };
  if (triggeredBy !== undefined) entry.triggeredBy = triggeredBy;
  return entry;
}

function idOf(x: Sel): Sel {
  const id = asIkev1Id(x.s);
  return id === x.s ? x : sel(id);
}

/** `list.map(idOf)`, or the list itself when no selector changes (the usual case). */
function idsOf(list: readonly Sel[]): readonly Sel[] {
  for (let i = 0; i < list.length; i++) if (idOf(list[i] as Sel) !== list[i]) return list.map(idOf);
  return list;
}

/**
 * strongSwan's IKEv1 SA payload: one transform per proposal, with the proposal's first cipher (for
 * IKE the first IKEv1 knows: no AEAD), first integrity and one DH group (`preferGroup` when
 * listed, else the first). Source: proposal_substructure.c set_from_proposal_v1[_ike]; observed.
 */
function firstTransforms<T extends { encryption: readonly string[]; integrity: readonly string[]; dhGroups: readonly number[] }>(proposals: readonly T[], preferGroup?: number, ike = false): T[] {
  return proposals.map((p) => {
    const groups = p.dhGroups ?? [];
    const group = preferGroup !== undefined && groups.includes(preferGroup) ? [preferGroup] : groups.slice(0, 1);
    const ciphers = ike ? (p.encryption ?? []).filter((e) => !isAead(e)) : (p.encryption ?? []);
    return { ...p, encryption: ciphers.slice(0, 1), integrity: (p.integrity ?? []).slice(0, 1), dhGroups: group };
  });
}

/** Space-joined selectors for log lines; a single one is used as it is. */
function joined(list: readonly string[]): string {
  return list.length === 1 ? (list[0] as string) : list.join(' ');
}

function rejectEntry(run: TunnelRun, entry: Phase2Result, notify: Notify, reason: string): void {
  const { init, resp } = run;
  const exchange = entry.exchange;
  if (run.detail) {
    run.msg({ exchange: exchange === 'QUICK_MODE' ? 'INFORMATIONAL_V1' : exchange ?? 'INFORMATIONAL', message: exchange === 'QUICK_MODE' ? 'notify' : exchange === 'IKE_AUTH' ? 'response 1' : 'response', from: resp, summary: exchange === 'IKE_AUTH' ? `IDr AUTH N(${notify})` : `N(${notify})`, notify, phase2Index: entry.index });
    run.log(init, { kind: 'notify-received', peer: run.peerLabel[init], notify, child: entry.name });
  }
  entry.notify = notify;
  entry.notifyFrom = resp;
  entry.reason = reason;
}

function contains(a: Sel, b: Sel): boolean {
  const x = a.s;
  const y = b.s;
  return x.family === y.family && x.from <= y.from && y.to <= x.to && (x.protocol === 0 || x.protocol === y.protocol) && x.portFrom <= y.portFrom && y.portTo <= x.portTo;
}

/** Installed selectors print ranges as `a..b`, as `swanctl --list-sas` does. */
function rangeText(s: Sel): string {
  const bracket = s.text.indexOf('[');
  const dash = s.text.indexOf('-');
  if (dash < 0 || (bracket >= 0 && dash > bracket)) return s.text;
  return formatSelector(s.s, '..');
}

function strategyWords(s: string): string {
  switch (s) {
    case 'exact': return 'it requires an exact, mirrored match';
    case 'subset': return 'it accepts only a proposal inside one of its entries';
    case 'narrow-first':
    case 'narrow-score': return 'no configured selector intersects the proposal';
    default: return s;
  }
}

// ---- one tunnel ---------------------------------------------------------------------------------

function missingReport(tunnelId: string, name: string, message: string, ends?: { a?: Gateway; b?: Gateway; tunnel?: Tunnel }): TunnelReport {
  const emptyLog = (k: EndKey) => ({ gateway: ends?.[k]?.name ?? '', vendor: ends?.[k]?.vendor ?? '', source: '', lines: [] });
  const fix = ends?.tunnel ? [{ type: 'tunnel.remove' as const, id: ends.tunnel.id }] : [];
  return {
    tunnelId,
    tunnel: name,
    initiator: ends?.a?.name ?? '',
    responder: ends?.b?.name ?? '',
    initiatorEnd: 'a',
    vendors: { a: ends?.a?.vendor ?? '', b: ends?.b?.vendor ?? '' },
    detail: 'full',
    status: 'down',
    phase1: { status: 'down', reason: message, failure: 'gateway-missing', rules: [] },
    phase2: [],
    timeline: [],
    logs: { a: emptyLog('a'), b: emptyLog('b') },
    diagnostics: [{ code: 'GATEWAY_MISSING', severity: 'error', message, fix, ...(fix.length ? { fixLabel: 'Delete the tunnel' } : {}), provenance: 'verified' }],
    rules: [],
  };
}

function validEnd(end: unknown): end is TunnelEnd {
  return typeof end === 'object' && end !== null && typeof (end as TunnelEnd).gatewayId === 'string';
}

export function computeTunnel(tunnel: Tunnel, gwA: Gateway | undefined, gwB: Gateway | undefined, networks: Record<EndKey, readonly Network[]>, options: NegotiateOptions = {}): TunnelReport {
  return tunnelReport(tunnel, gwA, gwB, networks, options, options.detail === 'summary' ? 'summary' : 'full');
}

/**
 * One tunnel's report. `lazy`: full detail whose `timeline` and `logs` are built when first read
 * (see withLazyDetail); the negotiation itself runs now, without them.
 */
function tunnelReport(tunnel: Tunnel, gwA: Gateway | undefined, gwB: Gateway | undefined, networks: Record<EndKey, readonly Network[]>, options: NegotiateOptions, finish: 'full' | 'summary' | 'lazy'): TunnelReport {
  const name = typeof tunnel.name === 'string' ? tunnel.name : String(tunnel.id);
  if (!validEnd(tunnel.a) || !validEnd(tunnel.b)) return missingReport(tunnel.id, name, `Tunnel "${name}" lacks an end.`, { tunnel });
  if (!gwA || !gwB) {
    const missing = !gwA ? tunnel.a.gatewayId : tunnel.b.gatewayId;
    return missingReport(tunnel.id, name, `Tunnel "${name}" refers to gateway "${missing}", which does not exist.`, { ...(gwA ? { a: gwA } : {}), ...(gwB ? { b: gwB } : {}), tunnel });
  }
  const gateways = { a: gwA, b: gwB };
  let init: EndKey = options.initiator ?? (tunnel.initiator === 'b' ? 'b' : 'a');
  if (!options.initiator && tunnel[init].passive && !tunnel[other(init)].passive) init = other(init);
  const profA = profileFor(gwA.vendor);
  const profB = profileFor(gwB.vendor);
  const plans = { a: planEnd(tunnel.a, gwA, gwB, tunnel.b, profA), b: planEnd(tunnel.b, gwB, gwA, tunnel.a, profB) };
  const run = new TunnelRun(tunnel, gateways, plans, init, networks, finish === 'full');

  let p1: Phase1Result;
  const missing = missingInterfaces(tunnel, gateways);
  if (missing) {
    p1 = missing.phase1;
    run.diagnostics.push(...missing.diagnostics);
  } else if (tunnel.a.passive && tunnel.b.passive && !options.initiator) {
    p1 = { status: 'down', reason: 'Both ends are passive (responder only): nobody initiates.', failure: 'config', rules: [] };
    run.diagnostics.push({ code: 'BOTH_ENDS_PASSIVE', severity: 'error', end: init, gateway: gateways[init].name, message: p1.reason ?? '', fix: [{ type: 'tunnelEnd.update', tunnelId: tunnel.id, end: init, changes: { passive: false } }], fixLabel: `Let ${gateways[init].name} initiate`, provenance: 'verified' });
  } else {
    p1 = phase1(run);
  }
  const p2 = phase2(run, p1, options.packet);
  if (run.detail && p1.status === 'up' && p1.ikeVersion === 2 && p2.length === 0) run.msg({ exchange: 'IKE_AUTH', message: 'response 1', from: init === 'a' ? 'b' : 'a', summary: 'IDr AUTH' });
  analyse(run, p1, p2);
  let up = 0;
  for (let i = 0; i < p2.length; i++) if ((p2[i] as Phase2Result).status === 'up') up++;
  const status: TunnelReport['status'] = p1.status === 'down' || up === 0 ? 'down' : up === p2.length ? 'up' : 'partial';
  if (finish === 'lazy') return withLazyDetail(tunnel, gwA, gwB, networks, options.initiator, name, init, status, p1, p2, run.diagnostics, run.rules());
  return {
    tunnelId: tunnel.id,
    tunnel: name,
    initiator: gateways[init].name,
    responder: gateways[other(init)].name,
    initiatorEnd: init,
    vendors: { a: gwA.vendor, b: gwB.vendor },
    detail: run.detail ? 'full' : 'summary',
    status,
    phase1: p1,
    phase2: p2,
    timeline: run.detail ? run.timeline : [],
    logs: {
      a: { gateway: gwA.name, vendor: gwA.vendor, source: run.profiles.a.logs.source, lines: run.detail ? run.logs.a : [] },
      b: { gateway: gwB.name, vendor: gwB.vendor, source: run.profiles.b.logs.source, lines: run.detail ? run.logs.b : [] },
    },
    diagnostics: run.diagnostics,
    rules: run.rules(),
  };
}

/** What a lazy report needs to build its timeline and logs, and them once built. */
interface LazyDetail {
  tunnel: Tunnel;
  a: Gateway;
  b: Gateway;
  networks: Record<EndKey, readonly Network[]>;
  initiator: EndKey | undefined;
  timeline: TimelineEntry[] | undefined;
  logs: TunnelReport['logs'] | undefined;
}

const LAZY = Symbol('lazy detail');

function detailOf(report: TunnelReport): LazyDetail {
  const d = (report as unknown as { [LAZY]: LazyDetail })[LAZY];
  if (d.timeline === undefined || d.logs === undefined) {
    const full = computeTunnel(d.tunnel, d.a, d.b, d.networks, d.initiator ? { initiator: d.initiator } : {});
    d.timeline = full.timeline;
    d.logs = full.logs;
  }
  return d;
}

/** Writing the field replaces the accessor by a plain value. */
function ownValue(report: TunnelReport, key: 'timeline' | 'logs', value: unknown): void {
  Object.defineProperty(report, key, { value, writable: true, enumerable: true, configurable: true });
}

// Shared accessors (one pair of functions for every lazy report): own, enumerable properties, so
// JSON.stringify, structured clone (postMessage) and object spread read them like plain fields.
const LAZY_TIMELINE: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: TunnelReport) {
    return detailOf(this).timeline;
  },
  set(this: TunnelReport, v: unknown) {
    ownValue(this, 'timeline', v);
  },
};
const LAZY_LOGS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: TunnelReport) {
    return detailOf(this).logs;
  },
  set(this: TunnelReport, v: unknown) {
    ownValue(this, 'logs', v);
  },
};

// ---- public entry points ------------------------------------------------------------------------

function gatewayMap(doc: TopologyDocument): Map<string, Gateway> {
  const m = new Map<string, Gateway>();
  for (const g of Array.isArray(doc.gateways) ? doc.gateways : []) m.set(g.id, g);
  return m;
}

function networkMap(doc: TopologyDocument): Map<string, Network[]> {
  const m = new Map<string, Network[]>();
  for (const n of Array.isArray(doc.networks) ? doc.networks : []) {
    const list = m.get(n.gatewayId);
    if (list) list.push(n);
    else m.set(n.gatewayId, [n]);
  }
  return m;
}

const NO_NETWORKS: readonly Network[] = [];
const NO_OPTIONS: NegotiateOptions = Object.freeze({});

/** One tunnel's report. An unknown tunnel id gives a report that says so (never an exception). */
export function negotiateTunnel(doc: TopologyDocument, tunnelId: string, options: NegotiateOptions = {}): TunnelReport {
  const tunnels = Array.isArray(doc.tunnels) ? doc.tunnels : [];
  const tunnel = tunnels.find((t) => t.id === tunnelId);
  if (!tunnel) return missingReport(tunnelId, tunnelId, `There is no tunnel with id "${tunnelId}".`);
  const gws = gatewayMap(doc);
  const nets = networkMap(doc);
  const a = validEnd(tunnel.a) ? tunnel.a.gatewayId : '';
  const b = validEnd(tunnel.b) ? tunnel.b.gatewayId : '';
  return computeTunnel(tunnel, gws.get(a), gws.get(b), { a: nets.get(a) ?? NO_NETWORKS, b: nets.get(b) ?? NO_NETWORKS }, options);
}

export interface ReportOptions {
  /** Per tunnel (by id): who initiates. */
  initiators?: Record<string, EndKey>;
  /** See NegotiateOptions.detail. */
  detail?: 'full' | 'summary';
}

/** The report for every tunnel of the document. */
export function computeReport(doc: TopologyDocument, options: ReportOptions = {}): NegotiationReport {
  return createReportCache().compute(doc, options);
}

interface CachedTunnel {
  tunnel: Tunnel;
  a: Gateway | undefined;
  b: Gateway | undefined;
  netsA: readonly Network[];
  netsB: readonly Network[];
  initiator: EndKey | undefined;
  detail: 'full' | 'summary';
  report: TunnelReport;
  up: number;
  /** The last compute() that saw this tunnel. */
  generation: number;
}

function sameList<T>(x: readonly T[], y: readonly T[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * A full-detail tunnel report whose `timeline` and `logs` are built when first read: the
 * negotiation ran without them (every outcome, diagnostic and rule), and reading either field runs
 * the same pure computation again with them, once. Document objects are immutable (edits replace
 * them), so both runs see the same input and the result is the one an eager computation gives.
 * Key order is the eager report's.
 */
function withLazyDetail(tunnel: Tunnel, a: Gateway, b: Gateway, networks: Record<EndKey, readonly Network[]>, initiator: EndKey | undefined, name: string, init: EndKey, status: TunnelReport['status'], phase1: Phase1Result, phase2: Phase2Result[], diagnostics: Diagnostic[], rules: Rule[]): TunnelReport {
  const gateways = { a, b };
  // The first ten fields now; timeline and logs as accessors, then the last two, in report order.
  const head: Omit<TunnelReport, 'timeline' | 'logs' | 'diagnostics' | 'rules'> = {
    tunnelId: tunnel.id,
    tunnel: name,
    initiator: gateways[init].name,
    responder: gateways[other(init)].name,
    initiatorEnd: init,
    vendors: { a: a.vendor, b: b.vendor },
    detail: 'full',
    status,
    phase1,
    phase2,
  };
  const report = head as TunnelReport;
  const lazy: LazyDetail = { tunnel, a, b, networks, initiator, timeline: undefined, logs: undefined };
  Object.defineProperty(report, LAZY, { value: lazy });
  Object.defineProperty(report, 'timeline', LAZY_TIMELINE);
  Object.defineProperty(report, 'logs', LAZY_LOGS);
  report.diagnostics = diagnostics;
  report.rules = rules;
  return report;
}

export interface ReportCache {
  /** The full report; tunnels whose objects (tunnel, both gateways, their networks) are unchanged reuse the last result. */
  compute(doc: TopologyDocument, options?: ReportOptions): NegotiationReport;
  /** How many tunnels the last `compute` actually recomputed. */
  readonly lastRecomputed: number;
}

export function createReportCache(): ReportCache {
  const byId = new Map<string, CachedTunnel>();
  let lastRecomputed = 0;
  let generation = 0;
  // Lookups rebuilt only when their array changed (an edit to a tunnel leaves gateways[] and networks[] identical).
  let gwSource: unknown;
  let gws = new Map<string, Gateway>();
  let netSource: unknown;
  let nets = new Map<string, Network[]>();
  return {
    get lastRecomputed() {
      return lastRecomputed;
    },
    compute(doc, options = {}) {
      // Same gateway and network arrays as last time: an unchanged tunnel finds the same gateway
      // and network objects, so it is reused without looking them up (what an edit costs is
      // mostly this loop over every tunnel).
      const lookupsSame = gwSource !== undefined && netSource !== undefined && doc.gateways === gwSource && doc.networks === netSource;
      if (doc.gateways !== gwSource || gwSource === undefined) {
        gws = gatewayMap(doc);
        gwSource = doc.gateways;
      }
      if (doc.networks !== netSource || netSource === undefined) {
        nets = networkMap(doc);
        netSource = doc.networks;
      }
      generation++;
      const reports: TunnelReport[] = [];
      const summary = { tunnels: 0, up: 0, partial: 0, down: 0, phase2Up: 0, phase2Down: 0 };
      lastRecomputed = 0;
      for (const tunnel of Array.isArray(doc.tunnels) ? doc.tunnels : []) {
        const initiator = options.initiators?.[tunnel.id];
        const detail = options.detail ?? 'full';
        const prev = byId.get(tunnel.id);
        if (lookupsSame && prev && prev.tunnel === tunnel && prev.initiator === initiator && prev.detail === detail) {
          prev.generation = generation;
          reports.push(prev.report);
          summary[prev.report.status]++;
          summary.phase2Up += prev.up;
          summary.phase2Down += prev.report.phase2.length - prev.up;
          continue;
        }
        const aId = validEnd(tunnel.a) ? tunnel.a.gatewayId : '';
        const bId = validEnd(tunnel.b) ? tunnel.b.gatewayId : '';
        const a = gws.get(aId);
        const b = gws.get(bId);
        const netsA = nets.get(aId) ?? NO_NETWORKS;
        const netsB = nets.get(bId) ?? NO_NETWORKS;
        let entry: CachedTunnel;
        if (prev && prev.tunnel === tunnel && prev.a === a && prev.b === b && prev.initiator === initiator && prev.detail === detail && sameList(prev.netsA, netsA) && sameList(prev.netsB, netsB)) {
          entry = prev;
        } else {
          lastRecomputed++;
          const report = tunnelReport(tunnel, a, b, { a: netsA, b: netsB }, initiator ? { initiator } : NO_OPTIONS, detail === 'full' ? 'lazy' : 'summary');
          let up = 0;
          for (const p of report.phase2) if (p.status === 'up') up++;
          entry = { tunnel, a, b, netsA, netsB, initiator, detail, report, up, generation };
          byId.set(tunnel.id, entry);
        }
        entry.generation = generation;
        reports.push(entry.report);
        summary[entry.report.status]++;
        summary.phase2Up += entry.up;
        summary.phase2Down += entry.report.phase2.length - entry.up;
      }
      // Forget tunnels that are gone (only when some are).
      if (byId.size !== reports.length) for (const [id, e] of byId) if (e.generation !== generation) byId.delete(id);
      summary.tunnels = reports.length;
      return { reportVersion: REPORT_VERSION, tunnels: reports, diagnostics: capacityDiagnostics(doc), summary };
    },
  };
}
