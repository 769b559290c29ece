// Any valid design, any vendor: the exporter never throws, every line of every file is a
// statement that vendor has, names are defined before use, every warning points at a real line
// of a real file, and the keys appear only when asked for. Designs are random (fast-check):
// IKEv1/IKEv2, several proposals of every algorithm and group of the model, prefixes, hosts,
// ranges and IPv6, protocols and port ranges, identities, route- or policy-based, monitors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import { DocumentSchema } from '../../../shared/model/document';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { buildDesign, design } from './random-design';
import { checkNamesDefinedFirst, checkStatementHeads } from './structure';

describe('any design, any vendor', () => {
  it('exports without throwing, with known statements, names defined first, warnings on real lines, keys only when asked', () => {
    fc.assert(
      fc.property(design, (d) => {
        const doc = buildDesign(d);
        expect(DocumentSchema.safeParse(doc).success).toBe(true);
        for (const includeSecrets of [false, true]) {
          const r = exportDocument(doc, { skipEngineCheck: true, includeSecrets });
          expect(r.files.length).toBeGreaterThanOrEqual(2);
          const all = r.files.map((f) => f.content).join('\n');
          // Never without asking (a vendor that could write nothing for the tunnel writes no key either).
          if (!includeSecrets) expect(all).not.toContain('the-real-key');
          expect(JSON.stringify(r.warnings)).not.toContain('the-real-key');
          for (const w of r.warnings) {
            if (w.file === undefined) continue;
            const f = r.files.find((x) => x.name === w.file);
            expect(f, `${w.code} names ${w.file}`).toBeDefined();
            const lines = f?.content.split('\n') ?? [];
            expect(w.line !== undefined && w.line >= 1 && w.line <= lines.length, `${w.code} line ${w.line} in ${w.file}`).toBe(true);
          }
          // Every file, by its vendor's grammar (a file no grammar declares throws, saying what to add).
          for (const f of r.files) {
            const { file } = EXPORT_GRAMMARS.of(f.name);
            expect(checkStatementHeads(file, f.content), `${f.name}:\n${f.content}`).toEqual([]);
            expect(checkNamesDefinedFirst(file, f.content), `${f.name}:\n${f.content}`).toEqual([]);
          }
        }
      }),
      { numRuns: Number(process.env.EXPORT_PROPERTY_RUNS ?? 300), seed: Number(process.env.EXPORT_PROPERTY_SEED ?? 20261122) },
    );
  });
});
