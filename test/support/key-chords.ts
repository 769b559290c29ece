// One spelling for a key combination, whether written as an in-page shortcut ("Mod+Shift+Z") or
// an Electron accelerator ("Shift+CmdOrCtrl+Z"), so tests can find two actions on the same keys.
// It follows how the page matches keys (renderer/app/shortcuts.ts): Ctrl and ⌘ both count as Mod,
// and Shift does not count on a symbol key ("?" is Shift+/). Being this coarse can only report a
// collision that is not one, never hide one that is.
import { parseShortcut } from '../../renderer/app/shortcuts';

const ACCELERATOR_KEYS: Record<string, string> = { plus: '+', left: 'arrowleft', right: 'arrowright', up: 'arrowup', down: 'arrowdown', esc: 'escape', del: 'delete' };
const MOD = new Set(['cmdorctrl', 'commandorcontrol', 'cmd', 'command', 'ctrl', 'control', 'meta', 'super']);

function chord(mod: boolean, alt: boolean, shift: boolean, key: string): string {
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  return [mod && 'mod', alt && 'alt', shift && !symbol && 'shift', key].filter(Boolean).join('+');
}

export function shortcutChord(keys: string): string {
  const s = parseShortcut(keys);
  return chord(s.mod, s.alt, s.shift, s.key);
}

export function acceleratorChord(accelerator: string): string {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts.pop() ?? '';
  return chord(parts.some((p) => MOD.has(p)), parts.includes('alt') || parts.includes('option'), parts.includes('shift'), ACCELERATOR_KEYS[key] ?? key);
}

/** Chords that name more than one owner, as "chord: a, b". */
export function collisions(entries: readonly { owner: string; chord: string }[]): string[] {
  const byChord = new Map<string, Set<string>>();
  for (const e of entries) byChord.set(e.chord, (byChord.get(e.chord) ?? new Set()).add(e.owner));
  return [...byChord].filter(([, owners]) => owners.size > 1).map(([c, owners]) => `${c}: ${[...owners].join(', ')}`);
}
