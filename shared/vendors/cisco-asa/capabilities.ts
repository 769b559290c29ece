// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { Encryption, Integrity } from '../../model/document';
import { notConfigurable, type AlgorithmLimit, type NotConfigurable, type ValueLimit, type ValueSetting, type VendorCapabilities } from '../kit/capabilities';

const AEAD: readonly Encryption[] = ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'];
const SHA2: readonly Integrity[] = ['sha256', 'sha384', 'sha512'];

/** The document the product's configuration syntax follows (its exporter, ./export.ts, writes from it). */
const CONFIG_SYNTAX = 'Cisco ASA Series VPN CLI Configuration Guide 9.x ("IPsec and ISAKMP", "LAN-to-LAN IPsec VPNs") and identity NAT for VPN';

/**
 * Algorithms the product's configuration has no statement for, per phase and IKE version: what
 * its exporter cannot write, so what the engine reports as ALGORITHM_UNSUPPORTED and the
 * inspector does not offer (test/shared/vendors/capabilities.test.ts holds the exporter to it).
 */
const NOT_CONFIGURABLE: NotConfigurable = {
  ike: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null'], integrity: ['sha256', 'sha384', 'sha512'], dhGroup: [17, 18, 19, 20, 21, 24, 31, 32] },
    2: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 32] },
  },
  esp: {
    1: { encryption: ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'], dhGroup: [17, 18, 32] },
    2: { encryption: ['chacha20poly1305'], dhGroup: [17, 18, 32] },
  },
};


/** Limits with their own source, sharper than the configuration syntax alone. */
const HAND_WRITTEN: readonly AlgorithmLimit[] = [
  {
    id: 'asa.ikev1-hash',
    ikeVersion: 1,
    phase: 'ike',
    kind: 'integrity',
    unsupported: SHA2,
    statement: 'An ASA IKEv1 policy hashes with sha (SHA-1) or md5 only; SHA-2 is offered for IKEv2 policies.',
    provenance: 'documented',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IKE Policies" (crypto ikev1 policy hash sha | md5; SHA-2 options are for IKEv2)',
  },
  {
    id: 'asa.ikev1-aead',
    ikeVersion: 1,
    phase: 'ike',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'An ASA IKEv1 policy has no AES-GCM or ChaCha20-Poly1305 encryption (AES-GCM is an IKEv2 policy option).',
    provenance: 'documented',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IKE Policies" (crypto ikev1 policy encryption des | 3des | aes | aes-192 | aes-256)',
  },
  {
    // Issue 13 asked from which ASA release an IKEv1 transform set takes SHA-2: none was found.
    // The ASA 9.x guide's transform-set keywords are esp-md5-hmac, esp-sha-hmac and esp-none; the
    // FTD/FMC IKEv1 IPsec proposal of the same IKE engine offers ESP hash SHA, MD5, NONE only, and
    // Cisco's CDO hash page says the SHA-2 options "are available for IKEv2 configurations". The
    // exporter writes no SHA-2 transform set, so the engine says so before export.
    id: 'asa.ikev1-esp-sha2',
    ikeVersion: 1,
    phase: 'esp',
    kind: 'integrity',
    unsupported: SHA2,
    statement: 'An ASA IKEv1 transform set authenticates with esp-sha-hmac (SHA-1), esp-md5-hmac or esp-none only; SHA-2 integrity is an IKEv2 IPsec proposal option (protocol esp integrity sha-256 …), in every ASA 9.x release found.',
    provenance: 'assumed',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "IPsec and ISAKMP" > crypto ipsec ikev1 transform-set (esp-md5-hmac | esp-sha-hmac | esp-none); Cisco Network as Code, FMC "IKEv1 IPSec Proposal" (esp_hash SHA, NONE, MD5); Cisco Defense Orchestrator, "Decide which hash algorithms to use" (SHA-2 "available for IKEv2 configurations")',
  },
  {
    id: 'asa.ikev1-esp-aead',
    ikeVersion: 1,
    phase: 'esp',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'An ASA IKEv1 transform set has no AES-GCM or ChaCha20-Poly1305 (AES-GCM is an IKEv2 IPsec proposal option).',
    provenance: 'documented',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IPsec" (crypto ipsec ikev1 transform-set: esp-des, esp-3des, esp-aes, esp-aes-192, esp-aes-256, esp-null)',
  },
];

/** The number ranges of the ASA's VPN statements, with where each comes from. */
const VALUE_LIMITS: Partial<Record<ValueSetting, ValueLimit>> = {
  ikeLifetimeSeconds: {
    min: 120,
    max: 2147483647,
    statement: 'crypto ikev1|ikev2 policy: lifetime <120-2147483647> seconds',
    // The ASA guide's table was not readable in the stored copy; the range is the FTD API's for the same IKE engine.
    provenance: 'assumed',
    source: 'Cisco Firepower Device Manager REST API reference, addIkevOnePolicy/addIkevTwoPolicy (lifeTime "from 120 to 2147483647"); Cisco ASA Series VPN CLI Configuration Guide 9.x, "IPsec and ISAKMP" > Configure IKE Policies',
  },
  espLifetimeSeconds: {
    min: 120,
    max: 2147483647,
    statement: 'crypto map <name> <seq> set security-association lifetime seconds <120-2147483647>',
    provenance: 'assumed',
    source: 'Cisco ASA Series Command Reference, crypto map set security-association lifetime (range not read in a stored copy: the IKE lifetime range of the same engine, 120-2147483647, assumed)',
  },
  espLifetimeKilobytes: {
    min: 10,
    max: 2147483647,
    statement: 'crypto map <name> <seq> set security-association lifetime kilobytes <10-2147483647>',
    provenance: 'assumed',
    source: 'Cisco ASA Series Command Reference, crypto map set security-association lifetime (range not read in a stored copy; assumed)',
  },
  dpdIntervalSeconds: {
    min: 10,
    max: 3600,
    statement: 'tunnel-group <peer> ipsec-attributes: isakmp keepalive threshold <10-3600> retry <2-10>',
    provenance: 'assumed',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Connection Profiles" > IPsec tunnel-group connection parameters, ISAKMP keepalive (range not read in a stored copy; assumed)',
  },
};

export const capabilities: VendorCapabilities = {
  valueLimits: () => VALUE_LIMITS,
  algorithmLimits: [...HAND_WRITTEN, ...notConfigurable('cisco-asa', "Cisco ASA", CONFIG_SYNTAX, NOT_CONFIGURABLE, HAND_WRITTEN)],
  capacity: {
    models: [
      { model: 'ASA 5516-X', tunnels: 300, source: 'Cisco ASA 5500-X datasheet, "IPsec site-to-site VPN peers"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
};
