// The loader is total: for arbitrary JSON values, arbitrary strings, mutated valid documents,
// deep nesting, huge arrays and strings, duplicate and prototype keys at any depth and numbers
// such as 1e999, it never throws and always answers with a code and a message a person can
// read (bounded, no raw control characters). The scan agrees with JSON.parse on what is JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../shared/model/document';
import { type LoadResult } from '../../../shared/model/file';
import { loadDocumentBytes, loadDocumentText, loadDocumentValue, serializeDocument } from '../../../shared/document/file';
import { MAX_DEPTH, scanJson } from '../../../shared/model/json-scan';
import { TEMPLATES } from '../../../shared/templates/index';

/** Runs per property; the sum is the count the hardening note reports. */
const RUNS = { json: 1500, strings: 3000, grammar: 3000, mutations: 3000, nesting: 200, huge: 30, duplicates: 1000, prototype: 1000, numbers: 600, values: 1500, bytes: 1500 };

function wellFormed(r: LoadResult): boolean {
  if (r.ok) return DocumentSchema.safeParse(r.document).success;
  const texts = [r.summary, ...r.errors.map((e) => e.message), ...r.errors.map((e) => e.path)];
  return (
    typeof r.code === 'string' && r.summary.length > 0 && r.errors.length > 0 && r.errors.every((e) => e.message.length > 0)
    // eslint-disable-next-line no-control-regex
    && texts.every((t) => t.length <= 600 && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(t))
  );
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const templateTexts = TEMPLATES.map((t) => serializeDocument(t.build()));
const validText = fc.constantFrom(...templateTexts);

/** One edit of the text: delete, insert, replace, duplicate or move a slice, truncate. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '1e999', '-0', '"__proto__":{},', '"name":"x",', '\u0000', '\ud800', 'null')) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

// Generous timeouts: the properties run thousands of cases; their count, not the clock, is the test.
describe('the loader never throws', { timeout: 600_000 }, () => {
  it('arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v);
      const r = loadDocumentText(text);
      expect(wellFormed(r)).toBe(true);
      // JSON.stringify writes no duplicates; only depth can stop the scan.
      const scan = scanJson(text);
      expect(scan.syntax).toBeUndefined();
    }), { numRuns: RUNS.json });
  });

  it('arbitrary strings, and the scan agrees with JSON.parse on each', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expect(wellFormed(loadDocumentText(text))).toBe(true);
      const scan = scanJson(text);
      if (!scan.tooDeep) expect(scan.syntax === undefined).toBe(parses(text));
    }), { numRuns: RUNS.strings });
  });

  it('strings over the JSON alphabet (most are near-JSON), scan and JSON.parse agreeing', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '9', '-', '+', '.', 'e', 'E', ' ', '\n', '\t', 't', 'r', 'n', 'f', 'a', 'l', 's', '/', 'b', '\u0001', 'x', 'A');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (text) => {
      expect(wellFormed(loadDocumentText(text))).toBe(true);
      const scan = scanJson(text);
      expect(scan.syntax === undefined).toBe(parses(text));
    }), { numRuns: RUNS.grammar });
  });

  it('valid documents with up to five random edits: refused with a message, or loaded and saved again', () => {
    fc.assert(fc.property(validText, fc.array(mutation, { minLength: 1, maxLength: 5 }), (text, edits) => {
      const mutated = edits.reduce(mutate, text);
      const r = loadDocumentText(mutated);
      expect(wellFormed(r)).toBe(true);
      if (r.ok) {
        const again = loadDocumentText(serializeDocument(r.document));
        expect(again.ok && again.document).toEqual(r.document);
      }
    }), { numRuns: RUNS.mutations });
  });

  it('deep nesting of lists and objects, up to 50,000 levels', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50_000 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (depth, pattern) => {
      let open = '';
      let close = '';
      for (let i = 0; i < depth; i++) {
        const object = pattern[i % pattern.length];
        open += object ? '{"k":' : '[';
        close = (object ? '}' : ']') + close;
      }
      const r = loadDocumentText(`{"formatVersion":2,"notes":${open}0${close}}`);
      expect(wellFormed(r)).toBe(true);
      if (!r.ok) expect(r.code).toBe(depth + 1 > MAX_DEPTH ? 'TOO_DEEP' : 'INVALID_DOCUMENT');
    }), { numRuns: RUNS.nesting });
  });

  it('huge arrays and strings in any field', () => {
    const huge = fc.oneof(
      fc.integer({ min: 10_000, max: 100_000 }).map((n) => JSON.stringify(Array.from({ length: n }, (_, i) => i))),
      fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => JSON.stringify('\u001b'.repeat(3) + 'x'.repeat(n))),
      fc.integer({ min: 10_000, max: 50_000 }).map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))),
    );
    const field = fc.constantFrom('"name"', '"notes"', '"vendor"', '"address"', '"local"', '"psk"', '"lifetimeSeconds"', '"proposals"', '"gateways"');
    fc.assert(fc.property(validText, field, huge, fc.nat(), (text, key, value, pick) => {
      const positions = [...text.matchAll(new RegExp(`${key}: `, 'g'))].map((m) => m.index);
      if (positions.length === 0) return;
      const at = positions[pick % positions.length] as number;
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end);
      const replaced = `${text.slice(0, at)}${key}: ${value}${line.endsWith(',') ? ',' : ''}${text.slice(end)}`;
      const r = loadDocumentText(replaced);
      expect(wellFormed(r)).toBe(true);
      // A long text is fine where a field has no limit (notes); a message about it never repeats it.
      if (!r.ok) expect(JSON.stringify(r).length).toBeLessThan(20_000);
    }), { numRuns: RUNS.huge });
  });

  it('duplicate keys at any depth are found exactly when they are there', () => {
    // A tree of objects whose keys come from a small set, written out by hand so duplicates survive.
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', '"v"', 'null'),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'name', 'n\\u0061me'), tie('node')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
        fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      ),
    })).node;
    const hasDuplicate = (text: string): boolean => {
      // A reviver sees each object once; compare its keys with the keys written for it.
      let dup = false;
      const stack: string[][] = [];
      let i = 0;
      const keys = /"((?:[^"\\]|\\.)*)"\s*:|[{}]/g;
      for (let m = keys.exec(text); m; m = keys.exec(text)) {
        i++;
        if (m[0] === '{') stack.push([]);
        else if (m[0] === '}') stack.pop();
        else {
          const k = JSON.parse(`"${m[1]}"`) as string;
          const top = stack[stack.length - 1] as string[];
          if (top.includes(k)) dup = true;
          top.push(k);
        }
      }
      return i >= 0 && dup;
    };
    fc.assert(fc.property(tree, (text) => {
      const scan = scanJson(text);
      expect(scan.syntax).toBeUndefined();
      expect(scan.duplicates.length > 0).toBe(hasDuplicate(text));
      const r = loadDocumentText(`{"formatVersion":2,"notes":${text}}`);
      expect(wellFormed(r)).toBe(true);
      if (scan.duplicates.length > 0 && !r.ok) expect(r.code).toBe('DUPLICATE_KEY');
    }), { numRuns: RUNS.duplicates });
  });

  it('a prototype key inserted into any object of a valid document is refused at its path', () => {
    fc.assert(fc.property(validText, fc.constantFrom('__proto__', 'constructor', 'prototype', '\\u005f_proto__'), fc.nat(), (text, key, pick) => {
      const opens = [...text.matchAll(/\{\n/g)].map((m) => m.index);
      const at = (opens[pick % opens.length] as number) + 1;
      const r = loadDocumentText(`${text.slice(0, at)}"${key}": {"polluted": true},${text.slice(at)}`);
      expect(wellFormed(r)).toBe(true);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('FORBIDDEN_KEY');
        expect(r.errors[0]!.path).toMatch(/(__proto__|constructor|prototype)$/);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: RUNS.prototype });
  });

  it('numbers such as 1e999, 1e308, -0, 1e-400 and 20-digit integers in any number field', () => {
    const number = fc.constantFrom('1e999', '-1e999', '1e308', '-1e308', '-0', '0.0', '1e-400', '123456789012345678901', '9007199254740993', '0.5', '-1', '1E2', '4.9e-324');
    fc.assert(fc.property(validText, number, fc.nat(), (text, n, pick) => {
      const numbers = [...text.matchAll(/: (-?\d+(?:\.\d+)?)(,?)\n/g)];
      const m = numbers[pick % numbers.length];
      if (!m) return;
      const at = (m.index as number) + 2;
      const r = loadDocumentText(text.slice(0, at) + n + text.slice(at + (m[1] as string).length));
      expect(wellFormed(r)).toBe(true);
      if (!r.ok) expect(JSON.stringify(r)).not.toMatch(/9007199254740991|Infinity|\ba int\b|Invalid input/);
    }), { numRuns: RUNS.numbers });
  });

  it('arbitrary values handed over already parsed (IPC, paste)', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withObjectString: true }), (v) => {
      expect(wellFormed(loadDocumentValue(v))).toBe(true);
      expect(wellFormed(loadDocumentValue({ formatVersion: 2, gateways: [v], notes: v }))).toBe(true);
    }), { numRuns: RUNS.values });
  });

  it('arbitrary bytes, and valid documents with bytes flipped', () => {
    const enc = new TextEncoder();
    const docBytes = fc.constantFrom(...templateTexts.map((t) => enc.encode(t)));
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.tuple(docBytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })).map(([b, flips]) => {
      const copy = b.slice();
      for (const [at, v] of flips) copy[at % copy.length] = v;
      return copy;
    })), (bytes) => {
      expect(wellFormed(loadDocumentBytes(bytes))).toBe(true);
    }), { numRuns: RUNS.bytes });
  });
});
