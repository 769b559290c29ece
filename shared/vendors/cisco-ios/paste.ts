// What to paste on a Cisco IOS-XE router to change its configuration: the commands, in
// configuration mode, that turn the box's VPN configuration into the corrected one
// (shared/vendors/families/cisco-paste.ts). Follows "Security for VPNs with IPsec Configuration
// Guide, Cisco IOS XE 17.x", the "Internet Key Exchange Version 2 Configuration Guide" and the
// "Cisco IOS Security Command Reference" (the no form of each command).
import type { CiscoPasteRules, StatementRule } from '../families/cisco-paste';
import { ciscoApply, ciscoCommands } from '../families/cisco-paste';
import type { VendorPaste } from '../kit/paste';
import { configFile } from './grammar';

const syntax = configFile.syntax;
if (syntax.kind !== 'indented-modes') throw new Error('the IOS grammar is indented-modes');

const member = (line: string, group?: string): StatementRule => ({ kind: 'member', key: line, ...(group !== undefined ? { group } : {}) });
const leaf = (key: string): StatementRule => ({ kind: 'leaf', key });
const list = (key: string): StatementRule => ({ kind: 'list', key });
const starts = (line: string, k: string) => line === k || line.startsWith(`${k} `);

function topRule(line: string): StatementRule {
  // A transform set is one mode by its name: typing it again with other transforms redefines it
  // ("Security for VPNs with IPsec" > Defining Transform Sets: changes apply to SAs negotiated after).
  let m = /^crypto ipsec transform-set (\S+) /u.exec(line);
  if (m) return leaf(`crypto ipsec transform-set ${m[1] as string}`);
  if (syntax.kind === 'indented-modes' && syntax.modes.some((x) => x.top.test(line))) return leaf(line);
  // One pre-shared key per peer address ("crypto isakmp key keystring address peer-address"): a new key replaces it.
  m = /^crypto isakmp key \S+ address (\S+)/u.exec(line);
  if (m) return leaf(`crypto isakmp key address ${m[1] as string}`);
  if (starts(line, 'crypto isakmp keepalive')) return leaf('crypto isakmp keepalive');
  if (/^(?:ip|ipv6) route /u.test(line)) return member(line, 'route');
  return member(line);
}

function subRule(parent: string, line: string): StatementRule {
  // "crypto ikev2 proposal": encryption, integrity, prf and group each take several algorithms;
  // whether another line replaces them or adds to them is not said in the guide read ("Configuring
  // IKEv2" > Configuring the IKEv2 Proposal), so the old line is removed first.
  if (/^crypto ikev2 proposal /u.test(parent)) {
    const k = ['encryption', 'integrity', 'prf', 'group'].find((x) => starts(line, x));
    if (k) return list(k);
  }
  // An IKEv2 policy lists its proposals in order of preference, one line each ("Configuring IKEv2"
  // > Configuring IKEv2 Policy: proposal proposal-name, repeatable).
  if (/^crypto ikev2 policy /u.test(parent) && starts(line, 'proposal')) return member(line, 'proposal');
  // ACL entries are appended in order ("Security for VPNs with IPsec" > Creating Crypto Access Lists).
  if (/^ip access-list extended /u.test(parent) && /^(?:\d+ )?(?:permit|deny) /u.test(line)) return member(line, 'ace');
  // "set peer" repeated adds a peer to the entry's peer list (Cisco IOS Security Command Reference,
  // set peer (IPsec); "IPsec Preferred Peer" > Restrictions: multiple peers on a crypto map, "the
  // default peer must be the first peer in the peer list"): a member, removed by its line.
  if (starts(line, 'set peer')) return member(line);
  if (starts(line, 'set transform-set')) return list('set transform-set');
  if (starts(line, 'match identity remote')) return member(line);
  if (starts(line, 'match address local')) return member(line);
  // One value each: the other settings of profiles, policies, crypto map entries and interfaces.
  for (const k of ['set security-association lifetime seconds', 'set security-association lifetime kilobytes', 'set ikev2-profile', 'set pfs', 'match address', 'identity local', 'authentication remote', 'authentication local', 'keyring local', 'lifetime', 'dpd', 'encr', 'hash', 'authentication', 'group', 'mode', 'ip unnumbered', 'tunnel source', 'tunnel mode', 'tunnel destination', 'tunnel protection ipsec profile', 'crypto map', 'address', 'pre-shared-key']) {
    if (starts(line, k)) return leaf(k);
  }
  return member(line);
}

const rules: CiscoPasteRules = {
  modes: syntax.modes,
  rule: (parent, line) => (parent === undefined ? topRule(line) : subRule(parent, line)),
  // Transform sets may be named by other crypto map entries or IPsec profiles the export does not
  // show: they stay. ISAKMP policies are offered to every peer ("Configuring Internet Key Exchange
  // for IPsec VPNs" > IKE Policies: the router tries its policies in priority order with each peer),
  // so one the corrected file drops is removed while the file keeps ISAKMP policies, and noted when
  // it keeps none.
  shared: (line, rest) => {
    if (/^crypto ipsec transform-set /u.test(line)) return true;
    if (/^crypto isakmp policy /u.test(line)) return !rest.some((r) => r.startsWith('crypto isakmp policy '));
    return false;
  },
  remove: (line, mode) => {
    // "no crypto map map-name seq-num" deletes the entry (Cisco IOS Security Command Reference,
    // crypto map (global IPsec)); an interface other than a tunnel the export made is the box's own,
    // so only what the export wrote in it goes.
    const entry = /^crypto map (\S+) (\d+) /u.exec(line);
    if (entry && mode) return [`no crypto map ${entry[1] as string} ${entry[2] as string}`];
    const ifc = /^interface (\S+)$/u.exec(line);
    if (ifc && !/^Tunnel\d+$/u.test(ifc[1] as string)) return [];
    return [`no ${line}`];
  },
  hiddenWhenEmpty: (line) => /^interface \S+$/u.test(line),
  // A line starting with "!" is a comment, in a configuration file as at the CLI.
  comment: '!',
  // "show running-config" ends with "end".
  trailer: /^end$/u,
  enter: ['configure terminal'],
  leave: ['end', 'write memory'],
};

/** An interface the box has stays: only the lines the export wrote in it are removed. */
function keepInterfaces(before: string, after: string): string {
  const gone = new Set<string>();
  const afterIfs = new Set(after.split('\n').filter((l) => /^interface /u.test(l)));
  let inGone = false;
  for (const l of before.split('\n')) {
    if (/^interface (\S+)$/u.test(l) && !afterIfs.has(l) && !/^interface Tunnel\d+$/u.test(l)) {
      gone.add(l);
      inGone = true;
      continue;
    }
    if (inGone && l.startsWith(' ')) continue;
    inGone = false;
  }
  return [...gone].map((g) => `${g}\n`).join('');
}

/** `access-list N …`, N an extended list number (100-199, 2000-2699). */
const NUMBERED_LINE = /^access-list (1\d\d|2[0-6]\d\d) (.+)$/u;
const NUMBERED_MODE = /^ip access-list extended (1\d\d|2[0-6]\d\d)$/u;

/**
 * A numbered extended list, which the box prints as one `access-list N …` line each, as the
 * named-list mode that edits it (`ip access-list extended N`, one line per entry: "Security
 * Configuration Guide: Access Control Lists, Cisco IOS XE", IP Access List Entry Sequence
 * Numbering), where its first line stood: the export writes an imported box's numbered crypto ACL
 * so, and the script enters that mode.
 */
function numberedAsModes(config: string): string {
  const lines = config.split('\n');
  const byList = new Map<string, string[]>();
  for (const l of lines) {
    const m = NUMBERED_LINE.exec(l);
    if (m) byList.set(m[1] as string, [...(byList.get(m[1] as string) ?? []), ` ${m[2] as string}`]);
  }
  if (byList.size === 0) return config;
  const out: string[] = [];
  for (const l of lines) {
    const m = NUMBERED_LINE.exec(l);
    if (!m) out.push(l);
    else if (byList.has(m[1] as string)) {
      out.push(`ip access-list extended ${m[1] as string}`, ...(byList.get(m[1] as string) ?? []));
      byList.delete(m[1] as string);
    }
  }
  return out.join('\n');
}

/** The numbered lists back as the box prints them (`access-list N …`), after the script. */
function modesAsNumbered(config: string): string {
  const out: string[] = [];
  let list: string | undefined;
  for (const l of config.split('\n')) {
    const m = NUMBERED_MODE.exec(l);
    if (m) {
      list = m[1] as string;
      continue;
    }
    if (list !== undefined && l.startsWith(' ')) {
      out.push(`access-list ${list} ${l.trim()}`);
      continue;
    }
    list = undefined;
    out.push(l);
  }
  return out.join('\n');
}

const NAMED_ACL = /^ip access-list (?:extended|standard) \S+$/u;

/**
 * A named list's entries as the box prints them (` 10 permit …`) without their sequence numbers,
 * as the export writes and the commands type them; and each entry's number, by list and entry.
 * "IP Access List Entry Sequence Numbering" (Security Configuration Guide: Access Control Lists,
 * Cisco IOS XE): an entry typed without a number is appended at the end, numbered 10 past the
 * last. That the no form of an entry typed without its number removes the numbered entry it
 * matches is how the model takes it: the documents read show removal by number (`no 10`) and do
 * not say it.
 */
function withoutSequences(config: string): { text: string; numbers: Map<string, Map<string, number>> } {
  const numbers = new Map<string, Map<string, number>>();
  let list: Map<string, number> | undefined;
  const out = config.split('\n').map((l) => {
    if (NAMED_ACL.test(l)) {
      list = new Map();
      numbers.set(l, list);
      return l;
    }
    const m = list && /^ (\d+) (.+)$/u.exec(l);
    if (m && list) {
      list.set(m[2] as string, Number(m[1]));
      return ` ${m[2] as string}`;
    }
    if (!l.startsWith(' ')) list = undefined;
    return l;
  });
  return { text: out.join('\n'), numbers };
}

/** The sequence numbers back: an entry the box had keeps its own, a new one (at the end) is numbered 10 past the box's last. */
function withSequences(config: string, numbers: ReadonlyMap<string, ReadonlyMap<string, number>>): string {
  let list: ReadonlyMap<string, number> | undefined;
  let last = 0;
  return config.split('\n').map((l) => {
    if (NAMED_ACL.test(l)) {
      list = numbers.get(l);
      // Past the box's highest: the script types its new entries before it removes the old ones.
      last = Math.max(0, ...(list?.values() ?? []));
      return l;
    }
    if (list && list.size > 0 && /^ \S/u.test(l)) {
      const text = l.slice(1);
      const n = list.get(text) ?? last + 10;
      last = Math.max(last, n);
      return ` ${n} ${text}`;
    }
    if (!l.startsWith(' ')) list = undefined;
    return l;
  }).join('\n');
}

export const paste: VendorPaste = {
  // An imported router's tunnel ends record its own names (options.ts, IosEndOptions), which the
  // export writes: the commands name the router's crypto map, ACLs, transform sets, IKEv2 objects
  // and IPsec profiles.
  keepsBoxNames: true,
  commands: (before, after) => {
    // A physical interface the corrected file no longer writes (no crypto map left) keeps its own
    // configuration: the file's lines in it are removed, by entering it. Written as that interface
    // with no lines, which the diff turns into ` no <line>` in its mode.
    const emptied = keepInterfaces(before, after);
    return ciscoCommands(before, `${after}${emptied}`, rules);
  },
  apply: (config, script) => {
    const box = withoutSequences(numberedAsModes(config));
    const r = ciscoApply(box.text, script, rules);
    return r.ok ? { ...r, config: modesAsNumbered(withSequences(r.config, box.numbers)) } : r;
  },
};
