// The negotiation player: plays a tunnel's timeline on the canvas (the message travels along the
// edge, phase 1 lights up, then each selector's phase-2 result appears with the negotiated
// selectors next to the proposed ones). Play/pause, step, scrub, speed; Space plays or pauses
// while the panel has focus.
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { PanelProps } from '../app/panels';
import type { EdgeAnimation } from '../canvas/Canvas';
import { findReportTunnel } from '../canvas/tunnel-status';
import { buildSteps, phase1DoneStep, revealedPhase2 } from './timeline';

export const AnimationContext = createContext<{ setEdgeAnimation: (a: EdgeAnimation | undefined) => void; reducedMotion: boolean }>({
  setEdgeAnimation: () => {},
  reducedMotion: false,
});

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
const STEP_MS = 1400;

export function NegotiationPanel({ state, report, selection }: PanelProps) {
  const doc = state.document;
  const { setEdgeAnimation } = useContext(AnimationContext);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const tunnelId = (chosen && doc.tunnels.some((t) => t.id === chosen) ? chosen : undefined) ?? selection.tunnels[0] ?? doc.tunnels[0]?.id;
  const tunnel = doc.tunnels.find((t) => t.id === tunnelId);
  const rt = tunnel ? findReportTunnel(report, tunnel) : undefined;
  const names = useMemo(
    () => ({ a: doc.gateways.find((g) => g.id === tunnel?.a.gatewayId)?.name ?? 'A', b: doc.gateways.find((g) => g.id === tunnel?.b.gatewayId)?.name ?? 'B' }),
    [doc.gateways, tunnel],
  );
  const steps = useMemo(() => (rt ? buildSteps(rt) : []), [rt]);
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const raf = useRef(0);

  // A new tunnel or a new timeline restarts the player at the beginning.
  const resetKey = `${tunnelId ?? ''}:${steps.length}`;
  const [seenKey, setSeenKey] = useState(resetKey);
  if (seenKey !== resetKey) {
    setSeenKey(resetKey);
    setPos(0);
    setPlaying(false);
  }

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const tick = (now: number) => {
      const dt = now - last;
      last = now;
      setPos((p) => {
        const next = Math.min(steps.length, p + (dt / STEP_MS) * speed);
        if (next >= steps.length) setPlaying(false);
        return next;
      });
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf.current);
  }, [playing, speed, steps.length]);

  const completed = Math.floor(pos);
  // The message on the wire or just arrived: pos in (k-1, k] is message k-1 (-1 before the first).
  const currentIndex = Math.min(steps.length, Math.ceil(pos)) - 1;
  const current = currentIndex >= 0 ? steps[currentIndex] : undefined;
  const p1Done = rt ? phase1DoneStep(steps, rt) : -1;
  const phase1Lit = p1Done >= 0 && completed > p1Done;
  const revealed = rt ? revealedPhase2(steps, completed, rt) : new Set<number>();
  const finished = steps.length > 0 && pos >= steps.length;
  const listRef = useRef<HTMLOListElement>(null);

  // Stepping moves by whole messages: the next one arrives, or the current one is taken back.
  const stepForward = () => {
    setPlaying(false);
    setPos((p) => Math.min(steps.length, Math.floor(p) + 1));
  };
  const stepBack = () => {
    setPlaying(false);
    setPos((p) => Math.max(0, Math.ceil(p) - 1));
  };

  useEffect(() => {
    if (!tunnel || !current || (pos === 0 && !playing)) {
      setEdgeAnimation(undefined);
      return;
    }
    const progress = finished ? 1 : pos - currentIndex;
    // At the end the message is gone; the lit phase 1 stays.
    setEdgeAnimation({ tunnelId: tunnel.id, anim: { progress, fromSource: current.fromA, label: finished ? '' : current.label, phase1Lit, failed: current.failed } });
  }, [tunnel, current, currentIndex, pos, playing, phase1Lit, finished, setEdgeAnimation]);

  // The list follows the player: the current message stays in view.
  useEffect(() => {
    if (currentIndex < 0) return;
    const li = listRef.current?.children[currentIndex];
    if (li instanceof HTMLElement) li.scrollIntoView({ block: 'nearest' });
  }, [currentIndex]);
  useEffect(() => () => setEdgeAnimation(undefined), [setEdgeAnimation]);

  if (doc.tunnels.length === 0) return <p className="muted pad">Draw a tunnel to watch its negotiation.</p>;
  return (
    <div
      className="player"
      data-testid="player"
      onKeyDown={(e) => {
        if ((e.target as HTMLElement).tagName === 'SELECT') return;
        if (e.key === ' ') {
          e.preventDefault();
          setPlaying((p) => !p);
        } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          // A whole message, also on the scrub bar (whose own arrows would move by 1/100).
          e.preventDefault();
          if (e.key === 'ArrowRight') stepForward();
          else stepBack();
        }
      }}
    >
      <div className="player-controls" role="toolbar" aria-label="Negotiation player">
        <label className="sr-only" htmlFor="player-tunnel">
          Tunnel
        </label>
        <select id="player-tunnel" className="input" title="Tunnel to play" value={tunnelId} onChange={(e) => setChosen(e.target.value)} data-testid="player-tunnel">
          {doc.tunnels.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn" aria-label="Back to the start" title="Back to the start (before the first message)" onClick={() => { setPlaying(false); setPos(0); }}>
          |◀ Start
        </button>
        <button type="button" className="btn" aria-label="Previous message" title="Step back one message (Left arrow)" data-testid="player-back" onClick={stepBack}>
          ◀ Back
        </button>
        <button type="button" className="btn primary" data-testid="player-play" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (Space)' : 'Play the negotiation (Space)'} disabled={steps.length === 0} onClick={() => { if (finished) setPos(0); setPlaying((p) => !p); }}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" className="btn" aria-label="Next message" title="Step forward one message (Right arrow)" data-testid="player-step" onClick={stepForward}>
          Next ▶
        </button>
        <input
          type="range"
          className="scrub"
          aria-label="Scrub through the negotiation"
          title="Scrub through the negotiation (Left/Right arrows step one message)"
          min={0}
          max={steps.length}
          step={0.01}
          value={pos}
          data-testid="player-scrub"
          onChange={(e) => { setPlaying(false); setPos(Number(e.target.value)); }}
        />
        <span className="muted" aria-live="polite" data-testid="player-position">
          {Math.min(completed, steps.length)} / {steps.length}
        </span>
        <label className="sr-only" htmlFor="player-speed">
          Speed
        </label>
        <select id="player-speed" className="input narrow" title="Playback speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      {!rt ? (
        <p className="muted pad">{report ? 'No result for this tunnel.' : 'Computing…'}</p>
      ) : (
        <div className="player-body">
          {/* Scrolls on its own, so it takes focus to be scrolled from the keyboard. */}
          <ol className="timeline" aria-label="Messages" ref={listRef} tabIndex={0}>
            {steps.map((s, i) => (
              <li key={i} className={`${i === currentIndex ? 'is-current' : i < currentIndex ? 'is-done' : 'is-future'}${s.failed ? ' is-failed' : ''}`} aria-current={i === currentIndex ? 'step' : undefined}>
                <span className="dir">{s.fromA ? `${names.a} → ${names.b}` : `${names.b} → ${names.a}`}</span>
                <strong>{s.label}</strong>
                {s.detail && <span className="muted"> {s.detail}</span>}
                {s.values.length > 0 && (
                  <dl className="msg-values" data-testid={`msg-values-${i}`}>
                    {s.values.map((v) => (
                      <div key={v.label}>
                        <dt>{v.label}</dt>
                        <dd className="mono">{v.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ol>
          <div className="player-results" role="region" aria-label="Results as they arrive" tabIndex={0}>
            <div className={`phase1-lamp${phase1Lit ? ' is-lit' : finished && rt.phase1.status === 'down' ? ' is-failed' : ''}`} data-testid="phase1-lamp">
              Phase 1 {phase1Lit ? '✓ established' : finished && rt.phase1.status === 'down' ? `✕ failed${rt.phase1.notify ? ` (${rt.phase1.notify})` : ''}` : '…'}
            </div>
            <table className="phase2-table" aria-label="Phase 2 results as they arrive">
              <thead>
                <tr>
                  <th scope="col">Proposed</th>
                  <th scope="col">Negotiated</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {rt.phase2.map((p) => (
                  <tr key={p.index} className={revealed.has(p.index) ? `is-${p.status}` : 'is-waiting'} data-testid={`anim-phase2-${p.index}`}>
                    <td className="mono">
                      {p.proposed.local} ↔ {p.proposed.remote}
                    </td>
                    <td className="mono">{revealed.has(p.index) && p.negotiated ? `${p.negotiated.local.join(', ')} ↔ ${p.negotiated.remote.join(', ')}` : '—'}</td>
                    <td>{revealed.has(p.index) ? (p.status === 'up' ? '✓ up' : p.status === 'asymmetric' ? '◐ up, asymmetric' : `✕ ${p.notify ?? 'down'}`) : '…'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {current && !finished && <p className="muted">{current.detail}</p>}
            {finished && <p data-testid="player-finished">Negotiation complete.</p>}
          </div>
        </div>
      )}
    </div>
  );
}
