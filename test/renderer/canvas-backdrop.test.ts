// The minimap's size rule and the zoom-to-fit decision, on hand-built React Flow states: fitting
// makes room for the minimap only when the plain fit would put a node under it.
import { describe, expect, it } from 'vitest';
import type { ReactFlowState } from '@xyflow/react';
import { fitPadding, fitWouldHideUnderMinimap, minimapSize, selectSmallCanvas } from '../../renderer/canvas/canvas-backdrop';

/** The parts of React Flow's state the decision reads: canvas size, zoom limits, node boxes. */
function state(width: number, height: number, nodes: { x: number; y: number; w?: number; h?: number }[]): ReactFlowState {
  const nodeLookup = new Map(
    nodes.map((n, i) => [`g:${i}`, { id: `g:${i}`, type: 'gateway', internals: { positionAbsolute: { x: n.x, y: n.y } }, measured: { width: n.w ?? 220, height: n.h ?? 96 } }]),
  );
  return { width, height, minZoom: 0.05, maxZoom: 3, nodeLookup } as unknown as ReactFlowState;
}

describe('minimap size', () => {
  it('is 200 × 150 on a roomy canvas and 128 × 96 on a short or narrow one', () => {
    expect(minimapSize(780, 560)).toEqual({ width: 200, height: 150 });
    expect(minimapSize(840, 310)).toEqual({ width: 128, height: 96 });
    expect(minimapSize(700, 600)).toEqual({ width: 128, height: 96 });
    expect(selectSmallCanvas(state(840, 310, []))).toBe(true);
    expect(selectSmallCanvas(state(780, 560, []))).toBe(false);
  });
});

describe('zoom to fit beside the minimap', () => {
  it('keeps the plain margins when the drawing stays clear of the bottom-right corner', () => {
    // Two gateways side by side: the fitted drawing is a band across the middle-top.
    expect(fitWouldHideUnderMinimap(state(780, 560, [{ x: 0, y: 0 }, { x: 500, y: 0 }]))).toBe(false);
  });

  it('makes room when a node would land under the minimap', () => {
    // A square of four: the bottom-right gateway fits into the corner the minimap covers.
    const square = [{ x: 0, y: 0 }, { x: 400, y: 0 }, { x: 0, y: 300 }, { x: 400, y: 300 }];
    expect(fitWouldHideUnderMinimap(state(780, 560, square))).toBe(true);
    expect(fitPadding(true, 780, 560)).toEqual({ top: 0.2, bottom: 0.2, left: 0.2, right: '230px' });
    expect(fitPadding(true, 840, 310)).toEqual({ top: 0.2, bottom: 0.2, left: 0.2, right: '158px' });
    expect(fitPadding(false, 780, 560)).toBe(0.2);
  });

  it('decides nothing before the canvas has a size or nodes', () => {
    expect(fitWouldHideUnderMinimap(state(0, 0, [{ x: 0, y: 0 }]))).toBe(false);
    expect(fitWouldHideUnderMinimap(state(780, 560, []))).toBe(false);
  });
});
