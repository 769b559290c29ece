// The engine against real Libreswan 4.10 pluto and real OpenIKED 7.2 iked, each negotiating with
// real strongSwan 5.9.8 charon (harness/rigs.ts), in both roles:
// 1. replay: every recorded run of test/fixtures/interop-others/ is negotiated again and must give
//    its recorded observation (proves the harness reproduces what was recorded);
// 2. seeded random cases (others/scenarios.ts) must run cleanly (no load or install error, never
//    "unsupported");
// 3. for all of them, the engine's prediction (others/predict.ts: `libreswan` profile for pluto,
//    `generic` for iked) must equal what the daemons did: the IKE SA, every child's status (up,
//    down, inconsistent, initiator-only), both ends' selectors, the responder config, both notify
//    sets. Runs that disagree today are listed in others/known-disagreements.ts with their class
//    and exact differences; an entry that changes or starts to agree fails, so the list cannot rot,
//    and a new disagreement fails.
// ORACLE_OTHERS_REPORT=FILE writes every run (prediction, observation, differences, evidence) as
// JSON; others/baseline.ts turns it into the baseline table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { comparableOfDriver, otherDifferences } from './harness/rig-output';
import type { OtherComparable } from './harness/rig-output';
import { RIGS_CONCURRENCY, rigsAvailability, runRigCase } from './harness/rigs';
import type { RigRun } from './harness/rigs';
import { KNOWN_DISAGREEMENTS } from './others/known-disagreements';
import { predictOther } from './others/predict';
import { generatedScenarios, recordedScenarios } from './others/scenarios';
import type { OtherScenario } from './others/scenarios';

const available = rigsAvailability();
const recorded = recordedScenarios();
const generated = generatedScenarios();
const runnable = [...recorded.filter((s) => !(s.recorded && 'unsupported' in s.recorded)), ...generated];
const known = new Map(KNOWN_DISAGREEMENTS.map((k) => [k.key, k]));
const FINDINGS = join(import.meta.dirname, 'findings', 'others');
// A test may wait for the runs queued before its own: generous, the suite's budget is the sum.
const TEST_TIMEOUT = 600_000;

const runs = new Map<string, Promise<RigRun>>();
function observe(s: OtherScenario): Promise<RigRun> {
  let p = runs.get(s.key);
  if (!p) {
    p = runRigCase({ case: s.case, daemon: s.daemon, placement: s.placement, ...(s.narrowing ? { narrowing: s.narrowing } : {}) });
    p.catch(() => undefined); // reported by the test that awaits it
    runs.set(s.key, p);
  }
  return p;
}

interface Outcome {
  scenario: OtherScenario;
  run: RigRun;
  real: OtherComparable;
  engine: OtherComparable;
  diffs: string[];
}
const outcomes: Outcome[] = [];
let startedAt = 0;

describe('the known-disagreement table', () => {
  it.skipIf(process.env['ORACLE_OTHERS_SEEDS'] !== undefined || process.env['ORACLE_OTHERS_RANDOM'] !== undefined)('lists only runs of this suite, each once', ({ expect }) => {
    const keys = new Set(runnable.map((s) => s.key));
    expect(KNOWN_DISAGREEMENTS.filter((k) => !keys.has(k.key)).map((k) => k.key)).toEqual([]);
    expect(known.size).toBe(KNOWN_DISAGREEMENTS.length);
  });

  it('gives every entry a class and its differences', ({ expect }) => {
    expect(KNOWN_DISAGREEMENTS.filter((k) => k.classes.length === 0 || k.diffs.length === 0).map((k) => k.key)).toEqual([]);
  });
});

describe.skipIf(!available.ok)(`real Libreswan and OpenIKED against real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  beforeAll(() => {
    startedAt = performance.now();
    // Every run queued now, so the limiter stays busy across the describe blocks below.
    for (const s of runnable) void observe(s);
  });

  afterAll(() => {
    if (outcomes.length === 0) return;
    const wall = Math.round((performance.now() - startedAt) / 1000);
    const d = outcomes.map((o) => o.run.duration_ms).sort((x, y) => x - y);
    const at = (q: number): number => d[Math.min(d.length - 1, Math.floor(d.length * q))] ?? 0;
    const rows = new Map<string, { runs: number; agree: number }>();
    for (const o of outcomes) {
      const k = `${o.scenario.daemon} as ${o.scenario.placement}${o.scenario.narrowing === 'yes' ? ' (narrowing=yes)' : ''}`;
      const row = rows.get(k) ?? { runs: 0, agree: 0 };
      row.runs++;
      if (o.diffs.length === 0) row.agree++;
      rows.set(k, row);
    }
    const table = [...rows].sort().map(([k, r]) => `  ${k}: ${r.agree}/${r.runs} agree`).join('\n');
    console.info(`oracle (pluto/iked): ${outcomes.length} runs in ${wall} s at ${RIGS_CONCURRENCY} at once; per run median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms\n${table}`);
    const report = process.env['ORACLE_OTHERS_REPORT'];
    if (report) {
      const sorted = [...outcomes].sort((x, y) => x.scenario.key.localeCompare(y.scenario.key));
      writeFileSync(report, JSON.stringify(sorted.map((o) => ({ ...o.scenario, roles: o.run.roles, engine: o.engine, real: o.real, diffs: o.diffs, known: known.get(o.scenario.key)?.classes ?? null, observed: o.run.observed, evidence: o.run.evidence, notes: o.run.notes, duration_ms: o.run.duration_ms })), null, 1) + '\n');
    }
  });

  describe('replay of the recorded runs (test/fixtures/interop-others)', () => {
    it('has the recorded runs', ({ expect }) => {
      expect(recorded.length).toBeGreaterThanOrEqual(121);
    });

    for (const s of recorded) {
      it.concurrent(s.key, { timeout: TEST_TIMEOUT }, async ({ expect }) => {
        const r = await observe(s);
        if (s.recorded && 'unsupported' in s.recorded) {
          expect(r.unsupported).toBe(s.recorded.unsupported);
          return;
        }
        expect(r.unsupported).toBeNull();
        if (!r.observed || !s.recorded) throw new Error('no observation');
        expect(r.observed.load_error).toBeNull();
        expect(r.observed.install_errors).toEqual([]);
        expect(r.not_observable).toEqual([]);
        expect(otherDifferences(comparableOfDriver(s.recorded), comparableOfDriver(r.observed), { expected: 'recorded', actual: 'now' })).toEqual([]);
      });
    }
  });

  describe('seeded random cases run cleanly', () => {
    for (const s of generated) {
      it.concurrent(s.key, { timeout: TEST_TIMEOUT }, async ({ expect }) => {
        const r = await observe(s);
        // others/expressible.ts chose only cases the daemon can express; the driver must agree.
        expect(r.unsupported).toBeNull();
        expect(r.observed?.load_error ?? null).toBeNull();
        // A failed SA install is this kernel's artefact, never a negotiation result.
        expect(r.observed?.install_errors ?? []).toEqual([]);
        expect(r.not_observable).toEqual([]);
      });
    }
  });

  describe('the engine predicts what the real daemons did', () => {
    for (const s of runnable) {
      it.concurrent(s.key, { timeout: TEST_TIMEOUT }, async ({ expect }) => {
        const r = await observe(s);
        if (!r.observed || r.observed.load_error !== null || r.observed.install_errors.length > 0 || r.not_observable.length > 0) {
          throw new Error(`not a negotiation result: ${r.unsupported ?? r.observed?.load_error ?? [...(r.observed?.install_errors ?? []), ...r.not_observable].join('; ')}`);
        }
        const real = comparableOfDriver(r.observed);
        const engine = predictOther(s.case, s.daemon, s.placement, s.narrowing);
        const diffs = otherDifferences(real, engine, { expected: 'real', actual: 'engine' });
        outcomes.push({ scenario: s, run: r, real, engine, diffs });
        const entry = known.get(s.key);
        if (entry) {
          // Listed: the same differences, or the entry must be updated (or removed once it agrees).
          expect(diffs, `${s.key} is a known disagreement (${entry.classes.join(', ')}); update others/known-disagreements.ts`).toEqual(entry.diffs);
          return;
        }
        if (diffs.length > 0 && s.source === 'generated') {
          mkdirSync(FINDINGS, { recursive: true });
          writeFileSync(join(FINDINGS, `${s.key.replace(/[^A-Za-z0-9_.-]+/g, '_')}.json`), JSON.stringify({ ...s.case, rig: { daemon: s.daemon, placement: s.placement, narrowing: s.narrowing ?? null }, observed: r.observed, engine_prediction: engine, differences: diffs, evidence: r.evidence }, null, 2) + '\n');
        }
        expect(diffs).toEqual([]);
      });
    }
  });
});
