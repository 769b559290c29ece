// A small builder for templates and tests: gateways with their networks, routes to tunnel
// interfaces and tunnels, with ids allocated in order so a template is the same every time.
import {
  FORMAT_VERSION,
  type Gateway,
  type GatewayId,
  type Network,
  type NetworkId,
  type Position,
  type ProxyId,
  type TopologyDocument,
  type Tunnel,
  type TunnelEnd,
  type Vendor,
} from '../model/document';
import { newGateway, newTunnel } from '../document/factory';
import { vendorModule } from '../vendors/registry';

export interface GatewaySpec {
  name: string;
  vendor: Vendor;
  /** IKE (outside) address with prefix length, e.g. 198.51.100.1/24. */
  outside: string;
  inside?: string;
  position: Position;
  model?: string;
  osVersion?: string;
  vpnType?: Gateway['vpnType'];
  networks?: { name: string; address: string; kind?: Network['kind'] }[];
}

export interface EndSpec {
  proxyIds?: Partial<ProxyId>[];
  /** Routes to this end's tunnel interface (route-based gateways), by destination prefix. */
  routes?: string[];
  changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
}

export class TopologyBuilder {
  private doc: TopologyDocument;
  private tunnelCount = new Map<string, number>();

  constructor(name: string, notes = '') {
    this.doc = { formatVersion: FORMAT_VERSION, name, gateways: [], networks: [], tunnels: [], notes };
  }

  gateway(spec: GatewaySpec): Gateway {
    const id = `gw-${this.doc.gateways.length + 1}` as GatewayId;
    const gw = newGateway({ id, name: spec.name, vendor: spec.vendor, position: spec.position, outsideAddress: spec.outside, ...(spec.inside ? { insideAddress: spec.inside } : {}) });
    if (spec.model !== undefined) gw.model = spec.model;
    if (spec.osVersion !== undefined) gw.osVersion = spec.osVersion;
    if (spec.vpnType !== undefined) gw.vpnType = spec.vpnType;
    this.doc.gateways.push(gw);
    (spec.networks ?? []).forEach((n, i) => {
      const net: Network = {
        id: `net-${this.doc.networks.length + 1}` as NetworkId,
        name: n.name,
        kind: n.kind ?? (n.address.includes('/') ? 'network' : 'host'),
        address: n.address,
        gatewayId: id,
        position: { x: spec.position.x + (i - ((spec.networks?.length ?? 1) - 1) / 2) * 200, y: spec.position.y + (spec.position.y < 300 ? -150 : 150) },
      };
      this.doc.networks.push(net);
    });
    return gw;
  }

  tunnel(name: string, a: Gateway, b: Gateway, opts: { ikeVersion?: 1 | 2; initiator?: 'a' | 'b'; psk?: string; a?: EndSpec; b?: EndSpec } = {}): Tunnel {
    const next = (gw: Gateway) => {
      const n = (this.tunnelCount.get(gw.id) ?? 0) + 1;
      this.tunnelCount.set(gw.id, n);
      return n;
    };
    const t = newTunnel({ id: `tun-${this.doc.tunnels.length + 1}`, name, a, b, ikeVersion: opts.ikeVersion ?? 2, tunnelInterfaceNumber: { a: next(a), b: next(b) } });
    t.initiator = opts.initiator ?? 'a';
    const psk = opts.psk ?? `${name}-secret`;
    for (const key of ['a', 'b'] as const) {
      const end = t[key];
      const gw = key === 'a' ? a : b;
      const spec = opts[key] ?? {};
      end.auth.psk = psk;
      end.proxyIds = (spec.proxyIds ?? []).map((p, i) => ({ name: p.name ?? `${name}-${i + 1}`, local: p.local ?? 'any', remote: p.remote ?? 'any', protocol: p.protocol ?? 'any', localPort: p.localPort ?? 'any', remotePort: p.remotePort ?? 'any' }));
      Object.assign(end, spec.changes ?? {});
      if (gw.vpnType === 'route-based' && end.tunnelInterface) {
        if (!gw.interfaces.some((i) => i.name === end.tunnelInterface)) gw.interfaces.push({ name: end.tunnelInterface, kind: 'tunnel', zone: 'vpn' });
        for (const destination of spec.routes ?? []) gw.routes.push({ destination, interface: end.tunnelInterface });
      }
    }
    this.doc.tunnels.push(t);
    return t;
  }

  /** Networks of a gateway, by name order, for writing proxy IDs. */
  networksOf(gw: Gateway): Network[] {
    return this.doc.networks.filter((n) => n.gatewayId === gw.id);
  }

  outsideInterface(vendor: Vendor): string {
    return vendorModule(vendor).identity.defaults.outsideInterface;
  }

  build(): TopologyDocument {
    return structuredCloneDoc(this.doc);
  }
}

function structuredCloneDoc(doc: TopologyDocument): TopologyDocument {
  return JSON.parse(JSON.stringify(doc)) as TopologyDocument;
}
