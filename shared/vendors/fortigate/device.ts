// The device part of a FortiOS configuration (ConfigMeaning.device): what the box is and how
// it forwards, read from the tables a running configuration holds (Fortinet, FortiOS 7.4.6 CLI
// Reference): "config system interface" (ip <address> <netmask>, type, vdom), "config system
// zone" (interface), "config router static" (dst, gateway, device), "config firewall address"
// (subnet, type iprange: start-ip/end-ip), "config firewall addrgrp" (member), "config firewall
// service custom" (protocol, tcp-portrange, udp-portrange), "config firewall service group"
// (member), "config firewall policy" (srcintf, dstintf, srcaddr, dstaddr, service, action, nat,
// status), in the order the file has them. Names resolve to what the model holds: one address or
// range per policy side, one protocol and port, so a policy naming several becomes one model
// policy per combination, in order.
import { InterfaceSchema, NatRuleSchema, RouteSchema, SecurityPolicySchema, type Interface, type NatRule, type Route, type SecurityPolicy } from '../../model/document';
import { coalesceAddresses, formatRange, parseAddressSpec, parseIp, prefixLength, type AddressRange } from '../../net/address';
import type { DeviceMeaning } from '../kit/reader';

export interface Statement {
  file: string;
  line: number;
  text: string;
  words: string[];
}

/** One `edit` entry: its keys (the words after `set <key>`) and the line of each. */
export interface Entry {
  name: string;
  keys: Map<string, { values: string[]; at: Statement }>;
  at: Statement;
}

export type Tables = Map<string, Entry[]>;

/**
 * The device tables and the keys read from them; their other keys (uuid, allowaccess,
 * logtraffic, schedule…) say nothing the model holds and are ignored.
 */
export const DEVICE_TABLES: Record<string, ReadonlySet<string>> = {
  'system interface': new Set(['ip', 'type', 'vdom', 'interface']),
  'system zone': new Set(['interface']),
  'router static': new Set(['dst', 'device', 'gateway', 'status', 'blackhole']),
  'router static6': new Set(['dst', 'device', 'gateway', 'status', 'blackhole']),
  'firewall address': new Set(['subnet', 'type', 'start-ip', 'end-ip']),
  'firewall address6': new Set(['ip6', 'type', 'start-ip', 'end-ip']),
  'firewall addrgrp': new Set(['member', 'exclude']),
  'firewall addrgrp6': new Set(['member']),
  'firewall service custom': new Set(['protocol', 'protocol-number', 'tcp-portrange', 'udp-portrange', 'sctp-portrange', 'icmptype']),
  'firewall service group': new Set(['member']),
  'firewall policy': new Set(['name', 'srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6', 'action', 'service', 'nat', 'status', 'ippool']),
};

/** `10.1.0.0 255.255.255.0` or `10.1.0.0/24` as a range. */
export function subnet(values: readonly string[]): AddressRange | undefined {
  const [a, b] = values;
  if (a === undefined) return undefined;
  if (b === undefined) return prefix(a);
  const ip = parseIp(a);
  const len = maskLength(b);
  if (!ip.ok || ip.value.family !== 4 || len === undefined) return undefined;
  const host = (1n << BigInt(32 - len)) - 1n;
  return { family: 4, from: ip.value.value & ~host, to: (ip.value.value & ~host) | host };
}

/** The prefix length of a netmask (ones then zeros), or undefined. */
function maskLength(mask: string): number | undefined {
  const m = parseIp(mask);
  if (!m.ok || m.value.family !== 4) return undefined;
  const host = ~m.value.value & 0xffffffffn;
  if (((host + 1n) & host) !== 0n) return undefined;
  return 32 - host.toString(2).replace(/^0+/, '').length;
}

export function prefix(text: string): AddressRange | undefined {
  const [a, l] = text.split('/');
  const ip = parseIp(a ?? '');
  if (!ip.ok) return undefined;
  const bits = ip.value.family === 4 ? 32 : 128;
  const len = l === undefined ? bits : Number(l);
  if (!Number.isInteger(len) || len < 0 || len > bits) return undefined;
  const host = (1n << BigInt(bits - len)) - 1n;
  return { family: ip.value.family, from: ip.value.value & ~host, to: (ip.value.value & ~host) | host };
}

export function range(first: string | undefined, last: string | undefined): AddressRange | undefined {
  const a = parseIp(first ?? '');
  const b = parseIp(last ?? first ?? '');
  if (!a.ok || !b.ok || a.value.family !== b.value.family || a.value.value > b.value.value) return undefined;
  return { family: a.value.family, from: a.value.value, to: b.value.value };
}

const one = (e: Entry, key: string) => e.keys.get(key)?.values[0];
/** Each table's entries by name, the first of a name kept, made once per table: policies name thousands of addresses. */
const byName = new WeakMap<Entry[], { size: number; index: Map<string, Entry> }>();
const find = (tables: Tables, table: string, name: string): Entry | undefined => {
  const entries = tables.get(table);
  if (!entries) return undefined;
  let made = byName.get(entries);
  if (made?.size !== entries.length) {
    const index = new Map<string, Entry>();
    for (const e of entries) if (!index.has(e.name)) index.set(e.name, e);
    made = { size: entries.length, index };
    byName.set(entries, made);
  }
  return made.index.get(name);
};

/**
 * The ranges a firewall address or address group holds (groups nest), or why not. "all" is
 * FortiOS's predefined any address (0.0.0.0/0; "all" of address6 is ::/0) when the file does not define it.
 */
export function addressRanges(tables: Tables, name: string, family: 4 | 6, seen: ReadonlySet<string> = new Set()): { ok: true; ranges: AddressRange[] } | { ok: false; why: string } {
  const six = family === 6 ? '6' : '';
  const address = find(tables, `firewall address${six}`, name);
  if (address) {
    const type = one(address, 'type') ?? (family === 4 ? 'ipmask' : 'ipprefix');
    const r =
      type === 'ipmask' ? subnet(address.keys.get('subnet')?.values ?? ['0.0.0.0', '0.0.0.0'])
      : type === 'ipprefix' ? prefix(one(address, 'ip6') ?? '::/0')
      : type === 'iprange' ? range(one(address, 'start-ip'), one(address, 'end-ip'))
      : undefined;
    return r ? { ok: true, ranges: [r] } : { ok: false, why: `firewall address${six} ${name} is of type ${type}, which the model cannot hold as an address or range` };
  }
  const group = find(tables, `firewall addrgrp${six}`, name);
  if (group) {
    if (seen.has(name)) return { ok: false, why: `address group ${name} contains itself` };
    if (one(group, 'exclude') === 'enable') return { ok: false, why: `address group ${name} excludes members, which the model cannot hold` };
    const out: AddressRange[] = [];
    for (const m of group.keys.get('member')?.values ?? []) {
      const got = addressRanges(tables, m, family, new Set([...seen, name]));
      if (!got.ok) return got;
      out.push(...got.ranges);
    }
    return out.length > 0 ? { ok: true, ranges: out } : { ok: false, why: `address group ${name} has no member` };
  }
  if (name === 'all') return { ok: true, ranges: [family === 4 ? { family: 4, from: 0n, to: 0xffffffffn } : { family: 6, from: 0n, to: (1n << 128n) - 1n }] };
  return { ok: false, why: `${name} is not a firewall address or address group of this configuration` };
}

interface Service {
  protocol: SecurityPolicy['protocol'];
  port: string;
}

/**
 * FortiOS's predefined services a default configuration holds (its "firewall service custom"
 * entries of a factory configuration: ALL, ALL_TCP, ALL_UDP, ALL_ICMP, PING, HTTP, HTTPS, SSH,
 * TELNET, DNS, NTP, SMTP, RDP, SNMP), used when the file does not define them.
 */
const PREDEFINED: Record<string, Service[]> = {
  ALL: [{ protocol: 'any', port: 'any' }],
  ALL_TCP: [{ protocol: 'tcp', port: '1-65535' }],
  ALL_UDP: [{ protocol: 'udp', port: '1-65535' }],
  ALL_ICMP: [{ protocol: 'icmp', port: 'any' }],
  PING: [{ protocol: 'icmp', port: '8' }],
  HTTP: [{ protocol: 'tcp', port: '80' }],
  HTTPS: [{ protocol: 'tcp', port: '443' }],
  SSH: [{ protocol: 'tcp', port: '22' }],
  TELNET: [{ protocol: 'tcp', port: '23' }],
  DNS: [{ protocol: 'tcp', port: '53' }, { protocol: 'udp', port: '53' }],
  NTP: [{ protocol: 'tcp', port: '123' }, { protocol: 'udp', port: '123' }],
  SMTP: [{ protocol: 'tcp', port: '25' }],
  RDP: [{ protocol: 'tcp', port: '3389' }],
  SNMP: [{ protocol: 'tcp', port: '161-162' }, { protocol: 'udp', port: '161-162' }],
};

/** The protocols and ports of a service or service group, or why not. */
function services(tables: Tables, name: string, seen: ReadonlySet<string> = new Set()): { ok: true; list: Service[] } | { ok: false; why: string } {
  const custom = find(tables, 'firewall service custom', name);
  if (custom) {
    const protocol = one(custom, 'protocol') ?? 'TCP/UDP/SCTP';
    if (protocol === 'IP') {
      const n = Number(one(custom, 'protocol-number') ?? 0);
      return { ok: true, list: [{ protocol: n, port: 'any' }] };
    }
    if (protocol === 'ICMP') return { ok: true, list: [{ protocol: 'icmp', port: one(custom, 'icmptype') ?? 'any' }] };
    if (protocol !== 'TCP/UDP/SCTP') return { ok: false, why: `service ${name} has protocol ${protocol}, which the model cannot hold` };
    const list: Service[] = [];
    for (const [key, proto] of [['tcp-portrange', 'tcp'], ['udp-portrange', 'udp']] as const) {
      // "<dstlow>[-<dsthigh>][:<srclow>[-<srchigh>]]", several separated by spaces; the model keeps the destination ports.
      for (const r of custom.keys.get(key)?.values ?? []) {
        const m = /^(\d+)(?:-(\d+))?(?::\d+(?:-\d+)?)?$/.exec(r);
        if (!m) return { ok: false, why: `${key} ${r} of service ${name} is not a port range the reader knows` };
        list.push({ protocol: proto, port: m[2] !== undefined && m[2] !== m[1] ? `${m[1]}-${m[2]}` : (m[1] as string) });
      }
    }
    if (custom.keys.has('sctp-portrange')) return { ok: false, why: `service ${name} has SCTP ports, which the model cannot hold with its TCP/UDP ones` };
    return list.length > 0 ? { ok: true, list } : { ok: false, why: `service ${name} has no port range` };
  }
  const group = find(tables, 'firewall service group', name);
  if (group) {
    if (seen.has(name)) return { ok: false, why: `service group ${name} contains itself` };
    const list: Service[] = [];
    for (const m of group.keys.get('member')?.values ?? []) {
      const got = services(tables, m, new Set([...seen, name]));
      if (!got.ok) return got;
      list.push(...got.list);
    }
    return { ok: true, list };
  }
  const predefined = PREDEFINED[name];
  return predefined ? { ok: true, list: predefined } : { ok: false, why: `service ${name} is not defined in this configuration and is not one of FortiOS's predefined services the reader knows` };
}

const spec = (r: AddressRange): string => formatRange(r, '-');

/** The ranges merged where adjacent or overlapping, each with its family and its text. */
function coalesced(ranges: readonly AddressRange[]): { family: 4 | 6; text: string }[] {
  const text = coalesceAddresses(ranges.map(spec));
  return text.flatMap((t) => {
    const r = parseAddressSpec(t);
    return r.ok ? [{ family: r.value.family, text: formatRange(r.value, '-') }] : [];
  });
}

/** Reports an entry the model's schema refuses (a name with characters it does not allow), with the schema's message. */
function valid<T>(schema: { safeParse(v: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } } }, value: T, at: Statement, unknown: (s: Statement, why: string) => void): value is T {
  const r = schema.safeParse(value);
  if (!r.success) unknown(at, `the model cannot hold it: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.success;
}

/** The device part of the tables read (the chosen VDOM's, `vdom`, and the global ones). */
export function deviceOf(tables: Tables, header: { hostname?: string; model?: string; osVersion?: string; vdom?: string }, unknown: (s: Statement, why: string) => void): DeviceMeaning {
  const phase1 = tables.get('vpn ipsec phase1-interface') ?? [];
  const zoneOf = new Map<string, string>();
  for (const z of tables.get('system zone') ?? []) for (const i of z.keys.get('interface')?.values ?? []) zoneOf.set(i, z.name);
  const interfaces: Interface[] = [];
  const addressOf = new Map<string, string>();
  for (const e of tables.get('system interface') ?? []) {
    // With VDOMs, the interfaces of the VDOM read (system interface is a global table).
    if (header.vdom !== undefined && (one(e, 'vdom') ?? header.vdom) !== header.vdom) continue;
    const type = one(e, 'type') ?? 'physical';
    const ip = e.keys.get('ip')?.values ?? [];
    const len = ip[1] === undefined ? undefined : ip[0]?.includes('/') ? undefined : maskLength(ip[1]);
    const address = ip[0] !== undefined && ip[0] !== '0.0.0.0' && len !== undefined ? `${ip[0]}/${len}` : undefined;
    if (address && ip[0]) addressOf.set(e.name, ip[0]);
    const i: Interface = { name: e.name, kind: type === 'tunnel' ? 'tunnel' : type === 'loopback' ? 'loopback' : 'physical', ...(address ? { address } : {}), ...(zoneOf.has(e.name) ? { zone: zoneOf.get(e.name) as string } : {}) };
    if (valid(InterfaceSchema, i, e.at, unknown)) interfaces.push(i);
  }
  // A phase1-interface is a tunnel interface of its name (FortiOS creates it); a file of the
  // VPN tables alone does not list it under system interface.
  const named = new Set(interfaces.map((i) => i.name));
  for (const e of phase1) {
    if (named.has(e.name)) continue;
    const i: Interface = { name: e.name, kind: 'tunnel', ...(zoneOf.has(e.name) ? { zone: zoneOf.get(e.name) as string } : {}) };
    if (valid(InterfaceSchema, i, e.at, unknown)) {
      interfaces.push(i);
      named.add(e.name);
    }
  }

  const routes: Route[] = [];
  for (const table of ['router static', 'router static6']) {
    for (const e of tables.get(table) ?? []) {
      const device = one(e, 'device');
      // A blackhole route or a disabled one forwards nothing to an interface.
      if (one(e, 'status') === 'disable' || one(e, 'blackhole') === 'enable' || device === undefined) continue;
      const r = table === 'router static' ? subnet(e.keys.get('dst')?.values ?? ['0.0.0.0', '0.0.0.0']) : prefix(one(e, 'dst') ?? '::/0');
      if (!r || prefixLength(r) === undefined) continue; // reported with the peers' routes
      const gw = one(e, 'gateway');
      const route: Route = { destination: formatRange(r), interface: device, ...(gw !== undefined && gw !== '0.0.0.0' && gw !== '::' ? { nextHop: gw } : {}) };
      if (valid(RouteSchema, route, e.at, unknown)) routes.push(route);
    }
  }

  const policies: SecurityPolicy[] = [];
  const natRules: NatRule[] = [];
  for (const e of tables.get('firewall policy') ?? []) {
    if (one(e, 'status') === 'disable') continue;
    const action = one(e, 'action') ?? 'deny';
    const base = one(e, 'name') ?? e.name;
    const list = (key: string) => e.keys.get(key)?.values ?? [];
    const resolve = (key: 'srcaddr' | 'dstaddr'): AddressRange[] | undefined => {
      const out: AddressRange[] = [];
      for (const [k, family] of [[key, 4], [`${key}6`, 6]] as const) {
        for (const name of list(k)) {
          const got = addressRanges(tables, name, family);
          if (!got.ok) {
            unknown(e.keys.get(k)?.at ?? e.at, got.why);
            return undefined;
          }
          out.push(...got.ranges);
        }
      }
      return out;
    };
    const src = resolve('srcaddr');
    const dst = resolve('dstaddr');
    if (!src || !dst) continue;
    const svc: Service[] = [];
    for (const name of list('service')) {
      const got = services(tables, name);
      if (!got.ok) {
        unknown(e.keys.get('service')?.at ?? e.at, got.why);
        svc.length = 0;
        break;
      }
      svc.push(...got.list);
    }
    if (svc.length === 0 && list('service').length > 0) continue;
    const combos: Omit<SecurityPolicy, 'name'>[] = [];
    for (const from of list('srcintf').length > 0 ? list('srcintf') : ['any'])
      for (const to of list('dstintf').length > 0 ? list('dstintf') : ['any'])
        // Adjacent addresses merged first: the same traffic in far fewer policies.
        for (const s of coalesced(src)) for (const d of coalesced(dst)) {
          if (s.family !== d.family) continue;
          for (const v of svc.length > 0 ? svc : [{ protocol: 'any' as const, port: 'any' }]) combos.push({ fromZone: from, toZone: to, source: s.text, destination: d.text, protocol: v.protocol, port: v.port, action: action === 'accept' ? 'allow' : 'deny' });
        }
    combos.forEach((c, k) => {
      const p: SecurityPolicy = { name: combos.length === 1 ? base : `${base} #${k + 1}`, ...c };
      if (valid(SecurityPolicySchema, p, e.at, unknown)) policies.push(p);
    });
    // `set nat enable` without an IP pool: source NAT to the outgoing interface's address.
    if (one(e, 'nat') === 'enable' && action === 'accept') {
      const at = e.keys.get('nat')?.at ?? e.at;
      if (one(e, 'ippool') === 'enable') {
        unknown(at, 'source NAT to an IP pool, which the reader does not read');
        continue;
      }
      const outs = list('dstintf');
      src.forEach((s, k) => {
        for (const out of outs) {
          const address = addressOf.get(out);
          if (!address) {
            unknown(at, `source NAT to the address of ${out}, which has none in this configuration`);
            continue;
          }
          const rule: NatRule = { name: src.length * outs.length === 1 ? `${base} nat` : `${base} nat #${k + 1}`, kind: 'source', original: spec(s), translated: address, interface: out };
          if (valid(NatRuleSchema, rule, at, unknown)) natRules.push(rule);
        }
      });
    }
  }
  return {
    ...(header.hostname !== undefined ? { hostname: header.hostname } : {}),
    ...(header.model !== undefined ? { model: header.model } : {}),
    ...(header.osVersion !== undefined ? { osVersion: header.osVersion } : {}),
    // Tunnels of phase1-interface are interfaces: route-based (FortiOS 7.4.6 Administration Guide, "Site-to-site VPN").
    ...(phase1.length > 0 ? { vpnType: 'route-based' as const } : {}),
    interfaces,
    routes,
    natRules,
    policies,
  };
}
