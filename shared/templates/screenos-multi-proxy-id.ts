// Juniper KB16008: a ScreenOS 6.3 gateway with two networks, route-based on one
// tunnel interface (tunnel.1 unnumbered on ethernet0/2), to a non-ScreenOS gateway with two
// networks that builds its SAs strictly from proxy IDs. Four proxy IDs, proxy-id check on,
// VPN monitor with rekey, one route per remote network to tunnel.1.
import type { TopologyDocument } from '../model/document';
import { TopologyBuilder } from './build';

export function screenosMultiProxyId(): TopologyDocument {
  const b = new TopologyBuilder('ScreenOS 6.3 multiple proxy IDs', 'Juniper KB16008: several proxy IDs on one route-based VPN bound to tunnel.1, against a non-ScreenOS peer that builds SAs from proxy IDs.');
  const ssg = b.gateway({
    name: 'GATEWAY-1', vendor: 'screenos', osVersion: '6.3.0r10', outside: '198.51.100.1/24', inside: '192.168.1.1/24', position: { x: 120, y: 300 },
    networks: [{ name: 'Net 1.1', address: '192.168.1.0/24' }, { name: 'Net 1.2', address: '192.168.2.0/24' }],
  });
  const peer = b.gateway({
    name: 'GATEWAY-2', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '172.16.1.1/24', position: { x: 700, y: 300 },
    networks: [{ name: 'Net 2.1', address: '172.16.1.0/24' }, { name: 'Net 2.2', address: '172.16.2.0/24' }],
  });
  const local = ['192.168.1.0/24', '192.168.2.0/24'];
  const remote = ['172.16.1.0/24', '172.16.2.0/24'];
  const pairs = local.flatMap((l) => remote.map((r) => ({ l, r })));
  b.tunnel('test', ssg, peer, {
    ikeVersion: 1,
    psk: 'ABC123',
    a: {
      proxyIds: pairs.map(({ l, r }, i) => ({ name: `pid-${i + 1}`, local: l, remote: r })),
      routes: remote,
      changes: {
        vendorOptions: { screenos: { proxyIdCheck: true } },
        ike: { proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [2] }], lifetimeSeconds: 28800 },
        esp: { proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 3600, mode: 'tunnel' },
        monitor: { enabled: true, rekey: true, optimized: false, destinationIp: '172.16.1.1', action: 'wait-recover', threshold: 5, intervalSeconds: 3 },
      },
    },
    b: {
      proxyIds: pairs.map(({ l, r }, i) => ({ name: `ACL line ${i + 1}`, local: r, remote: l })),
      changes: {
        ike: { proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [2] }], lifetimeSeconds: 28800 },
        esp: { proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 3600, mode: 'tunnel' },
      },
    },
  });
  // tunnel.1 is unnumbered on the outside interface, as in the KB's sample configuration.
  const tunnelIf = ssg.interfaces.find((i) => i.name === 'tunnel.1');
  if (tunnelIf) tunnelIf.zone = 'Untrust';
  return b.build();
}
