// The UI's side of the engine worker, with a worker the test answers by hand: one request in
// the worker at a time, a newer request of a slot supersedes the older, an answer for an older
// document or an older request is dropped, "preparing" only after the delay, errors shown.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { TEMPLATES } from '../../../shared/templates/index';
import { REPORT_SLOT, slotKey } from '../../../renderer/report-worker/client';
import type { WorkerRequest, WorkerResponse } from '../../../renderer/report-worker/protocol';
import { harness, realWorker } from './harness';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();
const EXPORT = slotKey('export', 'panel');
const WALK = slotKey('walk', 'panel');
const MONITOR = slotKey('monitor', 'm1');
const exportSpec = (vendor: 'auto' | 'fortigate' = 'auto') => ({ kind: 'export' as const, options: { vendor, includeSecrets: false } });

/** A well-formed answer to a request, with a made-up result. */
function answerTo(req: WorkerRequest, result?: unknown): WorkerResponse {
  const done = { id: req.id, docSeq: req.doc.seq, ok: true as const, millis: 1 };
  switch (req.kind) {
    case 'report':
      return { ...done, kind: 'report', report: { rest: { reportVersion: 1, diagnostics: [], summary: { tunnels: 0, up: 0, partial: 0, down: 0, phase2Up: 0, phase2Down: 0 } }, tunnels: { kind: 'full', items: [] } } };
    case 'export':
      return { ...done, kind: 'export', result: (result as never) ?? { files: [{ name: `f-${req.id}.txt`, content: 'x' }], design: [], other: [] } };
    case 'walk':
      return { ...done, kind: 'walk', result: (result as never) ?? { ok: false, code: 'INVALID_ADDRESS', message: `walk ${req.id}` } };
    case 'monitor':
      return { ...done, kind: 'monitor', result: (result as never) ?? { now: req.id, views: [], log: [], ops: null } };
    case 'import':
      return { ...done, kind: 'import', result: (result as never) ?? { ok: false, file: `f-${req.id}`, code: 'EMPTY', message: `import ${req.id}` } };
  }
}

/** A client with the document loaded and its first report answered. */
function started(doc = template('full-mesh')) {
  const h = harness();
  h.client.setDocument(doc);
  h.flush();
  h.worker.deliver(answerTo(h.worker.last));
  h.flush();
  return h;
}

describe('document steps', () => {
  it('sends the document whole first, then only what changed, and nothing when it did not change', () => {
    const editor = new Editor(template('full-mesh'));
    const h = harness();
    h.client.setDocument(editor.document);
    h.flush();
    const first = h.worker.last;
    expect(first).toMatchObject({ kind: 'report', doc: { seq: 1, delta: { base: null } }, since: null });
    expect(first.doc.delta?.lists.tunnels.kind).toBe('full');
    h.worker.deliver(answerTo(first));

    h.client.submit(EXPORT, exportSpec());
    h.flush();
    expect(h.worker.last).toMatchObject({ kind: 'export', doc: { seq: 1 } });
    expect(h.worker.last.doc.delta).toBeUndefined();
    h.worker.deliver(answerTo(h.worker.last));

    const t = editor.document.tunnels[2]!;
    editor.dispatch({ type: 'tunnel.update', id: t.id, changes: { notes: 'edited' } });
    h.client.setDocument(editor.document);
    h.flush();
    // The report goes first, carrying the delta against the copy the worker has.
    const next = h.worker.last;
    expect(next).toMatchObject({ kind: 'report', doc: { seq: 2, delta: { base: 1 } }, since: first.id });
    expect(next.doc.delta?.lists.tunnels).toMatchObject({ kind: 'patch', changed: [[2, { notes: 'edited' }]] });
    expect(next.doc.delta?.lists.gateways.kind).toBe('same');
  });

  it('does not ask again for a move (positions are not the worker\'s business)', () => {
    const editor = new Editor(template('full-mesh'));
    const h = started(editor.document);
    const before = h.worker.posted.length;
    const g = editor.document.gateways[0]!;
    editor.dispatch({ type: 'nodes.move', moves: [{ node: { kind: 'gateway', id: g.id }, position: { x: 5, y: 5 } }] });
    h.client.setDocument(editor.document);
    h.flush();
    expect(h.worker.posted.length).toBe(before);
    expect(h.client.documentSeq).toBe(1);
    // A rename reaches the worker (exported files carry the design's name).
    editor.dispatch({ type: 'document.rename', name: 'Renamed' });
    h.client.setDocument(editor.document);
    h.flush();
    expect(h.client.documentSeq).toBe(2);
    expect(h.worker.last.doc.delta?.lists.name).toBe('Renamed');
  });

  it('waits for a document before sending anything', () => {
    const h = harness();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    expect(h.worker.posted).toEqual([]);
    h.client.setDocument(template('full-mesh'));
    h.flush();
    expect(h.worker.posted.map((r) => r.kind)).toEqual(['report']);
  });
});

describe('one request in the worker at a time', () => {
  it('sends the report first, then the others in the order they were asked', () => {
    const h = harness();
    h.client.submit(WALK, { kind: 'walk', packet: { from: 'a', to: 'b', protocol: 'tcp' } });
    h.client.submit(EXPORT, exportSpec());
    h.client.setDocument(template('full-mesh'));
    h.flush();
    expect(h.worker.posted.map((r) => r.kind)).toEqual(['report']);
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.worker.posted.map((r) => r.kind)).toEqual(['report', 'walk']);
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.worker.posted.map((r) => r.kind)).toEqual(['report', 'walk', 'export']);
  });
});

describe('a newer request supersedes an older one of the same slot', () => {
  it('replaces a request still waiting: only the newest is sent', () => {
    const h = started();
    h.client.submit(WALK, { kind: 'walk', packet: { from: 'a', to: 'b', protocol: 'tcp' } });
    h.flush();
    const inWorker = h.worker.last;
    h.client.submit(EXPORT, exportSpec('auto'));
    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.worker.deliver(answerTo(inWorker));
    h.flush();
    const exports = h.worker.posted.filter((r) => r.kind === 'export');
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ options: { vendor: 'fortigate' } });
  });

  it('drops the answer to a request in the worker when a newer one was asked', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec('auto'));
    h.flush();
    const older = h.worker.last;
    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.flush();
    expect(h.worker.last).toBe(older); // still in the worker: nothing else is sent meanwhile
    h.worker.deliver(answerTo(older, { files: [{ name: 'older.txt', content: '' }], design: [], other: [] }));
    expect(h.client.get(EXPORT).answer).toBeUndefined();
    expect(h.client.get(EXPORT).busy).toBe(true);
    h.flush();
    const newer = h.worker.last;
    expect(newer).toMatchObject({ kind: 'export', options: { vendor: 'fortigate' } });
    h.worker.deliver(answerTo(newer, { files: [{ name: 'newer.txt', content: '' }], design: [], other: [] }));
    expect(h.client.get(EXPORT)).toMatchObject({ answer: { files: [{ name: 'newer.txt' }] }, busy: false, error: undefined });
  });

  it('drops the answer after a cancel, and keeps the last answer', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    h.worker.deliver(answerTo(h.worker.last, { files: [{ name: 'kept.txt', content: '' }], design: [], other: [] }));
    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.flush();
    h.client.cancel(EXPORT);
    expect(h.client.get(EXPORT).busy).toBe(false);
    h.worker.deliver(answerTo(h.worker.last, { files: [{ name: 'late.txt', content: '' }], design: [], other: [] }));
    expect(h.client.get(EXPORT).answer?.files[0]?.name).toBe('kept.txt');
    // Cancelled slots do not follow the document.
    const before = h.worker.posted.length;
    h.client.setDocument({ ...template('full-mesh'), name: 'other' });
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.worker.posted.slice(before).map((r) => r.kind)).toEqual(['report']);
  });

  it('releasing a slot drops its answer on the way and forgets its last one', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    expect(h.client.get(EXPORT).answer).toBeDefined();
    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.flush();
    h.client.release(EXPORT);
    h.worker.deliver(answerTo(h.worker.last));
    expect(h.client.get(EXPORT)).toMatchObject({ answer: undefined, busy: false });
    // The report slot stays whatever a panel does.
    h.client.release(REPORT_SLOT);
    expect(h.client.get(REPORT_SLOT).answer).toBeDefined();
  });

  it('keeps every monitor action: waiting ones are merged in order, one in the worker is not sent again', () => {
    const h = started();
    const spec = (actions: { type: 'advance'; ms: number }[]) => ({ kind: 'monitor' as const, session: MONITOR, actions, ops: null });
    h.client.submit(WALK, { kind: 'walk', packet: { from: 'a', to: 'b', protocol: 'tcp' } });
    h.flush();
    const walk = h.worker.last;
    h.client.submit(MONITOR, spec([{ type: 'advance', ms: 1 }]));
    h.client.submit(MONITOR, spec([{ type: 'advance', ms: 2 }]));
    h.worker.deliver(answerTo(walk));
    h.flush();
    const first = h.worker.last;
    expect(first).toMatchObject({ kind: 'monitor', actions: [{ ms: 1 }, { ms: 2 }] });
    h.client.submit(MONITOR, spec([{ type: 'advance', ms: 3 }]));
    h.worker.deliver(answerTo(first));
    h.flush();
    expect(h.worker.last).toMatchObject({ kind: 'monitor', actions: [{ ms: 3 }] });
    h.worker.deliver(answerTo(h.worker.last));
    // A document change asks the monitor again, without its actions (they are applied), and the walk.
    const before = h.worker.posted.length;
    h.client.setDocument({ ...template('full-mesh'), name: 'edited' });
    for (let i = 0; i < 3; i++) {
      h.flush();
      h.worker.deliver(answerTo(h.worker.last));
    }
    const after = h.worker.posted.slice(before);
    expect(after.map((r) => r.kind)).toEqual(['report', 'walk', 'monitor']);
    expect(after[2]).toMatchObject({ kind: 'monitor', actions: [] });
  });
});

describe('an answer for an older document is dropped', () => {
  it('asks again for the new document and shows only that answer', () => {
    const editor = new Editor(template('full-mesh'));
    const h = started(editor.document);
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    const forOld = h.worker.last;
    expect(forOld.doc.seq).toBe(1);
    editor.dispatch({ type: 'document.rename', name: 'Edited while exporting' });
    h.client.setDocument(editor.document);
    h.flush();
    h.worker.deliver(answerTo(forOld, { files: [{ name: 'old.txt', content: '' }], design: [], other: [] }));
    expect(h.client.get(EXPORT).answer).toBeUndefined();
    h.flush();
    // The report and the export are asked for document 2.
    const report = h.worker.last;
    expect(report).toMatchObject({ kind: 'report', doc: { seq: 2 } });
    h.worker.deliver(answerTo(report));
    h.flush();
    const forNew = h.worker.last;
    expect(forNew).toMatchObject({ kind: 'export', doc: { seq: 2 } });
    h.worker.deliver(answerTo(forNew, { files: [{ name: 'new.txt', content: '' }], design: [], other: [] }));
    expect(h.client.get(EXPORT)).toMatchObject({ answer: { files: [{ name: 'new.txt' }] }, docSeq: 2, busy: false });
  });

  it('walks again when the document changed under a walk, and after it was answered (the verdict follows an edit)', () => {
    const editor = new Editor(template('full-mesh'));
    const h = started(editor.document);
    h.client.submit(WALK, { kind: 'walk', packet: { from: 'a', to: 'b', protocol: 'tcp' } });
    h.flush();
    const forOld = h.worker.last;
    editor.dispatch({ type: 'document.rename', name: 'x' });
    h.client.setDocument(editor.document);
    h.worker.deliver(answerTo(forOld));
    expect(h.client.get(WALK).answer).toBeUndefined();
    h.flush();
    h.worker.deliver(answerTo(h.worker.last)); // the report
    h.flush();
    const again = h.worker.last;
    expect(again).toMatchObject({ kind: 'walk', doc: { seq: 2 }, packet: { from: 'a' } });
    h.worker.deliver(answerTo(again));
    expect(h.client.get(WALK).answer).toMatchObject({ ok: false, message: `walk ${again.id}` });
    editor.dispatch({ type: 'document.rename', name: 'y' });
    h.client.setDocument(editor.document);
    h.flush();
    h.worker.deliver(answerTo(h.worker.last)); // the report
    h.flush();
    const afterEdit = h.worker.last;
    expect(afterEdit).toMatchObject({ kind: 'walk', doc: { seq: 3 }, packet: { from: 'a' } });
    h.worker.deliver(answerTo(afterEdit));
    expect(h.client.get(WALK)).toMatchObject({ answer: { ok: false, message: `walk ${afterEdit.id}` }, docSeq: 3 });
    expect(h.worker.posted.filter((r) => r.kind === 'walk')).toHaveLength(3);
    // A cancelled walk (its panel asks nothing) is not walked again.
    h.client.cancel(WALK);
    editor.dispatch({ type: 'document.rename', name: 'z' });
    h.client.setDocument(editor.document);
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.worker.posted.filter((r) => r.kind === 'walk')).toHaveLength(3);
  });

  it('drops an answer that names another document than the one the client holds', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    const req = h.worker.last;
    h.worker.deliver({ ...answerTo(req), docSeq: 0 });
    expect(h.client.get(EXPORT).answer).toBeUndefined();
    h.flush();
    expect(h.worker.last).toMatchObject({ kind: 'export', doc: { seq: 1 } });
    expect(h.worker.last.id).not.toBe(req.id);
  });
});

describe('an import does not follow the document', () => {
  const IMPORT = slotKey('import', 'dialog');
  const importSpec = { kind: 'import' as const, files: [{ name: 'a.txt', content: 'set deviceconfig system hostname a' }], includeSecrets: false };

  it('is asked once, and its answer counts though the document changed meanwhile', () => {
    const editor = new Editor(template('full-mesh'));
    const h = started(editor.document);
    h.client.submit(IMPORT, importSpec);
    h.flush();
    const req = h.worker.last;
    expect(req).toMatchObject({ kind: 'import', files: importSpec.files });
    editor.dispatch({ type: 'document.rename', name: 'x' });
    h.client.setDocument(editor.document);
    h.worker.deliver(answerTo(req));
    expect(h.client.get(IMPORT)).toMatchObject({ answer: { ok: false, message: `import ${req.id}` }, busy: false });
    // Further edits ask the report again, never the import.
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    editor.dispatch({ type: 'document.rename', name: 'y' });
    h.client.setDocument(editor.document);
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.worker.posted.filter((r) => r.kind === 'import')).toHaveLength(1);
    expect(h.worker.posted.filter((r) => r.kind === 'report')).toHaveLength(3);
  });
});

describe('"preparing…" only after the delay', () => {
  it('a fast answer never shows it; a slow one does, until it arrives', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    expect(h.client.get(EXPORT)).toMatchObject({ busy: true, slow: false });
    h.worker.deliver(answerTo(h.worker.last));
    expect(h.delays).toBe(0); // the answer cancelled the delay
    h.elapse();
    expect(h.client.get(EXPORT)).toMatchObject({ busy: false, slow: false });

    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.flush();
    h.elapse();
    expect(h.client.get(EXPORT)).toMatchObject({ busy: true, slow: true });
    // Superseding keeps the indicator; it does not start over.
    h.client.submit(EXPORT, exportSpec('auto'));
    expect(h.client.get(EXPORT).slow).toBe(true);
    h.worker.deliver(answerTo(h.worker.last));
    h.flush();
    expect(h.client.get(EXPORT).slow).toBe(true);
    h.worker.deliver(answerTo(h.worker.last));
    expect(h.client.get(EXPORT)).toMatchObject({ busy: false, slow: false });
  });

  it('tells subscribers about each change', () => {
    const h = started();
    let calls = 0;
    const off = h.client.subscribe(EXPORT, () => calls++);
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    h.elapse();
    h.worker.deliver(answerTo(h.worker.last));
    expect(calls).toBe(3); // busy, slow, answer
    off();
    h.client.submit(EXPORT, exportSpec('fortigate'));
    expect(calls).toBe(3);
  });
});

describe('errors are shown, and the client recovers', () => {
  it('a job that failed in the worker shows its message and keeps the last answer', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    h.client.submit(EXPORT, exportSpec('fortigate'));
    h.flush();
    const req = h.worker.last;
    h.worker.deliver({ kind: 'export', id: req.id, docSeq: 1, ok: false, code: 'JOB_FAILED', message: 'boom' });
    expect(h.client.get(EXPORT)).toMatchObject({ error: 'boom', busy: false, answer: { files: [{ name: expect.any(String) }] } });
    // The next question clears it.
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    h.worker.deliver(answerTo(h.worker.last));
    expect(h.client.get(EXPORT).error).toBeUndefined();
  });

  it('an answer that does not validate is an error, and the document is sent whole again', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    const req = h.worker.last;
    h.worker.deliver({ kind: 'export', id: req.id, docSeq: 1, ok: true, millis: 1, result: { files: [{ name: 'a' }], design: [], other: [] } });
    expect(h.client.get(EXPORT).error).toMatch(/not understood \(result\.files\.0\.content: /);
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    expect(h.worker.last.doc.delta?.base).toBeNull();
  });

  it('a copy out of step is sent whole and asked once more; a second refusal is shown', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    const refuse = (req: WorkerRequest) => h.worker.deliver({ kind: req.kind, id: req.id, docSeq: null, ok: false, code: 'DOCUMENT_OUT_OF_STEP', message: 'out of step' });
    refuse(h.worker.last);
    h.flush();
    expect(h.worker.last).toMatchObject({ kind: 'export', doc: { seq: 1, delta: { base: null } } });
    refuse(h.worker.last);
    h.flush();
    expect(h.client.get(EXPORT)).toMatchObject({ error: 'out of step', busy: false });
  });

  it('a worker that stops shows the reason on every slot waiting', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.client.submit(WALK, { kind: 'walk', packet: { from: 'a', to: 'b', protocol: 'tcp' } });
    h.flush();
    h.worker.fail('out of memory');
    expect(h.client.get(EXPORT).error).toBe('the engine worker stopped: out of memory');
    expect(h.client.get(WALK).error).toBe('the engine worker stopped: out of memory');
  });

  it('a new worker gets the whole document and what the old one never answered', () => {
    const h = started();
    h.client.submit(EXPORT, exportSpec());
    h.flush();
    const old = h.worker;
    const next = new (old.constructor as new () => typeof old)();
    h.client.connect(next);
    expect(old.terminated).toBe(true);
    h.flush();
    expect(next.last).toMatchObject({ kind: 'export', doc: { seq: 1, delta: { base: null } } });
  });
});

describe('with the real worker handler', () => {
  it('rebuilds the report from deltas, keeping the unchanged tunnel reports', () => {
    const editor = new Editor(template('hub-and-spoke'));
    const h = harness();
    const worker = realWorker();
    let answered = 0;
    const run = () => {
      h.flush();
      while (h.worker.posted.length > answered) {
        h.worker.deliver(worker.answer(h.worker.posted[answered++]!));
        h.flush();
      }
    };
    h.client.setDocument(editor.document);
    run();
    const first = h.client.get(REPORT_SLOT).answer!;
    expect(first.tunnels.length).toBe(editor.document.tunnels.length);
    const t = editor.document.tunnels[1]!;
    editor.dispatch({ type: 'tunnel.update', id: t.id, changes: { notes: 'edited' } });
    h.client.setDocument(editor.document);
    run();
    const second = h.client.get(REPORT_SLOT).answer!;
    expect(second).not.toBe(first);
    expect(second.tunnels[0]).toBe(first.tunnels[0]);
    expect(second.tunnels[1]).not.toBe(first.tunnels[1]);
    expect(h.client.get(REPORT_SLOT).docSeq).toBe(2);
  });
});
