// The canvas's dotted backdrop and its minimap, drawn so that panning repaints nothing.
//
// Why not React Flow's <Background> and <MiniMap>: both are SVGs whose attributes change on every
// viewport move (the pattern offset; the minimap's viewBox and mask), so Chromium re-rasterises
// the whole backdrop and all 500 minimap nodes on each pan frame — measured as most of our
// panning overhead against a bare React Flow page (BENCHMARKS.md, "Canvas"). Here the dots are one
// tile-repeated layer and the minimap frame one small layer, each moved by `transform` on the
// compositor; they repaint only when the zoom or the nodes change.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { getViewportForBounds, useReactFlow, useStore, useStoreApi, type FitViewOptions, type ReactFlowState } from '@xyflow/react';
import { GATEWAY_SIZE, NETWORK_SIZE } from './auto-layout';
import { vendorModule } from '../../shared/vendors/registry';
import type { CanvasNode } from './nodes';

type Transform = ReactFlowState['transform'];

/** Calls `apply` now and on every viewport or canvas-size change, outside React's render. */
function useViewportEffect(apply: (t: Transform, width: number, height: number) => void): void {
  const store = useStoreApi();
  useEffect(() => {
    let last: [Transform, number, number] | undefined;
    const run = (s: ReactFlowState) => {
      if (last && last[0] === s.transform && last[1] === s.width && last[2] === s.height) return;
      last = [s.transform, s.width, s.height];
      apply(s.transform, s.width, s.height);
    };
    run(store.getState());
    return store.subscribe(run);
  }, [store, apply]);
}

/** Dots every `gap` flow units, like React Flow's dotted background, moved on the compositor. */
export function DotBackdrop({ gap = 16, size = 1.2 }: { gap?: number; size?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const zoomRef = useRef(Number.NaN);
  const apply = useCallback(
    ([x, y, zoom]: Transform) => {
      const el = ref.current;
      if (!el) return;
      const step = gap * zoom;
      if (zoom !== zoomRef.current) {
        zoomRef.current = zoom;
        const r = (size * zoom) / 2;
        el.style.backgroundSize = `${step}px ${step}px`;
        // Zoomed far out the dots would only tint the canvas (React Flow's shrink to nothing).
        el.style.backgroundImage = step < 6 ? 'none' : `radial-gradient(circle at ${step / 2}px ${step / 2}px, var(--dots) ${r}px, transparent ${r + 0.6}px)`;
        el.style.inset = `${-2 * step}px`;
      }
      // Shift by the offset modulo one step: the layer is two steps larger on each side, so its
      // edge never shows, and it never needs repainting while the view only moves.
      const ox = (((x % step) + step) % step) - step / 2;
      const oy = (((y % step) + step) % step) - step / 2;
      el.style.transform = `translate3d(${ox}px, ${oy}px, 0)`;
    },
    [gap, size],
  );
  useViewportEffect(apply);
  return <div ref={ref} className="canvas-dots" aria-hidden="true" />;
}

const FULL_MAP = { width: 200, height: 150 } as const;
const SMALL_MAP = { width: 128, height: 96 } as const;

/** The minimap's size for a canvas of this size: smaller on a short or narrow canvas (a 1280 × 720
 * projector in presentation mode leaves ~300 px of height), where the full one would cover half.
 * One of two constant objects, so a store selector returning it only changes with the size class. */
export function minimapSize(canvasWidth: number, canvasHeight: number): { readonly width: number; readonly height: number } {
  return canvasHeight < 520 || canvasWidth < 760 ? SMALL_MAP : FULL_MAP;
}

const PANEL_MARGIN = 15;

/**
 * Whether zoom to fit with the plain margins would put a node under the minimap (bottom right,
 * React Flow's 15 px panel margin). Only then does fitting keep the right side clear of it, so a
 * drawing that does not reach that corner is not made smaller for nothing.
 */
export function fitWouldHideUnderMinimap(s: ReactFlowState): boolean {
  const { width, height, nodeLookup, minZoom, maxZoom } = s;
  if (width === 0 || height === 0 || nodeLookup.size === 0) return false;
  const boxes = [...nodeLookup.values()].map((n) => {
    const nominal = n.type === 'network' ? NETWORK_SIZE : GATEWAY_SIZE;
    return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? nominal.width, height: n.measured.height ?? nominal.height };
  });
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const bounds = { x: x0, y: y0, width: Math.max(...boxes.map((b) => b.x + b.width)) - x0, height: Math.max(...boxes.map((b) => b.y + b.height)) - y0 };
  const v = getViewportForBounds(bounds, width, height, minZoom, maxZoom, PLAIN_PADDING);
  const map = minimapSize(width, height);
  const left = width - PANEL_MARGIN - map.width - 2;
  const top = height - PANEL_MARGIN - map.height - 2;
  return boxes.some((b) => b.x * v.zoom + v.x + b.width * v.zoom > left && b.y * v.zoom + v.y + b.height * v.zoom > top);
}

const PLAIN_PADDING = 0.2;

/** Zoom-to-fit margins; with `keepClearOfMinimap`, the right side leaves room for the minimap. */
export function fitPadding(keepClearOfMinimap: boolean, canvasWidth: number, canvasHeight: number): NonNullable<FitViewOptions['padding']> {
  return keepClearOfMinimap ? { top: PLAIN_PADDING, bottom: PLAIN_PADDING, left: PLAIN_PADDING, right: `${minimapSize(canvasWidth, canvasHeight).width + 2 * PANEL_MARGIN}px` } : PLAIN_PADDING;
}


interface MapRect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string | undefined;
  selected: boolean;
}

const selectNodes = (s: ReactFlowState) => s.nodes as CanvasNode[];
/** Store selector: whether the canvas is small enough for the small minimap. */
export const selectSmallCanvas = (s: ReactFlowState) => minimapSize(s.width, s.height) === SMALL_MAP;
const selectMapSize = (s: ReactFlowState) => minimapSize(s.width, s.height);

/** `value`, passed on at most once per `ms` (the last one always arrives). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    const t = setTimeout(
      () => {
        last.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}

/**
 * An overview of every node with a frame for the visible part of the canvas. Press and drag in it
 * to move the view there; the wheel zooms the canvas. The drawing is scaled to the nodes' bounds
 * and redrawn only when nodes change.
 */
export const CanvasMinimap = memo(function CanvasMinimap() {
  // While a node is dragged the list changes every frame; the overview follows a few times a
  // second, so the drag does not also repaint 500 minimap shapes per frame.
  const nodes = useThrottled(useStore(selectNodes), 150);
  const { width: MAP_W, height: MAP_H } = useStore(selectMapSize);
  const store = useStoreApi();
  const flow = useReactFlow();
  const frameRef = useRef<HTMLDivElement>(null);

  const { rects, view } = useMemo(() => {
    const rects: MapRect[] = nodes.map((n) => {
      // The canvas hands measured sizes back to its nodes; before the first measurement, nominal ones.
      const measured = n.measured;
      const nominal = n.type === 'network' ? NETWORK_SIZE : GATEWAY_SIZE;
      return {
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: measured?.width ?? nominal.width,
        height: measured?.height ?? nominal.height,
        color: n.type === 'gateway' ? vendorModule(n.data.gateway.vendor).identity.mark.color : undefined,
        selected: n.selected === true,
      };
    });
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const r of rects) {
      x0 = Math.min(x0, r.x);
      y0 = Math.min(y0, r.y);
      x1 = Math.max(x1, r.x + r.width);
      y1 = Math.max(y1, r.y + r.height);
    }
    if (rects.length === 0) [x0, y0, x1, y1] = [0, 0, 800, 600];
    // A margin of a tenth of the drawing, and the minimap's aspect ratio, centred.
    const pad = Math.max(x1 - x0, y1 - y0) * 0.1 + 40;
    let w = x1 - x0 + 2 * pad;
    let h = y1 - y0 + 2 * pad;
    if (w / h > MAP_W / MAP_H) h = (w * MAP_H) / MAP_W;
    else w = (h * MAP_W) / MAP_H;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    return { rects, view: { x: cx - w / 2, y: cy - h / 2, scale: MAP_W / w } };
  }, [nodes, MAP_W, MAP_H]);

  // The frame follows the viewport without a React render: its position by transform, its size
  // (which changes only with the zoom) by width and height, so a pan repaints nothing.
  const applyFrame = useCallback(
    ([tx, ty, zoom]: Transform, width: number, height: number) => {
      const el = frameRef.current;
      if (!el) return;
      const w = `${(width / zoom) * view.scale}px`;
      const h = `${(height / zoom) * view.scale}px`;
      if (el.style.width !== w) el.style.width = w;
      if (el.style.height !== h) el.style.height = h;
      el.style.transform = `translate3d(${(-tx / zoom - view.x) * view.scale}px, ${(-ty / zoom - view.y) * view.scale}px, 0)`;
    },
    [view],
  );
  useViewportEffect(applyFrame);

  const dragging = useRef(false);
  const centreAt = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      const fx = view.x + (e.clientX - box.left) / view.scale;
      const fy = view.y + (e.clientY - box.top) / view.scale;
      const { transform, width, height } = store.getState();
      const zoom = transform[2];
      void flow.setViewport({ x: width / 2 - fx * zoom, y: height / 2 - fy * zoom, zoom });
    },
    [flow, store, view],
  );
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) centreAt(e);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const zoom = store.getState().transform[2];
    void flow.zoomTo(zoom * Math.pow(2, -e.deltaY / 500));
  };

  return (
    <div
      className="canvas-minimap"
      style={{ width: MAP_W, height: MAP_H }}
      role="img"
      aria-label="Minimap"
      data-testid="minimap"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onWheel={onWheel}
    >
      <MinimapDrawing rects={rects} view={view} width={MAP_W} height={MAP_H} />
      <div ref={frameRef} className="canvas-minimap-frame" />
    </div>
  );
});

const MinimapDrawing = memo(function MinimapDrawing({ rects, view, width, height }: { rects: MapRect[]; view: { x: number; y: number; scale: number }; width: number; height: number }) {
  const w = width / view.scale;
  const h = height / view.scale;
  return (
    <svg width={width} height={height} viewBox={`${view.x} ${view.y} ${w} ${h}`} aria-hidden="true" focusable="false">
      {rects.map((r) => (
        <rect
          key={r.id}
          data-node={r.id}
          x={r.x}
          y={r.y}
          width={r.width}
          height={r.height}
          rx={Math.min(r.width, r.height) / 6}
          className={`canvas-minimap-node${r.selected ? ' is-selected' : ''}`}
          style={r.color ? { fill: r.color } : undefined}
        />
      ))}
    </svg>
  );
});
