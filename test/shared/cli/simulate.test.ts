import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { memoryIo } from '../../support/memory-io';
import { serializeDocument } from '../../../shared/document/file';
import { SEED_SCENARIOS } from '../../../shared/templates/scenarios/seed-scenarios';
import { screenosMultiProxyId } from '../../../shared/templates/screenos-multi-proxy-id';

describe('ipsec-studio simulate', () => {
  const kb = serializeDocument(screenosMultiProxyId());

  it('exits 0 and prints every step when delivered both ways', async () => {
    const m = memoryIo({ 'kb.json': kb });
    const code = await runCli(['simulate', 'kb.json', '--from', '192.168.1.10', '--to', '172.16.2.10', '--proto', 'icmp'], m.io);
    expect(m.err()).toBe('');
    expect(code).toBe(0);
    expect(m.out()).toContain('Forward:');
    expect(m.out()).toContain('Reply:');
    expect(m.out()).toContain('outcome: DELIVERED');
    expect(m.out()).toMatch(/GATEWAY-1 +proxy-id-check +Proxy ID pid-2 matches/);
  });

  it('exits 1 with the failing step for each seed scenario, and --json carries it', async () => {
    for (const s of SEED_SCENARIOS) {
      const doc = s.build();
      const m = memoryIo({ 's.json': serializeDocument(doc) });
      const code = await runCli(['simulate', 's.json', '--from', s.walk.from, '--to', s.walk.to, '--proto', s.walk.protocol, ...(s.walk.port ? ['--port', String(s.walk.port)] : []), '--json'], m.io);
      expect(code).toBe(1);
      const json = JSON.parse(m.out()) as { outcome: string; forward: { code?: string }; reply?: { code?: string }; steps: unknown[] };
      expect(json.outcome).toBe(s.expected.outcome);
      expect((json.outcome === 'one-way' ? json.reply : json.forward)?.code).toBe(s.expected.code);
      expect(json.steps.length).toBeGreaterThan(2);
    }
  });

  it('exits 2 on invalid input with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['simulate'], /a topology file is required/],
      [['simulate', 'kb.json', '--to', '172.16.2.10'], /--from and --to are both required/],
      [['simulate', 'kb.json', '--from', '192.168.1.10', '--to', '172.16.2.10', '--port', '99999'], /not a port/],
      [['simulate', 'kb.json', '--from', '192.168.1.10', '--to', '172.16.2.10', '--proto', 'bogus'], /INVALID_PROTOCOL/],
      [['simulate', 'kb.json', '--from', '10.99.0.1', '--to', '172.16.2.10'], /SOURCE_NOT_FOUND/],
      [['simulate', 'kb.json', '--from', 'nobody', '--to', '172.16.2.10'], /UNKNOWN_ENDPOINT/],
      [['simulate', 'missing.json', '--from', '192.168.1.10', '--to', '172.16.2.10'], /no such file/],
      [['simulate', 'bad.json', '--from', '192.168.1.10', '--to', '172.16.2.10'], /not valid JSON/],
      [['simulate', 'kb.json', '--from', '192.168.1.10', '--to', '172.16.2.10', '--bogus'], /unknown option --bogus/],
    ];
    for (const [argv, message] of cases) {
      const m = memoryIo({ 'kb.json': kb, 'bad.json': '{ nope' });
      expect(await runCli(argv, m.io)).toBe(2);
      expect(m.err()).toMatch(message);
    }
  });
});
