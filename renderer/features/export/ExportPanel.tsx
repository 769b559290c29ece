// The export dialog: per gateway or all, each gateway's own vendor or one chosen, a
// syntax-highlighted preview with the lines that carry a warning marked, copy, and save to a
// folder or a zip. Pre-shared keys stay placeholders unless the user turns on the clearly
// labelled switch. The engine's verdict (would the design come up?) is shown first.
// The export runs in the engine worker: while it does, the last preview stays (saving and
// copying wait for the new one), and a slow one says so.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { EXPORT_VENDORS } from '../../../shared/vendors/registry';
import type { ExportWarning } from '../../../shared/vendors/kit/export/types';
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import { vendorModule } from '../../../shared/vendors/registry';
import type { PanelProps } from '../../app/panels';
import { useShown } from '../../app/use-shown';
import type { ExportAnswer } from '../../report-worker/protocol';
import { exportVerdict } from './verdict';
import { documentFileStem } from '../../app/file-flows';
import { useJob, useSlotKey } from '../../report-worker/use-engine';
import { highlightLine } from './highlight';
import { copyText, isDesktop, saveFiles } from './save';
import './export.css';

const ALL = '__all__';
const NOTHING: ExportAnswer = { files: [], design: [], other: [] };

function commentPrefix(fileName: string): string {
  return /\.(asa|ios)\.txt(\.commands\.txt|\.diff)?$/.test(fileName) ? '!' : '#';
}

/** A diff line's kind, for its colour (the +++/--- headers are not changes). */
function diffClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('Index:') || line.startsWith('====')) return ' diff-header';
  if (line.startsWith('@@')) return ' diff-hunk';
  if (line.startsWith('+')) return ' diff-added';
  if (line.startsWith('-')) return ' diff-removed';
  return '';
}

function warningWhere(w: ExportWarning): string {
  return [w.tunnel ? `tunnel ${w.tunnel}` : undefined, w.file && w.line ? `${w.file}:${w.line}` : undefined].filter(Boolean).join(' · ');
}

export function ExportPanel(props: PanelProps & { inDialog?: boolean }) {
  const { state, selection, workbench, inDialog } = props;
  const doc = useDeferredValue(state.document);
  const [gateway, setGateway] = useState<string>(ALL);
  const [vendor, setVendor] = useState<ExportVendor | 'auto'>('auto');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  // An imported topology can show each box's corrected configuration as a diff against what was imported.
  const [view, setView] = useState<'config' | 'changes'>('config');
  const [activeFile, setActiveFile] = useState<string | undefined>(undefined);
  const [flashLine, setFlashLine] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<string>('');
  const previewRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Export (and its engine check) only while this panel is shown.
  const empty = doc.gateways.length === 0;
  const visible = useShown(rootRef, inDialog === true, empty);

  const gatewayExists = gateway === ALL || doc.gateways.some((g) => g.id === gateway);
  const chosen = gatewayExists ? gateway : ALL;

  const changesView = view === 'changes' && doc.imported !== undefined;
  const job = useJob(useSlotKey('export'), visible && !empty ? { kind: 'export', options: { vendor: changesView ? 'auto' : vendor, includeSecrets, ...(chosen === ALL ? {} : { gateways: [chosen] }), ...(changesView ? { changes: true } : {}) } } : undefined);
  // A failed export (a bug, not a user error) shows its reason instead of an older preview.
  const result: ExportAnswer = (!job.error && job.answer) || NOTHING;
  const answered = job.answer !== undefined && !job.error;
  /** What is shown is the answer to what is asked: only then can it be saved or copied. */
  const current = answered && !job.busy;

  const file = result.files.find((f) => f.name === activeFile) ?? result.files[0];
  const { design, other } = result;
  const verdict = useMemo(() => exportVerdict(design), [design]);
  const linesWithWarnings = useMemo(() => new Set(other.filter((w) => w.file === file?.name && w.line).map((w) => w.line as number)), [other, file?.name]);
  const lines = useMemo(() => (file ? file.content.replace(/\n$/, '').split('\n') : []), [file]);
  const comment = file ? commentPrefix(file.name.replace(/\.diff$/, '')) : '#';
  const showingChanges = changesView && result.changes !== undefined;
  const selectedGateway = selection.gateways.length === 1 ? doc.gateways.find((g) => g.id === selection.gateways[0]) : undefined;

  const goTo = (w: ExportWarning) => {
    // The warnings' lines are the full files' lines, not the diff's.
    if (!w.file || !w.line || showingChanges) return;
    setActiveFile(w.file);
    setFlashLine(w.line);
    window.requestAnimationFrame(() => previewRef.current?.querySelector(`[data-line="${w.line}"]`)?.scrollIntoView({ block: 'center' }));
  };

  const save = async (as: 'folder' | 'zip') => {
    setMessage('Saving…');
    const zipName = `${documentFileStem(doc)}-configs.zip`;
    const r = await saveFiles(result.files, as, zipName);
    setMessage(r.status === 'saved' ? `Saved ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${r.where}` : r.status === 'cancelled' ? 'Not saved.' : `Could not save: ${r.message}`);
  };

  const copy = async () => {
    if (!file) return;
    setMessage((await copyText(file.content)) ? `Copied ${file.name}` : 'Copy failed: select the text and copy it by hand.');
  };

  if (doc.gateways.length === 0) {
    return (
      <div className="export-panel" data-testid="export-panel" ref={rootRef}>
        <p className="export-empty">Draw gateways and tunnels (or start from a template) to export their configuration.</p>
      </div>
    );
  }

  return (
    <div className={`export-panel${inDialog ? ' in-dialog' : ''}`} data-testid={inDialog ? 'export-dialog' : 'export-panel'} ref={rootRef} aria-busy={job.busy}>
      <div className="export-controls" role="group" aria-label="Export options">
        <label className="field-bare">
          <span>Gateways</span>
          <select className="input" value={chosen} onChange={(e) => { setGateway(e.target.value); setActiveFile(undefined); }} data-testid="export-gateway">
            <option value={ALL}>All gateways ({doc.gateways.length})</option>
            {doc.gateways.map((g) => (
              <option key={g.id} value={g.id}>{g.name} ({vendorModule(g.vendor).identity.label})</option>
            ))}
          </select>
        </label>
        {selectedGateway && chosen !== selectedGateway.id && (
          <button type="button" className="btn small" onClick={() => { setGateway(selectedGateway.id); setActiveFile(undefined); }} data-testid="export-use-selection">Only {selectedGateway.name}</button>
        )}
        {doc.imported && (
          <span className="export-view" role="radiogroup" aria-label="What to show">
            <button type="button" role="radio" className={`btn small ghost${view === 'config' ? ' is-active' : ''}`} aria-checked={view === 'config'} onClick={() => { setView('config'); setActiveFile(undefined); }} data-testid="export-view-config">Configuration</button>
            <button type="button" role="radio" className={`btn small ghost${view === 'changes' ? ' is-active' : ''}`} aria-checked={view === 'changes'} onClick={() => { setView('changes'); setActiveFile(undefined); setFlashLine(undefined); }} data-testid="export-view-changes" title="Each box's corrected configuration as a diff against what was imported">Changes since import</button>
          </span>
        )}
        <label className="field-bare">
          <span>Vendor</span>
          <select className="input" value={changesView ? 'auto' : vendor} disabled={changesView} title={changesView ? 'The changes are written for each box\'s own product' : undefined} onChange={(e) => { setVendor(e.target.value as ExportVendor | 'auto'); setActiveFile(undefined); }} data-testid="export-vendor">
            <option value="auto">Auto: each gateway's own vendor</option>
            {EXPORT_VENDORS.map((v) => (
              <option key={v} value={v}>{vendorModule(v).identity.label}</option>
            ))}
          </select>
        </label>
        <label className={`export-secrets${includeSecrets ? ' is-on' : ''}`}>
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} data-testid="export-secrets" />
          <span>Include pre-shared keys</span>
        </label>
        <span className="export-actions">
          <button type="button" className="btn small" onClick={() => void copy()} disabled={!file || !current} data-testid="export-copy">Copy</button>
          <button type="button" className="btn small" onClick={() => void save('folder')} disabled={result.files.length === 0 || !current} data-testid="export-save-folder">
            {isDesktop() ? 'Save to folder…' : result.files.length === 1 ? 'Download file' : 'Download zip'}
          </button>
          {isDesktop() && <button type="button" className="btn small" onClick={() => void save('zip')} disabled={result.files.length === 0 || !current} data-testid="export-save-zip">Save as zip…</button>}
          {!inDialog && (
            <button type="button" className="btn small ghost" onClick={() => workbench.openDialog({ title: 'Export configuration', render: () => <ExportPanel {...props} inDialog /> })} data-testid="export-open-dialog">
              Open in dialog
            </button>
          )}
        </span>
      </div>

      {includeSecrets && (
        <p className="export-secret-warning" role="alert" data-testid="export-secret-warning">
          The files now contain the pre-shared keys in clear text. Anyone who gets them can impersonate these gateways: send them only over a channel you trust, and do not commit them to a repository.
        </p>
      )}

      {job.slow && (
        <p className="export-preparing" role="status" data-testid="export-preparing">
          Preparing the export…
        </p>
      )}
      {job.error && (
        <p className="field-error" role="alert" data-testid="export-error">
          The export could not be prepared: {job.error}. The design is unchanged; change an option to try again, or save the design and reload the app.
        </p>
      )}

      {answered && (
        <div className={`export-verdict ${verdict.tunnels.length ? 'health-down' : 'health-up'}`} role="status" data-testid="export-verdict">
          {verdict.headline}
          {verdict.tunnels.length > 0 && (
            <ul>
              {verdict.tunnels.map((t) => (
                <li key={t.tunnel}>{t.tunnel}: {t.messages.join(' ')}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {showingChanges && (
        <div className="export-changes" role="status" data-testid="export-changes">
          {result.changes?.every((c) => c.status === 'unchanged') ? (
            <p>No box changed since the import: its configuration is as imported.</p>
          ) : (
            <ul>
              {result.changes?.map((c) => (
                <li key={c.gateway} data-testid="export-change">
                  <strong>{c.gateway}</strong>: {c.status === 'unchanged' ? 'unchanged' : c.status === 'added' ? 'drawn after the import (all of its configuration is new)' : c.status === 'removed' ? 'removed since the import' : `${c.added} line${c.added === 1 ? '' : 's'} added, ${c.removed} removed`}
                  {result.paste?.find((p) => p.gateway === c.gateway)?.steps.map((st) => (
                    <div key={st.file} className="export-paste-step" data-testid="export-paste-step">
                      {st.kind === 'file' ? (
                        <>Put <button type="button" className="btn small ghost" onClick={() => setActiveFile(st.output)}>{st.output}</button> at <code>{st.enter.join(' ')}</code>, then run {st.leave.map((l, i) => <code key={i}>{l}</code>)}</>
                      ) : (
                        <>Paste <button type="button" className="btn small ghost" onClick={() => setActiveFile(st.output)}>{st.output}</button> at its CLI: it enters configuration mode, changes only what the diff changes, and {st.leave.length > 0 ? <>ends with {st.leave.map((l, i) => <code key={i}>{l}</code>)}</> : 'applies each block as it ends'}</>
                      )}
                      {st.notes.length > 0 && (
                        <ul className="muted">
                          {st.notes.map((n, i) => <li key={i}>{n}</li>)}
                        </ul>
                      )}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">In each .diff, lines with + are what the corrected configuration adds, lines with − what it no longer has, both as IPsec Studio exports this box; the commands make exactly those changes on the box. Review them against the box before you paste.</p>
        </div>
      )}

      <div className="export-body">
        <nav className="export-files" aria-label="Generated files">
          {result.files.map((f) => (
            <button type="button" key={f.name} className={`btn small ghost${f.name === file?.name ? ' is-active' : ''}`} aria-pressed={f.name === file?.name} onClick={() => { setActiveFile(f.name); setFlashLine(undefined); }} data-testid={`export-file-${f.name}`}>
              {f.name}
              {other.some((w) => w.file === f.name) && <span className="export-badge" role="img" aria-label="has warnings">!</span>}
            </button>
          ))}
        </nav>
        <div className={`export-preview${job.slow ? ' is-stale' : ''}`} ref={previewRef} data-testid="export-preview" role="region" aria-label={file ? `Preview of ${file.name}` : 'Preview'} tabIndex={0}>
          {file ? (
            <pre className="export-code">
              {lines.map((line, i) => {
                const n = i + 1;
                return (
                  <div key={n} data-line={n} className={`export-line${!showingChanges && linesWithWarnings.has(n) ? ' has-warning' : ''}${flashLine === n ? ' is-flash' : ''}${showingChanges && file.name.endsWith('.diff') ? diffClass(line) : ''}`}>
                    <span className="export-ln" aria-hidden="true">{n}</span>
                    <span>
                      {highlightLine(line, comment).map((t, j) => (
                        <span key={j} className={`tok-${t.kind}`}>{t.text}</span>
                      ))}
                    </span>
                  </div>
                );
              })}
            </pre>
          ) : answered ? (
            <p className="export-empty">{showingChanges ? 'No change to show for this choice.' : 'Nothing to export for this choice (see the warnings).'}</p>
          ) : null}
        </div>
      </div>

      {other.length > 0 && (
        <details className="export-warnings" open data-testid="export-warnings">
          <summary>{other.length} warning{other.length === 1 ? '' : 's'}: what the configuration could not express</summary>
          <ul>
            {other.map((w, i) => (
              <li key={i}>
                <button type="button" className="btn small ghost" onClick={() => goTo(w)} disabled={!w.line}>
                  <code>{w.code}</code> {w.gateway}{warningWhere(w) ? ` (${warningWhere(w)})` : ''}
                </button>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="export-message" aria-live="polite" data-testid="export-message">{message}</p>
    </div>
  );
}
