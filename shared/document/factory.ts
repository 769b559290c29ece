// Sensible new objects: what a gateway of each vendor (its identity's defaults), a network and a
// tunnel look like when the user drops one on the canvas. Ids come from an injected generator (the
// domain has no randomness).
import {
  FORMAT_VERSION,
  type Gateway,
  type GatewayId,
  type Network,
  type NetworkId,
  type Position,
  type TopologyDocument,
  type Tunnel,
  type TunnelEnd,
  type TunnelId,
  type Vendor,
} from '../model/document';
import { vendorModule } from '../vendors/registry';

export function newGateway(args: { id: string; name: string; vendor: Vendor; position: Position; outsideAddress?: string; insideAddress?: string }): Gateway {
  const info = vendorModule(args.vendor).identity.defaults;
  return {
    id: args.id as GatewayId,
    name: args.name,
    vendor: args.vendor,
    model: info.model,
    osVersion: info.osVersion,
    vpnType: info.vpnType,
    interfaces: [
      { name: info.outsideInterface, kind: 'physical', zone: 'untrust', ...(args.outsideAddress ? { address: args.outsideAddress } : {}) },
      { name: info.insideInterface, kind: 'physical', zone: 'trust', ...(args.insideAddress ? { address: args.insideAddress } : {}) },
    ],
    routes: [],
    natRules: [],
    policies: [],
    position: args.position,
    notes: '',
    vendorOptions: {},
  };
}

export function newNetwork(args: { id: string; name: string; address: string; gatewayId: GatewayId; position: Position; kind?: Network['kind'] }): Network {
  return { id: args.id as NetworkId, name: args.name, kind: args.kind ?? 'network', address: args.address, gatewayId: args.gatewayId, position: args.position };
}

/** A tunnel end with the proposals most products accept today (AES-256, SHA-256, group 14). */
export function newTunnelEnd(gateway: Gateway, tunnelInterfaceNumber = 1, ikeVersion: 1 | 2 = 2): TunnelEnd {
  const info = vendorModule(gateway.vendor).identity.defaults;
  return {
    gatewayId: gateway.id,
    outsideInterface: gateway.interfaces.find((i) => i.kind === 'physical')?.name ?? info.outsideInterface,
    tunnelInterface: gateway.vpnType === 'route-based' ? info.tunnelInterface(tunnelInterfaceNumber) : '',
    ikeVersion,
    exchangeMode: 'main',
    ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 },
    auth: { method: 'psk', psk: '' },
    esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600, mode: 'tunnel' },
    proxyIds: [],
    natTraversal: true,
    dpd: { enabled: true, intervalSeconds: 10 },
    monitor: { enabled: false, rekey: false, optimized: false, action: 'wait-recover', threshold: 5, intervalSeconds: 3 },
    passive: false,
    vendorOptions: {},
  };
}

export function newTunnel(args: { id: string; name: string; a: Gateway; b: Gateway; ikeVersion?: 1 | 2; tunnelInterfaceNumber?: { a: number; b: number } }): Tunnel {
  return {
    id: args.id as TunnelId,
    name: args.name,
    a: newTunnelEnd(args.a, args.tunnelInterfaceNumber?.a ?? 1, args.ikeVersion ?? 2),
    b: newTunnelEnd(args.b, args.tunnelInterfaceNumber?.b ?? 1, args.ikeVersion ?? 2),
    initiator: 'a',
    notes: '',
  };
}

/**
 * Picks `base`, or `base-2`, `base-3`… so names stay unique (the CLI and exporters name things by
 * name). With `maxLength`, `base` is shortened to make room for the suffix, so a copy of a name at
 * the schema's limit is still a valid name.
 */
export function uniqueName(base: string, taken: Iterable<string>, maxLength = Infinity): string {
  const set = new Set(taken);
  if (!set.has(base) && base.length <= maxLength) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const name = `${base.slice(0, Math.max(0, maxLength - suffix.length))}${suffix}`;
    if (!set.has(name)) return name;
  }
}

/**
 * A generator of ids unique within a document: prefix plus the next free number. Each prefix keeps
 * the last number it gave (the ids taken only grow), so n ids cost O(n), not O(n²).
 */
export function idAllocator(doc: TopologyDocument): (prefix: 'gw' | 'net' | 'tun') => string {
  const taken = new Set<string>([...doc.gateways.map((g) => g.id), ...doc.networks.map((n) => n.id), ...doc.tunnels.map((t) => t.id)]);
  const next = new Map<string, number>();
  return (prefix) => {
    for (let i = next.get(prefix) ?? 1; ; i++) {
      const id = `${prefix}-${i}`;
      if (!taken.has(id)) {
        taken.add(id);
        next.set(prefix, i + 1);
        return id;
      }
    }
  };
}

/**
 * uniqueName for many names in a row: `taken` is held (and added to) rather than copied per call,
 * and each base remembers the last suffix it tried, so a thousand copies of one base cost O(n).
 */
export function namer(taken: Set<string>, maxLength = Infinity): (base: string) => string {
  const nextSuffix = new Map<string, number>();
  return (base) => {
    let name = base;
    if (taken.has(base) || base.length > maxLength) {
      for (let i = nextSuffix.get(base) ?? 2; ; i++) {
        const suffix = `-${i}`;
        name = `${base.slice(0, Math.max(0, maxLength - suffix.length))}${suffix}`;
        if (!taken.has(name)) {
          nextSuffix.set(base, i + 1);
          break;
        }
      }
    }
    taken.add(name);
    return name;
  };
}

export function documentOf(parts: Partial<Omit<TopologyDocument, 'formatVersion'>>): TopologyDocument {
  return { formatVersion: FORMAT_VERSION, name: 'Untitled topology', gateways: [], networks: [], tunnels: [], notes: '', ...parts };
}
