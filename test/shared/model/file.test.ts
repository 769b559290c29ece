import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../shared/model/document';
import { describeErrors, MAX_FILE_BYTES } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

const valid = () => panAsaInterop();
const text = (v: unknown) => JSON.stringify(v, null, 2);

function expectError(result: ReturnType<typeof loadDocumentText>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('loaded');
  expect(result.code).toBe(code);
  expect(result.summary.length).toBeGreaterThan(10);
  return result;
}

describe('loading a topology file', () => {
  it('loads a valid document and writes it back byte-identical', () => {
    const s = serializeDocument(valid());
    const r = loadDocumentText(s);
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeDocument(r.document)).toBe(s);
  });

  it('refuses garbage bytes as not JSON', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 256));
    expectError(loadDocumentText(garbage), 'NOT_JSON');
  });

  it('refuses a truncated file as not JSON, saying it may be truncated', () => {
    const s = serializeDocument(valid());
    const r = expectError(loadDocumentText(s.slice(0, Math.floor(s.length / 2))), 'NOT_JSON');
    expect(r.summary).toMatch(/truncated/);
  });

  it('refuses valid JSON of the wrong shape', () => {
    expectError(loadDocumentText('[1,2,3]'), 'NOT_A_TOPOLOGY');
    expectError(loadDocumentText('"hello"'), 'NOT_A_TOPOLOGY');
    expectError(loadDocumentText('{"gateways": []}'), 'NOT_A_TOPOLOGY');
    const r = expectError(loadDocumentText(text({ formatVersion: FORMAT_VERSION, gateways: 'none' })), 'INVALID_DOCUMENT');
    expect(describeErrors(r.errors)).toContain('gateways: must be a list');
  });

  it('names unknown fields with their path', () => {
    const doc = valid() as unknown as { gateways: Record<string, unknown>[] };
    doc.gateways[0]!.colour = 'red';
    const r = expectError(loadDocumentText(text(doc)), 'INVALID_DOCUMENT');
    expect(describeErrors(r.errors)).toContain('gateways[0]: unknown field "colour"');
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const s = serializeDocument(valid()).replace('"name": "PA-HQ"', `"name": "PA-HQ", "${key}": { "polluted": true }`);
      const r = expectError(loadDocumentText(s), 'FORBIDDEN_KEY');
      expect(r.errors[0]!.path).toBe(`gateways[0].${key}`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('gives a path-precise message for an invalid prefix in a proxy ID', () => {
    const doc = valid();
    doc.tunnels[0]!.b.proxyIds.push({ name: 'x', local: '10.0.0.0/33', remote: '10.1.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' });
    const r = expectError(loadDocumentText(serializeDocument(doc)), 'INVALID_DOCUMENT');
    expect(describeErrors(r.errors)).toContain('tunnels[0].b.proxyIds[1].local: "10.0.0.0/33" is not a valid prefix');
  });

  it('catches host bits, bad ports and dangling references, each at its path', () => {
    const doc = valid();
    doc.tunnels[0]!.b.proxyIds[0]!.local = '10.20.0.1/24';
    doc.tunnels[0]!.b.proxyIds[0]!.remotePort = '70000';
    doc.networks[0]!.gatewayId = 'gw-99' as never;
    const msg = describeErrors(expectError(loadDocumentText(serializeDocument(doc)), 'INVALID_DOCUMENT').errors);
    expect(msg).toContain('tunnels[0].b.proxyIds[0].local: "10.20.0.1/24" is not a valid prefix: it has host bits set; did you mean 10.20.0.0/24?');
    expect(msg).toContain('tunnels[0].b.proxyIds[0].remotePort: "70000" is not a valid port');
    expect(msg).toContain('networks[0].gatewayId: no gateway has id "gw-99"');
  });

  it('refuses a file from a newer format version, saying to update', () => {
    const r = expectError(loadDocumentText(text({ ...valid(), formatVersion: FORMAT_VERSION + 1 })), 'NEWER_FORMAT');
    expect(r.summary).toMatch(/newer IPsec Studio.*Update/);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const big = `{"formatVersion":2,"notes":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(big.length).toBeGreaterThan(MAX_FILE_BYTES);
    const r = expectError(loadDocumentText(big), 'FILE_TOO_LARGE');
    expect(r.summary).toMatch(/50\.0 MB/);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(loadDocumentText(`\ufeff${serializeDocument(valid())}`).ok).toBe(true);
  });
});

describe('format migrations', () => {
  const dir = path.join(__dirname, '..', '..', 'fixtures', 'formats');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has a fixture for every earlier format version', () => {
    const versions = files.map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { formatVersion: number }).formatVersion).sort();
    expect(versions).toEqual(Array.from({ length: FORMAT_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(files)('loads %s into the current format', (f) => {
    const r = loadDocumentText(readFileSync(path.join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(describeErrors(r.errors));
    expect(r.migratedFrom).toBeLessThan(FORMAT_VERSION);
    expect(r.document.formatVersion).toBe(FORMAT_VERSION);
  });

  it('reports a malformed format 1 file at its path instead of repairing it', () => {
    const r = loadDocumentText(JSON.stringify({ formatVersion: 1, gateways: 'oops', tunnels: [{ a: { selectors: 5 } }] }));
    if (r.ok) throw new Error('loaded');
    expect(describeErrors(r.errors)).toContain('gateways: must be a list');
    // Named as format 1 names it (selectors), not as the migrated format 2 document does (proxyIds).
    expect(describeErrors(r.errors)).toContain('tunnels[0].a.selectors: must be a list');
  });

  it('moves format 1 coordinates into position and selectors into proxy IDs', () => {
    const r = loadDocumentText(readFileSync(path.join(dir, 'v1.json'), 'utf8'));
    if (!r.ok) throw new Error(describeErrors(r.errors));
    expect(r.document.gateways[1]!.position).toEqual({ x: 600, y: 200 });
    expect(r.document.tunnels[0]!.b.proxyIds).toEqual([{ name: 'ACL line 1', local: '10.2.0.0/24', remote: '10.1.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' }]);
    expect(r.document.tunnels[0]!.a.proxyIds[0]!.name).toBe('proxy-id-1');
  });
});

describe('format 2 to 3: product settings move into vendorOptions', () => {
  const v2 = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'formats', 'v2.json'), 'utf8');

  it('moves each end\'s own product settings, keeps another product\'s only when it says something, and drops the flat fields', () => {
    const r = loadDocumentText(v2);
    if (!r.ok) throw new Error(describeErrors(r.errors));
    const [ssgFg, fgSrx] = r.document.tunnels;
    expect(ssgFg!.a.vendorOptions).toEqual({ screenos: { proxyIdCheck: true } });
    expect(ssgFg!.b.vendorOptions).toEqual({ fortigate: { selectorMatch: 'exact', initiatorTsNarrow: true } });
    expect(fgSrx!.a.vendorOptions).toEqual({ fortigate: { selectorMatch: 'auto', initiatorTsNarrow: false } });
    // The SRX end said selectorMatch subset, which means nothing to an SRX: kept under FortiGate's id, not lost.
    expect(fgSrx!.b.vendorOptions).toEqual({ 'junos-srx': { selectorStyle: 'proxy-identity' }, fortigate: { selectorMatch: 'subset' } });
    for (const t of r.document.tunnels) for (const e of [t.a, t.b]) for (const flat of ['proxyIdCheck', 'selectorMatch', 'initiatorTsNarrow', 'junosSelectorStyle']) expect(e).not.toHaveProperty(flat);
  });

  it('reports a bad format-2 setting at the path the format-2 file has', () => {
    const doc = JSON.parse(v2) as { tunnels: { b: Record<string, unknown> }[] };
    doc.tunnels[0]!.b.selectorMatch = 'sometimes';
    const r = loadDocumentText(JSON.stringify(doc));
    if (r.ok) throw new Error('loaded');
    expect(describeErrors(r.errors)).toContain('tunnels[0].b.selectorMatch:');
  });

  it('refuses settings of a product that does not exist, or a setting the product does not have', () => {
    const doc = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'formats', 'v2.json'), 'utf8')) as { formatVersion: number; tunnels: { a: Record<string, unknown> }[] };
    doc.formatVersion = FORMAT_VERSION;
    for (const t of doc.tunnels) for (const e of [t.a, (t as unknown as { b: Record<string, unknown> }).b]) for (const f of ['proxyIdCheck', 'selectorMatch', 'initiatorTsNarrow', 'junosSelectorStyle']) delete e[f];
    doc.tunnels[0]!.a.vendorOptions = { 'no-such-product': { x: true } };
    (doc.tunnels[0] as unknown as { b: Record<string, unknown> }).b.vendorOptions = { fortigate: { selectorMatch: 'exact', colour: 'red' } };
    const r = loadDocumentText(JSON.stringify(doc));
    if (r.ok) throw new Error('loaded');
    const text = describeErrors(r.errors);
    expect(text).toContain('tunnels[0].a.vendorOptions.no-such-product: no product has the id');
    expect(text).toContain('tunnels[0].b.vendorOptions.fortigate');
    expect(text).toContain('colour');
  });
});
