// Reads strongSwan's legacy ipsec.conf and ipsec.secrets (the stroke/starter configuration that
// swanctl.conf replaces) into what they mean for the VPNs. The syntax and meaning are those of
// ipsec.conf(5) for strongSwan 5.9.14 (man/ipsec.conf.5.in): `config setup`, `conn <name>` and
// `ca <name>` sections begin at the start of a line, their parameters `key=value` on indented
// lines ('=' may have white space around it, a value may be "quoted"), '#' after white space starts
// a comment, `include <file>` may hold shell wildcards; `also=<name>` brings in another section's
// parameters (the conn's own win), `conn %default` gives the rest, `auto=ignore` (the default) is
// not loaded, `auto=add` only answers, `auto=route` and `auto=start` initiate. By convention left
// is this box and right the peer. Defaults: keyexchange=ike (IKEv2 as initiator), ikelifetime=3h,
// keylife=1h, dpdaction=none. ipsec.secrets(5): `[ids] : TYPE secret` records, `include` lines.
import type { ChildMeaning, LineAccount, PeerMeaning } from '../kit/reader';
import { identity as strongswanIdentity, keyFor, proposals, seconds, selectors } from './values';

interface Where {
  file: string;
  line: number;
  text: string;
}
interface Section {
  kind: 'setup' | 'conn' | 'ca';
  name: string;
  at: Where;
  keys: Map<string, { value: string; at: Where }>;
  also: { value: string; at: Where }[];
}

/**
 * The parameters of each section, as starter's keyword table lists them (src/starter/keywords.txt
 * and keywords.h.in, which sorts them into setup, conn and ca keywords), the same ipsec.conf(5)
 * documents. The table's "deprecated/removed keywords" are still known: starter warns and ignores them.
 */
const SETUP = new Set(['charondebug', 'uniqueids', 'cachecrls', 'strictcrlpolicy', 'interfaces', 'dumpdir', 'charonstart', 'plutostart', 'klipsdebug', 'plutodebug', 'prepluto', 'postpluto', 'plutostderrlog', 'fragicmp', 'packetdefault', 'hidetos', 'overridemtu', 'crlcheckinterval', 'nocrsend', 'nat_traversal', 'keep_alive', 'force_keepalive', 'virtual_private', 'pkcs11module', 'pkcs11initargs', 'pkcs11keepstate', 'pkcs11proxy']);
const SIDE = ['', 'ikeport', 'subnet', 'subnetwithin', 'protoport', 'sourceip', 'dns', 'firewall', 'hostaccess', 'allowany', 'updown', 'auth', 'auth2', 'id', 'id2', 'sigkey', 'rsasigkey', 'cert', 'cert2', 'certpolicy', 'sendcert', 'ca', 'ca2', 'groups', 'groups2', 'nexthop'];
const CONN = new Set([
  'keyexchange', 'type', 'compress', 'installpolicy', 'aggressive', 'authby', 'eap_identity', 'aaa_identity', 'mobike', 'forceencaps', 'fragmentation', 'ikedscp', 'ikelifetime', 'lifetime', 'keylife', 'rekeymargin', 'margintime', 'lifebytes', 'marginbytes', 'lifepackets', 'marginpackets', 'keyingtries', 'rekeyfuzz', 'rekey', 'reauth', 'ike', 'esp', 'ah', 'dpddelay', 'dpdtimeout', 'dpdaction', 'closeaction', 'sha256_96', 'inactivity', 'modeconfig', 'xauth', 'xauth_identity', 'mediation', 'mediated_by', 'me_peerid', 'reqid', 'replay_window', 'mark', 'mark_in', 'mark_out', 'tfc', 'auto', 'pfs', 'pfsgroup', 'eap',
  ...SIDE.flatMap((x) => [`left${x}`, `right${x}`]),
]);
const CA = new Set(['cacert', 'crluri', 'crluri1', 'crluri2', 'ocspuri', 'ocspuri1', 'ocspuri2', 'certuribase', 'auto']);

/** Matches a file name against an include pattern (glob * and ?, the last path element). */
function globMatches(pattern: string, name: string): boolean {
  const last = pattern.split('/').at(-1) ?? pattern;
  const re = new RegExp(`^${last.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
  return re.test(name.split('/').at(-1) ?? name);
}

/** True when the text is laid out as ipsec.conf: a `config setup`, `conn` or `ca` line at the start of a line. */
export const looksLikeIpsecConf = (text: string): boolean => /^(config[\t ]+setup|conn[\t ]+\S+|ca[\t ]+\S+)[\t ]*(#.*)?$/mu.test(text);

/**
 * Parameters (or values) only strongSwan's ipsec.conf(5) has, and only Libreswan's (its
 * ipsec.conf(5)): the two files are laid out alike, and these tell them apart. strongSwan:
 * keyexchange=ike, leftauth=psk|pubkey|eap-<method>, leftfirewall, lefthostaccess, leftallowany,
 * charondebug, strictcrlpolicy, cachecrls, eap_identity, aaa_identity, margintime, closeaction,
 * mark_in/mark_out, a proposal ending '!' (strict), an esp= with a DH group after '-'.
 * Libreswan: ikev2=, phase2alg=, phase2=, leftsubnets=, narrowing=, salifetime=, protostack=,
 * logfile=, virtual-private=, nhelpers=, ipsec-interface=, vti-interface=, nic-offload=,
 * encapsulation=, sha2-truncbug=, an ike=/esp= with ';' before the DH group.
 */
const STRONGSWAN_ONLY = /^[\t ]+(keyexchange[\t ]*=[\t ]*ike[\t ]*$|(left|right)auth2?[\t ]*=[\t ]*(psk|pubkey|eap-)|(left|right)(firewall|hostaccess|allowany)[\t ]*=|charondebug[\t ]*=|strictcrlpolicy[\t ]*=|cachecrls[\t ]*=|eap_identity[\t ]*=|aaa_identity[\t ]*=|margintime[\t ]*=|closeaction[\t ]*=|mark_(in|out)[\t ]*=|(ike|esp)[\t ]*=.*!\s*$|esp[\t ]*=[^;#]*-(modp|ecp|curve|x25519)\d*)/u;
const LIBRESWAN_ONLY = /^[\t ]+(ikev2|phase2alg|phase2|leftsubnets|rightsubnets|narrowing|salifetime|protostack|logfile|virtual-private|nhelpers|ipsec-interface|vti-interface|nic-offload|encapsulation|sha2-truncbug)[\t ]*=|^[\t ]+(ike|esp)[\t ]*=[^#]*;/u;

/**
 * How sure it is that `text` is strongSwan's ipsec.conf: a file laid out as ipsec.conf with more
 * strongSwan-only lines than Libreswan-only ones is strongSwan's (1); with more Libreswan-only
 * ones, it is not (0.2, read if nothing else reads it); with neither, 0.85: the layout both have,
 * a little below Libreswan's, as strongSwan deprecated ipsec.conf for swanctl.conf in 5.8.
 */
export function recognizeIpsecConf(text: string): number {
  if (!looksLikeIpsecConf(text)) return 0;
  const lines = text.split('\n');
  const ours = lines.filter((l) => STRONGSWAN_ONLY.test(l)).length;
  const theirs = lines.filter((l) => LIBRESWAN_ONLY.test(l)).length;
  return ours > theirs ? 1 : theirs > ours ? 0.2 : 0.85;
}

interface Parsed {
  sections: Section[];
  unknown: LineAccount['unknown'];
  /** Section header, include and version lines. */
  structure: number;
}

function parse(files: readonly { name: string; content: string }[], file: { name: string; content: string }, p: Parsed, open: Set<string>): void {
  if (open.has(file.name)) return;
  open.add(file.name);
  let section: Section | undefined;
  file.content.split('\n').forEach((line, n) => {
    const raw = line.replace(/\r$/u, '');
    const at: Where = { file: file.name, line: n + 1, text: raw.trim() };
    if (/^[\t ]*(#.*)?$/u.test(raw)) return;
    if (/^[\t ]/u.test(raw)) {
      const m = /^[\t ]+([A-Za-z0-9_%-]+)[\t ]*=[\t ]*(?:"((?:[^"\\]|\\.)*)"|([^"#]*?))[\t ]*(?:#.*)?$/u.exec(raw);
      if (!m || !section) {
        p.unknown.push({ ...at, text: `${at.text} (${section ? 'not a parameter=value line' : 'a parameter outside any section'})` });
        return;
      }
      const key = m[1] as string;
      const value = (m[2] ?? m[3] ?? '').replace(/[\t ]+/gu, ' ');
      if (key === 'also') section.also.push({ value, at });
      else section.keys.set(key, { value, at });
      return;
    }
    const words = raw.replace(/[\t ]+#.*$/u, '').trim().split(/[\t ]+/u);
    if (words[0] === 'config' && words[1] === 'setup' && words.length === 2) section = { kind: 'setup', name: 'setup', at, keys: new Map(), also: [] };
    else if ((words[0] === 'conn' || words[0] === 'ca') && words.length === 2) section = { kind: words[0], name: words[1] as string, at, keys: new Map(), also: [] };
    else if (words[0] === 'include' && words.length === 2) {
      p.structure++;
      const found = files.filter((f) => f !== file && globMatches(words[1] as string, f.name));
      if (found.length === 0) p.unknown.push({ ...at, text: `${at.text} (the included file is not among those read: add it to the import)` });
      for (const f of found) parse(files, f, p, open);
      section = undefined;
      return;
    } else if (words[0] === 'version' && words.length === 2) {
      p.structure++;
      return;
    } else {
      p.unknown.push({ ...at, text: `${at.text} (not a section, include or version line of ipsec.conf(5))` });
      section = undefined;
      return;
    }
    p.structure++;
    p.sections.push(section);
  });
  open.delete(file.name);
}

/** A conn's parameters with also= (in order, each overriding the last) and %default applied; its own win. */
function effective(conn: Section, byName: Map<string, Section>, seen = new Set<string>()): Map<string, { value: string; at: Where }> {
  const out = new Map<string, { value: string; at: Where }>();
  if (seen.has(conn.name)) return out;
  seen.add(conn.name);
  for (const a of conn.also) {
    const other = byName.get(a.value);
    if (other) for (const [k, v] of effective(other, byName, seen)) out.set(k, v);
  }
  for (const [k, v] of conn.keys) out.set(k, v);
  return out;
}

/** An ipsec.conf identity: a leading '@' is an FQDN not resolved (ipsec.conf(5) leftid). */
const idOf = (text: string): string | undefined => (text.startsWith('@') && !text.startsWith('@#') ? `fqdn:${text.slice(1)}` : strongswanIdentity(text));

/** A PSK record of ipsec.secrets: the ids it is for (none: any) and the key. */
interface Psk {
  ids: string[];
  key: string;
}

/** ipsec.secrets(5): records `[ids] : TYPE secret` (a record may go on over indented lines), `include`. */
function readSecrets(files: readonly { name: string; content: string }[], lines: LineAccount): Psk[] {
  const out: Psk[] = [];
  for (const f of files) {
    f.content.split('\n').forEach((raw, n) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const at = { file: f.name, line: n + 1, text };
      if (/^include[\t ]+\S+$/u.test(text)) {
        const pattern = text.split(/[\t ]+/u)[1] as string;
        if (files.some((g) => g !== f && globMatches(pattern, g.name))) lines.used++;
        else lines.unknown.push({ ...at, text: `${text} (the included file is not among those read: add it to the import)` });
        return;
      }
      if (/^[\t ]/u.test(raw)) {
        lines.ignored++;
        return;
      }
      const m = /^(.*?)(?:^|[\t ]):[\t ]*([A-Za-z0-9]+)(?:[\t ]+(.*))?$/u.exec(text);
      const type = m?.[2]?.toUpperCase();
      if (type === 'PSK' && m) {
        const secret = (m[3] ?? '').trim();
        const key = /^"(.*)"$/u.exec(secret)?.[1] ?? /^'(.*)'$/u.exec(secret)?.[1] ?? secret;
        out.push({ ids: (m[1] ?? '').trim().split(/[\t ]+/u).filter(Boolean).map((x) => x.replace(/^"(.*)"$/u, '$1')), key });
        lines.used++;
      } else if (type && ['RSA', 'ECDSA', 'BLISS', 'P12', 'EAP', 'NTLM', 'XAUTH', 'PIN'].includes(type)) lines.ignored++;
      else lines.unknown.push({ ...at, text: `${text} (not a record of ipsec.secrets(5))` });
    });
  }
  return out;
}

export interface LegacyRead {
  peers: PeerMeaning[];
  lines: LineAccount;
  /** A loaded conn sets mark= (route-based, VTI). */
  routeBased: boolean;
}

/** Reads the ipsec.conf files (and ipsec.secrets files) given. */
export function readIpsecConf(confs: readonly { name: string; content: string }[], secretFiles: readonly { name: string; content: string }[]): LegacyRead {
  const p: Parsed = { sections: [], unknown: [], structure: 0 };
  const included = new Set<string>();
  for (const f of confs) for (const m of f.content.matchAll(/^include[\t ]+(\S+)/gmu)) for (const g of confs) if (g !== f && globMatches(m[1] as string, g.name)) included.add(g.name);
  for (const f of confs.filter((c) => !included.has(c.name))) parse(confs, f, p, new Set());
  const conns = p.sections.filter((s) => s.kind === 'conn');
  const byName = new Map(conns.map((c) => [c.name, c]));
  const used = new Set<Where>();
  const bad = new Set<Where>();
  const defaults = byName.get('%default');
  const peers: PeerMeaning[] = [];
  let routeBased = false;
  for (const conn of conns) {
    if (conn.name === '%default') continue;
    const s = effective(conn, byName);
    for (const [k, v] of defaults ? effective(defaults, byName) : []) if (!s.has(k)) s.set(k, v);
    for (const a of conn.also) if (byName.has(a.value)) used.add(a.at);
    else bad.add(a.at);
    const use = (key: string) => {
      const x = s.get(key);
      if (x) used.add(x.at);
      return x?.value === '' ? undefined : x?.value;
    };
    const fail = (key: string) => {
      const x = s.get(key);
      if (x) bad.add(x.at);
    };
    const auto = use('auto') ?? 'ignore';
    if (auto === 'ignore') continue;
    const type = use('type') ?? 'tunnel';
    // passthrough, drop, reject: no SA, nothing negotiated.
    if (type !== 'tunnel' && type !== 'transport') continue;
    const address = (x: string | undefined) => (x === undefined || x.startsWith('%') ? undefined : x);
    const left = address(use('left'));
    const right = use('right') ?? '%any';
    const exchange = use('keyexchange') ?? 'ike';
    const ikeVersion: 1 | 2 = exchange === 'ikev1' ? 1 : 2;
    const strip = (v: string) => v.replace(/!$/u, '');
    const ikeText = use('ike');
    const ike = ikeText === undefined ? [] : proposals(strip(ikeText), 'ike');
    if (!ike) fail('ike');
    const espText = use('esp');
    const esp = espText === undefined ? [] : proposals(strip(espText), 'esp');
    if (!esp) fail('esp');
    const time = (keys: string[], fallback: number) => {
      const key = keys.find((k) => s.has(k));
      const t = key === undefined ? undefined : use(key);
      const v = t === undefined ? fallback : seconds(t);
      if (v === undefined && key) fail(key);
      return v ?? fallback;
    };
    const ikeLife = time(['ikelifetime'], 10800);
    const keyLife = time(['keylife', 'lifetime'], 3600);
    for (const k of ['rekeymargin', 'margintime', 'rekeyfuzz', 'keyingtries', 'dpdtimeout']) use(k);
    const dpdAction = use('dpdaction') ?? 'none';
    const dpd = dpdAction === 'none' ? 0 : time(['dpddelay'], 30);
    const auths = [use('authby'), use('leftauth'), use('rightauth')];
    const method = auths.some((a) => a === 'secret' || a === 'psk') ? 'psk' : 'certificate';
    const localId = use('leftid');
    const remoteId = use('rightid');
    const withPort = (which: 'left' | 'right', list: string | undefined) => {
      const pp = use(`${which}protoport`);
      if (list === undefined || pp === undefined) return list;
      const [proto, port] = pp.split('/');
      return list.split(',').map((x) => `${x.trim()}[${proto === '%any' ? 'any' : proto}${port && port !== '%any' ? `/${port}` : ''}]`).join(',');
    };
    const ls = selectors(withPort('left', use('leftsubnet') ?? (left ? left : undefined)), left);
    const rs = selectors(withPort('right', use('rightsubnet') ?? (right.startsWith('%') ? undefined : right)), address(right));
    if (!ls) fail(s.has('leftsubnet') ? 'leftsubnet' : 'left');
    if (!rs) fail(s.has('rightsubnet') ? 'rightsubnet' : 'right');
    const children: ChildMeaning[] = (ls ?? []).flatMap((l) => (rs ?? []).map((r) => ({ local: l, remote: r, esp: { proposals: esp ?? [], lifetimeSeconds: keyLife }, name: conn.name })));
    // ipsec.conf(5) mark: "sets an XFRM mark on the inbound policy and outbound IPsec SA and
    // policy", which a VTI device's key matches: route-based (the device is the system's, not named here).
    const mark = use('mark') ?? use('mark_out') ?? use('mark_in');
    if (mark !== undefined) routeBased = true;
    const lid = localId === undefined ? undefined : idOf(localId);
    const rid = remoteId === undefined ? undefined : idOf(remoteId);
    peers.push({
      remoteAddress: right,
      ...(left ? { localAddress: left } : {}),
      ikeVersion,
      ...(ikeVersion === 1 ? { exchangeMode: use('aggressive') === 'yes' ? 'aggressive' : 'main' } : {}),
      ike: { proposals: ike ?? [], lifetimeSeconds: ikeLife },
      auth: { method, ...(lid && lid !== `address:${left}` ? { localId: lid } : {}), ...(rid && rid !== `address:${right}` ? { remoteId: rid } : {}) },
      ...(dpd > 0 ? { dpd: { intervalSeconds: dpd } } : {}),
      children,
      routes: [],
      name: conn.name,
      // auto=add: loaded, waits for the peer; right=%any cannot be initiated to.
      passive: auto === 'add' || right === '%any',
      espMode: type === 'transport' ? 'transport' : 'tunnel',
    });
  }
  const lines: LineAccount = { used: p.structure, ignored: 0, unknown: [...p.unknown] };
  for (const sec of p.sections) {
    const known = sec.kind === 'setup' ? SETUP : sec.kind === 'ca' ? CA : CONN;
    for (const a of sec.also) {
      if (bad.has(a.at)) lines.unknown.push({ ...a.at, text: `${a.at.text} (no conn of that name)` });
      else if (used.has(a.at)) lines.used++;
      else lines.ignored++;
    }
    for (const [k, v] of sec.keys) {
      if (bad.has(v.at)) lines.unknown.push({ ...v.at, text: `${v.at.text} (not understood)` });
      else if (used.has(v.at)) lines.used++;
      else if (known.has(k)) lines.ignored++;
      else lines.unknown.push({ ...v.at, text: `${v.at.text} (not a parameter of ipsec.conf(5) ${sec.kind} sections)` });
    }
  }
  const psks = readSecrets(secretFiles, lines);
  for (const peer of peers) {
    const key = peer.auth.method === 'psk' ? keyFor(peer, psks.map((k) => ({ ...k, ids: k.ids.map((id) => id.replace(/^@/u, '')) }))) : undefined;
    if (key !== undefined) Object.assign(peer, { psk: key, pskPresent: true });
  }
  lines.unknown.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { peers, lines, routeBased };
}
