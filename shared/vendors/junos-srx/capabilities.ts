// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type AlgorithmLimit, type NotConfigurable, type ValueLimit, type VendorCapabilities } from '../kit/capabilities';
import { setEndOptions } from '../kit/options';
import { junosOptionsOf } from './options';
import { junosAtLeast } from './version';

/** Juniper "Traffic Selectors in Route-Based VPNs": at most 200 traffic selectors per VPN. */
export const TRAFFIC_SELECTORS_PER_VPN = 200;

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Juniper "Traffic Selectors in Route-Based VPNs" and "Route-Based IPsec VPNs" (Junos OS VPN IPsec user guide)';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
    2: { encryption: ['chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
  },
  esp: {
    1: { encryption: ['chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
    2: { encryption: ['chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
  },
};

/** Juniper's configuration YANG for SRX, per release. */
const YANG = 'Juniper Junos configuration YANG for SRX (Juniper/yang, junos-es-conf-security)';

const lifetimeSeconds = (where: string): ValueLimit => ({ min: 180, max: 86400, statement: `${where} lifetime-seconds <180..86400>`, provenance: 'documented', source: `${YANG}, ${where.replace('security ', '')} lifetime-seconds (17.4R1 to 24.4R1); JUNOS 9.3 "Configuring the Lifetime for an IPSec SA"` });

/**
 * What came in 23.2R1: the 23.1R1 model has no IKE `sha-512`, no ESP `hmac-sha-384` /
 * `hmac-sha-512` (and no release the `-192`/`-256` spellings), no `group21`; the 23.2R1 model has them.
 */
const before232 = (osVersion: string) => !junosAtLeast(osVersion, 23, 2);
const FROM_23_2_SOURCE = `${'Juniper Junos configuration YANG for SRX (Juniper/yang, junos-es-conf-security)'} 23.1R1 and 23.2R1: ike-proposal authentication-algorithm, ipsec-proposal authentication-algorithm, dh-group`;
const RELEASE_LIMITS: AlgorithmLimit[] = [
  { id: 'junos-srx.ike.integrity.23.2', phase: 'ike', kind: 'integrity', unsupported: ['sha512'], appliesTo: before232, statement: 'Junos before 23.2 has no IKE authentication-algorithm sha-512.', provenance: 'documented', source: FROM_23_2_SOURCE },
  { id: 'junos-srx.esp.integrity.23.2', phase: 'esp', kind: 'integrity', unsupported: ['sha384', 'sha512'], appliesTo: before232, statement: 'Junos before 23.2 has no IPsec authentication-algorithm hmac-sha-384 or hmac-sha-512.', provenance: 'documented', source: FROM_23_2_SOURCE },
  { id: 'junos-srx.ike.dh.23.2', phase: 'ike', kind: 'dhGroup', unsupported: [21], appliesTo: before232, statement: 'Junos before 23.2 has no DH group21.', provenance: 'documented', source: FROM_23_2_SOURCE },
  { id: 'junos-srx.esp.dh.23.2', phase: 'esp', kind: 'dhGroup', unsupported: [21], appliesTo: before232, statement: 'Junos before 23.2 has no perfect-forward-secrecy keys group21.', provenance: 'documented', source: FROM_23_2_SOURCE },
];

export const capabilities: VendorCapabilities = {
  algorithmLimits: [...RELEASE_LIMITS, ...notConfigurable('junos-srx', "Junos SRX", CONFIG_SYNTAX, NOT_CONFIGURABLE)],
  capacity: {
    models: [
      { model: 'SRX300', tunnels: 256, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
      { model: 'SRX345', tunnels: 1024, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
  // Juniper Junos OS IPsec VPN User Guide, "Policy-Based IPsec VPNs", Understanding Policy-Based
  // IPsec VPNs > Limitations: "IKEv2 does not support policy-based IPsec VPN" (the exporter writes
  // such a tunnel route-based, export.ts).
  configurationLimits: (gateway, end) =>
    gateway.vpnType === 'policy-based' && end.ikeVersion === 2
      ? [
          {
            id: 'junos-srx.policy-based.ikev2',
            statement: 'Junos does not run IKEv2 on a policy-based VPN; the export writes this tunnel route-based (st0, traffic selectors, routes). Make the gateway route-based, or use IKEv1 on both ends.',
            provenance: 'documented',
            source: 'Juniper Junos OS IPsec VPN User Guide, "Policy-Based IPsec VPNs", Limitations',
            fix: { label: 'Make the gateway route-based', commands: ({ gateway: g }) => [{ type: 'gateway.update', id: g.id, changes: { vpnType: 'route-based' } }] },
          },
        ]
      : [],
  valueLimits: (gateway) => ({
    ikeLifetimeSeconds: lifetimeSeconds('security ike proposal'),
    espLifetimeSeconds: lifetimeSeconds('security ipsec proposal'),
    // 64 .. 4294967294 up to 24.2; 64000 .. 4294967294 in the 24.4R1 model.
    espLifetimeKilobytes: junosAtLeast(gateway.osVersion, 24, 4)
      ? { min: 64000, max: 4294967294, statement: 'security ipsec proposal lifetime-kilobytes <64000..4294967294> (24.4)', provenance: 'documented', source: `${YANG} 24.4R1, ipsec-proposal lifetime-kilobytes` }
      : { min: 64, max: 4294967294, statement: 'security ipsec proposal lifetime-kilobytes <64..4294967294>', provenance: 'documented', source: `${YANG} 17.4R1 to 24.2R1, ipsec-proposal lifetime-kilobytes` },
    // 2 .. 60 from 19.4R1 (the 17.4R1 model: 10 .. 60); Junos CLI Reference, "dead-peer-detection": Range 2 through 60.
    dpdIntervalSeconds: junosAtLeast(gateway.osVersion, 19, 4) || gateway.osVersion.trim() === ''
      ? { min: 2, max: 60, statement: 'security ike gateway dead-peer-detection interval <2..60>', provenance: 'documented', source: `Junos CLI Reference, "dead-peer-detection" (Range 2 through 60); ${YANG} 19.4R1 to 24.4R1, gateway dead-peer-detection interval` }
      : { min: 10, max: 60, statement: 'security ike gateway dead-peer-detection interval <10..60> (before 19.4)', provenance: 'documented', source: `${YANG} 17.4R1, gateway dead-peer-detection interval` },
  }),
  // proxy-identity: one local/remote/service per VPN; traffic-selector entries: each its own SA,
  // up to 200 (Juniper "Traffic Selectors in Route-Based VPNs").
  proxyIdLimit: (_gateway, end) =>
    junosOptionsOf(end).selectorStyle === 'proxy-identity'
      ? { kind: 'single', max: 1, fix: { label: 'Use traffic-selector entries', commands: ({ tunnelId, end: k }) => [setEndOptions({ tunnelId, end: k }, 'junos-srx', end, { selectorStyle: 'traffic-selector' })] } }
      : { kind: 'per-vpn', max: TRAFFIC_SELECTORS_PER_VPN, message: (gateway, n) => `${gateway.name} has ${n} traffic selectors on one VPN; Junos allows ${TRAFFIC_SELECTORS_PER_VPN}. The rest are not negotiated.` },
};
