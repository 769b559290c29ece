// Juniper KB16008, "prior to ScreenOS 6.3": two VPNs to a strict non-ScreenOS peer bound to
// one tunnel interface. The route table sends both remote networks to tunnel.1 and does not say
// which VPN to use, so traffic for the second network leaves on the first VPN's SA, and the
// peer drops it as arriving on the wrong SA.
import type { TopologyDocument } from '../../model/document';
import { TopologyBuilder } from '../build';
import type { SeedScenario } from './scenario';

export function screenosPre63WrongSa(): TopologyDocument {
  const b = new TopologyBuilder('ScreenOS 6.2: traffic on the wrong SA', 'Juniper KB16008: before 6.3 "the packets can be forwarded on a wrong SA … as the remote gateways are very strict in allowing the traffic based on the Proxy-id, they will drop the packets".');
  const ssg = b.gateway({ name: 'GATEWAY-1', vendor: 'screenos', osVersion: '6.2.0r5', outside: '198.51.100.1/24', inside: '192.168.1.1/24', position: { x: 120, y: 300 }, networks: [{ name: 'Net 1.1', address: '192.168.1.0/24' }, { name: 'ssg-host', address: '192.168.1.10' }] });
  const asa = b.gateway({ name: 'GATEWAY-2', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '172.16.1.1/24', position: { x: 700, y: 300 }, networks: [{ name: 'Net 2.1', address: '172.16.1.0/24' }, { name: 'Net 2.2', address: '172.16.2.0/24' }, { name: 'net21-host', address: '172.16.1.10' }, { name: 'net22-host', address: '172.16.2.10' }] });
  const common = {
    ike: { proposals: [{ encryption: ['3des' as const], integrity: ['sha1' as const], dhGroups: [2 as const] }], lifetimeSeconds: 28800 },
    esp: { proposals: [{ encryption: ['3des' as const], integrity: ['sha1' as const], dhGroups: [] }], lifetimeSeconds: 3600, mode: 'tunnel' as const },
  };
  b.tunnel('vpn-net21', ssg, asa, { ikeVersion: 1, psk: 'ABC123', a: { proxyIds: [{ name: 'vpn-net21', local: '192.168.1.0/24', remote: '172.16.1.0/24' }], routes: ['172.16.1.0/24'], changes: common }, b: { proxyIds: [{ name: 'crypto map 10', local: '172.16.1.0/24', remote: '192.168.1.0/24' }], changes: common } });
  b.tunnel('vpn-net22', ssg, asa, { ikeVersion: 1, psk: 'ABC123', a: { proxyIds: [{ name: 'vpn-net22', local: '192.168.1.0/24', remote: '172.16.2.0/24' }], routes: ['172.16.2.0/24'], changes: common }, b: { proxyIds: [{ name: 'crypto map 20', local: '172.16.2.0/24', remote: '192.168.1.0/24' }], changes: common } });
  const doc = b.build();
  // Both VPNs bound to the one tunnel interface, as before 6.3 without NHTB.
  const vpn2 = doc.tunnels.find((t) => t.name === 'vpn-net22');
  const gw1 = doc.gateways.find((g) => g.name === 'GATEWAY-1');
  if (vpn2 && gw1) {
    vpn2.a.tunnelInterface = 'tunnel.1';
    gw1.interfaces = gw1.interfaces.filter((i) => i.name !== 'tunnel.2');
    for (const r of gw1.routes) r.interface = 'tunnel.1';
  }
  return doc;
}

export const screenosPre63WrongSaScenario: SeedScenario = {
  id: 'scenario-screenos-pre63-wrong-sa',
  title: 'ScreenOS 6.2: traffic on the wrong SA',
  description: 'Two VPNs on tunnel.1; the route sends 172.16.2.0/24 to tunnel.1, ScreenOS uses the first VPN\'s SA, and the strict ASA drops it (KB16008).',
  build: screenosPre63WrongSa,
  walk: { from: 'ssg-host', to: 'net22-host', protocol: 'icmp' },
  expected: { outcome: 'dropped', step: 'inbound-check', code: 'WRONG_SA' },
};
