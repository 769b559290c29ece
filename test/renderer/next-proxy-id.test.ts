import { describe, expect, it } from 'vitest';
import { nextProxyId } from '../../renderer/inspector/ProxyIdTable';
import { panAsaInterop } from '../../shared/templates/pan-asa-interop';
import { screenosMultiProxyId } from '../../shared/templates/screenos-multi-proxy-id';
import type { NetworkId } from '../../shared/model/document';

describe('"+ Selector" pre-fills from the networks behind the two gateways', () => {
  it('offers a network pair no selector of this end has yet', () => {
    const doc = screenosMultiProxyId();
    const t = doc.tunnels[0]!;
    const end = { ...t.a, proxyIds: t.a.proxyIds.slice(0, 1) };
    const next = nextProxyId(doc, { ...t, a: end }, 'a');
    const have = `${end.proxyIds[0]!.local} ${end.proxyIds[0]!.remote}`;
    const local = doc.networks.filter((n) => n.gatewayId === t.a.gatewayId).map((n) => n.address);
    const remote = doc.networks.filter((n) => n.gatewayId === t.b.gatewayId).map((n) => n.address);
    expect(local).toContain(next.local);
    expect(remote).toContain(next.remote);
    expect(`${next.local} ${next.remote}`).not.toBe(have);
    expect(next).toMatchObject({ name: '', protocol: 'any', localPort: 'any', remotePort: 'any' });
  });

  it('from the other end, local and remote are that end\'s', () => {
    const doc = panAsaInterop();
    const t = doc.tunnels[0]!;
    const next = nextProxyId(doc, { ...t, b: { ...t.b, proxyIds: [] } }, 'b');
    expect(doc.networks.find((n) => n.address === next.local)?.gatewayId).toBe(t.b.gatewayId);
    expect(doc.networks.find((n) => n.address === next.remote)?.gatewayId).toBe(t.a.gatewayId);
  });

  it('never pairs an IPv4 network with an IPv6 one, and copies the last selector when every pair is used', () => {
    const doc = panAsaInterop();
    const t = doc.tunnels[0]!;
    const v6 = doc.networks.map((n) => (n.gatewayId === t.b.gatewayId ? { ...n, id: `${n.id}-6` as NetworkId, address: '2001:db8:2::/64' } : n)).filter((n) => n.gatewayId === t.b.gatewayId || n.gatewayId === t.a.gatewayId);
    const onlyV6Remote = { networks: v6 };
    const last = { name: 'x', local: '192.0.2.0/24', remote: '198.51.100.0/24', protocol: 'tcp' as const, localPort: 'any', remotePort: '443' };
    const next = nextProxyId(onlyV6Remote, { ...t, a: { ...t.a, proxyIds: [last] } }, 'a');
    expect(next).toEqual({ ...last, name: '' });
  });
});
