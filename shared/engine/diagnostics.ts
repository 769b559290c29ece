// The likely human cause of each failure, named with a stable code, with a fix expressed as
// document commands the UI applies in one click. Runs after the negotiation, on its results.
import type { Command } from '../commands/commands';
import type { EndKey, Gateway, ProxyId, TopologyDocument, TunnelEnd } from '../model/document';
import { addressRelation, equals, hasAnyPort, intersect, isIcmp, makeSelector, protocolName, sameProtocolAndPorts, type Selector } from '../net/selector';
import { parseAddressSpec, prefixLength } from '../net/address';
import { capacityCountNote, capacityOf, smallestModelFor, tunnelsUsed } from '../vendors/capacity';
import type { ChildPlan, PlannedSelector } from './plan';
import { algorithmDiagnostics } from './algorithm-diagnostics';
import { valueDiagnostics } from './value-diagnostics';
import { configurationDiagnostics } from './configuration-diagnostics';
import type { NegotiationRun } from './negotiation-run';
import type { Diagnostic, Phase1Result, Phase2Result } from './report';
import type { Provenance } from '../vocabulary/provenance';
import { asymmetryOf, pairText, type Asymmetry } from './asymmetry';


function portText(s: Selector): string {
  if (hasAnyPort(s)) return 'any';
  if (isIcmp(s.protocol)) return s.portFrom === s.portTo ? String(s.portFrom) : `${s.portFrom}-${s.portTo}`;
  return s.portFrom === s.portTo ? String(s.portFrom) : `${s.portFrom}-${s.portTo}`;
}

function addressText(x: PlannedSelector): string {
  const i = x.text.indexOf('[');
  return i < 0 ? x.text : x.text.slice(0, i);
}

function protocolValue(p: number): ProxyId['protocol'] {
  const name = protocolName(p);
  const known = ['icmp', 'tcp', 'udp', 'gre', 'esp', 'ah', 'ospf', 'sctp'];
  if (p === 0) return 'any';
  if (p === 58) return 'icmpv6';
  return known.includes(name) ? (name as ProxyId['protocol']) : p;
}

/** The proxy ID the peer needs to mirror `local <-> remote` (selectors of the other end). */
function mirrorOf(name: string, local: PlannedSelector, remote: PlannedSelector): ProxyId {
  const p: ProxyId = {
    name,
    local: addressText(remote),
    remote: addressText(local),
    protocol: protocolValue(remote.s.protocol),
    localPort: portText(remote.s),
    remotePort: portText(local.s),
  };
  if (local.s.protocol !== remote.s.protocol) p.remoteProtocol = protocolValue(local.s.protocol);
  return p;
}

function firstIndex(c: ChildPlan): number | undefined {
  return c.proxyIdIndexes[0];
}

/** The selector a phase-2 diagnostic names, built only when there is one (most entries have none). */
function selectorOf(entry: Phase2Result, child: ChildPlan): Diagnostic['selector'] {
  return { local: entry.proposed.local, remote: entry.proposed.remote, ...(firstIndex(child) !== undefined ? { proxyIdIndex: firstIndex(child) } : {}) };
}

function sentence(list: string[]): string {
  return list.join(' ');
}

export function diagnoseTunnel(run: NegotiationRun, p1: Phase1Result, p2: Phase2Result[]): void {
  const { initiatorEnd, responderEnd, tunnel } = run;
  const I = run.end(initiatorEnd);
  const R = run.end(responderEnd);
  const gI = run.gateways[initiatorEnd];
  const gR = run.gateways[responderEnd];
  const d = run.diagnostics;
  const provOf = (end: EndKey, ruleId: string | undefined): Provenance => (ruleId ? (run.profiles[end].rules[ruleId]?.provenance ?? 'assumed') : 'assumed');
  const update = (end: EndKey, changes: Partial<Omit<TunnelEnd, 'gatewayId' | 'auth'>>): Command => ({ type: 'tunnelEnd.update', tunnelId: tunnel.id, end, changes });
  // Authentication fixes name what changes, never the key itself: reports are printed and copied.
  const updateAuth = (end: EndKey, changes: Partial<Omit<TunnelEnd['auth'], 'psk'>>): Command => ({ type: 'tunnelEnd.updateAuth', tunnelId: tunnel.id, end, changes });

  // Algorithms a product cannot be configured with (shared/vendors/algorithms.ts).
  algorithmDiagnostics(run);
  valueDiagnostics(run);
  configurationDiagnostics(run);

  // Plan problems (bad input, product limits), both ends.
  for (const k of ['a', 'b'] as const) {
    const g = run.gateways[k];
    for (const pr of run.plans[k].problems) {
      if (pr.code === 'SINGLE_PROXY_ID_ONLY') {
        const limit = run.vendors[k].capabilities.proxyIdLimit?.(g, run.end(k));
        if (!limit) continue;
        if (limit.kind === 'per-vpn') {
          // One finding for the whole excess, at the first proxy ID that is not negotiated.
          if (pr.proxyIdIndex !== limit.max) continue;
          d.push({ code: 'TUNNEL_CAPACITY_EXCEEDED', severity: 'error', end: k, gateway: g.name, selector: { proxyIdIndex: pr.proxyIdIndex }, message: limit.message(g, run.end(k).proxyIds.length), fix: [], provenance: 'documented' });
          continue;
        }
        const fix = limit.fix ? limit.fix.commands({ gateway: g, tunnelId: tunnel.id, end: k }) : [];
        d.push({
          code: 'SINGLE_PROXY_ID_ONLY', severity: 'error', end: k, gateway: g.name,
          selector: { proxyIdIndex: pr.proxyIdIndex },
          message: pr.message,
          fix, ...(limit.fix && fix.length ? { fixLabel: limit.fix.label } : {}), provenance: 'documented',
        });
        continue;
      }
      d.push({ code: pr.code, severity: 'error', end: k, gateway: g.name, selector: { proxyIdIndex: pr.proxyIdIndex }, message: pr.message, fix: [{ type: 'proxyId.remove', tunnelId: tunnel.id, end: k, index: pr.proxyIdIndex }], fixLabel: 'Remove this proxy ID', provenance: 'verified' });
    }
  }

  // Phase 1.
  if (p1.status === 'down') {
    const prov = provOf(responderEnd, p1.rules[0]);
    switch (p1.failure) {
      case 'version':
        d.push({ code: 'IKE_VERSION_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, message: p1.reason ?? '', fix: [update(responderEnd, { ikeVersion: I.ikeVersion })], fixLabel: `Use IKEv${I.ikeVersion} on ${gR.name}`, provenance: prov });
        break;
      case 'exchange-mode':
        d.push({ code: 'EXCHANGE_MODE_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, message: p1.reason ?? '', fix: [update(responderEnd, { exchangeMode: I.exchangeMode })], fixLabel: `Use ${I.exchangeMode} mode on ${gR.name}`, provenance: 'assumed' });
        break;
      case 'auth-method':
        d.push({ code: 'AUTH_METHOD_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, message: p1.reason ?? '', fix: [updateAuth(responderEnd, { method: I.auth.method })], fixLabel: `Authenticate ${gR.name} the same way`, provenance: prov });
        break;
      case 'psk':
        d.push({ code: 'PSK_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, message: p1.reason ?? '', fix: [{ type: 'tunnelEnd.copyPsk', tunnelId: tunnel.id, from: initiatorEnd, to: responderEnd }], fixLabel: `Copy ${gI.name}'s pre-shared key to ${gR.name}`, provenance: prov });
        break;
      case 'identity': {
        const wrongOnInit = p1.notifyFrom === initiatorEnd;
        const end = wrongOnInit ? initiatorEnd : responderEnd;
        const peerEnd = wrongOnInit ? R : I;
        const peerPlan = run.plans[wrongOnInit ? responderEnd : initiatorEnd];
        const expected = peerEnd.auth.localId ?? (peerPlan.ikeAddress ? { type: 'address' as const, value: peerPlan.ikeAddress.text } : undefined);
        d.push({ code: 'IDENTITY_MISMATCH', severity: 'error', end, gateway: run.gateways[end].name, message: p1.reason ?? '', fix: expected ? [updateAuth(end, { remoteId: expected })] : [], ...(expected ? { fixLabel: 'Expect the identity the peer sends' } : {}), provenance: prov });
        break;
      }
      case 'proposal': {
        const ip = I.ike?.proposals ?? [];
        const rp = R.ike?.proposals ?? [];
        if (ip.length === 0 || rp.length === 0) {
          const emptyEnd = ip.length === 0 ? initiatorEnd : responderEnd;
          const source = ip.length === 0 ? R : I;
          d.push({ code: 'EMPTY_PROPOSALS', severity: 'error', end: emptyEnd, gateway: run.gateways[emptyEnd].name, message: `${run.gateways[emptyEnd].name} has no IKE proposal.`, fix: source.ike?.proposals?.length ? [update(emptyEnd, { ike: { ...run.end(emptyEnd).ike, proposals: source.ike.proposals } })] : [], fixLabel: 'Use the peer\'s proposals', provenance: 'verified' });
          break;
        }
        const fix = p1.failedAttribute === 'lifetime'
          ? [update(responderEnd, { ike: { ...R.ike, lifetimeSeconds: I.ike.lifetimeSeconds } })]
          : [update(responderEnd, { ike: { ...R.ike, proposals: [...rp, ip[0] as (typeof ip)[number]] } })];
        d.push({ code: 'PROPOSAL_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, message: `Phase 1: ${p1.reason ?? ''} (attribute: ${p1.failedAttribute ?? 'unknown'}).`, fix, fixLabel: p1.failedAttribute === 'lifetime' ? 'Match the lifetime' : `Add ${gI.name}'s IKE proposal to ${gR.name}`, provenance: prov });
        break;
      }
      default:
        break;
    }
  }

  // Phase 2, per entry.
  const childrenI = run.p2Children;
  p2.forEach((entry, i) => {
    const child = childrenI[i];
    if (!child) return;
    const local = child.local[0] as PlannedSelector;
    const remote = child.remote[0] as PlannedSelector;
    if (I.ikeVersion === 1 && run.plans[initiatorEnd].behaviour.v1FirstSelectorOnly && (child.local.length > 1 || child.remote.length > 1)) {
      d.push({ code: 'ONLY_FIRST_SELECTOR_USED', severity: 'warning', end: initiatorEnd, gateway: gI.name, selector: selectorOf(entry, child), phase2Index: i, message: `${gI.name} proposes only the first selector of "${child.name}" in IKEv1 (${entry.proposed.local} <-> ${entry.proposed.remote}); the others are never negotiated. Give each pair its own proxy ID name, or use IKEv2.`, fix: [], provenance: provOf(initiatorEnd, run.plans[initiatorEnd].behaviour.rules.v1Propose) });
    }
    if (entry.status !== 'down') {
      if (entry.pfs?.status === 'deferred') {
        d.push({ code: 'PFS_MISMATCH_AT_REKEY', severity: 'warning', end: responderEnd, gateway: gR.name, phase2Index: i, message: `PFS groups differ; the first IKEv2 child carries no key exchange, so "${entry.name}" comes up now but its first rekey (CREATE_CHILD_SA) fails with NO_PROPOSAL_CHOSEN.`, fix: [update(responderEnd, { esp: { ...R.esp, proposals: R.esp.proposals.map((p) => ({ ...p, dhGroups: I.esp.proposals[0]?.dhGroups ?? [] })) } })], fixLabel: `Use ${gI.name}'s PFS group on ${gR.name}`, provenance: provOf(responderEnd, run.plans[responderEnd].behaviour.rules.pfs) });
      }
      const asym = asymmetryOf(entry);
      if (asym) {
        d.push(asymmetricDiagnostic(run, entry, i, child, local, remote, asym, provOf));
        return;
      }
      const narrowed = entry.negotiated && (entry.negotiated.local.length !== 1 || entry.negotiated.remote.length !== 1 || !sameText(entry.negotiated.local[0], local) || !sameText(entry.negotiated.remote[0], remote));
      if (narrowed && !child.isDefault) {
        const rc = run.plans[responderEnd].children.find((c) => c.name === entry.responderConfig);
        const idx = rc ? firstIndex(rc) : undefined;
        const overlap = rc && rc.local[0] && rc.remote[0] && sameProtocolAndPorts(rc.local[0].s, remote.s) && sameProtocolAndPorts(rc.remote[0].s, local.s);
        d.push({
          code: overlap ? 'PREFIX_LENGTH_MISMATCH' : 'SELECTOR_NARROWED', severity: 'warning', end: responderEnd, gateway: gR.name, selector: selectorOf(entry, child), phase2Index: i,
          message: `"${entry.name}" comes up narrowed to ${entry.negotiated?.local.join(' ')} <-> ${entry.negotiated?.remote.join(' ')} instead of ${entry.proposed.local} <-> ${entry.proposed.remote}: traffic outside the narrowed selectors has no SA.`,
          fix: idx !== undefined ? [{ type: 'proxyId.update', tunnelId: tunnel.id, end: responderEnd, index: idx, changes: mirrorOf(run.end(responderEnd).proxyIds[idx]?.name ?? '', local, remote) }] : [],
          ...(idx !== undefined ? { fixLabel: `Mirror ${gI.name}'s proxy ID on ${gR.name}` } : {}),
          provenance: provOf(responderEnd, entry.rules[entry.rules.length - 2]),
        });
      }
      return;
    }
    if (p1.status === 'down') return;
    if (entry.failedAttribute) {
      const a = entry.failedAttribute;
      const offered = child.esp?.[0] ?? I.esp?.proposals?.[0];
      // The responder's child may carry its own ESP proposals (proxy ID espProposals): fix those.
      const rIdx = (entry.responderProxyIds ?? []).filter((x) => Array.isArray(R.proxyIds[x]?.espProposals));
      let fix: Command[] = [];
      if (a === 'mode') fix = [update(responderEnd, { esp: { ...R.esp, mode: I.esp.mode } })];
      else if (offered && rIdx.length > 0) fix = rIdx.map((x) => ({ type: 'proxyId.update', tunnelId: tunnel.id, end: responderEnd, index: x, changes: { espProposals: [...(R.proxyIds[x]?.espProposals ?? []), offered] } }));
      else if (offered) fix = [update(responderEnd, { esp: { ...R.esp, proposals: [...(R.esp?.proposals ?? []), offered] } })];
      d.push({ code: (R.esp?.proposals ?? []).length === 0 || (I.esp?.proposals ?? []).length === 0 ? 'EMPTY_PROPOSALS' : 'PROPOSAL_MISMATCH', severity: 'error', end: responderEnd, gateway: gR.name, selector: selectorOf(entry, child), phase2Index: i, message: `Phase 2 "${entry.name}": ${entry.reason ?? ''} (attribute: ${a}).`, fix, fixLabel: a === 'mode' ? 'Use the same ESP mode' : `Add ${gI.name}'s ESP proposal to ${gR.name}`, provenance: provOf(responderEnd, run.plans[responderEnd].behaviour.rules.pfs) });
      return;
    }
    selectorCause(run, entry, i, child, local, remote, selectorOf(entry, child));
  });

  routeChecks(run, 'a');
  routeChecks(run, 'b');
}

function sameText(text: string | undefined, s: PlannedSelector): boolean {
  return text !== undefined && (text === s.text || text.replace('..', '-') === s.text);
}

/** Whether a selector's addresses lie inside a network the document puts behind that end's gateway. */
function behind(run: NegotiationRun, k: EndKey, sel: Selector): boolean {
  return run.networks[k].some((n) => {
    const r = parseAddressSpec(n.address);
    if (!r.ok) return false;
    const rel = addressRelation(r.value, sel);
    return rel === 'equals' || rel === 'contains';
  });
}

/** Why a selector pair was refused, from the responder's configured selectors. */
function selectorCause(run: NegotiationRun, entry: Phase2Result, i: number, child: ChildPlan, local: PlannedSelector, remote: PlannedSelector, selector: Diagnostic['selector']): void {
  const { initiatorEnd, responderEnd, tunnel } = run;
  const gI = run.gateways[initiatorEnd];
  const gR = run.gateways[responderEnd];
  const R = run.end(responderEnd);
  const planR = run.plans[responderEnd];
  const prov: Provenance = run.profiles[responderEnd].rules[entry.rules[entry.rules.length - 1] ?? '']?.provenance ?? run.profiles[responderEnd].rules[entry.rules[1] ?? '']?.provenance ?? 'assumed';
  const push = (dg: Omit<Diagnostic, 'severity' | 'phase2Index' | 'provenance'> & { provenance?: Provenance }) => run.diagnostics.push({ severity: 'error', phase2Index: i, provenance: prov, ...dg });
  const responderEntries = planR.children.filter((c) => c.proxyIdIndexes.length > 0);
  const mirror = mirrorOf(R.proxyIds[0]?.name ?? child.name, local, remote);
  mirror.name = child.name.startsWith('#') ? '' : child.name;
  // A responder that answers with its own policy for the peer (all of that policy's flows) takes
  // the missing flow in that policy: a second policy to the same peer would answer in its place.
  const policyName = R.proxyIds[0]?.name;
  if (R.ikeVersion === 2 && planR.behaviour.v2Responder === 'own-policy' && policyName !== undefined && R.proxyIds.every((p) => p.name === policyName)) mirror.name = policyName;

  // The initiator proposes its default 0.0.0.0/0 to a peer with specific selectors.
  if (child.isDefault && responderEntries.length > 0) {
    const setAll: ProxyId[] = responderEntries.map((c) => mirrorOf(R.proxyIds[c.proxyIdIndexes[0] as number]?.name ?? '', c.local[0] as PlannedSelector, c.remote[0] as PlannedSelector));
    push({ code: 'DEFAULT_SELECTOR_VS_POLICY_BASED_PEER', end: initiatorEnd, gateway: gI.name, selector, message: `${gI.name} has no proxy ID and proposes ${entry.proposed.local} <-> ${entry.proposed.remote}; ${gR.name} (${run.gateways[responderEnd].vpnType}) only accepts its specific selectors. Configure the mirror of ${gR.name}'s proxy IDs on ${gI.name}.`, fix: [{ type: 'proxyId.setAll', tunnelId: tunnel.id, end: initiatorEnd, proxyIds: setAll }], fixLabel: `Add ${setAll.length} proxy ID${setAll.length === 1 ? '' : 's'} to ${gI.name}` });
    return;
  }

  // NAT'd addresses in a selector.
  if (natCause(run, entry, i, local, remote, selector, push)) return;

  for (const rc of responderEntries) {
    const rl = rc.local[0] as PlannedSelector;
    const rr = rc.remote[0] as PlannedSelector;
    const idx = rc.proxyIdIndexes[0] as number;
    const update = (changes: Partial<ProxyId>): Command => ({ type: 'proxyId.update', tunnelId: tunnel.id, end: responderEnd, index: idx, changes });
    // A proxy ID changed in place keeps its own name: the box's, on an imported one.
    const renamed = (m: ProxyId): ProxyId => ({ ...m, name: (R.proxyIds[idx] as ProxyId | undefined)?.name ?? m.name });
    // Same orientation on both ends: local and remote swapped on one of them.
    if (equals(rl.s, local.s) && equals(rr.s, remote.s) && !equals(local.s, remote.s)) {
      const p = R.proxyIds[idx] as ProxyId;
      // Which end is reversed: the one whose "local" is a network behind the other gateway. With
      // no networks to tell, the responder's (the end that refused).
      const iIdx = child.proxyIdIndexes[0];
      const P = iIdx !== undefined ? run.end(initiatorEnd).proxyIds[iIdx] : undefined;
      if (P && iIdx !== undefined && !behind(run, initiatorEnd, local.s) && behind(run, responderEnd, local.s)) {
        push({ code: 'SELECTOR_REVERSED', end: initiatorEnd, gateway: gI.name, selector: { local: local.text, remote: remote.text, proxyIdIndex: iIdx }, message: `${gI.name}'s proxy ID ${iIdx + 1} has local ${local.text} and remote ${remote.text}, the same way round as ${gR.name}'s, and ${local.text} is behind ${gR.name}: ${gI.name}'s is reversed. It must be local ${remote.text}, remote ${local.text}.`, fix: [{ type: 'proxyId.update', tunnelId: tunnel.id, end: initiatorEnd, index: iIdx, changes: { local: P.remote, remote: P.local, localPort: P.remotePort, remotePort: P.localPort } }], fixLabel: `Swap local and remote on ${gI.name}` });
        return;
      }
      push({ code: 'SELECTOR_REVERSED', end: responderEnd, gateway: gR.name, selector: { local: rl.text, remote: rr.text, proxyIdIndex: idx }, message: `${gR.name}'s proxy ID ${idx + 1} has local ${rl.text} and remote ${rr.text}, the same way round as ${gI.name}'s; one of them is reversed. The peer must be the mirror image: local ${remote.text}, remote ${local.text}.`, fix: [update({ local: p.remote, remote: p.local, localPort: p.remotePort, remotePort: p.localPort })], fixLabel: `Swap local and remote on ${gR.name}` });
      return;
    }
    const ra = addressRelation(rr.s, local.s);
    const la = addressRelation(rl.s, remote.s);
    if (ra === 'equals' && la === 'equals' && sameProtocolAndPorts(rr.s, local.s) && sameProtocolAndPorts(rl.s, remote.s)) {
      // The responder has the exact mirror and still answers otherwise: another of its
      // configurations for this peer answers (an own-policy responder answers every child from
      // the last of its policies for the peer, policy_lookup's last match).
      const answering = planR.children[planR.children.length - 1]?.proxyIdIndexes[0];
      const first = answering !== undefined ? R.proxyIds[answering]?.name : undefined;
      const own = R.ikeVersion === 2 && planR.behaviour.v2Responder === 'own-policy' && first !== undefined && (R.proxyIds[idx] as ProxyId).name !== first;
      push({
        code: 'SELECTOR_NOT_CHOSEN', end: responderEnd, gateway: gR.name, selector: { local: rl.text, remote: rr.text, proxyIdIndex: idx },
        message: own
          ? `${gR.name} has the mirror ${rr.text} <-> ${rl.text} (seen from ${gI.name}) in its policy "${(R.proxyIds[idx] as ProxyId).name}", but ${run.vendors[responderEnd].identity.label} answers every child from its last policy for this peer ("${first}"): ${entry.reason ?? 'that policy does not hold it'}`
          : `${gR.name} has the mirror ${rr.text} <-> ${rl.text} (seen from ${gI.name}), but answers from another of its configurations: ${entry.reason ?? (entry.notify ?? 'it refuses the proposal')}`,
        fix: own ? [update({ name: first })] : [],
        ...(own ? { fixLabel: `Put it in ${gR.name}'s policy "${first}"` } : {}),
      });
      return;
    }
    if (ra === 'equals' && la === 'equals') {
      push({ code: 'PROTOCOL_PORT_MISMATCH', end: responderEnd, gateway: gR.name, selector: { local: rl.text, remote: rr.text, proxyIdIndex: idx }, message: `The addresses mirror, but protocol or ports differ: ${gI.name} proposes ${local.text} <-> ${remote.text}, ${gR.name} has ${rr.text} <-> ${rl.text} (seen from ${gI.name}).`, fix: [update(renamed(mirror))], fixLabel: `Use the same protocol and ports on ${gR.name}` });
      return;
    }
    if (ra !== 'isDisjoint' && la !== 'isDisjoint' && intersect({ ...rr.s, protocol: 0, portFrom: 0, portTo: 65535 }, { ...local.s, protocol: 0, portFrom: 0, portTo: 65535 })) {
      push({ code: 'PREFIX_LENGTH_MISMATCH', end: responderEnd, gateway: gR.name, selector: { local: rl.text, remote: rr.text, proxyIdIndex: idx }, message: `The selectors overlap but are not the same: ${gI.name} proposes ${local.text} <-> ${remote.text}, ${gR.name} has ${rr.text} <-> ${rl.text} (seen from ${gI.name}); ${run.vendors[responderEnd].identity.label} ${entry.notify ? `answers ${entry.notify}` : 'refuses it'}.`, fix: [update(renamed(mirror))], fixLabel: `Mirror ${gI.name}'s proxy ID on ${gR.name}` });
      return;
    }
  }
  const fix: Command[] = [{ type: 'proxyId.add', tunnelId: tunnel.id, end: responderEnd, proxyId: mirror }];
  push({
    code: 'MISSING_PROXY_ID', end: responderEnd, gateway: gR.name, selector,
    message: sentence([`${gR.name} has no proxy ID for ${remote.text} <-> ${local.text} (the mirror of what ${gI.name} proposes),`, responderEntries.length === 0 ? `and without proxy IDs it ${planR.behaviour.defaultSelector === 'none' ? 'accepts nothing' : `only takes its default ${planR.children[0]?.local[0]?.text ?? ''}`}.` : 'and none of its proxy IDs overlaps it.']),
    fix, fixLabel: `Add the mirror proxy ID to ${gR.name}`,
  });
}

function natCause(run: NegotiationRun, entry: Phase2Result, i: number, local: PlannedSelector, remote: PlannedSelector, selector: Diagnostic['selector'], push: (dg: Omit<Diagnostic, 'severity' | 'phase2Index' | 'provenance'>) => void): boolean {
  const { initiatorEnd, responderEnd, tunnel } = run;
  const planR = run.plans[responderEnd];
  for (const [natEnd, gw] of [[initiatorEnd, run.gateways[initiatorEnd]], [responderEnd, run.gateways[responderEnd]]] as [EndKey, Gateway][]) {
    for (const rule of Array.isArray(gw.natRules) ? gw.natRules : []) {
      if (rule.kind !== 'source') continue;
      const o = parseAddressSpec(rule.original);
      const t = parseAddressSpec(rule.translated);
      if (!o.ok || !t.ok) continue;
      // An identity NAT (the VPN exemption: the addresses translated to themselves) changes nothing.
      if (addressRelation(o.value, t.value) === 'equals') continue;
      // The end behind the NAT writes its real (pre-NAT) addresses; the peer must use the same.
      const ownLocal = natEnd === initiatorEnd ? local : undefined;
      for (const rc of planR.children) {
        const idx = rc.proxyIdIndexes[0];
        if (idx === undefined) continue;
        const peerSide = natEnd === initiatorEnd ? (rc.remote[0] as PlannedSelector) : (rc.local[0] as PlannedSelector);
        const ownSide = natEnd === initiatorEnd ? ownLocal : remote;
        if (!ownSide) continue;
        const peerIsTranslated = addressRelation(peerSide.s, t.value) === 'equals' || addressRelation(t.value, peerSide.s) === 'contains';
        const ownIsOriginal = addressRelation(o.value, ownSide.s) === 'contains' || addressRelation(o.value, ownSide.s) === 'equals';
        if (natEnd === initiatorEnd && peerIsTranslated && ownIsOriginal) {
          push({ code: 'NAT_ADDRESS_IN_SELECTOR', end: responderEnd, gateway: run.gateways[responderEnd].name, selector: { ...selector, proxyIdIndex: idx }, message: `${run.gateways[responderEnd].name}'s proxy ID uses ${peerSide.text}, the address ${gw.name} translates ${rule.original} to (NAT rule "${rule.name}"); proxy IDs carry the pre-NAT source the encrypting gateway sees: ${local.text}.`, fix: [{ type: 'proxyId.update', tunnelId: tunnel.id, end: responderEnd, index: idx, changes: { remote: addressText(local) } }], fixLabel: 'Use the pre-NAT address' });
          return true;
        }
        const ownLocalR = natEnd === responderEnd ? (rc.local[0] as PlannedSelector) : undefined;
        if (natEnd === responderEnd && ownLocalR && (addressRelation(remote.s, t.value) === 'equals') && addressRelation(o.value, ownLocalR.s) !== 'isDisjoint') {
          const initIdx = run.plans[initiatorEnd].children[i]?.proxyIdIndexes[0];
          if (initIdx === undefined) continue;
          push({ code: 'NAT_ADDRESS_IN_SELECTOR', end: initiatorEnd, gateway: run.gateways[initiatorEnd].name, selector, message: `${run.gateways[initiatorEnd].name} proposes remote ${remote.text}, the address ${gw.name} translates ${rule.original} to (NAT rule "${rule.name}"); ${gw.name}'s proxy ID uses the pre-NAT ${ownLocalR.text}.`, fix: [{ type: 'proxyId.update', tunnelId: tunnel.id, end: initiatorEnd, index: initIdx, changes: { remote: addressText(ownLocalR) } }], fixLabel: 'Use the pre-NAT address' });
          return true;
        }
      }
    }
  }
  void entry;
  return false;
}

/** Route-based ends: a route into the tunnel needs a proxy ID, a proxy ID needs a route. */
function routeChecks(run: NegotiationRun, k: EndKey): void {
  const g = run.gateways[k];
  const end = run.end(k);
  if (g.vpnType !== 'route-based' || !end.tunnelInterface) return;
  const routes = (Array.isArray(g.routes) ? g.routes : []).filter((r) => r.interface === end.tunnelInterface);
  const proxyIds = Array.isArray(end.proxyIds) ? end.proxyIds : [];
  const peer = other(k);
  if (proxyIds.length > 0) {
    const remotes = proxyIds.map((p) => makeSelector(String(p.remote))).filter((r): r is { ok: true; value: Selector } => r.ok).map((r) => r.value);
    const locals = proxyIds.map((p) => String(p.local));
    for (const [ri, route] of routes.entries()) {
      const dest = parseAddressSpec(route.destination);
      if (!dest.ok) continue;
      const covered = remotes.some((r) => addressRelation(r, dest.value) === 'contains' || addressRelation(r, dest.value) === 'equals');
      if (covered) continue;
      const local = locals[0] ?? 'any';
      const add: ProxyId = { name: '', local, remote: route.destination, protocol: 'any', localPort: 'any', remotePort: 'any' };
      const mirror: ProxyId = { name: '', local: route.destination, remote: local, protocol: 'any', localPort: 'any', remotePort: 'any' };
      run.diagnostics.push({
        code: 'ROUTE_WITHOUT_PROXY_ID', severity: 'warning', end: k, gateway: g.name, selector: { remote: route.destination },
        message: `${g.name} routes ${route.destination} into ${end.tunnelInterface} (route ${ri + 1}), but no proxy ID covers it: that traffic has no SA and is dropped.`,
        fix: [{ type: 'proxyId.add', tunnelId: run.tunnel.id, end: k, proxyId: add }, { type: 'proxyId.add', tunnelId: run.tunnel.id, end: peer, proxyId: mirror }],
        fixLabel: 'Add the proxy ID on both ends', provenance: 'documented',
      });
    }
    proxyIds.forEach((p, pi) => {
      const r = parseAddressSpec(String(p.remote));
      if (!r.ok || (r.value.from === 0n && prefixLength(r.value) === 0)) return;
      const routed = routes.some((route) => {
        const dest = parseAddressSpec(route.destination);
        return dest.ok && (addressRelation(dest.value, r.value) === 'contains' || addressRelation(dest.value, r.value) === 'equals');
      });
      if (routed) return;
      const isPrefix = prefixLength(r.value) !== undefined && String(p.remote).includes('/');
      run.diagnostics.push({
        code: 'PROXY_ID_WITHOUT_ROUTE', severity: 'warning', end: k, gateway: g.name, selector: { remote: String(p.remote), proxyIdIndex: pi },
        message: `${g.name} has a proxy ID for ${p.remote} but no route sends that traffic into ${end.tunnelInterface}: the SA can come up, yet traffic never tries the tunnel.`,
        fix: isPrefix ? [{ type: 'route.add', gatewayId: g.id, route: { destination: String(p.remote), interface: end.tunnelInterface } }] : [],
        ...(isPrefix ? { fixLabel: `Route ${p.remote} into ${end.tunnelInterface}` } : {}), provenance: 'documented',
      });
    });
  }
}

const other = (k: EndKey): EndKey => (k === 'a' ? 'b' : 'a');

/** Capacity across tunnels: each proxy ID counts as a tunnel on PAN-OS (and an SA on ScreenOS). */
/** Capacity entry per gateway object (unchanged gateways keep their identity across edits). */
const capacityCache = new WeakMap<Gateway, ReturnType<typeof capacityOf> | null>();

function cachedCapacity(g: Gateway): ReturnType<typeof capacityOf> {
  if (!g.model) return undefined; // No model, no capacity entry (and no cache entry per gateway).
  let c = capacityCache.get(g);
  if (c === undefined) {
    c = capacityOf(g.vendor, g.model ?? '') ?? null;
    capacityCache.set(g, c);
  }
  return c ?? undefined;
}

/** A gateway of a model with a known capacity, and the tunnels its ends count so far. */
export type CapacityCount = { g: Gateway; tunnels: number; cap: NonNullable<ReturnType<typeof capacityOf>> };

/** The gateways of a known model, by id, each counting nothing yet. */
export function capacityGateways(gateways: readonly Gateway[]): Map<string, CapacityCount> {
  const out = new Map<string, CapacityCount>();
  for (const g of gateways) {
    const cap = cachedCapacity(g);
    if (cap) out.set(g.id, { g, tunnels: 0, cap });
  }
  return out;
}

/**
 * Counts one tunnel end toward its gateway (`sign` -1 takes it back): the report cache keeps the
 * counts of an unchanged document and moves only an edited tunnel's ends.
 */
export function countEnd(withCapacity: ReadonlyMap<string, CapacityCount>, few: readonly CapacityCount[] | undefined, end: TunnelEnd | undefined, sign: 1 | -1 = 1): void {
  if (!end || typeof end.gatewayId !== 'string') return;
  let entry: CapacityCount | undefined;
  if (few) {
    for (let i = 0; i < few.length && !entry; i++) if ((few[i] as CapacityCount).g.id === end.gatewayId) entry = few[i];
  } else {
    entry = withCapacity.get(end.gatewayId);
  }
  if (entry) entry.tunnels += sign * tunnelsUsed(entry.g.vendor, Array.isArray(end.proxyIds) ? end.proxyIds.length : 0);
}

/** With few gateways of a known model (the usual case) their ids are compared directly, cheaper than a map lookup per end. */
export function fewOf(withCapacity: ReadonlyMap<string, CapacityCount>): CapacityCount[] | undefined {
  return withCapacity.size <= 4 ? [...withCapacity.values()] : undefined;
}

/** The capacity diagnostics of the counted gateways. */
export function capacityFindings(withCapacity: ReadonlyMap<string, CapacityCount>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { g, tunnels: n, cap } of withCapacity.values()) {
    if (n <= cap.tunnels) continue;
    const bigger = smallestModelFor(g.vendor, n);
    out.push({
      code: 'TUNNEL_CAPACITY_EXCEEDED', severity: 'error', gateway: g.name,
      message: `${g.name} (${g.model}) needs ${n} IPsec tunnels${capacityCountNote(g.vendor)}; the model holds ${cap.tunnels} (${cap.source}).`,
      fix: bigger ? [{ type: 'gateway.update', id: g.id, changes: { model: bigger.model } }] : [],
      ...(bigger ? { fixLabel: `Use a ${bigger.model} (${bigger.tunnels} tunnels)` } : {}),
      provenance: cap.provenance,
    });
  }
  return out;
}

/** Every gateway whose model holds fewer tunnels than its ends count, counted from scratch. */
export function capacityDiagnostics(doc: TopologyDocument): Diagnostic[] {
  const withCapacity = capacityGateways(Array.isArray(doc.gateways) ? doc.gateways : []);
  if (withCapacity.size === 0) return [];
  const tunnels = Array.isArray(doc.tunnels) ? doc.tunnels : [];
  const few = fewOf(withCapacity);
  for (let i = 0; i < tunnels.length; i++) {
    const t = tunnels[i] as (typeof tunnels)[number];
    countEnd(withCapacity, few, t.a);
    countEnd(withCapacity, few, t.b);
  }
  return capacityFindings(withCapacity);
}

/**
 * SELECTOR_ASYMMETRIC: the child is up at both ends with different selectors. The message gives
 * each end's installed selectors and who drops the difference; the fix mirrors the initiator's
 * proxy ID on the responder, so both ends configure (and install) the same selectors.
 */
function asymmetricDiagnostic(run: NegotiationRun, entry: Phase2Result, i: number, child: ChildPlan, local: PlannedSelector, remote: PlannedSelector, asym: Asymmetry, provOf: (end: EndKey, rule: string | undefined) => Provenance): Diagnostic {
  const { initiatorEnd, responderEnd, tunnel } = run;
  const gI = run.gateways[initiatorEnd];
  const gR = run.gateways[responderEnd];
  const strict = asym.stricter === 'initiator' ? gI.name : asym.stricter === 'responder' ? gR.name : undefined;
  const wide = asym.stricter === 'initiator' ? gR.name : gI.name;
  const dropped = strict
    ? `${strict} is the stricter end: traffic that ${wide}'s selectors cover and ${strict}'s do not is dropped by ${strict} (it is encrypted one way and refused, or never enters the tunnel), so such flows work one way or not at all.`
    : `Neither covers the other: traffic outside either end's selectors is dropped by that end.`;
  const rc = run.plans[responderEnd].children.find((c) => c.name === entry.responderConfig);
  const idx = rc ? firstIndex(rc) : undefined;
  const fix: Command[] = idx !== undefined && !child.isDefault ? [{ type: 'proxyId.update', tunnelId: tunnel.id, end: responderEnd, index: idx, changes: mirrorOf(run.end(responderEnd).proxyIds[idx]?.name ?? '', local, remote) }] : [];
  const rule = entry.rules[entry.rules.length - 1];
  const ruleEnd = rule && run.profiles[responderEnd].rules[rule] && !run.profiles[initiatorEnd].rules[rule] ? responderEnd : initiatorEnd;
  return {
    code: 'SELECTOR_ASYMMETRIC', severity: 'warning', end: responderEnd, gateway: gR.name, selector: selectorOf(entry, child), phase2Index: i,
    message: `"${entry.name}" is up but asymmetric: ${gI.name} installs ${pairText(asym.initiator)} and ${gR.name} installs ${pairText(asym.responder)} (each from its own side). ${dropped} Configure identical selectors on both ends.`,
    fix,
    ...(fix.length > 0 ? { fixLabel: `Configure ${gR.name}'s proxy ID as the mirror of ${gI.name}'s` } : {}),
    provenance: provOf(ruleEnd, rule),
  };
}
