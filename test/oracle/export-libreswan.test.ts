// Generated Libreswan configuration passes Libreswan's own checks. Libreswan 4.10 conflicts with
// the strongSwan packages installed here, so it is not apt-installed: its Debian package is
// fetched with `apt-get download libreswan` and unpacked with `dpkg -x` into a cache directory,
// and its own tools run from there:
//   - `addconn --config F --checkconfig` parses the whole ipsec.conf as pluto would load it
//     (unknown keywords and bad values fail with a non-zero exit);
//   - `addconn --config F --listall` lists the conns it would load (all of ours must be there);
//   - `algparse -v1|-v2 [-pfs] 'ike=…' / 'esp=…'` checks every algorithm list against the
//     algorithms this Libreswan build really has (addconn does not check those).
// ipsec.secrets has no checker in the package; it is not checked here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../shared/export/export';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../shared/model/document';
import { TEMPLATES } from '../../shared/templates/index';
import { TopologyBuilder } from '../../shared/templates/build';
import fc from 'fast-check';
import { buildDesign, design as randomDesign } from '../shared/export/random-design';
import { retarget } from '../shared/export/retarget';

const CACHE = join(tmpdir(), 'ipsec-studio-libreswan');
const BIN = join(CACHE, 'root', 'usr', 'libexec', 'ipsec');

/** Unpacks the Libreswan .deb once; returns why it cannot, when it cannot. */
function libreswanTools(): { ok: true } | { ok: false; reason: string } {
  if (existsSync(join(BIN, 'addconn')) && existsSync(join(BIN, 'algparse'))) return { ok: true };
  try {
    mkdirSync(CACHE, { recursive: true });
    if (!readdirSync(CACHE).some((f) => f.endsWith('.deb'))) {
      const r = spawnSync('apt-get', ['download', 'libreswan'], { cwd: CACHE, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) return { ok: false, reason: `apt-get download libreswan failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-1)[0]}` };
    }
    const deb = readdirSync(CACHE).find((f) => f.endsWith('.deb'));
    if (!deb) return { ok: false, reason: 'no libreswan .deb was downloaded' };
    execFileSync('dpkg', ['-x', join(CACHE, deb), join(CACHE, 'root')]);
    if (!existsSync(join(BIN, 'addconn'))) return { ok: false, reason: 'the libreswan package has no addconn' };
    const probe = spawnSync(join(BIN, 'addconn'), ['--help'], { encoding: 'utf8' });
    if (probe.error) return { ok: false, reason: `addconn does not run here: ${probe.error.message}` };
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `cannot unpack libreswan: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const tools = libreswanTools();
const work = mkdtempSync(join(tmpdir(), 'export-libreswan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function design(id: string, ikeVersion: 1 | 2, proxyIds: Partial<ProxyId>[], changes: Partial<Omit<TunnelEnd, 'gatewayId'>> = {}, vpnType: 'route-based' | 'policy-based' = 'policy-based'): { id: string; doc: TopologyDocument } {
  const b = new TopologyBuilder(id);
  const a = b.gateway({ name: 'A', vendor: 'libreswan', outside: '198.51.100.1/24', position: { x: 0, y: 0 }, vpnType, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] });
  const c = b.gateway({ name: 'B', vendor: 'libreswan', outside: '203.0.113.2/24', position: { x: 400, y: 0 }, vpnType, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const mirror = proxyIds.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any', localPort: p.remotePort ?? 'any', remotePort: p.localPort ?? 'any' }));
  b.tunnel('t1', a, c, { ikeVersion, a: { proxyIds, changes, routes: ['10.2.0.0/24'] }, b: { proxyIds: mirror, changes } });
  return { id, doc: b.build() };
}

const DESIGNS: { id: string; doc: TopologyDocument }[] = [
  ...TEMPLATES.map((t) => ({ id: `template-${t.id}`, doc: retarget(t.build(), 'libreswan') })),
  design('ports-and-range', 2, [{ local: '10.1.0.5-10.1.0.20', remote: '10.2.0.0/24', protocol: 'tcp', remotePort: '443' }, { local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'udp', localPort: '500', remotePort: '500' }, { local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'icmp' }]),
  design('ipv6', 2, [{ local: '2001:db8:1::/64', remote: '2001:db8:2::/64' }]),
  design('ikev1-aggressive-ids', 1, [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], {
    exchangeMode: 'aggressive',
    auth: { method: 'psk', psk: 'k', localId: { type: 'fqdn', value: 'a.example.net' }, remoteId: { type: 'user-fqdn', value: 'vpn@b.example.net' } },
    natTraversal: false,
  }),
  design('aead-and-many-groups', 2, [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], {
    ike: { proposals: [{ encryption: ['aes256gcm16', 'chacha20poly1305'], integrity: ['sha384'], dhGroups: [19, 20, 21, 31] }, { encryption: ['aes128', 'aes192', '3des'], integrity: ['sha512', 'sha1', 'md5'], dhGroups: [5, 15, 16, 17, 18] }], lifetimeSeconds: 3600 },
    esp: { proposals: [{ encryption: ['aes256gcm16', 'aes128gcm16', 'chacha20poly1305'], integrity: ['none'], dhGroups: [31] }, { encryption: ['aes256', 'null'], integrity: ['sha256', 'sha1'], dhGroups: [14] }], lifetimeSeconds: 1800, mode: 'transport' },
  }),
  design('key-id-and-no-dpd', 2, [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], { auth: { method: 'psk', psk: 'k', localId: { type: 'key-id', value: 'site-a' } }, dpd: { enabled: false, intervalSeconds: 10 } }),
  design('route-based', 2, [], {}, 'route-based'),
  // Random designs (seeded): every algorithm, group, selector shape and identity of the model.
  ...fc.sample(randomDesign, { numRuns: Number(process.env['EXPORT_RANDOM_RUNS'] ?? 60), seed: Number(process.env['EXPORT_RANDOM_SEED'] ?? 6) }).map((d, i) => ({ id: `random-${i}`, doc: buildDesign(d, ['198.51.100.1/24', '203.0.113.2/24'], ['libreswan', 'libreswan']) })),
];

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(join(BIN, cmd), args, { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

describe.skipIf(!tools.ok)(`generated ipsec.conf passes Libreswan 4.10's own checks${tools.ok ? '' : ` (skipped: ${tools.reason})`}`, () => {
  for (const d of DESIGNS) {
    it(`${d.id}: addconn --checkconfig, every conn listed, every ike=/esp= known to algparse`, () => {
      const result = exportDocument(d.doc, { skipEngineCheck: true });
      const confs = result.files.filter((f) => f.name.endsWith('.ipsec.conf'));
      expect(confs.length).toBe(d.doc.gateways.length);
      for (const f of confs) {
        const path = join(work, `${d.id}-${f.name}`);
        writeFileSync(path, f.content);
        const check = run('addconn', ['--config', path, '--checkconfig']);
        expect(check, `${f.name}: ${check.out}`).toEqual({ code: 0, out: '' });
        const listed = run('addconn', ['--config', path, '--listall']).out.trim().split(/\s+/).filter(Boolean).sort();
        const conns = [...f.content.matchAll(/^conn (\S+)$/gm)].map((m) => m[1] as string).sort();
        // A file with no conn is one whose every tunnel was refused (no proposal Libreswan has, every
        // selector mixing address families, keys that contradict another tunnel's): warned.
        if (conns.length === 0) expect(result.warnings.some((w) => w.file === f.name && w.code === 'VALUE_UNSUPPORTED')).toBe(true);
        expect(listed).toEqual(conns);
        // Every conn's algorithm lists, with the IKE version and PFS setting of that conn.
        for (const block of f.content.split(/^conn /m).slice(1)) {
          const v2 = /^\s+ikev2=yes$/m.test(block);
          const pfs = /^\s+pfs=yes$/m.test(block);
          for (const m of block.matchAll(/^\s+((?:ike|esp)=\S+)$/gm)) {
            const arg = m[1] as string;
            const parsed = run('algparse', [v2 ? '-v2' : '-v1', ...(pfs ? ['-pfs'] : []), arg]);
            expect(parsed.out, `${f.name}: ${arg}`).not.toMatch(/ERROR/);
          }
        }
      }
    });
  }

  it('the checker does reject what it should (a misspelt keyword, an unknown algorithm)', () => {
    const bad = join(work, 'bad.conf');
    writeFileSync(bad, 'conn x\n    left=198.51.100.1\n    right=203.0.113.2\n    leftsubnett=10.1.0.0/24\n    auto=add\n');
    expect(run('addconn', ['--config', bad, '--checkconfig']).code).not.toBe(0);
    expect(run('algparse', ['-v2', 'ike=aes256-sha2_256-modp1024']).out).toMatch(/ERROR/);
  });
});
