// Reads swanctl.conf back into what it means for the VPNs: the start of importing a strongSwan
// configuration. The syntax is strongswan.conf(5) "SYNTAX" as charon's settings parser reads it
// (src/libstrongswan/settings/settings_lexer.l and settings_parser.y, tag 5.9.14): sections
// `name [: template, …] { … }`, `key = value` where the value runs to the end of the line, '#' or
// '}' (several words joined by one space) or is a "quoted string" with \n \r \t and \<char>
// escapes, `include <pattern>` at any level; a section or key given twice merges, the later
// value wins. The meaning is that of swanctl.conf(5) (src/swanctl/swanctl.opt): its defaults
// (IKE rekey_time 4h, child rekey_time 1h, local_ts/remote_ts `dynamic`) apply to what is not
// written. Every statement line is accounted for: a key swanctl.conf(5) has and this reader uses,
// one it has and the meaning does not need (ignored), or one it does not know (unknown).
import type { SectionGrammar } from '../kit/grammar';
import type { ChildMeaning, LineAccount, PeerMeaning, ReadResult, VendorReader } from '../kit/reader';
import { configFile } from './grammar';
import { identity as identity_ } from './identity';
import { looksLikeIpsecConf, readIpsecConf, recognizeIpsecConf } from './ipsec-conf';
import { bytes, identity, keyFor, proposals, seconds, selectors } from './values';

/** One setting or section of the settings tree, with where it was written. */
interface Where {
  file: string;
  line: number;
  text: string;
}
interface Section {
  keys: Map<string, { value: string; at: Where }>;
  sections: Map<string, Section>;
  at: Where[];
}

const newSection = (): Section => ({ keys: new Map(), sections: new Map(), at: [] });

type Token = { kind: 'name' | '{' | '}' | '=' | ':' | ','; text: string; line: number } | { kind: 'value'; text: string; line: number } | { kind: 'include'; text: string; line: number };

/** The settings lexer's tokens (settings_lexer.l), values already joined as the parser joins them. */
function lex(content: string): { tokens: Token[]; error?: string } {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const n = content.length;
  const NAME = /[^#{}:.,="\r\n\t ]/u;
  const quoted = (): string | undefined => {
    // At the opening quote; returns the string, or undefined when it does not end.
    let out = '';
    i++;
    while (i < n) {
      const c = content[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const d = content[i + 1];
        if (d === undefined) return undefined;
        if (d === 'n') out += '\n';
        else if (d === 'r') out += '\r';
        else if (d === 't') out += '\t';
        else if (d === '\n') line++;
        else if (d === '\r' && content[i + 2] === '\n') {
          line++;
          i++;
        } else out += d;
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c !== '\r') out += c;
      i++;
    }
    return undefined;
  };
  while (i < n) {
    const c = content[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') while (i < n && content[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ':' || c === ',') {
      tokens.push({ kind: c, text: c, line });
      i++;
    } else if (c === '.') return { tokens, error: `line ${line}: "." outside a value (a section or key name cannot hold one)` };
    else if (c === '"') return { tokens, error: `line ${line}: a quoted string where a name is expected` };
    else if (c === '=') {
      const at = line;
      i++;
      // The value: words and strings up to the end of the line, '#' or '}'.
      const parts: string[] = [];
      while (i < n) {
        const d = content[i] as string;
        if (d === '\n' || d === '#' || d === '}') break;
        if (d === ' ' || d === '\t' || d === '\r') {
          i++;
          continue;
        }
        if (d === '"') {
          const s = quoted();
          if (s === undefined) return { tokens, error: `line ${at}: a quoted value does not end` };
          parts.push(s);
          continue;
        }
        let w = '';
        while (i < n && !/[#}"\r\n\t ]/u.test(content[i] as string)) w += content[i++];
        parts.push(w);
      }
      tokens.push({ kind: '=', text: '=', line: at }, { kind: 'value', text: parts.join(' '), line: at });
    } else if (NAME.test(c)) {
      let w = '';
      while (i < n && NAME.test(content[i] as string)) w += content[i++];
      if (w === 'include' && /[\t ]/u.test(content[i] ?? '') && !/^[\t ]*=/u.test(content.slice(i))) {
        while (content[i] === ' ' || content[i] === '\t') i++;
        let path = '';
        if (content[i] === '"') path = quoted() ?? '';
        else while (i < n && !/[#}\r\n\t ]/u.test(content[i] as string)) path += content[i++];
        tokens.push({ kind: 'include', text: path, line });
      } else tokens.push({ kind: 'name', text: w, line });
    } else return { tokens, error: `line ${line}: unexpected "${c}"` };
  }
  return { tokens };
}

/** Matches a file name against an include pattern (glob * and ?, the last path element). */
function globMatches(pattern: string, name: string): boolean {
  const last = pattern.split('/').at(-1) ?? pattern;
  const re = new RegExp(`^${last.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
  return re.test(name.split('/').at(-1) ?? name);
}

interface Parse {
  root: Section;
  unknown: LineAccount['unknown'];
  /** Include lines followed (used). */
  included: number;
}

/** Parses the files, following includes among them, into one settings tree. */
function parse(files: readonly { name: string; content: string }[], first: { name: string; content: string }, p: Parse, into: Section, open: Set<string>): string | undefined {
  if (open.has(first.name)) return `${first.name} includes itself`;
  open.add(first.name);
  const { tokens, error } = lex(first.content);
  if (error) return `${first.name}: ${error}`;
  const lines = first.content.split('\n');
  const where = (line: number): Where => ({ file: first.name, line, text: (lines[line - 1] ?? '').trim() });
  const stack: Section[] = [into];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k] as Token;
    const top = stack[stack.length - 1] as Section;
    if (t.kind === 'include') {
      const found = files.filter((f) => f !== first && globMatches(t.text, f.name));
      if (found.length === 0) p.unknown.push({ ...where(t.line), text: `${where(t.line).text} (the included file is not among those read)` });
      else p.included++;
      for (const f of found) {
        const e = parse(files, f, p, top, open);
        if (e) return e;
      }
      k++;
    } else if (t.kind === 'name' && tokens[k + 1]?.kind === '=') {
      top.keys.set(t.text, { value: (tokens[k + 2] as Token).text, at: where(t.line) });
      k += 3;
    } else if (t.kind === 'name') {
      // A section, possibly with templates: `name : a, b {`.
      let j = k + 1;
      if (tokens[j]?.kind === ':') {
        j++;
        while (tokens[j]?.kind === 'name' || tokens[j]?.kind === ',') j++;
        p.unknown.push({ ...where(t.line), text: `${where(t.line).text} (section templates are not read)` });
      }
      if (tokens[j]?.kind !== '{') return `${first.name}: line ${t.line}: "${t.text}" is neither a setting (name = value) nor a section (name {)`;
      const s = top.sections.get(t.text) ?? newSection();
      s.at.push(where(t.line));
      top.sections.set(t.text, s);
      stack.push(s);
      k = j + 1;
    } else if (t.kind === '}') {
      if (stack.length === 1) return `${first.name}: line ${t.line}: "}" closes no section`;
      stack.pop();
      k++;
    } else return `${first.name}: line ${t.line}: unexpected "${t.text}"`;
  }
  if (stack.length > 1) return `${first.name}: a section is not closed (a "}" is missing)`;
  open.delete(first.name);
  return undefined;
}

/** The grammar's entry for a name, `<conn>`-style placeholders matching any name, `x<suffix>` any ending. */
function lookup<T>(table: Record<string, T> | undefined, name: string): T | undefined {
  if (!table) return undefined;
  if (table[name] !== undefined) return table[name];
  for (const [k, v] of Object.entries(table)) {
    if (/^<[a-z]+>$/u.test(k)) return v;
    const m = /^([a-z_]+)<suffix>$/u.exec(k);
    if (m && name.startsWith(m[1] as string)) return v;
  }
  return undefined;
}
const knownKey = (g: SectionGrammar | undefined, key: string) => !!g && g.keys.some((k) => k === key || (k.endsWith('<suffix>') && key.startsWith(k.slice(0, -'<suffix>'.length))) || k === '<attr>');

/** What one read used of the tree, and what it could not understand. */
interface Reading {
  used: Set<Where>;
  bad: Set<Where>;
}

/** Counts every line of the tree: used when the read used it, ignored when the grammar knows it, else unknown. */
function account(s: Section, g: SectionGrammar | undefined, r: Reading, lines: LineAccount): void {
  for (const { at } of s.keys.values()) {
    if (r.bad.has(at)) lines.unknown.push({ ...at, text: `${at.text} (not understood)` });
    else if (r.used.has(at)) lines.used++;
    else if (knownKey(g, at.text.split('=')[0]?.trim() ?? '')) lines.ignored++;
    else lines.unknown.push({ ...at, text: `${at.text} (not a key of swanctl.conf(5))` });
  }
  for (const [name, sub] of s.sections) {
    const sg = lookup(g?.sections, name);
    for (const at of sub.at) {
      if (!sg) lines.unknown.push({ ...at, text: `${at.text} (not a section of swanctl.conf(5))` });
      else if (r.bad.has(at)) lines.unknown.push({ ...at, text: `${at.text} (not understood)` });
      else if (r.used.has(at)) lines.used++;
      else lines.ignored++;
    }
    if (sg) account(sub, sg, r, lines);
    else countUnknown(sub, lines);
  }
}
function countUnknown(s: Section, lines: LineAccount): void {
  const inside = (at: Where) => ({ ...at, text: `${at.text} (inside a section swanctl.conf(5) does not have)` });
  for (const { at } of s.keys.values()) lines.unknown.push(inside(at));
  for (const sub of s.sections.values()) {
    lines.unknown.push(...sub.at.map(inside));
    countUnknown(sub, lines);
  }
}

const first = (list: string | undefined) => list?.split(',')[0]?.trim();

/** The value of `key` in the section, marked used. */
function useKey(r: Reading, s: Section | undefined, key: string): string | undefined {
  const kv = s?.keys.get(key);
  if (kv) r.used.add(kv.at);
  return kv?.value;
}

/** The section's own lines, marked used. */
function enter(r: Reading, s: Section | undefined): Section | undefined {
  for (const a of s?.at ?? []) r.used.add(a);
  return s;
}

/** The XFRM interface ID a connection's SAs carry (swanctl.conf(5) if_id_in/if_id_out, on the connection or a child): route-based. */
function interfaceId(rd: Reading, conn: Section): number | undefined {
  let id: number | undefined;
  for (const s of [conn, ...(conn.sections.get('children')?.sections.values() ?? [])]) {
    for (const key of ['if_id_out', 'if_id_in']) {
      const v = useKey(rd, s, key);
      // 0 is "no interface ID"; %unique gives each SA its own, which no one interface can name.
      if (id === undefined && v !== undefined && /^(0x[0-9a-f]+|\d+)$/iu.test(v) && Number(v) > 0) id = Number(v);
    }
  }
  return id;
}

function readConnection(rd: Reading, conn: Section, name: string): PeerMeaning {
  const use = (s: Section | undefined, key: string) => useKey(rd, s, key);
  // A value not understood; a default that cannot be read (`dynamic` without an address) is the section's.
  const bad = (s: Section, key: string) => {
    const kv = s.keys.get(key);
    for (const at of kv ? [kv.at] : s.at) rd.bad.add(at);
  };
  const version = use(conn, 'version') ?? '0';
  const remote = first(use(conn, 'remote_addrs')) ?? '%any';
  const localAddrs = first(use(conn, 'local_addrs'));
  const local = localAddrs && localAddrs !== '%any' ? localAddrs.split('/')[0] : undefined;
  const ikeVersion = version === '1' ? 1 : 2;
  const ikeText = use(conn, 'proposals');
  const ike = ikeText === undefined ? [] : proposals(ikeText, 'ike');
  if (!ike) bad(conn, 'proposals');
  // swanctl.conf(5): rekey_time 4h unless reauth_time is set; IKEv1 reauthenticates.
  const rekey = seconds(use(conn, 'rekey_time') ?? '') ?? 0;
  const reauth = seconds(use(conn, 'reauth_time') ?? '') ?? 0;
  const life = rekey || reauth || (conn.keys.has('rekey_time') || conn.keys.has('reauth_time') ? undefined : 14400);
  const dpd = seconds(use(conn, 'dpd_delay') ?? '0') ?? 0;
  // The first authentication round (local<suffix>, remote<suffix>; swanctl.conf(5) orders rounds by `round`, then name).
  const round = (side: 'local' | 'remote') => enter(rd, conn.sections.get(side) ?? [...conn.sections].find(([n]) => n.startsWith(side))?.[1]);
  const localAuth = round('local');
  const remoteAuth = round('remote');
  const auths = [use(localAuth, 'auth'), use(remoteAuth, 'auth')];
  const method = auths.includes('psk') ? 'psk' : 'certificate';
  const localId = identity(use(localAuth, 'id') ?? '');
  const remoteId = identity(use(remoteAuth, 'id') ?? '');
  const children: ChildMeaning[] = [];
  const kids = enter(rd, conn.sections.get('children'));
  for (const child of kids?.sections.values() ?? []) {
    enter(rd, child);
    const ls = selectors(use(child, 'local_ts'), local);
    const rs = selectors(use(child, 'remote_ts'), remote);
    if (!ls) bad(child, 'local_ts');
    if (!rs) bad(child, 'remote_ts');
    const espText = use(child, 'esp_proposals');
    const esp = espText === undefined ? [] : proposals(espText, 'esp');
    if (!esp) bad(child, 'esp_proposals');
    const childLife = seconds(use(child, 'rekey_time') ?? '3600s');
    const kb = bytes(use(child, 'rekey_bytes') ?? '0');
    for (const l of ls ?? []) {
      for (const r of rs ?? []) {
        children.push({ local: l, remote: r, esp: { proposals: esp ?? [], ...(childLife ? { lifetimeSeconds: childLife } : {}), ...(kb ? { lifetimeKilobytes: Math.round(kb / 1024) } : {}) } });
      }
    }
  }
  // The IKE address is the identity when none is written (swanctl.conf(5) local.id, remote.id default).
  const own = (id: string | undefined, address: string | undefined) => (id === `address:${address}` ? undefined : id);
  const l = own(localId, local);
  const r = own(remoteId, remote);
  const ifId = interfaceId(rd, conn);
  return {
    remoteAddress: remote.split('/')[0] ?? remote,
    ...(local ? { localAddress: local } : {}),
    ikeVersion,
    ...(ikeVersion === 1 ? { exchangeMode: use(conn, 'aggressive') === 'yes' ? 'aggressive' : 'main' } : {}),
    ike: { proposals: ike ?? [], ...(life ? { lifetimeSeconds: life } : {}) },
    auth: { method, ...(l ? { localId: l } : {}), ...(r ? { remoteId: r } : {}) },
    ...(dpd > 0 ? { dpd: { intervalSeconds: dpd } } : {}),
    children,
    // Routes are the kernel's (ip route), not swanctl.conf's.
    routes: [],
    name,
    // The file names the interface ID, not the interface (`ip link add … type xfrm if_id N` is the
    // system's): the product's own name for the tunnel interface of that number.
    ...(ifId !== undefined ? { tunnelInterface: identity_.defaults.tunnelInterface(ifId) } : {}),
    // swanctl.conf(5) remote_addrs: "%any … accepts connections from any peer; initiating is not possible".
    ...(remote === '%any' ? { passive: true } : {}),
  };
}

/** A top section of swanctl.conf(5): connections, secrets, pools, authorities. */
const SWANCTL_TOP = /^[\t ]*(?:connections|secrets|pools|authorities)[\t ]*\{/m;

export const strongswanReader: VendorReader = {
  read(files) {
    // By name, or (a pasted text has none) by what it holds: swanctl.conf's top sections or ipsec.conf's conn sections.
    const all = files.filter((f) => f.name.endsWith(configFile.suffix) || f.name.endsWith('.conf') || (!f.name.endsWith('.secrets') && (SWANCTL_TOP.test(f.content) || looksLikeIpsecConf(f.content))));
    // The legacy ipsec.conf (and its ipsec.secrets) is laid out in conn sections, not braces.
    const legacy = all.filter((f) => looksLikeIpsecConf(f.content));
    const confs = all.filter((f) => !legacy.includes(f));
    if (all.length === 0) return { ok: false, message: 'no swanctl.conf or ipsec.conf among the files: give the swanctl.conf (or the ipsec.conf and ipsec.secrets) and the files they include' };
    const old = legacy.length > 0 ? readIpsecConf(legacy, files.filter((f) => f.name.endsWith('.secrets'))) : undefined;
    const p: Parse = { root: newSection(), unknown: [], included: 0 };
    // The files no other file includes are the ones swanctl loads.
    const included = new Set<string>();
    for (const f of confs) for (const m of f.content.matchAll(/^\s*include[\t ]+(\S+)/gmu)) for (const g of confs) if (g !== f && globMatches(m[1] as string, g.name)) included.add(g.name);
    for (const f of confs.filter((c) => !included.has(c.name))) {
      const e = parse(confs, f, p, p.root, new Set());
      if (e) return { ok: false, message: `${e}; charon would not load this file` };
    }
    const rd: Reading = { used: new Set(), bad: new Set() };
    const conns = enter(rd, p.root.sections.get('connections'));
    const peers = [...(conns?.sections ?? [])].map(([name, conn]) => readConnection(rd, enter(rd, conn) as Section, name));
    // The secrets hold the keys; each of their settings is read as a key's. An ike<suffix> secret
    // is the pre-shared key of the connections whose identities its id<suffix> values name.
    const secrets = enter(rd, p.root.sections.get('secrets'));
    const shared: { ids: string[]; key: string }[] = [];
    for (const [name, s] of secrets?.sections ?? []) {
      enter(rd, s);
      for (const key of s.keys.keys()) useKey(rd, s, key);
      const secret = s.keys.get('secret')?.value;
      if (name.startsWith('ike') && secret !== undefined) shared.push({ ids: [...s.keys].filter(([k]) => k.startsWith('id')).map(([, v]) => v.value), key: secret });
    }
    for (const peer of peers) {
      const key = peer.auth.method === 'psk' ? keyFor(peer, shared) : undefined;
      if (key !== undefined) Object.assign(peer, { psk: key, pskPresent: true });
    }
    // Each section is one line (its closing brace is part of it).
    const lines: LineAccount = { used: p.included, ignored: 0, unknown: [...p.unknown] };
    account(p.root, configFile.syntax.kind === 'brace-sections' ? configFile.syntax.root : undefined, rd, lines);
    if (old) {
      peers.push(...old.peers);
      lines.used += old.lines.used;
      lines.ignored += old.lines.ignored;
      lines.unknown.push(...old.lines.unknown);
    }
    lines.unknown.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    // Policy-based unless an XFRM interface ID (or, in ipsec.conf, a VTI mark) binds the SAs to an interface.
    const routeBased = peers.some((x) => x.tunnelInterface !== undefined) || !!old?.routeBased;
    const device = peers.length > 0 ? { device: { vpnType: routeBased ? ('route-based' as const) : ('policy-based' as const), interfaces: [], routes: [], natRules: [], policies: [] } } : {};
    return { ok: true, meaning: { peers, ...device }, lines } satisfies ReadResult;
  },
  recognize(text) {
    // swanctl.conf: a top-level section of swanctl.conf(5), then brace sections and `key = value` lines.
    if (/^[\t ]*(connections|secrets|pools|authorities)[\t ]*\{/mu.test(text)) {
      const ss = text.split('\n').map((l) => l.replace(/#.*$/u, '').trim()).filter(Boolean);
      const own = ss.filter((l) => /^[^.,:{}="#\s]+[\t ]*(:[^{]*)?\{$|^\}$|^[^.,:{}="#\s]+[\t ]*=|^include[\t ]/u.test(l)).length;
      return ss.length === 0 ? 0 : own / ss.length;
    }
    return recognizeIpsecConf(text);
  },
};
