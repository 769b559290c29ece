// Hostile documents: nesting deep enough to overflow any recursive walk must be refused with a
// message, by every entry point (text, already-parsed value, the CLI), and never throw.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { EXIT_INVALID } from '../../../shared/cli/io';
import { loadDocumentText, loadDocumentValue } from '../../../shared/document/file';
import { memoryIo } from '../../support/memory-io';

const deepLists = (n: number) => `{"formatVersion":2,"notes":${'['.repeat(n)}${']'.repeat(n)}}`;
const deepObjects = (n: number) => `{"formatVersion":2,"notes":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`;

describe('deeply nested documents', { timeout: 120_000 }, () => {
  it.each([
    ['lists', deepLists(5000)],
    ['objects', deepObjects(5000)],
    ['lists, 200,000 deep', deepLists(200_000)],
  ])('refuses %s nested far deeper than a topology, with a clear message', (_what, text) => {
    const r = loadDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('TOO_DEEP');
    expect(r.summary).toMatch(/more than 32 levels/);
    expect(r.errors[0]!.line).toBe(1);
    expect(r.errors[0]!.path.startsWith('notes')).toBe(true);
  });

  it('a 20 KB file nested 5,000 deep is refused', () => {
    const text = deepObjects(5000).slice(0, 20 * 1024);
    expect(() => loadDocumentText(text)).not.toThrow();
  });

  it('refuses an already-parsed value nested 100,000 deep (IPC, paste) without recursion', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    const r = loadDocumentValue({ formatVersion: 2, notes: v });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('TOO_DEEP');
  });

  it('refuses a value that contains itself (a structured clone can) instead of looping', () => {
    const v: Record<string, unknown> = { formatVersion: 2 };
    v.notes = v;
    const r = loadDocumentValue(v);
    expect(r.ok).toBe(false);
  });

  it('accepts the nesting a real topology needs (a proxy ID with its own ESP proposals)', () => {
    const doc = `{"formatVersion":2,"gateways":[{"id":"g1","name":"A","vendor":"strongswan","vpnType":"route-based","position":{"x":0,"y":0}},{"id":"g2","name":"B","vendor":"strongswan","vpnType":"route-based","position":{"x":1,"y":0}}],"tunnels":[{"id":"t1","name":"t","a":{"gatewayId":"g1","ikeVersion":2,"ike":{"proposals":[{"encryption":["aes256"],"integrity":["sha256"],"dhGroups":[14]}]},"auth":{},"esp":{"proposals":[{"encryption":["aes256"],"integrity":["sha256"],"dhGroups":[]}]},"proxyIds":[{"local":"10.0.0.0/24","remote":"10.1.0.0/24","espProposals":[{"encryption":["aes256"],"integrity":["sha256"],"dhGroups":[14]}]}]},"b":{"gatewayId":"g2","ikeVersion":2,"ike":{"proposals":[{"encryption":["aes256"],"integrity":["sha256"],"dhGroups":[14]}]},"auth":{},"esp":{"proposals":[{"encryption":["aes256"],"integrity":["sha256"],"dhGroups":[]}]}}}]}`;
    const r = loadDocumentText(doc);
    expect(r.ok).toBe(true);
  });

  it('the CLI exits 2 (invalid input), not 1, on a deeply nested file', async () => {
    const m = memoryIo({ 'deep.json': deepObjects(5000) });
    for (const cmd of [['check', 'deep.json'], ['export', 'deep.json'], ['simulate', 'deep.json', '--from', '10.0.0.1', '--to', '10.1.0.1']]) {
      await expect(runCli(cmd, m.io)).resolves.toBe(EXIT_INVALID);
    }
    expect(m.err()).toMatch(/more than 32 levels/);
  });
});
