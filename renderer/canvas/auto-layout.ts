// Auto-layout with ELK (layered, left to right): gateways and the networks behind them placed so
// tunnels cross as little as possible. The result is one nodes.move command (one undo step).
import type ELKType from 'elkjs/lib/elk.bundled.js';
import type { Command, NodeRef } from '../../shared/commands/commands';
import type { GatewayId, NetworkId, TopologyDocument } from '../../shared/model/document';

export const GATEWAY_SIZE = { width: 220, height: 96 };
export const NETWORK_SIZE = { width: 180, height: 56 };

let elk: InstanceType<typeof ELKType> | undefined;

export async function autoLayoutCommand(doc: TopologyDocument): Promise<Command | undefined> {
  if (doc.gateways.length === 0) return undefined;
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
  const moves: { node: NodeRef; position: { x: number; y: number } }[] = [];
  for (const c of out.children ?? []) {
    const position = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
    if (c.id.startsWith('g:')) moves.push({ node: { kind: 'gateway', id: c.id.slice(2) as GatewayId }, position });
    else moves.push({ node: { kind: 'network', id: c.id.slice(2) as NetworkId }, position });
  }
  return { type: 'nodes.move', moves };
}
