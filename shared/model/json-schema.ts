// The published JSON Schema of the file format, generated from the same zod schema that
// validates files in the app, so the two cannot drift. Shipped as docs/ipsec-studio.schema.json
// (a test fails when the shipped file is out of date: run `npm run generate:schemas`).
import { z } from 'zod';
import { DocumentSchema, FORMAT_VERSION } from './document';

export const DOCUMENT_SCHEMA_ID = `https://ipsec-studio.invalid/schema/topology-v${FORMAT_VERSION}.json`;

export function documentJsonSchema(): Record<string, unknown> {
  // io "input": what a person writes in a file, where fields with defaults may be left out.
  const schema = z.toJSONSchema(DocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: DOCUMENT_SCHEMA_ID,
    title: 'IPsec Studio topology',
    description: `An IPsec Studio topology document, format ${FORMAT_VERSION}. Address fields also must parse as prefixes, addresses or ranges, and ids must resolve; the app reports those checks with the path of each error.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
