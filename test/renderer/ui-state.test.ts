// A dragged pane size: kept between the pane's minimum and what leaves the canvas its room, and
// drawn in either mode once given (unset, each mode has the layout's own size).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, initialUiState, PANE_LIMITS, paneSize, resizePane } from '../../renderer/app/ui-state';

describe('pane sizes', () => {
  const ui = initialUiState('light');

  it('uses the layout’s own size for the mode until one is given', () => {
    expect(paneSize(ui, 'panels')).toBe(DEFAULT_SIZES.normal.panels);
    expect(paneSize({ ...ui, presentation: true }, 'inspector')).toBe(DEFAULT_SIZES.presentation.inspector);
  });

  it('keeps a given size in both modes', () => {
    const r = resizePane(ui, 'panels', 333.4, 900);
    expect(paneSize(r, 'panels')).toBe(333);
    expect(paneSize({ ...r, presentation: true }, 'panels')).toBe(333);
    expect(paneSize(r, 'inspector')).toBe(DEFAULT_SIZES.normal.inspector);
  });

  it('never goes under the minimum nor takes the canvas’s room', () => {
    expect(paneSize(resizePane(ui, 'panels', 10, 900), 'panels')).toBe(PANE_LIMITS.panels.min);
    expect(paneSize(resizePane(ui, 'panels', 5000, 900), 'panels')).toBe(900 - PANE_LIMITS.panels.canvasKeeps);
    expect(paneSize(resizePane(ui, 'inspector', 5000, 1200), 'inspector')).toBe(1200 - PANE_LIMITS.inspector.canvasKeeps);
    // A window too small for both: the pane keeps its minimum.
    expect(paneSize(resizePane(ui, 'inspector', 500, 300), 'inspector')).toBe(PANE_LIMITS.inspector.min);
  });

  it('returns the same state when nothing changes', () => {
    const r = resizePane(ui, 'panels', 300, 900);
    expect(resizePane(r, 'panels', 300.2, 900)).toBe(r);
  });
});
