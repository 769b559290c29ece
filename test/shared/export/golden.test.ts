// Golden files: every workshop template exported with each gateway's own vendor, and the
// templates with selectors retargeted to each vendor in turn. The generated text is compared
// with test/fixtures/golden/<case>/ (UPDATE_GOLDEN=1 rewrites them), and every file also passes
// the structural checks: known statements only, names defined before use, and the two ends of
// each tunnel writing mirrored selectors (this side's local = the peer's remote).
//
// The documents each vendor's output follows (also written at the top of every generated file):
//   panos      PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN"; seed 000
//   screenos   Juniper KB16008 (seed 003); ScreenOS Concepts & Examples Vol. 5 VPNs
//   junos-srx  Juniper "Traffic Selectors in Route-Based VPNs", "Route-Based IPsec VPNs"
//   cisco-asa  Cisco ASA VPN CLI Configuration Guide 9.x, "IPsec and ISAKMP", "LAN-to-LAN"
//   cisco-ios  Cisco IOS XE "Security for VPNs with IPsec", IKEv2 guide, "IPsec VTI"
//   strongswan strongSwan swanctl.conf(5)
//   libreswan  Libreswan ipsec.conf(5), ipsec.secrets(5) 4.x
//   fortigate  FortiOS CLI Reference, vpn ipsec phase1-interface / phase2-interface
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import { EXPORT_VENDORS, exporterOf } from '../../../shared/vendors/registry';
import type { ExportResult } from '../../../shared/vendors/kit/export/types';
import type { TopologyDocument } from '../../../shared/model/document';
import { TEMPLATES } from '../../../shared/templates/index';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { retarget } from './retarget';
import { checkNamesDefinedFirst, checkStatementHeads, readTunnelSelectors } from './structure';

const GOLDEN = join(__dirname, '..', '..', 'fixtures', 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** The vendor whose grammar declares the file's suffix (it throws, saying what to add, for a file no grammar declares). */
const vendorOfFile = (name: string): string => EXPORT_GRAMMARS.of(name).vendor;

interface GoldenCase {
  id: string;
  doc: TopologyDocument;
}

const templateById = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`template ${id} missing`);
  return t.build();
};

const CASES: GoldenCase[] = [
  ...TEMPLATES.map((t) => ({ id: `auto--${t.id}`, doc: t.build() })),
  ...EXPORT_VENDORS.flatMap((v) => ['full-mesh', 'screenos-multi-proxy-id'].map((id) => ({ id: `${v}--${id}`, doc: retarget(templateById(id), v) }))),
  // The other styles of two vendors: IOS-XE static VTI (route-based) and Junos proxy-identity.
  { id: 'cisco-ios-vti--hub-and-spoke', doc: retarget(templateById('hub-and-spoke'), 'cisco-ios', 'route-based') },
  {
    id: 'junos-srx-proxy-identity--full-mesh',
    doc: (() => {
      const d = retarget(templateById('full-mesh'), 'junos-srx');
      for (const t of d.tunnels) for (const end of [t.a, t.b]) end.vendorOptions = { ...end.vendorOptions, 'junos-srx': { selectorStyle: 'proxy-identity' } };
      return d;
    })(),
  },
];

function compareWithGolden(id: string, result: ExportResult): void {
  const dir = join(GOLDEN, id);
  const warnings = `${JSON.stringify(result.warnings, null, 2)}\n`;
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of result.files) writeFileSync(join(dir, f.name), f.content);
    writeFileSync(join(dir, 'warnings.json'), warnings);
    return;
  }
  expect(existsSync(dir), `golden ${id} is missing: run UPDATE_GOLDEN=1 npx vitest run test/shared/export/golden.test.ts`).toBe(true);
  const expected = readdirSync(dir).filter((n) => n !== 'warnings.json').sort();
  expect(result.files.map((f) => f.name).sort()).toEqual(expected);
  for (const f of result.files) expect(f.content, `${id}/${f.name}`).toBe(readFileSync(join(dir, f.name), 'utf8'));
  expect(warnings).toBe(readFileSync(join(dir, 'warnings.json'), 'utf8'));
}

describe('golden exports of the workshop templates', () => {
  it('covers every vendor', () => {
    const vendors = new Set(CASES.flatMap((c) => exportDocument(c.doc, { skipEngineCheck: true }).files.map((f) => vendorOfFile(f.name))));
    expect([...vendors].sort()).toEqual([...EXPORT_VENDORS].sort());
  });

  for (const c of CASES) {
    describe(c.id, () => {
      const result = exportDocument(c.doc, { skipEngineCheck: true });

      it('matches the golden files', () => compareWithGolden(c.id, result));

      it('cites the vendor document it follows and keeps keys out', () => {
        for (const f of result.files) {
          expect(f.content).toContain(`Syntax follows: ${exporterOf(vendorOfFile(f.name))?.reference}`);
          for (const t of c.doc.tunnels) for (const end of [t.a, t.b]) if (end.auth.psk) expect(f.content).not.toContain(end.auth.psk);
        }
      });

      it('writes only statements the vendor has, names defined before use', () => {
        for (const f of result.files) {
          const { file } = EXPORT_GRAMMARS.of(f.name);
          expect(checkStatementHeads(file, f.content), `${f.name}: unknown statements`).toEqual([]);
          expect(checkNamesDefinedFirst(file, f.content), `${f.name}: names used before definition`).toEqual([]);
        }
      });

      it("writes each end's selectors as designed, mirrored where the design mirrors them (this side's local = the peer's remote)", () => {
        const key = (s: { local: string; remote: string }) => `${s.local}>${s.remote}`;
        const designed = (ps: { local: string; remote: string }[]) => new Set(ps.map(key));
        let compared = 0;
        for (const t of c.doc.tunnels) {
          const read = (['a', 'b'] as const).map((k) => {
            const gw = c.doc.gateways.find((g) => g.id === t[k].gatewayId);
            // The gateway's file that writes selectors (Libreswan's ipsec.secrets writes none).
            const file = result.files.find((f) => gw && f.name.startsWith(`${gw.name}.`) && EXPORT_GRAMMARS.of(f.name).file.selectors !== undefined);
            expect(file, `file of ${gw?.name}`).toBeDefined();
            return file ? readTunnelSelectors(EXPORT_GRAMMARS.of(file.name).file, file.content, t.name) : [];
          });
          for (const [i, k] of (['a', 'b'] as const).entries()) {
            // Ends with proxy IDs: exactly the design's (prefixes only; ranges are checked by the warnings tests).
            const end = t[k];
            if (end.proxyIds.length === 0 || end.proxyIds.some((p) => !p.local.includes('/') || !p.remote.includes('/'))) continue;
            // A tunnel the export refused to write (VALUE_UNSUPPORTED for it, nothing written) has no
            // selectors to compare: the refusal, warned, is what this end's file says of them.
            const gw = c.doc.gateways.find((g) => g.id === end.gatewayId);
            if ((read[i] ?? []).length === 0 && result.warnings.some((w) => w.gateway === gw?.name && w.tunnel === t.name && w.code === 'VALUE_UNSUPPORTED')) {
              compared++;
              continue;
            }
            expect(new Set((read[i] ?? []).map(key)), `${t.name}, end ${k}`).toEqual(designed(end.proxyIds));
            compared++;
          }
          const mirrored = t.a.proxyIds.length > 0 && [...designed(t.a.proxyIds)].sort().join() === [...designed(t.b.proxyIds.map((p) => ({ local: p.remote, remote: p.local })))].sort().join();
          if (mirrored) expect(new Set((read[0] ?? []).map(key))).toEqual(new Set((read[1] ?? []).map((s) => key({ local: s.remote, remote: s.local }))));
        }
        if (c.doc.tunnels.some((t) => t.a.proxyIds.length > 0 || t.b.proxyIds.length > 0)) expect(compared).toBeGreaterThan(0);
      });
    });
  }
});
