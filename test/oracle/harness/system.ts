// Running commands, checking what the machine offers, and limiting how many pairs of daemons
// run at once (2 cores: charon start-up and the IKE crypto are CPU, the rest is waiting).
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export const CHARON = '/usr/lib/ipsec/charon';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never rejects (the caller reads the exit code). */
export function run(cmd: string, args: string[], timeoutMs = 15_000, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, env: env ?? process.env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').concat(['/usr/sbin', '/sbin'])) {
    if (dir && executable(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

export type Availability = { ok: true } | { ok: false; reason: string };

let availability: Availability | undefined;

/** Whether real daemons can run here, and if not, what is missing (the suite's skip reason). */
export function oracleAvailability(): Availability {
  if (availability) return availability;
  const missing: string[] = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) missing.push('root (network namespaces need it)');
  if (!executable(CHARON)) missing.push(`${CHARON} (apt: strongswan-charon)`);
  if (!onPath('swanctl')) missing.push('swanctl (apt: strongswan-swanctl)');
  if (!onPath('ip')) missing.push('ip with netns support (apt: iproute2)');
  if (!onPath('unshare')) missing.push('unshare (util-linux)');
  if (!existsSync('/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so')) missing.push('the kernel-libipsec plugin (apt: libcharon-extra-plugins)');
  availability = missing.length === 0 ? { ok: true } : { ok: false, reason: `the oracle needs ${missing.join(', ')}` };
  return availability;
}

/** A counting semaphore: at most `limit` tasks at once, the others wait in order. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Default 4 pairs at once: measured best on the 2-core machine (see test/oracle/README.md). */
export const ORACLE_CONCURRENCY = Math.max(1, Number(process.env['ORACLE_CONCURRENCY'] ?? '') || 4);

export const limiter = new Limiter(ORACLE_CONCURRENCY);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Kills every process left in a network namespace and deletes it (a crashed or timed-out run's leftovers). */
export async function removeNamespace(ns: string): Promise<void> {
  const pids = await run('ip', ['netns', 'pids', ns]);
  for (const pid of pids.stdout.split('\n').map((p) => Number(p.trim())).filter((p) => p > 1)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await run('ip', ['netns', 'del', ns]);
}
