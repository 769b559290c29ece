// Variants of a fixture file for tests: one piece replaced, which must occur exactly once (a
// variant that does not apply is an error, not a silently identical file).

/** `text` with `from` replaced by `to`; a string `from` is taken literally, a RegExp's `to` may use `$1`. */
export function editOnce(text: string, from: string | RegExp, to: string): string {
  if (typeof from === 'string') {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`the fixture has "${from}" ${at < 0 ? 'nowhere' : 'more than once'}`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  }
  const count = [...text.matchAll(new RegExp(from.source, `${from.flags.replace('g', '')}g`))].length;
  if (count !== 1) throw new Error(`the fixture has ${String(from)} ${count} times, not once`);
  return text.replace(from, to);
}

/** `text` with each `[from, to]` applied in turn, each exactly once. */
export function editEach(text: string, ...pairs: [string, string][]): string {
  return pairs.reduce((t, [from, to]) => editOnce(t, from, to), text);
}

/** `text` without the one line `line`. */
export const withoutLine = (text: string, line: string): string => editOnce(text, `${line}\n`, '');
