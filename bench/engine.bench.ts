// Engine performance on one hub with 2,000 spokes, 16 selector pairs each (32,000 selector
// negotiations): full recompute (cold: fresh objects, nothing cached), recompute after one edit
// through the report cache, resident memory, throughput. Targets from issue 3; never asserted.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Editor } from '../shared/commands/editor';
import { computeReport, createReportCache } from '../shared/engine/negotiate';
import type { Gateway, ProxyId, TopologyDocument, Tunnel, Vendor } from '../shared/model/document';
import { documentOf, newGateway, newTunnel } from '../shared/model/factory';
import type { BenchResult } from './run';

const SPOKES = 2000;
const PAIRS = 16;
const SPOKE_VENDORS: Vendor[] = ['panos', 'strongswan', 'cisco-asa', 'fortigate', 'junos-srx'];

function pid(local: string, remote: string): ProxyId {
  return { name: '', local, remote, protocol: 'any', localPort: 'any', remotePort: 'any' };
}

export function hubAndSpokes(spokes = SPOKES, pairs = PAIRS): TopologyDocument {
  const hub: Gateway = { ...newGateway({ id: 'hub', name: 'HUB', vendor: 'panos', position: { x: 0, y: 0 }, outsideAddress: '203.0.113.1/24' }), model: 'PA-5260' };
  const gateways: Gateway[] = [hub];
  const tunnels: Tunnel[] = [];
  for (let i = 0; i < spokes; i++) {
    const vendor = SPOKE_VENDORS[i % SPOKE_VENDORS.length] as Vendor;
    const spoke = newGateway({ id: `s${i}`, name: `SPOKE-${i}`, vendor, position: { x: i, y: 100 }, outsideAddress: `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32` });
    gateways.push(spoke);
    const t = newTunnel({ id: `t${i}`, name: `hub-s${i}`, a: hub, b: spoke, ikeVersion: i % 2 === 0 ? 2 : 1 });
    const hubIds: ProxyId[] = [];
    const spokeIds: ProxyId[] = [];
    for (let j = 0; j < pairs; j++) {
      const hubNet = `10.0.${j}.0/24`;
      const spokeNet = `10.${1 + (i >> 8)}.${i & 255}.${j * 16}/28`;
      hubIds.push(pid(hubNet, spokeNet));
      spokeIds.push(pid(spokeNet, hubNet));
    }
    t.a = { ...t.a, auth: { method: 'psk', psk: 'k' }, proxyIds: hubIds, tunnelInterface: '' };
    t.b = { ...t.b, auth: { method: 'psk', psk: 'k' }, proxyIds: spokeIds, tunnelInterface: '' };
    tunnels.push(t);
  }
  return documentOf({ name: 'bench', gateways, tunnels });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

export async function run(): Promise<BenchResult[]> {
  // Memory first, in a clean heap: the document plus its full report, held.
  collectGarbage();
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const held = hubAndSpokes();
  collectGarbage();
  const heapDoc = process.memoryUsage().heapUsed;
  // The full report lives only in this object, dropped before the summary is measured.
  const holder: { report?: ReturnType<typeof computeReport> } = { report: computeReport(held) };
  collectGarbage();
  const rssHeld = process.memoryUsage().rss;
  const heapFull = process.memoryUsage().heapUsed;
  const tunnelsHeld = holder.report?.tunnels.length ?? 0;
  delete holder.report;
  collectGarbage();
  const summaryReport = computeReport(held, { detail: 'summary' });
  collectGarbage();
  const heapSummary = process.memoryUsage().heapUsed;
  void summaryReport;
  const load = os.loadavg()[0] ?? 0;

  const base = hubAndSpokes();
  // The very first compute in this process: nothing parsed yet.
  const f0 = performance.now();
  const check = computeReport(base);
  const firstMs = performance.now() - f0;
  // Correctness of what is measured: every selector negotiates.
  const negotiations = check.tunnels.reduce((n, t) => n + t.phase2.length, 0);
  const up = check.summary.phase2Up;

  // Cold full recomputes: a fresh copy each time, so no per-object cache helps. Wall time, and
  // CPU time of the process (all its threads, GC included), which the other jobs sharing the
  // machine disturb less.
  const cold: number[] = [];
  const coldCpu: number[] = [];
  for (let i = 0; i < 7; i++) {
    const doc = structuredClone(base);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    computeReport(doc);
    cold.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    coldCpu.push((c.user + c.system) / 1000);
  }
  // Summary detail (every negotiation and diagnostic, no timeline or log lines), cold objects.
  const summaryCold: number[] = [];
  const summaryCpu: number[] = [];
  for (let i = 0; i < 7; i++) {
    const doc = structuredClone(base);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    computeReport(doc, { detail: 'summary' });
    summaryCold.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    summaryCpu.push((c.user + c.system) / 1000);
  }
  // Warm: same objects, a new report cache (parsed selectors per end are reused).
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    createReportCache().compute(base);
    warm.push(performance.now() - t0);
  }

  // One edit through the editor, then the cache recomputes only that tunnel.
  const editor = new Editor(structuredClone(base));
  const cache = createReportCache();
  cache.compute(editor.document);
  const incremental: number[] = [];
  let recomputed = 0;
  for (let i = 0; i < 21; i++) {
    editor.dispatch({ type: 'proxyId.update', tunnelId: `t${(i * 97) % SPOKES}` as Tunnel['id'], end: 'b', index: 0, changes: { name: `edit-${i}` } });
    const t0 = performance.now();
    cache.compute(editor.document);
    incremental.push(performance.now() - t0);
    recomputed = cache.lastRecomputed;
  }

  const coldMs = median(cold);
  const loadNote = `load average ${load.toFixed(1)} on ${os.cpus().length} cores when measured`;
  return [
    { name: 'selector negotiations per full recompute', value: negotiations, unit: 'pairs', note: `${up} up; ${loadNote}` },
    { name: 'first compute in a fresh process (full detail)', value: firstMs, unit: 'ms' },
    { name: 'full recompute, cold objects, full detail (median of 7)', value: coldMs, unit: 'ms', target: '<= 50 ms' },
    { name: '  same, CPU time of the process', value: median(coldCpu), unit: 'ms' },
    { name: 'full recompute, cold objects, summary detail (median of 7)', value: median(summaryCold), unit: 'ms', target: '<= 50 ms' },
    { name: '  same, CPU time of the process', value: median(summaryCpu), unit: 'ms' },
    { name: 'full recompute, warm parse cache (median of 7)', value: median(warm), unit: 'ms' },
    { name: 'recompute after one edit via createReportCache (median of 21)', value: median(incremental), unit: 'ms', target: '<= 1 ms', note: `${recomputed} tunnel recomputed` },
    { name: 'throughput, full detail (cold objects)', value: Math.round(negotiations / (coldMs / 1000)), unit: 'negotiations/s' },
    { name: 'throughput, summary detail (cold objects)', value: Math.round(negotiations / (median(summaryCold) / 1000)), unit: 'negotiations/s' },
    { name: 'resident memory: process with the document and its full report held', value: mb(rssHeld), unit: 'MB', target: '<= 200 MB', note: `empty process ${mb(rssBefore)} MB (Node + tsx); ${tunnelsHeld} tunnels` },
    { name: 'JS heap: document / + full report / + summary report (instead)', value: mb(heapFull - heapBefore), unit: 'MB', note: `document ${mb(heapDoc - heapBefore)} MB, with full report ${mb(heapFull - heapBefore)} MB, with summary report ${mb(heapSummary - heapBefore)} MB` },
  ];
}
