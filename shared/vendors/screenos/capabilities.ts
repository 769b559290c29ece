// ScreenOS: each network in a tunnel counts as an SA (KB16008). Model numbers from the datasheets
// named, not re-checked against a copy here: `assumed`.
import type { VendorCapabilities } from '../kit/capabilities';
import { screenosSupportsMultipleProxyIds } from './version';

export const capabilities: VendorCapabilities = {
  algorithmLimits: [],
  capacity: {
    models: [
      { model: 'SSG-5', tunnels: 40, source: 'Juniper SSG5 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
      { model: 'SSG-140', tunnels: 500, source: 'Juniper SSG140 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
      { model: 'SSG-550M', tunnels: 1000, source: 'Juniper SSG500 Series datasheet', provenance: 'assumed' },
    ],
    eachProxyIdCounts: true,
  },
  // Before 6.3 a route-based VPN has one proxy ID (KB16008).
  proxyIdLimit: (gateway) =>
    screenosSupportsMultipleProxyIds(gateway.osVersion)
      ? undefined
      : { kind: 'single', max: 1, fix: { label: 'Set ScreenOS 6.3 (multiple proxy IDs)', commands: ({ gateway: g }) => [{ type: 'gateway.update', id: g.id, changes: { osVersion: '6.3.0' } }] } },
};
