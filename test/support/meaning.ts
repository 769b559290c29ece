// What an export of one gateway is meant to say (from the same tunnel views the exporters write
// from, shared/vendors/kit/export/context.ts), and the comparison with what the product's reader
// read back from the files. Every difference must be one a warning of the export explains, by its
// code, for that tunnel: an algorithm the product lacks left out, proposals merged, a range split
// into prefixes, a selector the product cannot write left out, a lifetime adjusted. Anything else
// is a defect of the exporter (or the reader).
import type { EspProposal, Gateway, IkeProposal, TopologyDocument } from '../../shared/model/document';
import { formatSelector, fromRange } from '../../shared/net/selector';
import type { ExportWarning, ExportWarningCode } from '../../shared/vendors/kit/export/types';
import { buildGatewayContext } from '../../shared/vendors/kit/export/context';
import type { Selector } from '../../shared/vendors/kit/export/addresses';
import type { ChildMeaning, ConfigMeaning, PeerMeaning, ProposalMeaning } from '../../shared/vendors/kit/reader';
import { parseSelector } from '../../shared/net/selector';

const ANY_PORTS = { from: 0, to: 65535 };

/** A selector side in strongSwan notation, with the protocol and that side's ports. */
function sideText(s: Selector, side: 'local' | 'remote'): string {
  const ports = (side === 'local' ? s.localPort : s.remotePort) ?? ANY_PORTS;
  return formatSelector(fromRange(s[side], s.protocol, ports.from, ports.to));
}

function proposalMeaning(p: IkeProposal | EspProposal): ProposalMeaning {
  return { encryption: [...p.encryption], integrity: [...p.integrity], dhGroups: [...p.dhGroups] };
}

const identity = (id: { type: string; value: string } | undefined) => (id ? `${id.type}:${id.value}` : undefined);
const addressOnly = (a: string | undefined) => a?.split('/')[0];

/** The meaning the export of `gateway` is meant to have: one peer per tunnel the exporter writes, and those tunnels' names. */
export function intendedMeaning(doc: TopologyDocument, gateway: Gateway): { meaning: ConfigMeaning; tunnels: string[] } {
  const ctx = buildGatewayContext(doc, gateway, gateway.vendor, false, []);
  const peers: PeerMeaning[] = ctx.tunnels.map((t) => {
    const children: ChildMeaning[] = t.selectors.map((s) => {
      const own = t.me.proxyIds[s.index - 1]?.espProposals;
      const esp = own && own.length > 0 ? own : t.me.esp.proposals;
      return {
        local: sideText(s, 'local'),
        remote: sideText(s, 'remote'),
        esp: { proposals: esp.map(proposalMeaning), lifetimeSeconds: t.me.esp.lifetimeSeconds, ...(t.me.esp.lifetimeKilobytes ? { lifetimeKilobytes: t.me.esp.lifetimeKilobytes } : {}) },
      };
    });
    const localId = identity(t.me.auth.localId);
    const remoteId = identity(t.me.auth.remoteId);
    return {
      remoteAddress: addressOnly(t.peerAddress) ?? '',
      ...(t.localAddress ? { localAddress: addressOnly(t.localAddress) } : {}),
      ikeVersion: t.me.ikeVersion,
      ...(t.me.ikeVersion === 1 ? { exchangeMode: t.me.exchangeMode } : {}),
      ike: { proposals: t.me.ike.proposals.map(proposalMeaning), lifetimeSeconds: t.me.ike.lifetimeSeconds },
      auth: { method: t.me.auth.method, ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) },
      ...(t.me.dpd.enabled ? { dpd: { intervalSeconds: t.me.dpd.intervalSeconds } } : {}),
      children,
      routes: gateway.vpnType === 'route-based' ? [...t.routes].sort() : [],
    };
  });
  return { meaning: { peers }, tunnels: ctx.tunnels.map((t) => t.tunnel.name) };
}

/** For each kind of algorithm, the read proposals offer only algorithms the intended ones offer (or none). */
function perKindWithin(intended: readonly ProposalMeaning[], read: readonly ProposalMeaning[]): boolean {
  return (['encryption', 'integrity', 'dhGroups'] as const).every((k) => {
    const offered = new Set<unknown>(intended.flatMap((p) => p[k] as unknown[]));
    return read.every((p) => (p[k] as unknown[]).every((a) => offered.has(a)));
  });
}

const AEAD = new Set<string>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

/**
 * Every combination a list of proposals offers, as text `cipher/integrity/group`. What an
 * integrity algorithm means depends on the cipher and the phase (the model: "none" only with an
 * AEAD cipher): in ESP an AEAD cipher has no integrity algorithm of its own, so its combinations
 * read `none` whatever the proposal lists; `none` beside a real algorithm adds nothing; in IKE a
 * cipher whose only integrity is `none` leaves the PRF to the product, written `*`, which any PRF
 * read back matches (see `resolved`).
 */
function combinations(ps: readonly ProposalMeaning[], phase: 'ike' | 'esp'): Set<string> {
  const out = new Set<string>();
  for (const p of ps) {
    const real = p.integrity.filter((i) => i !== 'none');
    const groups = p.dhGroups.length > 0 ? p.dhGroups : ['none'];
    for (const e of p.encryption) {
      const integrity = phase === 'esp' && AEAD.has(e) ? ['none'] : real.length > 0 ? real : [phase === 'ike' ? '*' : 'none'];
      for (const i of integrity) for (const g of groups) out.add(`${e}/${i}/${g}`);
    }
  }
  return out;
}

/** The intended combinations with each `cipher/*\/group` replaced by those read back that it matches. */
function resolved(intended: Set<string>, read: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const c of intended) {
    const [e, i, g] = c.split('/');
    const matches = i === '*' ? [...read].filter((r) => r.startsWith(`${e}/`) && r.endsWith(`/${g}`)) : [];
    for (const m of matches.length > 0 ? matches : [c]) out.add(m);
  }
  return out;
}

function flattened(ps: readonly ProposalMeaning[]): ProposalMeaning[] {
  const all = <K extends keyof ProposalMeaning>(k: K) => [...new Set(ps.flatMap((p) => p[k] as unknown[]))] as ProposalMeaning[K];
  return ps.length === 0 ? [] : [{ encryption: all('encryption'), integrity: all('integrity'), dhGroups: all('dhGroups') }];
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && subset(a, b);

/** The codes of the export's warnings about this tunnel (or the whole gateway). */
function codesFor(warnings: readonly ExportWarning[], gateway: string, tunnel: string | undefined): Set<ExportWarningCode> {
  return new Set(warnings.filter((w) => w.gateway === gateway && (w.tunnel === undefined || w.tunnel === tunnel)).map((w) => w.code));
}

const DROPS_ALGORITHMS: ExportWarningCode[] = ['ALGORITHM_UNSUPPORTED', 'DH_GROUP_UNSUPPORTED'];
const DROPS_SELECTORS: ExportWarningCode[] = ['PORT_RANGE_UNSUPPORTED', 'PORT_UNSUPPORTED', 'PROTOCOL_UNSUPPORTED', 'ADDRESS_RANGE_UNSUPPORTED', 'IPV6_UNSUPPORTED', 'MIXED_ADDRESS_FAMILIES', 'SELECTOR_LIMIT_EXCEEDED', 'SELECTOR_UNSUPPORTED', 'MULTIPLE_PROXY_IDS_UNSUPPORTED', 'DEFAULT_SELECTOR', 'VALUE_UNSUPPORTED'];

function proposalsProblem(what: string, phase: 'ike' | 'esp', intended: readonly ProposalMeaning[], read: readonly ProposalMeaning[], codes: Set<ExportWarningCode>): string | undefined {
  const r = combinations(read, phase);
  const i = resolved(combinations(intended, phase), r);
  if (same(i, r)) return undefined;
  const merged = codes.has('SETTING_UNSUPPORTED');
  const dropped = DROPS_ALGORITHMS.some((c) => codes.has(c));
  // Merged proposals offer at most every algorithm of the design with every other (and at least what the design offers).
  const envelope = merged ? new Set([...i, ...resolved(combinations(flattened(intended), phase), r)]) : i;
  if (r.size > 0 && (merged || dropped) && subset(r, envelope) && (dropped || subset(i, r))) return undefined;
  // Algorithms left out (a warning says which): per kind, what is read back is some of what the
  // design offers, or nothing when every one of that kind was left out (its statement is not written).
  if (dropped && perKindWithin(intended, read)) return undefined;
  return `${what}: the design offers ${[...i].join(' ')}; read back ${[...r].join(' ') || 'nothing'}${merged || dropped ? ' (beyond what the warnings explain)' : ', and no warning says why'}`;
}

/**
 * Addresses × addresses a child covers, for comparing a range with the prefixes it was split into.
 * `addressesOnly`: protocol and ports left out of the comparison (a warning says they were changed).
 */
function cellsOf(c: ChildMeaning, addressesOnly = false): { key: string; size: bigint; local: [bigint, bigint]; remote: [bigint, bigint] } | undefined {
  const address = (side: string) => (addressesOnly ? side.replace(/\[[^\]]*\]$/, '') : side);
  const l = parseSelector(address(c.local));
  const r = parseSelector(address(c.remote));
  if (!l.ok || !r.ok) return undefined;
  const key = addressesOnly ? `${l.value.family}` : `${l.value.family}|${l.value.protocol}|${l.value.portFrom}-${l.value.portTo}|${r.value.portFrom}-${r.value.portTo}`;
  return { key, size: (l.value.to - l.value.from + 1n) * (r.value.to - r.value.from + 1n), local: [l.value.from, l.value.to], remote: [r.value.from, r.value.to] };
}

/** How many local × remote address pairs a set of rectangles covers, each pair once (coordinate compression). */
function unionSize(rects: readonly { local: [bigint, bigint]; remote: [bigint, bigint] }[]): bigint {
  const xs = [...new Set(rects.flatMap((r) => [r.local[0], r.local[1] + 1n]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ys = [...new Set(rects.flatMap((r) => [r.remote[0], r.remote[1] + 1n]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0n;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const x = xs[i] as bigint;
      const y = ys[j] as bigint;
      if (rects.some((r) => r.local[0] <= x && x <= r.local[1] && r.remote[0] <= y && y <= r.remote[1])) total += ((xs[i + 1] as bigint) - x) * ((ys[j + 1] as bigint) - y);
    }
  }
  return total;
}

/** The child a product negotiates when it has no selector configured (DEFAULT_SELECTOR says so when the design's could not be written). */
const DEFAULT_CHILD = '0.0.0.0/0 <-> 0.0.0.0/0';
/** Codes saying a selector's protocol or ports were written otherwise (one port of a range, none at all). */
const CHANGES_PORTS: ExportWarningCode[] = ['PORT_RANGE_UNSUPPORTED', 'PORT_UNSUPPORTED', 'PROTOCOL_UNSUPPORTED'];

function childrenProblems(intended: readonly ChildMeaning[], readAll: readonly ChildMeaning[], codes: Set<ExportWarningCode>): string[] {
  const text = (c: ChildMeaning) => `${c.local} <-> ${c.remote}`;
  const iText = new Set(intended.map(text));
  const read = codes.has('DEFAULT_SELECTOR') && !iText.has(DEFAULT_CHILD) ? readAll.filter((c) => text(c) !== DEFAULT_CHILD) : readAll;
  const rText = new Set(read.map(text));
  if (same(iText, rText)) return [];
  // No proxy ID in the design, and the warning says what the product negotiates instead (a
  // policy-based product's policies are its proxy IDs).
  if (codes.has('DEFAULT_SELECTOR') && [...iText].every((t) => t === DEFAULT_CHILD)) return [];
  // A product whose only selector is any to any (a static VTI) writes that, with the warning that the design's are not expressed.
  const anyPair = (c: ChildMeaning) => (c.local === '0.0.0.0/0' && c.remote === '0.0.0.0/0') || (c.local === '::/0' && c.remote === '::/0');
  if (codes.has('SELECTOR_UNSUPPORTED') && read.length === 1 && read.every(anyPair)) return [];
  const addressesOnly = CHANGES_PORTS.some((c) => codes.has(c));
  if (codes.has('ADDRESS_RANGE_SPLIT') || addressesOnly) {
    // Each intended child is covered exactly by the read children inside it.
    const cells = (c: ChildMeaning) => cellsOf(c, addressesOnly);
    const rc = read.map(cells);
    const problems: string[] = [];
    for (const c of intended) {
      const ic = cells(c);
      if (!ic) continue;
      const inside = rc.filter((x) => x && x.key === ic.key && x.local[0] >= ic.local[0] && x.local[1] <= ic.local[1] && x.remote[0] >= ic.remote[0] && x.remote[1] <= ic.remote[1]);
      // The address pairs the children inside cover together (children that differ only in ports
      // a warning says were changed may overlap: each pair counts once).
      const total = unionSize(inside.filter((x): x is NonNullable<typeof x> => x !== undefined));
      // A port warning changes ports, not addresses: the prefixes still cover the whole range.
      // Nothing read inside: the selector was left out, which a dropping warning explains.
      const leftOut = total === 0n && DROPS_SELECTORS.some((k) => codes.has(k));
      if (total !== ic.size && !leftOut && !DROPS_SELECTORS.some((k) => codes.has(k) && !PORTS_CHANGED.includes(k))) problems.push(`the selector ${text(c)} is split into prefixes that cover ${total} of its ${ic.size} address pairs`);
    }
    const stray = rc.filter((x, j) => !x || !intended.some((c) => { const ic = cells(c); return ic && x.key === ic.key && x.local[0] >= ic.local[0] && x.local[1] <= ic.local[1] && x.remote[0] >= ic.remote[0] && x.remote[1] <= ic.remote[1]; }) ? read[j] : undefined);
    for (const x of stray) if (x) problems.push(`a selector read back is in no selector of the design: ${text(read[rc.indexOf(x)] as ChildMeaning)}`);
    return problems;
  }
  if (DROPS_SELECTORS.some((k) => codes.has(k)) && subset(rText, iText)) return [];
  // A port the product cannot write is left out (the selector covers every port) or cut to its
  // first port: with such a warning, selectors compare without their ports.
  if (PORTS_CHANGED.some((k) => codes.has(k)) && subset(new Set(read.map(withoutPorts)), new Set(intended.map(withoutPorts)))) return [];
  return [`selectors: the design has ${[...iText].join(', ') || 'none'}; read back ${[...rText].join(', ') || 'none'}`];
}

const PORTS_CHANGED: ExportWarningCode[] = ['PORT_UNSUPPORTED', 'PORT_RANGE_UNSUPPORTED'];

/** A child's selectors with every port, as text: for comparing when a warning says ports were changed. */
function withoutPorts(c: ChildMeaning): string {
  // `10.1.0.0/24[tcp/443]` -> `10.1.0.0/24[tcp]`; protocol any (`[0/…]`, which no parser takes with a port) -> `10.1.0.0/24`.
  const side = (t: string) => t.replace(/\[([^/\]]*)(?:\/[^\]]*)?\]$/u, (_, p: string) => (p === '0' || p === 'any' || p === '' ? '' : `[${p}]`));
  return `${side(c.local)} <-> ${side(c.remote)}`;
}

/** The design's child a child read back stands for: the same selectors, or the same but for ports a warning says were changed. */
function intendedChild(intended: readonly ChildMeaning[], child: ChildMeaning, codes: Set<ExportWarningCode>): ChildMeaning | undefined {
  const exact = intended.find((c) => c.local === child.local && c.remote === child.remote);
  if (exact || !PORTS_CHANGED.some((k) => codes.has(k))) return exact;
  return intended.find((c) => withoutPorts(c) === withoutPorts(child));
}

/**
 * The design's peers, each with its tunnels' names. Products that share one IKE SA among the
 * tunnels to a peer with the same IKE settings (Libreswan's conns) read back one peer for them:
 * when fewer peers with an address are read back than the design has, its peers to that address
 * that differ only in their children are compared as one, with every child.
 */
function sharedIkeSas(peers: readonly PeerMeaning[], tunnels: readonly (string | undefined)[], read: readonly PeerMeaning[]): { want: PeerMeaning; tunnels: (string | undefined)[] }[] {
  const out: { want: PeerMeaning; tunnels: (string | undefined)[] }[] = [];
  const ike = (p: PeerMeaning) => JSON.stringify({ ...p, children: [] });
  peers.forEach((want, n) => {
    const sameAddress = (p: PeerMeaning) => p.remoteAddress === want.remoteAddress;
    const fewer = read.filter(sameAddress).length < peers.filter(sameAddress).length;
    const group = fewer ? out.find((g) => ike(g.want) === ike(want)) : undefined;
    if (group) {
      group.want = { ...group.want, children: [...group.want.children, ...want.children] };
      group.tunnels.push(tunnels[n]);
    } else out.push({ want, tunnels: [tunnels[n]] });
  });
  return out;
}

/**
 * The differences between what the export of `gateway` was meant to say and what its reader read,
 * that no warning of the export explains. Empty when the export means what the design says.
 */
export function unexplainedDifferences(intended: ConfigMeaning, read: ConfigMeaning, warnings: readonly ExportWarning[], gateway: Gateway, tunnelNames: readonly string[]): string[] {
  const out: string[] = [];
  const unread = [...read.peers];
  for (const { want, tunnels } of sharedIkeSas(intended.peers, tunnelNames, read.peers)) {
    const tunnel = tunnels.length === 1 ? tunnels[0] : tunnels.join('", "');
    const codes = new Set(tunnels.flatMap((t) => [...codesFor(warnings, gateway.name, t)]));
    const at = unread.findIndex((p) => p.remoteAddress === want.remoteAddress);
    const where = `tunnel ${JSON.stringify(tunnel)} (peer ${want.remoteAddress})`;
    if (at < 0) {
      // A tunnel none of whose algorithms (or selectors) the product can write is refused whole
      // (ALGORITHM_UNSUPPORTED, DH_GROUP_UNSUPPORTED, SELECTOR_UNSUPPORTED, TUNNEL_NOT_WRITTEN), never
      // written with an empty proposal list or a selector wider than the design's.
      if (!(['MISSING_ADDRESS', 'VALUE_UNSUPPORTED', 'INVALID_VALUE', 'MISSING_INTERFACE', 'ALGORITHM_UNSUPPORTED', 'DH_GROUP_UNSUPPORTED', 'SELECTOR_UNSUPPORTED', 'TUNNEL_NOT_WRITTEN'] as ExportWarningCode[]).some((c) => codes.has(c))) out.push(`${where}: not read back, and no warning says why`);
      continue;
    }
    const got = unread.splice(at, 1)[0] as PeerMeaning;
    const differs = (what: string, a: unknown, b: unknown, excuses: ExportWarningCode[]) => {
      if (JSON.stringify(a) !== JSON.stringify(b) && !excuses.some((c) => codes.has(c))) out.push(`${where}: ${what} is ${JSON.stringify(a)} in the design, ${JSON.stringify(b)} read back, and no warning says why`);
    };
    differs('the IKE version', want.ikeVersion, got.ikeVersion, ['SETTING_UNSUPPORTED', 'VPN_TYPE_ADJUSTED']);
    differs('the exchange mode', want.exchangeMode, got.exchangeMode, ['SETTING_UNSUPPORTED']);
    differs('the IKE lifetime', want.ike.lifetimeSeconds, got.ike.lifetimeSeconds, ['LIFETIME_ADJUSTED']);
    differs('the authentication', want.auth.method, got.auth.method, ['CERTIFICATE_AUTH']);
    differs('the local identity', want.auth.localId, got.auth.localId, ['IDENTITY_UNSUPPORTED', 'VALUE_UNSUPPORTED']);
    differs('the remote identity', want.auth.remoteId, got.auth.remoteId, ['IDENTITY_UNSUPPORTED', 'VALUE_UNSUPPORTED']);
    differs('DPD', want.dpd, got.dpd, ['SETTING_UNSUPPORTED', 'LIFETIME_ADJUSTED']);
    // Routes outside the file (ROUTES_MANUAL); routes into or out of a tunnel interface when the
    // export changed the VPN type (VPN_TYPE_ADJUSTED); a route of the other address family than
    // the tunnel's, left out when the warning says so.
    const routesRead = [...got.routes].sort();
    const routesDropped = codes.has('IPV6_UNSUPPORTED') && routesRead.every((x) => want.routes.includes(x));
    differs('the routes', want.routes, routesRead, ['ROUTES_MANUAL', 'VPN_TYPE_ADJUSTED', ...(routesDropped ? (['IPV6_UNSUPPORTED'] as ExportWarningCode[]) : [])]);
    const p = proposalsProblem('IKE proposals', 'ike', want.ike.proposals, got.ike.proposals, codes);
    if (p) out.push(`${where}: ${p}`);
    for (const c of childrenProblems(want.children, got.children, codes)) out.push(`${where}: ${c}`);
    // ESP per child, for the children read back as intended.
    for (const child of got.children) {
      const mine = intendedChild(want.children, child, codes);
      if (!mine) continue;
      const e = proposalsProblem(`ESP proposals of ${child.local} <-> ${child.remote}`, 'esp', mine.esp.proposals, child.esp.proposals, codes);
      if (e) out.push(`${where}: ${e}`);
      differs(`the IPsec lifetime of ${child.local} <-> ${child.remote}`, mine.esp.lifetimeSeconds, child.esp.lifetimeSeconds, ['LIFETIME_ADJUSTED']);
      differs(`the IPsec kilobyte lifetime of ${child.local} <-> ${child.remote}`, mine.esp.lifetimeKilobytes, child.esp.lifetimeKilobytes, ['LIFETIME_ADJUSTED']);
    }
  }
  for (const extra of unread) out.push(`a peer read back that the design does not have: ${extra.remoteAddress}`);
  return out;
}
