// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { VendorCapabilities } from '../kit/capabilities';

export const capabilities: VendorCapabilities = {
  algorithmLimits: [],
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
