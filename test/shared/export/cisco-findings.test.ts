// Issue 13's findings on the Cisco ASA and IOS-XE exports, each as the export that showed it:
// policy numbers that overwrite each other, SHA-2 in an ASA IKEv1 transform set, values outside
// the box's ranges, keys with spaces, an IPv6 peer in an IPv4 crypto map, IPv6 routes into an
// IPv4 tunnel, kilobyte lifetimes dropped, and what a box already in production needs to know.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import { computeReport } from '../../../shared/engine/report-cache';
import { loadDocumentValue } from '../../../shared/document/file';
import type { EspProposal, IkeProposal, ProxyId, Route, TopologyDocument, TunnelEnd, VendorOptions } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';
import fc from 'fast-check';
import type { Gateway } from '../../../shared/model/document';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import { vendorModule } from '../../../shared/vendors/registry';
import { intendedMeaning, unexplainedDifferences } from '../../support/meaning';
import { buildDesign, design as randomDesign } from './random-design';

type Cisco = 'cisco-asa' | 'cisco-ios';

interface Spec {
  vendor: Cisco;
  ikeVersion?: 1 | 2;
  tunnels?: number;
  ike?: IkeProposal[];
  esp?: EspProposal[];
  psk?: string;
  changes?: Partial<Omit<TunnelEnd, 'gatewayId'>>;
  proxyIds?: Partial<ProxyId>[];
  vpnType?: 'route-based' | 'policy-based';
  peerOutside?: string;
  routes?: string[];
  networks?: string[];
  gatewayOptions?: VendorOptions;
  gatewayRoutes?: Route[];
}

/** Gateway A of `vendor` with `tunnels` tunnels to strongSwan peers. */
function design(spec: Spec): TopologyDocument {
  const b = new TopologyBuilder('cisco findings');
  const nets = spec.networks ?? ['10.1.0.0/24'];
  const a = b.gateway({ name: 'A', vendor: spec.vendor, outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, vpnType: spec.vpnType ?? 'policy-based', networks: nets.map((address, i) => ({ name: `A LAN ${i + 1}`, address })) });
  if (spec.gatewayOptions) a.vendorOptions = spec.gatewayOptions;
  if (spec.gatewayRoutes) a.routes.push(...spec.gatewayRoutes);
  for (let n = 1; n <= (spec.tunnels ?? 1); n++) {
    const peer = b.gateway({ name: `P${n}`, vendor: 'strongswan', outside: n === 1 && spec.peerOutside ? spec.peerOutside : `203.0.113.${n + 1}/24`, inside: `10.${n + 1}.0.1/24`, position: { x: 500, y: n * 100 }, networks: [{ name: `P${n} LAN`, address: `10.${n + 1}.0.0/24` }] });
    const pids = spec.proxyIds ?? [{ local: '10.1.0.0/24', remote: `10.${n + 1}.0.0/24` }];
    const t = b.tunnel(`t${n}`, a, peer, { ikeVersion: spec.ikeVersion ?? 1, psk: spec.psk ?? 'the-real-key', a: { proxyIds: pids, routes: spec.routes ?? [`10.${n + 1}.0.0/24`], ...(spec.changes ? { changes: spec.changes } : {}) }, b: { proxyIds: pids.map((p) => ({ ...p, local: p.remote ?? 'any', remote: p.local ?? 'any' })) } });
    const asaV1 = spec.vendor === 'cisco-asa' && (spec.ikeVersion ?? 1) === 1;
    // An ASA IKEv1 policy hashes with SHA-1 or MD5 only (the default proposal has SHA-256).
    t.a.ike.proposals = spec.ike ?? (asaV1 ? [{ encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] }] : t.a.ike.proposals);
    // An ASA IKEv1 transform set has no SHA-2 (the default proposal's integrity).
    t.a.esp.proposals = spec.esp ?? (spec.vendor === 'cisco-asa' && (spec.ikeVersion ?? 1) === 1 ? [{ encryption: ['aes256'], integrity: ['sha1'], dhGroups: [14] }] : t.a.esp.proposals);
  }
  return b.build();
}

function fileOf(doc: TopologyDocument, includeSecrets = false) {
  const r = exportDocument(doc, { gateways: [doc.gateways[0]?.id as string], skipEngineCheck: true, includeSecrets });
  const f = r.files[0];
  if (!f) throw new Error(`no file: ${r.warnings.map((w) => w.message).join('; ')}`);
  return { text: f.content, lines: f.content.split('\n'), warnings: r.warnings };
}

const EIGHT: IkeProposal = { encryption: ['aes256', 'aes128'], integrity: ['sha1', 'md5'], dhGroups: [14, 5] };

describe('Cisco ASA', () => {
  it('gives every combination of one IKEv1 proposal its own policy number (one policy holds one value per parameter)', () => {
    const { lines } = fileOf(design({ vendor: 'cisco-asa', ike: [EIGHT], tunnels: 2 }));
    const numbers = lines.filter((l) => l.startsWith('crypto ikev1 policy ')).map((l) => l.split(' ')[3]);
    // Eight combinations, the same eight for both tunnels: written once, eight distinct numbers.
    expect(numbers.length).toBe(8);
    expect(new Set(numbers).size).toBe(8);
  });

  it('writes at most 20 IKEv1 policies (the ASA holds 20 per IKE version), and says which were left out', () => {
    const many: IkeProposal[] = [{ encryption: ['aes256', 'aes192', 'aes128'], integrity: ['sha1', 'md5'], dhGroups: [14, 5, 2, 1] }];
    const { lines, warnings } = fileOf(design({ vendor: 'cisco-asa', ike: many }));
    expect(lines.filter((l) => l.startsWith('crypto ikev1 policy ')).length).toBe(20);
    expect(warnings.filter((w) => w.code === 'SETTING_UNSUPPORTED' && w.message.includes('at most 20 policies')).length).toBe(4);
  });

  it('leaves out a tunnel whose crypto map sequence would pass 65535, and says so', () => {
    const { lines, warnings } = fileOf(design({ vendor: 'cisco-asa', tunnels: 2, gatewayOptions: { 'cisco-asa': { mapSequenceStart: 65530 } } }));
    expect(lines.some((l) => l.startsWith('crypto map outside_map 65530 '))).toBe(true);
    expect(lines.some((l) => /^crypto map outside_map 655[4-9]\d /.test(l))).toBe(false);
    expect(warnings.some((w) => w.code === 'TUNNEL_NOT_WRITTEN' && w.tunnel === 't2')).toBe(true);
  });

  it('writes no SHA-2 in an IKEv1 transform set, and the engine says so before export', () => {
    const esp: EspProposal[] = [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }];
    const doc = design({ vendor: 'cisco-asa', esp });
    const { text, warnings } = fileOf(doc);
    expect(text).not.toMatch(/esp-sha(256|384|512)-hmac/);
    expect(text).not.toMatch(/set ikev1 transform-set\s*$/m);
    expect(warnings.some((w) => w.code === 'ALGORITHM_UNSUPPORTED' && w.message.includes('sha256'))).toBe(true);
    const diagnostics = computeReport(doc).tunnels[0]?.diagnostics ?? [];
    expect(diagnostics.some((d) => d.code === 'ALGORITHM_UNSUPPORTED' && d.end === 'a')).toBe(true);
  });

  it('never writes a key with a space or one longer than 128 characters, and says so', () => {
    for (const psk of ['two words', 'k'.repeat(129)]) {
      const { text, warnings } = fileOf(design({ vendor: 'cisco-asa', psk }), true);
      expect(text).not.toContain(psk);
      expect(text).not.toMatch(/pre-shared-key/);
      expect(warnings.map((w) => w.code), psk.slice(0, 12)).toContain('VALUE_UNSUPPORTED');
    }
    expect(fileOf(design({ vendor: 'cisco-asa', psk: 'k'.repeat(128) }), true).text).toContain(` ikev1 pre-shared-key ${'k'.repeat(128)}`);
  });
});

describe('Cisco IOS-XE', () => {
  it('numbers ISAKMP policies so a tunnel with more than ten combinations does not overwrite the next tunnel\'s', () => {
    const twelve: IkeProposal[] = [EIGHT, { encryption: ['aes192'], integrity: ['sha256', 'sha384'], dhGroups: [19, 20] }];
    const ike2: IkeProposal[] = [{ encryption: ['3des'], integrity: ['sha1'], dhGroups: [2] }];
    const doc = design({ vendor: 'cisco-ios', ike: twelve, tunnels: 2 });
    (doc.tunnels[1] as TopologyDocument['tunnels'][number]).a.ike.proposals = ike2;
    const { lines } = fileOf(doc);
    const numbers = lines.filter((l) => l.startsWith('crypto isakmp policy ')).map((l) => Number(l.split(' ')[3]));
    expect(numbers.length).toBe(13);
    expect(new Set(numbers).size).toBe(13);
    expect(numbers.every((n) => n >= 1 && n <= 10000)).toBe(true);
  });

  it('never writes a key with a space, and says so', () => {
    for (const ikeVersion of [1, 2] as const) {
      const { text, warnings } = fileOf(design({ vendor: 'cisco-ios', ikeVersion, psk: 'two words' }), true);
      expect(text).not.toContain('two words');
      expect(warnings.some((w) => w.code === 'VALUE_UNSUPPORTED')).toBe(true);
    }
  });

  it('writes the kilobyte lifetime', () => {
    const { text } = fileOf(design({ vendor: 'cisco-ios', changes: { esp: { ...design({ vendor: 'cisco-ios' }).tunnels[0]!.a.esp, lifetimeKilobytes: 4608000 } } }));
    expect(text).toContain(' set security-association lifetime kilobytes 4608000');
  });

  it('puts no IPv6 peer in an IPv4 crypto map, and writes no crypto map entry with an empty ACL', () => {
    const v6 = fileOf(design({ vendor: 'cisco-ios', peerOutside: '2001:db8:9::2/64' }));
    expect(v6.text).not.toMatch(/set peer 2001:db8/);
    expect(v6.warnings.some((w) => w.code === 'IPV6_UNSUPPORTED' && w.tunnel === 't1')).toBe(true);
    const empty = fileOf(design({ vendor: 'cisco-ios', proxyIds: [{ local: '2001:db8:1::/64', remote: '2001:db8:2::/64' }] }));
    expect(empty.text).not.toMatch(/^crypto map /m);
    expect(empty.text).not.toMatch(/^ip access-list extended CRYPTO-/m);
  });

  it('routes no IPv6 prefix into an IPv4 tunnel interface', () => {
    const { text, warnings } = fileOf(design({ vendor: 'cisco-ios', vpnType: 'route-based', ikeVersion: 2, routes: ['10.2.0.0/24', '2001:db8:2::/64'] }));
    expect(text).toContain(' tunnel mode ipsec ipv4');
    expect(text).not.toMatch(/^ipv6 route /m);
    expect(warnings.some((w) => w.code === 'IPV6_UNSUPPORTED' && w.message.includes('2001:db8:2::/64'))).toBe(true);
  });
});

describe('a box already in production', () => {
  const inside = { 'cisco-asa': 'inside', 'cisco-ios': 'GigabitEthernet0/0/1' } as const;

  for (const vendor of ['cisco-asa', 'cisco-ios'] as const) {
    it(`${vendor}: the crypto map name, first sequence and first policy priority are the gateway's settings, and the export warns what it replaces`, () => {
      const doc = design({ vendor, tunnels: 2, ike: [EIGHT], gatewayOptions: { [vendor]: { cryptoMapName: 'PROD_MAP', mapSequenceStart: 500, policyStart: 200 } } });
      expect(loadDocumentValue(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
      const { lines, warnings } = fileOf(doc);
      const entries = lines.filter((l) => /^crypto map /.test(l)).map((l) => l.split(' ').slice(2, 4).join(' '));
      expect(entries).toContain('PROD_MAP 500');
      expect(entries).toContain('PROD_MAP 510');
      expect(lines.some((l) => l === (vendor === 'cisco-asa' ? 'crypto map PROD_MAP interface outside' : ' crypto map PROD_MAP'))).toBe(true);
      expect(lines.filter((l) => /^crypto map \S+ /.test(l)).every((l) => l.split(' ')[2] === 'PROD_MAP')).toBe(true);
      const policies = lines.filter((l) => /^crypto (ikev1|isakmp) policy /.test(l)).map((l) => Number(l.split(' ')[3]));
      expect(Math.min(...policies)).toBe(200);
      expect(warnings.filter((w) => w.code === 'EXISTING_CONFIG').map((w) => w.message).join('\n')).toMatch(/PROD_MAP[\s\S]*interface addresses/);
    });

    it(`${vendor}: a setting the product does not take is refused when the document loads`, () => {
      const bads: Record<string, string | number>[] = [{ cryptoMapName: 'two words' }, { mapSequenceStart: 0 }, { policyStart: 70000 }];
      for (const bad of bads) {
        const doc = design({ vendor, gatewayOptions: { [vendor]: bad } });
        expect(loadDocumentValue(JSON.parse(JSON.stringify(doc))).ok, JSON.stringify(bad)).toBe(false);
      }
    });

    it(`${vendor}: a second inside network gets the design's route to it, or a warning that the box must have one`, () => {
      const routed = fileOf(design({ vendor, networks: ['10.1.0.0/24', '10.5.0.0/24'], gatewayRoutes: [{ destination: '10.5.0.0/24', interface: inside[vendor], nextHop: '10.1.0.254' }] }));
      expect(routed.lines).toContain(vendor === 'cisco-asa' ? 'route inside 10.5.0.0 255.255.255.0 10.1.0.254' : 'ip route 10.5.0.0 255.255.255.0 10.1.0.254');
      expect(routed.text).not.toMatch(/route that does not point/);
      const unrouted = fileOf(design({ vendor, networks: ['10.1.0.0/24', '10.5.0.0/24'] }));
      expect(unrouted.warnings.some((w) => w.code === 'EXISTING_CONFIG' && w.message.includes('10.5.0.0/24'))).toBe(true);
      expect(unrouted.warnings.some((w) => w.code === 'EXISTING_CONFIG' && w.message.includes('10.1.0.0/24'))).toBe(false);
    });
  }
});

describe('lifetimes, kilobytes and DPD anywhere in what the document takes', () => {
  const values = fc.record({
    ike: fc.integer({ min: 60, max: 31536000 }),
    esp: fc.integer({ min: 60, max: 31536000 }),
    kb: fc.option(fc.integer({ min: 1, max: 4294967295 }), { nil: undefined }),
    dpd: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
  });
  for (const vendor of ['cisco-asa', 'cisco-ios'] as const) {
    it(`${vendor}: read back as the design says, or as the warnings say it was adjusted`, () => {
      const reader = (vendorModule(vendor) as VendorModule).reader;
      fc.assert(
        fc.property(randomDesign, values, (d, v) => {
          const doc = buildDesign(d, undefined, [vendor, d.vendorB]);
          const end = (doc.tunnels[0] as TopologyDocument['tunnels'][number]).a;
          end.ike.lifetimeSeconds = v.ike;
          end.esp.lifetimeSeconds = v.esp;
          if (v.kb !== undefined) end.esp.lifetimeKilobytes = v.kb;
          end.dpd = v.dpd === undefined ? { enabled: false, intervalSeconds: 10 } : { enabled: true, intervalSeconds: v.dpd };
          const gateway = doc.gateways[0] as Gateway;
          const result = exportDocument(doc, { gateways: [gateway.id], skipEngineCheck: true });
          const read = reader?.read(result.files);
          expect(read?.ok).toBe(true);
          if (!read?.ok) return;
          expect(read.lines.unknown).toEqual([]);
          const { meaning, tunnels } = intendedMeaning(doc, gateway);
          expect(unexplainedDifferences(meaning, read.meaning, result.warnings, gateway, tunnels)).toEqual([]);
        }),
        { numRuns: 150, seed: 13 },
      );
    });
  }
});
