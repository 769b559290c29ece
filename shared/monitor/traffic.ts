// A packet as the monitor and the packet walk see it, and how it matches a proxy ID or a
// negotiated traffic selector. Addresses are ranges (RFC 7296 §3.13.1); protocol 0 means any;
// ports apply to TCP, UDP and SCTP only, so an ICMP packet matches a selector with any port.
import { PROTOCOL_NAMES, type ProxyId } from '../model/document';
import { protocolNumber } from '../model/protocol';
import { parseAddressSpec, parseIp, type AddressRange, type Family } from '../net/address';

export interface Packet {
  src: string;
  dst: string;
  /** IP protocol number (6 tcp, 17 udp, 1 icmp…). */
  protocol: number;
  /** Destination port (TCP/UDP/SCTP); undefined for protocols without ports. */
  dstPort?: number;
  /** Source port; a walk uses an ephemeral one so replies have a port to match. */
  srcPort?: number;
}

export interface ParsedPacket {
  family: Family;
  src: bigint;
  dst: bigint;
  protocol: number;
  dstPort: number | undefined;
  srcPort: number | undefined;
}

export type PacketParse = { ok: true; value: ParsedPacket } | { ok: false; code: 'INVALID_ADDRESS' | 'MIXED_FAMILY' | 'INVALID_PORT' | 'INVALID_PROTOCOL'; message: string };

const PORT_PROTOCOLS = new Set([6, 17, 132]);

export function parsePacket(p: Packet): PacketParse {
  const s = parseIp(p.src);
  if (!s.ok) return { ok: false, code: 'INVALID_ADDRESS', message: s.message };
  const d = parseIp(p.dst);
  if (!d.ok) return { ok: false, code: 'INVALID_ADDRESS', message: d.message };
  if (s.value.family !== d.value.family) return { ok: false, code: 'MIXED_FAMILY', message: `source ${p.src} and destination ${p.dst} are not the same address family` };
  if (!Number.isInteger(p.protocol) || p.protocol < 0 || p.protocol > 255) return { ok: false, code: 'INVALID_PROTOCOL', message: `protocol ${p.protocol} is not an IP protocol number 0-255` };
  for (const port of [p.dstPort, p.srcPort]) {
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) return { ok: false, code: 'INVALID_PORT', message: `port ${port} is not 0-65535` };
  }
  const ports = PORT_PROTOCOLS.has(p.protocol);
  return { ok: true, value: { family: s.value.family, src: s.value.value, dst: d.value.value, protocol: p.protocol, dstPort: ports ? p.dstPort : undefined, srcPort: ports ? p.srcPort : undefined } };
}

/** The same packet going back: addresses and ports swapped. */
export function reversePacket(p: Packet): Packet {
  return { src: p.dst, dst: p.src, protocol: p.protocol, ...(p.srcPort !== undefined ? { dstPort: p.srcPort } : {}), ...(p.dstPort !== undefined ? { srcPort: p.dstPort } : {}) };
}

export function rangeHas(r: AddressRange, family: Family, a: bigint): boolean {
  return r.family === family && r.from <= a && a <= r.to;
}

export function specHas(spec: string, family: Family, a: bigint): boolean {
  const r = parseAddressSpec(spec);
  return r.ok && rangeHas(r.value, family, a);
}

function portSpecHas(spec: string, port: number | undefined): boolean {
  if (spec === 'any' || port === undefined) return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] !== undefined ? Number(m[2]) : lo;
  return lo <= port && port <= hi;
}

/**
 * Whether a packet matches a proxy ID from this end's point of view. `outbound`: leaving this
 * end into the tunnel (source is local). `inbound`: arriving from the tunnel (source is remote).
 */
export function proxyIdMatches(pid: ProxyId, p: ParsedPacket, direction: 'outbound' | 'inbound'): boolean {
  // A packet has one protocol; the local and the remote selector (remoteProtocol) must both take it.
  for (const proto of [protocolNumber(pid.protocol), protocolNumber(pid.remoteProtocol ?? pid.protocol)]) {
    if (proto !== 0 && proto !== p.protocol) return false;
  }
  const [localAddr, remoteAddr, localPort, remotePort] = direction === 'outbound' ? [p.src, p.dst, p.srcPort, p.dstPort] : [p.dst, p.src, p.dstPort, p.srcPort];
  return specHas(pid.local, p.family, localAddr) && specHas(pid.remote, p.family, remoteAddr) && portSpecHas(pid.localPort, localPort) && portSpecHas(pid.remotePort, remotePort);
}

/** A traffic selector parsed from strongSwan notation: `10.1.0.0/24`, `10.1.0.5..10.1.0.9[tcp/443]`. */
export interface TrafficSelector {
  range: AddressRange;
  protocol: number;
  fromPort: number;
  toPort: number;
}

const PROTO_BY_NAME: Record<string, number> = { ...PROTOCOL_NAMES, icmp6: 58, 'ipv6-icmp': 58 };

export function parseTrafficSelector(text: string): TrafficSelector | undefined {
  const m = /^([^[\]]+?)(?:\[([^\]]*)\])?$/.exec(text.trim());
  if (!m || m[1] === undefined) return undefined;
  const addr = m[1].replace('..', '-');
  const r = parseAddressSpec(addr === '0.0.0.0/0' ? 'any' : addr === '::/0' ? 'any6' : addr);
  if (!r.ok) return undefined;
  let protocol = 0;
  let fromPort = 0;
  let toPort = 65535;
  if (m[2] !== undefined && m[2] !== '') {
    const [protoText = '', portText] = m[2].split('/');
    const pn = /^\d+$/.test(protoText) ? Number(protoText) : PROTO_BY_NAME[protoText.toLowerCase()];
    if (pn === undefined) return undefined;
    protocol = pn;
    if (portText !== undefined && portText !== '' && portText !== 'any' && portText !== '0-65535') {
      const pm = /^(\d+)(?:-(\d+))?$/.exec(portText);
      if (!pm) return undefined;
      fromPort = Number(pm[1]);
      toPort = pm[2] !== undefined ? Number(pm[2]) : fromPort;
    }
  }
  return { range: r.value, protocol, fromPort, toPort };
}

function tsHas(ts: TrafficSelector, family: Family, addr: bigint, protocol: number, port: number | undefined): boolean {
  if (!rangeHas(ts.range, family, addr)) return false;
  if (ts.protocol !== 0 && ts.protocol !== protocol) return false;
  if (port === undefined) return true;
  return ts.fromPort <= port && port <= ts.toPort;
}

/**
 * Whether a packet falls inside an SA's negotiated selectors (sets, any member counts), from
 * the point of view of the end that holds them.
 */
export function selectorsCover(sel: { local: readonly string[]; remote: readonly string[] }, p: ParsedPacket, direction: 'outbound' | 'inbound'): boolean {
  const [localAddr, remoteAddr, localPort, remotePort] = direction === 'outbound' ? [p.src, p.dst, p.srcPort, p.dstPort] : [p.dst, p.src, p.dstPort, p.srcPort];
  const local = sel.local.map(parseTrafficSelector);
  const remote = sel.remote.map(parseTrafficSelector);
  return local.some((ts) => ts !== undefined && tsHas(ts, p.family, localAddr, p.protocol, localPort)) && remote.some((ts) => ts !== undefined && tsHas(ts, p.family, remoteAddr, p.protocol, remotePort));
}
