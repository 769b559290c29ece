// Canvas export as a standalone SVG drawing (and PNG rendered from it): gateways with their
// vendor marks, networks, tunnels with their status badges. Built from the document and the
// report, not by screenshotting the DOM, so it is crisp at any size and needs no inline script.
// saveCanvasImage is the whole export: draw, encode, hand to the platform, say how it went.
import type { NegotiationReport } from '../../shared/engine/report';
import type { TopologyDocument } from '../../shared/model/document';
import { vendorModule } from '../../shared/vendors/registry';
import { GATEWAY_SIZE, NETWORK_SIZE } from './auto-layout';
import { placeBadges } from './badge-placement';
import { findReportTunnel, HEALTH_ICON, tunnelStatus } from './tunnel-status';
import { vendorMarkSvg } from './vendor-icon';
import type { Platform, SaveResult } from '../platform/platform';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface SvgTheme {
  background: string;
  node: string;
  nodeStroke: string;
  text: string;
  muted: string;
  health: Record<'up' | 'asymmetric' | 'partial' | 'down' | 'pending', string>;
}

export const LIGHT_SVG: SvgTheme = { background: '#f7f8fa', node: '#ffffff', nodeStroke: '#b8c0cc', text: '#15202b', muted: '#5b6776', health: { up: '#1d7a3a', asymmetric: '#a65f00', partial: '#a65f00', down: '#c0262d', pending: '#6b7785' } };
export const DARK_SVG: SvgTheme = { background: '#14181f', node: '#1e242d', nodeStroke: '#3a4452', text: '#e8edf3', muted: '#9aa6b5', health: { up: '#4cc27a', asymmetric: '#f0a83a', partial: '#f0a83a', down: '#ff6b6b', pending: '#8a96a5' } };

const advanceOf = (size: number, face: 'bold' | 'regular' | 'mono') => size * (face === 'bold' ? 0.7 : face === 'mono' ? 0.62 : 0.56);

/** The width `text` takes at most at `size` px (the same estimate as fitText). */
export function textWidth(text: string, size: number, face: 'bold' | 'regular' | 'mono'): number {
  return [...text].length * advanceOf(size, face);
}

/**
 * Text cut to fit `width` px at `size` px, with an ellipsis: the picture is drawn without a
 * browser to measure in, so widths are estimated from the font's widest common advance (0.7 em bold,
 * 0.56 em regular, 0.62 em monospace: DejaVu Sans, the widest fallback of system-ui, rounded up).
 */
export function fitText(text: string, width: number, size: number, face: 'bold' | 'regular' | 'mono'): string {
  const advance = advanceOf(size, face);
  const max = Math.max(1, Math.floor(width / advance));
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function buildSvg(doc: TopologyDocument, report: NegotiationReport | undefined, theme: SvgTheme = LIGHT_SVG): string {
  const boxes: { x: number; y: number; width: number; height: number }[] = [
    ...doc.gateways.map((g) => ({ ...g.position, ...GATEWAY_SIZE })),
    ...doc.networks.map((n) => ({ ...n.position, ...NETWORK_SIZE })),
  ];
  const center = new Map<string, { x: number; y: number }>();
  for (const g of doc.gateways) center.set(`g:${g.id}`, { x: g.position.x + GATEWAY_SIZE.width / 2, y: g.position.y + GATEWAY_SIZE.height / 2 });
  for (const n of doc.networks) center.set(`n:${n.id}`, { x: n.position.x + NETWORK_SIZE.width / 2, y: n.position.y + NETWORK_SIZE.height / 2 });
  // Each tunnel's badge, as wide as its text at most takes; the badges count for the bounds too (a
  // long one between two nodes one above the other is wider than they are).
  const badges = doc.tunnels.flatMap((t) => {
    const a = center.get(`g:${t.a.gatewayId}`);
    const b = center.get(`g:${t.b.gatewayId}`);
    if (!a || !b) return [];
    const st = tunnelStatus(findReportTunnel(report, t));
    const label = `${HEALTH_ICON[st.health]} ${t.name}${st.phase1 === 'up' ? ` · P2 ${st.phase2Up}✓ ${st.phase2Down}✕` : st.phase1 === 'down' ? ' · P1 ✕' : ''}`;
    return [{ a, b, st, label, width: 16 + textWidth(label, 12, 'bold') }];
  });
  // Placed where they overlap no node and no other badge (badge-placement.ts).
  const places = placeBadges(badges.map(({ a, b, width }) => ({ a, b, width, height: 24 })), boxes);
  const placed = badges.map((g, i) => ({ ...g, mx: places[i]?.x ?? (g.a.x + g.b.x) / 2, my: places[i]?.y ?? (g.a.y + g.b.y) / 2 }));
  for (const g of placed) boxes.push({ x: g.mx - g.width / 2, y: g.my - 12, width: g.width, height: 24 });
  // The drawing's own bounds, padded (the origin is not part of it: a design far from it would
  // otherwise export with a margin of empty space); an empty design is a small empty picture.
  const pad = 40;
  const minX = (boxes.length ? Math.min(...boxes.map((b) => b.x)) : 0) - pad;
  const minY = (boxes.length ? Math.min(...boxes.map((b) => b.y)) : 0) - pad;
  const maxX = (boxes.length ? Math.max(...boxes.map((b) => b.x + b.width)) : 400) + pad;
  const maxY = (boxes.length ? Math.max(...boxes.map((b) => b.y + b.height)) : 200) + pad;
  const w = Math.round(maxX - minX);
  const h = Math.round(maxY - minY);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${minX} ${minY} ${w} ${h}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`);
  out.push(`<title>${esc(doc.name)}</title>`);
  out.push(`<rect x="${minX}" y="${minY}" width="${w}" height="${h}" fill="${theme.background}"/>`);
  for (const n of doc.networks) {
    const a = center.get(`n:${n.id}`);
    const b = center.get(`g:${n.gatewayId}`);
    if (a && b) out.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${theme.nodeStroke}" stroke-width="1.5" stroke-dasharray="4 4"/>`);
  }
  for (const { a, b, st } of placed) {
    const color = theme.health[st.health];
    out.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${color}" stroke-width="3"${st.health === 'up' ? '' : ' stroke-dasharray="8 5"'}/>`);
  }
  // Badges after every line, so no line crosses a badge; nodes after them, as on the canvas.
  for (const { st, label, width: lw, mx, my } of placed) {
    const color = theme.health[st.health];
    out.push(`<g><rect x="${mx - lw / 2}" y="${my - 12}" width="${lw}" height="24" rx="12" fill="${theme.node}" stroke="${color}" stroke-width="2"/><text x="${mx}" y="${my + 5}" text-anchor="middle" font-size="12" font-weight="600" fill="${color}">${esc(label)}</text></g>`);
  }
  for (const g of doc.gateways) {
    const { x, y } = g.position;
    const addr = g.interfaces.find((i) => i.kind === 'physical' && i.address)?.address ?? '';
    out.push(`<g><rect x="${x}" y="${y}" width="${GATEWAY_SIZE.width}" height="${GATEWAY_SIZE.height}" rx="8" fill="${theme.node}" stroke="${theme.nodeStroke}" stroke-width="1.5"/>`);
    out.push(vendorMarkSvg(g.vendor, { x: x + 10, y: y + 12, size: 34 }));
    const room = GATEWAY_SIZE.width - 54 - 8;
    out.push(`<title>${esc(g.name)}</title>`);
    out.push(`<text x="${x + 54}" y="${y + 26}" font-size="14" font-weight="700" fill="${theme.text}">${esc(fitText(g.name, room, 14, 'bold'))}</text>`);
    out.push(`<text x="${x + 54}" y="${y + 44}" font-size="11" fill="${theme.muted}">${esc(fitText(vendorModule(g.vendor).identity.label, room, 11, 'regular'))}</text>`);
    out.push(`<text x="${x + 54}" y="${y + 62}" font-size="11" fill="${theme.muted}">${esc(fitText([g.model, g.osVersion, g.vpnType].filter(Boolean).join(' · '), room, 11, 'regular'))}</text>`);
    if (addr) out.push(`<text x="${x + 54}" y="${y + 80}" font-size="11" font-family="ui-monospace, monospace" fill="${theme.muted}">${esc(fitText(addr, room, 11, 'mono'))}</text>`);
    out.push('</g>');
  }
  for (const n of doc.networks) {
    const { x, y } = n.position;
    out.push(`<g><rect x="${x}" y="${y}" width="${NETWORK_SIZE.width}" height="${NETWORK_SIZE.height}" rx="${n.kind === 'host' ? 4 : 28}" fill="${theme.node}" stroke="${theme.nodeStroke}" stroke-width="1.5"/>`);
    const room = NETWORK_SIZE.width - 24;
    out.push(`<title>${esc(n.name)}</title>`);
    out.push(`<text x="${x + NETWORK_SIZE.width / 2}" y="${y + 24}" text-anchor="middle" font-size="12" font-weight="600" fill="${theme.text}">${esc(fitText(n.name, room, 12, 'bold'))}</text>`);
    out.push(`<text x="${x + NETWORK_SIZE.width / 2}" y="${y + 41}" text-anchor="middle" font-size="11" font-family="ui-monospace, monospace" fill="${theme.muted}">${esc(fitText(n.address, room, 11, 'mono'))}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Renders the SVG to a PNG at `scale` (2 = crisp on a projector). Browser only. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface CanvasImage {
  document: TopologyDocument;
  report: NegotiationReport | undefined;
  theme: 'light' | 'dark';
  /** The file name without its extension. */
  stem: string;
}

/**
 * Draws the canvas as a PNG or SVG file and hands it to the platform to save; the message to
 * show ("Exported …", or why not), or undefined when the person cancelled.
 */
export async function saveCanvasImage(format: 'png' | 'svg', image: CanvasImage, platform: Pick<Platform, 'saveImage'>, toPng: (svg: string) => Promise<Blob> = (svg) => svgToPng(svg, 2)): Promise<string | undefined> {
  let r: SaveResult;
  try {
    const svg = buildSvg(image.document, image.report, image.theme === 'dark' ? DARK_SVG : LIGHT_SVG);
    const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await toPng(svg);
    r = await platform.saveImage(format, blob, `${image.stem}.${format}`);
  } catch (e) {
    // A drawing too large for the browser's canvas, or a failed IPC call: said, never swallowed.
    r = { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  if (r.status === 'saved') return `Exported ${r.name}`;
  if (r.status === 'error') return `Export failed: ${r.message}`;
  return undefined;
}
