// Auto-layout: a hub with hundreds of spokes becomes a grid of spoke columns that fits a screen at
// a zoom the canvas allows (ELK's layered layout stacked them in one column 75,000 px tall); other
// designs keep ELK's layered layout. No two nodes overlap either way.
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/commands';
import { newTunnel } from '../../../shared/document/factory';
import { hubWithSpokes as hub } from '../../support/designs';
import type { GatewayId, TopologyDocument } from '../../../shared/model/document';
import { autoLayoutCommand, GATEWAY_SIZE, NETWORK_SIZE, STAR_MIN_SPOKES } from '../../../renderer/canvas/auto-layout';
import { fullMesh } from '../../../shared/templates/full-mesh';

async function laidOut(doc: TopologyDocument) {
  const cmd = await autoLayoutCommand(doc);
  expect(cmd?.type).toBe('nodes.move');
  const copy = structuredClone(doc);
  applyCommand(copy, cmd!);
  const boxes = [
    ...copy.gateways.map((g) => ({ id: g.id, x: g.position.x, y: g.position.y, ...GATEWAY_SIZE })),
    ...copy.networks.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, ...NETWORK_SIZE })),
  ];
  const overlaps: string[] = [];
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && (sorted[j]!.x < sorted[i]!.x + sorted[i]!.width); j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(`${a.id}/${b.id}`);
    }
  }
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  return { overlaps, width, height, moved: cmd!.type === 'nodes.move' ? cmd!.moves.length : 0, boxes: boxes.length };
}

describe('auto-layout', () => {
  it('lays a 500-spoke hub out as columns that fit a 1440 × 900 canvas at 10 % zoom, with no overlap', async () => {
    const r = await laidOut(hub(500));
    expect(r.overlaps).toEqual([]);
    expect(r.moved).toBe(r.boxes);
    // The canvas's area at 1440 × 900 is about 1000 × 600 px; at 10 % that holds 10,000 × 6,000.
    expect(r.width).toBeLessThanOrEqual(10_000);
    expect(r.height).toBeLessThanOrEqual(6_000);
    expect(r.width / r.height).toBeGreaterThan(1);
    expect(r.width / r.height).toBeLessThan(2.5);
  });

  it(`keeps ELK's layered layout below ${STAR_MIN_SPOKES} spokes and for designs that are not a single star`, async () => {
    const small = await laidOut(hub(STAR_MIN_SPOKES - 1));
    expect(small.overlaps).toEqual([]);
    // Layered left to right: the spokes form one column.
    const mesh = await laidOut(fullMesh());
    expect(mesh.overlaps).toEqual([]);
    const doc = hub(40);
    doc.tunnels.push(newTunnel({ id: 'x', name: 'x', a: doc.gateways[1]!, b: doc.gateways[2]!, ikeVersion: 2 }));
    const cmd = await autoLayoutCommand(doc);
    const spokeXs = new Set(cmd?.type === 'nodes.move' ? cmd.moves.filter((m) => m.node.kind === 'gateway' && m.node.id !== ('hub' as GatewayId)).map((m) => m.position.x) : []);
    // Not the grid (which would give many spoke columns): ELK places the spoke-to-spoke tunnel in layers.
    expect(spokeXs.size).toBeLessThan(6);
  });
});
