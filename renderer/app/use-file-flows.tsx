// The document's file flows as the window runs them: new, open (a dialog, or a file handed over
// by a drop, Open Recent or the OS), a template, save, the recovery copies earlier sessions left
// (offered, restored, discarded), a topology imported from device configurations, this session's
// autosave, and the question before unsaved work
// is thrown away or the window closes. Writing the file is file-flows.ts; this hook holds what
// the window shows about it (FileFlowViews.tsx draws that).
import { useCallback, useEffect, useState } from 'react';
import type { Editor, EditorState } from '../../shared/commands/editor';
import type { Command } from '../../shared/commands/commands';
import { emptyDocument, type TopologyDocument } from '../../shared/model/document';
import type { FileError } from '../../shared/model/file';
import { loadDocumentText, loadDocumentValue } from '../../shared/document/file';
import { TEMPLATES } from '../../shared/templates/index';
import type { OpenOffer, Platform, RecoveryOffer } from '../platform/platform';
import { autosave, saveDocument, suggestedFileName } from './file-flows';
import type { DialogSpec } from './panels';

/** A question with buttons; `resolve` gets the id of the one pressed ('cancel' when dismissed). */
export interface Ask {
  title: string;
  message: string;
  buttons: { id: string; label: string; primary?: boolean }[];
  resolve: (id: string) => void;
}

/** Why a file was not opened; the open document is unchanged. */
export interface LoadErrors {
  summary: string;
  errors: FileError[];
  file: string;
}

export interface FileFlows {
  /** The open file's name; undefined for a document never saved. */
  fileName: string | undefined;
  save(saveAs: boolean): Promise<boolean>;
  newDocument(): Promise<void>;
  openDocument(offer?: OpenOffer): Promise<void>;
  fromTemplate(id: string): Promise<void>;
  templatesOpen: boolean;
  showTemplates(): void;
  hideTemplates(): void;
  /** The Import device configurations dialog (ImportDialog.tsx). */
  importOpen: boolean;
  showImport(): void;
  hideImport(): void;
  /**
   * Opens a topology the import assembled in place of the open document, as a template does
   * (unsaved changes asked about first); false when the user kept the open document.
   */
  openImported(d: TopologyDocument, said: string): Promise<boolean>;
  recoveries: readonly RecoveryOffer[];
  restoreCopy(offer: RecoveryOffer): Promise<void>;
  discardCopy(offer: RecoveryOffer): void;
  autosaveError: string | null;
  dismissAutosaveError(): void;
  loadErrors: LoadErrors | null;
  dismissLoadErrors(): void;
  ask: Ask | null;
  answer(id: string): void;
}

interface Options {
  editor: Editor;
  /** The editor's snapshot as rendered (autosave follows it). */
  state: EditorState;
  platform: Platform;
  say(text: string): void;
  openDialog(spec: DialogSpec): void;
  /** A document was loaded in place of the old one (reset the selection, fit the view). */
  onLoaded(): void;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const SAVE_FIRST = [
  { id: 'save', label: 'Save', primary: true },
  { id: 'discard', label: 'Don’t save' },
  { id: 'cancel', label: 'Cancel' },
];

/** The commands that build `d` on an empty document, as one undoable edit. */
function recreateCommands(d: TopologyDocument): Command[] {
  return [
    { type: 'document.rename', name: d.name },
    { type: 'document.setNotes', notes: d.notes },
    ...d.gateways.map((gateway): Command => ({ type: 'gateway.add', gateway })),
    ...d.networks.map((network): Command => ({ type: 'network.add', network })),
    ...d.tunnels.map((tunnel): Command => ({ type: 'tunnel.add', tunnel })),
  ];
}

export function useFileFlows({ editor, state, platform, say, openDialog, onLoaded }: Options): FileFlows {
  const doc = state.document;
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [recoveries, setRecoveries] = useState<RecoveryOffer[]>([]);
  const [autosaveError, setAutosaveError] = useState<string | null>(null);
  const [loadErrors, setLoadErrors] = useState<LoadErrors | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);

  useEffect(() => platform.setWindowState(fileName ?? doc.name, state.dirty), [platform, fileName, doc.name, state.dirty]);

  const askUser = useCallback((a: Omit<Ask, 'resolve'>) => new Promise<string>((resolve) => setAsk({ ...a, resolve })), []);
  const answer = useCallback(
    (id: string) => {
      ask?.resolve(id);
      setAsk(null);
    },
    [ask],
  );

  /** Saves; every way it can fail (too large, refused, an error status, an exception) is shown with its reason, and the document stays dirty. */
  const save = useCallback(
    async (saveAs: boolean): Promise<boolean> => {
      const r = await saveDocument(editor, platform, { saveAs, suggestedName: suggestedFileName(editor.document, fileName) });
      if (r.status === 'saved') {
        setFileName(r.name);
        setAutosaveError(null);
        void platform.clearRecovery().catch(() => {});
        say(`Saved ${r.name}`);
        return true;
      }
      if (r.status === 'error') {
        const message = r.message;
        openDialog({
          title: 'Could not save',
          render: () => (
            <>
              <p className="error-summary" data-testid="save-error">
                {message}
              </p>
              <p className="muted">Your changes are still here and not saved.</p>
            </>
          ),
        });
      }
      return false;
    },
    [editor, platform, fileName, say, openDialog],
  );

  /** Asks before throwing away unsaved changes; true means go ahead. */
  const confirmDiscard = useCallback(async (): Promise<boolean> => {
    if (!editor.dirty) return true;
    const choice = await askUser({ title: 'Unsaved changes', message: `Save the changes to “${fileName ?? editor.document.name}” first?`, buttons: SAVE_FIRST });
    if (choice === 'save') return save(false);
    return choice === 'discard';
  }, [editor, askUser, fileName, save]);

  const load = useCallback(
    (d: TopologyDocument, name: string | undefined) => {
      editor.load(d);
      setFileName(name);
      onLoaded();
    },
    [editor, onLoaded],
  );

  const newDocument = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    await platform.forgetCurrentFile().catch(() => {});
    load(emptyDocument(), undefined);
    void platform.clearRecovery().catch(() => {});
  }, [confirmDiscard, platform, load]);

  const openDocument = useCallback(
    async (offer?: OpenOffer) => {
      if (!(await confirmDiscard())) return;
      let r: Awaited<ReturnType<Platform['openFile']>>;
      try {
        r = await platform.openFile(offer);
      } catch (e) {
        r = { status: 'error', message: `The file was not opened: ${reason(e)}` };
      }
      if (r.status === 'cancelled') return;
      if (r.status === 'error') {
        setLoadErrors({ summary: r.message, errors: [], file: offer?.name ?? 'the file' });
        return;
      }
      const loaded = loadDocumentText(r.text, r.byteLength);
      if (!loaded.ok) {
        // The open document stays exactly as it was.
        setLoadErrors({ summary: loaded.summary, errors: loaded.errors, file: r.name });
        return;
      }
      load(loaded.document, r.name);
      say(loaded.migratedFrom ? `Opened ${r.name} (upgraded from format ${loaded.migratedFrom}; saving writes the current format)` : `Opened ${r.name}`);
    },
    [confirmDiscard, platform, load, say],
  );

  const fromTemplate = useCallback(
    async (id: string) => {
      const t = TEMPLATES.find((x) => x.id === id);
      if (!t || !(await confirmDiscard())) return;
      await platform.forgetCurrentFile().catch(() => {});
      load(t.build(), undefined);
      setTemplatesOpen(false);
      say(`Started from the “${t.title}” template`);
    },
    [confirmDiscard, platform, load, say],
  );

  const openImported = useCallback(
    async (d: TopologyDocument, said: string): Promise<boolean> => {
      // Checked whole as an opened file is: what the worker assembled replaces the open document
      // only if the file format accepts it (never half-loaded).
      const checked = loadDocumentValue(d);
      if (!checked.ok) {
        setLoadErrors({ summary: `The imported topology does not validate (a bug in the import; please report it): ${checked.summary}`, errors: checked.errors, file: 'the imported configurations' });
        return false;
      }
      if (!(await confirmDiscard())) return false;
      await platform.forgetCurrentFile().catch(() => {});
      load(checked.document, undefined);
      setImportOpen(false);
      say(said);
      return true;
    },
    [confirmDiscard, platform, load, say],
  );

  // Recovery: offer the copies earlier sessions left; autosave this session's while dirty. A
  // failed autosave is shown (without blocking): the work is then only in this window.
  useEffect(() => {
    void platform.listRecovery().then(setRecoveries, () => {});
  }, [platform]);
  useEffect(() => {
    if (!state.dirty) return;
    const t = setTimeout(() => void autosave(doc, fileName, platform).then(setAutosaveError), 800);
    return () => clearTimeout(t);
  }, [doc, state.dirty, fileName, platform]);

  const restoreCopy = useCallback(
    async (offer: RecoveryOffer) => {
      if (!(await confirmDiscard())) return;
      let copy: Awaited<ReturnType<Platform['restoreRecovery']>>;
      try {
        copy = await platform.restoreRecovery(offer.id);
      } catch (e) {
        say(`Could not restore the recovery copy: ${reason(e)}`);
        return;
      }
      setRecoveries((list) => list.filter((o) => o.id !== offer.id));
      const r = copy ? loadDocumentText(copy.text) : undefined;
      if (!copy || !r?.ok) {
        say('That recovery copy is gone or damaged; nothing was restored.');
        return;
      }
      // Rebuilt as one edit on an empty document, so it counts as unsaved work and one undo
      // returns to the empty canvas.
      load(emptyDocument(), copy.name);
      editor.dispatch({ type: 'batch', label: 'Recover', commands: recreateCommands(r.document) });
      say(`Recovered; save it to keep it.${copy.notice ? ` ${copy.notice}` : ''}`);
      const notice = copy.notice;
      if (notice) openDialog({ title: 'Recovered', render: () => <p data-testid="recovery-notice">{notice}</p> });
    },
    [confirmDiscard, platform, load, editor, say, openDialog],
  );

  const discardCopy = useCallback(
    (offer: RecoveryOffer) => {
      void platform.discardRecovery(offer.id).catch(() => {});
      setRecoveries((list) => list.filter((o) => o.id !== offer.id));
    },
    [platform],
  );

  // Closing: the browser asks by itself (beforeunload); the desktop asks us, and waits for the answer.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (editor.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [editor]);
  useEffect(
    () =>
      platform.onCloseRequested(() => {
        void (async () => {
          const choice = await askUser({ title: 'Unsaved changes', message: 'Save the changes before closing?', buttons: SAVE_FIRST });
          if (choice === 'save') {
            // A failed save has shown why; the window stays open with the work in it.
            const saved = await save(false).catch(() => false);
            platform.answerClose(saved ? 'save-then-close' : 'cancel');
          } else {
            if (choice === 'discard') void platform.clearRecovery().catch(() => {});
            platform.answerClose(choice === 'discard' ? 'discard' : 'cancel');
          }
        })();
      }),
    [platform, askUser, save],
  );
  useEffect(() => platform.onOpenOffered((offer) => void openDocument(offer)), [platform, openDocument]);

  return {
    fileName,
    save,
    newDocument,
    openDocument,
    fromTemplate,
    templatesOpen,
    showTemplates: () => setTemplatesOpen(true),
    hideTemplates: () => setTemplatesOpen(false),
    importOpen,
    showImport: () => setImportOpen(true),
    hideImport: () => setImportOpen(false),
    openImported,
    recoveries,
    restoreCopy,
    discardCopy,
    autosaveError,
    dismissAutosaveError: () => setAutosaveError(null),
    loadErrors,
    dismissLoadErrors: () => setLoadErrors(null),
    ask,
    answer,
  };
}
