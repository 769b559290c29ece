// How a PAN-OS configuration is written: configure-mode `set` lines, one statement per line from
// the top of the hierarchy. The statements are those the product's exports are made of, as the
// PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN" writes them (IKE gateway, crypto
// profiles, IPSec tunnel with proxy IDs, tunnel interface, its zone, route and rules): an
// allow-list of what is written, not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

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
  // Set Up an IPSec Tunnel, "Proxy IDs": `auto-key proxy-id <name> local <prefix> remote <prefix> protocol …`.
  selectors: {
    statements: [/ auto-key proxy-id(?:-v6)? \S+ local (?<local>\S+) remote (?<remote>\S+) /],
    address: [/^(?<prefix>\S+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
