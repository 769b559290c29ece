// The application shell: toolbar, palette, canvas, inspector and the tabbed panel area. The
// document lives in the Editor (shared/commands/editor.ts); React only renders its snapshot.
// File flows (new, open, save, recovery) go through the platform adapter.
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Editor } from '../../shared/commands/editor';
import type { Command } from '../../shared/commands/commands';
import { emptyDocument, type TopologyDocument, type TunnelId } from '../../shared/model/document';
import { describeErrors, type FileError } from '../../shared/model/file';
import { loadDocumentText } from '../../shared/document/file';
import { TEMPLATES } from '../../shared/templates/index';
import { AnimationContext, NegotiationPanel } from '../animation/NegotiationPanel';
import { autoLayoutCommand } from '../canvas/auto-layout';
import { fitPadding, fitWouldHideUnderMinimap } from '../canvas/canvas-backdrop';
import { Canvas, dropItem, type EdgeAnimation, type PaletteItem } from '../canvas/Canvas';
import { clipboardForPaste, clipboardText, copySelection, deleteSelectionCommands, getInternalClipboard, pasteCommands, setInternalClipboard } from '../canvas/clipboard';
import { addTunnelCommand } from '../canvas/create';
import { buildSvg, DARK_SVG, LIGHT_SVG, svgToPng } from '../canvas/export-image';
import { Palette } from '../canvas/Palette';
import { engineInputChanged } from '../report-worker/engine-input';
import { EngineContext, useEngine } from '../report-worker/use-engine';
import { Inspector } from '../inspector/Inspector';
import type { MenuCommand, OpenOffer, Platform, RecoveryOffer } from '../platform/platform';
import { autosave, saveDocument } from './file-flows';
import { ResultsPanel } from '../results/ResultsPanel';
import { Modal } from './Modal';
import { EMPTY_SELECTION, listPanels, registerBuiltInPanel, type DialogSpec, type Highlight, type PanelProps, type Selection, type Workbench } from './panels';
import { displayShortcut, matchesShortcut, parseShortcut } from './shortcuts';

/**
 * Panels and the inspector do not show positions, so a drag (which changes only positions) does
 * not re-render them: with a thousand tunnels that is the difference between a smooth drag and
 * a stutter. Anything else that changes re-renders them as usual.
 */
const PanelHost = memo(
  function PanelHost({ Component, active: _active, ...props }: PanelProps & { Component: ComponentType<PanelProps>; active: boolean }) {
    return <Component {...props} />;
  },
  (a, b) =>
    // A hidden panel keeps its state but does no work until it is shown again.
    (!a.active && !b.active) ||
    a.Component === b.Component && a.editor === b.editor && a.report === b.report && a.selection === b.selection && a.workbench === b.workbench &&
    a.state.dirty === b.state.dirty && a.state.canUndo === b.state.canUndo && a.state.canRedo === b.state.canRedo &&
    !engineInputChanged(a.state.document, b.state.document) && a.state.document.name === b.state.document.name && a.state.document.notes === b.state.document.notes,
);

const InspectorHost = memo(Inspector, (a, b) => a.editor === b.editor && a.selection === b.selection && !engineInputChanged(a.document, b.document) && a.document.name === b.document.name && a.document.notes === b.document.notes);

registerBuiltInPanel({ id: 'results', title: 'Results', shortcut: 'Alt+1', order: 0, Component: ResultsPanel });
registerBuiltInPanel({ id: 'negotiation', title: 'Negotiation', shortcut: 'Alt+2', order: 1, Component: NegotiationPanel });

type Theme = 'light' | 'dark';

interface Action {
  id: string;
  label: string;
  keys?: string;
  /** Runs even while typing in a field (file commands); others leave the field's own keys alone. */
  global?: boolean;
  group: 'File' | 'Edit' | 'Canvas' | 'View' | 'Panels';
  run: () => void;
}

interface Ask {
  title: string;
  message: string;
  buttons: { id: string; label: string; primary?: boolean }[];
  resolve: (id: string) => void;
}

function liveSelection(s: Selection, d: TopologyDocument): Selection {
  const g = s.gateways.filter((id) => d.gateways.some((x) => x.id === id));
  const n = s.networks.filter((id) => d.networks.some((x) => x.id === id));
  const t = s.tunnels.filter((id) => d.tunnels.some((x) => x.id === id));
  return g.length === s.gateways.length && n.length === s.networks.length && t.length === s.tunnels.length ? s : { gateways: g, networks: n, tunnels: t };
}

function recreateCommands(d: TopologyDocument): Command[] {
  return [
    { type: 'document.rename', name: d.name },
    { type: 'document.setNotes', notes: d.notes },
    ...d.gateways.map((gateway): Command => ({ type: 'gateway.add', gateway })),
    ...d.networks.map((network): Command => ({ type: 'network.add', network })),
    ...d.tunnels.map((tunnel): Command => ({ type: 'tunnel.add', tunnel })),
  ];
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function suggestedFileName(doc: TopologyDocument, current: string | undefined): string {
  if (current) return current;
  const base = doc.name.trim().replace(/[^A-Za-z0-9 _.-]+/g, '').replace(/\s+/g, '-').toLowerCase() || 'topology';
  return `${base}.ipsec.json`;
}

export function App({ editor, platform }: { editor: Editor; platform: Platform }) {
  const state = useSyncExternalStore(editor.subscribe, editor.getSnapshot);
  const doc = state.document;
  const engine = useEngine(doc);
  const report = engine.report;
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  /** Fit margins for the canvas as it is now (the minimap's size depends on the canvas's). */
  const fitPaddingNow = useCallback(
    (minimapShown: boolean) => {
      const state = flowStore.getState();
      return fitPadding(minimapShown && fitWouldHideUnderMinimap(state), state.width, state.height);
    },
    [flowStore],
  );

  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // Only what still exists (after undo, delete, open) counts as selected.
  const selection = useMemo(() => liveSelection(rawSelection, doc), [rawSelection, doc]);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [loadErrors, setLoadErrors] = useState<{ summary: string; errors: FileError[]; file: string } | null>(null);
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [theme, setTheme] = useState<Theme>(() => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const [presentation, setPresentation] = useState(false);
  const [help, setHelp] = useState(false);
  const [snap, setSnap] = useState(true);
  const [minimap, setMinimap] = useState(true);
  const [panelsOpen, setPanelsOpen] = useState(true);
  const [activePanel, setActivePanel] = useState('results');
  const [recoveries, setRecoveries] = useState<RecoveryOffer[]>([]);
  const [autosaveError, setAutosaveError] = useState<string | null>(null);
  const [edgeAnimation, setEdgeAnimation] = useState<EdgeAnimation | undefined>(undefined);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const panels = useMemo(() => listPanels(), []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('presentation', presentation);
  }, [theme, presentation]);

  useEffect(() => platform.setWindowState(fileName ?? doc.name, state.dirty), [platform, fileName, doc.name, state.dirty]);

  const say = useCallback((text: string) => setMessage(text), []);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(t);
  }, [message]);

  const askUser = useCallback((a: Omit<Ask, 'resolve'>) => new Promise<string>((resolve) => setAsk({ ...a, resolve })), []);

  // ---- files ---------------------------------------------------------------------------------

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
        setDialog({
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
    [editor, platform, fileName, say],
  );

  /** Asks before throwing away unsaved changes; true means go ahead. */
  const confirmDiscard = useCallback(async (): Promise<boolean> => {
    if (!editor.dirty) return true;
    const choice = await askUser({
      title: 'Unsaved changes',
      message: `Save the changes to “${fileName ?? editor.document.name}” first?`,
      buttons: [
        { id: 'save', label: 'Save', primary: true },
        { id: 'discard', label: 'Don’t save' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice === 'save') return save(false);
    return choice === 'discard';
  }, [editor, askUser, fileName, save]);

  const loadDocument = useCallback(
    (d: TopologyDocument, name: string | undefined) => {
      editor.load(d);
      setFileName(name);
      setSelection(EMPTY_SELECTION);
      setHighlight(null);
      requestAnimationFrame(() => void flow.fitView({ padding: fitPaddingNow(minimap) }));
    },
    [editor, flow, minimap, fitPaddingNow],
  );

  const newDocument = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    await platform.forgetCurrentFile().catch(() => {});
    loadDocument(emptyDocument(), undefined);
    void platform.clearRecovery().catch(() => {});
  }, [confirmDiscard, platform, loadDocument]);

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
      loadDocument(loaded.document, r.name);
      say(loaded.migratedFrom ? `Opened ${r.name} (upgraded from format ${loaded.migratedFrom}; saving writes the current format)` : `Opened ${r.name}`);
    },
    [confirmDiscard, platform, loadDocument, say],
  );

  const fromTemplate = useCallback(
    async (id: string) => {
      const t = TEMPLATES.find((x) => x.id === id);
      if (!t || !(await confirmDiscard())) return;
      await platform.forgetCurrentFile().catch(() => {});
      loadDocument(t.build(), undefined);
      setTemplatesOpen(false);
      say(`Started from the “${t.title}” template`);
    },
    [confirmDiscard, platform, loadDocument, say],
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
      loadDocument(emptyDocument(), copy.name);
      editor.dispatch({ type: 'batch', label: 'Recover', commands: recreateCommands(r.document) });
      say(`Recovered; save it to keep it.${copy.notice ? ` ${copy.notice}` : ''}`);
      const notice = copy.notice;
      if (notice) setDialog({ title: 'Recovered', render: () => <p data-testid="recovery-notice">{notice}</p> });
    },
    [confirmDiscard, platform, loadDocument, editor, say],
  );

  const discardCopy = useCallback(
    (offer: RecoveryOffer) => {
      void platform.discardRecovery(offer.id).catch(() => {});
      setRecoveries((list) => list.filter((o) => o.id !== offer.id));
    },
    [platform],
  );
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
          const choice = await askUser({
            title: 'Unsaved changes',
            message: 'Save the changes before closing?',
            buttons: [
              { id: 'save', label: 'Save', primary: true },
              { id: 'discard', label: 'Don’t save' },
              { id: 'cancel', label: 'Cancel' },
            ],
          });
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

  // ---- edit ----------------------------------------------------------------------------------

  const selectAll = useCallback(() => {
    const d = editor.document;
    setSelection({ gateways: d.gateways.map((g) => g.id), networks: d.networks.map((n) => n.id), tunnels: d.tunnels.map((t) => t.id) });
  }, [editor]);

  const deleteSelection = useCallback(() => {
    const cmds = deleteSelectionCommands(editor.document, selection);
    if (cmds.length === 0) return;
    editor.dispatch(cmds.length === 1 ? cmds[0]! : { type: 'batch', label: 'Delete', commands: cmds });
    setSelection(EMPTY_SELECTION);
  }, [editor, selection]);

  const copy = useCallback(() => {
    // The app's own clipboard keeps the keys (paste in this window restores the tunnels whole);
    // the system clipboard, which other programs read, never gets them.
    const c = copySelection(editor.document, selection, { includeKeys: true });
    if (!c) return false;
    setInternalClipboard(c);
    void navigator.clipboard?.writeText(clipboardText(c)).catch(() => {});
    return true;
  }, [editor, selection]);

  const paste = useCallback(async () => {
    // A paste is checked as an opened file is (clipboardForPaste): something that is not ours is
    // ignored, something of ours that does not validate is refused with the reason.
    const system = await Promise.resolve(navigator.clipboard?.readText()).catch(() => undefined);
    const r = clipboardForPaste(system, getInternalClipboard());
    if (!r) return;
    if (!r.ok) {
      say(r.message);
      return;
    }
    const pasted = pasteCommands(editor.document, r.content);
    if (!pasted) return;
    editor.dispatch(pasted.command);
    setSelection(pasted.selection);
  }, [editor, say]);

  const duplicate = useCallback(() => {
    const c = copySelection(editor.document, selection, { includeKeys: true });
    if (!c) return;
    const r = pasteCommands(editor.document, c);
    if (!r) return;
    editor.dispatch({ ...r.command, label: 'Duplicate' } as typeof r.command);
    setSelection(r.selection);
  }, [editor, selection]);

  /** Moves the view the way an arrow points (the drawing slides the other way): panning by keyboard. */
  const panView = useCallback(
    (dx: number, dy: number) => {
      const v = flow.getViewport();
      void flow.setViewport({ x: v.x - dx * 6, y: v.y - dy * 6, zoom: v.zoom }, { duration: 120 });
    },
    [flow],
  );

  const nudge = useCallback(
    (dx: number, dy: number) => {
      const d = editor.document;
      const moves = [
        ...d.gateways.filter((g) => selection.gateways.includes(g.id)).map((g) => ({ node: { kind: 'gateway' as const, id: g.id }, position: { x: g.position.x + dx, y: g.position.y + dy } })),
        ...d.networks.filter((n) => selection.networks.includes(n.id)).map((n) => ({ node: { kind: 'network' as const, id: n.id }, position: { x: n.position.x + dx, y: n.position.y + dy } })),
      ];
      if (moves.length) editor.dispatch({ type: 'nodes.move', moves }, { mergeKey: `nudge:${[...selection.gateways, ...selection.networks].join(',')}` });
      else panView(dx, dy);
    },
    [editor, selection, panView],
  );

  const connectSelected = useCallback(() => {
    const [a, b] = selection.gateways;
    if (selection.gateways.length !== 2 || !a || !b) return say('Select exactly two gateways (Shift+click) to connect them with a tunnel.');
    const r = addTunnelCommand(editor.document, a, b);
    if ('error' in r) return say(r.error);
    editor.dispatch(r.command);
    setSelection({ gateways: [], networks: [], tunnels: [r.id as TunnelId] });
  }, [editor, selection, say]);

  const autoLayout = useCallback(async () => {
    try {
      const cmd = await autoLayoutCommand(editor.document);
      if (cmd) {
        editor.dispatch({ type: 'batch', label: 'Auto-layout', commands: [cmd] });
        requestAnimationFrame(() => void flow.fitView({ padding: fitPaddingNow(minimap), duration: 200 }));
      }
    } catch (e) {
      say(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [editor, flow, say, minimap, fitPaddingNow]);

  const placeAtCenter = useCallback(
    (item: PaletteItem) => {
      const el = document.querySelector('.canvas-wrap');
      const r = el?.getBoundingClientRect();
      const p = flow.screenToFlowPosition({ x: r ? r.left + r.width / 2 : 400, y: r ? r.top + r.height / 2 : 300 });
      const jitter = (editor.document.gateways.length + editor.document.networks.length) % 5;
      dropItem(editor, item, { x: p.x + jitter * 24, y: p.y + jitter * 24 }, say, setSelection);
    },
    [editor, flow, say],
  );

  const exportImage = useCallback(
    async (format: 'png' | 'svg') => {
      const svg = buildSvg(editor.document, report, theme === 'dark' ? DARK_SVG : LIGHT_SVG);
      const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg, 2);
      const base = suggestedFileName(editor.document, undefined).replace(/\.ipsec\.json$/, '');
      const r = await platform.saveImage(format, blob, `${base}.${format}`);
      if (r.status === 'saved') say(`Exported ${r.name}`);
      else if (r.status === 'error') say(`Export failed: ${r.message}`);
    },
    [editor, report, theme, platform, say],
  );

  const actions: Action[] = useMemo(
    () => [
      { id: 'new', label: 'New topology', keys: 'Mod+Alt+N', global: true, group: 'File', run: () => void newDocument() },
      { id: 'template', label: 'New from template…', keys: 'Mod+Shift+N', global: true, group: 'File', run: () => setTemplatesOpen(true) },
      { id: 'open', label: 'Open…', keys: 'Mod+O', global: true, group: 'File', run: () => void openDocument() },
      { id: 'save', label: 'Save', keys: 'Mod+S', global: true, group: 'File', run: () => void save(false) },
      { id: 'save-as', label: 'Save as…', keys: 'Mod+Shift+S', global: true, group: 'File', run: () => void save(true) },
      { id: 'export-png', label: 'Export canvas as PNG', keys: 'Mod+Shift+E', global: true, group: 'File', run: () => void exportImage('png') },
      { id: 'export-svg', label: 'Export canvas as SVG', keys: 'Mod+Alt+E', global: true, group: 'File', run: () => void exportImage('svg') },
      { id: 'undo', label: state.undoLabel ? `Undo ${state.undoLabel}` : 'Undo', keys: 'Mod+Z', group: 'Edit', run: () => editor.undo() },
      { id: 'redo', label: state.redoLabel ? `Redo ${state.redoLabel}` : 'Redo', keys: 'Mod+Shift+Z', group: 'Edit', run: () => editor.redo() },
      { id: 'redo-y', label: 'Redo', keys: 'Mod+Y', group: 'Edit', run: () => editor.redo() },
      { id: 'cut', label: 'Cut', keys: 'Mod+X', group: 'Edit', run: () => copy() && deleteSelection() },
      { id: 'copy', label: 'Copy', keys: 'Mod+C', group: 'Edit', run: () => void copy() },
      { id: 'paste', label: 'Paste', keys: 'Mod+V', group: 'Edit', run: () => void paste() },
      { id: 'duplicate', label: 'Duplicate', keys: 'Mod+D', group: 'Edit', run: duplicate },
      { id: 'select-all', label: 'Select all', keys: 'Mod+A', group: 'Edit', run: selectAll },
      { id: 'delete', label: 'Delete selection', keys: 'Delete', group: 'Edit', run: deleteSelection },
      { id: 'delete-bs', label: 'Delete selection', keys: 'Backspace', group: 'Edit', run: deleteSelection },
      { id: 'deselect', label: 'Clear selection and highlight', keys: 'Escape', group: 'Edit', run: () => { setSelection(EMPTY_SELECTION); setHighlight(null); } },
      { id: 'connect', label: 'Connect the two selected gateways with a tunnel', keys: 'C', group: 'Canvas', run: connectSelected },
      { id: 'layout', label: 'Auto-layout', keys: 'L', group: 'Canvas', run: () => void autoLayout() },
      { id: 'snap', label: `Snap to grid (${snap ? 'on' : 'off'})`, keys: 'G', group: 'Canvas', run: () => setSnap((s) => !s) },
      { id: 'nudge-left', label: 'Move selection left', keys: 'ArrowLeft', group: 'Canvas', run: () => nudge(-16, 0) },
      { id: 'nudge-right', label: 'Move selection right', keys: 'ArrowRight', group: 'Canvas', run: () => nudge(16, 0) },
      { id: 'nudge-up', label: 'Move selection up', keys: 'ArrowUp', group: 'Canvas', run: () => nudge(0, -16) },
      { id: 'nudge-down', label: 'Move selection down', keys: 'ArrowDown', group: 'Canvas', run: () => nudge(0, 16) },
      { id: 'pan-left', label: 'Pan the view left (arrows alone pan when nothing is selected)', keys: 'Shift+ArrowLeft', group: 'View', run: () => panView(-16, 0) },
      { id: 'pan-right', label: 'Pan the view right', keys: 'Shift+ArrowRight', group: 'View', run: () => panView(16, 0) },
      { id: 'pan-up', label: 'Pan the view up', keys: 'Shift+ArrowUp', group: 'View', run: () => panView(0, -16) },
      { id: 'pan-down', label: 'Pan the view down', keys: 'Shift+ArrowDown', group: 'View', run: () => panView(0, 16) },
      { id: 'fit', label: 'Zoom to fit', keys: 'F', group: 'View', run: () => void flow.fitView({ padding: fitPaddingNow(minimap), duration: 200 }) },
      { id: 'zoom-in', label: 'Zoom in', keys: '=', group: 'View', run: () => void flow.zoomIn({ duration: 150 }) },
      { id: 'zoom-out', label: 'Zoom out', keys: '-', group: 'View', run: () => void flow.zoomOut({ duration: 150 }) },
      { id: 'minimap', label: `Minimap (${minimap ? 'shown' : 'hidden'})`, keys: 'M', group: 'View', run: () => setMinimap((m) => !m) },
      { id: 'theme', label: `Theme: switch to ${theme === 'dark' ? 'light' : 'dark'}`, keys: 'T', group: 'View', run: () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')) },
      { id: 'presentation', label: `Presentation mode (${presentation ? 'on' : 'off'})`, keys: 'P', group: 'View', run: () => setPresentation((p) => !p) },
      { id: 'panels', label: 'Show or hide the panel area', keys: 'Mod+J', global: true, group: 'Panels', run: () => setPanelsOpen((o) => !o) },
      { id: 'help', label: 'Keyboard shortcuts', keys: '?', group: 'View', run: () => setHelp(true) },
      ...panels.map((p, i): Action => ({ id: `panel-${p.id}`, label: `Show ${p.title}`, keys: p.shortcut ?? (i < 9 ? `Alt+${i + 1}` : undefined), global: true, group: 'Panels', run: () => { setPanelsOpen(true); setActivePanel(p.id); } })),
    ],
    [editor, state.undoLabel, state.redoLabel, newDocument, openDocument, save, exportImage, copy, paste, duplicate, selectAll, deleteSelection, connectSelected, autoLayout, nudge, panView, flow, snap, minimap, theme, presentation, panels, fitPaddingNow],
  );

  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  }, [actions]);
  const blocked = dialog !== null || ask !== null || loadErrors !== null || help || templatesOpen;
  useEffect(() => {
    const parsed = () => actionsRef.current.filter((a) => a.keys).map((a) => ({ a, s: parseShortcut(a.keys!) }));
    const onKey = (e: KeyboardEvent) => {
      if (blocked || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      // Buttons and the player handle their own Space/Enter; arrow keys scroll lists in panels.
      const inPanel = !!t?.closest('.panel-area, .inspector, .palette, .toolbar');
      for (const { a, s } of parsed()) {
        if (!matchesShortcut(s, e)) continue;
        if (typing && !a.global) return;
        if (inPanel && !a.global && !s.mod && (s.key.startsWith('arrow') || s.key === 'backspace' || s.key === 'delete')) return;
        // A focused canvas node moves with the arrow keys through React Flow itself.
        if (s.key.startsWith('arrow') && t?.closest('.react-flow__node')) return;
        e.preventDefault();
        a.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked]);

  useEffect(
    () =>
      platform.onMenuCommand((c: MenuCommand) => {
        const map: Partial<Record<MenuCommand, () => void>> = {
          new: () => void newDocument(),
          open: () => void openDocument(),
          save: () => void save(false),
          'save-as': () => void save(true),
          'export-png': () => void exportImage('png'),
          'export-svg': () => void exportImage('svg'),
          undo: () => editor.undo(),
          redo: () => editor.redo(),
          cut: () => copy() && deleteSelection(),
          copy: () => void copy(),
          paste: () => void paste(),
          'select-all': selectAll,
          'zoom-in': () => void flow.zoomIn(),
          'zoom-out': () => void flow.zoomOut(),
          'zoom-reset': () => void flow.zoomTo(1),
          fit: () => void flow.fitView({ padding: fitPaddingNow(minimap) }),
          'theme-light': () => setTheme('light'),
          'theme-dark': () => setTheme('dark'),
          'theme-system': () => setTheme(window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
          presentation: () => setPresentation((p) => !p),
          help: () => setHelp(true),
        };
        map[c]?.();
      }),
    [platform, newDocument, openDocument, save, exportImage, editor, copy, deleteSelection, paste, selectAll, flow, minimap, fitPaddingNow],
  );

  const workbench: Workbench = useMemo(
    () => ({
      highlight: setHighlight,
      openDialog: setDialog,
      select: setSelection,
      showPanel: (id: string) => {
        setPanelsOpen(true);
        setActivePanel(id);
      },
    }),
    [],
  );

  const shortcutOf = (id: string) => {
    const k = actions.find((a) => a.id === id)?.keys;
    return k ? ` (${displayShortcut(k, platform.modKey)})` : '';
  };
  const tb = (id: string, text: string, opts: { disabled?: boolean; label?: string; pressed?: boolean } = {}) => {
    const a = actions.find((x) => x.id === id);
    return (
      <button
        type="button"
        className="btn"
        data-testid={`tb-${id}`}
        disabled={opts.disabled}
        aria-pressed={opts.pressed}
        aria-label={`${opts.label ?? a?.label ?? text}${shortcutOf(id)}`}
        title={`${opts.label ?? a?.label ?? text}${shortcutOf(id)}`}
        onClick={() => a?.run()}
      >
        {text}
      </button>
    );
  };

  const empty = doc.gateways.length === 0 && doc.networks.length === 0;
  const animationContext = useMemo(() => ({ setEdgeAnimation, reducedMotion: false }), []);

  return (
    <EngineContext.Provider value={engine.client}>
    <AnimationContext.Provider value={animationContext}>
      <div className={`app${panelsOpen ? '' : ' panels-closed'}`}>
        <header className="toolbar" role="toolbar" aria-label="Main toolbar">
          <div className="brand" aria-hidden="true">
            <svg width="22" height="22" viewBox="0 0 24 24">
              <path d="M12 2 L21 6 V12 C21 17 17 21 12 22 C7 21 3 17 3 12 V6 Z" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M8 12h8M13 9l3 3-3 3" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span>IPsec Studio</span>
          </div>
          <div className="doc-title" data-testid="doc-title">
            <span className="doc-name">{fileName ?? doc.name}</span>
            {state.dirty && (
              <span className="dirty" data-testid="dirty-indicator" title="Unsaved changes" role="img" aria-label="Unsaved changes">
                ●
              </span>
            )}
          </div>
          <div className="tb-group" role="group" aria-label="File">
            {tb('new', 'New')}
            {tb('template', 'Templates')}
            {tb('open', 'Open')}
            {tb('save', 'Save')}
            {tb('save-as', 'Save as')}
            {tb('export-png', 'PNG')}
            {tb('export-svg', 'SVG')}
          </div>
          <div className="tb-group" role="group" aria-label="Edit">
            {tb('undo', '↶ Undo', { disabled: !state.canUndo })}
            {tb('redo', '↷ Redo', { disabled: !state.canRedo })}
          </div>
          <div className="tb-group" role="group" aria-label="Canvas">
            {tb('layout', 'Layout')}
            {tb('fit', 'Fit')}
            {tb('snap', 'Grid', { pressed: snap, label: 'Snap to grid' })}
            {tb('minimap', 'Map', { pressed: minimap, label: 'Minimap' })}
          </div>
          <div className="tb-group" role="group" aria-label="View">
            {tb('theme', theme === 'dark' ? '☀ Light' : '☾ Dark')}
            {tb('presentation', 'Present', { pressed: presentation, label: 'Presentation mode' })}
            {tb('help', '?', { label: 'Keyboard shortcuts' })}
          </div>
          <div className="engine-state" aria-live="polite" data-testid="engine-state" data-report-seq={engine.seq}>
            {engine.error ? <span className="warn" title={engine.error}>⚠ Results unavailable</span> : report ? <span className="muted">{engine.millis !== undefined ? `results in ${engine.millis.toFixed(1)} ms` : ''}</span> : null}
          </div>
        </header>

        {recoveries[0] && (
          <div className="banner" role="alert" data-testid="recovery-banner">
            <span>
              Unsaved work{recoveries[0].name ? ` on ${recoveries[0].name}` : ''} from {new Date(recoveries[0].savedAt).toLocaleString()} was recovered.
              {recoveries.length > 1 ? ` (${recoveries.length - 1} more after this one.)` : ''}
            </span>
            <button type="button" className="btn primary small" onClick={() => void restoreCopy(recoveries[0]!)}>
              Restore
            </button>
            <button type="button" className="btn small" onClick={() => discardCopy(recoveries[0]!)}>
              Discard
            </button>
          </div>
        )}
        {autosaveError && (
          <div className="banner" role="status" data-testid="autosave-error">
            <span>Autosave failed: {autosaveError}</span>
            <button type="button" className="btn small" onClick={() => setAutosaveError(null)}>
              Dismiss
            </button>
          </div>
        )}

        <Palette onPlace={placeAtCenter} />

        <main className="canvas-wrap" aria-label="Canvas">
          <Canvas
            editor={editor}
            document={doc}
            report={report}
            selection={selection}
            onSelectionChange={setSelection}
            highlight={highlight}
            snapToGrid={snap}
            showMinimap={minimap}
            animation={edgeAnimation}
            onMessage={say}
          />
          {empty && (
            <div className="empty-state" data-testid="empty-state">
              <h2>Start a topology</h2>
              <p>Drag a gateway from the palette, or start from a workshop template:</p>
              <div className="template-list">
                {TEMPLATES.map((t) => (
                  <button key={t.id} type="button" className="template-card" data-testid={`template-${t.id}`} onClick={() => void fromTemplate(t.id)}>
                    <strong>{t.title}</strong>
                    <span>{t.description}</span>
                  </button>
                ))}
              </div>
            </div>
          )}
          {highlight && (
            <div className="highlight-note" role="status">
              {highlight.label ?? 'Highlighted on the canvas'}{' '}
              <button type="button" className="btn small" onClick={() => setHighlight(null)}>
                Clear
              </button>
            </div>
          )}
        </main>

        <InspectorHost editor={editor} document={doc} selection={selection} />

        <section className="panel-area" aria-label="Panels">
          <div className="tabs">
            {/* The tablist holds only tabs (the show/hide toggle sits beside it); display: contents keeps the row's layout. */}
            <div role="tablist" aria-label="Panels" className="tablist">
              {panels.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  role="tab"
                  id={`panel-tab-${p.id}`}
                  aria-selected={activePanel === p.id}
                  aria-controls={`panel-${p.id}`}
                  className={`tab${activePanel === p.id ? ' is-active' : ''}`}
                  data-testid={`panel-tab-${p.id}`}
                  onClick={() => {
                    setActivePanel(p.id);
                    setPanelsOpen(true);
                  }}
                >
                  {p.title}
                </button>
              ))}
            </div>
            <button type="button" className="btn small ghost panel-toggle" aria-expanded={panelsOpen} onClick={() => setPanelsOpen((o) => !o)} aria-label={panelsOpen ? 'Hide panels' : 'Show panels'}>
              {panelsOpen ? '▾' : '▴'}
            </button>
          </div>
          {panels.map((p) => (
            <div key={p.id} role="tabpanel" id={`panel-${p.id}`} aria-labelledby={`panel-tab-${p.id}`} hidden={!panelsOpen || activePanel !== p.id} className="panel-body">
              <PanelHost Component={p.Component} active={panelsOpen && activePanel === p.id} editor={editor} state={state} report={report} selection={selection} workbench={workbench} />
            </div>
          ))}
        </section>

        <div className="sr-only" aria-live="polite" role="status" data-testid="status-message">
          {message}
        </div>
        {message && (
          <div className="toast" aria-hidden="true">
            {message}
          </div>
        )}
      </div>

      {ask && (
        <Modal title={ask.title} role="alertdialog" onClose={() => { ask.resolve('cancel'); setAsk(null); }} testId="ask-dialog">
          <p>{ask.message}</p>
          <div className="modal-actions">
            {ask.buttons.map((b) => (
              <button key={b.id} type="button" className={`btn${b.primary ? ' primary' : ''}`} data-autofocus={b.primary ? true : undefined} onClick={() => { ask.resolve(b.id); setAsk(null); }}>
                {b.label}
              </button>
            ))}
          </div>
        </Modal>
      )}
      {loadErrors && (
        <Modal title={`Could not open ${loadErrors.file}`} role="alertdialog" wide onClose={() => setLoadErrors(null)} testId="load-errors">
          <p className="error-summary">{loadErrors.summary}</p>
          {loadErrors.errors.length > 0 && <pre className="error-list" data-testid="load-error-list">{describeErrors(loadErrors.errors, 50)}</pre>}
          <p className="muted">The open topology was not changed.</p>
          <div className="modal-actions">
            <button type="button" className="btn primary" data-autofocus onClick={() => setLoadErrors(null)}>
              OK
            </button>
          </div>
        </Modal>
      )}
      {dialog && (
        <Modal title={dialog.title} onClose={() => setDialog(null)} wide>
          {dialog.render(() => setDialog(null))}
        </Modal>
      )}
      {templatesOpen && (
        <Modal title="New from template" onClose={() => setTemplatesOpen(false)} wide testId="templates-dialog">
          <div className="template-list">
            {TEMPLATES.map((t) => (
              <button key={t.id} type="button" className="template-card" onClick={() => void fromTemplate(t.id)}>
                <strong>{t.title}</strong>
                <span>{t.description}</span>
              </button>
            ))}
          </div>
        </Modal>
      )}
      {help && (
        <Modal title="Keyboard shortcuts" onClose={() => setHelp(false)} wide testId="help-overlay">
          <div className="shortcut-groups">
            {(['File', 'Edit', 'Canvas', 'View', 'Panels'] as const).map((g) => (
              <section key={g}>
                <h3>{g}</h3>
                <dl>
                  {actions
                    .filter((a) => a.group === g && a.keys && !a.id.endsWith('-bs') && a.id !== 'redo-y')
                    .map((a) => (
                      <div key={a.id} className="shortcut-row">
                        <dt>
                          <kbd>{displayShortcut(a.keys!, platform.modKey)}</kbd>
                        </dt>
                        <dd>{a.label}</dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))}
            <section>
              <h3>Mouse</h3>
              <dl>
                <div className="shortcut-row"><dt><kbd>Shift</kbd>+drag</dt><dd>Box-select</dd></div>
                <div className="shortcut-row"><dt><kbd>{platform.modKey}</kbd>+click</dt><dd>Add to the selection</dd></div>
                <div className="shortcut-row"><dt>Drag a side handle</dt><dd>Draw a tunnel to another gateway; attach a network</dd></div>
                <div className="shortcut-row"><dt>Space in the player</dt><dd>Play or pause the negotiation</dd></div>
              </dl>
            </section>
          </div>
        </Modal>
      )}
    </AnimationContext.Provider>
    </EngineContext.Provider>
  );
}

