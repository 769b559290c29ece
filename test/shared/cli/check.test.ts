import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { memoryIo } from '../../support/memory-io';
import { NegotiationReportSchema } from '../../../shared/engine/report';
import { serializeDocument } from '../../../shared/document/file';
import { BR, HQ, pair, pid } from '../engine/build';

const good = serializeDocument(pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] }));
const broken = serializeDocument(pair({ v: 1, proxyA: [pid(HQ, BR), pid('10.1.2.0/24', '10.2.2.0/24')], proxyB: [pid(BR, HQ)] }));
const ciscoBroad = serializeDocument(pair({ a: 'panos', b: 'cisco-asa', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')] }));

describe('ipsec-studio check', () => {
  it('exits 0 with a readable table when everything is up', async () => {
    const m = memoryIo({ 'g.json': good });
    expect(await runCli(['check', 'g.json'], m.io)).toBe(0);
    expect(m.out()).toContain('Tunnel hq-branch: HQ (panos) initiates to Branch (panos), IKEv1: UP');
    expect(m.out()).toMatch(/phase 2 +UP +#1 +10\.1\.1\.0\/24 <-> 10\.2\.1\.0\/24/);
    expect(m.out()).toContain('1 tunnel: 1 up, 0 partial, 0 down');
    expect(m.err()).toBe('');
  });

  it('exits 1 and names the cause when a selector fails', async () => {
    const m = memoryIo({ 'b.json': broken });
    expect(await runCli(['check', 'b.json'], m.io)).toBe(1);
    expect(m.out()).toContain('PARTIAL');
    expect(m.out()).toContain('NO_PROPOSAL_CHOSEN');
    expect(m.out()).toContain('MISSING_PROXY_ID');
    expect(m.out()).toContain('fix: Add the mirror proxy ID to Branch');
  });

  it('--json prints the report, valid against its schema', async () => {
    const m = memoryIo({ 'b.json': broken });
    expect(await runCli(['check', 'b.json', '--json'], m.io)).toBe(1);
    const report = JSON.parse(m.out());
    expect(NegotiationReportSchema.safeParse(report).success).toBe(true);
    expect(report.tunnels[0].phase2[1]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN' });
  });

  it('--initiator decides who initiates (the Cisco subset rule)', async () => {
    const m1 = memoryIo({ 'c.json': ciscoBroad });
    expect(await runCli(['check', 'c.json', '--initiator', 'HQ'], m1.io)).toBe(0);
    const m2 = memoryIo({ 'c.json': ciscoBroad });
    expect(await runCli(['check', 'c.json', '--initiator', 'Branch', '--json'], m2.io)).toBe(1);
    expect(JSON.parse(m2.out()).tunnels[0].initiator).toBe('Branch');
  });

  it('--tunnel selects one tunnel, by name or id', async () => {
    const m = memoryIo({ 'g.json': good });
    expect(await runCli(['check', 'g.json', '--tunnel', 't1', '--json'], m.io)).toBe(0);
    expect(JSON.parse(m.out()).tunnels).toHaveLength(1);
  });

  it.each([
    [['check'], 'a topology file is required'],
    [['check', 'missing.json'], 'no such file'],
    [['check', 'g.json', '--tunnel', 'nope'], 'no tunnel named "nope"'],
    [['check', 'g.json', '--initiator', 'nope'], 'no gateway named "nope"'],
    [['check', 'g.json', '--bogus'], 'unknown option --bogus'],
    [['check', 'bad.json'], 'not valid JSON'],
    [['check', 'invalid.json'], 'error'],
  ])('exits 2 on invalid input: %j', async (argv, message) => {
    const m = memoryIo({ 'g.json': good, 'bad.json': '{"formatVersion": 2,', 'invalid.json': good.replace('"10.1.1.0/24"', '"10.1.1.0/33"') });
    expect(await runCli(argv, m.io)).toBe(2);
    expect(m.err()).toContain(message);
  });
});
