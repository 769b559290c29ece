import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../shared/model/document';
import { describeErrors } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { TEMPLATES } from '../../../shared/templates/index';

describe('workshop templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid document that round-trips through a file', (_id, t) => {
    const doc = t.build();
    const parsed = DocumentSchema.safeParse(doc);
    expect(parsed.success ? '' : describeErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))).toBe('');
    const loaded = loadDocumentText(serializeDocument(doc));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.document).toEqual(doc);
  });

  it('builds the same document every time (ids and layout are deterministic)', () => {
    for (const t of TEMPLATES) expect(serializeDocument(t.build())).toBe(serializeDocument(t.build()));
  });

  it('has template ids that are unique', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  it('routes every remote network of a route-based end to that end\'s tunnel interface (ScreenOS seed)', () => {
    const doc = TEMPLATES.find((t) => t.id === 'screenos-multi-proxy-id')!.build();
    const ssg = doc.gateways.find((g) => g.vendor === 'screenos')!;
    expect(ssg.routes.map((r) => `${r.destination} ${r.interface}`)).toEqual(['172.16.1.0/24 tunnel.1', '172.16.2.0/24 tunnel.1']);
    expect(doc.tunnels[0]!.a.proxyIds).toHaveLength(4);
    expect(doc.tunnels[0]!.a.vendorOptions.screenos?.proxyIdCheck).toBe(true);
  });
});
