// Validates what an edit changed, and only that: the new document shares every untouched object
// with the old one (immer), so the walk follows changed references down the schema and checks
// each new or replaced value against the schema of its field. A keystroke in a 10,000-tunnel
// document checks one field, not the document. A value the file format would refuse never enters
// the document: what the editor holds can always be saved and opened again.
import { z } from 'zod';
import { formatPath } from './file';

export type ChangeCheck = { ok: true } | { ok: false; path: string; message: string };

const OK: ChangeCheck = { ok: true };

/** The schema inside optional/default wrappers. */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function check(schema: z.ZodType, value: unknown, path: (string | number)[]): ChangeCheck {
  const r = schema.safeParse(value);
  if (r.success) return OK;
  const issue = r.error.issues[0];
  return { ok: false, path: formatPath([...path, ...(issue?.path ?? [])]), message: issue?.message ?? 'not valid' };
}

export function validateChange(schema: z.ZodType, before: unknown, after: unknown, path: (string | number)[] = []): ChangeCheck {
  if (before === after) return OK;
  const s = inner(schema);
  if (s instanceof z.ZodObject && isRecord(before) && isRecord(after)) {
    const shape = s.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(after)) {
      const field = shape[key];
      // A key the schema does not know: the object's own check reports it.
      if (!field) return check(s, after, path);
      const r = validateChange(field, before[key], after[key], [...path, key]);
      if (!r.ok) return r;
    }
    // Object-level rules (refinements) and removed required keys.
    return Object.keys(before).some((k) => !(k in after)) ? check(s, after, path) : OK;
  }
  if (s instanceof z.ZodArray && Array.isArray(before) && Array.isArray(after)) {
    const element = s.element as z.ZodType;
    let previous: Set<unknown> | undefined;
    for (let i = 0; i < after.length; i++) {
      const item = after[i];
      if (item === before[i]) continue;
      // An element moved (a removal before it) is the same object: unchanged.
      previous ??= new Set(before);
      if (previous.has(item)) continue;
      const r = validateChange(element, before[i], item, [...path, i]);
      if (!r.ok) return r;
    }
    return OK;
  }
  return check(schema, after, path);
}
