// From configurations to a topology: what each product's reader understood of a box's files
// (shared/vendors/kit/reader.ts) becomes a gateway, the networks behind it and its tunnels, and
// tunnels are paired across boxes by their IKE addresses (or, with NAT in between, by the
// identities each end sends and expects). A peer whose configuration was not given becomes an
// external gateway with the settings its tunnel needs, for the user to check and fill in.
import { documentOf, idAllocator, namer, newGateway } from '../document/factory';
import type { EspProposal, Gateway, GatewayId, IkeProposal, Interface, Network, NetworkId, ProxyId, TopologyDocument, Tunnel, TunnelEnd, TunnelId, Vendor } from '../model/document';
import { LIMITS } from '../model/text';
import { formatRange, parseInterfaceAddress, parseIp, parsePrefix } from '../net/address';
import { isIcmp, parseSelector, protocolName, type Selector } from '../net/selector';
import type { ChildMeaning, ConfigMeaning, LineAccount, PeerMeaning, ProposalMeaning } from '../vendors/kit/reader';
import { GENERIC_VENDOR, vendorModule } from '../vendors/registry';

/** One box's configuration as its product's reader understood it. */
export interface ImportedDevice {
  /** What the user calls it when the file has no hostname: the file's name. */
  label: string;
  vendor: Vendor;
  meaning: ConfigMeaning;
  lines: LineAccount;
}

export interface AssembleOptions {
  /** Keep pre-shared keys found in clear in the files (default: placeholders, as exports do). */
  includeSecrets?: boolean;
  name?: string;
  /**
   * The device (by its place among the devices) that initiates the tunnels it ends, unless its end
   * only answers (a dynamic crypto map, passive mode). Absent: the end that does not only answer,
   * else the first device's.
   */
  initiator?: number;
}

export type PairedBy = 'addresses' | 'identities' | 'selectors';

/** What became of each peer: paired with another imported box, or an external gateway to fill in. */
export interface PeerOutcome {
  device: string;
  peer: string;
  tunnel: string;
  pairedWith?: string;
  external?: string;
  /** How the pair was found: `selectors` when one box's file does not say its own address and only one box mirrors the other's traffic selectors. */
  by?: PairedBy;
}

export interface AssembleResult {
  document: TopologyDocument;
  peers: PeerOutcome[];
}

const DEFAULT_KEY_NOTE = 'Imported: the configuration of this peer was not given. Its settings mirror what the imported end expects; check them against the real box.';

const ikeProposals = (ps: readonly ProposalMeaning[]): IkeProposal[] =>
  ps.filter((p) => p.encryption.length > 0 && p.integrity.length > 0 && p.dhGroups.length > 0).map((p) => ({ encryption: [...p.encryption], integrity: [...p.integrity], dhGroups: [...p.dhGroups] }));
const espProposals = (ps: readonly ProposalMeaning[]): EspProposal[] =>
  ps.filter((p) => p.encryption.length > 0).map((p) => ({ encryption: [...p.encryption], integrity: p.integrity.length > 0 ? [...p.integrity] : ['none'], dhGroups: [...p.dhGroups] }));

function identity(text: string | undefined): TunnelEnd['auth']['localId'] {
  if (!text) return undefined;
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (!['address', 'fqdn', 'user-fqdn', 'dn', 'key-id'].includes(type) || value === '') return undefined;
  return { type, value } as NonNullable<TunnelEnd['auth']['localId']>;
}

/** A selector's port range as the document writes it; ICMP's type and code as the product means them. */
function portText(s: Selector): string {
  if (s.portFrom === 0 && s.portTo === 65535) return 'any';
  if (isIcmp(s.protocol)) {
    const type = s.portFrom >> 8;
    if ((s.portFrom & 255) === 0 && s.portTo === ((type << 8) | 255)) return String(type);
    // The document reads a lone number below 256 as a type with any code: one value is written as a range.
    if (s.portFrom === s.portTo && s.portFrom < 256) return `${s.portFrom}-${s.portTo}`;
  }
  return s.portFrom === s.portTo ? String(s.portFrom) : `${s.portFrom}-${s.portTo}`;
}

function protocolOf(n: number): ProxyId['protocol'] {
  if (n === 0) return 'any';
  const name = protocolName(n) === 'ipv6-icmp' ? 'icmpv6' : protocolName(n);
  return (['icmp', 'tcp', 'udp', 'gre', 'esp', 'ah', 'icmpv6', 'ospf', 'sctp'] as const).find((x) => x === name) ?? n;
}

const sameAsEnd = new WeakMap<readonly EspProposal[], readonly ProposalMeaning[]>();

/** A child as a proxy ID; undefined when its selectors are not in strongSwan notation (a reader bug). */
function proxyIdOf(child: ChildMeaning, endEsp: readonly EspProposal[]): ProxyId | undefined {
  const l = parseSelector(child.local);
  const r = parseSelector(child.remote);
  if (!l.ok || !r.ok) return undefined;
  const own = espProposals(child.esp.proposals);
  // Readers share one proposal list among a tunnel's children: compare each list once per end.
  const differs = own.length > 0 && child.esp.proposals !== sameAsEnd.get(endEsp) && JSON.stringify(own) !== JSON.stringify(endEsp);
  if (!differs) sameAsEnd.set(endEsp, child.esp.proposals);
  return {
    name: child.name ?? '',
    local: formatRange(l.value, '-'),
    remote: formatRange(r.value, '-'),
    protocol: protocolOf(l.value.protocol),
    ...(r.value.protocol !== l.value.protocol ? { remoteProtocol: protocolOf(r.value.protocol) } : {}),
    localPort: portText(l.value),
    remotePort: portText(r.value),
    ...(differs ? { espProposals: own } : {}),
  };
}

const addressOnly = (a: string | undefined) => a?.split('/')[0];

/** Every IKE address a device can be reached on: the peers' local addresses and its interfaces'. */
function addressesOf(device: ImportedDevice): Set<string> {
  const out = new Set<string>();
  for (const p of device.meaning.peers) if (p.localAddress) out.add(p.localAddress);
  for (const i of device.meaning.device?.interfaces ?? []) {
    const a = addressOnly(i.address);
    if (a && i.kind !== 'tunnel') out.add(a);
  }
  return out;
}

/**
 * Who owns which IKE address, indexed so a 2,000-box import pairs in linear time: the device
 * whose file says the address, or else (an export or a fragment that does not write the box's
 * own address) the only device with no address known yet that has no peer at that address, since
 * a box does not peer with itself.
 */
class Owners {
  private readonly known = new Map<string, number>();
  /** Devices that peer with an address. */
  private readonly peering = new Map<string, Set<number>>();
  private readonly unknown = new Set<number>();
  constructor(devices: readonly ImportedDevice[], addresses: readonly Set<string>[]) {
    addresses.forEach((set, i) => {
      if (set.size === 0) this.unknown.add(i);
      for (const a of set) if (!this.known.has(a)) this.known.set(a, i);
    });
    devices.forEach((d, i) => {
      for (const p of d.meaning.peers) {
        // A dynamic peer (a dynamic crypto map's, remote_addrs = %any) peers with no address in particular.
        if (p.remoteAddress === '') continue;
        let s = this.peering.get(p.remoteAddress);
        if (!s) this.peering.set(p.remoteAddress, (s = new Set()));
        s.add(i);
      }
    });
  }

  isKnown(address: string): boolean {
    return this.known.has(address);
  }

  /** The device's file says none of its addresses, and no pair has taught one yet. */
  isUnknown(device: number): boolean {
    return this.unknown.has(device);
  }

  learn(device: number, address: string): void {
    if (address === '') return;
    if (!this.known.has(address)) this.known.set(address, device);
    this.unknown.delete(device);
  }

  ownerOf(address: string, not: number): number | undefined {
    const known = this.known.get(address);
    if (known !== undefined) return known === not ? undefined : known;
    const peering = this.peering.get(address) ?? new Set<number>();
    let excluded = this.unknown.has(not) && !peering.has(not) ? 1 : 0;
    for (const i of peering) if (this.unknown.has(i)) excluded++;
    if (this.unknown.size - excluded !== 1) return undefined;
    for (const i of this.unknown) if (i !== not && !peering.has(i)) return i;
    return undefined;
  }
}

/** The other device's peer that is the far end of `peer` of device `di`, by addresses both ways, or by identities (NAT between them). */
function findPair(devices: readonly ImportedDevice[], owners: Owners, byIdentity: Map<string, { dj: number; pj: number }[]>, used: readonly boolean[][], di: number, peer: PeerMeaning): { dj: number; pj: number; by: PairedBy } | undefined {
  // A dynamic peer is found from the other side: the box that peers with this one's address.
  const dj = peer.remoteAddress === '' ? undefined : owners.ownerOf(peer.remoteAddress, di);
  if (dj !== undefined) {
    const theirs = (devices[dj] as ImportedDevice).meaning.peers;
    const back = (q: PeerMeaning, k: number) => !used[dj]?.[k] && q.remoteAddress !== '' && owners.ownerOf(q.remoteAddress, dj) === di;
    const pj = theirs.findIndex((q, k) => q.ikeVersion === peer.ikeVersion && back(q, k));
    const any = pj >= 0 ? pj : theirs.findIndex(back);
    if (any >= 0) return { dj, pj: any, by: 'addresses' };
    // Else a dynamic peer of that box (it answers anyone): the one whose selectors mirror this peer's, else the only one of this IKE version.
    const dynamic = theirs.map((q, k) => ({ q, k })).filter(({ q, k }) => !used[dj]?.[k] && q.remoteAddress === '' && q.ikeVersion === peer.ikeVersion);
    const mine = selectorKey(peer, false);
    const mirrored = dynamic.filter(({ q }) => mine !== undefined && selectorKey(q, true) === mine);
    const hit = mirrored.length === 1 ? mirrored[0] : dynamic.length === 1 ? dynamic[0] : undefined;
    if (hit) return { dj, pj: hit.k, by: 'addresses' };
  }
  // With NAT between them: each expects the identity the other sends (an identity configured on one side at least).
  const wanted = byIdentity.get(`${expectedId(peer)}\n${sentId(peer) ?? ''}`) ?? [];
  const hit = wanted.find((c) => c.dj !== di && !used[c.dj]?.[c.pj] && (peer.auth.remoteId !== undefined || ((devices[c.dj] as ImportedDevice).meaning.peers[c.pj] as PeerMeaning).auth.remoteId !== undefined));
  return hit ? { ...hit, by: 'identities' } : undefined;
}

/** A peer's selectors as "local>remote" pairs, sorted (mirrored: as the far end writes them); undefined when there are none to tell boxes apart. */
function selectorKey(p: PeerMeaning, mirrored: boolean): string | undefined {
  if (p.children.length === 0 || p.children.every((c) => c.implicit)) return undefined;
  return p.children.map((c) => (mirrored ? `${c.remote}>${c.local}` : `${c.local}>${c.remote}`)).sort().join(' ');
}

/**
 * The far end of `peer` when neither addresses nor identities say it: a box whose file does not
 * say its own address (an ASA or a swanctl.conf that leaves it to the interface), with a peer at
 * one of this box's addresses whose selectors are this peer's mirrored, and the only such one.
 */
function pairBySelectors(bySelectors: Map<string, { dj: number; pj: number }[]>, owners: Owners, addresses: readonly Set<string>[], used: readonly boolean[][], devices: readonly ImportedDevice[], di: number, peer: PeerMeaning): { dj: number; pj: number } | undefined {
  if (peer.remoteAddress === '' || owners.isKnown(peer.remoteAddress)) return undefined;
  const key = selectorKey(peer, false);
  if (key === undefined) return undefined;
  const mine = addresses[di] as Set<string>;
  const hits = (bySelectors.get(key) ?? []).filter((c) => {
    if (c.dj === di || used[c.dj]?.[c.pj] || !owners.isUnknown(c.dj)) return false;
    const q = (devices[c.dj] as ImportedDevice).meaning.peers[c.pj] as PeerMeaning;
    return q.ikeVersion === peer.ikeVersion && (mine.size === 0 || mine.has(q.remoteAddress));
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** The identity a peer sends: the one configured, or its IKE address. */
const sentId = (p: PeerMeaning) => p.auth.localId ?? (p.localAddress ? `address:${p.localAddress}` : undefined);
const expectedId = (p: PeerMeaning) => p.auth.remoteId ?? `address:${p.remoteAddress}`;

/** The gateway a device becomes; its interfaces as the file has them, plus the IKE address when no interface carries it. */
function gatewayOf(device: ImportedDevice, id: string, name: string, position: { x: number; y: number }): Gateway {
  const module = vendorModule(device.vendor);
  const base = newGateway({ id, name, vendor: device.vendor, position });
  const d = device.meaning.device;
  const interfaces: Interface[] = d && d.interfaces.length > 0 ? d.interfaces.map((i) => ({ ...i })) : [];
  for (const p of device.meaning.peers) {
    const wanted = p.outsideInterface ?? (interfaces.find((i) => i.kind === 'physical')?.name ?? module.identity.defaults.outsideInterface);
    const has = interfaces.find((i) => i.name === wanted);
    if (!has) interfaces.push({ name: wanted, kind: 'physical', zone: 'untrust', ...(p.localAddress ? { address: `${p.localAddress}/${p.localAddress.includes(':') ? 128 : 32}` } : {}) });
    else if (!has.address && p.localAddress) has.address = `${p.localAddress}/${p.localAddress.includes(':') ? 128 : 32}`;
    if (p.tunnelInterface && !interfaces.some((i) => i.name === p.tunnelInterface)) interfaces.push({ name: p.tunnelInterface, kind: 'tunnel' });
  }
  const routeBased = device.meaning.peers.some((p) => p.tunnelInterface !== undefined || p.routes.length > 0);
  // Tunnels that share a tunnel interface may share its route list (a hub's tunnel.1): each list once per interface.
  const listed = new Map<string, Set<readonly string[]>>();
  const routes = d?.routes ?? device.meaning.peers.flatMap((p) => {
    if (!p.tunnelInterface) return [];
    const lists = listed.get(p.tunnelInterface) ?? new Set();
    listed.set(p.tunnelInterface, lists);
    if (lists.has(p.routes)) return [];
    lists.add(p.routes);
    return p.routes.map((destination) => ({ destination, interface: p.tunnelInterface as string }));
  });
  return {
    ...base,
    model: d?.model ?? base.model,
    osVersion: d?.osVersion ?? base.osVersion,
    vpnType: d?.vpnType ?? (device.meaning.peers.length === 0 ? base.vpnType : routeBased ? 'route-based' : 'policy-based'),
    interfaces: interfaces.length > 0 ? interfaces : base.interfaces,
    routes: routes.map((r) => ({ ...r })),
    natRules: (d?.natRules ?? []).map((r) => ({ ...r })),
    policies: (d?.policies ?? []).map((r) => ({ ...r })),
  };
}

/** One end of a tunnel as the device's peer describes it. */
function endOf(gateway: Gateway, p: PeerMeaning, includeSecrets: boolean): TunnelEnd {
  const firstEsp = p.children[0]?.esp;
  const esp = espProposals(firstEsp?.proposals ?? []);
  const endEsp = esp.length > 0 ? esp : [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [] } as EspProposal];
  const ike = ikeProposals(p.ike.proposals);
  const localId = identity(p.auth.localId);
  const remoteId = identity(p.auth.remoteId);
  const implicit = p.children.length > 0 && p.children.every((c) => c.implicit);
  return {
    gatewayId: gateway.id,
    outsideInterface: p.outsideInterface ?? gateway.interfaces.find((i) => i.kind === 'physical' && addressOnly(i.address) === p.localAddress)?.name ?? '',
    tunnelInterface: gateway.vpnType === 'route-based' ? (p.tunnelInterface ?? '') : '',
    ikeVersion: p.ikeVersion,
    exchangeMode: p.exchangeMode ?? 'main',
    ike: { proposals: ike.length > 0 ? ike : [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: p.ike.lifetimeSeconds ?? 28800 },
    auth: { method: p.auth.method, psk: includeSecrets && p.psk ? p.psk.slice(0, LIMITS.psk) : '', ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) },
    esp: { proposals: endEsp, lifetimeSeconds: firstEsp?.lifetimeSeconds ?? 3600, ...(firstEsp?.lifetimeKilobytes ? { lifetimeKilobytes: firstEsp.lifetimeKilobytes } : {}), mode: p.espMode ?? 'tunnel' },
    proxyIds: implicit ? [] : p.children.map((c) => proxyIdOf(c, endEsp)).filter((x): x is ProxyId => x !== undefined),
    natTraversal: p.natTraversal ?? true,
    dpd: p.dpd ? { enabled: true, intervalSeconds: p.dpd.intervalSeconds } : { enabled: false, intervalSeconds: 10 },
    monitor: {
      enabled: p.monitor !== undefined,
      rekey: p.monitor?.rekey ?? false,
      optimized: p.monitor?.optimized ?? false,
      action: p.monitor?.action ?? 'wait-recover',
      threshold: p.monitor?.threshold ?? 5,
      intervalSeconds: p.monitor?.intervalSeconds ?? 3,
      ...(p.monitor?.destinationIp ? { destinationIp: p.monitor.destinationIp } : {}),
      ...(p.monitor?.sourceInterface ? { sourceInterface: p.monitor.sourceInterface } : {}),
    },
    passive: p.passive ?? false,
    vendorOptions: p.vendorOptions ?? {},
  };
}

/** The end an external peer needs for the imported end to come up: the same proposals, the selectors mirrored, the identities swapped. */
function mirroredEnd(gateway: Gateway, mine: TunnelEnd): TunnelEnd {
  // The proxy IDs are rebuilt below: clone the rest only (a hub's 32,000 proxy IDs, twice, otherwise).
  const { proxyIds: _rebuilt, ...rest } = mine;
  return {
    ...structuredCloneLike(rest),
    gatewayId: gateway.id,
    outsideInterface: gateway.interfaces[0]?.name ?? '',
    tunnelInterface: '',
    auth: { method: mine.auth.method, psk: mine.auth.psk, ...(mine.auth.remoteId ? { localId: mine.auth.remoteId } : {}), ...(mine.auth.localId ? { remoteId: mine.auth.localId } : {}) },
    proxyIds: mine.proxyIds.map((x) => {
      const { remoteProtocol, ...rest } = x;
      return { ...rest, local: x.remote, remote: x.local, localPort: x.remotePort, remotePort: x.localPort, protocol: remoteProtocol ?? x.protocol, ...(remoteProtocol !== undefined ? { remoteProtocol: x.protocol } : {}) };
    }),
    passive: false,
    monitor: { ...mine.monitor, enabled: false },
    vendorOptions: {},
  };
}

const structuredCloneLike = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The prefix a selector or route covers, as a network's address; undefined for "any" (0/0 is not a network behind a box). */
function networkAddress(text: string): string | undefined {
  const sel = parseSelector(text);
  if (!sel.ok) return undefined;
  const s = sel.value;
  if (s.from === 0n && s.to === (s.family === 4 ? 2n ** 32n - 1n : 2n ** 128n - 1n)) return undefined;
  return formatRange(s, '-');
}

/**
 * Builds one topology from the devices read. Tunnels pair a peer of one device with a peer of
 * another when each one's remote address is the other's local address; failing that (NAT between
 * them), when each one's expected identity is what the other sends.
 */
export function assembleTopology(given: readonly ImportedDevice[], options: AssembleOptions = {}): AssembleResult {
  // A peer whose address is none (swanctl's remote_addrs = %any, a hostname the file resolves at
  // run time) is a dynamic peer, as a dynamic crypto map's: it has no address to pair or draw by.
  const devices = given.map((d) => (d.meaning.peers.every((p) => p.remoteAddress === '' || parseIp(p.remoteAddress).ok) ? d : { ...d, meaning: { ...d.meaning, peers: d.meaning.peers.map((p) => (p.remoteAddress === '' || parseIp(p.remoteAddress).ok ? p : { ...p, remoteAddress: '' })) } }));
  const doc = documentOf({ name: options.name ?? 'Imported configurations' });
  const nextId = idAllocator(doc);
  const maxName = LIMITS.name;
  const gatewayNames = new Set<string>();
  const gatewayName = namer(gatewayNames, maxName);
  const gateways = devices.map((d, i) => {
    const name = gatewayName((d.meaning.device?.hostname ?? d.label).slice(0, maxName) || `device-${i + 1}`);
    return gatewayOf(d, nextId('gw'), name, { x: 0, y: 0 });
  });
  const addresses = devices.map(addressesOf);
  const used = devices.map((d) => d.meaning.peers.map(() => false));
  const tunnels: Tunnel[] = [];
  const outcomes: PeerOutcome[] = [];
  const networks: Network[] = [];
  const tunnelNameOf = namer(new Set<string>(), maxName);
  const networkKeys = new Set<string>();
  const networkName = namer(new Set<string>(), maxName);
  // A hub's proxy IDs repeat the same local prefix on every tunnel: each text is parsed once.
  const addressMemo = new Map<string, string | undefined>();
  const networkAt = (text: string) => {
    if (addressMemo.has(text)) return addressMemo.get(text);
    const out = networkAddress(text);
    addressMemo.set(text, out);
    return out;
  };
  // The routes that lead to each peer. A route names an interface, not a tunnel: when several
  // tunnels share the tunnel interface (a hub's one tunnel.1), a route to one of their proxy IDs'
  // remote networks leads to that tunnel's peer; one that matches none of them, to each. Found
  // once per interface, not per tunnel (2,000 tunnels × 32,000 routes otherwise).
  const routesByPeer = new Map<string, string[]>();
  // Each device's tunnels by interface and by route list, found once (a hub of 2,000 VTIs).
  const groupsOf = new Map<number, { byInterface: Map<string, number[]>; byList: Map<readonly string[], number[]> }>();
  const groups = (di: number) => {
    let g = groupsOf.get(di);
    if (!g) {
      g = { byInterface: new Map(), byList: new Map() };
      const made = g;
      const add = <K>(map: Map<K, number[]>, key: K, k: number) => {
        const list = map.get(key) ?? [];
        list.push(k);
        map.set(key, list);
      };
      (devices[di] as ImportedDevice).meaning.peers.forEach((p, k) => {
        if (p.tunnelInterface !== undefined) add(made.byInterface, p.tunnelInterface, k);
        add(made.byList, p.routes, k);
      });
      groupsOf.set(di, made);
    }
    return g;
  };
  const routesBehind = (di: number, pi: number): readonly string[] => {
    const peers = (devices[di] as ImportedDevice).meaning.peers;
    const peer = peers[pi] as PeerMeaning;
    if (peer.routes.length === 0) return peer.routes;
    const key = `${di}/${pi}`;
    if (!routesByPeer.has(key)) {
      // The tunnels on the same interface; a reader that does not say the interface shares one list among them.
      const g = groups(di);
      const group = (peer.tunnelInterface !== undefined ? g.byInterface.get(peer.tunnelInterface) : g.byList.get(peer.routes)) ?? [pi];
      const byRemote = new Map<string, number[]>();
      for (const k of group) {
        for (const c of (peers[k] as PeerMeaning).children) {
          const n = networkAt(c.remote);
          if (n === undefined) continue;
          const list = byRemote.get(n) ?? [];
          if (list[list.length - 1] !== k) list.push(k);
          byRemote.set(n, list);
        }
        routesByPeer.set(`${di}/${k}`, []);
      }
      const lists = new Set(group.map((k) => (peers[k] as PeerMeaning).routes));
      // Whose list holds a route, when the tunnels' lists are not one shared list.
      const holds = lists.size === 1 ? undefined : new Map(group.map((k) => [k, new Set((peers[k] as PeerMeaning).routes)]));
      const seen = new Set<string>();
      for (const list of lists) {
        for (const r of list) {
          if (seen.has(r)) continue;
          seen.add(r);
          const n = networkAt(r);
          for (const k of (n !== undefined ? byRemote.get(n) : undefined) ?? group) {
            if (!holds || holds.get(k)?.has(r)) routesByPeer.get(`${di}/${k}`)?.push(r);
          }
        }
      }
    }
    return routesByPeer.get(key) ?? [];
  };
  const addNetwork = (gateway: Gateway, address: string | undefined) => {
    if (!address || networkKeys.has(`${gateway.id}|${address}`)) return;
    networkKeys.add(`${gateway.id}|${address}`);
    const host = !address.includes('-') && parsePrefix(address).ok && (address.endsWith('/32') || address.endsWith('/128'));
    const name = networkName(`${gateway.name} ${host ? address.split('/')[0] : address}`.slice(0, maxName));
    networks.push({ id: nextId('net') as NetworkId, name, kind: host ? 'host' : 'network', address: host ? (address.split('/')[0] as string) : address, gatewayId: gateway.id as GatewayId, position: { x: 0, y: 0 } });
  };
  const tunnelName = (a: string, b: string) => tunnelNameOf(`${a} - ${b}`.slice(0, maxName));
  const external: Gateway[] = [];

  // Pairs first, learning each box's addresses from the pairs found, until no more are found.
  const pairs = new Map<string, { dj: number; pj: number; by: PairedBy }>();
  const owners = new Owners(devices, addresses);
  // Peers by the identity they send and the one they expect, for the far end to look up.
  const byIdentity = new Map<string, { dj: number; pj: number }[]>();
  devices.forEach((d, dj) => d.meaning.peers.forEach((q, pj) => {
    const key = `${sentId(q) ?? ''}\n${expectedId(q)}`;
    const list = byIdentity.get(key);
    if (list) list.push({ dj, pj });
    else byIdentity.set(key, [{ dj, pj }]);
  }));
  // Peers of boxes whose files do not say their address, by their selectors as the far end writes them.
  const bySelectors = new Map<string, { dj: number; pj: number }[]>();
  devices.forEach((d, dj) => {
    if (!owners.isUnknown(dj)) return;
    d.meaning.peers.forEach((q, pj) => {
      const key = selectorKey(q, true);
      if (key === undefined) return;
      const list = bySelectors.get(key);
      if (list) list.push({ dj, pj });
      else bySelectors.set(key, [{ dj, pj }]);
    });
  });
  for (let progress = true; progress; ) {
    progress = false;
    devices.forEach((device, di) => device.meaning.peers.forEach((peer, pi) => {
      if (used[di]?.[pi]) return;
      const bySelector = (): { dj: number; pj: number; by: PairedBy } | undefined => {
        const hit = pairBySelectors(bySelectors, owners, addresses, used, devices, di, peer);
        return hit ? { ...hit, by: 'selectors' } : undefined;
      };
      const found = findPair(devices, owners, byIdentity, used, di, peer) ?? bySelector();
      if (!found) return;
      const other = (devices[found.dj] as ImportedDevice).meaning.peers[found.pj] as PeerMeaning;
      (used[di] as boolean[])[pi] = true;
      (used[found.dj] as boolean[])[found.pj] = true;
      owners.learn(found.dj, peer.remoteAddress);
      owners.learn(di, other.remoteAddress);
      pairs.set(`${di}/${pi}`, found);
      pairs.set(`${found.dj}/${found.pj}`, { dj: di, pj: pi, by: found.by });
      progress = true;
    }));
  }
  const done = new Set<string>();
  devices.forEach((device, di) => {
    const gw = gateways[di] as Gateway;
    device.meaning.peers.forEach((peer, pi) => {
      if (done.has(`${di}/${pi}`)) return;
      done.add(`${di}/${pi}`);
      const mine = endOf(gw, peer, options.includeSecrets === true);
      const match = pairs.get(`${di}/${pi}`);
      if (match) {
        const { dj, pj, by } = match;
        done.add(`${dj}/${pj}`);
        const og = gateways[dj] as Gateway;
        const other = (devices[dj] as ImportedDevice).meaning.peers[pj] as PeerMeaning;
        const theirs = endOf(og, other, options.includeSecrets === true);
        const name = tunnelName(gw.name, og.name);
        tunnels.push({ id: nextId('tun') as TunnelId, name, a: mine, b: theirs, initiator: mine.passive && !theirs.passive ? 'b' : 'a', notes: '' });
        outcomes.push({ device: gw.name, peer: peer.name ?? peer.remoteAddress, tunnel: name, pairedWith: og.name, by });
        for (const c of other.children) addNetwork(og, networkAt(c.local));
      } else {
        // A dynamic peer answers boxes whose address it does not know: its stand-in has none either.
        const dynamicPeer = peer.remoteAddress === '';
        const extName = gatewayName((dynamicPeer ? `Dynamic peer of ${gw.name}` : `Peer ${peer.remoteAddress}`).slice(0, maxName));
        const ext = newGateway({ id: nextId('gw'), name: extName, vendor: GENERIC_VENDOR, position: { x: 0, y: 0 }, ...(dynamicPeer ? {} : { outsideAddress: `${peer.remoteAddress}/${peer.remoteAddress.includes(':') ? 128 : 32}` }) });
        const extGateway: Gateway = { ...ext, interfaces: ext.interfaces.slice(0, 1), vpnType: 'policy-based', notes: DEFAULT_KEY_NOTE };
        external.push(extGateway);
        const theirs = mirroredEnd(extGateway, mine);
        const name = tunnelName(gw.name, extName);
        tunnels.push({ id: nextId('tun') as TunnelId, name, a: mine, b: theirs, initiator: mine.passive ? 'b' : 'a', notes: '' });
        outcomes.push({ device: gw.name, peer: peer.name ?? peer.remoteAddress, tunnel: name, external: extName });
        for (const c of peer.children) addNetwork(extGateway, networkAt(c.remote));
        for (const r of routesBehind(di, pi)) addNetwork(extGateway, networkAt(r));
      }
      for (const c of peer.children) addNetwork(gw, networkAt(c.local));
    });
  });
  // The networks on each box's inside interfaces (not the one IKE runs on, not tunnels).
  const networksOf = new Map<string, Network[]>();
  for (const n of networks) {
    const list = networksOf.get(n.gatewayId);
    if (list) list.push(n);
    else networksOf.set(n.gatewayId, [n]);
  }
  const outsideOf = new Map<string, Set<string>>();
  for (const t of tunnels) for (const e of [t.a, t.b]) outsideOf.set(e.gatewayId, (outsideOf.get(e.gatewayId) ?? new Set()).add(e.outsideInterface));
  devices.forEach((device, di) => {
    const gw = gateways[di] as Gateway;
    const outside = new Set(device.meaning.peers.map((p) => p.localAddress).filter(Boolean));
    for (const i of gw.interfaces) {
      if (i.kind !== 'physical' || !i.address) continue;
      const parsed = parseInterfaceAddress(i.address);
      if (!parsed.ok || outside.has(addressOnly(i.address)) || outsideOf.get(gw.id)?.has(i.name)) continue;
      if (parsed.value.length >= (parsed.value.family === 4 ? 31 : 127)) continue;
      const inside = formatRange(parsed.value.network, '-');
      if (!(networksOf.get(gw.id) ?? []).some((n) => containsText(n.address, inside))) addNetwork(gw, inside);
    }
  });
  if (options.initiator !== undefined) {
    const chosen = gateways[options.initiator]?.id;
    for (const t of tunnels) {
      if (t.a.gatewayId === chosen && !t.a.passive) t.initiator = 'a';
      else if (t.b.gatewayId === chosen && !t.b.passive) t.initiator = 'b';
    }
  }
  const all = [...gateways, ...external];
  layOut(all, networks);
  // The boxes as imported, for the diff of their corrected configuration (shared/export/changes.ts): the same
  // records, not copies, since edits make new ones.
  return { document: { ...doc, gateways: all, networks, tunnels, imported: { gateways: all, networks, tunnels } }, peers: outcomes };
}

/** Imported boxes in a row, the external peers in a row below, each box's networks under it (the canvas's auto-layout can redo it). */
function layOut(gateways: Gateway[], networks: Network[]): void {
  const imported = gateways.filter((g) => g.notes !== DEFAULT_KEY_NOTE);
  const outside = gateways.filter((g) => g.notes === DEFAULT_KEY_NOTE);
  const columns = Math.max(1, Math.ceil(Math.sqrt(gateways.length * 2)));
  const networksOf = new Map<string, Network[]>();
  for (const n of networks) {
    const list = networksOf.get(n.gatewayId);
    if (list) list.push(n);
    else networksOf.set(n.gatewayId, [n]);
  }
  let row = 0;
  for (const group of [imported, outside]) {
    group.forEach((g, i) => {
      g.position = { x: (i % columns) * 360, y: (row + Math.floor(i / columns)) * 420 };
      (networksOf.get(g.id) ?? []).forEach((n, k) => {
        n.position = { x: g.position.x + (k % 2) * 170 - 40, y: g.position.y + 160 + Math.floor(k / 2) * 90 };
      });
    });
    row += Math.ceil(group.length / columns);
  }
}

/** Whether network text `outer` covers `inner` (both prefixes or ranges). */
function containsText(outer: string, inner: string): boolean {
  const a = parseSelector(outer);
  const b = parseSelector(inner);
  return a.ok && b.ok && a.value.family === b.value.family && a.value.from <= b.value.from && b.value.to <= a.value.to;
}
