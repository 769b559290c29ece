// What a vendor's simulated operational commands (`show vpn ipsec-sa`, `get sa`, `show crypto
// ipsec sa`, `swanctl --list-sas`) read: the gateway's tunnel ends with their addresses and SAs as
// the VPN monitor holds them, and the time. The show-commands layer builds it from the monitor's
// state; the vendor only formats it.
import type { EndKey, Gateway, ProxyId, TopologyDocument, Tunnel, TunnelEnd } from '../../model/document';
import type { LinkStatus, SaRecord } from '../../vocabulary/sa';

export interface ShowSa {
  record: SaRecord;
  proxyId: ProxyId;
  /** The VPN monitor's view of the SA's link. */
  link: LinkStatus;
}

export interface ShowEnd {
  tunnel: Tunnel;
  endKey: EndKey;
  end: TunnelEnd;
  peer: Gateway | undefined;
  localIp: string;
  peerIp: string;
  sas: ShowSa[];
  /** False after the peer was lost (nothing from the other end arrives). */
  reachable: boolean;
}

export interface ShowContext {
  doc: TopologyDocument;
  gateway: Gateway;
  /** Milliseconds of the injected clock. */
  now: number;
  ends: ShowEnd[];
}

export interface ShowCommand {
  /** As typed on the box, e.g. `show vpn ipsec-sa`. `<tunnel>` stands for the argument. */
  command: string;
  takesTunnel?: boolean;
  /** The output; undefined when the tunnel argument names no tunnel of this gateway. */
  run: (ctx: ShowContext, tunnel?: string) => string | undefined;
}

export interface VendorShow {
  commands: readonly ShowCommand[];
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

export function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

export function padStart(s: string | number, n: number): string {
  return String(s).padStart(n);
}
