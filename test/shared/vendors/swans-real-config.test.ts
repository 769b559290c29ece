// The strongSwan (swanctl.conf, legacy ipsec.conf + ipsec.secrets), Libreswan (ipsec.conf +
// ipsec.secrets) and OpenIKED (iked.conf) readers on files written after each project's own
// documentation examples (the fixtures' headers name the document and section), with what real
// files hold besides: config setup, several conns, comments, includes, macros. Import must send
// each file to its own product although strongSwan's and Libreswan's ipsec.conf look alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigurations } from '../../../shared/import/import';
import type { ReadResult } from '../../../shared/vendors/kit/reader';
import { libreswanReader } from '../../../shared/vendors/libreswan/reader';
import { openikedReader } from '../../../shared/vendors/openiked/reader';
import { strongswanReader } from '../../../shared/vendors/strongswan/reader';

const DIR = join(__dirname, '../../fixtures/import/docs');
const file = (path: string, name = path.split('/').at(-1) as string) => ({ name, content: readFileSync(join(DIR, path), 'utf8') });
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};
const unknown = (r: { lines: { unknown: { file: string; line: number; text: string }[] } }) => r.lines.unknown.map((u) => `${u.file}:${u.line} ${u.text}`);
const pairs = (children: readonly { local: string; remote: string }[]) => children.map((c) => `${c.local} <-> ${c.remote}`);

describe('strongSwan swanctl.conf after the Configuration Quickstart "Site-to-Site Case"', () => {
  const r = ok(strongswanReader.read([file('strongswan/moon.swanctl.conf', 'swanctl.conf')]));
  const [netNet, branch, rw] = r.meaning.peers;

  it('reads every connection, its children and their selector lists', () => {
    expect(r.meaning.peers.map((p) => p.name)).toEqual(['net-net', 'branch', 'rw']);
    expect(netNet).toMatchObject({ remoteAddress: '192.168.0.2', localAddress: '192.168.0.1', ikeVersion: 2, ike: { proposals: [], lifetimeSeconds: 14400 }, auth: { method: 'certificate', remoteId: 'dn:C=CH, O=strongSwan, CN=sun.strongswan.org' } });
    expect(pairs(netNet?.children ?? [])).toEqual(['10.1.0.0/16 <-> 10.2.0.0/16']);
    expect(branch).toMatchObject({ ikeVersion: 2, ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 }, auth: { method: 'psk', localId: 'fqdn:moon.strongswan.org', remoteId: 'fqdn:branch.example.net' }, dpd: { intervalSeconds: 30 } });
    expect(pairs(branch?.children ?? [])).toEqual(['10.1.0.0/24 <-> 10.7.0.0/24', '10.1.1.0/24 <-> 10.7.0.0/24', '10.1.9.0/24[udp/5060] <-> 10.7.9.0/24[udp/5060]']);
    expect(branch?.children[2]?.esp.proposals).toEqual([{ encryption: ['aes128'], integrity: ['sha256'], dhGroups: [] }]);
    expect(branch?.passive).toBeUndefined();
  });

  it('gives the PSK connection the key of the secrets.ike<suffix> whose id names its peer', () => {
    expect(r.meaning.peers.map((p) => p.psk)).toEqual([undefined, 'v3ry-s3cret', undefined]);
    expect(branch?.pskPresent).toBe(true);
  });

  it('takes remote_addrs = %any as a responder only', () => {
    expect(rw).toMatchObject({ remoteAddress: '%any', passive: true, children: [] });
  });

  it('says the device is policy-based (no XFRM interface ID) and nothing more the file does not say', () => {
    expect(r.meaning.device).toEqual({ vpnType: 'policy-based', interfaces: [], routes: [], natRules: [], policies: [] });
  });

  it('accounts for every line: pools, authorities and secrets known, the include and odd lines reported with their numbers', () => {
    expect(r.lines).toMatchObject({ used: 49, ignored: 14 });
    expect(unknown(r)).toEqual([
      // remote_ts not written is `dynamic`: the peer's address, which %any does not give.
      'swanctl.conf:76 rw { (not understood)',
      'swanctl.conf:78 tunnel_colour = green (not a key of swanctl.conf(5))',
      'swanctl.conf:105 include conf.d/*.conf (the included file is not among those read)',
    ]);
  });

  it('makes the device route-based when a child sets an XFRM interface ID, with the product\'s tunnel interface of that number', () => {
    const conf = 'connections {\n  vti {\n    remote_addrs = 192.0.2.1\n    children {\n      all {\n        local_ts = 0.0.0.0/0\n        remote_ts = 0.0.0.0/0\n        if_id_in = 42\n        if_id_out = 42\n      }\n    }\n  }\n}\n';
    const v = ok(strongswanReader.read([{ name: 'swanctl.conf', content: conf }]));
    expect(v.meaning.device?.vpnType).toBe('route-based');
    expect(v.meaning.peers[0]?.tunnelInterface).toBe('xfrm42');
    expect(v.lines).toMatchObject({ used: 9, ignored: 0, unknown: [] });
  });
});

describe('strongSwan legacy ipsec.conf and ipsec.secrets after ipsec.conf(5) "CONN SECTIONS"', () => {
  const r = ok(strongswanReader.read([file('strongswan/ipsec.conf'), file('strongswan/ipsec.secrets')]));
  const [snt, dc, v1] = r.meaning.peers;

  it('applies conn %default and also=, loads auto=add|start|route and leaves auto=ignore out', () => {
    expect(r.meaning.peers.map((p) => [p.name, p.passive])).toEqual([['snt', true], ['dc', false], ['ikev1-partner', false]]);
    expect(snt).toMatchObject({ remoteAddress: '192.168.0.2', localAddress: '192.168.0.1', ikeVersion: 2, ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600 }, auth: { method: 'psk' } });
    expect(snt?.children).toEqual([{ local: '10.1.0.0/16', remote: '10.2.0.0/16', esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 1200 }, name: 'snt' }]);
    expect(dc).toMatchObject({ remoteAddress: '198.51.100.20', auth: { method: 'psk', localId: 'fqdn:moon.strongswan.org', remoteId: 'fqdn:dc.example.net' }, dpd: { intervalSeconds: 15 } });
    expect(pairs(dc?.children ?? [])).toEqual(['10.1.0.0/24 <-> 172.16.0.0/16', '10.1.1.0/24 <-> 172.16.0.0/16']);
    expect(v1).toMatchObject({ remoteAddress: '192.0.2.50', ikeVersion: 1, exchangeMode: 'main', ike: { proposals: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [2] }] } });
  });

  it('takes each conn\'s key from the ipsec.secrets record that matches its ends best', () => {
    expect(r.meaning.peers.map((p) => p.psk)).toEqual(['snt-shared-key', '0sdGhlIGRjIGtleQ==', 'partner key']);
  });

  it('accounts for every line of both files, reporting the includes and an unknown parameter with their numbers', () => {
    // ipsec.conf used 43: 8 section headers and the include, the 8 %default parameters, snt's 6 (not
    // leftfirewall), dc-base's 6 through dc's also=, dc's 4, ikev1-partner's 9 (not colour), disabled's
    // auto=ignore; ignored 9: the 3 setup parameters, leftfirewall, disabled's left and right, the ca
    // section's 3. ipsec.secrets: the 3 PSK records used, the RSA record ignored.
    expect(r.lines).toMatchObject({ used: 46, ignored: 10 });
    expect(unknown(r)).toEqual([
      'ipsec.conf:59 colour=blue (not a parameter of ipsec.conf(5) conn sections)',
      'ipsec.conf:72 include /etc/ipsec.d/*.conf (the included file is not among those read: add it to the import)',
      'ipsec.secrets:8 include /etc/ipsec.d/*.secrets (the included file is not among those read: add it to the import)',
    ]);
    expect(r.meaning.device?.vpnType).toBe('policy-based');
  });

  it('makes the device route-based when a conn sets a VTI mark', () => {
    const v = ok(strongswanReader.read([{ name: 'ipsec.conf', content: 'conn vti\n    left=192.0.2.1\n    right=192.0.2.2\n    leftsubnet=0.0.0.0/0\n    rightsubnet=0.0.0.0/0\n    mark=42\n    auto=start\n' }]));
    expect(v.meaning.device?.vpnType).toBe('route-based');
    expect(v.lines).toMatchObject({ used: 7, ignored: 0, unknown: [] });
  });
});

describe('Libreswan ipsec.conf after the wiki "Subnet to subnet VPN" and ipsec.conf(5)', () => {
  const r = ok(libreswanReader.read([file('libreswan/ipsec.conf'), file('libreswan/ipsec.secrets')]));
  const [mysubnet, partner, cloud] = r.meaning.peers;

  it('reads also=, leftsubnets={…}, ikev2=, authby= and auto=', () => {
    expect(r.meaning.peers.map((p) => [p.name, p.passive ?? false])).toEqual([['mysubnet', false], ['partner', true], ['cloud', false]]);
    expect(mysubnet).toMatchObject({ remoteAddress: '192.1.2.45', localAddress: '192.1.2.23', ikeVersion: 2, auth: { method: 'certificate', localId: 'fqdn:west', remoteId: 'fqdn:east' }, ike: { lifetimeSeconds: 28800 } });
    expect(pairs(mysubnet?.children ?? [])).toEqual(['10.0.1.0/24 <-> 10.0.2.0/24']);
    expect(partner).toMatchObject({ remoteAddress: '203.0.113.9', auth: { method: 'psk' }, ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600 }, dpd: { intervalSeconds: 10 }, vendorOptions: { libreswan: { narrowing: true } } });
    expect(pairs(partner?.children ?? [])).toEqual(['10.0.1.0/24 <-> 172.20.0.0/16', '10.0.3.0/24 <-> 172.20.0.0/16']);
    expect(partner?.children[0]?.esp.lifetimeSeconds).toBe(1800);
  });

  it('takes each PSK conn\'s key from the ipsec.secrets record of its two ends', () => {
    expect(r.meaning.peers.map((p) => p.psk)).toEqual([undefined, 'partner-secret', 'cloud-secret']);
  });

  it('makes the device route-based with ipsec-interface=7 bound to ipsec7', () => {
    expect(cloud?.tunnelInterface).toBe('ipsec7');
    expect(r.meaning.device).toEqual({ vpnType: 'route-based', interfaces: [], routes: [], natRules: [], policies: [] });
  });

  it('accounts for every line: config setup known, the include and an odd parameter reported with their numbers', () => {
    expect(r.lines).toMatchObject({ used: 39, ignored: 7 });
    expect(unknown(r)).toEqual(['ipsec.conf:58 colour=blue (not a parameter of ipsec.conf(5))', 'ipsec.conf:60 include /etc/ipsec.d/*.conf (the included file is not among those read)']);
  });
});

describe('OpenIKED iked.conf after iked.conf(5) "MACROS" and "AUTOMATIC KEYING POLICIES"', () => {
  const r = ok(openikedReader.read([file('openiked/iked.conf')]));
  const [macro, branch] = r.meaning.peers;

  it('expands macros ($name outside quotes) into the policies', () => {
    // No mode written: passive (iked.conf(5) "If omitted, passive mode will be used").
    expect(macro).toMatchObject({ remoteAddress: '192.168.3.12', passive: true, ikeVersion: 2, auth: { method: 'certificate' }, dpd: { intervalSeconds: 30 } });
    expect(pairs(macro?.children ?? [])).toEqual(['192.168.7.0/24 <-> 192.168.8.0/24']);
    expect(branch).toMatchObject({ name: 'branch', passive: false, remoteAddress: '192.168.3.20', localAddress: '192.168.3.1', psk: 'this-is-the-key', auth: { method: 'psk', localId: 'fqdn:gw.example.net', remoteId: 'fqdn:branch.example.net' } });
    expect(pairs(branch?.children ?? [])).toEqual(['10.1.0.0/24 <-> 10.2.0.0/24', '10.1.1.0/24 <-> 10.2.0.0/24']);
    expect(r.meaning.device?.vpnType).toBe('policy-based');
  });

  it('reports a macro used before any definition and an include of a file not given, with their numbers', () => {
    expect(r.lines).toMatchObject({ used: 7, ignored: 1 });
    expect(unknown(r)).toEqual([
      'iked.conf:29 ikev2 "typo" esp from 10.9.0.0/24 to 10.8.0.0/24 peer $nowhere (the macro $nowhere is not defined above this line)',
      'iked.conf:31 include "/etc/iked.conf.local" (the included file is not among those read: add it to the import)',
    ]);
  });

  it('reads the included file when it is given, and does not expand a macro inside quotes', () => {
    const main = 'gw = "192.0.2.8"\nikev2 "q" esp from 10.0.0.0/24 to 10.1.0.0/24 peer $gw psk "$gw"\ninclude "/etc/iked.local.conf"\n';
    const local = 'ikev2 esp from 10.2.0.0/24 to 10.3.0.0/24 peer $gw\n';
    const v = ok(openikedReader.read([{ name: 'iked.conf', content: main }, { name: 'iked.local.conf', content: local }]));
    expect(v.meaning.peers.map((p) => [p.remoteAddress, p.psk])).toEqual([['192.0.2.8', '$gw'], ['192.0.2.8', undefined]]);
    expect(v.lines).toMatchObject({ used: 4, ignored: 0, unknown: [] });
  });
});

describe('recognize: each product\'s file goes to its own reader', () => {
  const texts = {
    swanctl: file('strongswan/moon.swanctl.conf').content,
    strongswanIpsec: file('strongswan/ipsec.conf').content,
    libreswanIpsec: file('libreswan/ipsec.conf').content,
    iked: file('openiked/iked.conf').content,
  };
  const scores = (t: string) => [strongswanReader.recognize?.(t), libreswanReader.recognize?.(t), openikedReader.recognize?.(t)];

  it('scores each fixture highest for its own product, by the keywords each alone has', () => {
    expect(scores(texts.swanctl)).toEqual([1, 0, 0]);
    expect(scores(texts.strongswanIpsec)).toEqual([1, 0.2, 0]);
    expect(scores(texts.libreswanIpsec)).toEqual([0.2, 1, 0]);
    expect(scores(texts.iked)).toEqual([0, 0, 1]);
  });

  it('gives a file with neither product\'s own keywords to Libreswan, the layout strongSwan deprecated', () => {
    const plain = 'version 2\nconn a\n    left=192.0.2.1\n    right=192.0.2.2\n    leftsubnet=10.1.0.0/24\n    rightsubnet=10.2.0.0/24\n    authby=secret\n    auto=start\n';
    expect(scores(plain)).toEqual([0.85, 0.9, 0]);
  });

  it('imports each fixture as its own product, both ipsec.conf files read by the right one', () => {
    const vendorOf = (name: string, content: string, more: { name: string; content: string }[] = []) => {
      const r = importConfigurations([{ name, content, more }]);
      if (!r.ok) throw new Error(r.message);
      return r.files[0]?.vendor;
    };
    expect(vendorOf('swanctl.conf', texts.swanctl)).toBe('strongswan');
    expect(vendorOf('ipsec.conf', texts.strongswanIpsec, [file('strongswan/ipsec.secrets')])).toBe('strongswan');
    expect(vendorOf('ipsec.conf', texts.libreswanIpsec, [file('libreswan/ipsec.secrets')])).toBe('libreswan');
    expect(vendorOf('iked.conf', texts.iked)).toBe('openiked');
  });
});
