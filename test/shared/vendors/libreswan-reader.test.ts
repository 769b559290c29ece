// The ipsec.conf / ipsec.secrets reader (shared/vendors/libreswan/reader.ts) on configurations
// written by hand, as Libreswan 4.10's parser and ipsec.conf(5) read them: also=, %default,
// includes, identities as atoid() reads them, conns sharing one IKE SA, the line account; and the
// exporter's identities read back as what they are.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import { TopologyBuilder } from '../../../shared/templates/build';
import type { ReadResult } from '../../../shared/vendors/kit/reader';
import { libreswanReader } from '../../../shared/vendors/libreswan/reader';

const read = (...files: [string, string][]) => libreswanReader.read(files.map(([name, content]) => ({ name, content })));
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

const CONF = `version 2
config setup
    logfile=/var/log/pluto.log
    uniqueids=yes

conn %default
    ikelifetime=1h
    keyingtries=%forever

conn base
    left=198.51.100.1
    right=203.0.113.2
    authby=secret
    ike=aes256-sha2_256-modp2048,aes_gcm256-sha2_384-dh19
    esp=aes_gcm128-null;modp2048
    auto=ignore

conn net2   # the second LAN
    also=base
    leftsubnet=10.1.0.0/24
    rightsubnet=10.2.0.0/24
    rightprotoport=tcp/443
    leftid=@#6272616e63682d31
    rightid="vpn@example.net"
    salifetime=30m
    auto=start

conn net3
    also=base
    leftsubnet=10.1.0.0/24
    rightsubnet=10.3.0.0/24
    leftid=@#6272616e63682d31
    rightid="vpn@example.net"
    salifetime=30m
    auto=add
    colour=blue

include /etc/ipsec.d/*.conf
`;
const MORE = `conn v1
    ikev2=no
    aggressive=yes
    left=198.51.100.1
    right=192.0.2.7
    rightid=@peer.example.net
    leftsubnets={10.1.0.0/24 10.4.0.0/24}
    rightsubnet=10.9.0.0/16
    pfs=no
    esp=aes256-sha1;modp2048
    dpddelay=10
    dpdtimeout=30
    auto=add
`;

describe('Libreswan reader', () => {
  it('reads conns with also= and %default applied, shares one IKE SA among conns with the same ends and settings, follows includes', () => {
    const r = ok(read(['gw.ipsec.conf', CONF], ['extra.conf', MORE], ['gw.ipsec.secrets', '198.51.100.1 203.0.113.2 : PSK "k"\n: RSA mykey\n']));
    const [hq, v1] = r.meaning.peers;
    expect(r.meaning.peers).toHaveLength(2);
    expect(hq).toMatchObject({ remoteAddress: '203.0.113.2', localAddress: '198.51.100.1', ikeVersion: 2, ike: { lifetimeSeconds: 3600 }, auth: { method: 'psk', localId: 'key-id:branch-1', remoteId: 'user-fqdn:vpn@example.net' } });
    expect(hq?.ike.proposals).toEqual([{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }, { encryption: ['aes256gcm16'], integrity: ['sha384'], dhGroups: [19] }]);
    expect(hq?.children).toEqual([
      { local: '10.1.0.0/24', remote: '10.2.0.0/24[tcp/443]', esp: { proposals: [{ encryption: ['aes128gcm16'], integrity: [], dhGroups: [14] }], lifetimeSeconds: 1800 } },
      { local: '10.1.0.0/24', remote: '10.3.0.0/24', esp: { proposals: [{ encryption: ['aes128gcm16'], integrity: [], dhGroups: [14] }], lifetimeSeconds: 1800 } },
    ]);
    // IKEv1 Aggressive Mode, pfs=no (no PFS group), leftsubnets: a child per subnet, the 8 h default lifetimes, authby's default.
    expect(v1).toMatchObject({ remoteAddress: '192.0.2.7', ikeVersion: 1, exchangeMode: 'aggressive', ike: { proposals: [], lifetimeSeconds: 3600 }, auth: { method: 'certificate', remoteId: 'fqdn:peer.example.net' }, dpd: { intervalSeconds: 10 } });
    expect(v1?.children.map((c) => [c.local, c.remote, c.esp.proposals[0]?.dhGroups, c.esp.lifetimeSeconds])).toEqual([['10.1.0.0/24', '10.9.0.0/16', [], 28800], ['10.4.0.0/24', '10.9.0.0/16', [], 28800]]);
  });

  it('accounts for every line: used, ignored (known to ipsec.conf(5), not part of the meaning), unknown with file and line', () => {
    const r = ok(read(['gw.ipsec.conf', CONF], ['extra.conf', MORE], ['gw.ipsec.secrets', '198.51.100.1 203.0.113.2 : PSK "k"\n: RSA mykey\n']));
    expect(r.lines.unknown.map((u) => `${u.file}:${u.line} ${u.text}`)).toEqual(['gw.ipsec.conf:36 colour=blue (not a parameter of ipsec.conf(5))']);
    // Ignored: logfile, uniqueids, keyingtries (the setup section and retries say nothing of the tunnels), the RSA record.
    expect(r.lines.ignored).toBe(4);
    // 48 statement lines (section headers, version and include lines, parameters, two secrets records).
    expect(r.lines.used).toBe(43);
  });

  it('refuses a file addconn would not load, and reports lines it cannot read', () => {
    const bad = read(['x.ipsec.conf', 'conn 2024\n    left=198.51.100.1\n']);
    expect(bad.ok).toBe(false);
    const r = ok(read(['y.ipsec.conf', 'left=1.2.3.4\nconn a\n    right=192.0.2.1\n    right=192.0.2.2\n    leftsubnet=10.0.0.0/33\n    auto=add\n    ike=aes999-sha1\n']));
    expect(r.lines.unknown.map((u) => u.line)).toEqual([1, 4, 5, 7]);
  });

  it("reads the exporter's identities back as the types the design gives them", () => {
    const b = new TopologyBuilder('ids');
    const a = b.gateway({ name: 'A', vendor: 'libreswan', outside: '198.51.100.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] });
    const c = b.gateway({ name: 'B', vendor: 'libreswan', outside: '203.0.113.2/24', position: { x: 400, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
    b.tunnel('t1', a, c, {
      ikeVersion: 2,
      a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], changes: { auth: { method: 'psk', psk: 'k', localId: { type: 'key-id', value: 'site-a' }, remoteId: { type: 'user-fqdn', value: 'ops@example.net' } } } },
      b: { proxyIds: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }] },
    });
    const files = exportDocument(b.build(), { skipEngineCheck: true, includeSecrets: true }).files.filter((f) => f.name.startsWith('A.'));
    expect(files.find((f) => f.name === 'A.ipsec.conf')?.content).toMatch(/^\s+leftid=@\[site-a\]$/m);
    expect(files.find((f) => f.name === 'A.ipsec.conf')?.content).toMatch(/^\s+rightid=ops@example\.net$/m);
    expect(ok(libreswanReader.read(files)).meaning.peers[0]?.auth).toEqual({ method: 'psk', localId: 'key-id:site-a', remoteId: 'user-fqdn:ops@example.net' });
  });
});
