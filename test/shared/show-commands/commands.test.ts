import { describe, expect, it } from 'vitest';
import { applyEvent, initialMonitorState, type MonitorEvent, type MonitorState } from '../../../shared/monitor/monitor';
import type { TopologyDocument } from '../../../shared/model/document';
import { runOpsCommand } from '../../../shared/show-commands/commands';
import { vendorModule } from '../../../shared/vendors/registry';
import { TopologyBuilder } from '../../../shared/templates/build';
import { screenosMultiProxyId } from '../../../shared/templates/screenos-multi-proxy-id';
import { exactNegotiator } from '../walk/exact-negotiator';

function run(doc: TopologyDocument, events: MonitorEvent[]): MonitorState {
  return events.reduce((m, e) => applyEvent(doc, m, e, exactNegotiator), initialMonitorState(doc, 0));
}

function text(doc: TopologyDocument, m: MonitorState, gw: string, cmd: string, tunnel?: string): string {
  const g = doc.gateways.find((x) => x.name === gw)!;
  const r = runOpsCommand(doc, m, g, cmd, tunnel);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

function panStrongswan() {
  const b = new TopologyBuilder('pan-sw');
  const pa = b.gateway({ name: 'PA', vendor: 'panos', outside: '198.51.100.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a', address: '10.1.0.0/24' }] });
  const sw = b.gateway({ name: 'SW', vendor: 'strongswan', outside: '203.0.113.2/24', position: { x: 600, y: 300 }, networks: [{ name: 'b', address: '10.2.0.0/24' }] });
  b.tunnel('branch', pa, sw, { a: { proxyIds: [{ name: 'lan', local: '10.1.0.0/24', remote: '10.2.0.0/24' }], routes: ['10.2.0.0/24'] }, b: { proxyIds: [{ name: 'net', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] } });
  return b.build();
}

describe('ScreenOS get sa', () => {
  it('lays out the seed 003 sample: header, one line per direction, Sta from the monitor', () => {
    const doc = screenosMultiProxyId();
    const t = doc.tunnels[0]!;
    const interval = t.a.monitor.intervalSeconds * 1000;
    const m = run(doc, [{ type: 'tick', at: interval }, { type: 'tick', at: interval * (2 + t.a.monitor.threshold) }]);
    const lines = text(doc, m, 'GATEWAY-1', 'get sa').trimEnd().split('\n');
    expect(lines[0]).toBe('total configured sa: 4');
    expect(lines[1]).toBe('HEX ID    Gateway         Port Algorithm     SPI      Life:sec kb Sta   PID vsys');
    expect(lines).toHaveLength(2 + 8);
    expect(lines[2]).toMatch(/^00000001< 203\.0\.113\.2 +500 esp:3des\/sha1 +[0-9a-f]{8} +\d+ unlim A\/U +-1 0$/);
    expect(lines[3]).toMatch(/^00000001> 203\.0\.113\.2 +500 esp:3des\/sha1 +[0-9a-f]{8} +\d+ unlim A\/U +-1 0$/);
    expect(lines[4]).toContain(' A/D ');
    // Inbound and outbound SPIs differ; life counts down from 3600 s.
    expect(lines[2]!.split(/\s+/)[4]).not.toBe(lines[3]!.split(/\s+/)[4]);
    expect(Number(lines[2]!.split(/\s+/)[5])).toBe(3600 - (interval * (2 + t.a.monitor.threshold) - interval) / 1000);
  });

  it('shows I/I and expir before anything is negotiated (KB6134)', () => {
    const doc = screenosMultiProxyId();
    const lines = text(doc, initialMonitorState(doc, 0), 'GATEWAY-1', 'get sa').split('\n');
    expect(lines[2]).toMatch(/ expir unlim I\/I /);
  });
});

describe('PAN-OS commands', () => {
  const doc = panStrongswan();
  const tid = doc.tunnels[0]!.id;
  const m = run(doc, [{ type: 'traffic', at: 1000, tunnelId: tid, end: 'a', index: 0, bytes: 1000 }, { type: 'tick', at: 61_000 }]);

  it('show vpn ike-sa and ipsec-sa follow the seed 000 columns', () => {
    const ike = text(doc, m, 'PA', 'show vpn ike-sa').split('\n');
    expect(ike[0]).toMatch(/^gateway +state +local-ip +remote-ip +local-id +remote-id$/);
    expect(ike[2]).toMatch(/^branch +active +198\.51\.100\.1 +203\.0\.113\.2 /);
    const ipsec = text(doc, m, 'PA', 'show vpn ipsec-sa').split('\n');
    expect(ipsec[0]).toMatch(/^gateway +tunnel +state +local-ip +remote-ip +outer-tfr\(Byte\) +inner-tfr\(Byte\)$/);
    expect(ipsec[2]).toMatch(/^branch +branch:lan +active +198\.51\.100\.1 +203\.0\.113\.2 +1058 +1000 *$/);
  });

  it('detail shows state, remaining lifetime and the negotiated traffic selectors', () => {
    const d = text(doc, m, 'PA', 'show vpn ipsec-sa tunnel <tunnel> detail', 'branch:lan');
    expect(d).toContain('IPSec SA (tunnel branch:lan)');
    expect(d).toContain('State: active');
    expect(d).toContain('Life Time Remaining: 3540 secs');
    expect(d).toContain('Traffic Selectors:\nLocal: 10.1.0.0/24\nRemote: 10.2.0.0/24');
    expect(runOpsCommand(doc, m, doc.gateways[0]!, 'show vpn ipsec-sa tunnel <tunnel> detail', 'nope')).toMatchObject({ ok: false, code: 'UNKNOWN_TUNNEL' });
  });

  it('show vpn flow lists each proxy-ID tunnel with its interface', () => {
    const f = text(doc, m, 'PA', 'show vpn flow');
    expect(f).toMatch(/total IPSec tunnel configured: +1/);
    expect(f).toMatch(/\n1 +branch:lan +active +off +198\.51\.100\.1 +203\.0\.113\.2 +tunnel\.1\n/);
  });
});

describe('strongSwan and Cisco', () => {
  it('swanctl --list-sas prints the IKE SA and the CHILD_SA with matching SPIs on both ends', () => {
    const doc = panStrongswan();
    const tid = doc.tunnels[0]!.id;
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'tick', at: 12_000 }]);
    const s = text(doc, m, 'SW', 'swanctl --list-sas');
    expect(s).toMatch(/^branch: #1, ESTABLISHED, IKEv2, [0-9a-f]{16}_i [0-9a-f]{16}_r\*\n/);
    expect(s).toContain("  remote '198.51.100.1' @ 198.51.100.1[500]");
    expect(s).toContain('  AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048');
    expect(s).toContain('  net: #1, reqid 1, INSTALLED, TUNNEL, ESP:AES_CBC-256/HMAC_SHA2_256_128');
    expect(s).toContain('    installed 12s ago, rekeying in 3229s, expires in 3588s');
    expect(s).toContain('    local  10.2.0.0/24\n    remote 10.1.0.0/24');
    const inSpi = /\n {4}in {2}([0-9a-f]{8}),/.exec(s)?.[1];
    const detail = text(doc, m, 'PA', 'show vpn ipsec-sa tunnel <tunnel> detail', 'branch');
    expect(detail).toContain(`Outbound SPI: ${inSpi?.toUpperCase()}`);
  });

  it('ikectl show sa prints the IKE SA, both Child SAs with the SPIs the peer shows, and the own flows', () => {
    const b = new TopologyBuilder('pan-iked');
    const pa = b.gateway({ name: 'PA', vendor: 'panos', outside: '198.51.100.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a', address: '10.1.0.0/24' }] });
    const ik = b.gateway({ name: 'IK', vendor: 'openiked', outside: '203.0.113.2/24', position: { x: 600, y: 300 }, networks: [{ name: 'b', address: '10.2.0.0/24' }] });
    b.tunnel('branch', pa, ik, { a: { proxyIds: [{ name: 'lan', local: '10.1.0.0/24', remote: '10.2.0.0/24' }], routes: ['10.2.0.0/24'] }, b: { proxyIds: [{ name: 'net', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] } });
    const doc = b.build();
    const tid = doc.tunnels[0]!.id;
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }, { type: 'tick', at: 12_000 }]);
    const s = text(doc, m, 'IK', 'ikectl show sa');
    expect(s).toMatch(/^iked_sas: 0x[0-9a-f]{12} rspi 0x[0-9a-f]{16} ispi 0x[0-9a-f]{16} 203\.0\.113\.2:500->198\.51\.100\.1:500<ipv4\/198\.51\.100\.1>\[ipv4\/203\.0\.113\.2\] ESTABLISHED r nexti 0x0 pol 0x[0-9a-f]{12}\n/);
    expect(s).toMatch(/\n {2}sa_flows: 0x[0-9a-f]{12} ESP out 10\.2\.0\.0\/24 -> 10\.1\.0\.0\/24 \[0\]@-1 \(L\) @0x/);
    const inSpi = / sa_childsas: \S+ ESP 0x([0-9a-f]{8}) in 198\.51\.100\.1:500 -> 203\.0\.113\.2:500 /.exec(s)?.[1];
    expect(inSpi).toBeDefined();
    const detail = text(doc, m, 'PA', 'show vpn ipsec-sa tunnel <tunnel> detail', 'branch');
    expect(detail).toContain(`Outbound SPI: ${inSpi?.toUpperCase()}`);
  });

  it('show crypto ipsec sa shows idents, peer, SPIs and the transform', () => {
    const doc = screenosMultiProxyId();
    const tid = doc.tunnels[0]!.id;
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }]);
    const c = text(doc, m, 'GATEWAY-2', 'show crypto ipsec sa');
    expect(c).toContain('interface: ethernet0/2'.replace('ethernet0/2', doc.tunnels[0]!.b.outsideInterface));
    expect(c).toContain('local ident (addr/mask/prot/port): (172.16.1.0/255.255.255.0/0/0)');
    expect(c).toContain('remote ident (addr/mask/prot/port): (192.168.1.0/255.255.255.0/0/0)');
    expect(c).toContain('current_peer: 198.51.100.1');
    expect(c).toMatch(/transform: esp-3des esp-sha-hmac no compression/);
    expect(c).toMatch(/sa timing: remaining key lifetime \(kB\/sec\): \(4608000\/3600\)/);
    expect(text(doc, initialMonitorState(doc, 0), 'GATEWAY-2', 'show crypto ipsec sa')).toBe('There are no ipsec sas\n');
  });

  it('IOS-XE has its own layout (protected vrf, current_peer … port, Status ACTIVE)', () => {
    const doc = screenosMultiProxyId();
    const asa = doc.gateways.find((g) => g.name === 'GATEWAY-2')!;
    asa.vendor = 'cisco-ios';
    const tid = doc.tunnels[0]!.id;
    const m = run(doc, [{ type: 'traffic', at: 0, tunnelId: tid, end: 'a', index: 0 }]);
    const c = text(doc, m, 'GATEWAY-2', 'show crypto ipsec sa');
    expect(c).toContain('   protected vrf: (none)');
    expect(c).toContain('   local  ident (addr/mask/prot/port): (172.16.1.0/255.255.255.0/0/0)');
    expect(c).toContain('   current_peer 198.51.100.1 port 500');
    expect(c).toContain('        transform: esp-3des esp-sha-hmac ,');
    expect(c).toContain('        Status: ACTIVE(ACTIVE)');
    expect(c).toContain('     PFS (Y/N): N, DH group: none');
  });

  it('refuses commands a vendor does not have', () => {
    const doc = screenosMultiProxyId();
    expect(runOpsCommand(doc, initialMonitorState(doc, 0), doc.gateways[0]!, 'show vpn flow')).toMatchObject({ ok: false, code: 'UNSUPPORTED_COMMAND' });
    expect(vendorModule('screenos').show?.commands.map((c) => c.command)).toEqual(['get sa']);
  });
});
