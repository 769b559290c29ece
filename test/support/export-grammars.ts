// The grammars of the vendors the app exports for (shared/vendors/<vendor>/grammar.ts), as the
// export and injection tests use them: which vendor and which file grammar an exported file
// belongs to, by the end of its name, and what is missing when a vendor with an exporter has no
// grammar, or one whose kind a checker does not handle. Built from the registry, or from any list
// of modules, so that a test can add one that lacks a grammar and see the failure it causes.
import type { FileGrammar, VendorGrammar } from '../../shared/vendors/kit/grammar';
import type { VendorModule } from '../../shared/vendors/kit/vendor-module';
import { VENDOR_MODULES } from '../../shared/vendors/registry';

/** A checker that reads files by their grammar's kind: where it lives and the kinds it handles. */
export interface GrammarChecker {
  where: string;
  kinds: ReadonlySet<string>;
}

export interface ExportFileGrammar {
  vendor: string;
  file: FileGrammar;
}

const WHAT_A_GRAMMAR_HOLDS = 'a VendorGrammar (shared/vendors/kit/grammar.ts): the suffix and comment marker of each file it writes, its Batfish dialect or none, its statements, names and where it writes selectors';

export class ExportGrammars {
  private readonly files: readonly ExportFileGrammar[];

  constructor(readonly modules: readonly VendorModule[]) {
    this.files = modules.flatMap((m) => (m.exporter && m.grammar ? m.grammar.files.map((file) => ({ vendor: m.id, file })) : []));
  }

  /** The vendors with an exporter, in the registry's order. */
  get vendors(): string[] {
    return this.modules.filter((m) => m.exporter !== undefined).map((m) => m.id);
  }

  /** What is missing for the checkers to cover every vendor with an exporter, each message saying what to add. */
  problems(checkers: readonly GrammarChecker[]): string[] {
    const out: string[] = [];
    for (const m of this.modules) {
      if (!m.exporter) continue;
      const g = m.grammar;
      if (!g) {
        out.push(`${m.id} has an exporter but no grammar, so no test can check what it writes: add shared/vendors/${m.id}/grammar.ts, ${WHAT_A_GRAMMAR_HOLDS}, and set \`grammar\` in its module (shared/vendors/${m.id}/vendor.ts)`);
        continue;
      }
      if (g.files.length === 0) out.push(`${m.id}: its grammar lists no file: add the FileGrammar of each file its exporter writes`);
      for (const f of g.files) {
        for (const c of checkers) {
          if (!c.kinds.has(f.syntax.kind)) out.push(`${m.id}: no checker in ${c.where} handles the grammar kind "${f.syntax.kind}" of its ${f.suffix} files: add one there (it handles ${[...c.kinds].join(', ')})`);
        }
      }
      if (g.files.length > 0 && !g.files.some((f) => f.selectors)) out.push(`${m.id}: no file of its grammar says where traffic selectors are written: add \`selectors\` to the FileGrammar of its configuration file`);
    }
    for (const a of this.files) {
      for (const b of this.files) {
        if (a !== b && a.file.suffix.endsWith(b.file.suffix)) out.push(`${a.vendor} files end in ${a.file.suffix}, which also ends in ${b.file.suffix} (${b.vendor}): make the suffixes distinct`);
      }
    }
    return out;
  }

  /** The grammar of a vendor with an exporter; throws, saying what to add, when it has none. */
  grammarOf(vendor: string): VendorGrammar {
    const m = this.modules.find((x) => x.id === vendor);
    if (!m?.exporter) throw new Error(`${vendor} is not a vendor with an exporter`);
    if (!m.grammar) throw new Error(`${vendor} has an exporter but no grammar: add shared/vendors/${vendor}/grammar.ts, ${WHAT_A_GRAMMAR_HOLDS}`);
    return m.grammar;
  }

  /** The vendor and file grammar of an exported file, by the end of its name; throws, saying what to add, when no grammar claims it. */
  of(fileName: string): ExportFileGrammar {
    const hit = this.files.find((f) => fileName.endsWith(f.file.suffix));
    if (hit) return hit;
    const missing = this.modules.filter((m) => m.exporter && !m.grammar).map((m) => m.id);
    throw new Error(
      `${fileName}: no vendor's grammar declares files ending like this. ${missing.length > 0 ? `Vendors with an exporter and no grammar: ${missing.join(', ')}; add shared/vendors/<vendor>/grammar.ts, ${WHAT_A_GRAMMAR_HOLDS}.` : 'Add the suffix to the grammar of the vendor whose exporter writes it.'}`,
    );
  }
}

export const EXPORT_GRAMMARS = new ExportGrammars(VENDOR_MODULES);
