// Paste runs the same validation as Open: a payload on the system clipboard (which any program
// can write) is checked for size, syntax, depth, forbidden and duplicate keys and against the
// document's own schemas before anything is inserted, and a refused one says why. Whatever is
// pasted, the document stays one that opens and saves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipboardForPaste, clipboardText, copySelection, isClipboardContent, pasteCommands, readClipboardText, type ClipboardContent } from '../../../renderer/canvas/clipboard';
import { Editor } from '../../../shared/commands/editor';
import { DocumentSchema, GatewaySchema, TunnelSchema, type TopologyDocument } from '../../../shared/model/document';
import { MAX_FILE_BYTES } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { fullMesh } from '../../../shared/templates/full-mesh';
import { TEMPLATES } from '../../../shared/templates/index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const all = (doc: TopologyDocument) => ({ gateways: doc.gateways.map((g) => g.id), networks: doc.networks.map((n) => n.id), tunnels: doc.tunnels.map((t) => t.id) });
const genuine = (): Json => JSON.parse(clipboardText(copySelection(fullMesh(), all(fullMesh()))!)) as Json;

function refused(text: string): string {
  const r = readClipboardText(text);
  expect(r).toBeDefined();
  expect(r!.ok).toBe(false);
  return r!.ok ? '' : r!.message;
}

describe('a pasted payload is checked as a file is', { timeout: 120_000 }, () => {
  it('refuses wrong types, naming the path', () => {
    const p = genuine();
    p.gateways[0].position.x = 'left';
    p.tunnels[0].a.ikeVersion = '2';
    const m = refused(JSON.stringify(p));
    expect(m).toMatch(/^Nothing was pasted/);
    expect(m).toContain('gateways[0].position.x: must be a number, not "left"');
    expect(m).toContain('tunnels[0].a.ikeVersion: must be one of 1, 2, not "2"');
    expect(isClipboardContent(p)).toBe(false);
  });

  it('refuses an own __proto__ key, as text and as a parsed value', () => {
    const text = clipboardText(copySelection(fullMesh(), all(fullMesh()))!).replace('"name":"Site-A"', '"name":"Site-A","__proto__":{"polluted":true}');
    expect(refused(text)).toMatch(/__proto__/);
    const value = JSON.parse(text) as unknown;
    expect(isClipboardContent(value)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 100 kB name, saying how long it is, quoting a few dozen characters of it', () => {
    const p = genuine();
    p.gateways[0].name = 'n'.repeat(100_000);
    const m = refused(JSON.stringify(p));
    expect(m).toContain(`gateways[0].name: is 100000 characters long; at most ${GatewaySchema.shape.name.maxLength} are allowed`);
    expect(m.length).toBeLessThan(2000);
  });

  it('refuses duplicate keys, deep nesting and a payload over the size limit', () => {
    expect(refused(clipboardText(copySelection(fullMesh(), all(fullMesh()))!).replace('"name":"Site-A"', '"name":"Site-A","name":"Site-Z"'))).toMatch(/written twice/);
    expect(refused(`{"kind":"ipsec-studio/selection","gateways":${'['.repeat(10_000)}${']'.repeat(10_000)},"networks":[],"tunnels":[]}`)).toMatch(/more than 32 levels/);
    expect(refused(`{"kind":"ipsec-studio/selection","gateways":[],"networks":[],"tunnels":[],"x":"${'x'.repeat(MAX_FILE_BYTES)}"}`)).toMatch(/at most 20 MB/);
  });

  it('refuses a tunnel whose two ends are one gateway, and two gateways with one id', () => {
    const p = genuine();
    p.tunnels[0].b.gatewayId = p.tunnels[0].a.gatewayId;
    expect(refused(JSON.stringify(p))).toMatch(/tunnels\[0\]\.b\.gatewayId: a tunnel needs two different gateways/);
    const q = genuine();
    q.gateways[1].id = q.gateways[0].id;
    expect(refused(JSON.stringify(q))).toMatch(/gateways\[1\]: gateway id "gw-1" is used twice/);
  });

  it('leaves any other text to the in-app clipboard', () => {
    expect(readClipboardText('hello')).toBeUndefined();
    expect(readClipboardText('{"kind":"something-else"}')).toBeUndefined();
    const internal = copySelection(fullMesh(), all(fullMesh()))!;
    expect(clipboardForPaste('hello', internal)).toEqual({ ok: true, content: internal });
    expect(clipboardForPaste(undefined, undefined)).toBeUndefined();
  });

  it('a genuine copy from another window pastes, and the document still opens and saves', () => {
    const doc = fullMesh();
    const text = clipboardText(copySelection(doc, all(doc))!);
    const r = clipboardForPaste(text, undefined);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(isClipboardContent(JSON.parse(text))).toBe(true);
    const editor = new Editor(doc);
    editor.dispatch(pasteCommands(editor.document, r.content)!.command);
    expect(loadDocumentText(serializeDocument(editor.document)).ok).toBe(true);
  });

  it('pasting a name at the length limit next to itself gives a name that still fits', () => {
    const doc = fullMesh();
    const gMax = GatewaySchema.shape.name.maxLength as number;
    doc.gateways[0]!.name = 'G'.repeat(gMax);
    doc.tunnels[0]!.name = 'T'.repeat(TunnelSchema.shape.name.maxLength as number);
    const editor = new Editor(doc);
    const clip = copySelection(doc, all(doc))!;
    editor.dispatch(pasteCommands(editor.document, clip)!.command);
    expect(DocumentSchema.safeParse(editor.document).success).toBe(true);
    expect(editor.document.gateways.at(-4)!.name).toBe(`${'G'.repeat(gMax - 2)}-2`);
  });
});

describe('whatever is pasted, the document stays valid', { timeout: 600_000 }, () => {
  const templates = TEMPLATES.map((t) => t.build());
  const paths = (v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
    out.push(prefix);
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, Array.isArray(v) ? Number(k) : k], out);
    return out;
  };

  it('random edits of genuine payloads: refused with a message, or pasted into a document that opens', () => {
    const payload = fc.constantFrom(...templates).map((d) => clipboardText(copySelection(d, all(d))!));
    const edit = fc.record({ pick: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('gw-1', 'gw-2', 'net-1', 'tun-1', 'a'.repeat(70), 1e308, -0, '__proto__')), remove: fc.boolean() });
    fc.assert(fc.property(payload, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom(...templates), (text, edits, target) => {
      const p = JSON.parse(text) as Json;
      for (const e of edits) {
        const spots = paths(p).filter((x) => x.length > 0);
        const path = spots[e.pick % spots.length] as (string | number)[];
        let parent: Json = p;
        for (const k of path.slice(0, -1)) parent = parent[k as string] as Json;
        const last = path[path.length - 1] as string;
        if (e.remove && !Array.isArray(parent)) delete parent[last];
        else (parent as Record<string, unknown>)[last] = e.value;
      }
      const r = clipboardForPaste(JSON.stringify(p), undefined);
      if (!r) return;
      if (!r.ok) {
        expect(r.message).toMatch(/^Nothing was pasted/);
        return;
      }
      const pasted = pasteCommands(target, r.content as ClipboardContent);
      if (!pasted) return;
      const editor = new Editor(target);
      expect(editor.dispatch(pasted.command).ok).toBe(true);
      const reopened = loadDocumentText(serializeDocument(editor.document));
      expect(reopened.ok ? '' : JSON.stringify(reopened.errors.slice(0, 3))).toBe('');
    }), { numRuns: 2000 });
  });
});
