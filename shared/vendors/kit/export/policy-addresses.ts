// The address sets a tunnel's security policies and NAT exemption are written for: the
// selectors when they name networks, else the gateway's own networks and the routed destinations.
import type { AddressRange } from '../../../net/address';
import { addressOf, cidr, firstIp, isAnyAddress, lastIp, rangeToPrefixes } from './addresses';
import type { GatewayContext, TunnelView } from './context';

export interface PolicyAddresses {
  local: AddressRange[];
  remote: AddressRange[];
}

function dedupe(rs: AddressRange[]): AddressRange[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = `${r.family}:${r.from}:${r.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function policyAddresses(ctx: GatewayContext, t: TunnelView): PolicyAddresses {
  const selLocal = t.selectors.filter((s) => !isAnyAddress(s.local)).map((s) => s.local);
  const selRemote = t.selectors.filter((s) => !isAnyAddress(s.remote)).map((s) => s.remote);
  const local = selLocal.length > 0 ? selLocal : ctx.networks.map((n) => addressOf(n.address));
  const remote = selRemote.length > 0 ? selRemote : t.routes.map((r) => addressOf(r));
  return { local: dedupe(local), remote: dedupe(remote) };
}

/** An object name for an address: "N-10.1.0.0-24", "H-10.1.0.5", "R-10.1.0.5-10.1.0.9" (":" becomes "."). */
export function objectName(r: AddressRange): string {
  const c = cidr(r);
  const text = r.from === r.to ? `H-${firstIp(r)}` : c ? `N-${c.replace('/', '-')}` : `R-${firstIp(r)}-${lastIp(r)}`;
  return text.replace(/:/g, '.');
}

export { rangeToPrefixes };
