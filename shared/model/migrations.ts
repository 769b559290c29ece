// Migrations between file format versions. Each step takes the plain JSON of version N and
// returns version N+1; they run before validation, so a migration never sees a typed document.
// Every earlier version has a fixture in test/fixtures/formats/ that must keep loading.
import { FORMAT_VERSION } from './document';

type Json = Record<string, unknown>;
type Step = (doc: Json) => Json;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Maps a list; anything else is passed through untouched so validation reports it where it is. */
const mapList = (v: unknown, f: (item: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(f) : v);

/**
 * Format 1 (the first file format) kept canvas coordinates as `x`/`y` on gateways and networks,
 * and a tunnel end's selectors as `selectors: [{ local, remote }]` with no protocol or ports.
 * Format 2 has `position: { x, y }` and `proxyIds` with protocol and ports.
 */
const v1ToV2: Step = (doc) => {
  const moveXY = (item: unknown): unknown => {
    if (!isObject(item)) return item;
    const { x, y, ...rest } = item;
    return 'position' in rest ? rest : { ...rest, position: { x: typeof x === 'number' ? x : 0, y: typeof y === 'number' ? y : 0 } };
  };
  const end = (e: unknown): unknown => {
    if (!isObject(e)) return e;
    const { selectors, ...rest } = e;
    if (selectors === undefined) return rest;
    return {
      ...rest,
      proxyIds: Array.isArray(selectors)
        ? selectors.map((s: unknown, i) => (isObject(s) ? { name: typeof s.name === 'string' ? s.name : `proxy-id-${i + 1}`, local: s.local, remote: s.remote } : s))
        : selectors,
    };
  };
  return {
    ...doc,
    formatVersion: 2,
    gateways: mapList(doc.gateways, moveXY),
    networks: mapList(doc.networks, moveXY),
    tunnels: mapList(doc.tunnels, (t) => (isObject(t) ? { ...t, a: end(t.a), b: end(t.b) } : t)),
  };
};

/** steps[n] migrates version n to n+1. */
const steps: Record<number, Step> = { 1: v1ToV2 };

export function migrateToCurrent(doc: Json, from: number): { ok: true; value: Json } | { ok: false; message: string } {
  let current = doc;
  for (let v = from; v < FORMAT_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `format ${v} is not one this version can read` };
    current = step(current);
  }
  return { ok: true, value: current };
}
