// `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`)
// and prints one table. Numbers go into BENCHMARKS.md by hand, with the machine they came from.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target from the issue, for the report (never asserted). */
  target?: string;
  note?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
console.log(`# IPsec Studio benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}`);
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run: () => Promise<BenchResult[]> };
    for (const r of await mod.run()) {
      console.log(`- ${r.name}: ${Number.isInteger(r.value) ? r.value : r.value.toFixed(3)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.note ? ` — ${r.note}` : ''}`);
    }
  } catch (e) {
    // One broken benchmark must not hide the others' numbers.
    failed++;
    console.log(`- FAILED: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exitCode = failed ? 1 : 0;
