// How a FortiOS configuration is written: `config <table>` blocks of `edit <entry>` … `next`
// entries holding `set <key> <value>` lines, each block closed by `end`. The tables and keys are
// those of the "FortiOS CLI Reference": config vpn ipsec phase1-interface and phase2-interface,
// firewall address and address6, firewall policy, router static and static6: the keys the
// product's exports are made of, not every key those tables have.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

const FOS_746 = 'Fortinet, FortiOS 7.4.6 CLI Reference';

export const configFile: FileGrammar = {
  suffix: '.fortigate.txt',
  comment: '#',
  batfish: 'fortigate',
  syntax: {
    kind: 'fortios-config',
    tables: {
      'vpn ipsec phase1-interface': ['interface', 'ike-version', 'mode', 'ip-version', 'peertype', 'net-device', 'proposal', 'dhgrp', 'keylife', 'remote-gw', 'remote-gw6', 'authmethod', 'psksecret', 'localid', 'localid-type', 'peerid', 'dpd', 'dpd-retryinterval', 'nattraversal'],
      'vpn ipsec phase2-interface': ['phase1name', 'proposal', 'pfs', 'dhgrp', 'keylifeseconds', 'keylife-type', 'keylifekbs', 'auto-negotiate', 'initiator-ts-narrow', 'protocol', 'src-addr-type', 'dst-addr-type', 'src-subnet', 'dst-subnet', 'src-subnet6', 'dst-subnet6', 'src-start-ip', 'src-end-ip', 'dst-start-ip', 'dst-end-ip', 'src-start-ip6', 'src-end-ip6', 'dst-start-ip6', 'dst-end-ip6', 'src-port', 'dst-port'],
      'firewall address': ['subnet', 'type', 'start-ip', 'end-ip'],
      'firewall address6': ['ip6', 'type', 'start-ip', 'end-ip'],
      'firewall policy': ['name', 'srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6', 'action', 'schedule', 'service', 'nat'],
      'router static': ['dst', 'gateway', 'device'],
      'router static6': ['dst', 'gateway', 'device'],
    },
    // A phase 2 names its phase 1, a policy its addresses, a static route the phase 1's tunnel
    // interface (named as the phase 1).
    references: [
      { keys: ['phase1name'], to: 'vpn ipsec phase1-interface' },
      { keys: ['srcaddr', 'dstaddr'], to: 'firewall address' },
      { keys: ['srcaddr6', 'dstaddr6'], to: 'firewall address6' },
      { keys: ['device'], to: 'vpn ipsec phase1-interface', inTables: ['router static', 'router static6'] },
    ],
    // "CLI command syntax": quotation marks "must be used in pairs", "\ is supported to escape";
    // in "…" a backslash escapes " ' and \ (Batfish's FortiosConfigurationBuilder), '…' has no
    // escape; a bare word stops at a space, a quote, # ( ) < > ? or a backslash.
    words: { word: /^[^\s"'#()<>?\\]+/u, quotes: [{ char: '"', escapes: /["'\\]/u }, { char: "'" }] },
  },
  // Batfish's FortiOS grammar (batfish-src/…/grammar/fortios) has no `config vpn` tables and no
  // `config router static6`, and its firewall policy lacks some keys: every such line is rejected.
  // Each entry is a statement of the tables the export writes, valid per the CLI Reference; the
  // structural check (test/shared/export/structure.ts: tables, keys, names defined first) and the
  // read-back (./reader.ts, test/shared/export/read-back.test.ts) check them instead.
  batfishGaps: [
    { statement: /^config vpn ipsec phase[12]-interface$/, source: FOS_746 + ': "config vpn ipsec phase1-interface", "config vpn ipsec phase2-interface"' },
    { statement: /^set (?:interface|ike-version|mode|ip-version|peertype|net-device|proposal|dhgrp|keylife|remote-gw6?|authmethod|psksecret|localid|localid-type|peerid|dpd|dpd-retryinterval|nattraversal) \S/, source: FOS_746 + ': "config vpn ipsec phase1-interface", Parameters (interface, ike-version, mode, ip-version, peertype, net-device, proposal, dhgrp, keylife, remote-gw, remote-gw6, authmethod, psksecret, localid, localid-type, peerid, dpd, dpd-retryinterval, nattraversal)' },
    { statement: /^set (?:phase1name|pfs|keylifeseconds|keylife-type|keylifekbs|auto-negotiate|initiator-ts-narrow|protocol|(?:src|dst)-(?:addr-type|subnet6?|start-ip6?|end-ip6?|port)) \S/, source: FOS_746 + ': "config vpn ipsec phase2-interface", Parameters (phase1name, proposal, pfs, dhgrp, keylifeseconds, keylife-type, keylifekbs, auto-negotiate, initiator-ts-narrow, protocol, src-/dst-addr-type, -subnet, -subnet6, -start-ip, -end-ip, -start-ip6, -end-ip6, -port)' },
    // The entries of those tables (Batfish rejects the block, so each of its lines).
    { statement: /^(?:edit (?:"[^"]*"|0)|next|end)$/, source: FOS_746 + ': the tables above and "config router static6" are `config` … `edit <name>` … `next` … `end`' },
    { statement: /^config router static6$/, source: 'Fortinet, FortiOS 7.4.6 CLI Reference, "config router static6" (dst <ipv6-prefix>, device)' },
    { statement: /^set dst [0-9A-Fa-f:]+\/\d+$/, source: 'Fortinet, FortiOS 7.4.6 CLI Reference, "config router static6": dst {ipv6-network}' },
    { statement: /^set gateway [0-9A-Fa-f:]*:[0-9A-Fa-f:]*$/, source: 'Fortinet, FortiOS 7.4.6 CLI Reference, "config router static6": gateway {ipv6-address}' },
    { statement: /^set device "[^"]*"$/, source: 'Fortinet, FortiOS 7.4.6 CLI Reference, "config router static6": device {string}' },
    { statement: /^set (?:schedule "always"|nat disable|srcaddr6 .+|dstaddr6 .+)$/, source: 'Fortinet, FortiOS 7.4.6 CLI Reference, "config firewall policy": schedule, nat, srcaddr6, dstaddr6 (Batfish\'s cf_policy has none of them)' },
  ],
  // Batfish skips `config firewall address6` as a block it does not model (IGNOREDBLOCK).
  batfishCatchAll: [
    { statement: /^(?:config firewall address6|edit "[^"]*"|set (?:ip6 [0-9A-Fa-f:]+\/\d+|type iprange|start-ip [0-9A-Fa-f:]+|end-ip [0-9A-Fa-f:]+)|next|end)$/, source: 'config firewall address6 (Fortinet, FortiOS 7.4.6 CLI Reference): checked by the structural grammar check (test/shared/export/structure.ts: its keys ip6, type, start-ip, end-ip; names defined before the policies use them) and read back by ./reader.ts' },
  ],
  // phase2-interface: `set src-subnet <address> <mask>`, then `set dst-subnet <address> <mask>`.
  selectors: {
    statements: [/^\s+set src-subnet (?<local>\S+ \S+)$/, /^\s+set dst-subnet (?<remote>\S+ \S+)$/],
    address: [/^(?<address>\S+) (?<netmask>\S+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
