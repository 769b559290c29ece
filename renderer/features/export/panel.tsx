import type { PanelDefinition } from '../../app/panels';
import { ExportPanel } from './ExportPanel';

export const panel: PanelDefinition = { id: 'export', title: 'Export config', order: 30, Component: ExportPanel };
