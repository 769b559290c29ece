// ScreenOS: each network in a tunnel counts as an SA (KB16008). Model numbers from the datasheets
// named, not re-checked against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';
import { screenosSupportsMultipleProxyIds } from './version';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Juniper KB16008 "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3); Juniper "Concepts & Examples ScreenOS Reference Guide", Volume 5: Virtual Private Networks';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], integrity: ['sha384', 'sha512'], dhGroup: [15, 16, 17, 18, 19, 20, 21, 24, 31, 32] },
    2: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], integrity: ['sha384', 'sha512'], dhGroup: [15, 16, 17, 18, 19, 20, 21, 24, 31, 32] },
  },
  esp: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], integrity: ['sha384', 'sha512'], dhGroup: [15, 16, 17, 18, 19, 20, 21, 24, 31, 32] },
    2: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], integrity: ['sha384', 'sha512'], dhGroup: [15, 16, 17, 18, 19, 20, 21, 24, 31, 32] },
  },
};

/**
 * The lifetimes the export writes (`p1-proposal … second <n>`, `p2-proposal … second <n>`). No
 * ScreenOS CLI Reference could be read for their range: the documents seen (Juniper KB16008, the
 * Amazon VPC ScreenOS 6.3 example configuration) show only 28800 and 3600. The range below is
 * Juniper's own for the same settings on its next firewall OS (Junos "lifetime-seconds", 180
 * through 86,400), kept as an assumption until a ScreenOS reference confirms it; the engine says
 * so (provenance `assumed`).
 */
const LIFETIME_SOURCE = 'assumed from Juniper Junos OS "lifetime-seconds" (Range: 180 through 86,400); no ScreenOS 6.3 CLI Reference range found (Juniper KB16008 and the Amazon VPC ScreenOS 6.3 example show second 28800 and 3600)';
export const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  ikeLifetimeSeconds: { min: 180, max: 86400, statement: 'set ike p1-proposal … second <180-86400>', provenance: 'assumed', source: LIFETIME_SOURCE },
  espLifetimeSeconds: { min: 180, max: 86400, statement: 'set ike p2-proposal … second <180-86400>', provenance: 'assumed', source: LIFETIME_SOURCE },
};

export const capabilities: VendorCapabilities = {
  algorithmLimits: notConfigurable('screenos', "ScreenOS", CONFIG_SYNTAX, NOT_CONFIGURABLE),
  capacity: {
    models: [
      { model: 'SSG-5', tunnels: 40, source: 'Juniper SSG5 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
      { model: 'SSG-140', tunnels: 500, source: 'Juniper SSG140 datasheet, "IPSec VPN tunnels"', provenance: 'assumed' },
      { model: 'SSG-550M', tunnels: 1000, source: 'Juniper SSG500 Series datasheet', provenance: 'assumed' },
    ],
    eachProxyIdCounts: true,
  },
  valueLimits: () => VALUE_LIMITS,
  // Before 6.3 a route-based VPN has one proxy ID (KB16008).
  proxyIdLimit: (gateway) =>
    screenosSupportsMultipleProxyIds(gateway.osVersion)
      ? undefined
      : { kind: 'single', max: 1, fix: { label: 'Set ScreenOS 6.3 (multiple proxy IDs)', commands: ({ gateway: g }) => [{ type: 'gateway.update', id: g.id, changes: { osVersion: '6.3.0' } }] } },
};
