// A product's own settings of a gateway or a tunnel end, as its vendor module declares them: a
// zod schema of the settings as they are written in a file (each one optional: what is absent
// takes the default), the defaults, the fields the inspector shows, and how a format-2 file,
// which kept some of them as flat fields of the tunnel end, carries them over. They are stored
// in the document under the product's id (`vendorOptions: { "<vendor>": { … } }`).
import type { z } from 'zod';
import type { Command } from '../../commands/commands';
import type { EndKey, Gateway, TunnelEnd, TunnelId, VendorOptions } from '../../model/document';

export type OptionValue = string | number | boolean;

/** One setting as the inspector shows it. */
export type OptionField =
  | ({ kind: 'boolean' } & OptionFieldText)
  | ({ kind: 'choice'; choices: readonly string[] } & OptionFieldText)
  | ({ kind: 'number'; min: number; max: number } & OptionFieldText)
  /** A word the product's CLI takes (a name), as `pattern` says; `says` is what it may hold, for the inspector's message. */
  | ({ kind: 'text'; pattern: RegExp; says: string } & OptionFieldText);

interface OptionFieldText {
  key: string;
  /** As the product's CLI or GUI names it. */
  label: string;
  /** One sentence: what it does, from the product's documentation. */
  hint: string;
  /** Where the behaviour comes from. */
  source: string;
}

export interface VendorOptionSet<T extends Record<string, OptionValue>> {
  /** The settings as written in a file: a strict object of optional fields. */
  schema: z.ZodType<Partial<T>>;
  defaults: T;
  fields: readonly (OptionField & { key: keyof T & string })[];
  /** Format 2 kept these settings as flat fields of the tunnel end: the flat field's name → the setting. */
  fromFormat2?: Readonly<Record<string, keyof T & string>>;
}

export interface VendorOptionSets {
  gateway?: VendorOptionSet<Record<string, OptionValue>>;
  end?: VendorOptionSet<Record<string, OptionValue>>;
}

/** Settings read, by the settings object as written (document objects are replaced on edit, never changed in place). */
const memo = new WeakMap<object, unknown>();

/**
 * The product's settings of a gateway or end, defaults filled in. A value the product's schema
 * refuses cannot be in a loaded document (the document layer checks it); one built by other code
 * falls back to the default for that setting, field by field.
 */
export function readOptions<T extends Record<string, OptionValue>>(set: VendorOptionSet<T>, vendor: string, holder: { vendorOptions?: VendorOptions }): T {
  const written = holder.vendorOptions?.[vendor];
  if (!written) return set.defaults;
  const hit = memo.get(written);
  if (hit !== undefined) return hit as T;
  const out: Record<string, OptionValue> = { ...set.defaults };
  for (const key of Object.keys(set.defaults)) {
    const v = written[key];
    if (v === undefined) continue;
    if (set.schema.safeParse({ [key]: v }).success) out[key] = v;
  }
  memo.set(written, out);
  return out as T;
}

/** The command that sets some of a product's settings of a tunnel end (the others stay as written). */
export function setEndOptions(at: { tunnelId: TunnelId; end: EndKey }, vendor: string, current: TunnelEnd, changes: Record<string, OptionValue>): Command {
  const own = current.vendorOptions?.[vendor] ?? {};
  return { type: 'tunnelEnd.update', tunnelId: at.tunnelId, end: at.end, changes: { vendorOptions: { ...(current.vendorOptions ?? {}), [vendor]: { ...own, ...changes } } } };
}

/** The command that sets some of a product's settings of a gateway. */
export function setGatewayOptions(gateway: Gateway, vendor: string, changes: Record<string, OptionValue>): Command {
  const own = gateway.vendorOptions?.[vendor] ?? {};
  return { type: 'gateway.update', id: gateway.id, changes: { vendorOptions: { ...(gateway.vendorOptions ?? {}), [vendor]: { ...own, ...changes } } } };
}
