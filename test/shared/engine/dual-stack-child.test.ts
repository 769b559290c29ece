// A named strongSwan child is two selector lists (swanctl local_ts / remote_ts), so an IPv6 local
// beside an IPv4-only remote list is kept, as charon does (oracle case gen-4 and the probe
// probe-v2-dual-stack-local-v4-only-remote). Other products pair selectors: there, a mixed pair
// is a mistake.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import type { TunnelId } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';

function pair(vendor: 'strongswan' | 'panos', name: string) {
  const b = new TopologyBuilder('t');
  const a = b.gateway({ name: 'A', vendor, outside: '192.0.2.1/24', position: { x: 0, y: 0 } });
  const c = b.gateway({ name: 'B', vendor, outside: '192.0.2.2/24', position: { x: 0, y: 0 } });
  b.tunnel('t', a, c, {
    ikeVersion: 2,
    a: { proxyIds: [{ name, local: 'fd00:1::/64', remote: '10.2.0.0/24' }, { name, local: '10.1.0.0/24', remote: '10.2.0.0/24' }] },
    b: { proxyIds: [{ name: 'y', local: '10.2.0.0/24', remote: 'fd00:1::/64' }, { name: 'y', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] },
  });
  return negotiateTunnel(b.build(), 'tun-1' as TunnelId);
}

describe('dual-stack selector lists', () => {
  it('strongSwan keeps both families of a named child and narrows each list on its own', () => {
    const r = pair('strongswan', 'x');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('MIXED_ADDRESS_FAMILIES');
    expect(r.phase2).toHaveLength(1);
    expect(r.phase2[0]!.status).toBe('up');
    expect(new Set(r.phase2[0]!.negotiated!.local)).toEqual(new Set(['fd00:1::/64', '10.1.0.0/24']));
    expect(r.phase2[0]!.negotiated!.remote).toEqual(['10.2.0.0/24']);
  });

  it('a product that pairs selectors reports the mixed pair', () => {
    expect(pair('panos', 'x').diagnostics.map((d) => d.code)).toContain('MIXED_ADDRESS_FAMILIES');
  });
});
