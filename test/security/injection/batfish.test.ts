// The shared Batfish checker (../shared/tools/batfish-check, Batfish's own grammars) reads the
// exports of designs holding generated values and the exports of the same designs holding plain
// values: for every statement line, the verdict (PARSED, CATCHALL, FAIL, CASCADE) is the same, so
// no value adds, splits or swallows a statement as Batfish reads it (comments included: a value
// in a comment must not start a string the next line ends). Which Batfish grammar reads a file is
// its vendor's grammar's say (shared/vendors/<vendor>/grammar.ts, `batfish`); a vendor none of
// whose files Batfish reads gets the structural comparison only (structure.test.ts). The checker
// runs once for all files (a JVM start costs about half a second); the first run builds it
// (setup.sh, about a minute).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/vendors/kit/export/types';
import type { BatfishDialect } from '../../../shared/vendors/kit/grammar';
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import { runBatfish, SENTINEL, type FileVerdicts } from '../../support/batfish';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { exportFor, lexFile } from './compare';
import { designWith, FIELDS } from './fields';
import { LEXER_CHECKER, type Statement } from './lexers';

/** The Batfish grammars a vendor's files are read with (none for a vendor without a grammar: the coverage test says so). */
const dialectsOf = (vendor: string): BatfishDialect[] => (EXPORT_GRAMMARS.modules.find((m) => m.id === vendor)?.grammar?.files ?? []).flatMap((f) => (f.batfish === 'none' ? [] : [f.batfish]));
const BATFISH_VENDORS = EXPORT_GRAMMARS.vendors.filter((v) => dialectsOf(v).length > 0) as ExportVendor[];
/** No Batfish grammar exists for these (batfish-check README): the structural comparison covers them. */
const STRUCTURAL_ONLY = EXPORT_GRAMMARS.vendors.filter((v) => dialectsOf(v).length === 0);


const VALUES_PER_FIELD = Number(process.env['INJECTION_BATFISH_VALUES'] ?? 3);
const SEED = Number(process.env['INJECTION_SEED'] ?? 20261201);

interface Pair {
  vendor: ExportVendor;
  field: string;
  value: string;
  crafted: ExportFile;
  plain: ExportFile;
  /** Where each was written for the checker. */
  craftedPath: string;
  plainPath: string;
}

const pairs: Pair[] = [];
let verdicts = new Map<string, FileVerdicts>();
let dir = '';
let setupError: string | undefined;
const tally = { files: 0, lines: 0, pairs: 0 };

/**
 * Where a crafted statement stands in the plain export when the exporter left some out: the next
 * plain statement with the same words, else the next of the same depth, length and first word
 * that differs in at most two words (the value's).
 */
function alignTo(s: Statement, ps: readonly Statement[], from: number): number {
  const same = (t: Statement) => t.depth === s.depth && t.words.join('\u0000') === s.words.join('\u0000');
  const like = (t: Statement) => t.depth === s.depth && t.words.length === s.words.length && t.words[0] === s.words[0] && t.words.filter((w, i) => w !== s.words[i]).length <= 2;
  for (let j = from; j < ps.length; j++) if (same(ps[j] as Statement)) return j;
  for (let j = from; j < ps.length; j++) if (like(ps[j] as Statement)) return j;
  return ps.length;
}

function statementsOf(f: ExportFile): Statement[] {
  return lexFile(f.name, f.content).statements;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipsec-studio-batfish-'));
  // Every field, every Batfish vendor: the plain export and a few generated values; only files
  // that differ from the plain one are worth a parse, and each distinct text is parsed once.
  const byContent = new Map<string, string>();
  // Named as the checker picks its grammar: `.<dialect>.txt`.
  const pathOf = (f: ExportFile, dialect: BatfishDialect) => {
    let p = byContent.get(f.content);
    if (!p) {
      p = join(dir, `${byContent.size + 1}.${dialect}.txt`);
      // The checker fails on a file of comments only (every tunnel refused): one known statement
      // after the file's own lines keeps it reading them (and shows no comment was read as one).
      const sentinel = statementsOf(f).length === 0 ? SENTINEL[dialect] : undefined;
      writeFileSync(p, sentinel ? `${f.content}${sentinel}\n` : f.content);
      byContent.set(f.content, p);
    }
    return p;
  };
  for (const vendor of BATFISH_VENDORS) {
    for (const field of FIELDS) {
      const plain = exportFor(designWith(vendor, field, field.plain)).files;
      for (const value of fc.sample(field.values, { numRuns: VALUES_PER_FIELD, seed: SEED })) {
        exportFor(designWith(vendor, field, value)).files.forEach((crafted, i) => {
          const p = plain[i];
          const dialect = EXPORT_GRAMMARS.of(crafted.name).file.batfish;
          if (!p || crafted.content === p.content || dialect === 'none') return;
          pairs.push({ vendor, field: field.id, value, crafted, plain: p, craftedPath: pathOf(crafted, dialect), plainPath: pathOf(p, dialect) });
        });
      }
    }
  }
  const files = [...byContent.values()];
  const run = runBatfish(files);
  setupError = run.error;
  verdicts = run.verdicts;
  for (const v of verdicts.values()) tally.lines += v.byLine.size;
  tally.files = files.length;
}, 600_000);

afterAll(() => {
  if (dir && !process.env['KEEP_BATFISH_FILES']) rmSync(dir, { recursive: true, force: true });
  console.log(`injection batfish: ${tally.files} files through Batfish, ${tally.pairs} crafted/plain file pairs, ${tally.lines} statement lines with a verdict`);
});

describe('Batfish reads no extra statement in an export holding a generated value', () => {
  it('the checker ran (Java 17 and the Batfish build are installed)', () => {
    expect(setupError, setupError).toBeUndefined();
    expect(verdicts.size).toBeGreaterThan(0);
  });

  it('every vendor of the exporter registry has Batfish or a structural check, never neither', () => {
    // A vendor without a grammar is in neither list: the grammar problems name it and what to add.
    expect(EXPORT_GRAMMARS.problems([LEXER_CHECKER])).toEqual([]);
    for (const v of EXPORT_GRAMMARS.vendors) expect(BATFISH_VENDORS.includes(v as ExportVendor) !== STRUCTURAL_ONLY.includes(v), v).toBe(true);
  });

  for (const v of STRUCTURAL_ONLY) {
    it(`${v}: no Batfish grammar exists; covered by the structural comparison only (structure.test.ts)`, () => {
      for (const f of EXPORT_GRAMMARS.grammarOf(v).files) expect(LEXER_CHECKER.kinds, `${f.suffix} files are lexed`).toContain(f.syntax.kind);
    });
  }

  for (const vendor of BATFISH_VENDORS) {
    it(`${vendor}: every statement line keeps its verdict`, () => {
      expect(setupError, setupError).toBeUndefined();
      const mine = pairs.filter((p) => p.vendor === vendor);
      expect(mine.length, 'some generated values change this vendor\'s files').toBeGreaterThan(0);
      const problems: string[] = [];
      for (const p of mine) {
        const c = verdicts.get(resolve(p.craftedPath));
        const q = verdicts.get(resolve(p.plainPath));
        if (!c || !q) {
          problems.push(`${p.field}: no verdict for ${p.craftedPath}`);
          continue;
        }
        tally.pairs++;
        // Statements in order; a statement the exporter refused to write is missing on the crafted side.
        const cs = statementsOf(p.crafted);
        const ps = statementsOf(p.plain);
        let j = 0;
        const refusedSome = cs.length < ps.length;
        for (const s of cs) {
          if (refusedSome) j = alignTo(s, ps, j);
          const t = ps[j++];
          if (!t) {
            problems.push(`${p.field} = ${JSON.stringify(p.value)}: line ${s.line} has no counterpart in the plain export`);
            break;
          }
          const cv = c.byLine.get(s.line)?.verdict;
          const pv = q.byLine.get(t.line)?.verdict;
          if (cv !== pv) problems.push(`${p.field} = ${JSON.stringify(p.value)}: line ${s.line} is ${cv}, the plain export's line ${t.line} is ${pv}\n  crafted: ${p.crafted.content.split('\n')[s.line - 1]}\n  plain:   ${p.plain.content.split('\n')[t.line - 1]}`);
        }
        // No statement line Batfish sees beyond those (a comment read as a statement, a string across lines).
        const own = p.crafted.content.split('\n').length - 1;
        if ([...c.byLine.keys()].filter((l) => l <= own).length > cs.length) problems.push(`${p.field} = ${JSON.stringify(p.value)}: Batfish sees ${c.byLine.size} statement lines, the product's reading ${cs.length}`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }
});
