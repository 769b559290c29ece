// The VPN monitor panel: each tunnel interface (or policy-based tunnel) with its status UP /
// READY / DOWN, the rules that produced it, and each SA's state and `get sa` Sta. Buttons inject
// traffic, a peer loss, a peer restart, a lifetime expiry or a rekey, and move the simulated
// clock, so a person can watch the status change. Vendor operational output for any gateway.
// The monitor's state lives in the engine worker (renderer/report-worker/monitor-session.ts):
// the buttons send actions, the panel renders the view the worker answers.
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { Gateway } from '../../../shared/model/document';
import type { InterfaceStatus } from '../../../shared/vocabulary/sa';
import { vendorModule } from '../../../shared/vendors/registry';
import { ruleSays } from '../../../shared/monitor/rules';
import type { MonitorOverlay, PanelProps } from '../../app/panels';
import { useShown } from '../../app/use-shown';
import type { MonitorAction, OpsQuery } from '../../report-worker/protocol';
import { useJob, useSlotKey } from '../../report-worker/use-engine';
import './monitor.css';

const STATUS_CLASS: Record<InterfaceStatus, string> = { UP: 'health-up', READY: 'health-partial', DOWN: 'health-down' };
const STATUS_ICON: Record<InterfaceStatus, string> = { UP: '✓', READY: '◐', DOWN: '✕' };

/** The show commands a gateway's product has (data of its vendor module; running one is the worker's). */
function commandsOf(g: Gateway) {
  return vendorModule(g.vendor).show?.commands ?? [];
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m ${String(s % 60).padStart(2, '0')}s`;
}

export function MonitorPanel({ state, selection, workbench }: PanelProps) {
  // Deferred: on a large document the monitor catches up after typing, never blocks it.
  const doc = useDeferredValue(state.document);
  const rootRef = useRef<HTMLDivElement>(null);
  const empty = doc.tunnels.length === 0;
  const visible = useShown(rootRef, false, empty);
  const [tunnelChoice, setTunnelChoice] = useState<string>('');
  const tunnelId = (doc.tunnels.find((t) => t.id === tunnelChoice) ?? doc.tunnels.find((t) => selection.tunnels.includes(t.id)) ?? doc.tunnels[0])?.id;
  const [saChoice, setSaChoice] = useState('');
  const [opsGateway, setOpsGateway] = useState('');
  const [opsCommand, setOpsCommand] = useState('');
  const [opsTunnel, setOpsTunnel] = useState('');

  // Selecting a tunnel on the canvas makes it the one the buttons act on.
  const selectedTunnel = selection.tunnels.length === 1 ? selection.tunnels[0] : undefined;
  const [lastSelected, setLastSelected] = useState<string | undefined>(undefined);
  if (selectedTunnel !== lastSelected) {
    setLastSelected(selectedTunnel);
    if (selectedTunnel) setTunnelChoice(selectedTunnel);
  }

  const gw = doc.gateways.find((g) => g.id === opsGateway) ?? doc.gateways.find((g) => commandsOf(g).length > 0);
  const commands = gw ? commandsOf(gw) : [];
  const cmd = commands.find((c) => c.command === opsCommand) ?? commands[0];
  const opsTunnelName = opsTunnel || (gw ? doc.tunnels.find((t) => t.a.gatewayId === gw.id || t.b.gatewayId === gw.id)?.name : undefined);
  const ops: OpsQuery | null = gw && cmd ? { gatewayId: gw.id, command: cmd.command, ...(opsTunnelName !== undefined ? { tunnel: opsTunnelName } : {}) } : null;

  // The slot's key and the document's generation name the monitor session: this panel's state,
  // kept in the worker, for this document (another document starts a session of its own).
  const slot = useSlotKey('monitor');
  const session = `${slot}#${state.generation}`;
  const job = useJob(slot, visible && !empty ? { kind: 'monitor', session, actions: [], ops } : undefined);
  const view = job.answer;
  const act = (action: MonitorAction) => job.submit({ kind: 'monitor', session, actions: [action], ops });
  const at = view?.now ?? 0;
  // Once the simulation has run (its clock moved), the canvas shows what the monitor shows on
  // each tunnel; Reset, another document or closing the monitor takes it off again.
  useEffect(() => {
    if (!view || view.now === 0) {
      workbench.showMonitor(null);
      return;
    }
    const rank = { DOWN: 0, READY: 1, UP: 2 } as const;
    const overlay: MonitorOverlay = {};
    for (const v of view.views) {
      for (const id of v.tunnelIds) {
        const was = overlay[id];
        const routesWithdrawn = v.kind === 'tunnel-interface' && !v.routesInstalled;
        if (!was || rank[v.status] < rank[was.status]) overlay[id] = { status: v.status, routesWithdrawn: routesWithdrawn || (was?.routesWithdrawn ?? false), where: `${v.gatewayName} ${v.name}` };
        else if (routesWithdrawn) was.routesWithdrawn = true;
      }
    }
    workbench.showMonitor(overlay);
  }, [view, workbench]);
  useEffect(() => () => workbench.showMonitor(null), [workbench]);
  // Traffic, a rekey and a lifetime expiry act on the SA chosen (or all of the tunnel's); the
  // peer buttons act on the whole tunnel.
  const tunnelSas = (view?.views ?? []).flatMap((v) => v.sas.filter((x) => x.tunnelId === tunnelId).map((x) => ({ key: `${x.end}:${x.index}`, sa: { end: x.end, index: x.index }, label: `${v.gatewayName}: ${x.proxyId.name ? `${x.proxyId.name} ` : ''}${x.proxyId.local} ↔ ${x.proxyId.remote}` })));
  const chosenSa = tunnelSas.find((x) => x.key === saChoice);
  const injectSa = (kind: 'traffic' | 'lifetime-expiry' | 'rekey') => {
    if (tunnelId) act({ type: kind, tunnelId, ...(chosenSa ? { sa: chosenSa.sa } : {}) });
  };
  const injectPeer = (kind: 'peer-loss' | 'peer-recover' | 'peer-restart') => {
    if (tunnelId) act({ type: kind, tunnelId });
  };
  const advance = (ms: number) => act({ type: 'advance', ms });

  if (empty) {
    return (
      <div ref={rootRef}>
        <p className="muted pad">No tunnels yet: the monitor shows each tunnel interface once there is a tunnel.</p>
      </div>
    );
  }

  const opsResult = view?.ops ?? undefined;

  return (
    <div className="monitor-panel" data-testid="monitor-panel" ref={rootRef} aria-busy={job.busy}>
      <div className="monitor-controls" role="group" aria-label="Inject events">
        <label className="field-bare">
          <span className="sr-only">Tunnel</span>
          <select className="input" aria-label="Tunnel to act on" value={tunnelId ?? ''} onChange={(e) => setTunnelChoice(e.target.value)} data-testid="monitor-tunnel">
            {doc.tunnels.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <select className="input" aria-label="SA to act on (traffic, lifetime expiry, rekey)" value={chosenSa?.key ?? ''} onChange={(e) => setSaChoice(e.target.value)} data-testid="monitor-sa-choice">
          <option value="">All SAs of the tunnel</option>
          {tunnelSas.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </select>
        <button type="button" className="btn small" data-testid="monitor-traffic" onClick={() => injectSa('traffic')}>Send traffic</button>
        <button type="button" className="btn small" data-testid="monitor-peer-loss" onClick={() => injectPeer('peer-loss')}>Peer loss</button>
        <button type="button" className="btn small" data-testid="monitor-peer-recover" onClick={() => injectPeer('peer-recover')}>Peer back</button>
        <button type="button" className="btn small" data-testid="monitor-peer-restart" onClick={() => injectPeer('peer-restart')}>Peer restart</button>
        <button type="button" className="btn small" data-testid="monitor-expiry" onClick={() => injectSa('lifetime-expiry')}>Lifetime expiry</button>
        <button type="button" className="btn small" data-testid="monitor-rekey" onClick={() => injectSa('rekey')}>Rekey</button>
        <span className="monitor-clock" aria-live="polite" data-testid="monitor-clock">t = {clock(at)}</span>
        <button type="button" className="btn small" data-testid="monitor-advance-10s" onClick={() => advance(10_000)}>+10 s</button>
        <button type="button" className="btn small" data-testid="monitor-advance-1m" onClick={() => advance(60_000)}>+1 min</button>
        <button type="button" className="btn small" data-testid="monitor-advance-1h" onClick={() => advance(3_600_000)}>+1 h</button>
        <button type="button" className="btn small ghost" data-testid="monitor-reset" onClick={() => act({ type: 'reset' })}>Reset</button>
      </div>
      {job.slow && <p className="hint monitor-preparing" role="status" data-testid="monitor-preparing">Updating the monitor…</p>}
      {job.error && (
        <p className="field-error" role="alert" data-testid="monitor-failed">
          The monitor could not be updated: {job.error}. The design is unchanged; press a button to try again, or save the design and reload the app.
        </p>
      )}
      <div className={`monitor-interfaces${job.slow ? ' is-stale' : ''}`}>
        {(view?.views ?? []).map((v) => (
          <article key={`${v.gatewayId}-${v.name}`} className={`monitor-card ${STATUS_CLASS[v.status]}`} aria-label={`${v.gatewayName} ${v.name}: ${v.status}`} data-testid={`monitor-if-${v.gatewayName}-${v.name}`}>
            <header>
              <span className={`status-badge ${STATUS_CLASS[v.status]}`} data-testid={`monitor-status-${v.gatewayName}-${v.name}`}>
                <span aria-hidden="true">{STATUS_ICON[v.status]}</span> {v.status}
              </span>{' '}
              <button type="button" className="link" onClick={() => workbench.highlight({ nodes: [v.gatewayId], edges: v.tunnelIds, label: `${v.gatewayName} ${v.name}: ${v.status}` })}>
                {v.gatewayName} · {v.name}
              </button>
              <span className="muted"> {v.kind === 'policy' ? 'policy-based' : 'tunnel interface'}{v.routesInstalled ? '' : ' · routes withdrawn'}</span>
            </header>
            <table className="grid-table monitor-sas">
              <thead>
                <tr><th scope="col">Proxy ID</th><th scope="col">SA</th><th scope="col">Sta</th><th scope="col">Counts</th><th scope="col">Last</th></tr>
              </thead>
              <tbody>
                {v.sas.map((s) => (
                  <tr key={`${s.tunnelId}-${s.end}-${s.index}`} data-testid={`monitor-sa-${v.gatewayName}-${s.tunnelName}-${s.index}`}>
                    <td className="mono">{s.proxyId.name ? `${s.proxyId.name}: ` : ''}{s.proxyId.local} ↔ {s.proxyId.remote}</td>
                    <td>{s.state}{s.peerHasSa ? '' : ' (peer lost it)'}</td>
                    <td className="mono">{s.sta}</td>
                    <td>{s.counted ? 'yes' : 'no'}</td>
                    <td className="muted" title={s.rule}>{s.notify ?? ruleSays(s.rule) ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <details>
              <summary>Why {v.status}</summary>
              <ol className="monitor-rules">
                {v.rules.map((r) => (
                  <li key={r.id}><span className="mono">{r.id}</span>: {r.says} <span className="provenance">({r.source.provenance}: {r.source.ref})</span></li>
                ))}
              </ol>
            </details>
          </article>
        ))}
      </div>
      <section className="monitor-ops" aria-label="Operational output">
        <div className="monitor-controls">
          <select className="input" aria-label="Gateway" value={gw?.id ?? ''} onChange={(e) => { setOpsGateway(e.target.value); setOpsCommand(''); }} data-testid="ops-gateway">
            {doc.gateways.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
          <select className="input" aria-label="Command" value={cmd?.command ?? ''} onChange={(e) => setOpsCommand(e.target.value)} data-testid="ops-command">
            {commands.map((c) => <option key={c.command} value={c.command}>{c.command}</option>)}
          </select>
          {cmd?.takesTunnel && <input className="input" aria-label="Tunnel name" placeholder="tunnel or tunnel:proxy-id" value={opsTunnel} onChange={(e) => setOpsTunnel(e.target.value)} />}
        </div>
        <pre className="mono monitor-output" data-testid="ops-output">{opsResult ? (opsResult.ok ? opsResult.text : opsResult.message) : gw && !cmd ? `No simulated output for ${gw.vendor} yet.` : ''}</pre>
      </section>
      <details>
        <summary>Event log</summary>
        <ol className="monitor-log">
          {(view?.log ?? []).map((e, i) => <li key={i} className="mono" title={e.rule}>t={clock(e.at)} {doc.tunnels.find((t) => t.id === e.tunnelId)?.name}{e.end ? `/${e.end}` : ''}{e.index !== undefined ? `#${e.index + 1}` : ''}: {e.message}</li>)}
        </ol>
      </details>
    </div>
  );
}
