// What to paste on a FortiGate to turn its configuration into the corrected one, and the FortiOS
// CLI as a model that applies it. FortiOS is not set-style: each table is entered with
// `config <table>`, an entry with `edit <entry>` (created when absent), its keys changed with
// `set`/`unset`, left with `next`, the table saved with `end`, and an entry removed with
// `delete <entry>` inside its table (Fortinet, FortiOS 7.4.0 Administration Guide, "CLI basics" >
// "Subcommands": Table subcommands edit, delete, purge, move; Field subcommands set, unset, next,
// end). There is no commit: each `end` (each `next`, for an entry) applies at once, so the order of
// the script is the order in which the box takes it: what a phase 2, a policy or a route names is
// created before it, and removed after it.
//
// - `set <key> <values…>` replaces the key's whole value, a list included; adding to or removing
//   from a list takes `append` / `unselect` (Fortinet Community, "Technical Tip: Useful
//   multi-option values CLI commands", article 197205: "When adding options to a list … using the
//   set command will remove the previous configuration"; append, select, unselect, clear). The
//   script sets a changed list whole: one line says what the list is.
// - `unset <key>` returns the key to its default (same article: clear "is same as unset (reset the
//   list to default value)"); the exporter writes no key at its default, so the model removes it.
// - Policies and static routes are entries by number. `edit 0` creates one: "The CLI will confirm
//   that creation of entry 0, but will assign the next unused number when the entry is saved"
//   (Administration Guide, "Subcommands", edit). The model numbers it one above the highest in
//   the table. Their order is the order of the table, changed with `move <id> before|after <id>`,
//   which "does not change the policy's ID number" (same section, move).
// - An entry another table still names cannot be deleted (Fortinet Community, "Troubleshooting
//   Tip: Verifying FortiGate configuration object dependencies", article 192096: "if objects are
//   referenced elsewhere in the configuration then it is generally not possible to delete them";
//   the CLI answers "entry is used"). A name a key takes from another table (its datasource, as
//   the CLI Reference lists them, e.g. phase1name: vpn.ipsec.phase1-interface.name) must exist.
import { configFile } from './grammar';
import { words, type ApplyResult, type PasteScript, type VendorPaste } from '../kit/paste';

const syntax = configFile.syntax;
if (syntax.kind !== 'fortios-config') throw new Error('the FortiOS grammar is not a fortios-config grammar');

const P1 = 'vpn ipsec phase1-interface';
const P2 = 'vpn ipsec phase2-interface';
const ADDR = 'firewall address';
const ADDR6 = 'firewall address6';
const POLICY = 'firewall policy';
const STATIC = 'router static';
const STATIC6 = 'router static6';

/** Objects other configuration of the box may use (policies, address groups the export does not show): never deleted, only noted. */
const SHARED: ReadonlySet<string> = new Set([ADDR, ADDR6, 'firewall addrgrp', 'firewall addrgrp6']);
/** Tables whose entries are numbers, which the exporter creates with `edit 0`. */
const NUMBERED: ReadonlySet<string> = new Set([POLICY, STATIC, STATIC6]);

/**
 * Which keys name entries of which table: the grammar's references, and a policy's srcintf and
 * dstintf, which name the tunnel interface a phase 1 is (FortiOS 7.4.6 Administration Guide,
 * "Basic site-to-site VPN with pre-shared key": the policies' interfaces are the tunnel's).
 */
const REFERENCES: readonly { keys: readonly string[]; to: string; inTables?: readonly string[] }[] = [...syntax.references, { keys: ['srcintf', 'dstintf'], to: P1, inTables: [POLICY] }];

/**
 * Keys whose names must exist when set: a phase 2's phase 1 (datasource
 * vpn.ipsec.phase1-interface.name) and a policy's addresses (datasource firewall.address.name,
 * firewall.addrgrp.name…). A route's device and a policy's interfaces may name interfaces of the
 * box the export does not show, so they are not checked.
 */
const MUST_EXIST: Readonly<Record<string, readonly string[]>> = {
  phase1name: [P1],
  srcaddr: [ADDR, 'firewall addrgrp'],
  dstaddr: [ADDR, 'firewall addrgrp'],
  srcaddr6: [ADDR6, 'firewall addrgrp6'],
  dstaddr6: [ADDR6, 'firewall addrgrp6'],
};

/**
 * Tables whose entries the reader takes in their order and that the script does not reorder with
 * `move` (no source found that these tables take it): a phase 1's phase 2s (offered in that
 * order) and a tunnel's static routes (whose order changes no forwarding, longest prefix first,
 * but is the configuration's). A kept entry out of the order wanted is deleted and created again
 * at its place.
 */
const ORDERED: ReadonlySet<string> = new Set([P2, STATIC, STATIC6]);

/** The order in which the script creates and changes: what is named before what names it. */
const CREATE_FIRST = [ADDR, ADDR6, 'firewall addrgrp', 'firewall addrgrp6', P1];
const CREATE_THEN = [P2, POLICY, STATIC, STATIC6];
/** What names comes out before what it names. */
const DELETE_FIRST = [POLICY, STATIC, STATIC6];
const DELETE_THEN = [P2, P1];

// ---------------------------------------------------------------------------------------------
// The model: tables of entries of keys, as the CLI holds them.

interface Entry {
  /** The entry's name as written (`"to_HQ2"`, `3`). */
  word: string;
  /** Its name, unquoted: what `edit` and the references match. */
  name: string;
  /** Each key's value words as written, in the order the keys were first set. */
  keys: Map<string, string[]>;
  /**
   * A numbered entry written `edit 0` (a policy or route the exporter has no number of): its number
   * is the model's guess of the one FortiOS gives it. An imported box's own policies and routes
   * are written with their numbers (options.ts), which are not guesses.
   */
  guessed?: boolean;
}

interface Table {
  name: string;
  entries: Entry[];
  /**
   * A table of the box's file the model does not hold as entries of keys (a settings table such
   * as `system global`, or one with sub-tables): its lines, written back as they were. The
   * script never changes one (it writes VPN tables, addresses, policies and routes only).
   */
  raw?: string[];
}

interface Model {
  /** The comment lines before the first table (the export's header). */
  head: string[];
  tables: Table[];
}

/** A word without its quotes: `"a \"b\""` is `a "b"` (in "…" a backslash escapes, in '…' nothing does). */
function unquoted(word: string): string {
  if (word.length >= 2 && word.startsWith('"') && word.endsWith('"')) return word.slice(1, -1).replace(/\\(.)/g, '$1');
  if (word.length >= 2 && word.startsWith("'") && word.endsWith("'")) return word.slice(1, -1);
  return word;
}

const isNumber = (w: string) => /^\d+$/.test(w);

function tableOf(m: Model, name: string, create: boolean): Table | undefined {
  let t = m.tables.find((x) => x.name === name);
  if (!t && create) {
    t = { name, entries: [] };
    m.tables.push(t);
  }
  return t;
}

/** The entries of the model whose keys name `entry` of `table`, as `<table> <entry>`. */
function usersOf(m: Model, table: string, entry: string): string[] {
  const out: string[] = [];
  for (const t of m.tables) {
    for (const r of REFERENCES) {
      if (r.to !== table || (r.inTables && !r.inTables.includes(t.name))) continue;
      for (const e of t.entries) if (r.keys.some((k) => (e.keys.get(k) ?? []).some((w) => unquoted(w) === entry))) out.push(`${t.name} ${e.word}`);
    }
  }
  return [...new Set(out)];
}

type Step = { ok: true } | { ok: false; message: string };
const fail = (message: string): Step => ({ ok: false, message });
const OK: Step = { ok: true };

/**
 * The CLI reading one script into the model, line by line, as FortiOS applies it: an entry is
 * saved at its `next` (or `end`), so a `delete` or `move` sees what came before it.
 */
function run(m: Model, text: string, checkReferences = true): ApplyResult & { model?: Model } {
  let table: Table | undefined;
  let entry: { e: Entry; created: boolean } | undefined;
  let seenTable = false;
  /** Saves the open entry; a new `edit 0` entry takes the next number. */
  const save = (t: Table) => {
    if (!entry) return;
    const { e, created } = entry;
    if (created) {
      if (NUMBERED.has(t.name) && e.name === '0') {
        const next = Math.max(0, ...t.entries.map((x) => (isNumber(x.name) ? Number(x.name) : 0))) + 1;
        e.name = String(next);
        e.word = String(next);
        e.guessed = true;
      }
      t.entries.push(e);
    }
    entry = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '') continue;
    if (raw.startsWith('#')) {
      if (!seenTable) m.head.push(raw);
      continue;
    }
    const [verb, ...rest] = words(raw);
    const step = ((): Step => {
      switch (verb) {
        case 'config': {
          if (table) return fail('config inside an open table (this model holds no sub-tables)');
          if (rest.length === 0) return fail('config names no table');
          table = tableOf(m, rest.join(' '), true);
          if (table?.raw) return fail(`config ${table.name}: this model does not change that table (its settings or sub-tables are kept as the box has them)`);
          seenTable = true;
          return OK;
        }
        case 'edit': {
          if (!table || entry) return fail('edit outside a table, or inside an open entry');
          if (rest.length !== 1) return fail('edit takes one entry name');
          const word = rest[0] as string;
          const name = unquoted(word);
          const there = name === '0' && NUMBERED.has(table.name) ? undefined : table.entries.find((x) => x.name === name);
          entry = there ? { e: there, created: false } : { e: { word, name, keys: new Map() }, created: true };
          return OK;
        }
        case 'set':
        case 'append':
        case 'unselect': {
          if (!table || !entry) return fail(`${verb} outside an entry`);
          const [key, ...values] = rest;
          if (!key || values.length === 0) return fail(`${verb} names no key or no value`);
          for (const [k, tables] of Object.entries(MUST_EXIST)) {
            if (k !== key || verb === 'unselect' || !checkReferences) continue;
            const known = (w: string) => tables.some((t) => tableOf(m, t, false)?.entries.some((x) => x.name === unquoted(w)));
            const missing = values.find((w) => !known(w));
            if (missing) return fail(`${key} ${missing}: entry not found in datasource (${tables.join(', ')})`);
          }
          const now = entry.e.keys.get(key) ?? [];
          const has = (w: string) => now.some((x) => unquoted(x) === unquoted(w));
          if (verb === 'set') entry.e.keys.set(key, values);
          else if (verb === 'append') entry.e.keys.set(key, [...now, ...values.filter((w) => !has(w))]);
          else {
            const left = now.filter((x) => !values.some((w) => unquoted(w) === unquoted(x)));
            if (left.length > 0) entry.e.keys.set(key, left);
            else entry.e.keys.delete(key);
          }
          return OK;
        }
        case 'unset': {
          if (!table || !entry) return fail('unset outside an entry');
          if (rest.length !== 1) return fail('unset takes one key');
          entry.e.keys.delete(rest[0] as string);
          return OK;
        }
        case 'next': {
          if (!table || !entry) return fail('next without an open entry');
          save(table);
          return OK;
        }
        case 'delete': {
          if (!table || entry) return fail('delete outside a table, or inside an open entry');
          if (rest.length !== 1) return fail('delete takes one entry name');
          const name = unquoted(rest[0] as string);
          const at = table.entries.findIndex((x) => x.name === name);
          if (at < 0) return fail(`delete ${rest[0] as string}: ${table.name} has no such entry`);
          const users = usersOf(m, table.name, name);
          if (users.length > 0) return fail(`delete ${rest[0] as string}: entry is used (by ${users.join(', ')}); FortiOS does not delete an entry other configuration names`);
          table.entries.splice(at, 1);
          return OK;
        }
        case 'move': {
          if (!table || entry) return fail('move outside a table, or inside an open entry');
          const [what, where, other] = rest;
          if (!what || (where !== 'before' && where !== 'after') || !other || rest.length !== 3) return fail('move takes <entry> before|after <entry>');
          const from = table.entries.findIndex((x) => x.name === unquoted(what));
          if (from < 0 || !table.entries.some((x) => x.name === unquoted(other))) return fail(`move: ${table.name} has no entry ${from < 0 ? what : other}`);
          const [moved] = table.entries.splice(from, 1) as [Entry];
          const to = table.entries.findIndex((x) => x.name === unquoted(other));
          table.entries.splice(where === 'before' ? to : to + 1, 0, moved);
          return OK;
        }
        case 'end': {
          if (!table) return fail('end without an open table');
          save(table);
          table = undefined;
          return OK;
        }
        default:
          return fail(`${verb ?? ''}: not a command of this model (config, edit, set, unset, append, unselect, next, delete, move, end)`);
      }
    })();
    if (!step.ok) return { ok: false, line: i + 1, message: step.message };
  }
  if (table) return { ok: false, line: lines.length, message: `the script leaves ${table.name} open: it needs its end` };
  return { ok: true, config: '', model: m };
}

function parse(text: string): Model {
  const r = run({ head: [], tables: [] }, text);
  if (!r.ok || !r.model) throw new Error(`exporter bug: the FortiOS configuration does not read, line ${r.ok ? 0 : r.line}: ${r.ok ? '' : r.message}`);
  return r.model;
}

/**
 * The top-level blocks of a configuration (`config <table>` to its `end`, sub-tables counted),
 * and the comment lines before the first one. A file of VDOMs (`config vdom` / `edit <vdom>` …
 * `next` / `end`: FortiOS 7.4.6 Administration Guide, "Virtual Domains") has blocks inside each
 * VDOM's entry; these are found by vdomBlock.
 */
function blocks(lines: readonly string[], from = 0, to = lines.length): { head: string[]; blocks: { name: string; start: number; end: number }[] } {
  const head: string[] = [];
  const out: { name: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  let name = '';
  for (let i = from; i < to; i++) {
    const [verb, ...rest] = words((lines[i] as string).trim());
    if (verb === undefined) continue;
    if (depth === 0 && verb.startsWith('#')) {
      if (out.length === 0) head.push((lines[i] as string).trim());
      continue;
    }
    if (verb === 'config') {
      if (depth === 0) {
        start = i;
        name = rest.join(' ');
      }
      depth++;
    } else if (verb === 'end' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ name, start, end: i });
    }
  }
  return { head, blocks: out };
}

/**
 * The box's configuration as the model: each block the model reads as entries of keys (what the
 * exporter writes, and the same tables of a running configuration), the others kept whole.
 */
function parseBox(lines: readonly string[], from = 0, to = lines.length): Model {
  const { head, blocks: found } = blocks(lines, from, to);
  const m: Model = { head, tables: [] };
  for (const b of found) {
    // One block at a time: what it names is in another block (checked when the script runs).
    const one = run({ head: [], tables: [] }, lines.slice(b.start, b.end + 1).join('\n'), false);
    const t = one.ok ? one.model?.tables[0] : undefined;
    const there = t ? m.tables.find((x) => x.name === t.name) : undefined;
    // A table written twice (the exporter's addresses before and after the phase 2s) is one.
    if (t && there && !there.raw) there.entries.push(...t.entries);
    else if (t && one.model?.tables.length === 1 && !there) m.tables.push(t);
    else m.tables.push({ name: b.name, entries: [], raw: lines.slice(b.start, b.end + 1) });
  }
  return m;
}

/**
 * In a file of VDOMs, the lines of the VDOM the tunnels are in: the first `edit <vdom>` of a
 * top-level `config vdom` whose blocks hold a phase1-interface table (the VDOM the reader reads,
 * reader.ts), from the line after its edit to the line before its `next`. The script is pasted
 * in that VDOM.
 */
function vdomBlock(lines: readonly string[]): { from: number; to: number } | undefined {
  for (const b of blocks(lines).blocks.filter((x) => x.name === 'vdom')) {
    let depth = 0;
    let open = -1;
    for (let i = b.start + 1; i < b.end; i++) {
      const [verb] = words((lines[i] as string).trim());
      if (verb === 'config') depth++;
      else if (verb === 'end') depth--;
      else if (depth === 0 && verb === 'edit') open = i;
      else if (depth === 0 && verb === 'next' && open >= 0) {
        if (blocks(lines, open + 1, i).blocks.some((x) => x.name === P1)) return { from: open + 1, to: i };
        open = -1;
      }
    }
  }
  return undefined;
}

/**
 * The model in the exporter's form: the header, then each table with its entries, four spaces a
 * level. An entry whose number the model guessed (Entry.guessed) is written `edit 0`, as the
 * exporter writes a new one: FortiOS gives it its number when it is saved, which the model does
 * not know for the box (a reader of this file records no number for it).
 */
function write(m: Model): string {
  const out = [...m.head];
  for (const t of m.tables) {
    if (t.raw) {
      out.push(...t.raw);
      continue;
    }
    out.push(`config ${t.name}`);
    for (const e of t.entries) {
      out.push(`    edit ${e.guessed ? '0' : e.word}`);
      for (const [k, v] of e.keys) out.push(`        set ${k} ${v.join(' ')}`);
      out.push('    next');
    }
    out.push('end');
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The script: the difference between two configurations the exporter wrote, entry by entry.

/**
 * How entries of the two configurations pair: by name; a policy by its `name` key ("Every policy
 * name must be unique for the current VDOM": Fortinet, FortiOS 6.0 Handbook, "Policy names"), its
 * number being the box's; a route by its destination, so a route moved to another tunnel is one
 * `set device`.
 */
function identity(table: string, e: Entry): string {
  if (table === POLICY) {
    const n = e.keys.get('name');
    return n ? `name ${unquoted(n.join(' '))}` : `entry ${e.name}`;
  }
  if (table === STATIC || table === STATIC6) return `dst ${(e.keys.get('dst') ?? []).join(' ')}`;
  return e.name;
}

interface Pairing {
  /** The entries after, in their order. */
  order: readonly Entry[];
  gone: Entry[];
  added: Entry[];
  kept: { then: Entry; now: Entry }[];
}

/** The entries of one table before and after, paired by identity (the n-th of a kind with the n-th). */
function pair(table: string, before: readonly Entry[], after: readonly Entry[]): Pairing {
  const pool = new Map<string, Entry[]>();
  for (const e of before) pool.set(identity(table, e), [...(pool.get(identity(table, e)) ?? []), e]);
  const kept: Pairing['kept'] = [];
  const added: Entry[] = [];
  for (const e of after) {
    const then = pool.get(identity(table, e))?.shift();
    if (then) kept.push({ then, now: e });
    else added.push(e);
  }
  const used = new Set(kept.map((k) => k.then));
  return { order: after, gone: before.filter((e) => !used.has(e)), added, kept };
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a !== undefined && b !== undefined && a.join(' ') === b.join(' ');

/**
 * The lines that turn an entry's keys into another's: keys gone unset first, last set first (a
 * key that exists only with another's value, such as dhgrp with pfs enable or src-subnet with
 * src-addr-type subnet, goes while that value still holds); then the keys new or changed, in the
 * order the exporter writes them (the selecting key before the keys it brings).
 */
function keyChanges(then: Entry | undefined, now: Entry): string[] {
  const out: string[] = [];
  if (then) for (const k of [...then.keys.keys()].reverse()) if (!now.keys.has(k)) out.push(`        unset ${k}`);
  for (const [k, v] of now.keys) if (!same(then?.keys.get(k), v)) out.push(`        set ${k} ${v.join(' ')}`);
  return out;
}

/** What an entry of an ordered table is ordered among: a phase 2 among its phase 1's, a route among those of its device. */
function groupOf(table: string, e: Entry): string {
  const k = table === P2 ? 'phase1name' : 'device';
  return unquoted((e.keys.get(k) ?? []).join(' '));
}

/**
 * A table whose order is meaningful and that has no `move`: a new entry goes at the end, so the
 * kept entries that the configuration wanted has after a new one of their group (or out of their
 * old order) are deleted and created again, in order. In each group, the kept ones are the
 * longest start of the order wanted that is already in that order.
 */
function inOrder(table: string, p: Pairing, before: readonly Entry[]): Pairing & { recreated: Entry[] } {
  const thenOf = new Map(p.kept.map((k) => [k.now, k.then]));
  const broken = new Set<string>();
  const last = new Map<string, number>();
  const stay = new Set<Entry>();
  for (const e of p.order) {
    const g = groupOf(table, e);
    const then = thenOf.get(e);
    const at = then ? before.indexOf(then) : -1;
    if (broken.has(g) || at <= (last.get(g) ?? -1)) {
      broken.add(g);
      continue;
    }
    last.set(g, at);
    stay.add(e);
  }
  return {
    gone: p.gone,
    order: p.order,
    kept: p.kept.filter((x) => stay.has(x.now)),
    added: p.order.filter((e) => !stay.has(e)),
    recreated: p.kept.filter((x) => !stay.has(x.now)).map((x) => x.then),
  };
}

/**
 * A comment naming an existing numbered entry by what the engineer can find it by on the box
 * (its policy name, its route's destination and device), before the line that uses its number.
 * The CLI takes `#` lines as comments, as in the exported file this script goes with.
 */
function label(table: string, e: Entry): string[] {
  if (!NUMBERED.has(table)) return [];
  const what = table === POLICY ? `policy ${(e.keys.get('name') ?? []).join(' ')}` : `route to ${[...(e.keys.get('dst') ?? []), ...(e.keys.get('gateway') ? ['via', ...(e.keys.get('gateway') ?? [])] : []), 'on', ...(e.keys.get('device') ?? [])].join(' ')}`;
  return [`    # ${e.name}: the ${what}`];
}

/** Blocks of lines per table, merged when the same table follows itself. */
class Script {
  private blocks: { table: string; lines: string[] }[] = [];
  add(table: string, lines: readonly string[]): void {
    if (lines.length === 0) return;
    const last = this.blocks[this.blocks.length - 1];
    if (last?.table === table) last.lines.push(...lines);
    else this.blocks.push({ table, lines: [...lines] });
  }
  text(): string {
    return this.blocks.map((b) => [`config ${b.table}`, ...b.lines, 'end'].join('\n') + '\n').join('');
  }
}

/**
 * The moves that put the policies in the order wanted, given the order they will be in (those
 * kept, in their order, then the new ones at the end): each policy out of place is moved before
 * the one that holds its place.
 */
function moves(current: string[], wanted: readonly string[]): string[] {
  const out: string[] = [];
  const now = [...current];
  wanted.forEach((id, i) => {
    if (now[i] === id) return;
    const from = now.indexOf(id);
    const before = now[i] as string;
    now.splice(from, 1);
    now.splice(i, 0, id);
    out.push(`    move ${id} before ${before}`);
  });
  return out;
}

/**
 * The moves that put the policies in the order wanted: the kept ones where they are, the new
 * ones after them (numbered as the model numbers `edit 0`), then each moved to its place.
 */
function policyMoves(p: Pairing, before: readonly Entry[]): string[] {
  if (p.kept.length + p.added.length < 2) return [];
  // The policies gone are deleted first: `edit 0` numbers after the highest of those left.
  const left = before.filter((e) => !p.gone.includes(e));
  const top = Math.max(0, ...left.map((e) => (isNumber(e.name) ? Number(e.name) : 0)));
  const idOf = new Map<Entry, string>();
  for (const k of p.kept) idOf.set(k.now, k.then.name);
  p.added.forEach((e, i) => idOf.set(e, String(top + 1 + i)));
  const keptOrder = before.filter((e) => p.kept.some((k) => k.then === e)).map((e) => e.name);
  const current = [...keptOrder, ...p.added.map((e) => idOf.get(e) as string)];
  return moves(current, p.order.map((e) => idOf.get(e) as string));
}

function commands(before: string, after: string): PasteScript {
  const notes: string[] = [];
  if (before === after) return { kind: 'commands', text: '', enter: [], leave: [], notes };
  const b = parse(before);
  const a = parse(after);
  const names = [...new Set([...b.tables.map((t) => t.name), ...a.tables.map((t) => t.name)])];
  const pairings = new Map(names.map((n) => [n, pair(n, tableOf(b, n, false)?.entries ?? [], tableOf(a, n, false)?.entries ?? [])]));
  const of = (n: string): Pairing => pairings.get(n) ?? { order: [], gone: [], added: [], kept: [] };
  const script = new Script();
  const byNumber = new Set<string>();

  // Policies and routes gone, before what they name.
  for (const n of DELETE_FIRST) {
    const gone = of(n).gone;
    script.add(n, gone.flatMap((e) => [...label(n, e), `    delete ${e.word}`]));
    if (gone.some((e) => e.guessed)) byNumber.add(n);
  }
  // The addresses a policy's changed address list names. The exporter's file defines each, but
  // the box may not have one the list named already (an imported box whose policy names "all" or
  // a group, where the export writes the tunnel's prefixes): each is written with the line that
  // names it, its keys set whole (on a box that has it, the same value again).
  const named = new Set<string>();
  const policies = of(POLICY);
  for (const [then, now] of [...policies.kept.map((k) => [k.then, k.now] as const), ...policies.added.map((e) => [undefined, e] as const)]) {
    for (const k of ['srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6']) {
      const v = now.keys.get(k);
      if (v && !same(then?.keys.get(k), v)) for (const w of v) named.add(unquoted(w));
    }
  }
  // New and changed entries, what is named before what names it; other tables after.
  const rest = names.filter((n) => !CREATE_FIRST.includes(n) && !CREATE_THEN.includes(n));
  for (const n of [...CREATE_FIRST, ...CREATE_THEN, ...rest]) {
    const p = ORDERED.has(n) ? inOrder(n, of(n), tableOf(b, n, false)?.entries ?? []) : { ...of(n), recreated: [] };
    const lines: string[] = p.recreated.flatMap((e) => [...label(n, e), `    delete ${e.word}`]);
    if (p.recreated.some((e) => e.guessed) && NUMBERED.has(n)) byNumber.add(n);
    for (const { then, now } of p.kept) {
      const change = SHARED.has(n) && named.has(now.name) ? keyChanges(undefined, now) : keyChanges(then, now);
      if (change.length === 0) continue;
      lines.push(...label(n, then), `    edit ${then.word}`, ...change, '    next');
      if (NUMBERED.has(n) && then.guessed) byNumber.add(n);
    }
    for (const e of p.added) lines.push(`    edit ${NUMBERED.has(n) ? '0' : e.word}`, ...keyChanges(undefined, e), '    next');
    if (n === POLICY) {
      const m = policyMoves(p, tableOf(b, POLICY, false)?.entries ?? []);
      // A new policy's number is the model's guess; a kept one's is the box's when recorded.
      if (m.length > 0 && (p.added.length > 0 || p.kept.some((k) => k.then.guessed))) byNumber.add(POLICY);
      lines.push(...m);
    }
    script.add(n, lines);
    if (n === POLICY && p.added.length > 0) notes.push('New firewall policies are created with `edit 0`: FortiOS gives each the next unused ID and puts it at the end of the policy list. Check that no policy above it matches its traffic first; if one does, move it with `move <id> before <id>`.');
  }
  // Phase 2 and phase 1 gone, once nothing names them; shared objects only noted.
  for (const n of DELETE_THEN) script.add(n, of(n).gone.map((e) => `    delete ${e.word}`));
  for (const n of names.filter((x) => !DELETE_FIRST.includes(x) && !DELETE_THEN.includes(x))) {
    for (const e of of(n).gone) {
      if (SHARED.has(n)) notes.push(`${n} ${e.word} is no longer used by this VPN; it is left in place, as other policies or address groups of the box may use it: delete it with "config ${n}", "delete ${e.word}", "end" if nothing does`);
      else script.add(n, [`    delete ${e.word}`]);
    }
  }
  // Only for entries written `edit 0` (Entry.guessed): an imported box's own policies and routes
  // are named by the numbers they have on the box.
  if (byNumber.size > 0) notes.push(`Policies and static routes are numbered entries: this script names them by the number FortiOS gave each when the exported configuration was pasted in its order (${[...byNumber].join(', ')}). On a box whose numbers differ, find each by its name or destination (\`show firewall policy\`, \`show router static\`) and use its number.`);
  return { kind: 'commands', text: script.text(), enter: [], leave: [], notes };
}

export const fortigatePaste: VendorPaste = {
  keepsBoxNames: true,
  commands: (before, after) => commands(before, after),
  apply(config, script) {
    // The box's own file (a running configuration, a backup) as well as the exporter's: its
    // other tables are kept as they are; in a file of VDOMs, the script goes in the tunnels' VDOM.
    const lines = config.replace(/\n$/, '').split('\n');
    const vdom = vdomBlock(lines);
    const m = vdom ? parseBox(lines, vdom.from, vdom.to) : parseBox(lines);
    const r = run(m, script.text);
    if (!r.ok) return r;
    if (!vdom) return { ok: true, config: write(m) };
    const inner = write(m).replace(/\n$/, '').split('\n');
    return { ok: true, config: `${[...lines.slice(0, vdom.from), ...inner, ...lines.slice(vdom.to)].join('\n')}\n` };
  },
};
