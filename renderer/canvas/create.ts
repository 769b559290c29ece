// What dropping something on the canvas creates: a gateway with sensible addresses, a network
// attached to the nearest gateway, a tunnel whose policy-based ends already carry the
// selectors their networks imply (as a crypto ACL would) and whose route-based ends route the
// peer's networks into the tunnel interface. Each is one command, so one undo step.
import type { Command } from '../../shared/commands/commands';
import type { Gateway, GatewayId, Network, Position, ProxyId, TopologyDocument, Vendor } from '../../shared/model/document';
import { idAllocator, newGateway, newNetwork, newTunnel, uniqueName } from '../../shared/document/factory';
import { vendorModule } from '../../shared/vendors/registry';

function nextSiteNumber(doc: TopologyDocument): number {
  const used = new Set<number>();
  for (const g of doc.gateways) {
    for (const i of g.interfaces) {
      const m = /^203\.0\.113\.(\d+)\//.exec(i.address ?? '');
      if (m) used.add(Number(m[1]));
    }
  }
  for (let n = 1; n < 255; n++) if (!used.has(n)) return n;
  return 254;
}

export function addGatewayCommand(doc: TopologyDocument, vendor: Vendor, position: Position): { command: Command; id: GatewayId } {
  const id = idAllocator(doc)('gw');
  const n = nextSiteNumber(doc);
  const name = uniqueName(`${vendorModule(vendor).identity.mark.short}-${n}`, doc.gateways.map((g) => g.name));
  const gateway = newGateway({ id, name, vendor, position, outsideAddress: `203.0.113.${n}/24`, insideAddress: `10.${n}.0.1/24` });
  return { command: { type: 'gateway.add', gateway }, id: gateway.id };
}

export function nearestGateway(doc: TopologyDocument, p: Position): Gateway | undefined {
  let best: Gateway | undefined;
  let bestD = Infinity;
  for (const g of doc.gateways) {
    const d = (g.position.x + 110 - p.x) ** 2 + (g.position.y + 48 - p.y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = g;
    }
  }
  return best;
}

function siteOf(g: Gateway): number {
  const inside = g.interfaces.find((i) => i.zone === 'trust' && i.address)?.address ?? '';
  const m = /^10\.(\d+)\./.exec(inside);
  return m ? Number(m[1]) : 0;
}

export function addNetworkCommand(doc: TopologyDocument, kind: Network['kind'], position: Position, gateway: Gateway): { command: Command; id: string } {
  const id = idAllocator(doc)('net');
  const site = siteOf(gateway);
  const behind = doc.networks.filter((n) => n.gatewayId === gateway.id);
  const taken = new Set(doc.networks.map((n) => n.address));
  let address = '';
  for (let k = behind.length; k < 256; k++) {
    address = kind === 'host' ? `10.${site}.${k}.10` : `10.${site}.${k}.0/24`;
    if (!taken.has(address)) break;
  }
  const base = kind === 'host' ? `${gateway.name}-host` : `${gateway.name}-lan`;
  const name = uniqueName(base, doc.networks.map((n) => n.name));
  return { command: { type: 'network.add', network: newNetwork({ id, name, kind, address, gatewayId: gateway.id, position }) }, id };
}

function selectorsBetween(local: Network[], remote: Network[]): ProxyId[] {
  const out: ProxyId[] = [];
  for (const l of local) {
    for (const r of remote) out.push({ name: '', local: l.address, remote: r.address, protocol: 'any', localPort: 'any', remotePort: 'any' });
  }
  return out;
}

export function addTunnelCommand(doc: TopologyDocument, aId: GatewayId, bId: GatewayId): { command: Command; id: string } | { error: string } {
  const a = doc.gateways.find((g) => g.id === aId);
  const b = doc.gateways.find((g) => g.id === bId);
  if (!a || !b) return { error: 'Both ends of a tunnel must be gateways.' };
  if (a.id === b.id) return { error: 'A tunnel needs two different gateways.' };
  const id = idAllocator(doc)('tun');
  const count = (g: Gateway) => doc.tunnels.filter((t) => t.a.gatewayId === g.id || t.b.gatewayId === g.id).length + 1;
  const tunnel = newTunnel({ id, name: uniqueName(`${a.name}_${b.name}`, doc.tunnels.map((t) => t.name)), a, b, tunnelInterfaceNumber: { a: count(a), b: count(b) } });
  const nets = (g: Gateway) => doc.networks.filter((n) => n.gatewayId === g.id);
  const commands: Command[] = [{ type: 'tunnel.add', tunnel }];
  for (const [key, self, peer] of [['a', a, b], ['b', b, a]] as const) {
    if (self.vpnType === 'policy-based') {
      const ids = selectorsBetween(nets(self), nets(peer));
      if (ids.length) commands.push({ type: 'proxyId.setAll', tunnelId: tunnel.id, end: key, proxyIds: ids });
    } else {
      const tif = tunnel[key].tunnelInterface;
      if (tif && !self.interfaces.some((i) => i.name === tif)) {
        commands.push({ type: 'gateway.update', id: self.id, changes: { interfaces: [...self.interfaces, { name: tif, kind: 'tunnel', zone: 'vpn' }] } });
      }
      for (const n of nets(peer)) {
        const destination = n.kind === 'host' && !n.address.includes('/') ? `${n.address}/32` : n.address;
        if (!self.routes.some((r) => r.destination === destination)) commands.push({ type: 'route.add', gatewayId: self.id, route: { destination, interface: tif } });
      }
    }
  }
  return { command: commands.length === 1 ? commands[0]! : { type: 'batch', label: 'Add Tunnel', commands }, id };
}
