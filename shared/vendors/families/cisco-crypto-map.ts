// What Cisco ASA and IOS crypto maps share: mirror-image crypto ACLs, the subset rule that depends
// on who initiates, no real IKEv2 narrowing.
import { z } from 'zod';
import type { ValueLimit } from '../kit/capabilities';
import type { VendorOptionSet } from '../kit/options';
import type { DhGroup, Network, Route } from '../../model/document';
import { clip } from '../../model/text';
import { parseAddressSpec, parseInterfaceAddress, type AddressRange } from '../../net/address';
import type { ConfigWriter, GatewayContext, TunnelView } from '../kit/export/context';
import type { ResponderMatch, SelectorBehaviour } from '../kit/profile';
import type { RuleInput } from '../kit/rules';

export const CISCO_ACL_DOC = 'Cisco: IPsec crypto map ACLs must be mirror images; "Rejecting IPSec tunnel: no matching crypto map entry" (ASA syslog 713061 / IOS crypto debug)';
export const CISCO_IKEV2_NARROWING = 'strongswan/strongswan#1150 (maintainer): Cisco has no multi-subnet selectors and no real IKEv2 narrowing';
export const CISCO_PFS_DOC = 'Cisco IOS Security Command Reference, set pfs: without a local group, the peer\'s PFS offer is accepted';
export const CISCO_LIFETIME_DOC = 'Cisco IOS Security Configuration Guide, IKE policy: the peer\'s lifetime must be <= the local lifetime';

export function ciscoRules(prefix: string): RuleInput[] {
  return [
    { id: `${prefix}.subset`, statement: 'A proposed selector pair is accepted as proposed when it lies inside a crypto ACL entry (mirrored); a broader proposal is rejected: so a non-mirrored pair comes up only when the narrower side initiates.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.v2.no-narrowing`, statement: 'IKEv2: no real narrowing; only the first selector pair is considered and answered as proposed; an initiator rejects a narrowed answer.', provenance: 'documented', source: CISCO_IKEV2_NARROWING },
    { id: `${prefix}.each-line`, statement: 'Each crypto ACL line negotiates its own SA pair.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.default`, statement: 'A crypto map without an ACL proposes nothing; a VTI (route-based) proposes 0.0.0.0/0 <-> 0.0.0.0/0.', provenance: 'documented', source: 'Cisco IPsec Virtual Tunnel Interface configuration guide' },
    { id: `${prefix}.pfs`, statement: 'Without PFS configured the responder accepts the initiator\'s PFS group; with PFS configured the groups must match.', provenance: 'documented', source: CISCO_PFS_DOC },
    { id: `${prefix}.lifetime`, statement: 'IKEv1: a policy matches only if the initiator\'s lifetime is <= the responder\'s.', provenance: 'documented', source: CISCO_LIFETIME_DOC },
  ];
}

export function ciscoSelectors(prefix: string, policyBased: boolean): SelectorBehaviour {
  const respond: ResponderMatch = 'subset';
  return {
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: respond,
    v2Responder: respond,
    v2Initiator: 'exact-only',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: policyBased ? 'none' : 'any',
    packetTrigger: 'configured',
    acceptsAnyPfsWhenNoneConfigured: true,
    rules: { packetTrigger: `${prefix}.packet-trigger`, v1Propose: `${prefix}.each-line`, v1Respond: `${prefix}.subset`, v2Respond: `${prefix}.v2.no-narrowing`, v2Initiator: `${prefix}.v2.no-narrowing`, default: `${prefix}.default`, pfs: `${prefix}.pfs` },
  };
}

/**
 * A number the box takes only within its range (the product's capability table): written as
 * is, or as the nearest value it takes with a LIFETIME_ADJUSTED warning naming both, so an
 * export never holds a value the box refuses (the engine reports VALUE_OUT_OF_RANGE before).
 */
export function bounded(w: ConfigWriter, t: TunnelView, limit: ValueLimit | undefined, value: number, what: string): number {
  if (!limit || (value >= limit.min && value <= limit.max)) return value;
  const nearest = Math.min(limit.max, Math.max(limit.min, value));
  w.warn('LIFETIME_ADJUSTED', `${what} ${value} is outside ${limit.min}-${limit.max}, the range of ${limit.statement}; written as ${nearest}: change it in the design (on both ends)`, { tunnel: t.tunnel.name });
  return nearest;
}

/**
 * Numbers for ISAKMP/IKE policies, which are global on the box and chosen by priority: one
 * counter per file from a start the user sets (so an export does not take the numbers of
 * policies a box in production already has), each distinct policy written once and reused by
 * every tunnel that offers it. Before, each tunnel's policies were numbered from tunnel × 10, so
 * one tunnel with more than ten combinations overwrote the next tunnel's (IOS) and every
 * combination of one ASA proposal got the same number, leaving only the last.
 */
export class PolicyNumbers {
  private readonly byBody = new Map<string, number>();
  /** Numbers given to a body, or kept for the box's own policies (reserve): the counter passes them. */
  private readonly used = new Set<number>();
  private readonly reserved = new Set<number>();
  private next: number;
  constructor(
    start: number,
    /** The highest priority the product takes. */
    readonly max: number,
    /** How many policies the product holds, when it says. */
    readonly count = Infinity,
  ) {
    this.next = start;
  }

  /** The policy's number and whether it is new (to write); undefined when no number is left. */
  take(body: string): { n: number; fresh: boolean } | undefined {
    const known = this.byBody.get(body);
    if (known !== undefined) return { n: known, fresh: false };
    while (this.used.has(this.next) || this.reserved.has(this.next)) this.next++;
    if (this.next > this.max || this.byBody.size >= this.count) return undefined;
    const n = this.next++;
    this.byBody.set(body, n);
    this.used.add(n);
    return { n, fresh: true };
  }

  /** Keeps `n` (a policy the imported box has) out of the counter's way, for takeAt. */
  reserve(n: number): void {
    if (n >= 1 && n <= this.max) this.reserved.add(n);
  }

  /**
   * The policy's number as `n` (the box's own priority for it) when no other policy of the file
   * has taken it, else as take gives it.
   */
  takeAt(body: string, n: number): { n: number; fresh: boolean } | undefined {
    const known = this.byBody.get(body);
    if (known !== undefined) return { n: known, fresh: false };
    if (!this.reserved.has(n) || this.used.has(n) || this.byBody.size >= this.count) return this.take(body);
    this.byBody.set(body, n);
    this.used.add(n);
    return { n, fresh: true };
  }
}

/** The numbers and name a Cisco export starts from, so that it fits beside a box's running configuration. */
export type CryptoMapOptions = { cryptoMapName: string; mapSequenceStart: number; policyStart: number };

/** A crypto map name both CLIs take as one word and Batfish's grammars read as a name. */
const MAP_NAME = /^[A-Za-z0-9_-]{1,64}$/u;

/**
 * The gateway settings of an ASA or IOS-XE export on a box already in production: `crypto map
 * <name> interface <if>` (ASA) or `crypto map <name>` on the interface (IOS) replaces the map the
 * interface has, so the export must add its entries to the box's own map, under sequence numbers
 * and ISAKMP/IKE policy priorities the box does not use yet.
 */
export function cryptoMapOptions(spec: { defaultName: string; sequenceMax: number; policyMax: number; source: string }): VendorOptionSet<CryptoMapOptions> {
  return {
    schema: z.strictObject({
      cryptoMapName: z.union([z.literal(''), z.string().regex(MAP_NAME, { message: 'a crypto map name is up to 64 letters, digits, _ and -' })]).optional(),
      mapSequenceStart: z.number().int().min(1).max(spec.sequenceMax).optional(),
      policyStart: z.number().int().min(1).max(spec.policyMax).optional(),
    }),
    defaults: { cryptoMapName: '', mapSequenceStart: 10, policyStart: 10 },
    fields: [
      { key: 'cryptoMapName', kind: 'text', pattern: /^(?:[A-Za-z0-9_-]{1,64})?$/u, says: 'up to 64 letters, digits, _ and -; empty for the default', label: 'Crypto map name', hint: `The crypto map the tunnels are entries of (empty: ${spec.defaultName}). On a box in production, the name of the map already bound to the outside interface: binding another one replaces it.`, source: spec.source },
      { key: 'mapSequenceStart', kind: 'number', min: 1, max: spec.sequenceMax, label: 'First crypto map sequence', hint: 'The first tunnel\'s crypto map entry; each next tunnel takes the next multiple of 10. Choose numbers the box\'s map does not use.', source: spec.source },
      { key: 'policyStart', kind: 'number', min: 1, max: spec.policyMax, label: 'First IKE policy priority', hint: 'ISAKMP/IKE policies are numbered from here, one per combination. Choose priorities the box does not use (a lower number is tried first).', source: spec.source },
    ],
  };
}

/** The crypto map name an export writes. */
/**
 * The crypto map of each outside interface: the gateway's setting when it names one, else the
 * map an imported box had bound there (recorded on its tunnels' ends, the first one kept: one
 * crypto map per interface), else `fallback`. `boxBound` says the interface keeps the box's map.
 */
export function interfaceMaps(tunnels: readonly TunnelView[], recorded: readonly string[], configured: string, fallback: string): { mapOf: (outside: string) => string; boxBound: (outside: string) => boolean } {
  const boxMaps = new Map<string, string>();
  tunnels.forEach((t, i) => {
    const m = recorded[i] ?? '';
    if (m !== '' && !boxMaps.has(t.outside)) boxMaps.set(t.outside, m);
  });
  return {
    mapOf: (outside) => (configured !== '' ? configured : (boxMaps.get(outside) ?? fallback)),
    boxBound: (outside) => configured === '' && boxMaps.has(outside),
  };
}

/**
 * Each tunnel's crypto map entry number: an imported entry keeps its own (`recorded`, 0 when none;
 * the first tunnel claiming one, when a copied tunnel carries the same); the others are numbered
 * from the gateway's first sequence, every 10, past the ones taken.
 */
export function entrySequences(tunnels: readonly TunnelView[], recorded: readonly (number | undefined)[], mapOf: (outside: string) => string, start: number): number[] {
  const taken = new Set<string>();
  const seqs: (number | undefined)[] = tunnels.map((t, i) => {
    const n = recorded[i] ?? 0;
    const at = `${mapOf(t.outside)} ${n}`;
    if (n === 0 || taken.has(at)) return undefined;
    taken.add(at);
    return n;
  });
  return tunnels.map((t, i) => {
    const own = seqs[i];
    if (own !== undefined) return own;
    let n = start + i * 10;
    while (taken.has(`${mapOf(t.outside)} ${n}`)) n += 10;
    taken.add(`${mapOf(t.outside)} ${n}`);
    return n;
  });
}

export function mapNameOf(options: CryptoMapOptions, fallback: string): string {
  return options.cryptoMapName !== '' ? options.cryptoMapName : fallback;
}

/** A route the export writes for one of the gateway's own networks that no interface of it is on. */
export interface InsideRoute {
  network: AddressRange;
  interface: string;
  nextHop: string;
}

/**
 * The gateway's own networks (the design's networks behind it) that are on none of its
 * interfaces: each needs a route on the box, or the traffic out of the tunnel toward it follows
 * the default route back out. A design route to it with a next hop is written (`routes`, and
 * `kept`: the design's routes that stay unwritten); a network without one is `unrouted`.
 */
export function insideRoutes(ctx: GatewayContext): { routes: InsideRoute[]; kept: Route[]; unrouted: Network[] } {
  const g = ctx.gateway;
  const within = (inner: AddressRange, outer: AddressRange) => inner.family === outer.family && inner.from >= outer.from && inner.to <= outer.to;
  const outside = new Set(ctx.tunnels.map((t) => t.outside));
  const connected = g.interfaces.flatMap((i) => {
    if (i.kind === 'tunnel' || !i.address) return [];
    const a = parseInterfaceAddress(i.address);
    return a.ok ? [{ network: a.value.network, inside: !outside.has(i.name) }] : [];
  });
  // A design that gives no inside interface an address says nothing of how the networks are
  // reached: the addressing warning covers it (productionWarnings).
  if (!connected.some((c) => c.inside)) return { routes: [], kept: g.routes, unrouted: [] };
  const routes: InsideRoute[] = [];
  const used = new Set<Route>();
  const unrouted: Network[] = [];
  const tunnelIfs = new Set(g.interfaces.filter((i) => i.kind === 'tunnel').map((i) => i.name));
  for (const n of ctx.networks) {
    const net = parseAddressSpec(n.address);
    if (!net.ok || connected.some((c) => within(net.value, c.network))) continue;
    const r = g.routes.find((x) => !tunnelIfs.has(x.interface) && x.nextHop !== undefined && x.nextHop.includes(':') === (net.value.family === 6) && (() => { const d = parseAddressSpec(x.destination); return d.ok && within(net.value, d.value); })());
    if (r?.nextHop) {
      const d = parseAddressSpec(r.destination);
      if (d.ok && !used.has(r)) routes.push({ network: d.value, interface: r.interface, nextHop: r.nextHop });
      used.add(r);
    } else unrouted.push(n);
  }
  return { routes, kept: g.routes.filter((r) => !used.has(r)), unrouted };
}

/**
 * What an export for a box in production must be told: it binds a crypto map to the interface
 * (replacing the one bound there), it configures no interface addresses, and which of the
 * gateway's networks it has no route for.
 */
export function productionWarnings(w: ConfigWriter, ctx: GatewayContext, label: string, binding: string | undefined, unrouted: readonly Network[], routeExample: (n: Network) => string): void {
  if (binding) w.warn('EXISTING_CONFIG', `${binding} replaces the crypto map the interface has now: on a box in production, set the crypto map name in the gateway's ${label} settings to the map already bound there, and the first sequence number and policy priority to ones it does not use`);
  const addressed = ctx.gateway.interfaces.filter((i) => i.kind !== 'tunnel' && i.address).map((i) => `${i.name} ${i.address}`);
  const insideKnown = ctx.gateway.interfaces.some((i) => i.kind !== 'tunnel' && i.address && !ctx.tunnels.some((t) => t.outside === i.name));
  const networks = ctx.networks.map((n) => n.address);
  w.warn('EXISTING_CONFIG', `this file configures no interface addresses: it assumes ${addressed.length > 0 ? addressed.join(', ') : 'the interfaces'} as in the design${!insideKnown && networks.length > 0 ? `, and that the box already reaches ${networks.join(', ')} (the design gives no inside interface an address)` : ''}; check them on the box`);
  for (const n of unrouted) {
    w.warn('EXISTING_CONFIG', `the network ${n.address} ("${clip(n.name)}") is behind this gateway but on none of its interfaces, and the design has no route to it with a next hop: the box must already route it (${routeExample(n)}), or add that route to the design`);
  }
}

/**
 * The one PFS group a crypto map entry or IPsec profile takes (`set pfs group<n>`): the first of
 * the design's the box has, the others warned as left out. Undefined when the design asks for
 * PFS with no group the box has: without PFS the tunnel would mean something else (initiate
 * without it, accept any as responder), so the caller leaves the tunnel out.
 */
export function pfsGroup(w: ConfigWriter, t: TunnelView, groups: readonly DhGroup[], available: ReadonlySet<DhGroup>, label: string): { group: DhGroup | undefined } | undefined {
  if (groups.length === 0) return { group: undefined };
  const tn = t.tunnel.name;
  const unavailable = groups.filter((g) => !available.has(g));
  const group = groups.find((g) => available.has(g));
  if (unavailable.length > 0) w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${unavailable.join(', ')} is not available on ${label}${group === undefined ? ': no PFS group of the design is, so this tunnel is not written: choose one the box has' : '; left out'}`, { tunnel: tn });
  if (group === undefined) return undefined;
  const others = groups.filter((g) => g !== group && available.has(g));
  // The one group applies to every ESP proposal of the entry, and the others are gone.
  if (groups.length > 1) w.warn('SETTING_UNSUPPORTED', `${label} takes one PFS group per crypto map entry or IPsec profile: group ${group} applies to every ESP proposal of this tunnel`, { tunnel: tn });
  if (others.length > 0) w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${others.join(', ')} left out (one PFS group per crypto map entry or IPsec profile)`, { tunnel: tn });
  return { group };
}
