// What to paste on a Junos SRX to turn its configuration into the corrected one: `set` and
// `delete` lines in configuration mode, diffed atom by atom (shared/vendors/kit/paste.ts) over the
// `display set` lines the exporter writes (./export.ts).
// Follows: Juniper, Junos OS CLI User Guide, "CLI Configuration Mode Overview" (configuration mode
// commands: `set` creates a statement hierarchy and sets identifier values; `delete` "Delete a
// statement or identifier. All subordinate statements and identifiers contained within the
// specified statement path are deleted with it"; `commit` activates the candidate, and its
// `check` option, the command reference "commit", checks it without activating it: what the
// exporter's own file says to type after loading) and "Deleting a Statement from a Junos Configuration"
// (`delete <statement-path> <identifier>`: "the statement and all its subordinate statements and
// identifiers are removed from the configuration").
// Which statements take several values: the statement hierarchies write a list as `name [ values ]`
// and a choice as `(a | b)` (Juniper, "[edit security ike] Hierarchy Level", Junos 12.1X47:
// gateway `address [ip-address-or-hostname]`, policy `proposals [ proposal-names ]` and
// `pre-shared-key (ascii-text | hexadecimal)`, gateway `local-identity`/`remote-identity` one of
// `(distinguished-name | hostname | inet | inet6 | user-at-hostname)`, `dead-peer-detection { …
// interval seconds; }` a statement of its own); a list takes its values one `set` at a time, each
// added, a one-value statement is replaced by the next `set` ("Adding Junos Configuration
// Statements and Identifiers"; the model below and the tests hold the writer to it). The other
// lists of the exporter's statements, as their statement summaries write them: IPsec policy
// `proposals [ … ]`, security policy `match source-address`, `destination-address` and
// `application`, static route `next-hop`, source NAT `from zone`/`to zone` and rule `match`
// addresses; a zone's `interfaces` and host-inbound `system-services` are named statements of the
// zone, a unit's `family` one of the unit. Not re-read in this session: the security policy,
// static route and NAT summaries (the exporter writes those lists with `[ … ]`, as a list is written).
import { setStyleCommands, words, type ApplyResult, type PasteScript, type SetAtom, type SetStyleRules, type VendorPaste } from '../kit/paste';

const ENTER = ['configure'] as const;
const LEAVE = ['commit check', 'commit'] as const;

const leaf = (object: readonly string[], path: readonly string[], value: readonly string[], choice?: readonly string[]): SetAtom => ({ object, path, value, kind: 'leaf', ...(choice ? { choice } : {}) });
const flag = (object: readonly string[], path: readonly string[], choice?: readonly string[]): SetAtom => ({ object, path, value: [], kind: 'flag', ...(choice ? { choice } : {}) });
const members = (object: readonly string[], path: readonly string[], ws: readonly string[]): SetAtom[] => listOf(ws).map((v) => ({ object, path, value: [v], kind: 'member' }));

/** `[ a b ]` or one word. */
function listOf(ws: readonly string[]): string[] {
  return ws[0] === '[' ? ws.slice(1, ws.indexOf(']') < 0 ? undefined : ws.indexOf(']')) : ws.slice(0, 1);
}

/** The words after a `[ … ]` list or one word. */
function afterList(ws: readonly string[]): readonly string[] {
  if (ws[0] !== '[') return ws.slice(1);
  const end = ws.indexOf(']');
  return end < 0 ? [] : ws.slice(end + 1);
}

/** `key value-or-list key value-or-list …` (a policy's or NAT rule's `match`), each key a list. */
function keyedLists(object: readonly string[], at: readonly string[], ws: readonly string[]): SetAtom[] {
  const out: SetAtom[] = [];
  let rest = ws;
  while (rest.length >= 2) {
    const k = rest[0] as string;
    out.push(...members(object, [...at, k], rest.slice(1)));
    rest = afterList(rest.slice(1));
  }
  return out;
}

/** `key value key value …` (a traffic selector, a proxy identity), each key a leaf. */
function keyedLeaves(object: readonly string[], at: readonly string[], ws: readonly string[]): SetAtom[] {
  const out: SetAtom[] = [];
  for (let i = 0; i + 1 < ws.length; i += 2) out.push(leaf(object, [...at, ws[i] as string], [ws[i + 1] as string]));
  return out;
}

/** A statement with children (`dead-peer-detection interval 10`, `vpn-monitor destination-ip X`) or alone: the container is a statement of its own (presence), so removing it is one `delete`. */
function container(object: readonly string[], name: string, rest: readonly string[]): SetAtom[] {
  const at = [...object, name];
  return [flag(object, at), ...keyedLeaves(object, at, rest)];
}

/** The atoms of one statement (the words after `set`). */
function atoms(ws: readonly string[]): SetAtom[] | undefined {
  const w = (i: number) => ws[i];
  if (w(0) === 'security' && (w(1) === 'ike' || w(1) === 'ipsec') && ws.length >= 5) {
    const kind = w(2);
    const o = ws.slice(0, 4);
    const [k, ...rest] = ws.slice(4);
    if (k === undefined) return undefined;
    if (k === 'proposals') return members(o, [...o, k], rest);
    // The gateway's `address` is a list (the primary and its backups).
    if (kind === 'gateway' && k === 'address') return members(o, [...o, k], rest);
    if (kind === 'gateway' && (k === 'local-identity' || k === 'remote-identity')) {
      // One of inet, inet6, hostname, user-at-hostname or distinguished-name (a choice).
      const [type, ...value] = rest;
      return value.length > 0 ? [leaf(o, [...o, k, type as string], value, [...o, k])] : [flag(o, [...o, k, type as string], [...o, k])];
    }
    if (k === 'dead-peer-detection' || k === 'vpn-monitor') return container(o, k, rest);
    if (kind === 'vpn' && k === 'traffic-selector' && rest[0]) return keyedLeaves(o, [...o, k, rest[0]], rest.slice(1));
    if (kind === 'vpn' && k === 'ike' && rest[0] === 'proxy-identity') return keyedLeaves(o, [...o, k, 'proxy-identity'], rest.slice(1));
    if (kind === 'vpn' && k === 'ike' && rest[0]) return [leaf(o, [...o, k, rest[0]], rest.slice(1))];
    if (kind === 'policy' && k === 'pre-shared-key' && rest[0]) return [leaf(o, [...o, k, rest[0]], rest.slice(1), [...o, k])];
    if (kind === 'policy' && k === 'perfect-forward-secrecy' && rest[0]) return [leaf(o, [...o, k, rest[0]], rest.slice(1))];
    return rest.length === 0 ? [flag(o, [...o, k])] : [leaf(o, [...o, k], rest)];
  }
  if (w(0) === 'security' && w(1) === 'policies' && w(2) === 'from-zone' && w(4) === 'to-zone' && w(6) === 'policy' && ws.length >= 9) {
    const o = ws.slice(0, 8);
    if (w(8) === 'match') return keyedLists(o, [...o, 'match'], ws.slice(9));
    if (w(8) === 'then') {
      // then permit [tunnel ipsec-vpn V] | deny | reject: one action at a time.
      const action = w(9);
      if (!action) return undefined;
      const out: SetAtom[] = [flag(o, [...o, 'then', action], [...o, 'then'])];
      if (ws.length > 10) out.push(leaf(o, ws.slice(0, ws.length - 1), ws.slice(-1)));
      return out;
    }
    return [leaf(o, ws.slice(0, -1), ws.slice(-1))];
  }
  if (w(0) === 'security' && w(1) === 'zones' && w(2) === 'security-zone' && w(3) && ws.length >= 6) {
    // A zone's interface and its host-inbound services are named statements of the zone.
    if (w(4) === 'interfaces') return [flag(ws.slice(0, 6), ws)];
    if (w(4) === 'host-inbound-traffic' && ws.length >= 7) return [flag(ws.slice(0, 7), ws)];
    return [flag(ws.slice(0, 4), ws)];
  }
  if (w(0) === 'security' && w(1) === 'address-book' && w(3) === 'address' && ws.length >= 6) {
    // ip-prefix, range-address, dns-name or wildcard-address: one at a time.
    const o = ws.slice(0, 5);
    return ws.length === 6 ? [leaf(o, o, ws.slice(5), o)] : [leaf(o, ws.slice(0, 6), ws.slice(6), o)];
  }
  if (w(0) === 'routing-options') {
    const at = w(1) === 'rib' ? 2 : 0;
    if (w(at + 1) === 'static' && w(at + 2) === 'route' && ws.length >= at + 5) {
      const o = ws.slice(0, at + 4);
      const k = ws[at + 4] as string;
      return k === 'next-hop' || k === 'qualified-next-hop' ? members(o, [...o, k], ws.slice(at + 5)) : [leaf(o, [...o, k], ws.slice(at + 5))];
    }
  }
  if (w(0) === 'interfaces' && w(2) === 'unit' && ws.length >= 5) {
    const o = ws.slice(0, 4);
    return w(4) === 'family' && ws.length === 6 ? [flag(o, ws)] : [leaf(o, ws.slice(0, -1), ws.slice(-1))];
  }
  if (w(0) === 'applications' && w(1) === 'application' && ws.length >= 5) {
    const o = ws.slice(0, 3);
    return [leaf(o, ws.slice(0, -1), ws.slice(-1))];
  }
  if (w(0) === 'security' && w(1) === 'nat' && w(2) === 'source' && w(3) === 'rule-set' && ws.length >= 7) {
    const o = ws.slice(0, 5);
    if ((w(5) === 'from' || w(5) === 'to') && w(6) === 'zone') return members(o, ws.slice(0, 7), ws.slice(7));
    if (w(5) === 'rule' && w(7) === 'match') return keyedLists(o, ws.slice(0, 8), ws.slice(8));
    return [flag(o, ws)];
  }
  return ws.length >= 2 ? [leaf(ws.slice(0, -1), ws.slice(0, -1), ws.slice(-1))] : undefined;
}

/**
 * What the box may share with configuration the export does not show: address-book entries and
 * applications (named for their content, so other policies may name the same), IKE and IPsec
 * proposals, a zone's host-inbound services, and interfaces other than the VPN's own st0 unit.
 */
function shared(object: readonly string[]): boolean {
  const o = object;
  if (o[0] === 'security' && o[1] === 'address-book') return true;
  if (o[0] === 'applications') return true;
  if (o[0] === 'security' && (o[1] === 'ike' || o[1] === 'ipsec') && o[2] === 'proposal') return true;
  if (o[0] === 'security' && o[1] === 'zones') return o[4] !== 'interfaces' || !/^st\d+\.\d+$/.test(o[5] ?? '');
  if (o[0] === 'interfaces') return !/^st\d+$/.test(o[1] ?? '');
  return false;
}

/** A traffic selector or proxy identity is removed whole (its addresses are all it holds), a `then permit tunnel` with its VPN. */
function removeAtom(x: SetAtom): string[] {
  const rel = x.path.slice(x.object.length);
  if (rel[0] === 'traffic-selector' || (rel[0] === 'ike' && rel[1] === 'proxy-identity')) return x.path.slice(0, x.object.length + 2);
  if (rel[0] === 'then' && rel[2] === 'tunnel') return x.path.slice(0, x.object.length + 3);
  return x.kind === 'member' ? [...x.path, ...x.value] : [...x.path];
}

export const RULES: SetStyleRules = { set: 'set', remove: 'delete', atoms, shared, removeAtom, enter: ENTER, leave: LEAVE };

/** True when `a` starts with all of `b`'s words. */
const under = (a: readonly string[], b: readonly string[]) => b.length <= a.length && b.every((x, i) => a[i] === x);

/** A traffic selector's or proxy identity's settings, set one after the other, as one line the way the exporter writes them (`… traffic-selector ts-1 local-ip A remote-ip B`). */
function joined(lines: readonly string[]): string[] {
  const out: string[] = [];
  // `set security ipsec vpn V traffic-selector T <key> <value>` or `set security ipsec vpn V ike proxy-identity <key> <value>`: the words before the key.
  const head = (ws: readonly string[]) => {
    const at = ws[0] === 'set' && ws[1] === 'security' && ws[2] === 'ipsec' && ws[3] === 'vpn' && ((ws[5] === 'traffic-selector' && ws[6]) || (ws[5] === 'ike' && ws[6] === 'proxy-identity')) ? 7 : -1;
    return at < 0 || ws.length !== at + 2 ? undefined : ws.slice(0, at).join(' ');
  };
  let last: string | undefined;
  for (const l of lines) {
    const ws = words(l);
    const h = head(ws);
    if (h !== undefined && h === last) {
      out[out.length - 1] = `${out[out.length - 1] as string} ${ws.slice(-2).join(' ')}`;
      continue;
    }
    out.push(l);
    last = h;
  }
  return out;
}

/** The script without a `delete` that another `delete` of the script already covers (deleting a statement deletes what is under it). */
function withoutCovered(script: PasteScript): PasteScript {
  const lines = joined(script.text.split('\n').filter((l) => l !== ''));
  const deletes = lines.filter((l) => l.startsWith('delete ')).map((l) => words(l).slice(1));
  const kept = lines.filter((l) => {
    if (!l.startsWith('delete ')) return true;
    const me = words(l).slice(1);
    return !deletes.some((d) => d.length < me.length && under(me, d));
  });
  return { ...script, text: kept.length > 0 ? `${kept.join('\n')}\n` : '' };
}

// ---------------------------------------------------------------------------------------------
// The CLI as a model: the configuration is its statements, each an atom; `set` on a leaf
// replaces its value, on a list adds a member, on a flag adds it; `delete` removes every statement
// under its path, and a path with nothing under it is refused ("statement not found", the CLI's
// warning for a delete of what the configuration does not have).

interface Entry {
  atom: SetAtom;
  words: readonly string[];
}

const full = (a: SetAtom) => [...a.path, ...a.value];

function applyScript(config: string, script: PasteScript): ApplyResult {
  const header: string[] = [];
  const entries: Entry[] = [];
  // `deactivate` and `protect` lines of a `display set` file: states of statements the script does
  // not touch, kept (and written after the statements, as the CLI prints them) while what they
  // name is still in the configuration.
  const states: { line: string; path: readonly string[] }[] = [];
  const setAtom = (a: SetAtom) => {
    const k = full(a).join(' ');
    if (a.kind === 'leaf') {
      const at = entries.findIndex((e) => e.atom.kind === 'leaf' && e.atom.path.join(' ') === a.path.join(' '));
      if (at >= 0) {
        entries[at] = { atom: a, words: full(a) };
        return;
      }
    } else if (entries.some((e) => e.words.join(' ') === k)) return;
    entries.push({ atom: a, words: full(a) });
  };
  const lines = config.split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (entries.length === 0) header.push(line);
      continue;
    }
    const ws = words(line);
    if (ws[0] === 'deactivate' || ws[0] === 'protect') {
      states.push({ line, path: ws.slice(1) });
      continue;
    }
    const as = ws[0] === 'set' ? atoms(ws.slice(1)) : undefined;
    if (as) for (const a of as) setAtom(a);
  }
  const commands = script.text.split('\n');
  for (let i = 0; i < commands.length; i++) {
    const line = (commands[i] as string).trim();
    if (line === '') continue;
    const ws = words(line);
    if (ws[0] === 'set') {
      const as = atoms(ws.slice(1));
      if (!as) return { ok: false, line: i + 1, message: `syntax error: ${line}` };
      for (const a of as) setAtom(a);
    } else if (ws[0] === 'delete' && ws.length > 1) {
      const path = ws.slice(1);
      const before = entries.length;
      for (let j = entries.length - 1; j >= 0; j--) if (under((entries[j] as Entry).words, path)) entries.splice(j, 1);
      if (entries.length === before) return { ok: false, line: i + 1, message: `statement not found: ${path.join(' ')}` };
    } else return { ok: false, line: i + 1, message: `unknown command: ${line}` };
  }
  // Written as `display set` writes it: one statement a line, a container only when nothing is under it.
  const out = entries
    .filter((e) => e.atom.kind !== 'flag' || !entries.some((f) => f !== e && f.words.length > e.words.length && under(f.words, e.words)))
    .map((e) => `set ${e.words.join(' ')}`);
  const kept = states.filter((x) => entries.some((e) => under(e.words, x.path))).map((x) => x.line);
  return { ok: true, config: [...header, ...out, ...kept].join('\n') + '\n' };
}

/** Each object's `set` lines, objects in the order the file has them. */
function objectLines(text: string): Map<string, { object: readonly string[]; lines: string[] }> {
  const out = new Map<string, { object: readonly string[]; lines: string[] }>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const ws = words(line);
    if (ws[0] !== 'set') continue;
    for (const a of atoms(ws.slice(1)) ?? []) {
      const k = a.object.join(' ');
      const o = out.get(k) ?? { object: a.object, lines: [] };
      if (!o.lines.includes(line)) o.lines.push(line);
      out.set(k, o);
    }
  }
  return out;
}

/** The list an object is ordered in: static routes of either table are one list for the reader, other objects their parent's. */
function orderedIn(o: readonly string[]): string {
  return o[0] === 'routing-options' ? 'routes' : o.slice(0, -1).join(' ');
}

/**
 * Objects of one kind in another order than wanted (static routes, security policies of a zone
 * pair): a new statement goes after its siblings (Junos CLI User Guide, "Insert a New Identifier
 * in a Device Configuration": to put it elsewhere, `insert`), so from the first one out of place
 * on, each is deleted (when the box has it) and set again, in the order wanted, in the same commit.
 */
function reordered(before: string, after: string): { objects: string[][]; lines: string[] } {
  const b = objectLines(before);
  const a = objectLines(after);
  const groups = new Map<string, string[]>();
  for (const [k, o] of a) {
    if (shared(o.object)) continue;
    const g = orderedIn(o.object);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const objects: string[][] = [];
  const lines: string[] = [];
  for (const [g, inAfter] of groups) {
    const inBefore = [...b].filter(([k, o]) => a.has(k) && orderedIn(o.object) === g).map(([k]) => k);
    const first = inAfter.findIndex((k, i) => inBefore[i] !== k);
    if (first < 0 || inAfter.slice(first).every((k) => !b.has(k))) continue;
    for (const k of inAfter.slice(first)) {
      const o = a.get(k) as { object: readonly string[]; lines: string[] };
      objects.push([...o.object]);
      if (b.has(k)) lines.push(`delete ${o.object.join(' ')}`);
      lines.push(...o.lines);
    }
  }
  return { objects, lines };
}

export const junosPaste: VendorPaste = {
  keepsBoxNames: true,
  commands(before, after) {
    const script = setStyleCommands(before, after, RULES);
    const moved = reordered(before, after);
    if (moved.objects.length === 0) return withoutCovered(script);
    const kept = script.text.split('\n').filter((l) => l !== '' && !moved.objects.some((o) => under(words(l).slice(1), o)));
    const text = [...kept, ...moved.lines];
    return withoutCovered({ ...script, text: `${text.join('\n')}\n` });
  },
  apply: applyScript,
};
