// The published JSON Schema of the file format, generated from the same zod schemas that validate
// files in the app, so the two cannot drift: the model's structure, the products the registry
// knows (the `vendor` field's values) and each product's own settings (`vendorOptions`). Shipped
// as docs/ipsec-studio.schema.json (a test fails when the shipped file is out of date: run
// `npm run generate:schemas`).
import { z } from 'zod';
import { DocumentSchema, EndVendorOptionsSchema, FORMAT_VERSION, GatewayVendorOptionsSchema, VendorSchema } from '../model/document';
import type { VendorModule } from '../vendors/kit/vendor-module';
import { VENDOR_MODULES } from '../vendors/registry';

export const DOCUMENT_SCHEMA_ID = `https://ipsec-studio.invalid/schema/topology-v${FORMAT_VERSION}.json`;

function optionsSchema(where: 'gateway' | 'end'): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const m of VENDOR_MODULES) {
    const set = (m as VendorModule).options?.[where];
    if (!set) continue;
    const { $schema: _drop, ...own } = z.toJSONSchema(set.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    properties[m.id] = { description: `${m.identity.label}'s own settings`, ...own };
  }
  return { type: 'object', description: `Each product's own settings of a ${where === 'end' ? 'tunnel end' : 'gateway'}, under its id.`, properties, additionalProperties: false };
}

export function documentJsonSchema(): Record<string, unknown> {
  // io "input": what a person writes in a file, where fields with defaults may be left out.
  const schema = z.toJSONSchema(DocumentSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const js = ctx.jsonSchema as Record<string, unknown>;
      if (ctx.zodSchema === VendorSchema) {
        for (const k of Object.keys(js)) delete js[k];
        Object.assign(js, { type: 'string', enum: VENDOR_MODULES.map((m) => m.id), description: 'The product, by its id.' });
      } else if (ctx.zodSchema === GatewayVendorOptionsSchema || ctx.zodSchema === EndVendorOptionsSchema) {
        for (const k of Object.keys(js)) delete js[k];
        Object.assign(js, optionsSchema(ctx.zodSchema === GatewayVendorOptionsSchema ? 'gateway' : 'end'));
      }
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: DOCUMENT_SCHEMA_ID,
    title: 'IPsec Studio topology',
    description: `An IPsec Studio topology document, format ${FORMAT_VERSION}. Address fields also must parse as prefixes, addresses or ranges, and ids must resolve; the app reports those checks with the path of each error.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
