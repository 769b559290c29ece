// The meaning comparison's own rules (test/support/meaning.ts), where a product's reading is
// right and a naive comparison would call it a difference.
import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../shared/model/document';
import type { ConfigMeaning, PeerMeaning } from '../../shared/vendors/kit/reader';
import type { ExportWarning } from '../../shared/vendors/kit/export/types';
import { unexplainedDifferences } from './meaning';

const gateway = { name: 'A' } as Gateway;
const peer = (changes: Partial<PeerMeaning> = {}): PeerMeaning => ({
  remoteAddress: '192.0.2.2',
  ikeVersion: 2,
  ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 },
  auth: { method: 'psk' },
  children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['sha256', 'sha1'], dhGroups: [14] }], lifetimeSeconds: 3600 } }],
  routes: [],
  ...changes,
});
const of = (p: PeerMeaning): ConfigMeaning => ({ peers: [p] });

describe('meaning comparison', () => {
  it('an ESP AEAD cipher read back without integrity means what the design says with any integrity beside it', () => {
    const read = peer({ children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: [], dhGroups: [14] }], lifetimeSeconds: 3600 } }] });
    expect(unexplainedDifferences(of(peer()), of(read), [], gateway, ['t'])).toEqual([]);
  });

  it('an IKE AEAD cipher keeps its integrity (the PRF) in the comparison', () => {
    const want = peer({ ike: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['sha384'], dhGroups: [20] }], lifetimeSeconds: 28800 } });
    const read = peer({ ike: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['sha256'], dhGroups: [20] }], lifetimeSeconds: 28800 } });
    expect(unexplainedDifferences(of(want), of(read), [], gateway, ['t']).length).toBe(1);
  });

  it('routes into the tunnel of a policy-based design written route-based are explained by VPN_TYPE_ADJUSTED, and only by it', () => {
    const read = peer({ routes: ['10.2.0.0/24'] });
    const adjusted: ExportWarning = { code: 'VPN_TYPE_ADJUSTED', gateway: 'A', message: 'written route-based' } as ExportWarning;
    expect(unexplainedDifferences(of(peer()), of(read), [adjusted], gateway, ['t'])).toEqual([]);
    expect(unexplainedDifferences(of(peer()), of(read), [], gateway, ['t']).length).toBe(1);
  });

  it('a tunnel refused for its algorithms is explained by the warning, and only by such a warning', () => {
    const refused = { code: 'ALGORITHM_UNSUPPORTED', gateway: 'A', tunnel: 't', message: 'not written' } as ExportWarning;
    expect(unexplainedDifferences(of(peer()), { peers: [] }, [refused], gateway, ['t'])).toEqual([]);
    expect(unexplainedDifferences(of(peer()), { peers: [] }, [{ ...refused, code: 'SELECTOR_UNSUPPORTED' }], gateway, ['t'])).toEqual([]);
    expect(unexplainedDifferences(of(peer()), { peers: [] }, [], gateway, ['t']).length).toBe(1);
  });
});
