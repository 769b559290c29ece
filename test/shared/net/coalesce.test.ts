// coalesceAddresses: the same addresses in fewer entries. Property: for random lists of prefixes,
// ranges and hosts, every address is in some entry of the result exactly when it is in some entry
// of the input, and the result's entries are sorted, disjoint and not adjacent (nothing left to merge).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalesceAddresses, formatIp, parseAddressSpec } from '../../../shared/net/address';

const BASE = 0x0a000000; // 10.0.0.0: the entries live in 10.0.0.0/20, so they often touch.
const entry = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 22, max: 32 })).map(([off, len]) => {
    const size = 2 ** (32 - len);
    const from = BASE + Math.floor(off / size) * size;
    return `${formatIp(4, BigInt(from))}/${len}`;
  }),
  fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 300 })).map(([off, n]) => `${formatIp(4, BigInt(BASE + off))}-${formatIp(4, BigInt(BASE + Math.min(4095, off + n)))}`),
  fc.integer({ min: 0, max: 4095 }).map((off) => formatIp(4, BigInt(BASE + off))),
);
const inAny = (specs: readonly string[], a: bigint) => specs.some((s) => {
  const r = parseAddressSpec(s);
  return r.ok && r.value.from <= a && a <= r.value.to;
});

describe('coalesceAddresses', () => {
  it('keeps exactly the same addresses, in sorted, disjoint, non-adjacent entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 0, maxLength: 12 }), fc.array(fc.integer({ min: -8, max: 4104 }), { minLength: 20, maxLength: 20 }), (specs, probes) => {
        const out = coalesceAddresses(specs);
        for (const p of probes) expect(inAny(out, BigInt(BASE + p))).toBe(inAny(specs, BigInt(BASE + p)));
        const ranges = out.map((s) => parseAddressSpec(s)).map((r) => (r.ok ? r.value : undefined));
        expect(ranges.every((r) => r !== undefined)).toBe(true);
        for (let i = 1; i < ranges.length; i++) expect((ranges[i - 1]?.to ?? 0n) + 1n < (ranges[i]?.from ?? 0n)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(Math.max(specs.length, 0));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('sixteen adjacent /24s are one prefix; any absorbs IPv4; IPv6 stays apart; a name that is no address leaves the list as it is', () => {
    expect(coalesceAddresses(Array.from({ length: 16 }, (_, i) => `10.0.${i}.0/24`))).toEqual(['10.0.0.0/20']);
    expect(coalesceAddresses(['10.0.0.0/24', '10.0.1.0/25'])).toEqual(['10.0.0.0-10.0.1.127']);
    expect(coalesceAddresses(['10.0.0.0/24', 'any', '2001:db8::/33', '2001:db8:8000::/33'])).toEqual(['any', '2001:db8::/32']);
    expect(coalesceAddresses(['10.0.0.0/24', 'www.example.com'])).toEqual(['10.0.0.0/24', 'www.example.com']);
  });
});
