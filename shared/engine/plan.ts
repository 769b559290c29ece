// One tunnel end: its proxy IDs as selectors, grouped into the children (SAs) the product
// negotiates, with the problems found on the way. Each distinct selector text is parsed and
// formatted once (a bounded memo shared by all ends and documents).
import type { EspProposal, Gateway, ProxyId, TunnelEnd } from '../model/document';
import { outsideInterfaceOf } from '../model/interfaces';
import { parseInterfaceAddress, type Family } from '../net/address';
import { contains, equals, formatSelector, fromRange, makeSelector, type Selector } from '../net/selector';
import type { SelectorBehaviour } from '../vendors/kit/profile';
import type { VendorModule } from '../vendors/kit/vendor-module';

/** A selector with its text in strongSwan notation (computed once). */
export interface PlannedSelector {
  readonly s: Selector;
  readonly text: string;
  /** `[this]` and `[text]`, built on first use and shared (frozen): most children have one selector each side. */
  one: readonly PlannedSelector[] | undefined;
  textOne: readonly string[] | undefined;
  /** The text has no address range `a-b` (then installed selectors print as proposed); filled on first use. */
  noRange: boolean | undefined;
}

export function sel(s: Selector, text?: string): PlannedSelector {
  return { s, text: text ?? formatSelector(s), one: undefined, textOne: undefined, noRange: undefined };
}

/** The one-selector list of `x`, shared by every child that has only `x` on that side. */
export function oneOf(x: PlannedSelector): readonly PlannedSelector[] {
  return (x.one ??= Object.freeze([x]));
}

/** `[x.text]`, shared by the reports of every child that has only `x` on that side (frozen). */
export function textOneOf(x: PlannedSelector): string[] {
  return (x.textOne ??= Object.freeze([x.text])) as string[];
}

export interface ChildPlan {
  name: string;
  /** Indexes into the end's proxyIds (empty for the vendor default). Typed as the report's list; shared (frozen) when one index. */
  proxyIdIndexes: number[];
  local: readonly PlannedSelector[];
  remote: readonly PlannedSelector[];
  isDefault: boolean;
  /** The child's own ESP proposals (from its first proxy ID that has them), else undefined: the end's. */
  esp?: EspProposal[];
  /**
   * The selectors without those contained in another of the same list: what strongSwan's
   * `get_traffic_selectors` returns, and so what its config score counts (a range next to
   * 0.0.0.0/0 does not score). Verified on charon 5.9.8 (oracle case gen-31).
   */
  localReduced?: readonly PlannedSelector[];
  remoteReduced?: readonly PlannedSelector[];
}

/** The child's selectors without contained ones, computed on first use. */
export function reducedOf(c: ChildPlan): { local: readonly PlannedSelector[]; remote: readonly PlannedSelector[] } {
  c.localReduced ??= dropRedundant(c.local);
  c.remoteReduced ??= dropRedundant(c.remote);
  return { local: c.localReduced, remote: c.remoteReduced };
}

/** Drops duplicates and selectors contained in another selector of the list (the broader one stays). */
export function dropRedundant<L extends readonly PlannedSelector[]>(list: L): L | PlannedSelector[] {
  if (list.length <= 1) return list;
  const out: PlannedSelector[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as PlannedSelector;
    let redundant = false;
    for (let j = 0; j < list.length; j++) {
      if (i === j) continue;
      const b = list[j] as PlannedSelector;
      if (contains(b.s, a.s) && (!equals(a.s, b.s) || j < i)) {
        redundant = true;
        break;
      }
    }
    if (!redundant) out.push(a);
  }
  return out.length === list.length ? list : out;
}

function child(name: string, proxyIdIndexes: number[], local: readonly PlannedSelector[], remote: readonly PlannedSelector[], isDefault: boolean, esp?: EspProposal[]): ChildPlan {
  // Every field present from the start: one object shape for all children.
  return { name, proxyIdIndexes, local, remote, isDefault, esp, localReduced: undefined, remoteReduced: undefined };
}

const INDEX_NAMES: string[] = [];
const INDEX_LISTS: number[][] = [];
/** `#3` for proxy ID index 2 (unnamed proxy IDs), built once per index. */
function indexName(i: number): string {
  return (INDEX_NAMES[i] ??= `#${i + 1}`);
}
/** `[i]`, shared by every child made of proxy ID i alone (frozen). */
function indexList(i: number): number[] {
  return (INDEX_LISTS[i] ??= Object.freeze([i]) as number[]);
}

function ownEsp(p: ProxyId | undefined): EspProposal[] | undefined {
  return p && Array.isArray(p.espProposals) && p.espProposals.length > 0 ? p.espProposals : undefined;
}

export interface PlanProblem {
  code: 'INVALID_SELECTOR' | 'MIXED_ADDRESS_FAMILIES' | 'SINGLE_PROXY_ID_ONLY';
  proxyIdIndex: number;
  message: string;
}

export interface TunnelEndPlan {
  behaviour: SelectorBehaviour;
  /** Children as configured (responder configs, initiator proposals), in order. */
  children: ChildPlan[];
  problems: PlanProblem[];
  /** The IKE address of this end, when its outside interface has one. */
  ikeAddress?: { family: Family; value: bigint; text: string };
}

const MEMO_LIMIT = 200_000;

const ANY4 = sel(fromRange({ family: 4, from: 0n, to: 0xffffffffn }), '0.0.0.0/0');

/**
 * Parsed selectors by their text: a hub repeats the same local networks on every tunnel, so each
 * distinct text is parsed and formatted once. Values are immutable; the memo is bounded.
 */
type Parsed = { ok: true; value: PlannedSelector } | { ok: false; message: string };
const memo = new Map<string, Parsed>();

/**
 * The last key and result seen at each proxy ID position, per side (local, remote) of the last
 * end planned. A hub repeats its local networks in the same order on every tunnel and its peer
 * mirrors them, so the same text usually sits at the same position of the previous end: comparing
 * two short strings is cheaper than hashing a new one into the memo (documents loaded or copied
 * have new string objects).
 */
const RECENT = 256;
const recentKey: (string | undefined)[][] = [new Array<string | undefined>(RECENT).fill(undefined), new Array<string | undefined>(RECENT).fill(undefined)];
const recentValue: (Parsed | undefined)[][] = [new Array<Parsed | undefined>(RECENT).fill(undefined), new Array<Parsed | undefined>(RECENT).fill(undefined)];

function parsedSel(address: unknown, protocol: unknown, port: unknown, position = -1, side: 0 | 1 = 0): Parsed {
  const proto = typeof protocol === 'number' || typeof protocol === 'string' ? protocol : 'any';
  // The common case (any protocol, any port) is keyed by the address alone: no string building.
  const plain = typeof address === 'string' && (proto === 'any' || proto === 0) && (port === undefined || port === 'any');
  const key = plain ? address : `${String(address ?? '')}|${String(proto)}|${String(port ?? 'any')}`;
  const slot = position >= 0 && position < RECENT ? position : -1;
  if (slot >= 0) {
    if (recentKey[0]?.[slot] === key) return recentValue[0]?.[slot] as Parsed;
    if (recentKey[1]?.[slot] === key) return recentValue[1]?.[slot] as Parsed;
  }
  let out = memo.get(key);
  if (!out) {
    const r = makeSelector(String(address ?? ''), proto, String(port ?? 'any'));
    out = r.ok ? { ok: true as const, value: sel(r.value) } : r;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, out);
  }
  if (slot >= 0) {
    (recentKey[side] as (string | undefined)[])[slot] = key;
    (recentValue[side] as (Parsed | undefined)[])[slot] = out;
  }
  return out;
}

const addressMemo = new Map<string, TunnelEndPlan['ikeAddress'] | null>();

export function ikeAddressOf(gateway: Gateway, end: TunnelEnd): TunnelEndPlan['ikeAddress'] {
  // The address of the interface the exporters write (shared/model/interfaces.ts): the one the end
  // names, or the default one; never another interface's address when the named one has none or
  // does not exist (that would negotiate from an address the configuration does not use).
  const outside = outsideInterfaceOf(gateway, end);
  const text = outside.status === 'named' || outside.status === 'default' ? outside.iface.address : undefined;
  if (!text) return undefined;
  const hit = addressMemo.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const r = parseInterfaceAddress(text);
  const out = r.ok ? { family: r.value.family, value: r.value.address, text: text.slice(0, text.indexOf('/')) } : undefined;
  if (addressMemo.size >= MEMO_LIMIT) addressMemo.clear();
  addressMemo.set(text, out ?? null);
  return out;
}

function hostSel(a: NonNullable<TunnelEndPlan['ikeAddress']>): PlannedSelector {
  return sel(fromRange({ family: a.family, from: a.value, to: a.value }));
}

/**
 * The end's plan, built for each computation. Plans are not kept per end object: the selectors
 * themselves come from the text memo above, so building a plan again costs little, while keeping
 * one per end (a WeakMap entry and its children for every end of a large document) made every
 * full recompute slower through the garbage collector (bench/engine.bench.ts).
 */
export function planEnd(end: TunnelEnd, gateway: Gateway, peer: Gateway, peerEnd: TunnelEnd, vendor: VendorModule): TunnelEndPlan {
  return buildPlan(end, gateway, peer, peerEnd, vendor);
}

function endPlan(behaviour: SelectorBehaviour, children: ChildPlan[], problems: PlanProblem[], ikeAddress: TunnelEndPlan['ikeAddress']): TunnelEndPlan {
  const plan: TunnelEndPlan = { behaviour, children, problems };
  if (ikeAddress) plan.ikeAddress = ikeAddress;
  return plan;
}

function someNamed(proxyIds: readonly ProxyId[]): boolean {
  for (let i = 0; i < proxyIds.length; i++) {
    const name = (proxyIds[i] as ProxyId).name;
    if (typeof name === 'string' && name !== '') return true;
  }
  return false;
}

function buildPlan(end: TunnelEnd, gateway: Gateway, peer: Gateway, peerEnd: TunnelEnd, vendor: VendorModule): TunnelEndPlan {
  const behaviour = vendor.profile.selectors({ gateway, end });
  const maxProxyIds = vendor.capabilities.proxyIdLimit?.(gateway, end)?.max;
  const problems: PlanProblem[] = [];
  const ikeAddress = ikeAddressOf(gateway, end);
  const proxyIds: ProxyId[] = Array.isArray(end.proxyIds) ? end.proxyIds : [];
  const pairs: { index: number; name: string; local: PlannedSelector; remote: PlannedSelector }[] = [];
  // Without grouping by name each usable proxy ID is its own child, made right away; grouping
  // changes nothing when no proxy ID has a name (each unnamed one is its own group, in order).
  const children: ChildPlan[] = [];
  const direct = !behaviour.groupByName || !someNamed(proxyIds);
  for (let index = 0; index < proxyIds.length; index++) {
    const p = proxyIds[index] as ProxyId;
    if (maxProxyIds !== undefined && index >= maxProxyIds) {
      problems.push({ code: 'SINGLE_PROXY_ID_ONLY', proxyIdIndex: index, message: `${vendor.identity.label} ${gateway.osVersion || ''} uses at most ${maxProxyIds} proxy ID${maxProxyIds === 1 ? '' : 's'} per VPN; proxy ID ${index + 1} is ignored.` });
      continue;
    }
    // The proxy ID's two selectors (memo results: nothing allocated when seen before).
    const pl = parsedSel(p.local, p.protocol ?? 'any', p.localPort, index, 0);
    const pr = pl.ok ? parsedSel(p.remote, p.remoteProtocol ?? p.protocol ?? 'any', p.remotePort, index, 1) : pl;
    if (!pl.ok || !pr.ok) {
      const message = !pl.ok ? `local selector: ${pl.message}` : !pr.ok ? `remote selector: ${pr.message}` : '';
      problems.push({ code: 'INVALID_SELECTOR', proxyIdIndex: index, message: `Proxy ID ${index + 1}${p.name ? ` (${p.name})` : ''}: ${message}` });
      continue;
    }
    const local = pl.value;
    const remote = pr.value;
    const name = typeof p.name === 'string' ? p.name : '';
    // A named strongSwan child is two selector lists, not pairs: a local of one family beside a
    // remote of the other only adds each to its list (charon narrows TSi and TSr independently).
    const listsOnly = !direct && name !== '';
    if (local.s.family !== remote.s.family && !listsOnly) {
      problems.push({ code: 'MIXED_ADDRESS_FAMILIES', proxyIdIndex: index, message: `Proxy ID ${index + 1}${p.name ? ` (${p.name})` : ''} pairs an IPv${local.s.family} local with an IPv${remote.s.family} remote; one SA carries one address family.` });
      continue;
    }
    if (direct) children.push(child(name === '' ? indexName(index) : name, indexList(index), oneOf(local), oneOf(remote), false, ownEsp(p)));
    else pairs.push({ index, name, local, remote });
  }

  if (children.length === 0 && pairs.length === 0) {
    if (proxyIds.length === 0 || problems.length > 0) {
      if (proxyIds.length === 0) {
        if (behaviour.defaultSelector === 'any') {
          children.push(child('default', [], [ANY4], [ANY4], true));
        } else if (behaviour.defaultSelector === 'ike-addresses') {
          const peerAddress = ikeAddressOf(peer, peerEnd);
          if (ikeAddress && peerAddress && ikeAddress.family === peerAddress.family) {
            children.push(child('default', [], [hostSel(ikeAddress)], [hostSel(peerAddress)], true));
          } else {
            children.push(child('default', [], [ANY4], [ANY4], true));
          }
        }
      }
    }
    return endPlan(behaviour, children, problems, ikeAddress);
  }

  if (!direct) {
    const byName = new Map<string, { name: string; proxyIdIndexes: number[]; local: PlannedSelector[]; remote: PlannedSelector[] }>();
    for (const p of pairs) {
      const key = p.name === '' ? `#${p.index}` : p.name;
      let g = byName.get(key);
      if (!g) {
        g = { name: p.name === '' ? `#${p.index + 1}` : p.name, proxyIdIndexes: [], local: [], remote: [] };
        byName.set(key, g);
      }
      g.proxyIdIndexes.push(p.index);
      if (!g.local.some((x) => x.text === p.local.text)) g.local.push(p.local);
      if (!g.remote.some((x) => x.text === p.remote.text)) g.remote.push(p.remote);
    }
    for (const g of byName.values()) {
      let esp: EspProposal[] | undefined;
      for (const i of g.proxyIdIndexes) if ((esp = ownEsp(proxyIds[i])) !== undefined) break;
      // A group of one proxy ID (the usual case) shares the one-element lists.
      const single = g.proxyIdIndexes.length === 1;
      const local = g.local.length === 1 ? oneOf(g.local[0] as PlannedSelector) : behaviour.dropContainedSelectors ? dropRedundant(g.local) : g.local;
      const remote = g.remote.length === 1 ? oneOf(g.remote[0] as PlannedSelector) : behaviour.dropContainedSelectors ? dropRedundant(g.remote) : g.remote;
      children.push(child(g.name, single ? indexList(g.proxyIdIndexes[0] as number) : g.proxyIdIndexes, local, remote, false, esp));
    }
  }
  return endPlan(behaviour, children, problems, ikeAddress);
}
