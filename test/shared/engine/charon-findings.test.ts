// Cases where the engine once disagreed with real charon 5.9.8 (found by the oracle suite's
// seeded random scenarios, test/oracle/findings/), kept with charon's observed outcome so each
// class of disagreement stays fixed: IKEv1 sends only the first DH group of a proposal; IKEv1 ID
// payloads carry one port; a config's contained selectors do not score; each strongSwan child
// has its own ESP proposals; IKEv2 does not establish a duplicate child; IKEv1 Quick Mode PFS
// uses the IKE SA's group when listed (the probe-* cases pin these rules one by one).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareObserved, predictObserved, type InteropCase } from '../../support/interop';

const dir = path.join(__dirname, 'charon-findings');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as InteropCase);

describe('former disagreements with real charon', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(compareObserved(predictObserved(c), c.observed)).toEqual([]);
  });
});
