// Every pair of hosts and networks in every workshop template and seed scenario, walked with
// the real engine: never an exception, always a closed outcome, every failure at a named step.
import { describe, expect, it } from 'vitest';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { TEMPLATES } from '../../../shared/templates/index';
import { SEED_SCENARIOS } from '../../../shared/templates/scenarios/seed-scenarios';
import { walkPacket } from '../../../shared/walk/walk';

describe('walks across every template', () => {
  for (const t of [...TEMPLATES, ...SEED_SCENARIOS]) {
    it(t.id, () => {
      const doc = t.build();
      const outcomes = new Map<string, number>();
      for (const a of doc.networks) {
        for (const b of doc.networks) {
          if (a.id === b.id) continue;
          for (const protocol of ['tcp', 'icmp'] as const) {
            const r = walkPacket(doc, { from: a.id, to: b.id, protocol }, { negotiate: engineNegotiator });
            expect(r.ok).toBe(true);
            if (!r.ok) continue;
            outcomes.set(r.value.outcome, (outcomes.get(r.value.outcome) ?? 0) + 1);
            expect(['delivered', 'dropped', 'blackholed', 'one-way']).toContain(r.value.outcome);
            const last = r.value.steps[r.value.steps.length - 1];
            expect(last).toBeDefined();
            if (r.value.outcome === 'delivered') expect(last?.kind).toBe('deliver');
            else expect(r.value.steps.some((s) => !s.ok)).toBe(true);
          }
        }
      }
      expect([...outcomes.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
    });
  }
});
