// Migrations between file format versions. Each step takes the plain JSON of version N and
// returns version N+1; they run before validation, so a migration never sees a typed document.
// A step never repairs or drops what it cannot carry over: it moves values as they are (so
// validation reports a bad one) and names anything else as a problem. Errors found after
// migrating are reported in the file's own format (`pathInFormat`), where the person can find
// them. Every earlier version has a fixture in test/fixtures/formats/ that must keep loading.
import { FORMAT_VERSION } from './document';

export type Json = Record<string, unknown>;
export type MigrationPath = (string | number)[];
/** Something in the file a migration cannot carry over, at its path in the file's own format. */
export interface MigrationProblem {
  path: MigrationPath;
  message: string;
}
export type MigrationStep = (doc: Json, problems: MigrationProblem[]) => Json;
export type PathBack = (path: readonly PropertyKey[]) => PropertyKey[];

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Maps a list; anything else is passed through untouched so validation reports it where it is. */
export const mapList = (v: unknown, f: (item: unknown, index: number) => unknown): unknown => (Array.isArray(v) ? v.map(f) : v);

/**
 * Format 1 (the first file format) kept canvas coordinates as `x`/`y` on gateways and networks,
 * and a tunnel end's selectors as `selectors: [{ name?, local, remote }]` with no protocol or
 * ports. Format 2 has `position: { x, y }` and `proxyIds` with protocol and ports.
 */
export const v1ToV2: MigrationStep = (doc, problems) => {
  const moveXY = (list: string) => (item: unknown, i: number): unknown => {
    if (!isObject(item)) return item;
    const { x, y, ...rest } = item;
    if ('position' in rest) problems.push({ path: [list, i], message: 'unknown field "position": format 1 keeps the coordinates as x and y; remove it' });
    // Format 1 could leave a node unplaced (0, 0); a coordinate that is there is moved as it is.
    return { ...rest, position: { x: x === undefined ? 0 : x, y: y === undefined ? 0 : y } };
  };
  const end = (e: unknown): unknown => {
    if (!isObject(e)) return e;
    const { selectors, ...rest } = e;
    if (selectors === undefined) return rest;
    // Everything a selector holds is moved, so a field format 1 did not know is reported, not dropped.
    return { ...rest, proxyIds: mapList(selectors, (s, i) => (isObject(s) ? { ...s, name: s.name === undefined ? `proxy-id-${i + 1}` : s.name } : s)) };
  };
  return {
    ...doc,
    formatVersion: 2,
    gateways: mapList(doc.gateways, moveXY('gateways')),
    networks: mapList(doc.networks, moveXY('networks')),
    tunnels: mapList(doc.tunnels, (t) => (isObject(t) ? { ...t, a: end(t.a), b: end(t.b) } : t)),
  };
};

/** A format-2 path as format 1 names it: `gateways[0].position.x` is `gateways[0].x`, `proxyIds` is `selectors`. */
export function v2PathToV1(path: readonly PropertyKey[]): PropertyKey[] {
  const [top, index, field, ...rest] = path;
  if ((top === 'gateways' || top === 'networks') && typeof index === 'number' && field === 'position') {
    return [top, index, ...rest];
  }
  if (top === 'tunnels' && typeof index === 'number' && (field === 'a' || field === 'b') && rest[0] === 'proxyIds') {
    return [top, index, field, 'selectors', ...rest.slice(1)];
  }
  return [...path];
}

export type MigrationResult = { ok: true; value: Json; problems: MigrationProblem[] } | { ok: false; message: string };

/**
 * A file format's migrations: steps[n] migrates version n to n+1, backToFormat[n] maps a path of
 * version n+1 to version n. The model has the steps that need no product knowledge; the document
 * layer (shared/document/migrations.ts) adds those that do and builds the chain.
 */
export function migrations(steps: Readonly<Record<number, MigrationStep>>, backToFormat: Readonly<Record<number, PathBack>>) {
  return {
    migrateToCurrent(doc: Json, from: number): MigrationResult {
      let current = doc;
      const problems: MigrationProblem[] = [];
      for (let v = from; v < FORMAT_VERSION; v++) {
        const step = steps[v];
        if (!step) return { ok: false, message: `format ${v} is not one this version can read` };
        current = step(current, problems);
      }
      return { ok: true, value: current, problems };
    },
    /** A path in the current format as a file of `version` names it. */
    pathInFormat(path: readonly PropertyKey[], version: number): PropertyKey[] {
      let p: PropertyKey[] = [...path];
      for (let v = FORMAT_VERSION - 1; v >= version; v--) {
        const back = backToFormat[v];
        if (back) p = back(p);
      }
      return p;
    },
  };
}
