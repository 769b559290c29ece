// The results panel: every tunnel, its phase 1, each phase-2 selector with the notify a real
// peer sends, the reason in words, the vendor rules applied with their provenance, and each
// diagnostic's one-click fix (its commands dispatched as one batch, so one undo step).
import { useState } from 'react';
import type { Editor } from '../../shared/commands/editor';
import type { PanelProps, Workbench } from '../app/panels';
import { HEALTH_ICON, HEALTH_LABEL, tunnelStatus } from '../canvas/tunnel-status';
import type { Diagnostic, TunnelReport } from '../../shared/engine/report';
import type { Rule } from '../../shared/vocabulary/provenance';

const PROVENANCE_MARK: Record<Rule['provenance'], string> = { verified: '✔ verified', documented: '§ documented', assumed: '? assumed' };

function RuleRefs({ ids, rules }: { ids: readonly string[]; rules: readonly Rule[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="provenance">
      {ids.map((id) => {
        const r = rules.find((x) => x.id === id);
        return (
          <span key={id} className={`rule prov-${r?.provenance ?? 'assumed'}`} title={r ? `${r.statement}\nSource: ${r.source}` : id}>
            {r ? `${PROVENANCE_MARK[r.provenance]} · ${r.vendor}` : id}
          </span>
        );
      })}
    </span>
  );
}

function DiagnosticItem({ d, editor, workbench }: { d: Diagnostic; editor: Editor; workbench: Workbench }) {
  return (
    <li className={`diagnostic sev-${d.severity}${d.causedBy ? ' is-symptom' : ''}`} data-testid={`diagnostic-${d.code}`}>
      <code>{d.code}</code>
      <span className="diag-message">{d.message}</span>
      <span className="provenance">{PROVENANCE_MARK[d.provenance]}</span>
      {d.fixEffect && <span className="fix-effect muted" data-testid={`effect-${d.code}`}>{d.fixEffect}</span>}
      {d.fixWithheld && <span className="fix-withheld muted" data-testid={`withheld-${d.code}`}>{d.fixWithheld}</span>}
      {d.fix.length > 0 && (
        <button
          type="button"
          className="btn primary small"
          data-testid={`fix-${d.code}`}
          onClick={() => {
            const r = editor.dispatch({ type: 'batch', label: d.fixLabel ?? 'Apply fix', commands: d.fix });
            if (!r.ok) workbench.openDialog({ title: 'The fix could not be applied', render: () => <p>{r.message}</p> });
          }}
        >
          {d.fixLabel ?? 'Apply fix'}
        </button>
      )}
    </li>
  );
}

function TunnelCard({ rt, props }: { rt: TunnelReport; props: PanelProps }) {
  const { editor, state, workbench } = props;
  const [showRules, setShowRules] = useState(false);
  const t = state.document.tunnels.find((x) => x.id === rt.tunnelId);
  const st = tunnelStatus(rt);
  return (
    <article className={`result-card health-${st.health}`} aria-label={`Tunnel ${rt.tunnel}`} data-testid={`result-${rt.tunnel}`}>
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
          }}
        >
          {rt.tunnel}
        </button>
        <span className="muted">
          {rt.initiator} initiates → {rt.responder}
        </span>
        {t && (
          <button type="button" className="btn small ghost" onClick={() => workbench.highlight({ nodes: [t.a.gatewayId, t.b.gatewayId], edges: [t.id], label: `Tunnel ${rt.tunnel}` })}>
            Show on canvas
          </button>
        )}
      </header>
      <div className={`phase1 is-${rt.phase1.status}`} data-testid="phase1">
        <strong>Phase 1</strong> <span className="state">{rt.phase1.status === 'up' ? '✓ up' : '✕ down'}</span>
        {rt.phase1.proposal && <span className="mono muted">{`${rt.phase1.proposal.encryption}-${rt.phase1.proposal.integrity}-${rt.phase1.proposal.dhGroup}`}</span>}
        {rt.phase1.notify && <code className="notify">{rt.phase1.notify}</code>}
        {rt.phase1.reason && <span className="reason">{rt.phase1.reason}</span>}
        <RuleRefs ids={rt.phase1.rules} rules={rt.rules} />
      </div>
      {rt.phase2.length > 0 && (
        <table className="phase2-table" aria-label={`Phase 2 selectors of ${rt.tunnel}`}>
          <thead>
            <tr>
              <th scope="col">Phase 2</th>
              <th scope="col">Proposed (local ↔ remote)</th>
              <th scope="col">Negotiated</th>
              <th scope="col">Notify and reason</th>
              <th scope="col">Rules</th>
            </tr>
          </thead>
          <tbody>
            {rt.phase2.map((p) => (
              <tr key={p.index} className={`is-${p.status}`} data-testid={`phase2-${p.index}`}>
                <td className="state">{p.status === 'up' ? '✓ up' : p.status === 'asymmetric' ? '◐ up, asymmetric' : '✕ down'}</td>
                <td className="mono">
                  {p.proposed.local} ↔ {p.proposed.remote}
                  {p.isDefault && <span className="muted"> (vendor default)</span>}
                </td>
                <td className="mono">
                  {p.installed ? (
                    <span data-testid={`phase2-${p.index}-installed`}>
                      {rt.initiator} installs {p.installed.initiator.local.join(', ')} ↔ {p.installed.initiator.remote.join(', ')}; {rt.responder} installs {p.installed.responder.local.join(', ')} ↔ {p.installed.responder.remote.join(', ')}
                    </span>
                  ) : p.negotiated ? `${p.negotiated.local.join(', ')} ↔ ${p.negotiated.remote.join(', ')}` : '—'}
                </td>
                <td>
                  {p.notify && <code className="notify">{p.notify}</code>} {p.reason}
                </td>
                <td>
                  <RuleRefs ids={p.rules} rules={rt.rules} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rt.diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label={`Diagnostics for ${rt.tunnel}`}>
          {rt.diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} d={d} editor={editor} workbench={workbench} />
          ))}
        </ul>
      )}
      {rt.rules.length > 0 && (
        <div className="rules">
          <button type="button" className="btn small ghost" aria-expanded={showRules} onClick={() => setShowRules((s) => !s)}>
            {showRules ? '▾' : '▸'} Vendor rules used ({rt.rules.length})
          </button>
          {showRules && (
            <ul className="rule-list">
              {rt.rules.map((r) => (
                <li key={r.id}>
                  <span className={`rule prov-${r.provenance}`}>{PROVENANCE_MARK[r.provenance]}</span> <strong>{r.vendor}</strong>: {r.statement} <span className="muted">— {r.source}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </article>
  );
}

const PAGE = 50;

/** The selected tunnels first, then what is down, partly up, up: problems before successes. */
function ordered(tunnels: readonly TunnelReport[], selected: readonly string[]): TunnelReport[] {
  const sel = new Set(selected);
  return [...tunnels].sort((x, y) => Number(sel.has(y.tunnelId)) - Number(sel.has(x.tunnelId)) || ORDER[x.status] - ORDER[y.status]);
}
const ORDER = { down: 0, partial: 1, up: 2 } as const;

export function ResultsPanel(props: PanelProps) {
  const { state, report, editor, workbench, selection } = props;
  const [limit, setLimit] = useState(PAGE);
  if (state.document.tunnels.length === 0) return <p className="muted pad">No tunnels yet. Drag from one gateway’s side handle to another to draw one.</p>;
  if (!report) return <p className="muted pad">Computing…</p>;
  const s = report.summary;
  let asymmetric = 0;
  for (const t of report.tunnels) for (const p of t.phase2) if (p.status === 'asymmetric') asymmetric++;
  return (
    <div className="results" data-testid="results">
      <p className="results-summary" aria-live="polite">
        {s.tunnels} tunnel{s.tunnels === 1 ? '' : 's'}: <span className="sum-up">✓ {s.up} up</span> · <span className="sum-partial">◐ {s.partial} partly up</span> · <span className="sum-down">✕ {s.down} down</span> — phase-2 selectors {s.phase2Up} up{asymmetric > 0 ? ` (${asymmetric} asymmetric)` : ''}, {s.phase2Down} down
      </p>
      {report.diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label="Gateway diagnostics">
          {report.diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} d={d} editor={editor} workbench={workbench} />
          ))}
        </ul>
      )}
      {ordered(report.tunnels, selection.tunnels)
        .slice(0, limit)
        .map((rt) => (
          <TunnelCard key={rt.tunnelId} rt={rt} props={props} />
        ))}
      {report.tunnels.length > limit && (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE * 4)}>
          Show more ({report.tunnels.length - limit} more tunnels)
        </button>
      )}
    </div>
  );
}
