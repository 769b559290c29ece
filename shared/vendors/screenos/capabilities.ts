// ScreenOS: each network in a tunnel counts as an SA (KB16008). Model numbers from the datasheets
// named, not re-checked against a copy here: `assumed`.
import { notConfigurable, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';
import { screenosSupportsMultipleProxyIds } from './version';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Juniper KB16008, "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3); ScreenOS Concepts & Examples Reference Guide, Vol. 5 VPNs';

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
  // Before 6.3 a route-based VPN has one proxy ID (KB16008).
  proxyIdLimit: (gateway) =>
    screenosSupportsMultipleProxyIds(gateway.osVersion)
      ? undefined
      : { kind: 'single', max: 1, fix: { label: 'Set ScreenOS 6.3 (multiple proxy IDs)', commands: ({ gateway: g }) => [{ type: 'gateway.update', id: g.id, changes: { osVersion: '6.3.0' } }] } },
};
