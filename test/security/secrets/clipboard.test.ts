// Copy does not put pre-shared keys on the system clipboard (any program can read it) unless
// the person asks; inside the app a copy may keep them, and pasting our own copy uses that one.
import { describe, expect, it } from 'vitest';
import { clipboardForPaste, clipboardText, copySelection } from '../../../renderer/canvas/clipboard';
import { fullMesh } from '../../../shared/templates/full-mesh';

const doc = fullMesh();
const sel = { gateways: doc.gateways.map((g) => g.id), networks: [], tunnels: [] };
const keys = doc.tunnels.flatMap((t) => [t.a.auth.psk, t.b.auth.psk]).filter((k) => k !== '');

describe('keys and the clipboard', () => {
  it('the design has keys to leak', () => {
    expect(keys.length).toBeGreaterThan(0);
  });

  it('a copy leaves the keys out by default', () => {
    const text = clipboardText(copySelection(doc, sel)!);
    for (const k of keys) expect(text).not.toContain(k);
    expect(copySelection(doc, sel)!.tunnels.every((t) => t.a.auth.psk === '' && t.b.auth.psk === '')).toBe(true);
  });

  it('the system clipboard text has no keys even when the in-app copy keeps them', () => {
    const withKeys = copySelection(doc, sel, { includeKeys: true })!;
    expect(withKeys.tunnels[0]!.a.auth.psk).not.toBe('');
    const text = clipboardText(withKeys);
    for (const k of keys) expect(text).not.toContain(k);
  });

  it('"copy with keys" puts them there when asked', () => {
    const text = clipboardText(copySelection(doc, sel, { includeKeys: true })!, { includeKeys: true });
    for (const k of keys) expect(text).toContain(k);
  });

  it('pasting our own copy back uses the in-app copy, keys and all', () => {
    const withKeys = copySelection(doc, sel, { includeKeys: true })!;
    expect(clipboardForPaste(clipboardText(withKeys), withKeys)).toEqual({ ok: true, content: withKeys });
  });
});
