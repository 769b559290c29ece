// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { Encryption, Integrity } from '../../model/document';
import type { VendorCapabilities } from '../kit/capabilities';

const AEAD: readonly Encryption[] = ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'];
const SHA2: readonly Integrity[] = ['sha256', 'sha384', 'sha512'];

export const capabilities: VendorCapabilities = {
  algorithmLimits: [
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
      id: 'asa.ikev1-esp-aead',
      ikeVersion: 1,
      phase: 'esp',
      kind: 'encryption',
      unsupported: AEAD,
      statement: 'An ASA IKEv1 transform set has no AES-GCM or ChaCha20-Poly1305 (AES-GCM is an IKEv2 IPsec proposal option).',
      provenance: 'documented',
      source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "Configure IPsec" (crypto ipsec ikev1 transform-set: esp-des, esp-3des, esp-aes, esp-aes-192, esp-aes-256, esp-null)',
    },
  ],
  capacity: {
    models: [
      { model: 'ASA 5516-X', tunnels: 300, source: 'Cisco ASA 5500-X datasheet, "IPsec site-to-site VPN peers"', provenance: 'assumed' },
    ],
    eachProxyIdCounts: false,
  },
};
