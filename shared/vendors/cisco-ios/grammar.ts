// How a Cisco IOS-XE configuration is written: top-level commands, some opening a configuration
// mode whose commands are indented one space below them (a keyring's peer, two). The commands are
// those of Cisco's "Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x"
// (transform sets, crypto ACLs, crypto maps), the "Internet Key Exchange Version 2 Configuration
// Guide" (IKEv2 proposal, policy, keyring, profile) and "IPsec Virtual Tunnel Interfaces" (tunnel
// mode ipsec, tunnel protection ipsec profile): the commands the product's exports are made of,
// not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.ios.txt',
  comment: '!',
  batfish: 'ios',
  syntax: {
    kind: 'indented-modes',
    flat: ['crypto isakmp key', 'crypto isakmp keepalive', 'ip route', 'ipv6 route'],
    modes: [
      { top: /^crypto ikev2 proposal \S+$/, sub: ['encryption', 'integrity', 'prf', 'group'] },
      { top: /^crypto ikev2 policy \S+$/, sub: ['proposal', 'match address local'] },
      { top: /^crypto ikev2 keyring \S+$/, sub: ['peer'], nested: { parent: /^peer \S+$/, sub: ['address', 'pre-shared-key'] } },
      { top: /^crypto ikev2 profile \S+$/, sub: ['match identity remote', 'identity local', 'authentication remote', 'authentication local', 'keyring local', 'lifetime', 'dpd'] },
      { top: /^crypto isakmp policy \d+$/, sub: ['encr', 'hash', 'authentication', 'group', 'lifetime'] },
      { top: /^crypto ipsec transform-set \S+ .+$/, sub: ['mode tunnel', 'mode transport'] },
      { top: /^crypto ipsec profile \S+$/, sub: ['set transform-set', 'set ikev2-profile', 'set pfs', 'set security-association lifetime'] },
      { top: /^ip access-list extended \S+$/, sub: ['permit', 'deny'] },
      { top: /^crypto map \S+ \d+ ipsec-isakmp$/, sub: ['set peer', 'set transform-set', 'set ikev2-profile', 'set pfs', 'set security-association lifetime', 'match address'] },
      { top: /^interface \S+$/, sub: ['ip unnumbered', 'tunnel source', 'tunnel mode ipsec', 'tunnel destination', 'tunnel protection ipsec profile', 'crypto map'] },
    ],
    // Proposals, keyrings, profiles, transform sets, access lists, IPsec profiles and crypto maps
    // are named; policies, profiles, maps and interfaces refer to them.
    names: {
      define: [/^crypto ikev2 proposal (\S+)$/, /^crypto ikev2 keyring (\S+)$/, /^crypto ikev2 profile (\S+)$/, /^crypto ipsec transform-set (\S+) /, /^ip access-list extended (\S+)$/, /^crypto ipsec profile (\S+)$/, /^crypto map (\S+) \d+ ipsec-isakmp$/],
      use: [/^ proposal (\S+)$/, /^ keyring local (\S+)$/, /^ set transform-set (.+)$/, /^ set ikev2-profile (\S+)$/, /^ match address (\S+)$/, /^ tunnel protection ipsec profile (\S+)$/, /^ crypto map (\S+)$/],
    },
    // The CLI splits a command at spaces and has no quoting (shared/vendors/families/cisco-words.ts).
    words: { word: /^[^ ]+/u, quotes: [] },
  },
  // "Security for VPNs with IPsec", crypto ACLs: `permit <protocol> <source> [port] <destination>`,
  // each side `host A`, `any` or an address with its wildcard mask.
  selectors: {
    statements: [/^ permit \S+ (?<local>\S+ \d+\.\d+\.\d+\.\d+|host \S+|any)(?: (?:eq \d+|range \d+ \d+))? (?<remote>\S+ \d+\.\d+\.\d+\.\d+|host \S+|any)/],
    address: [/^host (?<host>\S+)$/, /^(?<any>any)$/, /^(?<address>\S+) (?<wildcard>\d+\.\d+\.\d+\.\d+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
