// Quoting user text inside a message: a value from a file or a field may be a megabyte long, hold
// a terminal escape sequence, a line break that fakes another line, or a bidi override that shows
// it backwards. Messages quote it shortened and with those characters written as escapes.

/**
 * Characters that change how the text around them is displayed: C0 controls, DEL, C1 controls
 * (U+009B is a terminal CSI), line/paragraph separators, bidi marks, embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), and the zero-width no-break space.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every display-changing character written as an escape (`\n`, `\u001b`, `\u202e`). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, escapeOne);
}

/** How many characters of a value a message quotes. */
export const QUOTE_MAX = 40;

/** The first `max` code points of `text`, with an ellipsis when it was longer. */
export function shorten(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === max) return `${out}…`;
    out += ch;
    count++;
  }
  return out;
}

/** A value as a message quotes it: in double quotes, at most `max` characters, escapes written out. */
export function quoteValue(text: string, max = QUOTE_MAX): string {
  return `"${escapeUnsafe(shorten(text, max)).replace(/"/g, '\\"')}"`;
}
