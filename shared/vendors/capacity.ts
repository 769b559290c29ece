// Per-model IPsec tunnel capacity, from each vendor's capability table: the entry for a model, the
// smallest model that holds a number of tunnels (a one-click fix), and how many tunnels one VPN
// uses (each proxy ID on PAN-OS and ScreenOS).
import type { CapacityModel } from './kit/capabilities';
import { vendorModule } from './registry';

const byVendor = new Map<string, Map<string, CapacityModel>>();

function modelsOf(vendor: string): Map<string, CapacityModel> {
  let m = byVendor.get(vendor);
  if (!m) {
    m = new Map(vendorModule(vendor).capabilities.capacity.models.map((e) => [e.model.toUpperCase(), e]));
    byVendor.set(vendor, m);
  }
  return m;
}

export function capacityOf(vendor: string, model: string): CapacityModel | undefined {
  const models = modelsOf(vendor);
  return models.size === 0 ? undefined : models.get(model.trim().toUpperCase());
}

/** The smallest model of the same vendor that holds `needed` tunnels. */
export function smallestModelFor(vendor: string, needed: number): CapacityModel | undefined {
  return [...modelsOf(vendor).values()].filter((e) => e.tunnels >= needed).sort((a, b) => a.tunnels - b.tunnels)[0];
}

/** How many tunnels one VPN uses: each proxy ID where the product counts them, else one. */
export function tunnelsUsed(vendor: string, proxyIdCount: number): number {
  return vendorModule(vendor).capabilities.capacity.eachProxyIdCounts ? Math.max(1, proxyIdCount) : 1;
}

/** Said after the count in the capacity diagnostic, e.g. " (each proxy ID counts as one)". */
export function capacityCountNote(vendor: string): string {
  return vendorModule(vendor).capabilities.capacity.countNote ?? '';
}
