// Asymmetric proxy IDs give one-way traffic. SITE-A (ScreenOS 6.3, one proxy ID, so no
// proxy-ID check) routes 10.2.0.0/16 into tunnel.1 and sends everything on its one SA; SITE-B
// (ScreenOS 6.3, two proxy IDs, so the check is always on, KB16008) accepts the traffic because
// ScreenOS routes decrypted traffic without checking the SA. The reply from 10.2.1.0/24 matches
// SITE-B's second proxy ID, which SITE-A has no mirror of: that SA never comes up.
import type { TopologyDocument } from '../../model/document';
import { TopologyBuilder } from '../build';
import type { SeedScenario } from './scenario';

export function asymmetricProxyIdsOneWay(): TopologyDocument {
  const b = new TopologyBuilder('Asymmetric proxy IDs: one-way traffic', 'SITE-B has a proxy ID for 10.2.1.0/24 that SITE-A lacks: requests arrive, replies never leave.');
  const a = b.gateway({ name: 'SITE-A', vendor: 'screenos', osVersion: '6.3.0r10', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 120, y: 300 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }, { name: 'a-host', address: '10.1.0.10' }] });
  const bb = b.gateway({ name: 'SITE-B', vendor: 'screenos', osVersion: '6.3.0r10', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 700, y: 300 }, networks: [{ name: 'B LAN 0', address: '10.2.0.0/24' }, { name: 'B LAN 1', address: '10.2.1.0/24' }, { name: 'b-host', address: '10.2.1.10' }] });
  b.tunnel('a-b', a, bb, {
    ikeVersion: 1,
    a: { proxyIds: [{ name: 'a-lan-to-b-lan0', local: '10.1.0.0/24', remote: '10.2.0.0/24' }], routes: ['10.2.0.0/16'] },
    b: { proxyIds: [{ name: 'b-lan0-to-a-lan', local: '10.2.0.0/24', remote: '10.1.0.0/24' }, { name: 'b-lan1-to-a-lan', local: '10.2.1.0/24', remote: '10.1.0.0/24' }], routes: ['10.1.0.0/24'] },
  });
  return b.build();
}

export const asymmetricProxyIdsOneWayScenario: SeedScenario = {
  id: 'scenario-asymmetric-proxy-ids-one-way',
  title: 'Asymmetric proxy IDs: one-way traffic',
  description: 'SITE-A sends to 10.2.1.10 on its only SA and SITE-B delivers it; the reply needs SITE-B\'s second proxy ID, which SITE-A does not mirror, so it is dropped.',
  build: asymmetricProxyIdsOneWay,
  walk: { from: 'a-host', to: 'b-host', protocol: 'icmp' },
  expected: { outcome: 'one-way', step: 'sa', code: 'SA_NEGOTIATION_FAILED' },
};
