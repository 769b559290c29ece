// The FortiGate reader (shared/vendors/fortigate/reader.ts) on FortiOS configuration written by
// hand as the CLI prints it (defaults left out, other tables around), not only the exporter's lines.
import { describe, expect, it } from 'vitest';
import { fortigateReader } from '../../../shared/vendors/fortigate/reader';

const read = (content: string) => {
  const r = fortigateReader.read([{ name: 'x.fortigate.txt', content }]);
  if (!r.ok) throw new Error(r.message);
  return r;
};

const CONFIG = `config system global
    set hostname "fgt"
end
config vpn ipsec phase1-interface
    edit "to-b"
        set interface "wan1"
        set ike-version 2
        set peertype one
        set proposal aes256-sha256 aes256gcm-prfsha384
        set dhgrp 19 14
        set remote-gw 203.0.113.2
        set psksecret "a\\"b\\\\c"
        set localid "site-key"
        set localid-type keyid
        set peerid "b.example.net"
    next
end
config vpn ipsec phase2-interface
    edit "to-b-1"
        set phase1name "to-b"
        set proposal aes256gcm aes128-sha1
        set pfs disable
        set protocol 6
        set src-subnet 10.1.0.0 255.255.255.0
        set dst-addr-type range
        set dst-start-ip 10.2.0.5
        set dst-end-ip 10.2.0.9
        set dst-port 443
        set keylife-type both
        set keylifekbs 10240
    next
end
config router static
    edit 0
        set dst 10.2.0.0 255.255.255.0
        set device "to-b"
    next
end
`;

describe('FortiGate reader', () => {
  it('reads phase 1, phase 2 and routes with the CLI Reference defaults for what is not set', () => {
    const r = read(CONFIG);
    expect(r.lines.unknown).toEqual([]);
    // system global's config and end; its hostname is used (the device's name).
    expect(r.lines.ignored).toBe(2);
    expect(r.meaning.device?.hostname).toBe('fgt');
    expect(r.meaning.peers).toMatchObject([
      {
        remoteAddress: '203.0.113.2',
        ikeVersion: 2,
        ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19, 14] }, { encryption: ['aes256gcm16'], integrity: ['sha384'], dhGroups: [19, 14] }], lifetimeSeconds: 86400 },
        auth: { method: 'psk', localId: 'key-id:site-key', remoteId: 'fqdn:b.example.net' },
        dpd: { intervalSeconds: 20 },
        children: [
          {
            local: '10.1.0.0/24[tcp]',
            remote: '10.2.0.5-10.2.0.9[tcp/443]',
            esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: [], dhGroups: [] }, { encryption: ['aes128'], integrity: ['sha1'], dhGroups: [] }], lifetimeSeconds: 43200, lifetimeKilobytes: 10240 },
          },
        ],
        routes: ['10.2.0.0/24'],
      },
    ]);
    // For import: the phase 1 is the tunnel's name and its tunnel interface; the key is in clear
    // (the lexer's escapes undone); NAT-T and passive mode are not set, so left to the defaults.
    const p = r.meaning.peers[0];
    expect(p).toMatchObject({ name: 'to-b', outsideInterface: 'wan1', tunnelInterface: 'to-b', psk: 'a"b\\c', pskPresent: true });
    expect(p).not.toHaveProperty('natTraversal');
    expect(p).not.toHaveProperty('passive');
  });

  it('a key as a saved configuration prints it (ENC …) is present but not clear; a 0x key is hex of the key; NAT-T and passive mode as written', () => {
    const enc = read(CONFIG.replace('set psksecret "a\\"b\\\\c"', 'set psksecret ENC mK9vRkx2c3RhZ2VkLWtleS1ub3QtY2xlYXI=\n        set nattraversal forced\n        set passive-mode enable'));
    expect(enc.lines.unknown).toEqual([]);
    expect(enc.meaning.peers[0]).toMatchObject({ pskPresent: true, natTraversal: true, passive: true });
    expect(enc.meaning.peers[0]).not.toHaveProperty('psk');
    const hex = read(CONFIG.replace('set psksecret "a\\"b\\\\c"', 'set psksecret 0x307873c3a9\n        set nattraversal disable\n        set passive-mode disable'));
    expect(hex.meaning.peers[0]).toMatchObject({ psk: '0xsé', pskPresent: true, natTraversal: false, passive: false });
    const none = read(CONFIG.replace(/ +set psksecret .*\n/, ''));
    expect(none.meaning.peers[0]).not.toHaveProperty('pskPresent');
    const odd = read(CONFIG.replace('set localid "site-key"', 'set nattraversal sometimes\n        set localid "site-key"'));
    expect(odd.lines.unknown.map((u) => [u.line, u.text])).toEqual([[13, expect.stringContaining('nattraversal takes enable, forced, disable')]]);
  });

  it('peerid is not a remote identity with peertype any (FortiOS then accepts any peer ID)', () => {
    expect(read(CONFIG.replace('set peertype one', 'set peertype any')).meaning.peers[0]?.auth).not.toHaveProperty('remoteId');
  });

  it('reports what it cannot read, by line: an unknown key of a VPN table, a phase 2 naming an undefined phase 1, a proposal FortiOS has not', () => {
    const r = read(`config vpn ipsec phase2-interface
    edit "x"
        set phase1name "nowhere"
        set frobnicate on
    next
end
config vpn ipsec phase1-interface
    edit "p"
        set proposal aes256-prfmd5
    next
end
`);
    expect(r.lines.unknown.map((u) => u.line)).toEqual([4, 9, 3]);
    expect(r.meaning.peers.map((p) => p.children.length)).toEqual([0]);
  });

  it('refuses a file whose config block is not closed', () => {
    expect(fortigateReader.read([{ name: 'x.fortigate.txt', content: 'config vpn ipsec phase1-interface\n    edit "p"\n    next\n' }]).ok).toBe(false);
  });
});
