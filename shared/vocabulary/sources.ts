// Citations the decision tables share: the documents behind the VPN monitor's behaviour.
import type { DecisionSource } from './decision-table';

export const KB16008 = (note: string): DecisionSource => ({ ref: 'Juniper KB16008, "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3)', provenance: 'documented', note });
export const KB6221 = (note: string): DecisionSource => ({ ref: 'Juniper KB6221', provenance: 'documented', note });
export const KB6134 = (note: string): DecisionSource => ({ ref: 'Juniper KB6134', provenance: 'documented', note });
export const ASSUMED = (note: string): DecisionSource => ({ ref: 'assumed', provenance: 'assumed', note });
