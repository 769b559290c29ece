// Traffic selectors (RFC 7296 §3.13.1): an address range, an IP protocol (0 = any) and a port
// range. For ICMP and ICMPv6 the port fields carry type and code (type in the high byte, code in
// the low byte, RFC 7296 §3.13.1). The set operations follow strongSwan's `traffic_selector.c`
// (`get_subset`, `is_contained_in`), which real charon was checked against.
import { formatRange, parseAddressSpec, type AddressRange, type Family, type ParseResult } from './address';

export interface Selector {
  readonly family: Family;
  readonly from: bigint;
  readonly to: bigint;
  /** IP protocol number; 0 = any. */
  readonly protocol: number;
  /** Inclusive port range; 0-65535 = any. */
  readonly portFrom: number;
  readonly portTo: number;
}

export const ANY_PORT_FROM = 0;
export const ANY_PORT_TO = 65535;

const PROTOCOLS: Record<string, number> = { any: 0, ip: 0, icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmpv6: 58, 'ipv6-icmp': 58, ospf: 89, sctp: 132 };
const PROTOCOL_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp', 89: 'ospf', 132: 'sctp' };
/** Service names `swanctl --list-sas` prints instead of port numbers (from /etc/services). */
const SERVICES: Record<string, number> = { ssh: 22, domain: 53, http: 80, https: 443, isakmp: 500, 'ipsec-nat-t': 4500, ntp: 123, snmp: 161, bgp: 179, ldap: 389, smtp: 25, telnet: 23, ftp: 21 };

export function protocolNumber(p: string | number): number | undefined {
  if (typeof p === 'number') return Number.isInteger(p) && p >= 0 && p <= 255 ? p : undefined;
  const t = p.trim().toLowerCase();
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    return n <= 255 ? n : undefined;
  }
  return PROTOCOLS[t];
}

export function protocolName(p: number): string {
  return PROTOCOL_NAMES[p] ?? String(p);
}

export function isIcmp(protocol: number): boolean {
  return protocol === 1 || protocol === 58;
}

/**
 * Parses a port field as the document writes it ("any", "443", "1000-2000", a service name); for
 * ICMP a type alone ("3", below 256) is that type with any code, "type/code" one value, any other
 * number the 16-bit value. strongSwan's own notation means a type alone otherwise: parseSelector.
 */
export function parsePortSpec(text: string, protocol: number): ParseResult<{ from: number; to: number }> {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'any' || t === '%any') return { ok: true, value: { from: ANY_PORT_FROM, to: ANY_PORT_TO } };
  if (isIcmp(protocol)) {
    const m = /^(\d{1,3})(?:\/(\d{1,3})|\((\d{1,3})\))?$/.exec(t);
    if (m) {
      const type = Number(m[1]);
      const codeText = m[2] ?? m[3];
      const code = codeText === undefined ? undefined : Number(codeText);
      if (type <= 255 && (code === undefined || code <= 255)) {
        return { ok: true, value: code === undefined ? { from: type << 8, to: (type << 8) | 255 } : { from: (type << 8) | code, to: (type << 8) | code } };
      }
    }
  }
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(t);
  if (m) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from <= 65535 && to <= 65535 && from <= to) return { ok: true, value: { from, to } };
  }
  const service = SERVICES[t];
  if (service !== undefined) return { ok: true, value: { from: service, to: service } };
  return { ok: false, message: `"${text}" is not a valid port: write any, a port 0-65535, or a range such as 1000-2000` };
}

/**
 * An ICMP/ICMPv6 port field in strongSwan's notation, as charon means it: a type alone is that
 * type with code 0, one value (charon shifts a port below 256 into the type byte:
 * traffic_selector.c; probe probe-v2-icmp-type-code-vs-type, charon 5.9.8: `[icmp/3]` and
 * `[icmp/769]` are disjoint); `type(code)` or `type/code` one value; a number from 256 the 16-bit
 * value itself; `a-b` each end so (`8-8(255)`, as charon prints type 8 with any code, or `2048-2303`).
 */
function parseCharonIcmpPort(text: string): { from: number; to: number } | undefined {
  const one = (t: string): number | undefined => {
    const m = /^(\d{1,5})(?:\((\d{1,3})\)|\/(\d{1,3}))?$/.exec(t);
    if (!m) return undefined;
    const n = Number(m[1]);
    const codeText = m[2] ?? m[3];
    if (codeText !== undefined) return n <= 255 && Number(codeText) <= 255 ? (n << 8) | Number(codeText) : undefined;
    if (n > 65535) return undefined;
    return n < 256 ? n << 8 : n;
  };
  const t = text.trim().toLowerCase();
  const dash = t.indexOf('-');
  const from = one(dash < 0 ? t : t.slice(0, dash));
  const to = dash < 0 ? from : one(t.slice(dash + 1));
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

/** Builds a selector from an address spec, a protocol and a port spec; errors are values. */
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** IPv4 prefixes and addresses without ipaddr.js or byte-wise bigint building (the engine's hot path); anything else, and every error, goes through parseAddressSpec. */
function fastV4(text: string): AddressRange | undefined {
  const m = V4.exec(text);
  if (!m) return undefined;
  const o = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (o.some((x) => x > 255) || m.slice(1, 5).some((x) => x !== undefined && x.length > 1 && x.startsWith('0'))) return undefined;
  const value = ((o[0] as number) * 16777216 + (o[1] as number) * 65536 + (o[2] as number) * 256 + (o[3] as number));
  const len = m[5] === undefined ? 32 : Number(m[5]);
  if (len > 32) return undefined;
  const size = 2 ** (32 - len);
  if (value % size !== 0) return undefined;
  return { family: 4, from: BigInt(value), to: BigInt(value + size - 1) };
}

export function makeSelector(address: string, protocol: string | number = 0, port = 'any'): ParseResult<Selector> {
  const fast = fastV4(address);
  const a: ParseResult<AddressRange> = fast ? { ok: true, value: fast } : parseAddressSpec(address.replace('..', '-'));
  if (!a.ok) return a;
  const p = protocolNumber(protocol);
  if (p === undefined) return { ok: false, message: `"${String(protocol)}" is not a protocol: write any, tcp, udp, icmp, … or a number 0-255` };
  const ports = parsePortSpec(port, p);
  if (!ports.ok) return ports;
  if (p === 0 && (ports.value.from !== ANY_PORT_FROM || ports.value.to !== ANY_PORT_TO)) {
    return { ok: false, message: `a port (${port}) needs a protocol such as tcp or udp` };
  }
  return { ok: true, value: fromRange(a.value, p, ports.value.from, ports.value.to) };
}

export function fromRange(r: AddressRange, protocol = 0, portFrom = ANY_PORT_FROM, portTo = ANY_PORT_TO): Selector {
  return { family: r.family, from: r.from, to: r.to, protocol, portFrom, portTo };
}

/**
 * Parses strongSwan's notation: `10.1.0.0/16`, `10.1.0.5-10.1.0.9` or `10.1.0.5..10.1.0.9`,
 * `10.1.0.0/24[tcp/443]`, `[udp/1000-2000]`, `[tcp]`, `2001:db8::/64[udp/500-510]`, `[icmp/8]`, `[icmp/3(1)]`
 * (ICMP type and code; `[icmp/3/1]` is accepted too).
 */
export function parseSelector(text: string): ParseResult<Selector> {
  const t = text.trim();
  const open = t.indexOf('[');
  if (open < 0) return makeSelector(t);
  if (!t.endsWith(']')) return { ok: false, message: `"${text}" is not a valid selector: the protocol part must end with "]"` };
  const address = t.slice(0, open);
  const inner = t.slice(open + 1, -1);
  const slash = inner.indexOf('/');
  const proto = slash < 0 ? inner : inner.slice(0, slash);
  const port = slash < 0 ? 'any' : inner.slice(slash + 1);
  const p = protocolNumber(proto === '' ? 'any' : proto);
  const portText = port.trim().toLowerCase();
  if (p !== undefined && isIcmp(p) && portText !== '' && portText !== 'any' && portText !== '%any') {
    const ports = parseCharonIcmpPort(portText);
    if (!ports) return { ok: false, message: `"${port}" is not a valid ICMP type/code: write a type (8), a type and code (3(1)), or the 16-bit value or range (2048-2303)` };
    const sel = makeSelector(address === '' ? 'any' : address, p);
    return sel.ok ? { ok: true, value: { ...sel.value, portFrom: ports.from, portTo: ports.to } } : sel;
  }
  return makeSelector(address === '' ? 'any' : address, proto === '' ? 'any' : proto, port);
}

function formatPorts(s: Selector): string {
  if (isIcmp(s.protocol)) {
    // As charon prints them: the type, a code other than 0 in parentheses; a range as two such
    // values (type 8 with any code is `8-8(255)`). parseSelector reads each back exactly.
    const one = (v: number) => ((v & 255) === 0 ? String(v >> 8) : `${v >> 8}(${v & 255})`);
    return s.portFrom === s.portTo ? one(s.portFrom) : `${one(s.portFrom)}-${one(s.portTo)}`;
  }
  return s.portFrom === s.portTo ? String(s.portFrom) : `${s.portFrom}-${s.portTo}`;
}

export function hasAnyPort(s: Selector): boolean {
  return s.portFrom === ANY_PORT_FROM && s.portTo === ANY_PORT_TO;
}

/** strongSwan's notation. Ranges print `a-b` (as configured) or `a..b` (as `swanctl --list-sas` prints them). */
export function formatSelector(s: Selector, rangeSeparator: '-' | '..' = '-'): string {
  const address = formatRange(s, rangeSeparator);
  if (s.protocol === 0 && hasAnyPort(s)) return address;
  if (hasAnyPort(s)) return `${address}[${protocolName(s.protocol)}]`;
  return `${address}[${protocolName(s.protocol)}/${formatPorts(s)}]`;
}

/** The address part only. */
export function addressOf(s: Selector): AddressRange {
  return { family: s.family, from: s.from, to: s.to };
}

// ---- relations --------------------------------------------------------------------------------

export function equals(a: Selector, b: Selector): boolean {
  return a.family === b.family && a.from === b.from && a.to === b.to && a.protocol === b.protocol && a.portFrom === b.portFrom && a.portTo === b.portTo;
}

/**
 * The intersection, or undefined when empty (strongSwan `get_subset`): same family; protocols
 * equal unless one is 0, the non-zero one is kept; ports and addresses intersect as ranges.
 */
export function intersect(a: Selector, b: Selector): Selector | undefined {
  if (a.family !== b.family) return undefined;
  if (a.protocol !== b.protocol && a.protocol !== 0 && b.protocol !== 0) return undefined;
  const portFrom = a.portFrom > b.portFrom ? a.portFrom : b.portFrom;
  const portTo = a.portTo < b.portTo ? a.portTo : b.portTo;
  if (portFrom > portTo) return undefined;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  if (from > to) return undefined;
  const protocol = a.protocol === 0 ? b.protocol : a.protocol;
  // Reuse an operand when the intersection is it: cheaper, and callers can compare by identity.
  if (from === a.from && to === a.to && protocol === a.protocol && portFrom === a.portFrom && portTo === a.portTo) return a;
  if (from === b.from && to === b.to && protocol === b.protocol && portFrom === b.portFrom && portTo === b.portTo) return b;
  return { family: a.family, from, to, protocol, portFrom, portTo };
}

/** `a` contains `b` (b ⊆ a). A selector with a protocol never contains one with protocol any. */
export function contains(a: Selector, b: Selector): boolean {
  return (
    a.family === b.family &&
    a.from <= b.from &&
    b.to <= a.to &&
    (a.protocol === 0 || a.protocol === b.protocol) &&
    a.portFrom <= b.portFrom &&
    b.portTo <= a.portTo
  );
}

export function isSubsetOf(a: Selector, b: Selector): boolean {
  return contains(b, a);
}

export function isDisjoint(a: Selector, b: Selector): boolean {
  return !overlaps(a, b);
}

/** The intersection is not empty (`intersect` without building it). */
export function overlaps(a: Selector, b: Selector): boolean {
  return (
    a.family === b.family &&
    (a.protocol === b.protocol || a.protocol === 0 || b.protocol === 0) &&
    a.portFrom <= b.portTo &&
    b.portFrom <= a.portTo &&
    a.from <= b.to &&
    b.from <= a.to
  );
}

/** They share something, and neither contains the other. */
export function overlapsPartially(a: Selector, b: Selector): boolean {
  return !isDisjoint(a, b) && !contains(a, b) && !contains(b, a);
}

export type Relation = 'equals' | 'contains' | 'isSubsetOf' | 'overlapsPartially' | 'isDisjoint';

/** The one relation that holds between a and b (from a's point of view). */
export function relation(a: Selector, b: Selector): Relation {
  if (equals(a, b)) return 'equals';
  if (contains(a, b)) return 'contains';
  if (contains(b, a)) return 'isSubsetOf';
  return isDisjoint(a, b) ? 'isDisjoint' : 'overlapsPartially';
}

/** Address ranges only (protocol and ports ignored): used to name the kind of mismatch. */
export function addressRelation(a: AddressRange, b: AddressRange): Relation {
  if (a.family !== b.family) return 'isDisjoint';
  if (a.from === b.from && a.to === b.to) return 'equals';
  if (a.from <= b.from && b.to <= a.to) return 'contains';
  if (b.from <= a.from && a.to <= b.to) return 'isSubsetOf';
  return a.from > b.to || b.from > a.to ? 'isDisjoint' : 'overlapsPartially';
}

export function sameProtocolAndPorts(a: Selector, b: Selector): boolean {
  return a.protocol === b.protocol && a.portFrom === b.portFrom && a.portTo === b.portTo;
}

/**
 * The selector as an IKEv1 identification payload can carry it: one port, not a range (RFC 2407
 * §4.6.2), so a port range travels as its first port. Observed on real strongSwan in IKEv1.
 */
export function asIkev1Id(s: Selector): Selector {
  if (hasAnyPort(s) || s.portFrom === s.portTo) return s;
  return { ...s, portTo: s.portFrom };
}

/** Whether one packet (address, protocol, port) is inside the selector. */
export function matchesPacket(s: Selector, family: Family, address: bigint, protocol: number, port: number | undefined): boolean {
  if (s.family !== family || address < s.from || address > s.to) return false;
  if (s.protocol !== 0 && s.protocol !== protocol) return false;
  if (hasAnyPort(s)) return true;
  return port !== undefined && port >= s.portFrom && port <= s.portTo;
}
