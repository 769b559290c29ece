// `npm run audit:electron`: Electronegativity (Doyensec's static checker for Electron security
// misconfigurations) over electron/ and renderer/, scanned together so its global checks see the
// handlers in electron/ and the CSP in renderer/index.html at once.
//
// Its own command line cannot run here: dist/index.js reads options as properties of the
// commander 5 `program` object, does not declare commander as a dependency, and npm hoists
// commander 11 (from Electron Forge), where options live in `program.opts()`; every run ends in
// "Usage: electronegativity". So this script calls its library API (dist/runner.js) directly,
// with the translations it ships (its loader otherwise downloads them on every run).
//
// Every finding must be listed in scripts/electronegativity-reviewed.json with the reason it is
// acceptable. The audit fails on any other finding, on a listed finding that no longer occurs
// (the list stays true), and on any file the scanner could not parse (it would be skipped).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const require = createRequire(import.meta.url);

/** Checks left out of the run, each with the reason. */
export const EXCLUDED_CHECKS: readonly { check: string; reason: string }[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    reason: "downloads Electron's release list from GitHub to compare versions; the audit runs offline, and it reviews the Electron version in package.json, not our code",
  },
];

const ReviewedSchema = z.array(
  z.strictObject({
    id: z.string().min(1),
    /** Relative to the repository root, e.g. electron/security.ts. */
    file: z.string().min(1),
    reason: z.string().min(20),
  }),
);
export type ReviewedFinding = z.infer<typeof ReviewedSchema>[number];

export interface Finding {
  id: string;
  file: string;
  line: number;
  description: string;
  sample: string;
}

export interface AuditResult {
  ok: boolean;
  checksRun: number;
  reviewed: (Finding & { reason: string })[];
  unreviewed: Finding[];
  /** Reviewed entries that match no finding any more. */
  stale: ReviewedFinding[];
  parseErrors: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number };
  description?: string;
  sample?: string;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}
type Runner = (options: Record<string, unknown>, forCli?: boolean) => Promise<RawResult>;

export async function loadReviewed(path: string): Promise<ReviewedFinding[]> {
  return ReviewedSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** Replaces the scanner's translation loader (it fetches from the network) with its shipped en-US strings. */
function useShippedTranslations(packageDir: string): void {
  const loaderPath = require.resolve(join(packageDir, 'dist/locales/i18n.js'));
  const i18n = require('i18n') as { configure(options: Record<string, unknown>): void; setLocale(locale: string): void };
  const offline = async (): Promise<void> => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(packageDir, 'dist/locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[loaderPath] = { id: loaderPath, filename: loaderPath, loaded: true, exports: Object.assign(offline, { default: offline }) } as unknown as NodeJS.Module;
}

export async function auditElectron(options: { root: string; folders: readonly string[]; reviewed: readonly ReviewedFinding[] }): Promise<AuditResult> {
  const packageDir = join(require.resolve('@doyensec/electronegativity/package.json'), '..');
  useShippedTranslations(packageDir);
  const runner = require(join(packageDir, 'dist/runner.js')) as Runner | { default: Runner };
  const run = typeof runner === 'function' ? runner : runner.default;
  const electronVersion = (JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;

  // One scan of a copy holding exactly the folders asked for (not node_modules, tests or builds).
  const dir = await mkdtemp(join(tmpdir(), 'ipsec-studio-audit-'));
  let raw: RawResult;
  try {
    for (const folder of options.folders) await cp(join(options.root, folder), join(dir, folder), { recursive: true });
    raw = await run({ input: dir, excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check), electronVersionOverride: electronVersion, parserPlugins: [] }, false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const findings: Finding[] = raw.issues.map((i) => ({
    id: i.id,
    file: i.file === 'N/A' ? i.file : relative(dir, i.file),
    line: i.location?.line ?? 0,
    description: i.description ?? '',
    sample: (i.sample ?? '').trim().slice(0, 200),
  }));
  const reviewed: AuditResult['reviewed'] = [];
  const unreviewed: Finding[] = [];
  const used = new Set<ReviewedFinding>();
  for (const f of findings) {
    const entry = options.reviewed.find((r) => r.id === f.id && r.file === f.file);
    if (entry) {
      used.add(entry);
      reviewed.push({ ...f, reason: entry.reason });
    } else unreviewed.push(f);
  }
  const stale = options.reviewed.filter((r) => !used.has(r));
  const parseErrors = raw.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(dir, e.file), message: e.message }));
  return { ok: unreviewed.length === 0 && stale.length === 0 && parseErrors.length === 0, checksRun: raw.atomicChecks + raw.globalChecks, reviewed, unreviewed, stale, parseErrors };
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await auditElectron({ root, folders: ['electron', 'renderer'], reviewed: await loadReviewed(join(root, 'scripts/electronegativity-reviewed.json')) });
  const out: string[] = [`Electronegativity: ${result.checksRun} checks over electron/ and renderer/ (skipped: ${EXCLUDED_CHECKS.map((c) => c.check).join(', ')})`];
  for (const f of result.reviewed) out.push(`  reviewed  ${f.id} ${f.file}:${f.line}: ${f.reason}`);
  for (const f of result.unreviewed) out.push(`  NEW       ${f.id} ${f.file}:${f.line}: ${f.description}${f.sample ? `\n            ${f.sample}` : ''}`);
  for (const s of result.stale) out.push(`  STALE     ${s.id} ${s.file}: listed as reviewed but no longer found; remove it from scripts/electronegativity-reviewed.json`);
  for (const e of result.parseErrors) out.push(`  UNPARSED  ${e.file}: ${e.message}`);
  out.push(`${result.reviewed.length} reviewed, ${result.unreviewed.length} unreviewed, ${result.stale.length} stale, ${result.parseErrors.length} unparsed`);
  if (!result.ok) out.push('Review each NEW finding: fix it, or add it with the reason it is acceptable to scripts/electronegativity-reviewed.json.');
  console.log(out.join('\n'));
  process.exitCode = result.ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`audit:electron could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 2;
  });
}
