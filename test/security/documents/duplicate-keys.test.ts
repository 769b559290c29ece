// JSON.parse keeps the last of two equal keys; a reader that keeps the first (or a person
// reading the file) sees another document. A key written twice is refused with both lines.
import { describe, expect, it } from 'vitest';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

const pretty = () => serializeDocument(panAsaInterop());

describe('duplicate keys', () => {
  it('refuses a gateway whose vendor is written twice, naming the path and both lines', () => {
    const text = pretty().replace('"vendor": "panos",', '"vendor": "panos",\n      "vendor": "generic",');
    const r = loadDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('DUPLICATE_KEY');
    const e = r.errors[0]!;
    expect(e.path).toBe('gateways[0].vendor');
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes('"vendor": "panos"')) + 1;
    expect(e.line).toBe(first + 1);
    expect(e.message).toBe(`the field "vendor" is written twice in this object (lines ${first} and ${first + 1}): keep one`);
  });

  it('sees through escapes: "n\\u0061me" is the same key as "name"', () => {
    const r = loadDocumentText('{"formatVersion":2,"name":"a","n\\u0061me":"b"}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('DUPLICATE_KEY');
  });

  it('refuses a duplicate at the top level and deep inside, reporting each', () => {
    const text = `{"formatVersion":2,"formatVersion":2,"tunnels":[{"a":{"auth":{"psk":"x","psk":"y"}}}]}`;
    const r = loadDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['formatVersion', 'tunnels[0].a.auth.psk']);
    expect(JSON.stringify(r)).not.toMatch(/"x"|"y"/);
  });

  it('keeps equal keys in different objects apart', () => {
    expect(loadDocumentText(pretty()).ok).toBe(true);
  });

  it('reports forbidden keys written with escapes too', () => {
    const r = loadDocumentText('{"formatVersion":2,"gateways":[{"\\u005f_proto__":{}}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('FORBIDDEN_KEY');
      expect(r.errors[0]!.path).toBe('gateways[0].__proto__');
    }
  });
});
