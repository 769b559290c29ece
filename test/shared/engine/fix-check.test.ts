// A one-click fix is offered only once the engine, run on a copy with it applied, sees it help and
// nothing get worse; a symptom of a reversed selector waits for the root cause's fix.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Editor } from '../../../shared/commands/editor';
import { computeReport } from '../../../shared/engine/report-cache';
import type { Diagnostic, TunnelReport } from '../../../shared/engine/report';
import { reversedOnPanos } from '../../support/designs';
import { TEMPLATES } from '../../../shared/templates/index';
import type { TopologyDocument } from '../../../shared/model/document';

const diagnostics = (r: TunnelReport, code: string) => r.diagnostics.filter((d) => d.code === code);

function applied(doc: TopologyDocument, d: Diagnostic): TopologyDocument {
  const e = new Editor(doc);
  expect(e.dispatch({ type: 'batch', label: 'fix', commands: d.fix })).toEqual({ ok: true, changed: true });
  return e.document;
}

describe('fixes the engine has checked', () => {
  it('a reversed proxy ID: the swap is offered with what it changes; routing the gateway\'s own LAN into the tunnel is not', () => {
    const doc = reversedOnPanos();
    const r = computeReport(doc).tunnels[0]!;
    const [reversed] = diagnostics(r, 'SELECTOR_REVERSED');
    expect(reversed).toBeDefined();
    expect(reversed!.fix.length).toBeGreaterThan(0);
    // PA-HQ's "local" 10.20.0.0/24 is behind ASA-Branch: PA-HQ's proxy ID is the reversed one.
    expect(reversed).toMatchObject({ end: 'a', gateway: 'PA-HQ', fixLabel: 'Swap local and remote on PA-HQ' });
    expect(reversed!.fixEffect).toMatch(/^Checked on a copy: phase 2 goes from 0 to 1 of 1 selector up/);
    const ownLan = r.diagnostics.filter((d) => d.fix.some((c) => c.type === 'route.add' && c.route.destination === '10.10.0.0/24'));
    expect(ownLan).toEqual([]);
    const withheld = r.diagnostics.filter((d) => d.code === 'PROXY_ID_WITHOUT_ROUTE' && d.selector?.remote === '10.10.0.0/24');
    expect(withheld.length).toBeGreaterThan(0);
    for (const d of withheld) {
      expect(d.fix).toEqual([]);
      expect(d.fixWithheld).toMatch(/^No one-click fix: /);
      // A symptom of the reversed selector, listed right after it.
      expect(d.causedBy).toBe('SELECTOR_REVERSED');
      expect(r.diagnostics.indexOf(d)).toBe(r.diagnostics.indexOf(reversed!) + 1);
    }
    // The offered fix does what it says.
    const after = computeReport(applied(doc, reversed!)).tunnels[0]!;
    expect(after.phase2.filter((p) => p.status === 'up')).toHaveLength(1);
  });

  it('every fix offered on every template and on random edits of them helps and makes nothing worse', () => {
    const docs = TEMPLATES.map((t) => t.build());
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: docs.length - 1 }), fc.integer({ min: 0, max: 5 }), (i, drop) => {
        // A random weakening: drop one proxy ID (or none) from the first tunnel's end A.
        const base = docs[i]!;
        const e = new Editor(base);
        const t = base.tunnels[0];
        if (t && drop < t.a.proxyIds.length) e.dispatch({ type: 'proxyId.remove', tunnelId: t.id, end: 'a', index: drop });
        const doc = e.document;
        const report = computeReport(doc, { detail: 'summary' });
        for (const tr of report.tunnels) {
          for (const d of tr.diagnostics.filter((x) => x.fix.length > 0 && x.fixEffect !== undefined)) {
            const fixed = computeReport(applied(doc, d), { detail: 'summary' }).tunnels.find((x) => x.tunnelId === tr.tunnelId);
            checked++;
            if (!fixed) continue; // the fix removed the tunnel
            const up = (x: TunnelReport) => x.phase2.filter((p) => p.status === 'up').length;
            expect(up(fixed)).toBeGreaterThanOrEqual(up(tr));
            if (tr.phase1.status === 'up') expect(fixed.phase1.status).toBe('up');
            const errors = (x: TunnelReport) => new Set(x.diagnostics.filter((y) => y.severity === 'error').map((y) => `${y.code}|${y.end}|${y.selector?.proxyIdIndex}`));
            const before = errors(tr);
            expect([...errors(fixed)].filter((k) => !before.has(k))).toEqual([]);
          }
        }
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
