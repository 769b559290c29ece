// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';
import { setEndOptions } from '../kit/options';
import { junosOptionsOf } from './options';

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


export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('junos-srx', "Junos SRX", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [
      { model: 'SRX300', tunnels: 256, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
      { model: 'SRX345', tunnels: 1024, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
  // proxy-identity: one local/remote/service per VPN; traffic-selector entries: each its own SA,
  // up to 200 (Juniper "Traffic Selectors in Route-Based VPNs").
  proxyIdLimit: (_gateway, end) =>
    junosOptionsOf(end).selectorStyle === 'proxy-identity'
      ? { kind: 'single', max: 1, fix: { label: 'Use traffic-selector entries', commands: ({ tunnelId, end: k }) => [setEndOptions({ tunnelId, end: k }, 'junos-srx', end, { selectorStyle: 'traffic-selector' })] } }
      : { kind: 'per-vpn', max: TRAFFIC_SELECTORS_PER_VPN, message: (gateway, n) => `${gateway.name} has ${n} traffic selectors on one VPN; Junos allows ${TRAFFIC_SELECTORS_PER_VPN}. The rest are not negotiated.` },
};
