// The renderer's side of the user actions declared in shared/ipc/actions.ts: what each one does
// (RUNNERS, one entry per declared id, in the manner of Excalidraw's `perform`), and the registry
// that binds them to the app as it is now. The keyboard, the toolbar, the shortcuts overlay and
// the desktop menu all go through that one registry (useActions), so a key, a button and a menu
// item cannot do different things. Panels add one "show" action each, with their own shortcut.
import { useEffect, useRef } from 'react';
import type { Editor, EditorState } from '../../shared/commands/editor';
import { ACTION_IDS, declarationOf, type ActionGroup, type ActionId } from '../../shared/ipc/actions';
import type { TunnelId } from '../../shared/model/document';
import { autoLayoutCommand } from '../canvas/auto-layout';
import { clipboardForPaste, clipboardText, copySelection, deleteSelectionCommands, getInternalClipboard, pasteCommands, setInternalClipboard } from '../canvas/clipboard';
import { addTunnelCommand } from '../canvas/create';
import type { CanvasView } from '../canvas/use-canvas-view';
import type { MenuCommand, Platform } from '../platform/platform';
import { EMPTY_SELECTION, type PanelDefinition, type Selection } from './panels';
import { actionForKey } from './shortcuts';
import { showPanel, togglePresentation, type Theme, type UiState } from './ui-state';

/** Everything an action may read or change. */
export interface ActionContext {
  editor: Editor;
  /** The editor's snapshot as rendered (undo labels). */
  state: EditorState;
  selection: Selection;
  select(selection: Selection): void;
  clearHighlight(): void;
  say(text: string): void;
  ui: UiState;
  setUi(update: (ui: UiState) => UiState): void;
  /** The theme the system prefers now. */
  systemTheme(): Theme;
  view: CanvasView;
  files: { newDocument(): Promise<void>; openDocument(): Promise<void>; save(saveAs: boolean): Promise<boolean>; showTemplates(): void; showImport(): void };
  exportImage(format: 'png' | 'svg'): Promise<void>;
}

export interface ActionRunner {
  /** Carries the action out; what it returns (a promise, for those that finish later) is only for tests to wait on. */
  run(ctx: ActionContext): unknown;
  /** The label now, where it says a state ("Snap to grid (on)"); the declared one otherwise. */
  label?(ctx: ActionContext): string;
  /** Whether a button for it can be pressed now (undo with nothing to undo cannot). */
  enabled?(ctx: ActionContext): boolean;
  /** For an on/off action: whether it is on (its button shows as pressed). */
  checked?(ctx: ActionContext): boolean;
}

// ---- what the edit actions do ----------------------------------------------------------------

function selectAll(c: ActionContext): void {
  const d = c.editor.document;
  c.select({ gateways: d.gateways.map((g) => g.id), networks: d.networks.map((n) => n.id), tunnels: d.tunnels.map((t) => t.id) });
}

function deleteSelection(c: ActionContext): void {
  const cmds = deleteSelectionCommands(c.editor.document, c.selection);
  if (cmds.length === 0) return;
  c.editor.dispatch(cmds.length === 1 ? cmds[0]! : { type: 'batch', label: 'Delete', commands: cmds });
  c.select(EMPTY_SELECTION);
}

function copy(c: ActionContext): boolean {
  // The app's own clipboard keeps the keys (paste in this window restores the tunnels whole);
  // the system clipboard, which other programs read, never gets them.
  const content = copySelection(c.editor.document, c.selection, { includeKeys: true });
  if (!content) return false;
  setInternalClipboard(content);
  void navigator.clipboard?.writeText(clipboardText(content)).catch(() => {});
  return true;
}

async function paste(c: ActionContext): Promise<void> {
  // A paste is checked as an opened file is (clipboardForPaste): something that is not ours is
  // ignored, something of ours that does not validate is refused with the reason.
  const system = await Promise.resolve(navigator.clipboard?.readText()).catch(() => undefined);
  const r = clipboardForPaste(system, getInternalClipboard());
  if (!r) return;
  if (!r.ok) return c.say(r.message);
  const pasted = pasteCommands(c.editor.document, r.content);
  if (!pasted) return;
  c.editor.dispatch(pasted.command);
  c.select(pasted.selection);
}

function duplicate(c: ActionContext): void {
  const content = copySelection(c.editor.document, c.selection, { includeKeys: true });
  const r = content && pasteCommands(c.editor.document, content);
  if (!r) return;
  c.editor.dispatch({ ...r.command, label: 'Duplicate' } as typeof r.command);
  c.select(r.selection);
}

/** Moves the selected nodes; with none selected, pans the view instead. */
function nudge(c: ActionContext, dx: number, dy: number): void {
  const { editor, selection } = c;
  const d = editor.document;
  const moves = [
    ...d.gateways.filter((g) => selection.gateways.includes(g.id)).map((g) => ({ node: { kind: 'gateway' as const, id: g.id }, position: { x: g.position.x + dx, y: g.position.y + dy } })),
    ...d.networks.filter((n) => selection.networks.includes(n.id)).map((n) => ({ node: { kind: 'network' as const, id: n.id }, position: { x: n.position.x + dx, y: n.position.y + dy } })),
  ];
  // Repeated nudges of the same nodes are one undo step.
  if (moves.length) editor.dispatch({ type: 'nodes.move', moves }, { mergeKey: `nudge:${[...selection.gateways, ...selection.networks].join(',')}` });
  else c.view.pan(dx, dy);
}

function connect(c: ActionContext): void {
  const [a, b] = c.selection.gateways;
  if (c.selection.gateways.length !== 2 || !a || !b) return c.say('Select exactly two gateways (Shift+click) to connect them with a tunnel.');
  const r = addTunnelCommand(c.editor.document, a, b);
  if ('error' in r) return c.say(r.error);
  c.editor.dispatch(r.command);
  c.select({ gateways: [], networks: [], tunnels: [r.id as TunnelId] });
}

async function autoLayout(c: ActionContext): Promise<void> {
  try {
    const cmd = await autoLayoutCommand(c.editor.document);
    if (!cmd) return;
    c.editor.dispatch({ type: 'batch', label: 'Auto-layout', commands: [cmd] });
    c.view.fit({ duration: 200, nextFrame: true });
  } catch (e) {
    c.say(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const toggle = (key: 'snap' | 'minimap') => (c: ActionContext) => c.setUi((u) => ({ ...u, [key]: !u[key] }));
const theme = (t: Theme | ((u: UiState) => Theme)) => (c: ActionContext) => c.setUi((u) => ({ ...u, theme: typeof t === 'function' ? t(u) : t }));
const other = (t: Theme): Theme => (t === 'dark' ? 'light' : 'dark');

/** What each declared action does: exactly one entry per id in shared/ipc/actions.ts. */
export const RUNNERS = {
  new: { run: (c) => c.files.newDocument() },
  template: { run: (c) => c.files.showTemplates() },
  open: { run: (c) => c.files.openDocument() },
  import: { run: (c) => c.files.showImport() },
  save: { run: (c) => c.files.save(false) },
  'save-as': { run: (c) => c.files.save(true) },
  'export-png': { run: (c) => c.exportImage('png') },
  'export-svg': { run: (c) => c.exportImage('svg') },

  undo: { run: (c) => c.editor.undo(), label: (c) => (c.state.undoLabel ? `Undo ${c.state.undoLabel}` : 'Undo'), enabled: (c) => c.state.canUndo },
  redo: { run: (c) => c.editor.redo(), label: (c) => (c.state.redoLabel ? `Redo ${c.state.redoLabel}` : 'Redo'), enabled: (c) => c.state.canRedo },
  cut: { run: (c) => copy(c) && deleteSelection(c) },
  copy: { run: copy },
  paste: { run: paste },
  duplicate: { run: duplicate },
  'select-all': { run: selectAll },
  delete: { run: deleteSelection },
  deselect: {
    run: (c) => {
      c.select(EMPTY_SELECTION);
      c.clearHighlight();
    },
  },

  connect: { run: connect },
  layout: { run: autoLayout },
  snap: { run: toggle('snap'), label: (c) => `Snap to grid (${c.ui.snap ? 'on' : 'off'})`, checked: (c) => c.ui.snap },
  'nudge-left': { run: (c) => nudge(c, -16, 0) },
  'nudge-right': { run: (c) => nudge(c, 16, 0) },
  'nudge-up': { run: (c) => nudge(c, 0, -16) },
  'nudge-down': { run: (c) => nudge(c, 0, 16) },

  'pan-left': { run: (c) => c.view.pan(-16, 0) },
  'pan-right': { run: (c) => c.view.pan(16, 0) },
  'pan-up': { run: (c) => c.view.pan(0, -16) },
  'pan-down': { run: (c) => c.view.pan(0, 16) },
  fit: { run: (c) => c.view.fit({ duration: 200 }) },
  'zoom-in': { run: (c) => c.view.zoomIn() },
  'zoom-out': { run: (c) => c.view.zoomOut() },
  'zoom-reset': { run: (c) => c.view.zoomTo(1) },
  minimap: { run: toggle('minimap'), label: (c) => `Minimap (${c.ui.minimap ? 'shown' : 'hidden'})`, checked: (c) => c.ui.minimap },
  theme: { run: theme((u) => other(u.theme)), label: (c) => `Theme: switch to ${other(c.ui.theme)}` },
  'theme-light': { run: theme('light') },
  'theme-dark': { run: theme('dark') },
  'theme-system': { run: (c) => theme(c.systemTheme())(c) },
  presentation: { run: (c) => c.setUi(togglePresentation), label: (c) => `Presentation mode (${c.ui.presentation ? 'on' : 'off'})`, checked: (c) => c.ui.presentation },
  help: { run: (c) => c.setUi((u) => ({ ...u, help: true })) },

  panels: { run: (c) => c.setUi((u) => ({ ...u, panelsOpen: !u.panelsOpen })) },
} satisfies Record<ActionId, ActionRunner>;

// ---- the registry ------------------------------------------------------------------------------

/** An action as the UI offers it now: declared facts, the state it shows, and run. */
export interface BoundAction {
  /** A declared ActionId, or `panel-<id>` for a panel's "show" action. */
  readonly id: string;
  readonly group: ActionGroup;
  readonly keys: readonly string[];
  readonly whileTyping: 'run' | 'field';
  /** The declared label, without the state (a pressed button already shows that). */
  readonly name: string;
  /** The label now: the name, or what the state makes it ("Undo Move", "Snap to grid (on)"). */
  readonly label: string;
  readonly enabled: boolean;
  /** Set for on/off actions. */
  readonly checked: boolean | undefined;
  run(): void;
}

export interface ActionRegistry {
  /** In declaration order (the overlay's order), the panels' actions last. */
  readonly list: readonly BoundAction[];
  get(id: ActionId): BoundAction;
}

export const panelActionId = (panelId: string) => `panel-${panelId}`;

export function bindActions(ctx: ActionContext, panels: readonly PanelDefinition[]): ActionRegistry {
  const declared = ACTION_IDS.map((id): BoundAction => {
    const d = declarationOf(id);
    const r: ActionRunner = RUNNERS[id];
    return {
      id,
      group: d.group,
      keys: d.keys ?? [],
      whileTyping: d.whileTyping,
      name: d.label,
      label: r.label?.(ctx) ?? d.label,
      enabled: r.enabled?.(ctx) ?? true,
      checked: r.checked?.(ctx),
      run: () => void r.run(ctx),
    };
  });
  const shown = panels.map((p, i): BoundAction => {
    // Alt+1 … Alt+9 follow the tabs' order, so the keys have no gap and match what people see.
    const keys = i < 9 ? `Alt+${i + 1}` : undefined;
    return {
      id: panelActionId(p.id),
      group: 'Panels',
      keys: keys ? [keys] : [],
      whileTyping: 'run',
      name: `Show ${p.title}`,
      label: `Show ${p.title}`,
      enabled: true,
      checked: undefined,
      run: () => ctx.setUi((u) => showPanel(u, p.id)),
    };
  });
  const byId = new Map(declared.map((a) => [a.id, a]));
  return { list: [...declared, ...shown], get: (id) => byId.get(id)! };
}

/**
 * The registry for this render, with the keyboard and the desktop menu wired to it. While
 * `blocked` (a dialog is open) the keys are the dialog's.
 */
export function useActions(ctx: ActionContext, panels: readonly PanelDefinition[], platform: Pick<Platform, 'onMenuCommand'>, blocked: boolean): ActionRegistry {
  const registry = bindActions(ctx, panels);
  const latest = useRef(registry);
  useEffect(() => {
    latest.current = registry;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (blocked || e.defaultPrevented) return;
      const action = actionForKey(latest.current.list, e, e.target instanceof Element ? e.target : null);
      if (!action) return;
      e.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked]);
  useEffect(() => platform.onMenuCommand((id: MenuCommand) => latest.current.get(id).run()), [platform]);
  return registry;
}
