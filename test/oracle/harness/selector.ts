// Traffic selectors in strongSwan notation: parsing, normalising (so `10.1.0.5-10.1.0.9` from a
// config and `10.1.0.5..10.1.0.9` from `swanctl --list-sas` compare equal, and `tcp/https` reads
// as `tcp/443`), and the first address, which the harness must own on `lo`.
import { readFileSync } from 'node:fs';
import { formatIp, formatRange, parseAddressSpec } from '../../../shared/net/address';
import type { AddressRange } from '../../../shared/net/address';

export interface ParsedSelector {
  range: AddressRange;
  /** Lower-case protocol name or number as text; undefined = any protocol. */
  proto?: string;
  /** Single port or `a-b`; undefined = any port. */
  port?: string;
}

const PROTO_NUMBERS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'ipv6-icmp', '47': 'gre' };

let services: Map<string, number> | undefined;

/** `name/proto` → port, from /etc/services (what charon uses to print `tcp/https`). */
function serviceTable(): Map<string, number> {
  if (services) return services;
  services = new Map();
  let text = '';
  try {
    text = readFileSync('/etc/services', 'utf8');
  } catch {
    // Without /etc/services charon prints numbers, so an empty table is right.
  }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [name, portProto, ...aliases] = line.split(/\s+/);
    const m = /^(\d+)\/(\w+)$/.exec(portProto ?? '');
    if (!name || !m) continue;
    for (const n of [name, ...aliases]) services.set(`${n}/${m[2]}`, Number(m[1]));
  }
  return services;
}

function normalisePort(proto: string, port: string): string | undefined {
  const p = port.trim().toLowerCase();
  if (p === '' || p === '%any' || p === 'any') return undefined;
  if (p === 'opaque' || p === '%opaque') return 'opaque';
  const toNumber = (t: string): number | undefined => {
    if (/^\d+$/.test(t)) return Number(t);
    return serviceTable().get(`${t}/${proto}`);
  };
  const dash = p.indexOf('-');
  if (dash > 0 && /^\d+-\d+$/.test(p)) {
    const a = Number(p.slice(0, dash));
    const b = Number(p.slice(dash + 1));
    if (a === 0 && b === 65535) return undefined;
    return a === b ? String(a) : `${a}-${b}`;
  }
  const n = toNumber(p);
  return n === undefined ? p : String(n);
}

/** Parses one selector; undefined when it is not a concrete address selector (e.g. `dynamic`). */
export function parseSelector(text: string): ParsedSelector | undefined {
  const t = text.trim();
  const m = /^([^[\]]*)(?:\[([^\]]*)\])?$/.exec(t);
  if (!m) return undefined;
  const addrText = (m[1] ?? '').trim().replace('..', '-');
  if (addrText === '' || addrText.startsWith('%') || addrText === 'dynamic') return undefined;
  const parsed = parseAddressSpec(addrText);
  if (!parsed.ok) return undefined;
  const result: ParsedSelector = { range: parsed.value };
  const inner = m[2]?.trim();
  if (inner) {
    const slash = inner.indexOf('/');
    const protoText = (slash >= 0 ? inner.slice(0, slash) : inner).trim().toLowerCase();
    const proto = PROTO_NUMBERS[protoText] ?? protoText;
    if (proto && proto !== '%any' && proto !== 'any' && proto !== '0') result.proto = proto;
    if (slash >= 0 && result.proto) {
      const port = normalisePort(result.proto, inner.slice(slash + 1));
      if (port !== undefined) result.port = port;
    }
  }
  return result;
}

export function formatSelector(s: ParsedSelector): string {
  const addr = formatRange(s.range, '..');
  if (!s.proto) return addr;
  return s.port ? `${addr}[${s.proto}/${s.port}]` : `${addr}[${s.proto}]`;
}

/** Canonical text of a selector: ranges as `a..b` (prefix when exact), numeric ports. */
export function normaliseSelector(text: string): string {
  const p = parseSelector(text);
  return p ? formatSelector(p) : text.trim();
}

/** A selector list as a sorted, de-duplicated set of canonical texts (strongSwan reorders). */
export function selectorSet(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map(normaliseSelector))].sort();
}

/** The first address of a selector, or undefined for `dynamic` and unparsable text. */
export function firstAddress(text: string): { family: 4 | 6; address: string } | undefined {
  const p = parseSelector(text);
  if (!p) return undefined;
  return { family: p.range.family, address: formatIp(p.range.family, p.range.from) };
}
