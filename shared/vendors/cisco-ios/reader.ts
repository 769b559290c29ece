// Reads a Cisco IOS-XE configuration's site-to-site VPNs back (the start of configuration import):
// crypto map entries of maps bound to an interface and static virtual tunnel interfaces with
// tunnel protection, their transform sets, crypto ACLs and IPsec profiles; ISAKMP policies (global:
// every IKEv1 peer may negotiate any of them) and keys; IKEv2 proposals, policies, keyrings and
// profiles; routes into tunnel interfaces. Statements follow Cisco's "Security for VPNs with IPsec
// Configuration Guide, Cisco IOS XE 17.x", "Internet Key Exchange Version 2 Configuration Guide" and
// "IPsec Virtual Tunnel Interfaces"; names may be used before the statement defining them, so
// references are resolved at the end.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { ANY4, CiscoConfig, aclProtocol, hostRange, maskedRange, num, portCondition, prefixRange, side, starts, type Statement } from '../families/cisco-config';
import { cidr } from '../kit/export/addresses';
import type { AddressRange } from '../../net/address';
import type { ChildMeaning, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';

const V1_ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes 128': 'aes128', 'aes 192': 'aes192', 'aes 256': 'aes256', aes: 'aes128' };
const V1_HASH: Record<string, Integrity> = { md5: 'md5', sha: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const V2_ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes-cbc-128': 'aes128', 'aes-cbc-192': 'aes192', 'aes-cbc-256': 'aes256', 'aes-gcm-128': 'aes128gcm16', 'aes-gcm-256': 'aes256gcm16' };
const V2_INT: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const TS_AUTH: Record<string, Integrity> = { 'esp-md5-hmac': 'md5', 'esp-sha-hmac': 'sha1', 'esp-sha256-hmac': 'sha256', 'esp-sha384-hmac': 'sha384', 'esp-sha512-hmac': 'sha512' };
/** IOS XE defaults: ISAKMP policy lifetime 86400 s, IKEv2 profile lifetime 86400 s, IPsec SA lifetime 3600 s. */
const IKE_LIFETIME = 86400;
const SA_LIFETIME = 3600;
const IDENTITY: Record<string, string> = { address: 'address', fqdn: 'fqdn', email: 'user-fqdn', 'key-id': 'key-id' };

interface Phase2 {
  transformSets: string[];
  ikev2Profile?: string;
  pfs?: DhGroup;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
}

interface Profile {
  remoteId?: string;
  localId?: string;
  method?: 'psk' | 'certificate';
  keyring?: string;
  lifetime?: number;
  dpd?: number;
}

const group = (w: string | undefined): DhGroup | undefined => num(w) as DhGroup | undefined;

function all<T>(words: readonly string[], table: Record<string, T>): T[] | undefined {
  const out = words.map((w) => table[w]);
  return out.length > 0 && out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

/** A transform set's transforms: `esp-aes [128|192|256]`, `esp-gcm [128|256]`, `esp-3des`, `esp-des`, `esp-null`, then an `esp-*-hmac`. */
function transforms(w: readonly string[]): ProposalMeaning | undefined {
  let i = 0;
  let enc: Encryption | undefined;
  const bits = num(w[1]);
  if (w[0] === 'esp-aes') {
    enc = bits === 256 ? 'aes256' : bits === 192 ? 'aes192' : 'aes128';
    i = bits === undefined ? 1 : 2;
  } else if (w[0] === 'esp-gcm') {
    enc = bits === 256 ? 'aes256gcm16' : 'aes128gcm16';
    i = bits === undefined ? 1 : 2;
  } else if (w[0] === 'esp-3des' || w[0] === 'esp-des' || w[0] === 'esp-null') {
    enc = w[0] === 'esp-3des' ? '3des' : w[0] === 'esp-des' ? 'des' : 'null';
    i = 1;
  }
  if (!enc || (bits !== undefined && ![128, 192, 256].includes(bits))) return undefined;
  const auth = w[i] === undefined ? 'none' : TS_AUTH[w[i] as string];
  if (!auth || w.length > i + 1) return undefined;
  return { encryption: [enc], integrity: [auth], dhGroups: [] };
}

export const reader: VendorReader = {
  read(files): ReadResult {
    const c = new CiscoConfig(files);
    const isakmp: { priority: number; proposal: ProposalMeaning; lifetime: number; method?: 'psk' | 'certificate' }[] = [];
    let keepalive: number | undefined;
    const v2Proposals = new Map<string, ProposalMeaning>();
    const v2Policies: { proposals: string[]; local?: string }[] = [];
    const keyrings = new Map<string, Map<string, boolean>>();
    const profiles = new Map<string, Profile>();
    const transformSets = new Map<string, ProposalMeaning>();
    const ipsecProfiles = new Map<string, Phase2>();
    const acls = new Map<string, Statement>();
    /** Each with its statements: used when the map is bound to an interface, else set aside (an unbound map does nothing). */
    const entries: ({ map: string; seq: number; peer?: string; acl?: string; lines: Statement[] } & Phase2)[] = [];
    const boundMaps = new Set<string>();
    const tunnels: { name: string; destination?: string; profile?: string; family: 'ipv4' | 'ipv6' }[] = [];
    const routes: { prefix: string; interface: string }[] = [];

    /** Reads a `set …` statement of a crypto map entry or IPsec profile into `p`; false when it is not one. */
    const phase2Set = (x: readonly string[], p: Phase2): boolean => {
      if (starts(x, 'set transform-set') && x.length >= 3) p.transformSets = x.slice(2);
      else if (starts(x, 'set ikev2-profile') && x.length === 3) p.ikev2Profile = x[2];
      else if (starts(x, 'set pfs') && x.length === 3 && /^group\d+$/u.test(x[2] as string)) p.pfs = Number((x[2] as string).slice(5)) as DhGroup;
      else if (starts(x, 'set security-association lifetime seconds') && num(x[4]) !== undefined) p.lifetimeSeconds = num(x[4]);
      else if (starts(x, 'set security-association lifetime kilobytes') && num(x[4]) !== undefined) p.lifetimeKilobytes = num(x[4]);
      else return false;
      return true;
    };

    for (const s of c.top) {
      const w = s.words;
      if (starts(w, 'crypto isakmp policy') && w.length === 4 && num(w[3]) !== undefined) {
        c.use(s);
        const p: { enc: Encryption; hash: Integrity; group: DhGroup; lifetime: number; method?: 'psk' | 'certificate' } = { enc: 'des', hash: 'sha1', group: 1, lifetime: IKE_LIFETIME };
        for (const sub of s.children) {
          const [k, ...rest] = sub.words;
          const v = rest.join(' ');
          if (k === 'encr' && V1_ENC[v]) p.enc = V1_ENC[v] as Encryption;
          else if (k === 'hash' && V1_HASH[v]) p.hash = V1_HASH[v] as Integrity;
          else if (k === 'group' && rest.length === 1 && group(v) !== undefined) p.group = group(v) as DhGroup;
          else if (k === 'lifetime' && rest.length === 1 && num(v) !== undefined) p.lifetime = num(v) as number;
          else if (k === 'authentication' && (v === 'pre-share' || v === 'rsa-sig')) p.method = v === 'pre-share' ? 'psk' : 'certificate';
          else continue;
          c.use(sub);
        }
        // The ISAKMP defaults for what a policy leaves out: des, sha, group 1, rsa-sig ("Security for VPNs with IPsec", IKE policy defaults).
        isakmp.push({ priority: num(w[3]) as number, proposal: { encryption: [p.enc], integrity: [p.hash], dhGroups: [p.group] }, lifetime: p.lifetime, method: p.method ?? 'certificate' });
      } else if (starts(w, 'crypto isakmp key') && w.length === 6 && w[4] === 'address') {
        c.use(s);
      } else if (starts(w, 'crypto isakmp keepalive') && num(w[3]) !== undefined && w.length <= 6) {
        c.use(s);
        keepalive = num(w[3]);
      } else if (starts(w, 'crypto ikev2 proposal') && w.length === 4) {
        c.use(s);
        const p: ProposalMeaning = { encryption: [], integrity: [], dhGroups: [] };
        let prf: Integrity[] = [];
        for (const sub of s.children) {
          const [k, ...rest] = sub.words;
          const enc = k === 'encryption' ? all(rest, V2_ENC) : undefined;
          const ints = k === 'integrity' || k === 'prf' ? all(rest, V2_INT) : undefined;
          const groups = k === 'group' ? rest.map(group) : undefined;
          if (enc) p.encryption = enc;
          else if (ints && k === 'integrity') p.integrity = ints;
          else if (ints) prf = ints;
          else if (groups && groups.length > 0 && groups.every((g) => g !== undefined)) p.dhGroups = groups as DhGroup[];
          else continue;
          c.use(sub);
        }
        // An AES-GCM proposal has no integrity; its PRF is what the design's integrity named.
        if (p.integrity.length === 0) p.integrity = prf;
        v2Proposals.set(w[3] as string, p);
      } else if (starts(w, 'crypto ikev2 policy') && w.length === 4) {
        c.use(s);
        const pol: { proposals: string[]; local?: string } = { proposals: [] };
        for (const sub of s.children) {
          if (sub.words[0] === 'proposal' && sub.words.length === 2) pol.proposals.push(sub.words[1] as string);
          else if (starts(sub.words, 'match address local') && sub.words.length === 4) pol.local = sub.words[3];
          else continue;
          c.use(sub);
        }
        v2Policies.push(pol);
      } else if (starts(w, 'crypto ikev2 keyring') && w.length === 4) {
        c.use(s);
        const ring = new Map<string, boolean>();
        keyrings.set(w[3] as string, ring);
        for (const peer of s.children) {
          if (peer.words[0] !== 'peer' || peer.words.length !== 2) continue;
          c.use(peer);
          let address: string | undefined;
          let key = false;
          for (const sub of peer.children) {
            if (sub.words[0] === 'address' && (sub.words.length === 2 || sub.words.length === 3)) address = sub.words[1];
            else if (sub.words[0] === 'pre-shared-key' && sub.words.length >= 2) key = true;
            else continue;
            c.use(sub);
          }
          if (address) ring.set(address, key);
        }
      } else if (starts(w, 'crypto ikev2 profile') && w.length === 4) {
        c.use(s);
        const p: Profile = {};
        for (const sub of s.children) {
          const x = sub.words;
          if (starts(x, 'match identity remote') && x.length >= 5) {
            const type = IDENTITY[x[3] as string];
            // `address A 255.255.255.255` is the peer's own address, the identity a peer sends by default.
            if (type) p.remoteId = x[3] === 'address' && x[5] === '255.255.255.255' ? `address-default:${x[4]}` : `${type}:${x[4]}`;
          } else if (starts(x, 'identity local') && x.length === 4 && IDENTITY[x[2] as string]) p.localId = `${IDENTITY[x[2] as string]}:${x[3]}`;
          else if (starts(x, 'authentication remote') && (x[2] === 'pre-share' || x[2] === 'rsa-sig')) p.method = x[2] === 'pre-share' ? 'psk' : 'certificate';
          else if (starts(x, 'authentication local') && (x[2] === 'pre-share' || x[2] === 'rsa-sig')) p.method ??= x[2] === 'pre-share' ? 'psk' : 'certificate';
          else if (starts(x, 'keyring local') && x.length === 3) p.keyring = x[2];
          else if (x[0] === 'lifetime' && x.length === 2 && num(x[1]) !== undefined) p.lifetime = num(x[1]);
          else if (x[0] === 'dpd' && num(x[1]) !== undefined) p.dpd = num(x[1]);
          else continue;
          c.use(sub);
        }
        profiles.set(w[3] as string, p);
      } else if (starts(w, 'crypto ipsec transform-set') && w.length >= 5) {
        const t = transforms(w.slice(4));
        if (t) {
          c.use(s);
          transformSets.set(w[3] as string, t);
          for (const sub of s.children) if (starts(sub.words, 'mode tunnel') && sub.words.length === 2) c.use(sub);
        }
      } else if (starts(w, 'crypto ipsec profile') && w.length === 4) {
        c.use(s);
        const p: Phase2 = { transformSets: [] };
        for (const sub of s.children) if (phase2Set(sub.words, p)) c.use(sub);
        ipsecProfiles.set(w[3] as string, p);
      } else if (starts(w, 'ip access-list extended') && w.length === 4) {
        acls.set(w[3] as string, s);
      } else if (w[0] === 'crypto' && w[1] === 'map' && num(w[3]) !== undefined && w[4] === 'ipsec-isakmp' && w.length === 5) {
        const e: (typeof entries)[number] = { map: w[2] as string, seq: num(w[3]) as number, transformSets: [], lines: [s] };
        for (const sub of s.children) {
          const x = sub.words;
          if (starts(x, 'set peer') && x.length === 3) e.peer = x[2];
          else if (starts(x, 'match address') && x.length === 3) e.acl = x[2];
          else if (!phase2Set(x, e)) continue;
          e.lines.push(sub);
        }
        entries.push(e);
      } else if (w[0] === 'interface' && w.length === 2) {
        c.use(s);
        const t: (typeof tunnels)[number] = { name: w[1] as string, family: 'ipv4' };
        for (const sub of s.children) {
          const x = sub.words;
          if (x[0] === 'crypto' && x[1] === 'map' && x.length === 3) boundMaps.add(x[2] as string);
          else if (starts(x, 'tunnel destination') && x.length === 3) t.destination = x[2];
          else if (starts(x, 'tunnel protection ipsec profile') && x.length === 5) t.profile = x[4];
          else if (starts(x, 'tunnel mode ipsec') && (x[3] === 'ipv4' || x[3] === 'ipv6') && x.length === 4) t.family = x[3];
          else if ((starts(x, 'tunnel source') && x.length === 3) || (starts(x, 'ip unnumbered') && x.length === 3) || starts(x, 'ipv6 enable')) {
            // Where the tunnel's packets come from and its own addressing: not part of the VPN's meaning.
          } else continue;
          c.use(sub);
        }
        if (t.profile) tunnels.push(t);
      } else if ((w[0] === 'ip' && w[1] === 'route' && w.length === 5) || (w[0] === 'ipv6' && w[1] === 'route' && w.length === 4)) {
        const r = w[0] === 'ip' ? maskedRange(w[2] as string, w[3] as string, false) : prefixRange(w[2] as string);
        const via = w[w.length - 1] as string;
        if (r) routes.push({ prefix: cidr(r) ?? '', interface: via });
        c.ignore(s);
      }
    }

    const v1Policies = [...isakmp].sort((a, b) => a.priority - b.priority);
    const v2Policy = v2Policies[0];
    const peers: PeerMeaning[] = [];
    const peerOf = (address: string, p2: Phase2, children: Omit<ChildMeaning, 'esp'>[], routed: string[]): PeerMeaning => {
      const profile = p2.ikev2Profile ? profiles.get(p2.ikev2Profile) : undefined;
      const ikeVersion = profile ? 2 : 1;
      const esp = p2.transformSets.map((n) => transformSets.get(n)).filter((p): p is ProposalMeaning => p !== undefined).map((p) => ({ ...p, dhGroups: p2.pfs !== undefined ? [p2.pfs] : [] }));
      const espMeaning = { proposals: esp, lifetimeSeconds: p2.lifetimeSeconds ?? SA_LIFETIME, ...(p2.lifetimeKilobytes !== undefined ? { lifetimeKilobytes: p2.lifetimeKilobytes } : {}) };
      const remoteId = profile?.remoteId && !profile.remoteId.startsWith('address-default:') ? profile.remoteId : undefined;
      const ike = ikeVersion === 2
        ? { proposals: (v2Policy?.proposals ?? []).map((n) => v2Proposals.get(n)).filter((p): p is ProposalMeaning => p !== undefined), lifetimeSeconds: profile?.lifetime ?? IKE_LIFETIME }
        : { proposals: v1Policies.map((p) => p.proposal), ...(v1Policies[0] ? { lifetimeSeconds: v1Policies[0].lifetime } : {}) };
      const dpd = ikeVersion === 2 ? profile?.dpd : keepalive;
      return {
        remoteAddress: address,
        ...(ikeVersion === 2 && v2Policy?.local ? { localAddress: v2Policy.local } : {}),
        ikeVersion,
        ...(ikeVersion === 1 ? { exchangeMode: 'main' as const } : {}),
        ike,
        auth: { method: (ikeVersion === 2 ? profile?.method : v1Policies[0]?.method) ?? 'psk', ...(profile?.localId ? { localId: profile.localId } : {}), ...(remoteId ? { remoteId } : {}) },
        ...(dpd !== undefined ? { dpd: { intervalSeconds: dpd } } : {}),
        children: children.map((ch) => ({ ...ch, esp: espMeaning })),
        routes: routed,
      };
    };

    for (const e of [...entries].sort((a, b) => a.map.localeCompare(b.map) || a.seq - b.seq)) {
      for (const line of e.lines) (boundMaps.has(e.map) ? c.use : c.ignore).call(c, line);
      if (!boundMaps.has(e.map) || !e.peer || !e.acl) continue;
      const children: Omit<ChildMeaning, 'esp'>[] = [];
      const acl = acls.get(e.acl);
      if (acl) c.use(acl);
      for (const line of acl?.children ?? []) {
        const child = line.words[0] === 'permit' ? aclChild(line.words.slice(1)) : undefined;
        if (child) {
          c.use(line);
          children.push(child);
        }
      }
      peers.push(peerOf(e.peer, e, children, []));
    }
    for (const t of tunnels) {
      const p2 = ipsecProfiles.get(t.profile ?? '');
      if (!p2 || !t.destination) continue;
      // A static VTI negotiates any to any of its family.
      const any = t.family === 'ipv4' ? '0.0.0.0/0' : '::/0';
      const routed = routes.filter((r) => r.interface === t.name).map((r) => r.prefix);
      peers.push(peerOf(t.destination, p2, [{ local: any, remote: any }], routed));
    }
    // Keys of peers with no crypto map entry or tunnel, and ACLs no bound entry matches, protect nothing.
    for (const acl of acls.values()) for (const line of [acl, ...acl.children]) c.ignore(line);
    return { ok: true, meaning: { peers }, lines: c.account() };
  },
};

/** One side of an ACL line: `any`, `host A` or `A WILDCARD`. */
function aclSide(w: readonly string[], i: number): { range: AddressRange; taken: number } | undefined {
  if (w[i] === 'any') return { range: ANY4, taken: 1 };
  if (w[i] === 'host') {
    const r = hostRange(w[i + 1] ?? '');
    return r ? { range: r, taken: 2 } : undefined;
  }
  const r = w[i] && w[i + 1] ? maskedRange(w[i] as string, w[i + 1] as string, true) : undefined;
  return r ? { range: r, taken: 2 } : undefined;
}

function aclChild(w: readonly string[]): Omit<ChildMeaning, 'esp'> | undefined {
  const protocol = aclProtocol(w[0]);
  if (protocol === undefined) return undefined;
  let i = 1;
  const src = aclSide(w, i);
  if (!src) return undefined;
  i += src.taken;
  const sp = portCondition(w, i);
  if (sp) i += sp.taken;
  const dst = aclSide(w, i);
  if (!dst) return undefined;
  i += dst.taken;
  const dp = portCondition(w, i);
  if (dp) i += dp.taken;
  if (i !== w.length) return undefined;
  return { local: side(src.range, protocol, sp), remote: side(dst.range, protocol, dp) };
}
