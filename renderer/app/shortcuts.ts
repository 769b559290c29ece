// Keyboard shortcuts as data: one table drives both the key handler and the help overlay.
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
