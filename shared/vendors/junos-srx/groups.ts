// Junos configuration groups, expanded as the CLI does before the configuration takes effect
// (Junos CLI User Guide, "Use Configuration Groups to Quickly Configure Devices": "Configuration
// Groups Overview", "Applying a Junos Configuration Group", "Using Wildcards with Configuration
// Groups", "Disabling Inheritance of a Junos OS Configuration Group").
//
// What is covered:
// - `groups G <statements>` holds statements; `apply-groups G` or `apply-groups [ G1 G2 ]` at the
//   top or at any level `P` of the hierarchy makes that level inherit the group's statements
//   under `P` (the group's statements outside `P` are not inherited there).
// - Priority: the configuration's own statements over inherited ones; a group applied at a deeper
//   level over one applied above; in one apply-groups list, the first group over the later ones.
//   The reader takes the last value it reads of a single-valued setting, so the inherited
//   statements are handed to it lowest priority first and the file's own last; sets (routes,
//   addresses, list members) are inherited whole, as the guide's "sets of statements" example shows.
// - Wildcards: a word `<pattern>` in a group, `*` any string, `?` one character, `[…]` a class
//   (`!` to complement, `-` for a range, a `]` first taken literally, a `[` without `]` literal),
//   matches "existing statements in the configuration that match their expression only": it never
//   creates an object, it adds the group's statements to each object of the file whose name matches.
// - `apply-groups-except G` at a level stops G's inheritance below it.
// - Inactive group statements and inactive apply-groups take no part (./statements.ts).
// Not covered (their statements are counted as not in effect): groups named by a variable such as
// `${node}` (chassis-cluster node groups: which node the file is from is not in the file),
// `re0`/`re1` alike when not applied by name, `when` conditions, and apply-groups inside a group.
import type { Statement } from './statements';
import { values } from './words';

export interface Effective {
  words: string[];
  source: Statement;
}

export interface Expanded {
  /** The statements in effect, lowest priority first. */
  effective: Effective[];
  /** Outcome of the statements that only define or apply groups and are not in `effective`. */
  own: Map<Statement, 'used' | 'ignored' | 'unknown'>;
}

const isPattern = (w: string) => w.length > 2 && w.startsWith('<') && w.endsWith('>');

/** A group wildcard as a regular expression (shell style, as the guide lists). */
export function wildcard(pattern: string): RegExp {
  const p = pattern.slice(1, -1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = p.indexOf(']', i + (p[i + 1] === '!' ? 3 : 2));
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = p.slice(i + 1, close);
      const not = body.startsWith('!');
      if (not) body = body.slice(1);
      re += `[${not ? '^' : ''}${body.replace(/[\\^]/g, '\\$&').replace(/^\]/, '\\]')}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function expandGroups(statements: readonly Statement[]): Expanded {
  const own = new Map<Statement, 'used' | 'ignored' | 'unknown'>();
  const groups = new Map<string, Statement[]>();
  const applies: { path: string[]; names: string[]; source: Statement }[] = [];
  const excepts: { path: string[]; names: Set<string> }[] = [];
  const config: Statement[] = [];
  for (const s of statements) {
    if (s.inactive) continue;
    const [a, name] = s.words;
    if (a === 'groups' && name !== undefined) {
      const list = groups.get(name) ?? [];
      list.push(s);
      groups.set(name, list);
      continue;
    }
    const at = s.words.findIndex((w) => w === 'apply-groups' || w === 'apply-groups-except');
    if (at >= 0) {
      const names = values(s.words.slice(at + 1));
      if (s.words[at] === 'apply-groups') applies.push({ path: s.words.slice(0, at), names, source: s });
      else excepts.push({ path: s.words.slice(0, at), names: new Set(names) });
      own.set(s, 'used');
      continue;
    }
    config.push(s);
  }
  for (const a of applies) {
    // A group that is not in the file cannot commit; a variable (`${node}`) names one by the box it runs on.
    if (a.names.some((n) => !groups.has(n) && !n.startsWith('$'))) own.set(a.source, 'unknown');
  }

  // The objects of the file, for the wildcards: the words that follow a path, found when a wildcard asks (a few paths per group).
  const next = new Map<string, Set<string>>();
  const objects = (head: readonly string[]): Set<string> => {
    const key = head.join('\u0000');
    let set = next.get(key);
    if (set) return set;
    set = new Set();
    for (const s of config) {
      if (s.words.length > head.length && head.every((w, i) => s.words[i] === w)) set.add(s.words[head.length] as string);
    }
    next.set(key, set);
    return set;
  };
  /** The group statement's words at level `path`, each wildcard resolved against the file's objects. */
  const expand = (rest: readonly string[], prefix: string[]): string[][] => {
    const k = rest.findIndex(isPattern);
    if (k < 0) return [[...prefix, ...rest]];
    const head = [...prefix, ...rest.slice(0, k)];
    const re = wildcard(rest[k] as string);
    const out: string[][] = [];
    for (const w of objects(head)) if (re.test(w)) out.push(...expand(rest.slice(k + 1), [...head, w]));
    return out;
  };
  const excluded = (words: readonly string[], group: string) =>
    excepts.some((e) => e.names.has(group) && e.path.length <= words.length && e.path.every((w, i) => words[i] === w));

  const effective: Effective[] = [];
  const inherited = new Set<Statement>();
  // Top level first, deeper levels after: the deeper and the earlier-listed take priority, so they come later.
  const ordered = [...applies].filter((a) => own.get(a.source) === 'used').sort((x, y) => x.path.length - y.path.length);
  for (const a of ordered) {
    for (const name of [...a.names].reverse()) {
      for (const g of groups.get(name) ?? []) {
        const rest = g.words.slice(2);
        if (rest.length < a.path.length) continue;
        const fits = a.path.every((w, i) => {
          const r = rest[i] as string;
          return isPattern(r) ? wildcard(r).test(w) : r === w;
        });
        if (!fits) continue;
        for (const words of expand(rest.slice(a.path.length), [...a.path])) {
          if (excluded(words, name)) continue;
          effective.push({ words, source: g });
          inherited.add(g);
        }
      }
    }
  }
  for (const list of groups.values()) for (const g of list) if (!inherited.has(g)) own.set(g, 'ignored');
  for (const s of config) effective.push({ words: s.words, source: s });
  return { effective, own };
}
