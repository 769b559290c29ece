// File › Import device configurations…: one text box per device (pasted, or filled by dropping or
// choosing files), read and assembled into a topology by the engine worker (an `import` job, so a
// hub's megabytes never stall the UI), then a report per device of what was understood. "Open as
// new topology" replaces the open document as a template does (unsaved changes asked about
// first); a refused file imports nothing and leaves the open document as it was.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { FileReport, ImportResult } from '../../shared/import/import';
import type { Vendor } from '../../shared/model/document';
import { VENDOR_MODULES } from '../../shared/vendors/registry';
import { useJob, useSlotKey } from '../report-worker/use-engine';
import { Modal } from './Modal';
import type { FileFlows } from './use-file-flows';

interface Box {
  key: number;
  label: string;
  /** '' : recognised from the text. */
  vendor: Vendor | '';
  content: string;
  /** The file it was filled from, if any (its name names the device in messages). */
  fileName?: string;
}

/** The products whose configurations the app reads, in the palette's order. */
const READABLE = VENDOR_MODULES.flatMap((m) => ('reader' in m && m.reader ? [{ id: m.id as Vendor, label: m.identity.label }] : []));

/** Not-understood lines shown per device before "and N more" (a 10 MB file can have thousands). */
const UNKNOWN_SHOWN = 200;

const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '') || name;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const hasText = (b: Box) => b.content.trim() !== '' || b.fileName !== undefined;

/** The files the job is asked to read: the boxes with text, each named by its label, file or place. */
function configFiles(boxes: readonly Box[]) {
  return boxes
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => hasText(b))
    .map(({ b, i }) => ({
      name: b.fileName ?? (b.label.trim() || `Device ${i + 1}`),
      content: b.content,
      ...(b.label.trim() ? { label: b.label.trim() } : {}),
      ...(b.vendor ? { vendor: b.vendor } : {}),
    }));
}

function DeviceReport({ f, several }: { f: FileReport; several: boolean }) {
  const unknown = f.lines.unknown;
  return (
    <li className="import-device" data-testid="import-device">
      <h4>{f.name}</h4>
      <dl className="import-facts">
        <dt>Product</dt>
        <dd data-testid="import-product">{f.label}</dd>
        <dt>Hostname</dt>
        <dd>{f.hostname ?? <span className="muted">not in the file</span>}</dd>
        {(f.model || f.osVersion) && (
          <>
            <dt>Model, OS</dt>
            <dd>{[f.model, f.osVersion].filter(Boolean).join(', ')}</dd>
          </>
        )}
        <dt>Peers</dt>
        <dd>{f.peers}</dd>
        <dt>Lines</dt>
        <dd data-testid="import-lines">
          {f.lines.used} used, {f.lines.ignored} ignored (not about VPNs), {unknown.length} not understood
        </dd>
      </dl>
      {unknown.length > 0 && (
        <details className="import-unknown" data-testid="import-unknown">
          <summary>
            {plural(unknown.length, 'line')} not understood (report {unknown.length === 1 ? 'it' : 'them'} to help the importer learn)
          </summary>
          <ol className="import-lines">
            {unknown.slice(0, UNKNOWN_SHOWN).map((u) => (
              <li key={`${u.file}:${u.line}`}>
                <span className="line-no">
                  {several || u.file !== f.name ? `${u.file}:` : 'line '}
                  {u.line}
                </span>{' '}
                <code>{u.text}</code>
              </li>
            ))}
          </ol>
          {unknown.length > UNKNOWN_SHOWN && <p className="muted">and {unknown.length - UNKNOWN_SHOWN} more</p>}
        </details>
      )}
    </li>
  );
}

function ImportReport({ result, onOpen }: { result: ImportResult; onOpen: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // The report is below the boxes: bring it into view when it arrives.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [result]);
  if (!result.ok) {
    return (
      <div ref={ref} className="import-report" data-testid="import-error">
        <p className="error-summary" role="alert">
          {result.message}
        </p>
        <p className="muted">Nothing was imported; the open topology was not changed.</p>
      </div>
    );
  }
  const d = result.document;
  const external = result.peers.filter((p) => p.external !== undefined);
  return (
    <div ref={ref} className="import-report" data-testid="import-report">
      <p role="status">
        Understood {plural(result.files.length, 'device')}: {plural(d.gateways.length, 'gateway')}, {plural(d.networks.length, 'network')}, {plural(d.tunnels.length, 'tunnel')}
        {external.length > 0 ? `; ${plural(external.length, 'peer')} whose configuration was not given became external gateways to fill in (${external.map((p) => p.external).join(', ')})` : ''}.
      </p>
      <ul className="import-devices">
        {result.files.map((f) => (
          <DeviceReport key={f.name} f={f} several={result.files.length > 1 && f.lines.unknown.some((u) => u.file !== f.name)} />
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="btn primary" data-testid="import-open" onClick={onOpen}>
          Open as new topology
        </button>
      </div>
    </div>
  );
}

export function ImportDialog({ flows }: { flows: FileFlows }) {
  if (!flows.importOpen) return null;
  return <ImportDialogBody flows={flows} />;
}

function ImportDialogBody({ flows }: { flows: FileFlows }) {
  const nextKey = useRef(2);
  const [boxes, setBoxes] = useState<Box[]>([
    { key: 0, label: '', vendor: '', content: '' },
    { key: 1, label: '', vendor: '', content: '' },
  ]);
  /** Which device initiates its tunnels (a box's key); -1: as the configurations say. */
  const [initiator, setInitiator] = useState(-1);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  /** What was asked when Import was pressed (every edit of a box makes a new array). */
  const [asked, setAsked] = useState<{ boxes: Box[]; initiator: number; includeSecrets: boolean } | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const job = useJob(useSlotKey('import'));
  const files = configFiles(boxes);
  // The report is for what was asked: an edit after it hides it until Import is pressed again.
  const current = asked !== undefined && asked.boxes === boxes && asked.initiator === initiator && asked.includeSecrets === includeSecrets;
  const filled = boxes.filter(hasText);
  // A box emptied after it was chosen as the initiator: back to what the configurations say.
  const initiatorAt = filled.findIndex((b) => b.key === initiator);
  const result = current && !job.busy ? job.answer : undefined;

  const update = (key: number, change: Partial<Box>) => setBoxes((bs) => bs.map((b) => (b.key === key ? { ...b, ...change } : b)));
  const add = (box: Partial<Box> = {}) => setBoxes((bs) => [...bs, { key: nextKey.current++, label: '', vendor: '', content: '', ...box }]);
  const remove = (key: number) => setBoxes((bs) => (bs.length > 1 ? bs.filter((b) => b.key !== key) : bs));

  /** Each file fills the next empty box, or a new one. */
  const addFiles = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    setReadError(undefined);
    let read: { name: string; text: string }[];
    try {
      read = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
    } catch (e) {
      setReadError(`A file could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setBoxes((bs) => {
      const out = [...bs];
      for (const f of read) {
        const filled = { label: stem(f.name), content: f.text, fileName: f.name };
        const at = out.findIndex((b) => b.content.trim() === '' && b.fileName === undefined);
        if (at >= 0) out[at] = { ...out[at]!, ...filled };
        else out.push({ key: nextKey.current++, vendor: '', ...filled });
      }
      return out;
    });
  };

  const run = () => {
    // Not disabled while busy (the focus would fall out of the dialog): a press then does nothing.
    if (job.busy) return;
    setAsked({ boxes, initiator, includeSecrets });
    job.submit({ kind: 'import', files, includeSecrets, ...(initiatorAt >= 0 ? { initiator: initiatorAt } : {}) });
  };

  const open = () => {
    if (!result?.ok) return;
    void flows.openImported(result.document, `Imported ${plural(result.files.length, 'device')}: ${plural(result.document.tunnels.length, 'tunnel')}`);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(e.dataTransfer.files);
  };

  return (
    <Modal title="Import device configurations" onClose={flows.hideImport} wide testId="import-dialog">
      <div
        className={`import-drop${dragging ? ' is-dragging' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          Paste each device’s running configuration in a box of its own, or drop the files here (one file per device). The product is recognised from the text; choose it if it is not.
        </p>
        <label className="btn small">
          Choose files…
          <input
            type="file"
            multiple
            className="sr-only"
            data-testid="import-files"
            onChange={(e) => {
              // Emptied after reading, so choosing the same file again fills a box again.
              const input = e.currentTarget;
              void addFiles(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
        {readError && (
          <p className="error-summary" role="alert">
            {readError}
          </p>
        )}
      </div>
      <ol className="import-boxes">
        {boxes.map((b, i) => (
          <li key={b.key} className="import-box" data-testid="import-box">
            <div className="import-box-head">
              <label>
                Device {i + 1} label
                <input type="text" className="input" value={b.label} placeholder="optional (else its hostname)" data-testid="import-label" onChange={(e) => update(b.key, { label: e.currentTarget.value })} />
              </label>
              <label>
                Product
                <select className="input" value={b.vendor} data-testid="import-vendor" onChange={(e) => update(b.key, { vendor: e.currentTarget.value as Vendor | '' })}>
                  <option value="">Recognise from the text</option>
                  {READABLE.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn small" disabled={boxes.length === 1} aria-label={`Remove device ${i + 1}`} onClick={() => remove(b.key)}>
                Remove
              </button>
            </div>
            <label className="import-text">
              <span className="sr-only">Device {i + 1} configuration</span>
              <textarea
                className="input"
                value={b.content}
                rows={6}
                spellCheck={false}
                placeholder={b.fileName ? '' : 'Paste the running configuration here'}
                data-testid="import-text"
                onChange={(e) => update(b.key, { content: e.currentTarget.value })}
              />
            </label>
            {b.fileName && <p className="muted">From {b.fileName}</p>}
          </li>
        ))}
      </ol>
      <div className="import-options" role="group" aria-label="Import options">
        <label>
          Initiator
          <select className="input" value={initiatorAt >= 0 ? initiator : -1} data-testid="import-initiator" onChange={(e) => setInitiator(Number(e.currentTarget.value))}>
            <option value={-1}>As the configurations say (else the first device)</option>
            {boxes.map((b, i) =>
              hasText(b) ? (
                <option key={b.key} value={b.key}>
                  {b.label.trim() || (b.fileName ? stem(b.fileName) : `Device ${i + 1}`)} initiates
                </option>
              ) : null,
            )}
          </select>
        </label>
        <label className={`import-secrets${includeSecrets ? ' is-on' : ''}`}>
          <input type="checkbox" checked={includeSecrets} data-testid="import-secrets" onChange={(e) => setIncludeSecrets(e.currentTarget.checked)} />
          Keep the pre-shared keys written in clear
        </label>
        {includeSecrets && (
          <p className="import-secret-warning" role="alert" data-testid="import-secret-warning">
            The topology will hold the keys in clear text, and so will its file when you save it. Keys stored encrypted or hashed on the box cannot be read and stay empty.
          </p>
        )}
        {!includeSecrets && <p className="muted">Without them the keys stay empty (placeholders in an export), and the verdict cannot tell whether the two boxes’ keys match; with them it can.</p>}
      </div>
      <div className="modal-actions import-actions">
        <button type="button" className="btn" onClick={() => add()}>
          Add a device
        </button>
        <button type="button" className="btn primary" data-testid="import-run" aria-disabled={job.busy} aria-busy={job.busy} onClick={run}>
          {job.busy ? 'Importing…' : 'Import'}
        </button>
      </div>
      <div aria-live="polite" data-testid="import-state">
        {current && job.busy && <p className="muted">Reading {plural(files.length, 'configuration')} in the engine…</p>}
        {current && job.error && (
          <p className="error-summary" role="alert">
            The import failed: {job.error}
          </p>
        )}
      </div>
      {result && <ImportReport result={result} onOpen={open} />}
    </Modal>
  );
}
