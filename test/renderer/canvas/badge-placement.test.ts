// Tunnel badges in the exported picture overlap no other badge and no gateway or network box: in
// every template (the full mesh's two diagonals cross at one middle), and in a 60-spoke hub drawn
// as a star. placeBadges is also checked on its own: the middle when free, then along the line.
import { describe, expect, it } from 'vitest';
import { placeBadges, type Box } from '../../../renderer/canvas/badge-placement';
import { buildSvg } from '../../../renderer/canvas/export-image';
import { computeReport } from '../../../shared/engine/report-cache';
import { TEMPLATES } from '../../../shared/templates';
import { hubAndSpoke } from '../../../shared/templates/hub-and-spoke';
import type { TopologyDocument } from '../../../shared/model/document';

function rects(svg: string): { badges: Box[]; nodes: Box[] } {
  const badges: Box[] = [];
  const nodes: Box[] = [];
  for (const m of svg.matchAll(/<rect x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="(\d+)"/g)) {
    const b = { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
    (m[5] === '12' ? badges : nodes).push(b);
  }
  return { badges, nodes };
}

const hits = (p: Box, q: Box) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

function collisions(doc: TopologyDocument): string[] {
  const { badges, nodes } = rects(buildSvg(doc, computeReport(doc)));
  expect(badges).toHaveLength(doc.tunnels.length);
  const out: string[] = [];
  badges.forEach((b, i) => {
    badges.forEach((c, j) => {
      if (j > i && hits(b, c)) out.push(`badge ${doc.tunnels[i]?.name} overlaps badge ${doc.tunnels[j]?.name}`);
    });
    nodes.forEach((n, j) => {
      if (hits(b, n)) out.push(`badge ${doc.tunnels[i]?.name} overlaps node ${j}`);
    });
  });
  return out;
}

/** A hub with `n` spokes in a circle around it, every tunnel from the hub. */
function star(n: number): TopologyDocument {
  const doc = hubAndSpoke();
  const hub = doc.gateways[0]!;
  const spoke = doc.gateways[1]!;
  const tunnel = doc.tunnels[0]!;
  const r = 160 + n * 24;
  const spokes = Array.from({ length: n }, (_, i) => ({ ...spoke, id: `spoke-${i}` as typeof spoke.id, name: `spoke-${i}`, position: { x: Math.round(r * Math.cos((2 * Math.PI * i) / n)), y: Math.round(r * Math.sin((2 * Math.PI * i) / n)) } }));
  return {
    ...doc,
    networks: [],
    gateways: [{ ...hub, position: { x: -110, y: -48 } }, ...spokes],
    tunnels: spokes.map((s, i) => ({ ...tunnel, id: `t-${i}` as typeof tunnel.id, name: `hub-${s.name}`, a: { ...tunnel.a, gatewayId: hub.id }, b: { ...tunnel.b, gatewayId: s.id } })),
  };
}

describe('tunnel badges in the exported picture', () => {
  for (const t of TEMPLATES) {
    it(`overlap nothing in the ${t.title} template`, () => {
      expect(collisions(t.build())).toEqual([]);
    });
  }

  it('overlap nothing in a 60-spoke hub drawn as a star', () => {
    expect(collisions(star(60))).toEqual([]);
  });
});

describe('placeBadges', () => {
  it('puts a badge at the middle of its line when nothing is there', () => {
    expect(placeBadges([{ a: { x: 0, y: 0 }, b: { x: 400, y: 0 }, width: 80, height: 24 }], [])).toEqual([{ x: 200, y: 0, along: 0.5, beside: 0 }]);
  });

  it('moves the second of two crossing diagonals along its line, off the first', () => {
    const [p, q] = placeBadges(
      [
        { a: { x: 0, y: 0 }, b: { x: 400, y: 400 }, width: 120, height: 24 },
        { a: { x: 400, y: 0 }, b: { x: 0, y: 400 }, width: 120, height: 24 },
      ],
      [],
    );
    expect(p).toMatchObject({ x: 200, y: 200 });
    expect(q).not.toMatchObject({ x: 200, y: 200 });
    // Still on its own line (x + y = 400).
    expect(q!.x + q!.y).toBeCloseTo(400);
    expect(hits({ x: p!.x - 60, y: p!.y - 12, width: 120, height: 24 }, { x: q!.x - 60, y: q!.y - 12, width: 120, height: 24 })).toBe(false);
  });

  it('keeps a badge off a box on the middle of its line', () => {
    const [p] = placeBadges([{ a: { x: 0, y: 0 }, b: { x: 1000, y: 0 }, width: 100, height: 24 }], [{ x: 440, y: -40, width: 120, height: 80 }]);
    expect(p!.y).toBe(0);
    expect(Math.abs(p!.x - 500)).toBeGreaterThan(110);
  });
});
