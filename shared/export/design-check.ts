// Turns the engine's verdict (shared/engine/verdict.ts, the one `check` exits on) into export
// warnings: a tunnel that would not come up gets DESIGN_WOULD_NOT_COME_UP on each selected
// gateway it touches, and so does a selected gateway with a gateway-wide error (capacity).
import type { NegotiationReport } from '../engine/report';
import { designVerdict } from '../engine/verdict';
import type { Gateway } from '../model/document';
import type { ExportWarning } from '../vendors/kit/export/types';

export function designWarnings(report: NegotiationReport, gateways: readonly Gateway[]): ExportWarning[] {
  const names = new Set(gateways.map((g) => g.name));
  const verdict = designVerdict(report);
  const out: ExportWarning[] = [];
  for (const { tunnel: t, verdict: v } of verdict.failing) {
    for (const g of [t.initiator, t.responder]) {
      if (names.has(g)) out.push({ code: 'DESIGN_WOULD_NOT_COME_UP', gateway: g, tunnel: t.tunnel, message: v.reason });
    }
  }
  for (const d of verdict.gatewayErrors) {
    if (d.gateway !== undefined && names.has(d.gateway)) out.push({ code: 'DESIGN_WOULD_NOT_COME_UP', gateway: d.gateway, message: `the engine predicts ${d.gateway} fails: ${d.message}` });
  }
  return out;
}
