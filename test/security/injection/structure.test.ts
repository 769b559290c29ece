// For every free-text field and every vendor: a generated value, valid under the schema but full
// of quotes, backslashes, spaces, # ; ! ? { } [ ] < > | & $ `, non-ASCII letters and maximum
// lengths, never changes the statements of the export compared with the same design holding a
// plain value (the same files, statements, blocks and words, read the way each product reads
// them: ./lexers.ts, chosen by each file's grammar), keys and identities read back exactly as
// written, and what a vendor cannot take is refused with a warning, never written in part. Runs
// per field and vendor: INJECTION_RUNS (default 30); the seed: INJECTION_SEED.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_VENDORS } from '../../../shared/vendors/registry';
import { DocumentSchema } from '../../../shared/model/document';
import type { FileGrammar, FileSyntax } from '../../../shared/vendors/kit/grammar';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';
import { EXPORT_GRAMMARS, ExportGrammars } from '../../support/export-grammars';
import { compareExports, exportFor } from './compare';
import { designWith, FIELDS } from './fields';
import { lex, LEXER_CHECKER } from './lexers';

const RUNS = Number(process.env['INJECTION_RUNS'] ?? 30);
const SEED = Number(process.env['INJECTION_SEED'] ?? 20261201);

const tally = { values: 0, refused: 0, statements: 0, combinations: 0 };

describe('a generated value never changes the structure of an export', () => {
  it('every vendor of the exporter registry has a grammar whose files a lexer here reads', () => {
    expect(EXPORT_GRAMMARS.vendors).toEqual([...EXPORT_VENDORS]);
    expect(EXPORT_GRAMMARS.problems([LEXER_CHECKER])).toEqual([]);
  });

  it('a grammar kind no lexer reads fails, naming where to add one', () => {
    const file = { suffix: '.scratch.yaml', comment: '#', batfish: 'none', syntax: { kind: 'yaml-tree' } as unknown as FileSyntax } satisfies FileGrammar;
    const base = VENDOR_MODULES.find((m) => 'exporter' in m) as VendorModule;
    const scratch: VendorModule = { ...base, id: 'scratch-vpn', grammar: { files: [{ ...file, selectors: { statements: [], address: [] } }] } };
    expect(new ExportGrammars([...VENDOR_MODULES, scratch]).problems([LEXER_CHECKER])).toEqual([expect.stringMatching(/^scratch-vpn: no checker in test\/security\/injection\/lexers\.ts handles the grammar kind "yaml-tree" of its \.scratch\.yaml files: add one there/)]);
    expect(() => lex(file, 'a: b\n')).toThrow('no lexer reads the grammar kind "yaml-tree" of .scratch.yaml files: add one to test/security/injection/lexers.ts');
  });

  for (const vendor of EXPORT_VENDORS) {
    describe(vendor, () => {
      for (const field of FIELDS) {
        it(field.id, () => {
          const plainDoc = designWith(vendor, field, field.plain);
          expect(DocumentSchema.safeParse(plainDoc).success, 'the plain design validates').toBe(true);
          const plain = exportFor(plainDoc);
          tally.combinations++;
          fc.assert(
            fc.property(field.values, (value) => {
              const doc = designWith(vendor, field, value);
              const valid = DocumentSchema.safeParse(doc);
              expect(valid.success, `the generated value is valid: ${JSON.stringify(value)} ${JSON.stringify(valid.error?.issues[0])}`).toBe(true);
              const c = compareExports(exportFor(doc), plain, value, field.plain, field.exact !== undefined);
              tally.values++;
              tally.statements += c.statements;
              if (c.refused) tally.refused++;
              expect(c.problems, `value ${JSON.stringify(value)}`).toEqual([]);
            }),
            { numRuns: RUNS, seed: SEED },
          );
        });
      }
    });
  }

  afterAll(() => {
    console.log(`injection structure: ${tally.combinations} field × vendor combinations, ${tally.values} values (${tally.refused} refused with a warning), ${tally.statements} statements compared`);
  });
});
