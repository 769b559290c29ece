// "Proxy IDs in IPSec VPNs: A Comprehensive Look", "Gotcha", the other way round: the proxy ID is there (and phase 2 would come up),
// but no route sends 10.2.0.0/24 to tunnel.1, so the packet leaves by the default route,
// unencrypted, and never arrives.
import type { TopologyDocument } from '../../model/document';
import { TopologyBuilder } from '../build';
import type { SeedScenario } from './scenario';

export function proxyIdWithoutRoute(): TopologyDocument {
  const b = new TopologyBuilder('Proxy ID but no route', '"Proxy IDs in IPSec VPNs: A Comprehensive Look": "if you define Proxy IDs but no route points to the tunnel for those remote networks, traffic won\'t even attempt the tunnel."');
  const pan = b.gateway({ name: 'PA-HQ', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 120, y: 300 }, networks: [{ name: 'HQ LAN', address: '10.1.0.0/24' }, { name: 'hq-server', address: '10.1.0.10' }] });
  const asa = b.gateway({ name: 'ASA-BRANCH', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 700, y: 300 }, networks: [{ name: 'Branch LAN', address: '10.2.0.0/24' }, { name: 'branch-pc', address: '10.2.0.20' }] });
  b.tunnel('hq-branch', pan, asa, {
    ikeVersion: 1,
    a: { proxyIds: [{ name: 'hq-to-branch', local: '10.1.0.0/24', remote: '10.2.0.0/24' }] },
    b: { proxyIds: [{ name: 'VPN-ACL line 1', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] },
  });
  const doc = b.build();
  // Only the Internet default route on the PAN: nothing points to tunnel.1.
  const pa = doc.gateways.find((g) => g.name === 'PA-HQ');
  pa?.routes.push({ destination: '0.0.0.0/0', interface: 'ethernet1/1', nextHop: '198.51.100.254' });
  return doc;
}

export const proxyIdWithoutRouteScenario: SeedScenario = {
  id: 'scenario-proxy-id-without-route',
  title: 'Proxy ID but no route',
  description: 'The proxy ID matches the ASA, but no route points 10.2.0.0/24 to tunnel.1: the packet leaves by the default route unencrypted ("Proxy IDs in IPSec VPNs: A Comprehensive Look").',
  build: proxyIdWithoutRoute,
  walk: { from: 'hq-server', to: 'branch-pc', protocol: 'tcp', port: 443 },
  expected: { outcome: 'blackholed', step: 'route-lookup', code: 'UNENCRYPTED_EXIT' },
};
