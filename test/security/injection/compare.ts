// Compares the export of a design holding a generated value with the export of the same design
// holding a plain value: the same files, the same statements in the same order and blocks, each
// with the same words except where the value (or a name made from it) stands. A value the vendor
// cannot take is refused instead: then the crafted export has a VALUE_UNSUPPORTED warning and
// only statements the plain export has, in its order, and the value is nowhere in it.
import { exportDocument } from '../../../shared/export/export';
import type { ExportResult } from '../../../shared/vendors/kit/export/types';
import type { TopologyDocument } from '../../../shared/model/document';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { lex, type Lexed, type Statement } from './lexers';

/** The vendor whose grammar declares the file's suffix (it throws, saying what to add, for a file no grammar declares). */
export function vendorOfFile(name: string): string {
  return EXPORT_GRAMMARS.of(name).vendor;
}

/** An exported file's statements, read by its vendor's grammar. */
export function lexFile(name: string, content: string): Lexed {
  return lex(EXPORT_GRAMMARS.of(name).file, content);
}

export function exportFor(doc: TopologyDocument): ExportResult {
  return exportDocument(doc, { skipEngineCheck: true, includeSecrets: true });
}

/** The statement with the words that differ from `other` masked, for the skeleton comparison. */
const skeleton = (s: Statement, masked: ReadonlySet<number>) => `${s.depth}|${s.words.map((w, i) => (masked.has(i) ? '<value>' : w)).join(' ')}`;

export interface Comparison {
  /** Problems found; empty when the crafted export keeps the plain one's structure (or refuses cleanly). */
  problems: string[];
  refused: boolean;
  /** Statements compared (crafted side). */
  statements: number;
}

/**
 * `exact`: the value is written verbatim (a key, an identity): unless refused, some word of the
 * crafted export must read back as exactly the value, or as the value behind a product's type
 * prefix (fqdn:, email:, keyid:, @, @#).
 */
export function compareExports(crafted: ExportResult, plain: ExportResult, value: string, plainValue: string, exact: boolean): Comparison {
  const problems: string[] = [];
  const refusedWarnings = crafted.warnings.filter((w) => w.code === 'VALUE_UNSUPPORTED');
  const refused = refusedWarnings.length > plain.warnings.filter((w) => w.code === 'VALUE_UNSUPPORTED').length;
  let statements = 0;
  if (crafted.files.length !== plain.files.length) problems.push(`${crafted.files.length} files instead of ${plain.files.length}`);
  const readBack: string[] = [];
  crafted.files.forEach((cf, fi) => {
    const pf = plain.files[fi];
    if (!pf) return;
    const vendor = vendorOfFile(cf.name);
    if (vendorOfFile(pf.name) !== vendor) problems.push(`file ${fi + 1} is ${cf.name}, not a ${vendorOfFile(pf.name)} file`);
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$/.test(cf.name) || /[. ]$/.test(cf.name)) problems.push(`file name ${JSON.stringify(cf.name)} is not a safe file name`);
    const c = lexFile(cf.name, cf.content);
    const p = lexFile(pf.name, pf.content);
    for (const e of c.errors) problems.push(`${cf.name}:${e.line}: ${e.why}: ${e.text}`);
    statements += c.statements.length;
    for (const s of c.statements) readBack.push(...s.words);
    if (refused) {
      // Only statements of the plain export, in its order (the refused ones left out).
      let j = 0;
      for (const s of c.statements) {
        while (j < p.statements.length && !sameShape(s, p.statements[j] as Statement)) j++;
        if (j === p.statements.length) {
          problems.push(`${cf.name}:${s.line}: a statement the plain export does not have: ${s.words.join(' ')}`);
          break;
        }
        j++;
      }
      return;
    }
    if (c.statements.length !== p.statements.length) problems.push(`${cf.name}: ${c.statements.length} statements instead of ${p.statements.length}`);
    c.statements.forEach((s, i) => {
      const q = p.statements[i];
      if (!q) return;
      if (!sameShape(s, q)) problems.push(`${cf.name}:${s.line}: statement differs from the plain export's\n  crafted: ${skeleton(s, new Set())}\n  plain:   ${skeleton(q, new Set())}`);
    });
  });
  if (refused) {
    for (const w of refusedWarnings) if (value.length >= 4 && w.message.includes(value)) problems.push(`a refusal warning holds the value: ${w.message}`);
    if (value.length >= 4 && readBack.some((w) => w.includes(value))) problems.push('the export was refused but the value is still written');
  } else if (exact && !readBack.some((w) => [value, `fqdn:${value}`, `email:${value}`, `keyid:${value}`, `@${value}`, `@#${value}`].includes(w))) {
    // Some vendors do not write this kind of value at all (ASA identities, Junos/IOS DNs): then the plain one is not there either.
    if (readBack.length > 0 && plainReadBack(plain).some((w) => [plainValue, `fqdn:${plainValue}`, `email:${plainValue}`, `keyid:${plainValue}`, `@${plainValue}`, `@#${plainValue}`].includes(w))) {
      problems.push('the value is not written as it is (no word of the export reads back as the value)');
    }
  }
  return { problems, refused, statements };
}

function plainReadBack(plain: ExportResult): string[] {
  return plain.files.flatMap((f) => lexFile(f.name, f.content).statements.flatMap((s) => s.words));
}

/** Same depth, same number of words, the same first word (the statement head). */
function sameShape(a: Statement, b: Statement): boolean {
  return a.depth === b.depth && a.words.length === b.words.length && a.words[0] === b.words[0];
}
