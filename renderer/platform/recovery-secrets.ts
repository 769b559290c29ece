// The web build's recovery copy lives in IndexedDB, readable by any script of the origin and by
// anyone with the browser profile, so it never holds a pre-shared key: they are blanked before
// the copy is stored, and restoring says so.
export const PSK_NOTICE = "Pre-shared keys are not kept in the browser's recovery copy; enter them again.";

/** The document text with every pre-shared key emptied, and whether there was one. */
export function withoutPreSharedKeys(text: string): { text: string; removed: boolean } {
  let removed = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (key === 'psk' && typeof v === 'string' && v !== '') {
        removed = true;
        return '';
      }
      return v;
    });
  } catch {
    // Not JSON: nothing we could keep anyway (the caller only stores valid topologies).
    return { text: '', removed: true };
  }
  return removed ? { text: `${JSON.stringify(value, null, 2)}\n`, removed } : { text, removed };
}
