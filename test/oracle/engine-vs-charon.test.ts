// The engine against real strongSwan: every recorded interop case and a seeded set of random
// scenarios is negotiated between two charon daemons, and every child status, negotiated
// selector set and notify must equal the engine's prediction (predictObserved in
// test/support/interop.ts). Both ends are strongSwan, so no vendor difference excuses a
// disagreement: each one is an engine bug. Random cases that disagree are saved under
// test/oracle/findings/ in the fixture format, so they can become fixtures.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { canonical, differences, runInteropCase } from './harness/interop';
import type { ComparableObserved } from './harness/interop';
import { oracleAvailability } from './harness/system';
import type { OracleCase, OracleObserved } from './harness/types';
import { generateCase, seedList } from './generate';
import { loadFixtures } from './fixtures';

const available = oracleAvailability();
const FINDINGS = join(import.meta.dirname, 'findings');
const ENGINE_FILE = join(import.meta.dirname, '..', 'support', 'interop.ts');

type Predict = (c: OracleCase) => ComparableObserved;

/** The engine's predictObserved, or why it cannot be used yet. */
async function loadEngine(): Promise<{ ok: true; predict: Predict } | { ok: false; reason: string }> {
  if (!existsSync(ENGINE_FILE)) return { ok: false, reason: 'test/support/interop.ts (predictObserved) does not exist yet' };
  const mod = (await import(pathToFileURL(ENGINE_FILE).href)) as { predictObserved?: unknown };
  if (typeof mod.predictObserved !== 'function') return { ok: false, reason: 'test/support/interop.ts does not export predictObserved' };
  return { ok: true, predict: mod.predictObserved as Predict };
}

const engine = await loadEngine();
const fixtures = loadFixtures();
const generated = seedList().map(generateCase);

const runs = new Map<string, Promise<OracleObserved>>();
function observe(c: OracleCase): Promise<OracleObserved> {
  let p = runs.get(c.id);
  if (!p) {
    p = runInteropCase(c);
    runs.set(c.id, p);
  }
  return p;
}

const disagreements: Array<{ id: string; diffs: string[] }> = [];

function recordFinding(c: OracleCase, observed: OracleObserved, predicted: ComparableObserved, diffs: string[]): void {
  mkdirSync(FINDINGS, { recursive: true });
  const { not_observable: _n, duration_ms: _d, ...recorded } = observed;
  const finding = { ...c, observed: recorded, engine_prediction: canonical(predicted), differences: diffs };
  writeFileSync(join(FINDINGS, `${c.id}.json`), JSON.stringify(finding, null, 2) + '\n');
}

describe.skipIf(!available.ok)(`engine vs real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  afterAll(() => {
    if (disagreements.length === 0) return;
    const lines = disagreements.sort((x, y) => x.id.localeCompare(y.id)).map((d) => `  ${d.id}: ${d.diffs.join('; ')}`);
    console.warn(`engine disagrees with charon on ${disagreements.length} case(s):\n${lines.join('\n')}`);
  });

  describe('random scenarios negotiate cleanly on real charon', () => {
    for (const c of generated) {
      it.concurrent(`${c.id} (v${c.version})`, async ({ expect }) => {
        const o = await observe(c);
        // Anything here means the harness, not the peers, decided: never compare such a run.
        expect(o.load_error).toBeNull();
        expect(o.install_errors).toEqual([]);
        expect(o.not_observable).toEqual([]);
      });
    }
  });

  describe.skipIf(!engine.ok)(`the engine predicts what charon did${engine.ok ? '' : ` (skipped: ${engine.reason})`}`, () => {
    for (const c of [...fixtures, ...generated]) {
      it.concurrent(c.id, async ({ expect }) => {
        if (!engine.ok) return;
        const o = await observe(c);
        expect(o.install_errors).toEqual([]);
        const predicted = engine.predict(c);
        const diffs = differences(o, predicted);
        if (diffs.length > 0) {
          disagreements.push({ id: c.id, diffs });
          if (c.id.startsWith('gen-')) recordFinding(c, o, predicted, diffs);
        }
        expect(diffs).toEqual([]);
      });
    }
  });
});
