// Two real charon daemons, each in its own network namespace, joined by a veth pair: load two
// swanctl configurations, initiate, read what both installed, tear everything down. The recipe
// and its pitfalls are in /work/shared/notes/ORACLE.md (kernel-libipsec, addresses on lo,
// per-namespace /run for the pid file, own VICI socket, IKEv1 responder installing late).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseIp } from '../../../shared/net/address';
import { INITIATOR_IP, RESPONDER_IP, IKE_PREFIX_LEN, confValues, strongswanConf } from './config';
import { parseListSas } from './list-sas';
import type { IkeSa } from './list-sas';
import { daemonVersion, installErrors, notObservableLines, notifiesIn } from './logs';
import { firstAddress, normaliseSelector } from './selector';
import { CHARON, limiter, oracleAvailability, removeNamespace, run, sleep } from './system';
import type { RunResult } from './system';
import type { ObservedChild, OracleObserved, SwanctlPairRequest } from './types';
import { OracleError } from './types';

let sequence = 0;

const IKE_NET = (() => {
  const ip = parseIp(INITIATOR_IP);
  if (!ip.ok) throw new Error('bad IKE address constant');
  const mask = (1n << BigInt(32 - IKE_PREFIX_LEN)) - 1n;
  return { from: ip.value.value & ~mask, to: ip.value.value | mask };
})();

function inIkeNet(address: string): boolean {
  const ip = parseIp(address);
  return ip.ok && ip.value.family === 4 && ip.value.value >= IKE_NET.from && ip.value.value <= IKE_NET.to;
}

/** The addresses a side must own on lo (first address of its local and the peer's remote selectors). */
export function defaultLoAddresses(ownConf: string, peerConf: string): string[] {
  const out: string[] = [];
  for (const ts of [...confValues(ownConf, 'local_ts'), ...confValues(peerConf, 'remote_ts')]) {
    const first = firstAddress(ts);
    if (!first) continue;
    // 0.0.0.0/0 and ::/0 already contain an address the host owns; the IKE subnet must stay on the veth.
    if (first.address === '0.0.0.0' || first.address === '::' || inIkeNet(first.address)) continue;
    if (!out.includes(first.address)) out.push(first.address);
  }
  return out;
}

function validate(req: SwanctlPairRequest): void {
  // Refuses a setting that is not a plain `name = value` line before anything starts.
  for (const role of ['initiator', 'responder'] as const) strongswanConf('', req.charonSettings?.[role] ?? []);
  if (req.initiate.length === 0) throw new OracleError('BAD_REQUEST', 'initiate lists no child');
  for (const name of req.initiate) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new OracleError('BAD_REQUEST', `child name "${name}" is not a plain swanctl name`);
  }
  for (const [role, conf] of [['initiator', req.initiatorConf], ['responder', req.responderConf]] as const) {
    for (const key of ['local_addrs', 'remote_addrs']) {
      for (const addr of confValues(conf, key)) {
        // Traffic must never leave the namespaces: IKE only inside the documentation range.
        if (addr !== '%any' && !inIkeNet(addr)) {
          throw new OracleError('BAD_REQUEST', `${role} ${key} = ${addr}: the oracle only runs IKE between ${INITIATOR_IP} (initiator) and ${RESPONDER_IP} (responder)`);
        }
      }
    }
  }
  for (const list of [req.loAddresses?.initiator ?? [], req.loAddresses?.responder ?? []]) {
    for (const a of list) if (!parseIp(a).ok || inIkeNet(a)) throw new OracleError('BAD_REQUEST', `"${a}" cannot be put on lo`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let swept: Promise<void> | undefined;

/**
 * Removes what a harness process that was killed outright left behind: namespaces named
 * ipso-<pid>-… whose pid no longer runs, and the daemons inside them (by PID, from
 * `ip netns pids`). Namespaces of live processes, and anything not named so, are left alone.
 */
export async function sweepStaleNamespaces(): Promise<void> {
  const list = await run('ip', ['netns', 'list']);
  for (const line of list.stdout.split('\n')) {
    const ns = line.split(' ')[0] ?? '';
    const m = /^ipso-([0-9a-z]+)-[0-9a-z]+-[ab]$/.exec(ns);
    if (!m?.[1] || alive(parseInt(m[1], 36))) continue;
    await removeNamespace(ns);
  }
}

/** Runs a pair of swanctl configurations for real and returns what the daemons did. */
export async function runSwanctlPair(req: SwanctlPairRequest): Promise<OracleObserved> {
  const available = oracleAvailability();
  if (!available.ok) throw new OracleError('UNAVAILABLE', available.reason);
  validate(req);
  swept ??= sweepStaleNamespaces();
  await swept;
  return limiter.run(() => runNow(req));
}

interface Side {
  role: 'initiator' | 'responder';
  ns: string;
  veth: string;
  ip: string;
  dir: string;
  conf: string;
  lo: string[];
  proc?: ChildProcess;
  exited: boolean;
  exitPromise?: Promise<void>;
}

const viciUri = (s: Side): string => `unix://${s.dir}/charon.vici`;

function readLog(s: Side): string {
  try {
    return readFileSync(join(s.dir, 'charon.log'), 'utf8');
  } catch {
    return '';
  }
}

async function ipOk(args: string[], what: string): Promise<void> {
  const r = await run('ip', args);
  if (r.code !== 0) throw new OracleError('SETUP_FAILED', `${what}: ip ${args.join(' ')}: ${r.stderr.trim() || r.stdout.trim()}`);
}

async function setUpNamespace(s: Side): Promise<void> {
  const lines = [`addr add ${s.ip}/${IKE_PREFIX_LEN} dev ${s.veth}`, `link set ${s.veth} up`, 'link set lo up'];
  for (const a of s.lo) {
    lines.push(a.includes(':') ? `addr add ${a}/128 dev lo nodad` : `addr add ${a}/32 dev lo`);
  }
  const batch = join(s.dir, 'ip.batch');
  writeFileSync(batch, lines.join('\n') + '\n');
  await ipOk(['-n', s.ns, '-batch', batch], `configuring namespace ${s.ns}`);
}

async function startCharon(s: Side): Promise<void> {
  const out = openSync(join(s.dir, 'charon.stdout'), 'w');
  // charon 5.9 always writes /var/run/charon.pid: give each instance its own /run.
  const proc = spawn('ip', ['netns', 'exec', s.ns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c', `mount --bind '${s.dir}/run' /run && exec ${CHARON}`], {
    env: { ...process.env, STRONGSWAN_CONF: join(s.dir, 'strongswan.conf') },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  s.proc = proc;
  s.exitPromise = new Promise((resolve) => {
    proc.once('exit', () => {
      s.exited = true;
      resolve();
    });
    proc.once('error', () => {
      s.exited = true;
      resolve();
    });
  });
  const socket = join(s.dir, 'charon.vici');
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (existsSync(socket)) return;
    if (s.exited) break;
    await sleep(20);
  }
  let stdout = '';
  try {
    stdout = readFileSync(join(s.dir, 'charon.stdout'), 'utf8');
  } catch {
    // nothing written
  }
  throw new OracleError('CHARON_START_FAILED', `charon (${s.role}) in ${s.ns} did not open its VICI socket: ${(stdout + readLog(s)).trim().split('\n').slice(-5).join(' | ')}`);
}

/**
 * swanctl against one daemon. The VICI socket file appears at bind(), a moment before charon
 * listens, so a refused connection is retried briefly.
 */
async function swanctl(s: Side, args: string[], timeoutMs?: number): Promise<RunResult> {
  for (let attempt = 0; ; attempt++) {
    const r = await run('swanctl', [...args, '--uri', viciUri(s)], timeoutMs);
    if (attempt >= 40 || s.exited || !/^connecting to '.*' failed/m.test(`${r.stdout}\n${r.stderr}`)) return r;
    await sleep(25);
  }
}

/** Output lines of swanctl that are noise, not load results. */
const SWANCTL_NOISE = [/^plugin '.*': failed to load/, /^opening directory '.*' failed/, /^loaded (?:connection|ike secret|shared)/i, /^successfully loaded/, /^no (?:authorities|pools) found/, /^\s*$/];

/** `--load-all` exits 0 on a syntax error: read its output. Returns the error text, or null. */
async function load(s: Side): Promise<string | null> {
  const file = join(s.dir, 'swanctl.conf');
  const r = await swanctl(s, ['--load-all', '--noprompt', '--file', file]);
  const text = `${r.stdout}\n${r.stderr}`;
  const problems = text.split('\n').filter((l) => !SWANCTL_NOISE.some((re) => re.test(l)) && /fail|error|invalid|unknown|not |unable|missing/i.test(l));
  if (r.code !== 0 || problems.length > 0) {
    return `${s.role}: ${(problems.length > 0 ? problems : text.split('\n').filter((l) => !SWANCTL_NOISE.some((re) => re.test(l)))).map((l) => l.trim()).join('; ')}`;
  }
  if (!/successfully loaded [1-9]\d* connections/.test(text)) return `${s.role}: no connection was loaded (${text.trim().split('\n').slice(-1)[0] ?? ''})`;
  return null;
}

async function listSas(s: Side): Promise<IkeSa[]> {
  const r = await swanctl(s, ['--list-sas', '--pretty']);
  return parseListSas(r.stdout);
}

async function stop(s: Side): Promise<void> {
  const proc = s.proc;
  if (!proc || s.exited || proc.pid === undefined) return;
  // By PID only: the spawned process execs into charon itself (ip netns exec, unshare and sh all exec).
  proc.kill('SIGTERM');
  const exited = await Promise.race([s.exitPromise?.then(() => true), sleep(3000).then(() => false)]);
  if (!exited && !s.exited) {
    proc.kill('SIGKILL');
    await Promise.race([s.exitPromise, sleep(1000)]);
  }
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const name = /^NAME="?([^"\n]*)"?/m.exec(text)?.[1]?.split(' ')[0];
    const version = /^VERSION_ID="?([^"\n]*)"?/m.exec(text)?.[1];
    return [name, version].filter(Boolean).join(' ') || 'Linux';
  } catch {
    return 'Linux';
  }
}

/** The responder has installed every child SA the initiator installed (IKEv1 responders install last). */
function responderCaughtUp(a: IkeSa[], b: IkeSa[]): boolean {
  const bSpis = new Set(b.flatMap((ike) => ike.children.filter((c) => c.state === 'INSTALLED').map((c) => c.spiIn)));
  return a.every((ike) => ike.children.filter((c) => c.state === 'INSTALLED').every((c) => bSpis.has(c.spiOut)));
}

function observe(req: SwanctlPairRequest, a: Side, b: Side, saA: IkeSa[], saB: IkeSa[], loadError: string | null, started: number): OracleObserved {
  const logA = readLog(a);
  const logB = readLog(b);
  const children: Record<string, ObservedChild> = {};
  for (const name of req.initiate) {
    const sa = saA.flatMap((ike) => ike.children).find((c) => c.name === name && c.state === 'INSTALLED');
    if (!sa) {
      children[name] = { status: 'down' };
      continue;
    }
    const child: ObservedChild = {
      status: 'up',
      initiator_local_ts: sa.localTs.map(normaliseSelector),
      initiator_remote_ts: sa.remoteTs.map(normaliseSelector),
    };
    const peer = saB.flatMap((ike) => ike.children).find((c) => c.spiIn !== undefined && c.spiIn === sa.spiOut);
    if (peer) child.responder_config = peer.name;
    children[name] = child;
  }
  return {
    daemon: `${daemonVersion(logA) ?? daemonVersion(logB) ?? 'strongSwan'} (charon, ${osName()})`,
    ike: saA.some((ike) => ike.state === 'ESTABLISHED') ? 'up' : 'down',
    children,
    notifies_received_by_initiator: notifiesIn(logA, 'parsed'),
    notifies_sent_by_responder: notifiesIn(logB, 'generating'),
    install_errors: [...installErrors(logA).map((l) => `initiator: ${l}`), ...installErrors(logB).map((l) => `responder: ${l}`)],
    load_error: loadError,
    not_observable: [...notObservableLines(logA).map((l) => `initiator: ${l}`), ...notObservableLines(logB).map((l) => `responder: ${l}`)],
    // Completed by the caller once everything is torn down.
    duration_ms: Math.round(performance.now() - started),
    ...(req.withLogs ? { logs: { initiator: logA, responder: logB } } : {}),
  };
}

async function runNow(req: SwanctlPairRequest): Promise<OracleObserved> {
  const started = performance.now();
  const pid36 = process.pid.toString(36);
  const seq36 = (sequence++).toString(36);
  const label = (req.label ?? 'pair').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const root = mkdtempSync(join(tmpdir(), `ipsec-oracle-${label}-`));
  const lo = req.loAddresses ?? {
    initiator: defaultLoAddresses(req.initiatorConf, req.responderConf),
    responder: defaultLoAddresses(req.responderConf, req.initiatorConf),
  };
  const mk = (role: Side['role'], letter: string, ip: string, conf: string, loList: string[]): Side => ({
    role,
    // ipso-<pid>-<n>-a: the pid lets a later run recognise what a killed run left behind.
    ns: `ipso-${pid36}-${seq36}-${letter}`,
    veth: `io${pid36}.${seq36}${letter}`.slice(0, 15),
    ip,
    dir: join(root, letter),
    conf,
    lo: loList,
    exited: false,
  });
  const a = mk('initiator', 'a', INITIATOR_IP, req.initiatorConf, lo.initiator);
  const b = mk('responder', 'b', RESPONDER_IP, req.responderConf, lo.responder);
  const namespaces: string[] = [];
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  let result: OracleObserved;

  const body = async (): Promise<OracleObserved> => {
    for (const s of [a, b]) {
      mkdirSync(join(s.dir, 'run'), { recursive: true });
      writeFileSync(join(s.dir, 'strongswan.conf'), strongswanConf(s.dir, req.charonSettings?.[s.role] ?? []));
      writeFileSync(join(s.dir, 'swanctl.conf'), s.conf);
    }
    for (const s of [a, b]) {
      if (timedOut) throw new OracleError('TIMEOUT', 'stopped before creating namespaces');
      namespaces.push(s.ns);
      await ipOk(['netns', 'add', s.ns], 'creating a namespace');
    }
    await ipOk(['link', 'add', a.veth, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.veth, 'netns', b.ns], 'creating the veth pair');
    await Promise.all([setUpNamespace(a), setUpNamespace(b)]);
    await Promise.all([startCharon(a), startCharon(b)]);
    const [errA, errB] = await Promise.all([load(a), load(b)]);
    const loadError = [errA, errB].filter((e): e is string => e !== null).join(' / ') || null;
    if (loadError !== null) return observe(req, a, b, [], [], loadError, started);
    for (const child of req.initiate) {
      if (timedOut) break;
      // Exit code 1 is a negotiation failure, read from the SAs and logs below.
      await swanctl(a, ['--initiate', '--child', child, '--timeout', '20'], 25_000);
    }
    let saA = await listSas(a);
    let saB = await listSas(b);
    for (let waited = 0; waited < 3000 && !responderCaughtUp(saA, saB); waited += 50) {
      await sleep(50);
      [saA, saB] = await Promise.all([listSas(a), listSas(b)]);
    }
    const observed = observe(req, a, b, saA, saB, null, started);
    if (req.then && !timedOut) {
      const side = (which: 'initiator' | 'responder') => (which === 'initiator' ? a : b);
      observed.then = await req.then({
        writeConf: (which, conf) => writeFileSync(join(side(which).dir, 'swanctl.conf'), conf),
        swanctl: (which, args) => swanctl(side(which), args[0] === '--load-all' ? [...args, '--noprompt', '--file', join(side(which).dir, 'swanctl.conf')] : args, 25_000),
        listSas: (which) => listSas(side(which)),
      });
    }
    return observed;
  };

  const work = body();
  try {
    const timeoutMs = req.timeoutMs ?? 40_000;
    result = await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new OracleError('TIMEOUT', `${label} did not finish within ${timeoutMs} ms (work directory ${root})`));
        }, timeoutMs);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    await Promise.all([stop(a), stop(b)]);
    // After a timeout the body may still be inside a command (each has its own time limit):
    // let it settle so nothing it creates outlives the teardown.
    await work.catch(() => undefined);
    await Promise.all([stop(a), stop(b)]);
    for (const ns of namespaces) await run('ip', ['netns', 'del', ns]);
    if (!req.keepFiles && !process.env['ORACLE_KEEP']) rmSync(root, { recursive: true, force: true });
  }
  // Namespaces to teardown, the cost a caller pays per case.
  result.duration_ms = Math.round(performance.now() - started);
  return result;
}
