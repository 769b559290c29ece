// Vendor marks drawn from each vendor's identity (shared/vendors/<vendor>/identity.ts): a coloured
// badge with the short name engineers use for the product, in a shape per product family
// (firewall shield, router disc, Linux daemon square), so they stay apart in greyscale and on a
// projector. Not the vendors' logos, which are trademarks.
import type { Vendor } from '../../shared/model/document';
import { vendorModule } from '../../shared/vendors/registry';

/** The mark as SVG markup, standalone or placed at `at` inside a larger drawing (canvas export). */
export function vendorMarkSvg(vendor: Vendor, at?: { x: number; y: number; size: number }): string {
  const m = vendorModule(vendor).identity.mark;
  const fontSize = m.short.length > 2 ? 10 : 13;
  const shape =
    m.shape === 'shield'
      ? `<path d="M16 1 L29 6 V15 C29 23 23 28.5 16 31 C9 28.5 3 23 3 15 V6 Z" fill="${m.color}"/>`
      : m.shape === 'disc'
        ? `<circle cx="16" cy="16" r="15" fill="${m.color}"/>`
        : `<rect x="2" y="2" width="28" height="28" rx="6" fill="${m.color}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${at ? ` x="${at.x}" y="${at.y}"` : ''} width="${at?.size ?? 32}" height="${at?.size ?? 32}" viewBox="0 0 32 32">${shape}` +
    `<text x="16" y="${m.shape === 'shield' ? 19.5 : 20.5}" text-anchor="middle" font-size="${fontSize}" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">${m.short}</text></svg>`
  );
}

const markUrl = new Map<Vendor, string>();

/**
 * The vendor mark as an image, not inline SVG: Chromium repaints an inline <svg> inside every
 * node on each pan frame of the canvas, an image it paints once (BENCHMARKS.md, "Canvas").
 */
export function VendorIcon({ vendor, size = 32 }: { vendor: Vendor; size?: number }) {
  let url = markUrl.get(vendor);
  if (!url) {
    url = `data:image/svg+xml,${encodeURIComponent(vendorMarkSvg(vendor))}`;
    markUrl.set(vendor, url);
  }
  return <img src={url} width={size} height={size} alt="" draggable={false} className="vendor-icon" />;
}

export function NetworkIcon({ kind, size = 24 }: { kind: 'network' | 'host'; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="network-icon">
      {kind === 'network' ? (
        <path d="M6.5 19h11a4.5 4.5 0 0 0 .6-8.96A6 6 0 0 0 6.3 9.1 5 5 0 0 0 6.5 19Z" fill="none" stroke="currentColor" strokeWidth="1.8" />
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="1.8">
          <rect x="3" y="4" width="18" height="12" rx="1.5" />
          <path d="M9 20h6M12 16v4" />
        </g>
      )}
    </svg>
  );
}
