// What to paste on a box, for every product with an exporter: the paste writer's commands (or
// file), applied to the box's configuration as the product applies them (the writer's `apply`,
// its CLI as a model), give a configuration that the product's reader reads as the same as the
// configuration wanted. Checked both ways (before → after and back) on every template with each
// engine fix and on random pairs of designs (test/support/paste-pairs.ts).
import { describe, expect, it } from 'vitest';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import type { VendorPaste } from '../../../shared/vendors/kit/paste';
import type { VendorReader } from '../../../shared/vendors/kit/reader';
import { EXPORT_VENDORS, vendorModule, type ExportVendorId } from '../../../shared/vendors/registry';
import { fixPairs, randomPairs, type ConfigPair } from '../../support/paste-pairs';

const RUNS = Number(process.env['PASTE_PAIRS'] ?? 60);

type File = { name: string; content: string };

/** The problems of going from `from` to `to` by pasting, each saying where. */
/**
 * A box's static routes are a table looked up by the longest prefix, not a list: pasted routes
 * may come after the box's others, and that is the same configuration.
 */
function routesAsSets<T>(meaning: T): T {
  const sorted = <R>(rs: readonly R[]) => [...rs].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  const m = meaning as { device?: { routes?: unknown[] }; peers?: { routes?: unknown[] }[] };
  return {
    ...m,
    ...(m.device ? { device: { ...m.device, ...(m.device.routes ? { routes: sorted(m.device.routes) } : {}) } } : {}),
    ...(m.peers ? { peers: m.peers.map((p) => ({ ...p, ...(p.routes ? { routes: sorted(p.routes) } : {}) })) } : {}),
  } as T;
}

function pasteProblems(paste: VendorPaste, reader: VendorReader, from: readonly File[], to: readonly File[], where: string): string[] {
  const problems: string[] = [];
  const applied: File[] = [];
  for (const t of to) {
    const f = from.find((x) => x.name === t.name) ?? { name: t.name, content: '' };
    const script = paste.commands(f.content, t.content, t.name);
    if (f.content === t.content) {
      if (script.text !== '') problems.push(`${where}, ${t.name}: unchanged, yet the script is not empty:\n${script.text}`);
      applied.push(f);
      continue;
    }
    // Nothing to paste for a file whose change is only comments or an order the product does not
    // keep (static routes): then the box as it is must read as the configuration wanted.
    if (script.text === '') {
      applied.push(f);
      continue;
    }
    const r = paste.apply(f.content, script);
    if (!r.ok) {
      problems.push(`${where}, ${t.name}: the script does not apply, line ${r.line}: ${r.message}\n${script.text}`);
      continue;
    }
    applied.push({ name: t.name, content: r.config });
  }
  if (problems.length > 0) return problems;
  const want = reader.read(to);
  const got = reader.read(applied);
  if (!want.ok) return [`${where}: the reader refused the wanted configuration: ${want.message}`];
  if (!got.ok) return [`${where}: the reader refused the configuration with the script applied: ${got.message}`];
  try {
    expect(routesAsSets(got.meaning)).toEqual(routesAsSets(want.meaning));
  } catch (e) {
    problems.push(`${where}: pasting does not give the configuration wanted: ${(e as Error).message.slice(0, 1500)}`);
  }
  return problems;
}

describe('what to paste on a box gives the configuration wanted', () => {
  it('every product with an exporter has a paste writer', () => {
    const missing = EXPORT_VENDORS.filter((v) => !(vendorModule(v) as VendorModule).paste).map((v) => `${v}: add shared/vendors/${v}/paste.ts (a VendorPaste, shared/vendors/kit/paste.ts) and put it in the module`);
    expect(missing).toEqual([]);
  });

  for (const vendor of EXPORT_VENDORS as readonly ExportVendorId[]) {
    const m = vendorModule(vendor) as VendorModule;
    it.skipIf(!m.paste)(`${vendor}: every template with each engine fix, and ${RUNS} random pairs, both ways`, () => {
      const paste = m.paste as VendorPaste;
      const reader = m.reader as VendorReader;
      const pairs: ConfigPair[] = [...fixPairs(vendor), ...randomPairs(vendor, RUNS)];
      const problems: string[] = [];
      for (const p of pairs) {
        problems.push(...pasteProblems(paste, reader, p.before, p.after, `${p.origin}, ${p.gateway}`));
        problems.push(...pasteProblems(paste, reader, p.after, p.before, `${p.origin} undone, ${p.gateway}`));
      }
      console.log(`paste ${vendor}: ${pairs.length} pairs, both ways`);
      expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
    });
  }
});
