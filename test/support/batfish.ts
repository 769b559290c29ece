// The shared Batfish checker (../shared/tools/batfish-check: Batfish's own grammars and error
// recovery), run once over many files: one JVM start costs about half a second. CI puts the shared
// tools beside the clone; the first run builds the checker (setup.sh, about a minute).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BatfishDialect } from '../../shared/vendors/kit/grammar';

const REPO = resolve(__dirname, '..', '..');
export const BATFISH_CHECK = resolve(REPO, '..', 'shared', 'tools', 'batfish-check', 'check');
const SETUP = resolve(REPO, '..', 'shared', 'tools', 'batfish-check', 'setup.sh');
export const BATFISH_INSTALL = `bash ${SETUP} (as root it installs openjdk-17-jdk-headless libguava-java libjsr305-java and builds the checker; or run bash scripts/ensure-test-deps.sh)`;

/**
 * A statement each Batfish grammar surely parses (it sets the host name): the checker fails on a
 * file of comments only, so such a file gets this line after its own.
 */
export const SENTINEL: Record<BatfishDialect, string> = {
  panos: 'set deviceconfig system hostname sentinel',
  junos: 'set system host-name sentinel',
  asa: 'hostname sentinel',
  ios: 'hostname sentinel',
  fortigate: 'config system global\n    set hostname "sentinel"\nend',
};

export interface LineVerdict {
  line: number;
  text: string;
  /** PARSED, CATCHALL, FAIL, IGNOREDBLOCK; a CASCADE line carries its verdict when parsed alone. */
  verdict: string;
  /** The rule chain (for CATCHALL, starting with the catch-all rule), or the parser context of a failure. */
  detail: string;
}

export interface FileVerdicts {
  byLine: Map<number, LineVerdict>;
  summary: Record<string, number>;
}

/**
 * Verdicts per file (by absolute path), or why the checker could not run. Each file's name must
 * end in `.<dialect>.txt` (panos, junos, asa, ios, fortigate), as the checker picks its grammar.
 */
export function runBatfish(paths: readonly string[]): { verdicts: Map<string, FileVerdicts>; error?: string } {
  const verdicts = new Map<string, FileVerdicts>();
  if (!existsSync(BATFISH_CHECK)) return { verdicts, error: `the Batfish checker is not at ${BATFISH_CHECK}: CI puts the shared tools beside the clone (../shared). Then: ${BATFISH_INSTALL}` };
  if (paths.length === 0) return { verdicts };
  const run = spawnSync(BATFISH_CHECK, ['--json', '--normalize', '--blocks', ...paths], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  // 0: no line fails, 1: some line fails (Batfish's grammars have gaps, see its README); 2, 3: usage or setup.
  if (run.error || (run.status !== 0 && run.status !== 1)) {
    return { verdicts, error: `the Batfish checker did not run (${run.error?.message ?? `exit ${run.status}`}): ${(run.stderr ?? '').trim().split('\n').slice(0, 4).join(' | ')}. Install and build it with: ${BATFISH_INSTALL}` };
  }
  for (const line of run.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const o = JSON.parse(line) as { file: string; summary: Record<string, number>; lines: { line: number; text: string; verdict: string; detail?: string; isolated: { status: string; detail?: string } | null }[] };
    // A CASCADE line is accepted alone and rejected only after an earlier failure: its own
    // verdict is the isolated one (the earlier failure is reported on its own line).
    const byLine = new Map<number, LineVerdict>(
      o.lines.map((l) => [l.line, { line: l.line, text: l.text, verdict: l.verdict === 'CASCADE' ? (l.isolated?.status ?? 'CASCADE') : l.verdict, detail: (l.verdict === 'CASCADE' ? l.isolated?.detail : l.detail) ?? '' }]),
    );
    verdicts.set(resolve(o.file), { byLine, summary: o.summary });
  }
  return { verdicts };
}
