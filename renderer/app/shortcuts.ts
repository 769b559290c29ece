// Keyboard shortcuts: their syntax, matching a key press, and which action a press runs. The
// shortcuts themselves are declared with the actions (shared/ipc/actions.ts).
// "Mod" is Ctrl (⌘ on macOS). Keys are matched on KeyboardEvent.key, case-insensitively.

export interface Shortcut {
  keys: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseShortcut(keys: string): Shortcut {
  const parts = keys.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  return { keys, key: key === 'plus' ? '+' : key, mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

export function matchesShortcut(s: Shortcut, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code'>): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (mod !== s.mod || e.altKey !== s.alt) return false;
  const key = e.key.toLowerCase();
  // Shift changes the key on symbols ("?" is Shift+/), so only letters and named keys check it.
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (!symbol && e.shiftKey !== s.shift) return false;
  if (s.alt && /^[0-9]$/.test(s.key)) return e.code === `Digit${s.key}`;
  return key === s.key;
}

export function displayShortcut(keys: string, modKey: string): string {
  return keys
    .split('+')
    .map((p) => (p === 'Mod' ? modKey : p === 'plus' ? '+' : p.length === 1 ? p.toUpperCase() : p))
    .join('+');
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'code'>;

/**
 * The action a key press runs, or undefined when the key belongs where it was pressed: a text
 * field keeps its keys (unless the action runs while typing: files, panels); in the panels,
 * inspector, palette and toolbar, arrows and Delete work their lists and fields; a focused canvas
 * node moves with the arrows through React Flow itself.
 */
export function actionForKey<A extends { readonly keys: readonly string[]; readonly whileTyping: 'run' | 'field' }>(actions: readonly A[], e: KeyPress, target: Element | null): A | undefined {
  const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || (target as HTMLElement).isContentEditable === true);
  const inPanel = !!target?.closest('.panel-area, .inspector, .palette, .toolbar');
  for (const a of actions) {
    for (const keys of a.keys) {
      const s = parseShortcut(keys);
      if (!matchesShortcut(s, e)) continue;
      const runs = a.whileTyping === 'run';
      if (typing && !runs) return undefined;
      if (inPanel && !runs && !s.mod && (s.key.startsWith('arrow') || s.key === 'backspace' || s.key === 'delete')) return undefined;
      if (s.key.startsWith('arrow') && target?.closest('.react-flow__node')) return undefined;
      return a;
    }
  }
  return undefined;
}
