// What a customer sees cites documents by their titles: no template, note, report line, rule source
// or product table says "seed" (the team's name for the two source articles), and none carries a
// doubled closing parenthesis left by string assembly.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import { RULE_TABLES } from '../../../shared/monitor/rules';
import { TEMPLATES } from '../../../shared/templates/index';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';

function strings(value: unknown, path: string, out: { path: string; text: string }[], seen = new Set<unknown>()): { path: string; text: string }[] {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out, seen);
  }
  return out;
}

const SEED = /\bseeds?\b/i;

describe('the text a customer sees', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: the template, its document and its full report cite no "seed"', (_id, t) => {
    const doc = t.build();
    const texts = strings({ title: t.title, description: t.description, doc, report: computeReport(doc, { detail: 'full' }) }, t.id, []);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((s) => SEED.test(s.text) || s.text.includes('))'))).toEqual([]);
  });

  it('the monitor\'s rule tables and every product\'s tables cite documents, never a "seed"', () => {
    const texts = strings({ rules: RULE_TABLES, vendors: VENDOR_MODULES }, 'tables', []);
    expect(texts.some((s) => s.text.includes('KB16008'))).toBe(true);
    expect(texts.filter((s) => SEED.test(s.text))).toEqual([]);
  });
});
