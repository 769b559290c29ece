// What to paste on a Cisco ASA to change its configuration: the commands, in configuration mode,
// that turn the box's VPN configuration into the corrected one (shared/vendors/families/cisco-paste.ts).
// Follows "CLI Book 3: Cisco ASA Series VPN CLI Configuration Guide, 9.x", "IPsec and ISAKMP" and
// "LAN-to-LAN IPsec VPNs", and the "Cisco ASA Series Command Reference" (the no form of each
// command, `clear configure`).
import type { CliNode, CiscoPasteRules, StatementRule } from '../families/cisco-paste';
import { ciscoApply, ciscoCommands } from '../families/cisco-paste';
import type { VendorPaste } from '../kit/paste';
import { configFile } from './grammar';

const syntax = configFile.syntax;
if (syntax.kind !== 'indented-modes') throw new Error('the ASA grammar is indented-modes');

const member = (line: string, group?: string): StatementRule => ({ kind: 'member', key: line, ...(group !== undefined ? { group } : {}) });
const leaf = (key: string): StatementRule => ({ kind: 'leaf', key });
const list = (key: string): StatementRule => ({ kind: 'list', key });

function topRule(line: string): StatementRule {
  // ACL lines: "access-list … extended" appends a line at the end of the ACL unless `line N` says
  // where ("CLI Book 2: Firewall", "Access Control Lists" > Configure Extended ACLs); the no form
  // with the whole line removes that one line. ACEs "are processed in the order they appear"
  // ("Using the Command Line Interface" > Text Configuration Files > Line Order).
  let m = /^access-list (\S+) /u.exec(line);
  if (m) return member(line, `access-list ${m[1] as string}`);
  // Twice NAT rules are evaluated in order, a new one goes at the end of section 1 ("CLI Book 2",
  // "Network Address Translation" > NAT Rule Order).
  if (/^nat \(/u.test(line)) return member(line, 'nat');
  if (/^(?:ipv6 )?route /u.test(line)) return member(line, 'route');
  // A transform set is redefined by naming it again ("IPsec and ISAKMP" > Understanding IKEv1
  // Transform Sets and IKEv2 Proposals: the ASA tears down the tunnel if you change the
  // definition of the transform set).
  m = /^crypto ipsec ikev1 transform-set (\S+) /u.exec(line);
  if (m) return leaf(`crypto ipsec ikev1 transform-set ${m[1] as string}`);
  m = /^crypto map (\S+) interface (\S+)$/u.exec(line);
  if (m) return leaf(`crypto map interface ${m[2] as string}`);
  m = /^(crypto map \S+ \d+ )(.*)$/u.exec(line);
  if (m) {
    const entry = m[1] as string;
    const rest = m[2] as string;
    // Up to 10 peers and 11 transform sets or proposals per entry, on one line ("IPsec and
    // ISAKMP" > Create a Crypto Map): whether a new line replaces or adds to them is not said, so
    // they are lists (the old line removed first). The others set one value.
    for (const k of ['set peer', 'set ikev1 transform-set', 'set ikev2 ipsec-proposal']) if (rest.startsWith(`${k} `)) return list(`${entry}${k}`);
    for (const k of ['match address', 'set pfs', 'set security-association lifetime seconds', 'set security-association lifetime kilobytes', 'set phase1-mode', 'set connection-type']) if (rest === k || rest.startsWith(`${k} `)) return leaf(`${entry}${k}`);
    return member(line);
  }
  m = /^tunnel-group (\S+) type /u.exec(line);
  if (m) return leaf(`tunnel-group ${m[1] as string} type`);
  return member(line);
}

function subRule(parent: string, line: string): StatementRule {
  // A network object holds one address: host, subnet or range replaces the one it had ("CLI Book
  // 1", "Objects for Access Control" > Configure a Network Object).
  if (/^object network /u.test(parent) && /^(?:host|subnet|range|fqdn) /u.test(line)) return leaf('address');
  // An object group's members keep the order they were entered in (the order a rule naming the
  // group expands to): an ordered list.
  if (/^object-group network /u.test(parent) && /^network-object /u.test(line)) return member(line, 'network-object');
  // IKEv2 policies and IPsec proposals take several algorithms on one line ("IPsec and ISAKMP" >
  // Configure IKEv2 Policies; Understanding IKEv1 Transform Sets and IKEv2 Proposals): whether a
  // new line replaces the list or adds to it is not said, so the old line is removed first.
  if (/^crypto ikev2 policy /u.test(parent)) {
    const k = ['encryption', 'integrity', 'group', 'prf'].find((x) => line.startsWith(`${x} `));
    if (k) return list(k);
  }
  if (/^crypto ipsec ikev2 ipsec-proposal /u.test(parent)) {
    const k = ['protocol esp encryption', 'protocol esp integrity'].find((x) => line.startsWith(`${x} `));
    if (k) return list(k);
  }
  // One value each: an IKEv1 policy's authentication, encryption, hash, group and lifetime, the
  // IKEv2 lifetime, a tunnel group's keys and keepalive ("LAN-to-LAN IPsec VPNs" > Configure a
  // Connection Profile; "IPsec and ISAKMP" > Configure IKEv1 Policies).
  for (const k of ['lifetime seconds', 'lifetime', 'authentication', 'encryption', 'hash', 'group', 'ikev1 pre-shared-key', 'ikev2 remote-authentication pre-shared-key', 'ikev2 local-authentication pre-shared-key', 'isakmp keepalive', 'default-group-policy']) {
    if (line === k || line.startsWith(`${k} `)) return leaf(k);
  }
  return member(line);
}

/** The names an ASA statement refers to (the grammar's `use` patterns, plus `object-group`). */
function referencesTo(name: string, nodes: readonly CliNode[]): boolean {
  const re = new RegExp(`(?:^| )(?:object|object-group|static) ${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?: |$)`, 'u');
  const nat = new RegExp(` ${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?: |$)`, 'u');
  const walk = (ns: readonly CliNode[]): boolean => ns.some((n) => !n.comment && (re.test(` ${n.text}`) || (/^nat /u.test(n.text) && nat.test(n.text)) || walk(n.children)));
  return walk(nodes);
}

const rules: CiscoPasteRules = {
  modes: syntax.modes,
  rule: (parent, line) => {
    if (parent === undefined) {
      // A mode is the same mode by its opening line.
      if (syntax.modes.some((m) => m.top.test(line))) return leaf(line);
      return topRule(line);
    }
    return subRule(parent, line);
  },
  // Objects and object groups may be named by rules the export does not show (access rules, other
  // NAT), IKEv1 transform sets by other crypto map entries, and IKE enabled on an interface serves
  // remote access too: they stay. An IKE policy is offered to
  // every peer ("IPsec and ISAKMP" > Configure IKEv1/IKEv2 Policies: the ASA tries each policy in
  // priority order with any peer), so one the corrected file drops is removed while it keeps
  // policies of that IKE version (it would be offered to those tunnels' peers), and only noted
  // when the file keeps none (no tunnel of the file uses it).
  shared: (line, rest) => {
    if (/^(?:object network|object-group network|crypto ipsec ikev1 transform-set) /u.test(line)) return true;
    // IKE on an interface serves every IPsec use of it (remote access too), not only these tunnels.
    if (/^crypto ikev[12] enable /u.test(line)) return true;
    const v = /^crypto (ikev[12]) policy /u.exec(line);
    if (v) return !rest.some((r) => r.startsWith(`crypto ${v[1] as string} policy `));
    return false;
  },
  // The map stays bound to its interface: unbinding it would stop every other tunnel of the map.
  kept: (line) => (/^crypto map \S+ interface \S+$/u.test(line) ? `"${line}" is kept: the crypto map stays bound to its interface for the box's other entries; remove it with "no ${line}" if the map has none` : undefined),
  remove: (line, _mode, rest) => {
    // "clear configure tunnel-group [name]" removes a tunnel group with all its attributes ("Cisco
    // ASA Series Command Reference", clear configure tunnel-group; Netspoc-Approve removes ASA
    // tunnel groups so, hknutzen/Netspoc-Approve go/pkg/asa/cmd-info.go, CLEAR_CONF): its type line
    // and attribute modes go at once.
    const tg = /^tunnel-group (\S+) (?:type \S+|ipsec-attributes|general-attributes)$/u.exec(line);
    if (tg) return [`clear configure tunnel-group ${tg[1] as string}`];
    // A crypto map entry the corrected file no longer has goes whole with "clear configure crypto
    // map map-name seq-num" ("IPsec and ISAKMP" > Clearing Crypto Map Configurations; the same
    // command the Netspoc-Approve deployment tool, hknutzen/Netspoc-Approve go/pkg/cisco/diff.go,
    // uses on ASAs); one line of an entry that stays goes with its no form.
    const entry = /^crypto map (\S+) (\d+) /u.exec(line);
    if (entry && !rest.some((r) => r.startsWith(`crypto map ${entry[1] as string} ${entry[2] as string} `))) return [`clear configure crypto map ${entry[1] as string} ${entry[2] as string}`];
    return [`no ${line}`];
  },
  // The ASA refuses to delete an object or object group that a rule still names (the error says
  // the object is in use); the script removes the uses first.
  refuse: (line, config) => {
    const m = /^object(?:-group)? network (\S+)$/u.exec(line);
    if (m && referencesTo(m[1] as string, config)) return `${m[1] as string} is still in use`;
    return undefined;
  },
  clear: (line, config) => {
    const m = /^clear configure (tunnel-group \S+|crypto map \S+ \d+)$/u.exec(line);
    if (!m) return undefined;
    return config.filter((n) => !n.comment && n.text.startsWith(`${m[1] as string} `));
  },
  // A line the CLI takes as a comment starts with a colon ("Cisco ASA Series General Operations
  // CLI Configuration Guide", "Using the Command Line Interface" > Adding Comments).
  comment: ':',
  // "show running-config" ends with ": end"; its checksum line comes just before.
  trailer: /^(?:: end|Cryptochecksum:)/u,
  enter: ['configure terminal'],
  leave: ['end', 'write memory'],
};

export const paste: VendorPaste = {
  keepsBoxNames: true,
  commands: (before, after) => ciscoCommands(before, after, rules),
  apply: (config, script) => ciscoApply(config, script, rules),
};
