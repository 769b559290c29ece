// What an edge shows at a glance: phase 1 state and the count of phase-2 selectors up and down.
// Pure so it is tested without a browser; the edge turns it into colour, icon and text.
import type { Tunnel } from '../../shared/model/document';
import type { NegotiationReport, TunnelReport } from '../../shared/engine/report';

/** `asymmetric`: every selector up, at least one installed with different selectors at the two ends. */
export type TunnelHealth = 'pending' | 'up' | 'asymmetric' | 'partial' | 'down';

export interface TunnelStatus {
  health: TunnelHealth;
  phase1: 'up' | 'down' | 'pending';
  /** Selectors installed (up or asymmetric); `phase2Asymmetric` of them with different selectors at each end. */
  phase2Up: number;
  phase2Asymmetric: number;
  phase2Down: number;
  /** Text for screen readers and tooltips, e.g. "Phase 1 up; phase 2: 1 of 2 selectors up". */
  description: string;
}

const byId = new WeakMap<NegotiationReport, Map<string, TunnelReport>>();

/** The report of one tunnel (indexed once per report: a thousand edges look theirs up each render). */
export function findReportTunnel(report: NegotiationReport | undefined, tunnel: Pick<Tunnel, 'id' | 'name'>): TunnelReport | undefined {
  if (!report) return undefined;
  let index = byId.get(report);
  if (!index) {
    index = new Map(report.tunnels.map((t) => [t.tunnelId, t]));
    byId.set(report, index);
  }
  return index.get(tunnel.id);
}

const PENDING: TunnelStatus = { health: 'pending', phase1: 'pending', phase2Up: 0, phase2Asymmetric: 0, phase2Down: 0, description: 'Not computed yet' };
const statusOf = new WeakMap<TunnelReport, TunnelStatus>();

/** A tunnel's status; the same object for the same report tunnel, so views can compare by identity. */
export function tunnelStatus(rt: TunnelReport | undefined): TunnelStatus {
  if (!rt) return PENDING;
  let status = statusOf.get(rt);
  if (!status) {
    status = computeStatus(rt);
    statusOf.set(rt, status);
  }
  return status;
}

function computeStatus(rt: TunnelReport): TunnelStatus {
  const up = rt.phase2.filter((p) => p.status !== 'down').length;
  const asym = rt.phase2.filter((p) => p.status === 'asymmetric').length;
  const down = rt.phase2.length - up;
  if (rt.phase1.status === 'down') {
    return { health: 'down', phase1: 'down', phase2Up: 0, phase2Asymmetric: 0, phase2Down: rt.phase2.length, description: `Phase 1 down${rt.phase1.notify ? ` (${rt.phase1.notify})` : ''}; phase 2 not attempted` };
  }
  const health: TunnelHealth = rt.status === 'up' && asym > 0 ? 'asymmetric' : rt.status;
  // Every selector invalid (a port without a protocol, say): nothing was proposed at all.
  if (rt.phase2.length === 0) return { health, phase1: 'up', phase2Up: 0, phase2Asymmetric: 0, phase2Down: 0, description: 'Phase 1 up; no valid phase-2 selector to propose' };
  const asymText = asym > 0 ? `, ${asym} of them asymmetric (each end installs different selectors)` : '';
  return { health, phase1: 'up', phase2Up: up, phase2Asymmetric: asym, phase2Down: down, description: `Phase 1 up; phase 2: ${up} of ${rt.phase2.length} selector${rt.phase2.length === 1 ? '' : 's'} up${asymText}` };
}

/** Icons that differ in shape, not only colour: ✓ up, ◑ up but asymmetric, ◐ partial, ✕ down, … pending. */
export const HEALTH_ICON: Record<TunnelHealth, string> = { up: '✓', asymmetric: '◑', partial: '◐', down: '✕', pending: '…' };
export const HEALTH_LABEL: Record<TunnelHealth, string> = { up: 'Up', asymmetric: 'Up, asymmetric', partial: 'Partly up', down: 'Down', pending: 'Computing' };

/** The canvas badge's text and width (px at the canvas's badge font). */
export function badgeLabel(s: TunnelStatus): { text: string; width: number } {
  const p2 = s.phase1 === 'up' ? (s.phase2Asymmetric > 0 ? `${s.phase2Up - s.phase2Asymmetric}✓ ${s.phase2Asymmetric}◑ ${s.phase2Down}✕` : `${s.phase2Up}✓ ${s.phase2Down}✕`) : s.phase1 === 'down' ? 'P2 —' : '';
  const p1 = s.phase1 === 'up' ? 'P1 ✓' : s.phase1 === 'down' ? 'P1 ✕' : 'P1 …';
  const text = `${HEALTH_ICON[s.health]} ${p1}${p2 ? `  ${p2}` : ''}`;
  return { text, width: 14 + text.length * 7.4 };
}
