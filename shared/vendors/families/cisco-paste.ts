// What to paste on a Cisco ASA or IOS-XE box to turn its configuration into the corrected one,
// and the two CLIs as a model applying it (shared/vendors/kit/paste.ts). A Cisco configuration is
// top-level statements, some opening a configuration mode whose statements are indented below it
// (grammar.ts of each product, `indented-modes`); the CLI applies each line as it is typed, with no
// commit, so the order of the script is the order of the changes on the box:
// - objects are created (in the exporter's order: what is used comes before what uses it) before
//   the lines that name them; uses (crypto map entries, ACL lines, NAT rules, tunnel groups) are
//   removed before the objects they name, by walking what is gone in reverse file order;
// - a mode is entered with its opening line, changed with ` no <sub>` and the new subs, left with
//   `exit`; a sub whose value replaces the old one (`lifetime 86400`) needs only the new line;
// - a list-like line whose new form may replace or add to the old one (the documentation read does
//   not say which for every command) is removed first, then written whole: right under both rules;
// - ordered lists (ACL lines, NAT rules, a policy's proposals) keep the lines before the first
//   difference and re-add the rest, since the CLI appends a new line at the end of its list;
// - objects the box may share with configuration the export does not show are only noted.
// "Cisco IOS Configuration Fundamentals Configuration Guide", "Using the Cisco IOS Command-Line
// Interface" > Using the no and default Forms of Commands: "Almost every configuration command
// has a no form … use the no form to disable a feature or function"; "Cisco ASA Series General
// Operations CLI Configuration Guide", "Using the Command Line Interface" > Command Modes and
// Prompts (global configuration mode, command-specific modes entered from it, `exit`).
import type { Mode } from '../kit/grammar';
import type { ApplyResult, PasteScript } from '../kit/paste';

/** How one statement behaves when another with the same key is typed. */
export type StatementKind =
  /** One value: the new line replaces the old (`lifetime 86400`). */
  | 'leaf'
  /** A list whose new line may replace or add to the old one: the old is removed first. */
  | 'list'
  /** One of several lines that stand side by side (ACL lines, NAT rules): added and removed one by one. */
  | 'member';

export interface StatementRule {
  kind: StatementKind;
  /** Statements of one key are the same setting (a leaf or list); a member's key is its line. */
  key: string;
  /** Members of one ordered list (an ACL): kept in order, a new one is appended after the last. */
  group?: string;
}

export interface CiscoPasteRules {
  /** The product's modes (grammar.ts): which top-level lines open one, and its nested mode. */
  modes: readonly Mode[];
  /** The rule of a statement: `parent` is the opening line of its mode (undefined at the top). */
  rule(parent: string | undefined, line: string): StatementRule;
  /** Statements the box may share with what the export does not show: never removed, only noted. `rest` is what the configuration wanted holds. */
  shared(line: string, rest: readonly string[]): boolean;
  /** Statements that stay on the box whatever the file says (the ASA's crypto map binding): noted when gone. */
  kept?(line: string): string | undefined;
  /** How a gone top-level statement (and, for a mode, its whole mode) is removed: `no <line>` unless the product says otherwise. `rest` is what the configuration wanted holds. */
  remove?(line: string, mode: boolean, rest: readonly string[]): string[];
  /** What stops removing a top-level statement at apply time (an object still referenced); undefined when it may go. */
  refuse?(line: string, config: readonly CliNode[]): string | undefined;
  /** `clear configure …` and other commands of the product that remove several statements: the nodes they remove, or undefined when the line is not one. */
  clear?(line: string, config: readonly CliNode[]): CliNode[] | undefined;
  /** Modes the configuration does not show once nothing is left in them (an IOS interface the box keeps, with none of its lines left in the model). */
  hiddenWhenEmpty?(line: string): boolean;
  /** What starts a comment typed at the CLI: the line changes nothing. */
  comment: '!' | ':';
  /** Lines that end a running-config (`: end`, `end`): new top-level lines go before them. */
  trailer: RegExp;
  enter: readonly string[];
  leave: readonly string[];
}

/** One statement of a configuration with what is indented under it. Comments and blank lines are kept as nodes without children, so that the box's file is rewritten as it was. */
export interface CliNode {
  text: string;
  indent: number;
  children: CliNode[];
  /** A comment or blank line: no statement. */
  comment?: boolean;
}

function parse(text: string): CliNode[] {
  const top: CliNode[] = [];
  const stack: CliNode[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/u, '').trimEnd();
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed === '' || trimmed.startsWith('!') || (indent === 0 && trimmed.startsWith(':'))) {
      // Comments stay at the top, in their place among the statements; like the box, they do not
      // close the mode they stand in (an exporter's warning inside an ACL).
      top.push({ text: trimmed, indent: 0, children: [], comment: true });
      continue;
    }
    const n: CliNode = { text: trimmed, indent, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as CliNode).indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : top).push(n);
    stack.push(n);
  }
  // A trailing newline leaves one empty comment at the end: the text is rebuilt with one.
  while (top.length > 0 && top[top.length - 1]?.comment && top[top.length - 1]?.text === '') top.pop();
  return top;
}

function render(nodes: readonly CliNode[], hidden?: (line: string) => boolean): string {
  const out: string[] = [];
  const walk = (ns: readonly CliNode[]) => {
    for (const n of ns) {
      if (n.indent === 0 && !n.comment && n.children.length === 0 && hidden?.(n.text)) continue;
      out.push(n.text === '' ? '' : `${' '.repeat(n.indent)}${n.text}`);
      walk(n.children);
    }
  };
  walk(nodes);
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

const statements = (ns: readonly CliNode[]) => ns.filter((n) => !n.comment);

function isModeTop(rules: CiscoPasteRules, parent: string | undefined, line: string): boolean {
  if (parent === undefined) return rules.modes.some((m) => m.top.test(line));
  return rules.modes.some((m) => m.top.test(parent) && m.nested?.parent.test(line) === true);
}

/** The words of a list line after its key (`encryption aes-256 aes` → aes-256, aes). */
const valuesOf = (line: string, key: string) => line.split(' ').slice(key.split(' ').length);

// ---------------------------------------------------------------------------------------------
// The commands.

interface Diffed {
  out: string[];
  notes: string[];
}

/** The lines that change the statements `before` into `after`, all under the mode `parent` (undefined: the top), at `depth` spaces. */
function diffLevel(rules: CiscoPasteRules, parent: string | undefined, before: readonly CliNode[], after: readonly CliNode[], depth: number, d: Diffed): void {
  const pad = ' '.repeat(depth);
  const b = statements(before);
  const a = statements(after);
  const keyOf = (n: CliNode) => (n.children.length > 0 || isModeTop(rules, parent, n.text) ? `mode\u0000${rules.rule(parent, n.text).key}` : rules.rule(parent, n.text).key);
  const bByKey = new Map<string, CliNode>();
  for (const n of b) if (!bByKey.has(keyOf(n))) bByKey.set(keyOf(n), n);
  const aKeys = new Set(a.map(keyOf));
  const afterTexts = a.map((n) => n.text);
  // Ordered groups: the lines kept are the after-file's lines up to its first difference with the
  // before-file's (those it keeps); the other lines of the group go, and the rest is appended.
  const groups = new Map<string, { keep: Set<string>; done: boolean }>();
  const groupOf = (n: CliNode) => rules.rule(parent, n.text).group;
  for (const g of new Set(a.map(groupOf).filter((x): x is string => x !== undefined))) {
    const bl = b.filter((n) => groupOf(n) === g).map((n) => n.text);
    const al = a.filter((n) => groupOf(n) === g).map((n) => n.text);
    const alSet = new Set(al);
    const common = bl.filter((t) => alSet.has(t));
    let k = 0;
    while (k < common.length && k < al.length && common[k] === al[k]) k++;
    groups.set(g, { keep: new Set(al.slice(0, k)), done: false });
  }
  const written = new Set<string>();
  const emit = (line: string) => {
    d.out.push(line);
  };
  const emitBlock = (n: CliNode, at: number, p: string | undefined) => {
    emit(`${' '.repeat(at)}${n.text}`);
    for (const c of statements(n.children)) {
      if (c.children.length > 0) emitBlock(c, at + 1, n.text);
      else emit(`${' '.repeat(at + 1)}${c.text}`);
    }
    if (statements(n.children).length > 0 || isModeTop(rules, p, n.text)) emit(`${' '.repeat(at)}exit`);
  };
  for (const n of a) {
    const rule = rules.rule(parent, n.text);
    const mode = n.children.length > 0 || isModeTop(rules, parent, n.text);
    const then = bByKey.get(keyOf(n));
    if (mode) {
      if (!then) {
        emitBlock(n, depth, parent);
        continue;
      }
      const inner: Diffed = { out: [], notes: d.notes };
      diffLevel(rules, n.text, then.children, n.children, depth + 1, inner);
      if (inner.out.length === 0 && then.text === n.text) continue;
      emit(`${pad}${n.text}`);
      d.out.push(...inner.out);
      emit(`${pad}exit`);
      continue;
    }
    if (rule.group !== undefined) {
      const g = groups.get(rule.group);
      if (!g || g.done) continue;
      g.done = true;
      // Lines to write again further down the list go first; then the new lines, appended; then
      // the lines that go, so that the list (a crypto ACL) is never left empty on the way.
      const now = a.filter((x) => groupOf(x) === rule.group).map((x) => x.text);
      const nowSet = new Set(now);
      const old = b.filter((x) => groupOf(x) === rule.group && !g.keep.has(x.text)).map((x) => x.text);
      for (const t of old) if (nowSet.has(t)) emit(`${pad}no ${t}`);
      for (const t of now) if (!g.keep.has(t) && !written.has(t)) {
        written.add(t);
        emit(`${pad}${t}`);
      }
      for (const t of old) if (!nowSet.has(t)) emit(`${pad}no ${t}`);
      continue;
    }
    if (then && then.text === n.text) continue;
    if (then && rule.kind === 'list') emit(`${pad}no ${then.text}`);
    if (rule.kind === 'member' && written.has(n.text)) continue;
    written.add(n.text);
    emit(`${pad}${n.text}`);
  }
  // What is gone, last to first: in the exporter's files what uses a name comes after it.
  const removed = new Set<string>();
  for (const n of [...b].reverse()) {
    const rule = rules.rule(parent, n.text);
    if (aKeys.has(keyOf(n))) continue;
    if (rule.group !== undefined && groups.has(rule.group)) continue;
    const mode = n.children.length > 0 || isModeTop(rules, parent, n.text);
    if (parent === undefined) {
      const kept = rules.kept?.(n.text);
      if (kept !== undefined) {
        d.notes.push(kept);
        continue;
      }
      if (rules.shared(n.text, afterTexts)) {
        const how = (rules.remove?.(n.text, mode, afterTexts) ?? [`no ${n.text}`]).join('; ');
        d.notes.push(`${n.text} is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "${how}" if nothing does`);
        continue;
      }
      for (const r of rules.remove?.(n.text, mode, afterTexts) ?? [`no ${n.text}`]) {
        if (removed.has(r)) continue;
        removed.add(r);
        emit(r);
      }
      continue;
    }
    emit(`${pad}no ${n.text}`);
  }
}

/** The commands that turn `before` into `after`, two configurations the product's exporter wrote. */
export function ciscoCommands(before: string, after: string, rules: CiscoPasteRules): PasteScript {
  const d: Diffed = { out: [], notes: [] };
  diffLevel(rules, undefined, parse(before), parse(after), 0, d);
  // Files that differ in their comments only (the export's warnings) change nothing on the box;
  // the script says so in a comment line, which the CLI takes and ignores.
  if (d.out.length === 0 && before !== after) d.out.push(`${rules.comment} nothing to change on the box: the corrected file differs in its comments only`);
  return { kind: 'commands', text: d.out.length > 0 ? `${d.out.join('\n')}\n` : '', enter: rules.enter, leave: rules.leave, notes: d.notes };
}

// ---------------------------------------------------------------------------------------------
// The CLI as a model.

class Refused extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where a new statement goes among `siblings`: after the last of its ordered group, else at the end (before a running-config's closing lines at the top). */
function insertAt(rules: CiscoPasteRules, parent: string | undefined, siblings: CliNode[], line: string): number {
  const g = rules.rule(parent, line).group;
  if (g !== undefined) {
    for (let i = siblings.length - 1; i >= 0; i--) {
      const s = siblings[i] as CliNode;
      if (!s.comment && rules.rule(parent, s.text).group === g) return i + 1;
    }
  }
  if (parent !== undefined) return siblings.length;
  // At the top, before a running-config's closing lines (`: end`, `end`) and the comments around them.
  let i = siblings.length;
  while (i > 0 && (siblings[i - 1]?.comment || rules.trailer.test(siblings[i - 1]?.text ?? ''))) i--;
  const closing = siblings.slice(i).findIndex((s) => rules.trailer.test(s.text));
  const end = closing < 0 ? siblings.length : i + closing;
  return end;
}

/** The statement `words` removes among `siblings`: the one written so, else the mode or setting it opens (`no crypto map CMAP 10`, `no lifetime`). */
function findRemoved(rules: CiscoPasteRules, parent: string | undefined, siblings: readonly CliNode[], what: string): CliNode | 'many' | undefined {
  const ss = statements(siblings);
  const exact = ss.find((s) => s.text === what);
  if (exact) return exact;
  const prefix = ss.filter((s) => s.text.startsWith(`${what} `));
  const modes = prefix.filter((s) => s.children.length > 0 || isModeTop(rules, parent, s.text));
  if (modes.length === 1) return modes[0];
  if (prefix.length === 1) return prefix[0];
  return prefix.length > 1 ? 'many' : undefined;
}

/** `config` with the script typed at the product's CLI, in configuration mode. */
export function ciscoApply(config: string, script: PasteScript, rules: CiscoPasteRules): ApplyResult {
  const top = parse(config);
  // The path of modes entered: each level its node (the top has none).
  const path: CliNode[] = [];
  try {
    script.text.split('\n').forEach((raw, i) => {
      const line = i + 1;
      const text = raw.trimEnd();
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith(rules.comment)) return;
      const depth = text.length - text.trimStart().length;
      if (trimmed === 'exit') {
        if (path.length === 0) throw new Refused(line, '"exit" outside any configuration mode');
        path.pop();
        return;
      }
      // A line less indented than the mode it is typed in belongs to an outer level: the CLI leaves
      // the modes it does not belong to (a global command typed in a mode exits it).
      if (depth > path.length) throw new Refused(line, `"${trimmed}" is indented as a statement of a mode that is not entered`);
      path.length = depth;
      const holder = path[path.length - 1];
      const siblings = holder ? holder.children : top;
      const parent = holder?.text;
      const indent = depth;
      const cleared = depth === 0 ? rules.clear?.(trimmed, top) : undefined;
      if (cleared) {
        if (cleared.length === 0) throw new Refused(line, `"${trimmed}": the configuration has nothing it clears`);
        for (const n of cleared) top.splice(top.indexOf(n), 1);
        return;
      }
      if (trimmed.startsWith('no ')) {
        const what = trimmed.slice(3);
        const found = findRemoved(rules, parent, siblings, what);
        if (found === 'many') throw new Refused(line, `"${trimmed}" matches several statements; write the whole one to remove`);
        if (!found) {
          // A list line's values may be removed from it (`no encryption aes-256` of `encryption aes-256 aes`).
          const rule = rules.rule(parent, what);
          const list = rule.kind === 'list' ? statements(siblings).find((s) => rules.rule(parent, s.text).key === rule.key) : undefined;
          const drop = list ? valuesOf(what, rule.key) : [];
          const has = list ? valuesOf(list.text, rule.key) : [];
          if (list && drop.length > 0 && drop.every((v) => has.includes(v))) {
            const left = has.filter((v) => !drop.includes(v));
            if (left.length === 0) siblings.splice(siblings.indexOf(list), 1);
            else list.text = [rule.key, ...left].join(' ');
            return;
          }
          throw new Refused(line, `"${trimmed}": the configuration has no "${what}"${parent ? ` in "${parent}"` : ''}`);
        }
        const why = depth === 0 ? rules.refuse?.(found.text, top.filter((n) => n !== found)) : undefined;
        if (why) throw new Refused(line, `"${trimmed}": ${why}`);
        siblings.splice(siblings.indexOf(found), 1);
        return;
      }
      const rule = rules.rule(parent, trimmed);
      const mode = isModeTop(rules, parent, trimmed);
      if (mode) {
        // Entering a mode that exists (by its key: an IOS transform set by its name) enters it, redefined as typed.
        const there = statements(siblings).find((s) => (s.children.length > 0 || isModeTop(rules, parent, s.text)) && rules.rule(parent, s.text).key === rule.key);
        if (there) {
          there.text = trimmed;
          path.push(there);
          return;
        }
        const n: CliNode = { text: trimmed, indent, children: [] };
        siblings.splice(insertAt(rules, parent, siblings, trimmed), 0, n);
        path.push(n);
        return;
      }
      if (rule.kind !== 'member') {
        const there = statements(siblings).find((s) => s.children.length === 0 && rules.rule(parent, s.text).key === rule.key);
        if (there) {
          // A list adds its values to those there (the stricter reading of an undocumented rule: a
          // script relying on a new line replacing the old one fails here).
          there.text = rule.kind === 'leaf' ? trimmed : [rule.key, ...new Set([...valuesOf(there.text, rule.key), ...valuesOf(trimmed, rule.key)])].join(' ');
          return;
        }
      } else if (statements(siblings).some((s) => s.text === trimmed)) return;
      siblings.splice(insertAt(rules, parent, siblings, trimmed), 0, { text: trimmed, indent, children: [] });
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
  return { ok: true, config: render(top, rules.hiddenWhenEmpty) };
}
