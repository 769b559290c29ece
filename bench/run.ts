// `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`)
// and prints one table. Numbers go into BENCHMARKS.md by hand, with the machine they came from.
import { spawnSync } from 'node:child_process';
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
const child = process.env.IPSEC_BENCH_CHILD === '1';
if (!child) console.log(`# IPsec Studio benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}`);
let failed = 0;
if (files.length > 1) {
  // Each benchmark in a fresh process of its own: memory figures (resident size of the process)
  // would otherwise include what the benchmarks before it left behind (a Vite build, a browser).
  for (const f of files) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), f], { stdio: 'inherit', env: { ...process.env, IPSEC_BENCH_CHILD: '1' } });
    if (r.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}
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
