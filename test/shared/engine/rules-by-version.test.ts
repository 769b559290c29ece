// The rules cited for a verdict belong to the tunnel's IKE version: an IKEv1 result never lists
// an IKEv2 rule (nor the reverse), for every pair of products, up or down.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';
import { BR, HQ, pair, pid } from './build';

const OTHER_VERSION = { 1: /^(An? )?IKEv2\b/, 2: /^(An? )?IKEv1\b/ } as const;

describe('rules by IKE version', () => {
  for (const v of [1, 2] as const) {
    it(`IKEv${v}: no rule cited is an IKEv${v === 1 ? 2 : 1} rule`, () => {
      const wrong: string[] = [];
      for (const a of VENDOR_MODULES) {
        for (const b of VENDOR_MODULES) {
          // Mirrored selectors (up) and a narrower answer (the initiator's acceptance decides).
          for (const proxyB of [[pid(BR, HQ)], [pid(BR, '10.1.1.0/25')]]) {
            const r = negotiateTunnel(pair({ a: a.id, b: b.id, v, proxyA: [pid(HQ, BR)], proxyB }), 't1', {});
            const cited = new Set([...r.phase1.rules, ...r.phase2.flatMap((p) => p.rules), ...r.rules.map((x) => x.id)]);
            for (const rule of r.rules) if (cited.has(rule.id) && OTHER_VERSION[v].test(rule.statement)) wrong.push(`${a.id} -> ${b.id}: ${rule.id} "${rule.statement}"`);
          }
        }
      }
      expect([...new Set(wrong)]).toEqual([]);
    });
  }
});
