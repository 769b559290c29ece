// What every exporter needs about one gateway, worked out once: its tunnels seen from its own
// end (this side's IKE address, the peer's, the selectors, the routes to the tunnel interface,
// the zones) and a line writer that records warnings against the line they concern.
import type { Gateway, Network, TopologyDocument, Tunnel, TunnelEnd } from '../../../model/document';
import { outsideInterfaceOf } from '../../../model/interfaces';
import { CONTROL_CHARACTER, oneLine } from '../../../model/text';
import { parsePrefix, type AddressRange } from '../../../net/address';
import { addressOf, cidr, firstIp, interfaceIp, isAnyAddress, lastIp, rangeToPrefixes, selectorsOf, type Selector } from './addresses';
import type { ExportWarning, ExportWarningCode } from './types';


/** Builds the text of one file line by line; warnings point at the line they concern. */
export class ConfigWriter {
  private readonly lines: string[] = [];
  constructor(
    private readonly gateway: string,
    readonly fileName: string,
    private readonly commentPrefix: string,
    private readonly sink: ExportWarning[],
  ) {}

  /**
   * Appends a line and returns its 1-based number. Every value in it was quoted by the vendor's
   * rules (./values.ts); a line break here would start a statement nobody wrote, so it throws.
   */
  line(text: string): number {
    // A line break or any other control character in a line is a bug of an exporter, never data.
    if (CONTROL_CHARACTER.test(text)) throw new Error(`exporter bug: a control character in line ${this.lines.length + 1} of ${this.fileName}`);
    this.lines.push(text);
    return this.lines.length;
  }

  /** A comment line: names and messages in it are flattened to one line (no control or bidi character). */
  comment(text: string): number {
    return this.line(`${this.commentPrefix} ${oneLine(text)}`.trimEnd());
  }

  blank(): void {
    this.lines.push('');
  }

  /** The number of the last line written (0 before any). */
  get current(): number {
    return this.lines.length;
  }

  /**
   * Records a warning and writes it into the file as a comment too (unless `silentInFile`), so a
   * person reading only the file still sees what was not expressed.
   */
  warn(code: ExportWarningCode, message: string, opts: { tunnel?: string; line?: number; silentInFile?: boolean } = {}): void {
    // Written as a comment where the thing was left out, the warning points at that comment;
    // otherwise at the statement it concerns (given, or the last one written).
    const own = opts.silentInFile ? undefined : this.comment(`WARNING ${code}: ${message}`);
    const line = opts.line ?? own ?? this.current;
    this.sink.push({ code, gateway: this.gateway, ...(opts.tunnel ? { tunnel: opts.tunnel } : {}), file: this.fileName, ...(line > 0 ? { line } : {}), message });
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

export interface TunnelView {
  tunnel: Tunnel;
  /** This gateway's end and the peer's. */
  me: TunnelEnd;
  peer: TunnelEnd;
  peerGateway: Gateway;
  /**
   * The interface IKE runs on (shared/model/interfaces.ts): the one the end names, or the
   * gateway's default one. Write this, never `me.outsideInterface` (which may be empty).
   */
  outside: string;
  /** This end initiates (the tunnel's initiator is this end and it is not passive). */
  initiates: boolean;
  /** This side's IKE address, or undefined when the outside interface has none. */
  localAddress: string | undefined;
  peerAddress: string | undefined;
  /** The key to write: the real one only when secrets were asked for. Never put this in a message. */
  psk: string;
  /** This end's selectors (its proxy IDs, or the vendor default 0.0.0.0/0 pair when none). */
  selectors: Selector[];
  /** Destinations routed to this end's tunnel interface (route-based): the gateway's own, or derived. */
  routes: string[];
  /** True when some of `routes` were derived (from the remote selectors or the peer's networks), not the design's own. */
  routesDerived: boolean;
  /**
   * How many of `routes`, from the first, are the gateway's own routes to the tunnel interface:
   * the same list for every tunnel on that interface (an imported hub's tunnels share one with
   * thousands of routes), so that a writer handles it once per interface, not once per tunnel.
   */
  ownRoutes: number;
}

export interface GatewayContext {
  doc: TopologyDocument;
  gateway: Gateway;
  vendor: string;
  includeSecrets: boolean;
  tunnels: TunnelView[];
  networks: Network[];
  /** The inside interface (first physical interface that carries no tunnel) and its zone. */
  insideInterface: string;
  insideZone: string;
  /** The outside interface of the first tunnel (or the first physical interface) and its zone. */
  outsideInterface: string;
  outsideZone: string;
  /** Tunnels of this gateway that are not written (missing interface, invalid values), with why. */
  refused: { tunnel: string; code: ExportWarningCode; message: string }[];
  warnings: ExportWarning[];
}

export function pskPlaceholder(tunnelName: string): string {
  return `<PSK:${tunnelName.replace(/[^A-Za-z0-9_.-]+/g, '-')}>`;
}

/** The IKE address of an end: its outside interface's, as the engine uses it (none when that interface has none or is missing). */
function endAddress(gw: Gateway, end: TunnelEnd): string | undefined {
  const o = outsideInterfaceOf(gw, end);
  return o.status === 'named' || o.status === 'default' ? interfaceIp(o.iface.address) : undefined;
}

/** A prefix as the exporters write it (the design keeps the text as typed; it may have spaces around). */
function canonicalPrefix(text: string): string {
  const r = parsePrefix(text);
  return r.ok ? (cidr(r.value) as string) : text;
}

function derivedRoutes(view: { selectors: Selector[]; peerGateway: Gateway }, doc: TopologyDocument): string[] {
  const fromSelectors = view.selectors.filter((s) => !isAnyAddress(s.remote)).flatMap((s) => rangeToPrefixes(s.remote).map((p) => cidr(p) as string));
  if (fromSelectors.length > 0) return unique(fromSelectors);
  return unique(doc.networks.filter((n) => n.gatewayId === view.peerGateway.id).flatMap((n) => rangeToPrefixes(addressOf(n.address)).map((p) => cidr(p) as string)));
}

/** One of the route prefixes `outer` contains the prefix `inner` (as the exporters write it). */
function covered(outer: readonly AddressRange[], inner: string): boolean {
  const i = parsePrefix(inner);
  return i.ok && outer.some((o) => o.family === i.value.family && o.from <= i.value.from && i.value.to <= o.to);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * Everything an exporter needs about one gateway. `invalidTunnels` (by id, with why) are tunnels
 * that did not validate: they are refused, like tunnels whose outside interface is missing.
 */
export function buildGatewayContext(doc: TopologyDocument, gateway: Gateway, vendor: string, includeSecrets: boolean, warnings: ExportWarning[], invalidTunnels: ReadonlyMap<string, string> = new Map()): GatewayContext {
  const tunnels: TunnelView[] = [];
  const refused: GatewayContext['refused'] = [];
  // The gateway's routes by interface, parsed once (an imported hub has thousands on one tunnel interface).
  const routesOn = new Map<string, { prefixes: string[]; exact: Set<string>; ranges: AddressRange[] }>();
  for (const r of gateway.routes) {
    const on = routesOn.get(r.interface) ?? { prefixes: [], exact: new Set<string>(), ranges: [] };
    const prefix = canonicalPrefix(r.destination);
    on.prefixes.push(prefix);
    on.exact.add(prefix);
    const range = parsePrefix(prefix);
    if (range.ok) on.ranges.push(range.value);
    routesOn.set(r.interface, on);
  }
  const gatewaysById = new Map(doc.gateways.map((g) => [g.id as string, g]));
  for (const tunnel of doc.tunnels) {
    const key = tunnel.a.gatewayId === gateway.id ? 'a' : tunnel.b.gatewayId === gateway.id ? 'b' : undefined;
    if (!key) continue;
    const me = tunnel[key];
    const peer = tunnel[key === 'a' ? 'b' : 'a'];
    const peerGateway = gatewaysById.get(peer.gatewayId);
    if (!peerGateway) continue;
    const invalid = invalidTunnels.get(tunnel.id);
    if (invalid !== undefined) {
      refused.push({ tunnel: tunnel.name, code: 'INVALID_VALUE', message: `tunnel "${oneLine(tunnel.name).slice(0, 63)}" is not written: ${invalid}` });
      continue;
    }
    const outside = outsideInterfaceOf(gateway, me);
    if (outside.status === 'missing' || outside.status === 'none') {
      const what = outside.status === 'missing' ? `this tunnel's outside interface is not an interface of ${gateway.name}` : `${gateway.name} has no physical interface for this tunnel to run IKE on`;
      refused.push({ tunnel: tunnel.name, code: 'MISSING_INTERFACE', message: `${what}, so the tunnel is not written (the engine reports INTERFACE_MISSING): ${outside.status === 'missing' ? "choose one of the gateway's interfaces" : 'add one'}` });
      continue;
    }
    const selectors = selectorsOf(me.proxyIds);
    const on = me.tunnelInterface !== '' ? routesOn.get(me.tunnelInterface) : undefined;
    const own = on ? on.prefixes : [];
    // The design's own routes, plus one for each remote selector none of them covers (a second
    // network behind the peer would otherwise have no route into the tunnel).
    const derived = derivedRoutes({ selectors, peerGateway }, doc);
    const uncovered = on ? derived.filter((d) => !on.exact.has(d) && !covered(on.ranges, d)) : derived;
    const routes = [...own, ...uncovered];
    tunnels.push({
      tunnel,
      me,
      peer,
      peerGateway,
      outside: outside.name,
      initiates: tunnel.initiator === key && !me.passive,
      localAddress: endAddress(gateway, me),
      peerAddress: endAddress(peerGateway, peer),
      // An empty key is written as the placeholder too: the PSK_EMPTY warning asks to fill it in.
      psk: includeSecrets && me.auth.psk !== '' ? me.auth.psk : pskPlaceholder(tunnel.name),
      selectors,
      routes,
      routesDerived: uncovered.length > 0,
      ownRoutes: own.length,
    });
  }
  const tunnelIfs = new Set(tunnels.map((t) => t.me.tunnelInterface));
  const outsideName = tunnels[0]?.outside || gateway.interfaces.find((i) => i.kind === 'physical')?.name || 'outside';
  const outside = gateway.interfaces.find((i) => i.name === outsideName);
  const inside = insideInterfaceOf(gateway, outsideName, tunnelIfs);
  return {
    doc,
    gateway,
    vendor,
    includeSecrets,
    tunnels,
    networks: doc.networks.filter((n) => n.gatewayId === gateway.id),
    insideInterface: inside?.name ?? 'inside',
    // An empty zone is "no zone": the usual one, as for an interface without a zone.
    insideZone: inside?.zone || 'trust',
    outsideInterface: outsideName,
    outsideZone: outside?.zone || 'untrust',
    refused,
    warnings,
  };
}

/** The zone of a tunnel interface in the model, or the vendor's usual name for a VPN zone. */
export function tunnelZone(ctx: GatewayContext, tunnelInterface: string, fallback: string): string {
  return ctx.gateway.interfaces.find((i) => i.name === tunnelInterface)?.zone || fallback;
}

/** Identifier-safe name: letters, digits, `-` and `_`, at most `max` characters, unique in `taken`. */
export function safeName(name: string, max: number, taken?: Set<string>): { name: string; shortened: boolean } {
  let base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'vpn';
  let shortened = base !== name;
  if (base.length > max) {
    base = base.slice(0, max);
    shortened = true;
  }
  let out = base;
  for (let i = 2; taken?.has(out); i++) {
    const suffix = `-${i}`;
    out = `${base.slice(0, max - suffix.length)}${suffix}`;
    shortened = true;
  }
  taken?.add(out);
  return { name: out, shortened };
}

/** Device names Windows reserves whatever the extension (Win32 "Naming Files, Paths, and Namespaces"). */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$/i;

/**
 * File-name-safe stem for a gateway (the `export:save` contract's pattern): starts with a letter
 * or digit, never ends in "." or " " (Windows drops them), and never a name Windows reserves
 * (CON, NUL.txt and COM1.panos.txt all open the device): those get a "_" after the name.
 */
export function fileStem(name: string): string {
  let s = name.replace(/[^A-Za-z0-9 _.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80).replace(/[. ]+$/, '');
  if (s === '') s = 'gateway';
  // Windows reads the part before the first dot, without trailing spaces, as the device name.
  const base = (s.split('.')[0] ?? '').replace(/ +$/, '');
  if (WINDOWS_RESERVED.test(base)) s = `${base}_${s.slice(base.length)}`;
  return s;
}

/** A range for messages: its prefix, or first-last. */
export function rangeText(r: AddressRange): string {
  return cidr(r) ?? `${firstIp(r)}-${lastIp(r)}`;
}

/**
 * The gateway's inside interface as the exports take it: its first physical interface that is
 * neither the outside one nor a tunnel interface (the VPN monitor's default source on ScreenOS is
 * the same one, so the monitor and the export agree).
 */
export function insideInterfaceOf(gateway: Gateway, outsideName: string, tunnelInterfaces: ReadonlySet<string>): Gateway['interfaces'][number] | undefined {
  return gateway.interfaces.find((i) => i.kind === 'physical' && i.name !== outsideName && !tunnelInterfaces.has(i.name));
}
