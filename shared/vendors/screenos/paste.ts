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
//   unset and set again in the order wanted (the same for routes, gateways and VPNs, whose order
//   the reader keeps).
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
// - Policies: the exporter writes them without an id and ScreenOS numbers a new policy itself,
//   so the box's ids are not in the files. The script names each policy it removes by the id it
//   gets when the exported file alone is pasted on a box (its rank among the file's policies),
//   with a note to look the box's id up with `get policy from <zone> to <zone>`.
import { words, type ApplyResult, type PasteScript, type VendorPaste } from '../kit/paste';

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
  if (w[0] === 'policy' && w[1] === 'from') {
    // from "z1" to "z2" "src" "dst" "svc" action…
    const [from, to, src, dst, svc] = [w[2], w[4], w[5], w[6], w[7]].map(unq);
    const v = w.indexOf('vpn');
    const uses = [`address ${from} ${src}`, `address ${to} ${dst}`, `service ${svc}`, ...(v >= 0 && w[v - 1] === 'tunnel' ? [`vpn ${unq(w[v + 1])}`] : [])];
    return {
      kind: 'policy',
      key: `policy ${w.join(' ')}`,
      uses,
      creates: true,
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
}

/** The objects of a configuration in the exporter's format, in order; policies numbered 1, 2, … in the file's order. */
function objectsOf(text: string): Map<string, Obj> {
  const out = new Map<string, Obj>();
  let policies = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const l = lineOf(words(line));
    if (!l) continue;
    // Two identical policies are two policies.
    const key = l.kind === 'policy' ? `${l.key}\u0000${++policies}` : l.key;
    const o = out.get(key) ?? {
      kind: l.kind,
      key,
      lines: [],
      uses: new Set<string>(),
      ...(l.kind === 'policy' ? { id: policies } : {}),
    };
    o.lines.push(line);
    for (const u of l.uses) o.uses.add(u);
    out.set(key, o);
  }
  return out;
}

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
  for (const o of a.values()) if (o.kind === 'policy') afterPolicies.set(bare(o.key), [...(afterPolicies.get(bare(o.key)) ?? []), o]);
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
    if (o.kind === 'policy') {
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
    // Gateways, VPNs, routes and policies in the order wanted: ScreenOS puts a new one after the
    // others (a policy at the bottom of its list: KB6629), so from the first one out of place on,
    // each is unset and set again.
    for (const kind of ['gateway', 'vpn', 'route', 'policy'] as const) {
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
    if (o.kind === 'policy')
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
  const objs = objectsOf(config);
  const header = config
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .slice(0, 6);
  let nextId = Math.max(0, ...[...objs.values()].map((o) => o.id ?? 0)) + 1;
  const lines = script.text.split('\n');
  const checked: ReadonlySet<string> = new Set(['p1', 'p2', 'gateway', 'vpn', 'service', 'address']);
  const exists = (k: string) => objs.has(k) || [...objs.keys()].some((x) => bare(x) === k);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const ws = words(line);
    const fail = (message: string): ApplyResult => ({
      ok: false,
      line: i + 1,
      message,
    });
    if (ws[0] === 'set') {
      const l = lineOf(ws);
      if (!l) return fail(`unknown command: ${line}`);
      for (const u of l.uses) {
        const kind = u.split(' ')[0] as string;
        // Built-in names (address "Any", service "ANY") are not objects of the file.
        if (checked.has(kind) && !exists(u) && !/^(address \S+ any|service any)$/i.test(u)) return fail(`${u} does not exist`);
      }
      if (l.kind === 'policy') {
        const key = `${l.key}\u0000${nextId}`;
        objs.set(key, {
          kind: 'policy',
          key,
          lines: [line],
          uses: new Set(l.uses),
          id: nextId++,
        });
        continue;
      }
      const o = objs.get(l.key);
      if (o && l.creates) return fail(`${l.key} already exists: unset it first`);
      if (!o && !l.creates && l.kind !== 'interface') return fail(`${l.key} does not exist`);
      const x = o ?? {
        kind: l.kind,
        key: l.key,
        lines: [],
        uses: new Set<string>(),
      };
      x.lines.push(line);
      for (const u of l.uses) x.uses.add(u);
      objs.set(l.key, x);
    } else if (ws[0] === 'unset') {
      const target = [...objs.values()].find((o) => unsetOf(o) === line);
      if (!target) return fail(`not found: ${line}`);
      const user = [...objs.values()].find((o) => o !== target && [...o.uses].some((u) => u === target.key || u === bare(target.key)));
      if (user) return fail(`${bare(target.key)} is in use by ${bare(user.key)}`);
      objs.delete(target.key);
    } else return fail(`unknown command: ${line}`);
  }
  const body = [...objs.values()].flatMap((o) => o.lines);
  return { ok: true, config: [...header, ...body].join('\n') + '\n' };
}

export const screenosPaste: VendorPaste = { keepsBoxNames: false, commands, apply };
