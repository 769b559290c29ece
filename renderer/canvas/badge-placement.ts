// Where each tunnel's status badge sits on its line: at the middle when that is free, else the
// nearest point along the line (then just beside it) where it overlaps no other badge and no
// gateway or network box. Two diagonals of a full mesh cross at one middle; a hub's tunnels all
// start at one box. The same placement draws the canvas and the exported picture, so the two agree.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BadgeRequest {
  /** The line's two ends (the centres of the gateways it joins). */
  a: { x: number; y: number };
  b: { x: number; y: number };
  width: number;
  height: number;
}

/** The badge's centre, and where that is on its line: a fraction from `a` to `b`, and px beside it. */
export interface BadgePlace {
  x: number;
  y: number;
  along: number;
  beside: number;
}

/** Fractions along the line, nearest the middle first. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/** Gap kept between two badges, and between a badge and a box. */
const GAP = 4;

function overlap(p: Box, q: Box): number {
  const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x) + GAP;
  const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y) + GAP;
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * A bucket grid of boxes so each candidate is checked against its neighbours only: a 500-spoke hub
 * places its badges in linear time.
 */
class Grid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size: number) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x / this.size); i <= Math.floor((b.x + b.width) / this.size); i++) for (let j = Math.floor(b.y / this.size); j <= Math.floor((b.y + b.height) / this.size); j++) out.push(`${i},${j}`);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  overlap(b: Box): number {
    const seen = new Set<Box>();
    let total = 0;
    for (const k of this.keys({ x: b.x - GAP, y: b.y - GAP, width: b.width + 2 * GAP, height: b.height + 2 * GAP })) {
      for (const o of this.cells.get(k) ?? []) {
        if (seen.has(o)) continue;
        seen.add(o);
        total += overlap(b, o);
      }
    }
    return total;
  }
}

/**
 * The badges' centres, in request order. Each is put at the first candidate (along its line from
 * the middle outwards, then the same points moved off the line by a badge's height) that overlaps
 * nothing already placed and no box; when every candidate overlaps something, the one that
 * overlaps least.
 */
export function placeBadges(requests: readonly BadgeRequest[], boxes: readonly Box[]): BadgePlace[] {
  const grid = new Grid(256);
  for (const b of boxes) grid.add(b);
  const out: BadgePlace[] = [];
  for (const r of requests) {
    const dx = r.b.x - r.a.x;
    const dy = r.b.y - r.a.y;
    const len = Math.hypot(dx, dy) || 1;
    // The line's normal, for candidates beside it.
    const nx = -dy / len;
    const ny = dx / len;
    const off = r.height + GAP;
    let best: { place: BadgePlace; cost: number } | undefined;
    const candidates = [0, off, -off].flatMap((o) => ALONG.map((t) => ({ x: r.a.x + dx * t + nx * o, y: r.a.y + dy * t + ny * o, along: t, beside: o })));
    for (const c of candidates) {
      const cost = grid.overlap({ x: c.x - r.width / 2, y: c.y - r.height / 2, width: r.width, height: r.height });
      if (!best || cost < best.cost) best = { place: c, cost };
      if (cost === 0) break;
    }
    const place = best?.place ?? { x: (r.a.x + r.b.x) / 2, y: (r.a.y + r.b.y) / 2, along: 0.5, beside: 0 };
    grid.add({ x: place.x - r.width / 2, y: place.y - r.height / 2, width: r.width, height: r.height });
    out.push(place);
  }
  return out;
}
