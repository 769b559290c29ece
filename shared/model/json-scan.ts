// One pass over JSON text before JSON.parse builds anything: syntax (with line and column, never
// a quote of the text), nesting depth, keys that are never part of a topology (`__proto__`,
// `constructor`, `prototype`), and keys written twice in one object, which JSON.parse would
// silently resolve to the last one. Iterative, with an explicit stack: a file nested 100,000
// deep costs a bounded stack like any other.

/** Nesting a topology never needs: a proxy ID's ESP proposal's DH groups are nine levels deep. */
export const MAX_DEPTH = 32;

/** Where in the text: offset in UTF-16 code units, line and column from 1. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

export type JsonPath = (string | number)[];

export interface KeyFinding {
  path: JsonPath;
  key: string;
  at: TextPosition;
}

export interface DuplicateKey extends KeyFinding {
  /** Where the same key was first written in that object. */
  first: TextPosition;
}

export interface ScanResult {
  /** The first syntax error; nothing after it was looked at. */
  syntax?: { at: TextPosition; message: string };
  /** The first container deeper than MAX_DEPTH; nothing after it was looked at. */
  tooDeep?: { at: TextPosition; path: JsonPath };
  forbidden: KeyFinding[];
  duplicates: DuplicateKey[];
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Findings of one kind kept beyond this are dropped: a person fixes the first ones first. */
const MAX_FINDINGS = 50;

type Frame =
  | { kind: 'array'; index: number }
  | { kind: 'object'; key: string | undefined; keys: Map<string, number> };

/** What the scanner reads next. */
type Next = 'value' | 'key' | 'after';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Line and column (both from 1) of an offset; computed only when something is reported. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function pathOf(stack: readonly Frame[]): JsonPath {
  const path: JsonPath = [];
  for (const f of stack) {
    if (f.kind === 'array') path.push(f.index);
    else if (f.key !== undefined) path.push(f.key);
  }
  return path;
}

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Scans JSON text (RFC 8259, as JSON.parse accepts it). Never throws. */
export function scanJson(text: string, maxDepth = MAX_DEPTH): ScanResult {
  const result: ScanResult = { forbidden: [], duplicates: [] };
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;

  const skipWhitespace = () => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  };
  const what = (expected: string): SyntaxFailure =>
    new SyntaxFailure(i, i >= n ? `the file ends where ${expected} should follow (is it truncated?)` : `expected ${expected}`);

  /** Skips a string whose opening quote is at i; returns the offset of its closing quote. */
  const skipString = (): number => {
    const open = i;
    i++;
    for (;;) {
      if (i >= n) throw new SyntaxFailure(open, 'a text value in double quotes is not closed (is the file truncated?)');
      const c = text.charCodeAt(i);
      if (c === QUOTE) return i++;
      if (c === BACKSLASH) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75 /* u */) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(i + k))) throw new SyntaxFailure(i, 'a \\u escape needs four hexadecimal digits');
          }
          i += 6;
        } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          i += 2;
        } else {
          throw new SyntaxFailure(i, 'a backslash in a text value must start an escape such as \\n, \\" or \\\\');
        }
      } else if (c < 0x20) {
        throw new SyntaxFailure(i, 'a control character (such as a line break) inside a text value: write it as an escape such as \\n');
      } else i++;
    }
  };

  const skipNumber = () => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) {
      i++;
      if (isDigit(text.charCodeAt(i))) throw new SyntaxFailure(start, 'a number cannot start with 0 (write 7, not 07)');
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else throw new SyntaxFailure(start, 'a number needs digits after the minus sign');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) throw new SyntaxFailure(i, 'a number needs digits after the decimal point');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) throw new SyntaxFailure(i, 'a number needs digits after the exponent (e)');
      while (isDigit(text.charCodeAt(i))) i++;
    }
  };

  const open = (frame: Frame) => {
    if (stack.length >= maxDepth) {
      result.tooDeep = { at: positionOf(text, i), path: pathOf(stack) };
      return false;
    }
    stack.push(frame);
    i++;
    return true;
  };

  try {
    let next: Next = 'value';
    for (;;) {
      if (next === 'value') {
        skipWhitespace();
        const c = text.charCodeAt(i);
        if (c === 0x7b /* { */) {
          if (!open({ kind: 'object', key: undefined, keys: new Map() })) return result;
          skipWhitespace();
          if (text.charCodeAt(i) === 0x7d) {
            i++;
            stack.pop();
            next = 'after';
          } else next = 'key';
        } else if (c === 0x5b /* [ */) {
          if (!open({ kind: 'array', index: 0 })) return result;
          skipWhitespace();
          if (text.charCodeAt(i) === 0x5d) {
            i++;
            stack.pop();
          } else continue;
          next = 'after';
        } else if (c === QUOTE) {
          skipString();
          next = 'after';
        } else if (c === 0x2d || isDigit(c)) {
          skipNumber();
          next = 'after';
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          next = 'after';
        } else if (text.startsWith('false', i)) {
          i += 5;
          next = 'after';
        } else throw what('a value (an object, a list, text in double quotes, a number, true, false or null)');
      } else if (next === 'key') {
        skipWhitespace();
        if (text.charCodeAt(i) !== QUOTE) throw what('a field name in double quotes');
        const start = i;
        const close = skipString();
        const raw = text.slice(start + 1, close);
        // A key with escapes is decoded by JSON.parse itself, so "\u005f_proto__" is caught too.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(start, close + 1)) as string) : raw;
        const frame = stack[stack.length - 1] as Extract<Frame, { kind: 'object' }>;
        frame.key = key;
        if (FORBIDDEN_KEYS.has(key) && result.forbidden.length < MAX_FINDINGS) {
          result.forbidden.push({ path: pathOf(stack), key, at: positionOf(text, start) });
        }
        const first = frame.keys.get(key);
        if (first !== undefined) {
          if (result.duplicates.length < MAX_FINDINGS) result.duplicates.push({ path: pathOf(stack), key, at: positionOf(text, start), first: positionOf(text, first) });
        } else frame.keys.set(key, start);
        skipWhitespace();
        if (text.charCodeAt(i) !== 0x3a /* : */) throw what('a colon after the field name');
        i++;
        next = 'value';
      } else {
        skipWhitespace();
        const top = stack[stack.length - 1];
        if (!top) {
          if (i < n) throw new SyntaxFailure(i, 'more text after the end of the JSON value');
          return result;
        }
        const c = text.charCodeAt(i);
        if (top.kind === 'array') {
          if (c === 0x2c /* , */) {
            i++;
            top.index++;
            next = 'value';
          } else if (c === 0x5d /* ] */) {
            i++;
            stack.pop();
          } else throw what('a comma or ] after a list item');
        } else if (c === 0x2c) {
          i++;
          next = 'key';
        } else if (c === 0x7d /* } */) {
          i++;
          stack.pop();
        } else throw what('a comma or } after a field');
      }
    }
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    result.syntax = { at: positionOf(text, e.offset), message: e.message };
    return result;
  }
}
