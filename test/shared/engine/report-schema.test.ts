// docs/negotiation-report.schema.json is generated from the zod source; real reports validate
// against both. Regenerate: UPDATE_REPORT_SCHEMA=1 npx vitest run test/shared/engine/report-schema.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import { NegotiationReportSchema, reportJsonSchema } from '../../../shared/engine/report';
import { caseToDocument, type InteropCase } from '../../support/interop';

const shipped = path.join(__dirname, '..', '..', '..', 'docs', 'negotiation-report.schema.json');
const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'interop');

describe('negotiation report JSON Schema', () => {
  if (process.env.UPDATE_REPORT_SCHEMA === '1') writeFileSync(shipped, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);

  it('is up to date with the zod schema', () => {
    expect(JSON.parse(readFileSync(shipped, 'utf8'))).toEqual(reportJsonSchema());
  });

  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(shipped, 'utf8')));

  it.each(['v2-exact', 'v1-psk-mismatch', 'v2-screenos-style-four-proxy-ids', 'v2-prefix-typo-24-vs-25', 'v2-ike-proposal-mismatch'])('a real report (%s) validates against it and the zod schema, and survives JSON', (id) => {
    const c = JSON.parse(readFileSync(path.join(fixtures, `${id}.json`), 'utf8')) as InteropCase;
    const report = computeReport(caseToDocument(c));
    const json = JSON.parse(JSON.stringify(report));
    expect(json).toEqual(report);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(NegotiationReportSchema.safeParse(json).success).toBe(true);
  });

  it('rejects a report with an unknown notify', () => {
    const c = JSON.parse(readFileSync(path.join(fixtures, 'v2-disjoint.json'), 'utf8')) as InteropCase;
    const json = JSON.parse(JSON.stringify(computeReport(caseToDocument(c))));
    json.tunnels[0].phase2[0].notify = 'SOMETHING_ELSE';
    expect(validate(json)).toBe(false);
  });
});
