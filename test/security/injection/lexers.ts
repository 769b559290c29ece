// How each product splits a configuration file into statements and words, written from the same
// documents the exporters cite but independently of them: a value the exporter quoted right is
// one word here and reads back as itself; a value that ends a string or a line early shows up as
// more (or fewer) words, another statement, an unterminated string or a broken block.
//   PAN-OS     Batfish's PAN-OS lexer: "…" (no escape), '…', words stop at space ; , { } [ ] & | ( ) " '
//   ScreenOS   "…" (no escape), words stop at space
//   Junos      "…" with \-escapes, [ ] as words
//   ASA, IOS   words stop at space, no quoting; indentation is the block (configuration mode)
//   FortiOS    "…" with \" \' \\, '…' (Batfish's FortiosConfigurationBuilder); config/edit/next/end
//   strongSwan swanctl.conf: name {, }, key = value; "…" with \" \\ \n \r \t (settings_lexer.l)
//   Libreswan  ipsec.conf: conn/config sections, key=value with "…" or {…} or a word (parser.lex);
//              ipsec.secrets: words, "…", '…', `…` ending at the same quote, # comments (lex.c)
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';

export interface Statement {
  /** 1-based line in the file. */
  line: number;
  /** Indentation (Cisco modes, Libreswan conn bodies). */
  depth: number;
  /** The words as the product reads them (quotes removed, escapes resolved). */
  words: string[];
}

export interface Lexed {
  statements: Statement[];
  /** Lines the product could not read as a statement (an unterminated string, a stray quote). */
  errors: { line: number; text: string; why: string }[];
}

type LineLexer = (text: string) => { words: string[] } | { error: string };

/** Scans `text` with `token` (which must consume at least one character) after skipping spaces. */
function scan(text: string, token: (rest: string) => { word: string; length: number } | { error: string }): { words: string[] } | { error: string } {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    const t = token(text.slice(i));
    if ('error' in t) return t;
    words.push(t.word);
    i += t.length;
  }
  return { words };
}

function quoted(rest: string, quote: string, escapes: RegExp | undefined): { word: string; length: number } | { error: string } {
  let out = '';
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i] as string;
    if (escapes && c === '\\' && i + 1 < rest.length) {
      const n = rest[i + 1] as string;
      out += escapes.test(n) ? n : `\\${n}`;
      i++;
      continue;
    }
    if (escapes && c === '\\') return { error: 'a backslash escapes the closing quote' };
    if (c === quote) {
      const after = rest[i + 1];
      if (after !== undefined && after !== ' ') return { error: `text right after a closing ${quote}` };
      return { word: out, length: i + 1 };
    }
    out += c;
  }
  return { error: `unterminated ${quote}…${quote} string` };
}

const panos: LineLexer = (text) =>
  scan(text, (rest) => {
    const c = rest[0] as string;
    if (c === '"' || c === "'") return quoted(rest, c, undefined);
    if (';,{}[]&|()'.includes(c)) return { word: c, length: 1 };
    const m = /^[^\s;,{}[\]&|()"']+/u.exec(rest);
    return m ? { word: m[0], length: m[0].length } : { error: 'unexpected character' };
  });

const screenos: LineLexer = (text) =>
  scan(text, (rest) => {
    if (rest[0] === '"') return quoted(rest, '"', undefined);
    const m = /^[^\s"]+/u.exec(rest);
    return m ? { word: m[0], length: m[0].length } : { error: 'a stray double quote' };
  });

const junos: LineLexer = (text) =>
  scan(text, (rest) => {
    if (rest[0] === '"') return quoted(rest, '"', /[\s\S]/u);
    const m = /^[^\s"]+/u.exec(rest);
    return m ? { word: m[0], length: m[0].length } : { error: 'a stray double quote' };
  });

const cisco: LineLexer = (text) => ({ words: text.trim().split(/ +/u) });

const fortios: LineLexer = (text) =>
  scan(text, (rest) => {
    const c = rest[0] as string;
    if (c === '"') return quoted(rest, '"', /["'\\]/u);
    if (c === "'") return quoted(rest, "'", undefined);
    const m = /^[^\s"'#()<>?\\]+/u.exec(rest);
    return m ? { word: m[0], length: m[0].length } : { error: `a bare ${c}` };
  });

const swanctl: LineLexer = (text) => {
  const t = text.trim();
  if (t === '}') return { words: ['}'] };
  let m = /^([^#{}:.,="\s]+)\s*\{$/u.exec(t);
  if (m) return { words: ['{', m[1] as string] };
  m = /^([^#{}:.,="\s]+)\s*=\s*(.*)$/u.exec(t);
  if (!m) return { error: 'neither "name {", "}" nor "key = value"' };
  const value = m[2] as string;
  if (value.startsWith('"')) {
    // settings_lexer.l, state str: \" \\ and \n \r \t; a backslash before anything else is that character.
    let out = '';
    for (let i = 1; i < value.length; i++) {
      const c = value[i] as string;
      if (c === '\\') {
        const n = value[i + 1];
        if (n === undefined) return { error: 'a backslash escapes the closing quote' };
        out += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
        i++;
        continue;
      }
      if (c === '"') {
        const after = value.slice(i + 1).trim();
        if (after !== '' && !after.startsWith('#')) return { error: 'text after the closing quote' };
        return { words: [m[1] as string, '=', out] };
      }
      out += c;
    }
    return { error: 'unterminated "…" string' };
  }
  // Outside quotes '#' starts a comment and '}' ends the section.
  if (/[#}"]/u.test(value)) return { error: 'an unquoted #, } or " in a value' };
  return { words: [m[1] as string, '=', value] };
};

const ipsecConf: LineLexer = (text) => {
  const t = text.trim();
  let m = /^(conn|config)\s+(\S+)$/u.exec(t);
  if (m) return { words: [m[1] as string, m[2] as string] };
  m = /^([^"=\s]+)=(.*)$/u.exec(t);
  if (!m) return { error: 'not "conn name" or "key=value"' };
  const value = m[2] as string;
  const q = /^"([^"\n]*)"$/u.exec(value) ?? /^\{([^"\n]*)\}$/u.exec(value);
  if (q) return { words: [m[1] as string, '=', q[1] as string] };
  if (/^[^" \t]+$/u.test(value) && !value.startsWith('{')) return { words: [m[1] as string, '=', value] };
  return { error: 'a value that is neither "…", {…} nor one word' };
};

const ipsecSecrets: LineLexer = (text) => {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return { error: 'unterminated quoted token' };
      words.push(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ' && text[j] !== '\t') j++;
    let word = text.slice(i, j);
    // lex.c: a trailing ':' of a word is a token of its own.
    if (word.length > 1 && word.endsWith(':')) {
      words.push(word.slice(0, -1));
      word = ':';
    }
    words.push(word);
    i = j;
  }
  // A record is "ids : KIND secret": its head is the kind, so it goes first.
  const colon = words.indexOf(':');
  return { words: colon < 0 ? words : [...words.slice(colon), ...words.slice(0, colon)] };
};

const BY_VENDOR: Record<ExportVendor, { comment: string; lexer: LineLexer; secrets?: LineLexer }> = {
  panos: { comment: '#', lexer: panos },
  screenos: { comment: '#', lexer: screenos },
  'junos-srx': { comment: '#', lexer: junos },
  'cisco-asa': { comment: '!', lexer: cisco },
  'cisco-ios': { comment: '!', lexer: cisco },
  fortigate: { comment: '#', lexer: fortios },
  strongswan: { comment: '#', lexer: swanctl },
  libreswan: { comment: '#', lexer: ipsecConf, secrets: ipsecSecrets },
};

export const LEXED_VENDORS = Object.keys(BY_VENDOR) as ExportVendor[];

/** The statements of one exported file, as its product reads them. */
export function lex(vendor: ExportVendor, fileName: string, content: string): Lexed {
  const spec = BY_VENDOR[vendor];
  const lexer = fileName.endsWith('.ipsec.secrets') && spec.secrets ? spec.secrets : spec.lexer;
  const statements: Statement[] = [];
  const errors: Lexed['errors'] = [];
  content.split('\n').forEach((text, i) => {
    const t = text.trim();
    if (t === '' || t.startsWith(spec.comment)) return;
    const r = lexer(text);
    if ('error' in r) errors.push({ line: i + 1, text, why: r.error });
    else statements.push({ line: i + 1, depth: text.length - text.trimStart().length, words: r.words });
  });
  return { statements, errors };
}
