// What to paste on a box to change its configuration: the commands that turn one configuration
// into another at the product's own CLI (PAN-OS and Junos `set`/`delete`, ScreenOS `set`/`unset`,
// Cisco `no`, FortiOS `config … set/unset/delete … end`), or, for a product configured by a file
// (strongSwan, Libreswan, OpenIKED), the file to put in place and the command that loads it.
// Each vendor with an exporter has one, in its folder (`shared/vendors/<vendor>/paste.ts`); the
// Changes since import view (shared/export/changes.ts) shows it beside the diff.
//
// `apply` is the product's CLI as a model: the box's configuration after the script is pasted on
// it. The preview of the corrected configuration and the tests use it; a script that removes what
// the configuration does not have, or sets what the product would refuse, does not apply.

export interface PasteScript {
  /** `commands`: lines to type or paste at the CLI; `file`: the file's whole new content. */
  kind: 'commands' | 'file';
  /** The commands, one per line (no entering or leaving configuration mode), or the file. Empty when nothing changes. */
  text: string;
  /** What to type first (`configure`); for a file, the one path where it goes. */
  enter: readonly string[];
  /** What to type after (`commit`, `write memory`, `swanctl --load-all`). */
  leave: readonly string[];
  /** What the script leaves to the engineer, e.g. an object the VPN no longer uses, kept because other rules may. */
  notes: readonly string[];
}

export type ApplyResult = { ok: true; config: string } | { ok: false; line: number; message: string };

export interface VendorPaste {
  /**
   * An imported box's objects keep the box's own names in the export (PAN-OS, ASA): the commands
   * change the box's objects. False: the exporter names them, so on an imported box the commands
   * would create objects beside the box's own, and Changes since import says so.
   */
  keepsBoxNames: boolean;
  /** What to do on the box to go from `before` to `after`, two configurations the exporter wrote for it in the file named `file`. */
  commands(before: string, after: string, file: string): PasteScript;
  /** `config` after the script's commands (`script.text`) are pasted on the box, as the product applies them. */
  apply(config: string, script: PasteScript): ApplyResult;
}

/** What the engineer pastes: for commands, entering, the commands, leaving; for a file, the file. */
export function scriptText(script: PasteScript): string {
  if (script.text === '') return '';
  if (script.kind === 'file') return script.text;
  return [...script.enter, script.text.replace(/\n$/, ''), ...script.leave].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Word-based CLIs: a line splits into words; `"quoted words"` and `[ lists ]` stay whole.

/** The words of a line: bare words, quoted strings (kept with their quotes) and `[`/`]`. */
export function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      out.push(line.slice(i, Math.min(j + 1, line.length)));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
    out.push(line.slice(i, j));
    i = j;
  }
  return out;
}

/** The values of a word list: `[ a b ]` is a and b, anything else is itself. */
export function listValues(ws: readonly string[]): string[] {
  return ws[0] === '[' && ws[ws.length - 1] === ']' ? ws.slice(1, -1) : [...ws];
}

// ---------------------------------------------------------------------------------------------
// Set-style CLIs (PAN-OS, Junos, ScreenOS): every statement is one line from the top of the
// hierarchy. The vendor splits each line into atoms; the diff is taken atom by atom, so that only
// what changed is touched and whatever the box holds beyond what the exporter writes stays.

/**
 * One statement of a set-style configuration, split by the vendor:
 * - `leaf`: a setting with one value; setting another value replaces it (`path` → `value`).
 * - `member`: one member of a list; setting a member adds it, removing takes `remove path value`.
 * - `flag`: a statement without a value, present or not (`path` is the whole statement).
 * `object` is the named thing the atom belongs to (an IKE gateway, a rule); when none of an
 * object's atoms is left, the object is removed whole. `choice`, when set, names the group of
 * statements of which the object holds one at a time (`protocol any` or `protocol tcp …`): a new
 * branch needs the old one removed first.
 */
export interface SetAtom {
  object: readonly string[];
  path: readonly string[];
  value: readonly string[];
  kind: 'leaf' | 'member' | 'flag';
  choice?: readonly string[];
}

export interface SetStyleRules {
  /** The verb that sets (`set`) and the one that removes (`delete`, `unset`). */
  set: string;
  remove: string;
  /** The atoms of one line, without the verb; undefined for a line that is not a setting (it is kept as written when new). */
  atoms(ws: readonly string[]): SetAtom[] | undefined;
  /** Objects the box may share with configuration the export does not show (address objects, crypto profiles): not removed, only noted. */
  shared?(object: readonly string[]): boolean;
  /** How a whole object is removed: `remove <object>` unless the product says otherwise. */
  removeObject?(object: readonly string[]): string[];
  /** How the removal of one statement is written (`remove path`, `remove path value`). */
  removeAtom?(atom: SetAtom): string[];
  enter: readonly string[];
  leave: readonly string[];
}

const key = (ws: readonly string[]) => ws.join('\u0000');

interface Parsed {
  atoms: SetAtom[];
  /** Lines that are not settings (`move`, …), in order. */
  others: string[];
  /** Each atom's source line, for new objects (written as exported). */
  lineOf: Map<SetAtom, string>;
}

function parseSetStyle(text: string, rules: SetStyleRules, comment: RegExp): Parsed {
  const atoms: SetAtom[] = [];
  const others: string[] = [];
  const lineOf = new Map<SetAtom, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || comment.test(line)) continue;
    const ws = words(line);
    const as = ws[0] === rules.set ? rules.atoms(ws.slice(1)) : undefined;
    if (!as) {
      others.push(line);
      continue;
    }
    for (const a of as) {
      atoms.push(a);
      lineOf.set(a, line);
    }
  }
  return { atoms, others, lineOf };
}

/** Per object and choice, the branches the atoms hold (`any`, `tcp` for a proxy ID's `protocol`). */
function branchesOf(atoms: readonly SetAtom[]): Map<string, Set<string | undefined>> {
  const out = new Map<string, Set<string | undefined>>();
  for (const y of atoms) {
    if (!y.choice) continue;
    const k = key([...y.object, '\u0002', ...y.choice]);
    const set = out.get(k) ?? new Set<string | undefined>();
    set.add(y.path[y.choice.length]);
    out.set(k, set);
  }
  return out;
}

/** The object now holds another branch of the choice `x` belongs to (`protocol tcp …` where it held `protocol any`). */
function branchLeft(x: SetAtom, now: ReadonlyMap<string, ReadonlySet<string | undefined>>): boolean {
  const c = x.choice;
  if (!c) return false;
  const there = now.get(key([...x.object, '\u0002', ...c]));
  return there !== undefined && there.size > 0 && !there.has(x.path[c.length]);
}

const atomKey = (a: SetAtom) => key([a.kind, ...a.path, ...(a.kind === 'leaf' ? [] : ['\u0001', ...a.value])]);

/**
 * The commands that turn `before` into `after`, both set-style configurations written by the
 * exporter: new objects as the exporter writes them; for changed objects, each atom set or removed;
 * objects gone removed whole (last, once nothing refers to them), shared ones only noted.
 */
export function setStyleCommands(before: string, after: string, rules: SetStyleRules, comment: RegExp = /^\s*#/): PasteScript {
  const b = parseSetStyle(before, rules, comment);
  const a = parseSetStyle(after, rules, comment);
  const beforeObjects = new Set(b.atoms.map((x) => key(x.object)));
  const afterObjects = new Set(a.atoms.map((x) => key(x.object)));
  const beforeAtoms = new Map(b.atoms.map((x) => [atomKey(x), x]));
  const afterAtoms = new Map(a.atoms.map((x) => [atomKey(x), x]));
  const afterBranches = branchesOf(a.atoms);
  const out: string[] = [];
  const notes: string[] = [];
  const line = (verb: string, ws: readonly string[]) => [verb, ...ws].join(' ');
  const removeAtom = rules.removeAtom ?? ((x: SetAtom) => (x.kind === 'member' ? [...x.path, ...x.value] : [...x.path]));
  const removeObject = rules.removeObject ?? ((o: readonly string[]) => [...o]);
  // Removals inside objects that stay: a branch of a choice left, a leaf gone, a member gone.
  const removed = new Set<string>();
  for (const x of b.atoms) {
    if (!afterObjects.has(key(x.object))) continue;
    const k = atomKey(x);
    // Still there (a leaf's new value is set below, and replaces the old one).
    if (afterAtoms.has(k)) continue;
    const ws = branchLeft(x, afterBranches) ? [...(x.choice as readonly string[])] : removeAtom(x);
    const r = line(rules.remove, ws);
    if (!removed.has(r)) {
      removed.add(r);
      out.push(r);
    }
  }
  // Settings: whole new objects as exported, then what is new or different in the others.
  const written = new Set<string>();
  for (const x of a.atoms) {
    const isNew = !beforeObjects.has(key(x.object));
    if (isNew) {
      const src = a.lineOf.get(x) as string;
      if (!written.has(src)) {
        written.add(src);
        out.push(src);
      }
      continue;
    }
    const then = beforeAtoms.get(atomKey(x));
    if (then && key(then.value) === key(x.value)) continue;
    const s = line(rules.set, [...x.path, ...x.value]);
    if (!written.has(s)) {
      written.add(s);
      out.push(s);
    }
  }
  // Lines that are not settings (`move … top`): kept when new.
  const otherBefore = new Set(b.others);
  for (const o of a.others) if (!otherBefore.has(o)) out.push(o);
  // Objects gone, in reverse order (what refers comes after what it refers to in the exports).
  const gone = [...new Map(b.atoms.filter((x) => !afterObjects.has(key(x.object))).map((x) => [key(x.object), x.object])).values()].reverse();
  for (const o of gone) {
    if (rules.shared?.(o)) notes.push(`${o.join(' ')} is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "${line(rules.remove, removeObject(o))}" if nothing does`);
    else out.push(line(rules.remove, removeObject(o)));
  }
  return { kind: 'commands', text: out.length > 0 ? `${out.join('\n')}\n` : '', enter: rules.enter, leave: rules.leave, notes };
}

// ---------------------------------------------------------------------------------------------
// Products configured by a file: the script is the new file whole, where it goes, and the
// commands that load it; applying it puts the file in place.

/** The script for a file: `after` whole, to put `where`, then `load`; nothing when it is unchanged. */
export function fileScript(before: string, after: string, where: readonly string[], load: readonly string[], notes: readonly string[] = []): PasteScript {
  if (before === after) return { kind: 'file', text: '', enter: where, leave: [], notes: [] };
  return { kind: 'file', text: after, enter: where, leave: load, notes };
}

/** A file script applied: the new file in place of the old. */
export function applyFile(_config: string, script: PasteScript): ApplyResult {
  return { ok: true, config: script.text };
}

/** The named sections of a configuration, each with its text, for telling which were added, changed or removed. */
export function sectionChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): { added: string[]; changed: string[]; removed: string[] } {
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
  };
}
