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

/** ESP's AEAD ciphers carry their own integrity: an integrity algorithm beside one means nothing (RFC 4106 §8.1). */
const ESP_AEAD: ReadonlySet<string> = new Set(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

/** Every combination a list of proposals offers, as text; for ESP, an AEAD cipher's integrity is none whatever the list says. */
function combinations(ps: readonly ProposalMeaning[], esp = false): Set<string> {
  const out = new Set<string>();
  for (const p of ps) {
    if (esp && p.encryption.some((e) => ESP_AEAD.has(e))) {
      const groups = p.dhGroups.length > 0 ? p.dhGroups : ['none'];
      for (const e of p.encryption.filter((x) => ESP_AEAD.has(x))) for (const g of groups) out.add(`${e}/none/${g}`);
      const rest = p.encryption.filter((x) => !ESP_AEAD.has(x));
      if (rest.length > 0) for (const c of combinations([{ ...p, encryption: rest }])) out.add(c);
      continue;
    }
    const integrity = p.integrity.length > 0 ? p.integrity : ['none'];
    const groups = p.dhGroups.length > 0 ? p.dhGroups : ['none'];
    for (const e of p.encryption) for (const i of integrity) for (const g of groups) out.add(`${e}/${i}/${g}`);
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

function proposalsProblem(what: string, intended: readonly ProposalMeaning[], read: readonly ProposalMeaning[], codes: Set<ExportWarningCode>, esp = false): string | undefined {
  const i = combinations(intended, esp);
  const r = combinations(read, esp);
  if (same(i, r)) return undefined;
  const merged = codes.has('SETTING_UNSUPPORTED');
  const dropped = DROPS_ALGORITHMS.some((c) => codes.has(c));
  const envelope = merged ? combinations(flattened(intended), esp) : i;
  if (r.size > 0 && (merged || dropped) && subset(r, envelope) && (dropped || subset(i, r))) return undefined;
  return `${what}: the design offers ${[...i].join(' ')}; read back ${[...r].join(' ') || 'nothing'}${merged || dropped ? ' (beyond what the warnings explain)' : ', and no warning says why'}`;
}

/** Addresses × addresses a child covers, for comparing a range with the prefixes it was split into. */
function cells(c: ChildMeaning): { key: string; size: bigint; local: [bigint, bigint]; remote: [bigint, bigint] } | undefined {
  const l = parseSelector(c.local);
  const r = parseSelector(c.remote);
  if (!l.ok || !r.ok) return undefined;
  const key = `${l.value.family}|${l.value.protocol}|${l.value.portFrom}-${l.value.portTo}|${r.value.portFrom}-${r.value.portTo}`;
  return { key, size: (l.value.to - l.value.from + 1n) * (r.value.to - r.value.from + 1n), local: [l.value.from, l.value.to], remote: [r.value.from, r.value.to] };
}

function childrenProblems(intended: readonly ChildMeaning[], read: readonly ChildMeaning[], codes: Set<ExportWarningCode>): string[] {
  const text = (c: ChildMeaning) => `${c.local} <-> ${c.remote}`;
  const iText = new Set(intended.map(text));
  const rText = new Set(read.map(text));
  if (same(iText, rText)) return [];
  if (codes.has('ADDRESS_RANGE_SPLIT')) {
    // Each intended child is covered exactly by the read children inside it.
    const rc = read.map(cells);
    const problems: string[] = [];
    for (const c of intended) {
      const ic = cells(c);
      if (!ic) continue;
      const inside = rc.filter((x) => x && x.key === ic.key && x.local[0] >= ic.local[0] && x.local[1] <= ic.local[1] && x.remote[0] >= ic.remote[0] && x.remote[1] <= ic.remote[1]);
      const total = inside.reduce((n, x) => n + (x?.size ?? 0n), 0n);
      if (total !== ic.size && !DROPS_SELECTORS.some((k) => codes.has(k))) problems.push(`the selector ${text(c)} is split into prefixes that cover ${total} of its ${ic.size} address pairs`);
    }
    const stray = rc.filter((x, j) => !x || !intended.some((c) => { const ic = cells(c); return ic && x.key === ic.key && x.local[0] >= ic.local[0] && x.local[1] <= ic.local[1] && x.remote[0] >= ic.remote[0] && x.remote[1] <= ic.remote[1]; }) ? read[j] : undefined);
    for (const x of stray) if (x) problems.push(`a selector read back is in no selector of the design: ${text(read[rc.indexOf(x)] as ChildMeaning)}`);
    return problems;
  }
  if (DROPS_SELECTORS.some((k) => codes.has(k)) && subset(rText, iText)) return [];
  return [`selectors: the design has ${[...iText].join(', ') || 'none'}; read back ${[...rText].join(', ') || 'none'}`];
}

/**
 * The differences between what the export of `gateway` was meant to say and what its reader read,
 * that no warning of the export explains. Empty when the export means what the design says.
 */
export function unexplainedDifferences(intended: ConfigMeaning, read: ConfigMeaning, warnings: readonly ExportWarning[], gateway: Gateway, tunnelNames: readonly string[]): string[] {
  const out: string[] = [];
  const unread = [...read.peers];
  intended.peers.forEach((want, n) => {
    const tunnel = tunnelNames[n];
    const codes = codesFor(warnings, gateway.name, tunnel);
    const at = unread.findIndex((p) => p.remoteAddress === want.remoteAddress);
    const where = `tunnel ${JSON.stringify(tunnel)} (peer ${want.remoteAddress})`;
    if (at < 0) {
      // A tunnel none of whose algorithms (or selectors) the product can write is refused whole
      // (ALGORITHM_UNSUPPORTED, DH_GROUP_UNSUPPORTED, SELECTOR_UNSUPPORTED), never written with an
      // empty proposal list or a selector wider than the design's.
      if (!(['MISSING_ADDRESS', 'VALUE_UNSUPPORTED', 'INVALID_VALUE', 'MISSING_INTERFACE', 'ALGORITHM_UNSUPPORTED', 'DH_GROUP_UNSUPPORTED', 'SELECTOR_UNSUPPORTED'] as ExportWarningCode[]).some((c) => codes.has(c))) out.push(`${where}: not read back, and no warning says why`);
      return;
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
    // A product that writes a policy-based design route-based (VPN_TYPE_ADJUSTED) routes into the tunnel.
    differs('the routes', want.routes, [...got.routes].sort(), ['VPN_TYPE_ADJUSTED']);
    const p = proposalsProblem('IKE proposals', want.ike.proposals, got.ike.proposals, codes);
    if (p) out.push(`${where}: ${p}`);
    for (const c of childrenProblems(want.children, got.children, codes)) out.push(`${where}: ${c}`);
    // ESP per child, for the children read back as intended.
    for (const child of got.children) {
      const mine = want.children.find((c) => c.local === child.local && c.remote === child.remote);
      if (!mine) continue;
      const e = proposalsProblem(`ESP proposals of ${child.local} <-> ${child.remote}`, mine.esp.proposals, child.esp.proposals, codes, true);
      if (e) out.push(`${where}: ${e}`);
      differs(`the IPsec lifetime of ${child.local} <-> ${child.remote}`, mine.esp.lifetimeSeconds, child.esp.lifetimeSeconds, ['LIFETIME_ADJUSTED']);
      differs(`the IPsec kilobyte lifetime of ${child.local} <-> ${child.remote}`, mine.esp.lifetimeKilobytes, child.esp.lifetimeKilobytes, ['LIFETIME_ADJUSTED']);
    }
  });
  for (const extra of unread) out.push(`a peer read back that the design does not have: ${extra.remoteAddress}`);
  return out;
}
