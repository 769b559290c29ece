// The classic interop case of "Proxy IDs in IPSec VPNs: A Comprehensive Look" ("Gotcha 1"): a route-based Palo Alto with no proxy IDs
// (so it proposes 0.0.0.0/0 <-> 0.0.0.0/0) against a policy-based Cisco ASA whose crypto ACL
// names 10.20.0.0/24 <-> 10.10.0.0/24. IKEv1: phase 1 comes up, phase 2 fails until the Palo
// Alto gets the mirrored proxy ID.
import type { TopologyDocument } from '../model/document';
import { TopologyBuilder } from './build';

export function panAsaInterop(): TopologyDocument {
  const b = new TopologyBuilder('Palo Alto to policy-based Cisco ASA', '"Proxy IDs in IPSec VPNs: A Comprehensive Look", Gotcha 1: route-based PAN-OS without proxy IDs against an ASA crypto map. Phase 2 fails until PAN-OS has the mirrored proxy ID.');
  const pan = b.gateway({ name: 'PA-HQ', vendor: 'panos', outside: '198.51.100.1/24', inside: '10.10.0.1/24', position: { x: 120, y: 300 }, networks: [{ name: 'HQ servers', address: '10.10.0.0/24' }] });
  const asa = b.gateway({ name: 'ASA-Branch', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '10.20.0.1/24', position: { x: 680, y: 300 }, networks: [{ name: 'Branch users', address: '10.20.0.0/24' }] });
  // An ASA IKEv1 policy hashes with SHA-1 (SHA-2 is for IKEv2 policies), so both ends use it.
  const ike = { proposals: [{ encryption: ['aes256' as const], integrity: ['sha1' as const], dhGroups: [14 as const] }], lifetimeSeconds: 28800 };
  const t = b.tunnel('pa-asa', pan, asa, {
    ikeVersion: 1,
    initiator: 'b',
    a: { routes: ['10.20.0.0/24'], changes: { ike } },
    b: { proxyIds: [{ name: 'ACL-VPN line 1', local: '10.20.0.0/24', remote: '10.10.0.0/24' }], changes: { ike } },
  });
  // Nor has an ASA IKEv1 transform set SHA-2 (esp-sha-hmac is SHA-1), so ESP uses SHA-1 too.
  for (const end of [t.a, t.b]) end.esp.proposals = end.esp.proposals.map((p) => ({ ...p, integrity: ['sha1'] }));
  return b.build();
}
