// The interop fixture format (test/fixtures/interop/*.json: two real strongSwan 5.9.8 daemons,
// side A initiating) and the bridge between it and the engine:
// - `caseToDocument(c)`: a topology with two `strongswan` gateways whose proxy IDs are the cases'
//   children (every local_ts × remote_ts pair of a child becomes a proxy ID named after the child,
//   so the strongSwan profile groups them back into that child);
// - `predictObserved(c)`: what the engine says, in the fixture's `observed` shape.
// The oracle suite (test/oracle/) calls `predictObserved` too: keep its signature.
//
// Fields `predictObserved` fills, and that `compareObserved` compares:
// - `ike`: 'up' | 'down';
// - per initiated child: `status`; when up, `initiator_local_ts` and `initiator_remote_ts`
//   (compared as sets, ranges printed `a..b`) and `responder_config`;
// - `notifies_received_by_initiator`, `notifies_sent_by_responder` (compared as sets).
// Not compared: `daemon`, `install_errors`, `load_error` (facts about the run, not the protocol).
import type { DhGroup, EspProposal, Gateway, GatewayId, IkeProposal, ProxyId, TopologyDocument, TunnelId } from '../../shared/model/document';
import { FORMAT_VERSION } from '../../shared/model/document';
import { negotiateTunnel } from '../../shared/engine/negotiate';
import type { TunnelReport } from '../../shared/engine/report';
import { parseSelector } from '../../shared/net/selector';

export interface InteropChild {
  name: string;
  local_ts: string[];
  remote_ts: string[];
  esp: string;
}

export interface InteropSide {
  ike: string;
  psk: string;
  children: InteropChild[];
}

export interface ObservedChild {
  status: 'up' | 'down';
  initiator_local_ts?: string[];
  initiator_remote_ts?: string[];
  responder_config?: string;
}

export interface Observed {
  daemon?: string;
  ike: 'up' | 'down';
  children: Record<string, ObservedChild>;
  notifies_received_by_initiator: string[];
  notifies_sent_by_responder: string[];
  install_errors?: string[];
  load_error?: string | null;
}

export interface InteropCase {
  id: string;
  version: 1 | 2;
  initiator: InteropSide;
  responder: InteropSide;
  initiate: string[];
  observed: Observed;
}

const ENC: Record<string, IkeProposal['encryption'][number]> = {
  des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', aes: 'aes128',
  aes128gcm16: 'aes128gcm16', aes256gcm16: 'aes256gcm16', aes128gcm128: 'aes128gcm16', aes256gcm128: 'aes256gcm16', chacha20poly1305: 'chacha20poly1305', null: 'null',
};
const INTEG: Record<string, IkeProposal['integrity'][number]> = { md5: 'md5', sha1: 'sha1', sha: 'sha1', sha256: 'sha256', sha2_256: 'sha256', sha384: 'sha384', sha2_384: 'sha384', sha512: 'sha512', sha2_512: 'sha512' };
const DH: Record<string, DhGroup> = {
  modp768: 1, modp1024: 2, modp1536: 5, modp2048: 14, modp3072: 15, modp4096: 16, modp6144: 17, modp8192: 18,
  ecp256: 19, ecp384: 20, ecp521: 21, modp2048s256: 24, curve25519: 31, x25519: 31, curve448: 32, x448: 32,
};

/** A swanctl proposal string ("aes128-sha256-modp2048", "aes256gcm16") as the document's proposal. */
export function parseProposal(text: string): { encryption: IkeProposal['encryption']; integrity: IkeProposal['integrity']; dhGroups: DhGroup[] } {
  const encryption: IkeProposal['encryption'] = [];
  const integrity: IkeProposal['integrity'] = [];
  const dhGroups: DhGroup[] = [];
  for (const token of text.split('-')) {
    const t = token.trim().toLowerCase();
    if (ENC[t]) encryption.push(ENC[t]);
    else if (INTEG[t]) integrity.push(INTEG[t]);
    else if (DH[t] !== undefined) dhGroups.push(DH[t]);
    else throw new Error(`unknown swanctl proposal token "${token}" in "${text}"`);
  }
  if (integrity.length === 0) integrity.push('none');
  return { encryption, integrity, dhGroups };
}

/** strongSwan selector text -> the parts of a proxy ID side. */
function selectorParts(text: string): { address: string; protocol: ProxyId['protocol']; port: string } {
  const open = text.indexOf('[');
  if (open < 0) return { address: text.trim(), protocol: 'any', port: 'any' };
  const address = text.slice(0, open).trim() || 'any';
  const inner = text.slice(open + 1, text.lastIndexOf(']'));
  const [proto = 'any', port = 'any'] = inner.split('/');
  const p = /^\d+$/.test(proto) ? Number(proto) : (proto as ProxyId['protocol']);
  // ICMP: charon's type/code (a type alone is code 0) as the document's 16-bit value or range.
  const sel = port !== 'any' && (p === 'icmp' || p === 'icmpv6' || p === 1 || p === 58) ? parseSelector(text.trim()) : undefined;
  if (sel?.ok) return { address, protocol: p, port: sel.value.portFrom === sel.value.portTo && sel.value.portFrom >= 256 ? String(sel.value.portFrom) : `${sel.value.portFrom}-${sel.value.portTo}` };
  return { address, protocol: p, port };
}

/** A swanctl proposal list ("aes128-sha256,aes256gcm16") as the document's ESP proposals. */
export function parseEspList(text: string): EspProposal[] {
  return text.split(',').map((t) => parseProposal(t));
}

function proxyIdsOf(children: InteropChild[], endEsp: string): ProxyId[] {
  const out: ProxyId[] = [];
  for (const child of children) {
    // A child whose ESP proposals differ from the end's carries its own (swanctl children each have esp_proposals).
    const own = child.esp !== endEsp ? parseEspList(child.esp) : undefined;
    for (const l of child.local_ts) {
      for (const r of child.remote_ts) {
        const lp = selectorParts(l);
        const rp = selectorParts(r);
        const p: ProxyId = { name: child.name, local: lp.address, remote: rp.address, protocol: lp.protocol, localPort: lp.port, remotePort: rp.port };
        if (rp.protocol !== lp.protocol) p.remoteProtocol = rp.protocol;
        if (own) p.espProposals = own;
        out.push(p);
      }
    }
  }
  return out;
}

function gateway(id: string, name: string, address: string, x: number): Gateway {
  return {
    id: id as GatewayId, name, vendor: 'strongswan', model: 'Linux', osVersion: '5.9.8', vpnType: 'policy-based',
    interfaces: [{ name: 'eth0', kind: 'physical', address }], routes: [], natRules: [], policies: [], position: { x, y: 0 }, notes: '', vendorOptions: {},
  };
}

function end(gatewayId: string, version: 1 | 2, side: InteropSide, children: InteropChild[]) {
  const ike = parseEspList(side.ike) as IkeProposal[];
  const espText = children[0]?.esp ?? side.children[0]?.esp ?? 'aes128-sha256';
  return {
    gatewayId: gatewayId as GatewayId, outsideInterface: 'eth0', tunnelInterface: '', ikeVersion: version, exchangeMode: 'main' as const,
    ike: { proposals: ike, lifetimeSeconds: 28800 },
    auth: { method: 'psk' as const, psk: side.psk },
    esp: { proposals: parseEspList(espText), lifetimeSeconds: 3600, mode: 'tunnel' as const },
    proxyIds: proxyIdsOf(children, espText),
    vendorOptions: {},
    natTraversal: true, dpd: { enabled: true, intervalSeconds: 10 },
    monitor: { enabled: false, rekey: false, optimized: false, action: 'wait-recover' as const, threshold: 5, intervalSeconds: 3 },
    passive: false,
  };
}

/** Two strongSwan gateways (A 192.0.2.1 initiates, B 192.0.2.2) and one tunnel "t". */
export function caseToDocument(c: InteropCase): TopologyDocument {
  // The initiator's children in the order they are initiated (one IKE SA; the first rides IKE_AUTH).
  const initiated = c.initiate.map((n) => c.initiator.children.find((ch) => ch.name === n)).filter((ch): ch is InteropChild => ch !== undefined);
  return {
    formatVersion: FORMAT_VERSION,
    name: c.id,
    gateways: [gateway('gw-a', 'A', '192.0.2.1/24', 0), gateway('gw-b', 'B', '192.0.2.2/24', 400)],
    networks: [],
    tunnels: [{ id: 't' as TunnelId, name: c.id, a: end('gw-a', c.version, c.initiator, initiated), b: end('gw-b', c.version, c.responder, c.responder.children), initiator: 'a', notes: '' }],
    notes: '',
  };
}

/** The engine's report in the fixture's `observed` shape. */
export function reportToObserved(report: TunnelReport): Observed {
  const children: Record<string, ObservedChild> = {};
  for (const p of report.phase2) {
    // Up but asymmetric is up for charon's rig (it reads the initiator's installed selectors).
    const mine = p.installed?.initiator ?? p.negotiated;
    if (p.status !== 'down' && mine) {
      children[p.name] = { status: 'up', initiator_local_ts: mine.local, initiator_remote_ts: mine.remote, ...(p.responderConfig !== undefined ? { responder_config: p.responderConfig } : {}) };
    } else {
      children[p.name] = { status: 'down' };
    }
  }
  const sent = new Set<string>();
  const received = new Set<string>();
  const resp = report.initiatorEnd === 'a' ? 'b' : 'a';
  for (const m of report.timeline) {
    if (!m.notify || m.from !== resp) continue;
    sent.add(m.notify);
    if (!m.unreadable) received.add(m.notify);
  }
  return { ike: report.phase1.status, children, notifies_received_by_initiator: [...received], notifies_sent_by_responder: [...sent] };
}

export function predictObserved(c: InteropCase): Observed {
  return reportToObserved(negotiateTunnel(caseToDocument(c), 't', { initiator: 'a' }));
}

/** Differences between predicted and observed, in the compared fields (empty = agreement). */
export function compareObserved(predicted: Observed, observed: Observed): string[] {
  const diffs: string[] = [];
  const set = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])].sort().join(', ');
  if (predicted.ike !== observed.ike) diffs.push(`ike: engine ${predicted.ike}, real ${observed.ike}`);
  for (const [name, o] of Object.entries(observed.children)) {
    const p = predicted.children[name];
    if (!p) {
      diffs.push(`child ${name}: missing in the engine's report`);
      continue;
    }
    if (p.status !== o.status) diffs.push(`child ${name}: engine ${p.status}, real ${o.status}`);
    if (o.status === 'up' && p.status === 'up') {
      if (set(p.initiator_local_ts) !== set(o.initiator_local_ts)) diffs.push(`child ${name} local: engine [${set(p.initiator_local_ts)}], real [${set(o.initiator_local_ts)}]`);
      if (set(p.initiator_remote_ts) !== set(o.initiator_remote_ts)) diffs.push(`child ${name} remote: engine [${set(p.initiator_remote_ts)}], real [${set(o.initiator_remote_ts)}]`);
      if (o.responder_config !== undefined && p.responder_config !== o.responder_config) diffs.push(`child ${name} responder config: engine ${p.responder_config}, real ${o.responder_config}`);
    }
  }
  if (set(predicted.notifies_received_by_initiator) !== set(observed.notifies_received_by_initiator)) diffs.push(`notifies received by initiator: engine [${set(predicted.notifies_received_by_initiator)}], real [${set(observed.notifies_received_by_initiator)}]`);
  if (set(predicted.notifies_sent_by_responder) !== set(observed.notifies_sent_by_responder)) diffs.push(`notifies sent by responder: engine [${set(predicted.notifies_sent_by_responder)}], real [${set(observed.notifies_sent_by_responder)}]`);
  return diffs;
}
