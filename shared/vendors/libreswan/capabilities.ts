// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';

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


/**
 * The SA lifetimes pluto uses: ipsec.conf(5) gives 24 h as the maximum of ikelifetime= and
 * salifetime=, and pluto does not refuse a longer one but logs "IKE lifetime set to the maximum
 * allowed 86400s" and runs with 86400 (programs/pluto/connections.c, IKE_SA_LIFETIME_MAXIMUM and
 * IPSEC_SA_LIFETIME_MAXIMUM = secs_per_day in include/pluto_constants.h, tag v4.10); 0 is read as
 * that maximum too, so the least lifetime that means itself is 1 s. The kilobyte lifetime
 * (ipsec-max-bytes=) is local, not negotiated, and bounded only far beyond what a document holds.
 */
const LIFETIME_SOURCE = 'Libreswan 4.10 ipsec.conf(5) (configs/d.ipsec.conf/ikelifetime.xml, salifetime.xml: "maximum 24h"); programs/pluto/connections.c at tag v4.10 clamps a longer lifetime to 86400 s';
const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  ikeLifetimeSeconds: { min: 1, max: 86400, statement: 'ikelifetime=<1-86400>s (a longer one is cut to 86400 s by pluto)', provenance: 'documented', source: LIFETIME_SOURCE, outside: 'clamped' },
  espLifetimeSeconds: { min: 1, max: 86400, statement: 'salifetime=<1-86400>s (a longer one is cut to 86400 s by pluto)', provenance: 'documented', source: LIFETIME_SOURCE, outside: 'clamped' },
};

export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('libreswan', "Libreswan 4.x", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  valueLimits: () => VALUE_LIMITS,
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
