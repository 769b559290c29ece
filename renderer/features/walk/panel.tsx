import type { PanelDefinition } from '../../app/panels';
import { WalkPanel } from './WalkPanel';

export const panel: PanelDefinition = { id: 'walk', title: 'Packet walk', order: 21, Component: WalkPanel };
