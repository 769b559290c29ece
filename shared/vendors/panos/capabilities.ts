// PAN-OS: every proxy ID counts as a tunnel toward the model's IPsec tunnel capacity (PAN-OS
// Administrator's Guide, "Tunnel Interface": "If you configure any proxy IDs, the proxy ID is counted
// toward any IPSec tunnel capacity"). The per-model numbers were written from the datasheets named
// in each source without a copy here to re-check them against, so they stay `assumed`.
import type { DhGroup } from '../../model/document';
import { notConfigurable, type AlgorithmLimit, type NotConfigurable, type ValueLimit, type VendorCapabilities } from '../kit/capabilities';

const PAN_DS = 'Palo Alto Networks datasheet, "IPSec VPN tunnels/tunnel interfaces"';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN" (Set Up an IKE Gateway, Define Cryptographic Profiles, Set Up an IPSec Tunnel: proxy IDs, none meaning 0.0.0.0/0 both ways; Tunnel Interface); PAN-OS schema (pan-os-codegen specs/network/ike-gateway.yaml, tunnels/ipsec.yaml, objects/profiles)`;

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

/** A PAN-OS release before 11.0 (des is gone from the 11.x schema); an unknown version counts as 10.x, the product's default. */
export function panosHasDes(osVersion: string): boolean {
  const m = /^\s*(\d+)/.exec(osVersion);
  return !m || Number(m[1]) < 11;
}

/**
 * DH groups 15, 16 and 21 came with PAN-OS 10.2.0 (Palo Alto Networks Network Security, IPSec VPN
 * Administration, "IKE Phase 1" and "IKE Phase 2": "(PAN-OS 10.2.0 and later releases)"); an
 * unknown version counts as the product's default, 10.2.
 */
export const FROM_10_2: readonly DhGroup[] = [15, 16, 21];
export function panosHasGroupsOf102(osVersion: string): boolean {
  const m = /^\s*(\d+)\.(\d+)/.exec(osVersion);
  return !m || Number(m[1]) > 10 || (Number(m[1]) === 10 && Number(m[2]) >= 2);
}

/** The PAN-OS schema as Palo Alto Networks' own codegen publishes it (one schema, 11.x). */
const SCHEMA = 'PAN-OS XML schema as normalised by Palo Alto Networks in pan-os-codegen (commit 9920a6f)';

/** A PAN-OS value written as one choice of units (`lifetime seconds|minutes|hours|days`, `lifesize kb|mb|gb|tb`), each with its own range. */
export interface PanUnit {
  word: string;
  size: number;
  min: number;
  max: number;
}

/** `lifetime` of the IKE and IPSec crypto profiles (specs/objects/profiles/ike-crypto-profile.yaml, ipsec-crypto-profile.yaml: seconds 180–65535, minutes 3–65535, hours 1–65535, days 1–365). */
export const LIFETIME_UNITS: readonly PanUnit[] = [
  { word: 'seconds', size: 1, min: 180, max: 65535 },
  { word: 'minutes', size: 60, min: 3, max: 65535 },
  { word: 'hours', size: 3600, min: 1, max: 65535 },
  { word: 'days', size: 86400, min: 1, max: 365 },
];

/** `lifesize` of the IPSec crypto profile (ipsec-crypto-profile.yaml: kb, mb, gb, tb, each 1–65535). */
export const LIFESIZE_UNITS: readonly PanUnit[] = [
  { word: 'kb', size: 1, min: 1, max: 65535 },
  { word: 'mb', size: 1024, min: 1, max: 65535 },
  { word: 'gb', size: 1024 ** 2, min: 1, max: 65535 },
  { word: 'tb', size: 1024 ** 3, min: 1, max: 65535 },
];

/**
 * How a value is written in these units, or undefined when no unit holds it exactly: in the first
 * unit when it takes the value (`seconds 3600`), else in the largest that holds it (`days 1`).
 */
export function inUnits(units: readonly PanUnit[], value: number): { word: string; count: number } | undefined {
  for (const u of [units[0] as PanUnit, ...units.slice(1).reverse()]) {
    const count = value / u.size;
    if (Number.isInteger(count) && count >= u.min && count <= u.max) return { word: u.word, count };
  }
  return undefined;
}

/** The value the units can write nearest to `value` (the smaller one on a tie). */
function nearestInUnits(units: readonly PanUnit[], value: number): number {
  let best: number | undefined;
  for (const u of units) {
    const count = Math.min(u.max, Math.max(u.min, Math.round(value / u.size)));
    const v = count * u.size;
    if (best === undefined || Math.abs(v - value) < Math.abs(best - value) || (Math.abs(v - value) === Math.abs(best - value) && v < best)) best = v;
  }
  return best as number;
}

function unitLimit(units: readonly PanUnit[], statement: string, source: string, says: string): ValueLimit {
  const first = units[0] as PanUnit;
  const top = Math.max(...units.map((u) => u.max * u.size));
  return {
    min: first.min * first.size,
    max: top,
    statement,
    provenance: 'documented',
    source,
    steps: { accepts: (v) => inUnits(units, v) !== undefined, nearest: (v) => nearestInUnits(units, v), says },
  };
}

const lifetime = (profile: string) =>
  unitLimit(LIFETIME_UNITS, `${profile} lifetime seconds <180-65535> | minutes <3-65535> | hours <1-65535> | days <1-365>`, `${SCHEMA}, specs/objects/profiles/${profile === 'ike-crypto-profiles' ? 'ike' : 'ipsec'}-crypto-profile.yaml "lifetime"`, 'beyond 65535 s only whole minutes, hours or days');

const DES_SOURCE = `${SCHEMA}, specs/objects/profiles/ike-crypto-profile.yaml "encryption" and ipsec-crypto-profile.yaml "esp/encryption" (3des, AES); PAN-OS 10.0 Administrator's Guide, "IKE Phase 1" (des still listed)`;
const noDes = (osVersion: string) => !panosHasDes(osVersion);
const RELEASE_LIMITS: AlgorithmLimit[] = [
  { id: 'panos.ike.des.11', phase: 'ike', kind: 'encryption', unsupported: ['des'], appliesTo: noDes, statement: 'PAN-OS 11.0 and later have no des in the IKE crypto profile.', provenance: 'documented', source: DES_SOURCE },
  { id: 'panos.ike.dh.10.2', phase: 'ike', kind: 'dhGroup', unsupported: FROM_10_2, appliesTo: (v) => !panosHasGroupsOf102(v), statement: 'PAN-OS before 10.2.0 has no DH group 15, 16 or 21.', provenance: 'documented', source: 'Palo Alto Networks Network Security, IPSec VPN Administration, "IKE Phase 1" ("PAN-OS 10.2.0 and later releases")' },
  { id: 'panos.esp.dh.10.2', phase: 'esp', kind: 'dhGroup', unsupported: FROM_10_2, appliesTo: (v) => !panosHasGroupsOf102(v), statement: 'PAN-OS before 10.2.0 has no PFS group 15, 16 or 21.', provenance: 'documented', source: 'Palo Alto Networks Network Security, IPSec VPN Administration, "IKE Phase 2" ("PAN-OS 10.2.0 and later releases")' },
  { id: 'panos.esp.des.11', phase: 'esp', kind: 'encryption', unsupported: ['des'], appliesTo: noDes, statement: 'PAN-OS 11.0 and later have no des in the IPSec crypto profile.', provenance: 'documented', source: DES_SOURCE },
];

export const capabilities: VendorCapabilities = {
  algorithmLimits: [...RELEASE_LIMITS, ...notConfigurable('panos', "PAN-OS", CONFIG_SYNTAX, NOT_CONFIGURABLE)],
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
  // The same ranges in 10.x and 11.x: the 10.x administrator's guides give no other.
  valueLimits: () => ({
    ikeLifetimeSeconds: lifetime('ike-crypto-profiles'),
    espLifetimeSeconds: lifetime('ipsec-crypto-profiles'),
    espLifetimeKilobytes: unitLimit(LIFESIZE_UNITS, 'ipsec-crypto-profiles lifesize kb | mb | gb | tb <1-65535>', `${SCHEMA}, specs/objects/profiles/ipsec-crypto-profile.yaml "lifesize"`, 'beyond 65535 KB only whole MB, GB or TB'),
    dpdIntervalSeconds: { min: 2, max: 100, statement: 'ike gateway protocol ikev1|ikev2 dpd interval <2-100>', provenance: 'documented', source: `${SCHEMA}, specs/network/ike-gateway.yaml "protocol/ikev1/dpd/interval", "protocol/ikev2/dpd/interval"` },
    monitorThreshold: { min: 2, max: 10, statement: 'monitor-profile threshold <2-10>', provenance: 'documented', source: `${SCHEMA}, specs/network/profiles/monitoring.yaml "threshold"; PAN-OS 8.0 Web Interface Help, "Network > Network Profiles > Monitor"` },
  }),
};
