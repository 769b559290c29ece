// The VPN monitor as a pure state machine over a whole document: one record per phase-2 SA
// (per proxy ID of each tunnel end), driven by events that carry the time from an injected
// clock. Every state change names the rule (rules.ts) that made it.
import type { EndKey, TopologyDocument, Tunnel, TunnelEnd, TunnelId } from '../model/document';
import { parseAddressSpec, parseInterfaceAddress, parseIp, type AddressRange } from '../net/address';
import { effectiveProxyIds, otherEnd, type NegotiationOutcome, type Negotiator } from './negotiator';
import { decide } from '../vocabulary/decision-table';
import type { FailureSignal } from '../vocabulary/notify';
import { vendorModule } from '../vendors/registry';
import { insideInterfaceOf } from '../vendors/kit/export/context';
import { PROBE_ANSWER, SA_TRANSITIONS, type SaAction, type SaEventType } from './rules';
import type { SaRecord, SaState } from '../vocabulary/sa';
import { parsePacket, proxyIdMatches, specHas, type Packet } from './traffic';


export interface PeerPath {
  /** False after "peer loss": nothing from the other end arrives. */
  reachable: boolean;
  lostAt?: number;
}

export interface MonitorLogEntry {
  at: number;
  tunnelId: TunnelId;
  end?: EndKey;
  index?: number;
  message: string;
  rule?: string;
}

export interface MonitorState {
  now: number;
  sas: SaRecord[];
  paths: Record<string, PeerPath>;
  /** Per tunnel end ("tun-1/a"): when the monitor last probed, and consecutive lost probes. */
  probes: Record<string, { lastAt: number; failures: number }>;
  log: MonitorLogEntry[];
}

export type MonitorEvent =
  | { type: 'traffic'; at: number; tunnelId: TunnelId; end: EndKey; index?: number; packet?: Packet; bytes?: number }
  | { type: 'rekey'; at: number; tunnelId: TunnelId; end: EndKey; index?: number }
  | { type: 'lifetime-expiry'; at: number; tunnelId: TunnelId; end?: EndKey; index?: number }
  | { type: 'peer-loss'; at: number; tunnelId: TunnelId }
  | { type: 'peer-recover'; at: number; tunnelId: TunnelId }
  | { type: 'dpd-timeout'; at: number; tunnelId: TunnelId; end: EndKey }
  | { type: 'peer-restart'; at: number; tunnelId: TunnelId; /** the end that restarts */ end: EndKey }
  | { type: 'negotiation-failure'; at: number; tunnelId: TunnelId; end: EndKey; index: number; notify: FailureSignal }
  | { type: 'tick'; at: number };

/** DPD declares the peer dead after this many unanswered R-U-THERE messages (assumed; products default to 3-5). */
export const DPD_RETRIES = 3;
const LOG_LIMIT = 200;

export function saKey(tunnelId: TunnelId, end: EndKey, index: number): string {
  return `${tunnelId}/${end}/${index}`;
}

export function initialMonitorState(doc: TopologyDocument, now: number): MonitorState {
  const sas: SaRecord[] = [];
  const paths: Record<string, PeerPath> = {};
  const probes: MonitorState['probes'] = {};
  for (const t of doc.tunnels) {
    paths[t.id] = { reachable: true };
    for (const end of ['a', 'b'] as const) {
      probes[`${t.id}/${end}`] = { lastAt: now, failures: 0 };
      effectiveProxyIds(t[end]).forEach((_, index) => {
        sas.push({ tunnelId: t.id, end, index, state: 'INACTIVE', since: now, generation: 0, peerHasSa: true, monitorFailures: 0, packetsOut: 0, packetsIn: 0, bytesOut: 0, bytesIn: 0, rule: 'INITIAL' });
      });
    }
  }
  return { now, sas, paths, probes, log: [] };
}

/**
 * The state once the network has settled at `now`: on-demand SAs still INACTIVE, SAs that a
 * VPN monitor with rekey brings up without traffic (KB6221) negotiated at its first probe.
 */
export function settledMonitorState(doc: TopologyDocument, now: number, negotiate: Negotiator): MonitorState {
  const start = initialMonitorState(doc, now);
  const longest = Math.max(0, ...doc.tunnels.flatMap((t) => [t.a, t.b]).filter((e) => e.monitor.enabled && e.monitor.rekey).map((e) => e.monitor.intervalSeconds * 1000));
  return longest === 0 ? start : applyEvent(doc, start, { type: 'tick', at: now + longest }, negotiate);
}

/**
 * Keeps the records in step with an edited document: SAs of proxy IDs that still exist keep
 * their state; new ones start INACTIVE; removed ones disappear.
 */
export function reconcile(doc: TopologyDocument, state: MonitorState): MonitorState {
  const fresh = initialMonitorState(doc, state.now);
  const old = new Map(state.sas.map((s) => [saKey(s.tunnelId, s.end, s.index), s]));
  return {
    ...fresh,
    sas: fresh.sas.map((s) => old.get(saKey(s.tunnelId, s.end, s.index)) ?? s),
    paths: Object.fromEntries(Object.keys(fresh.paths).map((k) => [k, state.paths[k] ?? { reachable: true }])),
    probes: Object.fromEntries(Object.keys(fresh.probes).map((k) => [k, state.probes[k] ?? { lastAt: state.now, failures: 0 }])),
    log: state.log,
  };
}

/** Applies one event. Time never goes back: an event older than the state's clock is applied at the state's time. */
export function applyEvent(doc: TopologyDocument, state: MonitorState, event: MonitorEvent, negotiate: Negotiator): MonitorState {
  const sim = new Sim(doc, state, negotiate, Math.max(event.at, state.now));
  sim.apply(event);
  return sim.result();
}

const POSITIONS = new WeakMap<readonly SaRecord[], Map<string, number[]>>();

/** Where each tunnel end's records sit in a state's `sas` (computed once per record layout). */
function positionsOf(sas: readonly SaRecord[]): Map<string, number[]> {
  let idx = POSITIONS.get(sas);
  if (!idx) {
    idx = new Map();
    sas.forEach((sa, pos) => {
      const k = `${sa.tunnelId}/${sa.end}`;
      const list = idx?.get(k);
      if (list) list.push(pos);
      else idx?.set(k, [pos]);
    });
    POSITIONS.set(sas, idx);
  }
  return idx;
}

class Sim {
  private sas: SaRecord[];
  private paths: Record<string, PeerPath>;
  private probes: MonitorState['probes'];
  private log: MonitorLogEntry[];
  private tunnels: Map<string, Tunnel>;
  /** Positions in `sas` of each tunnel end's records, in index order. */
  private index: Map<string, number[]>;
  /** Positions already copied: records are copied on first touch, so an event costs what it changes. */
  private copied = new Set<number>();

  constructor(private doc: TopologyDocument, state: MonitorState, private negotiate: Negotiator, private now: number) {
    this.sas = state.sas.slice();
    this.index = positionsOf(state.sas);
    // Copied on write: `path()` and `probe()` copy the one entry they change.
    this.paths = { ...state.paths };
    this.probes = { ...state.probes };
    this.log = [...state.log];
    this.tunnels = new Map(doc.tunnels.map((t) => [t.id, t]));
  }

  result(): MonitorState {
    // Same records in the same places: the position index carries over to the new array.
    POSITIONS.set(this.sas, this.index);
    return { now: this.now, sas: this.sas, paths: this.paths, probes: this.probes, log: this.log.slice(-LOG_LIMIT) };
  }

  /** The records of one tunnel end, copied before this event may change them. */
  private endRecords(tunnelId: TunnelId, end: EndKey): SaRecord[] {
    return (this.index.get(`${tunnelId}/${end}`) ?? []).map((pos) => {
      if (!this.copied.has(pos)) {
        this.sas[pos] = { ...(this.sas[pos] as SaRecord) };
        this.copied.add(pos);
      }
      return this.sas[pos] as SaRecord;
    });
  }

  private note(entry: Omit<MonitorLogEntry, 'at'>, at = this.now) {
    this.log.push({ at, ...entry });
  }

  private select(tunnelId: TunnelId, end?: EndKey, index?: number): SaRecord[] {
    const ends: EndKey[] = end === undefined ? ['a', 'b'] : [end];
    return ends.flatMap((k) => this.endRecords(tunnelId, k)).filter((s) => index === undefined || s.index === index);
  }

  apply(e: MonitorEvent): void {
    switch (e.type) {
      case 'tick':
        this.tick(e.at);
        return;
      case 'traffic': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        let index = e.index;
        if (index === undefined && e.packet) {
          const parsed = parsePacket(e.packet);
          if (!parsed.ok) return;
          const found = effectiveProxyIds(t[e.end]).findIndex((p) => proxyIdMatches(p, parsed.value, 'outbound'));
          if (found < 0) {
            this.note({ tunnelId: e.tunnelId, end: e.end, message: 'traffic matches no proxy ID of this end; no SA is triggered' });
            return;
          }
          index = found;
        }
        for (const sa of this.select(e.tunnelId, e.end, index ?? 0)) {
          this.transition(t, sa, 'traffic', e.packet);
          if (sa.state === 'ACTIVE') {
            sa.packetsOut += 1;
            sa.bytesOut += e.bytes ?? 100;
            const peer = this.responderRecord(t, sa);
            if (peer && sa.peerHasSa && this.path(t).reachable) {
              peer.packetsIn += 1;
              peer.bytesIn += e.bytes ?? 100;
            }
          }
        }
        return;
      }
      case 'rekey': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        for (const sa of this.select(e.tunnelId, e.end, e.index)) this.transition(t, sa, 'rekey');
        return;
      }
      case 'lifetime-expiry': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        for (const sa of this.select(e.tunnelId, e.end, e.index)) this.transition(t, sa, 'lifetime-expiry');
        return;
      }
      case 'peer-loss': {
        const old = this.paths[e.tunnelId];
        if (!old || !old.reachable) return;
        this.paths[e.tunnelId] = { reachable: false, lostAt: this.now };
        this.note({ tunnelId: e.tunnelId, message: 'peer lost: nothing arrives from the other end any more' });
        return;
      }
      case 'peer-recover': {
        const old = this.paths[e.tunnelId];
        if (!old || old.reachable) return;
        this.paths[e.tunnelId] = { reachable: true };
        this.note({ tunnelId: e.tunnelId, message: 'peer reachable again' });
        return;
      }
      case 'dpd-timeout': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        for (const sa of this.select(e.tunnelId, e.end)) this.transition(t, sa, 'dpd-timeout');
        return;
      }
      case 'peer-restart': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        // The restarting end forgets its SAs; the other end still believes in them.
        for (const sa of this.select(e.tunnelId, e.end)) {
          if (sa.state !== 'INACTIVE') this.set(sa, 'INACTIVE', 'PEER-REBOOTED', 'gateway restarted: SA database cleared');
          sa.peerHasSa = true;
          delete sa.staleSince;
        }
        for (const sa of this.select(e.tunnelId, otherEnd(e.end))) this.transition(t, sa, 'peer-restart');
        return;
      }
      case 'negotiation-failure': {
        const t = this.tunnels.get(e.tunnelId);
        if (!t) return;
        for (const sa of this.select(e.tunnelId, e.end, e.index)) {
          this.transition(t, sa, 'negotiation-failure');
          sa.notify = e.notify;
        }
        return;
      }
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private path(t: Tunnel): PeerPath {
    return this.paths[t.id] ?? { reachable: true };
  }

  private set(sa: SaRecord, state: SaState, rule: string, message: string) {
    const changed = sa.state !== state;
    sa.state = state;
    sa.rule = rule;
    if (changed) sa.since = this.now;
    if (state !== 'ACTIVE') {
      delete sa.establishedAt;
      delete sa.negotiated;
      sa.monitorFailures = 0;
    }
    this.note({ tunnelId: sa.tunnelId, end: sa.end, index: sa.index, message, rule });
  }

  private transition(t: Tunnel, sa: SaRecord, event: SaEventType, packet?: Packet): void {
    const end = t[sa.end];
    const d = decide(SA_TRANSITIONS, { state: sa.state, event, monitorRekey: end.monitor.enabled && end.monitor.rekey, peerHasSa: sa.peerHasSa });
    const action: SaAction = d.value;
    if (action.kind === 'keep') return;
    if (action.kind === 'set') {
      if (action.stale) {
        sa.peerHasSa = false;
        sa.staleSince = this.now;
        sa.rule = d.rule.id;
        this.note({ tunnelId: sa.tunnelId, end: sa.end, index: sa.index, message: 'peer restarted: it no longer has this SA', rule: d.rule.id });
        return;
      }
      this.set(sa, action.state, d.rule.id, `${event}: SA ${action.state}`);
      if (action.state !== 'ACTIVE') {
        sa.peerHasSa = true;
        delete sa.staleSince;
      }
      return;
    }
    this.runNegotiation(t, sa, d.rule.id, packet);
  }

  private runNegotiation(t: Tunnel, sa: SaRecord, rule: string, packet?: Packet): void {
    const outcome: NegotiationOutcome = this.path(t).reachable
      ? this.negotiate(this.doc, { tunnel: t, initiator: sa.end, proxyIndex: sa.index, ...(packet ? { packet } : {}) })
      : { status: 'down', notify: 'TIMEOUT', reason: 'the peer does not answer (peer lost)' };
    if (outcome.status === 'down') {
      this.set(sa, 'DOWN', rule, `negotiation failed: ${outcome.notify}`);
      sa.notify = outcome.notify;
      sa.reason = outcome.reason;
      sa.peerHasSa = true;
      delete sa.staleSince;
      return;
    }
    this.establish(sa, rule, { local: outcome.local, remote: outcome.remote }, outcome.esp, outcome.peer);
    const responder = this.responderRecord(t, sa);
    if (responder) this.establish(responder, rule, outcome.peer ?? { local: outcome.remote, remote: outcome.local }, outcome.esp, outcome.peer ? { local: outcome.local, remote: outcome.remote } : undefined);
  }

  private establish(sa: SaRecord, rule: string, negotiated: { local: string[]; remote: string[] }, esp: string | undefined, peerInstalled?: { local: string[]; remote: string[] }) {
    this.set(sa, 'ACTIVE', rule, `SA established (${negotiated.local.join(',')} ↔ ${negotiated.remote.join(',')})`);
    sa.since = this.now;
    sa.establishedAt = this.now;
    sa.generation += 1;
    sa.negotiated = negotiated;
    if (peerInstalled) sa.peerInstalled = peerInstalled;
    else delete sa.peerInstalled;
    if (esp !== undefined) sa.esp = esp;
    delete sa.notify;
    delete sa.reason;
    sa.peerHasSa = true;
    delete sa.staleSince;
    sa.monitorFailures = 0;
  }

  /**
   * The other end's record for the same SA: its first proxy ID whose addresses overlap the
   * mirrored selectors (an SA the responder accepted lies inside one of its proxy IDs).
   */
  private responderRecord(t: Tunnel, sa: SaRecord): SaRecord | undefined {
    const other = otherEnd(sa.end);
    const mine = effectiveProxyIds(t[sa.end])[sa.index];
    if (!mine) return undefined;
    const local = sa.negotiated?.local ?? [mine.local];
    const remote = sa.negotiated?.remote ?? [mine.remote];
    const theirs = effectiveProxyIds(t[other]);
    const idx = theirs.findIndex((p) => overlapsAny(p.local, remote) && overlapsAny(p.remote, local));
    if (idx < 0) return undefined;
    return this.endRecords(t.id, other).find((s) => s.index === idx);
  }

  private tick(at: number): void {
    for (const t of this.doc.tunnels) {
      for (const endKey of ['a', 'b'] as const) {
        const end = t[endKey];
        // Lifetime expiry, in time order of expiry.
        for (const sa of this.select(t.id, endKey)) {
          if (sa.state === 'ACTIVE' && sa.establishedAt !== undefined && sa.establishedAt + end.esp.lifetimeSeconds * 1000 <= at) {
            this.now = Math.max(this.now, sa.establishedAt + end.esp.lifetimeSeconds * 1000);
            this.transition(t, sa, 'lifetime-expiry');
          }
        }
        this.now = Math.max(this.now, at);
        // Dead-peer detection: a lost path, or SAs the peer forgot.
        if (end.dpd.enabled) {
          const detect = end.dpd.intervalSeconds * 1000 * DPD_RETRIES;
          const path = this.path(t);
          const active = this.select(t.id, endKey).filter((s) => s.state === 'ACTIVE');
          const lost = !path.reachable && path.lostAt !== undefined && at - path.lostAt >= detect;
          const stale = active.some((s) => !s.peerHasSa && s.staleSince !== undefined && at - s.staleSince >= detect);
          if (active.length > 0 && (lost || stale)) {
            this.note({ tunnelId: t.id, end: endKey, message: `DPD: no answer after ${DPD_RETRIES} × ${end.dpd.intervalSeconds} s` });
            for (const sa of active) this.transition(t, sa, 'dpd-timeout');
          }
        }
        this.probe(t, endKey, at);
      }
    }
    this.now = at;
  }

  /** VPN monitor / tunnel monitor probes every interval; rekey renegotiates what is not up. */
  private probe(t: Tunnel, endKey: EndKey, at: number): void {
    const end = t[endKey];
    const key = `${t.id}/${endKey}`;
    const probe = { ...(this.probes[key] ?? { lastAt: at, failures: 0 }) };
    this.probes[key] = probe;
    if (!end.monitor.enabled) {
      probe.lastAt = at;
      return;
    }
    const intervalMs = end.monitor.intervalSeconds * 1000;
    const rounds = Math.floor((at - probe.lastAt) / intervalMs);
    if (rounds <= 0) return;
    probe.lastAt += rounds * intervalMs;
    const reachable = this.path(t).reachable;
    const peerVendor = this.doc.gateways.find((g) => g.id === t[otherEnd(endKey)].gatewayId)?.vendor;
    const peerAnswersOnAnySa = peerVendor !== undefined && vendorModule(peerVendor).monitor.answersVpnMonitorOnAnySa;
    const target = monitorTarget(this.doc, t, endKey);
    let answeredAny = false;
    for (const sa of this.select(t.id, endKey)) {
      const pid = effectiveProxyIds(end)[sa.index];
      const answered = decide(PROBE_ANSWER, {
        saActive: sa.state === 'ACTIVE',
        peerReachable: reachable,
        peerHasSa: sa.peerHasSa,
        peerAnswersOnAnySa,
        pingMatchesProxyId: pid !== undefined && target !== undefined && pingMatches(pid, target),
        optimized: end.monitor.optimized,
        trafficArrived: sa.packetsIn > (sa.packetsInAtProbe ?? 0),
      }).value;
      sa.packetsInAtProbe = sa.packetsIn;
      if (answered) {
        sa.monitorFailures = 0;
        answeredAny = true;
      } else if (sa.state === 'ACTIVE') sa.monitorFailures += rounds;
    }
    probe.failures = answeredAny ? 0 : probe.failures + rounds;
    if (end.monitor.rekey) {
      for (const sa of this.select(t.id, endKey)) {
        if (sa.state !== 'ACTIVE' || (!sa.peerHasSa && sa.monitorFailures >= end.monitor.threshold)) this.transition(t, sa, 'monitor-rekey');
      }
    }
  }
}

function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.from <= b.to && b.from <= a.to;
}

function overlapsAny(spec: string, selectors: readonly string[]): boolean {
  const r = parseAddressSpec(spec);
  if (!r.ok) return false;
  return selectors.some((s) => {
    const addr = s.replace(/\[.*$/, '').replace('..', '-');
    const q = parseAddressSpec(addr === '0.0.0.0/0' ? 'any' : addr === '::/0' ? 'any6' : addr);
    return q.ok && overlaps(r.value, q.value);
  });
}

/** Where the monitor pings: the configured destination, else the peer's IKE address (ScreenOS default). */
export function monitorTarget(doc: TopologyDocument, t: Tunnel, endKey: EndKey): { dst: string; src?: string } | undefined {
  const end: TunnelEnd = t[endKey];
  const gw = doc.gateways.find((g) => g.id === end.gatewayId);
  // ScreenOS takes a destination only with a source interface; with none set, the export writes the
  // inside interface (shared/vendors/screenos/export.ts), so the ping comes from its address and
  // only the proxy ID whose local side holds it matches (KB16008).
  const outsideName = end.outsideInterface || gw?.interfaces.find((i) => i.kind === 'physical')?.name || '';
  const tunnelIfs = new Set(doc.tunnels.flatMap((x) => [x.a, x.b]).filter((e) => e.gatewayId === end.gatewayId).map((e) => e.tunnelInterface));
  const sourceName = end.monitor.sourceInterface || (end.monitor.destinationIp && gw ? insideInterfaceOf(gw, outsideName, tunnelIfs)?.name : undefined);
  const src = sourceName ? gw?.interfaces.find((i) => i.name === sourceName)?.address : undefined;
  const srcIp = src ? parseInterfaceAddress(src) : undefined;
  const srcText = srcIp && srcIp.ok ? src?.split('/')[0] : undefined;
  if (end.monitor.destinationIp) return { dst: end.monitor.destinationIp, ...(srcText ? { src: srcText } : {}) };
  const peerEnd = t[otherEnd(endKey)];
  const peer = doc.gateways.find((g) => g.id === peerEnd.gatewayId);
  const outside = peer?.interfaces.find((i) => i.name === peerEnd.outsideInterface && i.address) ?? peer?.interfaces.find((i) => i.kind === 'physical' && i.address);
  const dst = outside?.address?.split('/')[0];
  return dst ? { dst, ...(srcText ? { src: srcText } : {}) } : undefined;
}

/** The ping matches a proxy ID when its destination is inside the remote side (and its source, when known, inside the local side). */
export function pingMatches(pid: { local: string; remote: string }, target: { dst: string; src?: string }): boolean {
  const d = parseIp(target.dst);
  if (!d.ok || !specHas(pid.remote, d.value.family, d.value.value)) return false;
  if (target.src === undefined) return true;
  const s = parseIp(target.src);
  return s.ok && specHas(pid.local, s.value.family, s.value.value);
}
