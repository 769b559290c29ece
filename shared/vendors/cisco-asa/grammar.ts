// How a Cisco ASA configuration is written: top-level commands, some opening a configuration mode
// whose commands are indented one space below them. The commands are those of the "Cisco ASA
// Series VPN CLI Configuration Guide, 9.x", chapters "IPsec and ISAKMP" (crypto ikev1/ikev2
// policy, transform sets, IPsec proposals, crypto maps) and "LAN-to-LAN IPsec VPNs" (tunnel-group
// type ipsec-l2l, ipsec-attributes), with the network objects, access lists and identity NAT for
// VPN that carry the traffic: the commands the product's exports are made of, not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.asa.txt',
  comment: '!',
  batfish: 'asa',
  syntax: {
    kind: 'indented-modes',
    flat: ['access-list <w> extended permit', 'crypto ikev1 enable', 'crypto ikev2 enable', 'crypto ipsec ikev1 transform-set', 'crypto map', 'nat', 'tunnel-group <w> type ipsec-l2l'],
    modes: [
      { top: /^object network \S+$/, sub: ['host', 'subnet', 'range'] },
      { top: /^object-group network \S+$/, sub: ['network-object object'] },
      { top: /^crypto ikev1 policy \d+$/, sub: ['authentication', 'encryption', 'hash', 'group', 'lifetime'] },
      { top: /^crypto ikev2 policy \d+$/, sub: ['encryption', 'integrity', 'group', 'prf', 'lifetime seconds'] },
      { top: /^crypto ipsec ikev2 ipsec-proposal \S+$/, sub: ['protocol esp encryption', 'protocol esp integrity'] },
      { top: /^tunnel-group \S+ ipsec-attributes$/, sub: ['ikev1 pre-shared-key', 'ikev2 remote-authentication pre-shared-key', 'ikev2 local-authentication pre-shared-key', 'isakmp keepalive'] },
    ],
    // Objects, object groups, access lists, transform sets, IPsec proposals, tunnel groups and
    // crypto maps are named; access lists, groups, crypto maps and NAT rules refer to them.
    names: {
      define: [/^object network (\S+)$/, /^object-group network (\S+)$/, /^access-list (\S+) /, /^crypto ipsec ikev1 transform-set (\S+) /, /^crypto ipsec ikev2 ipsec-proposal (\S+)$/, /^tunnel-group (\S+) type ipsec-l2l$/, /^crypto map (\S+) \d+ match address/],
      use: [/^ network-object object (\S+)$/, / object (\S+)/g, / match address (\S+)$/, / set ikev1 transform-set (.+)$/, / set ikev2 ipsec-proposal (\S+)$/, /^tunnel-group (\S+) ipsec-attributes$/, / source static (\S+) (\S+) destination static (\S+) (\S+)/, /^crypto map (\S+) interface/],
    },
    // The CLI splits a command at spaces and has no quoting (shared/vendors/families/cisco-words.ts).
    words: { word: /^[^ ]+/u, quotes: [] },
  },
  // "IPsec and ISAKMP", crypto maps: the map's access list names network objects (or any4/any6),
  // each object holding a subnet, a host or a range.
  selectors: {
    statements: [/^access-list \S+ extended permit \S+ (?<local>object \S+|any4|any6)(?: (?:eq \d+|range \d+ \d+))? (?<remote>object \S+|any4|any6)/],
    address: [/^object (?<object>\S+)$/, /^(?<any>any4)$/, /^(?<any6>any6)$/],
    objects: { define: /^object network (\S+)$/, address: [/^subnet (?<address>\S+) (?<netmask>\S+)$/, /^subnet (?<prefix>\S+\/\d+)$/, /^host (?<host>\S+)$/] },
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
