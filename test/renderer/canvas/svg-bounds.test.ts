// The exported picture is as big as the drawing: its bounds are the nodes' and badges' own, padded,
// never stretched to the canvas origin (a design far from it exported with ~40 % empty margin).
import { describe, expect, it } from 'vitest';
import { buildSvg, fitText } from '../../../renderer/canvas/export-image';
import { GATEWAY_SIZE } from '../../../renderer/canvas/auto-layout';
import { computeReport } from '../../../shared/engine/report-cache';
import { emptyDocument } from '../../../shared/model/document';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

const box = (svg: string) => {
  const m = /viewBox="(-?[\d.]+) (-?[\d.]+) (\d+) (\d+)"/.exec(svg);
  return m ? { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) } : undefined;
};

describe('the exported picture\'s bounds', () => {
  it('hug the drawing wherever it sits, with the same 40 px margin on every side', () => {
    const doc = panAsaInterop();
    const far = { ...doc, gateways: doc.gateways.map((g) => ({ ...g, position: { x: g.position.x + 3000, y: g.position.y + 2000 } })), networks: doc.networks.map((n) => ({ ...n, position: { x: n.position.x + 3000, y: n.position.y + 2000 } })) };
    const near = box(buildSvg(doc, computeReport(doc)));
    const moved = box(buildSvg(far, computeReport(far)));
    expect(moved).toEqual({ x: near!.x + 3000, y: near!.y + 2000, w: near!.w, h: near!.h });
    const xs = far.gateways.map((g) => g.position.x);
    expect(moved!.x).toBe(Math.min(...xs, ...far.networks.map((n) => n.position.x)) - 40);
    expect(moved!.w).toBeLessThanOrEqual(Math.max(...xs) + GATEWAY_SIZE.width - Math.min(...xs, ...far.networks.map((n) => n.position.x)) + 80 + 400);
  });

  it('take in a long tunnel badge between two gateways one above the other', () => {
    const doc = panAsaInterop();
    const [a, b] = doc.gateways;
    const stacked = { ...doc, networks: [], gateways: [{ ...a!, position: { x: 0, y: 0 } }, { ...b!, position: { x: 0, y: 400 } }], tunnels: doc.tunnels.map((t) => ({ ...t, name: 'a-tunnel-name-long-enough-to-be-wider-than-a-gateway' })) };
    const v = box(buildSvg(stacked, undefined))!;
    expect(v.x).toBeLessThan(-40);
    expect(v.w).toBeGreaterThan(GATEWAY_SIZE.width + 80);
  });

  it('give an empty design a small empty picture', () => {
    expect(box(buildSvg(emptyDocument(), undefined))).toEqual({ x: -40, y: -40, w: 480, h: 280 });
  });
});

describe('text in the exported picture', () => {
  it('is cut with an ellipsis to fit its box, and the whole name stays in the tooltip', () => {
    const doc = panAsaInterop();
    const long = 'A-gateway-name-of-the-longest-kind-a-document-takes-63-chars-xx';
    const named = { ...doc, gateways: doc.gateways.map((g, i) => (i === 0 ? { ...g, name: long } : g)), networks: doc.networks.map((n) => ({ ...n, name: `${n.name} with a long description of the site` })) };
    const svg = buildSvg(named, undefined);
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
    expect(texts).not.toContain(long);
    expect(texts.some((t) => t.startsWith('A-gateway-name') && t.endsWith('…'))).toBe(true);
    expect(svg).toContain(`<title>${long}</title>`);
    // Every gateway line fits the 158 px beside the vendor mark at the estimated advance.
    const cut = fitText(long, 158, 14, 'bold');
    expect([...cut].length * 14 * 0.7).toBeLessThanOrEqual(158);
    expect(fitText('PA-HQ', 158, 14, 'bold')).toBe('PA-HQ');
  });
});
