// Two long-running Libreswan 4.10 pluto daemons, each a "box" an engineer can type at: its own
// network namespace (192.0.2.1 / 192.0.2.2 on a veth pair) and its own private mount namespace in
// which /etc is an overlay over the host's (so /etc/ipsec.conf, /etc/ipsec.d/… can be written
// without touching the host), /usr/libexec and the `ipsec` command are Libreswan's (extracted by
// the ike-rigs setup into its home, never installed: it conflicts with strongSwan), and /run is the
// box's own (pluto hard-codes /run/pluto for its control socket). So `ipsec auto …` typed in a box
// (sh()) finds the box's /etc/ipsec.conf and pluto's socket exactly as on a Debian install.
// The recipe is the ike-rigs driver's (pluto-case.mjs PlutoSide: the shim that lets SA
// installation succeed on this kernel, the NSS database, the mounts); the namespace prefix, the
// cleanup of daemons and namespaces (by the PIDs `ip netns pids` lists) and the sweep after a
// killed test process are harness/rigs.ts's.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimPrefix, cleanPrefix, releasePrefix, rigsAvailability, RIGS_DIR, RIGS_HOME, sweepOnce } from './rigs';
import { run, sleep } from './system';
import type { Availability, RunResult } from './system';
import { OracleError } from './types';

const LIBRESWAN = join(RIGS_HOME, 'libreswan-root');
const LIBDIR = join(LIBRESWAN, 'usr/lib/x86_64-linux-gnu');
const PLUTO = join(LIBRESWAN, 'usr/libexec/ipsec/pluto');

/** The shim the ike-rigs setup built (lib.mjs keys it by the first 12 hex digits of its source's SHA-256). */
function shimPath(): string {
  const source = readFileSync(join(RIGS_DIR, 'shim', 'ikeshim.c'));
  return join(RIGS_HOME, 'shim', createHash('sha256').update(source).digest('hex').slice(0, 12), 'ikeshim.so');
}

/** Whether two pluto boxes can run here (the rigs' own check, plus what this module uses). */
export function plutoBoxAvailability(): Availability {
  const rigs = rigsAvailability();
  if (!rigs.ok) return rigs;
  const missing = [PLUTO, '/usr/bin/nsenter', '/usr/bin/certutil'].filter((f) => !existsSync(f));
  try {
    if (!existsSync(shimPath())) missing.push(shimPath());
  } catch {
    missing.push(join(RIGS_DIR, 'shim', 'ikeshim.c'));
  }
  return missing.length === 0 ? { ok: true } : { ok: false, reason: `pluto boxes need ${missing.join(', ')} (run scripts/ensure-oracle-others.sh as root)` };
}

export type BoxRole = 'initiator' | 'responder';
const ADDRESS: Record<BoxRole, string> = { initiator: '192.0.2.1', responder: '192.0.2.2' };

/** One pluto state as `ipsec auto --status` lists it. */
export interface PlutoState {
  serial: number;
  conn: string;
  state: string;
  /** A Child SA's IKE SA (its parent). */
  ike?: number;
  /** A Child SA's SPIs: outbound (at the peer) and inbound. */
  spiOut?: string;
  spiIn?: string;
}

export interface PlutoStatus {
  /** The connections pluto has loaded. */
  conns: string[];
  /** `ESP algorithm newest:` per conn that has one. */
  espNewest: Record<string, string>;
  states: PlutoState[];
  /** The raw output. */
  text: string;
}

/** Reads `ipsec auto --status` (`whack --status`) of Libreswan 4.10. */
export function parseStatus(text: string): PlutoStatus {
  const conns: string[] = [];
  const espNewest: Record<string, string> = {};
  const states = new Map<number, PlutoState>();
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^000 "([^"]+)": \S+===\S+/.exec(line)) && m[1] && !conns.includes(m[1])) conns.push(m[1]);
    if ((m = /^000 "([^"]+)": {3}ESP algorithm newest: ([^;]+);/.exec(line)) && m[1] && m[2]) espNewest[m[1]] = m[2];
    if ((m = /^000 #(\d+): "([^"]+)":\d+ (STATE_\S+)/.exec(line)) && m[1] && m[2] && m[3]) {
      const ike = /; IKE SA #(\d+);/.exec(line)?.[1];
      states.set(Number(m[1]), { serial: Number(m[1]), conn: m[2], state: m[3], ...(ike ? { ike: Number(ike) } : {}) });
    }
    if ((m = /^000 #(\d+): "([^"]+)" esp\.([0-9a-f]+)@\S+ esp\.([0-9a-f]+)@/.exec(line)) && m[1] && m[3] && m[4]) {
      const s = states.get(Number(m[1]));
      if (s) Object.assign(s, { spiOut: m[3], spiIn: m[4] });
    }
  }
  return { conns, espNewest, states: [...states.values()], text };
}

/** The established Child SAs of a conn whose IKE SA still exists (an orphan, its parent deleted, is not up). */
export function childrenUp(status: PlutoStatus, conn: string): PlutoState[] {
  const ikes = new Set(status.states.filter((s) => s.state === 'STATE_V2_ESTABLISHED_IKE_SA').map((s) => s.serial));
  return status.states.filter((s) => s.conn === conn && s.state === 'STATE_V2_ESTABLISHED_CHILD_SA' && s.ike !== undefined && ikes.has(s.ike));
}

export interface PlutoBox {
  role: BoxRole;
  /** Its network namespace and pluto's PID (for checking the cleanup). */
  namespace: string;
  pid: number | undefined;
  /** Runs one command line in the box (`sh -c`), as typed at its prompt. */
  sh(command: string, timeoutMs?: number): Promise<RunResult>;
  /** Puts a file at a path in the box's /etc (as an engineer copying it there). */
  write(path: string, text: string, mode?: number): Promise<void>;
  status(): Promise<PlutoStatus>;
  /** Waits until `check` holds on the box's status (polled), failing with `what` after `timeoutMs`. */
  until(what: string, check: (s: PlutoStatus) => boolean, timeoutMs?: number): Promise<PlutoStatus>;
  log(): string;
  /** Its work directory (configs, logs), removed at the end unless ORACLE_KEEP is set. */
  dir: string;
}

export interface PlutoPairRequest {
  /** Files of each box, by absolute path under /etc (e.g. `/etc/ipsec.d/A.conf`), there when pluto starts. */
  files: Record<BoxRole, Record<string, string>>;
  /** Whole-run limit; everything is torn down when it expires. Default 100 s. */
  timeoutMs?: number;
}

const ETC_PATH = /^\/etc\/ipsec(?:\.conf|\.secrets|\.d\/[A-Za-z0-9_.-]+)$/;

/**
 * The box's /etc/ipsec.conf and /etc/ipsec.secrets as Debian's libreswan package ships them in
 * substance (`include /etc/ipsec.d/*.conf`, `include /etc/ipsec.d/*.secrets`), with the debug
 * logging the evidence needs.
 */
const MAIN_CONF = 'config setup\n\tplutodebug=base\n\tlogappend=no\n\ninclude /etc/ipsec.d/*.conf\n';
const MAIN_SECRETS = 'include /etc/ipsec.d/*.secrets\n';

function quoted(s: string): string {
  if (/['\\]/.test(s)) throw new OracleError('BAD_REQUEST', `path ${s} cannot be quoted`);
  return `'${s}'`;
}

/** Starts both boxes (responder first), runs `body`, and removes everything, also on failure or timeout. */
export async function withPlutoPair<T>(req: PlutoPairRequest, body: (boxes: Record<BoxRole, PlutoBox>) => Promise<T>): Promise<T> {
  const available = plutoBoxAvailability();
  if (!available.ok) throw new OracleError('UNAVAILABLE', available.reason);
  for (const files of Object.values(req.files)) for (const path of Object.keys(files)) if (!ETC_PATH.test(path)) throw new OracleError('BAD_REQUEST', `${path}: a box's files are /etc/ipsec.conf, /etc/ipsec.secrets or /etc/ipsec.d/<name>`);
  await sweepOnce();
  const prefix = claimPrefix();
  const root = mkdtempSync(join(tmpdir(), `ipsec-oracle-pluto-${prefix}-`));
  const shim = shimPath();
  const ns: Record<BoxRole, string> = { initiator: `${prefix}-pb-i`, responder: `${prefix}-pb-r` };
  const pids: Partial<Record<BoxRole, number>> = {};
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const ip = async (args: string[]) => {
    const r = await run('ip', args);
    if (r.code !== 0) throw new OracleError('SETUP_FAILED', `ip ${args.join(' ')}: ${r.stderr.trim()}`);
  };
  const inBox = (role: BoxRole, command: string, timeoutMs = 30_000): Promise<RunResult> => {
    const pid = pids[role];
    if (pid === undefined || stopped) return Promise.resolve({ code: 1, stdout: '', stderr: `the ${role} box is not running` });
    return run('nsenter', ['-t', String(pid), '-m', '-n', '--', 'sh', '-c', command], timeoutMs, { ...process.env, LD_LIBRARY_PATH: LIBDIR });
  };
  const logOf = (role: BoxRole) => {
    try {
      return readFileSync(join(root, role, 'pluto.log'), 'utf8');
    } catch {
      return '';
    }
  };

  const box = (role: BoxRole): PlutoBox => {
    const self: PlutoBox = {
      role,
      namespace: ns[role],
      pid: pids[role],
      sh: (command, timeoutMs) => inBox(role, command, timeoutMs),
      async write(path, text, mode = 0o644) {
        if (!ETC_PATH.test(path)) throw new OracleError('BAD_REQUEST', `${path} is not a file of the box's /etc/ipsec*`);
        const staged = join(root, role, 'stage');
        writeFileSync(staged, text);
        const r = await inBox(role, `cp ${quoted(staged)} ${quoted(path)} && chmod ${mode.toString(8)} ${quoted(path)}`);
        if (r.code !== 0) throw new OracleError('SETUP_FAILED', `writing ${path} in the ${role} box: ${r.stderr.trim()}`);
      },
      async status() {
        const r = await inBox(role, 'ipsec auto --status');
        if (r.code !== 0) throw new OracleError('SETUP_FAILED', `ipsec auto --status in the ${role} box: ${r.stderr.trim() || r.stdout.trim()}`);
        return parseStatus(r.stdout);
      },
      async until(what, check, timeoutMs = 30_000) {
        const started = Date.now();
        for (;;) {
          const s = await self.status();
          if (check(s)) return s;
          if (Date.now() - started > timeoutMs) throw new OracleError('TIMEOUT', `${role} box: ${what} not within ${timeoutMs} ms; status:\n${s.text.split('\n').filter((l) => /^000 (#|"[^"]+": \S+===)/.test(l)).join('\n')}`);
          await sleep(100);
        }
      },
      log: () => logOf(role),
      dir: join(root, role),
    };
    return self;
  };

  const start = async (role: BoxRole) => {
    const dir = join(root, role);
    for (const d of ['run/pluto', 'nss', 'etc-upper', 'etc-work', 'seed']) mkdirSync(join(dir, d), { recursive: true });
    const made = await run('certutil', ['-N', '-d', `sql:${join(dir, 'nss')}`, '--empty-password']);
    if (made.code !== 0) throw new OracleError('SETUP_FAILED', `certutil: ${made.stderr.trim()}`);
    const files: Record<string, string> = { '/etc/ipsec.conf': MAIN_CONF, '/etc/ipsec.secrets': MAIN_SECRETS, ...req.files[role] };
    const copies = Object.entries(files).map(([path, text], i) => {
      const seed = join(dir, 'seed', String(i));
      writeFileSync(seed, text);
      chmodSync(seed, 0o600);
      return `cp ${quoted(seed)} ${quoted(path)} && chmod ${/secrets/.test(path) ? '600' : '644'} ${quoted(path)}`;
    });
    const script = [
      `mount --bind ${quoted(join(dir, 'run'))} /run`,
      `mount --bind ${quoted(join(LIBRESWAN, 'usr/libexec'))} /usr/libexec`,
      // Libreswan's `ipsec` before the host's (strongSwan's, if any): `ipsec auto` calls `ipsec whack`.
      `mount -t overlay overlay -o lowerdir=${join(LIBRESWAN, 'usr/sbin')}:/usr/sbin /usr/sbin`,
      `mount -t overlay overlay -o lowerdir=/etc,upperdir=${join(dir, 'etc-upper')},workdir=${join(dir, 'etc-work')} /etc`,
      'mkdir -p /etc/ipsec.d',
      ...copies,
      `exec ${quoted(PLUTO)} --config /etc/ipsec.conf --nofork --logfile ${quoted(join(dir, 'pluto.log'))} --nssdir ${quoted(join(dir, 'nss'))} --secretsfile /etc/ipsec.secrets --ipsecdir /etc/ipsec.d`,
    ].join(' && ');
    const proc = spawn('ip', ['netns', 'exec', ns[role], 'unshare', '-m', '--propagation', 'private', 'sh', '-c', script], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, LD_LIBRARY_PATH: LIBDIR, LD_PRELOAD: shim, SHIM_LOG: join(dir, 'shim.log') },
    });
    proc.unref();
    let exited = false;
    proc.once('exit', () => (exited = true));
    // ip netns exec, unshare and sh all exec: this PID becomes pluto's.
    if (proc.pid !== undefined) pids[role] = proc.pid;
    const started = Date.now();
    while (!(existsSync(join(dir, 'run/pluto/pluto.ctl')) && /loading secrets from "\/etc\/ipsec.secrets"/.test(logOf(role)))) {
      if (exited || Date.now() - started > 30_000) throw new OracleError('SETUP_FAILED', `pluto (${role}) did not start: ${logOf(role).split('\n').filter((l) => !/: \| /.test(l)).slice(-5).join(' | ')}`);
      await sleep(50);
    }
  };

  const work = (async () => {
    await ip(['netns', 'add', ns.initiator]);
    await ip(['netns', 'add', ns.responder]);
    await ip(['link', 'add', `${prefix}i`, 'netns', ns.initiator, 'type', 'veth', 'peer', 'name', `${prefix}r`, 'netns', ns.responder]);
    for (const role of ['initiator', 'responder'] as const) {
      const dev = `${prefix}${role[0]}`;
      await ip(['-n', ns[role], 'addr', 'add', `${ADDRESS[role]}/24`, 'dev', dev]);
      await ip(['-n', ns[role], 'link', 'set', 'lo', 'up']);
      await ip(['-n', ns[role], 'link', 'set', dev, 'up']);
    }
    await start('responder');
    await start('initiator');
    return body({ initiator: box('initiator'), responder: box('responder') });
  })();
  try {
    const timeoutMs = req.timeoutMs ?? 100_000;
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OracleError('TIMEOUT', `the pluto boxes did not finish within ${timeoutMs} ms (ORACLE_KEEP=1 keeps the logs, in ${root})`)), timeoutMs);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    stopped = true;
    // The daemons by the PIDs in our namespaces, then the namespaces; the body's last command may still run.
    await cleanPrefix(prefix);
    await work.catch(() => undefined);
    await cleanPrefix(prefix);
    releasePrefix(prefix);
    if (!process.env['ORACLE_KEEP']) rmSync(root, { recursive: true, force: true });
  }
}
