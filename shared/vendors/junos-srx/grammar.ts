// How a Junos SRX configuration is written: flat `set` lines, one statement per line from the top
// of the hierarchy. The statements are those of Juniper's "Route-Based IPsec VPNs" (security ike
// proposal/policy/gateway, security ipsec proposal/policy/vpn, bind-interface st0.x,
// proxy-identity) and "Traffic Selectors in Route-Based VPNs" (Junos OS VPN IPsec user guide),
// with the interfaces, zones, routes, address book, policies, NAT and applications that carry the
// traffic: the statements the product's exports are made of, not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.junos.txt',
  comment: '#',
  batfish: 'junos',
  syntax: {
    kind: 'set-lines',
    heads: [
      'set security ike proposal <w> authentication-method',
      'set security ike proposal <w> dh-group',
      'set security ike proposal <w> authentication-algorithm',
      'set security ike proposal <w> encryption-algorithm',
      'set security ike proposal <w> lifetime-seconds',
      'set security ike policy <w> mode',
      'set security ike policy <w> proposals',
      'set security ike policy <w> pre-shared-key ascii-text',
      'set security ike gateway <w> ike-policy',
      'set security ike gateway <w> address',
      'set security ike gateway <w> external-interface',
      'set security ike gateway <w> local-address',
      'set security ike gateway <w> version',
      'set security ike gateway <w> local-identity',
      'set security ike gateway <w> remote-identity',
      'set security ike gateway <w> dead-peer-detection',
      'set security ike gateway <w> no-nat-traversal',
      'set security ipsec proposal <w> protocol esp',
      'set security ipsec proposal <w> authentication-algorithm',
      'set security ipsec proposal <w> encryption-algorithm',
      'set security ipsec proposal <w> lifetime-seconds',
      'set security ipsec proposal <w> lifetime-kilobytes',
      'set security ipsec policy <w> perfect-forward-secrecy keys',
      'set security ipsec policy <w> proposals',
      'set security ipsec vpn <w> bind-interface',
      'set security ipsec vpn <w> ike gateway',
      'set security ipsec vpn <w> ike ipsec-policy',
      'set security ipsec vpn <w> ike proxy-identity',
      'set security ipsec vpn <w> traffic-selector',
      'set security ipsec vpn <w> establish-tunnels',
      'set security ipsec vpn <w> vpn-monitor',
      'set interfaces <w> unit <w> family',
      'set security zones security-zone <w> interfaces',
      'set security zones security-zone <w> host-inbound-traffic system-services ike',
      'set routing-options static route',
      'set routing-options rib inet6.0 static route',
      'set security address-book global address',
      'set security policies from-zone <w> to-zone <w> policy <w> match',
      'set security policies from-zone <w> to-zone <w> policy <w> then',
      'set security nat source rule-set',
      'set applications application',
    ],
    // Proposals, policies, gateways, VPNs, addresses, applications and the st0 units are named;
    // a unit is the interface's name with its number (st0.0), as bind-interface refers to it.
    names: {
      define: [/^set security ike proposal (\S+) /, /^set security ike policy (\S+) /, /^set security ike gateway (\S+) /, /^set security ipsec proposal (\S+) /, /^set security ipsec policy (\S+) /, /^set security ipsec vpn (\S+) ike gateway /, /^set security address-book global address (\S+) /, /^set applications application (\S+) /, /^set interfaces (st0) unit (\d+) family/],
      use: [/^set security ike policy \S+ proposals (\[[^\]]+\]|\S+)$/, / ike-policy (\S+)$/, /^set security ipsec policy \S+ proposals (\[[^\]]+\]|\S+)$/, / ike gateway (\S+)$/, / ike ipsec-policy (\S+)$/, / source-address (\[[^\]]+\]|\S+) destination-address (\[[^\]]+\]|\S+) application/, / service (\S+)$/, /tunnel ipsec-vpn (\S+)$/, /bind-interface (st0\.\d+)$/],
    },
    // "…" holds spaces ("filter (Firewall Filters)": "enclose it in quotation marks"), a backslash
    // escapes the next character (Batfish's Junos grammar); words stop at a space, [ ] are words.
    words: { word: /^[^\s"]+/u, quotes: [{ char: '"', escapes: /[\s\S]/u }] },
  },
  // Batfish's Junos grammar models what Batfish analyses; each statement below is in Juniper's
  // documentation for SRX.
  batfishGaps: [
    { statement: /^set security ipsec vpn \S+ traffic-selector \S+ local-ip \S+ remote-ip \S+$/, source: 'Juniper Junos OS IPsec VPN User Guide, "Traffic Selectors in Route-Based VPNs" (traffic-selector name local-ip ip-address/netmask remote-ip ip-address/netmask)' },
    { statement: /^set security ipsec vpn \S+ establish-tunnels on-traffic$/, source: 'JUNOS Software CLI Reference, "vpn" ([edit security ipsec]: establish-tunnels (immediately | on-traffic))' },
    { statement: /^set security ike gateway \S+ (?:local|remote)-identity (?:inet \S+|inet6 \S+|hostname \S+|user-at-hostname \S+|distinguished-name)$/, source: 'Junos CLI Reference, "local-identity" and "remote-identity" ([edit security ike gateway]: inet, inet6, hostname, user-at-hostname, distinguished-name)' },
    { statement: /^set security address-book global address \S+ [0-9A-Fa-f:]*:[0-9A-Fa-f:]*\/\d+$/, source: 'Junos CLI Reference, "address (Address Book)" (ip-prefix: an IPv4 or IPv6 prefix)' },
  ],
  // "Traffic Selectors in Route-Based VPNs": `traffic-selector <name> local-ip <prefix> remote-ip <prefix>`;
  // "Route-Based IPsec VPNs": `ike proxy-identity local <prefix> remote <prefix> service …`.
  selectors: {
    statements: [/ traffic-selector \S+ local-ip (?<local>\S+) remote-ip (?<remote>\S+)$/, / proxy-identity local (?<local>\S+) remote (?<remote>\S+) /],
    address: [/^(?<prefix>\S+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
