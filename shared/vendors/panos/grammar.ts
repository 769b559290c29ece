// How a PAN-OS configuration is written: configure-mode `set` lines, one statement per line from
// the top of the hierarchy. The statements are those the product's exports are made of, as the
// PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN" writes them (IKE gateway, crypto
// profiles, IPSec tunnel with proxy IDs, tunnel interface, its zone, route and rules): an
// allow-list of what is written, not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

const CODEGEN = 'PAN-OS XML schema as normalised by Palo Alto Networks in pan-os-codegen,';

export const configFile: FileGrammar = {
  suffix: '.panos.txt',
  comment: '#',
  batfish: 'panos',
  syntax: {
    kind: 'set-lines',
    heads: [
      'set network ike crypto-profiles ike-crypto-profiles <w> encryption',
      'set network ike crypto-profiles ike-crypto-profiles <w> hash',
      'set network ike crypto-profiles ike-crypto-profiles <w> dh-group',
      'set network ike crypto-profiles ike-crypto-profiles <w> lifetime',
      'set network ike crypto-profiles ipsec-crypto-profiles <w> esp encryption',
      'set network ike crypto-profiles ipsec-crypto-profiles <w> esp authentication',
      'set network ike crypto-profiles ipsec-crypto-profiles <w> dh-group',
      'set network ike crypto-profiles ipsec-crypto-profiles <w> lifetime',
      'set network ike crypto-profiles ipsec-crypto-profiles <w> lifesize',
      'set network ike gateway <w> protocol version',
      'set network ike gateway <w> protocol ikev1',
      'set network ike gateway <w> protocol ikev2',
      'set network ike gateway <w> protocol-common nat-traversal enable',
      'set network ike gateway <w> protocol-common passive-mode',
      'set network ike gateway <w> local-address interface',
      'set network ike gateway <w> peer-address ip',
      'set network ike gateway <w> authentication pre-shared-key key',
      'set network ike gateway <w> local-id type',
      'set network ike gateway <w> peer-id type',
      'set network ike gateway <w> ipv6 yes',
      'set network interface tunnel units',
      'set zone <w> network layer3',
      'set network virtual-router <w> interface',
      'set network virtual-router <w> routing-table ip static-route',
      'set network virtual-router <w> routing-table ipv6 static-route',
      'set network tunnel ipsec <w> tunnel-interface',
      'set network tunnel ipsec <w> auto-key ike-gateway',
      'set network tunnel ipsec <w> auto-key ipsec-crypto-profile',
      'set network tunnel ipsec <w> auto-key proxy-id',
      'set network tunnel ipsec <w> auto-key proxy-id-v6',
      'set network tunnel ipsec <w> tunnel-monitor',
      'set network tunnel ipsec <w> ipv6 yes',
      'set network profiles monitor-profile',
      'set address <w> ip-netmask',
      'set address <w> ip-range',
      'set service <w> protocol',
      'set rulebase security rules',
      'set rulebase nat rules',
      'move rulebase nat rules',
    ],
    // Crypto profiles, gateways, tunnel units, addresses, services, monitor profiles, tunnels and
    // NAT rules are named objects; gateways, tunnels, zones, virtual routers and rules refer to them.
    names: {
      define: [/^set network ike crypto-profiles (?:ike|ipsec)-crypto-profiles (\S+) /, /^set network ike gateway (\S+) /, /^set network interface tunnel units (\S+)$/, /^set address (\S+) /, /^set service (\S+) /, /^set network profiles monitor-profile (\S+) /, /^set network tunnel ipsec (\S+) tunnel-interface /, /^set rulebase nat rules (\S+) /],
      use: [/ ike-crypto-profile (\S+)$/, / ipsec-crypto-profile (\S+)$/, / auto-key ike-gateway (\S+)$/, / tunnel-interface (\S+)$/, / layer3 (\S+)$/, /virtual-router \S+ interface (\S+)$/, / interface (tunnel\.\d+)$/, / source (\[[^\]]+\]|\S+) destination (\[[^\]]+\]|\S+)/, / service (\S+) action/, /tunnel-monitor-profile (\S+)$/, /^set network tunnel ipsec (\S+) auto-key/, /^move rulebase nat rules (\S+) top$/],
    },
    // Batfish's PAN-OS lexer (PaloAltoLexer.g4): "…" and '…' without escapes; a word stops at
    // a space, ; , { } [ ] & | ( ) or a quote, and each of ; , { } [ ] & | ( ) is a word itself.
    words: { word: /^[^\s;,{}[\]&|()"']+/u, punctuation: ';,{}[]&|()', quotes: [{ char: '"' }, { char: "'" }] },
  },
  // Batfish's PAN-OS grammar models what Batfish analyses; each statement below is in the PAN-OS
  // schema as Palo Alto Networks' own codegen publishes it (pan-os-codegen, commit 9920a6f).
  batfishGaps: [
    {
      statement: /^set network tunnel ipsec \S+ (?:tunnel-interface \S+|auto-key (?:ike-gateway|ipsec-crypto-profile) \S+|auto-key proxy-id(?:-v6)? \S+ local \S+ remote \S+ protocol .+|tunnel-monitor enable yes destination-ip \S+ tunnel-monitor-profile \S+|ipv6 yes)$/,
      source: `${CODEGEN} specs/network/tunnels/ipsec.yaml (tunnel-interface; auto-key ike-gateway, ipsec-crypto-profile, proxy-id and proxy-id-v6 with local, remote, protocol; tunnel-monitor enable, destination-ip, tunnel-monitor-profile; ipv6); PAN-OS Administrator's Guide, "Set Up an IPSec Tunnel"`,
    },
    {
      statement: /^set network ike crypto-profiles (?:ike|ipsec)-crypto-profiles \S+ dh-group (?:no-pfs|group(?:1|2|5|14|15|16|19|20|21)|\[(?: group(?:1|2|5|14|15|16|19|20|21))+ \])$/,
      source: `${CODEGEN} specs/objects/profiles/ike-crypto-profile.yaml "dh-group" (group1, group2, group5, group14, group15, group16, group19, group20, group21) and ipsec-crypto-profile.yaml "dh-group" (no-pfs and the same groups); Palo Alto Networks Network Security, IPSec VPN Administration, "IKE Phase 1" and "IKE Phase 2" (groups 15, 16, 21 from PAN-OS 10.2.0)`,
    },
    { statement: /^set network ike crypto-profiles ike-crypto-profiles \S+ hash (?:non-auth|\[(?: (?:non-auth|md5|sha1|sha256|sha384|sha512))+ \])$/, source: `${CODEGEN} specs/objects/profiles/ike-crypto-profile.yaml "hash" (non-auth, md5, sha1, sha256, sha384, sha512)` },
    { statement: /^set network ike crypto-profiles ipsec-crypto-profiles \S+ lifesize (?:kb|mb|gb|tb) \d+$/, source: `${CODEGEN} specs/objects/profiles/ipsec-crypto-profile.yaml "lifesize" (kb, mb, gb, tb, each 1-65535)` },
    { statement: /^set address \S+ ip-netmask [0-9A-Fa-f:]*:[0-9A-Fa-f:]*\/\d+$/, source: `${CODEGEN} specs/objects/address.yaml "ip-netmask" (an IPv4 or IPv6 prefix)` },
    { statement: /^set address \S+ ip-range [0-9A-Fa-f:]*:[0-9A-Fa-f:]*-[0-9A-Fa-f:]+$/, source: `${CODEGEN} specs/objects/address.yaml "ip-range" (IPv4 or IPv6 addresses)` },
    { statement: /^set network virtual-router \S+ routing-table ipv6 static-route \S+ destination \S+ interface \S+$/, source: `${CODEGEN} specs/network/virtual-router-static-route-ipv6.yaml (network virtual-router routing-table ipv6 static-route: destination, interface)` },
    { statement: /^set network interface tunnel units \S+ ipv6 enabled yes$/, source: `${CODEGEN} specs/network/interface/tunnel.yaml "ipv6 enabled" ("Enable IPv6 on the interface")` },
  ],
  // Batfish reads the IKE gateway and the monitor profile through its catch-all, checking nothing
  // of them: the structural grammar check (test/shared/export/structure.ts: statement heads, names
  // defined before use) and the read-back (./reader.ts, test/shared/export/read-back.test.ts:
  // version, mode, peer and local address, identities, DPD, crypto profiles) check them.
  batfishCatchAll: [
    { statement: /^set network ike gateway \S+ (?:protocol |protocol-common |local-address |peer-address |authentication pre-shared-key key |local-id type |peer-id type |ipv6 yes$)/, source: 'test/shared/export/structure.ts (statement heads, names defined before use) and the read-back of ./reader.ts (test/shared/export/read-back.test.ts)' },
    { statement: /^set network profiles monitor-profile \S+ action \S+ interval \d+ threshold \d+$/, source: 'test/shared/export/structure.ts (statement heads, names defined before use); the value range by the capability table (test/shared/vendors/value-limits.test.ts)' },
  ],
  // Set Up an IPSec Tunnel, "Proxy IDs": `auto-key proxy-id <name> local <prefix> remote <prefix> protocol …`.
  selectors: {
    statements: [/ auto-key proxy-id(?:-v6)? \S+ local (?<local>\S+) remote (?<remote>\S+) /],
    address: [/^(?<prefix>\S+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
