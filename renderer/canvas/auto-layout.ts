// Auto-layout with ELK (layered, left to right): gateways and the networks behind them placed so
// tunnels cross as little as possible. A hub with many spokes and nothing else (ELK would stack the
// spokes in one column taller than the minimum zoom shows) is laid out as a grid of spoke columns
// around the hub instead. The result is one nodes.move command (one undo step).
import type ELKType from 'elkjs/lib/elk.bundled.js';
import type { Command, NodeRef } from '../../shared/commands/commands';
import type { GatewayId, NetworkId, TopologyDocument } from '../../shared/model/document';

export const GATEWAY_SIZE = { width: 220, height: 96 };
export const NETWORK_SIZE = { width: 180, height: 56 };

let elk: InstanceType<typeof ELKType> | undefined;

/** From this many spokes on, a pure hub-and-spoke design is laid out as a grid. */
export const STAR_MIN_SPOKES = 12;
const GAP = { x: 48, y: 28, network: 24 };

type Move = { node: NodeRef; position: { x: number; y: number } };

/** The hub of a design whose every tunnel has the same gateway at one end, when it has enough spokes. */
function starHub(doc: TopologyDocument): GatewayId | undefined {
  const degree = new Map<string, number>();
  for (const t of doc.tunnels) for (const id of [t.a.gatewayId, t.b.gatewayId]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const hub = [...degree].sort((x, y) => y[1] - x[1])[0]?.[0];
  if (!hub) return undefined;
  const spokes = new Set(doc.tunnels.map((t) => (t.a.gatewayId === hub ? t.b.gatewayId : t.a.gatewayId)));
  const pure = doc.tunnels.every((t) => t.a.gatewayId === hub || t.b.gatewayId === hub) && doc.gateways.every((g) => g.id === hub || spokes.has(g.id));
  return pure && spokes.size >= STAR_MIN_SPOKES ? (hub as GatewayId) : undefined;
}

/**
 * The hub in the middle of the left edge, its networks to its left; the spokes in columns to its
 * right, each with its networks stacked beside it, as many columns as make the drawing about as
 * wide as a 16:10 screen, so a fit shows every label at a readable size.
 */
function starLayout(doc: TopologyDocument, hub: GatewayId): Move[] {
  const netsOf = (id: string) => doc.networks.filter((n) => n.gatewayId === id);
  const spokes = doc.gateways.filter((g) => g.id !== hub);
  const unit = {
    width: GATEWAY_SIZE.width + GAP.network + NETWORK_SIZE.width + GAP.x * 2,
    height: Math.max(GATEWAY_SIZE.height, ...spokes.map((g) => netsOf(g.id).length * (NETWORK_SIZE.height + 8))) + GAP.y,
  };
  const columns = Math.max(1, Math.round(Math.sqrt((spokes.length * unit.height * 1.6) / unit.width)));
  const rows = Math.ceil(spokes.length / columns);
  const hubX = NETWORK_SIZE.width + GAP.x * 2;
  const left = hubX + GATEWAY_SIZE.width + GAP.x * 3;
  const hubY = Math.round((rows * unit.height) / 2 - GATEWAY_SIZE.height / 2);
  const moves: Move[] = [{ node: { kind: 'gateway', id: hub }, position: { x: hubX, y: hubY } }];
  netsOf(hub).forEach((n, i) => moves.push({ node: { kind: 'network', id: n.id as NetworkId }, position: { x: 0, y: hubY + i * (NETWORK_SIZE.height + 8) } }));
  spokes.forEach((g, i) => {
    const x = left + Math.floor(i / rows) * unit.width;
    const y = (i % rows) * unit.height;
    moves.push({ node: { kind: 'gateway', id: g.id as GatewayId }, position: { x, y } });
    netsOf(g.id).forEach((n, k) => moves.push({ node: { kind: 'network', id: n.id as NetworkId }, position: { x: x + GATEWAY_SIZE.width + GAP.network, y: y + k * (NETWORK_SIZE.height + 8) } }));
  });
  return moves;
}

export async function autoLayoutCommand(doc: TopologyDocument): Promise<Command | undefined> {
  if (doc.gateways.length === 0) return undefined;
  const hub = starHub(doc);
  if (hub) return { type: 'nodes.move', moves: starLayout(doc, hub) };
  // Loaded on first use: ELK is large and most sessions never auto-layout.
  if (!elk) {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    elk = new ELK();
  }
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: [
      ...doc.gateways.map((g) => ({ id: `g:${g.id}`, ...GATEWAY_SIZE })),
      ...doc.networks.map((n) => ({ id: `n:${n.id}`, ...NETWORK_SIZE })),
    ],
    edges: [
      ...doc.tunnels.map((t) => ({ id: `t:${t.id}`, sources: [`g:${t.a.gatewayId}`], targets: [`g:${t.b.gatewayId}`] })),
      // Networks sit before (to the left of) their gateway.
      ...doc.networks.map((n) => ({ id: `a:${n.id}`, sources: [`n:${n.id}`], targets: [`g:${n.gatewayId}`] })),
    ],
  };
  const out = await elk.layout(graph);
  const moves: Move[] = [];
  for (const c of out.children ?? []) {
    const position = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
    if (c.id.startsWith('g:')) moves.push({ node: { kind: 'gateway', id: c.id.slice(2) as GatewayId }, position });
    else moves.push({ node: { kind: 'network', id: c.id.slice(2) as NetworkId }, position });
  }
  return { type: 'nodes.move', moves };
}
