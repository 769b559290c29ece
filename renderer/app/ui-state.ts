// What the window shows apart from the document: theme, presentation mode, grid snapping, the
// minimap, the panel area and the shortcuts overlay. One value, so an action changes it with one
// pure update (renderer/app/actions.ts) and tests need no React.

export type Theme = 'light' | 'dark';

export interface UiState {
  theme: Theme;
  presentation: boolean;
  snap: boolean;
  minimap: boolean;
  panelsOpen: boolean;
  /** Whether the inspector is shown whole; closed, it is a rail with the button that opens it (presentation mode starts so). */
  inspectorOpen: boolean;
  /** The panel whose tab is in front (a PanelDefinition id). */
  activePanel: string;
  /** The keyboard shortcuts overlay. */
  help: boolean;
  /** The panel area's height and the inspector's width the user dragged them to (px); unset, the layout's own for the mode. */
  sizes: PaneSizes;
}

export type Pane = 'panels' | 'inspector';
export type PaneSizes = Partial<Record<Pane, number>>;

/** The layout's own sizes, as app.css drew them before they could be dragged. */
export const DEFAULT_SIZES: Record<'normal' | 'presentation', Record<Pane, number>> = {
  normal: { panels: 290, inspector: 400 },
  presentation: { panels: 340, inspector: 440 },
};

/** How small a pane may get, and how much room the canvas always keeps beside or above it. */
export const PANE_LIMITS: Record<Pane, { min: number; canvasKeeps: number }> = {
  panels: { min: 120, canvasKeeps: 200 },
  inspector: { min: 260, canvasKeeps: 360 },
};

/** The size a pane is drawn at. */
export function paneSize(ui: UiState, pane: Pane): number {
  return ui.sizes[pane] ?? DEFAULT_SIZES[ui.presentation ? 'presentation' : 'normal'][pane];
}

/** The largest size a pane may take when the canvas and the pane share `room` px. */
export function paneMax(pane: Pane, room: number): number {
  return Math.max(PANE_LIMITS[pane].min, Math.round(room - PANE_LIMITS[pane].canvasKeeps));
}

/** `ui` with a pane resized to `px`, kept between its minimum and what leaves the canvas its room. */
export function resizePane(ui: UiState, pane: Pane, px: number, room: number): UiState {
  const size = Math.round(Math.min(paneMax(pane, room), Math.max(PANE_LIMITS[pane].min, px)));
  return size === ui.sizes[pane] ? ui : { ...ui, sizes: { ...ui.sizes, [pane]: size } };
}

export function initialUiState(theme: Theme): UiState {
  return { theme, presentation: false, snap: true, minimap: true, panelsOpen: true, inspectorOpen: true, activePanel: 'results', help: false, sizes: {} };
}

/** The theme the system prefers now (light where the browser cannot say). */
export function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function showPanel(ui: UiState, id: string): UiState {
  return { ...ui, panelsOpen: true, activePanel: id };
}

/**
 * Presentation mode on or off. On a projector the canvas matters: the inspector and the panel
 * area step aside (a rail and a row of tabs, each a click away); leaving it shows them again.
 */
export function togglePresentation(ui: UiState): UiState {
  const on = !ui.presentation;
  return { ...ui, presentation: on, panelsOpen: !on, inspectorOpen: !on };
}
