// What an export assumes of a box that is already in production, said rather than left implicit:
// the interfaces it names but does not configure, and the routes to the gateway's own networks
// behind an inside router. The routes the design gives for those networks are written (the
// exporter that uses this writes them); a network on no interface and with no route is said.
import type { Route } from '../../../model/document';
import { formatRange, parseAddressSpec, parseInterfaceAddress, parsePrefix, type AddressRange } from '../../../net/address';
import type { ConfigWriter, GatewayContext } from './context';

const inside = (a: AddressRange, b: AddressRange) => a.family === b.family && a.from >= b.from && a.to <= b.to;
const overlap = (a: AddressRange, b: AddressRange) => a.family === b.family && a.from <= b.to && b.from <= a.to;

/**
 * The gateway's routes toward its own networks through one of its non-tunnel interfaces, with a
 * next hop: what the export writes so traffic from the tunnel reaches a second inside network;
 * and the gateway's networks that are on none of its interfaces and that no such route covers.
 */
export function insideRoutes(ctx: GatewayContext): { routes: Route[]; unrouted: { name: string; address: string }[] } {
  const gw = ctx.gateway;
  const tunnelIfs = new Set(ctx.tunnels.map((t) => t.me.tunnelInterface).filter((i) => i !== ''));
  const physical = new Set(gw.interfaces.filter((i) => i.kind !== 'tunnel' && !tunnelIfs.has(i.name)).map((i) => i.name));
  const nets = ctx.networks.map((n) => ({ n, r: parseAddressSpec(n.address) })).flatMap((x) => (x.r.ok ? [{ name: x.n.name, address: x.n.address, r: x.r.value }] : []));
  const usable = (r: Route) => physical.has(r.interface) && r.nextHop !== undefined;
  const routes = gw.routes.filter((r) => {
    const d = parseAddressSpec(r.destination);
    return usable(r) && d.ok && nets.some((n) => overlap(n.r, d.value));
  });
  // Which networks are directly attached is known only when an inside interface has its address
  // in the design; without one, nothing is said here (assumedInterfaces says what is assumed).
  const outside = new Set(ctx.tunnels.map((t) => t.outside));
  const addressed = gw.interfaces.some((i) => physical.has(i.name) && !outside.has(i.name) && i.address !== undefined);
  const unrouted = nets.filter((n) => {
    if (!addressed) return false;
    const onInterface = gw.interfaces.some((i) => {
      const a = i.address ? parseInterfaceAddress(i.address) : undefined;
      return a?.ok === true && inside(n.r, a.value.network);
    });
    const routed = routes.some((r) => {
      const d = parseAddressSpec(r.destination);
      return d.ok && inside(n.r, d.value);
    });
    return !onInterface && !routed;
  });
  return { routes, unrouted: unrouted.map((n) => ({ name: n.name, address: n.address })) };
}

/** Says each network that has no route the export can write (ROUTE_MISSING). */
export function warnUnrouted(w: ConfigWriter, ctx: GatewayContext, unrouted: readonly { name: string; address: string }[]): void {
  for (const n of unrouted) {
    w.warn('ROUTE_MISSING', `network "${n.name}" (${n.address}) is on none of ${ctx.gateway.name}'s interfaces and the design has no route to it through an inside interface with a next hop, so none is written: traffic from the tunnel reaches it only if the box already routes it; add the route (interface and next hop) to the design`);
  }
}

/**
 * Says which interfaces the file names without configuring them (their addresses and zones must
 * be on the box as in the design), and which name the design does not have at all.
 */
export function assumedInterfaces(w: ConfigWriter, ctx: GatewayContext, names: readonly string[]): void {
  const used = [...new Set(names.filter((n) => n !== ''))];
  if (used.length === 0) return;
  const known = new Map(ctx.gateway.interfaces.map((i) => [i.name, i]));
  const described = used.map((n) => {
    const i = known.get(n);
    return i ? `${n}${i.address ? ` ${i.address}` : ''}${i.zone ? ` (zone ${i.zone})` : ''}` : `${n} (not an interface of the design: name the real one)`;
  });
  w.warn('INTERFACE_ASSUMED', `this file configures no interface address or zone; it assumes on the box: ${described.join(', ')}. On a box already in production, check them before pasting`);
}

/** A route's destination as the exporters write it (the design keeps the text as typed). */
export function routePrefix(r: Route): string {
  const d = parsePrefix(r.destination);
  return d.ok ? formatRange(d.value) : r.destination.trim();
}
