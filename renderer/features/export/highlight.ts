// Hand-rolled token colouring for the generated configurations: comments, warnings, keywords,
// quoted strings, key placeholders, addresses and numbers. One line at a time, no regex engine
// beyond what each token needs, so a large file stays quick to colour.
export type TokenKind = 'comment' | 'warning' | 'keyword' | 'string' | 'secret' | 'address' | 'number' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  // set-style CLIs
  'set', 'move', 'delete', 'unset',
  // FortiOS
  'config', 'edit', 'next', 'end',
  // Cisco
  'crypto', 'object', 'object-group', 'access-list', 'tunnel-group', 'interface', 'nat', 'ip', 'ipv6', 'permit', 'deny', 'match',
  // strongSwan / Libreswan
  'connections', 'children', 'secrets', 'local', 'remote', 'conn', 'setup',
]);

const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:\/\d{1,3})?)(?:-\S+)?$/;

/** Splits one line into coloured tokens; `comment` is the vendor's comment prefix ("#" or "!"). */
export function highlightLine(line: string, comment: string): Token[] {
  const trimmed = line.trimStart();
  if (trimmed.startsWith(comment)) {
    return [{ kind: trimmed.includes('WARNING ') ? 'warning' : 'comment', text: line }];
  }
  const out: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind && kind === 'text') last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let first = true;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') {
      let j = i;
      while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
      push('text', line.slice(i, j));
      i = j;
      continue;
    }
    if (ch === '"') {
      const end = line.indexOf('"', i + 1);
      const j = end < 0 ? line.length : end + 1;
      const s = line.slice(i, j);
      push(s.includes('<PSK:') ? 'secret' : 'string', s);
      i = j;
      first = false;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
    const word = line.slice(i, j);
    if (word.startsWith('<PSK:') || word.startsWith('<peer-')) push('secret', word);
    else if (first && KEYWORDS.has(word)) push('keyword', word);
    else if (KEYWORDS.has(word) && (word === 'permit' || word === 'deny' || word === 'match')) push('keyword', word);
    else if (ADDRESS.test(word.replace(/[;,]$/, ''))) push('address', word);
    else if (/^\d+[smhd]?$/.test(word)) push('number', word);
    else push('text', word);
    first = false;
    i = j;
  }
  return out;
}
