// `ipsec-studio export` driven through runCli with an in-memory CliIo: stdout / files, warnings on
// stderr, secrets only when asked, and the exit codes 0 / 1 / 2.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import type { CliIo } from '../../../shared/cli/io';
import { serializeDocument } from '../../../shared/document/file';
import { TEMPLATES } from '../../../shared/templates/index';

class FakeIo implements CliIo {
  files = new Map<string, string>();
  dirs = new Set<string>();
  out = '';
  err = '';
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.files.set(k, v);
  }
  async readFile(path: string) {
    const text = this.files.get(path);
    return text === undefined ? { ok: false as const, code: 'UNREADABLE' as const, message: `${path}: no such file` } : { ok: true as const, bytes: new TextEncoder().encode(text) };
  }
  async writeFile(path: string, content: string) {
    this.files.set(path, content);
  }
  async mkdir(path: string) {
    this.dirs.add(path);
  }
  joinPath(...parts: string[]) {
    return parts.join('/');
  }
  stdout(t: string) {
    this.out += t;
  }
  stderr(t: string) {
    this.err += t;
  }
}

const template = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return serializeDocument(t.build());
};

describe('ipsec-studio export', () => {
  it('prints every gateway to stdout with --vendor auto, keys as placeholders', async () => {
    const io = new FakeIo({ 'mesh.json': template('full-mesh') });
    const code = await runCli(['export', 'mesh.json', '--vendor', 'auto'], io);
    expect(io.err).not.toContain('DESIGN_WOULD_NOT_COME_UP');
    expect(code).toBe(0);
    for (const name of ['Site-A.swanctl.conf', 'Site-B.panos.txt', 'Site-C.junos.txt', 'Site-D.fortigate.txt']) expect(io.out).toContain(`==> ${name} <==`);
    expect(io.out).toContain('<PSK:site-a-site-b>');
    expect(io.out).not.toContain('site-a-site-b-secret');
  });

  it('writes files into -o dir, one gateway with --gateway, secrets with --include-secrets', async () => {
    const io = new FakeIo({ 'mesh.json': template('full-mesh') });
    const code = await runCli(['export', 'mesh.json', '--gateway', 'Site-B', '-o', 'out', '--include-secrets'], io);
    expect(code).toBe(0);
    expect(io.dirs.has('out')).toBe(true);
    expect([...io.files.keys()].filter((k) => k.startsWith('out/'))).toEqual(['out/Site-B.panos.txt']);
    expect(io.files.get('out/Site-B.panos.txt')).toContain('site-a-site-b-secret');
    expect(io.out).toBe('wrote out/Site-B.panos.txt\n');
    expect(io.err).not.toContain('secret');
  });

  it('one vendor for all gateways with --vendor', async () => {
    const io = new FakeIo({ 'mesh.json': template('full-mesh') });
    expect(await runCli(['export', 'mesh.json', '--vendor', 'cisco-ios', '--gateway', 'Site-A'], io)).toBe(0);
    expect(io.out).toContain('crypto map CMAP');
    expect(io.err).toContain('VENDOR_OVERRIDDEN');
  });

  it('exits 1 when the engine predicts the design would not come up (PAN-OS without proxy ID to a policy-based ASA)', async () => {
    const io = new FakeIo({ 'pa.json': template('pan-asa-interop') });
    const code = await runCli(['export', 'pa.json'], io);
    expect(io.err).toContain('DESIGN_WOULD_NOT_COME_UP');
    expect(io.err).toContain('the engine predicts 1 tunnel would not come up (exit 1)');
    expect(code).toBe(1);
    expect(io.out).toContain('==> PA-HQ.panos.txt <==');
  });

  it('--json gives files and warnings', async () => {
    const io = new FakeIo({ 'mesh.json': template('screenos-multi-proxy-id') });
    await runCli(['export', 'mesh.json', '--json'], io);
    const parsed = JSON.parse(io.out) as { files: { name: string; content: string }[]; warnings: unknown[]; designComesUp: boolean };
    expect(parsed.files.map((f) => f.name)).toEqual(['GATEWAY-1.screenos.txt', 'GATEWAY-2.asa.txt']);
    expect(parsed.files[0]?.content).toContain('set vpn "test" proxy-id check');
  });

  it('exits 2 on invalid input', async () => {
    const cases: [string[], RegExp][] = [
      [['export'], /a topology file is required/],
      [['export', 'missing.json'], /no such file/],
      [['export', 'bad.json'], /not valid JSON/],
      [['export', 'mesh.json', '--vendor', 'checkpoint'], /unknown vendor "checkpoint"/],
      [['export', 'mesh.json', '--gateway', 'Nope'], /no gateway named "Nope"/],
      [['export', 'mesh.json', '--frobnicate'], /unknown option --frobnicate/],
    ];
    for (const [args, message] of cases) {
      const io = new FakeIo({ 'mesh.json': template('full-mesh'), 'bad.json': '{ not json' });
      expect(await runCli(args, io), args.join(' ')).toBe(2);
      expect(io.err).toMatch(message);
    }
  });

  it('has --help', async () => {
    const io = new FakeIo();
    expect(await runCli(['export', '--help'], io)).toBe(0);
    expect(io.out).toContain('--include-secrets');
  });
});
