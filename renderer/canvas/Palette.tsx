// The palette: drag a gateway (per vendor), a network or a host onto the canvas, or focus an
// item and press Enter to place it in the middle of the view (keyboard users).
import type { DragEvent, KeyboardEvent } from 'react';
import { VENDOR_MODULES } from '../../shared/vendors/registry';
import { PALETTE_MIME, type PaletteItem } from './Canvas';
import { NetworkIcon, VendorIcon } from './vendor-icon';

export function Palette({ onPlace }: { onPlace: (item: PaletteItem) => void }) {
  const start = (item: PaletteItem) => (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item));
    e.dataTransfer.effectAllowed = 'copy';
    // Overlays on the canvas (the empty-state card) step aside while something is dragged.
    setTimeout(() => document.body.classList.add('palette-dragging'), 0);
  };
  const end = () => document.body.classList.remove('palette-dragging');
  const key = (item: PaletteItem) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPlace(item);
    }
  };
  return (
    <nav className="palette" aria-label="Palette: drag onto the canvas, or press Enter to place">
      <h2 className="section-title">Gateways</h2>
      <ul role="list">
        {VENDOR_MODULES.map(({ id: v, identity }) => (
          <li key={v}>
            <div
              className="palette-item"
              draggable
              tabIndex={0}
              role="button"
              aria-label={`Add ${identity.label} gateway`}
              data-testid={`palette-${v}`}
              onDragStart={start({ kind: 'gateway', vendor: v })}
              onDragEnd={end}
              onKeyDown={key({ kind: 'gateway', vendor: v })}
              onDoubleClick={() => onPlace({ kind: 'gateway', vendor: v })}
              title={`${identity.label} — drag onto the canvas`}
            >
              <VendorIcon vendor={v} size={26} />
              <span>{identity.label}</span>
            </div>
          </li>
        ))}
      </ul>
      <h2 className="section-title">Behind a gateway</h2>
      <ul role="list">
        {(['network', 'host'] as const).map((k) => (
          <li key={k}>
            <div
              className="palette-item"
              draggable
              tabIndex={0}
              role="button"
              aria-label={`Add ${k}`}
              data-testid={`palette-${k}`}
              onDragStart={start({ kind: k })}
              onDragEnd={end}
              onKeyDown={key({ kind: k })}
              onDoubleClick={() => onPlace({ kind: k })}
              title={`${k === 'network' ? 'A subnet' : 'A single host'} — attaches to the nearest gateway`}
            >
              <NetworkIcon kind={k} />
              <span>{k === 'network' ? 'Network' : 'Host'}</span>
            </div>
          </li>
        ))}
      </ul>
      <p className="hint">Draw a tunnel: drag from a gateway’s side handle to another gateway, or select two gateways and press C.</p>
    </nav>
  );
}
