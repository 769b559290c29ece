// The read-back comparison itself (test/support/meaning.ts): differences a warning of the export
// explains pass, the same differences without that warning are reported, and equal meanings of
// different spellings (an AEAD cipher's integrity, a PRF left to the product) are not differences.
import { describe, expect, it } from 'vitest';
import { newGateway } from '../../shared/document/factory';
import type { ExportWarning, ExportWarningCode } from '../../shared/vendors/kit/export/types';
import type { ConfigMeaning, PeerMeaning, ProposalMeaning } from '../../shared/vendors/kit/reader';
import { unexplainedDifferences } from './meaning';

const gateway = newGateway({ id: 'a', name: 'A', vendor: 'strongswan', position: { x: 0, y: 0 } });
const P = (encryption: string[], integrity: string[], dhGroups: number[]) => ({ encryption, integrity, dhGroups }) as ProposalMeaning;

function peer(changes: Partial<PeerMeaning> = {}): PeerMeaning {
  return {
    remoteAddress: '203.0.113.2',
    localAddress: '198.51.100.1',
    ikeVersion: 2,
    ike: { proposals: [P(['aes256'], ['sha256'], [14])], lifetimeSeconds: 28800 },
    auth: { method: 'psk' },
    dpd: { intervalSeconds: 10 },
    children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24[tcp/443]', esp: { proposals: [P(['aes256'], ['sha256'], [14])], lifetimeSeconds: 3600 } }],
    routes: ['10.2.0.0/24'],
    ...changes,
  };
}
const meaning = (...peers: PeerMeaning[]): ConfigMeaning => ({ peers });
const warned = (...codes: ExportWarningCode[]): ExportWarning[] => codes.map((code) => ({ code, gateway: 'A', tunnel: 't1', message: code }));
const diff = (intended: PeerMeaning, read: PeerMeaning | undefined, warnings: ExportWarning[] = []) => unexplainedDifferences(meaning(intended), read ? meaning(read) : meaning(), warnings, gateway, ['t1']);

describe('the read-back comparison', () => {
  it('finds no difference between equal meanings', () => {
    expect(diff(peer(), peer())).toEqual([]);
  });

  it('reports a lifetime read back otherwise, unless a warning says it was adjusted', () => {
    const read = peer({ ike: { ...peer().ike, lifetimeSeconds: 86400 } });
    expect(diff(peer(), read)).toHaveLength(1);
    expect(diff(peer(), read, warned('LIFETIME_ADJUSTED'))).toEqual([]);
    // A warning about another tunnel explains nothing here.
    expect(unexplainedDifferences(meaning(peer()), meaning(read), [{ code: 'LIFETIME_ADJUSTED', gateway: 'A', tunnel: 'other', message: '' }], gateway, ['t1'])).toHaveLength(1);
  });

  it('reports routes that are not read back, unless the export says they are not part of the file', () => {
    expect(diff(peer(), peer({ routes: [] }))).toHaveLength(1);
    expect(diff(peer(), peer({ routes: [] }), warned('ROUTES_MANUAL'))).toEqual([]);
    expect(diff(peer(), peer({ routes: [] }), warned('SETTING_UNSUPPORTED'))).toHaveLength(1);
  });

  it('compares selectors without ports only when a warning says a port was left out or cut', () => {
    const read = peer({ children: [{ ...(peer().children[0] as PeerMeaning['children'][number]), remote: '10.2.0.0/24[tcp]' }] });
    expect(diff(peer(), read)).toHaveLength(1);
    expect(diff(peer(), read, warned('PORT_UNSUPPORTED'))).toEqual([]);
    expect(diff(peer(), read, warned('PORT_RANGE_UNSUPPORTED'))).toEqual([]);
    // A port dropped from a selector of protocol any: `[0/…]` compares as the bare prefix.
    const anyProtocol = peer({ children: [{ local: '10.1.0.0/24[0/5000-6000]', remote: '10.2.0.0/24', esp: peer().children[0]?.esp as PeerMeaning['children'][number]['esp'] }] });
    const bare = peer({ children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: peer().children[0]?.esp as PeerMeaning['children'][number]['esp'] }] });
    expect(diff(anyProtocol, bare, warned('PORT_UNSUPPORTED'))).toEqual([]);
    // Another address is never explained by a port warning.
    const other = peer({ children: [{ ...(peer().children[0] as PeerMeaning['children'][number]), remote: '10.3.0.0/24[tcp]' }] });
    expect(diff(peer(), other, warned('PORT_UNSUPPORTED'))).not.toEqual([]);
  });

  it('reads an AEAD cipher in ESP as having no integrity algorithm, whatever the design lists with it', () => {
    const design = peer({ children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: [P(['aes128gcm16', 'aes256'], ['sha256', 'none'], [14])], lifetimeSeconds: 3600 } }] });
    const read = peer({ children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: [P(['aes256'], ['sha256'], [14]), P(['aes128gcm16'], [], [14])], lifetimeSeconds: 3600 } }] });
    expect(diff(design, read)).toEqual([]);
    // But a classic cipher read back without its integrity algorithm is a difference.
    const lost = peer({ children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: [P(['aes256', 'aes128gcm16'], [], [14])], lifetimeSeconds: 3600 } }] });
    expect(diff(design, lost)).toHaveLength(1);
  });

  it('takes any PRF for an IKE cipher whose only integrity is "none", and no other cipher', () => {
    const design = peer({ ike: { proposals: [P(['aes128gcm16'], ['none'], [19])], lifetimeSeconds: 28800 } });
    expect(diff(design, peer({ ike: { proposals: [P(['aes128gcm16'], ['sha256'], [19])], lifetimeSeconds: 28800 } }))).toEqual([]);
    expect(diff(design, peer({ ike: { proposals: [P(['aes256gcm16'], ['sha256'], [19])], lifetimeSeconds: 28800 } }))).toHaveLength(1);
    expect(diff(design, peer({ ike: { proposals: [P(['aes128gcm16'], ['sha256'], [20])], lifetimeSeconds: 28800 } }))).toHaveLength(1);
  });

  it('accepts proposals merged into one (SETTING_UNSUPPORTED) only within every algorithm of the design with every other', () => {
    const design = peer({ ike: { proposals: [P(['aes128'], ['sha256'], [14]), P(['aes256'], ['sha384'], [19])], lifetimeSeconds: 28800 } });
    const merged = peer({ ike: { proposals: [P(['aes128', 'aes256'], ['sha256', 'sha384'], [14, 19])], lifetimeSeconds: 28800 } });
    expect(diff(design, merged)).toHaveLength(1);
    expect(diff(design, merged, warned('SETTING_UNSUPPORTED'))).toEqual([]);
    const beyond = peer({ ike: { proposals: [P(['aes128', 'aes256', '3des'], ['sha256', 'sha384'], [14, 19])], lifetimeSeconds: 28800 } });
    expect(diff(design, beyond, warned('SETTING_UNSUPPORTED'))).toHaveLength(1);
    // The design's own combinations stay inside the envelope when one proposal leaves its PRF to the product.
    const open = peer({ ike: { proposals: [P(['aes192'], ['none'], [24]), P(['aes128'], ['sha384'], [15])], lifetimeSeconds: 28800 } });
    const kept = peer({ ike: { proposals: [P(['aes192'], ['sha256'], [24])], lifetimeSeconds: 28800 } });
    expect(diff(open, kept, warned('SETTING_UNSUPPORTED', 'ALGORITHM_UNSUPPORTED'))).toEqual([]);
  });

  it('compares the tunnels to one peer as one IKE SA only when fewer peers are read back and their IKE settings are the same', () => {
    const child = (remote: string) => ({ local: '10.1.0.0/24', remote, esp: peer().children[0]?.esp as PeerMeaning['children'][number]['esp'] });
    const first = peer({ children: [child('10.2.0.0/24')] });
    const second = peer({ children: [child('10.3.0.0/24')] });
    const shared = peer({ children: [child('10.2.0.0/24'), child('10.3.0.0/24')] });
    expect(unexplainedDifferences(meaning(first, second), meaning(shared), [], gateway, ['t1', 't2'])).toEqual([]);
    // Read back as two peers, each is compared with its own.
    expect(unexplainedDifferences(meaning(first, second), meaning(second, first), [], gateway, ['t1', 't2'])).not.toEqual([]);
    expect(unexplainedDifferences(meaning(first, second), meaning(first, second), [], gateway, ['t1', 't2'])).toEqual([]);
    // Different IKE settings are two IKE SAs: one read back for both is a difference.
    const other = peer({ children: [child('10.3.0.0/24')], ike: { ...peer().ike, lifetimeSeconds: 3600 } });
    expect(unexplainedDifferences(meaning(first, other), meaning(shared), [], gateway, ['t1', 't2'])).not.toEqual([]);
  });

  it('checks a range split into prefixes by addresses alone when a warning says its ports were changed', () => {
    const esp = peer().children[0]?.esp as PeerMeaning['children'][number]['esp'];
    const design = peer({ children: [{ local: '10.1.0.1-10.1.0.2[udp/500-510]', remote: '10.2.0.0/24[udp]', esp }] });
    const split = peer({ children: [{ local: '10.1.0.1/32[udp/500]', remote: '10.2.0.0/24[udp]', esp }, { local: '10.1.0.2/32[udp/500]', remote: '10.2.0.0/24[udp]', esp }] });
    expect(diff(design, split, warned('ADDRESS_RANGE_SPLIT'))).not.toEqual([]);
    expect(diff(design, split, warned('ADDRESS_RANGE_SPLIT', 'PORT_RANGE_UNSUPPORTED'))).toEqual([]);
    const short = peer({ children: [{ local: '10.1.0.1/32[udp/500]', remote: '10.2.0.0/24[udp]', esp }] });
    expect(diff(design, short, warned('ADDRESS_RANGE_SPLIT', 'PORT_RANGE_UNSUPPORTED'))).not.toEqual([]);
  });

  it('reports a peer not read back and one read back that the design does not have', () => {
    expect(diff(peer(), undefined)).toHaveLength(1);
    expect(diff(peer(), undefined, warned('VALUE_UNSUPPORTED'))).toEqual([]);
    expect(unexplainedDifferences(meaning(peer()), meaning(peer(), peer({ remoteAddress: '203.0.113.9' })), [], gateway, ['t1'])).toEqual(['a peer read back that the design does not have: 203.0.113.9']);
  });
});
