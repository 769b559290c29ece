// Addresses as the engine sees them: closed ranges of integers per family. Prefixes, single
// hosts and "a-b" ranges all parse to the same shape, because traffic selectors are ranges
// (RFC 7296 §3.13.1), not only prefixes.
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

/** A closed range [from, to] of addresses of one family. Invariant: from <= to. */
export interface AddressRange {
  readonly family: Family;
  readonly from: bigint;
  readonly to: bigint;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX: Record<Family, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function familyBits(family: Family): number {
  return BITS[family];
}

export function maxAddress(family: Family): bigint {
  return MAX[family];
}

/**
 * What would otherwise change silently: blanks (the document keeps the text as written, so
 * "10.0.0.0/24 " would reach an export as it is while the engine used it trimmed) and an IPv6
 * zone ("fe80::1%eth0", which ipaddr.js accepts and drops).
 */
function silentChange(text: string): string | undefined {
  const blank = /\s/.exec(text);
  if (blank) {
    const where = blank.index === 0 ? 'at the start' : /\s$/.test(text) ? 'at the end' : 'inside';
    return `"${text}" has a space or other blank ${where}: remove it`;
  }
  const zone = /%[^/-]*/.exec(text);
  if (zone && text.includes(':')) {
    return `"${text}" has an IPv6 zone (${zone[0]}): a zone names a link of one host and is not part of a selector, route or interface address; remove it`;
  }
  return undefined;
}

/**
 * The value of a dotted quad (four parts of 1-3 digits, none with a leading zero), -1 when it has that form
 * but a part above 255, undefined when it has another form. Read character by character: an
 * import of 10 MB reads hundreds of thousands of addresses.
 */
function dottedQuad(t: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let over = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + part;
      over ||= part > 255;
      dots++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 3 || (digits === 1 && part === 0)) return undefined;
      part = part * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  over ||= part > 255;
  return over ? -1 : value * 256 + part;
}

/** Parses one IP address, strictly: dotted quad for IPv4 (no "10.1" or octal forms), any RFC 4291 form for IPv6; no blanks, no zone. */
export function parseIp(text: string): ParseResult<{ family: Family; value: bigint }> {
  const t = text;
  // Dotted quads without leading zeros, each at most 255: exactly what ipaddr.js's
  // isValidFourPartDecimal accepts, read here without its parser (an import of 10 MB reads
  // hundreds of thousands). A text the pattern matches has no blank and no zone to check.
  const v4 = dottedQuad(t);
  if (v4 !== undefined) {
    if (v4 < 0) return { ok: false, message: `"${text}" is not a valid IPv4 or IPv6 address` };
    return { ok: true, value: { family: 4, value: BigInt(v4) } };
  }
  const problem = silentChange(text);
  if (problem) return { ok: false, message: problem };
  if (t.includes(':') && ipaddr.IPv6.isValid(t)) {
    return { ok: true, value: { family: 6, value: bytesToBigint(ipaddr.IPv6.parse(t).toByteArray()) } };
  }
  return { ok: false, message: `"${text}" is not a valid IPv4 or IPv6 address` };
}

function bytesToBigint(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Parses a prefix "10.0.0.0/24" (host bits must be zero: a typo there is the kind of mistake the product exists to catch). */
export function parsePrefix(text: string): ParseResult<AddressRange> {
  // An IPv4 prefix of digits and dots only needs no blank or zone check.
  const slashAt = text.indexOf('/');
  const quad = slashAt > 0 ? dottedQuad(text.slice(0, slashAt)) : undefined;
  const bits = text.length - slashAt - 1;
  if (quad !== undefined && quad >= 0 && bits >= 1 && bits <= 2 && /^\d+$/u.test(text.slice(slashAt + 1))) {
    const len = Number(text.slice(slashAt + 1));
    const value = BigInt(quad);
    const hostMask = (1n << BigInt(32 - len)) - 1n;
    if (len <= 32 && (value & hostMask) === 0n) return { ok: true, value: { family: 4, from: value, to: value | hostMask } };
  }
  const problem = silentChange(text);
  if (problem) return { ok: false, message: problem };
  const t = text;
  const slash = t.indexOf('/');
  if (slash < 0) return { ok: false, message: `"${text}" is not a valid prefix: write it as address/length, e.g. 10.1.0.0/24` };
  const ip = parseIp(t.slice(0, slash));
  const lenText = t.slice(slash + 1);
  if (!ip.ok || !/^\d{1,3}$/.test(lenText)) return { ok: false, message: `"${text}" is not a valid prefix` };
  const { family, value } = ip.value;
  const len = Number(lenText);
  if (len > BITS[family]) return { ok: false, message: `"${text}" is not a valid prefix: IPv${family} prefix length is at most ${BITS[family]}` };
  const hostBits = BigInt(BITS[family] - len);
  const hostMask = (1n << hostBits) - 1n;
  if ((value & hostMask) !== 0n) {
    const network = formatIp(family, value & ~hostMask & MAX[family]);
    return { ok: false, message: `"${text}" is not a valid prefix: it has host bits set; did you mean ${network}/${len}?` };
  }
  return { ok: true, value: { family, from: value, to: value | hostMask } };
}

/**
 * Parses what a selector address field may hold: a prefix ("10.0.0.0/24"), a single address
 * ("10.0.0.5", meaning /32 or /128), a range ("10.0.0.5-10.0.0.9"), or "any" / "any6".
 */
export function parseAddressSpec(text: string): ParseResult<AddressRange> {
  if (text.trim() === '') return { ok: false, message: 'an address is required (a prefix such as 10.1.0.0/24, an address, or a range a-b)' };
  const problem = silentChange(text);
  if (problem) return { ok: false, message: problem };
  const t = text;
  if (t === 'any' || t === 'any4') return { ok: true, value: { family: 4, from: 0n, to: MAX[4] } };
  if (t === 'any6') return { ok: true, value: { family: 6, from: 0n, to: MAX[6] } };
  if (t.includes('/')) return parsePrefix(t);
  const dash = t.indexOf('-');
  if (dash > 0) {
    const a = parseIp(t.slice(0, dash));
    const b = parseIp(t.slice(dash + 1));
    if (!a.ok || !b.ok) return { ok: false, message: `"${text}" is not a valid address range: write it as first-last, e.g. 10.1.0.5-10.1.0.9` };
    if (a.value.family !== b.value.family) return { ok: false, message: `"${text}" mixes IPv4 and IPv6` };
    if (a.value.value > b.value.value) return { ok: false, message: `"${text}" is not a valid address range: the first address is above the last` };
    return { ok: true, value: { family: a.value.family, from: a.value.value, to: b.value.value } };
  }
  const ip = parseIp(t);
  if (!ip.ok) return { ok: false, message: `"${text}" is not a valid address, prefix or range` };
  return { ok: true, value: { family: ip.value.family, from: ip.value.value, to: ip.value.value } };
}

export function formatIp(family: Family, value: bigint): string {
  if (family === 4) {
    const n = Number(value & 0xffffffffn);
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const bytes: number[] = [];
  for (let i = 15; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

/** The prefix length if the range is exactly one prefix, else undefined. */
export function prefixLength(r: AddressRange): number | undefined {
  const size = r.to - r.from + 1n;
  if ((size & (size - 1n)) !== 0n) return undefined;
  const hostBits = size.toString(2).length - 1;
  if ((r.from & (size - 1n)) !== 0n) return undefined;
  return BITS[r.family] - hostBits;
}

/** strongSwan's notation: a prefix when the range is one, else "a..b" as `swanctl --list-sas` prints ranges. */
export function formatRange(r: AddressRange, rangeSeparator: '-' | '..' = '..'): string {
  const len = prefixLength(r);
  if (len !== undefined) return `${formatIp(r.family, r.from)}/${len}`;
  return `${formatIp(r.family, r.from)}${rangeSeparator}${formatIp(r.family, r.to)}`;
}

export function isValidAddressSpec(text: string): boolean {
  return parseAddressSpec(text).ok;
}

/** Parses an interface address "203.0.113.1/24": host bits allowed, the address itself kept. */
export function parseInterfaceAddress(text: string): ParseResult<{ family: Family; address: bigint; network: AddressRange; length: number }> {
  const problem = silentChange(text);
  if (problem) return { ok: false, message: problem };
  const t = text;
  const slash = t.indexOf('/');
  if (slash < 0) return { ok: false, message: `"${text}" is not a valid interface address: write it as address/length, e.g. 203.0.113.1/24` };
  const ip = parseIp(t.slice(0, slash));
  const lenText = t.slice(slash + 1);
  if (!ip.ok || !/^\d{1,3}$/.test(lenText)) return { ok: false, message: `"${text}" is not a valid interface address` };
  const { family, value } = ip.value;
  const length = Number(lenText);
  if (length > BITS[family]) return { ok: false, message: `"${text}" is not a valid interface address: IPv${family} prefix length is at most ${BITS[family]}` };
  const hostMask = (1n << BigInt(BITS[family] - length)) - 1n;
  return { ok: true, value: { family, address: value, length, network: { family, from: value & ~hostMask & MAX[family], to: (value & ~hostMask & MAX[family]) | hostMask } } };
}

/**
 * The same set of addresses in as few entries as it takes: overlapping and adjacent ranges
 * merged, each written as a prefix when it is one, else as "a-b" (sorted, IPv4 first). A rule
 * naming sixteen adjacent /24s is one range, so a reader expanding a rule's sources × destinations
 * into one policy per pair makes one policy, not 256. "any" stays "any"; a list holding an entry
 * that is not an address (an FQDN) is returned as it is.
 */
export function coalesceAddresses(specs: readonly string[]): string[] {
  if (specs.length < 2) return [...specs];
  const ranges: AddressRange[] = [];
  for (const s of specs) {
    const r = parseAddressSpec(s);
    if (!r.ok) return [...specs];
    ranges.push(r.value);
  }
  ranges.sort((a, b) => a.family - b.family || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: AddressRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.family === r.family && r.from <= last.to + 1n) {
      if (r.to > last.to) merged[merged.length - 1] = { family: last.family, from: last.from, to: r.to };
    } else merged.push(r);
  }
  return merged.map((r) => (r.from === 0n && r.to === MAX[r.family] ? (r.family === 4 ? 'any' : 'any6') : formatRange(r, '-')));
}
