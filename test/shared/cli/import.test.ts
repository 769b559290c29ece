// `ipsec-studio import` and `check --config`, on configurations the exporters wrote for the
// PAN-OS ↔ ASA template (whose phase 2 fails by design) and on bad input: each refused whole, with
// a message that names the file and says what to do.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { loadDocumentText } from '../../../shared/document/file';
import { exportDocument } from '../../../shared/export/export';
import { TEMPLATES } from '../../../shared/templates/index';
import { memoryIo } from '../../support/memory-io';

const doc = (TEMPLATES.find((t) => t.id === 'pan-asa-interop') as (typeof TEMPLATES)[number]).build();
const configs: Record<string, string> = Object.fromEntries(doc.gateways.map((g) => {
  const file = exportDocument(doc, { gateways: [g.id], skipEngineCheck: true }).files[0] as { content: string };
  return [`${g.name}.txt`, file.content];
}));
const names = Object.keys(configs);

describe('ipsec-studio import', () => {
  it('writes one topology of both boxes, paired, and says what it understood of each file', async () => {
    const written: Record<string, string> = {};
    const m = memoryIo(configs);
    m.io.writeFile = async (p, c) => {
      written[p] = c;
    };
    expect(await runCli(['import', ...names, '-o', 'out.json'], m.io)).toBe(0);
    const loaded = loadDocumentText(written['out.json'] ?? '');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.document.gateways.map((g) => [g.name, g.vendor]).sort()).toEqual(doc.gateways.map((g) => [g.name, g.vendor]).sort());
    expect(loaded.document.tunnels).toHaveLength(1);
    expect(m.err()).toMatch(/PA-HQ\.txt: Palo Alto Networks PAN-OS, 1 peer; lines \d+ used, \d+ ignored \(not about VPNs\), 0 not understood/);
    expect(m.err()).toMatch(/paired with .* by addresses/);
  });

  it('--initiator writes who initiates into the topology, and refuses a gateway that is not there', async () => {
    for (const who of ['PA-HQ', 'ASA-Branch']) {
      const written: Record<string, string> = {};
      const m = memoryIo(configs);
      m.io.writeFile = async (p, c) => {
        written[p] = c;
      };
      expect(await runCli(['import', ...names, '--initiator', who, '-o', 'out.json'], m.io)).toBe(0);
      const loaded = loadDocumentText(written['out.json'] ?? '');
      if (!loaded.ok) throw new Error('not loaded');
      const t = loaded.document.tunnels[0];
      const initiating = loaded.document.gateways.find((g) => g.id === (t?.initiator === 'a' ? t.a.gatewayId : t?.b.gatewayId));
      expect(initiating?.name).toBe(who);
      expect(loaded.document.imported?.tunnels[0]?.initiator).toBe(t?.initiator);
    }
    const m = memoryIo(configs);
    expect(await runCli(['import', ...names, '--initiator', 'Nobody', '-o', 'out.json'], m.io)).toBe(2);
    expect(m.err()).toMatch(/no imported gateway is named "Nobody" \(gateways: /);
  });

  it('check --config gives the verdict from the configurations alone (exit 1: phase 2 fails as designed)', async () => {
    const m = memoryIo(configs);
    expect(await runCli(['check', '--config', ...names, '--initiator', 'ASA-Branch'], m.io)).toBe(1);
    expect(m.out()).toMatch(/phase 1 +UP/);
    expect(m.out()).toMatch(/phase 2 +DOWN/);
  });

  it('refuses a binary file, an empty one, a file of no known product and one of another product than asked, importing nothing', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['blob.bin', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]), /blob\.bin is not text/],
      ['empty.txt', '   \n', /empty\.txt is empty/],
      ['notes.txt', 'Dear team,\nthe VPN to the branch is down again.\nRegards\n', /notes\.txt is not a configuration of any product/],
    ];
    for (const [name, content, message] of cases) {
      const m = memoryIo({ ...configs, [name]: content });
      m.io.writeFile = async () => {
        throw new Error('nothing may be written');
      };
      expect(await runCli(['import', names[0] as string, name, '-o', 'out.json'], m.io), name).toBe(2);
      expect(m.err(), name).toMatch(message);
      expect(m.err(), name).toContain('nothing was imported');
    }
    const m = memoryIo(configs);
    expect(await runCli(['import', `cisco-asa:${names[0] as string}`, '-o', 'x.json'], m.io)).toBe(2);
    expect(m.err()).toMatch(/looks like a .*PAN-OS configuration, not Cisco ASA/);
  });

  it('needs an output and at least one file', async () => {
    const m = memoryIo(configs);
    expect(await runCli(['import', names[0] as string], m.io)).toBe(2);
    expect(m.err()).toContain('-o topology.json');
    expect(await runCli(['import', '-o', 'x.json'], m.io)).toBe(2);
  });
});
