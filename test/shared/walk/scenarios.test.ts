// The four seed scenarios against the real negotiation engine: each symptom reproduced from its
// template, at the step and with the code the scenario names.
import { describe, expect, it } from 'vitest';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { SEED_SCENARIOS } from '../../../shared/templates/scenarios/seed-scenarios';
import { DocumentSchema } from '../../../shared/model/document';
import { walkPacket } from '../../../shared/walk/walk';

describe('seed scenarios with the engine', () => {
  for (const s of SEED_SCENARIOS) {
    it(`${s.title}: ${s.expected.outcome} at ${s.expected.step} (${s.expected.code})`, () => {
      const doc = s.build();
      expect(DocumentSchema.safeParse(doc).success).toBe(true);
      const r = walkPacket(doc, s.walk, { negotiate: engineNegotiator });
      if (!r.ok) throw new Error(r.message);
      expect(r.value.outcome).toBe(s.expected.outcome);
      const failed = r.value.outcome === 'one-way' ? r.value.reply : r.value.forward;
      expect(failed).toMatchObject({ step: s.expected.step, code: s.expected.code });
    });
  }

  it('route but no proxy ID: the failure carries the engine notify', () => {
    const s = SEED_SCENARIOS[0]!;
    const r = walkPacket(s.build(), s.walk, { negotiate: engineNegotiator });
    expect(r.ok && r.value.forward.result !== 'delivered' && r.value.forward.reason).toMatch(/INVALID_ID_INFORMATION|NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE/);
  });

  it('fixing the scenarios: the wrong-SA walk to the first network is delivered both ways', () => {
    const s = SEED_SCENARIOS[2]!;
    const r = walkPacket(s.build(), { from: 'ssg-host', to: 'net21-host', protocol: 'icmp' }, { negotiate: engineNegotiator });
    expect(r.ok && r.value.outcome).toBe('delivered');
  });
});
