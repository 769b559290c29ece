// Random designs for the exporter tests (fast-check): two gateways, one tunnel, IKEv1/IKEv2,
// several proposals of every algorithm and group of the model, prefixes, hosts, ranges and
// IPv6, protocols and port ranges, identities, route- or policy-based, monitors.
import fc from 'fast-check';
import { DH_GROUPS, ENCRYPTION_ALGORITHMS, INTEGRITY_ALGORITHMS, type ProxyId, type TopologyDocument } from '../../../shared/model/document';
import { EXPORT_VENDORS } from '../../../shared/vendors/registry';
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import { TopologyBuilder } from '../../../shared/templates/build';

const address = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 220 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom(8, 16, 24, 28, 32)).map(([a, b, len]) => {
    const v = ((a << 24) | (b << 16)) >>> 0;
    const masked = len === 32 ? v + 5 : (v & ((0xffffffff << (32 - len)) >>> 0)) >>> 0;
    const ip = [24, 16, 8, 0].map((s) => (masked >>> s) & 255).join('.');
    return len === 32 ? ip : `${ip}/${len}`;
  }),
  fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 150 })).map(([a, from, span]) => `10.${a}.0.${from}-10.${a}.0.${from + span}`),
  fc.constantFrom('2001:db8:1::/64', '2001:db8:2::/48', 'any'),
);

const port = fc.oneof(fc.constant('any'), fc.integer({ min: 1, max: 65535 }).map(String), fc.tuple(fc.integer({ min: 1, max: 30000 }), fc.integer({ min: 1, max: 30000 })).map(([a, b]) => `${a}-${a + b}`));
const proxyId: fc.Arbitrary<Partial<ProxyId>> = fc.record({
  local: address,
  remote: address,
  protocol: fc.constantFrom('any' as const, 'tcp' as const, 'udp' as const, 'icmp' as const, 47),
  localPort: port,
  remotePort: port,
});
const proposal = fc.record({
  encryption: fc.uniqueArray(fc.constantFrom(...ENCRYPTION_ALGORITHMS), { minLength: 1, maxLength: 3 }),
  integrity: fc.uniqueArray(fc.constantFrom(...INTEGRITY_ALGORITHMS), { minLength: 1, maxLength: 3 }),
  dhGroups: fc.uniqueArray(fc.constantFrom(...DH_GROUPS), { minLength: 1, maxLength: 3 }),
});
// Each identity's value is one of its type (the schema refuses an address identity that is not an address).
const identity = fc.option(
  fc.constantFrom(
    { type: 'address' as const, value: '198.51.100.9' },
    { type: 'fqdn' as const, value: 'vpn.example.net' },
    { type: 'user-fqdn' as const, value: 'ops@example.net' },
    { type: 'key-id' as const, value: 'site-key' },
  ),
  { nil: undefined },
);

export const design = fc.record({
  vendorA: fc.constantFrom(...EXPORT_VENDORS),
  vendorB: fc.constantFrom(...EXPORT_VENDORS),
  ikeVersion: fc.constantFrom(1 as const, 2 as const),
  routeBased: fc.boolean(),
  proxyIds: fc.array(proxyId, { minLength: 0, maxLength: 4 }),
  ike: fc.array(proposal, { minLength: 1, maxLength: 2 }),
  esp: fc.array(proposal.map((p) => ({ ...p, dhGroups: p.dhGroups.slice(0, 1) })), { minLength: 1, maxLength: 2 }),
  pfs: fc.boolean(),
  localId: identity,
  remoteId: identity,
  monitor: fc.boolean(),
  aggressive: fc.boolean(),
  osVersion: fc.constantFrom(undefined, '6.2.0r1'),
  tunnelName: fc.constantFrom('t1', 'a-rather-long-tunnel-name-for-fortios', 'Paris HQ ↔ Lyon'),
  // Lifetimes and DPD at the edges of the products' ranges (issue 13): undefined keeps the default.
  values: fc.record({
    ikeLifetimeSeconds: fc.constantFrom(undefined, 180, 3600, 65537, 86400, 172800),
    espLifetimeSeconds: fc.constantFrom(undefined, 120, 3600, 86400, 100000),
    espLifetimeKilobytes: fc.constantFrom(undefined, 1000, 65535, 4608000),
    dpdIntervalSeconds: fc.constantFrom(undefined, 1, 10, 60, 300),
  }),
});

export type RandomDesign = typeof design extends fc.Arbitrary<infer T> ? T : never;

/** The design as a document; `addresses` overrides the two IKE addresses (the oracle needs 192.0.2.1/.2). */
export function buildDesign(d: RandomDesign, addresses: [string, string] = ['198.51.100.1/24', '203.0.113.2/24'], vendors?: [ExportVendor, ExportVendor]): TopologyDocument {
  const b = new TopologyBuilder('property');
  const vpnType = d.routeBased ? 'route-based' : 'policy-based';
  const a = b.gateway({ name: 'A', vendor: vendors?.[0] ?? d.vendorA, outside: addresses[0], inside: '10.1.0.1/24', position: { x: 0, y: 0 }, vpnType, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(d.osVersion && d.vendorA === 'screenos' ? { osVersion: d.osVersion } : {}) });
  const c = b.gateway({ name: 'B', vendor: vendors?.[1] ?? d.vendorB, outside: addresses[1], position: { x: 400, y: 0 }, vpnType });
  const t = b.tunnel(d.tunnelName, a, c, { ikeVersion: d.ikeVersion, psk: 'the-real-key', a: { proxyIds: d.proxyIds, routes: d.routeBased ? ['10.2.0.0/24'] : [] }, b: { proxyIds: d.proxyIds.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any' })) } });
  for (const end of [t.a, t.b]) {
    end.ike.proposals = d.ike;
    end.esp.proposals = d.esp.map((p) => (d.pfs ? p : { ...p, dhGroups: [] }));
    end.exchangeMode = d.aggressive ? 'aggressive' : 'main';
    // Identities mirrored: what A sends is what B expects, and the other way round.
    const [mine, theirs] = end === t.a ? [d.localId, d.remoteId] : [d.remoteId, d.localId];
    if (mine) end.auth.localId = mine;
    if (theirs) end.auth.remoteId = theirs;
    if (d.monitor) end.monitor = { ...end.monitor, enabled: true, rekey: true, destinationIp: '10.2.0.1' };
    const v = d.values;
    if (v.ikeLifetimeSeconds !== undefined) end.ike.lifetimeSeconds = v.ikeLifetimeSeconds;
    if (v.espLifetimeSeconds !== undefined) end.esp.lifetimeSeconds = v.espLifetimeSeconds;
    if (v.espLifetimeKilobytes !== undefined) end.esp.lifetimeKilobytes = v.espLifetimeKilobytes;
    if (v.dpdIntervalSeconds !== undefined) end.dpd = { enabled: true, intervalSeconds: v.dpdIntervalSeconds };
  }
  return b.build();
}
