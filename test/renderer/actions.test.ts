// The action registry against its declarations (shared/ipc/actions.ts): one runner per declared
// id and no other, no two actions on the same keys in the page, and each action's declared
// capture policy (undoable or not) checked by running it on a real editor.
import { describe, expect, it, vi } from 'vitest';
import { Editor } from '../../shared/commands/editor';
import { ACTION_IDS, declarationOf, MENU_ACTION_IDS, type ActionId } from '../../shared/ipc/actions';
import { emptyDocument, type GatewayId, type NetworkId } from '../../shared/model/document';
import { bindActions, RUNNERS, type ActionContext } from '../../renderer/app/actions';
import { registerBuiltInPanels } from '../../renderer/app/built-in-panels';
import { EMPTY_SELECTION, listPanels, type Selection } from '../../renderer/app/panels';
import { actionForKey } from '../../renderer/app/shortcuts';
import { initialUiState, type UiState } from '../../renderer/app/ui-state';
import { CLIPBOARD_KIND, copySelection, getInternalClipboard, setInternalClipboard } from '../../renderer/canvas/clipboard';
import { addGatewayCommand, addNetworkCommand } from '../../renderer/canvas/create';
import { collisions, shortcutChord } from '../support/key-chords';

registerBuiltInPanels();

/** Two gateways, not yet connected, and a network behind the first; all of it selected. */
function twoSites(): { editor: Editor; selection: Selection } {
  const build = new Editor(emptyDocument());
  const a = addGatewayCommand(build.document, 'panos', { x: 0, y: 0 });
  build.dispatch(a.command);
  const b = addGatewayCommand(build.document, 'cisco-asa', { x: 500, y: 0 });
  build.dispatch(b.command);
  const gw = build.document.gateways[0]!;
  build.dispatch(addNetworkCommand(build.document, 'network', { x: 0, y: 200 }, gw).command);
  // A fresh editor: the document as if just opened, with an empty undo history.
  const editor = new Editor(build.document);
  return { editor, selection: { gateways: [a.id as GatewayId, b.id as GatewayId], networks: editor.document.networks.map((n) => n.id as NetworkId), tunnels: [] } };
}

function context(editor: Editor, selection: Selection) {
  const holder: { ui: UiState; selection: Selection; said: string[] } = { ui: initialUiState('light'), selection, said: [] };
  const ctx: ActionContext = {
    editor,
    state: editor.getSnapshot(),
    selection,
    select: (s) => void (holder.selection = s),
    clearHighlight: vi.fn(),
    say: (t) => void holder.said.push(t),
    get ui() {
      return holder.ui;
    },
    setUi: (update) => void (holder.ui = update(holder.ui)),
    systemTheme: () => 'dark',
    view: { fit: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn(), zoomTo: vi.fn(), reset: vi.fn(), pan: vi.fn(), centre: () => ({ x: 0, y: 0 }) },
    files: { newDocument: vi.fn(async () => {}), openDocument: vi.fn(async () => {}), save: vi.fn(async () => true), showTemplates: vi.fn(), showImport: vi.fn() },
    exportImage: vi.fn(async () => {}),
  };
  return { ctx, holder };
}

describe('the action registry', () => {
  it('has a runner for every declared action, and no runner without a declaration', () => {
    const runners = Object.keys(RUNNERS).sort();
    const declared = [...ACTION_IDS].sort();
    expect(runners.filter((id) => !declared.includes(id as ActionId)), 'runners without a declaration').toEqual([]);
    expect(declared.filter((id) => !runners.includes(id)), 'declared without a runner').toEqual([]);
  });

  it('binds every declared action and every panel, in declaration order with the panels last', () => {
    const { editor, selection } = twoSites();
    const list = bindActions(context(editor, selection).ctx, listPanels()).list;
    expect(list.map((a) => a.id)).toEqual([...ACTION_IDS, ...listPanels().map((p) => `panel-${p.id}`)]);
  });

  it('numbers the panels Alt+1, Alt+2, … in the order of their tabs, with no number left out', () => {
    const editor = new Editor(emptyDocument());
    const panels = listPanels();
    const keys = bindActions(context(editor, EMPTY_SELECTION).ctx, panels).list.filter((a) => a.id.startsWith('panel-')).map((a) => a.keys[0]);
    expect(keys).toEqual(panels.map((_, i) => `Alt+${i + 1}`));
  });

  it('gives no two actions the same keys in the page, panels included', () => {
    const { editor, selection } = twoSites();
    const list = bindActions(context(editor, selection).ctx, listPanels()).list;
    const entries = list.flatMap((a) => a.keys.map((k) => ({ owner: a.id, chord: shortcutChord(k) })));
    expect(entries.length).toBeGreaterThan(40);
    expect(collisions(entries)).toEqual([]);
  });

  it('a shortcut that runs while typing has a modifier, or it would take the typing', () => {
    const { editor, selection } = twoSites();
    for (const a of bindActions(context(editor, selection).ctx, listPanels()).list) {
      if (a.whileTyping !== 'run') continue;
      for (const k of a.keys) expect(k, a.id).toMatch(/^(Mod|Alt)\+/);
    }
  });

  it.each(ACTION_IDS)('%s adds an undo step exactly when it is declared undoable', async (id) => {
    const { editor, selection } = twoSites();
    // Something of ours on the app's clipboard, for paste.
    setInternalClipboard(copySelection(editor.document, selection, { includeKeys: true })!);
    expect(editor.getSnapshot().canUndo).toBe(false);
    await RUNNERS[id].run(context(editor, selection).ctx);
    expect(editor.getSnapshot().canUndo).toBe(declarationOf(id).undoable);
  });

  it('a toggle says its state in its label and as checked', () => {
    const { editor, selection } = twoSites();
    const { ctx, holder } = context(editor, selection);
    const snap = () => bindActions(ctx, []).get('snap');
    expect([snap().label, snap().checked]).toEqual(['Snap to grid (on)', true]);
    snap().run();
    expect(holder.ui.snap).toBe(false);
    expect([snap().name, snap().label, snap().checked]).toEqual(['Snap to grid', 'Snap to grid (off)', false]);
  });

  it('a panel’s action brings its tab to the front and opens the panel area', () => {
    const { editor, selection } = twoSites();
    const { ctx, holder } = context(editor, selection);
    holder.ui = { ...holder.ui, panelsOpen: false };
    const action = bindActions(ctx, listPanels()).list.find((a) => a.id === 'panel-negotiation');
    expect(action?.keys).toEqual(['Alt+2']);
    action?.run();
    expect([holder.ui.panelsOpen, holder.ui.activePanel]).toEqual([true, 'negotiation']);
  });
});

describe('the menu’s commands, through the registry', () => {
  type Ctx = ReturnType<typeof context>;
  interface Case {
    /** Brings the editor and window to where the command has something to do. */
    before?: (c: Ctx) => void;
    after: (c: Ctx) => unknown;
  }
  const rename = ({ ctx }: Ctx) => void ctx.editor.dispatch({ type: 'document.rename', name: 'Lab' });
  const theme = (t: 'light' | 'dark') => ({ holder }: Ctx) => void (holder.ui = { ...holder.ui, theme: t });
  const CASES: Record<(typeof MENU_ACTION_IDS)[number], Case> = {
    new: { after: ({ ctx }) => expect(ctx.files.newDocument).toHaveBeenCalledOnce() },
    open: { after: ({ ctx }) => expect(ctx.files.openDocument).toHaveBeenCalledOnce() },
    import: { after: ({ ctx }) => expect(ctx.files.showImport).toHaveBeenCalledOnce() },
    save: { after: ({ ctx }) => expect(ctx.files.save).toHaveBeenCalledWith(false) },
    'save-as': { after: ({ ctx }) => expect(ctx.files.save).toHaveBeenCalledWith(true) },
    'export-png': { after: ({ ctx }) => expect(ctx.exportImage).toHaveBeenCalledWith('png') },
    'export-svg': { after: ({ ctx }) => expect(ctx.exportImage).toHaveBeenCalledWith('svg') },
    undo: { before: rename, after: ({ ctx }) => expect([ctx.editor.document.name === 'Lab', ctx.editor.getSnapshot().canRedo]).toEqual([false, true]) },
    redo: {
      before: (c) => {
        rename(c);
        c.ctx.editor.undo();
      },
      after: ({ ctx }) => expect(ctx.editor.document.name).toBe('Lab'),
    },
    cut: { after: ({ ctx, holder }) => expect([ctx.editor.document.gateways.length, holder.selection]).toEqual([0, EMPTY_SELECTION]) },
    copy: {
      before: () => setInternalClipboard({ kind: CLIPBOARD_KIND, gateways: [], networks: [], tunnels: [] }),
      after: ({ ctx }) => expect([getInternalClipboard()?.gateways.length, ctx.editor.getSnapshot().canUndo]).toEqual([2, false]),
    },
    paste: { after: ({ ctx }) => expect(ctx.editor.document.gateways).toHaveLength(4) },
    'select-all': { after: ({ holder }) => expect([holder.selection.gateways.length, holder.selection.networks.length]).toEqual([2, 1]) },
    fit: { after: ({ ctx }) => expect(ctx.view.fit).toHaveBeenCalledOnce() },
    'zoom-in': { after: ({ ctx }) => expect(ctx.view.zoomIn).toHaveBeenCalledOnce() },
    'zoom-out': { after: ({ ctx }) => expect(ctx.view.zoomOut).toHaveBeenCalledOnce() },
    'zoom-reset': { after: ({ ctx }) => expect(ctx.view.zoomTo).toHaveBeenCalledWith(1) },
    'theme-light': { before: theme('dark'), after: ({ holder }) => expect(holder.ui.theme).toBe('light') },
    'theme-dark': { before: theme('light'), after: ({ holder }) => expect(holder.ui.theme).toBe('dark') },
    // The system prefers dark in context().
    'theme-system': { before: theme('light'), after: ({ holder }) => expect(holder.ui.theme).toBe('dark') },
    presentation: { after: ({ holder }) => expect(holder.ui.presentation).toBe(true) },
    help: { after: ({ holder }) => expect(holder.ui.help).toBe(true) },
  };

  it.each(MENU_ACTION_IDS)('%s does what its item says', async (id) => {
    const { editor, selection } = twoSites();
    setInternalClipboard(copySelection(editor.document, selection, { includeKeys: true })!);
    const c = context(editor, id === 'select-all' ? EMPTY_SELECTION : selection);
    CASES[id].before?.(c);
    bindActions(c.ctx, []).get(id).run();
    // Paste reads the clipboard before it acts.
    await vi.waitFor(() => CASES[id].after(c));
  });
});

describe('which action a key press runs', () => {
  const { editor, selection } = twoSites();
  const list = bindActions(context(editor, selection).ctx, listPanels()).list;
  const press = (key: string, m: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, code: '', ...m });
  /** A stand-in for the focused element: its tag, and the containers it sits in. */
  const target = (tagName: string, inside: string[] = []) => ({ tagName, isContentEditable: false, closest: (sel: string) => (sel.split(', ').some((s) => inside.includes(s)) ? {} : null) }) as unknown as Element;
  const body = target('BODY');
  const field = target('INPUT', ['.inspector']);

  it.each([
    ['C on the canvas connects', press('c'), body, 'connect'],
    ['C in a text field is typing', press('c'), field, undefined],
    ['Ctrl+S in a text field still saves', press('s', { ctrlKey: true }), field, 'save'],
    ['Ctrl+Z in a text field is the field’s own undo', press('z', { ctrlKey: true }), field, undefined],
    ['Backspace deletes the selection', press('Backspace'), body, 'delete'],
    ['Backspace in the panels is left to them', press('Backspace'), target('BUTTON', ['.panel-area']), undefined],
    ['an arrow on a focused canvas node is React Flow’s', press('ArrowLeft'), target('DIV', ['.react-flow__node']), undefined],
    ['Shift+arrow pans', press('ArrowLeft', { shiftKey: true }), body, 'pan-left'],
    ['Ctrl+Y redoes', press('y', { ctrlKey: true }), body, 'redo'],
    ['? opens the shortcuts', press('?', { shiftKey: true }), body, 'help'],
    ['Ctrl+/ opens the shortcuts too (as the desktop menu does)', press('/', { ctrlKey: true }), body, 'help'],
    ['Alt+3 shows the VPN monitor, in a field too', press('3', { altKey: true, code: 'Digit3' }), field, 'panel-monitor'],
    ['Alt+5 shows the export', press('5', { altKey: true, code: 'Digit5' }), body, 'panel-export'],
  ] as const)('%s', (_name, e, t, expected) => {
    expect(actionForKey(list, e, t)?.id).toBe(expected);
  });
});
