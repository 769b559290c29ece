// Output for a terminal: a name from a topology file may hold an escape sequence that clears the
// screen or rewrites the title, a line break that fakes a line of the report, or a bidi override
// that shows "10.0.0.1" for "1.0.0.01". Human-readable output writes every such character as an
// escape; JSON stays JSON (the same value), with the characters JSON.stringify leaves raw escaped.
import { escapeUnsafe } from '../model/quote';

/** Lines of human-readable output: whatever a line holds, it stays one line on the terminal. */
export function terminalLines(lines: readonly string[]): string {
  return `${lines.map(escapeUnsafe).join('\n')}\n`;
}

/** One message line (an error, a warning) for stderr. */
export function terminalLine(line: string): string {
  return `${escapeUnsafe(line)}\n`;
}

// JSON.stringify escapes C0 controls but not DEL, C1 (U+009B is a CSI), separators or bidi controls.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A value as indented JSON whose text holds no character that changes the terminal. */
export function terminalJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A generated file shown on the terminal: its lines and tabs kept, anything else escaped. */
export function terminalFile(text: string): string {
  return text.replace(UNSAFE_EXCEPT_LAYOUT, (c) => escapeUnsafe(c));
}
