// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { VendorCapabilities } from '../kit/capabilities';

export const capabilities: VendorCapabilities = {
  algorithmLimits: [],
  capacity: {
    models: [
      { model: 'FortiGate-100F', tunnels: 2500, source: 'FortiGate 100F datasheet, "Gateway-to-Gateway IPsec VPN Tunnels"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
};
