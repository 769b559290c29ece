// Every recorded interop case, negotiated again between two real charon daemons and compared
// with what was recorded: proves the harness reproduces the recorder's observations.
import { describe, it } from 'vitest';
import { differences, runInteropCase } from './harness/interop';
import { oracleAvailability } from './harness/system';
import { loadFixtures } from './fixtures';

const available = oracleAvailability();
const cases = loadFixtures();

describe.skipIf(!available.ok)(`replay of the recorded interop cases${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it('has the recorded cases', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases) {
    it.concurrent(c.id, async ({ expect }) => {
      const observed = await runInteropCase(c);
      expect(observed.load_error).toBeNull();
      expect(observed.install_errors).toEqual([]);
      expect(observed.not_observable).toEqual([]);
      expect(differences(c.observed, observed)).toEqual([]);
    });
  }
});
