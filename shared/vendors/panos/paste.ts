// What to paste on a PAN-OS firewall to turn the configuration ./export.ts wrote for it into
// another one: configure-mode `set` and `delete` commands, atom by atom (kit/paste.ts), between
// `configure` and `commit`; and the CLI as a model (`apply`), for the preview and the tests.
//
// The statements are split by the PAN-OS schema as Palo Alto Networks' pan-os-codegen publishes it
// (specs/network/ike-gateway.yaml, specs/network/tunnels/ipsec.yaml, specs/objects/profiles/
// ike-crypto-profile.yaml and ipsec-crypto-profile.yaml, specs/network/interface/tunnel.yaml,
// specs/network/virtual-router.yaml (interface: a member list), specs/network/virtual-router-
// static-route-ipv4.yaml and -ipv6.yaml, specs/network/zone.yaml, specs/network/profiles/
// monitoring.yaml, specs/objects/address.yaml, specs/objects/service.yaml, specs/policies/
// security-policy-rule.yaml, specs/policies/network-address-translation.yaml): a `type: list` of
// `member`s is a member list, a `list` of `entry`s a named entry, `variants` a choice, any other
// param a leaf.
//
// What `set` and `delete` do: the CLI's `set` is the XML API's action=set ("Use the CLI to Find XML
// API Syntax": `debug cli on` shows each command as its request), which "add[s] or create[s] a new
// object at a specified location" and adds a member to a list rather than replacing it (PAN-OS and
// Panorama API Guide, "Set Configuration"; "Edit Configuration" is the action that replaces), so a
// list that loses a member needs `delete <path> <member>` ("Delete Configuration": "Delete a single
// member object in a group", member[text()='name']). Deleting what is not there fails with "Object
// not present" (PAN-OS XML API Error Codes, 7); an object still named elsewhere cannot be deleted,
// "Reference count not zero" (10); `move rulebase … rules <r> top|bottom|before|after` is the API's
// action=move ("Move Configuration").
import { listValues, setStyleCommands, words, type ApplyResult, type PasteScript, type SetAtom, type SetStyleRules, type VendorPaste } from '../kit/paste';

// ---------------------------------------------------------------------------------------------
// The schema, as far as the exporter writes (and a little around it, so that a box's own lines of
// the same objects split too).

type Node =
  | { t: 'leaf' }
  /** `ownObject`: each member is an object of its own (an interface's place in a zone or a virtual router). */
  | { t: 'member'; ownObject?: boolean }
  /** `choice`: the children of which the container holds one at a time (the schema's variants). */
  | { t: 'container'; children: Readonly<Record<string, Node>>; choice?: readonly string[] }
  /** A named entry (`entry name="…"`); `object`: the entry is an object of its own. */
  | { t: 'entry'; inner: Extract<Node, { t: 'container' }>; object: boolean };

type Container = Extract<Node, { t: 'container' }>;
const leaf: Node = { t: 'leaf' };
const member: Node = { t: 'member' };
const c = (children: Record<string, Node>, choice?: readonly string[]): Container => ({ t: 'container', children, ...(choice ? { choice } : {}) });
const flag = c({});
const entry = (children: Record<string, Node>, choice?: readonly string[]): Node => ({ t: 'entry', inner: c(children, choice), object: true });
const leaves = (...names: string[]): Record<string, Node> => Object.fromEntries(names.map((n) => [n, leaf]));
const members = (...names: string[]): Record<string, Node> => Object.fromEntries(names.map((n) => [n, member]));

// lifetime and lifesize: a choice of units (ike-crypto-profile.yaml, ipsec-crypto-profile.yaml).
const lifetime = c(leaves('seconds', 'minutes', 'hours', 'days'), ['seconds', 'minutes', 'hours', 'days']);
const lifesize = c(leaves('kb', 'mb', 'gb', 'tb'), ['kb', 'mb', 'gb', 'tb']);

// ike-gateway.yaml: protocol ikev1|ikev2 are both kept (not variants); local-address ip|floating-ip,
// peer-address ip|fqdn|dynamic and authentication pre-shared-key|certificate are variants.
const dpd = c(leaves('enable', 'interval', 'retry'));
const gateway = entry({
  protocol: c({ version: leaf, ikev1: c({ 'ike-crypto-profile': leaf, 'exchange-mode': leaf, dpd, fragmentation: c(leaves('enable')) }), ikev2: c({ 'ike-crypto-profile': leaf, dpd, 'require-cookie': leaf }) }),
  'protocol-common': c({ 'nat-traversal': c(leaves('enable', 'keep-alive-interval', 'udp-checksum-enable')), fragmentation: c(leaves('enable')), 'passive-mode': leaf }),
  'local-address': c(leaves('interface', 'ip', 'floating-ip'), ['ip', 'floating-ip']),
  'peer-address': c({ ip: leaf, fqdn: leaf, dynamic: flag }, ['ip', 'fqdn', 'dynamic']),
  authentication: c(
    {
      'pre-shared-key': c(leaves('key')),
      certificate: c({ ...leaves('certificate-profile', 'allow-id-payload-mismatch', 'strict-validation-revocation', 'use-management-as-source'), 'local-certificate': c({ name: leaf, 'hash-and-url': c(leaves('enable', 'base-url')) }) }),
    },
    ['pre-shared-key', 'certificate'],
  ),
  'local-id': c(leaves('type', 'id')),
  'peer-id': c(leaves('type', 'id', 'matching')),
  ...leaves('ipv6', 'comment', 'disabled'),
});

// tunnels/ipsec.yaml: a proxy ID is an entry of auto-key, its protocol a choice of number, any, tcp
// and udp (tcp and udp with local-port and remote-port). auto-key ike-gateway is a list of entries
// without settings of their own: a member list here (setting another gateway adds it).
const protocol = c({ number: leaf, any: flag, tcp: c(leaves('local-port', 'remote-port')), udp: c(leaves('local-port', 'remote-port')) }, ['number', 'any', 'tcp', 'udp']);
const proxyId = entry({ ...leaves('local', 'remote'), protocol });
const ipsecTunnel = entry({
  'tunnel-interface': leaf,
  'auto-key': c({ 'ike-gateway': member, 'ipsec-crypto-profile': leaf, 'proxy-id': proxyId, 'proxy-id-v6': proxyId }),
  'tunnel-monitor': c(leaves('enable', 'destination-ip', 'tunnel-monitor-profile', 'proxy-id')),
  ...leaves('ipv6', 'anti-replay', 'anti-replay-window', 'copy-tos', 'copy-flow-label', 'comment', 'disabled', 'enable-gre-encapsulation', 'ipsec-mode'),
});

// virtual-router-static-route-ipv4.yaml / -ipv6.yaml: nexthop is a choice.
const staticRoute = (hop: string) => entry({ ...leaves('destination', 'interface', 'metric', 'admin-dist'), nexthop: c({ [hop]: leaf, 'next-vr': leaf, fqdn: leaf, discard: flag, receive: flag }, [hop, 'next-vr', 'fqdn', 'discard', 'receive']) });

// zone.yaml: network layer3|layer2|virtual-wire|tap|external|tunnel are variants, each a member list.
const zoneMode: Node = { t: 'member', ownObject: true };
const zone = entry({
  network: c({ layer3: zoneMode, layer2: zoneMode, 'virtual-wire': zoneMode, tap: zoneMode, external: zoneMode, tunnel: flag, ...leaves('zone-protection-profile', 'log-setting', 'enable-packet-buffer-protection', 'net-inspection') }, ['layer3', 'layer2', 'virtual-wire', 'tap', 'external', 'tunnel']),
  ...leaves('enable-user-identification', 'enable-device-identification'),
});

// policies/security-policy-rule.yaml: from, to, source, destination, application, service, … are
// member lists; action, disabled, negate-* and log-* leaves. network-address-translation.yaml:
// service and to-interface are leaves there; source-translation a choice.
const securityRule = entry({
  ...members('from', 'to', 'source', 'destination', 'application', 'service', 'source-user', 'category', 'tag', 'source-hip', 'destination-hip'),
  ...leaves('action', 'disabled', 'description', 'negate-source', 'negate-destination', 'log-start', 'log-end', 'log-setting', 'schedule', 'rule-type', 'icmp-unreachable', 'group-tag'),
});
const natRule = entry({
  ...members('from', 'to', 'source', 'destination', 'tag'),
  ...leaves('service', 'to-interface', 'description', 'disabled', 'nat-type', 'group-tag'),
  'source-translation': c(
    {
      'dynamic-ip-and-port': c({ 'interface-address': c(leaves('interface', 'ip')), 'translated-address': member }, ['interface-address', 'translated-address']),
      'dynamic-ip': c({ 'translated-address': member }),
      'static-ip': c(leaves('translated-address', 'bi-directional')),
    },
    ['dynamic-ip-and-port', 'dynamic-ip', 'static-ip'],
  ),
  // destination-translation and dynamic-destination-translation are variants of the rule itself:
  // not a choice here, or changing one would delete the whole rule (see `choice` in kit/paste.ts).
  'destination-translation': c(leaves('translated-address', 'translated-port')),
  'dynamic-destination-translation': c(leaves('translated-address', 'translated-port', 'distribution')),
});

const ROOT: Container = c({
  network: c({
    ike: c({
      'crypto-profiles': c({
        'ike-crypto-profiles': entry({ ...members('encryption', 'hash', 'dh-group'), lifetime, 'authentication-multiple': leaf }),
        // esp and ah are variants of the profile itself: not a choice (as destination-translation above).
        'ipsec-crypto-profiles': entry({ esp: c(members('encryption', 'authentication')), ah: c(members('authentication')), 'dh-group': leaf, lifetime, lifesize }),
      }),
      gateway,
    }),
    tunnel: c({ ipsec: ipsecTunnel }),
    interface: c({ tunnel: c({ units: entry({ ipv6: c(leaves('enabled', 'interface-id')), ip: member, ...leaves('mtu', 'comment', 'interface-management-profile', 'netflow-profile', 'df-ignore', 'link-tag') }) }) }),
    'virtual-router': entry({
      interface: { t: 'member', ownObject: true },
      'routing-table': c({ ip: c({ 'static-route': staticRoute('ip-address') }), ipv6: c({ 'static-route': staticRoute('ipv6-address') }) }),
    }),
    profiles: c({ 'monitor-profile': entry(leaves('action', 'interval', 'threshold')) }),
  }),
  zone,
  // address.yaml: ip-netmask, ip-range, ip-wildcard and fqdn are variants of the object itself (see above).
  address: entry({ ...leaves('ip-netmask', 'ip-range', 'ip-wildcard', 'fqdn', 'description'), tag: member }),
  // service.yaml: protocol tcp|udp, each with port and source-port.
  service: entry({ protocol: c({ tcp: c(leaves('port', 'source-port')), udp: c(leaves('port', 'source-port')) }, ['tcp', 'udp']), description: leaf, tag: member }),
  rulebase: c({ security: c({ rules: securityRule }), nat: c({ rules: natRule }) }),
});

class Unsplit extends Error {}

/** The atoms of the words after `set`, by the schema; undefined for a statement it does not hold. */
export function panosAtoms(ws: readonly string[]): SetAtom[] | undefined {
  const out: SetAtom[] = [];
  const at = (object: readonly string[], path: readonly string[], value: readonly string[], kind: SetAtom['kind'], choice: readonly string[] | undefined) => out.push({ object, path, value, kind, ...(choice ? { choice } : {}) });
  /** Reads the settings of `node` from ws[i]; where the first word that is not one of them is. */
  const read = (node: Container, path: readonly string[], i: number, object: readonly string[], choice: readonly string[] | undefined): number => {
    while (i < ws.length) {
      const k = ws[i] as string;
      const child = Object.hasOwn(node.children, k) ? node.children[k] : undefined;
      if (!child) break;
      const p = [...path, k];
      const ch = node.choice?.includes(k) ? path : choice;
      i++;
      if (child.t === 'leaf') {
        const v = ws[i];
        if (v === undefined || v === '[') throw new Unsplit();
        at(object, p, [v], 'leaf', ch);
        i++;
      } else if (child.t === 'member') {
        const end = ws[i] === '[' ? ws.indexOf(']', i) : i;
        if (ws[i] === undefined || end < 0) throw new Unsplit();
        const vs = listValues(ws.slice(i, end + 1));
        if (vs.length === 0) throw new Unsplit();
        for (const v of vs) at(child.ownObject ? [...p, v] : object, p, [v], 'member', ch);
        i = end + 1;
      } else if (child.t === 'container') {
        const j = read(child, p, i, object, ch);
        if (j === i) at(object, p, [], 'flag', ch);
        i = j;
      } else {
        const name = ws[i];
        if (name === undefined) throw new Unsplit();
        const ep = [...p, name];
        const o = child.object ? ep : object;
        const j = read(child.inner, ep, i + 1, o, ch);
        if (j === i + 1) at(o, ep, [], 'flag', ch);
        i = j;
      }
    }
    return i;
  };
  try {
    const end = read(ROOT, [], 0, [], undefined);
    return end === ws.length && out.length > 0 && out.every((a) => a.object.length > 0) ? out : undefined;
  } catch (e) {
    if (e instanceof Unsplit) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The commands.

const key = (ws: readonly string[]) => ws.join('\u0000');
const startsWith = (ws: readonly string[], prefix: readonly string[]) => prefix.length <= ws.length && prefix.every((w, i) => ws[i] === w);

/** An interface's place in a zone or a virtual router (an object of its own): the interface, and what holds it. */
function placement(o: readonly string[]): { holder: 'zone' | 'virtual-router'; iface: string } | undefined {
  if (o[0] === 'zone' && o[2] === 'network' && o.length === 5) return { holder: 'zone', iface: o[4] as string };
  if (o[0] === 'network' && o[1] === 'virtual-router' && o[3] === 'interface' && o.length === 5) return { holder: 'virtual-router', iface: o[4] as string };
  return undefined;
}

/**
 * What the box may share with configuration the export does not show, so that it is noted, not
 * deleted: crypto and monitor profiles, address and service objects, interfaces; and an
 * interface's place in a zone or virtual router when the new configuration leaves the interface in
 * none (when it puts it in another, the old place is deleted: an interface is in one zone).
 */
function sharedIn(after: string): (o: readonly string[]) => boolean {
  const placed = new Set<string>();
  for (const line of after.split('\n')) {
    const ws = words(line.trim());
    if (ws[0] !== 'set') continue;
    for (const a of panosAtoms(ws.slice(1)) ?? []) {
      const p = placement(a.object);
      if (p) placed.add(`${p.holder} ${p.iface}`);
    }
  }
  return (o) => {
    const p = placement(o);
    if (p) return !placed.has(`${p.holder} ${p.iface}`);
    return startsWith(o, ['network', 'ike', 'crypto-profiles']) || startsWith(o, ['network', 'profiles']) || startsWith(o, ['network', 'interface']) || o[0] === 'address' || o[0] === 'service' || o[0] === 'zone';
  };
}

const RULES: SetStyleRules = {
  set: 'set',
  remove: 'delete',
  atoms: panosAtoms,
  enter: ['configure'],
  leave: ['commit'],
};

/** Without the deletes of what another delete of the script removes already (a proxy ID of a tunnel deleted whole). */
function withoutNestedDeletes(script: PasteScript): PasteScript {
  const lines = script.text.split('\n').filter((l) => l !== '');
  const deletes = lines.filter((l) => l.startsWith('delete ')).map((l) => words(l).slice(1));
  const nested = (ws: readonly string[]) => deletes.some((d) => d.length < ws.length && startsWith(ws, d));
  const kept = lines.filter((l) => !(l.startsWith('delete ') && nested(words(l).slice(1))));
  return { ...script, text: kept.length > 0 ? `${kept.join('\n')}\n` : '' };
}

// ---------------------------------------------------------------------------------------------
// The CLI as a model: the configuration as its atoms in order (an entry's place in its list is
// where it was first set; `move` changes a rule's), written back one `set` per leaf or flag and
// one per member list, as `show config running format set` writes a list (`[ a b ]`).

/** An atom (with its path's and choice's keys, to find it fast), or a statement the model does not split. */
type Item = { atom: SetAtom; readonly pk: string; readonly ck?: string } | { text: string };

class Candidate {
  private list: Item[] = [];
  /** The atoms by path and by choice, to find them without a scan (a hub's configuration has thousands). */
  private byPath = new Map<string, Extract<Item, { atom: SetAtom }>[]>();
  /** Each choice's branches set, and the members set, by path and member. */
  private branches = new Map<string, Set<string>>();
  private members = new Set<string>();

  get items(): readonly Item[] {
    return this.list;
  }

  set items(items: readonly Item[]) {
    this.list = [...items];
    this.byPath.clear();
    this.branches.clear();
    this.members.clear();
    for (const x of this.list) if ('atom' in x) this.index(x);
  }

  private index(x: Extract<Item, { atom: SetAtom }>): void {
    const p = this.byPath.get(x.pk) ?? [];
    p.push(x);
    this.byPath.set(x.pk, p);
    if (x.ck !== undefined) {
      const b = this.branches.get(x.ck) ?? new Set<string>();
      b.add(x.atom.path[(x.atom.choice as readonly string[]).length] as string);
      this.branches.set(x.ck, b);
    }
    if (x.atom.kind === 'member') this.members.add(memberKey(x.pk, x.atom));
  }

  keep(text: string): void {
    this.list.push({ text });
  }

  /** A `set`: each atom added, a leaf's value replaced where it is, a member appended once; an error message, or undefined. */
  set(as: readonly SetAtom[]): string | undefined {
    for (const a of as) {
      const pk = key(a.path);
      const c = a.choice;
      const ck = c ? key(c) : undefined;
      if (c && ck !== undefined) {
        // Whether the CLI replaces another branch of a choice by itself is not documented: the model
        // refuses, so that a script that relies on it fails here rather than on the box.
        const other = [...(this.branches.get(ck) ?? [])].find((b) => b !== a.path[c.length]);
        if (other !== undefined) return `${[...c, other].join(' ')} is configured: delete ${c.join(' ')} before setting ${a.path[c.length] ?? ''}`;
      }
      const same = a.kind === 'member' ? this.members.has(memberKey(pk, a)) : this.byPath.get(pk)?.find((y) => y.atom.kind === a.kind);
      if (same && typeof same === 'object') same.atom = a;
      else if (!same) {
        // A new member goes last; the list is written whole where its first member is (text()).
        const item: Item = { atom: a, pk, ...(ck !== undefined ? { ck } : {}) };
        this.list.push(item);
        this.index(item);
      }
    }
    return undefined;
  }

  /** A `delete`: one member (`path member`), or the node and everything under it. */
  delete(ws: readonly string[]): string | undefined {
    const atoms = this.list.filter((x): x is Extract<Item, { atom: SetAtom }> => 'atom' in x);
    const asMember = atoms.filter(({ atom: y }) => y.kind === 'member' && key([...y.path, ...y.value]) === key(ws));
    const gone = new Set(asMember.length > 0 ? asMember : atoms.filter(({ atom: y }) => startsWith(y.path, ws)));
    if (gone.size === 0) return `Object not present: ${ws.join(' ')}`;
    const left = this.list.filter((x) => !gone.has(x as Extract<Item, { atom: SetAtom }>));
    const referrer = referenceTo(ws, left);
    if (referrer) return `Reference count not zero: ${ws.join(' ')} is used by ${referrer}`;
    this.items = left;
    return undefined;
  }

  /** `move rulebase security|nat rules <r> top | bottom | before <s> | after <s>`. */
  move(ws: readonly string[]): string | undefined {
    const [rb, kind, rules, name, where, other] = ws;
    if (rb !== 'rulebase' || (kind !== 'security' && kind !== 'nat') || rules !== 'rules' || name === undefined || !['top', 'bottom', 'before', 'after'].includes(where ?? '') || ((where === 'before' || where === 'after') !== (other !== undefined)) || ws.length > (other === undefined ? 5 : 6)) return 'Invalid syntax.';
    const base = ['rulebase', kind, 'rules'];
    const of = (r: string) => (x: Item) => 'atom' in x && key(x.atom.object) === key([...base, r]);
    const moving = this.items.filter(of(name));
    if (moving.length === 0) return `Object not present: rulebase ${kind} rules ${name}`;
    const rest = this.items.filter((x) => !of(name)(x));
    const isRule = (x: Item) => 'atom' in x && x.atom.object.length === 4 && startsWith(x.atom.object, base);
    let at: number;
    if (where === 'top' || where === 'bottom') {
      const positions = rest.map((x, i) => (isRule(x) ? i : -1)).filter((i) => i >= 0);
      at = positions.length === 0 ? rest.length : where === 'top' ? (positions[0] as number) : (positions[positions.length - 1] as number) + 1;
    } else {
      const positions = rest.map((x, i) => (of(other as string)(x) ? i : -1)).filter((i) => i >= 0);
      if (positions.length === 0) return `Object not present: rulebase ${kind} rules ${other as string}`;
      at = where === 'before' ? (positions[0] as number) : (positions[positions.length - 1] as number) + 1;
    }
    rest.splice(at, 0, ...moving);
    this.items = rest;
    return undefined;
  }

  text(): string {
    const out: string[] = [];
    const listed = new Set<string>();
    for (const x of this.items) {
      if (!('atom' in x)) {
        out.push(x.text);
        continue;
      }
      const a = x.atom;
      if (a.kind !== 'member') {
        out.push(['set', ...a.path, ...a.value].join(' '));
        continue;
      }
      if (listed.has(key(a.path))) continue;
      listed.add(key(a.path));
      const vs = (this.byPath.get(key(a.path)) ?? []).flatMap((y) => (y.atom.kind === 'member' ? y.atom.value : []));
      out.push(['set', ...a.path, ...(vs.length === 1 ? vs : ['[', ...vs, ']'])].join(' '));
    }
    return out.length > 0 ? `${out.join('\n')}\n` : '';
  }
}

/** Where a name is used: what refers to the objects the exporter deletes (an IKE gateway, a tunnel's profiles, rules' addresses). */
const REFERENCES: readonly { object: readonly string[]; by: (a: SetAtom) => boolean }[] = [
  { object: ['network', 'ike', 'gateway'], by: (a) => a.path[a.path.length - 1] === 'ike-gateway' },
  { object: ['network', 'ike', 'crypto-profiles', 'ike-crypto-profiles'], by: (a) => a.path[a.path.length - 1] === 'ike-crypto-profile' },
  { object: ['network', 'ike', 'crypto-profiles', 'ipsec-crypto-profiles'], by: (a) => a.path[a.path.length - 1] === 'ipsec-crypto-profile' },
  { object: ['network', 'profiles', 'monitor-profile'], by: (a) => a.path[a.path.length - 1] === 'tunnel-monitor-profile' },
  { object: ['address'], by: (a) => a.path[0] === 'rulebase' && (a.path[4] === 'source' || a.path[4] === 'destination') },
  { object: ['service'], by: (a) => a.path[0] === 'rulebase' && a.path[4] === 'service' },
];

/** The statement that still names the object `ws` deletes whole, if any. */
function referenceTo(ws: readonly string[], left: readonly Item[]): string | undefined {
  const r = REFERENCES.find((x) => ws.length === x.object.length + 1 && startsWith(ws, x.object));
  if (!r) return undefined;
  const name = ws[ws.length - 1];
  const by = left.find((x) => 'atom' in x && r.by(x.atom) && x.atom.value[0] === name);
  return by && 'atom' in by ? [...by.atom.path, ...by.atom.value].join(' ') : undefined;
}

const comment = (line: string) => line === '' || line.startsWith('#');
const memberKey = (pk: string, a: SetAtom) => `${pk}\u0001${key(a.value)}`;

/** A configuration in the model. */
function loaded(config: string): Candidate {
  const box = new Candidate();
  for (const raw of config.split('\n')) {
    const line = raw.trim();
    if (comment(line)) continue;
    const ws = words(line);
    const as = ws[0] === 'set' ? panosAtoms(ws.slice(1)) : undefined;
    // What the model does not split (a box's own statements) is kept as it is.
    if (as) box.set(as);
    else if (ws[0] === 'move' && box.move(ws.slice(1)) === undefined) continue;
    else box.keep(line);
  }
  return box;
}

/** Each member list's members in order, by path, for the lists whose order is a preference. */
function orderedLists(text: string): Map<string, { path: readonly string[]; values: string[] }> {
  const out = new Map<string, { path: readonly string[]; values: string[] }>();
  for (const line of text.split('\n')) {
    const ws = words(line.trim());
    if (ws[0] !== 'set') continue;
    for (const a of panosAtoms(ws.slice(1)) ?? []) {
      if (a.kind !== 'member' || !ordered(a.path)) continue;
      const l = out.get(key(a.path)) ?? { path: a.path, values: [] };
      out.set(key(a.path), l);
      if (!l.values.includes(a.value[0] as string)) l.values.push(a.value[0] as string);
    }
  }
  return out;
}

/**
 * A crypto profile's encryption, hash, DH groups and ESP algorithms are proposed in the order
 * they are listed (ike-crypto-profile.yaml, ipsec-crypto-profile.yaml: member lists, whose
 * members `set` appends). Where adding and removing members one by one would leave them in
 * another order than wanted, the list is deleted and set again whole.
 */
const ordered = (path: readonly string[]) => startsWith(path, ['network', 'ike', 'crypto-profiles']);

function inOrder(script: PasteScript, before: string, after: string): PasteScript {
  const was = orderedLists(before);
  let lines = script.text.split('\n').filter((l) => l !== '');
  for (const [k, now] of orderedLists(after)) {
    const then = was.get(k);
    if (!then) continue;
    const pasted = [...then.values.filter((v) => now.values.includes(v)), ...now.values.filter((v) => !then.values.includes(v))];
    if (key(pasted) === key(now.values)) continue;
    const mine = (l: string) => {
      const ws = words(l);
      return (ws[0] === 'set' || ws[0] === 'delete') && ws.length === now.path.length + 2 && startsWith(ws.slice(1), now.path);
    };
    const at = lines.findIndex(mine);
    const whole = [['delete', ...now.path].join(' '), ['set', ...now.path, ...(now.values.length === 1 ? now.values : ['[', ...now.values, ']'])].join(' ')];
    const rest = lines.filter((l) => !mine(l));
    rest.splice(at < 0 ? rest.length : Math.min(at, rest.length), 0, ...whole);
    lines = rest;
  }
  return { ...script, text: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
}

type EntryKind = 'route' | 'proxy-id' | 'security' | 'nat';
const IS_ENTRY: Record<EntryKind, (o: readonly string[]) => boolean> = {
  route: (o) => o[0] === 'network' && o[1] === 'virtual-router' && o[3] === 'routing-table' && o[5] === 'static-route' && o.length === 7,
  'proxy-id': (o) => o[0] === 'network' && o[1] === 'tunnel' && o[2] === 'ipsec' && o[4] === 'auto-key' && o.length === 7,
  security: (o) => o[0] === 'rulebase' && o[1] === 'security' && o.length === 4,
  nat: (o) => o[0] === 'rulebase' && o[1] === 'nat' && o.length === 4,
};

/** The configuration's entries in the box's order, by list: static routes (the reader takes them in one list), each tunnel's proxy IDs, the rules of each rulebase. */
function entryLists(box: Candidate): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const x of box.items) {
    if (!('atom' in x)) continue;
    const o = x.atom.object;
    const kind = (Object.keys(IS_ENTRY) as EntryKind[]).find((k) => IS_ENTRY[k](o));
    if (kind === undefined || seen.has(key(o))) continue;
    seen.add(key(o));
    const list = kind === 'proxy-id' ? key([kind, ...o.slice(0, 4)]) : kind;
    out.set(list, [...(out.get(list) ?? []), [...o]]);
  }
  return out;
}

/** How many entries of `want` `got` has in the same places from the start. */
const samePrefix = (got: readonly string[][], want: readonly string[][]) => {
  let k = 0;
  while (k < want.length && k < got.length && key(got[k] as string[]) === key(want[k] as string[])) k++;
  return k;
};

/** The entry (route, proxy ID, rule) a statement's words begin with, if any. */
const entryAt = (ws: readonly string[]): readonly string[] | undefined => [ws.slice(1, 8), ws.slice(1, 5)].find((o) => (Object.keys(IS_ENTRY) as EntryKind[]).some((k) => IS_ENTRY[k](o)));

/** Whether the script sets an entry `before` does not have: only then can entries end up out of order. */
function addsEntries(script: PasteScript, before: string): boolean {
  const had = new Set<string>();
  for (const l of before.split('\n')) {
    if (!l.startsWith('set ')) continue;
    const o = entryAt(words(l));
    if (o) had.add(key(o));
  }
  return script.text.split('\n').some((l) => {
    if (!l.startsWith('set ')) return false;
    const o = entryAt(words(l));
    return o !== undefined && !had.has(key(o));
  });
}

/** The route or proxy ID a statement sets or deletes (both are seven words: see IS_ENTRY). */
const entryOf = (ws: readonly string[]) => key(ws.slice(1, 8));

/**
 * `set` puts a new entry last (PAN-OS and Panorama API Guide, "Set Configuration"), so that pasted
 * entries may end up in another order than wanted. Rules are put in place with `move` ("Move
 * Configuration"): their order decides which one matches. Static routes and proxy IDs have no
 * order that matters to the firewall, but the configuration read back should be the one wanted:
 * those out of place are deleted and set again, last, in order.
 */
function inPlace(script: PasteScript, before: string, after: string): PasteScript {
  if (!addsEntries(script, before)) return script;
  const now = panosPaste.apply(before, script);
  if (!now.ok) return script;
  let lines = script.text.split('\n').filter((l) => l !== '');
  const had = new Set([...entryLists(loaded(before)).values()].flat().map(key));
  const want = entryLists(loaded(after));
  const got = entryLists(loaded(now.config));
  const late: string[][] = [];
  for (const [list, w] of want) {
    if (list === 'security' || list === 'nat') continue;
    late.push(...w.slice(samePrefix(got.get(list) ?? [], w)));
  }
  if (late.length > 0) {
    const moved = new Set(late.map(key));
    lines = lines.filter((l) => !((l.startsWith('set ') || l.startsWith('delete ')) && moved.has(entryOf(words(l)))));
    const wanted = new Map<string, string[]>();
    for (const l of after.split('\n').map((x) => x.trim())) {
      if (!l.startsWith('set ')) continue;
      const k = entryOf(words(l));
      if (moved.has(k)) wanted.set(k, [...(wanted.get(k) ?? []), l]);
    }
    for (const o of late) {
      if (had.has(key(o))) lines.push(['delete', ...o].join(' '));
      lines.push(...(wanted.get(key(o)) ?? []));
    }
  }
  for (const kind of ['security', 'nat'] as const) {
    const wantRules = want.get(kind) ?? [];
    const wanted = new Set(wantRules.map(key));
    const order = (got.get(kind) ?? []).filter((o) => wanted.has(key(o)));
    for (let i = 0; i < wantRules.length; i++) {
      const w = wantRules[i] as string[];
      if (key(order[i] ?? []) === key(w)) continue;
      lines.push(['move', ...w, i === 0 ? 'top' : `after ${(wantRules[i - 1] as string[])[3] as string}`].join(' '));
      const from = order.findIndex((o) => key(o) === key(w));
      if (from >= 0) order.splice(from, 1);
      order.splice(i, 0, w);
    }
  }
  return { ...script, text: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
}

export const panosPaste: VendorPaste = {
  keepsBoxNames: true,
  commands(before, after) {
    return inPlace(inOrder(withoutNestedDeletes(setStyleCommands(before, after, { ...RULES, shared: sharedIn(after) })), before, after), before, after);
  },

  apply(config, script) {
    const box = loaded(config);
    const lines = script.text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const line = (lines[n] as string).trim();
      if (comment(line)) continue;
      const ws = words(line);
      const verb = ws[0];
      let error: string | undefined;
      if (verb === 'set') {
        const as = panosAtoms(ws.slice(1));
        error = as ? box.set(as) : 'Invalid syntax.';
      } else if (verb === 'delete') {
        error = ws.length > 1 ? box.delete(ws.slice(1)) : 'Invalid syntax.';
      } else if (verb === 'move') {
        error = box.move(ws.slice(1));
      } else {
        error = `Unknown command: ${verb ?? ''}`;
      }
      if (error !== undefined) return { ok: false, line: n + 1, message: error } satisfies ApplyResult;
    }
    return { ok: true, config: box.text() };
  },
};
