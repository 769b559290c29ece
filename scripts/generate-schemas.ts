// Writes the JSON Schemas that ship with the product, generated from the zod sources.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../shared/engine/report';
import { documentJsonSchema } from '../shared/document/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'ipsec-studio.schema.json');
writeFileSync(out, `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}`);

const reportOut = path.join(root, 'docs', 'negotiation-report.schema.json');
writeFileSync(reportOut, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, reportOut)}`);
