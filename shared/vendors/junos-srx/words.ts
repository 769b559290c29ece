// The words of one Junos `set` line, as the CLI splits them.

/** The words of one line, quotes removed and backslash escapes undone; undefined when a quote is not closed. */
export function junosWords(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        text += line[i];
        i++;
      }
      if (i >= line.length) return undefined;
      out.push(text);
      i++;
    } else {
      const m = /^[^\s"]+/.exec(line.slice(i)) as RegExpExecArray;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** The values of a `[ a b ]` list, or the one value. */
export function values(words: readonly string[]): string[] {
  if (words[0] !== '[') return words.slice(0, 1);
  const end = words.indexOf(']');
  return words.slice(1, end < 0 ? undefined : end);
}
