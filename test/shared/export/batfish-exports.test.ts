// Every exported file a Batfish grammar reads (each vendor's grammar says which: `batfish`), from
// the golden files and from random designs, goes through the shared Batfish checker. A line
// Batfish rejects must be a statement the vendor's grammar lists as a known Batfish gap, with the
// vendor document that shows it valid (`batfishGaps`); a line Batfish accepts only through a
// catch-all rule must be listed with what else checks it (`batfishCatchAll`). Anything else fails:
// the export wrote a line the product would not take, or one nothing checked.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { BatfishDialect, FileGrammar } from '../../../shared/vendors/kit/grammar';
import { EXPORT_VENDORS, type ExportVendorId } from '../../../shared/vendors/registry';
import { runBatfish, SENTINEL } from '../../support/batfish';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { lexFile } from '../../security/injection/compare';
import { buildDesign, design } from './random-design';

const GOLDEN = resolve(__dirname, '..', '..', 'fixtures', 'golden');
const DESIGNS = Number(process.env['BATFISH_EXPORT_DESIGNS'] ?? 200);
const SEED = Number(process.env['BATFISH_EXPORT_SEED'] ?? 20261202);

/** The vendor's file grammars Batfish reads. */
const batfishFiles = (vendor: string): FileGrammar[] => (EXPORT_GRAMMARS.modules.find((m) => m.id === vendor)?.grammar?.files ?? []).filter((f) => f.batfish !== 'none');
const BATFISH_VENDORS = EXPORT_VENDORS.filter((v) => batfishFiles(v).length > 0);

interface Source {
  /** Where the file came from: a golden file's path or the random design's number. */
  origin: string;
  name: string;
  content: string;
  grammar: FileGrammar;
}

/** The vendor's files among the golden files and the exports of random designs (each with the vendor at end A, a random peer). */
function filesOf(vendor: ExportVendorId): Source[] {
  const grammars = batfishFiles(vendor);
  const grammarOf = (name: string) => grammars.find((g) => name.endsWith(g.suffix));
  const out: Source[] = [];
  for (const dir of readdirSync(GOLDEN)) {
    for (const name of readdirSync(join(GOLDEN, dir))) {
      const grammar = grammarOf(name);
      if (grammar) out.push({ origin: `golden ${dir}/${name}`, name, content: readFileSync(join(GOLDEN, dir, name), 'utf8'), grammar });
    }
  }
  fc.sample(design, { numRuns: DESIGNS, seed: SEED + EXPORT_VENDORS.indexOf(vendor) }).forEach((d, i) => {
    const doc = buildDesign(d, undefined, [vendor, d.vendorB]);
    for (const f of exportDocument(doc, { skipEngineCheck: true, includeSecrets: true }).files) {
      const grammar = grammarOf(f.name);
      if (grammar) out.push({ origin: `random design ${i} (seed ${SEED + EXPORT_VENDORS.indexOf(vendor)})`, name: f.name, content: f.content, grammar });
    }
  });
  return out;
}

const tally: string[] = [];
const dirs: string[] = [];
afterAll(() => {
  if (!process.env['KEEP_BATFISH_FILES']) for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const t of tally) console.log(t);
});

describe('Batfish reads every exported line, or the vendor grammar says why it need not', () => {
  it('some exporting products have files Batfish reads', () => {
    expect(BATFISH_VENDORS.length).toBeGreaterThan(0);
  });

  for (const vendor of BATFISH_VENDORS) {
    it(`${vendor}: golden files and ${DESIGNS} random designs`, () => {
      const sources = filesOf(vendor);
      const dir = mkdtempSync(join(tmpdir(), `ipsec-studio-batfish-${vendor}-`));
      dirs.push(dir);
      // Each distinct text once, named as the checker picks its grammar.
      const byContent = new Map<string, { path: string; sources: Source[] }>();
      for (const s of sources) {
        let entry = byContent.get(s.content);
        if (!entry) {
          const dialect = s.grammar.batfish as BatfishDialect;
          const path = join(dir, `${byContent.size + 1}.${dialect}.txt`);
          const sentinel = lexFile(s.name, s.content).statements.length === 0 ? SENTINEL[dialect] : undefined;
          writeFileSync(path, sentinel ? `${s.content}${sentinel}\n` : s.content);
          entry = { path, sources: [] };
          byContent.set(s.content, entry);
        }
        entry.sources.push(s);
      }
      const run = runBatfish([...byContent.values()].map((e) => e.path));
      expect(run.error, run.error).toBeUndefined();
      const count = { files: byContent.size, lines: 0, parsed: 0, catchAll: 0, knownGap: 0, ignoredBlock: 0 };
      const problems = new Map<string, string>();
      for (const { path, sources: from } of byContent.values()) {
        const v = run.verdicts.get(resolve(path));
        const first = from[0] as Source;
        if (!v) {
          problems.set(`no verdict for ${first.origin}`, first.origin);
          continue;
        }
        const own = first.content.split('\n').length;
        for (const l of v.byLine.values()) {
          if (l.line > own) continue;
          count.lines++;
          const text = l.text.trim();
          const allowed = (list: FileGrammar['batfishGaps']) => list?.find((a) => a.statement.test(text));
          if (l.verdict === 'PARSED') count.parsed++;
          else if (l.verdict === 'FAIL' || l.verdict === 'UNRECOGNIZED') {
            if (allowed(first.grammar.batfishGaps)) count.knownGap++;
            else problems.set(`Batfish rejects: ${text}`, `${first.origin} line ${l.line} (${l.detail.slice(0, 120)})`);
          } else if (l.verdict === 'CATCHALL' || l.verdict === 'IGNOREDBLOCK') {
            if (allowed(first.grammar.batfishCatchAll)) {
              if (l.verdict === 'CATCHALL') count.catchAll++;
              else count.ignoredBlock++;
            }
            else problems.set(`only a catch-all reads: ${text}`, `${first.origin} line ${l.line} (${l.detail.slice(0, 80)})`);
          } else {
            problems.set(`verdict ${l.verdict}: ${text}`, `${first.origin} line ${l.line}`);
          }
        }
      }
      tally.push(`batfish ${vendor}: ${count.files} distinct files (${sources.length} exported), ${count.lines} statement lines: ${count.parsed} parsed, ${count.catchAll} catch-all and ${count.ignoredBlock} in ignored blocks (listed in batfishCatchAll), ${count.knownGap} known gaps (listed in batfishGaps)`);
      const list = [...problems].map(([what, where]) => `${what}\n    first in ${where}`);
      expect(list.slice(0, 25), `${list.length} distinct lines need a fix in the exporter, or an entry in shared/vendors/${vendor}/grammar.ts (batfishGaps with the document that shows the statement valid, batfishCatchAll with what else checks it)`).toEqual([]);
    }, 300_000);
  }
});
