// The packet walk: what one packet (and its reply) does, gateway by gateway: destination NAT,
// route lookup, crypto-map match or proxy-ID check, SA selection or on-demand negotiation
// (through the monitor's state machine, so a negotiation the walk triggers leaves the SA up
// for the reply), security policy, source NAT, encryption, the peer's inbound check, delivery.
// Pure: the negotiator and the starting monitor state are passed in.
import type { EndKey, Gateway, GatewayId, NatRule, ProxyId, SecurityPolicy, TopologyDocument, Tunnel, TunnelId } from '../model/document';
import { formatIp, parseAddressSpec, parseInterfaceAddress, parseIp, prefixLength, type AddressRange, type Family } from '../net/address';
import { applyEvent, settledMonitorState, type MonitorState } from '../monitor/monitor';
import type { SaRecord } from '../vocabulary/sa';
import { effectiveProxyIds, otherEnd, type Negotiator, type TriggerProposal } from '../monitor/negotiator';
import { inboundCheckTable, proxyIdCheckTable } from '../monitor/rules';
import { decide, type DecisionSource } from '../vocabulary/decision-table';
import { spiOf } from '../vocabulary/sa';
import { interfaceStatuses } from '../monitor/status';
import { protocolNumber } from '../model/protocol';
import { parsePacket, proxyIdMatches, rangeHas, reversePacket, selectorsCover, specHas, type Packet, type ParsedPacket } from '../monitor/traffic';

export type StepKind =
  | 'source'
  | 'nat-destination'
  | 'route-lookup'
  | 'crypto-match'
  | 'proxy-id-check'
  | 'sa'
  | 'security-policy'
  | 'nat-source'
  | 'encrypt'
  | 'inbound-check'
  | 'deliver';

/** Why a leg stopped, as a stable code. */
export type DropCode =
  | 'NO_ROUTE'
  | 'NO_VPN_BOUND'
  | 'PROXY_ID_NO_MATCH'
  | 'SA_NEGOTIATION_FAILED'
  | 'SA_SELECTOR_MISMATCH'
  | 'POLICY_DENY'
  | 'PEER_UNREACHABLE'
  | 'UNKNOWN_SPI'
  | 'WRONG_SA'
  | 'UNENCRYPTED_EXIT'
  | 'LOOP';

export interface StepRule {
  id: string;
  says: string;
  source: DecisionSource;
}

export interface WalkStep {
  leg: 'forward' | 'reply';
  kind: StepKind;
  ok: boolean;
  gatewayId?: GatewayId;
  gatewayName?: string;
  title: string;
  detail: string;
  /** Canvas elements to highlight: gateway and network ids (nodes), tunnel ids (edges). */
  highlight: { nodes: string[]; edges: string[] };
  /** The packet as it is at this step. */
  packet: Packet;
  /** The SA used, on an encrypt step. */
  sa?: { tunnelId: TunnelId; end: EndKey; index: number; state: SaRecord['state']; spi: string; local: string[]; remote: string[] };
  rule?: StepRule;
}

export type LegResult =
  | { result: 'delivered'; gatewayId: GatewayId; gatewayName: string }
  | { result: 'dropped' | 'blackholed'; code: DropCode; step: StepKind; gatewayId?: GatewayId; gatewayName?: string; reason: string };

export type WalkOutcome = 'delivered' | 'dropped' | 'blackholed' | 'one-way';

export interface WalkResult {
  outcome: WalkOutcome;
  summary: string;
  request: { from: string; to: string; protocol: number; port?: number };
  forward: LegResult;
  reply?: LegResult;
  steps: WalkStep[];
  /** The monitor state after the walk (SAs it brought up stay up). */
  monitor: MonitorState;
}

export type WalkErrorCode = 'INVALID_ADDRESS' | 'MIXED_FAMILY' | 'INVALID_PORT' | 'INVALID_PROTOCOL' | 'SOURCE_NOT_FOUND' | 'UNKNOWN_ENDPOINT';
export type WalkResponse = { ok: true; value: WalkResult } | { ok: false; code: WalkErrorCode; message: string };

export interface WalkRequest {
  /** An IP address, or the id or name of a host or network on the canvas. */
  from: string;
  to: string;
  /** Protocol name or number; default tcp. */
  protocol?: string | number;
  /** Destination port for TCP/UDP/SCTP; default 443 for tcp, 53 for udp. */
  port?: number;
}

export interface WalkOptions {
  negotiate: Negotiator;
  /** The monitor state to start from; default: the settled network at `now` (settledMonitorState). */
  monitor?: MonitorState;
  /** The injected clock, ms (used when no monitor state is given). */
  now?: number;
}

const MAX_HOPS = 16;
const EPHEMERAL_PORT = 49152;

// ---- endpoints ---------------------------------------------------------------------------

/** The offset of the host a walk starts from or goes to in a network: .10, a typical server, not the router's .1. */
const HOST_OFFSET = 10n;

/** Every address a gateway's interface has in the document (a walk never picks one as a host). */
function gatewayAddresses(doc: TopologyDocument): Set<string> {
  const out = new Set<string>();
  for (const g of doc.gateways) {
    for (const i of g.interfaces) {
      const a = i.address ? parseInterfaceAddress(i.address) : undefined;
      if (a?.ok) out.add(`${a.value.family}:${a.value.address}`);
    }
  }
  return out;
}

/**
 * An address for a canvas element or a typed address. A network gives a host inside it: its .10
 * when it has one, else the first host address no gateway interface uses (a /31 or /32: its first
 * address); `label` names the element, for the walk to say which address it picked.
 */
export function resolveEndpoint(doc: TopologyDocument, text: string): { ok: true; ip: string; nodeId?: string; label?: string } | { ok: false; message: string } {
  const t = text.trim();
  const ip = parseIp(t);
  if (ip.ok) return { ok: true, ip: t };
  const net = doc.networks.find((n) => n.id === t) ?? doc.networks.find((n) => n.name === t);
  if (!net) return { ok: false, message: `"${text}" is neither an IP address nor the id or name of a host or network on the canvas` };
  const r = parseAddressSpec(net.address);
  if (!r.ok) return { ok: false, message: `${net.name} has no valid address (${net.address})` };
  const { family, from, to } = r.value;
  const size = to - from + 1n;
  let host = from;
  if (size > 2n) {
    const taken = gatewayAddresses(doc);
    const free = (a: bigint) => a > from && a < to && !taken.has(`${family}:${a}`);
    const candidates = [from + HOST_OFFSET, ...Array.from({ length: Number(size - 2n < 256n ? size - 2n : 256n) }, (_, i) => from + 1n + BigInt(i))];
    host = candidates.find(free) ?? from + 1n;
  }
  return { ok: true, ip: formatIp(family, host), nodeId: net.id, label: net.name };
}

function protocolOf(p: string | number | undefined): number | undefined {
  if (p === undefined) return 6;
  if (typeof p === 'number') return p;
  if (/^\d+$/.test(p)) return Number(p);
  const names: Record<string, number> = { any: 0, icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmpv6: 58, ospf: 89, sctp: 132 };
  return names[p.toLowerCase()];
}

// ---- gateway helpers ------------------------------------------------------------------------

interface Candidate {
  prefix: AddressRange;
  length: number;
  kind: 'attached' | 'connected' | 'static';
  interface: string;
  networkId?: string;
  metric: number;
  text: string;
}

interface GatewayIndex {
  attached: { id: string; range: AddressRange; name: string }[];
  subnets: { iface: string; network: AddressRange; length: number }[];
}

/** Parsed addresses per gateway, computed once per document object (documents are immutable). */
const INDEX = new WeakMap<TopologyDocument, Map<string, GatewayIndex>>();

function indexOf(doc: TopologyDocument): Map<string, GatewayIndex> {
  let idx = INDEX.get(doc);
  if (idx) return idx;
  idx = new Map(doc.gateways.map((g) => [g.id, { attached: [], subnets: [] } as GatewayIndex]));
  for (const n of doc.networks) {
    const r = parseAddressSpec(n.address);
    if (r.ok) idx.get(n.gatewayId)?.attached.push({ id: n.id, range: r.value, name: n.name });
  }
  for (const g of doc.gateways) {
    for (const i of g.interfaces) {
      if (!i.address) continue;
      const p = parseInterfaceAddress(i.address);
      if (p.ok) idx.get(g.id)?.subnets.push({ iface: i.name, network: p.value.network, length: p.value.length });
    }
  }
  INDEX.set(doc, idx);
  return idx;
}

function attachedNetworks(doc: TopologyDocument, gw: Gateway): { id: string; range: AddressRange; name: string }[] {
  return indexOf(doc).get(gw.id)?.attached ?? [];
}

function connectedSubnets(doc: TopologyDocument, gw: Gateway): GatewayIndex['subnets'] {
  return indexOf(doc).get(gw.id)?.subnets ?? [];
}

function insideInterface(gw: Gateway): string {
  return (gw.interfaces.find((i) => i.kind === 'physical' && i.zone === 'trust') ?? gw.interfaces.find((i) => i.kind === 'physical'))?.name ?? '';
}

function zoneOf(gw: Gateway, iface: string): string {
  return gw.interfaces.find((i) => i.name === iface)?.zone ?? 'any';
}

function lengthOf(r: AddressRange): number {
  return prefixLength(r) ?? (r.family === 4 ? 32 : 128);
}

/** The gateway a source address lives behind: the most specific attached network, else a connected subnet. */
export function gatewayOfAddress(doc: TopologyDocument, family: Family, a: bigint): { gw: Gateway; nodeId?: string; iface: string } | undefined {
  let best: { gw: Gateway; nodeId?: string; iface: string; len: number } | undefined;
  for (const gw of doc.gateways) {
    for (const n of attachedNetworks(doc, gw)) {
      if (rangeHas(n.range, family, a) && (!best || lengthOf(n.range) > best.len)) best = { gw, nodeId: n.id, iface: insideInterface(gw), len: lengthOf(n.range) };
    }
    for (const i of connectedSubnets(doc, gw)) {
      if (rangeHas(i.network, family, a) && (!best || i.length > best.len)) best = { gw, iface: i.iface, len: i.length };
    }
  }
  return best ? { gw: best.gw, iface: best.iface, ...(best.nodeId ? { nodeId: best.nodeId } : {}) } : undefined;
}

function matchSpec(spec: string, family: Family, a: bigint): boolean {
  return spec === 'any' || specHas(spec, family, a);
}

function translate(original: string, translated: string, family: Family, a: bigint): bigint {
  const o = parseAddressSpec(original);
  const t = parseAddressSpec(translated);
  if (!o.ok || !t.ok || t.value.family !== family) return a;
  const offset = a - o.value.from;
  const size = t.value.to - t.value.from + 1n;
  return size === o.value.to - o.value.from + 1n ? t.value.from + offset : t.value.from;
}

function policyMatches(p: SecurityPolicy, fromZone: string, toZone: string, pkt: ParsedPacket): boolean {
  if (p.fromZone !== 'any' && p.fromZone !== fromZone) return false;
  if (p.toZone !== 'any' && p.toZone !== toZone) return false;
  if (!matchSpec(p.source, pkt.family, pkt.src) || !matchSpec(p.destination, pkt.family, pkt.dst)) return false;
  const proto = protocolNumber(p.protocol);
  if (proto !== 0 && proto !== pkt.protocol) return false;
  if (p.port !== 'any' && pkt.dstPort !== undefined) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p.port);
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : lo;
    if (pkt.dstPort < lo || pkt.dstPort > hi) return false;
  }
  return true;
}

function toPacket(p: ParsedPacket): Packet {
  return { src: formatIp(p.family, p.src), dst: formatIp(p.family, p.dst), protocol: p.protocol, ...(p.dstPort !== undefined ? { dstPort: p.dstPort } : {}), ...(p.srcPort !== undefined ? { srcPort: p.srcPort } : {}) };
}

// ---- the walk ----------------------------------------------------------------------------

interface Arrival {
  via: 'host' | 'tunnel';
  iface: string;
  tunnelId?: TunnelId;
}

class Walker {
  steps: WalkStep[] = [];
  /** Source NAT done on the forward leg, undone for the reply at the same gateway. */
  private snat: { gatewayId: GatewayId; original: bigint; translated: bigint }[] = [];
  /** Destination NAT done on the forward leg, undone (as the reply's source) at the same gateway. */
  private dnat: { gatewayId: GatewayId; original: bigint; translated: bigint }[] = [];

  /** The engine, watched: what the last packet-triggered negotiation proposed, and by which rule. */
  private negotiate: Negotiator;
  private lastTrigger: TriggerProposal | undefined;

  constructor(private doc: TopologyDocument, public monitor: MonitorState, negotiate: Negotiator) {
    this.negotiate = (d, req) => {
      const outcome = negotiate(d, req);
      if (req.packet) this.lastTrigger = outcome.trigger;
      return outcome;
    };
  }

  private step(leg: WalkStep['leg'], gw: Gateway | undefined, kind: StepKind, ok: boolean, title: string, detail: string, pkt: ParsedPacket, extra: Partial<WalkStep> = {}): void {
    this.steps.push({
      leg, kind, ok, title, detail,
      ...(gw ? { gatewayId: gw.id, gatewayName: gw.name } : {}),
      highlight: extra.highlight ?? { nodes: gw ? [gw.id] : [], edges: [] },
      packet: toPacket(pkt),
      ...(extra.sa ? { sa: extra.sa } : {}),
      ...(extra.rule ? { rule: extra.rule } : {}),
    });
  }

  private stop(leg: WalkStep['leg'], gw: Gateway | undefined, kind: StepKind, result: 'dropped' | 'blackholed', code: DropCode, reason: string, pkt: ParsedPacket, extra: Partial<WalkStep> = {}): LegResult {
    this.step(leg, gw, kind, false, result === 'dropped' ? `Dropped: ${code}` : `Blackholed: ${code}`, reason, pkt, extra);
    return { result, code, step: kind, reason, ...(gw ? { gatewayId: gw.id, gatewayName: gw.name } : {}) };
  }

  leg(leg: WalkStep['leg'], start: Gateway, startIface: string, sourceNode: string | undefined, pkt0: ParsedPacket): LegResult {
    let pkt = pkt0;
    let gw = start;
    let arrival: Arrival = { via: 'host', iface: startIface };
    this.step(leg, gw, 'source', true, `${toPacket(pkt).src} → ${toPacket(pkt).dst}`, `The packet enters ${gw.name} on ${startIface || 'its inside interface'}.`, pkt, { highlight: { nodes: [...(sourceNode ? [sourceNode] : []), gw.id], edges: [] } });
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      // Reverse of a source NAT done on the forward leg (stateful NAT), then destination NAT.
      if (leg === 'reply') {
        const back = this.snat.find((s) => s.gatewayId === gw.id && s.translated === pkt.dst);
        if (back) {
          pkt = { ...pkt, dst: back.original };
          this.step(leg, gw, 'nat-destination', true, 'Reverse source NAT', `The reply to the translated address goes back to ${formatIp(pkt.family, back.original)}.`, pkt);
        }
        const undo = this.dnat.find((d) => d.gatewayId === gw.id && d.translated === pkt.src);
        if (undo) {
          pkt = { ...pkt, src: undo.original };
          this.step(leg, gw, 'nat-source', true, 'Reverse destination NAT', `The reply leaves from ${formatIp(pkt.family, undo.original)}, the address the request was sent to.`, pkt);
        }
      }
      const dnat = gw.natRules.find((r: NatRule) => r.kind === 'destination' && (r.interface === undefined || r.interface === arrival.iface) && specHas(r.original, pkt.family, pkt.dst));
      if (dnat) {
        const dst = translate(dnat.original, dnat.translated, pkt.family, pkt.dst);
        if (leg === 'forward') this.dnat.push({ gatewayId: gw.id, original: pkt.dst, translated: dst });
        pkt = { ...pkt, dst };
        this.step(leg, gw, 'nat-destination', true, `Destination NAT ${dnat.name}`, `Destination rewritten to ${formatIp(pkt.family, dst)} before the route lookup (post-NAT destination).`, pkt);
      }
      const preNatSrc = pkt.src;
      // Route lookup.
      const route = this.lookup(gw, pkt);
      if (!route) return this.stop(leg, gw, 'route-lookup', 'dropped', 'NO_ROUTE', `${gw.name} has no route to ${formatIp(pkt.family, pkt.dst)}.`, pkt);
      this.step(leg, gw, 'route-lookup', true, `Route ${route.text} → ${route.interface}`, `Longest prefix match on ${gw.name}: ${route.text} via ${route.interface} (${route.kind}).`, pkt);
      const toZone = zoneOf(gw, route.interface);
      const fromZone = zoneOf(gw, arrival.iface);
      const egressKind = gw.interfaces.find((i) => i.name === route.interface)?.kind;
      if (route.kind === 'attached' || (route.kind === 'connected' && egressKind !== 'tunnel' && !this.isOutside(gw, route.interface))) {
        const denied = this.policy(leg, gw, fromZone, toZone, pkt);
        if (denied) return denied;
        this.step(leg, gw, 'deliver', true, `Delivered to ${formatIp(pkt.family, pkt.dst)}`, `${gw.name} delivers the packet on ${route.interface}.`, pkt, { highlight: { nodes: [gw.id, ...(route.networkId ? [route.networkId] : [])], edges: [] } });
        return { result: 'delivered', gatewayId: gw.id, gatewayName: gw.name };
      }
      // Which SA, if any.
      const chosen = this.chooseSa(leg, gw, route, pkt);
      if ('stop' in chosen) return chosen.stop;
      if (chosen.none) {
        const denied = this.policy(leg, gw, fromZone, toZone, pkt);
        if (denied) return denied;
        return this.stop(leg, gw, 'route-lookup', 'blackholed', 'UNENCRYPTED_EXIT', `The packet leaves ${gw.name} by ${route.text} on ${route.interface} unencrypted: no tunnel takes it, so it never reaches ${formatIp(pkt.family, pkt.dst)}.`, pkt);
      }
      const { tunnel, end, sa, check } = chosen;
      if (check && !selectorsCover(sa.negotiated ?? { local: [], remote: [] }, pkt, 'outbound')) {
        const mine = `${(sa.negotiated?.local ?? []).join(',')} ↔ ${(sa.negotiated?.remote ?? []).join(',')}`;
        const why = sa.peerInstalled
          ? `The SA is up but asymmetric: ${gw.name} installed ${mine} and its peer ${sa.peerInstalled.local.join(',')} ↔ ${sa.peerInstalled.remote.join(',')}. ${gw.name}, the stricter end for this packet, does not send it: it is outside its own selectors.`
          : `The SA negotiated for this proxy ID covers ${mine}, narrower than the packet; ${gw.name} does not send it.`;
        return this.stop(leg, gw, 'sa', 'dropped', 'SA_SELECTOR_MISMATCH', why, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] } });
      }
      const denied = this.policy(leg, gw, fromZone, toZone, pkt);
      if (denied) return denied;
      // Source NAT after policy; proxy IDs were matched on the pre-NAT source.
      const snat = gw.natRules.find((r) => r.kind === 'source' && (r.interface === undefined || r.interface === route.interface) && specHas(r.original, pkt.family, pkt.src));
      if (snat) {
        const src = translate(snat.original, snat.translated, pkt.family, pkt.src);
        if (leg === 'forward') this.snat.push({ gatewayId: gw.id, original: preNatSrc, translated: src });
        pkt = { ...pkt, src };
        this.step(leg, gw, 'nat-source', true, `Source NAT ${snat.name}`, `Source rewritten to ${formatIp(pkt.family, src)} after the proxy-ID match on the pre-NAT source.`, pkt);
      }
      // Encryption.
      const peerKey = otherEnd(end);
      const peer = this.doc.gateways.find((g) => g.id === tunnel[peerKey].gatewayId);
      const saInfo = { tunnelId: tunnel.id, end, index: sa.index, state: sa.state, spi: spiOf(sa, 'out'), local: sa.negotiated?.local ?? [], remote: sa.negotiated?.remote ?? [] };
      this.step(leg, gw, 'encrypt', true, `ESP SPI 0x${saInfo.spi} on ${tunnel.name}`, `Encrypted on the SA ${saInfo.local.join(',')} ↔ ${saInfo.remote.join(',')} and sent to ${peer?.name ?? 'the peer'}.`, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] }, sa: saInfo });
      if (!peer) return this.stop(leg, gw, 'encrypt', 'dropped', 'PEER_UNREACHABLE', `The tunnel's other gateway is missing from the document.`, pkt);
      if (!(this.monitor.paths[tunnel.id]?.reachable ?? true)) {
        return this.stop(leg, peer, 'inbound-check', 'dropped', 'PEER_UNREACHABLE', `${peer.name} is unreachable (peer lost): the ESP packet never arrives.`, pkt, { highlight: { nodes: [peer.id], edges: [tunnel.id] } });
      }
      if (!sa.peerHasSa) {
        return this.stop(leg, peer, 'inbound-check', 'dropped', 'UNKNOWN_SPI', `${peer.name} restarted and no longer has SPI 0x${saInfo.spi}; it drops the packet.`, pkt, { highlight: { nodes: [peer.id], edges: [tunnel.id] } });
      }
      // The peer's inbound check: is the inner packet inside the SA's selectors?
      const strict = decide(inboundCheckTable(peer.vendor), { vpnType: peer.vpnType });
      // Up but asymmetric: the peer checks the packet against what it installed itself, and
      // drops what lies in the difference whatever its product's inbound check.
      const peerSel = sa.peerInstalled ? { local: sa.peerInstalled.remote, remote: sa.peerInstalled.local } : undefined;
      if (peerSel && !selectorsCover(peerSel, pkt, 'outbound')) {
        return this.stop(leg, peer, 'inbound-check', 'dropped', 'SA_SELECTOR_MISMATCH', `The SA is up but asymmetric: ${gw.name} installed ${saInfo.local.join(',')} ↔ ${saInfo.remote.join(',')} and ${peer.name} installed ${peerSel.remote.join(',')} ↔ ${peerSel.local.join(',')}. ${peer.name}, the stricter end for this packet, decrypts it and drops it: ${formatIp(pkt.family, pkt.src)} → ${formatIp(pkt.family, pkt.dst)} is outside its own selectors.`, pkt, { highlight: { nodes: [peer.id], edges: [tunnel.id] } });
      }
      const inside = selectorsCover(sa.negotiated ?? { local: [], remote: [] }, pkt, 'outbound');
      if (strict.value && !inside) {
        return this.stop(leg, peer, 'inbound-check', 'dropped', 'WRONG_SA', `${peer.name} decrypts the packet but it arrived on the SA ${saInfo.remote.join(',')} ↔ ${saInfo.local.join(',')}, which does not cover ${formatIp(pkt.family, pkt.src)} → ${formatIp(pkt.family, pkt.dst)}: dropped as arriving on the wrong SA.`, pkt, { highlight: { nodes: [peer.id], edges: [tunnel.id] }, rule: strict.rule });
      }
      this.step(leg, peer, 'inbound-check', true, 'Decrypted', strict.value ? `${peer.name} decrypts it; the packet is inside the SA's selectors.` : `${peer.name} decrypts it and routes it on without checking it against the SA's proxy ID.`, pkt, { highlight: { nodes: [peer.id], edges: [tunnel.id] }, rule: strict.rule });
      gw = peer;
      const peerEnd = tunnel[peerKey];
      arrival = { via: 'tunnel', iface: peerEnd.tunnelInterface || peerEnd.outsideInterface, tunnelId: tunnel.id };
    }
    return this.stop(leg, gw, 'route-lookup', 'dropped', 'LOOP', `The packet crossed ${MAX_HOPS} gateways: a routing loop.`, pkt);
  }

  private isOutside(gw: Gateway, iface: string): boolean {
    return this.doc.tunnels.some((t) => (['a', 'b'] as const).some((k) => t[k].gatewayId === gw.id && t[k].outsideInterface === iface));
  }

  private lookup(gw: Gateway, pkt: ParsedPacket): Candidate | undefined {
    // Routes to a tunnel interface the monitor declared down may be withdrawn (rules.ts).
    const withdrawnCache = new Map<string, boolean>();
    const withdrawn = { has: (iface: string): boolean => {
      let w = withdrawnCache.get(iface);
      if (w === undefined) {
        w = interfaceStatuses(this.doc, this.monitor, gw.id, iface).some((v) => v.kind === 'tunnel-interface' && !v.routesInstalled);
        withdrawnCache.set(iface, w);
      }
      return w;
    } };
    const cands: Candidate[] = [];
    for (const n of attachedNetworks(this.doc, gw)) {
      if (rangeHas(n.range, pkt.family, pkt.dst)) cands.push({ prefix: n.range, length: lengthOf(n.range), kind: 'attached', interface: insideInterface(gw), networkId: n.id, metric: 0, text: `${n.name} (attached)` });
    }
    for (const i of connectedSubnets(this.doc, gw)) {
      if (rangeHas(i.network, pkt.family, pkt.dst)) cands.push({ prefix: i.network, length: i.length, kind: 'connected', interface: i.iface, metric: 0, text: `${formatIp(i.network.family, i.network.from)}/${i.length} (connected)` });
    }
    for (const r of gw.routes) {
      const p = parseAddressSpec(r.destination);
      if (p.ok && rangeHas(p.value, pkt.family, pkt.dst) && !withdrawn.has(r.interface)) cands.push({ prefix: p.value, length: lengthOf(p.value), kind: 'static', interface: r.interface, metric: r.metric ?? 10, text: r.destination });
    }
    cands.sort((x, y) => y.length - x.length || (x.kind === 'static' ? 1 : 0) - (y.kind === 'static' ? 1 : 0) || x.metric - y.metric);
    if (cands.length === 0 && gw.vpnType === 'policy-based' && gw.routes.length === 0) {
      // A policy-based gateway drawn without routes: assume the usual default route out of the
      // interface its crypto map is on, so the crypto map decides (said so in the step).
      const outside = this.doc.tunnels.flatMap((t) => (['a', 'b'] as const).filter((k) => t[k].gatewayId === gw.id).map((k) => t[k].outsideInterface)).find((i) => i !== '')
        ?? gw.interfaces.find((i) => i.kind === 'physical')?.name;
      if (outside) return { prefix: { family: pkt.family, from: 0n, to: pkt.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n }, length: 0, kind: 'static', interface: outside, metric: 0, text: 'default route (assumed: no routes modelled on this policy-based gateway)' };
    }
    return cands[0];
  }

  private policy(leg: WalkStep['leg'], gw: Gateway, fromZone: string, toZone: string, pkt: ParsedPacket): LegResult | undefined {
    if (gw.policies.length === 0) return undefined;
    const p = gw.policies.find((x) => policyMatches(x, fromZone, toZone, pkt));
    if (!p || p.action === 'deny') {
      return this.stop(leg, gw, 'security-policy', 'dropped', 'POLICY_DENY', p ? `Security policy "${p.name}" (${fromZone} → ${toZone}) denies it.` : `No security policy allows ${fromZone} → ${toZone} for this packet; the default is deny.`, pkt);
    }
    this.step(leg, gw, 'security-policy', true, `Policy ${p.name}: allow`, `Security policy "${p.name}" allows ${fromZone} → ${toZone} (pre-NAT source, post-NAT destination).`, pkt);
    return undefined;
  }

  /** Route-based: the ends bound to the egress tunnel interface. Policy-based: the crypto map on the egress interface. */
  private chooseSa(leg: WalkStep['leg'], gw: Gateway, route: Candidate, pkt: ParsedPacket):
    | { stop: LegResult }
    | { none: true }
    | { none?: false; tunnel: Tunnel; end: EndKey; sa: SaRecord; check: boolean } {
    const ends: { tunnel: Tunnel; end: EndKey }[] = [];
    for (const t of this.doc.tunnels) for (const k of ['a', 'b'] as const) if (t[k].gatewayId === gw.id) ends.push({ tunnel: t, end: k });
    const isTunnelIf = gw.interfaces.some((i) => i.name === route.interface && i.kind === 'tunnel') || ends.some((e) => e.tunnel[e.end].tunnelInterface === route.interface && gw.vpnType === 'route-based');
    let candidates: { tunnel: Tunnel; end: EndKey }[];
    let stepKind: StepKind;
    if (isTunnelIf) {
      candidates = ends.filter((e) => e.tunnel[e.end].tunnelInterface === route.interface);
      stepKind = 'proxy-id-check';
      if (candidates.length === 0) return { stop: this.stop(leg, gw, 'route-lookup', 'dropped', 'NO_VPN_BOUND', `${route.interface} is not bound to any VPN.`, pkt) };
    } else {
      candidates = ends.filter((e) => gw.vpnType === 'policy-based' && (e.tunnel[e.end].outsideInterface === '' || e.tunnel[e.end].outsideInterface === route.interface));
      stepKind = 'crypto-match';
      if (candidates.length === 0) return { none: true };
    }
    for (const { tunnel, end } of candidates) {
      const te = tunnel[end];
      const pids = effectiveProxyIds(te);
      const check = decide(proxyIdCheckTable(gw.vendor), { osVersion: gw.osVersion, vpnType: gw.vpnType, proxyIdCount: te.proxyIds.length, end: te });
      let index: number;
      if (check.value) {
        index = pids.findIndex((p: ProxyId) => proxyIdMatches(p, pkt, 'outbound'));
        if (index < 0) continue;
        const p = pids[index] as ProxyId;
        this.step(leg, gw, stepKind, true, `${stepKind === 'crypto-match' ? 'Crypto map' : 'Proxy ID'} ${p.name || `#${index + 1}`} matches`, `${p.local} ↔ ${p.remote} (${String(p.protocol)}) on ${tunnel.name} matches the packet.`, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] }, rule: check.rule });
      } else {
        index = 0;
        const p = pids[0] as ProxyId;
        this.step(leg, gw, stepKind, true, `Route picks ${tunnel.name}`, `No proxy-ID check here: the route alone sends the packet into ${route.interface}, on the SA of ${p.local} ↔ ${p.remote}${pids.length > 1 || candidates.length > 1 ? ', whether or not it matches' : ''}.`, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] }, rule: check.rule });
      }
      return this.bringUp(leg, gw, tunnel, end, index, pkt, check.value);
    }
    if (stepKind === 'crypto-match') return { none: true };
    const first = candidates[0];
    const rule = first ? decide(proxyIdCheckTable(gw.vendor), { osVersion: gw.osVersion, vpnType: gw.vpnType, proxyIdCount: first.tunnel[first.end].proxyIds.length, end: first.tunnel[first.end] }).rule : undefined;
    return { stop: this.stop(leg, gw, 'proxy-id-check', 'dropped', 'PROXY_ID_NO_MATCH', `The route sends the packet into ${route.interface}, but no proxy ID of ${candidates.map((c) => c.tunnel.name).join(', ')} matches ${formatIp(pkt.family, pkt.src)} → ${formatIp(pkt.family, pkt.dst)}: dropped by the proxy-ID check.`, pkt, { highlight: { nodes: [gw.id], edges: candidates.map((c) => c.tunnel.id) }, ...(rule ? { rule } : {}) }) };
  }

  private bringUp(leg: WalkStep['leg'], gw: Gateway, tunnel: Tunnel, end: EndKey, index: number, pkt: ParsedPacket, check: boolean): { stop: LegResult } | { tunnel: Tunnel; end: EndKey; sa: SaRecord; check: boolean } {
    const find = () => this.monitor.sas.find((s) => s.tunnelId === tunnel.id && s.end === end && s.index === index);
    const before = find();
    if (!before) return { stop: this.stop(leg, gw, 'sa', 'dropped', 'SA_NEGOTIATION_FAILED', `No SA record for ${tunnel.name}.`, pkt) };
    const wasActive = before.state === 'ACTIVE';
    this.lastTrigger = undefined;
    this.monitor = applyEvent(this.doc, this.monitor, { type: 'traffic', at: this.monitor.now, tunnelId: tunnel.id, end, index, packet: toPacket(pkt) }, this.negotiate);
    const sa = find();
    // What this gateway's product proposes for a packet (its profile rule), as the engine applied it.
    // (Set inside the negotiator during applyEvent, which the compiler's narrowing cannot see.)
    const trigger = this.lastTrigger as TriggerProposal | undefined;
    const proposal = trigger ? `${proposalText(gw.name, trigger)} ` : '';
    const rule = trigger ? { rule: { id: trigger.rule.id, says: trigger.rule.statement, source: { ref: trigger.rule.source, provenance: trigger.rule.provenance, note: trigger.rule.statement } } } : {};
    if (!sa || sa.state !== 'ACTIVE') {
      const why = sa?.notify ? `${sa.notify}${sa.reason ? `: ${sa.reason.replace(/\.$/, '')}` : ''}` : 'negotiation failed';
      return { stop: this.stop(leg, gw, 'sa', 'dropped', 'SA_NEGOTIATION_FAILED', `${proposal}${wasActive ? 'The SA' : 'On-demand negotiation of the SA'} on ${tunnel.name} failed (${why}).`, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] }, ...rule }) };
    }
    this.step(leg, gw, 'sa', true, wasActive ? 'SA in use' : 'SA negotiated on demand', wasActive ? `The SA ${sa.negotiated?.local.join(',')} ↔ ${sa.negotiated?.remote.join(',')} is ACTIVE.` : `The packet triggers phase 2 on ${tunnel.name}: ${proposal}SA ${sa.negotiated?.local.join(',')} ↔ ${sa.negotiated?.remote.join(',')} established.`, pkt, { highlight: { nodes: [gw.id], edges: [tunnel.id] }, ...rule });
    return { tunnel, end, sa, check };
  }
}

/** What a packet-triggered proposal held, in words: the packet's selector first, or only the configured ones. */
function proposalText(gateway: string, t: TriggerProposal): string {
  const pair = (i: number): string => `${t.local[i] ?? t.local.join(',')} ↔ ${t.remote[i] ?? t.remote.join(',')}`;
  if (t.packetFirst) {
    const rest = t.local.length > 1 ? `, then its configured ${t.local.slice(1).join(',')} ↔ ${t.remote.slice(1).join(',')}` : '';
    return `${gateway} proposes the packet's own selector first, ${pair(0)}${rest}.`;
  }
  return `${gateway} proposes only its configured selectors, ${t.local.join(',')} ↔ ${t.remote.join(',')}, not the packet's.`;
}

function describeLeg(r: LegResult): string {
  if (r.result === 'delivered') return `delivered by ${r.gatewayName}`;
  return `${r.result} at ${r.step}${r.gatewayName ? ` on ${r.gatewayName}` : ''} (${r.code}): ${r.reason}`;
}

export function walkPacket(doc: TopologyDocument, req: WalkRequest, opts: WalkOptions): WalkResponse {
  const from = resolveEndpoint(doc, req.from);
  if (!from.ok) return { ok: false, code: 'UNKNOWN_ENDPOINT', message: from.message };
  const to = resolveEndpoint(doc, req.to);
  if (!to.ok) return { ok: false, code: 'UNKNOWN_ENDPOINT', message: to.message };
  const protocol = protocolOf(req.protocol);
  if (protocol === undefined) return { ok: false, code: 'INVALID_PROTOCOL', message: `unknown protocol "${String(req.protocol)}": use tcp, udp, icmp or a number 0-255` };
  const port = req.port ?? (protocol === 6 ? 443 : protocol === 17 ? 53 : undefined);
  const packet: Packet = { src: from.ip, dst: to.ip, protocol, ...(port !== undefined ? { dstPort: port, srcPort: EPHEMERAL_PORT } : {}) };
  const parsed = parsePacket(packet);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  const src = gatewayOfAddress(doc, parsed.value.family, parsed.value.src);
  if (!src) return { ok: false, code: 'SOURCE_NOT_FOUND', message: `no gateway has ${from.ip} behind it: attach a host or network containing it to a gateway` };
  const w = new Walker(doc, opts.monitor ?? settledMonitorState(doc, opts.now ?? 0, opts.negotiate), opts.negotiate);
  const forward = w.leg('forward', src.gw, src.iface, from.nodeId ?? src.nodeId, parsed.value);
  let reply: LegResult | undefined;
  if (forward.result === 'delivered') {
    const delivered = w.steps[w.steps.length - 1];
    const back = parsePacket(reversePacket(delivered?.packet ?? packet));
    const at = doc.gateways.find((g) => g.id === forward.gatewayId);
    if (back.ok && at) {
      const startIface = gatewayOfAddress(doc, back.value.family, back.value.src)?.iface ?? insideInterface(at);
      reply = w.leg('reply', at, startIface, to.nodeId, back.value);
    }
  }
  const outcome: WalkOutcome = forward.result !== 'delivered' ? forward.result : reply?.result === 'delivered' ? 'delivered' : 'one-way';
  // A host or network names the address the walk picked in it ("Net 1.2 (192.168.2.10)").
  const path = `${from.label ? `${from.label} (${from.ip})` : from.ip} → ${to.label ? `${to.label} (${to.ip})` : to.ip}`;
  const summary = outcome === 'delivered'
    ? `${path}: delivered both ways.`
    : outcome === 'one-way'
      ? `${path}: one-way. The packet is ${describeLeg(forward)}, but the reply is ${reply ? describeLeg(reply) : 'not sent'}.`
      : `${path}: ${describeLeg(forward)}`;
  return { ok: true, value: { outcome, summary, request: { from: from.ip, to: to.ip, protocol, ...(port !== undefined ? { port } : {}) }, forward, ...(reply ? { reply } : {}), steps: w.steps, monitor: w.monitor } };
}
