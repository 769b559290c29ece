// Address and selector notation shared by the exporters: prefixes, netmasks, Cisco wildcards,
// ranges split into prefixes, ports and protocols as the model writes them.
import { PROTOCOL_NAMES, type ProxyId } from '../../../model/document';
import { type AddressRange, familyBits, formatIp, maxAddress, parseAddressSpec, parseInterfaceAddress, parseIp, prefixLength } from '../../../net/address';

export interface PortRange {
  from: number;
  to: number;
}

/** One proxy ID / traffic selector as every exporter sees it, parsed once. */
export interface Selector {
  /** 1-based position in the tunnel end's list. */
  index: number;
  name: string;
  local: AddressRange;
  remote: AddressRange;
  /** IP protocol number; 0 means any. */
  protocol: number;
  /** Undefined means any port. */
  localPort?: PortRange;
  remotePort?: PortRange;
  /** The port fields as the document writes them (for ICMP a type alone means any code; see shared/net parsePortSpec). */
  localPortText?: string;
  remotePortText?: string;
  /** True for the vendor-default 0.0.0.0/0 selector used when the end has no proxy IDs. */
  isDefault: boolean;
}

export const ANY4: AddressRange = { family: 4, from: 0n, to: maxAddress(4) };

export function parsePort(text: string): PortRange | undefined {
  if (text === 'any') return undefined;
  const [a, b] = text.split('-');
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  if (from === 0 && to === 65535) return undefined;
  return { from, to };
}

export function protocolNumber(p: ProxyId['protocol']): number {
  return typeof p === 'number' ? p : PROTOCOL_NAMES[p];
}

const PROTOCOL_BY_NUMBER = new Map<number, string>(Object.entries(PROTOCOL_NAMES).map(([k, v]) => [v, k]));

/** "tcp", "udp", … or the number as text; "any" for 0. */
export function protocolName(n: number): string {
  return PROTOCOL_BY_NUMBER.get(n) ?? String(n);
}

/** Parses an address field the schema has already validated; falls back to "any" only for a bug. */
export function addressOf(text: string): AddressRange {
  const r = parseAddressSpec(text);
  return r.ok ? r.value : ANY4;
}

export function selectorsOf(proxyIds: readonly ProxyId[]): Selector[] {
  if (proxyIds.length === 0) {
    return [{ index: 1, name: 'default', local: ANY4, remote: ANY4, protocol: 0, isDefault: true }];
  }
  return proxyIds.map((p, i) => {
    const localPort = parsePort(p.localPort);
    const remotePort = parsePort(p.remotePort);
    return {
      index: i + 1,
      name: p.name || `proxy-id-${i + 1}`,
      local: addressOf(p.local),
      remote: addressOf(p.remote),
      protocol: protocolNumber(p.protocol),
      ...(localPort ? { localPort, localPortText: p.localPort } : {}),
      ...(remotePort ? { remotePort, remotePortText: p.remotePort } : {}),
      isDefault: false,
    };
  });
}

export function isAnyAddress(r: AddressRange): boolean {
  return r.from === 0n && r.to === maxAddress(r.family);
}

export function isPrefix(r: AddressRange): boolean {
  return prefixLength(r) !== undefined;
}

export function isHost(r: AddressRange): boolean {
  return r.from === r.to;
}

/** "10.1.0.0/24" for a prefix; undefined for a range that is not one. */
export function cidr(r: AddressRange): string | undefined {
  const len = prefixLength(r);
  return len === undefined ? undefined : `${formatIp(r.family, r.from)}/${len}`;
}

export function firstIp(r: AddressRange): string {
  return formatIp(r.family, r.from);
}

export function lastIp(r: AddressRange): string {
  return formatIp(r.family, r.to);
}

/** The fewest prefixes whose union is exactly the range. */
export function rangeToPrefixes(r: AddressRange): AddressRange[] {
  const out: AddressRange[] = [];
  const bits = familyBits(r.family);
  let from = r.from;
  while (from <= r.to) {
    let size = 1n;
    // Grow the block while it stays aligned and inside the range.
    while (size < 1n << BigInt(bits) && from % (size * 2n) === 0n && from + size * 2n - 1n <= r.to) size *= 2n;
    out.push({ family: r.family, from, to: from + size - 1n });
    from += size;
  }
  return out;
}

/** Prefix notation for every part: the range itself when it is a prefix, else its split. */
export function prefixesOf(r: AddressRange): string[] {
  return rangeToPrefixes(r).map((p) => cidr(p) as string);
}

/** IPv4 netmask of a prefix, e.g. 255.255.255.0. */
export function netmask(r: AddressRange): string {
  const len = prefixLength(r) ?? familyBits(r.family);
  const bits = BigInt(familyBits(r.family));
  const mask = ((1n << BigInt(len)) - 1n) << (bits - BigInt(len));
  return formatIp(r.family, mask);
}

/** Cisco IOS wildcard mask of an IPv4 prefix, e.g. 0.0.0.255. */
export function wildcard(r: AddressRange): string {
  const len = prefixLength(r) ?? familyBits(r.family);
  const hostBits = BigInt(familyBits(r.family) - len);
  return formatIp(r.family, (1n << hostBits) - 1n);
}

/** "10.1.0.0 255.255.255.0" (FortiOS, ASA style) for an IPv4 prefix. */
export function addressAndMask(r: AddressRange): string {
  return `${firstIp(r)} ${netmask(r)}`;
}

/** The address of an interface address "203.0.113.1/24", without its length. */
export function interfaceIp(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const r = parseInterfaceAddress(text);
  return r.ok ? formatIp(r.value.family, r.value.address) : undefined;
}

/** An interface address "203.0.113.1/24" as the exporters write it (the design keeps the text as typed). */
export function interfaceAddressText(text: string): string | undefined {
  const r = parseInterfaceAddress(text);
  return r.ok ? `${formatIp(r.value.family, r.value.address)}/${r.value.length}` : undefined;
}

/** An address as the exporters write it, or undefined when the text is not one. */
export function ipText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const r = parseIp(text);
  return r.ok ? formatIp(r.value.family, r.value.value) : undefined;
}

export function formatPortRange(p: PortRange | undefined): string {
  if (!p) return 'any';
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

export function isPortRange(p: PortRange | undefined): boolean {
  return p !== undefined && p.from !== p.to;
}

/** Text of a selector for messages: "10.1.0.0/24 -> 10.2.0.0/24 tcp/443". */
export function describeSelector(s: Selector): string {
  const side = (r: AddressRange) => cidr(r) ?? `${firstIp(r)}-${lastIp(r)}`;
  const proto = s.protocol === 0 ? '' : ` ${protocolName(s.protocol)}`;
  const ports = s.localPort || s.remotePort ? ` ports ${formatPortRange(s.localPort)}->${formatPortRange(s.remotePort)}` : '';
  return `${side(s.local)} -> ${side(s.remote)}${proto}${ports}`;
}
