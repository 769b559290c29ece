// What the schema refuses never gets in: a file holding a line break, another control character,
// an unpaired surrogate or (outside notes) a bidirectional-override character in any free-text
// field is refused when it is opened, with the path of the field, a message that says what to
// write and does not repeat the value; the editor refuses the same value when a command carries
// it, and the document stays as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { loadDocumentText } from '../../../shared/document/file';
import { designWith, FIELDS } from './fields';

const RUNS = Number(process.env['INJECTION_RUNS'] ?? 30);
const SEED = Number(process.env['INJECTION_SEED'] ?? 20261201);

/** Characters no field takes (notes take the line feed). */
const FORBIDDEN = ['\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\ud800', '\udfff'];
/** Taken by notes only. */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

const isNotes = (id: string) => id.endsWith('notes');

describe('a control or bidirectional character in any free-text field is refused at load', () => {
  for (const field of FIELDS) {
    it(field.id, () => {
      const bad = fc.constantFrom(...FORBIDDEN.filter((c) => !(isNotes(field.id) && c === '\n')), ...(isNotes(field.id) ? [] : BIDI));
      fc.assert(
        fc.property(field.values, bad, fc.nat(), (value, c, at) => {
          const i = at % (value.length + 1);
          const crafted = `${value.slice(0, i)}${c}${value.slice(i)}`;
          const doc = designWith('panos', field, crafted);
          const r = loadDocumentText(JSON.stringify(doc));
          expect(r.ok, `${JSON.stringify(crafted)} was loaded`).toBe(false);
          if (r.ok) return;
          expect(r.code).toBe('INVALID_DOCUMENT');
          for (const e of r.errors) {
            expect(e.path).not.toBe('');
            if (crafted.length > 40) expect(e.message).not.toContain(crafted);
            expect(e.message.length).toBeLessThan(400);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }

  it.each([
    ['a network address', (d: ReturnType<typeof designWith>) => void (d.networks[0]!.address = '10.1.0.0/24\nset x')],
    ['a trailing line break in an address (the parsers trim it)', (d: ReturnType<typeof designWith>) => void (d.networks[0]!.address = '10.1.0.0/24\n')],
    ['a route destination', (d: ReturnType<typeof designWith>) => void (d.gateways[0]!.routes[0]!.destination = '\n10.2.0.0/24')],
    ['an interface address', (d: ReturnType<typeof designWith>) => void (d.gateways[0]!.interfaces[0]!.address = '198.51.100.1/24\r')],
    ['a monitor destination', (d: ReturnType<typeof designWith>) => void (d.tunnels[0]!.a.monitor.destinationIp = '10.2.0.1\u2028')],
    ['a proxy ID port', (d: ReturnType<typeof designWith>) => void (d.tunnels[0]!.a.proxyIds[0]!.localPort = '443\t')],
  ])('%s with a control character', (_what, change) => {
    const doc = designWith('panos', FIELDS[0]!, 'x');
    change(doc);
    expect(loadDocumentText(JSON.stringify(doc)).ok).toBe(false);
  });
});

describe('the editor refuses the value a file would refuse, and keeps the document as it was', () => {
  const start = () => new Editor(designWith('panos', FIELDS[0]!, 'design'));

  it.each([
    ['an interface name with a space', (g: ReturnType<typeof start>['document']['gateways'][number]) => ({ interfaces: g.interfaces.map((x, i) => (i === 0 ? { ...x, name: 'eth 0' } : x)) })],
    ['a zone with a line break', (g: ReturnType<typeof start>['document']['gateways'][number]) => ({ interfaces: g.interfaces.map((x, i) => (i === 1 ? { ...x, zone: 'trust\nset x' } : x)) })],
    ['a gateway name with an override character', () => ({ name: 'A\u202eB' })],
    ['a model with a tab', () => ({ model: 'PA\t3220' })],
  ])('%s', (_what, changes) => {
    const e = start();
    const before = e.document;
    const g = before.gateways[0]!;
    const r = e.dispatch({ type: 'gateway.update', id: g.id, changes: changes(g) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^gateways\[0\]\./);
    expect(e.document).toBe(before);
    expect(e.getSnapshot().canUndo).toBe(false);
  });

  it('a key with a line break, an identity that is not of its type', () => {
    const e = start();
    const t = e.document.tunnels[0]!;
    expect(e.dispatch({ type: 'tunnelEnd.update', tunnelId: t.id, end: 'a', changes: { auth: { ...t.a.auth, psk: 'key\n' } } }).ok).toBe(false);
    expect(e.dispatch({ type: 'tunnelEnd.update', tunnelId: t.id, end: 'a', changes: { auth: { ...t.a.auth, localId: { type: 'fqdn', value: 'a b' } } } }).ok).toBe(false);
    expect(e.document.tunnels[0]).toBe(t);
  });

  it('valid edits still go through, and moving or removing things checks nothing new', () => {
    const e = start();
    const g = e.document.gateways[0]!;
    expect(e.dispatch({ type: 'gateway.update', id: g.id, changes: { interfaces: g.interfaces.map((x, i) => (i === 0 ? { ...x, name: 'ethernet1/1.100' } : x)) } })).toEqual({ ok: true, changed: true });
    expect(e.dispatch({ type: 'nodes.move', moves: e.document.gateways.map((x) => ({ node: { kind: 'gateway' as const, id: x.id }, position: { x: 5, y: 5 } })) })).toEqual({ ok: true, changed: true });
    expect(e.dispatch({ type: 'tunnel.remove', id: e.document.tunnels[0]!.id })).toEqual({ ok: true, changed: true });
    expect(e.dispatch({ type: 'gateway.remove', id: g.id })).toEqual({ ok: true, changed: true });
  });

  it('the fix of an engine diagnostic (INTERFACE_MISSING) applies', () => {
    const e = start();
    const t = e.document.tunnels[0]!;
    expect(e.dispatch({ type: 'tunnelEnd.update', tunnelId: t.id, end: 'a', changes: { outsideInterface: 'ethernet9/9' } }).ok).toBe(true);
    expect(e.dispatch({ type: 'tunnelEnd.update', tunnelId: t.id, end: 'a', changes: { outsideInterface: 'ethernet1/1' } }).ok).toBe(true);
  });
});
