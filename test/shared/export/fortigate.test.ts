// FortiGate export: what FortiOS would refuse to load or would read differently from the design
// (issue 13), each against the FortiOS 7.4.6 CLI Reference, "config vpn ipsec phase1-interface"
// and "config vpn ipsec phase2-interface" (the limits in shared/vendors/fortigate/ cite the same sections).
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import type { TopologyDocument, TunnelEnd } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';

function pair(opts: { changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>; psk?: string; vpnType?: 'route-based' | 'policy-based'; name?: string; proxyIds?: { local: string; remote: string }[] } = {}): TopologyDocument {
  const b = new TopologyBuilder('fortigate');
  const a = b.gateway({ name: 'A', vendor: 'fortigate', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }], ...(opts.vpnType ? { vpnType: opts.vpnType } : {}) });
  const c = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 500, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const pids = opts.proxyIds ?? [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }];
  b.tunnel(opts.name ?? 't1', a, c, { ikeVersion: 2, ...(opts.psk ? { psk: opts.psk } : {}), a: { proxyIds: pids, routes: ['10.2.0.0/24'], ...(opts.changes ? { changes: opts.changes } : {}) }, b: { proxyIds: pids.map((p) => ({ local: p.remote, remote: p.local })) } });
  return b.build();
}

const fileOf = (doc: TopologyDocument, includeSecrets = false) => {
  const r = exportDocument(doc, { gateways: ['A'], skipEngineCheck: true, includeSecrets });
  return { text: r.files.map((f) => f.content).join('\n'), warnings: r.warnings.filter((w) => w.gateway === 'A') };
};

const esp = (kb: number | undefined, seconds = 3600) => ({ esp: { mode: 'tunnel' as const, proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups: [14 as const] }], lifetimeSeconds: seconds, ...(kb !== undefined ? { lifetimeKilobytes: kb } : {}) } });

describe('FortiGate export (issue 13)', () => {
  it('keylifekbs is never written below 5120 (FOS-746: 5120-4294967295), and the adjustment is said', () => {
    const { text, warnings } = fileOf(pair({ changes: esp(4096) }));
    expect(text).not.toMatch(/keylifekbs 4096\b/);
    expect(text).toMatch(/set keylifekbs 5120\b/);
    expect(warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes('4096'))).toBe(true);
  });

  it('keylifeseconds and keylife stay within 120-172800 s, with a warning naming the value', () => {
    const { text, warnings } = fileOf(pair({ changes: { ...esp(undefined, 100), ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 200000 } } }));
    expect(text).toMatch(/set keylifeseconds 120\b/);
    expect(text).toMatch(/set keylife 172800\b/);
    expect(warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes('100'))).toBe(true);
    expect(warnings.some((w) => w.code === 'LIFETIME_ADJUSTED' && w.message.includes('200000'))).toBe(true);
  });

  it('the engine reports a kilobyte lifetime below 5120 before export', () => {
    const d = computeReport(pair({ changes: esp(4096) })).tunnels[0]?.diagnostics.filter((x) => x.code === 'VALUE_OUT_OF_RANGE') ?? [];
    expect(d.map((x) => x.fixLabel)).toEqual(['Use 5120 KB']);
  });

  it('selector-match is never written in phase2-interface (a policy-mode phase2 setting only), and the option says so', () => {
    const { text, warnings } = fileOf(pair({ changes: { vendorOptions: { fortigate: { selectorMatch: 'exact' } } } }));
    expect(text).not.toMatch(/^\s*set selector-match/m);
    expect(warnings.some((w) => w.code === 'SETTING_UNSUPPORTED' && w.message.includes('selector-match'))).toBe(true);
  });

  it('a remote ID is enforced: peertype one with peerid, peertype any without', () => {
    const withId = fileOf(pair({ changes: { auth: { method: 'psk', psk: 'k', remoteId: { type: 'fqdn', value: 'b.example.net' } } } })).text;
    expect(withId).toMatch(/set peertype one\n\s+set net-device disable[\s\S]*set peerid "b\.example\.net"/);
    expect(withId).not.toContain('peertype any');
    expect(fileOf(pair()).text).toContain('set peertype any');
  });

  it('a key with a double quote or backslash reaches FortiOS unchanged: escaped, never dropped', () => {
    const { text, warnings } = fileOf(pair({ psk: 'ab"c\\d' }), true);
    expect(text).toContain('set psksecret "ab\\"c\\\\d"');
    expect(warnings.filter((w) => w.code === 'VALUE_UNSUPPORTED')).toEqual([]);
  });

  it('a plain key starting with 0x is hex-encoded too (FortiOS would read it as hex)', () => {
    const { text } = fileOf(pair({ psk: '0x1234' }), true);
    expect(text).toContain(`set psksecret 0x${Buffer.from('0x1234').toString('hex')}`);
  });

  it('an ordinary key is written as it is', () => {
    expect(fileOf(pair({ psk: 'plain-key-123' }), true).text).toContain('set psksecret "plain-key-123"');
  });

  it('phase1-interface names are at most 15 characters and phase2-interface names at most 35', () => {
    const pids = Array.from({ length: 12 }, (_, i) => ({ local: `10.1.${i}.0/24`, remote: '10.2.0.0/24' }));
    const { text } = fileOf(pair({ name: 'a-rather-long-tunnel-name-for-fortios-and-more', proxyIds: pids }));
    const blocks = text.split(/^config /m);
    const names = (table: string) => [...(blocks.find((b) => b.startsWith(table)) ?? '').matchAll(/^\s+edit "([^"]+)"/gm)].map((m) => m[1] as string);
    expect(names('vpn ipsec phase1-interface').length).toBe(1);
    for (const n of names('vpn ipsec phase1-interface')) expect(n.length).toBeLessThanOrEqual(15);
    expect(names('vpn ipsec phase2-interface').length).toBe(12);
    for (const n of names('vpn ipsec phase2-interface')) expect(n.length).toBeLessThanOrEqual(35);
  });

  it('an AEAD phase-1 proposal names only a PRF FortiOS has (no prfmd5), and says what it left out', () => {
    const { text, warnings } = fileOf(pair({ changes: { ike: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['md5', 'sha384'], dhGroups: [20] }], lifetimeSeconds: 28800 } } }));
    expect(text).toMatch(/set proposal aes256gcm-prfsha384\n/);
    expect(text).not.toContain('prfmd5');
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && /PRF md5/.test(w.message))).toBe(true);
  });

  describe('a box already in production', () => {
    const withSecondNetwork = (route: boolean) => {
      const doc = pair();
      const gw = doc.gateways[0] as TopologyDocument['gateways'][number];
      const inner = gw.interfaces.find((x) => x.address?.startsWith('10.1.0.1')) as { name: string };
      doc.networks.push({ ...(doc.networks[0] as TopologyDocument['networks'][number]), id: 'net-9' as TopologyDocument['networks'][number]['id'], name: 'Second LAN', address: '10.5.0.0/16' });
      if (route) gw.routes.push({ destination: '10.5.0.0/16', interface: inner.name, nextHop: '10.1.0.254' });
      return { doc, inner: inner.name };
    };

    it('a route to a second inside network is written with its next hop, and not said to be left out', () => {
      const { doc, inner } = withSecondNetwork(true);
      const { text, warnings } = fileOf(doc);
      expect(text).toContain(`        set dst 10.5.0.0 255.255.0.0\n        set gateway 10.1.0.254\n        set device "${inner}"`);
      expect(warnings.filter((w) => w.code === 'ROUTE_MISSING' || /route/.test(w.code === 'SETTING_UNSUPPORTED' ? w.message : ''))).toEqual([]);
    });

    it('a second inside network with no route in the design is said', () => {
      const { warnings } = fileOf(withSecondNetwork(false).doc);
      expect(warnings.filter((w) => w.code === 'ROUTE_MISSING').map((w) => w.message)).toEqual([expect.stringContaining('10.5.0.0/16')]);
    });

    it('the interfaces it assumes are said, with their addresses', () => {
      const { warnings } = fileOf(pair());
      const w = warnings.find((x) => x.code === 'INTERFACE_ASSUMED');
      expect(w?.message).toContain('198.51.100.1/24');
      expect(w?.message).toContain('10.1.0.1/24');
    });
  });
});
