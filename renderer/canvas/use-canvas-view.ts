// Moving the canvas's view (zoom, fit, pan) and finding where its visible middle is, for the
// actions, the palette and loading a document. The fit keeps the drawing clear of the minimap.
import { useMemo } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { fitPadding, fitWouldHideUnderMinimap } from './canvas-backdrop';

export interface CanvasView {
  /** Fits the drawing in view; `nextFrame` waits until what was just dispatched is on the canvas. */
  fit(options?: { duration?: number; nextFrame?: boolean }): void;
  zoomIn(): void;
  zoomOut(): void;
  zoomTo(zoom: number): void;
  /** Back to 100 % with the flow's origin at the top left (an empty document). */
  reset(): void;
  /** Moves the view the way an arrow points (the drawing slides the other way). */
  pan(dx: number, dy: number): void;
  /** The flow position at the middle of the visible canvas. */
  centre(): { x: number; y: number };
}

export function useCanvasView(minimapShown: boolean): CanvasView {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useMemo(() => {
    // The minimap's size depends on the canvas's, so the margins are worked out at each fit.
    const padding = () => {
      const s = store.getState();
      return fitPadding(minimapShown && fitWouldHideUnderMinimap(s), s.width, s.height);
    };
    const fitNow = (duration?: number) => void flow.fitView({ padding: padding(), ...(duration !== undefined ? { duration } : {}) });
    return {
      fit: ({ duration, nextFrame } = {}) => (nextFrame ? requestAnimationFrame(() => fitNow(duration)) : fitNow(duration)),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      zoomTo: (zoom) => void flow.zoomTo(zoom, { duration: 150 }),
      reset: () => void flow.setViewport({ x: 0, y: 0, zoom: 1 }),
      pan: (dx, dy) => {
        const v = flow.getViewport();
        void flow.setViewport({ x: v.x - dx * 6, y: v.y - dy * 6, zoom: v.zoom }, { duration: 120 });
      },
      centre: () => {
        const r = document.querySelector('.canvas-wrap')?.getBoundingClientRect();
        return flow.screenToFlowPosition({ x: r ? r.left + r.width / 2 : 400, y: r ? r.top + r.height / 2 : 300 });
      },
    };
  }, [flow, store, minimapShown]);
}
