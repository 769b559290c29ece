// Real Libreswan pluto and OpenIKED iked as IKE peers of real charon: one case per run, through the
// ike-rigs drivers (`pluto-case.mjs`, `iked-case.mjs`), which are maintained outside the project
// (IKE_RIGS_DIR, default ../shared/tools/ike-rigs beside the checkout; recipes in its README). The
// project owns everything around a driver: it writes the case, gives every run its own namespace
// prefix, enforces a time limit, cleans up whatever a killed or timed-out driver left (daemons by
// the PIDs `ip netns pids` lists in our namespaces, the namespaces, the driver's work directory),
// and reads the driver's JSON with its own checks (rig-output.ts).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDriverOutput } from './rig-output';
import type { DriverObserved, DriverOutput } from './rig-output';
import { Limiter, removeNamespace, run } from './system';
import type { Availability } from './system';
import type { OracleCase } from './types';
import { OracleError } from './types';

export type OtherDaemon = 'pluto' | 'iked';
/** Which end(s) run the other daemon; charon runs the rest. */
export type RigPlacement = 'initiator' | 'responder' | 'both';

export interface RigRequest {
  case: OracleCase;
  daemon: OtherDaemon;
  placement: RigPlacement;
  /** Libreswan's per-connection `narrowing=` (IKEv2 only; default `no`, Libreswan's own). */
  narrowing?: 'yes' | 'no';
  /** Whole-run limit; the driver is killed and everything it made removed when it expires. Default 60 s. */
  timeoutMs?: number;
  /** Keep the driver's work directory (configs, logs); its path is in `workDir`. */
  keepFiles?: boolean;
  /**
   * iked only: run iked with this iked.conf at that end instead of the one the driver writes from
   * the case (the exporter's output, test/oracle/export-openiked-negotiates.test.ts). The driver is
   * left as it is: iked-conf-hook.mjs, preloaded into its process, replaces the file as it is written.
   */
  ikedConf?: Partial<Record<'initiator' | 'responder', string>>;
}

export interface RigRun {
  id: string;
  daemon: OtherDaemon;
  placement: RigPlacement;
  narrowing: 'yes' | 'no' | undefined;
  roles: DriverOutput['roles'];
  /** What the daemons did; null when `unsupported`. */
  observed: DriverObserved | null;
  /** The case cannot be written in that daemon's configuration; nothing was run. */
  unsupported: string | null;
  /** Each end's decision log lines and notifies, as the driver collected them. */
  evidence: DriverOutput['evidence'];
  notes: string[];
  /**
   * Why this run's outcome is not the daemons' decision but a limit of the rig (non-empty: do not
   * compare it). Today: iked as initiator answered INVALID_KE_PAYLOAD re-initiates with the
   * requested group 2 s later (IKED_INITIATOR_INITIAL, iked.h of OpenIKED 7.2), after the driver
   * has stopped reading (it stops after 1.5 s of quiet logs).
   */
  not_observable: string[];
  /** The namespace prefix of this run (namespaces `<prefix>-<tag>-i` / `-r`). */
  prefix: string;
  /** Wall time, driver start to cleanup. */
  duration_ms: number;
  workDir?: string;
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const RIGS_DIR = resolve(process.env['IKE_RIGS_DIR'] ?? join(ROOT, '..', 'shared', 'tools', 'ike-rigs'));
/** Where the drivers write (the same rule as the tool's lib.mjs, so cleanup finds their files). */
export const RIGS_HOME = resolve(process.env['IKE_RIGS_HOME'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(process.env['HOME'] ?? homedir(), '.cache'), 'ike-rigs'));
const DRIVER: Record<OtherDaemon, string> = { pluto: 'pluto-case.mjs', iked: 'iked-case.mjs' };

let availability: Availability | undefined;

/** Whether pluto and iked can run here, and if not, what is missing (the suite's skip reason). */
export function rigsAvailability(): Availability {
  if (availability) return availability;
  const missing: string[] = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) missing.push('root (network namespaces need it)');
  for (const f of ['setup.sh', DRIVER.pluto, DRIVER.iked]) if (!existsSync(join(RIGS_DIR, f))) missing.push(`${join(RIGS_DIR, f)} (set IKE_RIGS_DIR to the ike-rigs tool folder)`);
  if (missing.length === 0) {
    // The tool's own check: packages, the extracted Libreswan, the shim (scripts/ensure-oracle-others.sh sets them up).
    const check = spawnSync(join(RIGS_DIR, 'setup.sh'), ['--check'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, IKE_RIGS_HOME: RIGS_HOME } });
    if (check.status !== 0) {
      const what = `${check.stdout ?? ''}${check.stderr ?? ''}`.split('\n').filter((l) => /not installed|absent|not built|ERROR/.test(l)).map((l) => l.replace(/^ike-rigs setup: /, '').trim());
      missing.push(`what ${join(RIGS_DIR, 'setup.sh')} installs (run scripts/ensure-oracle-others.sh as root${what.length ? `; ${what.join('; ')}` : ''})`);
    }
  }
  availability = missing.length === 0 ? { ok: true } : { ok: false, reason: `real pluto/iked need ${missing.join(', ')}` };
  return availability;
}

// ---- namespace prefixes ------------------------------------------------------------------------
// Every run gets its own prefix, claimed by creating CLAIMS/<prefix> (holding our pid) with O_EXCL,
// so parallel runs and parallel test processes never share one, and a later process can tell
// what a killed one left behind. The drivers accept 1-8 lower-case letters and digits.

const CLAIMS = join(tmpdir(), 'ipsec-oracle-rigs');
let sequence = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A namespace prefix of our own (also for harness modules that start daemons themselves, harness/pluto-box.ts). */
export function claimPrefix(): string {
  mkdirSync(CLAIMS, { recursive: true });
  const pidPart = (process.pid % 36 ** 3).toString(36).padStart(3, '0');
  for (let tries = 0; tries < 10_000; tries++) {
    const prefix = `o${pidPart}${(sequence++ % 36 ** 4).toString(36).padStart(4, '0')}`;
    try {
      const fd = openSync(join(CLAIMS, prefix), 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return prefix;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new OracleError('SETUP_FAILED', `no free namespace prefix in ${CLAIMS}`);
}

/** Our namespaces of one prefix. */
async function namespacesOf(prefix: string): Promise<string[]> {
  const list = await run('ip', ['netns', 'list']);
  return list.stdout
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((ns) => ns.startsWith(`${prefix}-`));
}

/**
 * Removes what a run of `prefix` left: the processes inside its namespaces (daemons the driver
 * started, by the PIDs `ip netns pids` gives), the namespaces, the driver's work directories
 * (unless kept).
 * Returns the namespaces that were still there.
 */
export async function cleanPrefix(prefix: string, options: { keepWork?: boolean } = {}): Promise<string[]> {
  const left = await namespacesOf(prefix);
  for (const ns of left) await removeNamespace(ns);
  const work = join(RIGS_HOME, 'work');
  if (!options.keepWork && existsSync(work)) for (const d of readdirSync(work)) if (d.startsWith(`${prefix}-`)) rmSync(join(work, d), { recursive: true, force: true });
  return left;
}

/** Cleans up after harness processes that were killed outright (their claims name a dead pid). */
export async function sweepStaleRigs(): Promise<void> {
  if (!existsSync(CLAIMS)) return;
  for (const prefix of readdirSync(CLAIMS)) {
    let owner: number;
    try {
      owner = Number(readFileSync(join(CLAIMS, prefix), 'utf8'));
    } catch {
      continue;
    }
    if (owner > 0 && alive(owner)) continue;
    await cleanPrefix(prefix);
    rmSync(join(CLAIMS, prefix), { force: true });
  }
}

let swept: Promise<void> | undefined;

/** Sweeps once per process what killed harness processes left (before a first run). */
export function sweepOnce(): Promise<void> {
  swept ??= sweepStaleRigs();
  return swept;
}

/** Gives a prefix back after cleanPrefix. */
export function releasePrefix(prefix: string): void {
  try {
    unlinkSync(join(CLAIMS, prefix));
  } catch {
    // removed by a sweep
  }
}

// ---- running a driver ----------------------------------------------------------------------------

/**
 * Runs at once. Most of a pluto or iked run is waiting (daemon start-up, the drivers settling
 * their logs): on the 2-core machine 16 at once ran 419 runs in 83 s (8: ~2× slower, 24: 10% faster,
 * same results).
 */
export const RIGS_CONCURRENCY = Math.max(1, Number(process.env['ORACLE_OTHERS_CONCURRENCY'] ?? '') || 16);

const limiter = new Limiter(RIGS_CONCURRENCY);

function validate(req: RigRequest): void {
  const c = req.case;
  if (!/^[A-Za-z0-9_.-]+$/.test(c.id)) throw new OracleError('BAD_REQUEST', `case id "${c.id}" is not a plain name`);
  if (c.initiate.length === 0) throw new OracleError('BAD_REQUEST', `case ${c.id}: initiate lists no child`);
  for (const name of c.initiate) {
    if (!c.initiator.children.some((ch) => ch.name === name)) throw new OracleError('BAD_REQUEST', `case ${c.id}: initiate names "${name}", which the initiator does not have`);
  }
  for (const side of [c.initiator, c.responder]) {
    for (const ch of side.children) if (!/^[A-Za-z0-9_-]+$/.test(ch.name)) throw new OracleError('BAD_REQUEST', `case ${c.id}: child name "${ch.name}" is not a plain name`);
  }
  if (req.narrowing !== undefined && req.daemon !== 'pluto') throw new OracleError('BAD_REQUEST', 'narrowing= is a Libreswan option');
  for (const role of Object.keys(req.ikedConf ?? {})) {
    if (req.daemon !== 'iked' || (req.placement !== 'both' && req.placement !== role)) throw new OracleError('BAD_REQUEST', `an iked.conf for the ${role}, where iked does not run`);
  }
}

interface DriverExit {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** The driver in its own process group, so a timeout ends it and the commands it is running. */
function runDriver(args: string[], timeoutMs: number, env: Record<string, string> = {}): Promise<DriverExit> {
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, IKE_RIGS_HOME: RIGS_HOME, ...env } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolveExit({ code: null, stdout, stderr: `${stderr}${e.message}`, timedOut });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveExit({ code, stdout, stderr, timedOut });
    });
  });
}

/** Outcomes decided by the rig, not by the daemons (see RigRun.not_observable). */
export function notObservable(out: DriverOutput): string[] {
  const o = out.observed;
  if (!o || 'unsupported' in o) return [];
  const reasons: string[] = [];
  const keRetry = out.evidence?.initiator.notifies.some((n) => n.dir === 'received' && n.notify === 'INVALID_KE_PAYLOAD' && n.msg.startsWith('IKE_SA_INIT'));
  if (out.roles.initiator === 'iked' && o.ike === 'down' && keRetry) {
    reasons.push('iked (initiator) got INVALID_KE_PAYLOAD and re-initiates with that group 2 s later (IKED_INITIATOR_INITIAL), after the driver stopped reading');
  }
  return reasons;
}

/** Negotiates one case with real pluto or iked at the requested end(s) and charon at the other. */
export async function runRigCase(req: RigRequest): Promise<RigRun> {
  const available = rigsAvailability();
  if (!available.ok) throw new OracleError('UNAVAILABLE', available.reason);
  validate(req);
  swept ??= sweepStaleRigs();
  await swept;
  return limiter.run(() => runNow(req));
}

async function runNow(req: RigRequest): Promise<RigRun> {
  const started = performance.now();
  const prefix = claimPrefix();
  const dir = mkdtempSync(join(tmpdir(), `ipsec-oracle-rig-${prefix}-`));
  const timeoutMs = req.timeoutMs ?? 60_000;
  const keep = Boolean(req.keepFiles || process.env['ORACLE_KEEP']);
  let result: RigRun;
  try {
    const file = join(dir, 'case.json');
    const { id, version, initiator, responder, initiate } = req.case;
    writeFileSync(file, JSON.stringify({ id, version, initiator, responder, initiate }, null, 2));
    const args = [join(RIGS_DIR, DRIVER[req.daemon]), file, `--${req.daemon}`, req.placement, '--ns-prefix', prefix];
    if (req.daemon === 'pluto') args.push('--narrowing', req.narrowing ?? 'no');
    if (keep) args.push('--keep');
    const env: Record<string, string> = {};
    const given = Object.entries(req.ikedConf ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    for (const [role, text] of given) {
      const path = join(dir, `${role}.iked.conf`);
      writeFileSync(path, text);
      env[`ORACLE_IKED_CONF_${role.toUpperCase()}`] = path;
    }
    if (given.length > 0) args.unshift('--import', pathToFileURL(join(import.meta.dirname, 'iked-conf-hook.mjs')).href);
    const exit = await runDriver(args, timeoutMs, env);
    if (exit.timedOut) throw new OracleError('TIMEOUT', `${req.daemon} ${req.placement} ${id} did not finish within ${timeoutMs} ms (namespace prefix ${prefix}; everything it made is removed)`);
    // Exit 3: the driver found the machine not set up (it names setup.sh).
    if (exit.code === 3) throw new OracleError('UNAVAILABLE', exit.stderr.trim());
    const parsed = parseDriverOutput(exit.stdout);
    if (!parsed.ok) throw new OracleError('RIG_FAILED', `${req.daemon} ${req.placement} ${id}: ${parsed.message}${exit.stderr.trim() ? ` (stderr: ${exit.stderr.trim().split('\n').slice(-2).join(' | ')})` : ''}`);
    for (const [role] of given) {
      if (parsed.observed && !exit.stderr.includes(`iked.conf of the ${role} replaced`)) throw new OracleError('RIG_FAILED', `${id}: the given iked.conf of the ${role} was not used (stderr: ${exit.stderr.trim()})`);
    }
    const workDir = /"workdir":\s*"([^"]+)"/.exec(exit.stdout)?.[1];
    result = {
      id,
      daemon: req.daemon,
      placement: req.placement,
      narrowing: req.daemon === 'pluto' ? (req.narrowing ?? 'no') : undefined,
      roles: parsed.output.roles,
      observed: parsed.observed,
      unsupported: parsed.unsupported,
      evidence: parsed.output.evidence,
      notes: parsed.output.notes ?? [],
      not_observable: notObservable(parsed.output),
      prefix,
      duration_ms: 0,
      ...(workDir ? { workDir } : {}),
    };
  } finally {
    // A driver that finished has removed its namespaces; one that was killed has not.
    await cleanPrefix(prefix, { keepWork: keep });
    rmSync(dir, { recursive: true, force: true });
    try {
      unlinkSync(join(CLAIMS, prefix));
    } catch {
      // removed by a sweep
    }
  }
  // Driver start to cleanup: what a caller pays per case.
  result.duration_ms = Math.round(performance.now() - started);
  return result;
}
