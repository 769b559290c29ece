import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../shared/document/file';
import { documentJsonSchema } from '../../../shared/document/json-schema';
import { TEMPLATES } from '../../../shared/templates/index';

const shippedPath = path.join(__dirname, '..', '..', '..', 'docs', 'ipsec-studio.schema.json');

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run npm run generate:schemas)', () => {
    expect(JSON.parse(readFileSync(shippedPath, 'utf8'))).toEqual(documentJsonSchema());
  });

  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(shippedPath, 'utf8')));

  it.each(TEMPLATES.map((t) => t.id))('accepts the %s template as saved', (id) => {
    const doc = JSON.parse(serializeDocument(TEMPLATES.find((t) => t.id === id)!.build()));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown fields and wrong types, as the app does', () => {
    const doc = JSON.parse(serializeDocument(TEMPLATES[0]!.build()));
    doc.gateways[0].colour = 'red';
    expect(validate(doc)).toBe(false);
    const doc2 = JSON.parse(serializeDocument(TEMPLATES[0]!.build()));
    doc2.tunnels[0].a.ikeVersion = 3;
    expect(validate(doc2)).toBe(false);
  });

  it('carries the character rules: line breaks, override characters, interface names, identities by type', () => {
    const base = () => JSON.parse(serializeDocument(TEMPLATES[0]!.build()));
    const cases: ((d: ReturnType<typeof base>) => void)[] = [
      (d) => (d.gateways[0].name = 'HQ\nset system'),
      (d) => (d.tunnels[0].name = 'a\u202eb'),
      (d) => (d.gateways[0].interfaces[0].name = 'eth 0'),
      (d) => (d.tunnels[0].a.auth.localId = { type: 'fqdn', value: 'vpn example' }),
      (d) => (d.tunnels[0].a.auth.psk = 'key\u00e9'),
      (d) => (d.notes = 'tab\there'),
    ];
    for (const change of cases) {
      const d = base();
      change(d);
      expect(validate(d), JSON.stringify(d).slice(0, 80)).toBe(false);
    }
    const ok = base();
    ok.notes = 'two\nlines';
    ok.tunnels[0].a.auth.localId = { type: 'user-fqdn', value: "o'k{x}|y@example.net" };
    expect(validate(ok), JSON.stringify(validate.errors)).toBe(true);
  });
});
