// How a Cisco ASA configuration is written: top-level commands, some opening a configuration mode
// whose commands are indented one space below them. The commands are those of the "Cisco ASA
// Series VPN CLI Configuration Guide, 9.x", chapters "IPsec and ISAKMP" (crypto ikev1/ikev2
// policy, transform sets, IPsec proposals, crypto maps) and "LAN-to-LAN IPsec VPNs" (tunnel-group
// type ipsec-l2l, ipsec-attributes), with the network objects, access lists and identity NAT for
// VPN that carry the traffic: the commands the product's exports are made of, not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

const CHECKED = 'the structural grammar of this file (test/shared/export/structure.ts) and the read-back of ./reader.ts (test/shared/export/read-back.test.ts)';

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
  // Batfish's ASA grammar predates the 8.4 tunnel-group syntax of IKEv1/IKEv2 keys.
  batfishGaps: [
    { statement: /^ikev1 pre-shared-key \S+$/, source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "LAN-to-LAN IPsec VPNs" > Configure a Connection Profile (tunnel-group <peer> ipsec-attributes: ikev1 pre-shared-key <key>)' },
    { statement: /^ikev2 (?:local|remote)-authentication pre-shared-key \S+$/, source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "LAN-to-LAN IPsec VPNs" > Configure a Connection Profile (ikev2 local-authentication / remote-authentication pre-shared-key <key>)' },
    { statement: /^range [0-9A-Fa-f:]+ [0-9A-Fa-f:]+$/, source: 'Cisco ASA Series General Operations CLI Configuration Guide 9.x, "Objects for Access Control" > Configure Network Objects (range start_address end_address, IPv4 or IPv6)' },
  ],
  // What Batfish's ASA grammar reads only through catch-alls; each is checked by the structural
  // grammar above (test/shared/export/structure.ts: statement heads, modes, names defined before
  // use) and read back by ./reader.ts (test/shared/export/read-back.test.ts), which checks its words.
  batfishCatchAll: [
    { statement: /^crypto ikev[12] enable \S+$/, source: CHECKED },
    { statement: /^crypto ipsec ikev1 transform-set \S+ esp-\S+ esp-\S+$/, source: CHECKED },
    { statement: /^crypto map \S+ \d+ set /, source: CHECKED },
    { statement: /^crypto map \S+ interface \S+$/, source: CHECKED },
    { statement: /^tunnel-group \S+ (?:type ipsec-l2l|ipsec-attributes)$/, source: CHECKED },
    { statement: /^isakmp keepalive (?:threshold \d+ retry \d+|disable)$/, source: CHECKED },
    { statement: /^(?:authentication (?:pre-share|rsa-sig)|encryption [a-z0-9 -]+|hash (?:sha|md5)|group [\d ]+|integrity [a-z0-9 -]+|prf [a-z0-9 -]+|lifetime (?:seconds )?\d+)$/, source: `${CHECKED} (crypto ikev1/ikev2 policy bodies)` },
    { statement: /^protocol esp (?:encryption|integrity) [a-z0-9 -]+$/, source: `${CHECKED} (ipsec-proposal bodies)` },
  ],
  // "IPsec and ISAKMP", crypto maps: the map's access list names network objects (or any4/any6),
  // each object holding a subnet, a host or a range.
  selectors: {
    statements: [/^access-list \S+ extended permit \S+ (?<local>object \S+|any4|any6)(?: (?:eq \d+|range \d+ \d+))? (?<remote>object \S+|any4|any6)/],
    address: [/^object (?<object>\S+)$/, /^(?<any>any4)$/, /^(?<any6>any6)$/],
    objects: { define: /^object network (\S+)$/, address: [/^subnet (?<address>\S+) (?<netmask>\S+)$/, /^subnet (?<prefix>\S+\/\d+)$/, /^host (?<host>\S+)$/] },
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
