// Reads a ScreenOS configuration (what the exporter writes, and the same statements of a saved
// configuration) back into what it means for the VPNs. ScreenOS syntax as its CLI takes it: one
// `set` statement per line, a word bare or "double quoted" with no escape inside (Juniper KB16008
// "Multiple Proxy ID support on a Route-Based VPN"; "Concepts & Examples ScreenOS Reference
// Guide", Volume 5: Virtual Private Networks): `set ike p1-proposal|p2-proposal`, `set ike
// gateway`, `set vpn … gateway|monitor|bind interface|proxy-id`, `set interface`, `set route`,
// `set address`, `set service`, `set policy`. Names are used only after their definition, as the
// CLI requires. The meaning: one peer per `set vpn … gateway` (its IKE gateway, proposals and
// identities); its children the proxy IDs (route-based) or the policies tunnelling into it
// (policy-based: each policy is a proxy ID, KB16008); its routes those to its bound tunnel
// interface. There is no Batfish grammar for ScreenOS: this reader and the structural check are
// what check its files, so it reads every statement it accounts as used word by word.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { formatRange, parseIp, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import type { ChildMeaning, ConfigMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';

/** The words of one line: bare, or "quoted" with no escape. */
function lex(text: string): { ok: true; words: string[] } | { ok: false; why: string } {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ' || text[i] === '\t') {
      i++;
      continue;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return { ok: false, why: 'a quoted string is not closed' };
      words.push(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ' && text[j] !== '\t' && text[j] !== '"') j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return { ok: true, words };
}

const ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', null: 'null' };
const HASH: Record<string, Integrity> = { md5: 'md5', 'sha-1': 'sha1', 'sha2-256': 'sha256', null: 'none' };
const GROUP: Record<string, DhGroup> = { group1: 1, group2: 2, group5: 5, group14: 14 };
const UNIT: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

interface Proposal {
  meaning: ProposalMeaning;
  lifetimeSeconds: number;
}

interface Gateway {
  address: string;
  ikeVersion: 1 | 2;
  mode?: 'main' | 'aggressive';
  localId?: string;
  remoteId?: string;
  auth: 'psk' | 'certificate';
  proposals: Proposal[];
  dpd?: number;
}

interface Vpn {
  gateway: Gateway;
  proposals: Proposal[];
  tunnelInterface?: string;
  proxyIds: { local: AddressRange; remote: AddressRange; service: Service }[];
  policies: { local: AddressRange; remote: AddressRange; service: Service }[];
}

interface Service {
  protocol: number;
  src: [number, number];
  dst: [number, number];
}

const ANY_SERVICE: Service = { protocol: 0, src: [0, 65535], dst: [0, 65535] };

/** The type of an identity read from its value (ScreenOS's gateway `id` and `local-id` carry none). */
function identity(value: string): string {
  if (parseIp(value).ok) return 'address';
  if (value.includes('=')) return 'dn';
  if (value.includes('@')) return 'user-fqdn';
  if (value.includes('.')) return 'fqdn';
  return 'key-id';
}

/** `a.b.c.d/len` or `x::/len` as a range (the host bits must be zero, as ScreenOS requires). */
function prefix(text: string): AddressRange | undefined {
  const [a, l, more] = text.split('/');
  if (more !== undefined) return undefined;
  const ip = parseIp(a ?? '');
  if (!ip.ok) return undefined;
  const bits = ip.value.family === 4 ? 32 : 128;
  const len = Number(l ?? bits);
  if (!Number.isInteger(len) || len < 0 || len > bits) return undefined;
  const host = (1n << BigInt(bits - len)) - 1n;
  if ((ip.value.value & host) !== 0n) return undefined;
  return { family: ip.value.family, from: ip.value.value, to: ip.value.value | host };
}

/** An IPv4 address and netmask as a range. */
function withMask(address: string, mask: string): AddressRange | undefined {
  const a = parseIp(address);
  const m = parseIp(mask);
  if (!a.ok || !m.ok || a.value.family !== 4 || m.value.family !== 4) return undefined;
  const host = ~m.value.value & 0xffffffffn;
  if (((host + 1n) & host) !== 0n || (a.value.value & host) !== 0n) return undefined;
  return { family: 4, from: a.value.value, to: a.value.value | host };
}

function ports(text: string | undefined): [number, number] | undefined {
  const m = /^(\d+)-(\d+)$/.exec(text ?? '');
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= b && b <= 65535 ? [a, b] : undefined;
}

function side(r: AddressRange, protocol: number, p: [number, number]): string {
  return formatSelector(fromRange(r, protocol, p[0], p[1]));
}

export const screenosReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const p1 = new Map<string, Proposal>();
    const p2 = new Map<string, Proposal>();
    const gateways = new Map<string, Gateway>();
    const vpns = new Map<string, Vpn>();
    const services = new Map<string, Service>();
    const addresses = new Map<string, AddressRange>();
    const routes: { prefix: string; via: string }[] = [];
    const interfaces = new Set<string>();

    for (const f of files) {
      f.content.split('\n').forEach((raw, n) => {
        const text = raw.trim();
        if (text === '') return;
        if (text.startsWith('#')) {
          lines.ignored++;
          return;
        }
        const unknown = (why: string) => lines.unknown.push({ file: f.name, line: n + 1, text: `${text} (${why})` });
        const lexed = lex(text);
        if (!lexed.ok) return unknown(lexed.why);
        const w = lexed.words;
        const ok = () => lines.used++;
        if (w[0] !== 'set') return unknown('not a set statement');
        const what = w[1];
        if (!['ike', 'vpn', 'interface', 'route', 'address', 'service', 'policy'].includes(what ?? '')) {
          // The rest of a saved configuration (system, admin, zones…) says nothing about VPNs.
          lines.ignored++;
          return;
        }

        if (what === 'ike' && (w[2] === 'p1-proposal' || w[2] === 'p2-proposal')) {
          // p1: <name> preshare|rsa-sig|dsa-sig <group> esp <enc> <hash> <unit> <n>
          // p2: <name> <group>|no-pfs esp <enc> <hash> <unit> <n>
          const one = w[2] === 'p1-proposal';
          const rest = w.slice(4);
          if (one && !['preshare', 'rsa-sig', 'dsa-sig'].includes(rest[0] ?? '')) return unknown('the authentication method is not preshare, rsa-sig or dsa-sig');
          const [g, esp, enc, hash, unit, life, ...more] = one ? rest.slice(1) : rest;
          const group = g === 'no-pfs' && !one ? undefined : GROUP[g ?? ''];
          const e = ENC[enc ?? ''];
          const h = HASH[hash ?? ''];
          const seconds = UNIT[unit ?? ''];
          if ((group === undefined && (one || g !== 'no-pfs')) || esp !== 'esp' || !e || !h || !seconds || !/^\d+$/.test(life ?? '') || more.length > 0) return unknown('not a proposal the reader knows (group esp <encryption> <hash> <unit> <n>)');
          (one ? p1 : p2).set(w[3] ?? '', { meaning: { encryption: [e], integrity: h === 'none' ? [] : [h], dhGroups: group === undefined ? [] : [group] }, lifetimeSeconds: Number(life) * seconds });
          return ok();
        }

        if (what === 'ike' && w[2] === 'gateway') {
          const v2 = w[3] === 'ikev2';
          const name = w[v2 ? 4 : 3] ?? '';
          const rest = w.slice(v2 ? 5 : 4);
          if (rest[0] === 'address') {
            const gw: Gateway = { address: rest[1] ?? '', ikeVersion: v2 ? 2 : 1, auth: 'psk', proposals: [] };
            let i = 2;
            for (; i < rest.length && rest[i] !== 'proposal'; i++) {
              const k = rest[i];
              if (k === 'id') gw.remoteId = rest[++i];
              else if (k === 'local-id') gw.localId = rest[++i];
              else if (k === 'Main' || k === 'main') gw.mode = 'main';
              else if (k === 'Aggr' || k === 'aggr') gw.mode = 'aggressive';
              else if (k === 'outgoing-interface') i++;
              else if (k === 'preshare') i++;
              else if (k === 'cert') gw.auth = 'certificate';
              else return unknown(`"${k}" is not an ike gateway option the reader knows`);
            }
            if (rest[i] !== 'proposal' || i + 1 >= rest.length) return unknown('an ike gateway names its proposals last');
            for (const p of rest.slice(i + 1)) {
              const got = p1.get(p);
              if (!got) return unknown(`p1-proposal "${p}" is not defined before`);
              gw.proposals.push(got);
            }
            if (!v2 && gw.mode === undefined) gw.mode = 'main';
            gateways.set(name, gw);
            return ok();
          }
          const gw = gateways.get(name);
          if (!gw) return unknown(`ike gateway "${name}" is not defined before`);
          if (rest[0] === 'nat-traversal' && rest.length === 1) return ok();
          if (rest[0] === 'dpd-liveness' && rest[1] === 'interval' && /^\d+$/.test(rest[2] ?? '') && rest.length === 3) {
            gw.dpd = Number(rest[2]);
            return ok();
          }
          return unknown('not an ike gateway statement the reader knows');
        }

        if (what === 'vpn') {
          const name = w[2] ?? '';
          const rest = w.slice(3);
          if (rest[0] === 'gateway') {
            const gw = gateways.get(rest[1] ?? '');
            if (!gw) return unknown(`ike gateway "${rest[1]}" is not defined before`);
            const at = rest.indexOf('proposal');
            const options = rest.slice(2, at < 0 ? undefined : at);
            if (at < 0 || at + 1 >= rest.length || !options.every((o, i) => ['replay', 'no-replay', 'tunnel', 'transport', 'idletime'].includes(o) || options[i - 1] === 'idletime')) return unknown('not a vpn gateway statement the reader knows (… proposal <p2-proposal>…)');
            const vpn: Vpn = { gateway: gw, proposals: [], proxyIds: [], policies: [] };
            for (const p of rest.slice(at + 1)) {
              const got = p2.get(p);
              if (!got) return unknown(`p2-proposal "${p}" is not defined before`);
              vpn.proposals.push(got);
            }
            vpns.set(name, vpn);
            return ok();
          }
          const vpn = vpns.get(name);
          if (!vpn) return unknown(`vpn "${name}" is not defined before`);
          if (rest[0] === 'monitor') {
            // monitor [source-interface <if> [destination-ip <ip>]] [optimized] [rekey]
            const m = rest.slice(1);
            let i = 0;
            if (m[i] === 'source-interface') i += 2;
            if (m[i] === 'destination-ip') {
              if (m[0] !== 'source-interface') return unknown('destination-ip needs a source-interface before it');
              i += 2;
            }
            while (m[i] === 'optimized' || m[i] === 'rekey') i++;
            return i === m.length ? ok() : unknown('not a vpn monitor statement the reader knows');
          }
          if (rest[0] === 'id' && rest[2] === 'bind' && rest[3] === 'interface' && rest.length === 5) {
            vpn.tunnelInterface = rest[4];
            return ok();
          }
          if (rest[0] === 'proxy-id' && rest[1] === 'check' && rest.length === 2) return ok();
          if (rest[0] === 'proxy-id' && rest[1] === 'local-ip' && rest[3] === 'remote-ip' && rest.length === 6) {
            const local = prefix(rest[2] ?? '');
            const remote = prefix(rest[4] ?? '');
            const service = rest[5] === 'any' ? ANY_SERVICE : services.get(rest[5] ?? '');
            if (!local || !remote || local.family !== remote.family) return unknown('a proxy ID takes two prefixes of one family');
            if (!service) return unknown(`service "${rest[5]}" is not defined before`);
            vpn.proxyIds.push({ local, remote, service });
            return ok();
          }
          return unknown('not a vpn statement the reader knows');
        }

        if (what === 'interface') {
          const ifName = w[2] ?? '';
          if (w[3] === 'zone' && w.length === 5) {
            interfaces.add(ifName);
            return ok();
          }
          if (w[3] === 'ip' && w[4] === 'unnumbered' && w[5] === 'interface' && w.length === 7) return ok();
          return unknown('not an interface statement the reader knows');
        }

        if (what === 'route') {
          const r = prefix(w[2] ?? '');
          // set route <prefix> interface <if> [gateway <ip>]
          const viaGateway = w.length === 7 && w[5] === 'gateway' && parseIp(w[6] ?? '').ok;
          if (!r || w[3] !== 'interface' || (w.length !== 5 && !viaGateway)) return unknown('not a route the reader knows (set route <prefix> interface <if> [gateway <ip>])');
          routes.push({ prefix: formatRange(r), via: w[4] ?? '' });
          return ok();
        }

        if (what === 'address') {
          // set address <zone> <name> <ip> <mask> | <ip6>/<len>
          const r = w.length === 6 ? withMask(w[4] ?? '', w[5] ?? '') : w.length === 5 ? prefix(w[4] ?? '') : undefined;
          if (!r) return unknown('not an address object the reader knows');
          addresses.set(`${w[2]}/${w[3]}`, r);
          return ok();
        }

        if (what === 'service') {
          // set service <name> protocol tcp|udp|<n> src-port <a-b> dst-port <c-d>
          const proto = w[4] === 'tcp' ? 6 : w[4] === 'udp' ? 17 : /^\d+$/.test(w[4] ?? '') ? Number(w[4]) : undefined;
          const src = ports(w[6]);
          const dst = ports(w[8]);
          if (w[3] !== 'protocol' || proto === undefined || w[5] !== 'src-port' || w[7] !== 'dst-port' || !src || !dst || w.length !== 9) return unknown('not a service the reader knows');
          services.set(w[2] ?? '', { protocol: proto, src, dst });
          return ok();
        }

        // set policy from <zone> to <zone> <src> <dst> <service> permit | tunnel vpn <vpn>
        if (w[2] !== 'from' || w[4] !== 'to' || w.length < 9) return unknown('not a policy the reader knows');
        const src = addresses.get(`${w[3]}/${w[6]}`);
        const dst = addresses.get(`${w[5]}/${w[7]}`);
        const service = w[8] === 'ANY' ? ANY_SERVICE : services.get(w[8] ?? '');
        if (!src || !dst) return unknown('an address the policy names is not defined before in its zone');
        if (!service) return unknown(`service "${w[8]}" is not defined before`);
        if (w[9] === 'permit' && w.length === 10) return ok();
        if (w[9] === 'tunnel' && w[10] === 'vpn' && w.length === 12) {
          const vpn = vpns.get(w[11] ?? '');
          if (!vpn) return unknown(`vpn "${w[11]}" is not defined before`);
          // A policy and its mirror (the other direction) are one proxy ID: the first of the two counts.
          const mirrored = vpn.policies.some((p) => p.local.from === dst.from && p.local.to === dst.to && p.remote.from === src.from && p.remote.to === src.to && p.service === service);
          if (!mirrored) vpn.policies.push({ local: src, remote: dst, service });
          return ok();
        }
        return unknown('not a policy action the reader knows');
      });
    }

    const meaningOf = (ps: readonly Proposal[]) => ps.map((p) => p.meaning);
    const peers: PeerMeaning[] = [...vpns.values()].map((vpn) => {
      const gw = vpn.gateway;
      const selectors = vpn.tunnelInterface !== undefined ? vpn.proxyIds : vpn.policies;
      const any: AddressRange = { family: 4, from: 0n, to: 0xffffffffn };
      // No proxy ID: ScreenOS proposes 0.0.0.0/0 <-> 0.0.0.0/0 any (KB16008).
      // Policy-based with no policy into the VPN: nothing is tunnelled.
      const list = selectors.length > 0 || vpn.tunnelInterface === undefined ? selectors : [{ local: any, remote: any, service: ANY_SERVICE }];
      const esp = { proposals: meaningOf(vpn.proposals), ...(vpn.proposals[0] ? { lifetimeSeconds: vpn.proposals[0].lifetimeSeconds } : {}) };
      const children: ChildMeaning[] = list.map((s) => ({ local: side(s.local, s.service.protocol, s.service.src), remote: side(s.remote, s.service.protocol, s.service.dst), esp }));
      return {
        remoteAddress: parseIp(gw.address).ok ? gw.address : '',
        ikeVersion: gw.ikeVersion,
        ...(gw.mode ? { exchangeMode: gw.mode } : {}),
        ike: { proposals: meaningOf(gw.proposals), ...(gw.proposals[0] ? { lifetimeSeconds: gw.proposals[0].lifetimeSeconds } : {}) },
        auth: { method: gw.auth, ...(gw.localId ? { localId: `${identity(gw.localId)}:${gw.localId}` } : {}), ...(gw.remoteId ? { remoteId: `${identity(gw.remoteId)}:${gw.remoteId}` } : {}) },
        ...(gw.dpd !== undefined ? { dpd: { intervalSeconds: gw.dpd } } : {}),
        children,
        routes: vpn.tunnelInterface !== undefined ? routes.filter((r) => r.via === vpn.tunnelInterface).map((r) => r.prefix) : [],
      };
    });
    const meaning: ConfigMeaning = { peers };
    return { ok: true, meaning, lines } satisfies ReadResult;
  },
};
