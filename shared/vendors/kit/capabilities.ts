// What a product can be configured with, as one table per vendor: the engine's diagnostics, the
// inspector's choices and validation, and the exporter all read it, so none of them says a
// design works that the box cannot be configured with. Every entry carries its source.
import type { Command } from '../../commands/commands';
import type { DhGroup, Encryption, EndKey, Gateway, Integrity, TunnelEnd, TunnelId } from '../../model/document';
import type { Provenance } from '../../vocabulary/provenance';

/** Algorithms a product cannot be configured with, for one IKE version (or both) and one phase. */
export interface AlgorithmLimit {
  /** Stable id, `<vendor>.<what>`, e.g. `cisco-asa.ikev1-hash`. */
  id: string;
  /** Only with this IKE version; both when absent. */
  ikeVersion?: 1 | 2;
  phase: 'ike' | 'esp';
  kind: 'encryption' | 'integrity' | 'dhGroup';
  unsupported: readonly (Encryption | Integrity | DhGroup)[];
  /**
   * Only on these releases of the product (the gateway's OS version; '' when it gives none);
   * on every release when absent. The statement names the releases.
   */
  appliesTo?: (osVersion: string) => boolean;
  /**
   * `proposal-dropped`: the product loads such a configuration but drops a proposal whose
   * encryption algorithms are all in `unsupported` before it negotiates (OpenIKED's portable build
   * on Linux with AEAD ESP): the engine negotiates without that proposal. Absent: the limit is a
   * diagnostic only.
   */
  negotiation?: 'proposal-dropped';
  /** The limit in one sentence, as the diagnostic quotes it. */
  statement: string;
  provenance: Provenance;
  source: string;
}

/** One model's IPsec tunnel capacity, from the vendor's datasheet. */
export interface CapacityModel {
  model: string;
  /** Site-to-site IPsec tunnels (PAN-OS: "IPsec VPN tunnels/tunnel interfaces"). */
  tunnels: number;
  source: string;
  provenance: Provenance;
}

/**
 * How many proxy IDs one VPN of this end negotiates, when the product limits it. `single`: one per
 * VPN in this configuration; each further proxy ID is ignored, and a fix may lift the limit.
 * `per-vpn`: a hard limit per VPN; proxy IDs beyond it are not negotiated.
 */
export type ProxyIdLimit =
  | { kind: 'single'; max: number; fix?: { label: string; commands: (at: { gateway: Gateway; tunnelId: TunnelId; end: EndKey }) => Command[] } }
  | { kind: 'per-vpn'; max: number; message: (gateway: Gateway, proxyIds: number) => string };

/**
 * A combination of settings the product cannot be configured with (Junos: IKEv2 on a
 * policy-based VPN): the engine reports CONFIGURATION_UNSUPPORTED with the fix, and the exporter
 * writes what the statement says it does instead, with a warning.
 */
export interface ConfigurationLimit {
  /** Stable id, `<vendor>.<what>`. */
  id: string;
  /** The limit and what the export does about it, in one or two sentences. */
  statement: string;
  provenance: Provenance;
  source: string;
  fix?: { label: string; commands: (at: { gateway: Gateway; tunnelId: TunnelId; end: EndKey }) => Command[] };
}

/** The numeric settings of a tunnel end whose range a product bounds. */
export const VALUE_SETTINGS = ['ikeLifetimeSeconds', 'espLifetimeSeconds', 'espLifetimeKilobytes', 'dpdIntervalSeconds', 'monitorIntervalSeconds', 'monitorThreshold'] as const;
export type ValueSetting = (typeof VALUE_SETTINGS)[number];

/** The values a product's configuration takes for one setting (inclusive), with where it says so. */
export interface ValueLimit {
  min: number;
  max: number;
  /** The product's statement and its range as the document writes it, e.g. `lifetime seconds <180-65535>`. */
  statement: string;
  provenance: Provenance;
  source: string;
  /**
   * Within min–max, the values the product can express when not every one is (PAN-OS writes a
   * lifetime in seconds up to 65535, beyond that only in whole minutes, hours or days), with the
   * nearest one it can.
   */
  steps?: { accepts: (value: number) => boolean; nearest: (value: number) => number; says: string };
  /**
   * What the product does with a value outside: `refused` (default) the configuration does not
   * load; `clamped` it loads and silently uses the nearest limit (Libreswan's 24 h lifetimes).
   */
  outside?: 'refused' | 'clamped';
}

export interface VendorCapabilities {
  algorithmLimits: readonly AlgorithmLimit[];
  capacity: {
    models: readonly CapacityModel[];
    /** Each configured proxy ID counts as a tunnel toward the capacity (else one per VPN). */
    eachProxyIdCounts: boolean;
    /** Said after the count in the capacity diagnostic, e.g. " (each proxy ID counts as one)". */
    countNote?: string;
  };
  /** The proxy-ID limit of this end, when the product has one. */
  proxyIdLimit?: (gateway: Gateway, end: TunnelEnd) => ProxyIdLimit | undefined;
  /**
   * The ranges the product's configuration takes, for this gateway (its OS version may change
   * them). The engine reports a value outside as VALUE_OUT_OF_RANGE with a fix, the inspector
   * refuses it, and the exporter never writes one. A setting absent here is not bounded beyond
   * the document's own schema.
   */
  valueLimits?: (gateway: Gateway) => Partial<Record<ValueSetting, ValueLimit>>;
  /**
   * For a product that takes every value the document's own schema allows (so it has no
   * `valueLimits`): what it takes and the document or source code that shows it.
   */
  valuesUnbounded?: { statement: string; source: string };
  /** The combinations of this gateway's and end's settings the product cannot be configured with. */
  configurationLimits?: (gateway: Gateway, end: TunnelEnd) => readonly ConfigurationLimit[];
}

/** The setting's value on this end; undefined when the end does not use it (DPD or monitor off, no kilobyte lifetime). */
export function settingValue(end: TunnelEnd, setting: ValueSetting): number | undefined {
  switch (setting) {
    case 'ikeLifetimeSeconds':
      return end.ike.lifetimeSeconds;
    case 'espLifetimeSeconds':
      return end.esp.lifetimeSeconds;
    case 'espLifetimeKilobytes':
      return end.esp.lifetimeKilobytes !== undefined && end.esp.lifetimeKilobytes > 0 ? end.esp.lifetimeKilobytes : undefined;
    case 'dpdIntervalSeconds':
      return end.dpd.enabled ? end.dpd.intervalSeconds : undefined;
    case 'monitorIntervalSeconds':
      return end.monitor.enabled ? end.monitor.intervalSeconds : undefined;
    case 'monitorThreshold':
      return end.monitor.enabled ? end.monitor.threshold : undefined;
  }
}

/** The tunnel-end changes that set the setting to `value`. */
export function settingChanges(end: TunnelEnd, setting: ValueSetting, value: number): Partial<Omit<TunnelEnd, 'gatewayId'>> {
  switch (setting) {
    case 'ikeLifetimeSeconds':
      return { ike: { ...end.ike, lifetimeSeconds: value } };
    case 'espLifetimeSeconds':
      return { esp: { ...end.esp, lifetimeSeconds: value } };
    case 'espLifetimeKilobytes':
      return { esp: { ...end.esp, lifetimeKilobytes: value } };
    case 'dpdIntervalSeconds':
      return { dpd: { ...end.dpd, intervalSeconds: value } };
    case 'monitorIntervalSeconds':
      return { monitor: { ...end.monitor, intervalSeconds: value } };
    case 'monitorThreshold':
      return { monitor: { ...end.monitor, threshold: value } };
  }
}

/** How the setting is named to the user. */
export const SETTING_WORDS: Record<ValueSetting, { label: string; unit: string }> = {
  ikeLifetimeSeconds: { label: 'IKE SA lifetime', unit: 's' },
  espLifetimeSeconds: { label: 'IPsec SA lifetime', unit: 's' },
  espLifetimeKilobytes: { label: 'IPsec SA lifetime in kilobytes', unit: 'KB' },
  dpdIntervalSeconds: { label: 'DPD interval', unit: 's' },
  monitorIntervalSeconds: { label: 'tunnel monitor interval', unit: 's' },
  monitorThreshold: { label: 'tunnel monitor threshold', unit: '' },
};

type Kind = AlgorithmLimit['kind'];
type Algorithms = Partial<Record<Kind, readonly (Encryption | Integrity | DhGroup)[]>>;
/** What a product's configuration has no statement for, per phase and IKE version. */
export type NotConfigurable = Partial<Record<AlgorithmLimit['phase'], Partial<Record<1 | 2, Algorithms>>>>;

const PHASE_WORDS: Record<AlgorithmLimit['phase'], string> = { ike: 'IKE (phase 1)', esp: 'ESP (phase 2)' };
const KIND_WORDS: Record<Kind, string> = { encryption: 'encryption', integrity: 'integrity', dhGroup: 'DH group' };

/**
 * Algorithm limits from a table of what the product's configuration cannot express, one limit
 * per phase, IKE version and kind, each citing the document the product's configuration syntax
 * follows. `covered` are limits written by hand with a sharper statement: what they already say
 * is left out here, so no algorithm is reported twice.
 */
export function notConfigurable(vendor: string, label: string, source: string, table: NotConfigurable, covered: readonly AlgorithmLimit[] = []): AlgorithmLimit[] {
  const out: AlgorithmLimit[] = [];
  for (const phase of ['ike', 'esp'] as const) {
    for (const v of [1, 2] as const) {
      const row = table[phase]?.[v] ?? {};
      for (const kind of ['encryption', 'integrity', 'dhGroup'] as const) {
        const taken = covered.filter((l) => l.phase === phase && l.kind === kind && (l.ikeVersion === undefined || l.ikeVersion === v)).flatMap((l) => l.unsupported);
        const unsupported = (row[kind] ?? []).filter((a) => !taken.includes(a));
        if (unsupported.length === 0) continue;
        out.push({
          id: `${vendor}.${phase}.v${v}.${kind}`,
          ikeVersion: v,
          phase,
          kind,
          unsupported,
          statement: `${label} has no ${PHASE_WORDS[phase]} ${KIND_WORDS[kind]} ${unsupported.join(', ')} with IKEv${v}.`,
          // Read off what the exporter, written from `source`, can express; each algorithm is not
          // yet checked against the document one by one, so the limit stays `assumed`.
          provenance: 'assumed',
          source,
        });
      }
    }
  }
  return out;
}
