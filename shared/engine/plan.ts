// One tunnel end, parsed once: its proxy IDs as selectors, grouped into the children (SAs) the
// product negotiates, with the problems found on the way. Cached per TunnelEnd object, so an
// unchanged end (immer keeps it identical) is never parsed again.
import type { EspProposal, Gateway, ProxyId, TunnelEnd } from '../model/document';
import { parseInterfaceAddress, type Family } from '../net/address';
import { asIkev1Id, contains, equals, formatSelector, fromRange, makeSelector, type Selector } from '../net/selector';
import type { SelectorBehaviour, VendorProfile } from '../vendors/profile';

/** A selector with its text in strongSwan notation (computed once). */
export interface Sel {
  readonly s: Selector;
  readonly text: string;
}

export function sel(s: Selector, text?: string): Sel {
  return { s, text: text ?? formatSelector(s) };
}

/** Texts of a child's selectors as the report shows them, computed once (immutable, shared by reports). */
export interface ChildTexts {
  proposed: { local: string; remote: string };
  v1: { local: string[]; remote: string[] };
  v2: { local: string[]; remote: string[] };
  /** The first selectors alone, as IKEv1 identification payloads carry them (one port, not a range). */
  v1Local: Sel[];
  v1Remote: Sel[];
}

export interface Child {
  name: string;
  /** Indexes into the end's proxyIds (empty for the vendor default). */
  proxyIdIndexes: number[];
  local: Sel[];
  remote: Sel[];
  isDefault: boolean;
  /** Filled on first use (only initiators need them): use `textsOf(child)`. */
  texts?: ChildTexts;
  /** The child's own ESP proposals (from its first proxy ID that has them), else undefined: the end's. */
  esp?: EspProposal[];
  /**
   * The selectors without those contained in another of the same list: what strongSwan's
   * `get_traffic_selectors` returns, and so what its config score counts (a range next to
   * 0.0.0.0/0 does not score). Verified on charon 5.9.8 (oracle case gen-31).
   */
  localReduced?: Sel[];
  remoteReduced?: Sel[];
}

/** The child's selectors without contained ones, computed on first use. */
export function reducedOf(c: Child): { local: Sel[]; remote: Sel[] } {
  c.localReduced ??= dropRedundant(c.local);
  c.remoteReduced ??= dropRedundant(c.remote);
  return { local: c.localReduced, remote: c.remoteReduced };
}

/** Drops duplicates and selectors contained in another selector of the list (the broader one stays). */
export function dropRedundant(list: Sel[]): Sel[] {
  if (list.length <= 1) return list;
  const out: Sel[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Sel;
    let redundant = false;
    for (let j = 0; j < list.length; j++) {
      if (i === j) continue;
      const b = list[j] as Sel;
      if (contains(b.s, a.s) && (!equals(a.s, b.s) || j < i)) {
        redundant = true;
        break;
      }
    }
    if (!redundant) out.push(a);
  }
  return out.length === list.length ? list : out;
}

function idSel(x: Sel): Sel {
  const id = asIkev1Id(x.s);
  return id === x.s ? x : sel(id);
}

export function textsOf(c: Child): ChildTexts {
  return (c.texts ??= buildTexts(c.local, c.remote));
}

function buildTexts(local: Sel[], remote: Sel[]): ChildTexts {
  const l = local[0] as Sel;
  const r = remote[0] as Sel;
  const li = idSel(l);
  const ri = idSel(r);
  const v2single = { local: [l.text], remote: [r.text] };
  const v1 = li === l && ri === r ? v2single : { local: [li.text], remote: [ri.text] };
  return {
    proposed: { local: l.text, remote: r.text },
    v1,
    v2: local.length === 1 && remote.length === 1 ? v2single : { local: local.map((x) => x.text), remote: remote.map((x) => x.text) },
    v1Local: local.length === 1 && li === l ? local : [li],
    v1Remote: remote.length === 1 && ri === r ? remote : [ri],
  };
}

function child(name: string, proxyIdIndexes: number[], local: Sel[], remote: Sel[], isDefault: boolean, esp?: EspProposal[]): Child {
  const c: Child = { name, proxyIdIndexes, local, remote, isDefault };
  if (esp) c.esp = esp;
  return c;
}

function ownEsp(p: ProxyId | undefined): EspProposal[] | undefined {
  return p && Array.isArray(p.espProposals) && p.espProposals.length > 0 ? p.espProposals : undefined;
}

export interface PlanProblem {
  code: 'INVALID_SELECTOR' | 'MIXED_ADDRESS_FAMILIES' | 'SINGLE_PROXY_ID_ONLY';
  proxyIdIndex: number;
  message: string;
}

export interface EndPlan {
  behaviour: SelectorBehaviour;
  /** Children as configured (responder configs, initiator proposals), in order. */
  children: Child[];
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
const memo = new Map<string, { ok: true; value: Sel } | { ok: false; message: string }>();

function parsedSel(address: unknown, protocol: unknown, port: unknown): { ok: true; value: Sel } | { ok: false; message: string } {
  const proto = typeof protocol === 'number' || typeof protocol === 'string' ? protocol : 'any';
  // The common case (any protocol, any port) is keyed by the address alone: no string building.
  const plain = typeof address === 'string' && (proto === 'any' || proto === 0) && (port === undefined || port === 'any');
  const key = plain ? address : `${String(address ?? '')}|${String(proto)}|${String(port ?? 'any')}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const r = makeSelector(String(address ?? ''), proto, String(port ?? 'any'));
  const out = r.ok ? { ok: true as const, value: sel(r.value) } : r;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, out);
  return out;
}

function proxyIdSelectors(p: ProxyId): { ok: true; local: Sel; remote: Sel } | { ok: false; message: string } {
  const local = parsedSel(p.local, p.protocol ?? 'any', p.localPort);
  if (!local.ok) return { ok: false, message: `local selector: ${local.message}` };
  const remote = parsedSel(p.remote, p.remoteProtocol ?? p.protocol ?? 'any', p.remotePort);
  if (!remote.ok) return { ok: false, message: `remote selector: ${remote.message}` };
  return { ok: true, local: local.value, remote: remote.value };
}

const addressMemo = new Map<string, EndPlan['ikeAddress'] | null>();

export function ikeAddressOf(gateway: Gateway, end: TunnelEnd): EndPlan['ikeAddress'] {
  const interfaces = Array.isArray(gateway.interfaces) ? gateway.interfaces : [];
  const iface = interfaces.find((i) => i.name === end.outsideInterface && i.address) ?? interfaces.find((i) => i.kind === 'physical' && i.address);
  const text = iface?.address;
  if (!text) return undefined;
  const hit = addressMemo.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const r = parseInterfaceAddress(text);
  const out = r.ok ? { family: r.value.family, value: r.value.address, text: text.slice(0, text.indexOf('/')) } : undefined;
  if (addressMemo.size >= MEMO_LIMIT) addressMemo.clear();
  addressMemo.set(text, out ?? null);
  return out;
}

function hostSel(a: NonNullable<EndPlan['ikeAddress']>): Sel {
  return sel(fromRange({ family: a.family, from: a.value, to: a.value }));
}

interface CacheEntry {
  gateway: Gateway;
  peer: Gateway;
  /** The default selectors (strongSwan `dynamic`) depend on the peer end's outside interface. */
  peerEnd: TunnelEnd;
  profile: VendorProfile;
  plan: EndPlan;
}
const cache = new WeakMap<TunnelEnd, CacheEntry>();

export function planEnd(end: TunnelEnd, gateway: Gateway, peer: Gateway, peerEnd: TunnelEnd, profile: VendorProfile): EndPlan {
  const hit = cache.get(end);
  if (hit && hit.gateway === gateway && hit.peer === peer && hit.profile === profile && (hit.peerEnd === peerEnd || hit.peerEnd.outsideInterface === peerEnd.outsideInterface)) return hit.plan;
  const plan = buildPlan(end, gateway, peer, peerEnd, profile);
  cache.set(end, { gateway, peer, peerEnd, profile, plan });
  return plan;
}

function buildPlan(end: TunnelEnd, gateway: Gateway, peer: Gateway, peerEnd: TunnelEnd, profile: VendorProfile): EndPlan {
  const behaviour = profile.selectors({ gateway, end });
  const problems: PlanProblem[] = [];
  const ikeAddress = ikeAddressOf(gateway, end);
  const proxyIds: ProxyId[] = Array.isArray(end.proxyIds) ? end.proxyIds : [];
  const pairs: { index: number; name: string; local: Sel; remote: Sel }[] = [];
  proxyIds.forEach((p, index) => {
    if (behaviour.maxProxyIds !== undefined && index >= behaviour.maxProxyIds) {
      problems.push({ code: 'SINGLE_PROXY_ID_ONLY', proxyIdIndex: index, message: `${profile.label} ${gateway.osVersion || ''} uses at most ${behaviour.maxProxyIds} proxy ID${behaviour.maxProxyIds === 1 ? '' : 's'} per VPN; proxy ID ${index + 1} is ignored.` });
      return;
    }
    const r = proxyIdSelectors(p);
    if (!r.ok) {
      problems.push({ code: 'INVALID_SELECTOR', proxyIdIndex: index, message: `Proxy ID ${index + 1}${p.name ? ` (${p.name})` : ''}: ${r.message}` });
      return;
    }
    if (r.local.s.family !== r.remote.s.family) {
      problems.push({ code: 'MIXED_ADDRESS_FAMILIES', proxyIdIndex: index, message: `Proxy ID ${index + 1}${p.name ? ` (${p.name})` : ''} pairs an IPv${r.local.s.family} local with an IPv${r.remote.s.family} remote; one SA carries one address family.` });
      return;
    }
    pairs.push({ index, name: typeof p.name === 'string' ? p.name : '', local: r.local, remote: r.remote });
  });

  const children: Child[] = [];
  if (pairs.length === 0) {
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
    return { behaviour, children, problems, ...(ikeAddress ? { ikeAddress } : {}) };
  }

  if (behaviour.groupByName) {
    const byName = new Map<string, { name: string; proxyIdIndexes: number[]; local: Sel[]; remote: Sel[] }>();
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
      const esp = g.proxyIdIndexes.map((i) => ownEsp(proxyIds[i])).find((e) => e !== undefined);
      const local = behaviour.dropContainedSelectors ? dropRedundant(g.local) : g.local;
      const remote = behaviour.dropContainedSelectors ? dropRedundant(g.remote) : g.remote;
      children.push(child(g.name, g.proxyIdIndexes, local, remote, false, esp));
    }
  } else {
    for (const p of pairs) children.push(child(p.name === '' ? `#${p.index + 1}` : p.name, [p.index], [p.local], [p.remote], false, ownEsp(proxyIds[p.index])));
  }
  return { behaviour, children, problems, ...(ikeAddress ? { ikeAddress } : {}) };
}
