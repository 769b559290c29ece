// The recorded interop cases (test/fixtures/interop/*.json), read for the oracle suites.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OracleCase, OracleObserved } from './harness/types';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'interop');

export type RecordedCase = OracleCase & { observed: Omit<OracleObserved, 'not_observable' | 'duration_ms'> };

export function loadFixtures(dir = FIXTURE_DIR): RecordedCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RecordedCase);
}
