// What this product can be configured with. Model numbers from the datasheets named, not re-checked
// against a copy here: `assumed`.
import type { Encryption } from '../../model/document';
import type { VendorCapabilities } from '../kit/capabilities';

const AEAD: readonly Encryption[] = ['aes128gcm16', 'aes256gcm16', 'chacha20poly1305'];

export const capabilities: VendorCapabilities = {
  algorithmLimits: [
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
  ],
  capacity: {
    models: [],
    eachProxyIdCounts: false,
  },
};
