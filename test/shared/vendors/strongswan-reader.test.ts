// The swanctl.conf reader (shared/vendors/strongswan/reader.ts) on configurations written by hand,
// as charon's settings parser reads them: includes, quoting, values of several words, defaults,
// and every statement line accounted for.
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../../shared/vendors/kit/reader';
import { parseAddressSpec } from '../../../shared/net/address';
import { strongswanTs } from '../../../shared/vendors/strongswan/export';
import { strongswanReader } from '../../../shared/vendors/strongswan/reader';

const read = (...files: [string, string][]) => strongswanReader.read(files.map(([name, content]) => ({ name, content })));
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

const MAIN = `# a hand-written file
connections {
    hq {   # the head office
        version = 1
        remote_addrs = 203.0.113.2, 203.0.113.3
        local_addrs = %any
        proposals = aes256-sha256-modp2048,aes128-sha1-ecp256
        reauth_time = 8h
        aggressive = yes
        local-1 {
            auth = psk
            id = "branch@example.net"
        }
        remote {
            auth = psk
            id = vpn.example.net
        }
        children {
            lan {
                local_ts = 10.1.0.0/24, 10.3.0.0/24
                remote_ts = 10.2.0.0/24[tcp/443]
                esp_proposals = aes128gcm16-modp2048
                rekey_bytes = 1m
                updown = /usr/libexec/ipsec/_updown iptables
            }
            icmp {
                remote_ts = 10.2.0.0/24[icmp/2048]
            }
        }
    }
}
include conf.d/*.conf
`;
const EXTRA = `connections {
    dc {
        remote_addrs = 192.0.2.9
        local_addrs = 192.0.2.1
        children {
            all {
                remote_ts = 10.9.0.0/16
            }
        }
    }
}
secrets {
    ike-dc {
        secret = "a \\"quoted\\" key"
    }
}
`;

describe('strongSwan reader', () => {
  it('reads connections, children and the defaults swanctl.conf(5) gives what is not written, following includes', () => {
    const r = ok(read(['swanctl.conf', MAIN], ['conf.d/dc.conf', EXTRA]));
    const [hq, dc] = r.meaning.peers;
    expect(hq).toMatchObject({ remoteAddress: '203.0.113.2', ikeVersion: 1, exchangeMode: 'aggressive', ike: { lifetimeSeconds: 28800 }, auth: { method: 'psk', localId: 'user-fqdn:branch@example.net', remoteId: 'fqdn:vpn.example.net' } });
    expect(hq?.localAddress).toBeUndefined();
    expect(hq?.ike.proposals).toEqual([{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }, { encryption: ['aes128'], integrity: ['sha1'], dhGroups: [19] }]);
    // One child per pair of selectors; an ICMP port is charon's 16-bit type/code (2048 = type 8); no local_ts: the IKE address (none here).
    expect(hq?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.0.0/24 <-> 10.2.0.0/24[tcp/443]', '10.3.0.0/24 <-> 10.2.0.0/24[tcp/443]']);
    expect(hq?.children[0]?.esp).toEqual({ proposals: [{ encryption: ['aes128gcm16'], integrity: [], dhGroups: [14] }], lifetimeSeconds: 3600, lifetimeKilobytes: 1024 });
    // dc: IKE version 0 (either) is read as IKEv2, rekey_time 4h by default, no local_ts: `dynamic`, its IKE address.
    expect(dc).toMatchObject({ remoteAddress: '192.0.2.9', localAddress: '192.0.2.1', ikeVersion: 2, ike: { lifetimeSeconds: 14400 }, auth: { method: 'certificate' } });
    expect(dc?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['192.0.2.1/32 <-> 10.9.0.0/16']);
    // The `icmp` child has no local_ts and its connection no local address to read `dynamic` as.
    expect(r.lines.unknown.map((u) => `${u.file}:${u.line} ${u.text}`)).toEqual(['swanctl.conf:26 icmp { (not understood)']);
  });

  it('accounts for every line: used, ignored (known to swanctl.conf(5), not part of the meaning) and unknown with file and line', () => {
    const r = ok(read(['swanctl.conf', MAIN], ['conf.d/dc.conf', EXTRA]));
    // 34 statement lines (a section is one, its closing brace part of it; the include line is one): the updown line is ignored, the `icmp` child unknown.
    expect(r.lines).toMatchObject({ used: 32, ignored: 1 });
    expect(r.lines.unknown).toHaveLength(1);
    const odd = ok(read(['a.swanctl.conf', 'connections {\n    x {\n        remote_addrs = 192.0.2.1\n        colour = blue\n        proposals = aes256-sha256-modp2048, default\n    }\n}\nfoo {\n    bar = 1\n}\n']));
    expect(odd.lines.unknown.map((u) => [u.line, u.text])).toEqual([[4, 'colour = blue (not a key of swanctl.conf(5))'], [5, 'proposals = aes256-sha256-modp2048, default (not understood)'], [8, 'foo { (not a section of swanctl.conf(5))'], [9, 'bar = 1 (inside a section swanctl.conf(5) does not have)']]);
  });

  it('reads values as the settings lexer does: quoted strings with escapes, several words joined by one space, # and } ending a bare value', () => {
    const r = ok(read(['q.swanctl.conf', 'connections {\n    x {\n        remote_addrs = 192.0.2.1 # the peer\n        remote {\n            id = "CN=vpn, O=Example \\"Corp\\""\n        }\n        local { id = fqdn:a.example.net }\n    }\n}\n']));
    expect(r.meaning.peers[0]?.auth).toEqual({ method: 'certificate', localId: 'fqdn:a.example.net', remoteId: 'dn:CN=vpn, O=Example "Corp"' });
  });

  it('refuses what charon would not load, saying where', () => {
    for (const [text, where] of [['connections {\n    x {\n', 'not closed'], ['connections {\n}\n}\n', 'line 3'], ['connections {\n    a.b = 1\n}\n', 'line 2'], ['connections {\n    x = "open\n}\n', 'line 2']] as const) {
      const r = read(['bad.swanctl.conf', text]);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toContain(where);
    }
    // A file not named .conf is read by what it holds (a pasted text has no name of its own).
    expect(read(['x.txt', 'connections {}\n']).ok).toBe(true);
    expect(read(['x.txt', 'hello\n']).ok).toBe(false);
  });

  it('reads an include of a file it was not given as a line it could not follow', () => {
    const r = ok(read(['s.swanctl.conf', 'include /etc/swanctl/conf.d/*.conf\n']));
    expect(r.lines.unknown.map((u) => u.text)).toEqual(['include /etc/swanctl/conf.d/*.conf (the included file is not among those read)']);
  });

  it('reads a port with protocol any as charon does (`[any/443]`), and refuses `%any`, which parse_ts does not take', () => {
    const range = parseAddressSpec('10.1.0.0/24');
    if (!range.ok) throw new Error(range.message);
    const ts = strongswanTs(range.value, 0, { from: 443, to: 443 });
    expect(ts).toBe('10.1.0.0/24[any/443]');
    const conf = (sel: string) => `connections {\n    x {\n        remote_addrs = 192.0.2.1\n        children {\n            c {\n                local_ts = ${sel}\n                remote_ts = 10.2.0.0/24\n            }\n        }\n    }\n}\n`;
    expect(ok(read(['a.swanctl.conf', conf(ts)])).meaning.peers[0]?.children[0]?.local).toBe('10.1.0.0/24[0/443]');
    expect(ok(read(['a.swanctl.conf', conf('10.1.0.0/24[%any/443]')])).lines.unknown.map((u) => u.line)).toEqual([6]);
  });
});
