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
  /** The panel whose tab is in front (a PanelDefinition id). */
  activePanel: string;
  /** The keyboard shortcuts overlay. */
  help: boolean;
}

export function initialUiState(theme: Theme): UiState {
  return { theme, presentation: false, snap: true, minimap: true, panelsOpen: true, activePanel: 'results', help: false };
}

/** The theme the system prefers now (light where the browser cannot say). */
export function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function showPanel(ui: UiState, id: string): UiState {
  return { ...ui, panelsOpen: true, activePanel: id };
}
