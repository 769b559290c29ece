// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';

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


/** Cisco's own YANG model of the IOS XE CLI; the ranges are the same in 16.9.3, 16.12.1 and 17.15.1. */
const XE_YANG = 'Cisco IOS XE native YANG model Cisco-IOS-XE-crypto (YangModels/yang, vendor/cisco/xe/1693, 16121 and 17151)';
const XE_TF = 'Cisco DevNet terraform-provider-iosxe documentation, generated from the IOS XE YANG model';

/** The number ranges of the IOS XE VPN statements the exporter writes, with where each comes from. */
const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  // The ISAKMP policy takes 60-86400 and the IKEv2 profile 120-86400; one range serves both
  // IKE versions of a gateway, so it is the narrower one.
  ikeLifetimeSeconds: {
    min: 120,
    max: 86400,
    statement: 'crypto isakmp policy: lifetime <60-86400>; crypto ikev2 profile: lifetime <120-86400>',
    provenance: 'documented',
    source: `${XE_YANG}: crypto isakmp policy lifetime range "60..86400"; ${XE_TF}, crypto_ikev2_profile lifetime "Range: 120-86400"`,
  },
  espLifetimeSeconds: {
    min: 120,
    max: 2592000,
    statement: 'crypto map / crypto ipsec profile: set security-association lifetime seconds <120-2592000>',
    provenance: 'documented',
    source: `${XE_YANG}: set security-association lifetime seconds range "120..2592000"`,
  },
  espLifetimeKilobytes: {
    min: 2560,
    max: 4294967295,
    statement: 'crypto map / crypto ipsec profile: set security-association lifetime kilobytes <2560-4294967295>',
    provenance: 'documented',
    source: `${XE_YANG}: set security-association lifetime kilobytes range "2560..4294967295"`,
  },
  dpdIntervalSeconds: {
    min: 10,
    max: 3600,
    statement: 'crypto isakmp keepalive <10-3600>; crypto ikev2 profile: dpd <10-3600> <2-60>',
    provenance: 'documented',
    source: `${XE_YANG}: crypto isakmp keepalive range "10..3600"; ${XE_TF}, crypto_ikev2_profile dpd interval 10-3600`,
  },
};

export const capabilities: VendorCapabilities = {
  valueLimits: () => VALUE_LIMITS,
  algorithmLimits: notConfigurable('cisco-ios', "Cisco IOS-XE", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
