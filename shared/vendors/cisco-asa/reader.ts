// Reads a Cisco ASA configuration's site-to-site VPNs back (the start of configuration import):
// crypto maps bound to an interface, their crypto ACLs (access-list … extended permit, with the
// network objects they name), IKEv1 transform sets and IKEv2 IPsec proposals, the IKE policies
// (global on the box: every peer may negotiate any of them), and each peer's tunnel group.
// Statements follow the "Cisco ASA Series VPN CLI Configuration Guide, 9.x" ("IPsec and ISAKMP",
// "LAN-to-LAN IPsec VPNs"); names may be used before the statement defining them (a running
// configuration lists crypto maps before tunnel groups), so references are resolved at the end.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { ANY4, ANY6, CiscoConfig, aclProtocol, hostRange, maskedRange, num, portCondition, prefixRange, side, starts, type Statement } from '../families/cisco-config';
import type { AddressRange } from '../../net/address';
import type { ChildMeaning, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';

const V1_ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', aes: 'aes128', 'aes-192': 'aes192', 'aes-256': 'aes256' };
const V1_HASH: Record<string, Integrity> = { md5: 'md5', sha: 'sha1' };
const TS_ENC: Record<string, Encryption> = { 'esp-des': 'des', 'esp-3des': '3des', 'esp-aes': 'aes128', 'esp-aes-192': 'aes192', 'esp-aes-256': 'aes256', 'esp-null': 'null' };
const TS_AUTH: Record<string, Integrity> = { 'esp-md5-hmac': 'md5', 'esp-sha-hmac': 'sha1', 'esp-none': 'none' };
const V2_ENC: Record<string, Encryption> = { ...V1_ENC, 'aes-gcm': 'aes128gcm16', 'aes-gcm-256': 'aes256gcm16', null: 'null' };
const V2_INT: Record<string, Integrity> = { md5: 'md5', sha: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', null: 'none' };
const V2_ESP_INT: Record<string, Integrity> = { md5: 'md5', 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512', null: 'none' };
/** ASA defaults: IKE policy lifetime 86400 s; crypto map SA lifetime 28800 s; LAN-to-LAN keepalive threshold 10 retry 2. */
const IKE_LIFETIME = 86400;
const SA_LIFETIME = 28800;
const KEEPALIVE = 10;

interface Policy {
  priority: number;
  proposal: ProposalMeaning;
  lifetime: number;
  auth?: 'psk' | 'certificate';
}

interface Entry {
  map: string;
  seq: number;
  peer?: string;
  acl?: string;
  transformSets: string[];
  ipsecProposals: string[];
  pfs?: DhGroup;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  aggressive: boolean;
  /** Its statements: used when the map is bound to an interface, else set aside (an unbound map does nothing). */
  lines: Statement[];
}

interface TunnelGroup {
  l2l: boolean;
  psk: boolean;
  certificate: boolean;
  keepalive?: number | 'off';
}

/** Maps each word through `table`; undefined when one is not in it. */
function all<T>(words: readonly string[], table: Record<string, T>): T[] | undefined {
  const out = words.map((w) => table[w]);
  return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

const group = (w: string | undefined): DhGroup | undefined => num(w) as DhGroup | undefined;

export const reader: VendorReader = {
  read(files): ReadResult {
    const c = new CiscoConfig(files);
    const objects = new Map<string, AddressRange>();
    const acls = new Map<string, Statement[]>();
    const v1: Policy[] = [];
    const v2: Policy[] = [];
    const transformSets = new Map<string, ProposalMeaning>();
    const ipsecProposals = new Map<string, ProposalMeaning>();
    const entries = new Map<string, Entry>();
    const bound = new Set<string>();
    const groups = new Map<string, TunnelGroup>();
    const tunnelGroup = (peer: string) => groups.get(peer) ?? (groups.set(peer, { l2l: false, psk: false, certificate: false }).get(peer) as TunnelGroup);

    for (const s of c.top) {
      const w = s.words;
      if (starts(w, 'object network') && w.length === 3) {
        c.use(s);
        for (const sub of s.children) {
          const x = sub.words;
          const r = x[0] === 'host' && x.length === 2 ? hostRange(x[1] as string) : x[0] === 'subnet' && x.length === 3 ? maskedRange(x[1] as string, x[2] as string, false) : x[0] === 'subnet' && x.length === 2 ? prefixRange(x[1] as string) : x[0] === 'range' && x.length === 3 ? rangeOf(x[1] as string, x[2] as string) : undefined;
          if (r) {
            objects.set(w[2] as string, r);
            c.use(sub);
          }
        }
      } else if (starts(w, 'object-group network')) {
        // Object groups carry the NAT exemption's addresses here, not the VPN's.
        c.ignore(s);
        for (const sub of s.children) c.ignore(sub);
      } else if (w[0] === 'access-list' && w[2] === 'extended' && w[3] === 'permit') {
        acls.set(w[1] as string, [...(acls.get(w[1] as string) ?? []), s]);
      } else if ((starts(w, 'crypto ikev1 enable') || starts(w, 'crypto ikev2 enable')) && w.length === 4) {
        c.use(s);
      } else if (starts(w, 'crypto ikev1 policy') && num(w[3]) !== undefined) {
        c.use(s);
        const p: { enc?: Encryption; hash?: Integrity; group?: DhGroup; lifetime: number; auth?: 'psk' | 'certificate' } = { lifetime: IKE_LIFETIME };
        for (const sub of s.children) {
          const [k, v] = sub.words;
          let ok = sub.words.length === 2;
          if (k === 'encryption' && v && V1_ENC[v]) p.enc = V1_ENC[v];
          else if (k === 'hash' && v && V1_HASH[v]) p.hash = V1_HASH[v];
          else if (k === 'group' && group(v) !== undefined) p.group = group(v);
          else if (k === 'lifetime' && num(v) !== undefined) p.lifetime = num(v) as number;
          else if (k === 'authentication' && (v === 'pre-share' || v === 'rsa-sig')) p.auth = v === 'pre-share' ? 'psk' : 'certificate';
          else ok = false;
          if (ok) c.use(sub);
        }
        // The ASA's defaults for what a policy leaves out: 3des, sha, group 2 (ASA 9.x "Configure IKE Policies").
        v1.push({ priority: num(w[3]) as number, proposal: { encryption: [p.enc ?? '3des'], integrity: [p.hash ?? 'sha1'], dhGroups: [p.group ?? 2] }, lifetime: p.lifetime, ...(p.auth ? { auth: p.auth } : {}) });
      } else if (starts(w, 'crypto ikev2 policy') && num(w[3]) !== undefined) {
        c.use(s);
        const p: ProposalMeaning = { encryption: [], integrity: [], dhGroups: [] };
        let prf: Integrity[] = [];
        let lifetime = IKE_LIFETIME;
        for (const sub of s.children) {
          const [k, ...rest] = sub.words;
          const enc = k === 'encryption' ? all(rest, V2_ENC) : undefined;
          const ints = k === 'integrity' || k === 'prf' ? all(rest, V2_INT) : undefined;
          const groupsOf = k === 'group' ? rest.map(group) : undefined;
          if (enc) p.encryption = enc;
          else if (ints && k === 'integrity') p.integrity = ints;
          else if (ints && k === 'prf') prf = ints;
          else if (groupsOf && groupsOf.every((g) => g !== undefined)) p.dhGroups = groupsOf as DhGroup[];
          else if (k === 'lifetime' && rest[0] === 'seconds' && num(rest[1]) !== undefined) lifetime = num(rest[1]) as number;
          else continue;
          c.use(sub);
        }
        // With AES-GCM the policy's integrity is null and its PRF is what the proposal's integrity names.
        if (p.integrity.length === 0 || p.integrity.every((i) => i === 'none')) p.integrity = prf.length > 0 && p.encryption.length > 0 && p.encryption.every((e) => e.includes('gcm')) ? prf : p.integrity;
        v2.push({ priority: num(w[3]) as number, proposal: p, lifetime });
      } else if (starts(w, 'crypto ipsec ikev1 transform-set') && w.length === 7 && TS_ENC[w[5] as string] && TS_AUTH[w[6] as string]) {
        c.use(s);
        transformSets.set(w[4] as string, { encryption: [TS_ENC[w[5] as string] as Encryption], integrity: [TS_AUTH[w[6] as string] as Integrity], dhGroups: [] });
      } else if (starts(w, 'crypto ipsec ikev2 ipsec-proposal') && w.length === 5) {
        c.use(s);
        const p: ProposalMeaning = { encryption: [], integrity: [], dhGroups: [] };
        for (const sub of s.children) {
          const x = sub.words;
          const enc = starts(x, 'protocol esp encryption') ? all(x.slice(3), V2_ENC) : undefined;
          const ints = starts(x, 'protocol esp integrity') ? all(x.slice(3), V2_ESP_INT) : undefined;
          if (enc) p.encryption = enc;
          else if (ints) p.integrity = ints;
          else continue;
          c.use(sub);
        }
        ipsecProposals.set(w[4] as string, p);
      } else if (w[0] === 'crypto' && w[1] === 'map' && w[3] === 'interface' && w.length === 5) {
        c.use(s);
        bound.add(w[2] as string);
      } else if (w[0] === 'crypto' && w[1] === 'map' && num(w[3]) !== undefined) {
        const key = `${w[2]} ${w[3]}`;
        const e = entries.get(key) ?? { map: w[2] as string, seq: num(w[3]) as number, transformSets: [], ipsecProposals: [], aggressive: false, lines: [] };
        entries.set(key, e);
        const x = w.slice(4);
        let ok = true;
        if (starts(x, 'match address') && x.length === 3) e.acl = x[2];
        else if (starts(x, 'set peer') && x.length >= 3) e.peer = x[2];
        else if (starts(x, 'set ikev1 transform-set') && x.length >= 4) e.transformSets = x.slice(3);
        else if (starts(x, 'set ikev2 ipsec-proposal') && x.length >= 4) e.ipsecProposals = x.slice(3);
        else if (starts(x, 'set pfs') && x.length === 3 && /^group\d+$/u.test(x[2] as string)) e.pfs = Number((x[2] as string).slice(5)) as DhGroup;
        else if (starts(x, 'set security-association lifetime seconds') && num(x[4]) !== undefined) e.lifetimeSeconds = num(x[4]);
        else if (starts(x, 'set security-association lifetime kilobytes') && num(x[4]) !== undefined) e.lifetimeKilobytes = num(x[4]);
        else if (starts(x, 'set phase1-mode aggressive')) e.aggressive = true;
        else if (starts(x, 'set connection-type answer-only') || starts(x, 'set nat-t-disable')) ok = true;
        else ok = false;
        if (ok) e.lines.push(s);
      } else if (w[0] === 'tunnel-group' && w.length === 4 && w[2] === 'type') {
        if (w[3] === 'ipsec-l2l') {
          tunnelGroup(w[1] as string).l2l = true;
          c.use(s);
        }
      } else if (w[0] === 'tunnel-group' && w.length === 3 && w[2] === 'ipsec-attributes') {
        c.use(s);
        const g = tunnelGroup(w[1] as string);
        for (const sub of s.children) {
          const x = sub.words;
          if ((starts(x, 'ikev1 pre-shared-key') || starts(x, 'ikev2 remote-authentication pre-shared-key') || starts(x, 'ikev2 local-authentication pre-shared-key')) && x.length === (x[0] === 'ikev1' ? 3 : 4)) g.psk = true;
          else if (starts(x, 'ikev2 remote-authentication certificate') || starts(x, 'ikev2 local-authentication certificate')) g.certificate = true;
          else if (starts(x, 'isakmp keepalive threshold') && num(x[3]) !== undefined && x[4] === 'retry' && num(x[5]) !== undefined) g.keepalive = num(x[3]);
          else if (starts(x, 'isakmp keepalive disable')) g.keepalive = 'off';
          else continue;
          c.use(sub);
        }
      } else if (w[0] === 'nat' || w[0] === 'route' || starts(w, 'ipv6 route')) {
        // Identity NAT and static routes carry the traffic; they are not part of the VPN's meaning.
        c.ignore(s);
      }
    }

    const v1Proposals = [...v1].sort((a, b) => a.priority - b.priority);
    const v2Proposals = [...v2].sort((a, b) => a.priority - b.priority);
    const peers: PeerMeaning[] = [];
    for (const e of [...entries.values()].sort((a, b) => a.map.localeCompare(b.map) || a.seq - b.seq)) {
      for (const line of e.lines) (bound.has(e.map) ? c.use : c.ignore).call(c, line);
      if (!bound.has(e.map) || !e.peer || !e.acl) continue;
      const ikeVersion = e.ipsecProposals.length > 0 ? 2 : 1;
      const policies = ikeVersion === 2 ? v2Proposals : v1Proposals;
      const esp = (ikeVersion === 2 ? e.ipsecProposals.map((n) => ipsecProposals.get(n)) : e.transformSets.map((n) => transformSets.get(n))).filter((p): p is ProposalMeaning => p !== undefined).map((p) => ({ ...p, dhGroups: e.pfs !== undefined ? [e.pfs] : [] }));
      const children: ChildMeaning[] = [];
      for (const line of acls.get(e.acl) ?? []) {
        const child = aclChild(line.words.slice(4), objects);
        if (!child) continue;
        c.use(line);
        children.push({ ...child, esp: { proposals: esp, lifetimeSeconds: e.lifetimeSeconds ?? SA_LIFETIME, ...(e.lifetimeKilobytes !== undefined ? { lifetimeKilobytes: e.lifetimeKilobytes } : {}) } });
      }
      const g = groups.get(e.peer);
      const v1Auth = v1Proposals[0]?.auth;
      const method = ikeVersion === 1 ? (v1Auth ?? 'psk') : g?.certificate && !g.psk ? 'certificate' : 'psk';
      const keepalive = g?.keepalive ?? KEEPALIVE;
      peers.push({
        remoteAddress: e.peer,
        ikeVersion,
        ...(ikeVersion === 1 ? { exchangeMode: e.aggressive ? ('aggressive' as const) : ('main' as const) } : {}),
        ike: { proposals: policies.map((p) => p.proposal), ...(policies[0] ? { lifetimeSeconds: policies[0].lifetime } : {}) },
        auth: { method },
        ...(keepalive !== 'off' ? { dpd: { intervalSeconds: keepalive } } : {}),
        children,
        routes: [],
      });
    }
    // An access list no bound crypto map matches protects nothing: not part of a VPN.
    for (const lines of acls.values()) for (const line of lines) c.ignore(line);
    return { ok: true, meaning: { peers }, lines: c.account() };
  },
};

function rangeOf(a: string, b: string): AddressRange | undefined {
  const x = hostRange(a);
  const y = hostRange(b);
  return x && y && x.family === y.family && x.from <= y.from ? { family: x.family, from: x.from, to: y.from } : undefined;
}

/** One side of an ACL line at `w[i]`: `object X`, `any4`, `any6`, `any`, `host A` or `A MASK`. */
function aclSide(w: readonly string[], i: number, objects: ReadonlyMap<string, AddressRange>): { range: AddressRange; taken: number } | undefined {
  const a = w[i];
  if (a === 'object') {
    const r = objects.get(w[i + 1] ?? '');
    return r ? { range: r, taken: 2 } : undefined;
  }
  if (a === 'any4' || a === 'any') return { range: ANY4, taken: 1 };
  if (a === 'any6') return { range: ANY6, taken: 1 };
  if (a === 'host') {
    const r = hostRange(w[i + 1] ?? '');
    return r ? { range: r, taken: 2 } : undefined;
  }
  const r = a && w[i + 1] ? maskedRange(a, w[i + 1] as string, false) : undefined;
  return r ? { range: r, taken: 2 } : undefined;
}

/** `<protocol> <source> [ports] <destination> [ports]`, as a child SA's two sides. */
function aclChild(w: readonly string[], objects: ReadonlyMap<string, AddressRange>): Pick<ChildMeaning, 'local' | 'remote'> | undefined {
  const protocol = aclProtocol(w[0]);
  if (protocol === undefined) return undefined;
  let i = 1;
  const src = aclSide(w, i, objects);
  if (!src) return undefined;
  i += src.taken;
  const srcPorts = portCondition(w, i);
  if (srcPorts) i += srcPorts.taken;
  const dst = aclSide(w, i, objects);
  if (!dst) return undefined;
  i += dst.taken;
  const dstPorts = portCondition(w, i);
  if (dstPorts) i += dstPorts.taken;
  if (i !== w.length) return undefined;
  return { local: side(src.range, protocol, srcPorts), remote: side(dst.range, protocol, dstPorts) };
}
