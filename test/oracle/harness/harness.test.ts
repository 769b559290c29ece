// The harness against real daemons: it reports load errors that `swanctl --load-all` exits 0
// on, flags what kernel-libipsec cannot observe, refuses addresses outside the namespaces, and
// leaves no namespace or daemon behind, also after a timeout.
import { execFileSync, spawn } from 'node:child_process';
import { describe, it } from 'vitest';
import { caseConfs, runInteropCase, runSwanctlPair } from './interop';
import { sweepStaleNamespaces } from './pair';
import { oracleAvailability } from './system';
import type { OracleCase } from './types';
import { OracleError } from './types';

const available = oracleAvailability();

const base: OracleCase = {
  id: 'harness-base',
  version: 2,
  initiator: { ike: 'aes128-sha256-modp2048', psk: 'k', children: [{ name: 'x', local_ts: ['10.1.0.0/24'], remote_ts: ['10.2.0.0/24'], esp: 'aes128-sha256' }] },
  responder: { ike: 'aes128-sha256-modp2048', psk: 'k', children: [{ name: 'x', local_ts: ['10.2.0.0/24'], remote_ts: ['10.1.0.0/24'], esp: 'aes128-sha256' }] },
  initiate: ['x'],
};
const confs = caseConfs(base);

function both(edit: (conf: string) => string): { initiatorConf: string; responderConf: string } {
  return { initiatorConf: edit(confs.initiatorConf), responderConf: edit(confs.responderConf) };
}

/** Namespaces this process created and did not delete. */
function ourNamespaces(): string[] {
  const list = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return list.split('\n').filter((l) => l.startsWith(`ipso-${process.pid.toString(36)}-`));
}

describe.skipIf(!available.ok)(`oracle harness on real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it('negotiates a plain case and reports it up', async ({ expect }) => {
    const o = await runInteropCase(base);
    expect(o.ike).toBe('up');
    expect(o.children['x']).toEqual({ status: 'up', initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'], responder_config: 'x' });
    expect(o.daemon).toMatch(/^strongSwan \d+\.\d+\.\d+ \(charon, /);
    expect(o.duration_ms).toBeGreaterThan(0);
  });

  it('reports a syntax error, which swanctl --load-all exits 0 on', async ({ expect }) => {
    const o = await runSwanctlPair({ label: 'syntax', ...both((c) => c.replace('children {', 'children {{')), initiate: ['x'] });
    expect(o.load_error).toMatch(/syntax error/);
    expect(o.ike).toBe('down');
  });

  it('reports an option charon does not know', async ({ expect }) => {
    const o = await runSwanctlPair({ label: 'option', ...both((c) => c.replace('mode = tunnel', 'mode = tunnel\n        no_such_option = 1')), initiate: ['x'] });
    expect(o.load_error).toMatch(/unknown option: no_such_option/);
  });

  it.for([
    ['transport mode', (c: string) => c.replace('mode = tunnel', 'mode = transport').replace(/^\s*(?:local|remote)_ts = .*$/gm, '')],
    ['AH', (c: string) => c.replace('esp_proposals = aes128-sha256', 'ah_proposals = sha256')],
    ['AES-GMAC', (c: string) => c.replace('esp_proposals = aes128-sha256', 'esp_proposals = aes128gmac')],
  ] as const)('flags %s as not observable here, instead of the false NO_PROPOSAL_CHOSEN that follows', async ([, edit], { expect }) => {
    const o = await runSwanctlPair({ label: 'unobservable', ...both(edit), initiate: ['x'] });
    expect(o.not_observable.length).toBeGreaterThan(0);
  });

  it('refuses IKE addresses outside the namespaces before starting anything', async ({ expect }) => {
    const req = { ...both((c) => c.replace('remote_addrs = 192.0.2.2', 'remote_addrs = 198.51.100.7')), initiate: ['x'] };
    await expect(runSwanctlPair(req)).rejects.toThrow(/BAD_REQUEST: initiator remote_addrs = 198.51.100.7/);
    await expect(runInteropCase({ ...base, initiate: ['nope'] })).rejects.toBeInstanceOf(OracleError);
  });

  it('tears everything down after a timeout', async ({ expect }) => {
    // IKEv1 with different PSKs: the initiator waits ~4.5 s for an answer it can decrypt.
    const slow = caseConfs({ ...base, id: 'harness-timeout', version: 1, responder: { ...base.responder, psk: 'other' } });
    const req = { label: 'timeout', ...slow, initiate: ['x'], timeoutMs: 1000 };
    await expect(runSwanctlPair(req)).rejects.toThrow(/TIMEOUT/);
    expect(ourNamespaces()).toEqual([]);
  });

  it('sweeps what a killed harness process left behind, and nothing else', async ({ expect }) => {
    let deadPid = 4_000_000;
    while (deadPid > 1) {
      try {
        process.kill(deadPid, 0);
        deadPid--;
      } catch {
        break;
      }
    }
    const stale = `ipso-${deadPid.toString(36)}-0-a`;
    execFileSync('ip', ['netns', 'add', stale]);
    const sleeper = spawn('ip', ['netns', 'exec', stale, 'sleep', '60'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => sleeper.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sweepStaleNamespaces();
    expect(await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('alive'), 3000))])).not.toBe('alive');
    expect(execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })).not.toContain(stale);
  });

  it('leaves no namespace behind', ({ expect }) => {
    expect(ourNamespaces()).toEqual([]);
  });
});
