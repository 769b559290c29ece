// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { Encryption } from '../../model/document';
import { notConfigurable, type AlgorithmLimit, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';

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
 * No value limits (valueLimits absent: "not bounded beyond the document's own schema"). The
 * lifetimes charon takes from swanctl.conf are wider than any a document holds (60 s to one
 * year): swanctl.conf(5) (src/swanctl/swanctl.opt) documents no range; the vici plugin reads a
 * time as at most 15 characters into 64 bits (src/libcharon/plugins/vici/vici_config.c,
 * parse_time) and keeps an IKE SA's rekey_time and reauth_time in 32 bits
 * (src/libcharon/config/peer_cfg.h), so the IKE SA lifetime stops at 2^32 - 1 s; 0 switches
 * rekeying off (tag 5.9.14). dpd_delay and rekey_bytes are 64-bit likewise.
 */
export const capabilities: VendorCapabilities = {
  algorithmLimits: [...HAND_WRITTEN, ...notConfigurable('strongswan', "strongSwan", CONFIG_SYNTAX, NOT_CONFIGURABLE, HAND_WRITTEN)],
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
  valuesUnbounded: {
    statement: 'charon takes every lifetime, kilobyte lifetime and DPD delay a document holds (60 s to one year): no range is documented, times are read into 64 bits and an IKE SA\'s rekey and reauthentication times are kept in 32 bits (2^32 - 1 s).',
    source: 'swanctl.conf(5) (src/swanctl/swanctl.opt, no range); strongSwan 5.9.14 source: src/libcharon/plugins/vici/vici_config.c parse_time, src/libcharon/config/peer_cfg.h',
  },
};
