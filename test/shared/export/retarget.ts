// Test helper: the same topology with every gateway made one vendor (its default model, OS,
// VPN type and interface names), so each exporter is exercised on every workshop template.
import type { TopologyDocument, Vendor } from '../../../shared/model/document';
import { vendorModule } from '../../../shared/vendors/registry';

export function retarget(doc: TopologyDocument, vendor: Vendor, vpnType?: 'route-based' | 'policy-based'): TopologyDocument {
  const d = structuredClone(doc);
  const info = vendorModule(vendor).identity.defaults;
  for (const g of d.gateways) {
    const rename = new Map<string, string>();
    let physical = 0;
    let tunnels = 0;
    for (const i of g.interfaces) {
      if (i.kind === 'physical') {
        const to = physical === 0 ? info.outsideInterface : physical === 1 ? info.insideInterface : i.name;
        physical++;
        rename.set(i.name, to);
      } else if (i.kind === 'tunnel') rename.set(i.name, info.tunnelInterface(++tunnels));
    }
    g.vendor = vendor;
    g.model = info.model;
    g.osVersion = info.osVersion;
    g.vpnType = vpnType ?? info.vpnType;
    const to = (n: string) => rename.get(n) ?? n;
    g.interfaces = g.interfaces.map((i) => ({ ...i, name: to(i.name) }));
    g.routes = g.routes.map((r) => ({ ...r, interface: to(r.interface) }));
    for (const t of d.tunnels) {
      for (const end of [t.a, t.b]) {
        if (end.gatewayId !== g.id) continue;
        end.outsideInterface = to(end.outsideInterface);
        if (g.vpnType === 'policy-based') end.tunnelInterface = '';
        else if (end.tunnelInterface) end.tunnelInterface = to(end.tunnelInterface);
        else {
          end.tunnelInterface = info.tunnelInterface(++tunnels);
          g.interfaces.push({ name: end.tunnelInterface, kind: 'tunnel', zone: 'vpn' });
        }
      }
    }
  }
  return d;
}
