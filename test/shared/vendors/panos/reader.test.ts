// The PAN-OS reader reads the CLI's syntax, not the exporter's line shapes: quotes, lists,
// statements in any order, entries set by several lines, and it says which lines it did not understand.
import { describe, expect, it } from 'vitest';
import { importConfigurations } from '../../../../shared/import/import';
import { panosReader, panosWords } from '../../../../shared/vendors/panos/reader';

const config = [
  '# a running configuration, statements out of the exporter\'s order',
  'set network tunnel ipsec vpn1 auto-key ike-gateway gw1',
  "set network ike gateway gw1 authentication pre-shared-key key 'a b;c'",
  'set network ike gateway gw1 peer-address ip 203.0.113.9',
  'set network ike gateway gw1 protocol version ikev2',
  'set network ike gateway gw1 protocol ikev2 ike-crypto-profile p1',
  'set network ike gateway gw1 local-id type fqdn id "vpn one.example"',
  'set network ike crypto-profiles ike-crypto-profiles p1 encryption [ aes-256-cbc aes-128-gcm ]',
  'set network ike crypto-profiles ike-crypto-profiles p1 hash sha256',
  'set network ike crypto-profiles ike-crypto-profiles p1 dh-group [ group14 group19 ]',
  'set network ike crypto-profiles ike-crypto-profiles p1 lifetime hours 24',
  'set network ike crypto-profiles ipsec-crypto-profiles e1 esp encryption aes-256-gcm',
  'set network ike crypto-profiles ipsec-crypto-profiles e1 esp authentication none',
  'set network ike crypto-profiles ipsec-crypto-profiles e1 dh-group no-pfs',
  'set network ike crypto-profiles ipsec-crypto-profiles e1 lifesize mb 4500',
  'set network tunnel ipsec vpn1 auto-key ipsec-crypto-profile e1',
  'set network tunnel ipsec vpn1 tunnel-interface tunnel.7',
  'set network tunnel ipsec vpn1 auto-key proxy-id p-1 local 10.1.0.0/24 remote 10.2.0.0/24 protocol tcp local-port 0 remote-port 443',
  'set network virtual-router default routing-table ip static-route r1 destination 10.9.0.0/16',
  'set network virtual-router default routing-table ip static-route r1 interface tunnel.7',
  'set zone vpn network layer3 tunnel.7',
  'set deviceconfig system hostname fw1',
].join('\n');

describe('PAN-OS reader', () => {
  it('splits words as the CLI does: quotes without escapes, [ ] and ; as words', () => {
    expect(panosWords(`set a "b c" 'd"e' [ x y ];`)).toEqual(['set', 'a', 'b c', 'd"e', '[', 'x', 'y', ']', ';']);
    expect(panosWords('set a "open')).toBeUndefined();
  });

  it('reads the VPN whatever the order of its statements, and accounts for every line', () => {
    const r = panosReader.read([{ name: 'fw1.txt', content: config }]);
    if (!r.ok) throw new Error(r.message);
    const [peer] = r.meaning.peers;
    expect(peer).toMatchObject({ remoteAddress: '203.0.113.9', ikeVersion: 2, auth: { method: 'psk', localId: 'fqdn:vpn one.example' }, routes: ['10.9.0.0/16'] });
    expect(peer?.ike).toEqual({ proposals: [{ encryption: ['aes256', 'aes128gcm16'], integrity: ['sha256'], dhGroups: [14, 19] }], lifetimeSeconds: 86400 });
    expect(peer?.children).toEqual([{ local: '10.1.0.0/24[tcp]', remote: '10.2.0.0/24[tcp/443]', name: 'p-1', esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['none'], dhGroups: [] }], lifetimeKilobytes: 4_608_000 } }]);
    // The zone and the hostname are the box's own meaning now (interfaces, hostname): used.
    expect(r.lines.used).toBe(21);
    expect(r.lines.ignored).toBe(0);
    expect(r.lines.unknown).toEqual([]);
    expect(r.meaning.device?.hostname).toBe('fw1');
  });

  it('refuses a tunnel whose IKE gateway is defined nowhere', () => {
    const r = panosReader.read([{ name: 'x.txt', content: 'set network tunnel ipsec vpn1 auto-key ike-gateway nowhere' }]);
    expect(r.ok).toBe(false);
  });
});

describe('PAN-OS: routes through a tunnel interface several tunnels share', () => {
  const gw = (n: number) => [
    `set network ike gateway g${n} peer-address ip 203.0.113.${n}`,
    `set network ike gateway g${n} authentication pre-shared-key key k`,
    `set network tunnel ipsec t${n} auto-key ike-gateway g${n}`,
    `set network tunnel ipsec t${n} tunnel-interface tunnel.1`,
    `set network tunnel ipsec t${n} auto-key proxy-id p local 10.0.0.0/24 remote 10.${n}.0.0/24 protocol any`,
    `set network virtual-router default routing-table ip static-route r${n} destination 10.${n}.0.0/24 interface tunnel.1`,
  ];
  const text = [...gw(1), ...gw(2), 'set network virtual-router default routing-table ip static-route other destination 172.16.0.0/12 interface tunnel.1'].join('\n');
  it('reads every route through the interface as a route of each tunnel on it (what the configuration says)', () => {
    const r = panosReader.read([{ name: 'fw.txt', content: text }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.meaning.peers.map((p) => [...p.routes].sort())).toEqual([0, 1].map(() => ['10.1.0.0/24', '10.2.0.0/24', '172.16.0.0/12']));
  });
  it('puts a route to one tunnel\'s remote proxy ID behind that peer only, and one matching none behind each', () => {
    const r = importConfigurations([{ name: 'fw.txt', content: text, vendor: 'panos' }]);
    if (!r.ok) throw new Error(r.message);
    const behind = (peer: string) => {
      const g = r.document.gateways.find((x) => x.name === `Peer ${peer}`);
      return r.document.networks.filter((n) => n.gatewayId === g?.id).map((n) => n.address).sort();
    };
    expect(behind('203.0.113.1')).toEqual(['10.1.0.0/24', '172.16.0.0/12']);
    expect(behind('203.0.113.2')).toEqual(['10.2.0.0/24', '172.16.0.0/12']);
  });
});
