// What OpenIKED can be configured with: iked.conf(5), OpenBSD 7.2 ("CRYPTO TRANSFORMS": the
// `enc`, `auth`, `prf` and `group` tables), and what the portable build on Linux drops.
import { notConfigurable, type AlgorithmLimit, type ConfigurationLimit, type NotConfigurable, type VendorCapabilities } from '../kit/capabilities';

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
export const CONFIG_SYNTAX = 'iked.conf(5), OpenBSD 7.2 manual, "CRYPTO TRANSFORMS"';

/**
 * Algorithms iked.conf has no keyword for. IKE: no DES, no chacha20-poly1305 ("[ESP only]"), no
 * `null` ("[ESP only]"); ESP: no DES. Groups 24 (modp2048-256) and 32 (curve448) are not in the
 * `group` table.
 */
const IKE_LACKS = { encryption: ['des', 'chacha20poly1305', 'null'], dhGroup: [24, 32] } as const;
const ESP_LACKS = { encryption: ['des'], dhGroup: [24, 32] } as const;
/** IKEv1 is written as IKEv2 (the `openiked.ikev1` configuration limit), so its table is IKEv2's. */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: { 1: IKE_LACKS, 2: IKE_LACKS },
  esp: { 1: ESP_LACKS, 2: ESP_LACKS },
};

/**
 * The portable build on Linux: parse.y (openiked-portable 7.2, under HAVE_LINUX_PFKEY_H, "XXX:
 * Linux pfkey does not support AES-GCM") drops an ESP proposal with only AEAD ciphers. Seen with
 * Debian 12's OpenIKED 7.2 against strongSwan 5.9.8 charon: a `childsa enc aes-128-gcm` policy
 * negotiates as having no ESP proposal (`ikev2_log_proposal: ESP #1 ENCR=AES_GCM_16-128` then
 * `ikev2_add_error: NO_PROPOSAL_CHOSEN`).
 */
const LINUX_AEAD: AlgorithmLimit = {
  id: 'openiked.esp.linux-aead',
  phase: 'esp',
  kind: 'encryption',
  unsupported: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'],
  negotiation: 'proposal-dropped',
  statement: 'OpenIKED\'s portable build on Linux (Debian 12, 7.2) has no AEAD ESP cipher (AES-GCM, ChaCha20-Poly1305): parse.y drops such a proposal, so the child gets NO_PROPOSAL_CHOSEN.',
  provenance: 'verified',
  source: 'openiked-portable 7.2 parse.y (HAVE_LINUX_PFKEY_H: "Linux pfkey does not support AES-GCM"); verified: OpenIKED 7.2 iked against strongSwan 5.9.8 charon, iked log `ikev2_log_proposal: ESP #1 ENCR=AES_GCM_16-128` … `ikev2_add_error: NO_PROPOSAL_CHOSEN`',
};

const IKEV1: ConfigurationLimit = {
  id: 'openiked.ikev1',
  statement: 'OpenIKED runs IKEv2 only (iked.conf has only `ikev2` policies); the export writes this tunnel as IKEv2. Use IKEv2 on both ends.',
  provenance: 'documented',
  source: `${CONFIG_SYNTAX}; iked(8): "Internet Key Exchange version 2 (IKEv2) daemon"`,
  fix: { label: 'Use IKEv2', commands: ({ tunnelId, end }) => [{ type: 'tunnelEnd.update', tunnelId, end, changes: { ikeVersion: 2 } }] },
};

export const capabilities: VendorCapabilities = {
  algorithmLimits: [LINUX_AEAD, ...notConfigurable('openiked', 'OpenIKED 7.2', CONFIG_SYNTAX, NOT_CONFIGURABLE, [LINUX_AEAD])],
  capacity: { models: [], eachProxyIdCounts: false },
  valuesUnbounded: { statement: 'iked.conf `ikelifetime` / `lifetime` take any time value; no documented bound.', source: `${CONFIG_SYNTAX}, "lifetime"` },
  configurationLimits: (_gateway, end) => (end.ikeVersion === 1 ? [IKEV1] : []),
};
