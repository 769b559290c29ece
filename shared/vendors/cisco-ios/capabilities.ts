// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Cisco IOS XE "Security for VPNs with IPsec", "IKEv2 Configuration Guide" (incl. Appendix: IKEv2 and Legacy VPNs) and "IPsec Virtual Tunnel Interfaces"';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
    2: { encryption: ['des', 'chacha20poly1305', 'null'], dhGroup: [17, 18, 31, 32] },
  },
  esp: {
    1: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 31, 32] },
    2: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 31, 32] },
  },
};


export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('cisco-ios', "Cisco IOS-XE", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
