// Generated iked.conf passes OpenIKED's own parser: `iked -n -f FILE` (iked(8): "configtest
// mode. Only check the configuration file for validity") of OpenIKED 7.2, Debian 12's package
// (`apt-get install openiked`; ../shared/tools/ike-rigs/setup.sh installs it). The file must be
// mode 600 (iked refuses a configuration others can read). Every policy written must be loaded:
// `iked -nv` prints each as `ikev2 "name" …`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../shared/export/export';
import type { ProxyId, TopologyDocument, TunnelEnd } from '../../shared/model/document';
import { TopologyBuilder } from '../../shared/templates/build';
import { TEMPLATES } from '../../shared/templates/index';
import { buildDesign, design as randomDesign } from '../shared/export/random-design';
import { retarget } from '../shared/export/retarget';

const VENDOR = 'openiked';
const SUFFIX = '.iked.conf';

function ikedBinary(): { ok: true; bin: string } | { ok: false; reason: string } {
  const found = spawnSync('sh', ['-c', 'command -v iked'], { encoding: 'utf8' }).stdout.trim();
  const bin = found || (existsSync('/usr/sbin/iked') ? '/usr/sbin/iked' : '');
  if (!bin) return { ok: false, reason: 'no iked binary (apt-get install openiked, or ../shared/tools/ike-rigs/setup.sh)' };
  const probe = spawnSync(bin, ['-n', '-f', '/dev/null'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return { ok: false, reason: `iked does not run here: ${probe.error.message}` };
  return { ok: true, bin };
}

const iked = ikedBinary();
const work = mkdtempSync(join(tmpdir(), 'export-openiked-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(path: string, verbose = false): { code: number; out: string } {
  if (!iked.ok) throw new Error(iked.reason);
  const r = spawnSync(iked.bin, [verbose ? '-nv' : '-n', '-f', path], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function design(id: string, proxyIds: Partial<ProxyId>[], changes: Partial<Omit<TunnelEnd, 'gatewayId'>> = {}): { id: string; doc: TopologyDocument } {
  const b = new TopologyBuilder(id);
  const a = b.gateway({ name: 'A', vendor: VENDOR, outside: '198.51.100.1/24', position: { x: 0, y: 0 }, vpnType: 'policy-based', networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] });
  const c = b.gateway({ name: 'B', vendor: VENDOR, outside: '203.0.113.2/24', position: { x: 400, y: 0 }, vpnType: 'policy-based', networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const mirror = proxyIds.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any', localPort: p.remotePort ?? 'any', remotePort: p.localPort ?? 'any' }));
  b.tunnel('t1', a, c, { ikeVersion: 2, a: { proxyIds, changes, routes: ['10.2.0.0/24'] }, b: { proxyIds: mirror, changes } });
  return { id, doc: b.build() };
}

const DESIGNS: { id: string; doc: TopologyDocument }[] = [
  ...TEMPLATES.map((t) => ({ id: `template-${t.id}`, doc: retarget(t.build(), VENDOR) })),
  design('ports-range-and-one-name', [{ name: 'web', local: '10.1.0.5-10.1.0.20', remote: '10.2.0.0/24', protocol: 'tcp', remotePort: '443' }, { name: 'web', local: '10.1.1.0/24', remote: '10.2.0.0/24', protocol: 'tcp', localPort: '1000-2000' }, { local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'icmp' }]),
  design('ipv6', [{ local: '2001:db8:1::/64', remote: '2001:db8:2::/64' }]),
  design('identities-and-quotes', [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], {
    auth: { method: 'psk', psk: 'a "quoted" key \\ with a backslash', localId: { type: 'fqdn', value: 'a.example.net' }, remoteId: { type: 'dn', value: 'C=DE, O=Example, CN=b' } },
  }),
  design('aead-and-many-groups', [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], {
    ike: { proposals: [{ encryption: ['aes256gcm16', 'aes128gcm16'], integrity: ['sha384'], dhGroups: [19, 20, 21, 31] }, { encryption: ['aes128', 'aes192', '3des'], integrity: ['sha512', 'sha1', 'md5'], dhGroups: [1, 2, 5, 15, 16, 17, 18] }], lifetimeSeconds: 3600 },
    esp: { proposals: [{ encryption: ['aes256gcm16', 'chacha20poly1305'], integrity: ['none'], dhGroups: [31] }, { encryption: ['aes256', 'null'], integrity: ['sha256', 'sha1'], dhGroups: [14] }], lifetimeSeconds: 1800, lifetimeKilobytes: 100000, mode: 'transport' },
  }),
  design('no-proxy-ids', []),
  ...fc.sample(randomDesign, { numRuns: Number(process.env['EXPORT_RANDOM_RUNS'] ?? 60), seed: Number(process.env['EXPORT_RANDOM_SEED'] ?? 7) }).map((d, i) => ({ id: `random-${i}`, doc: buildDesign(d, ['198.51.100.1/24', '203.0.113.2/24'], [VENDOR, VENDOR]) })),
];

describe.skipIf(!iked.ok)(`generated iked.conf passes OpenIKED 7.2's own parser${iked.ok ? '' : ` (skipped: ${iked.reason})`}`, () => {
  for (const d of DESIGNS) {
    it(`${d.id}: iked -n accepts it, every policy loaded`, () => {
      const result = exportDocument(d.doc, { skipEngineCheck: true });
      const confs = result.files.filter((f) => f.name.endsWith(SUFFIX));
      expect(confs.length).toBe(d.doc.gateways.length);
      for (const f of confs) {
        const policies = [...f.content.matchAll(/^ikev2 "([^"]+)" /gm)].map((m) => m[1] as string).sort();
        if (policies.length === 0) {
          // Every tunnel refused (no proposal iked has, identities it cannot read…): warned, and an
          // empty iked.conf is "no valid configuration rules" to iked, so nothing to check.
          expect(result.warnings.some((w) => w.file === f.name && w.code === 'VALUE_UNSUPPORTED'), f.content).toBe(true);
          continue;
        }
        const path = join(work, `${d.id}-${f.name}`);
        writeFileSync(path, f.content);
        chmodSync(path, 0o600);
        const r = check(path, true);
        expect(r.code, `${f.name}: ${r.out}\n${f.content}`).toBe(0);
        const loaded = [...r.out.matchAll(/^ikev2 "([^"]+)" /gm)].map((m) => m[1] as string).sort();
        expect(loaded, r.out).toEqual(policies);
      }
    });
  }

  it('the checker does reject what it should (a misspelt keyword, an unknown algorithm)', () => {
    for (const [name, text] of [['typo', 'ikev2 "x" activ esp from 10.1.0.0/24 to 10.2.0.0/24 peer 203.0.113.2\n'], ['cipher', 'ikev2 "x" active esp from 10.1.0.0/24 to 10.2.0.0/24 peer 203.0.113.2 childsa enc aes-129\n']] as const) {
      const path = join(work, `bad-${name}.conf`);
      writeFileSync(path, text);
      chmodSync(path, 0o600);
      expect(check(path).code, name).not.toBe(0);
    }
  });
});
