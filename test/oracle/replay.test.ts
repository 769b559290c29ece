// Every recorded interop case, negotiated again between two real charon daemons and compared
// with what was recorded: proves the harness reproduces the recorder's observations.
import { afterAll, describe, it } from 'vitest';
import { differences, runInteropCase } from './harness/interop';
import { oracleAvailability } from './harness/system';
import { loadFixtures } from './fixtures';

const available = oracleAvailability();
const cases = loadFixtures();
const durations: number[] = [];

describe.skipIf(!available.ok)(`replay of the recorded interop cases${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  afterAll(() => {
    if (durations.length === 0) return;
    const d = [...durations].sort((x, y) => x - y);
    const at = (q: number): number => d[Math.min(d.length - 1, Math.floor(d.length * q))] ?? 0;
    console.info(`oracle: ${d.length} cases, per case (namespaces to teardown) median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
  });

  it('has the recorded cases', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases) {
    it.concurrent(c.id, async ({ expect }) => {
      const observed = await runInteropCase(c);
      durations.push(observed.duration_ms);
      expect(observed.load_error).toBeNull();
      expect(observed.install_errors).toEqual([]);
      expect(observed.not_observable).toEqual([]);
      expect(differences(c.observed, observed)).toEqual([]);
    });
  }
});
