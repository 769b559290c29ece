// One verdict: the export's "design comes up" pre-check and `check` decide with the same
// function, so they never disagree (they did when phase 1 came up and no phase 2 was proposed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK } from '../../../shared/cli/io';
import { runCli } from '../../../shared/cli/main';
import { designVerdict } from '../../../shared/engine/verdict';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument, isDesignFailure } from '../../../shared/export/export';
import { serializeDocument } from '../../../shared/document/file';
import { TopologyBuilder } from '../../../shared/templates/build';
import { TEMPLATES } from '../../../shared/templates/index';
import { memoryIo } from '../../support/memory-io';
import { buildDesign, design } from '../export/random-design';

/** Two policy-based products with no proxy ID: phase 1 comes up, nothing is proposed for phase 2. */
function noPhase2() {
  const b = new TopologyBuilder('no-phase-2');
  const asa = b.gateway({ name: 'ASA', vendor: 'cisco-asa', outside: '198.51.100.1/24', position: { x: 0, y: 0 }, vpnType: 'policy-based' });
  const ios = b.gateway({ name: 'IOS', vendor: 'cisco-ios', outside: '203.0.113.2/24', position: { x: 400, y: 0 }, vpnType: 'policy-based' });
  b.tunnel('t1', asa, ios, { ikeVersion: 2 });
  return b.build();
}

async function exitOf(argv: string[], text: string): Promise<number> {
  const m = memoryIo({ 'd.json': text });
  return runCli([argv[0] as string, 'd.json', ...argv.slice(1)], m.io);
}

describe('one verdict for check and export', { timeout: 600_000 }, () => {
  it('phase 1 up with no phase 2 proposed: check fails, and so does the export pre-check', async () => {
    const doc = noPhase2();
    const report = computeReport(doc);
    expect(report.tunnels[0]!.phase1.status).toBe('up');
    expect(report.tunnels[0]!.phase2).toEqual([]);
    expect(designVerdict(report).comesUp).toBe(false);
    const warnings = exportDocument(doc).warnings.filter(isDesignFailure);
    expect(warnings.map((w) => w.gateway).sort()).toEqual(['ASA', 'IOS']);
    expect(warnings[0]!.message).toMatch(/phase 1 comes up but no phase-2 SA is proposed/);
    const text = serializeDocument(doc);
    expect(await exitOf(['check'], text)).toBe(EXIT_FAILED);
    expect(await exitOf(['export'], text)).toBe(EXIT_FAILED);
  });

  it('every template: the export pre-check says what check says', async () => {
    for (const t of TEMPLATES) {
      const doc = t.build();
      const text = serializeDocument(doc);
      const check = await exitOf(['check'], text);
      expect([EXIT_OK, EXIT_FAILED]).toContain(check);
      expect(await exitOf(['export'], text)).toBe(check);
      expect(exportDocument(doc).warnings.some(isDesignFailure)).toBe(check === EXIT_FAILED);
    }
  });

  it('random designs: the export pre-check, its exit status and check\'s exit status always agree', async () => {
    await fc.assert(fc.asyncProperty(design, async (d) => {
      const doc = buildDesign(d);
      const text = serializeDocument(doc);
      const check = await exitOf(['check'], text);
      const exported = await exitOf(['export'], text);
      const verdict = designVerdict(computeReport(doc)).comesUp;
      expect(exported).toBe(check);
      expect(verdict).toBe(check === EXIT_OK);
      expect(exportDocument(doc).warnings.some(isDesignFailure)).toBe(!verdict);
    }), { numRuns: 1500 });
  });
});
