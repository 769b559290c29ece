// The routes to write for an end imported from the box: the export kit derives routes from the
// remote selectors or the peer's networks where the gateway's own routes do not cover them
// (context.ts). On an imported box those derived as imported too are left out: the box did
// without them then, and writing them would make the corrected configuration's diff remove
// routes (and address objects) the box never had. A route for a remote prefix that is new since
// the import is written.
import { parsePrefix } from '../../../net/address';
import { cidr } from './addresses';
import { buildGatewayContext, type GatewayContext, type TunnelView } from './context';

/** The gateway's context as imported (no secrets, no warnings kept), or undefined for a gateway not imported. */
export function importedContext(ctx: GatewayContext): GatewayContext | undefined {
  const imported = ctx.doc.imported;
  const gateway = imported?.gateways.find((g) => g.id === ctx.gateway.id);
  if (!imported || !gateway) return undefined;
  return buildGatewayContext({ ...ctx.doc, gateways: imported.gateways, networks: imported.networks, tunnels: imported.tunnels, imported: undefined }, gateway, ctx.vendor, false, []);
}

export function routesOnTheBox(ctx: GatewayContext, then: GatewayContext | undefined): (t: TunnelView) => TunnelView {
  if (!then) return (t) => t;
  // Indexed once: an imported hub has thousands of tunnels and routes.
  const wasById = new Map(then.tunnels.map((x) => [`${x.tunnel.id} ${x.me.gatewayId}`, x]));
  // As the kit writes a route's prefix (the design keeps it as typed).
  const canonical = (text: string) => {
    const r = parsePrefix(text);
    return r.ok ? (cidr(r.value) ?? text) : text;
  };
  const byInterface = (routes: readonly { interface: string; destination: string }[]) => {
    const out = new Map<string, Set<string>>();
    for (const r of routes) {
      const set = out.get(r.interface) ?? new Set<string>();
      set.add(canonical(r.destination));
      out.set(r.interface, set);
    }
    return out;
  };
  const ownThenOn = byInterface(then.gateway.routes);
  const ownNowOn = byInterface(ctx.gateway.routes);
  const none = new Set<string>();
  return (t) => {
    const was = wasById.get(`${t.tunnel.id} ${t.me.gatewayId}`);
    if (!was) return t;
    const ownThen = ownThenOn.get(was.me.tunnelInterface) ?? none;
    // Only the routes after the interface's own can have been derived (TunnelView.ownRoutes): the
    // own ones are the same for every tunnel on the interface, not looked at per tunnel.
    const derivedThen = new Set(was.routes.slice(was.ownRoutes).filter((r) => !ownThen.has(r)));
    const ownNow = ownNowOn.get(t.me.tunnelInterface) ?? none;
    const added = t.routes.slice(t.ownRoutes);
    const kept = added.filter((r) => ownNow.has(r) || !derivedThen.has(r));
    return kept.length === added.length ? t : { ...t, routes: [...t.routes.slice(0, t.ownRoutes), ...kept], routesDerived: kept.some((r) => !ownNow.has(r)) };
  };
}
