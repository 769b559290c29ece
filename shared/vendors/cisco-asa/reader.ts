// Reads a Cisco ASA configuration's site-to-site VPNs back (configuration import): crypto maps
// bound to an interface (static entries and dynamic crypto maps, which only answer), virtual
// tunnel interfaces with their IPsec profiles, their crypto ACLs (access-list … extended, with the
// network and service objects and object groups they name), IKEv1 transform sets and IKEv2 IPsec
// proposals, the IKE policies (global on the box: every peer may negotiate any of them), each
// peer's tunnel group; and the box itself: hostname, version, model, interfaces (nameif,
// security-level, ip address), static routes, the NAT rules (identity NAT exempting VPN traffic,
// source NAT), and the access lists applied with access-group as its security policy.
// Statements follow the "CLI Book 3: Cisco ASA Series VPN CLI Configuration Guide, 9.x" ("IPsec
// and ISAKMP", "LAN-to-LAN IPsec VPNs", "Virtual Tunnel Interface"), "CLI Book 2: Firewall" ("Network
// Address Translation", "Access Rules"), "CLI Book 1: General Operations" ("Objects for Access
// Control", "Basic Interface Configuration", "Static and Default Routes"); names may be used before
// the statement defining them (a running configuration lists crypto maps before tunnel groups),
// so references are resolved at the end.
import type { DhGroup, Encryption, Integrity, Interface, NatRule, Route, SecurityPolicy, VendorOptions } from '../../model/document';
import { ANY4, ANY6, CiscoConfig, aclProtocol, hostRange, maskedRange, num, prefixRange, side, starts, type Statement } from '../families/cisco-config';
import { addressText, exemption, ignoreUnrelated, interfaceAddress, policyOf, recognizeCisco } from '../families/cisco-device';
import { cidr } from '../kit/export/addresses';
import { LIMITS } from '../../model/text';
import type { AddressRange } from '../../net/address';
import type { ChildMeaning, DeviceMeaning, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { ASA_NAME, ASA_NAT_EXEMPTION, ASA_OBJECT_ADDRESS, asaEndOptions, type AsaEndOptions } from './options';

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
/**
 * The tunnel group a peer with no tunnel group of its own address uses, as a dynamic crypto map's
 * peers do ("LAN-to-LAN IPsec VPNs": DefaultL2LGroup).
 */
const DEFAULT_L2L = 'DefaultL2LGroup';

/**
 * Port names the ASA writes in place of numbers ("CLI Book 1", "Addresses, Protocols, and Ports":
 * TCP and UDP ports and literal values).
 */
const PORT_NAMES: Record<string, number> = {
  aol: 5190, bgp: 179, biff: 512, bootpc: 68, bootps: 67, chargen: 19, 'cifs': 3020, 'citrix-ica': 1494, cmd: 514, ctiqbe: 2748, daytime: 13, discard: 9, dnsix: 195, domain: 53, echo: 7, exec: 512, finger: 79, ftp: 21, 'ftp-data': 20, gopher: 70, h323: 1720, hostname: 101, http: 80, https: 443, ident: 113, imap4: 143, irc: 194, isakmp: 500, kerberos: 750, klogin: 543, kshell: 544, ldap: 389, ldaps: 636, login: 513, lotusnotes: 1352, lpd: 515, 'mobile-ip': 434, nameserver: 42, 'netbios-dgm': 138, 'netbios-ns': 137, 'netbios-ssn': 139, nfs: 2049, nntp: 119, ntp: 123, pcanywhere: 5632, 'pcanywhere-data': 5631, 'pim-auto-rp': 496, pop2: 109, pop3: 110, pptp: 1723, radius: 1645, 'radius-acct': 1646, rip: 520, rsh: 514, rtsp: 554, secureid: 5510, sip: 5060, smtp: 25, snmp: 161, snmptrap: 162, sqlnet: 1521, ssh: 22, sunrpc: 111, syslog: 514, tacacs: 49, talk: 517, telnet: 23, tftp: 69, time: 37, uucp: 540, who: 513, whois: 43, www: 80, xdmcp: 177,
};

interface Policy {
  priority: number;
  proposal: ProposalMeaning;
  lifetime: number;
  auth?: 'psk' | 'certificate';
}

/** A crypto map entry, dynamic crypto map entry or IPsec profile: what it sets. */
interface Entry {
  map: string;
  seq: number;
  peer?: string;
  acl?: string;
  /** `crypto map M N ipsec-isakmp dynamic D`: the dynamic map's entries stand for this one. */
  dynamic?: string;
  transformSets: string[];
  ipsecProposals: string[];
  pfs?: DhGroup;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  aggressive: boolean;
  answerOnly: boolean;
  natTraversal: boolean;
  /** Its statements: used when the map is bound to an interface, else set aside (an unbound map does nothing). */
  lines: Statement[];
}

interface TunnelGroup {
  l2l: boolean;
  psk: boolean;
  key?: string;
  certificate: boolean;
  keepalive?: number | 'off';
}

/** An interface as the file configures it, by its hardware name. */
interface AsaInterface {
  hw: string;
  nameif?: string;
  address?: string;
  tunnel?: { source?: string; destination?: string; profile?: string; family?: 'ipv4' | 'ipv6' };
}

/** One service an ACL line or service object means: a protocol and its ports. */
interface Service {
  protocol: number;
  src?: { from: number; to: number };
  dst?: { from: number; to: number };
}

/** One ACL line as the traffic it matches: every source, destination and service combination. */
interface Ace {
  action: 'permit' | 'deny';
  flows: { src: AddressRange; dst: AddressRange; service: Service }[];
}

/** Maps each word through `table`; undefined when one is not in it. */
function all<T>(words: readonly string[], table: Record<string, T>): T[] | undefined {
  const out = words.map((w) => table[w]);
  return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

const group = (w: string | undefined): DhGroup | undefined => num(w) as DhGroup | undefined;
const portNumber = (w: string | undefined): number | undefined => num(w) ?? (w !== undefined ? PORT_NAMES[w] : undefined);

/** A port condition at `w[i]` (`eq P`, `lt P`, `gt P`, `range A B`, names or numbers). */
function portsAt(w: readonly string[], i: number): { from: number; to: number; taken: number } | undefined {
  const op = w[i];
  const a = portNumber(w[i + 1]);
  if (a === undefined) return undefined;
  if (op === 'eq') return { from: a, to: a, taken: 2 };
  if (op === 'lt') return { from: 0, to: a - 1, taken: 2 };
  if (op === 'gt') return { from: a + 1, to: 65535, taken: 2 };
  if (op === 'range') {
    const b = portNumber(w[i + 2]);
    return b === undefined ? undefined : { from: a, to: b, taken: 3 };
  }
  return undefined;
}

/** The network, service and port objects and object groups of the file, resolved when asked (groups may name groups). */
class Objects {
  readonly networks = new Map<string, AddressRange[]>();
  readonly networkGroups = new Map<string, { ranges: AddressRange[]; groups: string[] }>();
  readonly services = new Map<string, Service[]>();
  readonly serviceGroups = new Map<string, { services: Service[]; groups: string[] }>();
  /** `object-group service G tcp|udp|tcp-udp` with port-objects: ports, used after an address in an ACL line. */
  readonly portGroups = new Map<string, { protocols: number[]; ports: { from: number; to: number }[] }>();

  addresses(name: string, depth = 0): AddressRange[] | undefined {
    const o = this.networks.get(name);
    if (o) return o;
    const g = this.networkGroups.get(name);
    if (!g || depth > 16) return undefined;
    const nested = g.groups.map((n) => this.addresses(n, depth + 1));
    return nested.every((x) => x !== undefined) ? [...g.ranges, ...nested.flat() as AddressRange[]] : undefined;
  }

  serviceList(name: string, depth = 0): Service[] | undefined {
    const o = this.services.get(name);
    if (o) return o;
    const g = this.serviceGroups.get(name);
    if (!g || depth > 16) return undefined;
    const nested = g.groups.map((n) => this.serviceList(n, depth + 1));
    return nested.every((x) => x !== undefined) ? [...g.services, ...nested.flat() as Service[]] : undefined;
  }
}

/** `host A`, `subnet A M`, `range A B` (a network object's value), or `A M`, `host A` (a network-object). */
function objectValue(x: readonly string[]): AddressRange | undefined {
  if (x[0] === 'host' && x.length === 2) return hostRange(x[1] as string);
  if (x[0] === 'subnet' && x.length === 3) return maskedRange(x[1] as string, x[2] as string, false);
  if (x[0] === 'subnet' && x.length === 2) return prefixRange(x[1] as string);
  if (x[0] === 'range' && x.length === 3) return rangeOf(x[1] as string, x[2] as string);
  return undefined;
}

/** `service tcp|udp [source OP] [destination OP]`, `service icmp [type]`, `service ip`, `service N` after the word `service`/`service-object`. */
function serviceValue(x: readonly string[]): Service | undefined {
  const protocol = aclProtocol(x[0]);
  if (protocol === undefined) return undefined;
  const out: Service = { protocol };
  let i = 1;
  if (protocol === 6 || protocol === 17) {
    for (const dir of ['source', 'destination'] as const) {
      if (x[i] === dir) {
        const p = portsAt(x, i + 1);
        if (!p) return undefined;
        out[dir === 'source' ? 'src' : 'dst'] = { from: p.from, to: p.to };
        i += 1 + p.taken;
      }
    }
    // The older form without `destination`: `service-object tcp eq 443`.
    const bare = portsAt(x, i);
    if (bare && out.dst === undefined) {
      out.dst = { from: bare.from, to: bare.to };
      i += bare.taken;
    }
  } else if (protocol === 1 && x[1] !== undefined) {
    i = x.length; // an ICMP type does not narrow a selector the model can write
  }
  return i === x.length ? out : undefined;
}

/** One side of an ACL line at `w[i]`: `object X`, `object-group G`, `any4`, `any6`, `any`, `host A`, `interface N` or `A MASK`. */
function aclSide(w: readonly string[], i: number, objects: Objects, interfaces: ReadonlyMap<string, string>): { ranges: AddressRange[]; taken: number } | undefined {
  const a = w[i];
  if (a === 'object' || a === 'object-group') {
    const r = objects.addresses(w[i + 1] ?? '');
    return r ? { ranges: r, taken: 2 } : undefined;
  }
  if (a === 'any4') return { ranges: [ANY4], taken: 1 };
  // `any` on ASA 9.x is every address, both families ("Access Control Lists": any, any4, any6).
  if (a === 'any') return { ranges: [ANY4, ANY6], taken: 1 };
  if (a === 'any6') return { ranges: [ANY6], taken: 1 };
  if (a === 'host') {
    const r = hostRange(w[i + 1] ?? '');
    return r ? { ranges: [r], taken: 2 } : undefined;
  }
  if (a === 'interface') {
    const addr = interfaces.get(w[i + 1] ?? '');
    const r = addr ? hostRange(addr.split('/')[0] as string) : undefined;
    return r ? { ranges: [r], taken: 2 } : undefined;
  }
  const r = a && w[i + 1] ? maskedRange(a, w[i + 1] as string, false) ?? prefixRange(`${a}/${w[i + 1]}`) : undefined;
  return r ? { ranges: [r], taken: 2 } : undefined;
}

/** Ports after an ACL side: a port condition or `object-group G` of port-objects; none when neither follows. */
function aclPorts(w: readonly string[], i: number, objects: Objects): { ports?: { from: number; to: number }[]; taken: number } | undefined {
  const p = portsAt(w, i);
  if (p) return { ports: [{ from: p.from, to: p.to }], taken: p.taken };
  if (w[i] === 'object-group' && objects.portGroups.has(w[i + 1] ?? '')) return { ports: objects.portGroups.get(w[i + 1] as string)?.ports ?? [], taken: 2 };
  return { taken: 0 };
}

/**
 * `access-list N extended permit|deny <protocol> <source> [ports] <destination> [ports] [log …]`,
 * the protocol a name, a number, `object S` or `object-group S` (services); undefined when not
 * understood, 'inactive' for a line switched off.
 */
function aceOf(words: readonly string[], objects: Objects, interfaces: ReadonlyMap<string, string>): Ace | 'inactive' | undefined {
  const action = words[3];
  if (action !== 'permit' && action !== 'deny') return undefined;
  const w = words.slice(4);
  let services: Service[] | undefined;
  let i = 1;
  if (w[0] === 'object' || w[0] === 'object-group') {
    services = objects.serviceList(w[1] ?? '');
    i = 2;
  } else {
    const p = aclProtocol(w[0]);
    services = p === undefined ? undefined : [{ protocol: p }];
  }
  if (!services) return undefined;
  const src = aclSide(w, i, objects, interfaces);
  if (!src) return undefined;
  i += src.taken;
  const sp = aclPorts(w, i, objects);
  if (!sp) return undefined;
  i += sp.taken;
  const dst = aclSide(w, i, objects, interfaces);
  if (!dst) return undefined;
  i += dst.taken;
  const dp = aclPorts(w, i, objects);
  if (!dp) return undefined;
  i += dp.taken;
  let inactive = false;
  while (i < w.length) {
    if (w[i] === 'log') {
      i++;
      while (i < w.length && w[i] !== 'inactive' && w[i] !== 'time-range') i++;
    } else if (w[i] === 'inactive') {
      inactive = true;
      i++;
    } else return undefined;
  }
  if (inactive) return 'inactive';
  const flows: Ace['flows'] = [];
  for (const service of services) {
    const withPorts = (ports: { from: number; to: number }[] | undefined, own: { from: number; to: number } | undefined) => (ports ?? [own]).map((p) => p);
    for (const s of src.ranges) for (const d of dst.ranges) {
      if (s.family !== d.family) continue;
      for (const a of withPorts(sp.ports, service.src)) for (const b of withPorts(dp.ports, service.dst)) {
        flows.push({ src: s, dst: d, service: { protocol: service.protocol, ...(a ? { src: a } : {}), ...(b ? { dst: b } : {}) } });
      }
    }
  }
  return { action, flows };
}

/**
 * The network objects (`object network N`, one prefix) an ACL line names as its source and
 * destination, by the same steps as aceOf; a side given otherwise (a group, any, host, a mask) has none.
 */
/** A twice NAT that leaves the traffic between two networks untranslated: `nat (inside,outside) source static A A destination static B B`. */
interface IdentityNat {
  inside: string;
  outside: string;
  source: string;
  destination: string;
}

/** The prefix a network object of one subnet or host stands for. */
function prefixOfObject(objects: Objects, name: string | undefined): string | undefined {
  const r = name !== undefined ? objects.networks.get(name) : undefined;
  return r?.length === 1 ? cidr(r[0] as AddressRange) : undefined;
}

function aclObjects(words: readonly string[], objects: Objects, interfaces: ReadonlyMap<string, string>): { src?: string; dst?: string } {
  const w = words.slice(4);
  let i = w[0] === 'object' || w[0] === 'object-group' ? 2 : 1;
  const one = (at: number): string | undefined => {
    const n = w[at + 1];
    return w[at] === 'object' && n !== undefined && objects.networks.get(n)?.length === 1 ? n : undefined;
  };
  const src = one(i);
  i += aclSide(w, i, objects, interfaces)?.taken ?? w.length;
  i += aclPorts(w, i, objects)?.taken ?? 0;
  const dst = one(i);
  return { ...(src ? { src } : {}), ...(dst ? { dst } : {}) };
}

/**
 * The names a static crypto map entry's parts have on the box, as this product's tunnel-end
 * settings (options.ts), so that the export of the imported box writes its own names. A name
 * that does not fit a product setting (options.ts, ASA_NAME: other punctuation, longer than 64)
 * is not recorded, and the export derives one, as for a tunnel drawn in the app; so are several
 * transform sets or proposals on one entry (the export numbers its own per combination), and the
 * objects of an ACL whose first permit line names none.
 */
function boxNames(e: Entry, aclLines: readonly Statement[], objects: Objects, interfaces: ReadonlyMap<string, string>, identity: (source: string, destination: string) => (IdentityNat & { sourcePrefix: string; destinationPrefix: string }) | undefined): VendorOptions {
  const out: Partial<AsaEndOptions> = { mapSequence: e.seq };
  const fits = (v: string | undefined): v is string => v !== undefined && ASA_NAME.test(v);
  // The box's own exemption for this tunnel: an identity NAT between one network object of the
  // ACL's sources and one of its destinations, in either order (a reversed ACL does not make the
  // box's exemption another one). The export writes it as the box has it.
  const sources = new Set<string>();
  const destinations = new Set<string>();
  for (const l of aclLines) {
    if (l.words[3] !== 'permit' || l.words.includes('inactive')) continue;
    const { src, dst } = aclObjects(l.words, objects, interfaces);
    const [a, b] = [prefixOfObject(objects, src), prefixOfObject(objects, dst)];
    if (a) sources.add(a);
    if (b) destinations.add(b);
  }
  found: for (const a of sources) {
    for (const b of destinations) {
      const n = identity(a, b) ?? identity(b, a);
      const text = n ? `${n.inside},${n.source}=${n.sourcePrefix},${n.destination}=${n.destinationPrefix}` : '';
      if (ASA_NAT_EXEMPTION.test(text)) {
        out.natExemption = text;
        break found;
      }
    }
  }
  if (asaEndOptions.schema.safeParse({ cryptoMap: e.map }).success) out.cryptoMap = e.map;
  if (fits(e.acl)) out.cryptoAcl = e.acl;
  if (e.transformSets.length === 1 && fits(e.transformSets[0])) out.transformSet = e.transformSets[0];
  if (e.ipsecProposals.length === 1 && fits(e.ipsecProposals[0])) out.ipsecProposal = e.ipsecProposals[0];
  const first = aclLines.find((l) => l.words[3] === 'permit' && !l.words.includes('inactive'));
  if (first) {
    const { src, dst } = aclObjects(first.words, objects, interfaces);
    const at = (n: string | undefined) => {
      const r = n !== undefined ? objects.networks.get(n)?.[0] : undefined;
      const text = r ? cidr(r) : undefined;
      return fits(n) && text !== undefined && ASA_OBJECT_ADDRESS.test(text) ? { name: n, text } : undefined;
    };
    const l = at(src);
    const r = at(dst);
    if (l) Object.assign(out, { localObject: l.name, localObjectAddress: l.text });
    if (r) Object.assign(out, { remoteObject: r.name, remoteObjectAddress: r.text });
  }
  return { 'cisco-asa': out as Record<string, string | number> };
}

const newEntry = (map: string, seq: number): Entry => ({ map, seq, transformSets: [], ipsecProposals: [], aggressive: false, answerOnly: false, natTraversal: true, lines: [] });

/** A `set …`/`match address` statement of a crypto map entry, dynamic map entry or IPsec profile (after its head); false when not one. */
function entrySet(x: readonly string[], e: Entry): boolean {
  if (starts(x, 'match address') && x.length === 3) e.acl = x[2];
  else if (starts(x, 'set peer') && x.length >= 3) e.peer = x[2];
  else if (starts(x, 'set ikev1 transform-set') && x.length >= 4) e.transformSets = x.slice(3);
  else if (starts(x, 'set ikev2 ipsec-proposal') && x.length >= 4) e.ipsecProposals = x.slice(3);
  else if (starts(x, 'set pfs') && x.length === 3 && /^group\d+$/u.test(x[2] as string)) e.pfs = Number((x[2] as string).slice(5)) as DhGroup;
  else if (starts(x, 'set security-association lifetime') && x.length >= 5) {
    // `show running-config` writes both on one line: `… lifetime seconds 28800 kilobytes 4608000`.
    for (let i = 3; i < x.length; i += 2) {
      const v = num(x[i + 1]);
      if (x[i] === 'seconds' && v !== undefined) e.lifetimeSeconds = v;
      else if (x[i] === 'kilobytes' && v !== undefined) e.lifetimeKilobytes = v;
      else if (x[i] === 'kilobytes' && x[i + 1] === 'unlimited') e.lifetimeKilobytes = undefined;
      else return false;
    }
  } else if (starts(x, 'set phase1-mode aggressive') || starts(x, 'set ikev1 phase1-mode aggressive')) e.aggressive = true;
  else if (starts(x, 'set connection-type answer-only') && x.length === 3) e.answerOnly = true;
  else if (starts(x, 'set connection-type bidirectional') && x.length === 3) e.answerOnly = false;
  else if (starts(x, 'set nat-t-disable') && x.length === 2) e.natTraversal = false;
  // Reverse route injection puts the remote networks in the routing table; it does not change what is negotiated.
  else if (starts(x, 'set reverse-route') && x.length === 2) return true;
  else return false;
  return true;
}

/** Whole statement classes that configure the box, not its VPNs. */
const UNRELATED = [
  'aaa', 'aaa-server', 'logging', 'ntp', 'snmp-server', 'no snmp-server', 'banner', 'username', 'class-map', 'policy-map', 'service-policy', 'enable', 'passwd', 'domain-name', 'dns', 'clock', 'boot', 'license', 'ftp', 'pager', 'mtu', 'icmp', 'arp', 'no arp', 'asdm', 'no asdm', 'timeout', 'user-identity', 'http', 'telnet', 'ssh', 'console', 'threat-detection', 'dhcpd', 'dhcprelay', 'prompt', 'call-home', 'service', 'names', 'name', 'no failover', 'failover', 'monitor-interface', 'firewall', 'terminal', 'Cryptochecksum:', 'dynamic-access-policy-record', 'webvpn', 'group-policy', 'same-security-traffic', 'router', 'route-map', 'prefix-list', 'ip local', 'ip verify', 'ip audit', 'track', 'sla', 'flow-export', 'tls-proxy', 'ssl', 'smtp-server', 'management-access', 'vpn-addr-assign', 'hpm', 'no mac-address', 'mac-address', 'fragment', 'no pager', 'no logging', 'no call-home', 'no threat-detection', 'no service', 'dns-guard', 'crypto ca', 'crypto ipsec security-association pmtu-aging', 'crypto ikev2 remote-access', 'crypto ikev1 am-disable', 'end', ': end',
];

export const reader: VendorReader = {
  recognize(text) {
    return recognizeCisco(text, 'asa');
  },

  read(files): ReadResult {
    // `show running-config` starts with ": Saved" / "ASA Version" and ends with ": end" (Cisco ASA
    // Series Command Reference, show running-config): a file that starts so and does not end so
    // was cut off, and what is missing could be the VPN. A fragment pasted on purpose has neither.
    for (const f of files) {
      if (/^(?:: Saved|ASA Version )/m.test(f.content) && !/^: end\s*$/m.test(f.content)) return { ok: false, message: `${f.name}: the running-config does not end with ": end": the file looks cut off; copy the whole output of "show running-config"` };
    }
    const c = new CiscoConfig(files, true);
    const objects = new Objects();
    const acls = new Map<string, Statement[]>();
    const v1: Policy[] = [];
    const v2: Policy[] = [];
    const transformSets = new Map<string, ProposalMeaning>();
    const ipsecProposals = new Map<string, ProposalMeaning>();
    const entries = new Map<string, Entry>();
    const dynamicEntries = new Map<string, Entry>();
    const ipsecProfiles = new Map<string, Entry>();
    /** Crypto map name → the nameif it is bound to. */
    const bound = new Map<string, string>();
    const groups = new Map<string, TunnelGroup>();
    const tunnelGroup = (peer: string) => groups.get(peer) ?? (groups.set(peer, { l2l: false, psk: false, certificate: false }).get(peer) as TunnelGroup);
    const hwInterfaces: AsaInterface[] = [];
    const routeLines: Statement[] = [];
    const natLines: { s: Statement; object?: string }[] = [];
    const accessGroups: { acl: string; dir: 'in' | 'out' | 'global'; iface?: string; s: Statement }[] = [];
    const globalLifetime: { seconds?: number; kilobytes?: number } = {};
    const device: Omit<DeviceMeaning, 'interfaces' | 'routes' | 'natRules' | 'policies'> = {};

    // The model, from the header `show running-config` writes (`: Hardware:   ASA5516, 8192 MB RAM, …`).
    for (const k of c.comments) {
      const m = /^:\s*Hardware:\s+([^,\s][^,]*?)\s*(?:,|$)/u.exec(k.text);
      if (m) device.model = (m[1] as string).slice(0, 63);
    }

    for (const s of c.top) {
      const w = s.words;
      if (w[0] === 'hostname' && w.length === 2) {
        c.use(s);
        device.hostname = w[1];
      } else if (starts(w, 'ASA Version') && w.length >= 3) {
        c.use(s);
        device.osVersion = (w[2] as string).slice(0, 32);
      } else if (w[0] === 'interface' && w.length === 2) {
        const i: AsaInterface = { hw: w[1] as string };
        hwInterfaces.push(i);
        const lines: Statement[] = [];
        for (const sub of s.children) {
          const x = sub.words;
          let ok = true;
          if (x[0] === 'nameif' && x.length === 2) i.nameif = x[1];
          else if (starts(x, 'ip address') && (x.length === 4 || (x.length === 6 && x[4] === 'standby'))) i.address = interfaceAddress(x[2] as string, x[3] as string);
          else if (starts(x, 'tunnel source interface') && x.length === 4) i.tunnel = { ...i.tunnel, source: x[3] };
          else if (starts(x, 'tunnel destination') && x.length === 3) i.tunnel = { ...i.tunnel, destination: x[2] };
          else if (starts(x, 'tunnel mode ipsec') && (x[3] === 'ipv4' || x[3] === 'ipv6') && x.length === 4) i.tunnel = { ...i.tunnel, family: x[3] };
          else if (starts(x, 'tunnel protection ipsec profile') && x.length === 5) i.tunnel = { ...i.tunnel, profile: x[4] };
          // Settings of the port and the box's own use of it, not of its VPNs.
          else if (['security-level', 'description', 'speed', 'duplex', 'shutdown', 'management-only', 'vlan', 'channel-group', 'nve-only', 'mac-address', 'ipv6', 'ddns', 'dhcp', 'pppoe', 'delay', 'lacp', 'flowcontrol', 'media-type', 'negotiation'].includes(x[0] as string)) ok = true;
          else if (starts(x, 'no nameif') || starts(x, 'no security-level') || starts(x, 'no ip address') || starts(x, 'no shutdown') || starts(x, 'no management-only')) ok = true;
          else ok = false;
          if (ok) lines.push(sub);
        }
        // An interface without a nameif carries no traffic: its statements are set aside.
        for (const l of [s, ...lines]) (i.nameif ? c.use : c.ignore).call(c, l);
      } else if (starts(w, 'object network') && w.length === 3) {
        c.use(s);
        for (const sub of s.children) {
          const r = objectValue(sub.words);
          if (r) {
            objects.networks.set(w[2] as string, [r]);
            c.use(sub);
          } else if (sub.words[0] === 'nat' && /^\(\S+,\S+\)$/u.test(sub.words[1] ?? '')) natLines.push({ s: sub, object: w[2] });
          else if (sub.words[0] === 'description') c.use(sub);
        }
      } else if (starts(w, 'object-group network') && w.length === 3) {
        c.use(s);
        const g = { ranges: [] as AddressRange[], groups: [] as string[] };
        objects.networkGroups.set(w[2] as string, g);
        for (const sub of s.children) {
          const x = sub.words;
          const r = x[0] === 'network-object' && x[1] === 'host' && x.length === 3 ? hostRange(x[2] as string) : x[0] === 'network-object' && x.length === 3 && x[1] !== 'object' ? maskedRange(x[1] as string, x[2] as string, false) : x[0] === 'network-object' && x.length === 2 ? prefixRange(x[1] as string) : undefined;
          if (r) g.ranges.push(r);
          else if (x[0] === 'network-object' && x[1] === 'object' && x.length === 3) g.groups.push(x[2] as string);
          else if (x[0] === 'group-object' && x.length === 2) g.groups.push(x[1] as string);
          else if (x[0] !== 'description') continue;
          c.use(sub);
        }
      } else if (starts(w, 'object service') && w.length === 3) {
        c.use(s);
        for (const sub of s.children) {
          const v = sub.words[0] === 'service' ? serviceValue(sub.words.slice(1)) : undefined;
          if (v) objects.services.set(w[2] as string, [v]);
          else if (sub.words[0] !== 'description') continue;
          c.use(sub);
        }
      } else if (starts(w, 'object-group service') && (w.length === 3 || w.length === 4)) {
        c.use(s);
        const protocols = w[3] === 'tcp' ? [6] : w[3] === 'udp' ? [17] : w[3] === 'tcp-udp' ? [6, 17] : undefined;
        const g = { services: [] as Service[], groups: [] as string[] };
        const ports: { from: number; to: number }[] = [];
        for (const sub of s.children) {
          const x = sub.words;
          const p = protocols && x[0] === 'port-object' ? portsAt(x, 1) : undefined;
          const v = !protocols && x[0] === 'service-object' && x[1] !== 'object' ? serviceValue(x.slice(1)) : undefined;
          if (p && p.taken === x.length - 1) ports.push({ from: p.from, to: p.to });
          else if (v) g.services.push(v);
          else if (x[0] === 'service-object' && x[1] === 'object' && x.length === 3) g.groups.push(x[2] as string);
          else if (x[0] === 'group-object' && x.length === 2) g.groups.push(x[1] as string);
          else if (x[0] !== 'description') continue;
          c.use(sub);
        }
        if (protocols) {
          objects.portGroups.set(w[2] as string, { protocols, ports });
          // Named as an ACL line's protocol, a port group is its protocols with those destination ports.
          g.services = protocols.flatMap((protocol) => ports.map((dst) => ({ protocol, dst })));
        }
        objects.serviceGroups.set(w[2] as string, g);
      } else if (starts(w, 'object-group protocol') && w.length === 3) {
        c.use(s);
        const list: Service[] = [];
        for (const sub of s.children) {
          const p = sub.words[0] === 'protocol-object' && sub.words.length === 2 ? aclProtocol(sub.words[1]) : undefined;
          if (p !== undefined) list.push({ protocol: p });
          else if (sub.words[0] !== 'description') continue;
          c.use(sub);
        }
        objects.serviceGroups.set(w[2] as string, { services: list, groups: [] });
      } else if (w[0] === 'access-list' && w[2] === 'extended') {
        acls.set(w[1] as string, [...(acls.get(w[1] as string) ?? []), s]);
      } else if (w[0] === 'access-list' && (w[2] === 'remark' || w[2] === 'standard' || w[2] === 'webtype' || w[2] === 'ethertype')) {
        // Remarks, and the lists remote access and the box's own services use, say nothing of a site-to-site VPN.
        c.ignore(s);
      } else if (w[0] === 'access-group' && w.length === 5 && (w[2] === 'in' || w[2] === 'out') && w[3] === 'interface') {
        accessGroups.push({ acl: w[1] as string, dir: w[2], iface: w[4], s });
      } else if (w[0] === 'access-group' && w.length === 3 && w[2] === 'global') {
        accessGroups.push({ acl: w[1] as string, dir: 'global', s });
      } else if (starts(w, 'sysopt connection permit-vpn') && w.length === 3) {
        // Decrypted traffic bypasses the interface access lists (the default; "LAN-to-LAN IPsec VPNs").
        c.use(s);
      } else if ((starts(w, 'crypto ikev1 enable') || starts(w, 'crypto ikev2 enable')) && (w.length === 4 || starts(w.slice(4), 'client-services'))) {
        c.use(s);
      } else if (starts(w, 'crypto isakmp nat-traversal') && w.length <= 4) {
        c.use(s);
      } else if (starts(w, 'crypto isakmp identity') && w.length === 4) {
        c.use(s);
      } else if (starts(w, 'crypto ipsec security-association lifetime') && w.length >= 6) {
        c.use(s);
        for (let i = 4; i < w.length; i += 2) {
          if (w[i] === 'seconds' && num(w[i + 1]) !== undefined) globalLifetime.seconds = num(w[i + 1]);
          else if (w[i] === 'kilobytes' && num(w[i + 1]) !== undefined) globalLifetime.kilobytes = num(w[i + 1]);
        }
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
      } else if (starts(w, 'crypto ipsec profile') && w.length === 4) {
        const e = newEntry(w[3] as string, 0);
        e.lines.push(s);
        for (const sub of s.children) if (entrySet(sub.words, e)) e.lines.push(sub);
        ipsecProfiles.set(w[3] as string, e);
      } else if (w[0] === 'crypto' && w[1] === 'map' && w[3] === 'interface' && w.length === 5) {
        c.use(s);
        bound.set(w[2] as string, w[4] as string);
      } else if (w[0] === 'crypto' && w[1] === 'map' && num(w[3]) !== undefined) {
        const key = `${w[2]} ${w[3]}`;
        const e = entries.get(key) ?? newEntry(w[2] as string, num(w[3]) as number);
        entries.set(key, e);
        const x = w.slice(4);
        if (starts(x, 'ipsec-isakmp dynamic') && x.length === 3) {
          e.dynamic = x[2];
          e.lines.push(s);
        } else if (entrySet(x, e)) e.lines.push(s);
      } else if (starts(w, 'crypto dynamic-map') && num(w[3]) !== undefined) {
        const key = `${w[2]} ${w[3]}`;
        const e = dynamicEntries.get(key) ?? newEntry(w[2] as string, num(w[3]) as number);
        dynamicEntries.set(key, e);
        if (entrySet(w.slice(4), e)) e.lines.push(s);
      } else if (w[0] === 'tunnel-group' && w.length === 4 && w[2] === 'type') {
        if (w[3] === 'ipsec-l2l') {
          tunnelGroup(w[1] as string).l2l = true;
          c.use(s);
        } else if (w[3] === 'remote-access' || w[3] === 'webvpn') c.ignore(s);
      } else if (w[0] === 'tunnel-group' && w.length === 3 && w[2] === 'general-attributes') {
        c.use(s);
        // The group policy and address pools of a connection profile: remote access, or defaults a LAN-to-LAN tunnel does not negotiate.
        for (const sub of s.children) if (['default-group-policy', 'address-pool', 'authentication-server-group', 'accounting-server-group'].includes(sub.words[0] as string)) c.ignore(sub);
      } else if (w[0] === 'tunnel-group' && w.length === 3 && w[2] === 'ipsec-attributes') {
        c.use(s);
        const g = tunnelGroup(w[1] as string);
        for (const sub of s.children) {
          const x = sub.words;
          if (starts(x, 'ikev1 pre-shared-key') && x.length === 3) {
            g.psk = true;
            g.key ??= x[2];
          } else if ((starts(x, 'ikev2 remote-authentication pre-shared-key') || starts(x, 'ikev2 local-authentication pre-shared-key')) && x.length === 4) {
            g.psk = true;
            g.key ??= x[3];
          } else if (starts(x, 'ikev2 remote-authentication certificate') || starts(x, 'ikev2 local-authentication certificate') || (starts(x, 'ikev1 trust-point') && x.length === 3)) g.certificate = true;
          else if (starts(x, 'isakmp keepalive threshold') && num(x[3]) !== undefined && x[4] === 'retry' && num(x[5]) !== undefined) g.keepalive = num(x[3]);
          else if (starts(x, 'isakmp keepalive disable')) g.keepalive = 'off';
          // The peer's certificate identity check: nothing to negotiate with a pre-shared key.
          else if (x[0] === 'peer-id-validate' && x.length === 2) c.use(sub);
          else continue;
          c.use(sub);
        }
      } else if (w[0] === 'nat' && /^\(\S+,\S+\)$/u.test(w[1] ?? '')) {
        natLines.push({ s });
      } else if (w[0] === 'route' && w.length >= 5) {
        routeLines.push(s);
      } else if (starts(w, 'ipv6 route')) {
        routeLines.push(s);
      } else ignoreUnrelated(c, s, UNRELATED);
    }

    // ---- the box: interfaces by nameif, routes, NAT, access rules
    const named = hwInterfaces.filter((i) => i.nameif !== undefined);
    const addressOf = new Map(named.flatMap((i) => (i.address ? [[i.nameif as string, i.address] as const] : [])));
    const interfaces: Interface[] = named.map((i) => ({
      name: i.nameif as string,
      kind: /^tunnel/iu.test(i.hw) ? 'tunnel' : /^loopback/iu.test(i.hw) ? 'loopback' : 'physical',
      ...(i.address ? { address: i.address } : {}),
      // The ASA has no zones: its interfaces (nameif) are what its access rules and NAT name.
      zone: i.nameif as string,
    }));
    const routes: Route[] = [];
    for (const s of routeLines) {
      const w = s.words;
      const v6 = w[0] === 'ipv6';
      const x = v6 ? w.slice(1) : w;
      const dest = v6 ? prefixRange(x[2] as string) : maskedRange(x[2] as string, x[3] as string, false);
      const nh = x[v6 ? 3 : 4];
      const rest = x.slice(v6 ? 4 : 5);
      const metric = num(rest[0]);
      const tail = rest.slice(metric !== undefined ? 1 : 0);
      const tailOk = tail.length === 0 || (tail[0] === 'track' && tail.length === 2 && num(tail[1]) !== undefined) || (tail[0] === 'tunneled' && tail.length === 1);
      const destination = dest ? cidr(dest) : undefined;
      if (!destination || !nh || !hostRange(nh) || !tailOk || !/^[A-Za-z0-9][A-Za-z0-9/.:_-]*$/u.test(x[1] as string)) continue;
      c.use(s);
      routes.push({ destination, interface: x[1] as string, nextHop: nh, ...(metric !== undefined ? { metric } : {}) });
    }
    const natRules: NatRule[] = [];
    const identityNat: IdentityNat[] = [];
    const rangesOf = (name: string | undefined): AddressRange[] | undefined => (name === 'any' ? [ANY4] : name ? objects.addresses(name) : undefined);
    for (const { s, object } of natLines) {
      const w = s.words;
      const [, outside] = (w[1] as string).slice(1, -1).split(',') as [string, string];
      let i = 2;
      if (w[i] === 'after-auto' || num(w[i]) !== undefined) i++;
      if (w[i] === 'after-auto') i++;
      const tailOk = (from: number) => w.slice(from).every((x) => ['no-proxy-arp', 'route-lookup', 'unidirectional', 'inactive'].includes(x));
      const ifaceAddress = addressOf.get(outside)?.split('/')[0];
      const before = natRules.length;
      if (object !== undefined) {
        // Object NAT: `nat (inside,outside) dynamic interface|OBJ` or `static OBJ|A` under `object network`.
        const originals = objects.networks.get(object);
        const kind = w[i];
        const to = w[i + 1];
        const translated = to === 'interface' ? ifaceAddress : to ? (objects.addresses(to)?.[0] ? addressText(objects.addresses(to)?.[0] as AddressRange) : hostRange(to) ? to : undefined) : undefined;
        if (originals?.length === 1 && (kind === 'dynamic' || kind === 'static') && translated && tailOk(i + 2)) natRules.push({ name: `${object} nat`, kind: 'source', original: addressText(originals[0] as AddressRange), translated, interface: outside });
      } else if (w[i] === 'source' && (w[i + 1] === 'static' || w[i + 1] === 'dynamic')) {
        // Twice NAT: `source static A A' [destination static B B']`, `source dynamic A interface|B`.
        const kind = w[i + 1];
        const a = rangesOf(w[i + 2]);
        const to = w[i + 3];
        let j = i + 4;
        let destination: AddressRange[] | undefined;
        if (w[j] === 'destination' && w[j + 1] === 'static' && w[j + 2] === w[j + 3]) {
          destination = rangesOf(w[j + 2]);
          j += 4;
        } else if (w[j] === 'destination') j = -1;
        if (a && j > 0 && tailOk(j)) {
          if (kind === 'static' && to === w[i + 2]) {
            // Identity NAT: the VPN's traffic leaves untranslated (the exemption "LAN-to-LAN IPsec VPNs" asks for).
            if (destination) identityNat.push({ inside: (w[1] as string).slice(1, -1).split(',')[0] as string, outside, source: w[i + 2] as string, destination: w[j - 2] as string });
            const toNames = destination ? ` to ${w[i + 6]}` : '';
            a.forEach((r, k) => natRules.push(exemption(`exempt ${w[i + 2]}${toNames}${a.length > 1 ? ` ${k + 1}` : ''}`.slice(0, 63), addressText(r), outside)));
          } else {
            const t = to === 'interface' ? ifaceAddress : rangesOf(to)?.[0] ? addressText(rangesOf(to)?.[0] as AddressRange) : undefined;
            if (t) a.forEach((r, k) => natRules.push({ name: `${kind} ${w[i + 2]}${a.length > 1 ? ` ${k + 1}` : ''}`.slice(0, 63), kind: 'source', original: addressText(r), translated: t, interface: outside }));
          }
        }
      }
      if (natRules.length > before) c.use(s);
    }
    // The identity NATs by interface and the prefixes of their two objects, the first of each kept: looked up per crypto map entry.
    const identityByPair = new Map<string, IdentityNat & { sourcePrefix: string; destinationPrefix: string }>();
    for (const n of identityNat) {
      const [a, b] = [prefixOfObject(objects, n.source), prefixOfObject(objects, n.destination)];
      const key = `${n.outside} ${a ?? ''} ${b ?? ''}`;
      if (a !== undefined && b !== undefined && !identityByPair.has(key)) identityByPair.set(key, { ...n, sourcePrefix: a, destinationPrefix: b });
    }
    const aceCache = new Map<Statement, Ace | 'inactive' | undefined>();
    const ace = (s: Statement) => {
      if (!aceCache.has(s)) aceCache.set(s, aceOf(s.words, objects, addressOf));
      return aceCache.get(s);
    };
    const policies: SecurityPolicy[] = [];
    /** The access lists something in force names: their lines must be understood. */
    const referenced = new Set<string>(accessGroups.map((g) => g.acl));
    for (const g of accessGroups) {
      const lines = acls.get(g.acl);
      if (!lines) continue;
      c.use(g.s);
      lines.forEach((line, n) => {
        const a = ace(line);
        if (a === undefined) return;
        c.use(line);
        if (a === 'inactive') return;
        const from = g.dir === 'in' ? (g.iface as string) : 'any';
        const to = g.dir === 'out' ? (g.iface as string) : 'any';
        a.flows.forEach((f, k) => policies.push(policyOf(`${g.acl} ${n + 1}${a.flows.length > 1 ? `.${k + 1}` : ''}`.slice(0, 63), a.action === 'permit' ? 'allow' : 'deny', from, to, f.src, f.dst, f.service.protocol, f.service.dst)));
      });
    }

    // ---- the peers
    const v1Proposals = [...v1].sort((a, b) => a.priority - b.priority);
    const v2Proposals = [...v2].sort((a, b) => a.priority - b.priority);
    const peers: PeerMeaning[] = [];
    const childrenOf = (aclName: string | undefined, esp: ChildMeaning['esp']): ChildMeaning[] | undefined => {
      if (aclName === undefined) return undefined;
      referenced.add(aclName);
      const out: ChildMeaning[] = [];
      // An ACL name may be longer than a proxy ID name (the document's LIMITS.name): clipped.
      for (const line of acls.get(aclName) ?? []) {
        const a = ace(line);
        if (!a) continue;
        c.use(line);
        // A deny line keeps its traffic out of the tunnel: no SA of its own.
        if (a === 'inactive' || a.action === 'deny') continue;
        for (const f of a.flows) out.push({ local: side(f.src, f.service.protocol, f.service.src), remote: side(f.dst, f.service.protocol, f.service.dst), name: aclName.slice(0, LIMITS.name), esp });
      }
      return out;
    };
    const peerOf = (e: Entry, remote: string, groupName: string, children: (esp: ChildMeaning['esp']) => ChildMeaning[], where: { outside?: string; tunnel?: string; passive: boolean; routes: string[] }): PeerMeaning => {
      const ikeVersion = e.ipsecProposals.length > 0 ? 2 : 1;
      const policies = ikeVersion === 2 ? v2Proposals : v1Proposals;
      const esp = (ikeVersion === 2 ? e.ipsecProposals.map((n) => ipsecProposals.get(n)) : e.transformSets.map((n) => transformSets.get(n))).filter((p): p is ProposalMeaning => p !== undefined).map((p) => ({ ...p, dhGroups: e.pfs !== undefined ? [e.pfs] : [] }));
      const kilobytes = e.lifetimeKilobytes ?? globalLifetime.kilobytes;
      const espMeaning = { proposals: esp, lifetimeSeconds: e.lifetimeSeconds ?? globalLifetime.seconds ?? SA_LIFETIME, ...(kilobytes !== undefined ? { lifetimeKilobytes: kilobytes } : {}) };
      const g = groups.get(groupName);
      const v1Auth = v1Proposals[0]?.auth;
      const method = ikeVersion === 1 ? (v1Auth ?? 'psk') : g?.certificate && !g.psk ? 'certificate' : 'psk';
      const keepalive = g?.keepalive ?? KEEPALIVE;
      const local = where.outside ? addressOf.get(where.outside)?.split('/')[0] : undefined;
      return {
        remoteAddress: remote,
        ...(local ? { localAddress: local } : {}),
        ikeVersion,
        ...(ikeVersion === 1 ? { exchangeMode: e.aggressive ? ('aggressive' as const) : ('main' as const) } : {}),
        ike: { proposals: policies.map((p) => p.proposal), ...(policies[0] ? { lifetimeSeconds: policies[0].lifetime } : {}) },
        auth: { method },
        ...(keepalive !== 'off' ? { dpd: { intervalSeconds: keepalive } } : {}),
        children: children(espMeaning),
        routes: where.routes,
        name: groups.has(groupName) ? groupName : remote || `${e.map} ${e.seq}`,
        ...(where.outside ? { outsideInterface: where.outside } : {}),
        ...(where.tunnel ? { tunnelInterface: where.tunnel } : {}),
        ...(g?.key && !/^\*+$/u.test(g.key) ? { psk: g.key } : {}),
        ...(g?.psk ? { pskPresent: true } : {}),
        ...(where.passive || e.answerOnly ? { passive: true } : {}),
        ...(!e.natTraversal ? { natTraversal: false } : {}),
      };
    };
    const dynamicByMap = new Map<string, Entry[]>();
    for (const d of dynamicEntries.values()) dynamicByMap.set(d.map, [...(dynamicByMap.get(d.map) ?? []), d].sort((a, b) => a.seq - b.seq));
    const usedDynamic = new Set<Entry>();
    for (const e of [...entries.values()].sort((a, b) => a.map.localeCompare(b.map) || a.seq - b.seq)) {
      const outside = bound.get(e.map);
      for (const line of e.lines) (outside !== undefined ? c.use : c.ignore).call(c, line);
      if (outside === undefined) continue;
      if (e.dynamic !== undefined) {
        // A dynamic crypto map only answers: peers that initiate, from addresses not known before ("IPsec and ISAKMP", "Using Dynamic Crypto Maps").
        for (const d of dynamicByMap.get(e.dynamic) ?? []) {
          usedDynamic.add(d);
          for (const line of d.lines) c.use(line);
          const remote = d.peer ?? '';
          // Without an ACL the entry takes whatever the initiator proposes: any to any, within which the subset rule accepts it.
          const any = (esp: ChildMeaning['esp']) => childrenOf(d.acl, esp) ?? [{ local: '0.0.0.0/0', remote: '0.0.0.0/0', name: `${d.map} ${d.seq}`, esp }];
          peers.push(peerOf(d, remote, d.peer && groups.has(d.peer) ? d.peer : DEFAULT_L2L, any, { outside, passive: true, routes: [] }));
        }
        continue;
      }
      if (!e.peer || !e.acl) continue;
      // Only a static entry's names are recorded: a dynamic map's entries are not what the export writes (a static entry that answers).
      peers.push({ ...peerOf(e, e.peer, e.peer, (esp) => childrenOf(e.acl, esp) ?? [], { outside, passive: false, routes: [] }), vendorOptions: boxNames(e, acls.get(e.acl) ?? [], objects, addressOf, (a, b) => identityByPair.get(`${outside} ${a} ${b}`)) });
    }
    for (const d of dynamicEntries.values()) if (!usedDynamic.has(d)) for (const line of d.lines) c.ignore(line);

    // Virtual tunnel interfaces: the profile's proposals, any to any, routes through the nameif ("Virtual Tunnel Interface").
    const usedProfiles = new Set<Entry>();
    for (const i of named) {
      const t = i.tunnel;
      const p = t?.profile ? ipsecProfiles.get(t.profile) : undefined;
      if (!t || !p || !t.destination) continue;
      usedProfiles.add(p);
      const any = t.family === 'ipv6' ? '::/0' : '0.0.0.0/0';
      const routed = routes.filter((r) => r.interface === i.nameif).map((r) => r.destination);
      peers.push(peerOf(p, t.destination, t.destination, (esp) => [{ local: any, remote: any, esp }], { ...(t.source ? { outside: t.source } : {}), tunnel: i.nameif as string, passive: false, routes: routed }));
    }
    for (const p of ipsecProfiles.values()) for (const line of p.lines) (usedProfiles.has(p) ? c.use : c.ignore).call(c, line);

    // An access list neither a bound crypto map nor access-group names protects and filters nothing,
    // whatever its lines say (a list the box uses for something else, e.g. capture or split tunnelling).
    for (const [name, lines] of acls) if (!referenced.has(name)) for (const line of lines) c.ignore(line);
    const hasTunnels = peers.some((p) => p.tunnelInterface !== undefined);
    const vpnType = hasTunnels ? ('route-based' as const) : peers.length > 0 ? ('policy-based' as const) : undefined;
    return { ok: true, meaning: { peers, device: { ...device, ...(vpnType ? { vpnType } : {}), interfaces, routes, natRules, policies } }, lines: c.account() };
  },
};

function rangeOf(a: string, b: string): AddressRange | undefined {
  const x = hostRange(a);
  const y = hostRange(b);
  return x && y && x.family === y.family && x.from <= y.from ? { family: x.family, from: x.from, to: y.from } : undefined;
}
