// The name and id generators used when many objects are made at once (an import of thousands).
import { describe, expect, it } from 'vitest';
import { documentOf, idAllocator, namer, uniqueName } from '../../../shared/document/factory';

describe('namer', () => {
  it('gives the names uniqueName would, one after another, and adds each to the taken set', () => {
    const taken = new Set(['a', 'a-2', 'b-3']);
    const next = namer(taken, 5);
    const bases = ['a', 'a', 'b', 'b', 'b', 'b', 'abcdef', 'abcde', 'abcde'];
    const seen = new Set(taken);
    const expected = bases.map((base) => {
      const want = uniqueName(base, seen, 5);
      seen.add(want);
      return want;
    });
    const got = bases.map(next);
    expect(got).toEqual(expected);
    expect(new Set(got).size).toBe(got.length);
    expect([...taken].sort()).toEqual([...seen].sort());
  });
});

describe('idAllocator', () => {
  it('skips the ids the document holds and never repeats one', () => {
    const doc = documentOf({ gateways: [{ id: 'gw-1' }, { id: 'gw-3' }] as never, tunnels: [{ id: 'tun-2' }] as never });
    const next = idAllocator(doc);
    expect([next('gw'), next('gw'), next('gw'), next('tun'), next('tun'), next('net')]).toEqual(['gw-2', 'gw-4', 'gw-5', 'tun-1', 'tun-3', 'net-1']);
  });
});
