// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { VendorCapabilities } from '../kit/capabilities';
import { setEndOptions } from '../kit/options';
import { junosOptionsOf } from './options';

/** Juniper "Traffic Selectors in Route-Based VPNs": at most 200 traffic selectors per VPN. */
export const TRAFFIC_SELECTORS_PER_VPN = 200;

export const capabilities: VendorCapabilities = {
  algorithmLimits: [],
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
