import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/commands/commands';
import { Editor } from '../../../shared/commands/editor';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';
import { type GatewayId, type NetworkId, type TopologyDocument, type TunnelId } from '../../../shared/model/document';
import { emptyDocument } from '../../../shared/model/document';
import { newGateway, newNetwork, newTunnel } from '../../../shared/document/factory';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

const gw = (id: string, name = id) => newGateway({ id, name, vendor: 'panos', position: { x: 0, y: 0 } });

describe('Editor', () => {
  it('applies a command, undoes and redoes it', () => {
    const e = new Editor(emptyDocument());
    expect(e.dispatch({ type: 'gateway.add', gateway: gw('gw-1', 'HQ') })).toEqual({ ok: true, changed: true });
    expect(e.document.gateways.map((g) => g.name)).toEqual(['HQ']);
    expect(e.getSnapshot().undoLabel).toBe('Add Gateway');
    e.undo();
    expect(e.document.gateways).toEqual([]);
    expect(e.getSnapshot().redoLabel).toBe('Add Gateway');
    e.redo();
    expect(e.document.gateways.map((g) => g.name)).toEqual(['HQ']);
  });

  it('makes a drag one undo step (same merge key), and a new drag another', () => {
    const e = new Editor(emptyDocument());
    e.dispatch({ type: 'gateway.add', gateway: gw('gw-1') });
    const node = { kind: 'gateway' as const, id: 'gw-1' as GatewayId };
    for (let x = 1; x <= 20; x++) e.dispatch({ type: 'nodes.move', moves: [{ node, position: { x, y: x } }] }, { mergeKey: 'drag-1' });
    e.closeMerge();
    for (let x = 21; x <= 30; x++) e.dispatch({ type: 'nodes.move', moves: [{ node, position: { x, y: x } }] }, { mergeKey: 'drag-1' });
    expect(e.document.gateways[0]!.position).toEqual({ x: 30, y: 30 });
    e.undo();
    expect(e.document.gateways[0]!.position).toEqual({ x: 20, y: 20 });
    e.undo();
    expect(e.document.gateways[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('tracks dirty state against the saved point, through undo and redo', () => {
    const e = new Editor(emptyDocument());
    expect(e.dirty).toBe(false);
    e.dispatch({ type: 'document.rename', name: 'A' });
    expect(e.dirty).toBe(true);
    e.markSaved();
    expect(e.dirty).toBe(false);
    e.undo();
    expect(e.dirty).toBe(true);
    e.redo();
    expect(e.dirty).toBe(false);
    e.dispatch({ type: 'document.rename', name: 'B' }, { mergeKey: 'typing' });
    e.markSaved();
    e.dispatch({ type: 'document.rename', name: 'BC' }, { mergeKey: 'typing' });
    expect(e.dirty).toBe(true);
  });

  it('reports a command on something missing and leaves the document unchanged', () => {
    const e = new Editor(panAsaInterop());
    const before = e.document;
    const r = e.dispatch({ type: 'proxyId.remove', tunnelId: 'tun-1' as TunnelId, end: 'a', index: 5 });
    expect(r).toEqual({ ok: false, message: 'proxy ID 5 does not exist' });
    expect(e.document).toBe(before);
    expect(e.getSnapshot().canUndo).toBe(false);
  });

  it('removes a gateway with its networks and tunnels, and undo brings all back', () => {
    const e = new Editor(panAsaInterop());
    const before = e.document;
    e.dispatch({ type: 'gateway.remove', id: 'gw-1' as GatewayId });
    expect(e.document.networks.every((n) => n.gatewayId !== 'gw-1')).toBe(true);
    expect(e.document.tunnels).toEqual([]);
    e.undo();
    expect(e.document).toEqual(before);
  });

  it('counts documents, not edits: load (New, Open, a template) starts a new generation, an edit or undo keeps it', () => {
    const editor = new Editor(emptyDocument());
    expect(editor.getSnapshot().generation).toBe(0);
    editor.dispatch({ type: 'document.rename', name: 'x' });
    editor.undo();
    expect(editor.getSnapshot().generation).toBe(0);
    editor.load(panAsaInterop());
    expect(editor.getSnapshot()).toMatchObject({ generation: 1, canUndo: false, dirty: false });
    editor.load(panAsaInterop());
    expect(editor.getSnapshot().generation).toBe(2);
  });

  it('notifies subscribers with a new snapshot on every change', () => {
    const e = new Editor(emptyDocument());
    const seen: number[] = [];
    const off = e.subscribe(() => seen.push(e.getSnapshot().document.gateways.length));
    e.dispatch({ type: 'gateway.add', gateway: gw('gw-1') });
    e.undo();
    off();
    e.redo();
    expect(seen).toEqual([1, 0]);
  });
});

/** A recipe picks what to do; `concrete` turns it into a command against the current document. */
const recipe = fc.record({
  op: fc.integer({ min: 0, max: 12 }),
  i: fc.nat(50),
  j: fc.nat(50),
  text: fc.constantFrom('10.1.0.0/24', '10.2.0.0/16', '192.168.1.5', '2001:db8::/64', '10.9.0.1-10.9.0.9'),
  word: fc.string({ minLength: 1, maxLength: 8 }),
  x: fc.integer({ min: -2000, max: 2000 }),
  vendor: fc.constantFrom(...VENDOR_MODULES.map((m) => m.id)),
});

type Recipe = typeof recipe extends fc.Arbitrary<infer T> ? T : never;

function concrete(doc: TopologyDocument, r: Recipe, serial: number): Command | undefined {
  const g = doc.gateways[r.i % Math.max(1, doc.gateways.length)];
  const t = doc.tunnels[r.i % Math.max(1, doc.tunnels.length)];
  const end = r.j % 2 === 0 ? 'a' : 'b';
  switch (r.op) {
    case 0:
    case 1:
      return { type: 'gateway.add', gateway: newGateway({ id: `g${serial}`, name: `G${serial}`, vendor: r.vendor, position: { x: r.x, y: r.x } }) };
    case 2:
      return g && { type: 'gateway.update', id: g.id, changes: { name: `${r.word}${serial}`, vendor: r.vendor } };
    case 3:
      return g && { type: 'gateway.remove', id: g.id };
    case 4:
      return g && { type: 'network.add', network: newNetwork({ id: `n${serial}`, name: r.word, address: r.text, gatewayId: g.id, position: { x: r.x, y: 0 } }) };
    case 5: {
      const n = doc.networks[r.j % Math.max(1, doc.networks.length)];
      return n && { type: 'network.remove', id: n.id as NetworkId };
    }
    case 6: {
      const h = doc.gateways[r.j % Math.max(1, doc.gateways.length)];
      return g && h && g.id !== h.id ? { type: 'tunnel.add', tunnel: newTunnel({ id: `t${serial}`, name: `T${serial}`, a: g, b: h }) } : undefined;
    }
    case 7:
      return t && { type: 'proxyId.add', tunnelId: t.id, end, proxyId: { name: r.word, local: r.text, remote: 'any', protocol: 'tcp', localPort: 'any', remotePort: '443' } };
    case 8:
      return t && t[end].proxyIds.length > 0 ? { type: 'proxyId.update', tunnelId: t.id, end, index: r.j % t[end].proxyIds.length, changes: { remote: r.text } } : undefined;
    case 9:
      return t && t[end].proxyIds.length > 0 ? { type: 'proxyId.remove', tunnelId: t.id, end, index: r.j % t[end].proxyIds.length } : undefined;
    case 10:
      return t && { type: 'tunnelEnd.update', tunnelId: t.id, end, changes: { ikeVersion: r.j % 2 === 0 ? 1 : 2, vendorOptions: { screenos: { proxyIdCheck: r.x > 0 } } } };
    case 11:
      return g && { type: 'nodes.move', moves: [{ node: { kind: 'gateway', id: g.id }, position: { x: r.x, y: -r.x } }] };
    default:
      return { type: 'batch', label: 'Rename and note', commands: [{ type: 'document.rename', name: r.word }, { type: 'document.setNotes', notes: r.text }] };
  }
}

describe('Editor properties', () => {
  it('n commands then n undos give back the original; n redos give back the final document', () => {
    fc.assert(
      fc.property(fc.array(recipe, { maxLength: 40 }), fc.boolean(), (recipes, startFromTemplate) => {
        const original = startFromTemplate ? panAsaInterop() : emptyDocument();
        const e = new Editor(original);
        recipes.forEach((r, serial) => {
          const cmd = concrete(e.document, r, serial);
          if (cmd) e.dispatch(cmd, r.op === 11 && r.i % 3 === 0 ? { mergeKey: 'drag' } : {});
        });
        const final = e.document;
        while (e.undo());
        expect(e.document).toEqual(original);
        expect(e.dirty).toBe(false);
        while (e.redo());
        expect(e.document).toEqual(final);
      }),
      { numRuns: 300 },
    );
  });
});
