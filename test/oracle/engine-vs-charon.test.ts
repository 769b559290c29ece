// The engine against real strongSwan: every recorded interop case, the hand-written probes of
// probes.ts and a seeded set of random scenarios are negotiated between two charon daemons, and
// every child status, negotiated selector set and notify must equal the engine's prediction
// (predictObserved in test/support/interop.ts). Both ends are strongSwan, so no vendor difference
// excuses a disagreement: each one is an engine bug. Probes and random cases that disagree are
// saved under test/oracle/findings/ in the fixture format, so they can become fixtures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { predictObserved } from '../support/interop';
import type { InteropCase } from '../support/interop';
import { canonical, differences, runInteropCase } from './harness/interop';
import type { ComparableObserved } from './harness/interop';
import { oracleAvailability } from './harness/system';
import type { OracleCase, OracleObserved } from './harness/types';
import { generateCase, seedList } from './generate';
import { loadFixtures } from './fixtures';
import { PROBES } from './probes';

const available = oracleAvailability();
const FINDINGS = join(import.meta.dirname, 'findings');

/** The engine's prediction. It reads the configuration only; a generated case has no record yet. */
function predict(c: OracleCase): ComparableObserved {
  const unrecorded: InteropCase['observed'] = { ike: 'down', children: {}, notifies_received_by_initiator: [], notifies_sent_by_responder: [] };
  return predictObserved({ ...c, observed: unrecorded });
}

const fixtures = loadFixtures();
const fixtureIds = new Set(fixtures.map((c) => c.id));
const generated = [...PROBES, ...seedList().map(generateCase)];

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

  describe('probes and random scenarios negotiate cleanly on real charon', () => {
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

  describe('the engine predicts what charon did', () => {
    for (const c of [...fixtures, ...generated]) {
      it.concurrent(c.id, async ({ expect }) => {
        const o = await observe(c);
        // Only a run decided by the peers is compared.
        expect(o.load_error).toBeNull();
        expect(o.install_errors).toEqual([]);
        expect(o.not_observable).toEqual([]);
        const predicted = predict(c);
        const diffs = differences(o, predicted);
        if (diffs.length > 0) {
          disagreements.push({ id: c.id, diffs });
          if (!fixtureIds.has(c.id)) recordFinding(c, o, predicted, diffs);
        }
        expect(diffs).toEqual([]);
      });
    }
  });
});
