import type { PanelDefinition } from '../../app/panels';
import { MonitorPanel } from './MonitorPanel';

export const panel: PanelDefinition = { id: 'monitor', title: 'VPN monitor', order: 20, Component: MonitorPanel };
