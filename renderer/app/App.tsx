// The application shell: toolbar, palette, canvas, inspector and the tabbed panel area, and the
// wiring between them. The document lives in the Editor (shared/commands/editor.ts); React only
// renders its snapshot. What the user can do is the action registry (actions.ts); the file flows
// are use-file-flows.tsx; the canvas's view and image export live in renderer/canvas/.
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType, type CSSProperties } from 'react';
import type { Editor } from '../../shared/commands/editor';
import type { TopologyDocument } from '../../shared/model/document';
import { AnimationContext } from '../animation/NegotiationPanel';
import { Canvas, dropItem, type EdgeAnimation, type PaletteItem } from '../canvas/Canvas';
import { saveCanvasImage } from '../canvas/export-image';
import { Palette } from '../canvas/Palette';
import { useCanvasView } from '../canvas/use-canvas-view';
import { engineInputChanged } from '../report-worker/engine-input';
import { EngineContext, useEngine } from '../report-worker/use-engine';
import { Inspector } from '../inspector/Inspector';
import type { Platform } from '../platform/platform';
import { useActions, type ActionContext } from './actions';
import { registerBuiltInPanels } from './built-in-panels';
import { documentFileStem } from './file-flows';
import { FileFlowBanners, FileFlowDialogs, TemplateCards, TemplatesDialog } from './FileFlowViews';
import { HelpOverlay } from './HelpOverlay';
import { ImportDialog } from './ImportDialog';
import { Modal } from './Modal';
import { EMPTY_SELECTION, listPanels, type DialogSpec, type Highlight, type MonitorOverlay, type PanelProps, type Selection, type Workbench } from './panels';
import { ResizeHandle } from './ResizeHandle';
import { Toolbar } from './Toolbar';
import { initialUiState, paneSize, resizePane, showPanel, systemTheme, type Pane, type UiState } from './ui-state';
import { useFileFlows } from './use-file-flows';

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

registerBuiltInPanels();

function liveSelection(s: Selection, d: TopologyDocument): Selection {
  const g = s.gateways.filter((id) => d.gateways.some((x) => x.id === id));
  const n = s.networks.filter((id) => d.networks.some((x) => x.id === id));
  const t = s.tunnels.filter((id) => d.tunnels.some((x) => x.id === id));
  return g.length === s.gateways.length && n.length === s.networks.length && t.length === s.tunnels.length ? s : { gateways: g, networks: n, tunnels: t };
}

export function App({ editor, platform }: { editor: Editor; platform: Platform }) {
  const state = useSyncExternalStore(editor.subscribe, editor.getSnapshot);
  const doc = state.document;
  const engine = useEngine(doc);
  const report = engine.report;

  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // Only what still exists (after undo, delete, open) counts as selected.
  const selection = useMemo(() => liveSelection(rawSelection, doc), [rawSelection, doc]);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [message, setMessage] = useState('');
  const [ui, setUi] = useState<UiState>(() => initialUiState(systemTheme()));
  const [edgeAnimation, setEdgeAnimation] = useState<EdgeAnimation | undefined>(undefined);
  const [monitorOverlay, setMonitorOverlay] = useState<MonitorOverlay | null>(null);
  // What a panel highlighted, an animation it runs or a monitor simulation belongs to the document it was made for.
  const [generation, setGeneration] = useState(state.generation);
  if (generation !== state.generation) {
    setGeneration(state.generation);
    setHighlight(null);
    setEdgeAnimation(undefined);
    setMonitorOverlay(null);
  }
  const panels = useMemo(() => listPanels(), []);
  const view = useCanvasView(ui.minimap);
  const appRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLElement>(null);
  const panelAreaRef = useRef<HTMLElement>(null);
  /** The px the canvas and a pane share: the panel area takes its height from the canvas above it, the inspector its width from the canvas beside it. */
  const paneRoom = (pane: Pane): number => {
    const c = canvasRef.current?.getBoundingClientRect();
    const a = appRef.current?.getBoundingClientRect();
    if (!c || !a) return 0;
    return pane === 'inspector' ? a.right - c.left : (panelAreaRef.current?.getBoundingClientRect().bottom ?? a.bottom) - c.top;
  };
  const resizeHandle = (pane: Pane) => <ResizeHandle pane={pane} size={paneSize(ui, pane)} room={() => paneRoom(pane)} onResize={(px, room) => setUi((u) => resizePane(u, pane, px, room))} />;
  const paneStyle = { '--panels-height': `${paneSize(ui, 'panels')}px`, '--inspector-width': `${paneSize(ui, 'inspector')}px` } as CSSProperties;

  useEffect(() => {
    document.documentElement.dataset.theme = ui.theme;
    document.documentElement.classList.toggle('presentation', ui.presentation);
  }, [ui.theme, ui.presentation]);

  // Presentation mode changes the canvas's size: fit the drawing to the new one, once React Flow
  // has measured it (its ResizeObserver reports within the frame after the layout changed).
  const presented = useRef(ui.presentation);
  useEffect(() => {
    if (presented.current === ui.presentation) return;
    presented.current = ui.presentation;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => view.fit());
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [ui.presentation, view]);

  const say = setMessage;
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(t);
  }, [message]);

  // A loaded document is seen whole; an empty one (New) at 100 % from the origin, so the first
  // drop lands at its natural size rather than at the zoom the last document's fit left.
  const onLoaded = useCallback(() => {
    setSelection(EMPTY_SELECTION);
    const d = editor.document;
    if (d.gateways.length + d.networks.length === 0) view.reset();
    else view.fit({ nextFrame: true });
  }, [view, editor]);
  const flows = useFileFlows({ editor, state, platform, say, openDialog: setDialog, onLoaded });

  const ctx: ActionContext = {
    editor,
    state,
    selection,
    select: setSelection,
    clearHighlight: () => setHighlight(null),
    say,
    ui,
    setUi,
    systemTheme,
    view,
    files: flows,
    exportImage: async (format) => {
      const said = await saveCanvasImage(format, { document: editor.document, report, theme: ui.theme, stem: documentFileStem(editor.document) }, platform);
      if (said) say(said);
    },
  };
  const blocked = dialog !== null || flows.ask !== null || flows.loadErrors !== null || ui.help || flows.templatesOpen || flows.importOpen;
  const actions = useActions(ctx, panels, platform, blocked);

  const placeAtCenter = (item: PaletteItem) => {
    const p = view.centre();
    const jitter = (editor.document.gateways.length + editor.document.networks.length) % 5;
    dropItem(editor, item, { x: p.x + jitter * 24, y: p.y + jitter * 24 }, say, setSelection);
  };

  const workbench: Workbench = useMemo(() => ({ highlight: setHighlight, showMonitor: setMonitorOverlay, openDialog: setDialog, select: setSelection, showPanel: (id: string) => setUi((u) => showPanel(u, id)) }), []);
  const empty = doc.gateways.length === 0 && doc.networks.length === 0;
  const animationContext = useMemo(() => ({ setEdgeAnimation, reducedMotion: false }), []);

  return (
    <EngineContext.Provider value={engine.client}>
    <AnimationContext.Provider value={animationContext}>
      <div ref={appRef} className={`app${ui.panelsOpen ? '' : ' panels-closed'}${ui.inspectorOpen ? '' : ' inspector-closed'}`} style={paneStyle}>
        <Toolbar actions={actions} modKey={platform.modKey} title={flows.fileName ?? doc.name} dirty={state.dirty} dark={ui.theme === 'dark'} engine={{ error: engine.error, millis: engine.millis, seq: engine.seq, hasReport: !!report }} />
        <FileFlowBanners flows={flows} />

        <Palette onPlace={placeAtCenter} />

        <main ref={canvasRef} className="canvas-wrap" aria-label="Canvas">
          <Canvas
            editor={editor}
            document={doc}
            report={report}
            selection={selection}
            onSelectionChange={setSelection}
            highlight={highlight}
            snapToGrid={ui.snap}
            showMinimap={ui.minimap}
            animation={edgeAnimation}
            monitor={monitorOverlay}
            onMessage={say}
          />
          {empty && (
            <div className="empty-state" data-testid="empty-state">
              <h2>Start a topology</h2>
              <p>Drag a gateway from the palette, or start from a workshop template:</p>
              <TemplateCards testIds onPick={(id) => void flows.fromTemplate(id)} />
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

        {/* Each handle just before the pane it resizes, so Tab meets it on the way into the pane. */}
        {ui.inspectorOpen && resizeHandle('inspector')}
        {ui.inspectorOpen ? <InspectorHost editor={editor} document={doc} selection={selection} /> : <div className="inspector-rail" />}
        {/* Only presentation mode closes the inspector, so only there is it opened and closed by hand. */}
        {ui.presentation && (
          <button type="button" className="btn small inspector-toggle" aria-expanded={ui.inspectorOpen} onClick={() => setUi((u) => ({ ...u, inspectorOpen: !u.inspectorOpen }))} aria-label={ui.inspectorOpen ? 'Hide the inspector' : 'Show the inspector'} title={ui.inspectorOpen ? 'Hide the inspector' : 'Show the inspector'}>
            {ui.inspectorOpen ? '▸' : '◂'}
          </button>
        )}
        {ui.panelsOpen && resizeHandle('panels')}

        <section ref={panelAreaRef} className="panel-area" aria-label="Panels">
          <div className="tabs">
            {/* The tablist holds only tabs (the show/hide toggle sits beside it); display: contents keeps the row's layout. */}
            <div role="tablist" aria-label="Panels" className="tablist">
              {panels.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  role="tab"
                  id={`panel-tab-${p.id}`}
                  aria-selected={ui.activePanel === p.id}
                  aria-controls={`panel-${p.id}`}
                  className={`tab${ui.activePanel === p.id ? ' is-active' : ''}`}
                  data-testid={`panel-tab-${p.id}`}
                  onClick={() => setUi((u) => showPanel(u, p.id))}
                >
                  {p.title}
                </button>
              ))}
            </div>
            <button type="button" className="btn small ghost panel-toggle" aria-expanded={ui.panelsOpen} onClick={actions.get('panels').run} aria-label={ui.panelsOpen ? 'Hide panels' : 'Show panels'}>
              {ui.panelsOpen ? '▾' : '▴'}
            </button>
          </div>
          {panels.map((p) => (
            <div key={p.id} role="tabpanel" id={`panel-${p.id}`} aria-labelledby={`panel-tab-${p.id}`} hidden={!ui.panelsOpen || ui.activePanel !== p.id} className="panel-body">
              {/* Keyed by the document: a panel starts again with each New, Open or template (an edit keeps its state). */}
              <PanelHost key={state.generation} Component={p.Component} active={ui.panelsOpen && ui.activePanel === p.id} editor={editor} state={state} report={report} selection={selection} workbench={workbench} />
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

      <FileFlowDialogs flows={flows} />
      {dialog && (
        <Modal title={dialog.title} onClose={() => setDialog(null)} wide>
          {dialog.render(() => setDialog(null))}
        </Modal>
      )}
      <TemplatesDialog flows={flows} />
      <ImportDialog flows={flows} />
      {ui.help && <HelpOverlay actions={actions.list} modKey={platform.modKey} onClose={() => setUi((u) => ({ ...u, help: false }))} />}
    </AnimationContext.Provider>
    </EngineContext.Provider>
  );
}
