// Engine performance on one hub with 2,000 spokes, 16 selector pairs each (32,000 selector
// negotiations): full recompute (cold: fresh objects, nothing cached), recompute after one edit
// through the report cache, resident memory, throughput. Targets from issue 3; never asserted.
//
// A full-detail report from computeReport/createReportCache builds each tunnel's timeline and log
// lines when they are first read (docs/negotiation-report.md, Performance), so "full recompute"
// is every negotiation, diagnostic and rule; the lines below also time reading every timeline and
// log of the report, which is what the eager engine used to do inside the recompute.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Editor } from '../shared/commands/editor';
import { computeReport, createReportCache } from '../shared/engine/report-cache';
import { intersect, makeSelector, type Selector } from '../shared/net/selector';
import type { Gateway, ProxyId, TopologyDocument, Tunnel, Vendor } from '../shared/model/document';
import { documentOf, newGateway, newTunnel } from '../shared/document/factory';
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

/**
 * The physical floor of a full recompute: the same selector pairs, parsed once beforehand, through
 * the bare intersection alone (each pair: the initiator's local with the responder's remote, and
 * the other way round), with nothing else the engine does. Three runs to let the JIT settle, then
 * the median of 21 (a run is about a millisecond, so one preemption on a busy machine would
 * otherwise move the floor, and the ratio, by several times).
 */
function intersectionFloor(doc: TopologyDocument): { ms: number; pairs: number } {
  const parse = (text: string): Selector => {
    const r = makeSelector(text);
    if (!r.ok) throw new Error(`bench selector ${text}: ${r.message}`);
    return r.value;
  };
  const pairs: Selector[][] = [];
  for (const t of doc.tunnels) {
    t.a.proxyIds.forEach((p, j) => {
      const q = t.b.proxyIds[j];
      if (q) pairs.push([parse(p.local), parse(p.remote), parse(q.local), parse(q.remote)]);
    });
  }
  const runs: number[] = [];
  let kept = 0;
  for (let r = 0; r < 24; r++) {
    const t0 = performance.now();
    for (let i = 0; i < pairs.length; i++) {
      const [al, ar, bl, br] = pairs[i] as [Selector, Selector, Selector, Selector];
      if (intersect(al, br) && intersect(ar, bl)) kept++;
    }
    if (r >= 3) runs.push(performance.now() - t0);
  }
  if (kept !== pairs.length * 24) throw new Error('bench floor: every pair must intersect');
  return { ms: median(runs), pairs: pairs.length };
}

export async function run(): Promise<BenchResult[]> {
  // Memory first, in a clean heap: the document plus its full report, held.
  collectGarbage();
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  // (Held through `holder` only, so that nothing measured here stays alive during the timings.)
  const holder: { doc?: TopologyDocument; report?: ReturnType<typeof computeReport>; summary?: ReturnType<typeof computeReport> } = { doc: hubAndSpokes() };
  collectGarbage();
  const heapDoc = process.memoryUsage().heapUsed;
  // The full report lives only in this object, dropped before the summary is measured.
  holder.report = computeReport(holder.doc as TopologyDocument);
  collectGarbage();
  const rssHeld = process.memoryUsage().rss;
  const heapFull = process.memoryUsage().heapUsed;
  const tunnelsHeld = holder.report?.tunnels.length ?? 0;
  // The same report once every timeline and log has been read (as a full export or a
  // postMessage of the whole report does).
  let lines = 0;
  for (const t of holder.report?.tunnels ?? []) lines += t.timeline.length + t.logs.a.lines.length + t.logs.b.lines.length;
  collectGarbage();
  const rssRead = process.memoryUsage().rss;
  const heapRead = process.memoryUsage().heapUsed;
  delete holder.report;
  collectGarbage();
  holder.summary = computeReport(holder.doc as TopologyDocument, { detail: 'summary' });
  collectGarbage();
  const heapSummary = process.memoryUsage().heapUsed;
  delete holder.summary;
  delete holder.doc;
  const load = os.loadavg()[0] ?? 0;

  const base = hubAndSpokes();
  // The first compute on this document's objects (the memory step above computed the same texts,
  // so the selector memo already holds them; what is new is every object and the JIT's state).
  const f0 = performance.now();
  let check: ReturnType<typeof computeReport> | undefined = computeReport(base);
  const firstMs = performance.now() - f0;
  // Correctness of what is measured: every selector negotiates.
  const negotiations = check.tunnels.reduce((n, t) => n + t.phase2.length, 0);
  const up = check.summary.phase2Up;
  check = undefined;
  void check;

  // Cold full recomputes: each on its own copy of the document, so no per-object cache helps.
  // The copies are made before the timing, as a document the application holds was loaded
  // earlier: copying 13 MB right before a compute makes the collector move the copy during the
  // compute, which is measured separately below. Wall time, and CPU time of the process (all
  // its threads, GC included), which the other jobs sharing the machine disturb less.
  const timed = (detail: 'full' | 'summary', copyJustBefore: boolean) => {
    const docs = copyJustBefore ? [] : Array.from({ length: 7 }, () => structuredClone(base));
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      const doc = docs[i] ?? structuredClone(base);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      computeReport(doc, { detail });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu) };
  };
  const floor = intersectionFloor(base);
  const full = timed('full', false);
  const summary = timed('summary', false);
  const fullJustCopied = timed('full', true);
  // Full recompute, then every tunnel's timeline and logs read (what the eager engine did).
  const readAll: number[] = [];
  for (let i = 0; i < 7; i++) {
    const doc = structuredClone(base);
    const t0 = performance.now();
    const r = computeReport(doc);
    for (const t of r.tunnels) void (t.timeline.length + t.logs.a.lines.length);
    readAll.push(performance.now() - t0);
  }
  // Warm: the same document objects again with a new report cache. The engine keeps nothing per
  // object any more (only the selector-text memo); what differs from cold is what the JavaScript
  // engine keeps (string hashes computed, objects already in the old generation).
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    createReportCache().compute(base);
    warm.push(performance.now() - t0);
  }

  // One edit through the editor, then the cache recomputes only that tunnel. The copies made
  // above are garbage by now: collected first, so their collection is not timed as an edit.
  collectGarbage();
  const editor = new Editor(structuredClone(base));
  const cache = createReportCache();
  cache.compute(editor.document);
  const incremental: number[] = [];
  const firstEdits: number[] = [];
  let recomputed = 0;
  // The first 21 edits (each edit's code paths run for the first time here) and then 201 more,
  // as a person editing for a while sees them.
  for (let i = 0; i < 222; i++) {
    editor.dispatch({ type: 'proxyId.update', tunnelId: `t${(i * 97) % SPOKES}` as Tunnel['id'], end: 'b', index: 0, changes: { name: `edit-${i}` } });
    const t0 = performance.now();
    cache.compute(editor.document);
    (i < 21 ? firstEdits : incremental).push(performance.now() - t0);
    recomputed = cache.lastRecomputed;
  }

  const loadNote = `load average ${load.toFixed(1)} on ${os.cpus().length} cores when measured`;
  return [
    { name: 'selector negotiations per full recompute', value: negotiations, unit: 'pairs', note: `${up} up; ${loadNote}` },
    { name: 'first compute after the memory step (full detail)', value: firstMs, unit: 'ms' },
    { name: 'floor: the same selector pairs, parsed once, through the bare intersection alone (median of 21)', value: floor.ms, unit: 'ms', note: `${floor.pairs} pairs, two intersections each` },
    { name: 'full recompute, cold objects, full detail (median of 7)', value: full.wall, unit: 'ms', target: '<= 50 ms', note: 'timeline and logs built when read' },
    { name: '  same, CPU time of the process', value: full.cpu, unit: 'ms' },
    { name: 'full recompute, cold objects, summary detail (median of 7)', value: summary.wall, unit: 'ms', target: '<= 50 ms' },
    { name: '  same, as a ratio to the floor measured in this run', value: summary.wall / floor.ms, unit: '×', target: '<= 10×' },
    { name: '  same, CPU time of the process', value: summary.cpu, unit: 'ms' },
    { name: 'full recompute, document copied just before (median of 7)', value: fullJustCopied.wall, unit: 'ms', note: `CPU ${fullJustCopied.cpu.toFixed(0)} ms; includes the collector moving the fresh 13 MB copy` },
    { name: 'full recompute and every timeline and log read (median of 7)', value: median(readAll), unit: 'ms', note: `${lines} timeline entries and log lines; document copied just before` },
    { name: 'full recompute, warm parse cache (median of 7)', value: median(warm), unit: 'ms' },
    { name: 'recompute after one edit via createReportCache (median of 201, after 21 first edits)', value: median(incremental), unit: 'ms', target: '<= 0.5 ms', note: `${recomputed} tunnel recomputed; the first 21 edits: median ${median(firstEdits).toFixed(3)} ms` },
    { name: 'throughput, full detail (cold objects)', value: Math.round(negotiations / (full.wall / 1000)), unit: 'negotiations/s' },
    { name: 'throughput, summary detail (cold objects)', value: Math.round(negotiations / (summary.wall / 1000)), unit: 'negotiations/s' },
    { name: 'resident memory: process with the document and its full report held', value: mb(rssHeld), unit: 'MB', target: '<= 200 MB', note: `empty process ${mb(rssBefore)} MB (Node + tsx); ${tunnelsHeld} tunnels; ${mb(rssRead)} MB once every timeline and log is read` },
    { name: 'JS heap: document / + full report / + summary report (instead)', value: mb(heapFull - heapBefore), unit: 'MB', note: `document ${mb(heapDoc - heapBefore)} MB, with full report ${mb(heapFull - heapBefore)} MB (${mb(heapRead - heapBefore)} MB with every timeline and log read), with summary report ${mb(heapSummary - heapBefore)} MB` },
  ];
}
