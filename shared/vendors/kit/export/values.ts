// A free-text value on its way into a configuration line: each vendor's exporter quotes and
// escapes it by that vendor's rules, or refuses it. A refused value is never written in part and
// never changed (a key changed on the way no longer matches the peer's); the statement is left
// out and a VALUE_UNSUPPORTED warning names the field and says what to do. Warnings never
// contain the value itself: it may be a pre-shared key.
import { CONTROL_CHARACTER } from '../../../model/text';
import type { ConfigWriter, TunnelView } from './context';

export type Quoted = { ok: true; text: string } | { ok: false; why: string };

export const quoted = (text: string): Quoted => ({ ok: true, text });
export const refused = (why: string): Quoted => ({ ok: false, why });

/** What a value holds, in words, for the refusal messages (never the value). */
export const HOLDS = {
  doubleQuote: 'a double quote (")',
  bothQuotes: `both a double (") and a single (') quote`,
  backslash: 'a backslash (\\)',
  questionMark: 'a question mark (?), which the CLI reads as a request for help while the text is pasted',
  whitespace: 'a space',
  control: 'a line break or another control character',
} as const;

/** Line breaks and every other control character: no vendor can take these in a value. */
export function hasControl(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * Writes `make(text)` when the vendor can express the value; otherwise a VALUE_UNSUPPORTED
 * warning (written where the statement would be) naming the field, why, and what to do.
 * Returns whether the statement was written.
 */
export function valueLine(w: ConfigWriter, t: TunnelView | undefined, field: string, value: Quoted, make: (text: string) => string, vendorLabel: string, todo = 'change it, or enter the statement by hand'): boolean {
  if (value.ok) {
    w.line(make(value.text));
    return true;
  }
  w.warn('VALUE_UNSUPPORTED', `${field} holds ${value.why}; ${vendorLabel} cannot take that in this statement, so it is left out: ${todo}`, t ? { tunnel: t.tunnel.name } : {});
  return false;
}
