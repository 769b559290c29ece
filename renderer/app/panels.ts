// The panel registry: features (VPN monitor, packet walk, export…) live in
// renderer/features/<name>/ and each exports `panel: PanelDefinition` from its `panel.tsx`.
// The app finds them with import.meta.glob, so adding a panel touches only its own folder.
// Panels get the editor (to dispatch commands), the current report, the selection, and the
// workbench (to highlight canvas elements, open a dialog, change the selection).
import type { ComponentType, ReactNode } from 'react';
import type { Editor, EditorState } from '../../shared/commands/editor';
import type { GatewayId, NetworkId, TunnelId } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';

export interface Selection {
  gateways: GatewayId[];
  networks: NetworkId[];
  tunnels: TunnelId[];
}

export const EMPTY_SELECTION: Selection = { gateways: [], networks: [], tunnels: [] };

/** Canvas elements to emphasise: node ids (gateways, networks) and edge ids (tunnels). */
export interface Highlight {
  nodes?: string[];
  edges?: string[];
  /** Shown next to the highlight, e.g. "packet dropped here". */
  label?: string;
}

export interface DialogSpec {
  title: string;
  /** The dialog body; call `close` to dismiss it. */
  render: (close: () => void) => ReactNode;
}

/**
 * What a running VPN monitor simulation shows per tunnel, for the canvas to show it too: the
 * worst interface status over the tunnel's ends and whether routes into it were withdrawn.
 */
export type MonitorOverlay = Record<string, { status: 'UP' | 'READY' | 'DOWN'; routesWithdrawn: boolean; where: string }>;

export interface Workbench {
  highlight(h: Highlight | null): void;
  /** The monitor simulation's state on the canvas (null: none is running). */
  showMonitor(m: MonitorOverlay | null): void;
  openDialog(spec: DialogSpec): void;
  select(selection: Selection): void;
  /** Bring a panel's tab to the front. */
  showPanel(id: string): void;
}

export interface PanelProps {
  editor: Editor;
  state: EditorState;
  /** The latest engine report; undefined while the first one is computed. */
  report: NegotiationReport | undefined;
  selection: Selection;
  workbench: Workbench;
}

export interface PanelDefinition {
  /** Stable, kebab-case (also the tab's DOM id suffix). */
  id: string;
  title: string;
  /** Lower sorts first; built-in panels use 0-9. */
  order?: number;
  Component: ComponentType<PanelProps>;
}

const builtIn: PanelDefinition[] = [];

/** Built-in panels (results, animation) register here; features are discovered from their folders. */
export function registerBuiltInPanel(def: PanelDefinition): void {
  if (!builtIn.some((p) => p.id === def.id)) builtIn.push(def);
}

function discoveredFeaturePanels(): PanelDefinition[] {
  const modules = import.meta.glob<{ panel?: PanelDefinition }>('../features/*/panel.tsx', { eager: true });
  return Object.values(modules)
    .map((m) => m.panel)
    .filter((p): p is PanelDefinition => p !== undefined);
}

export function listPanels(): PanelDefinition[] {
  const seen = new Set<string>();
  return [...builtIn, ...discoveredFeaturePanels()]
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .sort((x, y) => (x.order ?? 100) - (y.order ?? 100) || x.title.localeCompare(y.title));
}
