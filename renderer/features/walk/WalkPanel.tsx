// The packet-walk panel: pick a source and a destination by clicking hosts or networks on the
// canvas (or type addresses), a protocol and a port; see each step on each gateway and the
// reply, with the elements of the selected step highlighted on the canvas. The walk runs in the
// engine worker (it negotiates the SAs the packet triggers), again after every edit of the
// document; the last result stays while a new one is computed.
import { useEffect, useMemo, useRef, useState } from 'react';
import { SEED_SCENARIOS } from '../../../shared/templates/scenarios/seed-scenarios';
import type { WalkStep } from '../../../shared/walk/walk';
import type { PanelProps } from '../../app/panels';
import type { WalkAnswer } from '../../report-worker/protocol';
import { useJob, useSlotKey } from '../../report-worker/use-engine';
import './walk.css';

type Field = 'from' | 'to';

/** Seed scenarios by the name of the topology they build, to offer their symptom packet. */
const SCENARIO_BY_NAME = new Map(SEED_SCENARIOS.map((s) => [s.build().name, s]));

const OUTCOME_CLASS: Record<string, string> = { delivered: 'health-up', 'one-way': 'health-partial', dropped: 'health-down', blackholed: 'health-down' };

/** The step to show first: the first that failed, else the last. */
function focusOf(r: WalkAnswer | undefined): number | null {
  if (!r?.ok || r.value.steps.length === 0) return null;
  const failing = r.value.steps.findIndex((s) => !s.ok);
  return failing >= 0 ? failing : r.value.steps.length - 1;
}

function highlightOf(s: WalkStep, i: number) {
  return { nodes: s.highlight.nodes, edges: s.highlight.edges, label: `${s.leg === 'reply' ? 'Reply' : 'Packet'} step ${i + 1}: ${s.title}${s.gatewayName ? ` on ${s.gatewayName}` : ''}` };
}

export function WalkPanel({ state, selection, workbench }: PanelProps) {
  const doc = state.document;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [protocol, setProtocol] = useState('tcp');
  const [port, setPort] = useState('443');
  const [armed, setArmed] = useState<Field | null>(null);
  const job = useJob(useSlotKey('walk'));
  const result = job.answer;
  const [active, setActive] = useState<number | null>(null);
  // A new answer selects its focus step (state adjusted while rendering) and highlights it.
  const [shown, setShown] = useState<WalkAnswer | undefined>(undefined);
  if (result !== shown) {
    setShown(result);
    setActive(focusOf(result));
  }
  // The walk follows the document (it is walked again after every edit): the canvas shows the
  // focus step of the newest answer, and nothing once the packet no longer walks. The same
  // highlight again (an edit that changed nothing on the path) is not put back after a Clear.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const focus = focusOf(result);
    const step = result?.ok && focus !== null ? result.value.steps[focus] : undefined;
    const h = step && focus !== null ? highlightOf(step, focus) : null;
    const label = h ? JSON.stringify(h) : null;
    if (label === applied.current) return;
    if (h || applied.current !== null) workbench.highlight(h);
    applied.current = label;
  }, [result, workbench]);

  // Clicking a host or network on the canvas fills the armed field (or the first empty one).
  const picked = selection.networks.length === 1 ? doc.networks.find((n) => n.id === selection.networks[0]) : undefined;
  const [lastPick, setLastPick] = useState<string | undefined>(undefined);
  if ((picked?.id ?? undefined) !== lastPick) {
    // A new pick (not typing) fills a field: state adjusted while rendering, as React advises.
    setLastPick(picked?.id);
    if (picked) {
      const target: Field | null = armed ?? (from === '' ? 'from' : to === '' ? 'to' : null);
      if (target === 'from') setFrom(picked.name);
      if (target === 'to') setTo(picked.name);
      setArmed(null);
    }
  }

  const hosts = useMemo(() => doc.networks.map((n) => n.name), [doc.networks]);

  const highlightStep = (s: WalkStep, i: number) => {
    setActive(i);
    workbench.highlight(highlightOf(s, i));
  };

  const run = () => {
    const portNumber = port.trim() === '' ? undefined : Number(port);
    job.submit({ kind: 'walk', packet: { from, to, protocol, ...(portNumber !== undefined && Number.isFinite(portNumber) ? { port: portNumber } : {}) } });
  };

  const scenario = SCENARIO_BY_NAME.get(doc.name);

  return (
    <div className="walk-panel" data-testid="walk-panel">
      {scenario && (
        <p className="hint">
          {scenario.description}{' '}
          <button type="button" className="btn small" data-testid="walk-scenario" onClick={() => { setFrom(scenario.walk.from); setTo(scenario.walk.to); setProtocol(scenario.walk.protocol); setPort(scenario.walk.port !== undefined ? String(scenario.walk.port) : ''); }}>
            Use the symptom packet ({scenario.walk.from} → {scenario.walk.to})
          </button>
        </p>
      )}
      <form className="walk-form" onSubmit={(e) => { e.preventDefault(); run(); }} aria-label="Packet">
        <label className="field-bare">
          <span>From</span>
          <input className="input" list="walk-hosts" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="10.1.0.10 or a host" data-testid="walk-from" aria-label="Source address or host" />
        </label>
        <button type="button" className={`btn small${armed === 'from' ? ' is-active' : ''}`} aria-pressed={armed === 'from'} onClick={() => setArmed(armed === 'from' ? null : 'from')} data-testid="walk-pick-from">Pick on canvas</button>
        <label className="field-bare">
          <span>To</span>
          <input className="input" list="walk-hosts" value={to} onChange={(e) => setTo(e.target.value)} placeholder="10.2.0.20 or a host" data-testid="walk-to" aria-label="Destination address or host" />
        </label>
        <button type="button" className={`btn small${armed === 'to' ? ' is-active' : ''}`} aria-pressed={armed === 'to'} onClick={() => setArmed(armed === 'to' ? null : 'to')} data-testid="walk-pick-to">Pick on canvas</button>
        <datalist id="walk-hosts">{hosts.map((h) => <option key={h} value={h} />)}</datalist>
        <label className="field-bare">
          <span>Protocol</span>
          <select className="input" value={protocol} onChange={(e) => { setProtocol(e.target.value); setPort(e.target.value === 'tcp' ? '443' : e.target.value === 'udp' ? '53' : ''); }} data-testid="walk-proto">
            <option value="tcp">tcp</option>
            <option value="udp">udp</option>
            <option value="icmp">icmp</option>
          </select>
        </label>
        {(protocol === 'tcp' || protocol === 'udp') && (
          <label className="field-bare">
            <span>Port</span>
            <input className="input walk-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} data-testid="walk-port" />
          </label>
        )}
        <button type="submit" className="btn small primary" data-testid="walk-run" disabled={from === '' || to === ''}>Walk</button>
        {armed && <span className="hint" role="status">Click a host or network on the canvas for “{armed === 'from' ? 'From' : 'To'}”.</span>}
      </form>
      {job.slow && <p className="hint" role="status" data-testid="walk-preparing">Walking the packet…</p>}
      {job.error && (
        <p className="field-error" role="alert" data-testid="walk-failed">
          The walk could not be computed: {job.error}. The design is unchanged; press Walk to try again, or save the design and reload the app.
        </p>
      )}
      {result && !result.ok && <p className="field-error" role="alert" data-testid="walk-error">{result.code}: {result.message}</p>}
      {result && result.ok && (
        <div className={`walk-result${job.slow ? ' is-stale' : ''}`}>
          <p className={`status-badge ${OUTCOME_CLASS[result.value.outcome] ?? ''}`} data-testid="walk-outcome">{result.value.outcome.toUpperCase()}</p>
          <p data-testid="walk-summary">{result.value.summary}</p>
          <ol className="walk-steps">
            {result.value.steps.map((s, i) => (
              <li key={i} className={`${s.ok ? '' : 'walk-fail'}${active === i ? ' is-active' : ''}`} data-testid={`walk-step-${i}`}>
                <button type="button" className="link" onClick={() => highlightStep(s, i)} aria-current={active === i ? 'step' : undefined}>
                  <span className="walk-leg">{s.leg}</span> <strong>{s.gatewayName ?? ''}</strong> <span className="mono">{s.kind}</span>: {s.title}
                </button>
                <div className="muted">{s.detail}</div>
                {s.rule && (
                  <details className="provenance" data-testid={`walk-step-${i}-rule`}>
                    <summary>{s.rule.says}</summary>
                    <span className="mono">{s.rule.id}</span> · {s.rule.source.provenance}: {s.rule.source.ref}
                  </details>
                )}
              </li>
            ))}
          </ol>
          <p className="muted">The walk starts from the settled network: SAs a VPN monitor with rekey keeps up are up; the others are INACTIVE and negotiated on demand by the engine, with the packet as trigger.</p>
        </div>
      )}
    </div>
  );
}
