// Every document the app opens can be saved and opened again, up to the largest supported size:
// indented while that fits in MAX_FILE_BYTES, compact JSON (the same canonical text without
// indentation) beyond, refused with a message when even that would not fit.
import { describe, expect, it } from 'vitest';
import type { Gateway, Network, ProxyId, TopologyDocument, Tunnel, Vendor } from '../../../shared/model/document';
import { documentOf, newGateway, newNetwork, newTunnel } from '../../../shared/document/factory';
import { MAX_FILE_BYTES } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument, serializeDocumentForSave } from '../../../shared/document/file';
import { fullMesh } from '../../../shared/templates/full-mesh';

const VENDORS: Vendor[] = ['panos', 'strongswan', 'cisco-asa', 'fortigate', 'junos-srx'];

/** `gateways` sites, each with its LAN, and `tunnels` tunnels between them, `pairs` proxy IDs per end, keys set. */
function largeDesign(gatewayCount: number, tunnelCount: number, pairs: number): TopologyDocument {
  const gateways: Gateway[] = [];
  const networks: Network[] = [];
  for (let i = 0; i < gatewayCount; i++) {
    const g = newGateway({
      id: `gw-${i}`, name: `SITE-${i}`, vendor: VENDORS[i % VENDORS.length] as Vendor, position: { x: (i % 100) * 200, y: Math.floor(i / 100) * 200 },
      outsideAddress: `198.${18 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`, insideAddress: `10.${(i >> 8) & 255}.${i & 255}.1/24`,
    });
    gateways.push(g);
    networks.push(newNetwork({ id: `net-${i}`, name: `LAN ${i}`, address: `10.${(i >> 8) & 255}.${i & 255}.0/24`, gatewayId: g.id, position: { x: g.position.x, y: g.position.y - 120 } }));
  }
  const tunnels: Tunnel[] = [];
  for (let k = 0; k < tunnelCount; k++) {
    const a = gateways[k % gatewayCount] as Gateway;
    const b = gateways[(k % gatewayCount + 1 + Math.floor(k / gatewayCount)) % gatewayCount] as Gateway;
    const t = newTunnel({ id: `tun-${k}`, name: `t-${k}`, a, b });
    const local: ProxyId[] = [];
    for (let j = 0; j < pairs; j++) local.push({ name: `p${j}`, local: `10.${k & 255}.${j}.0/24`, remote: `10.${(k >> 8) & 255}.${128 + j}.0/24`, protocol: 'any', localPort: 'any', remotePort: 'any' });
    const psk = `pre-shared-key-${k}`;
    t.a = { ...t.a, auth: { method: 'psk', psk }, proxyIds: local };
    t.b = { ...t.b, auth: { method: 'psk', psk }, proxyIds: local.map((p) => ({ ...p, local: p.remote, remote: p.local })) };
    tunnels.push(t);
  }
  return documentOf({ name: 'largest supported', gateways, networks, tunnels });
}

/** Adds `n` bytes of notes, spread over the gateways (a note holds at most 10,000 characters). */
function addNotes(doc: TopologyDocument, n: number): void {
  let left = n;
  for (const g of doc.gateways) {
    if (left <= 0) return;
    const take = Math.min(left, 10_000 - g.notes.length);
    g.notes += 'n'.repeat(take);
    left -= take;
  }
  if (left > 0) throw new Error('not enough gateways to hold the notes');
}

describe('document size', { timeout: 300_000 }, () => {
  it('a small document is written indented, as before', () => {
    const r = serializeDocumentForSave(fullMesh());
    expect(r.ok && r.pretty).toBe(true);
    if (r.ok) expect(r.text).toBe(serializeDocument(fullMesh()));
  });

  it('10,000 tunnels among 2,000 gateways, filled up to exactly MAX_FILE_BYTES: saves compact and opens equal; one byte more is refused', () => {
    const doc = largeDesign(2000, 10_000, 1);
    const first = serializeDocumentForSave(doc);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // Indented it would be about twice the limit; compact it fits. Notes fill it to the last byte.
    expect(first.pretty).toBe(false);
    addNotes(doc, MAX_FILE_BYTES - first.bytes);
    const r = serializeDocumentForSave(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bytes).toBe(MAX_FILE_BYTES);
    expect(new TextEncoder().encode(r.text).byteLength).toBe(MAX_FILE_BYTES);
    expect(serializeDocument(doc)).toBe(r.text);
    const loaded = loadDocumentText(r.text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.document).toEqual(doc);
    // Saving what was opened gives the same bytes (the canonical key order holds in compact form too).
    expect(serializeDocument(loaded.document)).toBe(r.text);
    addNotes(doc, 1);
    const over = serializeDocumentForSave(doc);
    expect(over).toMatchObject({ ok: false, code: 'DOCUMENT_TOO_LARGE', bytes: MAX_FILE_BYTES + 1 });
    if (!over.ok) expect(over.message).toMatch(/at most 20 MB\. Nothing was written and the document is unchanged/);
  });

  it('10,000 tunnels among 2,000 gateways with two proxy IDs per end fit (the figure the README gives)', () => {
    const r = serializeDocumentForSave(largeDesign(2000, 10_000, 2));
    expect(r.ok).toBe(true);
    expect(r.bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
  });

  it('refuses to open a small file whose document could not be saved again (defaults left out of the file)', () => {
    const doc = largeDesign(2, 18_000, 1);
    // Each tunnel with only what has no default: ~480 bytes in the file, ~1.3 kB once saved.
    const minimal = {
      formatVersion: 2,
      gateways: doc.gateways.map((g) => ({ id: g.id, name: g.name, vendor: g.vendor, vpnType: g.vpnType, position: g.position })),
      tunnels: doc.tunnels.map((t) => ({
        id: t.id, name: t.name,
        a: { gatewayId: 'gw-0', ikeVersion: 2, ike: { proposals: t.a.ike.proposals }, auth: {}, esp: { proposals: t.a.esp.proposals } },
        b: { gatewayId: 'gw-1', ikeVersion: 2, ike: { proposals: t.b.ike.proposals }, auth: {}, esp: { proposals: t.b.esp.proposals } },
      })),
    };
    const text = JSON.stringify(minimal);
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const r = loadDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('DOCUMENT_TOO_LARGE');
    expect(r.summary).toMatch(/would take \d+\.\d MB when saved; IPsec Studio saves topologies of at most 20 MB, so it was not opened/);
  });
});
