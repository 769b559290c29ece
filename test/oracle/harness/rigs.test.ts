// The harness around the ike-rigs drivers: it refuses bad requests before anything runs, agrees
// with the drivers on what pluto and iked can express, reports both daemons in either role,
// and leaves no namespace, daemon or work directory behind, also after a timeout or when the
// test process that made them was killed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { caseProblem } from '../others/expressible';
import { RIGS_HOME, rigsAvailability, runRigCase, sweepStaleRigs } from './rigs';
import type { OtherDaemon, RigPlacement, RigRequest } from './rigs';
import type { OracleCase, OracleChild } from './types';
import { OracleError } from './types';

const available = rigsAvailability();

const child = (name: string, local: string, remote: string, esp = 'aes128-sha256'): OracleChild => ({ name, local_ts: [local], remote_ts: [remote], esp });
const base = (version: 1 | 2, initiator: OracleChild[], responder: OracleChild[], id = 'rigs-base'): OracleCase => ({
  id,
  version,
  initiator: { ike: 'aes128-sha256-modp2048', psk: 'k', children: initiator },
  responder: { ike: 'aes128-sha256-modp2048', psk: 'k', children: responder },
  initiate: initiator.map((c) => c.name),
});
const exact = (version: 1 | 2): OracleCase => base(version, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24')]);

/** Namespaces and processes of a prefix: what must be gone after a run. */
function leftovers(prefix: string): { namespaces: string[]; processes: string[]; workDirs: string[] } {
  const namespaces = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith(`${prefix}-`));
  const processes: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(`/work/${prefix}-`)) processes.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  const work = join(RIGS_HOME, 'work');
  const workDirs = existsSync(work) ? readdirSync(work).filter((d) => d.startsWith(`${prefix}-`)) : [];
  return { namespaces, processes, workDirs };
}

describe('requests the harness refuses before running anything', () => {
  const refused: [string, RigRequest, RegExp][] = [
    ['narrowing for iked', { case: exact(2), daemon: 'iked', placement: 'responder', narrowing: 'yes' }, /narrowing= is a Libreswan option/],
    ['a child name that is not plain', { case: base(2, [child('x y', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24')]), daemon: 'pluto', placement: 'responder' }, /not a plain name/],
    ['a case id that is not plain', { case: { ...exact(2), id: '../x' }, daemon: 'pluto', placement: 'responder' }, /not a plain name/],
    ['initiating a child the initiator lacks', { case: { ...exact(2), initiate: ['nope'] }, daemon: 'pluto', placement: 'responder' }, /does not have/],
  ];
  it.for(refused)('%s', async ([, req, message], { expect }) => {
    const run = runRigCase(req);
    await expect(run).rejects.toBeInstanceOf(OracleError);
    // Without the rig the harness says UNAVAILABLE first; with it, the request is refused.
    await expect(run).rejects.toThrow(available.ok ? message : /UNAVAILABLE/);
  });
});

describe.skipIf(!available.ok)(`the ike-rigs drivers${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it.concurrent.for([
    ['pluto', 'responder', exact(2)],
    ['pluto', 'initiator', exact(1)],
    ['iked', 'responder', exact(2)],
    ['iked', 'initiator', exact(2)],
  ] as const)('negotiate an exact case with %s as %s', async ([daemon, placement, c], { expect }) => {
    const r = await runRigCase({ case: c, daemon, placement });
    expect(r.roles[placement]).toBe(daemon);
    expect(r.unsupported).toBeNull();
    expect(r.observed?.ike).toBe('up');
    expect(r.observed?.children['x']).toMatchObject({ status: 'up', initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'], responder_config: 'x' });
    expect(r.observed?.daemon).toMatch(daemon === 'pluto' ? /Libreswan 4\.10/ : /OpenIKED 7\.2/);
    expect(r.not_observable).toEqual([]);
    expect(leftovers(r.prefix)).toEqual({ namespaces: [], processes: [], workDirs: [] });
  });

  // Each case breaks exactly one rule of others/expressible.ts; the driver must refuse it too.
  const inexpressible: [string, OtherDaemon, RigPlacement, OracleCase][] = [
    ['two selectors on one end (pluto)', 'pluto', 'responder', base(2, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [{ name: 'x', local_ts: ['10.2.0.0/24', '10.3.0.0/24'], remote_ts: ['10.1.0.0/24'], esp: 'aes128-sha256' }])],
    ['an address range (pluto)', 'pluto', 'initiator', base(2, [child('x', '10.1.0.5-10.1.0.9', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24')])],
    ['a port range (pluto)', 'pluto', 'responder', base(2, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.0.0/24[udp/1000-2000]', '10.1.0.0/24[udp]')])],
    ['a protocol on one end only (pluto)', 'pluto', 'responder', base(2, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.0.0/24[tcp]', '10.1.0.0/24')])],
    ['IKEv1 (iked)', 'iked', 'responder', exact(1)],
    ['an address range (iked)', 'iked', 'responder', base(2, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.0.5-10.2.0.9', '10.1.0.0/24')])],
    ['two protocols in one policy (iked)', 'iked', 'initiator', base(2, [{ name: 'x', local_ts: ['10.1.0.0/24[tcp]', '10.1.1.0/24[udp]'], remote_ts: ['10.2.0.0/24'], esp: 'aes128-sha256' }], [child('x', '10.2.0.0/24', '10.1.0.0/24')])],
  ];
  it.concurrent.for(inexpressible)('agree with expressible.ts that %s cannot be written', async ([, daemon, placement, c], { expect }) => {
    expect(caseProblem(c, daemon, placement)).toBeDefined();
    const r = await runRigCase({ case: c, daemon, placement });
    expect(r.unsupported).toMatch(/./);
    expect(r.observed).toBeNull();
  });

  it('removes the daemons, namespaces and work directory of a run that times out', async ({ expect }) => {
    // IKEv1 with pluto initiating against a responder that refuses the IDs: pluto retransmits ~9 s.
    const slow = base(1, [child('x', '10.1.0.0/24', '10.2.0.0/24')], [child('x', '10.2.9.0/24', '10.1.9.0/24')], 'rigs-timeout');
    const run = runRigCase({ case: slow, daemon: 'pluto', placement: 'initiator', timeoutMs: 2500 });
    await expect(run).rejects.toThrow(/TIMEOUT/);
    const prefix = /namespace prefix ([a-z0-9]+)/.exec(String(await run.catch((e: unknown) => e)))?.[1];
    expect(prefix).toMatch(/^o[0-9a-z]{7}$/);
    expect(leftovers(prefix ?? '')).toEqual({ namespaces: [], processes: [], workDirs: [] });
  });

  it('sweeps what a killed test process left behind, and nothing of a live one', async ({ expect }) => {
    const claims = join(tmpdir(), 'ipsec-oracle-rigs');
    mkdirSync(claims, { recursive: true });
    let deadPid = 4_000_000;
    while (deadPid > 1) {
      try {
        process.kill(deadPid, 0);
        deadPid--;
      } catch {
        break;
      }
    }
    const tag = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
    const dead = `szz${tag}`;
    const live = `syy${tag}`;
    writeFileSync(join(claims, dead), String(deadPid));
    writeFileSync(join(claims, live), String(process.pid));
    execFileSync('ip', ['netns', 'add', `${dead}-aaaa-i`]);
    execFileSync('ip', ['netns', 'add', `${live}-aaaa-i`]);
    const sleeper = spawn('ip', ['netns', 'exec', `${dead}-aaaa-i`, 'sleep', '60'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => sleeper.once('exit', resolve));
    try {
      // Until the sleeper is inside the namespace (ip netns pids lists it).
      for (let i = 0; i < 100 && execFileSync('ip', ['netns', 'pids', `${dead}-aaaa-i`], { encoding: 'utf8' }).trim() === ''; i++) await new Promise((r) => setTimeout(r, 20));
      await sweepStaleRigs();
      expect(await Promise.race([exited.then(() => 'ended'), new Promise((r) => setTimeout(() => r('alive'), 3000))])).toBe('ended');
      const list = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
      expect(list).not.toContain(`${dead}-aaaa-i`);
      expect(list).toContain(`${live}-aaaa-i`);
      expect(existsSync(join(claims, dead))).toBe(false);
      expect(existsSync(join(claims, live))).toBe(true);
    } finally {
      sleeper.kill('SIGKILL');
      execFileSync('ip', ['netns', 'del', `${live}-aaaa-i`]);
      rmSync(join(claims, live), { force: true });
    }
  });
});
