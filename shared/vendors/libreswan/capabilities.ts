// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Libreswan ipsec.conf(5) and ipsec.secrets(5), 4.x (libreswan.org/man/ipsec.conf.5.html)';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['des', 'aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], dhGroup: [1, 2, 24, 32] },
    2: { encryption: ['des', 'null'], dhGroup: [1, 2, 24, 32] },
  },
  esp: {
    1: { encryption: ['des', 'chacha20poly1305'], dhGroup: [1, 2, 19, 20, 21, 24, 31, 32] },
    2: { encryption: ['des'], dhGroup: [1, 2, 24, 32] },
  },
};


export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('libreswan', "Libreswan 4.x", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
