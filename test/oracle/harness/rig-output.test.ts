// Reading the ike-rigs drivers' JSON and comparing observations (pure: no daemons). The drivers
// are maintained outside the project, so anything unexpected must fail loudly, never turn into a
// verdict.
import { describe, expect, it } from 'vitest';
import { comparableOfDriver, otherDifferences, parseDriverOutput } from './rig-output';
import type { DriverObserved } from './rig-output';
import { notObservable } from './rigs';
import { caseProblem } from '../others/expressible';
import { predictOther } from '../others/predict';
import type { OracleCase } from './types';

const observed = (children: DriverObserved['children'], extra: Partial<DriverObserved> = {}): DriverObserved => ({
  daemon: 'initiator: x; responder: y',
  ike: 'up',
  children,
  notifies_received_by_initiator: [],
  notifies_sent_by_responder: [],
  install_errors: [],
  load_error: null,
  ...extra,
});
const output = (o: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ id: 'c', roles: { initiator: 'charon', responder: 'pluto' }, observed: o, notes: [], t_total_s: 1, ...extra });

describe('parseDriverOutput', () => {
  it('reads an observation', () => {
    const r = parseDriverOutput(output(observed({ x: { status: 'up', initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'], responder_config: 'x' } })));
    expect(r.ok && r.observed?.children['x']?.status).toBe('up');
  });

  it('reads "unsupported" as no observation', () => {
    const r = parseDriverOutput(output({ unsupported: 'libreswan 4.10: one selector per end' }));
    expect(r).toMatchObject({ ok: true, observed: null, unsupported: 'libreswan 4.10: one selector per end' });
  });

  it.each([
    ['text that is not JSON', 'Error: boom\n    at x', /printed no JSON \(Error: boom/],
    ['an unknown child status', output(observed({ x: { status: 'half-up' as 'up' } })), /unexpected shape: observed/],
    ['a missing notify list', output({ ...observed({}), notifies_sent_by_responder: undefined }), /unexpected shape/],
    ['a rig error', output(null, { error: 'Error: ip netns add: File exists\n at …' }), /the rig failed: Error: ip netns add: File exists$/],
    ['no observation at all', output(null), /printed no observation/],
  ])('refuses %s', (_what, stdout, message) => {
    const r = parseDriverOutput(stdout);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('comparableOfDriver and otherDifferences', () => {
  const inconsistent = observed({ x: { status: 'inconsistent', initiator_local_ts: ['10.1.0.0/16'], initiator_remote_ts: ['10.2.0.0/16'], responder_config: 'x', responder_local_ts: ['10.2.1.0/24'], responder_remote_ts: ['10.1.1.0/24'] } });

  it('gives an up child the mirror image at the responder', () => {
    const c = comparableOfDriver(observed({ x: { status: 'up', initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'], responder_config: 'r' } }));
    expect(c.children['x']).toEqual({ status: 'up', initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'], responder_local_ts: ['10.2.0.0/24'], responder_remote_ts: ['10.1.0.0/24'], responder_config: 'r' });
  });

  it('keeps each end of an inconsistent child, and names an initiator-only one', () => {
    expect(comparableOfDriver(inconsistent).children['x']).toMatchObject({ status: 'inconsistent', responder_local_ts: ['10.2.1.0/24'] });
    expect(comparableOfDriver(observed({ x: { status: 'down', initiator_only: true, initiator_local_ts: ['10.1.0.0/24'], initiator_remote_ts: ['10.2.0.0/24'] } })).children['x']?.status).toBe('initiator-only');
  });

  it('compares selectors and notifies as sets, ranges and ports normalised', () => {
    const a = comparableOfDriver(observed({ x: { status: 'up', initiator_local_ts: ['10.1.0.5-10.1.0.9', '10.1.1.0/24'], initiator_remote_ts: ['10.2.0.0/24[tcp/https]'] } }, { notifies_sent_by_responder: ['TS_UNACCEPTABLE', 'TS_UNACCEPTABLE'] }));
    const b = comparableOfDriver(observed({ x: { status: 'up', initiator_local_ts: ['10.1.1.0/24', '10.1.0.5..10.1.0.9'], initiator_remote_ts: ['10.2.0.0/24[tcp/443]'] } }, { notifies_sent_by_responder: ['TS_UNACCEPTABLE'] }));
    expect(otherDifferences(a, b)).toEqual([]);
  });

  it('names every difference, the first observation first', () => {
    const up = comparableOfDriver(observed({ x: { status: 'up', initiator_local_ts: ['10.1.1.0/24'], initiator_remote_ts: ['10.2.1.0/24'], responder_config: 'x' } }));
    expect(otherDifferences(comparableOfDriver(inconsistent), up, { expected: 'real', actual: 'engine' })).toEqual([
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/16"], engine ["10.1.1.0/24"]',
      'child x initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.1.0/24"]',
    ]);
    const down = comparableOfDriver(observed({ x: { status: 'down' } }, { notifies_sent_by_responder: ['TS_UNACCEPTABLE'] }));
    expect(otherDifferences(down, up, { expected: 'real', actual: 'engine' })).toEqual(['child x status: real down, engine up', 'notifies_sent_by_responder: real ["TS_UNACCEPTABLE"], engine []']);
  });
});

describe('notObservable', () => {
  it('flags an iked initiator that was answered INVALID_KE_PAYLOAD and had no time to retry', () => {
    const side = (notifies: { dir: 'sent' | 'received'; notify: string; msg: string }[]) => ({ ts: [], reasons: [], notifies, install_errors: [] });
    const out = { id: 'c', roles: { initiator: 'iked' as const, responder: 'charon' as const }, observed: observed({}, { ike: 'down' }), evidence: { initiator: side([{ dir: 'received', notify: 'INVALID_KE_PAYLOAD', msg: 'IKE_SA_INIT response 0' }]), responder: side([]) } };
    expect(notObservable(out)).toHaveLength(1);
    expect(notObservable({ ...out, roles: { initiator: 'charon', responder: 'iked' } })).toEqual([]);
    expect(notObservable({ ...out, observed: observed({}) })).toEqual([]);
  });
});

describe('the engine side of the comparison', () => {
  const c: OracleCase = {
    id: 'p',
    version: 2,
    initiator: { ike: 'aes128-sha256-modp2048', psk: 'k', children: [{ name: 'x', local_ts: ['10.1.0.0/16'], remote_ts: ['10.2.0.0/16'], esp: 'aes128-sha256' }] },
    responder: { ike: 'aes128-sha256-modp2048', psk: 'k', children: [{ name: 'x', local_ts: ['10.2.1.0/24'], remote_ts: ['10.1.1.0/24'], esp: 'aes128-sha256' }] },
    initiate: ['x'],
  };

  it('predicts with the libreswan profile for pluto and the generic one for iked', () => {
    // Libreswan's default narrowing=no refuses what is not equal; the generic (RFC) responder narrows.
    expect(predictOther(c, 'pluto', 'responder')).toMatchObject({ children: { x: { status: 'down' } }, notifies_sent_by_responder: ['TS_UNACCEPTABLE'] });
    expect(predictOther(c, 'iked', 'responder').children['x']).toMatchObject({ status: 'up', initiator_local_ts: ['10.1.1.0/24'], responder_local_ts: ['10.2.1.0/24'] });
  });

  it('knows what each daemon can express', () => {
    expect(caseProblem(c, 'pluto', 'responder')).toBeUndefined();
    expect(caseProblem({ ...c, version: 1 }, 'iked', 'initiator')).toMatch(/IKEv2 only/);
    expect(caseProblem({ ...c, initiator: { ...c.initiator, ike: 'aes128-aes256-sha256-modp2048' } }, 'pluto', 'initiator')).toMatch(/several algorithms/);
    expect(caseProblem({ ...c, responder: { ...c.responder, children: [{ ...c.responder.children[0]!, esp: 'aes128gcm16-modp2048' }] } }, 'pluto', 'responder')).toMatch(/AEAD/);
  });
});
