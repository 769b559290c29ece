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
// interface. For import, each peer also carries the VPN's name, the gateway's outgoing interface,
// the bound tunnel interface, the key when typed in clear, NAT-T and the VPN monitor line. There
// is no Batfish grammar for ScreenOS: this reader and the structural check are
// what check its files, so it reads every statement it accounts as used word by word.
//
// A saved configuration (`get config`, "Total Config size N:" first) holds more, read for the
// device part: `set interface <if> zone|ip|unnumbered|nat|mip|dip`, `set route` (also inside `set
// vrouter "<vr>"` … `exit`), address book entries and groups (`set address`, `set group address
// … add`), services and service groups, policies (`set policy id N [name "x"] from … to …
// <src> <dst> <svc> [nat src [dip-id N]] permit|deny|reject|tunnel vpn "<vpn>" [id 0xN]
// [pair-policy N]` and its `set policy id N` … `set src-address|dst-address|service` … `exit`
// context), predefined proposals (`sec-level standard|compatible|basic`, `pre-g2-3des-sha`,
// `nopfs-esp-des-md5`…): "Concepts & Examples ScreenOS Reference Guide", Volume 5, "Site-to-Site
// Virtual Private Networks" and "Phase 1 / Phase 2 Proposals"; Volume 2: Fundamentals,
// "Interfaces", "Address Books", "Policies"; Volume 8: Address Translation, "Mapped IP
// Addresses", "Dynamic IP Pools". Statements of other subsystems (admin, auth, syslog, snmp, ntp,
// clock, flow, alg, zone screens…) are ignored; every other statement of `ike`, `vpn`, `ipsec`,
// routes, addresses, policies the reader does not know is reported with its line number.
import { InterfaceSchema, NatRuleSchema, RouteSchema, SecurityPolicySchema, type DhGroup, type Encryption, type Integrity, type Interface, type NatRule, type Route, type SecurityPolicy } from '../../model/document';
import { LIMITS } from '../../model/text';
import { formatRange, parseIp, prefixLength, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import { cidr } from '../kit/export/addresses';
import type { ChildMeaning, ConfigMeaning, DeviceMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { SCREENOS_ADDRESS_LIST, SCREENOS_NAME, SCREENOS_SERVICE_LIST, screenosEndOptions, type ScreenosEndOptions } from './options';

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
  /** The proposal's name on the box (a predefined one's too). */
  name: string;
}

interface Gateway {
  name: string;
  address: string;
  ikeVersion: 1 | 2;
  mode?: 'main' | 'aggressive';
  localId?: string;
  remoteId?: string;
  auth: 'psk' | 'certificate';
  proposals: Proposal[];
  dpd?: number;
  /** The interface IKE runs on (outgoing-interface). */
  outgoing?: string;
  /** The key after `preshare`, and whether it is the key in clear (see clearKey). */
  psk?: { text: string; clear: boolean };
  /** `set ike gateway "x" nat-traversal`: on; ScreenOS's default is off. */
  natTraversal?: boolean;
}

interface Vpn {
  gateway: Gateway;
  /** `set vpn "x" id 0xN bind interface …`: the VPN's id. */
  id?: number;
  proposals: Proposal[];
  tunnelInterface?: string;
  proxyIds: { local: AddressRange; remote: AddressRange; service: Service }[];
  policies: { local: AddressRange; remote: AddressRange; service: Service }[];
  /** `set vpn "x" monitor …`: the VPN monitor as its line says it. */
  monitor?: { sourceInterface?: string; destinationIp?: string; optimized: boolean; rekey: boolean };
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

/**
 * The predefined proposals ("Concepts & Examples ScreenOS Reference Guide", Volume 5, "Phase 1
 * Proposals", "Phase 2 Proposals"): `<auth>-g<group>-<enc>-<hash>` (phase 1, 28,800 seconds) and
 * `g<group>|nopfs-esp-<enc>-<hash>` (phase 2, 3,600 seconds).
 */
export function predefined(name: string, phase: 1 | 2): Proposal | undefined {
  const m = phase === 1 ? /^(?:pre|rsa|dsa)-g(1|2|5|14)-(des|3des|aes128|aes192|aes256)-(md5|sha)$/.exec(name) : /^(?:g(1|2|5|14)|nopfs)-esp-(des|3des|aes128|aes192|aes256|null)-(md5|sha)$/.exec(name);
  if (!m) return undefined;
  const group = m[1] === undefined ? [] : [Number(m[1]) as DhGroup];
  return { meaning: { encryption: [ENC[m[2] as string] as Encryption], integrity: [m[3] === 'md5' ? 'md5' : 'sha1'], dhGroups: group }, lifetimeSeconds: phase === 1 ? 28800 : 3600, name };
}

/** The proposal sets of `sec-level` (the same guide, "Phase 1 Proposals", "Phase 2 Proposals"). */
const SEC_LEVEL: Record<string, { p1: string[]; p2: string[] }> = {
  standard: { p1: ['pre-g2-aes128-sha', 'pre-g2-3des-sha'], p2: ['g2-esp-3des-sha', 'g2-esp-aes128-sha'] },
  compatible: { p1: ['pre-g2-3des-sha', 'pre-g2-3des-md5', 'pre-g2-des-sha', 'pre-g2-des-md5'], p2: ['nopfs-esp-3des-sha', 'nopfs-esp-3des-md5', 'nopfs-esp-des-sha', 'nopfs-esp-des-md5'] },
  basic: { p1: ['pre-g1-des-sha', 'pre-g1-des-md5'], p2: ['nopfs-esp-des-sha', 'nopfs-esp-des-md5'] },
};

/**
 * Predefined services the reader knows (ScreenOS's service book: "ANY", and the common ones a
 * policy names), when the file does not define them; names are matched without case, as ScreenOS does.
 */
const PREDEFINED_SERVICES: Record<string, Service[]> = {
  ANY: [ANY_SERVICE],
  HTTP: [{ protocol: 6, src: [0, 65535], dst: [80, 80] }],
  HTTPS: [{ protocol: 6, src: [0, 65535], dst: [443, 443] }],
  SSH: [{ protocol: 6, src: [0, 65535], dst: [22, 22] }],
  TELNET: [{ protocol: 6, src: [0, 65535], dst: [23, 23] }],
  FTP: [{ protocol: 6, src: [0, 65535], dst: [21, 21] }],
  SMTP: [{ protocol: 6, src: [0, 65535], dst: [25, 25] }],
  DNS: [{ protocol: 17, src: [0, 65535], dst: [53, 53] }, { protocol: 6, src: [0, 65535], dst: [53, 53] }],
  NTP: [{ protocol: 17, src: [0, 65535], dst: [123, 123] }],
  PING: [{ protocol: 1, src: [0, 65535], dst: [0, 65535] }],
  'ICMP-ANY': [{ protocol: 1, src: [0, 65535], dst: [0, 65535] }],
};

/** Statement classes of a saved configuration that say nothing about VPNs (the second word of `set`/`unset`). */
const UNRELATED = new Set(['clock', 'admin', 'auth', 'auth-server', 'alg', 'syslog', 'snmp', 'snmpv3', 'ntp', 'flow', 'pki', 'user', 'user-group', 'url', 'nsmgmt', 'ssh', 'scp', 'telnet', 'config', 'license-key', 'console', 'dns', 'domain', 'firewall', 'log', 'key', 'ip', 'arp', 'dhcp', 'webauth', 'ssl', 'nsrp', 'crypto-policy', 'scheduler', 'av', 'di', 'anti-spam', 'url-filter', 'common-criteria', 'dbuf', 'session', 'vip', 'mac', 'tftp', 'envar', 'timer', 'gui', 'zone']);

/** Statements that open a context closed by `exit` (vrouter, policy, crypto-policy, url, protocol). */
function opensContext(w: readonly string[]): 'vrouter' | 'policy' | 'other' | undefined {
  if (w[0] !== 'set') return undefined;
  if (w[1] === 'vrouter' && w.length === 3) return 'vrouter';
  if (w[1] === 'vrouter' && w[2] === 'name' && w.length === 4) return 'vrouter';
  if (w[1] === 'policy' && w[2] === 'id' && w.length === 4) return 'policy';
  if ((w[1] === 'crypto-policy' && w.length === 2) || (w[1] === 'url' && w[2] === 'protocol' && w.length === 4) || (w[1] === 'protocol' && w.length === 3)) return 'other';
  return undefined;
}

interface Policy {
  id?: string;
  name: string;
  fromZone: string;
  toZone: string;
  src: AddressRange[];
  dst: AddressRange[];
  services: Service[];
  action: 'allow' | 'deny';
  vpn?: string;
  dipId?: string;
  disabled: boolean;
}

const same = (a: AddressRange, b: AddressRange) => a.family === b.family && a.from === b.from && a.to === b.to;
const any4: AddressRange = { family: 4, from: 0n, to: 0xffffffffn };

/** A service as the setting writes it: `<protocol>/<src ports>/<dst ports>` (6/0-65535/443-443). */
export const serviceSignature = (s: { protocol: number; src: readonly [number, number]; dst: readonly [number, number] }) => `${s.protocol}/${s.src[0]}-${s.src[1]}/${s.dst[0]}-${s.dst[1]}`;

/** The predefined service of that name (matched without case), when it is one service. */
export function predefinedService(name: string): Service | undefined {
  const got = PREDEFINED_SERVICES[name.toUpperCase()];
  return got?.length === 1 ? got[0] : undefined;
}

/** What a policy matches, as a key: its zones (lower case), VPN, sources, destinations and services, each set sorted. */
const serviceKey = (s: Service) => `${s.protocol}:${s.src[0]}-${s.src[1]}:${s.dst[0]}-${s.dst[1]}`;
const setKey = (xs: readonly string[]) => [...new Set(xs)].sort().join(',');
const rangesKey = (rs: readonly AddressRange[]) => (rs.every((r) => cidr(r) !== undefined) ? setKey(rs.map((r) => cidr(r) as string)) : undefined);
const matchKey = (to: string, vpn: string | undefined, src: string, dst: string, services: string) => `${to.toLowerCase()}|${vpn ?? ''}|${src}|${dst}|${services}`;

interface PolicyIndex {
  /** By what the policy matches and its to-zone: the first policy with an id (a policy out of the inside zone, whatever that zone is called). */
  byTo: Map<string, Policy>;
  /** The same, keyed by the from-zone too. */
  byBoth: Map<string, Policy>;
}

/** The box's policies indexed once for all tunnels by what they match (never scanned per tunnel). */
function indexPolicies(policies: readonly Policy[]): PolicyIndex {
  const byTo = new Map<string, Policy>();
  const byBoth = new Map<string, Policy>();
  for (const p of policies) {
    if (p.disabled || p.id === undefined || p.action !== 'allow' || p.dipId !== undefined || p.fromZone.toLowerCase() === p.toZone.toLowerCase()) continue;
    const src = rangesKey(p.src);
    const dst = rangesKey(p.dst);
    if (src === undefined || dst === undefined) continue;
    const k = matchKey(p.toZone, p.vpn, src, dst, setKey(p.services.map(serviceKey)));
    if (!byTo.has(k)) byTo.set(k, p);
    const both = `${p.fromZone.toLowerCase()}>${k}`;
    if (!byBoth.has(both)) byBoth.set(both, p);
  }
  return { byTo, byBoth };
}

/**
 * The names the box gives what one VPN uses, as this product's tunnel-end settings (options.ts),
 * so that the export of the imported box writes its own names: its IKE gateway, VPN and VPN id,
 * the proposals (by name, predefined ones too), the address book entries of the prefixes the
 * tunnel's policies name, and the ids of the two policies the export writes for the tunnel (from
 * the inside zone to the tunnel's zone and back, or tunnelling into the VPN). A policy is the
 * tunnel's only when it matches exactly what the export writes (the tunnel's local prefixes to
 * its remote ones, service ANY route-based, the proxy IDs' service policy-based): one naming more
 * (another address, a group of more, another service) keeps its id out of the export, which then
 * writes a policy of its own, so that a corrected policy never drops what the box's matched.
 * A name a setting cannot hold (options.ts, SCREENOS_NAME) is not recorded.
 */
function boxNames(
  vpnName: string,
  vpn: Vpn,
  children: readonly { local: AddressRange; remote: AddressRange; service: Service }[],
  tunnelRoutes: readonly string[],
  ifaces: ReadonlyMap<string, { zone?: string }>,
  index: PolicyIndex,
  book: ReadonlyMap<string, ReadonlyMap<string, string>>,
  serviceNames: ReadonlyMap<string, string>,
): Record<string, string | number | boolean> {
  const out: Partial<ScreenosEndOptions> = {};
  const fits = (n: string) => SCREENOS_NAME.test(n);
  if (fits(vpn.gateway.name)) out.ikeGateway = vpn.gateway.name;
  if (fits(vpnName)) out.vpn = vpnName;
  if (vpn.id !== undefined && vpn.id > 0) out.vpnId = vpn.id;
  const names = (ps: readonly Proposal[]) => (ps.length > 0 && ps.length <= 4 && ps.every((p) => fits(p.name)) ? ps.map((p) => p.name).join(',') : undefined);
  const p1 = names(vpn.gateway.proposals);
  const p2 = names(vpn.proposals);
  if (p1 !== undefined) out.p1Proposals = p1;
  if (p2 !== undefined) out.p2Proposals = p2;

  const routeBased = vpn.tunnelInterface !== undefined;
  const outside = (routeBased ? ifaces.get(vpn.tunnelInterface as string)?.zone : vpn.gateway.outgoing !== undefined ? ifaces.get(vpn.gateway.outgoing)?.zone : undefined)?.toLowerCase();
  const isAny = (r: AddressRange) => r.from === 0n && r.to === (r.family === 4 ? 0xffffffffn : (1n << 128n) - 1n);
  const text = (rs: readonly AddressRange[]) => [...new Set(rs.filter((r) => !isAny(r)).map((r) => cidr(r)))];
  const locals = text(children.map((c) => c.local));
  const selRemotes = text(children.map((c) => c.remote));
  const remotes = routeBased && selRemotes.length === 0 ? [...new Set(tunnelRoutes)] : selRemotes;

  // The two policies, when the tunnel's traffic is one set of sources to one of destinations.
  let inside: string | undefined;
  const L = locals.every((x) => x !== undefined) ? setKey(locals as string[]) : undefined;
  const R = remotes.every((x) => x !== undefined) ? setKey(remotes as string[]) : undefined;
  const services = [...new Set(children.map((c) => serviceKey(c.service)))];
  const cross = routeBased || (services.length === 1 && children.length === locals.length * remotes.length);
  if (outside !== undefined && L && R && cross) {
    const svc = routeBased ? serviceKey(ANY_SERVICE) : (services[0] as string);
    const via = routeBased ? undefined : vpnName;
    const po = index.byTo.get(matchKey(outside, via, L, R, svc));
    if (po && po.fromZone.toLowerCase() !== outside) {
      inside = po.fromZone.toLowerCase();
      const pi = index.byBoth.get(`${outside}>${matchKey(inside, via, R, L, svc)}`);
      out.policyOut = Number(po.id);
      if (pi) out.policyIn = Number(pi.id);
    }
  }

  // The address book entries of the prefixes: the remote ones in the tunnel's zone, the local
  // ones in the inside zone (that of the policy out, else the first other zone that has one).
  const entries = (prefixes: readonly (string | undefined)[], zones: readonly string[]) =>
    prefixes
      .flatMap((x) => {
        if (x === undefined) return [];
        for (const z of zones) {
          const n = book.get(z)?.get(x);
          if (n !== undefined) return fits(n) ? [`${x}=${n}`] : [];
        }
        return [];
      })
      .join(',');
  const insideZones = inside !== undefined ? [inside] : [...book.keys()].filter((z) => z !== outside);
  const local = entries(locals, insideZones);
  // Only the prefixes the tunnel's policies name (what the export writes an entry for): an entry
  // of another prefix is no name of the tunnel's, even when the box keeps one unused.
  const remote = outside !== undefined ? entries(remotes, [outside]) : '';
  if (local !== '' && local.length <= 1024 && SCREENOS_ADDRESS_LIST.test(local)) out.localAddresses = local;
  if (remote !== '' && remote.length <= 1024 && SCREENOS_ADDRESS_LIST.test(remote)) out.remoteAddresses = remote;
  const svcs = [...new Set(children.filter((c) => c.service.protocol !== 0).map((c) => serviceSignature(c.service)))].flatMap((sig) => {
    const n = serviceNames.get(sig);
    return n !== undefined && fits(n) ? [`${sig}=${n}`] : [];
  });
  const svcText = svcs.join(',');
  if (svcText !== '' && svcText.length <= 1024 && SCREENOS_SERVICE_LIST.test(svcText)) out.services = svcText;
  return screenosEndOptions.schema.safeParse(out).success ? (out as Record<string, string | number | boolean>) : {};
}

export const screenosReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const p1 = new Map<string, Proposal>();
    const p2 = new Map<string, Proposal>();
    const gateways = new Map<string, Gateway>();
    const vpns = new Map<string, Vpn>();
    const services = new Map<string, Service[]>();
    const addresses = new Map<string, AddressRange[]>();
    const routes: Route[] = [];
    const ifaces = new Map<string, { kind: Interface['kind']; address?: string; zone?: string }>();
    const policies: Policy[] = [];
    /** Zone (lower case) → prefix → the first address book entry's name for it. */
    const addressBook = new Map<string, Map<string, string>>();
    const mips: { iface: string; mip: string; host: string; mask: string; line: { file: string; n: number; text: string } }[] = [];
    const dips: { iface: string; id: string; from: string; to: string; line: { file: string; n: number; text: string } }[] = [];
    let hostname: string | undefined;

    for (const f of files) {
      /** The open contexts (`set vrouter "x"` … `exit`, `set policy id N` … `exit`), innermost last. */
      const contexts: { kind: 'vrouter' | 'policy' | 'other'; policy?: Policy }[] = [];
      /** The file is `get config` output, whose keys are encrypted (see clearKey). */
      let saved = false;
      f.content.split('\n').forEach((raw, n) => {
        const text = raw.trim();
        if (text === '') return;
        // "Total Config size 17376:": the line `get config` prints before the configuration.
        if (text.startsWith('#') || /^Total Config size \d+:$/.test(text)) {
          if (!text.startsWith('#')) saved = true;
          lines.ignored++;
          return;
        }
        const unknown = (why: string) => lines.unknown.push({ file: f.name, line: n + 1, text: `${text} (${why})` });
        const lexed = lex(text);
        if (!lexed.ok) return unknown(lexed.why);
        // `set vrouter <vr> route …` is `set route …` of that virtual router (the guide's form of it).
        const w = lexed.words[0] === 'set' && lexed.words[1] === 'vrouter' && lexed.words[3] === 'route' ? ['set', 'route', ...lexed.words.slice(4)] : lexed.words;
        const ok = () => lines.used++;
        const ctx = contexts[contexts.length - 1];
        if (w[0] === 'exit' && w.length === 1) {
          const closed = contexts.pop();
          if (closed?.kind === 'policy') return ok();
          lines.ignored++;
          return;
        }
        if (w[0] !== 'set' && w[0] !== 'unset') return unknown('not a set or unset statement');
        const opens = opensContext(w);
        if (opens === 'policy') {
          const p = policies.find((x) => x.id === w[3]);
          if (!p) return unknown(`policy ${w[3]} is not defined before`);
          contexts.push({ kind: 'policy', policy: p });
          return ok();
        }
        if (opens) {
          contexts.push({ kind: opens });
          lines.ignored++;
          return;
        }
        if (ctx?.kind === 'policy' && ctx.policy) {
          // The policy's further sources, destinations and services.
          const p = ctx.policy;
          if (w[0] === 'set' && (w[1] === 'src-address' || w[1] === 'dst-address') && w.length === 3) {
            const got = lookup(addresses, w[1] === 'src-address' ? p.fromZone : p.toZone, w[2] ?? '');
            if (!got) return unknown(`address "${w[2]}" is not defined before in its zone`);
            (w[1] === 'src-address' ? p.src : p.dst).push(...got);
            return ok();
          }
          if (w[0] === 'set' && w[1] === 'service' && w.length === 3) {
            const got = serviceOf(services, w[2] ?? '');
            if (!got) return unknown(`service "${w[2]}" is not defined before`);
            p.services.push(...got);
            return ok();
          }
          if (w[1] === 'log' || w[1] === 'count' || w[1] === 'alert') {
            lines.ignored++;
            return;
          }
          return unknown('not a policy statement the reader knows (src-address, dst-address, service)');
        }
        if (ctx?.kind === 'other') {
          lines.ignored++;
          return;
        }
        const what = w[1] ?? '';
        if (w[0] === 'set' && what === 'hostname' && w.length === 3) {
          // The hostname names the device (the gateway's name after import).
          hostname = w[2];
          return ok();
        }
        if (ctx?.kind === 'vrouter' && what !== 'route') {
          // The virtual router's own settings (add-default-route, auto-route-export, sharable…).
          lines.ignored++;
          return;
        }
        if (UNRELATED.has(what) || what === 'vrouter') {
          lines.ignored++;
          return;
        }
        if (w[0] === 'unset') {
          // Defaults a saved configuration prints: of IKE and IPsec globals, of a gateway's NAT-T checksum, of an interface.
          if (what === 'ike' && ['ikeid-enumeration', 'dos-protection'].includes(w[2] ?? '') && w.length === 3) return ok();
          if (what === 'ike' && w[2] === 'gateway' && w[4] === 'nat-traversal' && w[5] === 'udp-checksum' && w.length === 6 && gateways.has(w[3] ?? '')) return ok();
          if (what === 'ipsec' && w[2] === 'access-session') return ok();
          if (what === 'interface') {
            lines.ignored++;
            return;
          }
          return unknown('not an unset statement the reader knows');
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
          (one ? p1 : p2).set(w[3] ?? '', { meaning: { encryption: [e], integrity: h === 'none' ? [] : [h], dhGroups: group === undefined ? [] : [group] }, lifetimeSeconds: Number(life) * seconds, name: w[3] ?? '' });
          return ok();
        }

        if (what === 'ike' && w[2] === 'gateway') {
          const v2 = w[3] === 'ikev2';
          const name = w[v2 ? 4 : 3] ?? '';
          const rest = w.slice(v2 ? 5 : 4);
          if (rest[0] === 'address') {
            const gw: Gateway = { name, address: rest[1] ?? '', ikeVersion: v2 ? 2 : 1, auth: 'psk', proposals: [] };
            let i = 2;
            for (; i < rest.length && rest[i] !== 'proposal' && rest[i] !== 'sec-level'; i++) {
              const k = rest[i];
              if (k === 'id') gw.remoteId = rest[++i];
              else if (k === 'local-id') gw.localId = rest[++i];
              else if (k === 'Main' || k === 'main') gw.mode = 'main';
              else if (k === 'Aggr' || k === 'aggr' || k === 'aggressive') gw.mode = 'aggressive';
              else if (k === 'outgoing-interface') gw.outgoing = rest[++i];
              else if (k === 'preshare' && rest[i + 1] !== undefined) {
                const text = rest[++i] as string;
                gw.psk = { text, clear: !saved && !encryptedShape(text) };
              } else if (k === 'preshare') return unknown('preshare names no key');
              else if (k === 'cert') gw.auth = 'certificate';
              else return unknown(`"${k}" is not an ike gateway option the reader knows`);
            }
            if (rest[i] === 'sec-level') {
              const set = SEC_LEVEL[rest[i + 1] ?? ''];
              if (!set || i + 2 !== rest.length) return unknown('sec-level is standard, compatible or basic, last');
              gw.proposals.push(...set.p1.map((p) => predefined(p, 1) as Proposal));
            } else {
              if (rest[i] !== 'proposal' || i + 1 >= rest.length) return unknown('an ike gateway names its proposals (proposal … or sec-level …) last');
              for (const p of rest.slice(i + 1)) {
                const got = p1.get(p) ?? predefined(p, 1);
                if (!got) return unknown(`p1-proposal "${p}" is not defined before`);
                gw.proposals.push(got);
              }
            }
            if (!v2 && gw.mode === undefined) gw.mode = 'main';
            gateways.set(name, gw);
            return ok();
          }
          const gw = gateways.get(name);
          if (!gw) return unknown(`ike gateway "${name}" is not defined before`);
          // `nat-traversal` turns NAT-T on (off by default: NSM 2010.4 "Configuring ScreenOS Devices
          // Guide", Gateway Properties, "NAT Traversal": "To use NAT-T, enable NAT-T and specify"
          // the UDP checksum and keepalive frequency, the options of the further lines, which do
          // not by themselves say it is on).
          if (rest[0] === 'nat-traversal' && rest.length === 1) {
            gw.natTraversal = true;
            return ok();
          }
          if (rest[0] === 'nat-traversal' && ((rest[1] === 'udp-checksum' && rest.length === 2) || (rest[1] === 'keepalive-frequency' && /^\d+$/.test(rest[2] ?? '') && rest.length === 3))) return ok();
          if (rest[0] === 'dpd-liveness' && rest[1] === 'interval' && /^\d+$/.test(rest[2] ?? '') && rest.length === 3) {
            gw.dpd = Number(rest[2]);
            return ok();
          }
          return unknown('not an ike gateway statement the reader knows');
        }
        // IKE and IPsec globals a saved configuration prints, which change nothing the model holds.
        if (what === 'ike' && ((w[2] === 'respond-bad-spi' && w.length === 4) || (w[2] === 'ikev2' && w[3] === 'ike-sa-soft-lifetime' && w.length === 5))) return ok();
        if (what === 'ipsec' && w[2] === 'access-session') return ok();

        if (what === 'vpn') {
          const name = w[2] ?? '';
          const rest = w.slice(3);
          if (rest[0] === 'gateway') {
            const gw = gateways.get(rest[1] ?? '');
            if (!gw) return unknown(`ike gateway "${rest[1]}" is not defined before`);
            let at = rest.indexOf('proposal');
            if (at < 0) at = rest.indexOf('sec-level');
            const options = rest.slice(2, at < 0 ? undefined : at);
            if (at < 0 || at + 1 >= rest.length || !options.every((o, i) => ['replay', 'no-replay', 'tunnel', 'transport', 'idletime'].includes(o) || options[i - 1] === 'idletime')) return unknown('not a vpn gateway statement the reader knows (… proposal <p2-proposal>… or sec-level …)');
            const vpn: Vpn = { gateway: gw, proposals: [], proxyIds: [], policies: [] };
            if (rest[at] === 'sec-level') {
              const set = SEC_LEVEL[rest[at + 1] ?? ''];
              if (!set || at + 2 !== rest.length) return unknown('sec-level is standard, compatible or basic, last');
              vpn.proposals.push(...set.p2.map((p) => predefined(p, 2) as Proposal));
            } else {
              for (const p of rest.slice(at + 1)) {
                const got = p2.get(p) ?? predefined(p, 2);
                if (!got) return unknown(`p2-proposal "${p}" is not defined before`);
                vpn.proposals.push(got);
              }
            }
            vpns.set(name, vpn);
            return ok();
          }
          const vpn = vpns.get(name);
          if (!vpn) return unknown(`vpn "${name}" is not defined before`);
          if (rest[0] === 'monitor') {
            // monitor [source-interface <if> [destination-ip <ip>]] [optimized] [rekey]
            const m = rest.slice(1);
            const got: NonNullable<Vpn['monitor']> = { optimized: false, rekey: false };
            let i = 0;
            if (m[i] === 'source-interface' && m[i + 1] !== undefined) {
              got.sourceInterface = m[i + 1];
              i += 2;
            }
            if (m[i] === 'destination-ip') {
              if (m[0] !== 'source-interface') return unknown('destination-ip needs a source-interface before it');
              if (!parseIp(m[i + 1] ?? '').ok) return unknown('destination-ip takes an address');
              got.destinationIp = m[i + 1];
              i += 2;
            }
            for (; m[i] === 'optimized' || m[i] === 'rekey'; i++) got[m[i] as 'optimized' | 'rekey'] = true;
            if (i !== m.length) return unknown('not a vpn monitor statement the reader knows');
            vpn.monitor = got;
            return ok();
          }
          // [id 0xN] bind interface <tunnel.N>
          const bind = rest[0] === 'id' ? rest.slice(2) : rest;
          if (bind[0] === 'bind' && bind[1] === 'interface' && bind.length === 3) {
            vpn.tunnelInterface = bind[2];
            if (rest[0] === 'id' && /^0x[0-9a-f]+$/i.test(rest[1] ?? '')) vpn.id = Number.parseInt((rest[1] as string).slice(2), 16);
            return ok();
          }
          if (rest[0] === 'proxy-id' && rest[1] === 'check' && rest.length === 2) return ok();
          if (rest[0] === 'proxy-id' && rest[1] === 'local-ip' && rest[3] === 'remote-ip' && rest.length === 6) {
            const local = prefix(rest[2] ?? '');
            const remote = prefix(rest[4] ?? '');
            const service = serviceOf(services, rest[5] ?? '');
            if (!local || !remote || local.family !== remote.family) return unknown('a proxy ID takes two prefixes of one family');
            if (!service || service.length !== 1) return unknown(service ? `service "${rest[5]}" is several services; a proxy ID takes one` : `service "${rest[5]}" is not defined before`);
            vpn.proxyIds.push({ local, remote, service: service[0] as Service });
            return ok();
          }
          return unknown('not a vpn statement the reader knows');
        }

        if (what === 'interface') {
          const ifName = w[2] ?? '';
          // The interface as the model has it, made by the first statement that gives it a zone, an address or NAT.
          const iface = () => {
            const got = ifaces.get(ifName) ?? { kind: kindOf(ifName) };
            ifaces.set(ifName, got);
            return got;
          };
          if (w[3] === 'zone' && w.length === 5) {
            iface().zone = w[4];
            return ok();
          }
          if (w[3] === 'ip' && w[4] === 'unnumbered' && w[5] === 'interface' && w.length === 7) {
            iface();
            return ok();
          }
          if (w[3] === 'ip' && w.length === 5 && w[4] !== 'manageable') {
            const [a, l] = (w[4] ?? '').split('/');
            if (!parseIp(a ?? '').ok || !/^\d{1,3}$/.test(l ?? '')) return unknown('not an interface address (address/length)');
            // 0.0.0.0/0 is an interface with no address (a DHCP client before its lease).
            if (a !== '0.0.0.0') iface().address = w[4];
            return ok();
          }
          if (w[3] === 'nat' && w.length === 4) {
            // NAT mode: traffic from this interface to the Untrust zone leaves with the egress
            // interface's address (Volume 2, "Interfaces", "NAT Mode"). Not a rule the model
            // holds per interface pair: ignored; VPN translations are the MIPs and DIPs below.
            lines.ignored++;
            return;
          }
          if (w[3] === 'route' && w.length === 4) return ok();
          // set interface <if> mip <ip> host <ip> netmask <mask> [vr <vr>]
          if (w[3] === 'mip' && w[5] === 'host' && w[7] === 'netmask' && (w.length === 9 || (w[9] === 'vr' && w.length === 11))) {
            iface();
            mips.push({ iface: ifName, mip: w[4] ?? '', host: w[6] ?? '', mask: w[8] ?? '', line: { file: f.name, n: n + 1, text } });
            return;
          }
          // set interface <if> dip <id> <first> <last>
          if (w[3] === 'dip' && w.length === 7) {
            iface();
            dips.push({ iface: ifName, id: w[4] ?? '', from: w[5] ?? '', to: w[6] ?? '', line: { file: f.name, n: n + 1, text } });
            return;
          }
          if (w[3] === 'tunnel' || w[3] === 'mip' || w[3] === 'dip') return unknown('not an interface statement the reader knows');
          // Management, ports of a bridge group, DHCP, modem, MTU…: nothing about VPNs.
          lines.ignored++;
          return;
        }

        if (what === 'route') {
          const r = prefix(w[2] ?? '');
          // set route <prefix> interface <if> [gateway <ip>] [preference <n>] [metric <n>] [permanent] [description "…"] [tag <n>]
          if (!r || w[3] !== 'interface' || w[4] === undefined) return unknown('not a route the reader knows (set route <prefix> interface <if> [gateway <ip>] [preference <n>] [metric <n>])');
          const route: Route = { destination: formatRange(r), interface: w[4] };
          for (let i = 5; i < w.length; i++) {
            const k = w[i];
            if (k === 'gateway' && parseIp(w[i + 1] ?? '').ok) route.nextHop = w[++i];
            else if (k === 'metric' && /^\d+$/.test(w[i + 1] ?? '')) route.metric = Number(w[++i]);
            else if ((k === 'preference' || k === 'tag') && /^\d+$/.test(w[i + 1] ?? '')) i++;
            else if (k === 'description' && w[i + 1] !== undefined) i++;
            else if (k === 'permanent') continue;
            else return unknown(`"${k}" is not a route option the reader knows`);
          }
          // A route to the null interface drops the traffic: no interface of the model forwards it.
          if (route.interface !== 'null' && validOr(RouteSchema, route, unknown)) routes.push(route);
          return ok();
        }

        if (what === 'address') {
          // set address <zone> <name> <ip> <mask> ["comment"] | <ip6>/<len> ["comment"] | <prefix> ["comment"]
          const slash = (w[4] ?? '').includes('/');
          const r = !slash && w.length >= 6 && w.length <= 7 ? withMask(w[4] ?? '', w[5] ?? '') : slash && w.length >= 5 && w.length <= 6 ? prefix(w[4] ?? '') : undefined;
          if (!r) return unknown('not an address object the reader knows (an address and netmask, or a prefix)');
          addresses.set(key(w[2] ?? '', w[3] ?? ''), [r]);
          // The address book by zone and prefix, for the box's names of what its tunnels name (the first entry of a prefix).
          const zone = (w[2] ?? '').toLowerCase();
          const text = cidr(r);
          const book = addressBook.get(zone) ?? new Map<string, string>();
          addressBook.set(zone, book);
          if (text !== undefined && !book.has(text)) book.set(text, w[3] ?? '');
          return ok();
        }

        if (what === 'group' && w[2] === 'address') {
          // set group address <zone> <name> [comment "…"] | … add <member>
          const k = key(w[3] ?? '', w[4] ?? '');
          if (w.length === 5 || (w[5] === 'comment' && w.length === 7)) {
            if (!addresses.has(k)) addresses.set(k, []);
            return ok();
          }
          if (w[5] === 'add' && w.length === 7) {
            const group = addresses.get(k);
            const member = lookup(addresses, w[3] ?? '', w[6] ?? '');
            if (!group || !member) return unknown(`${group ? `address "${w[6]}"` : `group "${w[4]}"`} is not defined before in its zone`);
            group.push(...member);
            return ok();
          }
          return unknown('not an address group statement the reader knows');
        }

        if (what === 'group' && w[2] === 'service') {
          const name = w[3] ?? '';
          if (w.length === 4 || (w[4] === 'comment' && w.length === 6)) {
            if (!services.has(name)) services.set(name, []);
            return ok();
          }
          if (w[4] === 'add' && w.length === 6) {
            const group = services.get(name);
            const member = serviceOf(services, w[5] ?? '');
            if (!group || !member) return unknown(`${group ? `service "${w[5]}"` : `service group "${name}"`} is not defined before`);
            group.push(...member);
            return ok();
          }
          return unknown('not a service group statement the reader knows');
        }

        if (what === 'service') {
          // set service <name> protocol tcp|udp|<n> src-port <a-b> dst-port <c-d> [timeout <n>]
          // set service <name> + tcp|udp src-port <a-b> dst-port <c-d> (a further protocol of it)
          const more = w[3] === '+';
          const proto = w[4] === 'tcp' ? 6 : w[4] === 'udp' ? 17 : /^\d+$/.test(w[4] ?? '') ? Number(w[4]) : undefined;
          const src = ports(w[6]);
          const dst = ports(w[8]);
          const tail = w.length === 9 || (w[9] === 'timeout' && w.length === 11);
          if ((w[3] !== 'protocol' && !more) || proto === undefined || w[5] !== 'src-port' || w[7] !== 'dst-port' || !src || !dst || !tail) return unknown('not a service the reader knows');
          const svc = { protocol: proto, src, dst };
          const had = services.get(w[2] ?? '');
          if (more && !had) return unknown(`service "${w[2]}" is not defined before`);
          if (more) had?.push(svc);
          else services.set(w[2] ?? '', [svc]);
          return ok();
        }

        if (what === 'policy') return policy(w, policies, addresses, services, vpns, unknown, ok);

        if (what === 'ike' || what === 'ipsec') return unknown(`not an ${what} statement the reader knows`);
        return unknown('not a ScreenOS statement the reader knows');
      });
    }

    // Policies into a VPN are its proxy IDs (policy-based, KB16008); a policy and its mirror are one.
    for (const p of policies) {
      if (p.disabled || p.vpn === undefined) continue;
      const vpn = vpns.get(p.vpn);
      if (!vpn) continue;
      for (const s of p.src) for (const d of p.dst) for (const svc of p.services) {
        if (s.family !== d.family) continue;
        const mirrored = vpn.policies.some((x) => same(x.local, d) && same(x.remote, s) && x.service === svc);
        if (!mirrored) vpn.policies.push({ local: s, remote: d, service: svc });
      }
    }

    const meaningOf = (ps: readonly Proposal[]) => ps.map((p) => p.meaning);
    const policyIndex = indexPolicies(policies);
    // The box's name of each one-protocol service, by what it is: those the file defines first, then the predefined ones.
    const serviceNames = new Map<string, string>();
    for (const [n, svc] of [...services, ...Object.entries(PREDEFINED_SERVICES)]) {
      const one = svc.length === 1 ? svc[0] : undefined;
      if (one && one.protocol !== 0 && !serviceNames.has(serviceSignature(one))) serviceNames.set(serviceSignature(one), n);
    }
    // The routes by interface, once for all VPNs (a hub of thousands of spokes).
    const routesByInterface = new Map<string, string[]>();
    for (const r of routes) {
      const list = routesByInterface.get(r.interface) ?? [];
      list.push(r.destination);
      routesByInterface.set(r.interface, list);
    }
    const localOf = (gw: Gateway) => (gw.outgoing === undefined ? undefined : ifaces.get(gw.outgoing)?.address?.split('/')[0]);
    const peers: PeerMeaning[] = [...vpns.entries()].map(([vpnName, vpn]) => {
      const gw = vpn.gateway;
      const selectors = vpn.tunnelInterface !== undefined ? vpn.proxyIds : vpn.policies;
      // No proxy ID: ScreenOS proposes 0.0.0.0/0 <-> 0.0.0.0/0 any (KB16008).
      // Policy-based with no policy into the VPN: nothing is tunnelled.
      const list = selectors.length > 0 || vpn.tunnelInterface === undefined ? selectors : [{ local: any4, remote: any4, service: ANY_SERVICE }];
      const tunnelRoutes = vpn.tunnelInterface !== undefined ? (routesByInterface.get(vpn.tunnelInterface) ?? []) : [];
      const esp = { proposals: meaningOf(vpn.proposals), ...(vpn.proposals[0] ? { lifetimeSeconds: vpn.proposals[0].lifetimeSeconds } : {}) };
      const children: ChildMeaning[] = list.map((s) => ({ local: side(s.local, s.service.protocol, s.service.src), remote: side(s.remote, s.service.protocol, s.service.dst), esp }));
      return {
        remoteAddress: parseIp(gw.address).ok ? gw.address : '',
        // This box's IKE address: that of its outgoing interface, when the file gives it one.
        ...(localOf(gw) !== undefined ? { localAddress: localOf(gw) as string } : {}),
        ikeVersion: gw.ikeVersion,
        ...(gw.mode ? { exchangeMode: gw.mode } : {}),
        ike: { proposals: meaningOf(gw.proposals), ...(gw.proposals[0] ? { lifetimeSeconds: gw.proposals[0].lifetimeSeconds } : {}) },
        auth: { method: gw.auth, ...(gw.localId ? { localId: `${identity(gw.localId)}:${gw.localId}` } : {}), ...(gw.remoteId ? { remoteId: `${identity(gw.remoteId)}:${gw.remoteId}` } : {}) },
        ...(gw.dpd !== undefined ? { dpd: { intervalSeconds: gw.dpd } } : {}),
        children,
        routes: tunnelRoutes,
        // For import: the VPN names the tunnel; the gateway's outgoing interface, the tunnel
        // interface it is bound to (route-based), the key only when in clear, NAT-T (off unless
        // enabled), the VPN monitor as its line says.
        name: vpnName,
        ...(gw.outgoing !== undefined ? { outsideInterface: gw.outgoing } : {}),
        ...(vpn.tunnelInterface !== undefined ? { tunnelInterface: vpn.tunnelInterface } : {}),
        ...(gw.psk !== undefined ? { pskPresent: true, ...(gw.psk.clear ? { psk: gw.psk.text } : {}) } : {}),
        natTraversal: gw.natTraversal ?? false,
        ...(vpn.monitor ? { monitor: { ...vpn.monitor } } : {}),
        vendorOptions: { screenos: boxNames(vpnName, vpn, list, tunnelRoutes, ifaces, policyIndex, addressBook, serviceNames) },
      };
    });
    const device = deviceOf({ hostname, ifaces, routes, policies, mips, dips, vpns, lines });
    const meaning: ConfigMeaning = { peers, device };
    return { ok: true, meaning, lines } satisfies ReadResult;
  },

  recognize(text) {
    // ScreenOS: `set`/`unset` lines whose second word is a ScreenOS subsystem (interface, not
    // Junos's interfaces; policy id/from, not PAN-OS's rulebase), `exit` closing a context.
    let own = 0;
    let all = 0;
    let hallmark = false;
    for (const raw of text.split('\n')) {
      const t = raw.trim();
      if (t === '' || t.startsWith('#')) continue;
      all++;
      // ScreenOS prints every statement at the left margin (FortiOS indents its set lines).
      if (raw.trimEnd() !== t) continue;
      if (t === 'exit' || /^Total Config size \d+:$/.test(t)) {
        own++;
        continue;
      }
      const m = /^(?:set|unset) (\S+)(?: (.*))?$/.exec(t);
      if (!m) continue;
      const [, what, rest = ''] = m;
      const mine =
        what === 'interface' ? /^"?[a-z]+[0-9/.:]*"? (?:zone|ip|nat|route|manage|mip|dip|port|dhcp|mtu|bypass|modem|manage-ip|phy|tag|description)\b/.test(rest)
        : what === 'address' ? /^"[^"]*" "[^"]*" /.test(rest) || /^\S+ \S+ \d+\.\d+\.\d+\.\d+[ /]/.test(rest)
        : what === 'zone' ? /^(?:"[^"]*"|id \d+) /.test(rest)
        : what === 'policy' ? /^(?:id \d+|top|from|name|before|after)\b/.test(rest)
        : what === 'ike' ? /^(?:gateway|p1-proposal|p2-proposal|respond-bad-spi|ikev2|ikeid-enumeration|dos-protection)\b/.test(rest)
        : what === 'vpn' ? /^"[^"]*" /.test(rest) || /^\S+ (?:gateway|id|bind|proxy-id|monitor) /.test(rest)
        : what === 'route' ? /^[0-9a-f:.]+\/\d+ (?:interface|gateway) /.test(rest)
        : what === 'service' ? /^"?[^"]*"? (?:protocol|\+) /.test(rest) || /^"[^"]*"$/.test(rest)
        : what === 'group' ? /^(?:address|service) /.test(rest)
        : what === 'hostname' ? /^\S+$/.test(rest)
        : what === 'vrouter' ? true
        : what === 'ipsec' ? /^access-session\b/.test(rest)
        // Statements of a context (a policy's, a virtual router's).
        : ['src-address', 'dst-address', 'auto-route-export', 'add-default-route', 'sharable'].includes(what as string) ? true
        : UNRELATED.has(what as string) && !['system', 'security'].includes(what as string);
      if (!mine) continue;
      own++;
      if (['interface', 'policy', 'ike', 'vpn', 'vrouter'].includes(what as string)) hallmark = true;
    }
    return all === 0 || !hallmark ? 0 : own / all;
  },
};

/**
 * Whether a key after `preshare` has the shape ScreenOS prints a key it has encrypted in: a
 * saved configuration (`get config`) never shows the key typed, but a Base64 text of 24 or more
 * characters ending in "==" (the shape saved ScreenOS keys have, as in the fixture's
 * `preshare "lBtJ0T0YN4jSg1sMsHCwGkDZ6gnyKt9DaQ=="`; no Juniper document at hand describes the
 * encryption, so the shape is a guess on the safe side: such a key is kept as present only). A key typed in the CLI (the
 * guide's `preshare h1p8A24nG5`, the exporter's lines) is the key in clear; a file that begins
 * with `Total Config size` is `get config` output, whose keys are all encrypted.
 */
function encryptedShape(key: string): boolean {
  return key.length >= 24 && key.length % 4 === 0 && /^[A-Za-z0-9+/]+==$/.test(key);
}

/** ScreenOS names its tunnel interfaces tunnel.N and its loopbacks loopback.N (Volume 2, "Interfaces"). */
function kindOf(name: string): Interface['kind'] {
  return /^tunnel\.\d+$/.test(name) ? 'tunnel' : /^loopback\.\d+$/.test(name) ? 'loopback' : 'physical';
}

/** Address-book key: zones are matched without case ("trust" is "Trust"). */
const key = (zone: string, name: string) => `${zone.toLowerCase()}/${name}`;

/** The ranges of an address or group of a zone; "Any" (and "Any-IPv4", "Any-IPv6") are the predefined any addresses of every zone, "MIP(<ip>)" a mapped IP's. */
function lookup(addresses: ReadonlyMap<string, AddressRange[]>, zone: string, name: string): AddressRange[] | undefined {
  const got = addresses.get(key(zone, name));
  if (got) return got;
  const n = name.toLowerCase();
  if (n === 'any' || n === 'any-ipv4') return [any4];
  // "MIP(1.1.1.5)": the address of a mapped IP, as a policy names it (Volume 8, "Mapped IP Addresses").
  const mip = /^MIP\((\d+\.\d+\.\d+\.\d+)\)$/.exec(name);
  if (mip) {
    const r = prefix(`${mip[1] as string}/32`);
    return r ? [r] : undefined;
  }
  if (n === 'any-ipv6') return [{ family: 6, from: 0n, to: (1n << 128n) - 1n }];
  return undefined;
}

function serviceOf(services: ReadonlyMap<string, Service[]>, name: string): Service[] | undefined {
  return services.get(name) ?? PREDEFINED_SERVICES[name.toUpperCase()];
}

/** A model value the schema refuses (a name with characters it does not allow) is reported with the schema's message. */
function validOr(schema: { safeParse(v: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, unknown: (why: string) => void): boolean {
  const r = schema.safeParse(value);
  if (!r.success) unknown(`the model cannot hold it: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.success;
}

/**
 * set policy [id <n>] [top|before <n>|after <n>] [name "<name>"] from <zone> to <zone> <src> <dst>
 * <service> [nat src [dip-id <n>]] permit|deny|reject|tunnel vpn <vpn> [id 0x<n>] [pair-policy <n>]
 * [log] [count]; `set policy id <n> disable`.
 */
function policy(w: readonly string[], policies: Policy[], addresses: ReadonlyMap<string, AddressRange[]>, services: ReadonlyMap<string, Service[]>, vpns: ReadonlyMap<string, Vpn>, unknown: (why: string) => void, ok: () => void): void {
  let i = 2;
  let id: string | undefined;
  let name: string | undefined;
  if (w[i] === 'id' && /^\d+$/.test(w[i + 1] ?? '')) {
    id = w[i + 1];
    i += 2;
  }
  if (id !== undefined && w[i] === 'disable' && w.length === i + 1) {
    const p = policies.find((x) => x.id === id);
    if (!p) return unknown(`policy ${id} is not defined before`);
    p.disabled = true;
    return ok();
  }
  if (w[i] === 'top') i++;
  else if ((w[i] === 'before' || w[i] === 'after') && /^\d+$/.test(w[i + 1] ?? '')) i += 2;
  if (w[i] === 'name' && w[i + 1] !== undefined) {
    name = w[i + 1];
    i += 2;
  }
  if (w[i] !== 'from' || w[i + 2] !== 'to' || w.length < i + 8) return unknown('not a policy the reader knows (set policy [id <n>] [name "<name>"] from <zone> to <zone> <src> <dst> <service> <action>)');
  const fromZone = w[i + 1] as string;
  const toZone = w[i + 3] as string;
  const src = lookup(addresses, fromZone, w[i + 4] ?? '');
  const dst = lookup(addresses, toZone, w[i + 5] ?? '');
  const svc = serviceOf(services, w[i + 6] ?? '');
  if (!src || !dst) return unknown('an address the policy names is not defined before in its zone');
  if (!svc) return unknown(`service "${w[i + 6]}" is not defined before`);
  let j = i + 7;
  let dipId: string | undefined;
  if (w[j] === 'nat' && w[j + 1] === 'src') {
    j += 2;
    if (w[j] === 'dip-id' && /^\d+$/.test(w[j + 1] ?? '')) {
      dipId = w[j + 1];
      j += 2;
    }
  }
  if (w[j] === 'nat' && w[j + 1] === 'dst') return unknown('destination NAT in a policy, which the reader does not read');
  let action: Policy['action'];
  let vpn: string | undefined;
  if (w[j] === 'permit') {
    action = 'allow';
    j++;
  } else if (w[j] === 'deny' || w[j] === 'reject') {
    action = 'deny';
    j++;
  } else if (w[j] === 'tunnel' && w[j + 1] === 'vpn' && w[j + 2] !== undefined) {
    const named = w[j + 2] as string;
    if (!vpns.has(named)) return unknown(`vpn "${named}" is not defined before`);
    vpn = named;
    action = 'allow';
    j += 3;
    if (w[j] === 'id' && /^0x[0-9a-f]+$/i.test(w[j + 1] ?? '')) j += 2;
    if (w[j] === 'pair-policy' && /^\d+$/.test(w[j + 1] ?? '')) j += 2;
  } else return unknown('not a policy action the reader knows (permit, deny, reject, tunnel vpn <vpn>)');
  while (w[j] === 'log' || w[j] === 'count') j++;
  if (j !== w.length) return unknown(`"${w[j]}" is not a policy option the reader knows`);
  policies.push({ ...(id !== undefined ? { id } : {}), name: name ?? (id !== undefined ? `policy ${id}` : `policy ${policies.length + 1}`), fromZone, toZone, src: [...src], dst: [...dst], services: [...svc], action, ...(vpn !== undefined ? { vpn } : {}), ...(dipId !== undefined ? { dipId } : {}), disabled: false });
  return ok();
}

/** A service as the model's protocol and destination port. */
function modelService(s: Service): { protocol: SecurityPolicy['protocol']; port: string } {
  const port = s.dst[0] === 0 && s.dst[1] === 65535 ? 'any' : s.dst[0] === s.dst[1] ? String(s.dst[0]) : `${s.dst[0]}-${s.dst[1]}`;
  return { protocol: s.protocol === 0 ? 'any' : s.protocol, port: s.protocol === 1 ? 'any' : port };
}

/** The netmask of a MIP as a prefix length, or undefined. */
function maskBits(mask: string): number | undefined {
  const r = withMask('0.0.0.0', mask);
  return r ? prefixLength(r) : undefined;
}

/** The device part: interfaces, routes, policies in order, and the NAT that concerns VPN traffic. */
function deviceOf(s: {
  hostname: string | undefined;
  ifaces: ReadonlyMap<string, { kind: Interface['kind']; address?: string; zone?: string }>;
  routes: Route[];
  policies: readonly Policy[];
  mips: readonly { iface: string; mip: string; host: string; mask: string; line: { file: string; n: number; text: string } }[];
  dips: readonly { iface: string; id: string; from: string; to: string; line: { file: string; n: number; text: string } }[];
  vpns: ReadonlyMap<string, Vpn>;
  lines: LineAccount;
}): DeviceMeaning {
  const report = (l: { file: string; n: number; text: string }) => (why: string) => s.lines.unknown.push({ file: l.file, line: l.n, text: `${l.text} (${why})` });
  const interfaces: Interface[] = [];
  for (const [name, it] of s.ifaces) {
    const i: Interface = { name, kind: it.kind, ...(it.address ? { address: it.address } : {}), ...(it.zone ? { zone: it.zone } : {}) };
    if (InterfaceSchema.safeParse(i).success) interfaces.push(i);
  }
  // A tunnel interface a VPN is bound to exists, even when no statement gives it a zone or address.
  const named = new Set(interfaces.map((i) => i.name));
  for (const v of s.vpns.values()) {
    const t = v.tunnelInterface;
    if (t !== undefined && !named.has(t) && InterfaceSchema.safeParse({ name: t, kind: 'tunnel' }).success) {
      interfaces.push({ name: t, kind: 'tunnel' });
      named.add(t);
    }
  }
  const policies: SecurityPolicy[] = [];
  const natRules: NatRule[] = [];
  const live = s.policies.filter((p) => !p.disabled);
  // ScreenOS names need not be unique (the guide's two "To/From Paris" policies): a name two
  // policies share is told apart by the policy's id, or its place in the file when it has none.
  const shared = new Map<string, number>();
  for (const p of live) shared.set(p.name, (shared.get(p.name) ?? 0) + 1);
  const taken = new Set<string>();
  // A name the file gives one policy alone is that policy's: a generated name never takes it.
  const reserved = new Set([...shared].filter(([, n]) => n === 1).map(([name]) => name));
  /** The name within the model's limit (the file's name shortened, its suffix whole), not one already given nor another policy's own. */
  const unique = (base: string, suffix: string, own: string | undefined): string => {
    for (let n = 1; ; n++) {
      const tail = `${suffix}${n > 1 ? ` (${n})` : ''}`;
      const name = `${base.slice(0, Math.max(0, LIMITS.name - tail.length)).trimEnd()}${tail}`;
      if (!taken.has(name) && (!reserved.has(name) || name === own)) {
        taken.add(name);
        return name;
      }
    }
  };
  const baseOf = new Map<Policy, string>();
  const ordinalOf = new Map(s.policies.map((p, i) => [p, i + 1]));
  for (const p of live) {
    const ordinal = ordinalOf.get(p) ?? 0;
    const which = (shared.get(p.name) ?? 0) > 1 ? ` (${p.id !== undefined ? `id ${p.id}` : `policy ${ordinal}`})` : '';
    baseOf.set(p, `${p.name}${which}`);
    const combos: Omit<SecurityPolicy, 'name'>[] = [];
    for (const a of p.src) for (const b of p.dst) for (const v of p.services) {
      if (a.family !== b.family) continue;
      combos.push({ fromZone: p.fromZone, toZone: p.toZone, source: formatRange(a, '-'), destination: formatRange(b, '-'), ...modelService(v), action: p.action });
    }
    combos.forEach((c, k) => {
      const sp: SecurityPolicy = { name: unique(p.name, `${which}${combos.length === 1 ? '' : ` #${k + 1}`}`, which === '' && combos.length === 1 ? p.name : undefined), ...c };
      if (SecurityPolicySchema.safeParse(sp).success) policies.push(sp);
    });
  }
  // A DIP pool concerns VPNs when a policy into a VPN translates its sources to it; a MIP when a
  // policy into a VPN reaches it (its destination is the MIP's address); the others translate
  // traffic that does not cross a VPN: ignored.
  const tunnelPolicies = live.filter((p) => p.vpn !== undefined);
  for (const d of s.dips) {
    const users = tunnelPolicies.filter((p) => p.dipId === d.id);
    if (users.length === 0) {
      s.lines.ignored++;
      continue;
    }
    s.lines.used++;
    for (const p of users) {
      p.src.forEach((a, k) => {
        const rule: NatRule = { name: `${baseOf.get(p) ?? p.name} dip-id ${d.id}${p.src.length > 1 ? ` #${k + 1}` : ''}`, kind: 'source', original: formatRange(a, '-'), translated: d.from === d.to ? d.from : `${d.from}-${d.to}`, interface: d.iface };
        if (validOr(NatRuleSchema, rule, report(d.line))) natRules.push(rule);
      });
    }
  }
  for (const m of s.mips) {
    const bits = maskBits(m.mask);
    const mip = prefix(`${m.mip}/${bits ?? 32}`);
    const concerns = mip !== undefined && tunnelPolicies.some((p) => p.dst.some((d) => d.from <= mip.from && mip.to <= d.to && !(d.from === 0n && d.to === 0xffffffffn)));
    if (!concerns) {
      s.lines.ignored++;
      continue;
    }
    if (bits === undefined) {
      report(m.line)('the netmask is not a prefix');
      continue;
    }
    s.lines.used++;
    const rule: NatRule = { name: `MIP(${m.mip})`, kind: 'destination', original: bits === 32 ? m.mip : `${m.mip}/${bits}`, translated: bits === 32 ? m.host : `${m.host}/${bits}`, interface: m.iface };
    if (validOr(NatRuleSchema, rule, report(m.line))) natRules.push(rule);
  }
  const bound = [...s.vpns.values()].some((v) => v.tunnelInterface !== undefined);
  const tunnelled = tunnelPolicies.length > 0;
  return {
    ...(s.hostname !== undefined ? { hostname: s.hostname } : {}),
    ...(bound ? { vpnType: 'route-based' as const } : tunnelled ? { vpnType: 'policy-based' as const } : {}),
    interfaces,
    routes: s.routes,
    natRules,
    policies,
  };
}
