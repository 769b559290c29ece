// What to paste on a Libreswan box, checked with real pluto (4.10) at both ends: the box runs its
// configuration as exported before (t1 to be changed, t2 to be removed, t4 to stay as it is, all
// auto=start and up over one IKE SA to the peer); then the corrected file is put where the paste
// script (shared/vendors/libreswan/paste.ts) says and its commands are run as written, typed in the
// box (its own /etc/ipsec.conf includes /etc/ipsec.d/*.conf as Debian's does, so no --config is
// needed). pluto must do what the script and its notes say: the removed conn is gone, the changed
// one comes up with its new ESP, the new one is loaded and up, and the unchanged one is up again at
// both ends, although the replace took down the IKE SA its Child SA rode on.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../shared/export/export';
import type { TopologyDocument } from '../../shared/model/document';
import { TopologyBuilder } from '../../shared/templates/build';
import type { VendorPaste } from '../../shared/vendors/kit/paste';
import { vendorModule } from '../../shared/vendors/registry';
import { childrenUp, plutoBoxAvailability, withPlutoPair } from './harness/pluto-box';
import type { PlutoBox } from './harness/pluto-box';
import { run } from './harness/system';
import type { PlutoStatus } from './harness/pluto-box';

const available = plutoBoxAvailability();

type Stage = 'before' | 'after' | 'peer';

/**
 * A (192.0.2.1) and B (192.0.2.2), both Libreswan. Before: t1 (ESP AES-256), t2, t4. After: t1 with
 * ESP AES-128, t2 removed, t3 new, t4 unchanged. B (the peer, not pasted to) has all four and
 * accepts AES-256 and AES-128 on t1.
 */
function design(stage: Stage): TopologyDocument {
  const b = new TopologyBuilder('paste oracle');
  const gwA = b.gateway({ name: 'A', vendor: 'libreswan', outside: '192.0.2.1/24', position: { x: 0, y: 0 }, vpnType: 'policy-based' });
  const gwB = b.gateway({ name: 'B', vendor: 'libreswan', outside: '192.0.2.2/24', position: { x: 400, y: 0 }, vpnType: 'policy-based' });
  const tunnel = (name: string, n: number) => b.tunnel(name, gwA, gwB, { ikeVersion: 2, psk: 'shared-key-of-a-and-b', a: { proxyIds: [{ local: `10.1.${n}.0/24`, remote: `10.2.${n}.0/24` }] }, b: { proxyIds: [{ local: `10.2.${n}.0/24`, remote: `10.1.${n}.0/24` }] } });
  const t1 = tunnel('t1', 0);
  t1.a.esp.proposals = [{ encryption: [stage === 'after' ? 'aes128' : 'aes256'], integrity: ['sha256'], dhGroups: [14] }];
  t1.b.esp.proposals = [{ encryption: ['aes256', 'aes128'], integrity: ['sha256'], dhGroups: [14] }];
  if (stage !== 'after') tunnel('t2', 1);
  if (stage !== 'before') tunnel('t3', 2);
  tunnel('t4', 4);
  return b.build();
}

const file = (stage: Stage, name: string) => exportDocument(design(stage), { includeSecrets: true, skipEngineCheck: true }).files.find((f) => f.name === name)?.content ?? '';
/** A process that is there and not a zombie (killed but not yet reaped counts as stopped). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
const spisOf = (s: PlutoStatus, conn: string) => childrenUp(s, conn).map((c) => c.spiIn);

describe.skipIf(!available.ok)(`the Libreswan paste script in real pluto${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it('deletes the removed conn, replaces and brings up the changed one, adds the new one, and brings the unchanged one up again', async () => {
    const before = file('before', 'A.ipsec.conf');
    const after = file('after', 'A.ipsec.conf');
    const paste = vendorModule('libreswan').paste as VendorPaste;
    const script = paste.commands(before, after, 'A.ipsec.conf');
    expect(script.enter).toEqual(['/etc/ipsec.d/A.conf']);
    expect(script.leave).toEqual(['ipsec auto --rereadsecrets', 'ipsec auto --delete t2', 'ipsec auto --replace t1', 'ipsec auto --add t3', 'ipsec auto --up t1', 'ipsec auto --up t3', 'ipsec auto --up t4']);
    const secrets = file('before', 'A.ipsec.secrets');
    expect(paste.commands(secrets, file('after', 'A.ipsec.secrets'), 'A.ipsec.secrets').enter).toEqual(['/etc/ipsec.d/A.secrets']);

    const seen = await withPlutoPair(
      {
        files: {
          initiator: { [script.enter[0] as string]: before, '/etc/ipsec.d/A.secrets': secrets },
          responder: { '/etc/ipsec.d/B.conf': file('peer', 'B.ipsec.conf'), '/etc/ipsec.d/B.secrets': file('peer', 'B.ipsec.secrets') },
        },
      },
      async ({ initiator: a, responder: b }) => {
        // auto=start: pluto brings the three up at startup, over the IKE SA the first (t1) negotiates.
        const first = await a.until('t1, t2 and t4 up', (s) => ['t1', 't2', 't4'].every((c) => childrenUp(s, c).length === 1));
        const sharedIke = ['t1', 't2', 't4'].map((c) => childrenUp(first, c)[0]?.ike);
        const ikeOwner = first.states.find((s) => s.serial === sharedIke[0])?.conn;
        await b.until('B has t1, t2 and t4 up', (s) => ['t1', 't2', 't4'].every((c) => childrenUp(s, c).length === 1));

        await a.write(script.enter[0] as string, script.text);
        const steps: { command: string; code: number; output: string; status: PlutoStatus; peer: PlutoStatus }[] = [];
        for (const command of script.leave) {
          const r = await a.sh(command, 60_000);
          const status = await a.status();
          // The peer handles A's Delete on its own time: wait for it after the replace (a wait, no command).
          const peer = command.includes('--replace') ? await b.until('B drops the Child SAs on the deleted IKE SA', (s) => childrenUp(s, 't1').length === 0) : await b.status();
          steps.push({ command, code: r.code, output: `${r.stdout}${r.stderr}`, status, peer });
        }
        const end = await a.status();
        // The peer answers the last CREATE_CHILD_SA before A's whack returns; its deletes are in already.
        const peerEnd = await b.until('B has t1, t3 and t4 up and no t2', (s) => ['t1', 't3', 't4'].every((c) => childrenUp(s, c).length >= 1) && childrenUp(s, 't2').length === 0);
        return { first, sharedIke, ikeOwner, steps, end, peerEnd, log: a.log() };
      },
    );

    const step = (command: string) => {
      const s = seen.steps.find((x) => x.command === command);
      if (!s) throw new Error(`${command} was not run`);
      return s;
    };
    for (const s of seen.steps) expect(s.code, `${s.command}: ${s.output}`).toBe(0);
    expect(new Set(seen.sharedIke).size, 'the three Child SAs ride on one IKE SA').toBe(1);
    expect(seen.ikeOwner).toBe('t1');
    expect(seen.first.espNewest['t1']).toMatch(/^AES_CBC_256-/);

    // --delete: the conn is gone and its Child SA torn down at once.
    expect(step('ipsec auto --delete t2').output).toMatch(/"t2": terminating SAs using this connection/);
    expect(step('ipsec auto --delete t2').status.conns).not.toContain('t2');
    // --replace: the changed conn's SAs are torn down (the IKE SA it owns with them), and it is not brought up again by itself, auto=start or not.
    const replaced = step('ipsec auto --replace t1');
    expect(replaced.output).toMatch(/"t1" #\d+: deleting state \(STATE_V2_ESTABLISHED_IKE_SA\).*sending notification/);
    expect(replaced.status.conns).toContain('t1');
    expect(childrenUp(replaced.status, 't1')).toEqual([]);
    // The peer dropped every Child SA on that IKE SA, the unchanged t4's too.
    expect(spisOf(replaced.peer, 't4'), 'B tore down t4 with the IKE SA').toEqual([]);
    // --add: loaded, down until --up.
    expect(step('ipsec auto --add t3').status.conns).toContain('t3');
    expect(childrenUp(step('ipsec auto --add t3').status, 't3')).toEqual([]);

    // At the end: what the new file says, up at both ends.
    expect(seen.end.conns.sort()).toEqual(['t1', 't3', 't4']);
    expect(seen.end.espNewest['t1'], 't1 renegotiated with the new ESP').toMatch(/^AES_CBC_128-/);
    for (const conn of ['t1', 't3', 't4']) {
      const newest = childrenUp(seen.end, conn).at(-1);
      expect(newest, `${conn} up on A`).toBeDefined();
      expect(childrenUp(seen.peerEnd, conn).map((c) => c.spiOut), `${conn}: B has the Child SA A has`).toContain(newest?.spiIn);
    }
    expect(childrenUp(seen.end, 't1').map((c) => c.spiIn)).not.toContain(spisOf(seen.first, 't1')[0]);
  });

  it('a failing step leaves no pluto, namespace or work directory behind', async () => {
    let seen: PlutoBox[] = [];
    const failing = withPlutoPair({ files: { initiator: {}, responder: {} } }, async ({ initiator, responder }) => {
      seen = [initiator, responder];
      expect((await initiator.status()).conns).toEqual([]);
      throw new Error('a step failed');
    });
    await expect(failing).rejects.toThrow('a step failed');
    expect(seen).toHaveLength(2);
    const namespaces = (await run('ip', ['netns', 'list'])).stdout;
    for (const box of seen) {
      expect(box.pid).toBeGreaterThan(1);
      expect(running(box.pid ?? 0), `pluto ${box.pid} stopped`).toBe(false);
      expect(namespaces).not.toContain(box.namespace);
      expect(existsSync(box.dir)).toBe(process.env['ORACLE_KEEP'] !== undefined);
    }
  });
});
