// Reads an iked.conf back into what it means for the VPNs: every `ikev2` policy (iked.conf(5),
// OpenBSD 7.2, "AUTOMATIC KEYING POLICIES") with its flows, peer, proposals, identities, lifetimes
// and key; `set dpd_check_interval` (global). Policies to the same peer with the same IKE settings
// are one peer; each policy's flows (from × to) are its children, named after the policy. Lines may
// continue after a backslash; `#` starts a comment. Macros are expanded as iked.conf(5) "MACROS"
// says: `name = "value"` defines one (a name of letters, digits and '_'), `$name` outside quotes
// is replaced by its value, read again as words (parse.y's lexer pushes the value back). An
// `include` names a file: read when it is among the files given, else reported; `user` lines
// (local accounts for EAP) are ignored.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { parseAddressSpec, parseIp } from '../../net/address';
import { formatSelector, fromRange, protocolNumber } from '../../net/selector';
import type { ChildMeaning, LineAccount, PeerMeaning, ProposalMeaning, VendorReader } from '../kit/reader';
import { configFile } from './grammar';

const ENC = new Map<string, Encryption>([['3des', '3des'], ['aes-128', 'aes128'], ['aes-192', 'aes192'], ['aes-256', 'aes256'], ['aes-128-gcm', 'aes128gcm16'], ['aes-256-gcm', 'aes256gcm16'], ['chacha20-poly1305', 'chacha20poly1305'], ['null', 'null']]);
const INT = new Map<string, Integrity>([['hmac-md5', 'md5'], ['hmac-sha1', 'sha1'], ['hmac-sha2-256', 'sha256'], ['hmac-sha2-384', 'sha384'], ['hmac-sha2-512', 'sha512']]);
const DH = new Map<string, DhGroup>([['modp768', 1], ['modp1024', 2], ['modp1536', 5], ['modp2048', 14], ['modp3072', 15], ['modp4096', 16], ['modp6144', 17], ['modp8192', 18], ['ecp256', 19], ['ecp384', 20], ['ecp521', 21], ['curve25519', 31]]);

interface Statement {
  file: string;
  line: number;
  text: string;
}

/** Statements: comments dropped, backslash continuations joined; each with its first line. */
function statements(file: { name: string; content: string }): Statement[] {
  const out: Statement[] = [];
  let pending: Statement | undefined;
  file.content.split('\n').forEach((raw, n) => {
    const text = raw.replace(/\s+$/u, '');
    if (!pending && (text.trim() === '' || text.trim().startsWith('#'))) return;
    const cont = text.endsWith('\\');
    const body = cont ? text.slice(0, -1) : text;
    pending = pending ? { ...pending, text: `${pending.text} ${body.trim()}` } : { file: file.name, line: n + 1, text: body.trim() };
    if (!cont) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/** Words as parse.y reads them: "…" strings with `\"` and `\\`, `{ , }` as words of their own. */
function words(text: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let w = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
        w += text[i];
        i++;
      }
      if (i >= text.length) return undefined;
      i++;
      out.push(`"${w}`);
      continue;
    }
    if ('{},'.includes(c)) {
      out.push(c);
      i++;
      continue;
    }
    const m = /^[^\s"{},]+/u.exec(text.slice(i));
    out.push(m?.[0] ?? c);
    i += m?.[0].length ?? 1;
  }
  return out;
}

/** iked.conf(5) MACROS: a definition line, `name = "value"` (or a bare word). */
const MACRO = /^([A-Za-z0-9_]+)[\t ]*=[\t ]*(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))$/u;

/** `$name` outside quotes replaced by the macro's value; the name of one not defined, when there is one. */
function expand(text: string, macros: ReadonlyMap<string, string>): { text: string } | { undefined: string } {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    const m = !quoted && c === '$' ? /^[A-Za-z0-9_]+/u.exec(text.slice(i + 1)) : null;
    if (!m) {
      out += c;
      continue;
    }
    const value = macros.get(m[0]);
    if (value === undefined) return { undefined: m[0] };
    out += value;
    i += m[0].length;
  }
  return { text: out };
}

const unquote = (w: string | undefined): string | undefined => (w === undefined ? undefined : w.startsWith('"') ? w.slice(1) : w);

/** srcid/dstid as iked types it (iked.conf(5) srcid): e-mail UFQDN, leading '/' ASN1_DN, an address, else FQDN. */
function identity(text: string): string {
  if (text.startsWith('/')) return `dn:${text.slice(1).split('/').join(', ')}`;
  if (parseIp(text).ok) return `address:${text}`;
  if (text.includes('@')) return `user-fqdn:${text}`;
  return `fqdn:${text}`;
}

function side(text: string, port: number | undefined, protocol: number): string | undefined {
  const range = parseAddressSpec(text === 'any' ? '0.0.0.0/0' : text);
  if (!range.ok) return undefined;
  return formatSelector(fromRange(range.value, protocol, port ?? 0, port ?? 65535));
}

interface Policy {
  name: string;
  passive: boolean;
  transport: boolean;
  protocol: number;
  flows: { local: string; remote: string }[];
  local?: string;
  peer?: string;
  ike: ProposalMeaning[];
  esp: ProposalMeaning[];
  srcid?: string;
  dstid?: string;
  ikeLifetime?: number;
  lifetime?: number;
  bytes?: number;
  psk?: string;
}

/** One `ikev2` policy, or why it is not understood. */
function policy(ws: readonly string[]): Policy | string {
  // iked.conf(5) ikev2 [mode]: "If omitted, passive mode will be used."
  const p: Policy = { name: '', passive: true, transport: false, protocol: 0, flows: [], ike: [], esp: [] };
  let i = 1;
  const next = () => ws[i++];
  if (ws[i]?.startsWith('"')) p.name = unquote(next()) ?? '';
  let current: ProposalMeaning | undefined;
  let currentKind: 'ike' | 'esp' | undefined;
  let prfs: Integrity[] = [];
  const close = () => {
    // An AEAD IKE proposal has no auth: its prf is what the design calls its integrity.
    if (current && currentKind === 'ike' && current.integrity.length === 0) current.integrity = prfs;
    if (current && currentKind) p[currentKind].push(current);
    prfs = [];
    current = undefined;
    currentKind = undefined;
  };
  while (i < ws.length) {
    const w = next() as string;
    switch (w) {
      case 'active': p.passive = false; break;
      case 'passive': p.passive = true; break;
      case 'tunnel': p.transport = false; break;
      case 'transport': p.transport = true; break;
      case 'esp': case 'inet': case 'inet6': case 'quick': case 'skip': case 'default': break;
      case 'proto': {
        const n = protocolNumber(next() ?? '');
        if (n === undefined) return 'proto';
        p.protocol = n;
        break;
      }
      case 'from': {
        const l = next() ?? '';
        let lp: number | undefined;
        if (ws[i] === 'port') { i++; lp = Number(next()); }
        if (next() !== 'to') return 'from … to';
        const r = next() ?? '';
        let rp: number | undefined;
        if (ws[i] === 'port') { i++; rp = Number(next()); }
        const local = side(l, lp, p.protocol);
        const remote = side(r, rp, p.protocol);
        if (!local || !remote) return `from ${l} to ${r}`;
        p.flows.push({ local, remote });
        break;
      }
      case 'local': p.local = next(); break;
      case 'peer': p.peer = next(); break;
      case 'ikesa': case 'childsa':
        close();
        current = { encryption: [], integrity: [], dhGroups: [] };
        currentKind = w === 'ikesa' ? 'ike' : 'esp';
        break;
      case 'enc': {
        const e = ENC.get(next() ?? '');
        if (!e || !current) return 'enc';
        current.encryption.push(e);
        break;
      }
      case 'auth': case 'prf': {
        const x = INT.get(next() ?? '');
        if (!x || !current) return w;
        if (w === 'auth' && !current.integrity.includes(x)) current.integrity.push(x);
        if (w === 'prf' && !prfs.includes(x)) prfs.push(x);
        break;
      }
      case 'group': {
        const g = DH.get(next() ?? '');
        if (g === undefined || !current) return 'group';
        current.dhGroups.push(g);
        break;
      }
      case 'srcid': p.srcid = unquote(next()); break;
      case 'dstid': p.dstid = unquote(next()); break;
      case 'ikelifetime': p.ikeLifetime = Number(next()); break;
      case 'lifetime': p.lifetime = Number(next()); break;
      case 'bytes': p.bytes = Number(next()); break;
      case 'psk': p.psk = unquote(next()); break;
      case ',': break;
      default: return w;
    }
  }
  close();
  return p;
}

export const openikedReader: VendorReader = {
  read(files) {
    const byName = files.filter((f) => f.name.endsWith(configFile.suffix) || f.name.endsWith('iked.conf'));
    // A pasted text has no file name: the first file is the iked.conf, the others what it includes.
    const main = byName.length > 0 ? byName : files.slice(0, 1);
    if (main.length === 0) return { ok: false, message: 'no iked.conf among the files: give the iked.conf (and the files it includes)' };
    // The files an include names are read too, whatever they are called, after the main ones.
    const last = (path: string) => path.split('/').at(-1) ?? path;
    const named = new Set([...main.flatMap((f) => [...f.content.matchAll(/^[\t ]*include[\t ]+"?([^"\s]+)"?/gmu)].map((m) => last(m[1] as string)))]);
    const confs = [...main, ...files.filter((f) => !main.includes(f) && named.has(last(f.name)))];
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const peers = new Map<string, PeerMeaning>();
    let dpd: number | undefined;
    const policies: Policy[] = [];
    const macros = new Map<string, string>();
    for (const f of confs) {
      for (const s of statements(f)) {
        const def = MACRO.exec(s.text);
        if (def) {
          macros.set(def[1] as string, (def[2] ?? def[3] ?? '').replace(/\\(["\\])/gu, '$1'));
          lines.used++;
          continue;
        }
        const expanded = expand(s.text, macros);
        if ('undefined' in expanded) {
          lines.unknown.push({ file: s.file, line: s.line, text: `${s.text} (the macro $${expanded.undefined} is not defined above this line)` });
          continue;
        }
        const ws = words(expanded.text);
        if (!ws) {
          lines.unknown.push({ file: s.file, line: s.line, text: `${s.text} (an unterminated quoted string)` });
          continue;
        }
        if (ws[0] === 'set' && ws[1] === 'dpd_check_interval' && /^\d+$/u.test(ws[2] ?? '')) {
          dpd = Number(ws[2]);
          lines.used++;
        } else if (ws[0] === 'set') lines.ignored++;
        else if (ws[0] === 'include' && ws.length === 2) {
          // The file included is read when given (every iked.conf given is read); else the import lacks it.
          const target = last(unquote(ws[1]) ?? '');
          if (confs.some((c) => c !== f && last(c.name) === target)) lines.used++;
          else lines.unknown.push({ file: s.file, line: s.line, text: `${s.text} (the included file is not among those read: add it to the import)` });
        } else if (ws[0] === 'user') lines.ignored++;
        else if (ws[0] === 'ikev2') {
          const p = policy(ws);
          if (typeof p === 'string') lines.unknown.push({ file: s.file, line: s.line, text: `${s.text} (not understood: ${p})` });
          else {
            policies.push(p);
            lines.used++;
          }
        } else lines.unknown.push({ file: s.file, line: s.line, text: `${s.text} (not a statement of iked.conf(5) this reader takes)` });
      }
    }
    for (const p of policies) {
      const localId = p.srcid !== undefined ? identity(p.srcid) : undefined;
      const remoteId = p.dstid !== undefined ? identity(p.dstid) : undefined;
      const flows = p.flows.length > 0 ? p.flows : [{ local: '0.0.0.0/0', remote: '0.0.0.0/0' }];
      const esp = { proposals: p.esp, lifetimeSeconds: p.lifetime ?? 10800, ...(p.bytes ? { lifetimeKilobytes: Math.round(p.bytes / 1024) } : {}) };
      const children: ChildMeaning[] = flows.map((f) => ({ local: f.local, remote: f.remote, esp, ...(p.name ? { name: p.name } : {}) }));
      const peer: PeerMeaning = {
        remoteAddress: p.peer ?? 'any',
        ...(p.local ? { localAddress: p.local } : {}),
        ikeVersion: 2,
        ike: { proposals: p.ike, lifetimeSeconds: p.ikeLifetime ?? 86400 },
        auth: { method: p.psk !== undefined ? 'psk' : 'certificate', ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) },
        ...(dpd !== undefined && dpd > 0 ? { dpd: { intervalSeconds: dpd } } : {}),
        children: [],
        routes: [],
        ...(p.name ? { name: p.name } : {}),
        ...(p.psk !== undefined ? { psk: p.psk, pskPresent: true } : {}),
        passive: p.passive,
        espMode: p.transport ? 'transport' : 'tunnel',
      };
      const key = JSON.stringify({ ...peer, name: undefined, children: undefined });
      const group = peers.get(key) ?? peer;
      group.children.push(...children);
      peers.set(key, group);
    }
    // iked installs flows (policies) for its SAs: policy-based, when the file has a policy.
    const device = policies.length > 0 ? { device: { vpnType: 'policy-based' as const, interfaces: [], routes: [], natRules: [], policies: [] } } : {};
    return { ok: true, meaning: { peers: [...peers.values()], ...device }, lines };
  },
  recognize(text) {
    // A statement goes on after a backslash at the end of a line: one statement, counted once.
    const ss = text.replace(/\\\r?\n/gu, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    if (ss.length === 0) return 0;
    const policies = ss.filter((l) => /^ikev2(\s|$)/u.test(l)).length;
    // A macro definition is iked's only when the file has policies (pf.conf and others have macros too).
    const own = ss.filter((l) => /^ikev2(\s|$)/u.test(l) || (policies > 0 && MACRO.test(l)) || /^include\s+"/u.test(l) || /^set\s+(dpd_check_interval|fragmentation|mobike|enforcesingleikesa|decouple|couple|passive|active)/u.test(l)).length;
    return own / ss.length;
  },
};
