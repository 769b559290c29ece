// The read-back comparison (test/support/meaning.ts) excuses a difference only with the warning
// that explains it: a tunnel the exporter left out whole, routes gone when the export made the
// gateway policy-based, an IPv6 route left out of an IPv4 tunnel.
import { describe, expect, it } from 'vitest';
import { newGateway } from '../../../shared/document/factory';
import type { ExportWarning, ExportWarningCode } from '../../../shared/vendors/kit/export/types';
import type { ConfigMeaning, PeerMeaning } from '../../../shared/vendors/kit/reader';
import { unexplainedDifferences } from '../../support/meaning';

const gateway = newGateway({ id: 'g', name: 'G', vendor: 'strongswan', position: { x: 0, y: 0 } });
const peer = (routes: string[]): PeerMeaning => ({ remoteAddress: '203.0.113.2', ikeVersion: 2, ike: { proposals: [] }, auth: { method: 'psk' }, children: [], routes });
const warn = (code: ExportWarningCode, tunnel?: string): ExportWarning => ({ code, gateway: 'G', ...(tunnel ? { tunnel } : {}), message: '' });
const diff = (want: ConfigMeaning, got: ConfigMeaning, warnings: ExportWarning[]) => unexplainedDifferences(want, got, warnings, gateway, ['t']);

describe('read-back differences and the warnings that explain them', () => {
  it('a tunnel left out whole is explained by TUNNEL_NOT_WRITTEN for that tunnel only', () => {
    expect(diff({ peers: [peer([])] }, { peers: [] }, [warn('TUNNEL_NOT_WRITTEN', 't')])).toEqual([]);
    expect(diff({ peers: [peer([])] }, { peers: [] }, [warn('TUNNEL_NOT_WRITTEN', 'other')])).toHaveLength(1);
    expect(diff({ peers: [peer([])] }, { peers: [] }, [])).toHaveLength(1);
  });

  it('routes missing are explained when the export made the gateway policy-based', () => {
    expect(diff({ peers: [peer(['10.2.0.0/24'])] }, { peers: [peer([])] }, [warn('VPN_TYPE_ADJUSTED')])).toEqual([]);
    expect(diff({ peers: [peer(['10.2.0.0/24'])] }, { peers: [peer([])] }, [])).toHaveLength(1);
  });

  it('an IPv6 route left out is explained by IPV6_UNSUPPORTED, a route read that the design lacks is not', () => {
    expect(diff({ peers: [peer(['10.2.0.0/24', '2001:db8:2::/64'])] }, { peers: [peer(['10.2.0.0/24'])] }, [warn('IPV6_UNSUPPORTED', 't')])).toEqual([]);
    expect(diff({ peers: [peer(['10.2.0.0/24'])] }, { peers: [peer(['10.2.0.0/24', '10.9.0.0/24'])] }, [warn('IPV6_UNSUPPORTED', 't')])).toHaveLength(1);
  });

  it('ESP with an AEAD cipher means no integrity, whatever the design lists with it; IKE keeps its integrity (the PRF)', () => {
    const gcm = (integrity: PeerMeaning['ike']['proposals'][number]['integrity']) => [{ encryption: ['aes256gcm16' as const], integrity, dhGroups: [14 as const] }];
    const withEsp = (integrity: PeerMeaning['ike']['proposals'][number]['integrity']): PeerMeaning => ({ ...peer([]), children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', esp: { proposals: gcm(integrity) } }] });
    expect(diff({ peers: [withEsp(['sha256'])] }, { peers: [withEsp(['none'])] }, [])).toEqual([]);
    const withIke = (integrity: PeerMeaning['ike']['proposals'][number]['integrity']): PeerMeaning => ({ ...peer([]), ike: { proposals: gcm(integrity) } });
    expect(diff({ peers: [withIke(['sha256'])] }, { peers: [withIke(['none'])] }, [])).toHaveLength(1);
  });

  it('a single any-to-any child read back is explained by SELECTOR_UNSUPPORTED (a static VTI), narrower selectors are not', () => {
    const child = (local: string, remote: string): PeerMeaning['children'][number] => ({ local, remote, esp: { proposals: [] } });
    const want: PeerMeaning = { ...peer([]), children: [child('10.1.0.0/24', '10.2.0.0/24')] };
    expect(diff({ peers: [want] }, { peers: [{ ...peer([]), children: [child('0.0.0.0/0', '0.0.0.0/0')] }] }, [warn('SELECTOR_UNSUPPORTED', 't')])).toEqual([]);
    expect(diff({ peers: [want] }, { peers: [{ ...peer([]), children: [child('0.0.0.0/0', '0.0.0.0/0')] }] }, [])).toHaveLength(1);
    expect(diff({ peers: [want] }, { peers: [{ ...peer([]), children: [child('10.1.0.0/16', '10.2.0.0/24')] }] }, [warn('SELECTOR_UNSUPPORTED', 't')])).toHaveLength(1);
  });
});
