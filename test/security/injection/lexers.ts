// How each product splits a configuration file into statements and words, independently of the
// exporters: a value the exporter quoted right is one word here and reads back as itself; a value
// that ends a string or a line early shows up as more (or fewer) words, another statement, an
// unterminated string or a broken block. The lexer is chosen by the file's grammar kind
// (shared/vendors/<vendor>/grammar.ts), never by the vendor:
//   set lines, Cisco modes, FortiOS: words, quotes and escapes as the grammar's `words` says
//              (indentation is the block in Cisco modes; config/edit/next/end in FortiOS)
//   brace sections (swanctl.conf): name {, }, key = value; "…" with \" \\ \n \r \t
//              (strongSwan settings_lexer.l)
//   ipsec.conf: conn/config sections, key=value with "…" or {…} or a word (Libreswan parser.lex)
//   ipsec.secrets: words, "…", '…', `…` ending at the same quote, # comments (Libreswan lex.c)
import type { FileGrammar, FileSyntax, WordLexis } from '../../../shared/vendors/kit/grammar';
import type { GrammarChecker } from '../../support/export-grammars';

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

/** A word-based CLI line, split the way the grammar's lexis says (`set` lines, Cisco modes, FortiOS). */
function words(lexis: WordLexis): LineLexer {
  return (text) =>
    scan(text, (rest) => {
      const c = rest[0] as string;
      const quote = lexis.quotes.find((q) => q.char === c);
      if (quote) return quoted(rest, c, quote.escapes);
      if (lexis.punctuation?.includes(c)) return { word: c, length: 1 };
      const m = lexis.word.exec(rest);
      return m ? { word: m[0], length: m[0].length } : { error: `a bare ${c}` };
    });
}

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

/** The lexer of each kind of file: word-based CLIs by their grammar's lexis, the others by their format's own rules. */
const LEXERS: { [K in FileSyntax['kind']]: (syntax: Extract<FileSyntax, { kind: K }>) => LineLexer } = {
  'set-lines': (s) => words(s.words),
  'indented-modes': (s) => words(s.words),
  'fortios-config': (s) => words(s.words),
  'brace-sections': () => swanctl,
  'ipsec-conf': () => ipsecConf,
  'ipsec-secrets': () => ipsecSecrets,
};

/** The grammar kinds these lexers read, for the test that every vendor's grammar is covered. */
export const LEXER_CHECKER: GrammarChecker = { where: 'test/security/injection/lexers.ts', kinds: new Set(Object.keys(LEXERS)) };

/** The lexer of a file's grammar; throws, saying where to add one, for a kind none reads. */
function lexerOf(file: FileGrammar): LineLexer {
  const make = (LEXERS as unknown as Record<string, ((s: FileSyntax) => LineLexer) | undefined>)[file.syntax.kind];
  if (!make) throw new Error(`no lexer reads the grammar kind "${file.syntax.kind}" of ${file.suffix} files: add one to ${LEXER_CHECKER.where}`);
  return make(file.syntax);
}

/** The statements of one exported file, as its product reads them (its grammar: the vendor's, by the file's suffix). */
export function lex(file: FileGrammar, content: string): Lexed {
  const lexer = lexerOf(file);
  const statements: Statement[] = [];
  const errors: Lexed['errors'] = [];
  content.split('\n').forEach((text, i) => {
    const t = text.trim();
    if (t === '' || t.startsWith(file.comment)) return;
    const r = lexer(text);
    if ('error' in r) errors.push({ line: i + 1, text, why: r.error });
    else statements.push({ line: i + 1, depth: text.length - text.trimStart().length, words: r.words });
  });
  return { statements, errors };
}
