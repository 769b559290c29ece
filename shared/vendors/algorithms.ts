// Algorithms a product cannot be configured with, per IKE version. A design that asks for one
// describes a box that cannot exist, so its negotiation verdict means little: the engine reports
// ALGORITHM_UNSUPPORTED (and the exporters warn on the line). Only limits with a source are
// listed; a product without rows here is not checked.
import type { Encryption, EspProposal, IkeProposal, Integrity, TunnelEnd, Vendor } from '../model/document';
import type { Provenance } from '../vocabulary/provenance';

export interface AlgorithmLimit {
  id: string;
  vendor: Vendor;
  /** Only with this IKE version; both when absent. */
  ikeVersion?: 1 | 2;
  phase: 'ike' | 'esp';
  kind: 'encryption' | 'integrity';
  unsupported: readonly (Encryption | Integrity)[];
  statement: string;
  provenance: Provenance;
  source: string;
}

const AEAD: readonly Encryption[] = ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'];
const SHA2: readonly Integrity[] = ['sha256', 'sha384', 'sha512'];

export const ALGORITHM_LIMITS: readonly AlgorithmLimit[] = [
  {
    id: 'asa.ikev1-hash',
    vendor: 'cisco-asa',
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
    vendor: 'cisco-asa',
    ikeVersion: 1,
    phase: 'ike',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'An ASA IKEv1 policy has no AES-GCM or ChaCha20-Poly1305 encryption (AES-GCM is an IKEv2 policy option).',
    provenance: 'documented',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IKE Policies" (crypto ikev1 policy encryption des | 3des | aes | aes-192 | aes-256)',
  },
  {
    id: 'asa.ikev1-esp-aead',
    vendor: 'cisco-asa',
    ikeVersion: 1,
    phase: 'esp',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'An ASA IKEv1 transform set has no AES-GCM or ChaCha20-Poly1305 (AES-GCM is an IKEv2 IPsec proposal option).',
    provenance: 'documented',
    source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IPsec" (crypto ipsec ikev1 transform-set: esp-des, esp-3des, esp-aes, esp-aes-192, esp-aes-256, esp-null)',
  },
  {
    id: 'strongswan.ikev1-aead',
    vendor: 'strongswan',
    ikeVersion: 1,
    phase: 'ike',
    kind: 'encryption',
    unsupported: AEAD,
    statement: 'charon cannot use an AEAD cipher (AES-GCM, ChaCha20-Poly1305) for an IKEv1 SA.',
    provenance: 'verified',
    source: 'strongSwan 5.9.8 in the oracle harness: IKEv1 with AEAD IKE proposals does not negotiate (test/oracle/export-swanctl.test.ts)',
  },
];

export interface UnsupportedAlgorithm {
  limit: AlgorithmLimit;
  algorithm: Encryption | Integrity;
  proposalIndex: number;
}

function proposalAlgorithms(p: IkeProposal | EspProposal, kind: AlgorithmLimit['kind']): readonly string[] {
  return (kind === 'encryption' ? p.encryption : p.integrity) ?? [];
}

/** Every algorithm in this end's proposals that its product cannot be configured with. */
export function unsupportedAlgorithms(vendor: Vendor, end: TunnelEnd): UnsupportedAlgorithm[] {
  const out: UnsupportedAlgorithm[] = [];
  for (const limit of ALGORITHM_LIMITS) {
    if (limit.vendor !== vendor || (limit.ikeVersion !== undefined && limit.ikeVersion !== end.ikeVersion)) continue;
    const proposals: readonly (IkeProposal | EspProposal)[] = (limit.phase === 'ike' ? end.ike?.proposals : end.esp?.proposals) ?? [];
    proposals.forEach((p, proposalIndex) => {
      for (const algorithm of proposalAlgorithms(p, limit.kind)) {
        if ((limit.unsupported as readonly string[]).includes(algorithm)) out.push({ limit, algorithm: algorithm as Encryption | Integrity, proposalIndex });
      }
    });
  }
  return out;
}

/**
 * The algorithms of one kind a product cannot be configured with for this IKE version and phase,
 * each with the reason, for editors that offer only what the product has.
 */
export function unavailableAlgorithms(vendor: Vendor, ikeVersion: 1 | 2, phase: AlgorithmLimit['phase'], kind: AlgorithmLimit['kind']): Map<Encryption | Integrity, string> {
  const out = new Map<Encryption | Integrity, string>();
  for (const limit of ALGORITHM_LIMITS) {
    if (limit.vendor !== vendor || limit.phase !== phase || limit.kind !== kind || (limit.ikeVersion !== undefined && limit.ikeVersion !== ikeVersion)) continue;
    for (const a of limit.unsupported) if (!out.has(a)) out.set(a, limit.statement);
  }
  return out;
}
