// How documents reach the engine worker: position-only changes are not sent, and deltas keep
// the identity of unchanged objects so the engine's cache recomputes only edited tunnels.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../shared/commands/editor';
import { createReportCache } from '../../shared/engine/report-cache';
import { TEMPLATES } from '../../shared/templates/index';
import { applyDelta, makeDelta } from '../../renderer/report-worker/delta';
import { engineInputChanged } from '../../renderer/report-worker/engine-input';
import { matchesShortcut, parseShortcut } from '../../renderer/app/shortcuts';

const hub = () => TEMPLATES.find((t) => t.id === 'hub-and-spoke')!.build();

describe('engine input', () => {
  it('ignores moves and sees every other edit', () => {
    const editor = new Editor(hub());
    const d0 = editor.document;
    const g = d0.gateways[0]!;
    editor.dispatch({ type: 'nodes.move', moves: [{ node: { kind: 'gateway', id: g.id }, position: { x: 9, y: 9 } }] });
    expect(engineInputChanged(d0, editor.document)).toBe(false);
    const d1 = editor.document;
    editor.dispatch({ type: 'gateway.update', id: g.id, changes: { osVersion: '11.1' } });
    expect(engineInputChanged(d1, editor.document)).toBe(true);
  });
});

describe('deltas to the worker', () => {
  it('rebuild the same document and keep unchanged objects, so one edit recomputes one tunnel', () => {
    const editor = new Editor(hub());
    const cache = createReportCache();
    // The worker side: its own copy, made from a structured clone as postMessage would.
    let worker = applyDelta(undefined, structuredClone(makeDelta(undefined, editor.document)));
    expect(worker).toEqual(editor.document);
    cache.compute(worker);
    const sent = editor.document;
    const t = sent.tunnels[1]!;
    editor.dispatch({ type: 'tunnel.update', id: t.id, changes: { notes: 'edited' } });
    const delta = structuredClone(makeDelta(sent, editor.document));
    expect(delta.gateways.kind).toBe('same');
    expect(delta.tunnels).toMatchObject({ kind: 'patch', changed: [[1, expect.anything()]] });
    const next = applyDelta(worker, delta);
    expect(next).toEqual(editor.document);
    expect(next.tunnels[0]).toBe(worker.tunnels[0]);
    worker = next;
    cache.compute(worker);
    expect(cache.lastRecomputed).toBe(1);
  });

  it('sends a full list when its length changes', () => {
    const editor = new Editor(hub());
    const sent = editor.document;
    editor.dispatch({ type: 'tunnel.remove', id: sent.tunnels[0]!.id });
    const d = makeDelta(sent, editor.document);
    expect(d.tunnels.kind).toBe('full');
    expect(applyDelta(sent, d)).toEqual(editor.document);
  });
});

describe('shortcuts', () => {
  const key = (k: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code: string }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, code: '', ...m });
  it.each([
    ['Mod+Z', key('z', { ctrlKey: true }), true],
    ['Mod+Z', key('z', { metaKey: true }), true],
    ['Mod+Z', key('Z', { ctrlKey: true, shiftKey: true }), false],
    ['Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), true],
    ['?', key('?', { shiftKey: true }), true],
    ['C', key('c'), true],
    ['C', key('c', { ctrlKey: true }), false],
    ['Alt+2', key('™', { altKey: true, code: 'Digit2' }), true],
    ['Delete', key('Delete'), true],
  ] as const)('%s matches %o: %s', (keys, e, expected) => {
    expect(matchesShortcut(parseShortcut(keys), e)).toBe(expected);
  });
});
