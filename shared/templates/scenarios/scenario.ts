// A scenario from a source article: a template plus the packet that shows its symptom and the outcome a real
// network produces. The packet walk's tests, the CLI examples and the walk panel use these.
import type { TopologyDocument } from '../../model/document';

export interface SeedScenario {
  id: string;
  title: string;
  description: string;
  build(): TopologyDocument;
  /** The packet that shows the symptom: host names on the canvas. */
  walk: { from: string; to: string; protocol: 'tcp' | 'udp' | 'icmp'; port?: number };
  /** What happens to it, and where. */
  expected: { outcome: 'delivered' | 'dropped' | 'blackholed' | 'one-way'; step: string; code: string };
}
