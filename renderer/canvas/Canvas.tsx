// The canvas: a React Flow view of the document. Nodes and edges are derived from the document,
// the report, the selection and the highlight; every change React Flow reports (drag, select,
// connect, drop) becomes a command or a selection change. Node objects are cached so a drag of
// one node re-renders one node, not five hundred.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  ConnectionMode,
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import type { Editor } from '../../shared/commands/editor';
import type { NodeRef } from '../../shared/commands/commands';
import type { Gateway, GatewayId, Network, NetworkId, TopologyDocument, TunnelId, Vendor } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import type { Highlight, MonitorOverlay, Selection } from '../app/panels';
import { addGatewayCommand, addNetworkCommand, addTunnelCommand, nearestGateway } from './create';
import { CanvasMinimap, DotBackdrop, fitPadding, fitWouldHideUnderMinimap, selectSmallCanvas } from './canvas-backdrop';
import { edgeTypes, nodeTypes, type CanvasEdge, type CanvasNode, type TunnelEdgeData } from './nodes';
import { badgeLabel, findReportTunnel, tunnelStatus } from './tunnel-status';
import { placeBadges, type BadgeRequest, type Box } from './badge-placement';
import { GATEWAY_SIZE, NETWORK_SIZE } from './auto-layout';

export const PALETTE_MIME = 'application/x-ipsec-studio-palette';
export type PaletteItem = { kind: 'gateway'; vendor: Vendor } | { kind: 'network' } | { kind: 'host' };

export interface EdgeAnimation {
  tunnelId: string;
  anim: NonNullable<TunnelEdgeData['anim']>;
}

export interface CanvasProps {
  editor: Editor;
  document: TopologyDocument;
  report: NegotiationReport | undefined;
  selection: Selection;
  onSelectionChange: (s: Selection) => void;
  highlight: Highlight | null;
  snapToGrid: boolean;
  showMinimap: boolean;
  animation: EdgeAnimation | undefined;
  /** A running VPN monitor simulation's state per tunnel (the monitor panel's), shown on the tunnel too. */
  monitor?: MonitorOverlay | null;
  onMessage: (text: string) => void;
}

export const nodeId = {
  gateway: (id: string) => `g:${id}`,
  network: (id: string) => `n:${id}`,
  tunnel: (id: string) => `t:${id}`,
  attach: (id: string) => `a:${id}`,
};

function parseNodeId(id: string): NodeRef | undefined {
  if (id.startsWith('g:')) return { kind: 'gateway', id: id.slice(2) as GatewayId };
  if (id.startsWith('n:')) return { kind: 'network', id: id.slice(2) as NetworkId };
  return undefined;
}

interface Measured {
  width: number;
  height: number;
}

// Constant props live outside the component: React Flow copies changed props into its store, and
// every store change runs each node's and edge's subscription (thousands on a large canvas), so
// a fresh `[16, 16]` per render cost every keystroke several milliseconds.
const SNAP_GRID: [number, number] = [16, 16];
// Shift+click adds to the selection as in most drawing tools (Shift+drag still draws a selection box).
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const DEFAULT_VIEWPORT = { x: 0, y: 0, zoom: 1 };
const FIT_BESIDE_MINIMAP = { padding: fitPadding(true, Infinity, Infinity) };
const FIT_BESIDE_SMALL_MINIMAP = { padding: fitPadding(true, 0, 0) };
const FIT_PLAIN = { padding: fitPadding(false, 0, 0) };
// Evaluated on every store change (each pan frame); recomputed only when nodes or size change.
let fitMemo: { nodes: unknown; width: number; height: number; hides: boolean } | undefined;
const selectFitWouldHide = (s: ReactFlowState) => {
  if (!fitMemo || fitMemo.nodes !== s.nodes || fitMemo.width !== s.width || fitMemo.height !== s.height) fitMemo = { nodes: s.nodes, width: s.width, height: s.height, hides: fitWouldHideUnderMinimap(s) };
  return fitMemo.hides;
};

export function Canvas(props: CanvasProps) {
  const { editor, document: doc, report, selection, onSelectionChange, highlight, snapToGrid, showMinimap, animation, monitor, onMessage } = props;
  const flow = useReactFlow();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(() => new Map());
  // Where the nodes being dragged are, until the drag ends: only then does the move become one
  // document command. Dispatching on every mouse move re-rendered the whole app synchronously
  // inside the event (the editor is an external store), so a drag on a 500-gateway canvas
  // updated at about 35 frames a second instead of 60 (BENCHMARKS.md, "Canvas").
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<string, XYPosition> | null>(null);
  // While the view moves, the viewport is its own compositor layer, so a pan frame moves pixels
  // instead of repainting every node (BENCHMARKS.md). Only while moving: a layer that keeps
  // will-change would keep the raster scale it had, and text would stay blurred after a zoom.
  const flowRef = useRef<HTMLDivElement>(null);
  const smallCanvas = useStore(selectSmallCanvas);
  const fitWouldHide = useStore(selectFitWouldHide);
  const onMoveStart = useCallback(() => flowRef.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => flowRef.current?.classList.remove('is-moving'), []);

  const selected = useMemo(
    () => ({ g: new Set<string>(selection.gateways), n: new Set<string>(selection.networks), t: new Set<string>(selection.tunnels) }),
    [selection],
  );
  const hl = useMemo(() => ({ nodes: new Set(highlight?.nodes ?? []), edges: new Set(highlight?.edges ?? []) }), [highlight]);

  // Per-canvas memory of the last lists, so an unchanged list keeps its identity (see ListMemo).
  const [nodeMemo] = useState(() => new ListMemo<CanvasNode>());
  const [edgeMemo] = useState(() => new ListMemo<CanvasEdge>());
  const nodes = useMemo((): CanvasNode[] => {
    const out: CanvasNode[] = [];
    for (const g of doc.gateways) {
      const id = nodeId.gateway(g.id);
      const m = measured.get(id);
      const isSel = selected.g.has(g.id);
      const isHl = hl.nodes.has(g.id);
      const position = dragPositions?.get(id) ?? g.position;
      out.push(nodeMemo.item(id, [g, isSel, isHl, m, position], () => ({ id, type: 'gateway', position, data: { gateway: g, highlighted: isHl }, selected: isSel, ariaLabel: `Gateway ${g.name}`, ...(m ? { measured: m } : {}) })));
    }
    for (const n of doc.networks) {
      const id = nodeId.network(n.id);
      const m = measured.get(id);
      const isSel = selected.n.has(n.id);
      const isHl = hl.nodes.has(n.id);
      const position = dragPositions?.get(id) ?? n.position;
      out.push(nodeMemo.item(id, [n, isSel, isHl, m, position], () => ({ id, type: 'network', position, data: { network: n, highlighted: isHl }, selected: isSel, ariaLabel: `${n.kind === 'host' ? 'Host' : 'Network'} ${n.name}`, ...(m ? { measured: m } : {}) })));
    }
    return nodeMemo.settle(out);
  }, [doc.gateways, doc.networks, selected, hl, measured, dragPositions, nodeMemo]);

  // Each tunnel badge's place on its line, clear of the other badges and of every node (the same
  // placement as the exported picture): lines run between the facing side handles, at mid-height.
  const badgePlaces = useMemo(() => {
    const boxOf = new Map<string, Box>();
    const boxes: Box[] = [];
    const add = (id: string, at: XYPosition, size: { width: number; height: number }) => {
      const b = { x: at.x, y: at.y, width: size.width, height: size.height };
      boxOf.set(id, b);
      boxes.push(b);
    };
    for (const g of doc.gateways) add(nodeId.gateway(g.id), dragPositions?.get(nodeId.gateway(g.id)) ?? g.position, measured.get(nodeId.gateway(g.id)) ?? GATEWAY_SIZE);
    for (const n of doc.networks) add(nodeId.network(n.id), dragPositions?.get(nodeId.network(n.id)) ?? n.position, measured.get(nodeId.network(n.id)) ?? NETWORK_SIZE);
    const ids: string[] = [];
    const requests: BadgeRequest[] = [];
    for (const t of doc.tunnels) {
      const a = boxOf.get(nodeId.gateway(t.a.gatewayId));
      const b = boxOf.get(nodeId.gateway(t.b.gatewayId));
      if (!a || !b) continue;
      const aLeft = a.x <= b.x;
      requests.push({ a: { x: aLeft ? a.x + a.width : a.x, y: a.y + a.height / 2 }, b: { x: aLeft ? b.x : b.x + b.width, y: b.y + b.height / 2 }, width: badgeLabel(tunnelStatus(findReportTunnel(report, t))).width, height: 24 });
      ids.push(t.id);
    }
    const places = placeBadges(requests, boxes);
    return new Map(ids.map((id, i) => [id, { along: places[i]?.along ?? 0.5, beside: places[i]?.beside ?? 0 }]));
  }, [doc.gateways, doc.networks, doc.tunnels, report, measured, dragPositions]);

  const edges = useMemo((): CanvasEdge[] => {
    const out: CanvasEdge[] = [];
    const gx = new Map<string, number>();
    const gname = new Map<string, string>();
    for (const g of doc.gateways) {
      gx.set(g.id, (dragPositions?.get(nodeId.gateway(g.id)) ?? g.position).x);
      gname.set(g.id, g.name);
    }
    // Connect the facing sides: the right handle of the left node to the left handle of the right one.
    const sides = (fromX: number | undefined, toX: number | undefined) => ((fromX ?? 0) <= (toX ?? 0) ? (['r', 'l'] as const) : (['l', 'r'] as const));
    const cachedEdge = (id: string, key: unknown[], make: () => CanvasEdge) => edgeMemo.item(id, key, make);
    for (const n of doc.networks) {
      const [sh, th] = sides((dragPositions?.get(nodeId.network(n.id)) ?? n.position).x + 90, (gx.get(n.gatewayId) ?? 0) + 110);
      // Named for screen readers (React Flow's default label would read out internal ids).
      const label = `${n.kind === 'host' ? 'Host' : 'Network'} ${n.name} behind ${gname.get(n.gatewayId) ?? 'no gateway'}`;
      out.push(cachedEdge(nodeId.attach(n.id), [sh, n.gatewayId, label], () => ({ id: nodeId.attach(n.id), type: 'attach', source: nodeId.network(n.id), target: nodeId.gateway(n.gatewayId), sourceHandle: sh, targetHandle: th, selectable: false, focusable: false, data: {}, ariaLabel: label })));
    }
    for (const t of doc.tunnels) {
      const status = tunnelStatus(findReportTunnel(report, t));
      const [sh, th] = sides(gx.get(t.a.gatewayId), gx.get(t.b.gatewayId));
      const isSel = selected.t.has(t.id);
      const isHl = hl.edges.has(t.id);
      const anim = animation && animation.tunnelId === t.id ? animation.anim : undefined;
      const mon = monitor?.[t.id];
      const badge = badgePlaces.get(t.id);
      out.push(
        // Keyed on what the edge draws, not on the tunnel object: editing a proxy ID or a proposal
        // leaves the edge as it was, so React Flow is not handed a new edge list per keystroke.
        cachedEdge(nodeId.tunnel(t.id), [t.name, t.a.gatewayId, t.b.gatewayId, sh, status.health, status.phase1, status.phase2Up, status.phase2Asymmetric, status.phase2Down, status.description, isSel, isHl, anim, mon?.status, mon?.routesWithdrawn, mon?.where, badge?.along, badge?.beside], () => {
          const data: TunnelEdgeData = { name: t.name, status, highlighted: isHl };
          if (anim) data.anim = anim;
          if (mon) data.monitor = mon;
          if (badge) data.badge = badge;
          // The tunnel being played is drawn above every other edge, so its moving message never
          // passes under another tunnel's badge.
          return { id: nodeId.tunnel(t.id), type: 'tunnel', source: nodeId.gateway(t.a.gatewayId), target: nodeId.gateway(t.b.gatewayId), sourceHandle: sh, targetHandle: th, selected: isSel, data, ariaLabel: `Tunnel ${t.name}: ${status.description}`, ...(anim ? { zIndex: 1 } : {}) };
        }),
      );
    }
    return edgeMemo.settle(out);
  }, [doc.gateways, doc.networks, doc.tunnels, report, selected, hl, animation, monitor, dragPositions, edgeMemo, badgePlaces]);

  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

  const livePositions = useRef(new Map<string, XYPosition>());
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moves: { node: NodeRef; position: { x: number; y: number } }[] = [];
      let live: [string, XYPosition][] | undefined;
      let sel: Selection | undefined;
      let dims: [string, Measured][] | undefined;
      for (const c of changes) {
        if (c.type === 'position') {
          const at = c.position ? { x: Math.round(c.position.x), y: Math.round(c.position.y) } : livePositions.current.get(c.id);
          if (!at) continue;
          if (c.dragging) {
            // Still dragging: the canvas shows it, the document waits for the drop.
            (live ??= []).push([c.id, at]);
            continue;
          }
          const ref = parseNodeId(c.id);
          if (ref) moves.push({ node: ref, position: at });
        } else if (c.type === 'dimensions' && c.dimensions) {
          (dims ??= []).push([c.id, { width: c.dimensions.width, height: c.dimensions.height }]);
        } else if (c.type === 'select') {
          const ref = parseNodeId(c.id);
          if (!ref) continue;
          sel ??= { ...selectionRef.current, gateways: [...selectionRef.current.gateways], networks: [...selectionRef.current.networks] };
          const list = ref.kind === 'gateway' ? sel.gateways : sel.networks;
          const i = (list as string[]).indexOf(ref.id);
          if (c.selected && i < 0) (list as string[]).push(ref.id);
          if (!c.selected && i >= 0) list.splice(i, 1);
        }
      }
      if (live) {
        for (const [id, at] of live) livePositions.current.set(id, at);
        const snapshot = new Map(livePositions.current);
        setDragPositions(snapshot);
      }
      if (moves.length) {
        // The drop: one command for the whole drag (every node that moved), one undo step.
        editor.dispatch({ type: 'nodes.move', moves });
        editor.closeMerge();
        livePositions.current.clear();
        setDragPositions(null);
      }
      if (sel) {
        // React Flow reports a click that moves the selection from a node to an edge (or back) as
        // two calls, nodes then edges, before React renders: the second must start from the first.
        selectionRef.current = sel;
        onSelectionChange(sel);
      }
      if (dims) {
        const add = dims;
        setMeasured((m) => {
          const next = new Map(m);
          for (const [id, d] of add) next.set(id, d);
          return next;
        });
      }
    },
    [editor, onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      let sel: Selection | undefined;
      for (const c of changes) {
        if (c.type !== 'select' || !c.id.startsWith('t:')) continue;
        sel ??= { ...selectionRef.current, tunnels: [...selectionRef.current.tunnels] };
        const id = c.id.slice(2) as TunnelId;
        const i = sel.tunnels.indexOf(id);
        if (c.selected && i < 0) sel.tunnels.push(id);
        if (!c.selected && i >= 0) sel.tunnels.splice(i, 1);
      }
      if (sel) {
        selectionRef.current = sel;
        onSelectionChange(sel);
      }
    },
    [onSelectionChange],
  );

  // React Flow reports the drop as a position change without `dragging`, handled above; should a
  // drag end without one, what the canvas showed still becomes the command.
  const onNodeDragStop = useCallback(() => {
    const left = [...livePositions.current].flatMap(([id, position]) => {
      const node = parseNodeId(id);
      return node ? [{ node, position }] : [];
    });
    livePositions.current.clear();
    if (left.length) editor.dispatch({ type: 'nodes.move', moves: left });
    editor.closeMerge();
    setDragPositions(null);
  }, [editor]);

  const onConnect = useCallback(
    (c: Connection) => {
      const a = parseNodeId(c.source);
      const b = parseNodeId(c.target);
      if (!a || !b) return;
      const d = editor.document;
      if (a.kind === 'gateway' && b.kind === 'gateway') {
        const r = addTunnelCommand(d, a.id, b.id);
        if ('error' in r) return onMessage(r.error);
        editor.dispatch(r.command);
        onSelectionChange({ gateways: [], networks: [], tunnels: [r.id as TunnelId] });
        return;
      }
      const net = a.kind === 'network' ? a : b.kind === 'network' ? b : undefined;
      const gw = a.kind === 'gateway' ? a : b.kind === 'gateway' ? b : undefined;
      if (net && gw) editor.dispatch({ type: 'network.update', id: net.id as NetworkId, changes: { gatewayId: gw.id as GatewayId } });
      else onMessage('Connect a network to a gateway, or two gateways with a tunnel.');
    },
    [editor, onMessage, onSelectionChange],
  );

  const isValidConnection = useCallback((c: Connection | CanvasEdge) => {
    if (c.source === c.target) return false;
    return c.source.startsWith('g:') || c.target.startsWith('g:');
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      document.body.classList.remove('palette-dragging');
      const raw = e.dataTransfer.getData(PALETTE_MIME);
      if (!raw) return;
      e.preventDefault();
      let item: PaletteItem;
      try {
        item = JSON.parse(raw) as PaletteItem;
      } catch {
        return;
      }
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      dropItem(editor, item, p, onMessage, onSelectionChange);
    },
    [editor, flow, onMessage, onSelectionChange],
  );

  return (
    <ReactFlow<CanvasNode, CanvasEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      connectionMode={ConnectionMode.Loose}
      connectionRadius={40}
      onDragOver={onDragOver}
      onDrop={onDrop}
      snapToGrid={snapToGrid}
      snapGrid={SNAP_GRID}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      minZoom={0.05}
      maxZoom={3}
      onlyRenderVisibleElements
      proOptions={PRO_OPTIONS}
      defaultViewport={DEFAULT_VIEWPORT}
      aria-label="Topology canvas"
      ref={flowRef}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
    >
      <DotBackdrop gap={16} size={1.2} />
      {showMinimap && (
        <Panel position="bottom-right">
          <CanvasMinimap />
        </Panel>
      )}
      <Controls showInteractive={false} aria-label="Zoom controls" fitViewOptions={!showMinimap || !fitWouldHide ? FIT_PLAIN : smallCanvas ? FIT_BESIDE_SMALL_MINIMAP : FIT_BESIDE_MINIMAP} />
    </ReactFlow>
  );
}

/**
 * Remembers one list of view objects between renders: items keyed by id and rebuilt only when
 * their key changes, and the whole list returned as the previous one when every item is the same
 * object, so React Flow sees no change at all (each change makes it walk all 1,000 edges).
 */
class ListMemo<T> {
  private last: T[] = [];
  private items = new Map<string, { key: unknown[]; value: T }>();
  private next = new Map<string, { key: unknown[]; value: T }>();

  item(id: string, key: unknown[], make: () => T): T {
    const prev = this.items.get(id);
    const entry = prev && prev.key.length === key.length && prev.key.every((k, i) => k === key[i]) ? prev : { key, value: make() };
    this.next.set(id, entry);
    return entry.value;
  }

  settle(list: T[]): T[] {
    this.items = this.next;
    this.next = new Map();
    if (this.last.length === list.length && this.last.every((x, i) => x === list[i])) return this.last;
    this.last = list;
    return list;
  }
}

/** Adds a palette item at a canvas position (drop, or Enter on a palette item). */
export function dropItem(editor: Editor, item: PaletteItem, p: { x: number; y: number }, onMessage: (t: string) => void, onSelectionChange: (s: Selection) => void): void {
  const d = editor.document;
  if (item.kind === 'gateway') {
    const { command, id } = addGatewayCommand(d, item.vendor, { x: Math.round(p.x - 110), y: Math.round(p.y - 48) });
    editor.dispatch(command);
    onSelectionChange({ gateways: [id], networks: [], tunnels: [] });
    return;
  }
  const gw: Gateway | undefined = nearestGateway(d, p);
  if (!gw) {
    onMessage('Place a gateway first: networks and hosts attach to the nearest gateway.');
    return;
  }
  const kind: Network['kind'] = item.kind;
  const { command, id } = addNetworkCommand(d, kind, { x: Math.round(p.x - 90), y: Math.round(p.y - 28) }, gw);
  editor.dispatch(command);
  onSelectionChange({ gateways: [], networks: [id as NetworkId], tunnels: [] });
  onMessage(`${kind === 'host' ? 'Host' : 'Network'} attached to ${gw.name}.`);
}
