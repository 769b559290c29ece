// The statements each vendor needs, named: ScreenOS exactly as seed 003 (KB16008) writes them,
// PAN-OS proxy IDs and security rules, Junos traffic selectors vs proxy-identity and policies
// from trust to the VPN zone, ASA crypto map for IKEv1 and IKEv2 with its identity NAT, IOS-XE
// crypto map and VTI, FortiGate one phase 2 per selector with firewall policies, strongSwan
// children and Libreswan conns with reciprocal subnets.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import type { TopologyDocument } from '../../../shared/model/document';
import { TEMPLATES } from '../../../shared/templates/index';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { retarget } from './retarget';

const template = (id: string): TopologyDocument => {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t.build();
};

const fileOf = (doc: TopologyDocument, gateway: string): string => {
  const r = exportDocument(doc, { skipEngineCheck: true, gateways: [gateway] });
  return r.files.map((f) => f.content).join('\n');
};

/** The gateway's statement lines: no blank line, no comment (by each file's grammar). */
const linesOf = (doc: TopologyDocument, gateway: string): string[] =>
  exportDocument(doc, { skipEngineCheck: true, gateways: [gateway] }).files.flatMap((f) => {
    const { comment } = EXPORT_GRAMMARS.of(f.name).file;
    return f.content.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith(comment));
  });

describe('ScreenOS: the style of seed 003 (KB16008)', () => {
  it('writes the KB sample configuration for the template, line for line in its order', () => {
    const lines = linesOf(template('screenos-multi-proxy-id'), 'GATEWAY-1');
    const expected = [
      'set ike gateway "test" address 203.0.113.2 Main outgoing-interface "ethernet0/2" preshare "<PSK:test>" proposal "p1-test-1"',
      'set vpn "test" gateway "test" no-replay tunnel idletime 0 proposal "p2-test-1"',
      // KB16008 writes `monitor rekey`; the template's peer is not ScreenOS, so it pings a host
      // behind it, which ScreenOS takes only with a source interface (NSM 2010.4, VPN Monitor).
      'set vpn "test" monitor source-interface ethernet0/0 destination-ip 172.16.1.1 rekey',
      'set vpn "test" id 0x1 bind interface tunnel.1',
      'set vpn "test" proxy-id check',
      'set vpn "test" proxy-id local-ip 192.168.1.0/24 remote-ip 172.16.1.0/24 any',
      'set vpn "test" proxy-id local-ip 192.168.1.0/24 remote-ip 172.16.2.0/24 any',
      'set vpn "test" proxy-id local-ip 192.168.2.0/24 remote-ip 172.16.1.0/24 any',
      'set vpn "test" proxy-id local-ip 192.168.2.0/24 remote-ip 172.16.2.0/24 any',
      'set interface "tunnel.1" zone "Untrust"',
      'set interface tunnel.1 ip unnumbered interface ethernet0/2',
      'set route 172.16.1.0/24 interface tunnel.1',
      'set route 172.16.2.0/24 interface tunnel.1',
    ];
    const positions = expected.map((e) => lines.indexOf(e));
    expect(positions.every((p) => p >= 0), `missing: ${expected.filter((_, i) => positions[i] === -1).join(' | ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('what each vendor needs for the traffic to pass', () => {
  it('PAN-OS: proxy IDs, tunnel interface in a zone, route, security rules both ways', () => {
    const text = fileOf(retarget(template('full-mesh'), 'panos'), 'Site-A');
    expect(text).toContain('set network tunnel ipsec site-a-site-b auto-key proxy-id site-a-site-b-1 local 10.1.0.0/24 remote 10.2.0.0/24 protocol any');
    expect(text).toContain('set network ike crypto-profiles ike-crypto-profiles ike-site-a-site-b encryption aes-256-cbc');
    expect(text).toContain('set network ike crypto-profiles ike-crypto-profiles ike-site-a-site-b dh-group group14');
    expect(text).toMatch(/set zone vpn network layer3 tunnel\.\d/);
    expect(text).toMatch(/static-route \S+ destination 10\.2\.0\.0\/24 interface tunnel\.\d/);
    expect(text).toContain('set rulebase security rules site-a-site-b-out from trust to vpn source N-10.1.0.0-24 destination N-10.2.0.0-24 application any service any action allow');
    expect(text).toContain('set rulebase security rules site-a-site-b-in from vpn to trust source N-10.2.0.0-24 destination N-10.1.0.0-24');
  });

  it('Junos: traffic-selector by default, proxy-identity when chosen, policies trust -> vpn zone', () => {
    const doc = retarget(template('full-mesh'), 'junos-srx');
    const ts = fileOf(doc, 'Site-A');
    expect(ts).toContain('set security ipsec vpn site-a-site-b traffic-selector ts-1 local-ip 10.1.0.0/24 remote-ip 10.2.0.0/24');
    expect(ts).toContain('set security ike proposal ike-site-a-site-b-1 encryption-algorithm aes-256-cbc');
    expect(ts).toContain('set security ike proposal ike-site-a-site-b-1 dh-group group14');
    expect(ts).toContain('set security policies from-zone trust to-zone vpn policy site-a-site-b-out then permit');
    for (const t of doc.tunnels) for (const end of [t.a, t.b]) end.vendorOptions = { ...end.vendorOptions, 'junos-srx': { selectorStyle: 'proxy-identity' } };
    expect(fileOf(doc, 'Site-A')).toContain('set security ipsec vpn site-a-site-b ike proxy-identity local 10.1.0.0/24 remote 10.2.0.0/24 service any');
  });

  it('ASA: crypto map with IKEv1 transform set and with IKEv2 ipsec-proposal, identity NAT', () => {
    const v1 = fileOf(template('screenos-multi-proxy-id'), 'GATEWAY-2');
    expect(v1).toContain('crypto map outside_map 10 set ikev1 transform-set TS-test-1');
    expect(v1).toContain('crypto map outside_map interface outside');
    expect(v1).toContain('nat (inside,outside) source static test-local test-local destination static test-remote test-remote no-proxy-arp route-lookup');
    const v2 = fileOf(retarget(template('full-mesh'), 'cisco-asa'), 'Site-A');
    expect(v2).toContain('crypto ipsec ikev2 ipsec-proposal P-site-a-site-b');
    expect(v2).toContain('crypto map outside_map 10 set ikev2 ipsec-proposal P-site-a-site-b');
    expect(v2).toContain(' ikev2 local-authentication pre-shared-key <PSK:site-a-site-b>');
    expect(v2).toContain('nat (inside,outside) source static N-10.1.0.0-24 N-10.1.0.0-24 destination static N-10.2.0.0-24 N-10.2.0.0-24 no-proxy-arp route-lookup');
  });

  it('IOS-XE: crypto map for policy-based, VTI with routes for route-based', () => {
    const map = fileOf(retarget(template('full-mesh'), 'cisco-ios'), 'Site-A');
    expect(map).toContain('crypto map CMAP 10 ipsec-isakmp');
    expect(map).toContain(' permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.0.255');
    const vti = fileOf(retarget(template('hub-and-spoke'), 'cisco-ios', 'route-based'), 'HQ-PA');
    expect(vti).toContain(' tunnel protection ipsec profile IPSEC-hub-branch-srx');
    expect(vti).toContain('ip route 10.11.0.0 255.255.255.0 Tunnel1');
  });

  it('FortiGate: one phase 2 per selector, policies both ways, a route to the tunnel interface', () => {
    const text = fileOf(retarget(template('screenos-multi-proxy-id'), 'fortigate'), 'GATEWAY-1');
    expect(text.match(/set phase1name "test"/g)).toHaveLength(4);
    expect(text).toContain('set proposal 3des-sha1');
    expect(text).toContain('set dhgrp 2');
    expect(text).toContain('set dstintf "test"');
    expect(text).toMatch(/set dst 172\.16\.1\.0 255\.255\.255\.0\n\s+set device "test"/);
  });

  it.each<[ExportVendor, string]>([
    ['strongswan', 'local_ts = 10.1.0.0/24'],
    ['libreswan', 'leftsubnet=10.1.0.0/24'],
  ])('%s: this side local, the peer remote', (vendor, line) => {
    const doc = retarget(template('full-mesh'), vendor);
    expect(fileOf(doc, 'Site-A')).toContain(line);
    expect(fileOf(doc, 'Site-B')).toContain(line.replace('local_ts', 'remote_ts').replace('leftsubnet', 'rightsubnet'));
  });
});
