// PAN-OS: every proxy ID counts as a tunnel toward the model's IPsec tunnel capacity (PAN-OS
// Administrator's Guide, "Tunnel Interface": "If you configure any proxy IDs, the proxy ID is counted
// toward any IPSec tunnel capacity"). The per-model numbers were written from the datasheets named
// in each source without a copy here to re-check them against, so they stay `assumed`.
import { notConfigurable, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';

const PAN_DS = 'Palo Alto Networks datasheet, "IPSec VPN tunnels/tunnel interfaces"';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'PAN-OS Administrator\'s Guide, "Set Up Site-to-Site VPN" (IKE gateway, crypto profiles, IPSec tunnel with proxy IDs, tunnel interface); "Proxy IDs in IPSec VPNs: A Comprehensive Look"';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], dhGroup: [17, 18, 24, 31, 32] },
    2: { encryption: ['chacha20poly1305', 'null'], dhGroup: [17, 18, 24, 31, 32] },
  },
  esp: {
    1: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 24, 31, 32] },
    2: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 24, 31, 32] },
  },
};


export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('panos', "PAN-OS", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [
      { model: 'PA-220', tunnels: 250, source: `${PAN_DS} (PA-220)`, provenance: 'assumed' },
      { model: 'PA-440', tunnels: 1000, source: `${PAN_DS} (PA-400 Series)`, provenance: 'assumed' },
      { model: 'PA-820', tunnels: 1000, source: `${PAN_DS} (PA-800 Series)`, provenance: 'assumed' },
      { model: 'PA-850', tunnels: 1000, source: `${PAN_DS} (PA-800 Series)`, provenance: 'assumed' },
      { model: 'PA-3220', tunnels: 2000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
      { model: 'PA-3250', tunnels: 3000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
      { model: 'PA-3260', tunnels: 4000, source: `${PAN_DS} (PA-3200 Series)`, provenance: 'assumed' },
      { model: 'PA-5220', tunnels: 4000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
      { model: 'PA-5250', tunnels: 6000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
      { model: 'PA-5260', tunnels: 10000, source: `${PAN_DS} (PA-5200 Series)`, provenance: 'assumed' },
      { model: 'VM-50', tunnels: 250, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
      { model: 'VM-100', tunnels: 1000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
      { model: 'VM-300', tunnels: 2000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
      { model: 'VM-500', tunnels: 4000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
      { model: 'VM-700', tunnels: 10000, source: `${PAN_DS} (VM-Series)`, provenance: 'assumed' },
    ],
    eachProxyIdCounts: true,
    countNote: ' (each proxy ID counts as one)',
  },
};
