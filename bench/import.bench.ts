// Import performance on the engine benchmark's topology (one PAN-OS hub, 2,000 spokes, 16 proxy
// IDs per tunnel): the hub's configuration as exported (set commands), imported back with its
// product recognised from the text, and the hub with every spoke's configuration. The reference,
// measured in the same run, is writing the same configuration (the exporter). Never asserted.
import { performance } from 'node:perf_hooks';
import { importChanges } from '../shared/export/changes';
import { exportDocument } from '../shared/export/export';
import { importConfigurations, type ConfigFile } from '../shared/import/import';
import { EXPORT_VENDORS } from '../shared/vendors/registry';
import { hubAndSpokes } from './engine.bench';
import type { BenchResult } from './run';

function median(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

export async function run(): Promise<BenchResult[]> {
  const doc = hubAndSpokes();
  const small = hubAndSpokes(20, 4);
  importConfigurations(exportDocument(small, { skipEngineCheck: true }).files.map((f) => ({ name: f.name, content: f.content }))); // warm up the JIT
  const exportHub = () => exportDocument(doc, { gateways: ['HUB'], skipEngineCheck: true });
  const hubFiles: ConfigFile[] = exportHub().files.map((f) => ({ name: f.name, content: f.content }));
  const hubMb = hubFiles.reduce((n, f) => n + f.content.length, 0) / 1048576;
  const reference = median(5, exportHub);
  const hub = median(5, () => importConfigurations(hubFiles));
  // A tunnel a spoke's product cannot express is not in its file (TUNNEL_NOT_WRITTEN): the hub's
  // end of it stays unpaired, as it would with the real boxes.
  let notWritten = 0;
  const allFiles: ConfigFile[] = doc.gateways.flatMap((g) => {
    const exported = exportDocument(doc, { gateways: [g.id], skipEngineCheck: true });
    if (g.name !== 'HUB') notWritten += exported.warnings.filter((w) => w.code === 'TUNNEL_NOT_WRITTEN').length;
    const [first, ...more] = exported.files;
    return first ? [{ name: first.name, label: g.name, content: first.content, more }] : [];
  });
  const allMb = allFiles.reduce((n, f) => n + f.content.length + (f.more ?? []).reduce((m, x) => m + x.content.length, 0), 0) / 1048576;
  const all = median(3, () => importConfigurations(allFiles));
  const result = importConfigurations(allFiles);
  const paired = result.ok ? result.peers.filter((p) => p.pairedWith).length : 0;
  // Changes since import for an imported hub of 200 spokes after one spoke's proxy ID changed:
  // both files exported, diffed, and the PAN-OS commands to paste written
  // (shared/vendors/panos/paste.ts); the reference is exporting that hub as drawn. The export of
  // an imported hub does not yet grow linearly (BENCHMARKS.md): 200 spokes, not 2,000.
  const hub200 = hubAndSpokes(200, 16);
  const exportHub200 = () => exportDocument(hub200, { gateways: ['HUB'], skipEngineCheck: true });
  const reference200 = median(3, exportHub200);
  const hubAlone = importConfigurations(exportHub200().files.map((f) => ({ name: f.name, content: f.content })));
  let changesMs = Number.NaN;
  let commands = 0;
  if (hubAlone.ok) {
    const d = hubAlone.document;
    const t = d.tunnels[0];
    const end = t ? (t.a.proxyIds.length > 0 ? t.a : t.b) : undefined;
    const first = end?.proxyIds[0];
    if (t && end && first) {
      const changed = { ...d, tunnels: [{ ...t, [end === t.a ? 'a' : 'b']: { ...end, proxyIds: [{ ...first, remotePort: '443', protocol: 'tcp' as const }, ...end.proxyIds.slice(1)] } }, ...d.tunnels.slice(1)] };
      const hubId = d.gateways[0]?.id as string;
      changesMs = median(3, () => importChanges(changed, { gateways: [hubId] }));
      const r = importChanges(changed, { gateways: [hubId] });
      commands = r.ok ? r.boxes.flatMap((b) => b.files).reduce((n, f) => n + (f.paste?.text.split('\n').filter(Boolean).length ?? 0), 0) : 0;
    }
  }
  // Each product as the hub, 250 and 500 spokes: its import against its own export (the
  // reference), and how the import grows when the hub doubles (2.0 is linear). A reader that
  // scans the whole box per tunnel shows here as a growth near 4.
  const perProduct: BenchResult[] = EXPORT_VENDORS.map((vendor) => {
    const times = [250, 500].map((n) => {
      const drawn = hubAndSpokes(n, 16);
      const doc = { ...drawn, gateways: drawn.gateways.map((g) => (g.name === 'HUB' ? { ...g, vendor } : g)) };
      const t0 = performance.now();
      const files = exportDocument(doc, { gateways: ['HUB'], skipEngineCheck: true }).files.map((f) => ({ name: f.name, content: f.content }));
      const exportMs = performance.now() - t0;
      importConfigurations(files);
      const importMs = median(3, () => importConfigurations(files));
      return { exportMs, importMs, mb: files.reduce((a, f) => a + f.content.length, 0) / 1048576 };
    });
    const [small, large] = times as [(typeof times)[0], (typeof times)[0]];
    return { name: `${vendor} hub of 500 spokes imported`, value: large.importMs, unit: 'ms', note: `${(large.importMs / large.exportMs).toFixed(1)}× its export; ${large.mb.toFixed(1)} MB; ${(large.importMs / small.importMs).toFixed(2)}× the 250-spoke hub's import` };
  });
  return [
    ...perProduct,
    { name: 'reference: exporting the hub (PAN-OS set commands)', value: reference, unit: 'ms', note: `${hubMb.toFixed(1)} MB` },
    { name: 'importing the hub alone (product recognised, 2,000 external peers)', value: hub, unit: 'ms', target: '10 MB in ≤ 1 s', note: `${(hub / reference).toFixed(1)}× the reference; ${(hubMb / (hub / 1000)).toFixed(1)} MB/s` },
    { name: 'reference: exporting a 200-spoke hub as drawn', value: reference200, unit: 'ms' },
    { name: 'changes since import for that hub imported, after one proxy ID changed (two exports, the diff, the commands to paste)', value: changesMs, unit: 'ms', note: `${(changesMs / reference200).toFixed(1)}× its reference; ${commands} command${commands === 1 ? '' : 's'}` },
    { name: `importing all ${allFiles.length} boxes (products recognised, tunnels paired)`, value: all, unit: 'ms', note: `${allMb.toFixed(1)} MB; ${paired} of ${result.ok ? result.peers.length : 0} tunnels paired (${notWritten} spoke tunnels their product cannot express are not in the files); ${(allMb / (all / 1000)).toFixed(1)} MB/s` },
  ];
}
