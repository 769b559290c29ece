// Reading a Cisco ASA or IOS-XE configuration as the box does: one statement per line, words split
// at spaces, `!` starting a comment, and a statement indented under the one above it belonging to
// that one's configuration mode (a keyring's peer one level deeper). Each product's reader
// (shared/vendors/cisco-asa/reader.ts, cisco-ios/reader.ts) interprets the statements and marks
// each one used or ignored; what is neither is reported as not understood, with its line.
import { formatSelector, fromRange } from '../../net/selector';
import { parseIp, parsePrefix, type AddressRange, type Family } from '../../net/address';
import type { LineAccount } from '../kit/reader';

export interface Statement {
  file: string;
  /** 1-based line number. */
  line: number;
  text: string;
  words: string[];
  indent: number;
  children: Statement[];
}

export class CiscoConfig {
  readonly top: Statement[] = [];
  /**
   * Comment lines: `!` (both products) and, on the ASA, `:` (the header `show running-config`
   * writes, e.g. `: Hardware:   ASA5516, …`; "Cisco ASA Series Command Reference, show
   * running-config"). Not statements: they count neither used nor ignored.
   */
  readonly comments: { line: number; text: string }[] = [];
  private readonly all: Statement[] = [];
  private readonly seen = new Map<Statement, 'used' | 'ignored'>();

  constructor(files: readonly { name: string; content: string }[], colonComments = false) {
    for (const f of files) {
      const stack: Statement[] = [];
      /** IOS: `banner motd ^C` runs to the next line holding the delimiter ("banner motd": delimiting-character). */
      let banner: { s: Statement; delimiter: string } | undefined;
      f.content.split('\n').forEach((raw, i) => {
        const text = raw.replace(/\r$/u, '');
        const trimmed = text.trim();
        if (banner) {
          const s: Statement = { file: f.name, line: i + 1, text: trimmed, words: trimmed.split(/ +/u), indent: 1, children: [] };
          this.all.push(s);
          banner.s.children.push(s);
          if (text.includes(banner.delimiter)) banner = undefined;
          return;
        }
        if (trimmed === '') return;
        if (trimmed.startsWith('!') || (colonComments && trimmed.startsWith(':'))) {
          this.comments.push({ line: i + 1, text: trimmed });
          return;
        }
        const indent = text.length - text.trimStart().length;
        const s: Statement = { file: f.name, line: i + 1, text: trimmed, words: trimmed.split(/ +/u), indent, children: [] };
        this.all.push(s);
        while (stack.length > 0 && (stack[stack.length - 1] as Statement).indent >= indent) stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(s);
        else this.top.push(s);
        stack.push(s);
        const delimiter = !colonComments && indent === 0 && s.words[0] === 'banner' ? bannerDelimiter(trimmed) : undefined;
        if (delimiter) banner = { s, delimiter };
      });
    }
  }

  use(s: Statement): void {
    this.seen.set(s, 'used');
  }

  ignore(s: Statement): void {
    if (!this.seen.has(s)) this.seen.set(s, 'ignored');
  }

  /** What became of every statement line. */
  account(): LineAccount {
    let used = 0;
    let ignored = 0;
    const unknown: LineAccount['unknown'] = [];
    for (const s of this.all) {
      const v = this.seen.get(s);
      if (v === 'used') used++;
      else if (v === 'ignored') ignored++;
      else unknown.push({ file: s.file, line: s.line, text: s.text });
    }
    return { used, ignored, unknown };
  }
}

/** The delimiter of an IOS banner that goes on past its first line (`banner motd ^C`, `banner login #`); undefined when the banner ends on it. */
function bannerDelimiter(text: string): string | undefined {
  const m = /^banner\s+\S+\s+(\^C|[^A-Za-z0-9\s])(.*)$/u.exec(text);
  if (!m) return undefined;
  const d = m[1] as string;
  return (m[2] as string).includes(d) ? undefined : d;
}

/** `words` starts with `head` (a space-separated list of words). */
export function starts(words: readonly string[], head: string): boolean {
  const h = head.split(' ');
  return h.every((w, i) => words[i] === w);
}

/** A whole number word, or undefined. */
export function num(word: string | undefined): number | undefined {
  return word !== undefined && /^\d+$/u.test(word) ? Number(word) : undefined;
}

function range(family: Family, from: bigint, to: bigint): AddressRange {
  return { family, from, to };
}

/** An address with a netmask (`10.1.0.0 255.255.255.0`) or, with `wildcard`, an ACL wildcard mask (`0.0.0.255`). */
export function maskedRange(address: string, mask: string, wildcard: boolean): AddressRange | undefined {
  const a = parseIp(address);
  const m = parseIp(mask);
  if (!a.ok || !m.ok || a.value.family !== 4 || m.value.family !== 4) return undefined;
  const host = wildcard ? m.value.value : ~m.value.value & 0xffffffffn;
  // A mask must be contiguous (a run of ones, then zeros) for the pair to be one prefix.
  if ((host & (host + 1n)) !== 0n) return undefined;
  const from = a.value.value & ~host & 0xffffffffn;
  return range(4, from, from | host);
}

export function hostRange(address: string): AddressRange | undefined {
  const a = parseIp(address);
  return a.ok ? range(a.value.family, a.value.value, a.value.value) : undefined;
}

export function prefixRange(text: string): AddressRange | undefined {
  const p = parsePrefix(text);
  return p.ok ? p.value : undefined;
}

export const ANY4: AddressRange = { family: 4, from: 0n, to: 0xffffffffn };
export const ANY6: AddressRange = { family: 6, from: 0n, to: (1n << 128n) - 1n };

/** A port condition of an ACL line at `words[i]` (`eq P`, `range A B`, `lt P`, `gt P`): the ports and the words it took. */
export function portCondition(words: readonly string[], i: number): { from: number; to: number; taken: number } | undefined {
  const op = words[i];
  const a = num(words[i + 1]);
  if (a === undefined) return undefined;
  if (op === 'eq') return { from: a, to: a, taken: 2 };
  if (op === 'lt') return { from: 0, to: a - 1, taken: 2 };
  if (op === 'gt') return { from: a + 1, to: 65535, taken: 2 };
  if (op === 'range') {
    const b = num(words[i + 2]);
    return b === undefined ? undefined : { from: a, to: b, taken: 3 };
  }
  return undefined;
}

/** An ACL protocol word as its number (ip: any). */
export function aclProtocol(word: string | undefined): number | undefined {
  switch (word) {
    case 'ip':
    case 'ipv6':
      return 0;
    case 'icmp':
      return 1;
    case 'tcp':
      return 6;
    case 'udp':
      return 17;
    case 'gre':
      return 47;
    case 'esp':
      return 50;
    case 'ah':
      return 51;
    default:
      return num(word);
  }
}

/** One side of a selector in strongSwan notation, as the reader meaning writes it. */
export function side(r: AddressRange, protocol: number, ports: { from: number; to: number } | undefined): string {
  return formatSelector(fromRange(r, protocol, ports?.from ?? 0, ports?.to ?? 65535));
}
