// The ScreenOS reader (shared/vendors/screenos/reader.ts) on configuration written by hand in the
// style of Juniper KB16008 and a saved configuration, not only the exporter's own lines: there is
// no Batfish grammar for ScreenOS, so this reader is what reads its files statement by statement.
import { describe, expect, it } from 'vitest';
import { screenosReader } from '../../../shared/vendors/screenos/reader';

const read = (content: string) => {
  const r = screenosReader.read([{ name: 'x.screenos.txt', content }]);
  if (!r.ok) throw new Error(r.message);
  return r;
};

const KB = `set hostname ssg
set ike p1-proposal "p1" preshare group2 esp 3des sha-1 hour 8
set ike p2-proposal "p2" no-pfs esp aes128 sha-1 minute 60
set ike gateway "gw" address 203.0.113.2 id "peer.example.net" local-id "me@example.net" Main outgoing-interface "ethernet0/2" preshare "#ABC123" proposal "p1"
set ike gateway "gw" dpd-liveness interval 10
set vpn "test" gateway "gw" replay tunnel idletime 0 proposal "p2"
set vpn "test" monitor rekey
set vpn "test" id 0x1 bind interface tunnel.1
set vpn "test" proxy-id check
set service "web" protocol tcp src-port 0-65535 dst-port 443-443
set vpn "test" proxy-id local-ip 192.168.1.0/24 remote-ip 172.16.1.0/24 any
set vpn "test" proxy-id local-ip 192.168.2.0/24 remote-ip 172.16.2.0/24 "web"
set interface "tunnel.1" zone "Untrust"
set interface tunnel.1 ip unnumbered interface ethernet0/2
set route 172.16.1.0/24 interface tunnel.1
set route 172.16.2.0/24 interface tunnel.1
`;

describe('ScreenOS reader', () => {
  it('reads a KB16008-style route-based VPN: proposals with their units, identities, proxy IDs with services, routes', () => {
    const r = read(KB);
    // Every line used, the hostname too (the device's name).
    expect(r.lines).toEqual({ used: 16, ignored: 0, unknown: [] });
    expect(r.meaning.device?.hostname).toBe('ssg');
    expect(r.meaning.peers).toMatchObject([
      {
        remoteAddress: '203.0.113.2',
        ikeVersion: 1,
        exchangeMode: 'main',
        ike: { proposals: [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [2] }], lifetimeSeconds: 28800 },
        auth: { method: 'psk', localId: 'user-fqdn:me@example.net', remoteId: 'fqdn:peer.example.net' },
        dpd: { intervalSeconds: 10 },
        children: [
          { local: '192.168.1.0/24', remote: '172.16.1.0/24', esp: { proposals: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 3600 } },
          { local: '192.168.2.0/24[tcp]', remote: '172.16.2.0/24[tcp/443]', esp: { proposals: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 3600 } },
        ],
        routes: ['172.16.1.0/24', '172.16.2.0/24'],
      },
    ]);
    // For import: the VPN's name, the gateway's outgoing interface, the bound tunnel interface,
    // the key as typed (no saved-configuration header, not an encrypted key's shape), NAT-T off
    // (not enabled), the monitor as its line says.
    expect(r.meaning.peers[0]).toMatchObject({ name: 'test', outsideInterface: 'ethernet0/2', tunnelInterface: 'tunnel.1', psk: '#ABC123', pskPresent: true, natTraversal: false, monitor: { rekey: true, optimized: false } });
    expect(r.meaning.peers[0]?.monitor).not.toHaveProperty('destinationIp');
  });

  it('NAT-T is on with the bare nat-traversal line; a saved configuration\'s key, or one of the encrypted shape, is present but not clear', () => {
    const natT = read(`${KB}set ike gateway "gw" nat-traversal\nset ike gateway "gw" nat-traversal keepalive-frequency 5\n`);
    expect(natT.lines.unknown).toEqual([]);
    expect(natT.meaning.peers[0]?.natTraversal).toBe(true);
    // The options alone do not say NAT-T is on.
    expect(read(`${KB}set ike gateway "gw" nat-traversal udp-checksum\n`).meaning.peers[0]?.natTraversal).toBe(false);
    const saved = read(`Total Config size 1234:\n${KB}`);
    expect(saved.meaning.peers[0]).toMatchObject({ pskPresent: true });
    expect(saved.meaning.peers[0]).not.toHaveProperty('psk');
    const shaped = read(KB.replace('preshare "#ABC123"', 'preshare "lBtJ0T0YN4jSg1sMsHCwGkDZ6gnyKt9DaQ=="'));
    expect(shaped.meaning.peers[0]).toMatchObject({ pskPresent: true });
    expect(shaped.meaning.peers[0]).not.toHaveProperty('psk');
    const cert = read(KB.replace('preshare "#ABC123"', 'cert'));
    expect(cert.meaning.peers[0]).not.toHaveProperty('pskPresent');
  });

  it('a route-based VPN without proxy IDs negotiates 0.0.0.0/0 both ways', () => {
    const r = read(KB.split('\n').filter((l) => !l.includes('proxy-id local-ip')).join('\n'));
    expect(r.meaning.peers[0]?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['0.0.0.0/0 <-> 0.0.0.0/0']);
  });

  it('policy-based: each policy into the VPN is a proxy ID, its mirror the same one', () => {
    const r = read(`set ike p1-proposal "p1" preshare group14 esp aes256 sha2-256 second 28800
set ike p2-proposal "p2" group14 esp aes256 sha2-256 second 3600
set ike gateway ikev2 "gw" address 203.0.113.2 outgoing-interface "ethernet0/2" preshare "k" proposal "p1"
set vpn "v" gateway "gw" no-replay tunnel idletime 0 proposal "p2"
set address "Trust" "lan" 10.1.0.0 255.255.255.0
set address "Untrust" "far" 10.2.0.0 255.255.255.0
set policy from "Trust" to "Untrust" "lan" "far" "ANY" tunnel vpn "v"
set policy from "Untrust" to "Trust" "far" "lan" "ANY" tunnel vpn "v"
`);
    expect(r.lines.unknown).toEqual([]);
    expect(r.meaning.peers[0]).toMatchObject({ ikeVersion: 2, routes: [], children: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }] });
    expect(r.meaning.peers[0]).not.toHaveProperty('exchangeMode');
  });

  it('names are used only after their definition, and every line it cannot read is reported with its number', () => {
    const r = read(`set vpn "v" gateway "nowhere" tunnel proposal "p2"
set ike p1-proposal "p1" preshare group19 esp aes256 sha2-256 second 28800
set ike gateway "gw" address 203.0.113.2 Main outgoing-interface "ethernet0/2" preshare "k" proposal "p9"
set vpn "x" monitor destination-ip 10.2.0.1
set address "Trust" "bad" 10.1.0.1 255.255.255.0
set ike gateway "gw2" address 203.0.113.3 Main preshare "unclosed proposal "p1"
`);
    expect(r.lines.used).toBe(0);
    expect(r.lines.unknown.map((u) => u.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.lines.unknown[0]?.text).toContain('not defined before');
    expect(r.meaning.peers).toEqual([]);
  });

  it('destination-ip is read only after a source-interface, as ScreenOS takes it', () => {
    const base = KB.split('\n').filter((l) => !l.includes('monitor')).join('\n');
    const got = read(`${base}set vpn "test" monitor source-interface ethernet0/0 destination-ip 172.16.1.1 optimized rekey\n`);
    expect(got.lines.unknown).toEqual([]);
    expect(got.meaning.peers[0]?.monitor).toEqual({ sourceInterface: 'ethernet0/0', destinationIp: '172.16.1.1', optimized: true, rekey: true });
    expect(read(base).meaning.peers[0]).not.toHaveProperty('monitor');
    expect(read(`${base}set vpn "test" monitor destination-ip 172.16.1.1 rekey\n`).lines.unknown.map((u) => u.text)).toEqual([expect.stringContaining('destination-ip needs a source-interface')]);
  });
});
