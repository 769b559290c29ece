// "Proxy IDs in IPSec VPNs: A Comprehensive Look", "Gotcha": a route to tunnel.1 but no proxy ID, against a policy-based peer. PAN-OS
// proposes 0.0.0.0/0 ↔ 0.0.0.0/0 in IKEv1; the ASA's crypto map wants 10.2.0.0/24 ↔ 10.1.0.0/24,
// so phase 2 fails and the packet the route sends into the tunnel goes nowhere.
import type { TopologyDocument } from '../../model/document';
import { TopologyBuilder } from '../build';
import type { SeedScenario } from './scenario';

export function routeWithoutProxyId(): TopologyDocument {
  const b = new TopologyBuilder('Route but no proxy ID', '"Proxy IDs in IPSec VPNs: A Comprehensive Look": a route to the tunnel interface is not enough when the peer is policy-based; phase 2 needs a matching proxy ID.');
  const pan = b.gateway({ name: 'PA-HQ', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 120, y: 300 }, networks: [{ name: 'HQ LAN', address: '10.1.0.0/24' }, { name: 'hq-server', address: '10.1.0.10' }] });
  const asa = b.gateway({ name: 'ASA-BRANCH', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 700, y: 300 }, networks: [{ name: 'Branch LAN', address: '10.2.0.0/24' }, { name: 'branch-pc', address: '10.2.0.20' }] });
  b.tunnel('hq-branch', pan, asa, {
    ikeVersion: 1,
    a: { routes: ['10.2.0.0/24'] },
    b: { proxyIds: [{ name: 'VPN-ACL line 1', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] },
  });
  return b.build();
}

export const routeWithoutProxyIdScenario: SeedScenario = {
  id: 'scenario-route-without-proxy-id',
  title: 'Route but no proxy ID',
  description: 'PAN-OS routes 10.2.0.0/24 into tunnel.1 but has no proxy ID; the policy-based ASA rejects 0.0.0.0/0 and phase 2 never comes up ("Proxy IDs in IPSec VPNs: A Comprehensive Look").',
  build: routeWithoutProxyId,
  walk: { from: 'hq-server', to: 'branch-pc', protocol: 'tcp', port: 443 },
  expected: { outcome: 'dropped', step: 'sa', code: 'SA_NEGOTIATION_FAILED' },
};
