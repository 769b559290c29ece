// Phase 1 between the two ends: IKE version, IKEv1 exchange mode, proposals (with an
// INVALID_KE_PAYLOAD round trip), authentication method, identities and pre-shared keys, as the
// responder's and the initiator's products decide them.
import type { TunnelEnd } from '../model/document';
import { parseIp } from '../net/address';
import type { NegotiationRun } from './negotiation-run';
import type { TunnelEndPlan } from './plan';
import { describeIke, describeOffer, firstTransforms, matchIke } from './proposals';
import type { Phase1Result } from './report';
import type { Notify } from '../vocabulary/notify';

/** The identity an end sends (IDi/IDr): its configured local ID, else its IKE address. */
export function identityOf(end: TunnelEnd, plan: TunnelEndPlan): { type: string; value: string } | undefined {
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

export function phase1(run: NegotiationRun): Phase1Result {
  const { initiatorEnd, responderEnd } = run;
  const I = run.end(initiatorEnd);
  const R = run.end(responderEnd);
  const PI = run.profiles[initiatorEnd];
  const PR = run.profiles[responderEnd];
  const v = I.ikeVersion;
  const rules: string[] = [];
  const peerI = run.peerLabel[initiatorEnd];
  const peerR = run.peerLabel[responderEnd];
  if (run.detail) run.log(initiatorEnd, { kind: 'ike-initiate', peer: peerI, version: v });

  const exchange: Phase1Result['exchange'] = v === 2 ? 'ike_sa_init' : I.exchangeMode === 'aggressive' ? 'aggressive' : 'main';
  const first = v === 2 ? 'IKE_SA_INIT' : exchange === 'aggressive' ? 'AGGRESSIVE_MODE' : 'MAIN_MODE';
  const initPayloads = v === 2 ? 'SA KE Ni N(NATD_S_IP) N(NATD_D_IP)' : exchange === 'aggressive' ? 'SA KE Ni IDii' : 'SA V V V';
  const idI = identityOf(I, run.plans[initiatorEnd]);
  const idR = identityOf(R, run.plans[responderEnd]);
  const idText = (id: { type: string; value: string } | undefined) => (id ? `${id.type} ${id.value}` : undefined);
  // The values of the first message: its SA payload, and the KE (and, aggressive, the ID) it carries.
  const initValues = (sent: readonly { encryption: readonly string[]; integrity: readonly string[]; dhGroups: readonly number[] }[], keGroup: number | undefined) => ({
    proposals: sent.map(describeOffer),
    ...((v === 2 || exchange === 'aggressive') && keGroup !== undefined ? { keGroup } : {}),
    ...(exchange === 'aggressive' && idI ? { ids: { i: idText(idI) } } : {}),
  });
  const offered = () => initValues(I.ike?.proposals ?? [], I.ike?.proposals[0]?.dhGroups[0]);

  // Version.
  if (R.ikeVersion !== v) {
    rules.push(run.use(responderEnd, PR.phase1.rules.version));
    if (run.detail) run.msg({ exchange: first, message: v === 2 ? 'request 0' : '1', from: initiatorEnd, summary: initPayloads, ...offered() });
    const reason = `${run.gateways[initiatorEnd].name} initiates with IKEv${v} but ${run.gateways[responderEnd].name} is configured for IKEv${R.ikeVersion}.`;
    if (PR.phase1.versionMismatch === 'silent') {
      if (run.detail) run.log(responderEnd, { kind: 'version-mismatch', peer: peerR, version: v });
      if (run.detail) run.log(initiatorEnd, { kind: 'timeout', peer: peerI });
      run.markLast('unanswered');
      return { status: 'down', reason, ikeVersion: v, exchange, timedOut: true, failure: 'version', rules };
    }
    const notify = PR.phase1.versionMismatch;
    if (run.detail) run.log(responderEnd, { kind: 'version-mismatch', peer: peerR, version: v });
    if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_SA_INIT' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 0' : 'notify', from: responderEnd, summary: `N(${notify})`, notify });
    if (run.detail) run.log(initiatorEnd, { kind: 'notify-received', peer: peerI, notify });
    return { status: 'down', notify, notifyFrom: responderEnd, reason, ikeVersion: v, exchange, failure: 'version', rules };
  }

  // IKEv1 exchange mode.
  const modeMismatch = v === 1 && (R.exchangeMode ?? 'main') !== (I.exchangeMode ?? 'main');
  if (modeMismatch && !PR.phase1.v1ModeByPeerConfig) {
    rules.push(run.use(responderEnd, PR.phase1.rules.proposal));
    if (run.detail) run.msg({ exchange: first, message: '1', from: initiatorEnd, summary: initPayloads, ...offered() });
    if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'notify', from: responderEnd, summary: 'N(NO_PROPOSAL_CHOSEN)', notify: 'NO_PROPOSAL_CHOSEN' });
    if (run.detail) run.log(responderEnd, { kind: 'ike-no-proposal', peer: peerR, attribute: 'exchange mode' });
    if (run.detail) run.log(initiatorEnd, { kind: 'notify-received', peer: peerI, notify: 'NO_PROPOSAL_CHOSEN' });
    return { status: 'down', notify: 'NO_PROPOSAL_CHOSEN', notifyFrom: responderEnd, reason: `${run.gateways[initiatorEnd].name} uses ${I.exchangeMode} mode, ${run.gateways[responderEnd].name} expects ${R.exchangeMode} mode.`, ikeVersion: v, exchange, failure: 'exchange-mode', rules };
  }

  const im = I.auth?.method ?? 'psk';
  const rm = R.auth?.method ?? 'psk';
  // IKEv1 carries the authentication method in the SA proposal.
  const sentIke = v === 1 && PI.phase1.v1FirstTransformOnly ? firstTransforms(I.ike?.proposals ?? [], undefined, true) : (I.ike?.proposals ?? []);
  if (v === 1 && PI.phase1.v1FirstTransformOnly && PI.phase1.rules.v1Transforms) rules.push(run.use(initiatorEnd, PI.phase1.rules.v1Transforms));
  const match = matchIke(sentIke, R.ike?.proposals ?? [], {
    responderOrder: PR.phase1.responderOrder,
    keGroupByResponderOrder: PR.phase1.keGroupByResponderOrder,
    lifetime: v === 1 ? { initiator: I.ike?.lifetimeSeconds ?? 28800, responder: R.ike?.lifetimeSeconds ?? 28800, mustNotExceed: PR.phase1.v1LifetimeMustNotExceed } : undefined,
  });
  rules.push(run.use(responderEnd, PR.phase1.rules.proposal));
  if (run.detail) run.msg({ exchange: first, message: v === 2 ? 'request 0' : '1', from: initiatorEnd, summary: initPayloads, ...initValues(sentIke, match.ok ? match.initiatorKeGroup : sentIke[0]?.dhGroups[0]) });
  if (!match.ok || (v === 1 && im !== rm)) {
    const attribute = !match.ok ? match.attribute : undefined;
    const what = !match.ok ? (match.empty ? `no IKE proposal on ${run.gateways[match.empty === 'initiator' ? initiatorEnd : responderEnd].name}` : `no common ${attribute === 'dhGroup' ? 'DH group' : attribute}`) : 'different authentication methods';
    if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_SA_INIT' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 0' : 'notify', from: responderEnd, summary: 'N(NO_PROPOSAL_CHOSEN)', notify: 'NO_PROPOSAL_CHOSEN' });
    if (run.detail) run.log(responderEnd, { kind: 'ike-no-proposal', peer: peerR, attribute: what });
    if (run.detail) run.log(initiatorEnd, { kind: 'notify-received', peer: peerI, notify: 'NO_PROPOSAL_CHOSEN' });
    return {
      status: 'down', notify: 'NO_PROPOSAL_CHOSEN', notifyFrom: responderEnd,
      reason: `Phase 1 proposals do not match: ${what}.`,
      ikeVersion: v, exchange, failure: match.ok ? 'auth-method' : 'proposal', ...(attribute ? { failedAttribute: attribute } : {}), rules,
    };
  }
  const proposal = { encryption: match.encryption, integrity: match.integrity, dhGroup: match.dhGroup };
  const chosen = run.detail ? describeIke(match.encryption, match.integrity, match.dhGroup) : '';
  let keRetryGroup: number | undefined;
  if (v === 2) {
    if (match.dhGroup !== match.initiatorKeGroup) {
      keRetryGroup = match.dhGroup;
      // The initiator's group was acceptable too: the responder's order made the retry.
      const byOrder = PR.phase1.keGroupByResponderOrder && (R.ike?.proposals ?? []).some((q) => (q.dhGroups as readonly number[]).includes(match.initiatorKeGroup));
      if (byOrder && PR.phase1.rules.keGroup) rules.push(run.use(responderEnd, PR.phase1.rules.keGroup));
      if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'response 0', from: responderEnd, summary: `N(INVALID_KE_PAYLOAD) group ${match.dhGroup}`, notify: 'INVALID_KE_PAYLOAD', notifyData: `DH group ${match.dhGroup}` });
      if (run.detail) run.log(initiatorEnd, { kind: 'notify-received', peer: peerI, notify: 'INVALID_KE_PAYLOAD' });
      if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'request 0', from: initiatorEnd, summary: `SA KE(${match.dhGroup}) Ni N(NATD_S_IP) N(NATD_D_IP)`, proposals: sentIke.map(describeOffer), keGroup: match.dhGroup });
    }
    if (run.detail) run.msg({ exchange: 'IKE_SA_INIT', message: 'response 0', from: responderEnd, summary: 'SA KE Nr N(NATD_S_IP) N(NATD_D_IP) CERTREQ', chosen, keGroup: match.dhGroup });
  } else if (exchange === 'main') {
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '2', from: responderEnd, summary: 'SA V V V', chosen });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '3', from: initiatorEnd, summary: 'KE Ni NAT-D NAT-D', keGroup: match.dhGroup });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '4', from: responderEnd, summary: 'KE Nr NAT-D NAT-D', keGroup: match.dhGroup });
  }
  if (run.detail) {
    const described = describeIke(match.encryption, match.integrity, match.dhGroup);
    run.log(responderEnd, { kind: 'ike-proposal-selected', peer: peerR, proposal: described });
    run.log(initiatorEnd, { kind: 'ike-proposal-selected', peer: peerI, proposal: described });
  }

  // Authentication: identities and pre-shared key.
  const base = { ikeVersion: v, exchange, proposal, ...(keRetryGroup !== undefined ? { keRetryGroup } : {}) } as const;
  const pskI = I.auth?.psk ?? '';
  const pskR = R.auth?.psk ?? '';
  const pskMismatch = im === 'psk' && rm === 'psk' && pskI !== '' && pskR !== '' && pskI !== pskR;
  const respRejectsId = R.auth?.remoteId !== undefined && idI !== undefined && !sameIdentity(R.auth.remoteId, idI);
  const initRejectsId = I.auth?.remoteId !== undefined && idR !== undefined && !sameIdentity(I.auth.remoteId, idR);
  const authMsg = v === 2 ? { exchange: 'IKE_AUTH' as const, message: 'request 1' } : exchange === 'aggressive' ? { exchange: 'AGGRESSIVE_MODE' as const, message: '1' } : { exchange: 'MAIN_MODE' as const, message: '5' };
  const childPart = v === 2 && run.plans[initiatorEnd].children.length > 0 ? ' SA TSi TSr' : '';
  if (run.detail && (v === 2 || exchange === 'main')) run.msg({ ...authMsg, from: initiatorEnd, summary: v === 2 ? `IDi${I.auth?.remoteId ? ' IDr' : ''} AUTH${childPart} N(INIT_CONTACT)` : 'IDii HASH_I (encrypted)', ...(idI ? { ids: { i: idText(idI), ...(v === 2 && I.auth?.remoteId ? { r: idText(I.auth.remoteId) } : {}) } } : {}) });

  // IKEv1, a responder that keeps the mode in the peer config it finds by identity: refused after the message carrying the identity.
  const modeRefused = (): Phase1Result | undefined => {
    const byConfig = PR.phase1.v1ModeByPeerConfig;
    if (!modeMismatch || !byConfig) return undefined;
    rules.push(run.use(responderEnd, byConfig.rule));
    return authFailed(run, 'exchange-mode', `${run.gateways[initiatorEnd].name} uses ${I.exchangeMode ?? 'main'} mode; ${run.gateways[responderEnd].name} finds its configuration by identity, and it allows only ${R.exchangeMode ?? 'main'} mode.`, base, rules, byConfig.notify);
  };
  const aggressivePsk = PR.phase1.aggressivePsk;
  if (exchange === 'aggressive' && im === 'psk' && rm === 'psk' && aggressivePsk && !aggressivePsk.allowed(run.gateways[responderEnd])) {
    rules.push(run.use(responderEnd, aggressivePsk.rule));
    return authFailed(run, 'exchange-mode', `${run.gateways[responderEnd].name} refuses Aggressive Mode with a pre-shared key (its setting does not allow it).`, base, rules, aggressivePsk.notify);
  }
  if (exchange === 'aggressive') {
    const refused = modeRefused();
    if (refused) return refused;
  }
  if (v === 2 && im !== rm) {
    rules.push(run.use(responderEnd, PR.phase1.rules.psk));
    return authFailed(run, 'auth-method', `${run.gateways[initiatorEnd].name} authenticates with ${im === 'psk' ? 'a pre-shared key' : 'a certificate'}, ${run.gateways[responderEnd].name} expects ${rm === 'psk' ? 'a pre-shared key' : 'a certificate'}.`, base, rules);
  }
  const rim = PI.phase1.remoteIdMismatch;
  // IKEv2: the initiator asks for the identity it expects (IDr) and the responder has no config for it.
  if (v === 2 && !respRejectsId && initRejectsId && rim?.v2SendsIdr && PR.phase1.v2SelectsByIdr) {
    rules.push(run.use(initiatorEnd, rim.rules.v2), run.use(responderEnd, PR.phase1.rules.identity));
    return authFailed(run, 'identity', `${run.gateways[initiatorEnd].name} asks for the identity ${I.auth.remoteId?.type} ${I.auth.remoteId?.value} (IDr) but ${run.gateways[responderEnd].name} is ${idR?.type} ${idR?.value}: it finds no configuration for it.`, base, rules);
  }
  if (respRejectsId) {
    rules.push(run.use(responderEnd, PR.phase1.rules.identity));
    const notify: Notify = v === 2 ? 'AUTHENTICATION_FAILED' : PR.phase1.v1IdentityNotify;
    return authFailed(run, 'identity', `${run.gateways[responderEnd].name} expects the peer identity ${R.auth.remoteId?.type} ${R.auth.remoteId?.value} but ${run.gateways[initiatorEnd].name} sends ${idI?.type} ${idI?.value}.`, base, rules, notify);
  }
  if (pskMismatch) {
    rules.push(run.use(responderEnd, PR.phase1.rules.psk));
    if (v === 2) return authFailed(run, 'psk', `The pre-shared keys differ: ${run.gateways[responderEnd].name} cannot verify ${run.gateways[initiatorEnd].name}'s AUTH payload.`, base, rules);
    if (exchange === 'aggressive') {
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '2', from: responderEnd, summary: 'SA KE Nr IDir HASH_R', chosen, keGroup: match.dhGroup, ...(idR ? { ids: { r: idText(idR) } } : {}) });
      if (run.detail) run.log(initiatorEnd, { kind: 'auth-failed', peer: peerI, why: 'HASH_R does not verify: pre-shared key mismatch' });
      return { status: 'down', ...base, reason: `The pre-shared keys differ: ${run.gateways[initiatorEnd].name} cannot verify ${run.gateways[responderEnd].name}'s hash in Aggressive Mode.`, failure: 'psk', rules };
    }
    if (run.detail) run.log(responderEnd, { kind: 'psk-undecryptable', peer: peerR });
    const answer = PR.phase1.v1PskMismatch ?? 'PAYLOAD_MALFORMED';
    if (answer === 'silent') {
      if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '5 (retransmit)', from: initiatorEnd, summary: 'IDii HASH_I (encrypted)', unanswered: true, ...(idI ? { ids: { i: idText(idI) } } : {}) });
      if (run.detail) run.log(initiatorEnd, { kind: 'timeout', peer: peerI });
      return { status: 'down', ...base, reason: `The pre-shared keys differ: ${run.gateways[responderEnd].name} cannot decrypt Main Mode message 5 and sends nothing; ${run.gateways[initiatorEnd].name} retransmits and times out.`, timedOut: true, failure: 'psk', rules };
    }
    if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'notify', from: responderEnd, summary: `N(${answer}) (unreadable for the initiator)`, notify: answer, unreadable: true });
    if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '5 (retransmit)', from: initiatorEnd, summary: 'IDii HASH_I (encrypted)', unanswered: true, ...(idI ? { ids: { i: idText(idI) } } : {}) });
    if (run.detail) run.log(initiatorEnd, { kind: 'timeout', peer: peerI });
    return { status: 'down', ...base, reason: `The pre-shared keys differ: ${run.gateways[responderEnd].name} cannot decrypt Main Mode message 5 and answers ${answer}, which ${run.gateways[initiatorEnd].name} cannot read; it retransmits and times out.`, notify: answer, notifyFrom: responderEnd, timedOut: true, failure: 'psk', rules };
  }
  if (exchange === 'main') {
    const refused = modeRefused();
    if (refused) return refused;
  }
  rules.push(run.use(responderEnd, PR.phase1.rules.psk));
  const idMismatch = () => `${run.gateways[initiatorEnd].name} expects the peer identity ${I.auth.remoteId?.type} ${I.auth.remoteId?.value} but ${run.gateways[responderEnd].name} sends ${idR?.type} ${idR?.value}.`;
  const idWhy = () => `peer identity ${idR?.type} ${idR?.value} is not the expected ${I.auth.remoteId?.type} ${I.auth.remoteId?.value}`;
  if (v === 1) {
    if (exchange === 'aggressive') {
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '2', from: responderEnd, summary: 'SA KE Nr IDir HASH_R', chosen, keGroup: match.dhGroup, ...(idR ? { ids: { r: idText(idR) } } : {}) });
      if (initRejectsId && rim) {
        // The initiator rejects message 2 itself, before any encryption: no message 3.
        rules.push(run.use(initiatorEnd, rim.rules.v1Aggressive));
        const notify = rim.v1AggressiveNotify;
        if (run.detail) run.log(initiatorEnd, { kind: 'auth-failed', peer: peerI, why: idWhy() });
        if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'notify', from: initiatorEnd, summary: `N(${notify}) (unencrypted)`, notify });
        return { status: 'down', ...base, notify, notifyFrom: initiatorEnd, reason: idMismatch(), failure: 'identity', rules };
      }
      if (run.detail) run.msg({ exchange: 'AGGRESSIVE_MODE', message: '3', from: initiatorEnd, summary: 'HASH_I' });
    } else {
      if (run.detail) run.msg({ exchange: 'MAIN_MODE', message: '6', from: responderEnd, summary: 'IDir HASH_R (encrypted)', ...(idR ? { ids: { r: idText(idR) } } : {}) });
      if (initRejectsId && rim?.v1MainDeletes) {
        // The responder has established the IKE SA; the initiator deletes it without a notify.
        rules.push(run.use(initiatorEnd, rim.rules.v1Main));
        if (run.detail) run.log(responderEnd, { kind: 'ike-established', peer: peerR, version: v });
        if (run.detail) run.log(initiatorEnd, { kind: 'auth-failed', peer: peerI, why: idWhy() });
        if (run.detail) run.msg({ exchange: 'INFORMATIONAL_V1', message: 'request', from: initiatorEnd, summary: 'HASH D (delete the IKE SA)' });
        return { status: 'down', ...base, reason: idMismatch(), failure: 'identity', rules };
      }
    }
  }
  if (initRejectsId) {
    rules.push(run.use(initiatorEnd, PI.phase1.rules.identity));
    if (run.detail) run.log(initiatorEnd, { kind: 'auth-failed', peer: peerI, why: idWhy() });
    if (v === 2 && run.detail) run.msg({ exchange: 'IKE_AUTH', message: 'response 1', from: responderEnd, summary: 'IDr AUTH SA TSi TSr', ...(idR ? { ids: { r: idText(idR) } } : {}) });
    if (run.detail) run.msg({ exchange: v === 2 ? 'INFORMATIONAL' : 'INFORMATIONAL_V1', message: 'request', from: initiatorEnd, summary: 'N(AUTHENTICATION_FAILED)', notify: 'AUTHENTICATION_FAILED' });
    return { status: 'down', ...base, notify: 'AUTHENTICATION_FAILED', notifyFrom: initiatorEnd, reason: idMismatch(), failure: 'identity', rules };
  }
  if (run.detail) run.log(initiatorEnd, { kind: 'ike-established', peer: peerI, version: v });
  if (run.detail) run.log(responderEnd, { kind: 'ike-established', peer: peerR, version: v });
  return { status: 'up', ...base, rules };
}

function authFailed(run: NegotiationRun, failure: 'psk' | 'identity' | 'auth-method' | 'exchange-mode', reason: string, base: Pick<Phase1Result, 'ikeVersion' | 'exchange' | 'proposal' | 'keRetryGroup'>, rules: string[], notify: Notify = 'AUTHENTICATION_FAILED'): Phase1Result {
  const { initiatorEnd, responderEnd } = run;
  const v = run.end(initiatorEnd).ikeVersion;
  if (run.detail) run.log(responderEnd, { kind: 'auth-failed', peer: run.peerLabel[responderEnd], why: reason });
  if (run.detail) run.msg({ exchange: v === 2 ? 'IKE_AUTH' : 'INFORMATIONAL_V1', message: v === 2 ? 'response 1' : 'notify', from: responderEnd, summary: `N(${notify})`, notify });
  if (run.detail) run.log(initiatorEnd, { kind: 'notify-received', peer: run.peerLabel[initiatorEnd], notify });
  return { status: 'down', ...base, notify, notifyFrom: responderEnd, reason, failure, rules };
}
