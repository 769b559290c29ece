// @vitest-environment node
// Electronegativity (Doyensec's static checker for Electron security misconfigurations) over the
// main process, the preload and the renderer, through `npm run audit:electron`
// (scripts/audit-electron.ts). Its own CLI cannot run in this repo (it reads options the way
// commander 5 stored them, and npm hoists a newer commander), so the script calls its library
// API. Every finding must be listed, with the reason it is acceptable, in
// scripts/electronegativity-reviewed.json; any other finding, a listed one that no longer
// occurs, or a file the scanner could not parse fails the audit.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { auditElectron, loadReviewed } from '../../scripts/audit-electron';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;

describe('npm run audit:electron', () => {
  it('is part of npm test, before the unit tests', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['audit:electron']).toBeDefined();
    const steps = (pkg.scripts.test ?? '').split('&&').map((s) => s.trim());
    expect(steps).toContain('npm run audit:electron');
    expect(steps.indexOf('npm run audit:electron')).toBeLessThan(steps.indexOf('npm run test:unit'));
  });

  it('finds nothing unreviewed in electron/ and renderer/, and every reviewed entry still occurs', { timeout: 120_000 }, async () => {
    const result = await auditElectron({ root, folders: ['electron', 'renderer'], reviewed: await loadReviewed(join(root, 'scripts/electronegativity-reviewed.json')) });
    expect(result.checksRun).toBeGreaterThan(30);
    expect(result.parseErrors).toEqual([]);
    expect(result.unreviewed.map((f) => `${f.id} ${f.file}:${f.line} ${f.description}`)).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.reviewed.length).toBeGreaterThan(0);
  });

  it('fails on a new finding: a window without context isolation or sandbox', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipsec-studio-audit-'));
    try {
      await mkdir(join(dir, 'electron'));
      await writeFile(
        join(dir, 'electron', 'main.ts'),
        "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
      );
      const result = await auditElectron({ root: dir, folders: ['electron'], reviewed: [] });
      const ids = result.unreviewed.map((f) => f.id);
      expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
      expect(ids).toContain('SANDBOX_JS_CHECK');
      expect(ids).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
      expect(result.ok).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs as a command and exits 0 with the count of reviewed findings', { timeout: 180_000 }, () => {
    const run = spawnSync('npm', ['run', '--silent', 'audit:electron'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0 unreviewed/);
  });
});

describe('the CSP the audit reviews', () => {
  it("has no high or medium finding in the CSP evaluator the scanner uses", () => {
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (policy: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { directive: string; severity: number; value?: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    const serious = findings.filter((f) => f.severity < (csp.severities.MEDIUM_MAYBE ?? 50));
    expect(serious).toEqual([]);
    // The one remark left is the 'self' caveat reviewed in scripts/electronegativity-reviewed.json.
    expect(findings.map((f) => `${f.directive} ${f.value ?? ''}`.trim())).toEqual(["script-src 'self'"]);
  });
});
