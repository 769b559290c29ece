// What the export panel says first: the engine's verdict on the exported design, one line per
// tunnel that would not come up (a tunnel the engine flags twice, e.g. from both of its ends, is
// counted once and keeps each distinct reason).
import type { ExportWarning } from '../../../shared/vendors/kit/export/types';

export interface ExportVerdict {
  headline: string;
  tunnels: { tunnel: string; messages: string[] }[];
}

export function exportVerdict(design: readonly ExportWarning[]): ExportVerdict {
  const byTunnel = new Map<string, string[]>();
  for (const d of design) {
    const key = d.tunnel ?? d.gateway;
    const messages = byTunnel.get(key) ?? [];
    if (!messages.includes(d.message)) messages.push(d.message);
    byTunnel.set(key, messages);
  }
  const n = byTunnel.size;
  return {
    headline: n === 0 ? 'The engine predicts this design comes up.' : `The engine predicts ${n === 1 ? 'a tunnel' : `${n} tunnels`} of this export would not come up:`,
    tunnels: [...byTunnel].map(([tunnel, messages]) => ({ tunnel, messages })),
  };
}
