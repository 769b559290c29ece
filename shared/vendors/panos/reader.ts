// Reads a PAN-OS configuration into what it means for its VPNs and what it says about the box:
// the `set` lines of `show config running format set` (and of ./export.ts), or the XML of `show
// config running` (./xml.ts turns it into the same statements). It reads the CLI's syntax, not our
// exporter's line shapes: a line is words (Batfish's PAN-OS lexer: "…" and '…' without escapes;
// [ ] ; , { } & | ( ) are words of their own), a `[ a b ]` list is several values, an entry may be
// set by one line or by one line per leaf, statements may come in any order, and a name is
// resolved wherever it is defined. Statements and keywords as the PAN-OS schema has them
// (pan-os-codegen specs/network/ike-gateway.yaml, tunnels/ipsec.yaml, interface/*.yaml, zone.yaml,
// virtual-router-static-route-ipv4.yaml, objects/*, policies/security-policy-rule.yaml,
// network-address-translation.yaml). `set vsys <name> …` (a multi-vsys firewall) scopes the
// zones, objects and rules after it to that virtual system; `set shared …` objects serve every one.
import type { DhGroup, Encryption, Integrity, Interface, NatRule, Route, SecurityPolicy } from '../../model/document';
import { coalesceAddresses, formatIp, formatRange, parseAddressSpec, parseInterfaceAddress, parsePrefix, prefixLength, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import { PANOS_NAME, PANOS_NAME_LIST, PANOS_NAME_LIST_MAX, PANOS_RULE_MATCH, type PanosEndOptions } from './options';
import type { ChildMeaning, ConfigMeaning, DeviceMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { LIFESIZE_UNITS, LIFETIME_UNITS } from './capabilities';
import { PanosObjects, type Resolved } from './objects';
import { xmlStatements } from './xml';

const ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes-128-cbc': 'aes128', 'aes-192-cbc': 'aes192', 'aes-256-cbc': 'aes256', 'aes-128-gcm': 'aes128gcm16', 'aes-256-gcm': 'aes256gcm16', null: 'null' };
const HASH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', 'non-auth': 'none', none: 'none' };
const ID_TYPES: Record<string, string> = { ipaddr: 'address', fqdn: 'fqdn', ufqdn: 'user-fqdn', keyid: 'key-id', dn: 'dn' };

/** The words of one line, quotes removed; undefined when a quote is not closed. */
const PLAIN_LINE = /^[^"';,{}[\]&|()]*$/u;
const WORD = /[^\s;,{}[\]&|()"']+/y;

export function panosWords(line: string): string[] | undefined {
  // Most lines are plain words (no quotes, lists or punctuation): split them in one step.
  if (PLAIN_LINE.test(line)) {
    const t = line.trim();
    return t === '' ? [] : t.split(/\s+/u);
  }
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return undefined;
      out.push(line.slice(i + 1, end));
      i = end + 1;
    } else if (';,{}[]&|()'.includes(c)) {
      out.push(c);
      i++;
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(line) as RegExpExecArray;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** The values of a `[ a b ]` list, or the one value. */
function values(words: readonly string[]): string[] {
  return words[0] === '[' ? words.slice(1, words.indexOf(']') < 0 ? undefined : words.indexOf(']')) : words.slice(0, 1);
}

/** The words a value (one word or a `[ … ]` list) takes at the start of `words`. */
function valueLength(words: readonly string[]): number {
  if (words[0] !== '[') return words.length > 0 ? 1 : 0;
  const end = words.indexOf(']');
  return end < 0 ? words.length : end + 1;
}

/** One statement of the file: its words, where it is, and the text a report shows. */
interface Statement {
  file: string;
  line: number;
  text: string;
  words: string[];
}

interface IkeProfile { encryption: string[]; hash: string[]; dh: string[]; lifetime?: number }
interface IpsecProfile { encryption: string[]; authentication: string[]; dh?: string; lifetime?: number; lifesize?: number }
interface Gw { unplaced?: boolean; version?: string; profile: Record<string, string>; mode?: string; dpd: Record<string, { enable?: boolean; interval?: number }>; iface?: string; local?: string; peer?: string; psk?: string; localIdType?: string; localId?: string; peerIdType?: string; peerId?: string; passive?: boolean; natTraversal?: boolean }
interface ProxyId { local?: string; remote?: string; protocol: number; localPort: number; remotePort: number; at: Statement }
interface Tunnel { tunnelInterface?: string; gateway?: string; profile?: string; proxyIds: Map<string, ProxyId>; monitor: { enable?: boolean; destination?: string; profile?: string } }
interface MonitorProfile { action?: 'wait-recover' | 'fail-over'; interval?: number; threshold?: number }
/** `name`: the route's name in virtual router `default` (where the exporter writes routes); absent for any other router's. */
interface StaticRoute { destination?: string; iface?: string; nextHop?: string; metric?: number; name?: string }
interface Iface { kind: Interface['kind']; addresses: { value: string; at: Statement }[] }
/** A rule as its statements set it: each key's values and the statement that set them (for reports). */
interface Rule { scope: string; keys: Map<string, { values: string[]; at: Statement }>; disabled: boolean }

/** Statement classes that say nothing about VPNs: counted as ignored, never as not understood. */
const UNRELATED_TOP = new Set([
  'mgt-config', 'profiles', 'profile-group', 'log-settings', 'application', 'application-group', 'application-filter', 'application-status',
  'schedule', 'tag', 'external-list', 'region', 'import', 'setting', 'reports', 'report-group', 'email-scheduler', 'pdf-summary-report',
  'threats', 'global-protect', 'response-page', 'captive-portal', 'ocsp-responder', 'certificate', 'certificate-profile', 'ssl-tls-service-profile',
  'ssl-decrypt', 'server-profile', 'authentication-profile', 'authentication-sequence', 'local-user-database', 'admin-role', 'display-name',
  'user-id-collector', 'user-id-agent', 'ts-agent', 'dynamic-user-group', 'url-admin-override', 'botnet', 'cloud-identity-engine', 'device-object',
  'admin-lockout', 'content-preview', 'predefined', 'redistribution-agent', 'scep', 'zone-protection-profile', 'vm-info-source',
]);
/** `set network …` classes with no VPN meaning (QoS, DHCP, DNS proxy, LLDP, GRE, GlobalProtect, …). */
const UNRELATED_NETWORK = new Set(['qos', 'dhcp', 'dns-proxy', 'lldp', 'tunnel-gre', 'shared-gateway', 'global-protect-gateway', 'global-protect-portal', 'gre-tunnel', 'vlan', 'virtual-wire', 'lacp', 'routing-profile', 'logical-router-profile', 'ike-extra']);
/** Rulebases other than security and NAT: decryption, PBF, QoS, … (they do not decide whether VPN traffic passes). */
const UNRELATED_RULEBASE = new Set(['decryption', 'pbf', 'qos', 'application-override', 'authentication', 'dos', 'tunnel-inspect', 'sdwan', 'network-packet-broker', 'default-security-rules']);
/** Interface settings that change nothing a VPN design holds (MTU, management profile, LLDP, …). */
const INTERFACE_SETTINGS = new Set(['mtu', 'interface-management-profile', 'ndp-proxy', 'lldp', 'adjust-tcp-mss', 'ipv6', 'arp', 'netflow-profile', 'bonjour', 'ddns-config', 'sdwan-link-settings', 'decrypt-forward', 'comment', 'untagged-sub-interface', 'dhcp-client', 'pppoe', 'tag', 'cluster-interconnect', 'traffic-interconnect']);
/** Security-rule keys with no meaning for the document's policy (logging, profiles, users, URL categories, …). */
const RULE_SETTINGS = new Set(['source-user', 'category', 'source-hip', 'destination-hip', 'log-start', 'log-end', 'log-setting', 'description', 'tag', 'rule-type', 'schedule', 'icmp-unreachable', 'group-tag', 'source-imei', 'source-imsi', 'source-nw-slice', 'hip-profiles', 'uuid', 'application']);
const RULE_NESTED = new Set(['profile-setting', 'option', 'qos', 'target']);
const NAT_SETTINGS = new Set(['description', 'tag', 'nat-type', 'group-tag', 'active-active-device-binding', 'uuid']);

function amount(units: typeof LIFETIME_UNITS, unit: string | undefined, n: string | undefined): number | undefined {
  const u = units.find((x) => x.word === unit);
  return u && n !== undefined && /^\d+$/.test(n) ? Number(n) * u.size : undefined;
}

function proposal(encryption: readonly string[], integrity: readonly string[], groups: readonly string[]): ProposalMeaning {
  return {
    encryption: encryption.map((e) => ENC[e]).filter((e): e is Encryption => e !== undefined),
    integrity: integrity.map((h) => HASH[h]).filter((h): h is Integrity => h !== undefined),
    dhGroups: groups.map((g) => /^group(\d+)$/.exec(g)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]) as DhGroup),
  };
}

/** A proxy ID side in strongSwan notation, with its protocol and port (0: any port). */
function side(prefix: string, protocol: number, port: number): string | undefined {
  const p = parsePrefix(prefix.includes('/') ? prefix : `${prefix}/${prefix.includes(':') ? 128 : 32}`);
  if (!p.ok) return undefined;
  return formatSelector(fromRange(p.value, protocol, port === 0 ? 0 : port, port === 0 ? 65535 : port));
}

const entry = <K, T>(map: Map<K, T>, name: K, make: () => NoInfer<T>): T => {
  let v = map.get(name);
  if (!v) {
    v = make();
    map.set(name, v);
  }
  return v;
};

/** A name of at most 63 characters (the document's limit), with a suffix kept whole. */
const named = (base: string, suffix: string): string => `${base.slice(0, 63 - suffix.length)}${suffix}`;

/** The key stored by the firewall for a pre-shared key is encrypted with its master key (`-AQ==…`): not the key itself. */
const encryptedKey = (k: string): boolean => /^-AQ==/.test(k);

/** The statements of one file, set lines or XML; a message when the file cannot be read at all. */
function statementsOf(file: { name: string; content: string }, lines: LineAccount): { statements: Statement[]; version?: string } | string {
  if (/^\s*</.test(file.content)) {
    const xml = xmlStatements(file.content);
    if (!xml.ok) return `${file.name}: ${xml.message}`;
    return { statements: xml.statements.map((s) => ({ file: file.name, line: s.line, text: s.words.join(' '), words: s.words })), ...(xml.version !== undefined ? { version: xml.version } : {}) };
  }
  const out: Statement[] = [];
  file.content.split('\n').forEach((raw, n) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const words = panosWords(text);
    if (!words) lines.unknown.push({ file: file.name, line: n + 1, text });
    else out.push({ file: file.name, line: n + 1, text, words });
  });
  return { statements: out };
}

export const panosReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const ike = new Map<string, IkeProfile>();
    const ipsec = new Map<string, IpsecProfile>();
    const gateways = new Map<string, Gw>();
    const tunnels = new Map<string, Tunnel>();
    // A static route is an entry of its virtual router by name: a later line with the same name sets the same entry.
    const routes = new Map<string, StaticRoute>();
    const interfaces = new Map<string, Iface>();
    const monitorProfiles = new Map<string, MonitorProfile>();
    const zoneOf = new Map<string, string>();
    /** The virtual system each zone is in: a tunnel's rules and objects are its zone's vsys's (or shared). */
    const zoneScope = new Map<string, string>();
    const objects = new PanosObjects();
    const security = new Map<string, Rule>();
    const nat = new Map<string, Rule>();
    const moves: { rules: Map<string, Rule>; key: string; where: string; other?: string }[] = [];
    const device: { hostname?: string; osVersion?: string } = {};
    const unknown = (s: Statement) => lines.unknown.push({ file: s.file, line: s.line, text: s.text });
    let panorama = false;

    for (const file of files) {
      const read = statementsOf(file, lines);
      if (typeof read === 'string') return { ok: false, message: read };
      if (read.version !== undefined) device.osVersion = read.version;
      for (const s of read.statements) {
        const verdict = statement(s);
        if (verdict === 'used') lines.used++;
        else if (verdict === 'ignored') lines.ignored++;
        else unknown(s);
      }
      if (panorama) return { ok: false, message: `${file.name} is a Panorama configuration (device-group or template statements): it configures many firewalls; export the running configuration of each firewall ("show config running" on the firewall) and import those` };
    }

    /** What one statement is: used for the VPN or the box, unrelated (ignored), or not understood (false). */
    function statement(s: Statement): 'used' | 'ignored' | false {
      let w = s.words;
      let scope = 'vsys1';
      const verb = w[0];
      if (verb !== 'set' && verb !== 'move') return false;
      if (w[1] === 'vsys' && w[2] !== undefined) {
        scope = w[2];
        w = [verb, ...w.slice(3)];
        if (w.length === 1) return 'used';
      } else if (w[1] === 'shared') {
        if (!['address', 'address-group', 'service', 'service-group'].includes(w[2] ?? '')) return w.length > 2 ? 'ignored' : false;
        scope = 'shared';
        w = [verb, ...w.slice(2)];
      }
      if (verb === 'move') return move(w, scope);
      const top = w[1];
      if (top === 'network') return network(w, s);
      if (top === 'deviceconfig') {
        if (w[2] === 'system' && w[3] === 'hostname' && w[4] !== undefined) {
          device.hostname = w[4];
          return 'used';
        }
        return w.length > 2 ? 'ignored' : false;
      }
      if (top === 'zone') return zone(w.slice(2), scope);
      if (top === 'address' || top === 'address-group' || top === 'service' || top === 'service-group') return object(top, w.slice(2), scope);
      if (top === 'rulebase') return rulebase(w.slice(2), s, scope);
      if (top !== undefined && UNRELATED_TOP.has(top)) return 'ignored';
      if (top === 'device-group' || top === 'template' || top === 'template-stack') panorama = true;
      return false;
    }

    function move(w: string[], scope: string): 'used' | false {
      // move rulebase security|nat rules <name> top | bottom | before <rule> | after <rule>
      const [, rb, kind, rules, name, where, other] = w;
      if (rb !== 'rulebase' || rules !== 'rules' || name === undefined || where === undefined) return false;
      if (kind !== 'security' && kind !== 'nat') return UNRELATED_RULEBASE.has(kind ?? '') ? 'used' : false;
      if (!['top', 'bottom', 'before', 'after'].includes(where) || ((where === 'before' || where === 'after') && other === undefined)) return false;
      moves.push({ rules: kind === 'security' ? security : nat, key: `${scope}\n${name}`, where, ...(other !== undefined ? { other: `${scope}\n${other}` } : {}) });
      return 'used';
    }

    function network(w: string[], s: Statement): 'used' | 'ignored' | false {
      const [, , a, b, c, d, ...rest] = w;
      if (a === 'ike' && b === 'crypto-profiles' && c === 'ike-crypto-profiles' && d) {
        const p = entry(ike, d, () => ({ encryption: [], hash: [], dh: [] }));
        const [k, ...v] = rest;
        if (k === undefined) return 'used';
        if (k === 'encryption') p.encryption = values(v);
        else if (k === 'hash') p.hash = values(v);
        else if (k === 'dh-group') p.dh = values(v);
        else if (k === 'lifetime') return (p.lifetime = amount(LIFETIME_UNITS, v[0], v[1])) !== undefined ? 'used' : false;
        else if (k === 'authentication-multiple') return 'ignored';
        else return false;
        return 'used';
      }
      if (a === 'ike' && b === 'crypto-profiles' && c === 'ipsec-crypto-profiles' && d) {
        const p = entry(ipsec, d, () => ({ encryption: [], authentication: [] }));
        const [k, ...v] = rest;
        if (k === undefined) return 'used';
        if (k === 'esp' && v[0] === 'encryption') p.encryption = values(v.slice(1));
        else if (k === 'esp' && v[0] === 'authentication') p.authentication = values(v.slice(1));
        else if (k === 'dh-group' && v[0] !== undefined) p.dh = v[0];
        else if (k === 'lifetime') return (p.lifetime = amount(LIFETIME_UNITS, v[0], v[1])) !== undefined ? 'used' : false;
        else if (k === 'lifesize') return (p.lifesize = amount(LIFESIZE_UNITS, v[0], v[1])) !== undefined ? 'used' : false;
        else return false;
        return 'used';
      }
      if (a === 'ike' && b === 'crypto-profiles' && c === 'global-protect-app-crypto-profiles') return 'ignored';
      if (a === 'ike' && b === 'gateway' && c) return gateway(entry(gateways, c, () => ({ profile: {}, dpd: {} })), [d, ...rest].filter((x): x is string => x !== undefined));
      if (a === 'tunnel' && b === 'ipsec' && c) {
        const t = entry(tunnels, c, () => ({ proxyIds: new Map(), monitor: {} }));
        const v = [d, ...rest];
        if (v[0] === undefined) return 'used';
        if (v[0] === 'tunnel-interface' && v[1]) t.tunnelInterface = v[1];
        else if (v[0] === 'auto-key' && v[1] === 'ike-gateway' && v[2]) t.gateway = v[2];
        else if (v[0] === 'auto-key' && v[1] === 'ipsec-crypto-profile' && v[2]) t.profile = v[2];
        else if (v[0] === 'auto-key' && (v[1] === 'proxy-id' || v[1] === 'proxy-id-v6') && v[2]) return proxyId(t, v[2], rest.slice(2), s);
        else if (v[0] === 'tunnel-monitor') return tunnelMonitor(t, rest);
        else if (v[0] === 'ipv6' && v[1] === 'yes') return 'used';
        else if (['anti-replay', 'anti-replay-window', 'copy-tos', 'copy-flow-label', 'comment', 'disabled', 'enable-gre-encapsulation', 'ipv6'].includes(v[0] ?? '') && v[1] !== undefined) return 'ignored';
        else return false;
        return 'used';
      }
      if (a === 'virtual-router' && b) {
        if (c === undefined || c === 'interface') return 'used';
        if (c === 'routing-table' && (d === 'ip' || d === 'ipv6') && rest[0] === 'static-route' && rest[1]) return staticRoute(`${b} ${d} ${rest[1]}`, rest.slice(2), b === 'default' ? rest[1] : undefined);
        if (['protocol', 'ecmp', 'multicast', 'admin-dists', 'redist-profile', 'redist-profile-ipv6'].includes(c)) return 'ignored';
        return false;
      }
      // Advanced routing (PAN-OS 10.2 and later): network logical-router <lr> vrf <vrf> routing-table ip static-route <name> …
      if (a === 'logical-router' && b) {
        if (c === undefined) return 'used';
        if (c === 'vrf' && d !== undefined) {
          const [e, f, g, h, ...more] = rest;
          if (e === undefined || e === 'interface') return 'used';
          if (e === 'routing-table' && (f === 'ip' || f === 'ipv6') && g === 'static-route' && h) return staticRoute(`${b} ${d} ${f} ${h}`, more);
          if (['bgp', 'ospf', 'ospfv3', 'ecmp', 'rip', 'multicast', 'admin-dists', 'rib-filter'].includes(e)) return 'ignored';
        }
        return false;
      }
      if (a === 'interface') return iface(w.slice(3), s);
      if (a === 'profiles') return b === 'monitor-profile' && c !== undefined ? monitorProfile(entry(monitorProfiles, c, () => ({})), [d, ...rest].filter((x): x is string => x !== undefined)) : b === 'monitor-profile' ? false : 'ignored';
      if (a !== undefined && UNRELATED_NETWORK.has(a)) return 'ignored';
      return false;
    }

    function gateway(g: Gw, v: string[]): 'used' | 'ignored' | false {
      const [k, x, y, z, u] = v;
      if (k === undefined) return 'used';
      if (k === 'protocol') {
        if (x === 'version' && y) g.version = y;
        else if ((x === 'ikev1' || x === 'ikev2') && y === 'ike-crypto-profile' && z) g.profile[x] = z;
        else if (x === 'ikev1' && y === 'exchange-mode' && z) g.mode = z;
        else if ((x === 'ikev1' || x === 'ikev2') && y === 'dpd' && z === 'enable' && u !== undefined) (g.dpd[x] ??= {}).enable = u === 'yes';
        else if ((x === 'ikev1' || x === 'ikev2') && y === 'dpd' && z === 'interval' && /^\d+$/.test(u ?? '')) (g.dpd[x] ??= {}).interval = Number(u);
        else if ((x === 'ikev1' || x === 'ikev2') && y === 'dpd' && z === 'retry') return 'ignored';
        else if (x === 'ikev2' && y === 'require-cookie') return 'ignored';
        else if (x === 'ikev1' && y === 'fragmentation') return 'ignored';
        else return false;
        return 'used';
      }
      if (k === 'protocol-common') {
        if (x === 'nat-traversal' && y === 'enable' && z !== undefined) g.natTraversal = z === 'yes';
        else if (x === 'passive-mode' && y !== undefined) g.passive = y === 'yes';
        else if ((x === 'nat-traversal' || x === 'fragmentation') && y !== undefined) return 'ignored';
        else return false;
        return 'used';
      }
      if (k === 'local-address') {
        // local-address interface <name> [ip <address or object>] [floating-ip <address>]: one line, or one line per leaf
        for (let i = 1; i < v.length; i += 2) {
          const val = v[i + 1];
          if (val === undefined) return false;
          if (v[i] === 'interface') g.iface = val;
          else if (v[i] === 'ip' || v[i] === 'floating-ip') g.local = val;
          else return false;
        }
        return 'used';
      }
      if (k === 'peer-address') {
        if (x === 'ip' && y) g.peer = y;
        else if (x === 'dynamic' || (x === 'fqdn' && y)) {
          // A peer with no address of its own cannot be a tunnel end in a topology: reported, and its tunnels left out.
          g.unplaced = true;
          return false;
        } else return false;
        return 'used';
      }
      if (k === 'authentication') {
        if (x === 'pre-shared-key' && y === 'key' && z !== undefined) g.psk = z;
        else if (x === 'certificate' && y !== undefined) return 'used';
        else return false;
        return 'used';
      }
      if (k === 'local-id' || k === 'peer-id') {
        // local-id type <t> id <v>, on one line or two
        for (let i = 1; i < v.length; i += 2) {
          const val = v[i + 1];
          if (val === undefined) return false;
          if (v[i] === 'type') g[k === 'local-id' ? 'localIdType' : 'peerIdType'] = val;
          else if (v[i] === 'id') g[k === 'local-id' ? 'localId' : 'peerId'] = val;
          else if (v[i] === 'matching' && k === 'peer-id') return 'ignored';
          else return false;
        }
        return 'used';
      }
      if (k === 'ipv6' && x === 'yes') return 'used';
      if ((k === 'comment' || k === 'disabled' || k === 'ipv6') && x !== undefined) return 'ignored';
      return false;
    }

    function proxyId(t: Tunnel, name: string, v: string[], s: Statement): 'used' | false {
      const p = entry(t.proxyIds, name, () => ({ protocol: 0, localPort: 0, remotePort: 0, at: s }));
      // local <a> remote <b> protocol any | tcp|udp [local-port <n>] [remote-port <n>] | number <n>: one line, or one per leaf
      for (let i = 0; i < v.length; ) {
        const k = v[i];
        const val = v[i + 1];
        if (k === 'local' && val !== undefined) p.local = val;
        else if (k === 'remote' && val !== undefined) p.remote = val;
        else if (k === 'protocol' && val === 'any') p.protocol = 0;
        else if (k === 'protocol' && (val === 'tcp' || val === 'udp')) p.protocol = val === 'tcp' ? 6 : 17;
        else if (k === 'protocol' && val === 'number' && /^\d+$/.test(v[i + 2] ?? '')) {
          p.protocol = Number(v[i + 2]);
          i++;
        } else if ((k === 'local-port' || k === 'remote-port') && /^\d+$/.test(val ?? '')) p[k === 'local-port' ? 'localPort' : 'remotePort'] = Number(val);
        else return false;
        i += 2;
      }
      return 'used';
    }

    /** tunnel-monitor enable yes|no, destination-ip <ip>, tunnel-monitor-profile <p>, proxy-id <id>: one line or one per leaf. */
    function tunnelMonitor(t: Tunnel, v: string[]): 'used' | false {
      for (let i = 0; i < v.length; i += 2) {
        const val = v[i + 1];
        if (val === undefined) return false;
        if (v[i] === 'enable') t.monitor.enable = val === 'yes';
        else if (v[i] === 'destination-ip') t.monitor.destination = val;
        else if (v[i] === 'tunnel-monitor-profile') t.monitor.profile = val;
        else if (v[i] !== 'proxy-id') return false;
      }
      return 'used';
    }

    /** network profiles monitor-profile <p> action wait-recover|fail-over, interval <s>, threshold <n> (specs/network/profiles/monitoring.yaml). */
    function monitorProfile(p: MonitorProfile, v: string[]): 'used' | false {
      for (let i = 0; i < v.length; i += 2) {
        const val = v[i + 1];
        if (val === undefined) return false;
        if (v[i] === 'action' && (val === 'wait-recover' || val === 'fail-over')) p.action = val;
        else if ((v[i] === 'interval' || v[i] === 'threshold') && /^\d+$/.test(val)) p[v[i] as 'interval' | 'threshold'] = Number(val);
        else return false;
      }
      return 'used';
    }

    function staticRoute(key: string, v: string[], name?: string): 'used' | false {
      const route = entry(routes, key, () => (name !== undefined ? { name } : {}));
      if (v.length === 0) return 'used';
      for (let i = 0; i < v.length; ) {
        const k = v[i];
        const val = v[i + 1];
        if (val === undefined) return false;
        if (k === 'destination') route.destination = val;
        else if (k === 'interface') route.iface = val;
        else if (k === 'metric' && /^\d+$/.test(val)) route.metric = Number(val);
        else if (k === 'nexthop' && (val === 'ip-address' || val === 'ipv6-address') && v[i + 2] !== undefined) {
          route.nextHop = v[i + 2];
          i++;
        } else if (k === 'nexthop' && (val === 'next-vr' || val === 'next-lr' || val === 'fqdn') && v[i + 2] !== undefined) i++;
        else if (k === 'nexthop' && (val === 'discard' || val === 'receive')) {
          // no next hop: the route drops (or receives) its traffic
        } else if (k === 'route-table' || k === 'admin-dist') {
          // route-table unicast|multicast|both|no-install, admin-dist <n>: not in the document's route
        } else if (k === 'bfd' && v[i + 2] !== undefined) i++;
        else if (k === 'path-monitor') break;
        else return false;
        i += 2;
      }
      return 'used';
    }

    /** `network interface …`: ethernet, aggregate-ethernet, vlan, loopback and tunnel, their layer-3 addresses. */
    function iface(v: string[], s: Statement): 'used' | 'ignored' | false {
      const [type, ...rest] = v;
      const declare = (name: string, kind: Interface['kind']) => entry(interfaces, name, () => ({ kind, addresses: [] }));
      const layer3 = (name: string, kind: Interface['kind'], w: string[]): 'used' | 'ignored' | false => {
        declare(name, kind);
        const [k, ...x] = w;
        if (k === undefined) return 'used';
        if (k === 'ip') {
          const list = values(x);
          if (list.length === 0) return false;
          for (const value of list) declare(name, kind).addresses.push({ value, at: s });
          return 'used';
        }
        if (k === 'units' && x[0] !== undefined) return layer3(x[0], kind, x.slice(1));
        if (INTERFACE_SETTINGS.has(k) || k === 'interface-management-profile') return 'ignored';
        return false;
      };
      if ((type === 'ethernet' || type === 'aggregate-ethernet') && rest[0] !== undefined) {
        const [name, mode, ...w] = rest;
        if (mode === undefined) return 'used';
        if (mode === 'layer3') return layer3(name as string, 'physical', w);
        // Layer 2, virtual wire, tap, HA and aggregate members carry no address: no VPN ends there.
        if (['layer2', 'virtual-wire', 'tap', 'ha', 'aggregate-group', 'decrypt-mirror', 'log-card', 'link-speed', 'link-duplex', 'link-state', 'comment', 'lacp', 'poe', 'lldp'].includes(mode)) return 'ignored';
        return false;
      }
      if (type === 'vlan' || type === 'loopback' || type === 'tunnel') {
        const kind: Interface['kind'] = type === 'loopback' ? 'loopback' : type === 'tunnel' ? 'tunnel' : 'physical';
        if (rest[0] === 'units' && rest[1] !== undefined) return layer3(rest[1], kind, rest.slice(2));
        if (rest[0] === undefined) return 'used';
        return layer3(type, kind, rest);
      }
      return false;
    }

    function zone(v: string[], scope: string): 'used' | 'ignored' | false {
      const [name, k, mode, ...members] = v;
      if (name === undefined) return false;
      if (k === undefined) return 'used';
      if (k === 'network' && mode === 'layer3') {
        for (const i of values(members)) {
          zoneOf.set(i, name);
          zoneScope.set(name, scope);
        }
        return 'used';
      }
      if (k === 'network' && ['layer2', 'virtual-wire', 'tap', 'tunnel', 'external'].includes(mode ?? '')) return 'ignored';
      if (k === 'network' && ['zone-protection-profile', 'log-setting', 'enable-packet-buffer-protection', 'net-inspection', 'enable-device-identification', 'prenat-identification'].includes(mode ?? '')) return 'ignored';
      if (['enable-user-identification', 'enable-device-identification', 'user-acl', 'device-acl', 'description'].includes(k)) return 'ignored';
      return false;
    }

    function object(kind: string, v: string[], scope: string): 'used' | 'ignored' | false {
      const [name, k, ...x] = v;
      if (name === undefined) return false;
      const key = `${scope}\n${name}`;
      if (k === undefined) return 'used';
      if (k === 'description' || k === 'tag') return 'ignored';
      if (kind === 'address') {
        if ((k === 'ip-netmask' || k === 'ip-range' || k === 'ip-wildcard' || k === 'fqdn') && x[0] !== undefined) {
          objects.addresses.set(key, { kind: k, value: x[0] });
          return 'used';
        }
        return false;
      }
      if (kind === 'address-group') {
        if (k === 'static') objects.groups.set(key, { members: values(x), dynamic: false });
        else if (k === 'dynamic') objects.groups.set(key, { members: [], dynamic: true });
        else return false;
        return 'used';
      }
      if (kind === 'service') {
        // protocol tcp|udp|sctp port <list> [source-port <list>] [override …]
        const [proto, ...more] = x;
        if (k !== 'protocol' || proto === undefined) return false;
        const svc = entry(objects.services, key, () => ({ ports: [] }));
        svc.protocol = proto;
        for (let i = 0; i < more.length; i += 2) {
          const val = more[i + 1];
          if (more[i] === 'port' && val !== undefined) svc.ports = val.split(',').filter((p) => p !== '');
          else if (more[i] === 'source-port' && val !== undefined) continue;
          else if (more[i] === 'override') break;
          else return false;
        }
        return 'used';
      }
      if (k === 'members') {
        objects.serviceGroups.set(key, values(x));
        return 'used';
      }
      return false;
    }

    function rulebase(v: string[], s: Statement, scope: string): 'used' | 'ignored' | false {
      const [kind, rules, name, ...x] = v;
      if (kind !== undefined && UNRELATED_RULEBASE.has(kind)) return 'ignored';
      if ((kind !== 'security' && kind !== 'nat') || rules !== 'rules' || name === undefined) return false;
      // Rules are the vsys's own: two vsys may each have a rule of the same name.
      const r = entry(kind === 'security' ? security : nat, `${scope}\n${name}`, () => ({ scope, keys: new Map(), disabled: false }));
      // A statement that sets only keys of no meaning here (logging, profiles, users, tags) is ignored.
      let meaningful = x.length === 0;
      for (let i = 0; i < x.length; ) {
        const k = x[i] as string;
        const after = x.slice(i + 1);
        if (k === 'disabled' && after[0] !== undefined) {
          r.disabled = after[0] === 'yes';
          meaningful = true;
          i += 2;
          continue;
        }
        if (kind === 'security') {
          if (['from', 'to', 'source', 'destination', 'service', 'action', 'negate-source', 'negate-destination'].includes(k) && after.length > 0) {
            r.keys.set(k, { values: values(after), at: s });
            meaningful = true;
          } else if (RULE_SETTINGS.has(k) && after.length > 0) {
            // a key of no meaning here: its value is skipped
          } else if (RULE_NESTED.has(k)) break;
          else return false;
          i += 1 + valueLength(after);
          continue;
        }
        if (['from', 'to', 'source', 'destination', 'service', 'to-interface'].includes(k) && after.length > 0) {
          r.keys.set(k, { values: values(after), at: s });
          meaningful = true;
          i += 1 + valueLength(after);
        } else if (k === 'source-translation' || k === 'destination-translation' || k === 'dynamic-destination-translation') {
          // the rest of the statement is the translation: kept as written, read at the end
          const prior = r.keys.get(k)?.values ?? [];
          r.keys.set(k, { values: [...prior, ...after], at: s });
          meaningful = true;
          break;
        } else if ((NAT_SETTINGS.has(k) && after.length > 0) || k === 'target') {
          if (k === 'target') break;
          i += 1 + valueLength(after);
        } else return false;
      }
      return meaningful ? 'used' : 'ignored';
    }

    // ---- the meaning, once every statement is read

    const addressOf = (name: string): string | undefined => interfaces.get(name)?.addresses[0]?.value;
    /** An interface address as the document writes it (a loopback's host address gets /32), objects resolved. */
    const interfaceAddress = (value: string): string | undefined => {
      const resolved = objects.netmask('vsys1', value) ?? value;
      const withLength = resolved.includes('/') ? resolved : `${resolved}/${resolved.includes(':') ? 128 : 32}`;
      return parseInterfaceAddress(withLength).ok ? withLength : undefined;
    };
    const hostOf = (value: string | undefined): string | undefined => {
      if (value === undefined) return undefined;
      return (objects.netmask('vsys1', value) ?? value).split('/')[0];
    };
    /** A statement counted as used whose name turned out to be defined nowhere: it becomes not understood. */
    const demote = (s: Statement) => {
      if (lines.unknown.some((u) => u.file === s.file && u.line === s.line)) return;
      lines.used--;
      unknown(s);
    };

    const deviceInterfaces: Interface[] = [];
    for (const [name, i] of interfaces) {
      let address: string | undefined;
      for (const a of i.addresses) {
        const value = interfaceAddress(a.value);
        if (value === undefined) demote(a.at);
        else address ??= value;
      }
      const zoneName = zoneOf.get(name);
      deviceInterfaces.push({ name, kind: i.kind, ...(address !== undefined ? { address } : {}), ...(zoneName !== undefined ? { zone: zoneName } : {}) });
    }
    // Zones may name interfaces the file configures nowhere else (a tunnel unit set only in its zone).
    for (const [name, zoneName] of zoneOf) {
      if (interfaces.has(name)) continue;
      deviceInterfaces.push({ name, kind: /^tunnel(\.|$)/.test(name) ? 'tunnel' : /^loopback(\.|$)/.test(name) ? 'loopback' : 'physical', zone: zoneName });
    }

    // The static routes through each interface, grouped once rather than scanned per tunnel (a
    // hub has thousands of both). Tunnels that share a tunnel interface share its one list: the
    // assembler reads it, never writes it.
    const routesVia = new Map<string, string[]>();
    const deviceRoutes: Route[] = [];
    {
      const seen = new Set<string>();
      for (const r of routes.values()) {
        if (r.destination === undefined) continue;
        // A route by next hop only leaves by the interface whose subnet holds the next hop.
        const via = r.iface ?? (r.nextHop !== undefined ? deviceInterfaces.find((i) => i.address !== undefined && onLink(i.address, r.nextHop as string))?.name : undefined);
        if (via !== undefined && parsePrefix(r.destination).ok) deviceRoutes.push({ destination: r.destination, interface: via, ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}), ...(r.metric !== undefined ? { metric: r.metric } : {}) });
        const key = r.iface ?? '\n';
        if (seen.has(`${key} ${r.destination}`)) continue;
        seen.add(`${key} ${r.destination}`);
        entry(routesVia, key, () => []).push(r.destination);
      }
    }

    const tunnelInterfaces = new Set([...tunnels.values()].map((t) => t.tunnelInterface).filter((i): i is string => i !== undefined));
    /**
     * The names the box gives the objects the exporter writes for this tunnel besides the VPN's
     * own: its static routes through the tunnel interface, its security rules between the inside
     * zone and the tunnel's zone for the tunnel's traffic, its NAT exemption rule (or that it has
     * none), and its address objects for the tunnel's prefixes.
     */
    // Built once for all tunnels (an imported hub has thousands of tunnels, routes, objects and rules).
    let built: { routesOn: Map<string, string[]>; routedOn: Map<string, string>; objectsByPrefix: Map<string, { at: string; name: string }[]>; sides: Map<Rule, { sources: AddressRange[]; destinations: AddressRange[] } | undefined> } | undefined;
    function indexes(): NonNullable<typeof built> {
      if (built) return built;
      const routesOn = new Map<string, string[]>();
      for (const r of routes.values()) {
        if (r.name === undefined || r.iface === undefined || r.destination === undefined) continue;
        const p = prefixText(r.destination);
        if (p === undefined) continue;
        const list = routesOn.get(r.iface) ?? [];
        list.push(`${p}=${r.name}`);
        routesOn.set(r.iface, list);
      }
      // The objects some rule or group names, by prefix, in the file's order.
      const inUse = new Set<string>([...security.values(), ...nat.values()].flatMap((r) => ['source', 'destination'].flatMap((k) => r.keys.get(k)?.values ?? [])));
      for (const g of objects.groups.values()) for (const m of g.members) inUse.add(m);
      const objectsByPrefix = new Map<string, { at: string; name: string }[]>();
      for (const [key, o] of objects.addresses) {
        const [at, name] = key.split('\n') as [string, string];
        if (!inUse.has(name) || o.kind !== 'ip-netmask') continue;
        const p = prefixText(o.value);
        if (p === undefined) continue;
        const list = objectsByPrefix.get(p) ?? [];
        list.push({ at, name });
        objectsByPrefix.set(p, list);
      }
      built = { routesOn, routedOn: new Map(), objectsByPrefix, sides: new Map() };
      return built;
    }

    function tunnelObjectNames(t: Tunnel, g: Gw, children: readonly ChildMeaning[]): Partial<PanosEndOptions> {
      const out: Partial<PanosEndOptions> = {};
      const tunnelIf = t.tunnelInterface;
      if (tunnelIf === undefined) return out;
      const ix = indexes();
      let routed = ix.routedOn.get(tunnelIf);
      if (routed === undefined) {
        routed = nameList(ix.routesOn.get(tunnelIf) ?? []);
        ix.routedOn.set(tunnelIf, routed);
      }
      if (routed !== '') out.staticRoutes = routed;
      // The addresses the exporter writes rules for: the proxy IDs' sides (else the inside
      // interface's subnet) and the routed destinations (policy-addresses.ts in the export kit).
      const inside = deviceInterfaces.find((i) => i.kind === 'physical' && i.name !== g.iface && !tunnelInterfaces.has(i.name));
      const insideNet = inside?.address !== undefined ? parseInterfaceAddress(inside.address) : undefined;
      // A side in strongSwan notation (`10.10.0.0/24[tcp/443]`): its addresses; 0.0.0.0/0 is no network of the tunnel's.
      const ranges = (specs: readonly string[]) => specs.map((x) => parseAddressSpec(x.split('[')[0] as string)).flatMap((x) => (x.ok && prefixLength(x.value) !== 0 ? [x.value] : []));
      const selectors = children.filter((c) => !c.implicit);
      const local = selectors.length > 0 ? ranges(selectors.map((c) => c.local)) : insideNet?.ok ? [insideNet.value.network] : [];
      // As the exporter's rules have it (policy-addresses.ts): the selectors' sides, the routed destinations only without selectors.
      const remote = selectors.length > 0 ? ranges(selectors.map((c) => c.remote)) : ranges(routesVia.get(tunnelIf) ?? []);
      const tunnelAddresses = [...local, ...remote];
      const tunnelZone = zoneOf.get(tunnelIf);
      const insideZone = inside !== undefined ? zoneOf.get(inside.name) : undefined;
      const named = new Map<string, string>();
      const scope = tunnelZone !== undefined ? (zoneScope.get(tunnelZone) ?? 'vsys1') : 'vsys1';
      if (tunnelZone !== undefined && insideZone !== undefined && tunnelAddresses.length > 0) {
        const out1 = ruleFor(security, scope, insideZone, tunnelZone, { sources: local, destinations: remote }, 'security');
        const in1 = ruleFor(security, scope, tunnelZone, insideZone, { sources: remote, destinations: local }, 'security');
        const exemption = ruleFor(nat, scope, insideZone, tunnelZone, { sources: local, destinations: remote }, 'nat');
        // What each rule names as the box has it: the corrected configuration only adds to that.
        const match = (r: { rule: Rule }) => ['source', 'destination', 'service'].map((k) => (r.rule.keys.get(k)?.values ?? ['any']).join(',')).join(':');
        // Only a rule of ip-netmask objects (or `any`): the exporter knows what those cover, not a group's members.
        const plain = (r: { rule: Rule }) => ['source', 'destination'].every((k) => (r.rule.keys.get(k)?.values ?? ['any']).every((v) => v === 'any' || objects.address(scope, v)?.kind === 'ip-netmask'));
        const recorded = (r: { rule: Rule } | undefined) => (r && plain(r) && PANOS_RULE_MATCH.test(match(r)) ? match(r) : undefined);
        if (out1) out.securityRuleOut = out1.name;
        if (in1) out.securityRuleIn = in1.name;
        if (exemption) out.natExemptionRule = exemption.name;
        const [outMatch, inMatch, natMatch] = [recorded(out1), recorded(in1), recorded(exemption)];
        if (outMatch !== undefined) out.securityRuleOutMatch = outMatch;
        if (inMatch !== undefined) out.securityRuleInMatch = inMatch;
        if (natMatch !== undefined) out.natExemptionRuleMatch = natMatch;
        // None, and no source NAT rule of the box toward the tunnel's zone (or any zone): its
        // source NAT does not take the tunnel's traffic, so none is to be written. A box whose
        // source NAT could take it keeps the exporter's exemption.
        if (!exemption && ![...nat.values()].some((r) => r.scope === scope && !r.disabled && r.keys.has('source-translation') && (r.keys.get('to')?.values ?? ['any']).some((z) => z === tunnelZone || z === 'any'))) out.natExemption = 'none';
        // The objects these rules name come first: the box's name for a prefix is the one its rules use.
        for (const r of [out1, in1, exemption]) for (const key of ['source', 'destination']) for (const v of r?.rule.keys.get(key)?.values ?? []) objectFor(scope, v, named, tunnelAddresses);
      }
      // Then the box's other objects for those prefixes, those its rules or groups name: an object
      // nothing names (one a change left behind) names nothing of the box's.
      for (const a of tunnelAddresses) {
        const p = prefixText(formatRange(a));
        if (p === undefined || named.has(p)) continue;
        const first = (indexes().objectsByPrefix.get(p) ?? []).find((o) => (o.at === scope || o.at === 'shared') && PANOS_NAME.test(o.name));
        if (first) objectFor(scope, first.name, named, tunnelAddresses);
      }
      const listed = nameList([...named].map(([p, n]) => `${p}=${n}`));
      if (listed !== '') out.addressObjects = listed;
      return out;
    }

    /** Records `value`'s name for its prefix when it is an ip-netmask object (of the tunnel's addresses, when given) and the prefix has no name yet. */
    function objectFor(scope: string, value: string, named: Map<string, string>, within?: readonly AddressRange[]): void {
      const o = objects.address(scope, value);
      if (o?.kind !== 'ip-netmask' || !PANOS_NAME.test(value)) return;
      const p = prefixText(o.value);
      if (p === undefined || named.has(p)) return;
      if (within) {
        const r = parseAddressSpec(p);
        if (!r.ok || !within.some((a) => sameRange(a, r.value))) return;
      }
      named.set(p, value);
    }

    /**
     * The box's rule from zone `from` to zone `to` that is this tunnel's: enabled, every source
     * and destination one of the tunnel's addresses or inside one (so that writing the tunnel's
     * addresses into it changes no other traffic's rule; a rule for any, or for another tunnel's
     * networks too, is not taken), and every one of the tunnel's addresses among them (a rule for
     * part of its traffic, one port or one subnet, is not taken either). A security rule allows;
     * a NAT rule translates nothing (the VPN's NAT exemption). The one whose sources and
     * destinations are the tunnel's in that direction first; else the first in the rulebase (the
     * box's selectors may be reversed, as the seed document's reversal cause has them).
     */
    function ruleFor(rules: Map<string, Rule>, scope: string, from: string, to: string, want: { sources: readonly AddressRange[]; destinations: readonly AddressRange[] }, kind: 'security' | 'nat'): { name: string; rule: Rule } | undefined {
      const tunnelAddresses = [...want.sources, ...want.destinations];
      const inside = (x: AddressRange, a: AddressRange) => a.family === x.family && a.from <= x.from && x.to <= a.to;
      const candidates: { name: string; rule: Rule; exact: boolean }[] = [];
      for (const [key, r] of rules) {
        const name = key.slice(key.indexOf('\n') + 1);
        if (r.disabled || !PANOS_NAME.test(name) || r.scope !== scope) continue;
        const zones = (k: string) => r.keys.get(k)?.values ?? [];
        if (!zones('from').includes(from) || !zones('to').includes(to)) continue;
        if (kind === 'security' && (r.keys.get('action')?.values[0] !== 'allow' || r.keys.get('negate-source')?.values[0] === 'yes' || r.keys.get('negate-destination')?.values[0] === 'yes')) continue;
        if (kind === 'nat' && (r.keys.has('source-translation') || r.keys.has('destination-translation') || r.keys.has('dynamic-destination-translation'))) continue;
        const side = (k: string): AddressRange[] | undefined => {
          const v = resolveAll(r, k, (x) => objects.resolveAddress(r.scope, x), 'any', () => undefined);
          if (!v || v.includes('any')) return undefined;
          const parsed = v.map((x) => parseAddressSpec(x));
          return parsed.every((x) => x.ok) ? parsed.map((x) => (x as { ok: true; value: AddressRange }).value) : undefined;
        };
        const memo = indexes().sides;
        if (!memo.has(r)) {
          const sources = side('source');
          const destinations = side('destination');
          memo.set(r, sources && destinations ? { sources, destinations } : undefined);
        }
        const sided = memo.get(r);
        if (!sided) continue;
        const { sources, destinations } = sided;
        const ours = (x: AddressRange) => tunnelAddresses.some((a) => inside(x, a));
        const named = [...sources, ...destinations];
        if (!named.every(ours) || !tunnelAddresses.every((x) => named.some((a) => inside(x, a)))) continue;
        const exact = want.sources.every((x) => sources.some((a) => inside(x, a))) && want.destinations.every((x) => destinations.some((a) => inside(x, a)));
        candidates.push({ name, rule: r, exact });
      }
      return candidates.find((c) => c.exact) ?? candidates[0];
    }

    const peers: PeerMeaning[] = [];
    for (const [name, t] of tunnels) {
      const g = t.gateway ? gateways.get(t.gateway) : undefined;
      if (g?.unplaced && !g.peer) continue;
      if (!g || !g.peer) return { ok: false, message: `IPSec tunnel ${name} names IKE gateway ${t.gateway ?? '(none)'}, which has no peer-address ip in the files: a gateway with a dynamic or FQDN peer cannot be placed in a topology yet; give the peer's address` };
      const version = g.version === 'ikev2' || g.version === 'ikev2-preferred' ? 2 : 1;
      const key = version === 2 ? 'ikev2' : 'ikev1';
      const ikeProfile = ike.get(g.profile[key] ?? 'default');
      const esp = ipsec.get(t.profile ?? 'default');
      const espProposals = esp ? [proposal(esp.encryption, esp.authentication, esp.dh && esp.dh !== 'no-pfs' ? [esp.dh] : [])] : [];
      const childEsp = { proposals: espProposals, ...(esp?.lifetime !== undefined ? { lifetimeSeconds: esp.lifetime } : {}), ...(esp?.lifesize !== undefined ? { lifetimeKilobytes: esp.lifesize } : {}) };
      const children: ChildMeaning[] = [];
      for (const [pid, p] of t.proxyIds) {
        // Proxy ID sides are "IP subnet or IP address" (specs/network/tunnels/ipsec.yaml); a name of an ip-netmask object is read as its value.
        const localText = p.local === undefined ? undefined : objects.netmask('vsys1', p.local);
        const remoteText = p.remote === undefined ? undefined : objects.netmask('vsys1', p.remote);
        const local = localText === undefined ? undefined : side(localText, p.protocol, p.localPort);
        const remote = remoteText === undefined ? undefined : side(remoteText, p.protocol, p.remotePort);
        if (local === undefined || remote === undefined) {
          if (p.local === undefined || p.remote === undefined) return { ok: false, message: `proxy ID ${pid} of IPSec tunnel ${name} has no ${p.local === undefined ? 'local' : 'remote'} address in the files: give both sides` };
          demote(p.at);
          continue;
        }
        children.push({ local, remote, esp: childEsp, name: pid });
      }
      // No proxy ID: the firewall proposes 0.0.0.0/0 both ways (PAN-OS Administrator's Guide, "Set Up an IPSec Tunnel").
      if (t.proxyIds.size === 0) children.push({ local: '0.0.0.0/0', remote: '0.0.0.0/0', esp: childEsp, implicit: true });
      const dpd = g.dpd[key];
      const localAddress = hostOf(g.local) ?? (g.iface !== undefined ? hostOf(addressOf(g.iface)) : undefined);
      const id = (type: string | undefined, value: string | undefined) => (type !== undefined && value !== undefined ? `${ID_TYPES[type] ?? type}:${value}` : undefined);
      const localId = id(g.localIdType, g.localId);
      const remoteId = id(g.peerIdType, g.peerId);
      const peerAddress = hostOf(g.peer) as string;
      peers.push({
        remoteAddress: peerAddress,
        ...(localAddress ? { localAddress } : {}),
        ikeVersion: version,
        ...(version === 1 ? { exchangeMode: g.mode === 'aggressive' ? 'aggressive' : 'main' } : {}),
        ike: { proposals: ikeProfile ? [proposal(ikeProfile.encryption, ikeProfile.hash, ikeProfile.dh)] : [], ...(ikeProfile?.lifetime !== undefined ? { lifetimeSeconds: ikeProfile.lifetime } : {}) },
        auth: { method: g.psk !== undefined ? 'psk' : 'certificate', ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) },
        ...(dpd?.enable ? { dpd: { intervalSeconds: dpd.interval ?? 5 } } : {}),
        children,
        routes: routesVia.get(t.tunnelInterface ?? '\n') ?? [],
        ...(t.gateway !== undefined ? { name: t.gateway } : {}),
        ...(g.iface !== undefined ? { outsideInterface: g.iface } : {}),
        ...(t.tunnelInterface !== undefined ? { tunnelInterface: t.tunnelInterface } : {}),
        ...(g.psk !== undefined && !encryptedKey(g.psk) ? { psk: g.psk } : {}),
        ...(g.psk !== undefined ? { pskPresent: true } : {}),
        ...(g.passive !== undefined ? { passive: g.passive } : {}),
        ...(g.natTraversal !== undefined ? { natTraversal: g.natTraversal } : {}),
        ...(t.monitor.enable ? { monitor: monitorOf(t.monitor.destination, t.monitor.profile === undefined ? undefined : monitorProfiles.get(t.monitor.profile)) } : {}),
        ...boxNames({ ikeGateway: t.gateway, ipsecTunnel: name, ikeCryptoProfile: g.profile[key], ipsecCryptoProfile: t.profile, ...tunnelObjectNames(t, g, children) }),
      });
    }

    const policies = rulesInOrder(security, moves.filter((m) => m.rules === security)).flatMap(([name, r]) => securityPolicies(name, r, objects, demote));
    const natRules = rulesInOrder(nat, moves.filter((m) => m.rules === nat)).flatMap(([name, r]) => natRulesOf(name, r, objects, (i) => hostOf(addressOf(i)), demote));
    const meaning: ConfigMeaning = {
      peers,
      device: {
        ...(device.hostname !== undefined ? { hostname: device.hostname } : {}),
        ...(device.osVersion !== undefined ? { osVersion: device.osVersion } : {}),
        ...(tunnels.size > 0 ? { vpnType: 'route-based' } : {}),
        interfaces: deviceInterfaces,
        routes: deviceRoutes,
        natRules,
        policies,
      } satisfies DeviceMeaning,
    };
    // Names are resolved at the end, so some lines are found not understood late: report them in file order.
    const fileOrder = new Map(files.map((f, i) => [f.name, i]));
    lines.unknown.sort((x, y) => (fileOrder.get(x.file) ?? 0) - (fileOrder.get(y.file) ?? 0) || x.line - y.line);
    const result: ReadResult = { ok: true, meaning, lines };
    return result;
  },

  recognize(text) {
    return recognizePanos(text);
  },
};

/** The tunnel monitor as the peer's meaning: what the file says; the assembler fills the product's defaults (the profile "default": wait-recover, 3 s, 5). */
/**
 * The names the box gives this end's objects, as its PAN-OS settings (options.ts), so that the
 * corrected configuration is written in them. Only the names the file says: a profile left to
 * PAN-OS's "default" is not recorded. A name the setting cannot hold (a space in it) is left
 * out: the exporter then writes its own name for that object.
 */
function boxNames(names: Partial<Record<keyof PanosEndOptions, string | undefined>>): Pick<PeerMeaning, 'vendorOptions'> {
  const held: Record<string, string> = {};
  for (const [k, v] of Object.entries(names) as [keyof PanosEndOptions, string | undefined][]) {
    const list = k === 'staticRoutes' || k === 'addressObjects';
    const match = k === 'securityRuleOutMatch' || k === 'securityRuleInMatch' || k === 'natExemptionRuleMatch';
    if (v !== undefined && v !== '' && (k === 'natExemption' || (match ? PANOS_RULE_MATCH.test(v) : list ? PANOS_NAME_LIST.test(v) : PANOS_NAME.test(v)))) held[k] = v;
  }
  return Object.keys(held).length > 0 ? { vendorOptions: { panos: held } } : {};
}

/** A prefix as `<address>/<length>` (a host gets /32 or /128), or undefined. */
function prefixText(value: string): string | undefined {
  const p = parsePrefix(value.includes('/') ? value : `${value}/${value.includes(':') ? 128 : 32}`);
  if (!p.ok) return undefined;
  return `${formatIp(p.value.family, p.value.from)}/${prefixLength(p.value) ?? ''}`;
}

const sameRange = (a: AddressRange, b: AddressRange) => a.family === b.family && a.from === b.from && a.to === b.to;

/** `<prefix>=<name>` entries as one setting, as many as the setting holds (the rest are left out: the exporter names those itself). */
function nameList(entries: readonly string[]): string {
  let out = '';
  // In one order whatever the file's: the list says which name each prefix has, not where it stands.
  for (const e of [...entries].sort()) {
    // Each entry checked alone: a list of valid entries is a valid list.
    if (!PANOS_NAME_LIST.test(e)) continue;
    const next = out === '' ? e : `${out},${e}`;
    if (next.length > PANOS_NAME_LIST_MAX) continue;
    out = next;
  }
  return out;
}

function monitorOf(destination: string | undefined, p: MonitorProfile | undefined): NonNullable<PeerMeaning['monitor']> {
  return {
    ...(destination !== undefined ? { destinationIp: destination } : {}),
    ...(p?.action !== undefined ? { action: p.action } : {}),
    ...(p?.threshold !== undefined ? { threshold: p.threshold } : {}),
    ...(p?.interval !== undefined ? { intervalSeconds: p.interval } : {}),
  };
}

/** Whether `host` lies in the subnet of the interface address `cidr`. */
function onLink(cidr: string, host: string): boolean {
  const i = parseInterfaceAddress(cidr);
  const h = parsePrefix(`${host}/${host.includes(':') ? 128 : 32}`);
  return i.ok && h.ok && h.value.family === i.value.family && h.value.from >= i.value.network.from && h.value.to <= i.value.network.to;
}

/** The rules in the box's order: as defined, then each `move` applied in turn. */
function rulesInOrder(rules: Map<string, Rule>, moves: readonly { key: string; where: string; other?: string }[]): [string, Rule][] {
  const order = [...rules.keys()];
  for (const m of moves) {
    const at = order.indexOf(m.key);
    if (at < 0) continue;
    order.splice(at, 1);
    if (m.where === 'top') order.unshift(m.key);
    else if (m.where === 'bottom') order.push(m.key);
    else {
      const o = order.indexOf(m.other ?? '');
      if (o < 0) order.splice(at, 0, m.key);
      else order.splice(m.where === 'before' ? o : o + 1, 0, m.key);
    }
  }
  return order.map((k) => [k.slice(k.indexOf('\n') + 1), rules.get(k) as Rule]);
}

/** The values of a rule's key resolved, or undefined (after reporting a name defined nowhere). */
function resolveAll<T>(r: Rule, key: string, resolve: (v: string) => Resolved<T>, fallback: T, demote: (s: Statement) => void): T[] | undefined {
  const k = r.keys.get(key);
  if (!k) return [fallback];
  const out: T[] = [];
  for (const v of k.values) {
    const x = resolve(v);
    if (!x.ok) {
      if (x.missing !== undefined) demote(k.at);
      return undefined;
    }
    out.push(...x.values);
  }
  return out;
}

/**
 * One document policy per zone pair, source, destination and service of the rule (the document's
 * policy holds one of each). Left out: disabled rules, negated sources or destinations, and rules
 * naming an FQDN, wildcard or dynamic group, which a document policy cannot hold.
 */
function securityPolicies(name: string, r: Rule, objects: PanosObjects, demote: (s: Statement) => void): SecurityPolicy[] {
  if (r.disabled) return [];
  if (r.keys.get('negate-source')?.values[0] === 'yes' || r.keys.get('negate-destination')?.values[0] === 'yes') return [];
  const action = r.keys.get('action')?.values[0];
  if (action === undefined) return [];
  const from = r.keys.get('from')?.values ?? ['any'];
  const to = r.keys.get('to')?.values ?? ['any'];
  const sources = resolveAll(r, 'source', (v) => objects.resolveAddress(r.scope, v), 'any', demote);
  const destinations = resolveAll(r, 'destination', (v) => objects.resolveAddress(r.scope, v), 'any', demote);
  const services = resolveAll(r, 'service', (v) => objects.resolveService(r.scope, v), { protocol: 'any' as const, port: 'any' }, demote);
  if (!sources || !destinations || !services) return [];
  const out: Omit<SecurityPolicy, 'name'>[] = [];
  // Adjacent objects merged first: the same traffic in far fewer policies.
  const sourceSet = coalesceAddresses(sources);
  const destinationSet = coalesceAddresses(destinations);
  for (const fromZone of from) for (const toZone of to) for (const source of sourceSet) for (const destination of destinationSet) for (const s of services) {
    out.push({ fromZone, toZone, source, destination, protocol: s.protocol, port: s.port, action: action === 'allow' ? 'allow' : 'deny' });
  }
  return out.map((p, i) => ({ name: out.length === 1 ? named(name, '') : named(name, ` #${i + 1}`), ...p }));
}

/**
 * The document's NAT rules for one PAN-OS NAT rule: source translation (dynamic IP and port on an
 * interface's address or a translated address, dynamic IP, static IP), destination translation,
 * and a rule that translates nothing, the VPN's NAT exemption (written as a source rule that
 * keeps the original address).
 */
function natRulesOf(name: string, r: Rule, objects: PanosObjects, interfaceHost: (i: string) => string | undefined, demote: (s: Statement) => void): NatRule[] {
  if (r.disabled) return [];
  const resolvedSources = resolveAll(r, 'source', (v) => objects.resolveAddress(r.scope, v), 'any', demote);
  const resolvedDestinations = resolveAll(r, 'destination', (v) => objects.resolveAddress(r.scope, v), 'any', demote);
  if (!resolvedSources || !resolvedDestinations) return [];
  const sources = coalesceAddresses(resolvedSources);
  const destinations = coalesceAddresses(resolvedDestinations);
  const toInterface = r.keys.get('to-interface')?.values[0];
  const st = r.keys.get('source-translation')?.values;
  const dt = r.keys.get('destination-translation')?.values ?? r.keys.get('dynamic-destination-translation')?.values;
  const at = (words: readonly string[], k: string) => (words.includes(k) ? words.slice(words.indexOf(k) + 1) : undefined);
  const first = (words: readonly string[] | undefined): string | undefined => {
    if (!words) return undefined;
    const v = values(words)[0];
    if (v === undefined) return undefined;
    const resolved = objects.resolveAddress(r.scope, v);
    return resolved.ok ? resolved.values[0] : undefined;
  };
  const out: Omit<NatRule, 'name'>[] = [];
  if (st) {
    const viaInterface = at(st, 'interface')?.[0];
    const ip = at(st, 'ip')?.[0];
    const translated = st.includes('interface-address') ? (ip !== undefined ? (objects.netmask(r.scope, ip) ?? ip).split('/')[0] : viaInterface !== undefined ? interfaceHost(viaInterface) : undefined) : first(at(st, 'translated-address'));
    const iface = viaInterface ?? (toInterface !== undefined && toInterface !== 'any' ? toInterface : undefined);
    if (translated !== undefined) for (const original of sources) out.push({ kind: 'source', original, translated, ...(iface !== undefined ? { interface: iface } : {}) });
  }
  if (dt) {
    const translated = first(at(dt, 'translated-address'));
    if (translated !== undefined) for (const original of destinations) out.push({ kind: 'destination', original, translated });
  }
  if (!st && !dt) for (const original of sources) out.push({ kind: 'source', original, translated: original, ...(toInterface !== undefined && toInterface !== 'any' ? { interface: toInterface } : {}) });
  return out.map((n, i) => ({ name: out.length === 1 ? named(name, '') : named(name, ` #${i + 1}`), ...n }));
}

/** First words of a PAN-OS configure-mode statement after `set` (a vsys's or shared's included). */
const PANOS_TOPS = new Set(['network', 'deviceconfig', 'zone', 'address', 'address-group', 'service', 'service-group', 'rulebase', 'vsys', 'shared', 'mgt-config', ...UNRELATED_TOP]);
/** Statements only PAN-OS has: without one of them a file of `set` lines is another product's. */
const PANOS_ONLY = /^set (?:vsys \S+ )?(?:network (?:ike|tunnel|interface|virtual-router|logical-router|profiles)|deviceconfig|rulebase|mgt-config|zone \S+ network)\b/m;

/**
 * 1 for a PAN-OS configuration, 0 for another product's: the XML of `show config running`
 * (`<config …>` holding `<devices>` or `<shared>`), or `set` lines whose first words are PAN-OS's,
 * with at least one statement only PAN-OS has. Junos `set security …`, `set interfaces …`,
 * `set system …` lines have none of them. Looks at the first 2,000 statements only.
 */
export function recognizePanos(text: string): number {
  const head = text.slice(0, 200_000);
  if (/^\s*</.test(head)) return /<config[\s>]/.test(head) && /<(devices|shared)[\s>]/.test(head) ? 1 : 0;
  if (!PANOS_ONLY.test(head)) return 0;
  let total = 0;
  let ours = 0;
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (++total > 2000) break;
    const [verb, top] = line.split(/\s+/, 2);
    if ((verb === 'set' && top !== undefined && PANOS_TOPS.has(top)) || (verb === 'move' && top === 'rulebase')) ours++;
  }
  return total === 0 ? 0 : ours / Math.min(total, 2000);
}
