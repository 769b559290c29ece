// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Fortinet, FortiOS 7.4.6 CLI Reference: config vpn ipsec phase1-interface, phase2-interface; config firewall address, address6, policy; config router static, static6';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], dhGroup: [24] },
    2: { encryption: ['null'], dhGroup: [24] },
  },
  esp: {
    1: { dhGroup: [24] },
    2: { dhGroup: [24] },
  },
};

/** Fortinet, "FortiOS 7.4.6 CLI Reference": the Parameters tables of the two tables the export writes. */
const FOS_746_P1 = 'Fortinet, FortiOS 7.4.6 CLI Reference, "config vpn ipsec phase1-interface" (Parameters table)';
const FOS_746_P2 = 'Fortinet, FortiOS 7.4.6 CLI Reference, "config vpn ipsec phase2-interface" (Parameters table)';

/**
 * The ranges FortiOS takes (the same in the 7.0 and 6.2 syntax lists, which print no ranges).
 * dpd-retryinterval is left unbounded: the 7.4.6 table gives it no range.
 */
export const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  ikeLifetimeSeconds: { min: 120, max: 172800, statement: 'keylife <120-172800> (seconds)', provenance: 'documented', source: FOS_746_P1 },
  espLifetimeSeconds: { min: 120, max: 172800, statement: 'keylifeseconds <120-172800>', provenance: 'documented', source: FOS_746_P2 },
  espLifetimeKilobytes: { min: 5120, max: 4294967295, statement: 'keylifekbs <5120-4294967295>', provenance: 'documented', source: FOS_746_P2 },
};

export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('fortigate', "FortiOS", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [
      { model: 'FortiGate-100F', tunnels: 2500, source: 'FortiGate 100F datasheet, "Gateway-to-Gateway IPsec VPN Tunnels"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
  valueLimits: () => VALUE_LIMITS,
};
