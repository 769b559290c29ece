// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { Encryption } from '../../model/document';
import { notConfigurable, type AlgorithmLimit, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';

const AEAD: readonly Encryption[] = ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'];

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'strongSwan swanctl.conf(5) (docs.strongswan.org/docs/latest/swanctl/swanctlConf.html), charon 5.9.x';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'] },
  },
  esp: {
    1: { encryption: ['chacha20poly1305'] },
  },
};


/** Limits with their own source, sharper than the configuration syntax alone. */
const HAND_WRITTEN: readonly AlgorithmLimit[] = [
  {
    id: 'strongswan.ikev1-aead',
    ikeVersion: 1,
    phase: 'ike',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'charon cannot use an AEAD cipher (AES-GCM, ChaCha20-Poly1305) for an IKEv1 SA.',
    provenance: 'verified',
    source: 'strongSwan 5.9.8 in the oracle harness: IKEv1 with AEAD IKE proposals does not negotiate (test/oracle/export-swanctl.test.ts)',
  },
];

/**
 * The lifetimes charon takes from swanctl.conf. swanctl.conf(5) documents none beyond the
 * defaults; its vici plugin reads a time as at most 15 characters (parse_time, buf[16]) into 64
 * bits, and keeps an IKE SA's rekey_time and reauth_time in 32 bits (peer_cfg.h), so the IKE SA
 * lifetime stops at 2^32 - 1 s and a child SA's at fifteen digits; 0 switches rekeying off, so 1 s
 * is the least lifetime. Both are wider than any lifetime a document holds: charon takes them all.
 */
const VICI = 'strongSwan src/libcharon/plugins/vici/vici_config.c (parse_time) and src/libcharon/config/peer_cfg.h (uint32_t rekey_time, reauth_time), tag 5.9.14; swanctl.conf(5) (src/swanctl/swanctl.opt) gives no range';
const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  ikeLifetimeSeconds: { min: 1, max: 4294967295, statement: 'connections.<conn>.rekey_time (IKEv2) or reauth_time (IKEv1): a 32-bit number of seconds, 0 = never', provenance: 'documented', source: VICI },
  espLifetimeSeconds: { min: 1, max: 999999999999999, statement: 'children.<child>.rekey_time: at most 15 characters, 0 = never', provenance: 'documented', source: VICI },
};

export const capabilities: VendorCapabilities = {
  valueLimits: () => VALUE_LIMITS,
  algorithmLimits: [...HAND_WRITTEN, ...notConfigurable('strongswan', "strongSwan", CONFIG_SYNTAX, NOT_CONFIGURABLE, HAND_WRITTEN)],
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
