// A Junos configuration as a list of statements, each the full path of words a `set` command would
// write (without `set`), whichever form the file is in:
// - `show configuration | display set`: one `set` per line; `deactivate <path>` marks every
//   statement under the path inactive (Junos CLI User Guide, "Deactivate and Reactivate Statements
//   and Identifiers in a Configuration"); `protect`/`unprotect` only lock statements (CLI User
//   Guide, "Protect a Configuration": protection does not change what is in effect).
// - the hierarchical `show configuration`: `name {` … `}` blocks, statements ended by `;`,
//   comments `/* … */` and `#` to the end of the line (CLI User Guide, "Add Comments in a
//   Configuration"; `## SECRET-DATA`, `## Last commit`), `inactive:` and `protect:` before a
//   statement or block, "…" strings with backslash escapes and `[ a b ]` lists.
// The hierarchical text is turned into the same statements in one pass over its characters, each
// keeping the line its last word is on, so one reader reads both forms and the line accounting
// names the file's own lines.
import { junosWords } from './words';

export interface Statement {
  /** The path of words, e.g. ['security', 'ike', 'gateway', 'gw1', 'address', '192.0.2.1']. */
  words: string[];
  line: number;
  /** The line as the file has it, for the accounting. */
  text: string;
  /** `inactive:` or deactivated: in the file, not in effect. */
  inactive: boolean;
}

export interface StatementList {
  statements: Statement[];
  /** Lines that are not statements of either form (an unclosed quote, a stray `}`, a line of another syntax). */
  broken: { line: number; text: string }[];
  /** `deactivate` lines (they take part: they switch statements off) and `protect` lines (they do not). */
  meta: { line: number; kind: 'deactivate' | 'protect' }[];
  /** The hierarchical text ends inside blocks: the file was cut off (the line of its last statement). */
  unclosed?: { line: number; blocks: number };
}

/** True when the text is the hierarchical form: more lines end a block or a statement than start with `set`. */
export function isHierarchical(content: string): boolean {
  let set = 0;
  let braces = 0;
  for (const raw of content.split('\n')) {
    const t = raw.trim();
    if (/^(set|deactivate|delete|protect|activate)\s/.test(t)) set++;
    else if (/[{};]$/.test(t.replace(/\s*#.*$/, '')) || /^[}]/.test(t)) braces++;
  }
  return braces > set;
}

export function statementsOf(content: string): StatementList {
  const clean = withoutNoise(content);
  return isHierarchical(clean) ? hierarchical(clean) : setLines(clean);
}

/**
 * What a terminal capture holds besides the configuration: the prompt with the command
 * (`admin@srx> show configuration | display set`), `[edit …]` banners, and a chassis cluster's or
 * dual Routing Engine's `{primary:node0}` / `{master:0}` line. Not statements: left out of the count.
 */
const CLI_NOISE = /^(?:\S+@\S+[>#%](?:\s.*)?|\[edit(?:\s[^\]]*)?\]|\{(?:master|backup|primary|secondary|hold|ineligible|disabled|linecard)(?::[\w-]+)?\})$/;

function lineTexts(content: string): string[] {
  return content.split('\n').map((l) => l.replace(/\r$/, '').trim());
}

/** The content with CLI noise lines blanked (kept as empty lines, so the line numbers stay the file's). */
function withoutNoise(content: string): string {
  return content.split('\n').map((l) => (CLI_NOISE.test(l.replace(/\r$/, '').trim()) ? '' : l)).join('\n');
}

function setLines(content: string): StatementList {
  const out: StatementList = { statements: [], broken: [], meta: [] };
  const deactivated: string[][] = [];
  lineTexts(content).forEach((text, i) => {
    const line = i + 1;
    if (text === '' || text.startsWith('#') || (text.startsWith('/*') && text.endsWith('*/'))) return;
    const w = junosWords(text);
    if (!w || w.length < 2) {
      out.broken.push({ line, text });
      return;
    }
    if (w[0] === 'set') out.statements.push({ words: w.slice(1), line, text, inactive: false });
    else if (w[0] === 'deactivate') {
      deactivated.push(w.slice(1));
      out.meta.push({ line, kind: 'deactivate' });
    } else if (w[0] === 'protect' || w[0] === 'unprotect') out.meta.push({ line, kind: 'protect' });
    else out.broken.push({ line, text });
  });
  markInactive(out.statements, deactivated);
  return out;
}

/** Marks every statement under a deactivated path, indexed by path length so a large file with many `deactivate` lines stays linear. */
function markInactive(statements: Statement[], paths: readonly string[][]): void {
  if (paths.length === 0) return;
  const keys = new Set(paths.map((p) => p.join('\u0000')));
  const lengths = [...new Set(paths.map((p) => p.length))];
  for (const s of statements) {
    if (lengths.some((n) => n <= s.words.length && keys.has(s.words.slice(0, n).join('\u0000')))) s.inactive = true;
  }
}

interface Token {
  text: string;
  line: number;
  /** A "…" string: never a brace, a semicolon or a prefix. */
  quoted: boolean;
}

/** The tokens of the hierarchical text: words, strings, `{ } ; [ ]`, comments dropped; undefined entries mark an unclosed string. */
function tokens(content: string, broken: StatementList['broken'], texts: readonly string[]): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '/' && content[i + 1] === '*') {
      const end = content.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (content[k] === '\n') line++;
      i = stop;
    } else if (c === '#') {
      while (i < n && content[i] !== '\n') i++;
    } else if (c === '"') {
      const start = line;
      let text = '';
      i++;
      while (i < n && content[i] !== '"') {
        if (content[i] === '\\' && i + 1 < n) i++;
        if (content[i] === '\n') line++;
        text += content[i];
        i++;
      }
      if (i >= n) {
        broken.push({ line: start, text: texts[start - 1] ?? '' });
        return out;
      }
      i++;
      out.push({ text, line: start, quoted: true });
    } else if ('{};[]'.includes(c)) {
      out.push({ text: c, line, quoted: false });
      i++;
    } else {
      let j = i;
      while (j < n && !/[\s{};"[\]]/.test(content[j] as string)) j++;
      out.push({ text: content.slice(i, j), line, quoted: false });
      i = j;
    }
  }
  return out;
}

function hierarchical(content: string): StatementList {
  const texts = lineTexts(content);
  const out: StatementList = { statements: [], broken: [], meta: [] };
  const frames: { words: string[]; inactive: boolean }[] = [];
  let words: string[] = [];
  let inactive = false;
  let line = 0;
  let last = 0;
  const path = () => frames.flatMap((f) => f.words);
  const anyInactive = () => inactive || frames.some((f) => f.inactive);
  for (const t of tokens(content, out.broken, texts)) {
    last = t.line;
    if (!t.quoted && words.length === 0 && (t.text === 'inactive:' || t.text === 'protect:' || t.text === 'replace:')) {
      if (t.text === 'inactive:') inactive = true;
      continue;
    }
    if (!t.quoted && t.text === '{') {
      if (words.length === 0) out.broken.push({ line: t.line, text: texts[t.line - 1] ?? '' });
      frames.push({ words, inactive });
      words = [];
      inactive = false;
    } else if (!t.quoted && t.text === ';') {
      if (words.length > 0) out.statements.push({ words: [...path(), ...words], line, text: texts[line - 1] ?? '', inactive: anyInactive() });
      words = [];
      inactive = false;
    } else if (!t.quoted && t.text === '}') {
      if (words.length > 0) out.broken.push({ line, text: texts[line - 1] ?? '' });
      if (frames.length === 0) out.broken.push({ line: t.line, text: texts[t.line - 1] ?? '' });
      frames.pop();
      words = [];
      inactive = false;
    } else {
      words.push(t.text);
      line = t.line;
    }
  }
  if (words.length > 0) out.broken.push({ line, text: texts[line - 1] ?? '' });
  if (frames.length > 0) out.unclosed = { line: last, blocks: frames.length };
  return out;
}
