// Reads Libreswan's ipsec.conf and ipsec.secrets back into what they mean for the VPNs: the start
// of importing a Libreswan configuration. The syntax is that of Libreswan 4.10's own parser
// (lib/libipsecconf/parser.lex and parser.y, tag v4.10): `config setup`, `conn <name>` and
// `include <file>` at the start of a line, each parameter on an indented line `key=value`, the
// value a bare word, a "string" (no escapes) or a {braced list}, '#' starting a comment at the
// start of a line or after a value. The meaning is that of ipsec.conf(5) for 4.x: `also=` brings
// in another conn's parameters (the conn's own win), `conn %default` gives the rest, auto=ignore
// conns are not loaded, and the defaults apply to what is not written (ikelifetime and salifetime
// 8h, ikev2=yes, pfs=yes, authby=rsasig). Identities are read as atoid() reads them
// (lib/libswan/id.c): `@name` an FQDN, `name@domain` an e-mail address, `@[text]` and `@#hex` key
// IDs, a value with '=' a DN. Conns between the same ends with the same IKE settings share one IKE
// SA and are one peer, each conn one child. Every statement line is accounted for.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { parseAddressSpec, parseIp } from '../../net/address';
import { formatSelector, fromRange, protocolNumber } from '../../net/selector';
import type { ChildMeaning, LineAccount, PeerMeaning, ProposalMeaning, VendorReader } from '../kit/reader';
import { configFile, secretsFile } from './grammar';

interface Where {
  file: string;
  line: number;
  text: string;
}
interface Setting {
  value: string;
  at: Where;
}
interface Conn {
  name: string;
  at: Where;
  keys: Map<string, Setting>;
}

interface Parsed {
  setup: Map<string, Setting>;
  conns: Conn[];
  unknown: LineAccount['unknown'];
  /** Section headers, include and version lines: used. */
  structure: number;
}

const syntax = configFile.syntax.kind === 'ipsec-conf' ? configFile.syntax : undefined;
const SETUP = new Set(syntax?.setup ?? []);
const CONN = new Set([...(syntax?.conn ?? []), ...(syntax?.sides ?? []).flatMap((s) => [`left${s}`, `right${s}`])]);

/**
 * Parameters (or values) only Libreswan's ipsec.conf(5) has, and only strongSwan's (its
 * ipsec.conf(5)): the two files are laid out alike, and these tell them apart (recognize). A file
 * with more of ours is Libreswan's (1), with more of theirs not (0.2); with neither, 0.9: the layout
 * is Libreswan's current one, while strongSwan deprecated ipsec.conf for swanctl.conf in 5.8.
 * Ours: ikev2=, phase2alg=, phase2=, leftsubnets=, narrowing=, salifetime=, protostack=,
 * logfile=, virtual-private=, nhelpers=, ipsec-interface=, vti-interface=, nic-offload=,
 * encapsulation=, sha2-truncbug=, ike=/esp= with ';' before the DH group.
 * Theirs: keyexchange=ike, leftauth=psk|pubkey|eap-<method>, leftfirewall, lefthostaccess, leftallowany,
 * charondebug, strictcrlpolicy, cachecrls, eap_identity, aaa_identity, margintime, closeaction,
 * mark_in/mark_out, a proposal ending '!' (strict), esp= with a DH group after '-'.
 */
const LIBRESWAN_ONLY = /^[\t ]+(ikev2|phase2alg|phase2|leftsubnets|rightsubnets|narrowing|salifetime|protostack|logfile|virtual-private|nhelpers|ipsec-interface|vti-interface|nic-offload|encapsulation|sha2-truncbug)[\t ]*=|^[\t ]+(ike|esp)[\t ]*=[^#]*;/u;
const STRONGSWAN_ONLY = /^[\t ]+(keyexchange[\t ]*=[\t ]*ike[\t ]*$|(left|right)auth2?[\t ]*=[\t ]*(psk|pubkey|eap-)|(left|right)(firewall|hostaccess|allowany)[\t ]*=|charondebug[\t ]*=|strictcrlpolicy[\t ]*=|cachecrls[\t ]*=|eap_identity[\t ]*=|aaa_identity[\t ]*=|margintime[\t ]*=|closeaction[\t ]*=|mark_(in|out)[\t ]*=|(ike|esp)[\t ]*=.*!\s*$|esp[\t ]*=[^;#]*-(modp|ecp|curve|x25519)\d*)/u;

/** Matches a file name against an include pattern (glob * and ?, the last path element). */
function globMatches(pattern: string, name: string): boolean {
  const last = pattern.split('/').at(-1) ?? pattern;
  const re = new RegExp(`^${last.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'u');
  return re.test(name.split('/').at(-1) ?? name);
}

/** One value as the lexer reads it after '=': "string", {list} or a bare word; the rest of the line, if it is not a comment, is left over. */
function value(text: string): { value: string; rest: string } | undefined {
  const t = text.replace(/^[\t ]+/u, '');
  const m = /^"([^"\n]*)"/u.exec(t) ?? /^\{([^"\n]*)\}/u.exec(t) ?? /^([^" \t\n]+)/u.exec(t);
  if (!m) return t.trim() === '' ? { value: '', rest: '' } : undefined;
  return { value: m[1] as string, rest: t.slice(m[0].length).replace(/^[\t ]*(#.*)?$/u, '') };
}

function parseConf(files: readonly { name: string; content: string }[], file: { name: string; content: string }, p: Parsed, open: Set<string>): string | undefined {
  if (open.has(file.name)) return `${file.name} includes itself`;
  open.add(file.name);
  let section: { kind: 'setup' } | { kind: 'conn'; conn: Conn } | undefined;
  const lines = file.content.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const raw = (lines[n] as string).replace(/\r$/u, '');
    const at: Where = { file: file.name, line: n + 1, text: raw.trim() };
    if (/^[\t ]*(#.*)?$/u.test(raw)) continue;
    if (/^[\t ]/u.test(raw)) {
      // A parameter of the section above.
      const m = /^[\t ]+([^"= \t]+)[\t ]*=(.*)$/u.exec(raw);
      const v = m ? value(m[2] as string) : undefined;
      if (!m || !v || v.rest !== '' || !section) {
        p.unknown.push({ ...at, text: `${at.text} (${!section ? 'a parameter outside any section' : 'not a parameter=value line'})` });
        continue;
      }
      const key = m[1] as string;
      const keys = section.kind === 'setup' ? p.setup : section.conn.keys;
      // ipsec.conf(5): no parameter twice in a section (also= may be): the later is not loaded.
      if (keys.has(key) && key !== 'also') p.unknown.push({ ...at, text: `${at.text} (${key}= given twice in the section)` });
      else keys.set(key === 'also' && keys.has('also') ? `also#${n}` : key, { value: v.value, at });
      continue;
    }
    const words = raw.replace(/[\t ]+#.*$/u, '').trim().split(/[\t ]+/u);
    if (words[0] === 'config' && words[1] === 'setup' && words.length === 2) {
      section = { kind: 'setup' };
      p.structure++;
    } else if (words[0] === 'conn' && words.length === 2) {
      const name = words[1] as string;
      // parser.lex: a name of digits only is a number, and the parser refuses the file.
      if (/^[0-9]+$/u.test(name)) return `${file.name}: line ${n + 1}: "conn ${name}": a conn name of digits only is a syntax error to Libreswan`;
      const conn: Conn = { name, at, keys: new Map() };
      p.conns.push(conn);
      section = { kind: 'conn', conn };
      p.structure++;
    } else if (words[0] === 'include' && words.length === 2) {
      p.structure++;
      const found = files.filter((f) => f !== file && globMatches(words[1] as string, f.name));
      if (found.length === 0) p.unknown.push({ ...at, text: `${at.text} (the included file is not among those read)` });
      for (const f of found) {
        const e = parseConf(files, f, p, open);
        if (e) return e;
      }
    } else if (words[0] === 'version' && words.length === 2) p.structure++;
    else p.unknown.push({ ...at, text: `${at.text} (not a section, include or version line)` });
  }
  open.delete(file.name);
  return undefined;
}

/** A conn's parameters with also= and %default applied: its own first, then each also= conn's, then %default's. */
function effective(conn: Conn, byName: Map<string, Conn>, seen = new Set<string>()): Map<string, Setting> {
  const out = new Map<string, Setting>();
  if (seen.has(conn.name)) return out;
  seen.add(conn.name);
  for (const [k, v] of conn.keys) if (!k.startsWith('also')) out.set(k, v);
  for (const [k, v] of conn.keys) {
    if (!k.startsWith('also')) continue;
    const other = byName.get(v.value);
    if (!other) continue;
    for (const [k2, v2] of effective(other, byName, seen)) if (!out.has(k2)) out.set(k2, v2);
  }
  return out;
}

const ENC = new Map<string, Encryption>([['3des', '3des'], ['aes', 'aes128'], ['aes128', 'aes128'], ['aes192', 'aes192'], ['aes256', 'aes256'], ['aes_cbc128', 'aes128'], ['aes_cbc192', 'aes192'], ['aes_cbc256', 'aes256'], ['aes_gcm128', 'aes128gcm16'], ['aes_gcm256', 'aes256gcm16'], ['aes_gcm_16_128', 'aes128gcm16'], ['aes_gcm_16_256', 'aes256gcm16'], ['chacha20_poly1305', 'chacha20poly1305'], ['chacha20poly1305', 'chacha20poly1305'], ['null', 'null']]);
const INT = new Map<string, Integrity | 'null'>([['md5', 'md5'], ['sha1', 'sha1'], ['sha', 'sha1'], ['sha2', 'sha256'], ['sha256', 'sha256'], ['sha2_256', 'sha256'], ['sha384', 'sha384'], ['sha2_384', 'sha384'], ['sha512', 'sha512'], ['sha2_512', 'sha512'], ['null', 'null']]);
const DH = new Map<string, DhGroup>([['modp1536', 5], ['dh5', 5], ['modp2048', 14], ['dh14', 14], ['modp3072', 15], ['dh15', 15], ['modp4096', 16], ['dh16', 16], ['modp6144', 17], ['dh17', 17], ['modp8192', 18], ['dh18', 18], ['dh19', 19], ['ecp256', 19], ['ecp_256', 19], ['dh20', 20], ['ecp384', 20], ['ecp_384', 20], ['dh21', 21], ['ecp521', 21], ['ecp_521', 21], ['dh31', 31], ['curve25519', 31]]);
const AEAD = new Set<Encryption>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

/**
 * An ike= or esp= list (ipsec.conf(5) ike=: `ENC[+ENC]-INTEG[+INTEG]-DH[+DH]`, proposals separated
 * by ','; ';' before the DH group in the older form). The first element is the ciphers, the last
 * the DH groups when they are groups, the rest the integrity (in IKE with AEAD, the PRF).
 * Undefined when a word is not one of the algorithms.
 */
function proposals(text: string): ProposalMeaning[] | undefined {
  const out: ProposalMeaning[] = [];
  for (const part of text.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    const [encWords = '', ...rest] = part.replace(/;/gu, '-').split('-');
    const encryption = encWords.split('+').map((w) => ENC.get(w));
    if (encryption.some((e) => e === undefined)) return undefined;
    const p: ProposalMeaning = { encryption: encryption as Encryption[], integrity: [], dhGroups: [] };
    for (const word of rest) {
      const items = word.split('+');
      if (items.every((w) => DH.has(w))) p.dhGroups.push(...items.map((w) => DH.get(w) as DhGroup));
      else if (items.every((w) => INT.has(w))) {
        for (const i of items.map((w) => INT.get(w))) if (i !== 'null' && i !== undefined && !p.integrity.includes(i)) p.integrity.push(i);
      } else return undefined;
    }
    // An AEAD ESP proposal names `null` integrity: none.
    if (p.encryption.every((e) => AEAD.has(e)) && p.integrity.length === 0) p.integrity = [];
    out.push(p);
  }
  return out;
}

/** A time value (kt_time): a number, optionally with s, m, h or d. */
function seconds(text: string): number | undefined {
  const m = /^(\d+)([smhd]?)$/u.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as string] as number);
}

/** A byte value (kt_byte, ttobinary): a number, optionally with KiB … EiB. */
function kilobytes(text: string): number | undefined {
  const m = /^(\d+)(|KiB|MiB|GiB|TiB)$/u.exec(text.trim());
  if (!m) return undefined;
  const bytes = Number(m[1]) * ({ '': 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 }[m[2] as string] as number);
  return Math.round(bytes / 1024);
}

/** An identity as atoid() reads it, as `type:value`; undefined for %any and the like; false when not understood. */
function identity(text: string): string | undefined | false {
  const v = text.trim();
  if (v === '' || v === '%any' || v === '%none' || v === '%null' || v === '0.0.0.0' || v === '%fromcert') return undefined;
  if (v.includes('=')) return `dn:${v.startsWith('@') ? v.slice(1) : v}`;
  if (!v.includes('@')) return parseIp(v).ok ? `address:${v}` : false;
  if (v.startsWith('@#')) {
    const hex = v.slice(2);
    if (!/^(?:[0-9a-fA-F]{2})+$/u.test(hex)) return false;
    const text = hex.match(/../gu)?.map((h) => String.fromCharCode(parseInt(h, 16))).join('') ?? '';
    return /^[\x21-\x7e]+$/u.test(text) ? `key-id:${text}` : `key-id:#${hex}`;
  }
  if (v.startsWith('@~')) return false;
  if (v.startsWith('@[')) return `key-id:${v.endsWith(']') ? v.slice(2, -1) : v.slice(2)}`;
  if (v.startsWith('@')) return `fqdn:${v.slice(1)}`;
  return `user-fqdn:${v}`;
}

/** One side's selector: its subnet (or its host), with leftprotoport= `proto[/port]`. */
function side(subnet: string | undefined, host: string | undefined, protoport: string | undefined): string | undefined {
  const range = parseAddressSpec(subnet ?? host ?? '');
  if (!range.ok) return undefined;
  let protocol = 0;
  let from = 0;
  let to = 65535;
  if (protoport !== undefined && protoport !== '%any') {
    const m = /^([^/]+)(?:\/(.*))?$/u.exec(protoport);
    const p = m ? (m[1] === '%any' ? 0 : protocolNumber(m[1] as string)) : undefined;
    if (p === undefined) return undefined;
    protocol = p;
    const port = m?.[2];
    if (port !== undefined && port !== '' && port !== '%any' && port !== '0') {
      if (!/^\d{1,5}$/u.test(port) || Number(port) > 65535) return undefined;
      from = to = Number(port);
    }
  }
  return formatSelector(fromRange(range.value, protocol, from, to));
}

/** What a conn is loaded as: its peer's settings (shared by the conns of one IKE SA) and its child. */
function readConn(s: Map<string, Setting>, use: (key: string) => string | undefined, bad: (key: string) => void): { key: string; peer: PeerMeaning } {
  const address = (x: string | undefined) => (x !== undefined && parseIp(x).ok ? x : undefined);
  const left = use('left');
  const right = use('right') ?? '%any';
  const v2 = use('ikev2');
  const exchange = use('keyexchange');
  const ikeVersion: 1 | 2 = v2 === 'no' || v2 === 'never' || exchange === 'ikev1' ? 1 : 2;
  const ikeText = use('ike');
  const ike = ikeText === undefined ? [] : proposals(ikeText);
  if (!ike) bad('ike');
  const espKey = s.has('esp') ? 'esp' : 'phase2alg';
  const espText = use(espKey);
  const esp = espText === undefined ? [] : proposals(espText);
  if (!esp) bad(espKey);
  const pfs = use('pfs') !== 'no';
  // ipsec.conf(5) narrowing= (default no); the product's own setting of the end (options.ts).
  const narrowingText = use('narrowing');
  if (narrowingText !== undefined && narrowingText !== 'yes' && narrowingText !== 'no') bad('narrowing');
  const narrowing = narrowingText === 'yes';
  const time = (key: string, fallback: number) => {
    const t = use(key);
    const n = t === undefined ? fallback : seconds(t);
    if (n === undefined) bad(key);
    return n ?? fallback;
  };
  const lifeKey = ['salifetime', 'ipsec-lifetime', 'keylife', 'lifetime'].find((k) => s.has(k)) ?? 'salifetime';
  const maxBytes = use('ipsec-max-bytes');
  const kb = maxBytes === undefined ? undefined : kilobytes(maxBytes);
  if (maxBytes !== undefined && kb === undefined) bad('ipsec-max-bytes');
  const ids = (key: 'leftid' | 'rightid', own: string | undefined) => {
    const text = use(key);
    const id = text === undefined ? undefined : identity(text);
    if (id === false) bad(key);
    // The default identity is the side's address.
    return id === false || id === `address:${own}` ? undefined : id;
  };
  const localId = ids('leftid', address(left));
  const remoteId = ids('rightid', address(right));
  const authby = use('authby') ?? 'rsasig';
  const method = authby === 'secret' || authby === 'psk' ? 'psk' : 'certificate';
  const dpd = use('dpddelay');
  use('dpdtimeout');
  const dpdSeconds = dpd === undefined ? 0 : (seconds(dpd) ?? 0);
  const aggressive = (use('aggressive') ?? use('aggrmode')) === 'yes';
  // leftsubnets={a b}: one child per subnet of each side (ipsec.conf(5) leftsubnets), else leftsubnet, else the host.
  const selectorsOf = (which: 'left' | 'right', host: string | undefined): string[] => {
    const many = use(`${which}subnets`);
    const subnets = many !== undefined ? many.split(/[\s,]+/u).filter(Boolean) : [use(`${which}subnet`)];
    const protoport = use(`${which}protoport`);
    const out = subnets.map((x) => side(x, host, protoport));
    if (out.some((x) => x === undefined)) {
      bad(many !== undefined ? `${which}subnets` : s.has(`${which}subnet`) ? `${which}subnet` : `${which}protoport`);
      return [];
    }
    return out as string[];
  };
  // Libreswan wiki "Route-based VPN using XFRMi" ("New ipsec.conf keywords for XFRM support"):
  // `ipsec-interface=no|yes|<n>`, "<n> to create/use interface ipsecN … when yes is 1" (pluto remaps
  // 0 to another if_id, the interface is still ipsec0); ipsec.conf(5) vti-interface=<name>: that VTI
  // device. Either binds the conn's SAs to an interface: route-based.
  const xfrm = use('ipsec-interface');
  const vti = use('vti-interface');
  const tunnel = xfrm !== undefined && /^(yes|\d+)$/u.test(xfrm) ? `ipsec${xfrm === 'yes' ? 1 : Number(xfrm)}` : vti !== undefined && vti !== '' ? vti : undefined;
  if (xfrm !== undefined && tunnel === undefined && xfrm !== 'no') bad('ipsec-interface');
  const locals = selectorsOf('left', address(left));
  const remotes = selectorsOf('right', address(right));
  const childEsp = { proposals: (esp ?? []).map((p) => (pfs ? p : { ...p, dhGroups: [] })), lifetimeSeconds: time(lifeKey, 28800), ...(kb ? { lifetimeKilobytes: kb } : {}) };
  const children: ChildMeaning[] = locals.flatMap((local) => remotes.map((remote) => ({ local, remote, esp: childEsp })));
  const peer: PeerMeaning = {
    remoteAddress: right,
    ...(address(left) ? { localAddress: left } : {}),
    ikeVersion,
    ...(ikeVersion === 1 ? { exchangeMode: aggressive ? 'aggressive' : 'main' } : {}),
    ike: { proposals: ike ?? [], lifetimeSeconds: time('ikelifetime', 28800) },
    auth: { method, ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) },
    ...(dpdSeconds > 0 ? { dpd: { intervalSeconds: dpdSeconds } } : {}),
    children,
    routes: [],
    ...(narrowing ? { vendorOptions: { libreswan: { narrowing: true } } } : {}),
    ...(tunnel !== undefined ? { tunnelInterface: tunnel } : {}),
  };
  const key = JSON.stringify({ ...peer, children: undefined });
  return { key, peer };
}

/** ipsec.secrets: `indices : TYPE secret` records (a record may go on over indented lines), include lines. */
function accountSecrets(files: readonly { name: string; content: string }[], lines: LineAccount): { ids: string[]; key: string }[] {
  const psks: { ids: string[]; key: string }[] = [];
  const records = secretsFile.syntax.kind === 'ipsec-secrets' ? Object.keys(secretsFile.syntax.records) : [];
  for (const f of files) {
    f.content.split('\n').forEach((raw, n) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const at = { file: f.name, line: n + 1, text };
      if (/^include[\t ]+\S+$/u.test(text)) lines.used++;
      else if (/^[\t ]/u.test(raw)) lines.used++;
      else {
        const m = /(?:^|[\t ]):[\t ]*([A-Za-z0-9]+)(?:[\t ]|$)/u.exec(text);
        const type = m?.[1]?.toUpperCase();
        if (type === 'PSK') {
          lines.used++;
          // ipsec.secrets(5): `indices : PSK "secret"`, the indices the ends' ids or addresses (none: any).
          const [indices = '', secret = ''] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1).trim().replace(/^PSK[\t ]+/iu, '')];
          psks.push({ ids: indices.trim().split(/[\t ]+/u).filter(Boolean), key: /^"(.*)"$/u.exec(secret)?.[1] ?? secret });
        }
        else if (type && (records.includes(type) || ['RSA', 'ECDSA', 'PIN'].includes(type))) lines.ignored++;
        else lines.unknown.push({ ...at, text: `${text} (not a record of ipsec.secrets(5))` });
      }
    });
  }
  return psks;
}

/** The key of the record that matches the peer's ends best (the peer's side counts most), else one for any. */
function keyOf(peer: PeerMeaning, psks: readonly { ids: string[]; key: string }[]): string | undefined {
  const forms = (address: string | undefined, id: string | undefined) => [address, id, id?.startsWith('fqdn:') ? `@${id.slice(5)}` : undefined, id?.replace(/^[^:]+:/u, '')].filter((x): x is string => x !== undefined);
  const remote = forms(peer.remoteAddress, peer.auth.remoteId);
  const local = forms(peer.localAddress, peer.auth.localId);
  const score = (k: { ids: string[] }) => (k.ids.some((i) => remote.includes(i)) ? 2 : 0) + (k.ids.some((i) => local.includes(i)) ? 1 : 0);
  const best = psks.reduce<{ ids: string[]; key: string } | undefined>((top, k) => (score(k) > (top ? score(top) : 0) ? k : top), undefined);
  return (best ?? psks.find((k) => k.ids.length === 0 || k.ids.includes('%any')))?.key;
}

export const libreswanReader: VendorReader = {
  read(files) {
    const named = files.filter((f) => f.name.endsWith('.conf'));
    const secrets = files.filter((f) => f.name.endsWith('.secrets'));
    // A pasted text has no file name: it is the ipsec.conf (the secrets come as files of their own).
    const confs = named.length > 0 ? named : files.filter((f) => !f.name.endsWith('.secrets'));
    if (confs.length === 0) return { ok: false, message: 'no ipsec.conf among the files: give the ipsec.conf (and the files it includes)' };
    const p: Parsed = { setup: new Map(), conns: [], unknown: [], structure: 0 };
    const included = new Set<string>();
    for (const f of confs) for (const m of f.content.matchAll(/^include[\t ]+(\S+)/gmu)) for (const g of confs) if (g !== f && globMatches(m[1] as string, g.name)) included.add(g.name);
    for (const f of confs.filter((c) => !included.has(c.name))) {
      const e = parseConf(confs, f, p, new Set());
      if (e) return { ok: false, message: `${e}; addconn would not load this file` };
    }
    const byName = new Map(p.conns.map((c) => [c.name, c]));
    const used = new Set<Where>();
    const notUnderstood = new Set<Where>();
    const defaults = byName.get('%default');
    const groups = new Map<string, PeerMeaning>();
    for (const conn of p.conns) {
      if (conn.name === '%default') continue;
      const s = effective(conn, byName);
      for (const [k, v] of defaults ? effective(defaults, byName) : []) if (!s.has(k)) s.set(k, v);
      for (const [k, v] of conn.keys) if (k.startsWith('also')) used.add(v.at);
      const auto = s.get('auto')?.value ?? 'ignore';
      if (s.get('auto')) used.add((s.get('auto') as Setting).at);
      // auto=ignore (the default): not loaded; a conn other conns take in with also= is a template.
      if (auto === 'ignore') continue;
      const use = (key: string) => {
        const x = s.get(key);
        if (x) used.add(x.at);
        return x?.value;
      };
      const { key, peer } = readConn(s, use, (k) => {
        const x = s.get(k);
        if (x) notUnderstood.add(x.at);
      });
      const group = groups.get(key);
      if (group) group.children.push(...peer.children);
      // auto=add: loaded, waiting for the peer (ipsec.conf(5) auto); the peer is named after its first conn.
      else groups.set(key, { ...peer, name: conn.name, ...(auto === 'add' || peer.remoteAddress === '%any' ? { passive: true } : {}) });
    }
    const lines: LineAccount = { used: p.structure, ignored: 0, unknown: [...p.unknown] };
    const count = (at: Where, known: boolean) => {
      if (notUnderstood.has(at)) lines.unknown.push({ ...at, text: `${at.text} (not understood)` });
      else if (used.has(at)) lines.used++;
      else if (known) lines.ignored++;
      else lines.unknown.push({ ...at, text: `${at.text} (not a parameter of ipsec.conf(5))` });
    };
    const extension = syntax?.extension ?? /^[xX][-_]/u;
    for (const [k, v] of p.setup) count(v.at, SETUP.has(k));
    for (const c of p.conns) for (const [k, v] of c.keys) count(v.at, k.startsWith('also') || CONN.has(k) || extension.test(k));
    const psks = accountSecrets(secrets, lines);
    lines.unknown.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const peers = [...groups.values()].map((peer) => {
      const key = peer.auth.method === 'psk' ? keyOf(peer, psks) : undefined;
      return key === undefined ? peer : { ...peer, psk: key, pskPresent: true };
    });
    // Policy-based unless a conn binds its SAs to an interface (ipsec-interface=, vti-interface=).
    const device = peers.length > 0 ? { device: { vpnType: peers.some((x) => x.tunnelInterface !== undefined) ? ('route-based' as const) : ('policy-based' as const), interfaces: [], routes: [], natRules: [], policies: [] } } : {};
    return { ok: true, meaning: { peers, ...device }, lines };
  },
  recognize(text) {
    if (!/^(config[\t ]+setup|conn[\t ]+\S+)[\t ]*(#.*)?$/mu.test(text)) return 0;
    const lines = text.split('\n');
    const ours = lines.filter((l) => LIBRESWAN_ONLY.test(l)).length;
    const theirs = lines.filter((l) => STRONGSWAN_ONLY.test(l)).length;
    return ours > theirs ? 1 : theirs > ours ? 0.2 : 0.9;
  },
};
