// Whether a design comes up, decided once: `check` exits on it, and the export's pre-check warns
// on it, so the two never disagree. A tunnel comes up when phase 1 and every phase-2 selector
// the initiator proposes come up, and at least one is proposed (phase 1 alone carries no
// traffic); the design comes up when every tunnel does and no gateway-wide finding is an error.
// A child that is up but asymmetric is installed at both ends: it comes up (its warning,
// SELECTOR_ASYMMETRIC, says what traffic the stricter end drops).
import type { Diagnostic, NegotiationReport, TunnelReport } from './report';

export type TunnelVerdict =
  | { comesUp: true }
  | { comesUp: false; failure: 'phase1' | 'phase2' | 'no-phase2'; reason: string };

export interface DesignVerdict {
  comesUp: boolean;
  /** The tunnels that do not come up, with why, in report order. */
  failing: { tunnel: TunnelReport; verdict: Extract<TunnelVerdict, { comesUp: false }> }[];
  /** Gateway-wide findings of severity error (a product's tunnel capacity). */
  gatewayErrors: Diagnostic[];
}

export function tunnelVerdict(t: TunnelReport): TunnelVerdict {
  if (t.phase1.status === 'down') {
    const why = t.phase1.notify ?? (t.phase1.timedOut ? 'no usable answer (timeout)' : (t.phase1.failure ?? 'failure'));
    return { comesUp: false, failure: 'phase1', reason: `the engine predicts IKE phase 1 fails (${why})${t.phase1.reason ? `: ${t.phase1.reason}` : ''}` };
  }
  if (t.phase2.length === 0) {
    return { comesUp: false, failure: 'no-phase2', reason: `the engine predicts phase 1 comes up but no phase-2 SA is proposed: ${t.initiator} has no proxy ID for this tunnel and its product proposes no default selector, so no traffic is carried` };
  }
  const down = t.phase2.filter((p) => p.status === 'down');
  if (down.length > 0) {
    const parts = down.map((p) => `${p.name} ${p.proposed.local} <-> ${p.proposed.remote}: ${p.notify ?? 'failed'}${p.reason ? ` (${p.reason})` : ''}`);
    return { comesUp: false, failure: 'phase2', reason: `the engine predicts ${down.length} of ${t.phase2.length} phase-2 SA${t.phase2.length === 1 ? '' : 's'} fail: ${parts.join('; ')}` };
  }
  return { comesUp: true };
}

export function designVerdict(report: NegotiationReport): DesignVerdict {
  const failing: DesignVerdict['failing'] = [];
  for (const tunnel of report.tunnels) {
    const verdict = tunnelVerdict(tunnel);
    if (!verdict.comesUp) failing.push({ tunnel, verdict });
  }
  const gatewayErrors = report.diagnostics.filter((d) => d.severity === 'error');
  return { comesUp: failing.length === 0 && gatewayErrors.length === 0, failing, gatewayErrors };
}
