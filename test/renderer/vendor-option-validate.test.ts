// The inspector's check of a product setting typed as text (a Cisco crypto map name, its first
// sequence number): the same ranges and names the document's schema takes.
import { describe, expect, it } from 'vitest';
import { validateOptionText } from '../../renderer/inspector/validate';
import { vendorModule } from '../../shared/vendors/registry';

describe('product settings typed as text', () => {
  for (const vendor of ['cisco-asa', 'cisco-ios'] as const) {
    const set = vendorModule(vendor).options?.gateway;
    it(`${vendor}: the inspector refuses what the document schema refuses`, () => {
      expect(set).toBeDefined();
      for (const f of set?.fields ?? []) {
        if (f.kind !== 'text' && f.kind !== 'number') continue;
        const tries = f.kind === 'number' ? ['1', String(f.max), '0', String(f.max + 1), 'ten'] : ['', 'outside_map', 'PROD-MAP', 'two words', 'a'.repeat(65), 'x?'];
        for (const t of tries) {
          const value = f.kind === 'number' && /^\d+$/.test(t) ? Number(t) : t;
          const schemaTakes = set?.schema.safeParse({ [f.key]: value }).success ?? false;
          expect(validateOptionText(f)(t) === undefined, `${f.key} = ${JSON.stringify(t)}`).toBe(schemaTakes);
        }
      }
    });
  }
});
