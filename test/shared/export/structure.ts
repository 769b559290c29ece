// Structural checks of generated configurations for the vendors with no daemon here: every line
// starts with a statement that vendor has (an allow-list of statement heads, per CLI mode), every
// name referenced is defined on an earlier line, and the selectors each end writes can be read
// back so the two ends of a tunnel can be compared.
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';

export interface StructureProblem {
  line: number;
  text: string;
  problem: string;
}

type HeadList = readonly RegExp[];

const h = (...heads: string[]): HeadList => heads.map((x) => new RegExp(`^${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<w>/g, '\\S+')}(\\s|$)`));

// ---- statement heads ----------------------------------------------------------------------

/** Flat `set` vendors: every statement is one line from the top level. */
const FLAT_HEADS: Partial<Record<ExportVendor, HeadList>> = {
  panos: h(
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
    'set network profiles monitor-profile',
    'set address <w> ip-netmask',
    'set address <w> ip-range',
    'set service <w> protocol',
    'set rulebase security rules',
    'set rulebase nat rules',
    'move rulebase nat rules',
  ),
  screenos: h(
    'set ike p1-proposal',
    'set ike p2-proposal',
    'set ike gateway ikev2',
    'set ike gateway',
    'set vpn <w> gateway',
    'set vpn <w> monitor',
    'set vpn <w> id',
    'set vpn <w> bind interface',
    'set vpn <w> proxy-id check',
    'set vpn <w> proxy-id local-ip',
    'set interface <w> zone',
    'set interface <w> ip unnumbered interface',
    'set route',
    'set address',
    'set service',
    'set policy from',
  ),
  'junos-srx': h(
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
  ),
};

/** Cisco-style modes: a top-level statement opens a mode whose indented lines must be among its heads. */
interface ModeSpec {
  top: RegExp;
  sub: HeadList;
  /** Sub-sub mode (IOS keyring peer). */
  nested?: { parent: RegExp; sub: HeadList };
}

const CISCO_MODES: Partial<Record<ExportVendor, { flat: HeadList; modes: ModeSpec[] }>> = {
  'cisco-asa': {
    flat: h('access-list <w> extended permit', 'crypto ikev1 enable', 'crypto ikev2 enable', 'crypto ipsec ikev1 transform-set', 'crypto map', 'nat', 'tunnel-group <w> type ipsec-l2l'),
    modes: [
      { top: /^object network \S+$/, sub: h('host', 'subnet', 'range') },
      { top: /^object-group network \S+$/, sub: h('network-object object') },
      { top: /^crypto ikev1 policy \d+$/, sub: h('authentication', 'encryption', 'hash', 'group', 'lifetime') },
      { top: /^crypto ikev2 policy \d+$/, sub: h('encryption', 'integrity', 'group', 'prf', 'lifetime seconds') },
      { top: /^crypto ipsec ikev2 ipsec-proposal \S+$/, sub: h('protocol esp encryption', 'protocol esp integrity') },
      { top: /^tunnel-group \S+ ipsec-attributes$/, sub: h('ikev1 pre-shared-key', 'ikev2 remote-authentication pre-shared-key', 'ikev2 local-authentication pre-shared-key', 'isakmp keepalive') },
    ],
  },
  'cisco-ios': {
    flat: h('crypto isakmp key', 'crypto isakmp keepalive', 'ip route', 'ipv6 route'),
    modes: [
      { top: /^crypto ikev2 proposal \S+$/, sub: h('encryption', 'integrity', 'prf', 'group') },
      { top: /^crypto ikev2 policy \S+$/, sub: h('proposal', 'match address local') },
      { top: /^crypto ikev2 keyring \S+$/, sub: h('peer'), nested: { parent: /^peer \S+$/, sub: h('address', 'pre-shared-key') } },
      { top: /^crypto ikev2 profile \S+$/, sub: h('match identity remote', 'identity local', 'authentication remote', 'authentication local', 'keyring local', 'lifetime', 'dpd') },
      { top: /^crypto isakmp policy \d+$/, sub: h('encr', 'hash', 'authentication', 'group', 'lifetime') },
      { top: /^crypto ipsec transform-set \S+ .+$/, sub: h('mode tunnel', 'mode transport') },
      { top: /^crypto ipsec profile \S+$/, sub: h('set transform-set', 'set ikev2-profile', 'set pfs', 'set security-association lifetime') },
      { top: /^ip access-list extended \S+$/, sub: h('permit', 'deny') },
      { top: /^crypto map \S+ \d+ ipsec-isakmp$/, sub: h('set peer', 'set transform-set', 'set ikev2-profile', 'set pfs', 'set security-association lifetime', 'match address') },
      { top: /^interface \S+$/, sub: h('ip unnumbered', 'tunnel source', 'tunnel mode ipsec', 'tunnel destination', 'tunnel protection ipsec profile', 'crypto map') },
    ],
  },
};

/** FortiOS: `config <path>` / `edit` / `set <key>` / `next` / `end`, with the keys each table has. */
const FORTI_KEYS: Record<string, readonly string[]> = {
  'vpn ipsec phase1-interface': ['interface', 'ike-version', 'mode', 'ip-version', 'peertype', 'net-device', 'proposal', 'dhgrp', 'keylife', 'remote-gw', 'remote-gw6', 'authmethod', 'psksecret', 'localid', 'peerid', 'dpd', 'dpd-retryinterval', 'nattraversal'],
  'vpn ipsec phase2-interface': ['phase1name', 'proposal', 'pfs', 'dhgrp', 'keylifeseconds', 'keylife-type', 'keylifekbs', 'auto-negotiate', 'selector-match', 'initiator-ts-narrow', 'protocol', 'src-addr-type', 'dst-addr-type', 'src-subnet', 'dst-subnet', 'src-subnet6', 'dst-subnet6', 'src-start-ip', 'src-end-ip', 'dst-start-ip', 'dst-end-ip', 'src-start-ip6', 'src-end-ip6', 'dst-start-ip6', 'dst-end-ip6', 'src-port', 'dst-port'],
  'firewall address': ['subnet', 'type', 'start-ip', 'end-ip'],
  'firewall address6': ['ip6', 'type', 'start-ip', 'end-ip'],
  'firewall policy': ['name', 'srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6', 'action', 'schedule', 'service', 'nat'],
  'router static': ['dst', 'device'],
  'router static6': ['dst', 'device'],
};

const COMMENT: Record<ExportVendor, string> = { panos: '#', screenos: '#', 'junos-srx': '#', 'cisco-asa': '!', 'cisco-ios': '!', strongswan: '#', libreswan: '#', fortigate: '#' };

function contentLines(vendor: ExportVendor, text: string): { n: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ n: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '' && !l.text.trimStart().startsWith(COMMENT[vendor]));
}

/** Every line starts with a statement this vendor has, in the mode it is written in. */
export function checkStatementHeads(vendor: ExportVendor, text: string): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const lines = contentLines(vendor, text);
  const flat = FLAT_HEADS[vendor];
  if (flat) {
    for (const l of lines) if (!flat.some((re) => re.test(l.text))) problems.push({ line: l.n, text: l.text, problem: 'not a known statement' });
    return problems;
  }
  const cisco = CISCO_MODES[vendor];
  if (cisco) {
    let mode: ModeSpec | undefined;
    let nested = false;
    for (const l of lines) {
      const depth = l.text.length - l.text.trimStart().length;
      const t = l.text.trim();
      if (depth === 0) {
        nested = false;
        mode = cisco.modes.find((m) => m.top.test(t));
        if (!mode && !cisco.flat.some((re) => re.test(t))) problems.push({ line: l.n, text: l.text, problem: 'not a known top-level statement' });
        continue;
      }
      if (!mode) {
        problems.push({ line: l.n, text: l.text, problem: 'indented line outside any configuration mode' });
        continue;
      }
      if (depth === 1) {
        nested = mode.nested !== undefined && mode.nested.parent.test(t);
        if (!mode.sub.some((re) => re.test(t))) problems.push({ line: l.n, text: l.text, problem: `not a statement of mode "${mode.top.source}"` });
      } else if (!nested || !mode.nested?.sub.some((re) => re.test(t))) {
        problems.push({ line: l.n, text: l.text, problem: 'not a statement of the nested mode' });
      }
    }
    return problems;
  }
  if (vendor === 'fortigate') {
    let table: string | undefined;
    let inEdit = false;
    for (const l of lines) {
      const t = l.text.trim();
      const cfg = /^config (.+)$/.exec(t);
      if (cfg) {
        if (table) problems.push({ line: l.n, text: l.text, problem: 'config inside config' });
        table = cfg[1];
        if (!table || !FORTI_KEYS[table]) problems.push({ line: l.n, text: l.text, problem: `unknown table "${table}"` });
        continue;
      }
      if (t === 'end') {
        if (!table || inEdit) problems.push({ line: l.n, text: l.text, problem: 'end without config, or inside edit' });
        table = undefined;
        continue;
      }
      if (/^edit (\d+|"[^"]+")$/.test(t)) {
        if (!table || inEdit) problems.push({ line: l.n, text: l.text, problem: 'edit outside a table' });
        inEdit = true;
        continue;
      }
      if (t === 'next') {
        if (!inEdit) problems.push({ line: l.n, text: l.text, problem: 'next without edit' });
        inEdit = false;
        continue;
      }
      const set = /^set (\S+) .+$/.exec(t);
      if (set && inEdit && table && FORTI_KEYS[table]?.includes(set[1] as string)) continue;
      problems.push({ line: l.n, text: l.text, problem: `not a statement of "${table ?? '(none)'}"` });
    }
    if (table) problems.push({ line: 0, text: '', problem: `config ${table} not ended` });
    return problems;
  }
  return problems;
}

// ---- names defined before use -------------------------------------------------------------

interface NameRule {
  /** Matches a definition; group 1 is the name (group 2 an optional scope). */
  define: RegExp[];
  /** Matches references; every capture group is a name, or a space-separated list of names. */
  use: RegExp[];
}

const list = (s: string) => s.replace(/^\[ | \]$/g, '').split(/\s+/).filter((x) => x !== '' && x !== 'any');

const NAME_RULES: Partial<Record<ExportVendor, NameRule>> = {
  panos: {
    define: [/^set network ike crypto-profiles (?:ike|ipsec)-crypto-profiles (\S+) /, /^set network ike gateway (\S+) /, /^set network interface tunnel units (\S+)$/, /^set address (\S+) /, /^set service (\S+) /, /^set network profiles monitor-profile (\S+) /, /^set network tunnel ipsec (\S+) tunnel-interface /, /^set rulebase nat rules (\S+) /],
    use: [/ ike-crypto-profile (\S+)$/, / ipsec-crypto-profile (\S+)$/, / auto-key ike-gateway (\S+)$/, / tunnel-interface (\S+)$/, / layer3 (\S+)$/, /virtual-router \S+ interface (\S+)$/, / interface (tunnel\.\d+)$/, / source (\[[^\]]+\]|\S+) destination (\[[^\]]+\]|\S+)/, / service (\S+) action/, /tunnel-monitor-profile (\S+)$/, /^set network tunnel ipsec (\S+) auto-key/, /^move rulebase nat rules (\S+) top$/],
  },
  screenos: {
    define: [/^set ike p[12]-proposal "([^"]+)"/, /^set ike gateway (?:ikev2 )?"([^"]+)" address/, /^set address "[^"]+" "([^"]+)"/, /^set service "([^"]+)"/, /^set vpn "([^"]+)" gateway /],
    use: [/ proposal ((?:"[^"]+" ?)+)$/, /^set vpn "[^"]+" gateway "([^"]+)"/, /^set vpn "([^"]+)" (?:monitor|id|proxy-id)/, /^set policy from "[^"]+" to "[^"]+" "([^"]+)" "([^"]+)"/, / remote-ip \S+ "([^"]+)"$/, / tunnel vpn "([^"]+)"$/],
  },
  'junos-srx': {
    define: [/^set security ike proposal (\S+) /, /^set security ike policy (\S+) /, /^set security ike gateway (\S+) /, /^set security ipsec proposal (\S+) /, /^set security ipsec policy (\S+) /, /^set security ipsec vpn (\S+) ike gateway /, /^set security address-book global address (\S+) /, /^set applications application (\S+) /, /^set interfaces (st0) unit (\d+) family/],
    use: [/^set security ike policy \S+ proposals (\[[^\]]+\]|\S+)$/, / ike-policy (\S+)$/, /^set security ipsec policy \S+ proposals (\[[^\]]+\]|\S+)$/, / ike gateway (\S+)$/, / ike ipsec-policy (\S+)$/, / source-address (\[[^\]]+\]|\S+) destination-address (\[[^\]]+\]|\S+) application/, / service (\S+)$/, /tunnel ipsec-vpn (\S+)$/],
  },
  'cisco-asa': {
    define: [/^object network (\S+)$/, /^object-group network (\S+)$/, /^access-list (\S+) /, /^crypto ipsec ikev1 transform-set (\S+) /, /^crypto ipsec ikev2 ipsec-proposal (\S+)$/, /^tunnel-group (\S+) type ipsec-l2l$/, /^crypto map (\S+) \d+ match address/],
    use: [/^ network-object object (\S+)$/, / object (\S+)/g, / match address (\S+)$/, / set ikev1 transform-set (.+)$/, / set ikev2 ipsec-proposal (\S+)$/, /^tunnel-group (\S+) ipsec-attributes$/, / source static (\S+) (\S+) destination static (\S+) (\S+)/, /^crypto map (\S+) interface/],
  },
  'cisco-ios': {
    define: [/^crypto ikev2 proposal (\S+)$/, /^crypto ikev2 keyring (\S+)$/, /^crypto ikev2 profile (\S+)$/, /^crypto ipsec transform-set (\S+) /, /^ip access-list extended (\S+)$/, /^crypto ipsec profile (\S+)$/, /^crypto map (\S+) \d+ ipsec-isakmp$/],
    use: [/^ proposal (\S+)$/, /^ keyring local (\S+)$/, /^ set transform-set (.+)$/, /^ set ikev2-profile (\S+)$/, /^ match address (\S+)$/, /^ tunnel protection ipsec profile (\S+)$/, /^ crypto map (\S+)$/],
  },
  fortigate: {
    define: [],
    use: [],
  },
};

function namesIn(m: RegExpExecArray): string[] {
  return m.slice(1).filter((x): x is string => x !== undefined).flatMap((x) => (x.includes('"') ? [...x.matchAll(/"([^"]+)"/g)].map((y) => y[1] as string) : list(x)));
}

/** Every name used was defined on an earlier line (FortiOS: per table, phase1 before phase2, addresses before policies). */
export function checkNamesDefinedFirst(vendor: ExportVendor, text: string): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const lines = contentLines(vendor, text);
  if (vendor === 'fortigate') return checkFortiNames(lines);
  const rule = NAME_RULES[vendor];
  if (!rule) return problems;
  const defined = new Set<string>();
  for (const l of lines) {
    const t = l.text;
    const own = new Set<string>();
    for (const re of rule.define) {
      const m = re.exec(t.trimEnd());
      if (m) {
        const name = m[2] !== undefined && vendor === 'junos-srx' ? `${m[1]}.${m[2]}` : (m[1] as string);
        own.add(name);
      }
    }
    for (const re of rule.use) {
      const matches = re.global ? [...t.matchAll(re)] : [re.exec(t.trimEnd())].filter((m): m is RegExpExecArray => m !== null);
      for (const m of matches) {
        for (const n of namesIn(m as RegExpExecArray)) {
          if (/^(any|any4|any6|ANY)$/.test(n)) continue;
          if (!defined.has(n) && !own.has(n)) problems.push({ line: l.n, text: t, problem: `"${n}" is used before it is defined` });
        }
      }
    }
    for (const n of own) defined.add(n);
    // Junos interface units and the "st0.N" bind-interface reference.
    const bind = /bind-interface (st0\.\d+)$/.exec(t);
    if (bind && !defined.has(bind[1] as string)) problems.push({ line: l.n, text: t, problem: `"${bind[1]}" is used before it is defined` });
  }
  return problems;
}

function checkFortiNames(lines: { n: number; text: string }[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const tables = new Map<string, Set<string>>();
  let table = '';
  for (const l of lines) {
    const t = l.text.trim();
    const cfg = /^config (.+)$/.exec(t);
    if (cfg) {
      table = cfg[1] as string;
      continue;
    }
    const edit = /^edit "([^"]+)"$/.exec(t);
    if (edit) {
      if (!tables.has(table)) tables.set(table, new Set());
      tables.get(table)?.add(edit[1] as string);
      continue;
    }
    const need = (where: string, names: string[]) => {
      for (const n of names) if (!tables.get(where)?.has(n)) problems.push({ line: l.n, text: l.text, problem: `"${n}" is not defined in ${where} before this line` });
    };
    const quoted = (s: string) => [...s.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    let m: RegExpExecArray | null;
    if ((m = /^set phase1name (.+)$/.exec(t))) need('vpn ipsec phase1-interface', quoted(m[1] as string));
    if ((m = /^set (?:srcaddr|dstaddr) (.+)$/.exec(t))) need('firewall address', quoted(m[1] as string));
    if ((m = /^set (?:srcaddr6|dstaddr6) (.+)$/.exec(t))) need('firewall address6', quoted(m[1] as string));
    if (table.startsWith('router static') && (m = /^set device (.+)$/.exec(t))) need('vpn ipsec phase1-interface', quoted(m[1] as string));
  }
  return problems;
}

// ---- selectors, read back -------------------------------------------------------------------

export interface ReadSelector {
  local: string;
  remote: string;
}

/** The (local, remote) prefix pairs a configuration negotiates, read from its text. */
export function readSelectors(vendor: ExportVendor, text: string): ReadSelector[] {
  const out: ReadSelector[] = [];
  const lines = text.split('\n');
  const push = (local: string | undefined, remote: string | undefined) => {
    if (local && remote) out.push({ local, remote });
  };
  const maskLen = (mask: string) => mask.split('.').reduce((acc, o) => acc + Number(o).toString(2).replace(/0/g, '').length, 0);
  const wildLen = (w: string) => 32 - w.split('.').reduce((acc, o) => acc + Number(o).toString(2).replace(/0/g, '').length, 0);
  switch (vendor) {
    case 'panos':
      for (const l of lines) {
        const m = / auto-key proxy-id(?:-v6)? \S+ local (\S+) remote (\S+) /.exec(l);
        if (m) push(m[1], m[2]);
      }
      break;
    case 'screenos':
      for (const l of lines) {
        const m = / proxy-id local-ip (\S+) remote-ip (\S+) /.exec(l);
        if (m) push(m[1], m[2]);
      }
      break;
    case 'junos-srx':
      for (const l of lines) {
        const m = / traffic-selector \S+ local-ip (\S+) remote-ip (\S+)$/.exec(l) ?? / proxy-identity local (\S+) remote (\S+) /.exec(l);
        if (m) push(m[1], m[2]);
      }
      break;
    case 'cisco-asa': {
      const objects = new Map<string, string>();
      let current = '';
      for (const l of lines) {
        let m: RegExpExecArray | null;
        if ((m = /^object network (\S+)$/.exec(l))) current = m[1] as string;
        else if ((m = /^ subnet (\S+) (\S+)$/.exec(l))) objects.set(current, `${m[1]}/${maskLen(m[2] as string)}`);
        else if ((m = /^ subnet (\S+\/\d+)$/.exec(l))) objects.set(current, m[1] as string);
        else if ((m = /^ host (\S+)$/.exec(l))) objects.set(current, `${m[1]}/32`);
        else if ((m = /^access-list \S+ extended permit \S+ (?:object (\S+)|(any4))(?: (?:eq \d+|range \d+ \d+))? (?:object (\S+)|(any4))/.exec(l))) {
          push(m[1] ? objects.get(m[1]) : '0.0.0.0/0', m[3] ? objects.get(m[3]) : '0.0.0.0/0');
        }
      }
      break;
    }
    case 'cisco-ios':
      for (const l of lines) {
        const m = /^ permit \S+ (?:(\S+) (\d+\.\d+\.\d+\.\d+)|host (\S+)|(any))(?: (?:eq \d+|range \d+ \d+))? (?:(\S+) (\d+\.\d+\.\d+\.\d+)|host (\S+)|(any))/.exec(l);
        if (!m) continue;
        const side = (a?: string, w?: string, host?: string, any?: string) => (any ? '0.0.0.0/0' : host ? `${host}/32` : a && w ? `${a}/${wildLen(w)}` : undefined);
        push(side(m[1], m[2], m[3], m[4]), side(m[5], m[6], m[7], m[8]));
      }
      break;
    case 'strongswan': {
      let local: string | undefined;
      for (const l of lines) {
        let m: RegExpExecArray | null;
        if ((m = /^\s+local_ts = (\S+)$/.exec(l))) local = m[1]?.replace(/\[.*$/, '');
        else if ((m = /^\s+remote_ts = (\S+)$/.exec(l))) push(local, m[1]?.replace(/\[.*$/, ''));
      }
      break;
    }
    case 'libreswan': {
      let local: string | undefined;
      for (const l of lines) {
        let m: RegExpExecArray | null;
        if ((m = /^\s+leftsubnet=(\S+)$/.exec(l))) local = m[1];
        else if ((m = /^\s+rightsubnet=(\S+)$/.exec(l))) push(local, m[1]);
      }
      break;
    }
    case 'fortigate': {
      let src: string | undefined;
      for (const l of lines) {
        let m: RegExpExecArray | null;
        if ((m = /^\s+set src-subnet (\S+) (\S+)$/.exec(l))) src = `${m[1]}/${maskLen(m[2] as string)}`;
        else if ((m = /^\s+set dst-subnet (\S+) (\S+)$/.exec(l))) push(src, `${m[1]}/${maskLen(m[2] as string)}`);
      }
      break;
    }
  }
  return out;
}

/** The selectors one tunnel's section of a file negotiates (sections start at the "tunnel NAME to …" note). */
export function readTunnelSelectors(vendor: ExportVendor, text: string, tunnel: string): ReadSelector[] {
  if (vendor === 'fortigate') {
    const out: ReadSelector[] = [];
    const blocks = text.split(/\n\s+next\n/);
    for (const b of blocks) {
      if (!b.includes(`set phase1name "${tunnel.slice(0, 15)}"`)) continue;
      out.push(...readSelectors(vendor, b));
    }
    return out;
  }
  const lines = text.split('\n');
  const start = /^[#!] (?:---- )?tunnel (\S+) to /;
  const section: string[] = [];
  let inside = false;
  for (const l of lines) {
    const m = start.exec(l);
    if (m) inside = m[1] === tunnel;
    if (inside) section.push(l);
  }
  // ASA objects are defined once per file and reused by later tunnels: read them from the whole file.
  const objects = vendor === 'cisco-asa' ? text.split('\n').filter((l, i, all) => /^object network /.test(l) || (/^ (subnet|host|range) /.test(l) && /^object network /.test(all[i - 1] ?? ''))) : [];
  return readSelectors(vendor, [...objects, ...section].join('\n'));
}
