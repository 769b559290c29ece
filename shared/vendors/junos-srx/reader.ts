// Reads a Junos SRX configuration into what it means for its VPNs and what it says of the box: the
// start of configuration import. Both forms of a running configuration: `show configuration |
// display set` (what ./export.ts writes) and the hierarchical `show configuration`, turned into the
// same statements (./statements.ts), with configuration groups expanded (./groups.ts) and
// `inactive:` / `deactivate` statements not in effect. It reads the CLI's syntax, not our
// exporter's line shapes: words split at spaces, "…" quoted with backslash escapes, `[ a b ]` lists
// (or one `set` line per member), statements in any order, each name resolved wherever it is
// defined. Statements as Juniper's "Route-Based IPsec VPNs" (Example: Configuring a Route-Based
// VPN), "Policy-Based IPsec VPNs" (Example: Configuring a Policy-Based VPN) and "Traffic Selectors
// in Route-Based VPNs" (Junos OS IPsec VPN User Guide for Security Devices) write them; security
// policies, address books, zones and NAT as the Junos OS Security Policies User Guide ("Security
// Policies Overview", "Address Books and Address Sets") and NAT User Guide ("Source NAT", "Static
// NAT") write them.
//
// Line accounting: every statement is used (it means something here), ignored (a class of
// statements unrelated to VPNs: system services, syslog, login, NTP, SNMP, routing protocols,
// firewall filters, chassis, management interfaces…; inactive statements; groups not applied), or
// not understood, with its line: any statement under security ike, security ipsec, security zones,
// security policies, security nat, the address books or a secure tunnel (st0) interface that this
// reader does not read.
import type { DhGroup, Encryption, Integrity, Interface, NatRule, Protocol, Route, SecurityPolicy, VendorOptions } from '../../model/document';
import { coalesceAddresses, parseAddressSpec, parseInterfaceAddress, parseIp, parsePrefix, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import { cidr } from '../kit/export/addresses';
import type { ChildMeaning, DeviceMeaning, LineAccount, PeerMeaning, ProposalMeaning, VendorReader } from '../kit/reader';
import { JUNOS_ADDRESS_LIST, JUNOS_NAME, JUNOS_NAT_MATCH, JUNOS_POLICY_MATCH, type JunosEndOptions } from './options';
import { expandGroups } from './groups';
import { statementsOf, type Statement } from './statements';
import { values } from './words';

export { junosWords } from './words';

const ENC: Record<string, Encryption> = { 'des-cbc': 'des', '3des-cbc': '3des', 'aes-128-cbc': 'aes128', 'aes-192-cbc': 'aes192', 'aes-256-cbc': 'aes256', 'aes-128-gcm': 'aes128gcm16', 'aes-256-gcm': 'aes256gcm16' };
const IKE_AUTH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
const ESP_AUTH: Record<string, Integrity> = { 'hmac-md5-96': 'md5', 'hmac-sha1-96': 'sha1', 'hmac-sha-256-128': 'sha256', 'hmac-sha-384': 'sha384', 'hmac-sha-512': 'sha512' };
const ID_TYPES: Record<string, string> = { inet: 'address', inet6: 'address', hostname: 'fqdn', 'user-at-hostname': 'user-fqdn', 'distinguished-name': 'dn' };

/**
 * Predefined applications a policy may name without defining them (Junos OS Security Policies User
 * Guide, "Predefined Applications"; the junos-defaults group): the common ones, by their
 * well-known ports. A policy naming another predefined application is read with its protocol and
 * port unknown, so it is left out of the device's policies (its line still counts as read).
 */
const PREDEFINED: Record<string, { protocol: string; port?: string }> = {
  'junos-http': { protocol: 'tcp', port: '80' }, 'junos-https': { protocol: 'tcp', port: '443' }, 'junos-ssh': { protocol: 'tcp', port: '22' },
  'junos-telnet': { protocol: 'tcp', port: '23' }, 'junos-ftp': { protocol: 'tcp', port: '21' }, 'junos-smtp': { protocol: 'tcp', port: '25' },
  'junos-dns-udp': { protocol: 'udp', port: '53' }, 'junos-dns-tcp': { protocol: 'tcp', port: '53' }, 'junos-ntp': { protocol: 'udp', port: '123' },
  'junos-icmp-all': { protocol: 'icmp' }, 'junos-ping': { protocol: 'icmp' },
};

/**
 * Top-level statements with no VPN meaning, ignored whole (Junos CLI reference, top-level
 * hierarchy): the box's management (system, snmp, chassis, event-options, accounting-options),
 * routing protocols and policies (protocols, policy-options), filters and forwarding (firewall,
 * forwarding-options, class-of-service), switching (vlans, ethernet-switching-options,
 * switch-options, bridge-domains, poe, wlan), access, services, schedulers, virtual-chassis.
 */
const UNRELATED_TOP = new Set(['system', 'snmp', 'chassis', 'event-options', 'accounting-options', 'protocols', 'policy-options', 'firewall', 'forwarding-options', 'class-of-service', 'vlans', 'ethernet-switching-options', 'switch-options', 'bridge-domains', 'poe', 'wlan', 'access', 'services', 'schedulers', 'virtual-chassis', 'multi-chassis', 'smtp', 'utility-mode', 'dynamic-profiles']);
/** `security` subtrees with no VPN meaning here: screens, logging, flow options, ALGs, IDP, UTM, PKI, AppSecure, user identification. */
const UNRELATED_SECURITY = new Set(['screen', 'log', 'flow', 'alg', 'idp', 'utm', 'pki', 'application-tracking', 'forwarding-options', 'user-identification', 'dynamic-address', 'ssl', 'application-firewall', 'advance-policy-based-routing', 'authentication-key-chains', 'ssh-known-hosts', 'certificates', 'gprs', 'traceoptions']);
/** Management interfaces: out of band, never a VPN's (SRX: fxp0, em0/me0 on some platforms; fab/fxp1 for chassis-cluster links). */
const MANAGEMENT = /^(fxp\d+|em\d+|me\d+|fab\d+)$/;

const entry = <T>(map: Map<string, T>, name: string, make: () => NoInfer<T>): T => {
  let v = map.get(name);
  if (!v) {
    v = make();
    map.set(name, v);
  }
  return v;
};

const addAll = (list: string[], more: readonly string[]) => {
  for (const x of more) if (!list.includes(x)) list.push(x);
};

interface Proposal { dh?: string; auth?: string; enc?: string; lifetime?: number; kilobytes?: number }
interface IkePolicy { mode?: string; proposals: string[]; psk?: string }
interface Gateway { policy?: string; address?: string; /** The peer is named (hostname, dynamic) in a statement this reader reported as not understood. */ unread?: boolean; local?: string; version?: string; localId?: string; remoteId?: string; dpd?: number; external?: string; noNatT?: boolean }
interface IpsecPolicy { pfs?: string; proposals: string[] }
interface Vpn { bind?: string; gateway?: string; policy?: string; proxy: { local?: string; remote?: string; service?: string }; selectors: Map<string, { local?: string; remote?: string }>; monitor?: { destinationIp?: string; sourceInterface?: string; optimized?: boolean } }
interface Application { protocol?: string; destinationPort?: string; sourcePort?: string }
interface Policy { name: string; from: string; to: string; sources: string[]; destinations: string[]; applications: string[]; action?: 'allow' | 'deny'; vpn?: string }
interface Unit { addresses: string[]; family: boolean }
interface NatSet { kind: 'source' | 'static' | 'destination'; from?: string; to?: string; rules: Map<string, { sources: string[]; destinations: string[]; then?: string[] }> }
type AddressEntry = { range: AddressRange } | { members: string[] } | { unresolved: true };

type Outcome = 'used' | 'ignored' | 'unknown';

function groupOf(text: string | undefined): DhGroup[] {
  const m = /^group(\d+)$/.exec(text ?? '');
  return m ? [Number(m[1]) as DhGroup] : [];
}

function port(text: string | undefined): { from: number; to: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text ?? '');
  return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : { from: 0, to: 65535 };
}

function side(range: AddressRange, protocol = 0, ports = { from: 0, to: 65535 }): string {
  return formatSelector(fromRange(range, protocol, ports.from, ports.to));
}

/** `ge-0/0/1` as Junos means it where a logical interface is wanted: its unit 0. */
const logical = (name: string) => (name.includes('.') ? name : `${name}.0`);

const isNumber = (x: string | undefined) => /^\d+$/.test(x ?? '');

/** A prefix as the exporter writes it (10.1.0.0/24), so that the box's `10.1.0.0/24` and `10.1.0.1/24` are one key; undefined when not a prefix. */
function prefixKey(text: string): string | undefined {
  const r = parsePrefix(text);
  return r.ok ? cidr(r.value) : undefined;
}

/**
 * A `match` of keys each followed by a value or a `[ … ]` list: one key per statement in the
 * hierarchical form, several on one `set` line as `match source-address a destination-address b`.
 */
function pairs(words: readonly string[], take: (key: string, list: string[]) => boolean): 'used' | 'unknown' {
  let i = 0;
  while (i < words.length) {
    const key = words[i] as string;
    const list = values(words.slice(i + 1));
    if (list.length === 0 || !take(key, list)) return 'unknown';
    i += 1 + (words[i + 1] === '[' ? list.length + 2 : 1);
  }
  return i > 0 ? 'used' : 'unknown';
}

export const junosReader: VendorReader = {
  recognize: recognizeJunos,
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const ikeProposals = new Map<string, Proposal>();
    const ikePolicies = new Map<string, IkePolicy>();
    const gateways = new Map<string, Gateway>();
    const espProposals = new Map<string, Proposal>();
    const ipsecPolicies = new Map<string, IpsecPolicy>();
    const vpns = new Map<string, Vpn>();
    /** Address books by name (`global`, a named book, or `zone:<zone>` for a zone's own). */
    const books = new Map<string, Map<string, AddressEntry>>();
    const attached = new Map<string, string[]>();
    const applications = new Map<string, Application>();
    const applicationSets = new Map<string, string[]>();
    const policies = new Map<string, Policy>();
    const ikeZones = new Set<string>();
    const staticRoutes = new Map<string, { destination: string; nextHops: string[]; metric?: number }>();
    const units = new Map<string, Unit>();
    const zoneOf = new Map<string, string>();
    const natSets = new Map<string, NatSet>();
    const natPools = new Map<string, string>();
    let hostname: string | undefined;
    let osVersion: string | undefined;

    for (const file of files) {
      const list = statementsOf(file.content);
      // A cut-off file is refused whole: what is missing could be anything, the VPN included.
      if (list.unclosed) return { ok: false, message: `${file.name}: the file ends inside ${list.unclosed.blocks} block${list.unclosed.blocks > 1 ? 's' : ''} not closed with "}" (after line ${list.unclosed.line}): the file looks cut off; give the whole "show configuration"` };
      const expanded = expandGroups(list.statements);
      const outcome = new Map<Statement, Outcome>(expanded.own);
      for (const e of expanded.effective) {
        const got = read(e.words);
        const was = outcome.get(e.source);
        if (was === undefined || got === 'used' || (got === 'unknown' && was === 'ignored')) outcome.set(e.source, got);
      }
      const unknown: LineAccount['unknown'] = list.broken.map((b) => ({ file: file.name, line: b.line, text: b.text }));
      for (const s of list.statements) {
        const o = s.inactive ? 'ignored' : (outcome.get(s) ?? 'ignored');
        if (o === 'used') lines.used++;
        else if (o === 'ignored') lines.ignored++;
        else unknown.push({ file: file.name, line: s.line, text: s.text });
      }
      for (const m of list.meta) {
        if (m.kind === 'deactivate') lines.used++;
        else lines.ignored++;
      }
      lines.unknown.push(...unknown.sort((a, b) => a.line - b.line));
    }

    function proposal(map: Map<string, Proposal>, name: string, v: readonly string[], auth: Record<string, Integrity>): Outcome {
      const p = entry(map, name, () => ({}));
      const [k, x] = v;
      if (k === undefined || k === 'authentication-method' || (k === 'protocol' && x === 'esp') || k === 'description') return 'used';
      if (k === 'dh-group' && x) p.dh = x;
      else if (k === 'authentication-algorithm' && x && auth[x]) p.auth = x;
      else if (k === 'encryption-algorithm' && x && ENC[x]) p.enc = x;
      else if (k === 'lifetime-seconds' && isNumber(x)) p.lifetime = Number(x);
      else if (k === 'lifetime-kilobytes' && isNumber(x)) p.kilobytes = Number(x);
      else return 'unknown';
      return 'used';
    }

    function book(name: string): Map<string, AddressEntry> {
      return entry(books, name, () => new Map());
    }

    /** An address-book statement (`address N …`, `address-set S …`, `description`) of one book. */
    function addressBook(b: Map<string, AddressEntry>, v: readonly string[]): Outcome {
      const [k, name, x, y] = v;
      if (k === 'description') return 'ignored';
      if (k === 'address' && name && x) {
        if (x === 'description') return 'ignored';
        if (x === 'dns-name' || x === 'wildcard-address') {
          b.set(name, { unresolved: true });
          return 'used';
        }
        const r = parseAddressSpec(x === 'range-address' && v[4] === 'to' ? `${y ?? ''}-${v[5] ?? ''}` : x);
        if (!r.ok) return 'unknown';
        b.set(name, { range: r.value });
        return 'used';
      }
      if (k === 'address-set' && name) {
        if (x === 'description') return 'ignored';
        if ((x === 'address' || x === 'address-set') && y) {
          const e = b.get(name);
          const members = e && 'members' in e ? e.members : [];
          addAll(members, [y]);
          b.set(name, { members });
          return 'used';
        }
      }
      return 'unknown';
    }

    /** Reads one statement in effect (its words without `set`). */
    function read(w: readonly string[]): Outcome {
      const [a, b, c, d, ...v] = w;
      if (a === 'version' && b) {
        osVersion = b;
        return 'used';
      }
      if (a === 'system') {
        if (b === 'host-name' && c) {
          hostname = c;
          return 'used';
        }
        return 'ignored';
      }
      if (a === undefined || UNRELATED_TOP.has(a)) return 'ignored';
      if (a === 'interfaces') return iface(w.slice(1));
      if (a === 'routing-options') return routing(w.slice(1));
      if (a === 'routing-instances' && b) {
        // A routing instance's static routes are the box's routes too (the model has one table); the rest is routing.
        if (c === 'routing-options') return routing(w.slice(3));
        return 'ignored';
      }
      if (a === 'applications') return application(w.slice(1));
      if (a === 'logical-systems') return w.includes('ike') || w.includes('ipsec') ? 'unknown' : 'ignored';
      if (a !== 'security') return 'unknown';
      if (b === undefined || UNRELATED_SECURITY.has(b)) return 'ignored';
      if (b === 'ike') {
        if (c === 'traceoptions' || c === 'respond-bad-spi') return 'ignored';
        if (c === 'proposal' && d) return proposal(ikeProposals, d, v, IKE_AUTH);
        if (c === 'policy' && d) {
          const p = entry(ikePolicies, d, () => ({ proposals: [] }));
          if (v[0] === 'mode' && v[1]) p.mode = v[1];
          else if (v[0] === 'proposals') addAll(p.proposals, values(v.slice(1)));
          else if (v[0] === 'pre-shared-key' && (v[1] === 'ascii-text' || v[1] === 'hexadecimal') && v[2] !== undefined) p.psk = v[1] === 'ascii-text' ? v[2] : '';
          else if (v[0] === 'description') return 'ignored';
          else return 'unknown';
          return 'used';
        }
        if (c === 'gateway' && d) return gateway(entry(gateways, d, () => ({})), v);
        return 'unknown';
      }
      if (b === 'ipsec') {
        if (c === 'traceoptions' || c === 'vpn-monitor-options') return 'ignored';
        if (c === 'proposal' && d) return proposal(espProposals, d, v, ESP_AUTH);
        if (c === 'policy' && d) {
          const p = entry(ipsecPolicies, d, () => ({ proposals: [] }));
          if (v[0] === 'perfect-forward-secrecy' && v[1] === 'keys' && v[2]) p.pfs = v[2];
          else if (v[0] === 'proposals') addAll(p.proposals, values(v.slice(1)));
          else if (v[0] === 'description') return 'ignored';
          else return 'unknown';
          return 'used';
        }
        if (c === 'vpn' && d) return vpn(entry(vpns, d, () => ({ proxy: {}, selectors: new Map() })), v);
        return 'unknown';
      }
      if (b === 'address-book' && c) {
        if (d === 'attach' && v[0] === 'zone' && v[1]) {
          addAll(entry(attached, v[1], () => []), [c]);
          return 'used';
        }
        return addressBook(book(c), [d ?? '', ...v]);
      }
      if (b === 'zones') return zones(w.slice(2));
      if (b === 'policies') return policy(w.slice(2));
      if (b === 'nat') return nat(w.slice(2));
      return 'unknown';
    }

    function gateway(g: Gateway, v: readonly string[]): Outcome {
      const [k, x, y] = v;
      if (k === 'ike-policy' && x) g.policy = x;
      else if (k === 'address' && x) {
        // `address (ip-address | hostname)`, or a list (the first is the one tried first): a hostname peer is not read.
        const first = values(v.slice(1))[0] as string;
        if (!parseIp(first).ok) {
          g.unread = true;
          return 'unknown';
        }
        g.address ??= first;
      } else if (k === 'dynamic') {
        g.unread = true;
        return 'unknown';
      }
      else if (k === 'local-address' && x) g.local = x;
      else if (k === 'version' && x) g.version = x;
      else if (k === 'external-interface' && x) g.external = logical(x);
      else if (k === 'no-nat-traversal') g.noNatT = true;
      else if ((k === 'local-identity' || k === 'remote-identity') && x && ID_TYPES[x]) {
        const id = `${ID_TYPES[x]}:${y ?? ''}`;
        if (k === 'local-identity') g.localId = id;
        else g.remoteId = id;
      } else if (k === 'dead-peer-detection') {
        if (x === 'interval' && isNumber(y)) g.dpd = Number(y);
        else if (x === undefined || x === 'threshold' || x === 'always-send' || x === 'optimized' || x === 'probe-idle-tunnel') g.dpd ??= 10;
        else return 'unknown';
      } else if (k === 'nat-keepalive' || k === 'description' || k === 'fragmentation' || k === 'general-ikeid') return 'ignored';
      else return 'unknown';
      return 'used';
    }

    function vpn(p: Vpn, v: readonly string[]): Outcome {
      const [k, x, y] = v;
      if (k === 'bind-interface' && x) p.bind = x;
      else if (k === 'ike' && x === 'gateway' && y) p.gateway = y;
      else if (k === 'ike' && x === 'ipsec-policy' && y) p.policy = y;
      else if (k === 'ike' && x === 'proxy-identity' && y) {
        // One line (`local A remote B service S`) or, in the hierarchical form, one statement each.
        let read = false;
        for (let i = 2; i + 1 < v.length; i += 2) {
          const key = v[i] as 'local' | 'remote' | 'service';
          if (key !== 'local' && key !== 'remote' && key !== 'service') return 'unknown';
          p.proxy[key] = v[i + 1] as string;
          read = true;
        }
        if (!read) return 'unknown';
      } else if (k === 'traffic-selector' && x) {
        const ts = entry(p.selectors, x, () => ({}));
        let read = false;
        for (let i = 2; i + 1 < v.length; i += 2) {
          if (v[i] === 'local-ip') ts.local = v[i + 1];
          else if (v[i] === 'remote-ip') ts.remote = v[i + 1];
          else return 'unknown';
          read = true;
        }
        if (!read) return 'unknown';
      } else if (k === 'vpn-monitor') {
        p.monitor ??= {};
        if (x === 'destination-ip' && y) p.monitor.destinationIp = y;
        else if (x === 'source-interface' && y) p.monitor.sourceInterface = y;
        else if (x === 'optimized') p.monitor.optimized = true;
        else if (x !== undefined) return 'unknown';
      } else if (k === 'establish-tunnels' || k === 'df-bit' || k === 'copy-outer-dscp' || k === 'description') return 'used';
      else return 'unknown';
      return 'used';
    }

    function iface(v: readonly string[]): Outcome {
      const ifd = v[0];
      if (!ifd) return 'unknown';
      if (ifd === 'interface-range' || MANAGEMENT.test(ifd.split('.')[0] as string)) return 'ignored';
      // `set interfaces st0.0 family inet …` is the CLI's short form of `st0 unit 0 family inet …`.
      const dotted = /^(.+)\.(\d+)$/.exec(ifd);
      const name = dotted ? (dotted[1] as string) : ifd;
      const tunnel = /^st\d+$/.test(name);
      let u: string;
      let rest: readonly string[];
      if (dotted) [u, rest] = [dotted[2] as string, v.slice(1)];
      else if (v[1] === 'unit' && isNumber(v[2])) [u, rest] = [v[2] as string, v.slice(3)];
      else return !tunnel || v[1] === 'description' ? 'ignored' : 'unknown';
      const unit = entry(units, `${name}.${u}`, () => ({ addresses: [], family: false }));
      const [f, family, what, address] = rest;
      if (f === undefined) return tunnel ? 'used' : 'ignored';
      if (f === 'family' && (family === 'inet' || family === 'inet6')) {
        if (tunnel) unit.family = true;
        if (what === undefined) return tunnel ? 'used' : 'ignored';
        if (what === 'address' && address) {
          if (!parseInterfaceAddress(address).ok) return 'unknown';
          addAll(unit.addresses, [address]);
          return 'used';
        }
        if (what === 'mtu' || what === 'filter' || what === 'sampling' || what === 'dhcp' || what === 'dhcp-client' || what === 'no-redirects') return 'ignored';
        return tunnel ? 'unknown' : 'ignored';
      }
      if (f === 'description') return 'ignored';
      return tunnel ? 'unknown' : 'ignored';
    }

    function routing(v: readonly string[]): Outcome {
      // `static route …`, or `rib inet6.0 static route …`.
      const at = v[0] === 'rib' ? 2 : 0;
      if (v[at] !== 'static') return 'ignored';
      if (v[at + 1] !== 'route') return 'ignored';
      const destination = v[at + 2];
      if (!destination || !parsePrefix(destination).ok) return 'unknown';
      const r = entry(staticRoutes, destination, () => ({ destination, nextHops: [] }));
      const [k, x] = v.slice(at + 3);
      if ((k === 'next-hop' || k === 'qualified-next-hop') && x) addAll(r.nextHops, values(v.slice(at + 4)));
      else if (k === 'metric' && isNumber(x)) r.metric = Number(x);
      else return 'ignored';
      return 'used';
    }

    function application(v: readonly string[]): Outcome {
      const [k, name, ...rest] = v;
      if (k === 'application-set' && name) {
        if (rest[0] === 'application' && rest[1]) addAll(entry(applicationSets, name, () => []), [rest[1]]);
        else if (rest[0] !== 'description') return 'unknown';
        return 'used';
      }
      if (k !== 'application' || !name) return 'unknown';
      const app = entry(applications, name, () => ({}));
      // A term (`term t1 protocol tcp …`) is read as the application itself: the first term's values are kept.
      const [key, x] = rest[0] === 'term' ? rest.slice(2) : rest;
      if (key === 'protocol' && x) app.protocol ??= x;
      else if (key === 'destination-port' && x) app.destinationPort ??= x;
      else if (key === 'source-port' && x) app.sourcePort ??= x;
      else if (key === 'description' || key === 'inactivity-timeout' || key === 'application-protocol' || key === 'alg') return 'ignored';
      else return 'unknown';
      return 'used';
    }

    function zones(v: readonly string[]): Outcome {
      const [k, zone, x, y, ...rest] = v;
      if (k === 'functional-zone') return 'ignored';
      if (k !== 'security-zone' || !zone) return 'unknown';
      if (x === 'interfaces' && y) {
        zoneOf.set(logical(y), zone);
        if (rest.length === 0) return 'used';
        if (rest[0] === 'host-inbound-traffic') {
          if (rest.join(' ') === 'host-inbound-traffic system-services ike' || rest.join(' ') === 'host-inbound-traffic system-services all') ikeZones.add(zone);
          return 'used';
        }
        return 'unknown';
      }
      if (x === 'host-inbound-traffic') {
        if (y === 'system-services' && (rest[0] === 'ike' || rest[0] === 'all') && rest[1] === undefined) ikeZones.add(zone);
        return y === 'system-services' || y === 'protocols' ? 'used' : 'unknown';
      }
      if (x === 'address-book') {
        addAll(entry(attached, zone, () => []), [`zone:${zone}`]);
        return addressBook(book(`zone:${zone}`), [y ?? '', ...rest]);
      }
      if (x === 'screen' || x === 'tcp-rst' || x === 'application-tracking' || x === 'description' || x === 'enable-reverse-reroute' || x === 'source-identity-log') return 'ignored';
      return 'unknown';
    }

    function policy(v: readonly string[]): Outcome {
      const [k] = v;
      if (k === 'default-policy' || k === 'policy-rematch' || k === 'pre-id-default-policy' || k === 'traceoptions') return 'ignored';
      let from = 'any';
      let to = 'any';
      let rest: readonly string[];
      if (k === 'from-zone' && v[1] && v[2] === 'to-zone' && v[3] && v[4] === 'policy' && v[5]) {
        from = v[1];
        to = v[3];
        rest = v.slice(5);
      } else if (k === 'global' && v[1] === 'policy' && v[2]) rest = v.slice(2);
      else return 'unknown';
      const name = rest[0] as string;
      const p = entry(policies, `${from}\u0000${to}\u0000${name}`, () => ({ name, from, to, sources: [], destinations: [], applications: [] }));
      const [what, ...more] = rest.slice(1);
      if (what === 'description' || what === 'scheduler-name') return 'ignored';
      if (what === 'match') {
        return pairs(more, (key, list) => {
          if (key === 'source-address') addAll(p.sources, list);
          else if (key === 'destination-address') addAll(p.destinations, list);
          else if (key === 'application') addAll(p.applications, list);
          else if (k === 'global' && key === 'from-zone' && list[0]) p.from = list[0];
          else if (k === 'global' && key === 'to-zone' && list[0]) p.to = list[0];
          else return false;
          return true;
        });
      }
      if (what === 'then') {
        const [act, t, vpnWord, vpnName] = more;
        if (act === 'permit') {
          p.action = 'allow';
          if (t === 'tunnel') {
            if (vpnWord === 'ipsec-vpn' && vpnName) p.vpn = vpnName;
            else if (vpnWord !== 'pair-policy') return 'unknown';
          } else if (t !== undefined && t !== 'application-services' && t !== 'destination-address') return 'unknown';
          return 'used';
        }
        if (act === 'deny' || act === 'reject') {
          p.action = 'deny';
          return 'used';
        }
        if (act === 'log' || act === 'count') return 'ignored';
      }
      return 'unknown';
    }

    function nat(v: readonly string[]): Outcome {
      const [kind, k, name, ...rest] = v as [string | undefined, string | undefined, string | undefined, ...string[]];
      if (kind === 'proxy-arp' || kind === 'proxy-ndp' || kind === 'traceoptions') return 'ignored';
      if (kind !== 'source' && kind !== 'static' && kind !== 'destination') return 'unknown';
      if (k === 'pool' && name) {
        if (rest[0] === 'address' && rest[1]) natPools.set(name, rest[1]);
        else if (rest[0] !== 'description' && rest[0] !== 'routing-instance' && rest[0] !== 'port' && rest[0] !== 'address-persistent') return 'unknown';
        return 'used';
      }
      if (k === 'address-persistent' || k === 'pool-utilization-alarm' || k === 'port-randomization' || k === 'interface') return 'ignored';
      if (k !== 'rule-set' || !name) return 'unknown';
      const set = entry(natSets, `${kind}\u0000${name}`, () => ({ kind: kind as NatSet['kind'], rules: new Map() }));
      const [x, y, z, ...more] = rest;
      if ((x === 'from' || x === 'to') && y && z) {
        if (y === 'zone' || y === 'interface') set[x as 'from' | 'to'] = y === 'interface' ? `interface:${logical(z)}` : z;
        else if (y !== 'routing-instance') return 'unknown';
        return 'used';
      }
      if (x === 'description') return 'ignored';
      if (x !== 'rule' || !y) return 'unknown';
      const rule = entry(set.rules, y, () => ({ sources: [], destinations: [] }));
      if (z === 'match') {
        return pairs(more, (key, list) => {
          if (key === 'source-address') addAll(rule.sources, list);
          else if (key === 'destination-address') addAll(rule.destinations, list);
          else return key === 'destination-port' || key === 'source-port' || key === 'protocol' || key === 'application' || key === 'source-address-name' || key === 'destination-address-name';
          return true;
        });
      }
      if (z === 'then' && more[0]) {
        rule.then = more;
        return 'used';
      }
      if (z === 'description') return 'ignored';
      return 'unknown';
    }

    /** An address name as a zone's policies mean it: the zone's books first, then the global one. */
    function resolve(name: string, zone: string, seen = new Set<string>()): AddressRange[] | undefined {
      if (name === 'any' || name === 'any-ipv4') return [parseAddressSpec('0.0.0.0/0')].flatMap((r) => (r.ok ? [r.value] : []));
      if (name === 'any-ipv6') return [parseAddressSpec('::/0')].flatMap((r) => (r.ok ? [r.value] : []));
      if (seen.has(name)) return undefined;
      seen.add(name);
      const order = [...(attached.get(zone) ?? []), 'global', ...books.keys()];
      for (const b of order) {
        const e = books.get(b)?.get(name);
        if (!e) continue;
        if ('range' in e) return [e.range];
        if ('unresolved' in e) return undefined;
        const out: AddressRange[] = [];
        for (const m of e.members) {
          const r = resolve(m, zone, seen);
          if (!r) return undefined;
          out.push(...r);
        }
        return out;
      }
      return undefined;
    }

    /** An application's protocol and its source and destination ports (`any`: every protocol and port); undefined when not known. */
    function matchOf(name: string): [number, { from: number; to: number }, { from: number; to: number }] | undefined {
      if (name === 'any') return [0, port(undefined), port(undefined)];
      const app = applications.get(name) ?? PREDEFINED[name];
      if (!app) return undefined;
      const protocol = !app.protocol ? 0 : (({ tcp: 6, udp: 17, icmp: 1 }) as Record<string, number>)[app.protocol] ?? Number(app.protocol);
      if (Number.isNaN(protocol)) return undefined;
      const dst = 'destinationPort' in app ? app.destinationPort : (app as { port?: string }).port;
      return [protocol, port('sourcePort' in app ? app.sourcePort : undefined), port(dst)];
    }
    const applicationsOf = (names: readonly string[]) => (names.length === 0 ? ['any'] : names).flatMap((n) => applicationSets.get(n) ?? [n]);

    /** An address name as the zone's policies mean it, as the box's entries (book, name, prefix) it stands for; undefined when one is not a prefix or not found. */
    function entriesOf(name: string, zone: string, seen = new Set<string>()): { book: string; name: string; prefix: string }[] | undefined {
      if (seen.has(name) || name === 'any' || name === 'any-ipv4' || name === 'any-ipv6') return undefined;
      seen.add(name);
      for (const b of [...(attached.get(zone) ?? []), 'global', ...books.keys()]) {
        const e = books.get(b)?.get(name);
        if (!e) continue;
        if ('unresolved' in e) return undefined;
        if ('range' in e) {
          const prefix = cidr(e.range);
          return prefix ? [{ book: b, name, prefix }] : undefined;
        }
        const out: { book: string; name: string; prefix: string }[] = [];
        for (const m of e.members) out.push(...(entriesOf(m, zone, seen) ?? []));
        return out;
      }
      return undefined;
    }

    /**
     * The box's policies and NAT exemption rules, indexed once by what finds them for a VPN (so a
     * hub's thousands of VPNs read in linear time): a route-based VPN's policies by the st0 unit's
     * zone and a prefix of the other side (into the zone by destination, out of it by source), and
     * how many policies go into or out of each zone (a zone with one is that VPN's, prefixes or not);
     * the exemption rules (`then source-nat off`) by their zones and destination prefix.
     */
    function boxNameIndex() {
      const into = new Map<string, Policy>();
      const outOf = new Map<string, Policy>();
      const intoZone = new Map<string, Policy[]>();
      const outOfZone = new Map<string, Policy[]>();
      for (const p of policies.values()) {
        if (p.action !== 'allow' || p.vpn !== undefined || p.from === p.to || p.from === 'any' || p.to === 'any') continue;
        entry(intoZone, p.to, () => []).push(p);
        entry(outOfZone, p.from, () => []).push(p);
        for (const n of p.destinations) for (const r of resolve(n, p.to) ?? []) {
          const c = cidr(r);
          if (c && !into.has(`${p.to}\u0000${c}`)) into.set(`${p.to}\u0000${c}`, p);
        }
        for (const n of p.sources) for (const r of resolve(n, p.from) ?? []) {
          const c = cidr(r);
          if (c && !outOf.has(`${p.from}\u0000${c}`)) outOf.set(`${p.from}\u0000${c}`, p);
        }
      }
      const exemptions = new Map<string, { set: string; rule: string; match: string }>();
      for (const [key, set] of natSets) {
        if (set.kind !== 'source' || !set.from || !set.to || set.from.startsWith('interface:') || set.to.startsWith('interface:')) continue;
        const setName = key.split('\u0000')[1] as string;
        for (const [ruleName, rule] of set.rules) {
          if (rule.then?.[0] !== 'source-nat' || rule.then[1] !== 'off') continue;
          const texts = (xs: readonly string[]) => xs.map((x) => prefixKey(x) ?? x).join(',');
          const match = `${texts(rule.sources)}:${texts(rule.destinations)}`;
          for (const d of rule.destinations) {
            const k = `${set.from}\u0000${set.to}\u0000${prefixKey(d) ?? d}`;
            if (!exemptions.has(k)) exemptions.set(k, { set: setName, rule: ruleName, match });
          }
        }
      }
      return { into, outOf, intoZone, outOfZone, exemptions };
    }

    /**
     * The names this VPN's objects have on the box, as the product's tunnel-end settings
     * (options.ts), so that the export of the imported box writes its own names. A name a setting
     * cannot hold (JUNOS_NAME: a space, a quote, longer than 63) is not recorded, nor the names
     * after it in a list (the export names by position): the export derives those, as for a
     * tunnel drawn in the app.
     */
    function boxNames(vpnName: string, vpn: Vpn, g: Gateway, remotes: ReadonlySet<string>): VendorOptions {
      const out: Partial<JunosEndOptions> = {};
      const fits = (x: string | undefined): x is string => x !== undefined && JUNOS_NAME.test(x);
      const zoneFits = (x: string | undefined): x is string => x !== undefined && /^[A-Za-z0-9_.-]{1,63}$/u.test(x);
      const list = (xs: readonly string[]) => {
        const at = xs.findIndex((x) => !fits(x));
        return (at < 0 ? xs : xs.slice(0, at)).join(',');
      };
      const set = (key: keyof JunosEndOptions, value: string) => {
        if (value !== '') out[key] = value;
      };
      if (fits(vpnName)) out.ipsecVpn = vpnName;
      if (fits(vpn.gateway)) out.ikeGateway = vpn.gateway;
      const ikePolicy = g.policy ? ikePolicies.get(g.policy) : undefined;
      if (ikePolicy && fits(g.policy)) out.ikePolicy = g.policy;
      set('ikeProposals', list((ikePolicy?.proposals ?? []).filter((p) => ikeProposals.has(p))));
      const ipsecPolicy = vpn.policy ? ipsecPolicies.get(vpn.policy) : undefined;
      if (ipsecPolicy && fits(vpn.policy)) out.ipsecPolicy = vpn.policy;
      set('ipsecProposals', list((ipsecPolicy?.proposals ?? []).filter((p) => espProposals.has(p))));
      set('trafficSelectors', list([...vpn.selectors.keys()]));
      if (vpn.bind && vpn.selectors.size === 0 && (vpn.proxy.local !== undefined || vpn.proxy.remote !== undefined)) out.selectorStyle = 'proxy-identity';
      // The policies: a policy-based VPN's are those that permit into it; a route-based one's go
      // into and out of its st0 unit's zone, found by the prefixes its traffic goes to.
      let outward: Policy[] = [];
      let inward: Policy[] = [];
      if (!vpn.bind) {
        const own = policiesOf.get(vpnName) ?? [];
        const first = own.find((p) => ikeZones.has(p.to)) ?? own[0];
        if (first) {
          outward = own.filter((p) => p.from === first.from && p.to === first.to);
          inward = own.filter((p) => p.from === first.to && p.to === first.from);
        }
      } else {
        const zone = zoneOf.get(vpn.bind);
        if (zone !== undefined) {
          const by = (index: ReadonlyMap<string, Policy>, all: ReadonlyMap<string, Policy[]>) => {
            for (const r of remotes) {
              const p = index.get(`${zone}\u0000${r}`);
              if (p) return p;
            }
            const only = all.get(zone);
            return only?.length === 1 ? only[0] : undefined;
          };
          const o = by(names.into, names.intoZone);
          const i = by(names.outOf, names.outOfZone);
          if (o) outward = [o];
          if (i && (!o || (i.to === o.from && i.from === o.to))) inward = [i];
          // The policies as the box has them: the export keeps their members (a route-based VPN's policies are the firewall's, not its proxy IDs).
          const match = (p: Policy | undefined) => {
            const m = p ? [p.sources, p.destinations, p.applications].map((xs) => (xs.length === 0 ? 'any' : xs.join(','))).join(':') : '';
            return m.length <= 1024 && JUNOS_POLICY_MATCH.test(m) ? m : '';
          };
          set('policyOutMatch', match(outward[0]));
          set('policyInMatch', match(inward[0]));
        }
      }
      const first = outward[0] ?? (inward[0] ? { from: inward[0].to, to: inward[0].from } : undefined);
      if (first && zoneFits(first.from) && zoneFits(first.to)) {
        out.localZone = first.from;
        out.tunnelZone = first.to;
        set('policiesOut', list(outward.map((p) => p.name)));
        set('policiesIn', list(inward.map((p) => p.name)));
        // The address-book entries those policies name, by the prefix each stands for.
        const entries = new Map<string, string>();
        const take = (n: string, zone: string) => {
          for (const e of entriesOf(n, zone) ?? []) if (fits(e.name) && zoneFits(e.book) && !e.book.startsWith('zone:') && !entries.has(e.prefix)) entries.set(e.prefix, `${e.prefix}=${e.book}:${e.name}`);
        };
        for (const p of [...outward, ...inward]) {
          for (const n of p.sources) take(n, p.from);
          for (const n of p.destinations) take(n, p.to);
        }
        const book = [...entries.values()].join(',');
        if (book.length <= 1024 && JUNOS_ADDRESS_LIST.test(book)) set('addressBook', book);
        for (const r of remotes) {
          const x = names.exemptions.get(`${first.from}\u0000${first.to}\u0000${r}`);
          if (x && fits(x.set) && fits(x.rule)) {
            out.natRuleSet = x.set;
            out.natRule = x.rule;
            if (x.match.length <= 1024 && JUNOS_NAT_MATCH.test(x.match)) out.natRuleMatch = x.match;
            break;
          }
        }
      }
      return { 'junos-srx': out as Record<string, string> };
    }

    // Indexed once, so a hub's thousands of VPNs, routes and policies read in linear time.
    const routesVia = new Map<string, string[]>();
    for (const r of staticRoutes.values()) for (const hop of r.nextHops) entry(routesVia, hop, () => []).push(r.destination);
    const policiesOf = new Map<string, Policy[]>();
    for (const p of policies.values()) if (p.vpn !== undefined) entry(policiesOf, p.vpn, () => []).push(p);
    const names = boxNameIndex();
    const peers: PeerMeaning[] = [];
    for (const [name, vpn] of vpns) {
      const g = vpn.gateway ? gateways.get(vpn.gateway) : undefined;
      // A hostname or dynamic peer: its statements are reported as not understood, and the VPN is not a peer here.
      if (g?.unread && !g.address) continue;
      if (!g || !g.address) return { ok: false, message: `VPN ${name} names IKE gateway ${vpn.gateway ?? '(none)'}, which has no address in the files: give the gateway its peer's address, or leave that VPN out` };
      const ikePolicy = g.policy ? ikePolicies.get(g.policy) : undefined;
      const ipsecPolicy = vpn.policy ? ipsecPolicies.get(vpn.policy) : undefined;
      const ike = (ikePolicy?.proposals ?? []).map((p) => ikeProposals.get(p)).filter((p): p is Proposal => p !== undefined);
      const esp = (ipsecPolicy?.proposals ?? []).map((p) => espProposals.get(p)).filter((p): p is Proposal => p !== undefined);
      const meaningOf = (p: Proposal, auth: Record<string, Integrity>, groups: DhGroup[]): ProposalMeaning => ({
        encryption: p.enc && ENC[p.enc] ? [ENC[p.enc] as Encryption] : [],
        integrity: p.auth && auth[p.auth] ? [auth[p.auth] as Integrity] : [],
        dhGroups: groups,
      });
      const espMeaning = {
        proposals: esp.map((p) => meaningOf(p, ESP_AUTH, groupOf(ipsecPolicy?.pfs))),
        ...(esp[0]?.lifetime !== undefined ? { lifetimeSeconds: esp[0].lifetime } : {}),
        ...(esp[0]?.kilobytes !== undefined ? { lifetimeKilobytes: esp[0].kilobytes } : {}),
      };
      const children: ChildMeaning[] = [];
      /** The prefixes this VPN's traffic goes to: its selectors' remote sides and routes (what its box policies and NAT exemption are found by). */
      const remotes = new Set<string>((vpn.bind ? routesVia.get(vpn.bind) ?? [] : []).map((x) => prefixKey(x) ?? x));
      const remoteOf = (r: AddressRange) => {
        const c = cidr(r);
        if (c) remotes.add(c);
      };
      const child = (local: string, remote: string, childName?: string) => children.push({ local, remote, esp: espMeaning, ...(childName ? { name: childName } : {}) });
      const prefix = (text: string) => {
        const r = parsePrefix(text);
        return r.ok ? r.value : undefined;
      };
      if (vpn.selectors.size > 0) {
        for (const [tsName, ts] of vpn.selectors) {
          const l = ts.local ? prefix(ts.local) : undefined;
          const r = ts.remote ? prefix(ts.remote) : undefined;
          if (!l || !r) return { ok: false, message: `traffic selector ${tsName} of VPN ${name} has no local-ip or remote-ip prefix: give it both` };
          remoteOf(r);
          child(side(l), side(r), tsName);
        }
      } else if (vpn.proxy.local !== undefined || vpn.proxy.remote !== undefined) {
        const l = vpn.proxy.local ? prefix(vpn.proxy.local) : undefined;
        const r = vpn.proxy.remote ? prefix(vpn.proxy.remote) : undefined;
        if (!l || !r) return { ok: false, message: `the proxy-identity of VPN ${name} is not a local and a remote prefix: give it both` };
        const [protocol, src, dst] = matchOf(vpn.proxy.service ?? 'any') ?? [0, port(undefined), port(undefined)];
        remoteOf(r);
        child(side(l, protocol, src), side(r, protocol, dst));
      } else if (!vpn.bind) {
        // Policy-based: the policy toward the zone IKE arrives in carries the VPN's local and remote addresses.
        const own = policiesOf.get(name) ?? [];
        const out = own.find((p) => ikeZones.has(p.to)) ?? own[0];
        for (const p of own.filter((x) => out && x.from === out.from && x.to === out.to)) {
          for (const app of applicationsOf(p.applications)) {
            const [protocol, src, dst] = matchOf(app) ?? [0, port(undefined), port(undefined)];
            for (const ln of p.sources) for (const rn of p.destinations) {
              for (const l of resolve(ln, p.from) ?? []) {
                for (const r of resolve(rn, p.to) ?? []) {
                  remoteOf(r);
                  child(side(l, protocol, src), side(r, protocol, dst));
                }
              }
            }
          }
        }
      } else {
        child('0.0.0.0/0', '0.0.0.0/0');
        (children[0] as ChildMeaning).implicit = true;
      }
      peers.push({
        remoteAddress: g.address,
        ...(g.local ? { localAddress: g.local } : {}),
        ikeVersion: g.version === 'v2-only' ? 2 : 1,
        ...(g.version === 'v2-only' ? {} : { exchangeMode: ikePolicy?.mode === 'aggressive' ? 'aggressive' : 'main' }),
        ike: { proposals: ike.map((p) => meaningOf(p, IKE_AUTH, groupOf(p.dh))), ...(ike[0]?.lifetime !== undefined ? { lifetimeSeconds: ike[0].lifetime } : {}) },
        auth: { method: ikePolicy?.psk !== undefined ? 'psk' : 'certificate', ...(g.localId ? { localId: g.localId } : {}), ...(g.remoteId ? { remoteId: g.remoteId } : {}) },
        ...(g.dpd !== undefined ? { dpd: { intervalSeconds: g.dpd } } : {}),
        children,
        routes: vpn.bind ? [...new Set(routesVia.get(vpn.bind) ?? [])] : [],
        name: vpn.gateway as string,
        ...(g.external ? { outsideInterface: g.external } : {}),
        ...(vpn.bind ? { tunnelInterface: vpn.bind } : {}),
        // A key the box prints starts with `$9$` (its reversible encryption of secrets, as `show configuration` shows every secret): present, not readable.
        ...(ikePolicy?.psk !== undefined ? { pskPresent: true, ...(ikePolicy.psk && !ikePolicy.psk.startsWith('$9$') ? { psk: ikePolicy.psk } : {}) } : {}),
        ...(g.noNatT ? { natTraversal: false } : {}),
        ...(vpn.monitor ? { monitor: { ...(vpn.monitor.destinationIp ? { destinationIp: vpn.monitor.destinationIp } : {}), ...(vpn.monitor.sourceInterface ? { sourceInterface: vpn.monitor.sourceInterface } : {}), ...(vpn.monitor.optimized ? { optimized: true } : {}) } } : {}),
        vendorOptions: boxNames(name, vpn, g, remotes),
      });
    }
    const device = deviceOf();
    return { ok: true, meaning: { peers, ...(device ? { device } : {}) }, lines };

    function deviceOf(): DeviceMeaning | undefined {
      const interfaces: Interface[] = [];
      const names = new Set([...units.keys(), ...zoneOf.keys()]);
      for (const n of names) {
        const ifd = n.split('.')[0] as string;
        if (MANAGEMENT.test(ifd)) continue;
        const unit = units.get(n);
        const kind: Interface['kind'] = /^st\d+$/.test(ifd) ? 'tunnel' : /^lo\d+$/.test(ifd) ? 'loopback' : 'physical';
        if (kind === 'physical' && !unit?.addresses.length && !zoneOf.has(n)) continue;
        const address = unit?.addresses.find((x) => !x.includes(':')) ?? unit?.addresses[0];
        const zone = zoneOf.get(n);
        interfaces.push({ name: n, kind, ...(address ? { address } : {}), ...(zone ? { zone } : {}) });
      }
      const onLink = (hop: string): string | undefined => {
        const ip = parseIp(hop);
        if (!ip.ok) return undefined;
        for (const i of interfaces) {
          const a = i.address ? parseInterfaceAddress(i.address) : undefined;
          if (a?.ok && a.value.family === ip.value.family && ip.value.value >= a.value.network.from && ip.value.value <= a.value.network.to) return i.name;
        }
        return undefined;
      };
      const routes: Route[] = [];
      for (const r of staticRoutes.values()) {
        for (const hop of r.nextHops) {
          const isIp = parseIp(hop).ok;
          const via = isIp ? onLink(hop) : hop;
          if (!via) continue;
          routes.push({ destination: r.destination, interface: via, ...(isIp ? { nextHop: hop } : {}), ...(r.metric !== undefined ? { metric: r.metric } : {}) });
        }
      }
      const natRules: NatRule[] = [];
      for (const [key, set] of natSets) {
        const setName = key.split('\u0000')[1] as string;
        const toInterface = set.to?.startsWith('interface:') ? set.to.slice(10) : undefined;
        const fromInterface = set.from?.startsWith('interface:') ? set.from.slice(10) : undefined;
        const zoneInterface = (zone: string | undefined) => (zone && !zone.startsWith('interface:') ? [...zoneOf].filter(([, z]) => z === zone).map(([i]) => i) : []);
        for (const [ruleName, rule] of set.rules) {
          const then = rule.then ?? [];
          const ruleLabel = `${setName}/${ruleName}`.slice(0, 63);
          if (set.kind === 'source') {
            const outIf = toInterface ?? (zoneInterface(set.to).length === 1 ? zoneInterface(set.to)[0] : undefined);
            let translated: string | undefined;
            if (then[0] === 'source-nat' && then[1] === 'off') translated = undefined;
            else if (then[0] === 'source-nat' && then[1] === 'interface') translated = interfaces.find((i) => i.name === outIf)?.address?.split('/')[0];
            else if (then[0] === 'source-nat' && then[1] === 'pool' && then[2]) translated = natPools.get(then[2]);
            else continue;
            for (const original of rule.sources.length ? rule.sources : ['any']) {
              const t = then[1] === 'off' ? original : translated;
              if (!t || !parseAddressSpec(original === 'any' ? '0.0.0.0/0' : original).ok || !parseAddressSpec(t).ok) continue;
              natRules.push({ name: ruleLabel, kind: 'source', original: original === 'any' ? 'any' : original, translated: t, ...(outIf ? { interface: outIf } : {}) });
            }
          } else {
            const inIf = fromInterface ?? (zoneInterface(set.from).length === 1 ? zoneInterface(set.from)[0] : undefined);
            const translated = set.kind === 'static' && then[0] === 'static-nat' && then[1] === 'prefix' ? then[2] : set.kind === 'destination' && then[0] === 'destination-nat' && then[1] === 'pool' && then[2] ? natPools.get(then[2])?.split(' ')[0] : undefined;
            if (!translated) continue;
            for (const original of rule.destinations) {
              if (!parseAddressSpec(original).ok || !parseAddressSpec(translated).ok) continue;
              natRules.push({ name: ruleLabel, kind: 'destination', original, translated, ...(inIf ? { interface: inIf } : {}) });
            }
          }
        }
      }
      const ordered = [...policies.values()].sort((x, y) => Number(x.from === 'any' && x.to === 'any') - Number(y.from === 'any' && y.to === 'any'));
      const rules: SecurityPolicy[] = [];
      for (const p of ordered) {
        if (!p.action) continue;
        const src = p.sources.length ? p.sources.map((n) => resolve(n, p.from)) : [undefined];
        const dst = p.destinations.length ? p.destinations.map((n) => resolve(n, p.to)) : [undefined];
        const apps = applicationsOf(p.applications).map(matchOf);
        // A name the file does not resolve (a DNS name, an unknown application) leaves the policy out rather than widening it.
        if (src.some((x) => x === undefined && p.sources.length) || dst.some((x) => x === undefined && p.destinations.length) || apps.some((x) => x === undefined)) continue;
        const text = (r: AddressRange | undefined) => {
          if (!r) return 'any';
          const f = formatSelector(fromRange(r, 0, 0, 65535));
          return f === '0.0.0.0/0' ? 'any' : f === '::/0' ? 'any6' : f;
        };
        // Adjacent addresses merged first: the same traffic in far fewer policies.
        for (const s of coalesceAddresses(src.flatMap((x) => x ?? [undefined]).map(text))) {
          for (const d of coalesceAddresses(dst.flatMap((x) => x ?? [undefined]).map(text))) {
            for (const app of apps) {
              const [protocol, , dp] = app as [number, { from: number; to: number }, { from: number; to: number }];
              rules.push({
                name: p.name.slice(0, 63),
                fromZone: p.from,
                toZone: p.to,
                source: s,
                destination: d,
                protocol: (protocol === 0 ? 'any' : protocol === 6 ? 'tcp' : protocol === 17 ? 'udp' : protocol === 1 ? 'icmp' : protocol) as Protocol,
                port: dp.from === 0 && dp.to === 65535 ? 'any' : dp.from === dp.to ? String(dp.from) : `${dp.from}-${dp.to}`,
                action: p.action,
              });
            }
          }
        }
      }
      const bound = [...vpns.values()].filter((x) => x.bind).length;
      const tunnelPolicies = [...policies.values()].some((p) => p.vpn !== undefined);
      const vpnType = vpns.size > 0 && bound === vpns.size ? 'route-based' : bound === 0 && tunnelPolicies ? 'policy-based' : undefined;
      if (!hostname && !osVersion && interfaces.length === 0 && routes.length === 0 && natRules.length === 0 && rules.length === 0 && !vpnType) return undefined;
      return {
        ...(hostname ? { hostname } : {}),
        ...(osVersion ? { osVersion } : {}),
        ...(vpnType ? { vpnType } : {}),
        interfaces,
        routes,
        natRules,
        policies: rules,
      };
    }
  },
};

/**
 * How sure it is that the text is Junos: the share of statements whose first word is a Junos
 * top-level statement (set form: the word after `set`; hierarchical: a block opened at the top).
 * `set` lines of other products do not count: their top words (`network`, `deviceconfig`, `vsys`,
 * `vpn`, `ike`, `interface`, `zone`, `policy`, `address`, `route`, `hostname`) are none of Junos's.
 */
export function recognizeJunos(text: string): number {
  const TOP = new Set(['version', 'groups', 'apply-groups', 'system', 'chassis', 'security', 'interfaces', 'routing-options', 'routing-instances', 'protocols', 'policy-options', 'firewall', 'applications', 'snmp', 'services', 'forwarding-options', 'class-of-service', 'vlans', 'logical-systems', 'event-options', 'access', 'schedulers', 'switch-options', 'ethernet-switching-options', 'poe', 'bridge-domains', 'accounting-options', 'virtual-chassis', 'wlan', 'multi-chassis', 'smtp']);
  // Words that alone do not tell Junos from another product's `set` syntax (ScreenOS has `set snmp …` too).
  const SHARED = new Set(['snmp']);
  let junos = 0;
  let other = 0;
  let anchor = false;
  let depth = 0;
  for (const raw of text.replace(/\/\*[\s\S]*?\*\//g, '').split('\n')) {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) continue;
    const set = /^(set|deactivate|protect)\s+(\S+)/.exec(t);
    if (set) {
      const top = (set[2] as string).replace(/^"|"$/g, '');
      if (TOP.has(top)) {
        if (!SHARED.has(top)) junos++;
        if (top === 'security' || top === 'interfaces' || top === 'routing-options' || top === 'system' || top === 'version') anchor = true;
      } else other++;
      continue;
    }
    const block = /^(?:(?:inactive|protect):\s*)?([A-Za-z-]+)(?:\s+\S+)*\s*([{;])\s*(?:#.*)?$/.exec(t);
    if (depth === 0 && block) {
      const top = block[1] as string;
      if (TOP.has(top)) {
        junos++;
        if (top === 'security' || top === 'interfaces' || top === 'routing-options' || top === 'system' || top === 'version') anchor = true;
      } else other++;
    } else if (depth === 0 && !/^[{}]/.test(t)) other++;
    depth += (t.match(/{/g) ?? []).length - (t.match(/}/g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  if (!anchor || junos === 0) return 0;
  return junos / (junos + other);
}
