import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contains,
  equals,
  formatSelector,
  intersect,
  isDisjoint,
  isSubsetOf,
  makeSelector,
  matchesPacket,
  overlapsPartially,
  parseSelector,
  relation,
  type Selector,
} from '../../../shared/net/selector';

const S = (t: string): Selector => {
  const r = parseSelector(t);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseSelector / formatSelector (strongSwan notation)', () => {
  it.each([
    ['10.1.0.0/16', '10.1.0.0/16'],
    ['10.1.0.5-10.1.0.9', '10.1.0.5-10.1.0.9'],
    ['10.1.0.5..10.1.0.9', '10.1.0.5-10.1.0.9'],
    ['10.1.0.0-10.1.0.255', '10.1.0.0/24'],
    ['10.1.0.7', '10.1.0.7/32'],
    ['10.1.0.0/24[tcp/443]', '10.1.0.0/24[tcp/443]'],
    ['10.1.0.0/24[tcp]', '10.1.0.0/24[tcp]'],
    ['10.1.0.0/24[udp/1000-2000]', '10.1.0.0/24[udp/1000-2000]'],
    ['10.1.0.0/24[tcp/https]', '10.1.0.0/24[tcp/443]'],
    ['2001:db8::/64[udp/500-510]', '2001:db8::/64[udp/500-510]'],
    ['fd00:1::/48', 'fd00:1::/48'],
    ['10.0.0.0/8[icmp/8]', '10.0.0.0/8[icmp/8]'],
    ['10.0.0.0/8[icmp/8/0]', '10.0.0.0/8[icmp/8]'],
    ['10.0.0.0/8[icmp/3(1)]', '10.0.0.0/8[icmp/3(1)]'],
    ['10.0.0.0/8[icmp/3/1]', '10.0.0.0/8[icmp/3(1)]'],
    ['10.0.0.0/8[icmp/769]', '10.0.0.0/8[icmp/3(1)]'],
    ['10.0.0.0/8[icmp/2048-2303]', '10.0.0.0/8[icmp/8-8(255)]'],
    ['10.0.0.0/8[icmp/8-8(255)]', '10.0.0.0/8[icmp/8-8(255)]'],
    ['10.0.0.0/8[icmp/3-5]', '10.0.0.0/8[icmp/3-5]'],
    ['10.0.0.0/8[17]', '10.0.0.0/8[udp]'],
  ])('%s -> %s', (input, out) => {
    expect(formatSelector(S(input))).toBe(out);
  });

  it('prints ranges as a..b when asked (swanctl --list-sas)', () => {
    expect(formatSelector(S('10.1.0.5-10.1.0.9'), '..')).toBe('10.1.0.5..10.1.0.9');
  });

  it('ICMP type/code travel in the port fields (type high byte, code low byte)', () => {
    const s = S('10.0.0.0/8[icmp/8/0]');
    expect([s.portFrom, s.portTo]).toEqual([0x0800, 0x0800]);
    // As charon means it (probe probe-v2-icmp-type-code-vs-type, strongSwan 5.9.8): a type alone
    // is that type with code 0, one value, so `[icmp/3]` and `[icmp/769]` (type 3 code 1) are disjoint.
    const t = S('10.0.0.0/8[icmp/3]');
    expect([t.portFrom, t.portTo]).toEqual([0x0300, 0x0300]);
    expect(intersect(t, S('10.0.0.0/8[icmp/769]'))).toBeUndefined();
    expect([S('10.0.0.0/8[icmp/3-5]').portFrom, S('10.0.0.0/8[icmp/3-5]').portTo]).toEqual([0x0300, 0x0500]);
    // The document's port field keeps its meaning: a type alone is any code.
    const d = makeSelector('10.0.0.0/8', 'icmp', '3');
    expect(d.ok && [d.value.portFrom, d.value.portTo]).toEqual([0x0300, 0x03ff]);
  });

  it.each(['10.1.0.0/33', '10.1.0.1/24', '10.1.0.0/24[tcp/70000]', '10.1.0.0/24[nope]', '10.1.0.9-10.1.0.5', '10.1.0.0/24[tcp', '10.1.0.0/24[0/443]', 'banana'])('rejects %s with a message', (t) => {
    const r = parseSelector(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });
});

describe('relations (table)', () => {
  it.each([
    ['10.1.0.0/16', '10.1.0.0/16', 'equals'],
    ['10.1.0.0/16', '10.1.1.0/24', 'contains'],
    ['10.1.1.0/24', '10.1.0.0/16', 'isSubsetOf'],
    ['10.1.0.0-10.1.0.200', '10.1.0.100-10.1.1.5', 'overlapsPartially'],
    ['10.1.0.0/24', '10.2.0.0/24', 'isDisjoint'],
    ['10.1.0.0/24', 'fd00::/8', 'isDisjoint'],
    ['10.1.0.0/24', '10.1.0.0/24[tcp/443]', 'contains'],
    ['10.1.0.0/24[tcp]', '10.1.0.0/24', 'isSubsetOf'],
    ['10.1.0.0/24[tcp]', '10.1.0.0/24[udp]', 'isDisjoint'],
    ['10.1.0.0/24[tcp/80]', '10.1.0.0/24[tcp/443]', 'isDisjoint'],
    ['10.1.0.0/24[tcp/1-1000]', '10.1.0.0/24[tcp/500-2000]', 'overlapsPartially'],
    ['2001:db8::/32', '2001:db8:1::/48', 'contains'],
    ['2001:db8::/64[udp/500-510]', '2001:db8::/64[udp/505]', 'contains'],
  ])('%s vs %s: %s', (a, b, rel) => {
    expect(relation(S(a), S(b))).toBe(rel);
  });

  it.each([
    ['10.1.0.0/16', '10.1.1.0/24', '10.1.1.0/24'],
    ['10.1.0.0/24', '10.1.0.128/25[tcp/443]', '10.1.0.128/25[tcp/443]'],
    ['10.1.0.0/24[tcp]', '10.1.0.0/16', '10.1.0.0/24[tcp]'],
    ['10.1.0.0-10.1.0.200', '10.1.0.100-10.1.1.5', '10.1.0.100-10.1.0.200'],
    ['10.1.0.0/24[udp/1-1000]', '10.1.0.0/25[udp/500-2000]', '10.1.0.0/25[udp/500-1000]'],
  ])('%s ∩ %s = %s', (a, b, x) => {
    const r = intersect(S(a), S(b));
    expect(r && formatSelector(r)).toBe(x);
  });

  it('matches a packet', () => {
    const s = S('10.1.0.0/24[tcp/443]');
    expect(matchesPacket(s, 4, 0x0a010005n, 6, 443)).toBe(true);
    expect(matchesPacket(s, 4, 0x0a010005n, 17, 443)).toBe(false);
    expect(matchesPacket(s, 4, 0x0a020005n, 6, 443)).toBe(false);
  });
});

// ---- properties -----------------------------------------------------------------------------

/** Selectors over a tiny space (addresses 10.0.0.0-10.0.0.15, protocols any/tcp/udp, ports 0-7), so brute force is possible. */
const PROTOS = [0, 6, 17];
const small = fc
  .record({
    a: fc.integer({ min: 0, max: 15 }),
    b: fc.integer({ min: 0, max: 15 }),
    proto: fc.constantFrom(...PROTOS),
    p: fc.integer({ min: 0, max: 7 }),
    q: fc.integer({ min: 0, max: 7 }),
    anyPort: fc.boolean(),
  })
  .map(({ a, b, proto, p, q, anyPort }): Selector => {
    const base = 0x0a000000n;
    const ports = proto === 0 || anyPort ? { portFrom: 0, portTo: 65535 } : { portFrom: Math.min(p, q), portTo: Math.max(p, q) };
    return { family: 4, from: base + BigInt(Math.min(a, b)), to: base + BigInt(Math.max(a, b)), protocol: proto, ...ports };
  });

/** Every (address, protocol, port) point of the small space a selector covers. Protocol-any covers both tcp and udp (and any). */
function points(s: Selector): Set<string> {
  const out = new Set<string>();
  for (let a = 0n; a < 16n; a++) {
    const addr = 0x0a000000n + a;
    if (addr < s.from || addr > s.to) continue;
    for (const proto of PROTOS) {
      if (s.protocol !== 0 && proto !== s.protocol) continue;
      // Protocol "any" itself is only a point of a protocol-any selector.
      if (proto === 0 && s.protocol !== 0) continue;
      for (let port = 0; port <= 8; port++) {
        const portAny = port === 8;
        if (portAny ? !(s.portFrom === 0 && s.portTo === 65535) : port < s.portFrom || port > s.portTo) continue;
        out.add(`${a}/${proto}/${port}`);
      }
    }
  }
  return out;
}

describe('relations (properties)', () => {
  it('intersection commutes', () => {
    fc.assert(fc.property(small, small, (x, y) => {
      const a = intersect(x, y);
      const b = intersect(y, x);
      return (a === undefined && b === undefined) || (a !== undefined && b !== undefined && equals(a, b));
    }));
  });

  it('the intersection lies inside both', () => {
    fc.assert(fc.property(small, small, (x, y) => {
      const i = intersect(x, y);
      return i === undefined || (contains(x, i) && contains(y, i) && isSubsetOf(i, x));
    }));
  });

  it('the intersection is empty exactly when they are disjoint', () => {
    fc.assert(fc.property(small, small, (x, y) => (intersect(x, y) === undefined) === isDisjoint(x, y)));
  });

  it('contains matches brute force on a small space (addresses, protocol, ports)', () => {
    fc.assert(fc.property(small, small, (x, y) => {
      const px = points(x);
      const py = points(y);
      const subset = [...py].every((p) => px.has(p));
      return contains(x, y) === subset;
    }));
  });

  it('the intersection matches brute force on a small space', () => {
    fc.assert(fc.property(small, small, (x, y) => {
      const i = intersect(x, y);
      const px = points(x);
      const expected = [...points(y)].filter((p) => px.has(p));
      const pi = i ? points(i) : new Set<string>();
      return pi.size === expected.length && expected.every((p) => pi.has(p));
    }));
  });

  it('overlapsPartially, contains, isSubsetOf, equals and isDisjoint partition every pair', () => {
    fc.assert(fc.property(small, small, (x, y) => {
      const flags = [equals(x, y), contains(x, y) && !equals(x, y), isSubsetOf(x, y) && !equals(x, y), overlapsPartially(x, y), isDisjoint(x, y)];
      return flags.filter(Boolean).length === 1;
    }));
  });

  it('IPv6 and IPv4 never intersect', () => {
    expect(intersect(S('::/0'), S('0.0.0.0/0'))).toBeUndefined();
  });
});
