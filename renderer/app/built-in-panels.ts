// The two panels the app itself has (features add theirs from renderer/features/<name>/panel.tsx),
// registered from one place so that the app and the tests of the panels' shortcuts see the same.
import { NegotiationPanel } from '../animation/NegotiationPanel';
import { ResultsPanel } from '../results/ResultsPanel';
import { registerBuiltInPanel } from './panels';

export function registerBuiltInPanels(): void {
  registerBuiltInPanel({ id: 'results', title: 'Results', order: 0, Component: ResultsPanel });
  registerBuiltInPanel({ id: 'negotiation', title: 'Negotiation', order: 1, Component: NegotiationPanel });
}
