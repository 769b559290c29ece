// Phase 2, per child the initiator proposes: what it puts in TSi/TSr (IKEv2) or IDci/IDcr (IKEv1),
// what the responder's product accepts and answers, ESP and PFS, and what the initiator's product
// makes of the answer. A triggering packet's selector goes first where the product does that.
import type { EndKey, EspProposal } from '../model/document';
import { asIkev1Id, formatSelector, fromRange, makeSelector } from '../net/selector';
import type { TriggerPacket } from './options';
import type { NegotiationRun } from './negotiation-run';
import { oneOf, sel, textOneOf, type ChildPlan, type PlannedSelector } from './plan';
import { identityOf } from './phase1';
import { negotiatedEspProposals } from '../vendors/algorithms';
import { describeEsp, describeOffer, firstTransforms, matchEsp } from './proposals';
import type { Phase1Result, Phase2Result } from './report';
import { initiatorTakes, respond } from './traffic-selector-match';
import type { Notify } from '../vocabulary/notify';
import type { SelectorBehaviour } from '../vendors/kit/profile';

function packetSelectors(p: TriggerPacket): { local: PlannedSelector; remote: PlannedSelector } | undefined {
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
function espOutcome(run: NegotiationRun, carriesKe: boolean, espI: readonly EspProposal[], espR: readonly EspProposal[], ikeGroup: number | undefined): EspOutcome {
  const { initiatorEnd, responderEnd } = run;
  const I = run.end(initiatorEnd);
  const R = run.end(responderEnd);
  if ((I.esp?.mode ?? 'tunnel') !== (R.esp?.mode ?? 'tunnel')) {
    return { ok: false, attribute: 'mode', reason: `ESP mode differs: ${run.gateways[initiatorEnd].name} ${I.esp.mode}, ${run.gateways[responderEnd].name} ${R.esp.mode}.` };
  }
  // IKEv1 products that send one transform per cipher with one integrity and one PFS group:
  // strongSwan's Quick Mode carries the IKE SA's group when the proposal lists it, else its first.
  // A product that drops some proposals before negotiating (OpenIKED on Linux: AEAD ESP) offers and accepts the rest.
  const offeredI = negotiatedEspProposals(run.gateways[initiatorEnd].vendor, run.gateways[initiatorEnd].osVersion, I.ikeVersion, espI);
  const acceptedR = negotiatedEspProposals(run.gateways[responderEnd].vendor, run.gateways[responderEnd].osVersion, I.ikeVersion, espR);
  const sent = I.ikeVersion === 1 && run.profiles[initiatorEnd].phase1.v1FirstTransformOnly ? firstTransforms(offeredI, ikeGroup) : offeredI;
  const esp = matchEsp(sent, acceptedR, {
    responderOrder: run.profiles[responderEnd].phase1.responderOrder,
    carriesKe,
    responderAcceptsAnyPfs: run.plans[responderEnd].behaviour.acceptsAnyPfsWhenNoneConfigured,
  });
  if (!esp.ok) {
    const what = esp.empty ? `no ESP proposal on ${run.gateways[esp.empty === 'initiator' ? initiatorEnd : responderEnd].name}` : esp.attribute === 'pfs' ? 'no common PFS group (one side uses PFS, or the groups differ)' : `no common ${esp.attribute}`;
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
function rulesFor(run: NegotiationRun, cache: (string[] | undefined)[], stage: 0 | 1 | 2 | 3, isDefault: boolean): string[] {
  const key = stage * 2 + (isDefault ? 1 : 0);
  let list = cache[key];
  if (list) return list;
  const { initiatorEnd, responderEnd } = run;
  const bI = run.plans[initiatorEnd].behaviour;
  const bR = run.plans[responderEnd].behaviour;
  const v = run.end(initiatorEnd).ikeVersion;
  list = [];
  if (isDefault) list.push(run.use(initiatorEnd, bI.rules.default));
  if (v === 1) list.push(run.use(initiatorEnd, bI.rules.v1Propose));
  if (stage >= 1) list.push(run.use(responderEnd, v === 1 ? bR.rules.v1Respond : bR.rules.v2Respond));
  if (stage >= 2) list.push(run.use(responderEnd, bR.rules.pfs));
  if (stage >= 2 && v === 1 && run.profiles[initiatorEnd].phase1.v1FirstTransformOnly && bI.rules.v1PfsGroup) list.push(run.use(initiatorEnd, bI.rules.v1PfsGroup));
  // The initiator's narrowing rules are IKEv2 statements; an IKEv1 verdict does not cite them.
  if (stage >= 3 && v === 2) list.push(run.use(initiatorEnd, bI.rules.v2Initiator));
  if (stage >= 3 && v === 1 && bI.rules.v1Initiator) list.push(run.use(initiatorEnd, bI.rules.v1Initiator));
  cache[key] = list;
  return list;
}

function sameSels(a: readonly PlannedSelector[], b: readonly PlannedSelector[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same selectors, in any order (installed selectors compared by value, not by text). */
function sameSet(a: readonly PlannedSelector[], b: readonly PlannedSelector[]): boolean {
  const key = (x: PlannedSelector): string => `${x.s.family}|${x.s.from}|${x.s.to}|${x.s.protocol}|${x.s.portFrom}|${x.s.portTo}`;
  const ka = new Set(a.map(key));
  const kb = new Set(b.map(key));
  if (ka.size !== kb.size) return false;
  for (const k of ka) if (!kb.has(k)) return false;
  return true;
}

/** The end installs its own configured selectors in this role (profile `installs`). */
function installsOwn(b: SelectorBehaviour, v: 1 | 2, role: 'Initiator' | 'Responder'): boolean {
  return b.installs?.[`v${v}${role}`] === 'own';
}

function noRange(list: readonly PlannedSelector[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as PlannedSelector;
    if (!(s.noRange ??= textHasNoRange(s.text))) return false;
  }
  return true;
}

function textHasNoRange(text: string): boolean {
  const dash = text.indexOf('-');
  return !(dash >= 0 && !(text.indexOf('[') >= 0 && dash > text.indexOf('[')));
}

export function phase2(run: NegotiationRun, p1: Phase1Result, packet: TriggerPacket | undefined): Phase2Result[] {
  const { initiatorEnd, responderEnd } = run;
  const I = run.end(initiatorEnd);
  const planI = run.plans[initiatorEnd];
  const planR = run.plans[responderEnd];
  const bI = planI.behaviour;
  const bR = planR.behaviour;
  const v = I.ikeVersion;
  const peerI = run.peerLabel[initiatorEnd];
  const peerR = run.peerLabel[responderEnd];
  const nameI = run.gateways[initiatorEnd].name;
  const nameR = run.gateways[responderEnd].name;
  const pfsI = run.detail && (I.esp?.proposals ?? []).some((p) => (p.dhGroups ?? []).length > 0);
  const ruleCache: (string[] | undefined)[] = [];
  const espEndI = I.esp?.proposals ?? [];
  const espEndR = run.end(responderEnd).esp?.proposals ?? [];
  // ESP outcomes per (initiator proposals, responder proposals, carries a KE): usually one pair of
  // lists for the whole tunnel (children rarely have their own), so a short list, searched.
  const espCache: { a: readonly EspProposal[]; b: readonly EspProposal[]; carriesKe: boolean; outcome: EspOutcome }[] = [];
  const espFor = (ci: ChildPlan, cr: ChildPlan, carriesKe: boolean): EspOutcome => {
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

  let children: ChildPlan[] = planI.children;
  // A triggering packet picks the child it falls in (negotiated first); only a product whose rule
  // is packet-first also puts the packet's own selector first in TSi/TSr (profile `packetTrigger`).
  let trigger: { local: PlannedSelector; remote: PlannedSelector; text: string } | undefined;
  let triggerRule: string | undefined;
  if (packet) {
    const ps = packetSelectors(packet);
    if (ps) {
      const idx = children.findIndex((c) => c.local.some((l) => contains(l, ps.local)) && c.remote.some((r) => contains(r, ps.remote)));
      if (idx >= 0) {
        triggerRule = run.use(initiatorEnd, bI.rules.packetTrigger);
        if (bI.packetTrigger === 'packet-first' && v === 2) trigger = { local: ps.local, remote: ps.remote, text: `${ps.local.text} -> ${ps.remote.text}` };
        children = [children[idx] as ChildPlan, ...children.filter((_, i) => i !== idx)];
      }
    }
  }
  run.p2Children = children;

  const strategy = v === 1 ? bR.v1Responder : bR.v2Responder;
  const policy = v === 1 ? (bI.v1Initiator ?? bI.v2Initiator) : bI.v2Initiator;
  // IKEv2 strongSwan: a child whose configuration equals an installed one's is not established.
  const skipDuplicates = v === 2 && bI.v2SkipDuplicateChild === true;
  const installed = skipDuplicates ? new Set<string>() : undefined;
  const rejectNotify = v === 1 ? bR.v1RejectNotify : bR.v2RejectNotify;
  // OpenIKED as initiator: each child (policy) is brought up by an IKE SA of its own, in IKE_AUTH.
  const perChild = v === 2 && bI.v2IkeSaPerChild === true;
  const killed: { entry: Phase2Result; by: EndKey }[] = [];
  const kills = (entry: Phase2Result, by: EndKey | undefined) => {
    if (!by) return;
    if (perChild) killed.push({ entry, by });
    else childKillsIke(run, p1, entry, by);
  };
  const results: Phase2Result[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as ChildPlan;
    const l0 = child.local[0] as PlannedSelector;
    const r0 = child.remote[0] as PlannedSelector;
    const proposed = { local: l0.text, remote: r0.text };
    // What is put in TSi/TSr (IKEv2) or IDci/IDcr (IKEv1: the first selectors, one port each).
    // One-selector lists are shared (see oneOf), so the usual child allocates only the pair object.
    const triggered = trigger !== undefined && index === 0;
    let tsi: readonly PlannedSelector[];
    let tsr: readonly PlannedSelector[];
    let proposedTs: Phase2Result['proposedTs'];
    if (v === 1) {
      const li = idOf(l0);
      const ri = idOf(r0);
      tsi = child.local.length === 1 && li === l0 ? child.local : oneOf(li);
      tsr = child.remote.length === 1 && ri === r0 ? child.remote : oneOf(ri);
      proposedTs = { local: textOneOf(li), remote: textOneOf(ri) };
    } else if (triggered && trigger) {
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
    // The child a packet triggered also cites what its product proposes for a packet.
    const stageRules = (stage: 0 | 1 | 2 | 3): string[] => {
      const list = rulesFor(run, ruleCache, stage, child.isDefault);
      return index === 0 && triggerRule !== undefined ? [triggerRule, ...list] : list;
    };
    let rules = stageRules(0);
    if (v === 1 && bI.rules.v1IdPort && (tsi[0] !== child.local[0] || tsr[0] !== child.remote[0])) run.use(initiatorEnd, bI.rules.v1IdPort);
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
      if (bI.rules.duplicate) entry.rules = [...entry.rules, run.use(initiatorEnd, bI.rules.duplicate)];
      if (run.detail) run.log(initiatorEnd, { kind: 'child-duplicate', peer: peerI, child: child.name });
      results.push(entry);
      continue;
    }
    const exchange: Phase2Result['exchange'] = v === 1 ? 'QUICK_MODE' : (index === 0 || perChild) && !run.rekey ? 'IKE_AUTH' : 'CREATE_CHILD_SA';
    if (run.detail) {
      run.log(initiatorEnd, { kind: 'child-proposing', peer: peerI, child: child.name, local: joined(proposedTs.local), remote: joined(proposedTs.remote) });
      // The values of the request: the ESP proposals, the PFS group of its KE, the selectors as sent.
      const offer = child.esp ?? espEndI;
      const keGroup = pfsI ? offer.find((p) => p.dhGroups.length > 0)?.dhGroups[0] : undefined;
      const values = { proposals: offer.map(describeOffer), ts: { i: proposedTs.local, r: proposedTs.remote } };
      const ke = exchange !== 'IKE_AUTH' && keGroup !== undefined ? { keGroup } : {};
      if (exchange === 'QUICK_MODE') run.msg({ exchange, message: '1', from: initiatorEnd, summary: `HASH SA Ni${pfsI ? ' KE' : ''} IDci IDcr`, phase2Index: index, ...values, ...ke });
      else if (exchange === 'CREATE_CHILD_SA') run.msg({ exchange, message: 'request', from: initiatorEnd, summary: `SA Ni${pfsI ? ' KE' : ''} TSi TSr`, phase2Index: index, ...values, ...ke });
      else {
        // The IKE_AUTH request itself is in the phase-1 part of the timeline; it carries this child's SA and selectors.
        const authReq = run.lastMsg('IKE_AUTH', initiatorEnd);
        if (authReq) Object.assign(authReq, values);
      }
    }

    const answer = respond(strategy, tsi, tsr, planR.children, v === 1, run.detail && (strategy === 'narrow-score' || strategy === 'fit-either-way'));
    rules = stageRules(1);
    if (run.detail) for (const step of answer.steps) if (step.match) run.log(responderEnd, { kind: 'child-narrowed', peer: peerR, child: child.name, config: step.config, received: step.received, match: step.match });
    if (!answer.ok) {
      if (run.detail) run.log(responderEnd, { kind: 'child-ts-rejected', peer: peerR, child: child.name, local: tsi[0]?.text ?? '', remote: tsr[0]?.text ?? '' });
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      results.push(entry);
      rejectEntry(run, entry, rejectNotify, `${nameR} has no proxy ID that accepts ${tsi[0]?.text} <-> ${tsr[0]?.text} (${strategyWords(strategy)}).`, `refused ${tsi.map(textOf).join(' ')} <-> ${tsr.map(textOf).join(' ')}`);
      if (exchange === 'IKE_AUTH') kills(entry, bI.childFailureKillsIke ? initiatorEnd : undefined);
      continue;
    }
    const rc = planR.children[answer.configIndex] as ChildPlan;
    // ESP proposal and PFS (the first IKEv2 child rides IKE_AUTH without a KE).
    const carriesKe = exchange !== 'IKE_AUTH';
    const esp = espFor(child, rc, carriesKe);
    rules = stageRules(2);
    if (!esp.ok) {
      if (run.detail) run.log(responderEnd, { kind: 'child-no-proposal', peer: peerR, child: child.name });
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      entry.responderConfig = rc.name;
      entry.responderProxyIds = rc.proxyIdIndexes;
      entry.failedAttribute = esp.attribute;
      results.push(entry);
      rejectEntry(run, entry, 'NO_PROPOSAL_CHOSEN', esp.reason);
      if (exchange === 'IKE_AUTH') kills(entry, bR.childFailureKillsIke ? responderEnd : bI.childFailureKillsIke ? initiatorEnd : undefined);
      continue;
    }
    if (esp.keRetryGroup !== undefined && exchange === 'CREATE_CHILD_SA') {
      if (run.detail) run.msg({ exchange, message: 'response', from: responderEnd, summary: `N(INVALID_KE_PAYLOAD) group ${esp.keRetryGroup}`, notify: 'INVALID_KE_PAYLOAD', notifyData: `DH group ${esp.keRetryGroup}`, phase2Index: index });
      if (run.detail) run.msg({ exchange, message: 'request', from: initiatorEnd, summary: `SA Ni KE(${esp.keRetryGroup}) TSi TSr`, phase2Index: index, proposals: (child.esp ?? espEndI).map(describeOffer), keGroup: esp.keRetryGroup, ts: { i: proposedTs.local, r: proposedTs.remote } });
    }
    // The initiator's view of the answer.
    rules = stageRules(3);
    // IKEv1 answers travel as identification payloads too (one port, not a range).
    const answerTsi = v === 1 ? idsOf(answer.tsi) : answer.tsi;
    const answerTsr = v === 1 ? idsOf(answer.tsr) : answer.tsr;
    const take = initiatorTakes(policy, child, tsi, tsr, answerTsi, answerTsr);
    if (run.detail) {
      // The answer's values: the ESP proposal chosen, the PFS group of its KE, the selectors as narrowed.
      const pfsGroup = carriesKe ? esp.esp.pfsGroup : undefined;
      const withKe = pfsGroup !== undefined;
      const summary = exchange === 'QUICK_MODE' ? `HASH SA Nr${withKe ? ' KE' : ''} IDci IDcr` : exchange === 'IKE_AUTH' ? 'IDr AUTH SA TSi TSr' : `SA Nr${withKe ? ' KE' : ''} TSi TSr`;
      const idR = exchange === 'IKE_AUTH' ? identityOf(run.end(responderEnd), run.plans[responderEnd]) : undefined;
      run.msg({
        exchange, message: exchange === 'QUICK_MODE' ? '2' : exchange === 'IKE_AUTH' ? 'response 1' : 'response', from: responderEnd, summary, phase2Index: index,
        ...(idR ? { ids: { r: `${idR.type} ${idR.value}` } } : {}),
        chosen: describeEsp(esp.esp.encryption, esp.esp.integrity, pfsGroup),
        ...(withKe ? { keGroup: pfsGroup } : {}),
        ts: { i: answerTsi.map(textOf), r: answerTsr.map(textOf) },
      });
    }
    if (!take.ok) {
      if (run.detail) {
        run.log(initiatorEnd, { kind: 'child-ts-rejected', peer: peerI, child: child.name, local: answerTsr.map((x) => x.text).join(' '), remote: answerTsi.map((x) => x.text).join(' ') });
        run.msg({ exchange: v === 1 ? 'INFORMATIONAL_V1' : 'INFORMATIONAL', message: 'request', from: initiatorEnd, summary: 'D (delete CHILD_SA)', phase2Index: index });
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
    if (run.detail && exchange === 'QUICK_MODE') run.msg({ exchange, message: '3', from: initiatorEnd, summary: 'HASH', phase2Index: index });
    // Installed selectors print ranges as a..b; when they are what was proposed, share the texts.
    const negotiated = sameSels(take.tsi, tsi) && sameSels(take.tsr, tsr) && noRange(tsi) && noRange(tsr) ? proposedTs : { local: take.tsi.map(rangeText), remote: take.tsr.map(rangeText) };
    // What each end installs: what was negotiated, or its own configured selectors (profile
    // `installs`). The responder's negotiated selectors are its answer as it computed it: an IKEv1
    // answer reaches the initiator with one port of a range (identification payloads).
    const ownI = installsOwn(bI, v, 'Initiator');
    const ownR = installsOwn(bR, v, 'Responder');
    const iLocal = ownI ? child.local : take.tsi;
    const iRemote = ownI ? child.remote : take.tsr;
    const rLocal = ownR ? rc.local : answer.tsr;
    const rRemote = ownR ? rc.remote : answer.tsi;
    const asymmetric = !(sameSels(iLocal, rRemote) && sameSels(iRemote, rLocal)) && !(sameSet(iLocal, rRemote) && sameSet(iRemote, rLocal));
    const installedPairs = asymmetric
      ? {
          initiator: ownI ? { local: child.local.map(textOf), remote: child.remote.map(textOf) } : { local: negotiated.local, remote: negotiated.remote },
          responder: ownR ? { local: rc.local.map(textOf), remote: rc.remote.map(textOf) } : { local: answer.tsr.map(rangeText), remote: answer.tsi.map(rangeText) },
        }
      : undefined;
    if (installedPairs) {
      const extra: string[] = [];
      if (ownI && bI.rules.installs) extra.push(run.use(initiatorEnd, bI.rules.installs));
      if (ownR && bR.rules.installs) extra.push(run.use(responderEnd, bR.rules.installs));
      if (!ownI && v === 1 && bI.rules.v1IdPort && (answerTsi !== answer.tsi || answerTsr !== answer.tsr)) extra.push(run.use(initiatorEnd, bI.rules.v1IdPort));
      rules = [...rules, ...extra.filter((r) => !rules.includes(r))];
    }
    if (!installedPairs && triggeredBy === undefined) {
      results.push({ index, name: child.name, initiatorProxyIds: child.proxyIdIndexes, proposed, proposedTs, isDefault: child.isDefault, status: 'up', rules, exchange, responderConfig: rc.name, responderProxyIds: rc.proxyIdIndexes, esp: esp.esp, pfs: esp.pfs, negotiated });
    } else {
      const entry = startEntry(index, child, proposed, proposedTs, rules, triggeredBy);
      entry.exchange = exchange;
      entry.responderConfig = rc.name;
      entry.responderProxyIds = rc.proxyIdIndexes;
      entry.esp = esp.esp;
      entry.pfs = esp.pfs;
      entry.status = installedPairs ? 'asymmetric' : 'up';
      entry.negotiated = negotiated;
      if (installedPairs) entry.installed = installedPairs;
      results.push(entry);
    }
    installed?.add(dupKey);
    if (run.detail) {
      const iIns = installedPairs?.initiator ?? negotiated;
      const rIns = installedPairs?.responder ?? { local: negotiated.remote, remote: negotiated.local };
      run.log(initiatorEnd, { kind: 'child-established', peer: peerI, child: child.name, local: joined(iIns.local), remote: joined(iIns.remote) });
      run.log(responderEnd, { kind: 'child-established', peer: peerR, child: rc.name, local: joined(rIns.local), remote: joined(rIns.remote) });
    }
  }
  // One IKE SA per child: the IKE SA is down only when every child's went down with it.
  const firstKilled = killed[0];
  if (perChild && firstKilled && killed.length === children.length) childKillsIke(run, p1, firstKilled.entry, firstKilled.by);
  else for (const k of killed) markKilled(run, k.entry, k.by);
  return results;
}

const textOf = (x: PlannedSelector): string => x.text;

function v2TsOf(child: ChildPlan): Phase2Result['proposedTs'] {
  const l0 = child.local[0] as PlannedSelector;
  const r0 = child.remote[0] as PlannedSelector;
  return child.local.length === 1 && child.remote.length === 1 ? { local: textOneOf(l0), remote: textOneOf(r0) } : { local: child.local.map(textOf), remote: child.remote.map(textOf) };
}

/** What makes two IKEv2 children duplicates for strongSwan: the same selectors and ESP proposals. */
function dupKeyOf(ts: Phase2Result['proposedTs'], esp: readonly EspProposal[]): string {
  return `${ts.local.join(',')}|${ts.remote.join(',')}|${JSON.stringify(esp)}`;
}

/** A phase-2 entry as every path starts it (status down), with the keys in report order. */
function startEntry(index: number, child: ChildPlan, proposed: Phase2Result['proposed'], proposedTs: Phase2Result['proposedTs'], rules: string[], triggeredBy: string | undefined): Phase2Result {
  const entry: Phase2Result = { index, name: child.name, initiatorProxyIds: child.proxyIdIndexes, proposed, proposedTs, isDefault: child.isDefault, status: 'down', rules };
  if (triggeredBy !== undefined) entry.triggeredBy = triggeredBy;
  return entry;
}

function idOf(x: PlannedSelector): PlannedSelector {
  const id = asIkev1Id(x.s);
  return id === x.s ? x : sel(id);
}

/** `list.map(idOf)`, or the list itself when no selector changes (the usual case). */
function idsOf(list: readonly PlannedSelector[]): readonly PlannedSelector[] {
  for (let i = 0; i < list.length; i++) if (idOf(list[i] as PlannedSelector) !== list[i]) return list.map(idOf);
  return list;
}

/** Space-joined selectors for log lines; a single one is used as it is. */
function joined(list: readonly string[]): string {
  return list.length === 1 ? (list[0] as string) : list.join(' ');
}

/**
 * A product that takes the IKE SA down with a refused IKE_AUTH child (`childFailureKillsIke`,
 * OpenIKED): phase 1 becomes down, so the children after this one are not negotiated.
 */
function childKillsIke(run: NegotiationRun, p1: Phase1Result, entry: Phase2Result, by: EndKey): void {
  const rule = run.plans[by].behaviour.rules.childFailure;
  p1.status = 'down';
  p1.failure = 'child';
  p1.reason = `${run.gateways[by].name} takes the IKE SA down with its first child "${entry.name}", refused in IKE_AUTH (${entry.notify ?? 'refused'}).`;
  if (rule) {
    const id = run.use(by, rule);
    if (!p1.rules.includes(id)) p1.rules = [...p1.rules, id];
    entry.rules = [...entry.rules, id];
  }
}

/** A child whose own IKE SA went down with it (one IKE SA per child): the rule on the entry only. */
function markKilled(run: NegotiationRun, entry: Phase2Result, by: EndKey): void {
  const rule = run.plans[by].behaviour.rules.childFailure;
  if (rule) entry.rules = [...entry.rules, run.use(by, rule)];
}

function rejectEntry(run: NegotiationRun, entry: Phase2Result, notify: Notify, reason: string, notifyData?: string): void {
  const { initiatorEnd, responderEnd } = run;
  const exchange = entry.exchange;
  if (run.detail) {
    run.msg({ exchange: exchange === 'QUICK_MODE' ? 'INFORMATIONAL_V1' : exchange ?? 'INFORMATIONAL', message: exchange === 'QUICK_MODE' ? 'notify' : exchange === 'IKE_AUTH' ? 'response 1' : 'response', from: responderEnd, summary: exchange === 'IKE_AUTH' ? `IDr AUTH N(${notify})` : `N(${notify})`, notify, ...(notifyData ? { notifyData } : {}), phase2Index: entry.index });
    run.log(initiatorEnd, { kind: 'notify-received', peer: run.peerLabel[initiatorEnd], notify, child: entry.name });
  }
  entry.notify = notify;
  entry.notifyFrom = responderEnd;
  entry.reason = reason;
}

function contains(a: PlannedSelector, b: PlannedSelector): boolean {
  const x = a.s;
  const y = b.s;
  return x.family === y.family && x.from <= y.from && y.to <= x.to && (x.protocol === 0 || x.protocol === y.protocol) && x.portFrom <= y.portFrom && y.portTo <= x.portTo;
}

/** Installed selectors print ranges as `a..b`, as `swanctl --list-sas` does. */
function rangeText(s: PlannedSelector): string {
  const bracket = s.text.indexOf('[');
  const dash = s.text.indexOf('-');
  if (dash < 0 || (bracket >= 0 && dash > bracket)) return s.text;
  return formatSelector(s.s, '..');
}

function strategyWords(s: string): string {
  switch (s) {
    case 'exact': return 'it requires an exact, mirrored match';
    case 'subset': return 'it accepts only a proposal inside one of its entries';
    case 'fit-either-way': return 'the proposal must hold its own connection\'s subnets on both ends, or lie inside one connection\'s on both ends';
    case 'own-policy': return 'it has no policy for this peer';
    case 'narrow-first':
    case 'narrow-score': return 'no configured selector intersects the proposal';
    default: return s;
  }
}
