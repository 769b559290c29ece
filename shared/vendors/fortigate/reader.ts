// Reads a FortiOS configuration (what the exporter writes, and the same tables of a running
// configuration) back into what it means for the VPNs. FortiOS syntax as the CLI takes it
// (Fortinet, FortiOS 7.4.6 CLI Reference, "CLI basics"): `config <table>` … `edit <entry>` …
// `set <key> <value>…` … `next` … `end`, tables nesting inside entries; a word is bare, "double
// quoted" (a backslash escapes " ' and \) or 'single quoted'; `#` starts a comment line. The
// meaning: one peer per `vpn ipsec phase1-interface` entry, its children the phase2-interface
// entries naming it (phase1name), its routes the `router static`/`static6` entries whose device
// is its tunnel interface (named as the phase 1). Defaults are the CLI Reference's.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { formatRange, parseIp, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import type { ChildMeaning, ConfigMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';

interface Statement {
  file: string;
  line: number;
  text: string;
  words: string[];
}

/** One `edit` entry: its keys (the words after `set <key>`) and the line of each. */
interface Entry {
  name: string;
  keys: Map<string, { values: string[]; at: Statement }>;
}

/** The words of one line, or why they cannot be read. */
function lex(text: string): { ok: true; words: string[] } | { ok: false; why: string } {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let out = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (c === '"' && text[j] === '\\' && j + 1 < text.length) j++;
        out += text[j];
      }
      if (j >= text.length) return { ok: false, why: 'a quoted string is not closed' };
      words.push(out);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ' && text[j] !== '\t') j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return { ok: true, words };
}

/** The keys the reader understands, per table; a table not listed is not about VPNs (ignored). */
const TABLES: Record<string, ReadonlySet<string>> = {
  'vpn ipsec phase1-interface': new Set(['interface', 'ike-version', 'mode', 'ip-version', 'peertype', 'net-device', 'proposal', 'dhgrp', 'keylife', 'remote-gw', 'remote-gw6', 'authmethod', 'psksecret', 'localid', 'localid-type', 'peerid', 'dpd', 'dpd-retryinterval', 'dpd-retrycount', 'nattraversal', 'type', 'comments']),
  'vpn ipsec phase2-interface': new Set(['phase1name', 'proposal', 'pfs', 'dhgrp', 'keylifeseconds', 'keylife-type', 'keylifekbs', 'auto-negotiate', 'initiator-ts-narrow', 'protocol', 'src-addr-type', 'dst-addr-type', 'src-subnet', 'dst-subnet', 'src-subnet6', 'dst-subnet6', 'src-start-ip', 'src-end-ip', 'dst-start-ip', 'dst-end-ip', 'src-start-ip6', 'src-end-ip6', 'dst-start-ip6', 'dst-end-ip6', 'src-port', 'dst-port', 'replay', 'comments']),
  'router static': new Set(['dst', 'device', 'gateway', 'distance', 'status', 'comment']),
  'router static6': new Set(['dst', 'device', 'gateway', 'distance', 'status', 'comment']),
  'firewall address': new Set(['subnet', 'type', 'start-ip', 'end-ip', 'comment']),
  'firewall address6': new Set(['ip6', 'type', 'start-ip', 'end-ip', 'comment']),
  'firewall policy': new Set(['name', 'srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6', 'action', 'schedule', 'service', 'nat', 'comments', 'status', 'logtraffic']),
};

const ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', null: 'null', aes128gcm: 'aes128gcm16', aes256gcm: 'aes256gcm16', chacha20poly1305: 'chacha20poly1305' };
const HASH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', null: 'none' };
const AEAD: ReadonlySet<Encryption> = new Set<Encryption>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);
const GROUPS: ReadonlySet<number> = new Set([1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 27, 28, 29, 30, 31, 32]);

/** One proposal keyword (`aes256-sha256`, `aes128gcm-prfsha256`, `aes256gcm`, `null-sha1`), or undefined. */
function proposal(word: string, dhGroups: DhGroup[]): ProposalMeaning | undefined {
  const aead = /^(aes128gcm|aes256gcm|chacha20poly1305)(?:-prf(sha1|sha256|sha384|sha512))?$/.exec(word);
  if (aead) {
    const e = ENC[aead[1] as string] as Encryption;
    return { encryption: [e], integrity: aead[2] ? [HASH[aead[2]] as Integrity] : [], dhGroups };
  }
  const m = /^([a-z0-9]+)-([a-z0-9]+)$/.exec(word);
  const e = m ? ENC[m[1] as string] : undefined;
  const i = m ? HASH[m[2] as string] : undefined;
  if (!e || !i || AEAD.has(e)) return undefined;
  return { encryption: [e], integrity: i === 'none' ? [] : [i], dhGroups };
}

/** `10.1.0.0 255.255.255.0` or `10.1.0.0/24` as a range. */
function subnet(values: readonly string[]): AddressRange | undefined {
  const [a, b] = values;
  if (a === undefined) return undefined;
  if (b === undefined) return prefix(a);
  const ip = parseIp(a);
  const mask = parseIp(b);
  if (!ip.ok || !mask.ok || ip.value.family !== 4 || mask.value.family !== 4) return undefined;
  // A netmask is ones then zeros: its host part plus one is a power of two.
  const host = ~mask.value.value & 0xffffffffn;
  if (((host + 1n) & host) !== 0n) return undefined;
  return { family: 4, from: ip.value.value & ~host, to: (ip.value.value & ~host) | host };
}

function prefix(text: string): AddressRange | undefined {
  const [a, l] = text.split('/');
  const ip = parseIp(a ?? '');
  if (!ip.ok) return undefined;
  const bits = ip.value.family === 4 ? 32 : 128;
  const len = l === undefined ? bits : Number(l);
  if (!Number.isInteger(len) || len < 0 || len > bits) return undefined;
  const host = (1n << BigInt(bits - len)) - 1n;
  return { family: ip.value.family, from: ip.value.value & ~host, to: (ip.value.value & ~host) | host };
}

function range(first: string | undefined, last: string | undefined): AddressRange | undefined {
  const a = parseIp(first ?? '');
  const b = parseIp(last ?? first ?? '');
  if (!a.ok || !b.ok || a.value.family !== b.value.family || a.value.value > b.value.value) return undefined;
  return { family: a.value.family, from: a.value.value, to: b.value.value };
}

/** The type of an identity read from its value alone (FortiOS's peerid carries no type: it matches the value). */
function identityType(value: string): string {
  if (parseIp(value).ok) return 'address';
  if (value.includes('=')) return 'dn';
  if (value.includes('@')) return 'user-fqdn';
  if (value.includes('.')) return 'fqdn';
  return 'key-id';
}

const LOCALID_TYPE: Record<string, string> = { address: 'address', fqdn: 'fqdn', 'user-fqdn': 'user-fqdn', keyid: 'key-id', asn1dn: 'dn' };

export const fortigateReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const tables = new Map<string, Entry[]>();
    const unknown = (s: Statement, why: string) => lines.unknown.push({ file: s.file, line: s.line, text: `${s.text.trim()} (${why})` });
    for (const f of files) {
      // The open `config` tables and `edit` entries, innermost last.
      const stack: { table: string; entry?: Entry }[] = [];
      f.content.split('\n').forEach((raw, n) => {
        const text = raw.trim();
        if (text === '') return;
        const s: Statement = { file: f.name, line: n + 1, text: raw, words: [] };
        if (text.startsWith('#')) {
          lines.ignored++;
          return;
        }
        const lexed = lex(text);
        if (!lexed.ok) return unknown(s, lexed.why);
        s.words = lexed.words;
        const [verb, ...rest] = s.words;
        const top = stack[stack.length - 1];
        const known = top !== undefined && TABLES[top.table] !== undefined;
        switch (verb) {
          case 'config': {
            // A table inside an entry is named after its own path (FortiOS nests sub-tables).
            const table = rest.join(' ');
            if (table === '') return unknown(s, 'config names no table');
            stack.push({ table: top?.entry ? `${top.table} > ${table}` : table });
            if (TABLES[table] !== undefined && !top?.entry) {
              if (!tables.has(table)) tables.set(table, []);
              lines.used++;
            } else lines.ignored++;
            return;
          }
          case 'edit': {
            if (!top || top.entry || rest.length !== 1) return unknown(s, 'edit outside a table, or inside an open entry');
            top.entry = { name: rest[0] as string, keys: new Map() };
            if (known) {
              tables.get(top.table)?.push(top.entry);
              lines.used++;
            } else lines.ignored++;
            return;
          }
          case 'next': {
            if (!top?.entry) return unknown(s, 'next with no open entry');
            delete top.entry;
            if (known) lines.used++;
            else lines.ignored++;
            return;
          }
          case 'end': {
            if (!top || top.entry) return unknown(s, top ? 'end inside an open entry (next missing)' : 'end with no open table');
            stack.pop();
            if (known) lines.used++;
            else lines.ignored++;
            return;
          }
          case 'set':
          case 'unset': {
            const key = rest[0];
            if (!top || key === undefined) return unknown(s, 'set outside a table');
            if (!known) {
              lines.ignored++;
              return;
            }
            if (!TABLES[top.table]?.has(key)) return unknown(s, `${top.table} has no key ${key} the reader knows`);
            // A table without entries (router static keeps entries; a setting table would not).
            if (!top.entry) return unknown(s, 'set outside an entry');
            if (verb === 'set') top.entry.keys.set(key, { values: rest.slice(1), at: s });
            else top.entry.keys.delete(key);
            lines.used++;
            return;
          }
          default:
            return unknown(s, 'not a FortiOS configuration statement');
        }
      });
      if (stack.length > 0) return { ok: false, message: `${f.name}: "config ${stack[stack.length - 1]?.table}" is not closed with end` };
    }

    const value = (e: Entry, key: string) => e.keys.get(key)?.values;
    const one = (e: Entry, key: string) => value(e, key)?.[0];
    const phase1 = tables.get('vpn ipsec phase1-interface') ?? [];
    const peers = new Map<string, PeerMeaning>();
    for (const e of phase1) {
      const groups = (value(e, 'dhgrp') ?? ['14']).map(Number).filter((g) => GROUPS.has(g)) as DhGroup[];
      const ike: ProposalMeaning[] = [];
      for (const w of value(e, 'proposal') ?? []) {
        const p = proposal(w, groups);
        if (p && !(p.integrity.length === 0 && !AEAD.has(p.encryption[0] as Encryption))) ike.push(p);
        else unknown((e.keys.get('proposal') as { at: Statement }).at, `${w} is not a phase-1 proposal`);
      }
      const version = one(e, 'ike-version') === '2' ? 2 : 1;
      const gw = one(e, 'remote-gw6') ?? one(e, 'remote-gw') ?? '';
      const localId = one(e, 'localid');
      const localType = LOCALID_TYPE[one(e, 'localid-type') ?? ''] ?? (localId ? identityType(localId) : undefined);
      // peerid is enforced only with `peertype one` ("Accept this peer ID"); `any` accepts any.
      const peerId = one(e, 'peertype') === 'one' ? one(e, 'peerid') : undefined;
      const dpd = one(e, 'dpd') ?? 'on-demand';
      peers.set(e.name, {
        remoteAddress: parseIp(gw).ok ? gw : '',
        ikeVersion: version,
        ...(version === 1 ? { exchangeMode: one(e, 'mode') === 'aggressive' ? ('aggressive' as const) : ('main' as const) } : {}),
        ike: { proposals: ike, lifetimeSeconds: Number(one(e, 'keylife') ?? 86400) },
        auth: {
          method: one(e, 'authmethod') === 'signature' ? 'certificate' : 'psk',
          ...(localId && localType ? { localId: `${localType}:${localId}` } : {}),
          ...(peerId ? { remoteId: `${identityType(peerId)}:${peerId}` } : {}),
        },
        ...(dpd !== 'disable' ? { dpd: { intervalSeconds: Number(one(e, 'dpd-retryinterval') ?? 20) } } : {}),
        children: [],
        routes: [],
      });
    }
    for (const e of tables.get('vpn ipsec phase2-interface') ?? []) {
      const p1 = one(e, 'phase1name');
      const peer = p1 === undefined ? undefined : peers.get(p1);
      if (!peer) {
        const at = e.keys.get('phase1name')?.at;
        if (at) unknown(at, 'names no phase1-interface defined before it');
        continue;
      }
      const pfs = one(e, 'pfs') !== 'disable';
      const groups = pfs ? ((value(e, 'dhgrp') ?? ['14']).map(Number).filter((g) => GROUPS.has(g)) as DhGroup[]) : [];
      const esp: ProposalMeaning[] = [];
      for (const w of value(e, 'proposal') ?? []) {
        const p = proposal(w, groups);
        if (p) esp.push(p);
        else unknown((e.keys.get('proposal') as { at: Statement }).at, `${w} is not a phase-2 proposal`);
      }
      const protocol = Number(one(e, 'protocol') ?? 0);
      const side = (s: 'src' | 'dst'): string | undefined => {
        const type = one(e, `${s}-addr-type`) ?? 'subnet';
        const six = type.endsWith('6');
        const r =
          type === 'subnet' ? subnet(value(e, `${s}-subnet`) ?? ['0.0.0.0', '0.0.0.0'])
          : type === 'subnet6' ? prefix(one(e, `${s}-subnet6`) ?? '::/0')
          : type === 'ip' || type === 'ip6' ? range(one(e, `${s}-start-ip${six ? '6' : ''}`), undefined)
          : type === 'range' || type === 'range6' ? range(one(e, `${s}-start-ip${six ? '6' : ''}`), one(e, `${s}-end-ip${six ? '6' : ''}`))
          : undefined;
        if (!r) return undefined;
        const port = Number(one(e, `${s}-port`) ?? 0);
        return formatSelector(fromRange(r, protocol, port === 0 ? 0 : port, port === 0 ? 65535 : port));
      };
      const local = side('src');
      const remote = side('dst');
      if (local === undefined || remote === undefined) {
        unknown((e.keys.get('src-addr-type') ?? e.keys.get('phase1name'))?.at as Statement, 'a selector the reader cannot read');
        continue;
      }
      const type = one(e, 'keylife-type') ?? 'seconds';
      const child: ChildMeaning = {
        local,
        remote,
        esp: {
          proposals: esp,
          ...(type !== 'kbs' ? { lifetimeSeconds: Number(one(e, 'keylifeseconds') ?? 43200) } : {}),
          ...(type !== 'seconds' ? { lifetimeKilobytes: Number(one(e, 'keylifekbs') ?? 5120) } : {}),
        },
      };
      peer.children.push(child);
    }
    for (const table of ['router static', 'router static6']) {
      for (const e of tables.get(table) ?? []) {
        const device = one(e, 'device');
        const peer = device === undefined ? undefined : peers.get(device);
        const dst = value(e, 'dst');
        const r = table === 'router static' ? subnet(dst ?? ['0.0.0.0', '0.0.0.0']) : prefix(dst?.[0] ?? '::/0');
        if (!peer) continue;
        if (!r) {
          const at = e.keys.get('dst')?.at;
          if (at) unknown(at, 'not a destination the reader can read');
          continue;
        }
        peer.routes.push(formatRange(r));
      }
    }
    const meaning: ConfigMeaning = { peers: [...peers.values()] };
    return { ok: true, meaning, lines } satisfies ReadResult;
  },
};
