// What to paste on a strongSwan box, checked with real charon: two daemons negotiate the box's
// configuration as imported; then the box's file is replaced by the corrected one and the
// commands of its paste script (shared/vendors/strongswan/paste.ts) are run as written. charon
// must do what the script and its notes say: `swanctl --load-all` loads the new connection
// settings and unloads a connection no longer in the file, an IKE SA already up keeps the
// algorithms it was negotiated with, and the `swanctl --terminate --ike <name>` of the notes,
// then the next initiation, brings it up with the new settings.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../shared/export/export';
import type { TopologyDocument } from '../../shared/model/document';
import { TopologyBuilder } from '../../shared/templates/build';
import type { VendorPaste } from '../../shared/vendors/kit/paste';
import { vendorModule } from '../../shared/vendors/registry';
import { runSwanctlPair } from './harness/interop';
import { oracleAvailability } from './harness/system';
import type { PairControl } from './harness/types';

const available = oracleAvailability();

/** A (192.0.2.1) initiates t1 to B (192.0.2.2); t2 goes to a third box that is never asked. B accepts AES-256 and AES-128. */
function design(espA: 'aes256' | 'aes128', withT2: boolean): TopologyDocument {
  const b = new TopologyBuilder('paste oracle');
  const gwA = b.gateway({ name: 'A', vendor: 'strongswan', outside: '192.0.2.1/24', position: { x: 0, y: 0 }, vpnType: 'policy-based' });
  const gwB = b.gateway({ name: 'B', vendor: 'strongswan', outside: '192.0.2.2/24', position: { x: 400, y: 0 }, vpnType: 'policy-based' });
  const gwC = b.gateway({ name: 'C', vendor: 'strongswan', outside: '192.0.2.3/24', position: { x: 400, y: 300 }, vpnType: 'policy-based' });
  const t1 = b.tunnel('t1', gwA, gwB, { ikeVersion: 2, psk: 'shared-key', a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }] }, b: { proxyIds: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }] } });
  t1.a.esp.proposals = [{ encryption: [espA], integrity: ['sha256'], dhGroups: [14] }];
  t1.b.esp.proposals = [{ encryption: ['aes256', 'aes128'], integrity: ['sha256'], dhGroups: [14] }];
  if (withT2) b.tunnel('t2', gwA, gwC, { ikeVersion: 2, psk: 'other-key', a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.3.0.0/24' }] }, b: { proxyIds: [{ local: '10.3.0.0/24', remote: '10.1.0.0/24' }] } });
  return b.build();
}

const conf = (doc: TopologyDocument, name: string) => exportDocument(doc, { includeSecrets: true, skipEngineCheck: true }).files.find((f) => f.name === name)?.content ?? '';
const words = (command: string) => command.split(' ');
const childOf = async (ctl: PairControl, conn: string) => (await ctl.listSas('initiator')).filter((s) => s.name === conn).flatMap((s) => s.children.filter((c) => c.state === 'INSTALLED'));

describe.skipIf(!available.ok)(`the strongSwan paste script in real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it('--load-all takes the new file; an SA up keeps its algorithms until the terminate of the notes', async () => {
    const before = conf(design('aes256', true), 'A.swanctl.conf');
    const after = conf(design('aes128', false), 'A.swanctl.conf');
    const script = (vendorModule('strongswan').paste as VendorPaste).commands(before, after, 'A.swanctl.conf');
    expect(script.leave).toEqual(['swanctl --load-all']);
    const terminate = script.notes.flatMap((n) => [...n.matchAll(/swanctl --terminate --ike (\S+?)(?:[,;]|$)/g)].map((m) => m[1] as string));
    expect(terminate).toEqual(['t1', 't2']);

    const observed = await runSwanctlPair({
      label: 'paste-swanctl',
      initiatorConf: before,
      responderConf: conf(design('aes256', true), 'B.swanctl.conf'),
      initiate: ['t1'],
      then: async (ctl) => {
        const conns = async () => (await ctl.swanctl('initiator', ['--list-conns'])).stdout.split('\n').filter((l) => /^\S+: IKEv\d/.test(l)).map((l) => l.split(':')[0]);
        const first = await childOf(ctl, 't1');
        const connsBefore = await conns();
        ctl.writeConf('initiator', script.text);
        const loads = [];
        for (const command of script.leave) loads.push(await ctl.swanctl('initiator', words(command).slice(1)));
        const kept = await childOf(ctl, 't1');
        const connsAfter = await conns();
        for (const name of terminate.filter((n) => n === 't1')) await ctl.swanctl('initiator', ['--terminate', '--ike', name]);
        await ctl.swanctl('initiator', ['--initiate', '--child', 't1', '--timeout', '20']);
        const renewed = await childOf(ctl, 't1');
        return { first, connsBefore, loads: loads.map((l) => `${l.stdout}${l.stderr}`), kept, connsAfter, renewed };
      },
    });
    expect(observed.load_error).toBeNull();
    const then = observed.then as { first: { encryption?: string; spiIn?: string }[]; connsBefore: string[]; loads: string[]; kept: { encryption?: string; spiIn?: string }[]; connsAfter: string[]; renewed: { encryption?: string; spiIn?: string }[] };
    expect(then.first.map((c) => c.encryption)).toEqual(['AES_CBC-256']);
    expect(then.connsBefore.sort()).toEqual(['t1', 't2']);
    expect(then.loads.join('\n')).toMatch(/successfully loaded 1 connections, 1 unloaded/);
    expect(then.connsAfter, 't2 is no longer in the file: --load-all unloads it').toEqual(['t1']);
    expect(then.kept.map((c) => [c.encryption, c.spiIn]), 'the SA up is kept as negotiated').toEqual(then.first.map((c) => [c.encryption, c.spiIn]));
    expect(then.renewed.map((c) => c.encryption), 'after the terminate of the notes, t1 comes up with the new settings').toEqual(['AES_CBC-128']);
  });
});
