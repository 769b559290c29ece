// The results panel: every tunnel, its phase 1, each phase-2 selector with the notify a real
// peer sends, the reason in words, where the vendor rule comes from, and each diagnostic's
// one-click fix (its commands dispatched as one batch, so one undo step).
import type { Command } from '../../shared/commands/commands';
import type { PanelProps } from '../app/panels';
import { HEALTH_ICON, HEALTH_LABEL, tunnelStatus } from '../canvas/tunnel-status';
import type { ReportDiagnostic, ReportPhase1, ReportTunnel } from '../engine/report-types';

export function fixCommands(d: ReportDiagnostic): Command[] {
  if (!d.fix) return [];
  return Array.isArray(d.fix) ? d.fix : d.fix.commands;
}

function fixLabel(d: ReportDiagnostic): string {
  if (d.fixLabel) return d.fixLabel;
  if (d.fix && !Array.isArray(d.fix) && d.fix.label) return d.fix.label;
  return 'Apply fix';
}

function provenanceText(p: ReportPhase1['provenance']): string | undefined {
  if (!p) return undefined;
  if (typeof p === 'string') return p;
  return [p.level, p.rule, p.source].filter(Boolean).join(' · ');
}

function sel(s: string | string[]): string {
  return Array.isArray(s) ? s.join(', ') : s;
}

export function diagnosticsFor(report: PanelProps['report'], rt: ReportTunnel): ReportDiagnostic[] {
  const own = rt.diagnostics ?? [];
  const top = (report?.diagnostics ?? []).filter((d) => (d.tunnelId !== undefined && d.tunnelId === rt.tunnelId) || (d.tunnel !== undefined && d.tunnel === rt.tunnel));
  return [...own, ...top];
}

export function ResultsPanel({ editor, state, report, workbench }: PanelProps) {
  const doc = state.document;
  if (doc.tunnels.length === 0) return <p className="muted pad">No tunnels yet. Drag from one gateway’s side handle to another to draw one.</p>;
  if (!report) return <p className="muted pad">Computing…</p>;
  return (
    <div className="results" data-testid="results">
      {report.tunnels.map((rt, ti) => {
        const t = doc.tunnels.find((x) => x.id === rt.tunnelId) ?? doc.tunnels.find((x) => x.name === rt.tunnel);
        const st = tunnelStatus(rt);
        const diags = diagnosticsFor(report, rt);
        const prov = provenanceText(rt.phase1.provenance);
        return (
          <article key={`${rt.tunnel}-${ti}`} className={`result-card health-${st.health}`} aria-label={`Tunnel ${rt.tunnel}`} data-testid={`result-${rt.tunnel}`}>
            <header>
              <span className={`status-badge health-${st.health}`}>
                <span aria-hidden="true">{HEALTH_ICON[st.health]}</span> {HEALTH_LABEL[st.health]}
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  if (!t) return;
                  workbench.select({ gateways: [], networks: [], tunnels: [t.id] });
                  workbench.highlight({ edges: [t.id] });
                }}
              >
                {rt.tunnel}
              </button>
              <span className="muted">initiator {rt.initiator}</span>
            </header>
            <div className={`phase1 is-${rt.phase1.status}`} data-testid="phase1">
              <strong>Phase 1</strong> <span className="state">{rt.phase1.status === 'up' ? '✓ up' : '✕ down'}</span>
              {rt.phase1.notify && <code className="notify">{rt.phase1.notify}</code>}
              {rt.phase1.reason && <span className="reason">{rt.phase1.reason}</span>}
              {prov && <span className="provenance" title="Where the vendor rule comes from">{prov}</span>}
            </div>
            {rt.phase2.length > 0 && (
              <table className="phase2-table" aria-label={`Phase 2 selectors of ${rt.tunnel}`}>
                <thead>
                  <tr>
                    <th scope="col">Phase 2</th>
                    <th scope="col">Proposed (local ↔ remote)</th>
                    <th scope="col">Negotiated</th>
                    <th scope="col">Notify / reason</th>
                    <th scope="col">Rule</th>
                  </tr>
                </thead>
                <tbody>
                  {rt.phase2.map((p, i) => (
                    <tr key={i} className={`is-${p.status}`} data-testid={`phase2-${i}`}>
                      <td className="state">{p.status === 'up' ? '✓ up' : p.status === 'down' ? '✕ down' : '— not attempted'}</td>
                      <td className="mono">
                        {sel(p.proposed.local)} ↔ {sel(p.proposed.remote)}
                      </td>
                      <td className="mono">{p.negotiated ? `${sel(p.negotiated.local)} ↔ ${sel(p.negotiated.remote)}` : '—'}</td>
                      <td>
                        {p.notify && <code className="notify">{p.notify}</code>} {p.reason}
                      </td>
                      <td className="provenance">{provenanceText(p.provenance) ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {diags.length > 0 && (
              <ul className="diagnostics" aria-label="Diagnostics">
                {diags.map((d, i) => {
                  const cmds = fixCommands(d);
                  return (
                    <li key={i} className={`diagnostic sev-${d.severity ?? 'error'}`} data-testid={`diagnostic-${d.code}`}>
                      <code>{d.code}</code>
                      <span>{d.message ?? d.reason ?? d.title}</span>
                      {provenanceText(d.provenance) && <span className="provenance">{provenanceText(d.provenance)}</span>}
                      {cmds.length > 0 && (
                        <button
                          type="button"
                          className="btn primary small"
                          data-testid={`fix-${d.code}`}
                          onClick={() => {
                            const r = editor.dispatch({ type: 'batch', label: fixLabel(d), commands: cmds });
                            if (!r.ok) workbench.openDialog({ title: 'The fix could not be applied', render: () => <p>{r.message}</p> });
                          }}
                        >
                          {fixLabel(d)}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {t && (
              <button type="button" className="btn small ghost" onClick={() => workbench.highlight({ nodes: [t.a.gatewayId, t.b.gatewayId], edges: [t.id] })}>
                Show on canvas
              </button>
            )}
          </article>
        );
      })}
    </div>
  );
}
