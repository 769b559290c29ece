// Token colouring of the export preview: comments and warnings, keywords, strings, key
// placeholders, addresses; and the text of a line is never altered.
import { describe, expect, it } from 'vitest';
import { highlightLine } from '../../../../renderer/features/export/highlight';

const text = (line: string, c = '#') => highlightLine(line, c).map((t) => t.text).join('');

describe('highlightLine', () => {
  it('keeps the text exactly', () => {
    for (const l of ['set vpn "test" proxy-id local-ip 192.168.1.0/24 remote-ip 172.16.1.0/24 any', '        set psksecret "<PSK:t1>"', ' permit ip 10.1.0.0 0.0.0.255 any', '  local_ts = 10.1.0.0/24[tcp/443]', '']) {
      expect(text(l)).toBe(l);
    }
  });
  it('colours comments, warnings, keywords, strings, placeholders and addresses', () => {
    expect(highlightLine('# a note', '#')).toEqual([{ kind: 'comment', text: '# a note' }]);
    expect(highlightLine('! WARNING PORT_RANGE_UNSUPPORTED: x', '!')[0]?.kind).toBe('warning');
    const toks = highlightLine('set ike gateway "gw" address 203.0.113.2 preshare "<PSK:t1>"', '#');
    expect(toks.find((t) => t.text === 'set')?.kind).toBe('keyword');
    expect(toks.find((t) => t.text === '"gw"')?.kind).toBe('string');
    expect(toks.find((t) => t.text === '203.0.113.2')?.kind).toBe('address');
    expect(toks.find((t) => t.text === '"<PSK:t1>"')?.kind).toBe('secret');
    expect(highlightLine('    rightsubnet=10.2.0.0/24', '#').some((t) => t.kind === 'address')).toBe(false);
    expect(highlightLine('set address N 2001:db8::/64', '#').find((t) => t.text === '2001:db8::/64')?.kind).toBe('address');
  });
});
