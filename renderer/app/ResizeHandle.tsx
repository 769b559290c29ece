// The handle between the canvas and a pane (the panel area below it, the inspector beside it):
// drag it, or focus it and use the arrow keys (Shift for larger steps, Home and End for the
// smallest and largest). The size goes into the UI state (ui-state.ts), so it stays while the
// window is open, through hiding the panels and presentation mode.
import { useRef } from 'react';
import { PANE_LIMITS, paneMax, type Pane } from './ui-state';

const STEP = 16;
const BIG_STEP = 64;

interface Props {
  pane: Pane;
  /** The size the pane is drawn at now (px). */
  size: number;
  /** The px the canvas and this pane share now, for the largest size. */
  room(): number;
  onResize(px: number, room: number): void;
}

export function ResizeHandle({ pane, size, room, onResize }: Props) {
  const drag = useRef<{ start: number; size: number; room: number } | null>(null);
  const vertical = pane === 'inspector';
  // The panel area grows upwards and the inspector leftwards: moving towards the canvas enlarges them.
  const coordinate = (e: React.PointerEvent) => (vertical ? -e.clientX : -e.clientY);
  const label = vertical ? 'Resize the inspector' : 'Resize the panels';

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { start: coordinate(e), size, room: room() };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) onResize(d.size + coordinate(e) - d.start, d.room);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const grow = vertical ? 'ArrowLeft' : 'ArrowUp';
    const shrink = vertical ? 'ArrowRight' : 'ArrowDown';
    const r = room();
    const next = e.key === grow ? size + step : e.key === shrink ? size - step : e.key === 'Home' ? PANE_LIMITS[pane].min : e.key === 'End' ? paneMax(pane, r) : undefined;
    if (next === undefined) return;
    // The arrows are the handle's here, not the canvas's shortcuts.
    e.preventDefault();
    e.stopPropagation();
    onResize(next, r);
  };

  return (
    <div
      className={`resize-handle resize-${pane}`}
      role="separator"
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={PANE_LIMITS[pane].min}
      // What the window leaves now (before the first layout, at least the size drawn).
      aria-valuemax={Math.max(size, paneMax(pane, room()))}
      title={`${label} (drag, or the arrow keys)`}
      tabIndex={0}
      data-testid={`resize-${pane}`}
      data-pane={pane}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
