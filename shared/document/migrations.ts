// The file format's migrations, with the steps that need to know the products. Format 2 kept some
// products' settings as flat fields of every tunnel end (proxyIdCheck, selectorMatch,
// initiatorTsNarrow, junosSelectorStyle); format 3 keeps each product's settings under its id in
// `vendorOptions`, declared by the product's module (its `fromFormat2` map says which flat field
// becomes which setting). Values are moved as they are, so validation reports a bad one, at the
// path the format-2 file has.
import { isObject, mapList, migrations, v1ToV2, v2PathToV1, type Json, type MigrationStep } from '../model/migrations';
import type { VendorModule } from '../vendors/kit/vendor-module';
import { VENDOR_MODULES } from '../vendors/registry';

interface Moved {
  vendor: string;
  /** The flat field of format 2 → the setting of format 3. */
  fields: Readonly<Record<string, string>>;
  defaults: Readonly<Record<string, unknown>>;
}

const FORMAT_2_SETTINGS: readonly Moved[] = VENDOR_MODULES.flatMap((m) => {
  // Read through the module shape: a module may declare gateway settings only.
  const set = (m as VendorModule).options?.end;
  return set?.fromFormat2 ? [{ vendor: m.id, fields: set.fromFormat2, defaults: set.defaults }] : [];
});

const v2ToV3: MigrationStep = (doc) => {
  const vendorOf = new Map<unknown, unknown>();
  for (const g of Array.isArray(doc.gateways) ? doc.gateways : []) if (isObject(g)) vendorOf.set(g.id, g.vendor);
  const end = (e: unknown): unknown => {
    if (!isObject(e)) return e;
    const own = vendorOf.get(e.gatewayId);
    const rest: Json = { ...e };
    const options: Record<string, Json> = isObject(e.vendorOptions) ? { ...(e.vendorOptions as Record<string, Json>) } : {};
    for (const moved of FORMAT_2_SETTINGS) {
      const taken: Json = {};
      for (const [flat, setting] of Object.entries(moved.fields)) {
        if (!(flat in rest)) continue;
        const value = rest[flat];
        delete rest[flat];
        // The end's own product keeps what the file says; another product's setting is kept only
        // when it says something (a format-2 file wrote every default on every end).
        if (moved.vendor === own || value !== moved.defaults[setting]) taken[setting] = value;
      }
      if (Object.keys(taken).length > 0) options[moved.vendor] = { ...(options[moved.vendor] ?? {}), ...taken };
    }
    return Object.keys(options).length > 0 ? { ...rest, vendorOptions: options } : rest;
  };
  return { ...doc, formatVersion: 3, tunnels: mapList(doc.tunnels, (t) => (isObject(t) ? { ...t, a: end(t.a), b: end(t.b) } : t)) };
};

/** A format-3 path as format 2 names it: `tunnels[0].a.vendorOptions.fortigate.selectorMatch` is `tunnels[0].a.selectorMatch`. */
function v3PathToV2(path: readonly PropertyKey[]): PropertyKey[] {
  const [top, index, endKey, field, vendor, setting, ...rest] = path;
  if (top === 'tunnels' && typeof index === 'number' && (endKey === 'a' || endKey === 'b') && field === 'vendorOptions') {
    const moved = FORMAT_2_SETTINGS.find((m) => m.vendor === vendor);
    const flat = moved && Object.entries(moved.fields).find(([, s]) => s === setting)?.[0];
    if (flat) return [top, index, endKey, flat, ...rest];
  }
  return [...path];
}

export const { migrateToCurrent, pathInFormat } = migrations({ 1: v1ToV2, 2: v2ToV3 }, { 1: v2PathToV1, 2: v3PathToV2 });
