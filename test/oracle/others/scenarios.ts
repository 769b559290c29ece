// The runs of the Libreswan/OpenIKED oracle: every recorded case of test/fixtures/interop-others/
// in its recorded role and options, and seeded random cases of ../generate.ts with each real
// daemon in each role (pluto with narrowing=no and, for IKEv2, narrowing=yes; iked IKEv2 only),
// restricted to what that daemon's configuration can express. Same seeds, same runs.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { generateCase } from '../generate';
import type { DriverObserved } from '../harness/rig-output';
import { DriverObservedSchema } from '../harness/rig-output';
import type { OtherDaemon, RigPlacement } from '../harness/rigs';
import type { OracleCase } from '../harness/types';
import { caseProblem } from './expressible';

export const OTHERS_FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'interop-others');

export interface OtherScenario {
  /** Unique name: `<case id> <daemon>-<placement>[ narrowing=yes]`. */
  key: string;
  source: 'recorded' | 'generated';
  case: OracleCase;
  daemon: OtherDaemon;
  placement: RigPlacement;
  narrowing?: 'yes' | 'no';
  /** Recorded cases: what the daemons did when recorded (`unsupported`: nothing was run). */
  recorded?: DriverObserved | { unsupported: string };
  /** Recorded cases: the fixture file name. */
  file?: string;
}

export function scenarioKey(id: string, daemon: OtherDaemon, placement: RigPlacement, narrowing?: 'yes' | 'no'): string {
  return `${id} ${daemon}-${placement}${narrowing === 'yes' ? ' narrowing=yes' : ''}`;
}

interface RecordedFile {
  id: string;
  version: 1 | 2;
  initiator: OracleCase['initiator'];
  responder: OracleCase['responder'];
  initiate: string[];
  rig: { driver: string; role: string; options?: { narrowing?: string } };
  observed: unknown;
}

function asPlacement(role: string, file: string): RigPlacement {
  if (role === 'initiator' || role === 'responder' || role === 'both') return role;
  throw new Error(`${file}: rig.role "${role}" is not initiator, responder or both`);
}

/** The recorded runs (121 files: 27 cases, iked in 37 runs, pluto in 84). */
export function recordedScenarios(dir = OTHERS_FIXTURE_DIR): OtherScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as RecordedFile;
      const daemon: OtherDaemon = r.rig.driver === 'iked-case.mjs' ? 'iked' : r.rig.driver === 'pluto-case.mjs' ? 'pluto' : (() => { throw new Error(`${f}: unknown driver ${r.rig.driver}`); })();
      const placement = asPlacement(r.rig.role, f);
      const narrowing = daemon === 'pluto' ? (r.rig.options?.narrowing === 'yes' ? 'yes' : 'no') : undefined;
      const unsupported = typeof r.observed === 'object' && r.observed !== null && 'unsupported' in r.observed ? String((r.observed as { unsupported: unknown }).unsupported) : undefined;
      const recorded = unsupported !== undefined ? { unsupported } : DriverObservedSchema.parse(r.observed);
      const c: OracleCase = { id: r.id, version: r.version, initiator: r.initiator, responder: r.responder, initiate: r.initiate };
      return { key: scenarioKey(r.id, daemon, placement, narrowing), source: 'recorded' as const, case: c, daemon, placement, ...(narrowing ? { narrowing } : {}), recorded, file: basename(f) };
    });
}

/** Daemon, placement and narrowing of a generated run. */
export interface Combo {
  daemon: OtherDaemon;
  placement: RigPlacement;
  narrowing?: 'yes' | 'no';
}

/** Every real daemon in each role; narrowing=yes only matters (and is only written) for IKEv2. */
export const COMBOS: readonly Combo[] = [
  { daemon: 'pluto', placement: 'responder', narrowing: 'no' },
  { daemon: 'pluto', placement: 'initiator', narrowing: 'no' },
  { daemon: 'pluto', placement: 'responder', narrowing: 'yes' },
  { daemon: 'pluto', placement: 'initiator', narrowing: 'yes' },
  { daemon: 'iked', placement: 'responder' },
  { daemon: 'iked', placement: 'initiator' },
];

const comboFits = (combo: Combo, c: OracleCase): boolean => !(combo.narrowing === 'yes' && c.version !== 2) && caseProblem(c, combo.daemon, combo.placement) === undefined;

/** Random cases per combo run in CI (the suite's time budget: test/oracle/README.md). */
export const CI_CASES_PER_COMBO = 50;

/**
 * For each combo, the first `perCombo` seeds from 1 on whose case that daemon can express there
 * (so most seeds run in several combos), or exactly ORACLE_OTHERS_SEEDS=3,17 in every combo that
 * fits. ORACLE_OTHERS_RANDOM=N raises `perCombo` to N.
 */
export function generatedScenarios(env: NodeJS.ProcessEnv = process.env): OtherScenario[] {
  const only = env['ORACLE_OTHERS_SEEDS'];
  const out: OtherScenario[] = [];
  const add = (c: OracleCase, combo: Combo): void => {
    out.push({ key: scenarioKey(c.id, combo.daemon, combo.placement, combo.narrowing), source: 'generated', case: c, ...combo });
  };
  if (only) {
    for (const seed of only.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n))) {
      const c = generateCase(seed);
      for (const combo of COMBOS) if (comboFits(combo, c)) add(c, combo);
    }
    return out;
  }
  const perCombo = Math.max(0, Number(env['ORACLE_OTHERS_RANDOM'] ?? '') || CI_CASES_PER_COMBO);
  const counts = COMBOS.map(() => 0);
  for (let seed = 1; counts.some((n) => n < perCombo) && seed < 100_000; seed++) {
    const c = generateCase(seed);
    COMBOS.forEach((combo, i) => {
      if ((counts[i] ?? 0) < perCombo && comboFits(combo, c)) {
        counts[i] = (counts[i] ?? 0) + 1;
        add(c, combo);
      }
    });
  }
  return out;
}
