// The canvas's node and edge components. They only draw what the view model hands them; every
// change goes back to the document as a command (see Canvas.tsx).
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { BaseEdge, getStraightPath, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import type { Gateway, Network } from '../../shared/model/document';
import { vendorModule } from '../../shared/vendors/registry';
import { badgeLabel, type TunnelStatus } from './tunnel-status';
import { NetworkIcon, VendorIcon } from './vendor-icon';

export type GatewayNodeData = { gateway: Gateway; highlighted: boolean };
export type NetworkNodeData = { network: Network; highlighted: boolean };
export type GatewayNode = Node<GatewayNodeData, 'gateway'>;
export type NetworkNode = Node<NetworkNodeData, 'network'>;
export type CanvasNode = GatewayNode | NetworkNode;

export interface TunnelEdgeData extends Record<string, unknown> {
  name: string;
  status: TunnelStatus;
  highlighted: boolean;
  /** During the negotiation animation: where the message dot is (0..1 from source to target), its label, and whether phase 1 is lit. */
  anim?: { progress: number; fromSource: boolean; label: string; phase1Lit: boolean; failed: boolean };
  /** Where the badge sits: a fraction along the line from source to target, and px beside it (badge-placement.ts). */
  badge?: { along: number; beside: number };
  /** While a VPN monitor simulation runs: what the monitor shows for this tunnel. */
  monitor?: { status: 'UP' | 'READY' | 'DOWN'; routesWithdrawn: boolean; where: string };
}
export type TunnelEdge = Edge<TunnelEdgeData, 'tunnel'>;
export type AttachEdge = Edge<Record<string, unknown>, 'attach'>;
export type CanvasEdge = TunnelEdge | AttachEdge;

function outsideAddress(g: Gateway): string {
  return g.interfaces.find((i) => i.kind === 'physical' && i.address)?.address ?? '';
}

/** The path's dash while the monitor simulation has the tunnel's interface DOWN. */
const MONITOR_DOWN_DASH = '8 5';

export const GatewayNodeView = memo(function GatewayNodeView({ data, selected }: NodeProps<GatewayNode>) {
  const g = data.gateway;
  const addr = outsideAddress(g);
  return (
    <div
      className={`node gateway-node${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}`}
      data-testid={`gateway-${g.name}`}
      // A label needs a role: without one ARIA ignores it. React Flow's focusable wrapper names
      // the node briefly; this group carries the full description.
      role="group"
      aria-label={`Gateway ${g.name}, ${vendorModule(g.vendor).identity.label}${g.model ? ` ${g.model}` : ''}, ${g.vpnType}${addr ? `, ${addr}` : ''}`}
    >
      <Handle type="source" position={Position.Left} id="l" className="handle" title={`Connect from ${g.name}`} />
      <VendorIcon vendor={g.vendor} size={34} />
      <div className="node-text">
        <div className="node-title">{g.name}</div>
        <div className="node-sub">{vendorModule(g.vendor).identity.label}</div>
        <div className="node-meta">
          {[g.model, g.osVersion].filter(Boolean).join(' · ')}
          <span className="pill">{g.vpnType === 'route-based' ? 'route' : 'policy'}</span>
        </div>
        {addr && <div className="node-meta mono">{addr}</div>}
      </div>
      <Handle type="source" position={Position.Right} id="r" className="handle" title={`Connect from ${g.name}`} />
    </div>
  );
});

export const NetworkNodeView = memo(function NetworkNodeView({ data, selected }: NodeProps<NetworkNode>) {
  const n = data.network;
  return (
    <div
      className={`node network-node${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}`}
      data-testid={`network-${n.name}`}
      role="group"
      aria-label={`${n.kind === 'host' ? 'Host' : 'Network'} ${n.name}, ${n.address}`}
    >
      <Handle type="source" position={Position.Left} id="l" className="handle" title={`Attach ${n.name} to a gateway`} />
      <NetworkIcon kind={n.kind} />
      <div className="node-text">
        <div className="node-title">{n.name}</div>
        <div className="node-meta mono">{n.address}</div>
      </div>
      <Handle type="source" position={Position.Right} id="r" className="handle" title={`Attach ${n.name} to a gateway`} />
    </div>
  );
});

const HEALTH_DASH: Record<string, string | undefined> = { up: undefined, asymmetric: '14 3 2 3', partial: '10 4', down: '4 4', pending: '2 6' };

/**
 * A pill as wide as its text is drawn: the text is measured once laid out and again whenever its
 * box changes (presentation mode's larger type, a font loaded late), so it never runs past the
 * pill's ends. `estimate` is the width until the first measurement.
 */
function FittedPill({ x, y, height, radius, text, estimate, pad, textY }: { x: number; y: number; height: number; radius: number; text: string; estimate: number; pad: number; textY: number }) {
  const ref = useRef<SVGTextElement>(null);
  const [measured, setMeasured] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.getComputedTextLength !== 'function') return;
    const measure = () => {
      const w = el.getComputedTextLength();
      if (w > 0) setMeasured((m) => (m !== undefined && Math.abs(m - (w + pad)) < 0.5 ? m : w + pad));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text, pad]);
  const width = measured ?? estimate;
  return (
    <>
      <rect x={x - width / 2} y={y} width={width} height={height} rx={radius} />
      <text ref={ref} x={x} y={textY} textAnchor="middle">
        {text}
      </text>
    </>
  );
}

export const TunnelEdgeView = memo(function TunnelEdgeView(props: EdgeProps<TunnelEdge>) {
  const { sourceX, sourceY, targetX, targetY, data, selected, id } = props;
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  if (!data) return null;
  const s = data.status;
  const { text, width } = badgeLabel(s);
  // Where the canvas placed the badge (badge-placement.ts: off other badges and nodes), on this
  // edge's own line; the middle when it has not been placed.
  const along = data.badge?.along ?? 0.5;
  const beside = data.badge?.beside ?? 0;
  const len = Math.hypot(targetX - sourceX, targetY - sourceY) || 1;
  const labelX = sourceX + (targetX - sourceX) * along - ((targetY - sourceY) / len) * beside;
  const labelY = sourceY + (targetY - sourceY) * along + ((targetX - sourceX) / len) * beside;
  const anim = data.anim;
  const mon = data.monitor;
  const monText = mon ? `Monitor: ${mon.status}${mon.routesWithdrawn ? ', routes withdrawn' : ''}` : '';
  const monWidth = 14 + monText.length * 6.6;
  const dot = anim
    ? {
        x: anim.fromSource ? sourceX + (targetX - sourceX) * anim.progress : targetX + (sourceX - targetX) * anim.progress,
        y: anim.fromSource ? sourceY + (targetY - sourceY) * anim.progress : targetY + (sourceY - targetY) * anim.progress,
      }
    : undefined;
  return (
    <g className={`tunnel-edge health-${s.health}${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}${anim?.phase1Lit ? ' is-lit' : ''}${mon ? ` monitor-${mon.status.toLowerCase()}` : ''}`} data-testid={`tunnel-${data.name}`}>
      <BaseEdge id={id} path={path} className="tunnel-path" style={{ strokeDasharray: mon?.status === 'DOWN' ? MONITOR_DOWN_DASH : HEALTH_DASH[s.health] }} interactionWidth={18} />
      {/* Absolute coordinates, no transform: a transform per badge is a paint property node per
          edge, which Chromium re-layerizes on every pan frame (BENCHMARKS.md, "Canvas"). */}
      <g className="tunnel-badge" role="img" aria-label={`Tunnel ${data.name}: ${s.description}`}>
        <title>{`${data.name}: ${s.description}`}</title>
        <FittedPill x={labelX} y={labelY - 12} height={24} radius={12} text={text} estimate={width} pad={16} textY={labelY + 4} />
      </g>
      {mon && (
        // The monitor simulation's view, under the engine's verdict: the two can differ (a peer
        // lost, a monitor ping failing) and the canvas says both.
        <g className={`tunnel-monitor-badge monitor-${mon.status.toLowerCase()}`} role="img" aria-label={monText} data-testid={`tunnel-monitor-${data.name}`}>
          <title>{`VPN monitor simulation, ${mon.where}: ${monText}`}</title>
          <FittedPill x={labelX} y={labelY + 14} height={20} radius={10} text={monText} estimate={monWidth} pad={14} textY={labelY + 28} />
        </g>
      )}
      {anim && dot && anim.label && (
        <g className={`anim-message${anim.failed ? ' is-failed' : ''}`} transform={`translate(${dot.x}, ${dot.y})`}>
          <circle r={9} />
          <text y={-18} textAnchor="middle">
            {anim.label}
          </text>
        </g>
      )}
    </g>
  );
});

export const AttachEdgeView = memo(function AttachEdgeView({ sourceX, sourceY, targetX, targetY, id }: EdgeProps<AttachEdge>) {
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  return <BaseEdge id={id} path={path} className="attach-edge" />;
});

export const nodeTypes = { gateway: GatewayNodeView, network: NetworkNodeView };
export const edgeTypes = { tunnel: TunnelEdgeView, attach: AttachEdgeView };
