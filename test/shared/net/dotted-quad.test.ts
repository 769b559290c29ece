// IPv4 addresses are read by hand (shared/net/address.ts, an import reads hundreds of thousands):
// checked against ipaddr.js, whose isValidFourPartDecimal is the form the product accepts.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { formatIp, parseIp, parsePrefix } from '../../../shared/net/address';

const reference = (t: string): bigint | undefined => {
  if (!ipaddr.IPv4.isValidFourPartDecimal(t)) return undefined;
  return ipaddr.IPv4.parse(t).toByteArray().reduce((v, b) => (v << 8n) | BigInt(b), 0n);
};

describe('dotted quads as ipaddr.js reads them', () => {
  it('accepts and values exactly what ipaddr.js accepts as a four-part decimal', () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^[0-9]{0,4}$/u));
    const text = fc.oneof(
      fc.tuple(part, part, part, part).map((p) => p.join('.')),
      fc.array(part, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '5', ' ', 'x', '-') }),
    );
    fc.assert(fc.property(text, (t) => {
      const r = parseIp(t);
      const want = reference(t);
      if (t.includes(':')) return;
      expect(r.ok ? r.value.value : undefined, t).toBe(want);
      if (r.ok) expect(formatIp(4, r.value.value)).toBe(t);
    }), { numRuns: 5000 });
  });

  it('IPv4 prefixes: what ipaddr.js reads as a network address and length, with no host bits', () => {
    const text = fc.tuple(fc.oneof(fc.ipV4(), fc.constantFrom('01.2.3.4', '256.1.1.1', '1.2.3')), fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('', '08', '024', 'x', ' 24'))).map(([a, l]) => `${a}/${l}`);
    fc.assert(fc.property(text, (t) => {
      const [a, l] = t.split('/') as [string, string];
      const base = reference(a);
      const len = /^\d{1,3}$/u.test(l) ? Number(l) : NaN;
      const host = len <= 32 ? (1n << BigInt(32 - len)) - 1n : 0n;
      const want = base !== undefined && len <= 32 && (base & host) === 0n ? { from: base, to: base | host } : undefined;
      const r = parsePrefix(t);
      expect(r.ok ? { from: r.value.from, to: r.value.to } : undefined, t).toEqual(want);
    }), { numRuns: 5000 });
  });

  it('edge cases', () => {
    for (const t of ['0.0.0.0', '255.255.255.255', '10.0.0.1', '1.2.3.4']) expect(parseIp(t)).toMatchObject({ ok: true });
    for (const t of ['256.0.0.0', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3.4 ', '1.2.3.1000', '']) expect(parseIp(t).ok, t).toBe(false);
  });
});
