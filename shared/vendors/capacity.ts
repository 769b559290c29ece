// Per-model IPsec tunnel capacity. On PAN-OS every proxy ID counts as a tunnel toward this number
// (PAN-OS Administrator's Guide, "Tunnel Interface": "If you configure any proxy IDs, the proxy ID
// is counted toward any IPSec tunnel capacity"). The numbers themselves come from the vendor
// datasheets named in `source`; they were written from those datasheets without a copy on this
// machine to re-check against, so each carries provenance `assumed` until someone checks it.
import type { Provenance } from '../vocabulary/provenance';

export interface CapacityEntry {
  vendor: string;
  model: string;
  /** Site-to-site IPsec tunnels (PAN-OS: "IPsec VPN tunnels/tunnel interfaces"). */
  tunnels: number;
  source: string;
  provenance: Provenance;
}

const PAN_DS = 'Palo Alto Networks datasheet, "IPSec VPN tunnels/tunnel interfaces"';

export const CAPACITY_TABLE: readonly CapacityEntry[] = [
  { vendor: 'panos', model: 'PA-220', tunnels: 250, source: `${PAN_DS} (PA-220)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-440', tunnels: 1000, source: `${PAN_DS} (PA-400 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-820', tunnels: 1000, source: `${PAN_DS} (PA-800 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-850', tunnels: 1000, source: `${PAN_DS} (PA-800 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-3220', tunnels: 2000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-3250', tunnels: 3000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-3260', tunnels: 4000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-5220', tunnels: 4000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-5250', tunnels: 6000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'PA-5260', tunnels: 10000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'VM-50', tunnels: 250, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'VM-100', tunnels: 1000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'VM-300', tunnels: 2000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'VM-500', tunnels: 4000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
  { vendor: 'panos', model: 'VM-700', tunnels: 10000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
  { vendor: 'screenos', model: 'SSG-5', tunnels: 40, source: 'Juniper SSG5 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
  { vendor: 'screenos', model: 'SSG-140', tunnels: 500, source: 'Juniper SSG140 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
  { vendor: 'screenos', model: 'SSG-550M', tunnels: 1000, source: 'Juniper SSG500 Series datasheet', provenance: 'assumed' },
  { vendor: 'junos-srx', model: 'SRX300', tunnels: 256, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
  { vendor: 'junos-srx', model: 'SRX345', tunnels: 1024, source: 'Juniper SRX300 line datasheet, "IPsec VPN tunnels"', provenance: 'assumed' },
  { vendor: 'cisco-asa', model: 'ASA 5516-X', tunnels: 300, source: 'Cisco ASA 5500-X datasheet, "IPsec site-to-site VPN peers"', provenance: 'assumed' },
  { vendor: 'fortigate', model: 'FortiGate-100F', tunnels: 2500, source: 'FortiGate 100F datasheet, "Gateway-to-Gateway IPsec VPN Tunnels"', provenance: 'assumed' },
];

const byKey = new Map(CAPACITY_TABLE.map((e) => [`${e.vendor}|${e.model.toUpperCase()}`, e]));

const vendorsWithEntries = new Set(CAPACITY_TABLE.map((e) => e.vendor));

export function capacityOf(vendor: string, model: string): CapacityEntry | undefined {
  if (!vendorsWithEntries.has(vendor)) return undefined;
  return byKey.get(`${vendor}|${model.trim().toUpperCase()}`);
}

/** The smallest model of the same vendor that holds `needed` tunnels (a one-click fix suggestion). */
export function smallestModelFor(vendor: string, needed: number): CapacityEntry | undefined {
  return CAPACITY_TABLE.filter((e) => e.vendor === vendor && e.tunnels >= needed).sort((a, b) => a.tunnels - b.tunnels)[0];
}

/** How many tunnels one VPN uses on a vendor: each proxy ID counts on PAN-OS (and as an SA on ScreenOS). */
export function tunnelsUsed(vendor: string, proxyIdCount: number): number {
  if (vendor === 'panos' || vendor === 'screenos') return Math.max(1, proxyIdCount);
  return 1;
}
