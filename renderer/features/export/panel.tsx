import type { PanelDefinition } from '../../app/panels';
import { ExportPanel } from './ExportPanel';

export const panel: PanelDefinition = { id: 'export', title: 'Export config', shortcut: 'Alt+6', order: 30, Component: ExportPanel };
