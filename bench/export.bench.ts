// Export performance on the engine benchmark's topology (one PAN-OS hub, 2,000 spokes of five
// vendors, 16 proxy IDs per tunnel): the hub alone (2,000 tunnels, 32,000 proxy IDs), every
// gateway without the engine check, and every gateway with it. Never asserted.
import { performance } from 'node:perf_hooks';
import { exportDocument } from '../shared/export/export';
import { hubAndSpokes } from './engine.bench';
import type { BenchResult } from './run';

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

export async function run(): Promise<BenchResult[]> {
  const doc = hubAndSpokes();
  exportDocument(hubAndSpokes(20, 4), { skipEngineCheck: true }); // warm up the JIT
  const hub = time(() => exportDocument(doc, { gateways: ['HUB'], skipEngineCheck: true }));
  const hubBytes = hub.value.files.reduce((n, f) => n + f.content.length, 0);
  const all = time(() => exportDocument(doc, { skipEngineCheck: true }));
  const allBytes = all.value.files.reduce((n, f) => n + f.content.length, 0);
  const checked = time(() => exportDocument(doc));
  return [
    { name: 'hub only (PAN-OS, 2,000 tunnels, 32,000 proxy IDs)', value: hub.ms, unit: 'ms', note: `${(hubBytes / 1048576).toFixed(1)} MB of set commands` },
    { name: 'all 2,001 gateways, no engine check', value: all.ms, unit: 'ms', note: `${all.value.files.length} files, ${(allBytes / 1048576).toFixed(1)} MB, ${all.value.warnings.length} warnings` },
    { name: 'all 2,001 gateways with the engine check (computeReport)', value: checked.ms, unit: 'ms' },
  ];
}
