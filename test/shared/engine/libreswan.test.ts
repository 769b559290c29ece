// The libreswan profile as real Libreswan 4.10 pluto behaved against strongSwan 5.9.8 charon
// (test/fixtures/interop-others, notes/ORACLE-OTHERS.md): narrowing=no wants equal selectors;
// narrowing=yes takes its own connection's subnets or the whole proposal, never an intersection;
// the IKEv1 responder is exact, pfs=no accepts a group, a wrong IKEv1 PSK is answered with
// silence; and the setting round-trips through ipsec.conf.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { exportDocument } from '../../../shared/export/export';
import type { TunnelEnd } from '../../../shared/model/document';
import { libreswanReader } from '../../../shared/vendors/libreswan/reader';
import { BR, HQ, pair, pid } from './build';

const run = (doc: ReturnType<typeof pair>) => negotiateTunnel(doc, 't1', { initiator: 'a' });
const narrowing = (on: boolean): Partial<TunnelEnd> => ({ vendorOptions: { libreswan: { narrowing: on } } });
const WIDE_A = pid('10.1.0.0/16', '10.2.0.0/16');

describe('Libreswan IKEv2 responder', () => {
  it('narrowing=no: a proposal wider than the conn gets TS_UNACCEPTABLE', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA: [WIDE_A], proxyB: [pid(BR, HQ)] }));
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'TS_UNACCEPTABLE', notifyFrom: 'b' });
    expect(r.rules.find((x) => x.id === 'libreswan.v2.no-narrowing')?.provenance).toBe('verified');
  });
  it('narrowing=yes: a wider proposal is answered with the conn\'s subnets', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA: [WIDE_A], proxyB: [pid(BR, HQ)], endB: narrowing(true) }));
    expect(r.phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
    expect(r.rules.find((x) => x.id === 'libreswan.v2.narrowing')?.source).toContain('Libreswan 4.10 pluto against strongSwan 5.9.8 charon');
  });
  it('narrowing=yes: a narrower proposal is taken as proposed', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA: [pid(HQ, BR)], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')], endB: narrowing(true) }));
    expect(r.phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
  });
  it('narrowing=yes: one end wider and the other narrower is refused (v2-mixed-narrow)', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA: [pid(HQ, '10.2.0.0/16')], proxyB: [pid(BR, '10.1.0.0/16')], endB: narrowing(true) }));
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'TS_UNACCEPTABLE' });
  });
  it('narrowing=yes: a proposed address range that is not one subnet is refused whole (gen-729)', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA: [pid(HQ, BR, { name: 'c' }), pid(HQ, '10.2.224.40-10.2.231.99', { name: 'c' })], proxyB: [pid(BR, '10.1.0.0/16')], endB: narrowing(true) }));
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'TS_UNACCEPTABLE' });
  });
  it('narrowing=yes: only the IKE SA\'s own connection (the first) is answered with its subnets (gen-332)', () => {
    const decoy = pid('10.3.0.0/24', '10.3.1.0/24');
    const proxyA = [pid('10.1.0.0/16', BR)];
    expect(run(pair({ a: 'strongswan', b: 'libreswan', proxyA, proxyB: [decoy, pid(BR, HQ)], endB: narrowing(true) })).phase2[0]).toMatchObject({ status: 'down', notify: 'TS_UNACCEPTABLE' });
    expect(run(pair({ a: 'strongswan', b: 'libreswan', proxyA, proxyB: [pid(BR, HQ), decoy], endB: narrowing(true) })).phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
  });
  it('narrowing=yes: a partial overlap is refused, where strongSwan would narrow to the intersection', () => {
    const proxyA = [pid('10.1.0.0-10.1.0.200', BR)];
    const proxyB = [pid(BR, '10.1.0.100-10.1.0.255')];
    const r = run(pair({ a: 'strongswan', b: 'libreswan', proxyA, proxyB, endB: narrowing(true) }));
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'TS_UNACCEPTABLE' });
    expect(run(pair({ a: 'strongswan', b: 'strongswan', proxyA, proxyB })).phase2[0]?.status).toBe('up');
  });
});

describe('Libreswan IKEv2 initiator', () => {
  it('accepts a narrowed answer only with narrowing=yes', () => {
    const doc = (on: boolean) => pair({ a: 'libreswan', b: 'strongswan', proxyA: [WIDE_A], proxyB: [pid(BR, HQ)], endA: narrowing(on) });
    expect(run(doc(false)).phase2[0]?.status).toBe('down');
    expect(run(doc(true)).phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
  });
  it('with narrowing=yes refuses an answer narrowed to a range that is not one prefix (gen-95)', () => {
    const r = run(pair({ a: 'libreswan', b: 'strongswan', proxyA: [pid(HQ, '10.2.0.0/16')], proxyB: [pid('10.2.0.41-10.2.2.40', HQ)], endA: narrowing(true) }));
    expect(r.phase2[0]?.status).toBe('down');
  });
});

describe('Libreswan IKEv1', () => {
  it('as initiator takes a narrowed answer and installs its own subnets: up but asymmetric (v1-responder-subset)', () => {
    const r = run(pair({ v: 1, a: 'libreswan', b: 'strongswan', proxyA: [WIDE_A], proxyB: [pid(BR, HQ)] }));
    expect(r.phase2[0]).toMatchObject({ status: 'asymmetric', installed: { initiator: { local: ['10.1.0.0/16'], remote: ['10.2.0.0/16'] }, responder: { local: [BR], remote: [HQ] } } });
    expect(r.rules.find((x) => x.id === 'libreswan.v1.initiator-answer')?.provenance).toBe('verified');
  });
  it('as initiator refuses an answer with other ports than it proposed (gen-364)', () => {
    const r = run(pair({ v: 1, a: 'libreswan', b: 'strongswan', proxyA: [pid('10.1.64.96/27', '10.2.43.10/32')], proxyB: [pid('10.2.43.0/27', '10.1.64.0/25', { protocol: 'udp', localPort: '1500-3000' })] }));
    expect(r.phase2[0]?.status).toBe('down');
  });
  it('the responder wants equal Quick Mode IDs: a subset gets INVALID_ID_INFORMATION', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')] }));
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'INVALID_ID_INFORMATION', notifyFrom: 'b' });
    expect(r.rules.find((x) => x.id === 'libreswan.v1.exact')?.provenance).toBe('verified');
    expect(run(pair({ a: 'strongswan', b: 'libreswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] })).phase2[0]?.status).toBe('up');
  });
  it('a responder with pfs=no accepts a Quick Mode proposal carrying a PFS group', () => {
    const withGroup = { proposals: [{ encryption: ['aes128' as const], integrity: ['sha256' as const], dhGroups: [19 as const] }], lifetimeSeconds: 3600, mode: 'tunnel' as const };
    const noGroup = { ...withGroup, proposals: [{ encryption: ['aes128' as const], integrity: ['sha256' as const], dhGroups: [] }] };
    const r = run(pair({ a: 'strongswan', b: 'libreswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endA: { esp: withGroup }, endB: { esp: noGroup } }));
    expect(r.phase2[0]?.status).toBe('up');
    expect(r.rules.find((x) => x.id === 'libreswan.v1.pfs')?.provenance).toBe('verified');
  });
  it('a responder that cannot decrypt Main Mode message 5 sends nothing', () => {
    const r = run(pair({ a: 'strongswan', b: 'libreswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endB: { auth: { method: 'psk', psk: 'other' } } }));
    expect(r.phase1).toMatchObject({ status: 'down', failure: 'psk', timedOut: true });
    expect(r.phase1.notify).toBeUndefined();
    // Another product keeps its PAYLOAD_MALFORMED.
    const s = run(pair({ a: 'libreswan', b: 'strongswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endB: { auth: { method: 'psk', psk: 'other' } } }));
    expect(s.phase1).toMatchObject({ status: 'down', notify: 'PAYLOAD_MALFORMED' });
  });
});

describe('Libreswan narrowing= in ipsec.conf', () => {
  it('is written when on and read back as the setting', () => {
    const doc = (on: boolean) => pair({ a: 'libreswan', b: 'strongswan', proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endA: narrowing(on) });
    const conf = (on: boolean) => exportDocument(doc(on), { skipEngineCheck: true, includeSecrets: true }).files.filter((f) => f.name.startsWith('HQ.'));
    expect(conf(true).find((f) => f.name.endsWith('ipsec.conf'))?.content).toMatch(/^\s+narrowing=yes$/m);
    expect(conf(false).find((f) => f.name.endsWith('ipsec.conf'))?.content).not.toMatch(/narrowing=/);
    const back = (on: boolean) => {
      const r = libreswanReader.read(conf(on));
      if (!r.ok) throw new Error(r.message);
      return r.meaning.peers[0]?.vendorOptions;
    };
    expect(back(true)).toEqual({ libreswan: { narrowing: true } });
    expect(back(false)).toBeUndefined();
  });
});
