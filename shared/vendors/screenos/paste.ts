// What to paste on a ScreenOS box to turn its configuration into the corrected one: `set` and
// `unset` lines at the CLI (ScreenOS applies each command as it is entered: there is no
// configuration mode to enter), then `save`, which writes the running configuration to flash
// (the exporter's own header says so: "Paste at the CLI, then save").
//
// ScreenOS's configuration is not a tree of statements but named objects, each written by one
// compound command (`set ike gateway "g" address … proposal "p1"`, `set vpn "v" gateway "g" …
// proposal "p2"`, `set policy from … to … src dst svc action`): the generic set-style engine
// (kit/paste.ts) does not fit, so this writer works object by object.
//
// Sources, and what they settle:
// - Juniper KB6629, "[ScreenOS] How to move the existing or new policy to a position in the
//   policy set list": a newly created policy is placed at the bottom of the list, and the order
//   of policies decides which one traffic meets (`set policy move <id> before|after <id>` moves
//   one). So a policy set again goes last, and from the first policy out of place on, each is
//   unset and set again in the order wanted (the same for gateways and VPNs, whose order the
//   reader keeps). Not routes: "the router selects the most specific route in the routing table"
//   (Concepts & Examples ScreenOS Reference Guide, "Static Routing" > How Static Routing Works),
//   so a route added after the others is the same table, and the box's default route is left alone.
// - A configuration saved from a ScreenOS box (a public sample found with the code search)
//   writes `unset ike gateway "name" nat-traversal`: a gateway option is unset by the gateway's
//   name and the option; the objects themselves are unset by their name (`unset vpn "v"`,
//   `unset ike gateway "g"`, `unset ike p1-proposal "p"`, `unset address "zone" "name"`,
//   `unset service "s"`), a policy by its id (`unset policy id N`: KB6629 and the `set policy id
//   N` of every saved configuration name a policy by its id), a route by its prefix and
//   interface. The ScreenOS CLI Reference Guide (IPv4 Command Descriptions, 6.x) has these
//   commands; its text was not available to the search used here, so the forms follow the saved
//   configurations.
// - Not found in the documentation searched: whether the CLI changes a gateway's or a VPN's
//   proposals, or a policy's addresses, when `set` is given again for an existing name, and
//   whether it refuses to unset an object another still uses. This writer takes the reading that
//   is safe under both: an object is changed by unsetting it and setting it again, what uses it
//   (a VPN of its gateway or proposal, a policy of its VPN, address or service) is unset before
//   it and set again after it; objects are unset from the policies down and set from the
//   proposals up. The CLI model below refuses both (a `set` over an existing name, an `unset`
//   of what is in use), so a script that relied on either would not apply.
// - Juniper KB16008, "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3): a VPN's
//   proxy IDs are added one `set vpn "v" proxy-id local-ip … remote-ip … <service>` at a time to
//   the VPN, and `set vpn "v" proxy-id check` is one more statement on it. So statements added to
//   a gateway, VPN or tunnel interface that otherwise stays as it was are set on it alone; a
//   statement taken away sets the object again (no unset form of one proxy ID was found).
// - Policies: the exporter writes an imported tunnel's two policies with the box's ids (`set
//   policy id N from …`, recorded at import: options.ts), their further addresses in the
//   policy's context (`set policy id N`, `set src-address …`, `exit`, as a saved configuration
//   writes them), so such a policy is unset by the box's own id. A policy written without an id
//   (a drawn tunnel's, or one the box had none for) is numbered by ScreenOS itself: the script
//   names it by the id it gets when the exported file alone is pasted on a box (the next after
//   the highest before it), with a note to look the box's id up with `get policy from <zone> to
//   <zone>`.
import { words, type ApplyResult, type PasteScript, type VendorPaste } from '../kit/paste';
import { predefined } from './reader';

const unq = (w: string | undefined) => (w ?? '').replace(/^"(.*)"$/, '$1');

type Kind = 'p1' | 'p2' | 'gateway' | 'vpn' | 'interface' | 'route' | 'address' | 'service' | 'policy';

/** The order objects are set in (what is used first); unset in the reverse. */
const RANK: Record<Kind, number> = {
  p1: 0,
  p2: 0,
  address: 0,
  service: 0,
  gateway: 1,
  interface: 2,
  vpn: 3,
  route: 4,
  policy: 5,
};

interface Line {
  kind: Kind;
  key: string;
  /** The keys of what this line names (a gateway's proposals, a VPN's gateway and interface, a policy's VPN, addresses and service). */
  uses: string[];
  /** The line that creates the object (the others add to it). */
  creates: boolean;
  /** A policy's id, when the line gives it. */
  id?: number;
  /** A policy's from and to zones (its context's further addresses are of these zones). */
  zones?: [string, string];
}

/** What one `set` line (its words) is part of; undefined for a line that is none of the exporter's objects. */
function lineOf(ws: readonly string[]): Line | undefined {
  if (ws[0] !== 'set') return undefined;
  const w = ws.slice(1);
  const after = (k: string) => {
    const i = w.indexOf(k);
    return i < 0
      ? []
      : w
          .slice(i + 1)
          .filter((x) => x.startsWith('"'))
          .map(unq);
  };
  if (w[0] === 'ike' && (w[1] === 'p1-proposal' || w[1] === 'p2-proposal') && w[2])
    return {
      kind: w[1] === 'p1-proposal' ? 'p1' : 'p2',
      key: `${w[1] === 'p1-proposal' ? 'p1' : 'p2'} ${unq(w[2])}`,
      uses: [],
      creates: true,
    };
  if (w[0] === 'ike' && w[1] === 'gateway') {
    const v2 = w[2] === 'ikev2';
    const name = unq(w[v2 ? 3 : 2]);
    const creates = w[v2 ? 4 : 3] === 'address';
    return {
      kind: 'gateway',
      key: `gateway ${name}`,
      uses: creates ? after('proposal').map((p) => `p1 ${p}`) : [],
      creates,
    };
  }
  if (w[0] === 'vpn' && w[1]) {
    const name = unq(w[1]);
    if (w[2] === 'gateway')
      return {
        kind: 'vpn',
        key: `vpn ${name}`,
        uses: [`gateway ${unq(w[3])}`, ...after('proposal').map((p) => `p2 ${p}`)],
        creates: true,
      };
    const bind = w.indexOf('bind');
    return {
      kind: 'vpn',
      key: `vpn ${name}`,
      uses: bind >= 0 && w[bind + 1] === 'interface' ? [`interface ${unq(w[bind + 2])}`] : [],
      creates: false,
    };
  }
  if (w[0] === 'interface' && w[1])
    return {
      kind: 'interface',
      key: `interface ${unq(w[1])}`,
      uses: [],
      creates: false,
    };
  if (w[0] === 'route' && w[1]) {
    const i = w.indexOf('interface');
    return {
      kind: 'route',
      key: `route ${w[1]} ${i >= 0 ? unq(w[i + 1]) : ''}`.trimEnd(),
      uses: i >= 0 ? [`interface ${unq(w[i + 1])}`] : [],
      creates: true,
    };
  }
  if (w[0] === 'address' && w[1] && w[2])
    return {
      kind: 'address',
      key: `address ${unq(w[1])} ${unq(w[2])}`,
      uses: [],
      creates: true,
    };
  if (w[0] === 'service' && w[1])
    return {
      kind: 'service',
      key: `service ${unq(w[1])}`,
      uses: [],
      creates: true,
    };
  if (w[0] === 'policy') {
    // [id N] [top|before N|after N] [name "x"] from "z1" to "z2" "src" "dst" "svc" action…; `id N` alone opens its context.
    const id = w[1] === 'id' && /^\d+$/.test(w[2] ?? '') ? Number(w[2]) : undefined;
    if (id !== undefined && w.length === 3) return { kind: 'policy', key: `policy id ${id}`, uses: [], creates: false, id };
    let i = id !== undefined ? 3 : 1;
    if (w[i] === 'top') i++;
    else if (w[i] === 'before' || w[i] === 'after') i += 2;
    if (w[i] === 'name') i += 2;
    if (w[i] !== 'from') return undefined;
    const [from, to, src, dst, svc] = [w[i + 1], w[i + 3], w[i + 4], w[i + 5], w[i + 6]].map(unq);
    const v = w.indexOf('vpn');
    const uses = [`address ${from} ${src}`, `address ${to} ${dst}`, `service ${svc}`, ...(v >= 0 && w[v - 1] === 'tunnel' ? [`vpn ${unq(w[v + 1])}`] : [])];
    return {
      kind: 'policy',
      key: id !== undefined ? `policy id ${id}` : `policy ${w.join(' ')}`,
      uses,
      creates: true,
      ...(id !== undefined ? { id } : {}),
      zones: [from as string, to as string],
    };
  }
  return undefined;
}

interface Obj {
  kind: Kind;
  key: string;
  lines: string[];
  uses: Set<string>;
  /** A policy's id. */
  id?: number;
  /** A policy's from and to zones. */
  zones?: [string, string];
}

/** A policy's context statements (after `set policy id N`, before `exit`): what they name. */
function contextUses(ws: readonly string[], zones: readonly [string, string] | undefined): string[] | undefined {
  if (ws[0] !== 'set' || ws.length !== 3) return undefined;
  const name = unq(ws[2]);
  if (ws[1] === 'src-address') return [`address ${zones?.[0] ?? ''} ${name}`];
  if (ws[1] === 'dst-address') return [`address ${zones?.[1] ?? ''} ${name}`];
  if (ws[1] === 'service') return [`service ${name}`];
  return [];
}

/** A configuration as its objects in order, and the other lines (comments, statements that are none of the exporter's objects) where they stand. */
interface Parsed {
  objs: Map<string, Obj>;
  /** The object keys and the other lines, in the file's order. */
  order: ({ key: string } | { text: string })[];
}

/**
 * The objects of a configuration in the exporter's format (or a box's saved one), in order: a
 * policy with an id by its id, one without by the number ScreenOS gives it (the next after the
 * highest so far); a policy's context lines (`set policy id N` … `exit`) are its own.
 */
function parse(text: string): Parsed {
  const objs = new Map<string, Obj>();
  const order: Parsed['order'] = [];
  let nextId = 1;
  let context: Obj | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      order.push({ text: line });
      continue;
    }
    const ws = words(line);
    if (context) {
      if (ws[0] === 'exit' && ws.length === 1) {
        context.lines.push(line);
        context = undefined;
        continue;
      }
      const uses = contextUses(ws, context.zones);
      if (uses) {
        context.lines.push(line);
        for (const u of uses) context.uses.add(u);
        continue;
      }
    }
    const l = lineOf(ws);
    if (!l) {
      order.push({ text: line });
      continue;
    }
    // Two identical policies without an id are two policies.
    const id = l.kind !== 'policy' ? undefined : (l.id ?? nextId);
    if (id !== undefined) nextId = Math.max(nextId, id + 1);
    const key = l.kind === 'policy' && l.id === undefined ? `${l.key}\u0000${id}` : l.key;
    let o = objs.get(key);
    if (!o) {
      o = { kind: l.kind, key, lines: [], uses: new Set<string>(), ...(id !== undefined ? { id } : {}), ...(l.zones ? { zones: l.zones } : {}) };
      objs.set(key, o);
      order.push({ key });
    }
    if (l.zones && !o.zones) o.zones = l.zones;
    o.lines.push(line);
    for (const u of l.uses) o.uses.add(u);
    if (l.kind === 'policy' && !l.creates) context = o;
  }
  return { objs, order };
}

function objectsOf(text: string): Map<string, Obj> {
  return parse(text).objs;
}

/** A policy the script names by its place in the file, not by an id the box gave it (the exporter wrote none). */
const numbered = (o: Obj) => o.kind === 'policy' && o.key.includes('\u0000');

/** The policy's key without its number. */
const bare = (key: string) => key.split('\u0000')[0] as string;

function unsetOf(o: Obj): string {
  const [, ...name] = words(o.lines[0] as string).slice(1);
  const q = (s: string) => `"${s}"`;
  const parts = o.key.split(' ');
  switch (o.kind) {
    case 'p1':
      return `unset ike p1-proposal ${q(parts.slice(1).join(' '))}`;
    case 'p2':
      return `unset ike p2-proposal ${q(parts.slice(1).join(' '))}`;
    case 'gateway':
      return `unset ike gateway ${q(parts.slice(1).join(' '))}`;
    case 'vpn':
      return `unset vpn ${q(parts.slice(1).join(' '))}`;
    case 'interface':
      return `unset interface ${parts.slice(1).join(' ')}`;
    case 'route':
      return `unset route ${parts[1]} interface ${parts.slice(2).join(' ')}`;
    case 'address':
      return `unset address ${name[0]} ${name[1]}`;
    case 'service':
      return `unset service ${name[0]}`;
    case 'policy':
      return `unset policy id ${o.id}`;
  }
}

/** Objects the box may share with configuration the export does not show: removed from the design, they are left in place and noted. The tunnel interface is the VPN's own (the exporter writes only tunnel.N). */
const SHARED: ReadonlySet<Kind> = new Set<Kind>(['address', 'service', 'p1', 'p2']);

function commands(before: string, after: string): PasteScript {
  const b = objectsOf(before);
  const a = objectsOf(after);
  const same = (x: Obj, y: Obj) => x.lines.join('\n') === y.lines.join('\n');
  // A policy is the same policy when the after file has one written alike (their numbers may differ).
  const afterPolicies = new Map<string, Obj[]>();
  for (const o of a.values()) if (numbered(o)) afterPolicies.set(bare(o.key), [...(afterPolicies.get(bare(o.key)) ?? []), o]);
  const kept = new Map<string, Obj>(); // before key -> after object
  // Statements added to a gateway, VPN or tunnel interface that stays as it was: set on it alone
  // (KB16008 adds a VPN's proxy IDs one `set vpn "v" proxy-id …` at a time to the VPN).
  const added = new Map<string, string[]>();
  // Only where the new statements can go after the old ones: the proxy IDs keep their order.
  const newLines = (x: Obj, y: Obj) => y.lines.filter((l) => !x.lines.includes(l));
  const grows = (x: Obj, y: Obj) => {
    if (!(x.kind === 'gateway' || x.kind === 'vpn' || x.kind === 'interface') || y.lines.length <= x.lines.length) return false;
    if (y.lines.filter((l) => x.lines.includes(l)).join('\n') !== x.lines.join('\n')) return false;
    const proxyIds = (ls: readonly string[]) => ls.filter((l) => / proxy-id local-ip /.test(l)).join('\n');
    return proxyIds([...x.lines, ...newLines(x, y)]) === proxyIds(y.lines);
  };
  for (const o of b.values()) {
    if (numbered(o)) {
      const match = afterPolicies.get(bare(o.key))?.shift();
      if (match) kept.set(o.key, match);
    } else {
      const x = a.get(o.key);
      if (x && same(o, x)) kept.set(o.key, x);
      else if (x && grows(o, x)) {
        kept.set(o.key, x);
        added.set(o.key, newLines(o, x));
      }
    }
  }
  const notes: string[] = [];
  // Unset: what changed or is gone (a shared object gone is only noted), and whatever uses it.
  const unset = new Set<string>();
  for (const o of b.values()) {
    if (kept.has(o.key)) continue;
    if (o.kind !== 'policy' && !a.has(o.key) && SHARED.has(o.kind)) continue;
    unset.add(o.key);
  }
  for (let moved = true; moved;) {
    moved = false;
    for (let grew = true; grew;) {
      grew = false;
      for (const o of b.values()) {
        if (unset.has(o.key) || ![...o.uses].some((u) => unset.has(u) || [...unset].some((k) => bare(k) === u))) continue;
        unset.add(o.key);
        grew = true;
      }
    }
    // Gateways, VPNs and policies in the order wanted: ScreenOS puts a new one after the
    // others (a policy at the bottom of its list: KB6629), so from the first one out of place on,
    // each is unset and set again.
    for (const kind of ['gateway', 'vpn', 'policy'] as const) {
      const want = [...a.values()].filter((o) => o.kind === kind);
      const keptOf = new Map([...kept].filter(([k]) => !unset.has(k)).map(([k, o]) => [o.key, k]));
      const got = [
        ...[...b.values()].filter((o) => o.kind === kind && keptOf.has((kept.get(o.key) as Obj | undefined)?.key ?? '') && !unset.has(o.key)).map((o) => (kept.get(o.key) as Obj).key),
        ...want.filter((o) => !keptOf.has(o.key)).map((o) => o.key),
      ];
      const first = want.findIndex((o, i) => got[i] !== o.key);
      if (first < 0) continue;
      for (const o of want.slice(first)) {
        const k = keptOf.get(o.key);
        if (k !== undefined && !unset.has(k)) {
          unset.add(k);
          moved = true;
        }
      }
    }
  }
  const afterKept = new Set([...kept].filter(([k]) => !unset.has(k)).map(([, o]) => o.key));
  const out: string[] = [];
  const byRank = (x: Obj, y: Obj) => RANK[x.kind] - RANK[y.kind];
  const toUnset = [...b.values()].filter((o) => unset.has(o.key)).sort((x, y) => byRank(y, x));
  for (const o of toUnset) {
    out.push(unsetOf(o));
    if (numbered(o))
      notes.push(
        `"${unsetOf(o)}" names the policy "${o.lines[0]}" by the id it has when this file alone is pasted on a box; find its id on the box with "get policy from ${words(o.lines[0] as string)[3]} to ${words(o.lines[0] as string)[5]}" and use that`,
      );
  }
  const toSet = [...a.values()].filter((o) => !afterKept.has(o.key) || added.has(o.key)).sort(byRank);
  for (const o of toSet) out.push(...(afterKept.has(o.key) ? (added.get(o.key) as string[]) : o.lines));
  for (const o of b.values()) {
    if (o.kind === 'policy' || a.has(o.key) || !SHARED.has(o.kind)) continue;
    notes.push(`${o.key} is no longer used by this VPN; it is left in place, as other configuration may use it: remove it with "${unsetOf(o)}" if nothing does`);
  }
  return {
    kind: 'commands',
    text: out.length > 0 ? `${out.join('\n')}\n` : '',
    enter: [],
    leave: ['save'],
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// The CLI as a model: each command applied as it is entered. `set` that creates an object whose
// name exists, or names an object (gateway, proposal, VPN, address, service) that does not, is
// refused; `unset` of an object that does not exist, or that another still uses, is refused.

function apply(config: string, script: PasteScript): ApplyResult {
  const { objs, order } = parse(config);
  let nextId = Math.max(0, ...[...objs.values()].map((o) => o.id ?? 0)) + 1;
  const lines = script.text.split('\n');
  const checked: ReadonlySet<string> = new Set(['p1', 'p2', 'gateway', 'vpn', 'service', 'address']);
  // Zones are matched without case ("trust" is "Trust"), as the reader does.
  const norm = (k: string) => (k.startsWith('address ') ? k.replace(/^address (\S+)/, (_, z: string) => `address ${z.toLowerCase()}`) : k);
  const keys = new Set([...objs.keys()].map((k) => norm(bare(k))));
  const exists = (k: string) => keys.has(norm(k));
  /** Built-in names: address "Any", service "ANY", the predefined proposals (Volume 5, "Phase 1 Proposals", "Phase 2 Proposals"). */
  const builtIn = (u: string) => /^(address \S+ any|service any)$/i.test(u) || (/^p[12] /.test(u) && predefined(u.slice(3), u[1] === '1' ? 1 : 2) !== undefined);
  let context: Obj | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const ws = words(line);
    const fail = (message: string): ApplyResult => ({
      ok: false,
      line: i + 1,
      message,
    });
    if (context) {
      if (ws[0] === 'exit' && ws.length === 1) {
        context.lines.push(line);
        context = undefined;
        continue;
      }
      const uses = contextUses(ws, context.zones);
      if (uses) {
        for (const u of uses) if (!exists(u) && !builtIn(u)) return fail(`${u} does not exist`);
        context.lines.push(line);
        for (const u of uses) context.uses.add(u);
        continue;
      }
      return fail(`not a policy context command: ${line}`);
    }
    if (ws[0] === 'set') {
      const l = lineOf(ws);
      if (!l) return fail(`unknown command: ${line}`);
      for (const u of l.uses) {
        const kind = u.split(' ')[0] as string;
        if (checked.has(kind) && !exists(u) && !builtIn(u)) return fail(`${u} does not exist`);
      }
      const add = (key: string, o: Obj) => {
        objs.set(key, o);
        order.push({ key });
        keys.add(norm(bare(key)));
      };
      if (l.kind === 'policy' && l.id === undefined) {
        const key = `${l.key}\u0000${nextId}`;
        add(key, { kind: 'policy', key, lines: [line], uses: new Set(l.uses), id: nextId++, ...(l.zones ? { zones: l.zones } : {}) });
        continue;
      }
      const o = objs.get(l.key);
      if (o && l.creates) return fail(`${l.key} already exists: unset it first`);
      if (!o && !l.creates && l.kind !== 'interface') return fail(`${l.key} does not exist`);
      const x = o ?? { kind: l.kind, key: l.key, lines: [], uses: new Set<string>(), ...(l.id !== undefined ? { id: l.id } : {}), ...(l.zones ? { zones: l.zones } : {}) };
      if (!o) add(l.key, x);
      if (l.id !== undefined) nextId = Math.max(nextId, l.id + 1);
      x.lines.push(line);
      for (const u of l.uses) x.uses.add(u);
      if (l.kind === 'policy' && !l.creates) context = x;
    } else if (ws[0] === 'unset') {
      const target = [...objs.values()].find((o) => unsetOf(o) === line);
      if (!target) return fail(`not found: ${line}`);
      const user = [...objs.values()].find((o) => o !== target && [...o.uses].some((u) => norm(u) === norm(target.key) || norm(u) === norm(bare(target.key))));
      if (user) return fail(`${bare(target.key)} is in use by ${bare(user.key)}`);
      objs.delete(target.key);
      keys.delete(norm(bare(target.key)));
      // Set again, it is a new object: ScreenOS puts a new policy at the bottom of its list (KB6629).
      const at = order.findIndex((e) => 'key' in e && e.key === target.key);
      if (at >= 0) order.splice(at, 1);
    } else return fail(`unknown command: ${line}`);
  }
  if (context) return fail0(lines.length, 'a policy context is not closed with exit');
  // The configuration in its order: the other lines where they stood, each object at its first place, new ones last.
  const body: string[] = [];
  const seen = new Set<string>();
  for (const e of order) {
    if ('text' in e) body.push(e.text);
    else if (!seen.has(e.key)) {
      seen.add(e.key);
      const o = objs.get(e.key);
      if (o) body.push(...o.lines);
    }
  }
  return { ok: true, config: `${body.join('\n')}\n` };
}

const fail0 = (line: number, message: string): ApplyResult => ({ ok: false, line, message });

export const screenosPaste: VendorPaste = { keepsBoxNames: true, commands, apply };
