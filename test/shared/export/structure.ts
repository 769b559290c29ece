// Structural checks of generated configurations, driven by the vendor's grammar
// (shared/vendors/<vendor>/grammar.ts) and chosen by the grammar's kind, never by the vendor:
// every line is a statement the product has where it stands (an allow-list of statement heads,
// per CLI mode, FortiOS table, swanctl.conf section or ipsec.conf section), every name used is
// defined on an earlier line (where a file names things by its sections: no name twice), and the
// selectors each end writes can be read back so that the two ends of a tunnel can be compared.
// A grammar of a kind no checker here handles is a problem of its own, never a silent pass.
import type { BraceSections, FileGrammar, FileSyntax, FortiosConfig, Head, IndentedModes, IpsecConf, IpsecSecrets, Mode, NameRules, SectionGrammar, SelectorGrammar, SetLines } from '../../../shared/vendors/kit/grammar';
import type { GrammarChecker } from '../../support/export-grammars';

export interface StructureProblem {
  line: number;
  text: string;
  problem: string;
}

interface Line {
  n: number;
  text: string;
}

interface KindChecker<S extends FileSyntax> {
  heads(syntax: S, lines: readonly Line[]): StructureProblem[];
  names(syntax: S, lines: readonly Line[]): StructureProblem[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<readonly Head[], readonly RegExp[]>();

/** Statement heads as patterns: the words, `<w>` for any one word, then a space or the line's end. */
function heads(list: readonly Head[]): readonly RegExp[] {
  let out = compiled.get(list);
  if (!out) {
    out = list.map((x) => new RegExp(`^${escape(x).replace(/<w>/g, '\\S+')}(\\s|$)`));
    compiled.set(list, out);
  }
  return out;
}

function contentLines(file: FileGrammar, text: string): Line[] {
  return text
    .split('\n')
    .map((t, i) => ({ n: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '' && !l.text.trimStart().startsWith(file.comment));
}

const depthOf = (text: string) => text.length - text.trimStart().length;

// ---- statement heads ----------------------------------------------------------------------

/** `set` lines: every statement is one line from the top level. */
function setLineHeads(s: SetLines, lines: readonly Line[]): StructureProblem[] {
  const flat = heads(s.heads);
  return lines.filter((l) => !flat.some((re) => re.test(l.text))).map((l) => ({ line: l.n, text: l.text, problem: 'not a known statement' }));
}

/** Cisco-style modes: a top-level statement opens a mode whose indented lines must be among its heads. */
function modeHeads(s: IndentedModes, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const flat = heads(s.flat);
  let mode: Mode | undefined;
  let nested = false;
  for (const l of lines) {
    const depth = depthOf(l.text);
    const t = l.text.trim();
    if (depth === 0) {
      nested = false;
      mode = s.modes.find((m) => m.top.test(t));
      if (!mode && !flat.some((re) => re.test(t))) problems.push({ line: l.n, text: l.text, problem: 'not a known top-level statement' });
      continue;
    }
    if (!mode) {
      problems.push({ line: l.n, text: l.text, problem: 'indented line outside any configuration mode' });
      continue;
    }
    if (depth === 1) {
      nested = mode.nested !== undefined && mode.nested.parent.test(t);
      if (!heads(mode.sub).some((re) => re.test(t))) problems.push({ line: l.n, text: l.text, problem: `not a statement of mode "${mode.top.source}"` });
    } else if (!nested || !mode.nested || !heads(mode.nested.sub).some((re) => re.test(t))) {
      problems.push({ line: l.n, text: l.text, problem: 'not a statement of the nested mode' });
    }
  }
  return problems;
}

/** FortiOS: `config <table>` / `edit` / `set <key>` / `next` / `end`, with the keys each table has. */
function fortiHeads(s: FortiosConfig, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  let table: string | undefined;
  let inEdit = false;
  for (const l of lines) {
    const t = l.text.trim();
    const cfg = /^config (.+)$/.exec(t);
    if (cfg) {
      if (table) problems.push({ line: l.n, text: l.text, problem: 'config inside config' });
      table = cfg[1];
      if (!table || !s.tables[table]) problems.push({ line: l.n, text: l.text, problem: `unknown table "${table}"` });
      continue;
    }
    if (t === 'end') {
      if (!table || inEdit) problems.push({ line: l.n, text: l.text, problem: 'end without config, or inside edit' });
      table = undefined;
      continue;
    }
    if (/^edit (\d+|"[^"]+")$/.test(t)) {
      if (!table || inEdit) problems.push({ line: l.n, text: l.text, problem: 'edit outside a table' });
      inEdit = true;
      continue;
    }
    if (t === 'next') {
      if (!inEdit) problems.push({ line: l.n, text: l.text, problem: 'next without edit' });
      inEdit = false;
      continue;
    }
    const set = /^set (\S+) .+$/.exec(t);
    if (set && inEdit && table && s.tables[table]?.includes(set[1] as string)) continue;
    problems.push({ line: l.n, text: l.text, problem: `not a statement of "${table ?? '(none)'}"` });
  }
  if (table) problems.push({ line: 0, text: '', problem: `config ${table} not ended` });
  return problems;
}

/** A name written in a grammar's list: a literal, `x<suffix>` (x and anything after), `<placeholder>` (anything). */
function matches(pattern: string, name: string): boolean {
  if (/^<[^>]+>$/.test(pattern)) return true;
  if (pattern.endsWith('<suffix>')) return name.startsWith(pattern.slice(0, -'<suffix>'.length));
  return pattern === name;
}

/** The most specific pattern of `patterns` that `name` matches: a literal, then the longest prefix, then a placeholder. */
function bestMatch(patterns: readonly string[], name: string): string | undefined {
  const rank = (p: string) => (/^<[^>]+>$/.test(p) ? 0 : p.endsWith('<suffix>') ? p.length : Number.MAX_SAFE_INTEGER);
  return patterns.filter((p) => matches(p, name)).sort((a, b) => rank(b) - rank(a))[0];
}

const SECTION_OPEN = /^(\S+)\s*\{$/;
const KEY_VALUE = /^([^\s=]+)\s*=\s*(.*)$/;

/** swanctl.conf: `name {` opens a section the enclosing one has, `key = value` is a key it has, `}` closes. */
function braceHeads(s: BraceSections, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  // undefined: inside a section already reported unknown (its contents are not checked again).
  const stack: { name: string; grammar: SectionGrammar | undefined }[] = [{ name: '(top)', grammar: s.root }];
  const path = () => stack.slice(1).map((x) => x.name).join('.') || '(top)';
  for (const l of lines) {
    const t = l.text.trim();
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (t === '}') {
      if (stack.length === 1) problems.push({ line: l.n, text: l.text, problem: '} without an open section' });
      else stack.pop();
      continue;
    }
    const open = SECTION_OPEN.exec(t);
    if (open) {
      const name = open[1] as string;
      if (!top.grammar) {
        stack.push({ name, grammar: undefined });
        continue;
      }
      const pattern = bestMatch(Object.keys(top.grammar.sections ?? {}), name);
      const grammar = pattern === undefined ? undefined : top.grammar.sections?.[pattern];
      if (!grammar) problems.push({ line: l.n, text: l.text, problem: `"${name}" is not a section of ${path()}` });
      stack.push({ name: pattern ?? name, grammar });
      continue;
    }
    const kv = KEY_VALUE.exec(t);
    if (kv) {
      if (top.grammar && bestMatch(top.grammar.keys, kv[1] as string) === undefined) problems.push({ line: l.n, text: l.text, problem: `"${kv[1]}" is not a key of ${path()}` });
      continue;
    }
    // strongswan.conf(5), "INCLUDING FILES": `include <path>` anywhere.
    if (/^include\s+\S/.test(t)) continue;
    problems.push({ line: l.n, text: l.text, problem: 'neither "name {", "}", "key = value" nor "include <file>"' });
  }
  if (stack.length > 1) problems.push({ line: 0, text: '', problem: `section ${path()} not closed` });
  return problems;
}

/** The parameter names a section of this type takes. */
function confKeyKnown(s: IpsecConf, section: 'setup' | 'conn', key: string): boolean {
  if (s.extension.test(key)) return true;
  if (section === 'setup') return s.setup.includes(key);
  const side = /^(?:left|right)(.*)$/.exec(key);
  return s.conn.includes(key) || (side !== null && s.sides.includes(side[1] as string));
}

/** ipsec.conf: `config setup` or `conn <name>` at the margin, indented `key=value` lines of that section's parameters. */
function confHeads(s: IpsecConf, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  let section: 'setup' | 'conn' | undefined;
  for (const l of lines) {
    const t = l.text.trim();
    if (depthOf(l.text) === 0) {
      section = t === 'config setup' ? 'setup' : /^conn \S+$/.test(t) ? 'conn' : undefined;
      if (!section && !/^(?:include \S+|version 2(?:\.0)?)$/.test(t)) problems.push({ line: l.n, text: l.text, problem: 'not "config setup", "conn <name>", "include <file>" or "version 2"' });
      continue;
    }
    if (!section) {
      problems.push({ line: l.n, text: l.text, problem: 'indented line outside any section' });
      continue;
    }
    const kv = KEY_VALUE.exec(t);
    if (!kv) problems.push({ line: l.n, text: l.text, problem: 'not "parameter=value"' });
    else if (!confKeyKnown(s, section, kv[1] as string)) problems.push({ line: l.n, text: l.text, problem: `"${kv[1]}" is not a parameter of ${section === 'setup' ? 'config setup' : 'a conn'}` });
  }
  return problems;
}

/** The tokens of an ipsec.secrets line: "…", '…', `…`, bare words; a bare word's trailing ':' is a token of its own. */
function secretsTokens(text: string): string[] | undefined {
  const out: string[] = [];
  const re = /"[^"]*"|'[^']*'|`[^`]*`|[^\s"'`]+|["'`]/gu;
  for (const m of text.matchAll(re)) {
    const w = m[0];
    if (w === '"' || w === "'" || w === '`') return undefined;
    if (w.startsWith('#') && (m.index === 0 || /\s/u.test(text[(m.index ?? 1) - 1] ?? ''))) break;
    if (w.length > 1 && w.endsWith(':') && !/^["'`]/u.test(w)) out.push(w.slice(0, -1), ':');
    else out.push(w);
  }
  return out;
}

/** ipsec.secrets: each record at the margin, `indices : KIND` and the tokens that kind takes; continuation lines indented. */
function secretsHeads(s: IpsecSecrets, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const kinds = new Map(Object.entries(s.records).map(([k, n]) => [k.toLowerCase(), n]));
  // Tokens of the record being read (a record may continue on indented lines).
  let record: { line: Line; tokens: string[] } | undefined;
  const close = () => {
    if (!record) return;
    const { line, tokens } = record;
    record = undefined;
    const colon = tokens.indexOf(':');
    const kind = tokens[colon + 1]?.toLowerCase();
    const arity = kind === undefined ? undefined : kinds.get(kind);
    if (colon < 0) problems.push({ line: line.n, text: line.text, problem: 'a record without its ":"' });
    else if (arity === undefined) problems.push({ line: line.n, text: line.text, problem: `"${tokens[colon + 1] ?? ''}" is not a kind of secret (${Object.keys(s.records).join(', ')})` });
    else if (tokens.length - colon - 2 !== arity) problems.push({ line: line.n, text: line.text, problem: `${tokens[colon + 1]} takes ${arity} token${arity === 1 ? '' : 's'} after it, not ${tokens.length - colon - 2}` });
  };
  for (const l of lines) {
    const tokens = secretsTokens(l.text);
    if (!tokens) {
      close();
      problems.push({ line: l.n, text: l.text, problem: 'an unterminated quoted token' });
      continue;
    }
    if (depthOf(l.text) > 0) {
      if (record) record.tokens.push(...tokens);
      else problems.push({ line: l.n, text: l.text, problem: 'an indented line outside a record' });
      continue;
    }
    close();
    if (tokens[0] === 'include') {
      if (tokens.length !== 2) problems.push({ line: l.n, text: l.text, problem: 'include takes one file name' });
      continue;
    }
    record = { line: l, tokens };
  }
  close();
  return problems;
}

// ---- names defined before use -------------------------------------------------------------

const list = (s: string) => s.replace(/^\[ | \]$/g, '').split(/\s+/).filter((x) => x !== '' && x !== 'any');

function namesIn(m: RegExpExecArray): string[] {
  return m.slice(1).filter((x): x is string => x !== undefined).flatMap((x) => (x.includes('"') ? [...x.matchAll(/"([^"]+)"/g)].map((y) => y[1] as string) : list(x)));
}

/** Every name used was defined on this line or an earlier one. */
function namesDefinedFirst(rule: NameRules, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const defined = new Set<string>();
  for (const l of lines) {
    const t = l.text;
    const own = new Set<string>();
    for (const re of rule.define) {
      const m = re.exec(t.trimEnd());
      if (m) own.add(m[2] !== undefined ? `${m[1]}.${m[2]}` : (m[1] as string));
    }
    for (const re of rule.use) {
      const matches = re.global ? [...t.matchAll(re)] : [re.exec(t.trimEnd())].filter((m): m is RegExpExecArray => m !== null);
      for (const m of matches) {
        for (const n of namesIn(m as RegExpExecArray)) {
          if (/^(any|any4|any6|ANY)$/.test(n)) continue;
          if (!defined.has(n) && !own.has(n)) problems.push({ line: l.n, text: t, problem: `"${n}" is used before it is defined` });
        }
      }
    }
    for (const n of own) defined.add(n);
  }
  return problems;
}

/** FortiOS: a key that names an entry of another table names one defined earlier in the file. */
function fortiNames(s: FortiosConfig, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const tables = new Map<string, Set<string>>();
  let table = '';
  const quoted = (v: string) => [...v.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
  for (const l of lines) {
    const t = l.text.trim();
    const cfg = /^config (.+)$/.exec(t);
    if (cfg) {
      table = cfg[1] as string;
      continue;
    }
    const edit = /^edit "([^"]+)"$/.exec(t);
    if (edit) {
      if (!tables.has(table)) tables.set(table, new Set());
      tables.get(table)?.add(edit[1] as string);
      continue;
    }
    const set = /^set (\S+) (.+)$/.exec(t);
    if (!set) continue;
    for (const r of s.references) {
      if (!r.keys.includes(set[1] as string) || (r.inTables && !r.inTables.includes(table))) continue;
      for (const n of quoted(set[2] as string)) if (!tables.get(r.to)?.has(n)) problems.push({ line: l.n, text: l.text, problem: `"${n}" is not defined in ${r.to} before this line` });
    }
  }
  return problems;
}

/**
 * swanctl.conf: section names and keys are names (strongswan.conf(5)), and none is written twice
 * in one section: strongSwan merges a section written twice into one and keeps a key's last value
 * (settings_types.c, settings_section_add and settings_kv_add), so a repeated connection or key
 * silently changes another.
 */
function braceNames(s: BraceSections, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const stack: { sections: Set<string>; keys: Set<string> }[] = [{ sections: new Set(), keys: new Set() }];
  for (const l of lines) {
    const t = l.text.trim();
    const here = stack[stack.length - 1] as (typeof stack)[number];
    if (t === '}') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const open = SECTION_OPEN.exec(t);
    const kv = open ? null : KEY_VALUE.exec(t);
    const name = open?.[1] ?? kv?.[1];
    if (name === undefined) continue;
    if (!s.name.test(name)) problems.push({ line: l.n, text: l.text, problem: `"${name}" is not a valid section name or key` });
    const seen = open ? here.sections : here.keys;
    if (seen.has(name)) problems.push({ line: l.n, text: l.text, problem: `"${name}" is written twice in the same section` });
    seen.add(name);
    if (open) stack.push({ sections: new Set(), keys: new Set() });
  }
  return problems;
}

/** ipsec.conf(5): section names follow its rule, one section of a type per name, each parameter once in a section (but the repeatable ones). */
function confNames(s: IpsecConf, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const sections = new Set<string>();
  let keys = new Set<string>();
  for (const l of lines) {
    const t = l.text.trim();
    if (depthOf(l.text) === 0) {
      keys = new Set();
      const conn = /^conn (\S+)$/.exec(t);
      const id = conn ? `conn ${conn[1]}` : t === 'config setup' ? t : undefined;
      if (conn && !s.name.test(conn[1] as string)) problems.push({ line: l.n, text: l.text, problem: `"${conn[1]}" is not a valid section name` });
      if (id && sections.has(id)) problems.push({ line: l.n, text: l.text, problem: `a second "${id}"` });
      if (id) sections.add(id);
      continue;
    }
    const key = KEY_VALUE.exec(t)?.[1];
    if (key === undefined) continue;
    if (keys.has(key) && !s.repeatable.includes(key)) problems.push({ line: l.n, text: l.text, problem: `"${key}" is written twice in the same section` });
    keys.add(key);
  }
  return problems;
}

/**
 * ipsec.secrets(5): the record that best matches the two identities is used, and "it is
 * acceptable for two entries to be the best match as long as they agree about the secret": two
 * records for the same indices and kind must hold the same secret.
 */
function secretsNames(_s: IpsecSecrets, lines: readonly Line[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const secrets = new Map<string, string>();
  for (const l of lines) {
    if (depthOf(l.text) > 0) continue;
    const tokens = secretsTokens(l.text);
    const colon = tokens?.indexOf(':') ?? -1;
    if (!tokens || colon < 0) continue;
    const key = `${tokens.slice(0, colon).join(' ')} : ${tokens[colon + 1]?.toLowerCase() ?? ''}`;
    const secret = tokens.slice(colon + 2).join(' ');
    const before = secrets.get(key);
    if (before !== undefined && before !== secret) problems.push({ line: l.n, text: l.text, problem: `another secret for "${key}" is written on an earlier line` });
    secrets.set(key, secret);
  }
  return problems;
}

// ---- the checkers, by grammar kind --------------------------------------------------------------

type SyntaxOf<K extends FileSyntax['kind']> = Extract<FileSyntax, { kind: K }>;

const CHECKERS: { [K in FileSyntax['kind']]: KindChecker<SyntaxOf<K>> } = {
  'set-lines': { heads: setLineHeads, names: (s, lines) => namesDefinedFirst(s.names, lines) },
  'indented-modes': { heads: modeHeads, names: (s, lines) => namesDefinedFirst(s.names, lines) },
  'fortios-config': { heads: fortiHeads, names: fortiNames },
  'brace-sections': { heads: braceHeads, names: braceNames },
  'ipsec-conf': { heads: confHeads, names: confNames },
  'ipsec-secrets': { heads: secretsHeads, names: secretsNames },
};

/** The grammar kinds these checks handle, for the test that every vendor's grammar is covered. */
export const STRUCTURE_CHECKER: GrammarChecker = { where: 'test/shared/export/structure.ts', kinds: new Set(Object.keys(CHECKERS)) };

function run(file: FileGrammar, text: string, which: 'heads' | 'names'): StructureProblem[] {
  const checker = (CHECKERS as unknown as Record<string, KindChecker<FileSyntax> | undefined>)[file.syntax.kind];
  if (!checker) return [{ line: 0, text: '', problem: `no structural checker handles the grammar kind "${file.syntax.kind}" of ${file.suffix} files: add one to ${STRUCTURE_CHECKER.where}` }];
  return checker[which](file.syntax, contentLines(file, text));
}

/** Every line is a statement the product has, where it is written. */
export function checkStatementHeads(file: FileGrammar, text: string): StructureProblem[] {
  return run(file, text, 'heads');
}

/** Every name used is defined first (FortiOS: in the table it names, earlier); where sections name things, no name twice. */
export function checkNamesDefinedFirst(file: FileGrammar, text: string): StructureProblem[] {
  return run(file, text, 'names');
}

// ---- selectors, read back -------------------------------------------------------------------

export interface ReadSelector {
  local: string;
  remote: string;
}

const maskLen = (mask: string) => mask.split('.').reduce((acc, o) => acc + Number(o).toString(2).replace(/0/g, '').length, 0);

/** One side of a selector, by the named groups of the first address form that matches it. */
function sideOf(forms: readonly RegExp[], text: string, objects: ReadonlyMap<string, string>): string | undefined {
  for (const re of forms) {
    const g = re.exec(text)?.groups;
    if (!g) continue;
    if (g['prefix'] !== undefined) return g['prefix'];
    if (g['any'] !== undefined) return '0.0.0.0/0';
    if (g['any6'] !== undefined) return '::/0';
    if (g['host'] !== undefined) return `${g['host']}/${g['host'].includes(':') ? 128 : 32}`;
    if (g['address'] !== undefined && g['netmask'] !== undefined) return `${g['address']}/${maskLen(g['netmask'])}`;
    if (g['address'] !== undefined && g['wildcard'] !== undefined) return `${g['address']}/${32 - maskLen(g['wildcard'])}`;
    if (g['object'] !== undefined) return objects.get(g['object']);
  }
  return undefined;
}

/** Address objects (ASA `object network`): each name with the address its indented lines write. */
function objectsIn(g: SelectorGrammar, text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!g.objects) return out;
  let current: string | undefined;
  for (const l of text.split('\n')) {
    const d = g.objects.define.exec(l);
    if (d) {
      current = d[1];
      continue;
    }
    if (depthOf(l) === 0) current = undefined;
    if (current === undefined) continue;
    const a = sideOf(g.objects.address, l.trim(), out);
    if (a !== undefined) out.set(current, a);
  }
  return out;
}

/** The (local, remote) prefix pairs a file negotiates, read from its text (address objects from `objectsFrom`). */
export function readSelectors(file: FileGrammar, text: string, objectsFrom = text): ReadSelector[] {
  const g = file.selectors;
  if (!g) return [];
  const objects = objectsIn(g, objectsFrom);
  const out: ReadSelector[] = [];
  const push = (local: string | undefined, remote: string | undefined) => {
    if (local && remote) out.push({ local, remote });
  };
  let local: string | undefined;
  for (const l of text.split('\n')) {
    for (const re of g.statements) {
      // A statement with the g flag writes several selectors on one line (iked.conf flows).
      const all = re.global ? [...l.matchAll(re)].map((x) => x.groups) : [re.exec(l)?.groups];
      if (all.length === 0 || all[0] === undefined) continue;
      const side = (x: string | undefined) => (x === undefined ? undefined : sideOf(g.address, x, objects));
      for (const m of all) {
        if (!m) continue;
        if (m['local'] !== undefined && m['remote'] !== undefined) push(side(m['local']), side(m['remote']));
        else if (m['local'] !== undefined) local = side(m['local']);
        else if (m['remote'] !== undefined) push(local, side(m['remote']));
      }
      break;
    }
  }
  return out;
}

/** The lines of the section the exporter opens for a tunnel with a comment "tunnel NAME to …". */
const tunnelComment = (file: FileGrammar) => new RegExp(`^${escape(file.comment)} (?:---- )?tunnel (\\S+) to `);

function commentSection(file: FileGrammar, text: string, tunnel: string): string[] {
  const start = tunnelComment(file);
  const section: string[] = [];
  let inside = false;
  for (const l of text.split('\n')) {
    const m = start.exec(l);
    if (m) inside = m[1] === tunnel;
    if (inside) section.push(l);
  }
  return section;
}

/**
 * FortiOS: the tunnel's comment stands before the entry it writes for the tunnel (its phase 1);
 * the selectors are in the entries of other tables that name that entry (phase 2's phase1name).
 */
function fortiTunnelEntries(s: FortiosConfig, file: FileGrammar, text: string, tunnel: string): string[] {
  const lines = text.split('\n');
  const start = tunnelComment(file);
  let own: { table: string; name: string } | undefined;
  let table = '';
  let mine = false;
  for (const l of lines) {
    const t = l.trim();
    table = /^config (.+)$/.exec(t)?.[1] ?? table;
    const m = start.exec(l);
    if (m) mine = m[1] === tunnel;
    const edit = /^edit "([^"]+)"$/.exec(t);
    if (mine && edit) {
      own = { table, name: edit[1] as string };
      break;
    }
  }
  if (!own) return [];
  const name = own.name;
  const refs = s.references.filter((r) => r.to === own.table);
  const out: string[] = [];
  let entry: string[] = [];
  table = '';
  for (const l of lines) {
    const t = l.trim();
    table = /^config (.+)$/.exec(t)?.[1] ?? table;
    if (/^edit /.test(t)) entry = [];
    entry.push(l);
    if (t !== 'next') continue;
    const namesIt = refs.some((r) => (!r.inTables || r.inTables.includes(table)) && entry.some((e) => r.keys.some((k) => e.trim() === `set ${k} "${name}"`)));
    if (namesIt) out.push(...entry);
    entry = [];
  }
  return out;
}

/** The selectors one tunnel's part of a file negotiates. */
export function readTunnelSelectors(file: FileGrammar, text: string, tunnel: string): ReadSelector[] {
  const lines = file.syntax.kind === 'fortios-config' ? fortiTunnelEntries(file.syntax, file, text, tunnel) : commentSection(file, text, tunnel);
  // Address objects are defined once per file and reused by later tunnels: read them from the whole file.
  return readSelectors(file, lines.join('\n'), text);
}
