// A file's pre-shared key never appears in a message about it, whatever is wrong with it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeErrors, issuesToErrors } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const KEY = 'Zq9-distinctive-pre-shared-key';

function everything(text: string): string {
  const r = loadDocumentText(text);
  expect(r.ok).toBe(false);
  return JSON.stringify(r) + (r.ok ? '' : describeErrors(r.errors, 1000));
}

describe('parse errors never quote key material', { timeout: 120_000 }, () => {
  it('a key of the wrong type, a key next to a broken field, a key in a truncated file', () => {
    const doc = JSON.parse(serializeDocument(panAsaInterop())) as Json;
    doc.tunnels[0].a.auth.psk = KEY;
    doc.tunnels[0].b.auth.psk = [KEY];
    const text = JSON.stringify(doc, null, 2);
    expect(everything(text)).not.toContain(KEY);
    for (let cut = 10; cut < text.length; cut += 97) expect(everything(text.slice(0, cut))).not.toContain(KEY.slice(0, 12));
  });

  it('a key written without quotes (JSON.parse would quote the text around it)', () => {
    for (const text of [`{"formatVersion":2,"tunnels":[{"a":{"auth":{"psk":${KEY}}}}]}`, `${KEY}`, `{"psk": ${KEY.slice(0, 3)}`]) {
      expect(everything(text)).not.toContain(KEY.slice(0, 3));
    }
  });

  it('a key written twice', () => {
    const text = `{"formatVersion":2,"tunnels":[{"a":{"auth":{"psk":"${KEY}","psk":"${KEY}2"}}}]}`;
    expect(everything(text)).not.toContain(KEY);
  });

  it('a key with a control character (once the schema refuses them)', () => {
    const doc = JSON.parse(serializeDocument(panAsaInterop())) as Json;
    doc.tunnels[0].a.auth.psk = `${KEY}\n`;
    doc.tunnels[0].a.auth.extra = 1; // makes the file invalid whatever the schema says of the key
    expect(everything(JSON.stringify(doc))).not.toContain(KEY);
  });

  it('a rule on a key field that quotes the value (as a character rule might) is not allowed to', () => {
    const Schema = z.strictObject({
      auth: z.strictObject({
        psk: z.string().superRefine((v, ctx) => ctx.addIssue({ code: 'custom', message: `"${v}" contains a character the product refuses; ${v} cannot be used` })),
      }),
    });
    for (const key of [KEY, `${KEY}"quoted"`, 'abcd']) {
      const r = Schema.safeParse({ auth: { psk: key } }, { reportInput: true });
      expect(r.success).toBe(false);
      if (r.success) continue;
      const [e] = issuesToErrors(r.error.issues, { schema: Schema });
      expect(e!.path).toBe('auth.psk');
      expect(e!.message).not.toContain(key);
      expect(e!.message).toContain('(value hidden)');
      expect(e!.message).toContain('contains a character the product refuses');
    }
  });
});
