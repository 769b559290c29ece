// Every case real strongSwan produced (test/fixtures/interop) must be predicted exactly by the
// engine's strongswan profile on both ends.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareObserved, predictObserved, type InteropCase } from '../../support/interop';

const dir = path.join(__dirname, '..', '..', 'fixtures', 'interop');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as InteropCase);

describe('interop fixtures (real strongSwan 5.9.8)', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(compareObserved(predictObserved(c), c.observed)).toEqual([]);
  });
});
