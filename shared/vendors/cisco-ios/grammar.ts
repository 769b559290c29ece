// How a Cisco IOS-XE configuration is written: top-level commands, some opening a configuration
// mode whose commands are indented one space below them (a keyring's peer, two). The commands are
// those of Cisco's "Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x"
// (transform sets, crypto ACLs, crypto maps), the "Internet Key Exchange Version 2 Configuration
// Guide" (IKEv2 proposal, policy, keyring, profile) and "IPsec Virtual Tunnel Interfaces" (tunnel
// mode ipsec, tunnel protection ipsec profile): the commands the product's exports are made of,
// not the whole CLI.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

const XE_YANG = 'Cisco IOS XE native YANG model Cisco-IOS-XE-crypto (YangModels/yang, vendor/cisco/xe/1693 and 17151)';
const XE_TF = 'Cisco DevNet terraform-provider-iosxe documentation (generated from the IOS XE YANG model)';
const CHECKED = 'the structural grammar of this file (test/shared/export/structure.ts) and the read-back of ./reader.ts (test/shared/export/read-back.test.ts)';

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
  // Statements IOS XE takes that Batfish's IOS grammar does not know.
  batfishGaps: [
    { statement: /^hash sha(?:256|384|512)$/, source: `${XE_YANG}: crypto isakmp policy hash (md5 | sha | sha256 | sha384 | sha512)` },
    { statement: /^prf(?: (?:md5|sha1|sha256|sha384|sha512))+$/, source: `${XE_YANG}: crypto ikev2 proposal prf (md5 sha1 sha256 sha384 sha512)` },
    { statement: /^integrity(?: (?:md5|sha1|sha256|sha384|sha512))*(?: sha1)(?: (?:md5|sha1|sha256|sha384|sha512))*$/, source: `${XE_YANG}: crypto ikev2 proposal integrity (md5 sha1 sha256 sha384 sha512); Batfish reads sha1 there as another token` },
    { statement: /^match address local \S+$/, source: 'Cisco IOS XE Internet Key Exchange Version 2 Configuration Guide, "Configuring IKEv2" > crypto ikev2 policy: match address local' },
    { statement: /^lifetime \d+$/, source: `${XE_TF}, crypto_ikev2_profile: lifetime (120-86400)` },
    { statement: /^dpd \d+ \d+ (?:on-demand|periodic)$/, source: `${XE_TF}, crypto_ikev2_profile: dpd <10-3600> <2-60> on-demand | periodic` },
    { statement: /^set ikev2-profile \S+$/, source: 'Cisco IOS XE Internet Key Exchange Version 2 Configuration Guide, "Appendix: IKEv2 and Legacy VPNs" (crypto map … set ikev2-profile)' },
    { statement: /^crypto ipsec transform-set \S+ \S+(?: \d+)? esp-sha384-hmac$/, source: `${XE_YANG}: crypto ipsec transform-set esp-hmac (esp-md5-hmac esp-sha-hmac esp-sha256-hmac esp-sha384-hmac esp-sha512-hmac)` },
    { statement: /^crypto isakmp key <PSK:[^>]*> address \S+$/, source: 'a placeholder the person pasting replaces with the agreed key (the file\'s header says so): crypto isakmp key <keystring> address <peer>, Cisco IOS Security Command Reference' },
  ],
  // What Batfish's IOS grammar reads only through catch-alls; each is checked by the structural
  // grammar above (test/shared/export/structure.ts: statement heads, modes, names defined before
  // use) and read back by ./reader.ts (test/shared/export/read-back.test.ts), which checks its words.
  batfishCatchAll: [
    { statement: /^crypto isakmp keepalive \d+ \d+ on-demand$/, source: CHECKED },
    { statement: /^(?:encryption|integrity|group) [a-z0-9 -]+$/, source: `${CHECKED} (ikev2 proposal bodies)` },
    { statement: /^proposal \S+$/, source: `${CHECKED} (ikev2 policy)` },
    { statement: /^(?:address \S+|pre-shared-key \S+)$/, source: `${CHECKED} (ikev2 keyring peer)` },
    { statement: /^(?:match identity remote .+|authentication (?:local|remote) (?:pre-share|rsa-sig)|keyring local \S+|identity local .+)$/, source: `${CHECKED} (ikev2 profile)` },
    { statement: /^ip unnumbered \S+$/, source: CHECKED },
    { statement: /^set ikev2-profile \S+$/, source: `${CHECKED} (ipsec profile)` },
    { statement: /^set security-association lifetime (?:seconds|kilobytes) \d+$/, source: `${CHECKED} (crypto map entry)` },
  ],
  // "Security for VPNs with IPsec", crypto ACLs: `permit <protocol> <source> [port] <destination>`,
  // each side `host A`, `any` or an address with its wildcard mask.
  selectors: {
    statements: [/^ permit \S+ (?<local>\S+ \d+\.\d+\.\d+\.\d+|host \S+|any)(?: (?:eq \d+|range \d+ \d+))? (?<remote>\S+ \d+\.\d+\.\d+\.\d+|host \S+|any)/],
    address: [/^host (?<host>\S+)$/, /^(?<any>any)$/, /^(?<address>\S+) (?<wildcard>\d+\.\d+\.\d+\.\d+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
