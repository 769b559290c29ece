// Turns the engine's negotiation report into export warnings: a tunnel whose phase 1 or any
// phase-2 entry would fail gets DESIGN_WOULD_NOT_COME_UP on each selected gateway it touches.
import type { NegotiationReport } from '../engine/report';
import type { Gateway } from '../model/document';
import type { ExportWarning } from '../vendors/kit/export/types';

export function designWarnings(report: NegotiationReport, gateways: readonly Gateway[]): ExportWarning[] {
  const names = new Set(gateways.map((g) => g.name));
  const out: ExportWarning[] = [];
  for (const t of report.tunnels) {
    const ends = [t.initiator, t.responder].filter((g) => names.has(g));
    if (ends.length === 0) continue;
    let message: string | undefined;
    if (t.phase1.status === 'down') {
      const why = t.phase1.notify ?? (t.phase1.timedOut ? 'no usable answer (timeout)' : (t.phase1.failure ?? 'failure'));
      message = `the engine predicts IKE phase 1 fails (${why})${t.phase1.reason ? `: ${t.phase1.reason}` : ''}`;
    } else {
      const down = t.phase2.filter((p) => p.status === 'down');
      if (down.length > 0) {
        const parts = down.map((p) => `${p.name} ${p.proposed.local} <-> ${p.proposed.remote}: ${p.notify ?? 'failed'}${p.reason ? ` (${p.reason})` : ''}`);
        message = `the engine predicts ${down.length} of ${t.phase2.length} phase-2 SA${t.phase2.length === 1 ? '' : 's'} fail: ${parts.join('; ')}`;
      }
    }
    if (!message) continue;
    for (const g of ends) out.push({ code: 'DESIGN_WOULD_NOT_COME_UP', gateway: g, tunnel: t.tunnel, message });
  }
  return out;
}
