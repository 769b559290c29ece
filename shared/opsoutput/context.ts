// What every simulated operational command reads: the gateway's tunnel ends with addresses,
// their SAs in the monitor state, and the time. Vendor files only format it.
import type { EndKey, Gateway, ProxyId, TopologyDocument, Tunnel, TunnelEnd } from '../model/document';
import type { MonitorState, SaRecord } from '../monitor/monitor';
import { effectiveProxyIds, otherEnd } from '../monitor/negotiator';
import type { LinkStatus } from '../monitor/rules';
import { interfaceStatuses, type SaView } from '../monitor/status';

export interface EndContext {
  tunnel: Tunnel;
  endKey: EndKey;
  end: TunnelEnd;
  peer: Gateway | undefined;
  localIp: string;
  peerIp: string;
  sas: { record: SaRecord; proxyId: ProxyId; view: SaView | undefined }[];
  reachable: boolean;
}

export interface OpsContext {
  doc: TopologyDocument;
  gateway: Gateway;
  now: number;
  ends: EndContext[];
  state: MonitorState;
}

function ikeAddress(gw: Gateway | undefined, ifaceName: string): string {
  const i = gw?.interfaces.find((x) => x.name === ifaceName && x.address) ?? gw?.interfaces.find((x) => x.kind === 'physical' && x.address);
  return i?.address?.split('/')[0] ?? '0.0.0.0';
}

export function opsContext(doc: TopologyDocument, state: MonitorState, gateway: Gateway): OpsContext {
  const views = interfaceStatuses(doc, state, gateway.id).flatMap((v) => v.sas);
  const ends: EndContext[] = [];
  for (const t of doc.tunnels) {
    for (const endKey of ['a', 'b'] as const) {
      if (t[endKey].gatewayId !== gateway.id) continue;
      const end = t[endKey];
      const peerEnd = t[otherEnd(endKey)];
      const peer = doc.gateways.find((g) => g.id === peerEnd.gatewayId);
      const pids = effectiveProxyIds(end);
      const sas = state.sas
        .filter((s) => s.tunnelId === t.id && s.end === endKey)
        .flatMap((record) => {
          const proxyId = pids[record.index];
          return proxyId ? [{ record, proxyId, view: views.find((v) => v.tunnelId === t.id && v.end === endKey && v.index === record.index) }] : [];
        });
      ends.push({ tunnel: t, endKey, end, peer, localIp: ikeAddress(gateway, end.outsideInterface), peerIp: ikeAddress(peer, peerEnd.outsideInterface), sas, reachable: state.paths[t.id]?.reachable ?? true });
    }
  }
  return { doc, gateway, now: state.now, ends, state };
}

/** Seconds of lifetime left for an ACTIVE SA at `now`. */
export function lifeLeft(record: SaRecord, end: TunnelEnd, now: number): number {
  if (record.establishedAt === undefined) return 0;
  return Math.max(0, Math.floor(end.esp.lifetimeSeconds - (now - record.establishedAt) / 1000));
}

export function ageSeconds(record: SaRecord, now: number): number {
  return record.establishedAt === undefined ? 0 : Math.max(0, Math.floor((now - record.establishedAt) / 1000));
}

/** The ESP transform in use: what the engine negotiated, else this end's first choice. */
export function espOf(record: SaRecord, end: TunnelEnd, proxyId?: ProxyId): { encryption: string; integrity: string } {
  if (record.esp) {
    const [encryption = '', integrity = ''] = record.esp.split('/');
    return { encryption, integrity };
  }
  const p = proxyId?.espProposals?.[0] ?? end.esp.proposals[0];
  return { encryption: p?.encryption[0] ?? 'aes256', integrity: p?.integrity[0] ?? 'sha256' };
}

export function linkOf(view: SaView | undefined): LinkStatus {
  return view?.link ?? 'none';
}

export function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

export function padStart(s: string | number, n: number): string {
  return String(s).padStart(n);
}
