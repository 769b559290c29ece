// Every user action, declared once as data: the page's shortcuts, toolbar and help overlay
// (renderer/app/actions.ts gives each its run function) and the desktop's native menu
// (electron/app-menu.ts) are built from this table, and `menu:command` carries its ids. The
// order here is the order of the help overlay. Nothing here runs anything.

export type ActionGroup = 'File' | 'Edit' | 'Canvas' | 'View' | 'Panels';

/** An Electron accelerator, or one for macOS and one for Windows/Linux where their conventions differ. */
export type Accelerator = string | { readonly darwin: string; readonly other: string };

export interface ActionDeclaration {
  /** What it does, in sentence case: the help overlay, the tooltip and screen readers say this. */
  readonly label: string;
  readonly group: ActionGroup;
  /**
   * In-page shortcuts ("Mod" is Ctrl, ⌘ on macOS; syntax in renderer/app/shortcuts.ts). The first
   * is the one shown; the others are alternatives people expect (Backspace for Delete).
   */
  readonly keys?: readonly string[];
  /**
   * What its shortcut does while a text field has the focus: 'run' runs the action anyway (file
   * and panel commands, which a field has no use for); 'field' leaves the key to the field (its
   * typing, or its own undo, copy, select all).
   */
  readonly whileTyping: 'run' | 'field';
  /**
   * Whether running it adds a step to the document's undo history (Excalidraw's capture policy):
   * edits do; view changes, files and undo/redo themselves do not. Checked by
   * test/renderer/actions.test.ts against what each action really does.
   */
  readonly undoable: boolean;
  /**
   * Its item in the desktop's native menu: the label there (title case, as native menus are
   * written) and, where it is not the first in-page shortcut with a modifier, the accelerator.
   */
  readonly menu?: { readonly label: string; readonly accelerator?: Accelerator };
  /** Also a text field's own editing operation: in a focused field the desktop menu performs that natively. */
  readonly fieldEdit?: true;
}

// Menu accelerators never take a bare key (a letter, '=', an arrow): the menu would take it from
// the page's text fields. So where the page uses one, the menu uses the desktop convention.
export const ACTIONS = {
  // Browsers keep Ctrl+N (a new window) from pages, so the page uses Mod+Alt+N; the desktop has no
  // browser in the way, and its menu takes the platform's own Ctrl+N (Mod+Alt+N works there too).
  new: { label: 'New topology', group: 'File', keys: ['Mod+Alt+N'], whileTyping: 'run', undoable: false, menu: { label: 'New', accelerator: 'CmdOrCtrl+N' } },
  template: { label: 'New from template…', group: 'File', keys: ['Mod+Shift+N'], whileTyping: 'run', undoable: false },
  open: { label: 'Open…', group: 'File', keys: ['Mod+O'], whileTyping: 'run', undoable: false, menu: { label: 'Open…' } },
  // No shortcut: Ctrl+Shift+I and Cmd+Alt+I are the browsers' (and Electron's) developer tools.
  import: { label: 'Import device configurations…', group: 'File', whileTyping: 'run', undoable: false, menu: { label: 'Import Device Configurations…' } },
  save: { label: 'Save', group: 'File', keys: ['Mod+S'], whileTyping: 'run', undoable: false, menu: { label: 'Save' } },
  'save-as': { label: 'Save as…', group: 'File', keys: ['Mod+Shift+S'], whileTyping: 'run', undoable: false, menu: { label: 'Save As…' } },
  'export-png': { label: 'Export canvas as PNG', group: 'File', keys: ['Mod+Shift+E'], whileTyping: 'run', undoable: false, menu: { label: 'Export Canvas as PNG…' } },
  'export-svg': { label: 'Export canvas as SVG', group: 'File', keys: ['Mod+Alt+E'], whileTyping: 'run', undoable: false, menu: { label: 'Export Canvas as SVG…' } },

  undo: { label: 'Undo', group: 'Edit', keys: ['Mod+Z'], whileTyping: 'field', undoable: false, menu: { label: 'Undo' }, fieldEdit: true },
  // The page takes both; the menu shows each platform's own: Windows and Linux programs commonly
  // use Ctrl+Y, macOS uses Shift+Cmd+Z.
  redo: { label: 'Redo', group: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], whileTyping: 'field', undoable: false, menu: { label: 'Redo', accelerator: { darwin: 'Shift+CmdOrCtrl+Z', other: 'Ctrl+Y' } }, fieldEdit: true },
  cut: { label: 'Cut', group: 'Edit', keys: ['Mod+X'], whileTyping: 'field', undoable: true, menu: { label: 'Cut' }, fieldEdit: true },
  copy: { label: 'Copy', group: 'Edit', keys: ['Mod+C'], whileTyping: 'field', undoable: false, menu: { label: 'Copy' }, fieldEdit: true },
  paste: { label: 'Paste', group: 'Edit', keys: ['Mod+V'], whileTyping: 'field', undoable: true, menu: { label: 'Paste' }, fieldEdit: true },
  duplicate: { label: 'Duplicate', group: 'Edit', keys: ['Mod+D'], whileTyping: 'field', undoable: true },
  'select-all': { label: 'Select all', group: 'Edit', keys: ['Mod+A'], whileTyping: 'field', undoable: false, menu: { label: 'Select All' }, fieldEdit: true },
  delete: { label: 'Delete selection', group: 'Edit', keys: ['Delete', 'Backspace'], whileTyping: 'field', undoable: true },
  deselect: { label: 'Clear selection and highlight', group: 'Edit', keys: ['Escape'], whileTyping: 'field', undoable: false },

  connect: { label: 'Connect the two selected gateways with a tunnel', group: 'Canvas', keys: ['C'], whileTyping: 'field', undoable: true },
  layout: { label: 'Auto-layout', group: 'Canvas', keys: ['L'], whileTyping: 'field', undoable: true },
  snap: { label: 'Snap to grid', group: 'Canvas', keys: ['G'], whileTyping: 'field', undoable: false },
  // With nothing selected the arrows pan the view instead (no undo step then).
  'nudge-left': { label: 'Move selection left', group: 'Canvas', keys: ['ArrowLeft'], whileTyping: 'field', undoable: true },
  'nudge-right': { label: 'Move selection right', group: 'Canvas', keys: ['ArrowRight'], whileTyping: 'field', undoable: true },
  'nudge-up': { label: 'Move selection up', group: 'Canvas', keys: ['ArrowUp'], whileTyping: 'field', undoable: true },
  'nudge-down': { label: 'Move selection down', group: 'Canvas', keys: ['ArrowDown'], whileTyping: 'field', undoable: true },

  'pan-left': { label: 'Pan the view left (arrows alone pan when nothing is selected)', group: 'View', keys: ['Shift+ArrowLeft'], whileTyping: 'field', undoable: false },
  'pan-right': { label: 'Pan the view right', group: 'View', keys: ['Shift+ArrowRight'], whileTyping: 'field', undoable: false },
  'pan-up': { label: 'Pan the view up', group: 'View', keys: ['Shift+ArrowUp'], whileTyping: 'field', undoable: false },
  'pan-down': { label: 'Pan the view down', group: 'View', keys: ['Shift+ArrowDown'], whileTyping: 'field', undoable: false },
  fit: { label: 'Zoom to fit', group: 'View', keys: ['F'], whileTyping: 'field', undoable: false, menu: { label: 'Zoom to Fit', accelerator: 'CmdOrCtrl+1' } },
  // The page leaves Ctrl+= / Ctrl+- / Ctrl+0 to the browser's own zoom.
  'zoom-in': { label: 'Zoom in', group: 'View', keys: ['='], whileTyping: 'field', undoable: false, menu: { label: 'Zoom In', accelerator: 'CmdOrCtrl+=' } },
  'zoom-out': { label: 'Zoom out', group: 'View', keys: ['-'], whileTyping: 'field', undoable: false, menu: { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' } },
  'zoom-reset': { label: 'Actual size', group: 'View', whileTyping: 'field', undoable: false, menu: { label: 'Actual Size', accelerator: 'CmdOrCtrl+0' } },
  minimap: { label: 'Minimap', group: 'View', keys: ['M'], whileTyping: 'field', undoable: false },
  theme: { label: 'Switch between the light and dark theme', group: 'View', keys: ['T'], whileTyping: 'field', undoable: false },
  'theme-light': { label: 'Light theme', group: 'View', whileTyping: 'field', undoable: false, menu: { label: 'Light' } },
  'theme-dark': { label: 'Dark theme', group: 'View', whileTyping: 'field', undoable: false, menu: { label: 'Dark' } },
  'theme-system': { label: 'Theme of the system', group: 'View', whileTyping: 'field', undoable: false, menu: { label: 'Follow System' } },
  // F5 starts a presentation in the usual slide programs; the page leaves it to the browser (reload).
  presentation: { label: 'Presentation mode', group: 'View', keys: ['P'], whileTyping: 'field', undoable: false, menu: { label: 'Presentation Mode', accelerator: 'F5' } },
  help: { label: 'Keyboard shortcuts', group: 'View', keys: ['?', 'Mod+/'], whileTyping: 'field', undoable: false, menu: { label: 'Keyboard Shortcuts' } },

  panels: { label: 'Show or hide the panel area', group: 'Panels', keys: ['Mod+J'], whileTyping: 'run', undoable: false },
} as const satisfies Record<string, ActionDeclaration>;

type Declared = typeof ACTIONS;

/** The one name of each user action: shortcuts, toolbar buttons (`tb-<id>`), menu items and `menu:command`. */
export type ActionId = keyof Declared;
/** The actions the desktop menu has an item for. */
export type MenuActionId = { [K in ActionId]: Declared[K] extends { readonly menu: object } ? K : never }[ActionId];
/** The menu items that, in a focused text field, are the field's own editing operation. */
export type FieldEditActionId = { [K in ActionId]: Declared[K] extends { readonly fieldEdit: true } ? K : never }[ActionId];

export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];
export const MENU_ACTION_IDS = ACTION_IDS.filter((id): id is MenuActionId => 'menu' in ACTIONS[id]);

export function declarationOf(id: ActionId): ActionDeclaration {
  return ACTIONS[id];
}

export function isFieldEdit(id: MenuActionId): id is FieldEditActionId {
  return declarationOf(id).fieldEdit === true;
}

/** An in-page shortcut as an Electron accelerator ("Mod+Shift+S" → "CmdOrCtrl+Shift+S"). */
export function shortcutAsAccelerator(keys: string): string {
  const names: Record<string, string> = { Mod: 'CmdOrCtrl', plus: 'Plus', ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };
  return keys
    .split('+')
    .map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p))
    .join('+');
}

/** The menu item's accelerator on a platform: its own, or the first in-page shortcut with Mod. */
export function menuAccelerator(id: MenuActionId, platform: 'darwin' | 'other'): string | undefined {
  const d = declarationOf(id);
  const own = d.menu?.accelerator;
  if (own !== undefined) return typeof own === 'string' ? own : own[platform];
  const withMod = d.keys?.find((k) => k.split('+').includes('Mod'));
  return withMod === undefined ? undefined : shortcutAsAccelerator(withMod);
}
