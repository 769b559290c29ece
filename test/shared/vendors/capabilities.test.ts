// One table of what each product can be configured with: the engine reports ALGORITHM_UNSUPPORTED
// from it, the inspector offers only what it allows, and here the exporter is held to it: for
// every product with an exporter, IKE version, phase and algorithm, the exporter leaves the
// algorithm out with a warning exactly when the capability table says the product has none.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import { DH_GROUPS, ENCRYPTION_ALGORITHMS, INTEGRITY_ALGORITHMS, type EspProposal } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';
import { unavailableAlgorithms } from '../../../shared/vendors/algorithms';
import type { AlgorithmLimit } from '../../../shared/vendors/kit/capabilities';
import { EXPORT_VENDORS, VENDOR_MODULES, vendorModule } from '../../../shared/vendors/registry';

const AEAD = new Set<string>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);
const KINDS: readonly AlgorithmLimit['kind'][] = ['encryption', 'integrity', 'dhGroup'];

/** Whether exporting a tunnel whose one proposal asks for `algorithm` makes the exporter leave it out. */
function exporterRefuses(vendor: string, ikeVersion: 1 | 2, phase: 'ike' | 'esp', kind: AlgorithmLimit['kind'], algorithm: string | number): boolean {
  // The rest of the proposal, and the other phase, use what every product has (AES-256, SHA-1, group 14), so only the probed algorithm can be left out.
  const p: EspProposal = { encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] };
  if (kind === 'encryption') {
    p.encryption = [algorithm as EspProposal['encryption'][number]];
    if (phase === 'esp' && AEAD.has(String(algorithm))) p.integrity = ['none'];
  } else if (kind === 'integrity') p.integrity = [algorithm as EspProposal['integrity'][number]];
  else p.dhGroups = [algorithm as EspProposal['dhGroups'][number]];
  const b = new TopologyBuilder('probe');
  const x = b.gateway({ name: 'X', vendor, outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'a', address: '10.1.0.0/24' }] });
  const y = b.gateway({ name: 'Y', vendor: 'generic', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'b', address: '10.2.0.0/24' }] });
  const plain: EspProposal = { encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] };
  const changes = { ike: { proposals: [phase === 'ike' ? p : plain], lifetimeSeconds: 28800 }, esp: { proposals: [phase === 'esp' ? p : plain], lifetimeSeconds: 3600, mode: 'tunnel' as const } };
  b.tunnel('t', x, y, { ikeVersion, psk: 'k', a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], changes }, b: { proxyIds: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }] } });
  const r = exportDocument(b.build(), { gateways: ['X'], skipEngineCheck: true });
  return r.warnings.some((w) => (w.code === 'ALGORITHM_UNSUPPORTED' || w.code === 'DH_GROUP_UNSUPPORTED') && new RegExp(`(^|[\\s(])${String(algorithm)}([\\s);,]|$)`).test(w.message));
}

describe('the capability table and the exporter agree', () => {
  it('covers every product with an exporter', () => {
    expect(EXPORT_VENDORS.length).toBeGreaterThan(0);
    expect(EXPORT_VENDORS.every((v) => VENDOR_MODULES.some((m) => m.id === v))).toBe(true);
  });

  for (const vendor of EXPORT_VENDORS) {
    it(`${vendor}: the exporter leaves out exactly what the table says the product lacks`, () => {
      const disagree: string[] = [];
      let checked = 0;
      for (const ikeVersion of [1, 2] as const) {
        for (const phase of ['ike', 'esp'] as const) {
          for (const kind of KINDS) {
            // The probe's gateway runs the product's default release (limits may hold on some releases only).
            const table = unavailableAlgorithms(vendor, ikeVersion, phase, kind, vendorModule(vendor).identity.defaults.osVersion);
            const all: readonly (string | number)[] = kind === 'encryption' ? ENCRYPTION_ALGORITHMS : kind === 'integrity' ? INTEGRITY_ALGORITHMS.filter((i) => i !== 'none') : DH_GROUPS;
            for (const a of all) {
              checked++;
              const refused = exporterRefuses(vendor, ikeVersion, phase, kind, a);
              const lacks = table.has(a as never);
              if (refused !== lacks) disagree.push(`IKEv${ikeVersion} ${phase} ${kind} ${String(a)}: exporter ${refused ? 'refuses' : 'writes'} it, the table says ${lacks ? 'unsupported' : 'supported'}`);
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(disagree).toEqual([]);
    });
  }
});
