// Packet-triggered negotiation per product: a walk reaches the verdict the engine gives for the
// initiator's product. Products whose rule is packet-first (strongSwan IKEv2 trap policies, RFC
// 7296 §2.9) propose the packet's own selector first; the others propose only their configured
// proxy IDs, so a walk never shows an SA the results say cannot come up.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import type { TopologyDocument } from '../../../shared/model/document';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { TopologyBuilder } from '../../../shared/templates/build';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';
import { walkPacket, type WalkResult } from '../../../shared/walk/walk';

function ok(r: ReturnType<typeof walkPacket>): WalkResult {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/** The template's PAN-OS (no proxy IDs) against the policy-based ASA, over IKEv2 as well. */
function panAsa(ikeVersion: 1 | 2): TopologyDocument {
  const doc = panAsaInterop();
  const t = doc.tunnels[0]!;
  t.a.ikeVersion = ikeVersion;
  t.b.ikeVersion = ikeVersion;
  return doc;
}

function strongswanPair(ikeVersion: 1 | 2): TopologyDocument {
  const b = new TopologyBuilder('two strongSwan sites');
  const a = b.gateway({ name: 'SW-A', vendor: 'strongswan', vpnType: 'route-based', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a-lan', address: '10.1.0.0/24' }] });
  const c = b.gateway({ name: 'SW-B', vendor: 'strongswan', vpnType: 'route-based', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b-lan', address: '10.2.0.0/24' }] });
  b.tunnel('sw-sw', a, c, {
    ikeVersion,
    initiator: 'a',
    a: { proxyIds: [{ name: 'net', local: '10.1.0.0/16', remote: '10.2.0.0/16' }], routes: ['10.2.0.0/24'] },
    b: { proxyIds: [{ name: 'net', local: '10.2.0.0/16', remote: '10.1.0.0/16' }], routes: ['10.1.0.0/24'] },
  });
  return b.build();
}

/** strongSwan initiating to an ASA crypto map, which takes the first selector pair only. */
function strongswanToAsa(): TopologyDocument {
  const b = new TopologyBuilder('strongSwan to ASA');
  const a = b.gateway({ name: 'SW', vendor: 'strongswan', vpnType: 'route-based', outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a-lan', address: '10.1.0.0/24' }] });
  const c = b.gateway({ name: 'ASA', vendor: 'cisco-asa', outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b-lan', address: '10.2.0.0/24' }] });
  b.tunnel('sw-asa', a, c, {
    ikeVersion: 2,
    initiator: 'a',
    a: { proxyIds: [{ name: 'net', local: '10.1.0.0/24', remote: '10.2.0.0/24' }], routes: ['10.2.0.0/24'] },
    b: { proxyIds: [{ name: 'ACL line 1', local: '10.2.0.0/24', remote: '10.1.0.0/24' }] },
  });
  return b.build();
}

describe('packet-triggered negotiation per product', () => {
  for (const v of [1, 2] as const) {
    it(`PAN-OS without proxy IDs to a policy-based ASA (IKEv${v}): the walk drops the packet with the results' reason`, () => {
      const doc = panAsa(v);
      const tunnel = doc.tunnels[0]!;
      // The results for PAN-OS initiating: its 0.0.0.0/0 proposal is refused.
      const report = negotiateTunnel(doc, tunnel.id, { initiator: 'a' });
      const entry = report.phase2[0]!;
      expect(entry.status).toBe('down');
      expect(entry.proposedTs).toEqual({ local: ['0.0.0.0/0'], remote: ['0.0.0.0/0'] });
      const r = ok(walkPacket(doc, { from: 'HQ servers', to: 'Branch users', protocol: 'tcp', port: 443 }, { negotiate: engineNegotiator }));
      expect(r.outcome).toBe('dropped');
      expect(r.forward).toMatchObject({ result: 'dropped', code: 'SA_NEGOTIATION_FAILED', step: 'sa', gatewayName: 'PA-HQ' });
      const reason = r.forward.result === 'dropped' ? r.forward.reason : '';
      expect(reason).toContain(`${entry.notify}: ${entry.reason!.replace(/\.$/, '')}`);
      // No per-packet SA anywhere in the walk, and the step cites PAN-OS's rule.
      expect(r.steps.some((s) => s.kind === 'encrypt')).toBe(false);
      expect(JSON.stringify(r.steps)).not.toContain('/32[tcp/49152]');
      const sa = r.steps.find((s) => s.kind === 'sa')!;
      expect(sa.detail).toContain('PA-HQ proposes only its configured selectors, 0.0.0.0/0 ↔ 0.0.0.0/0');
      expect(sa.rule).toMatchObject({ id: 'panos.packet-trigger', source: { provenance: 'documented' } });
    });
  }

  it('the engine given the packet agrees with the engine without it for a configured product (PAN-OS IKEv2)', () => {
    const doc = panAsa(2);
    const id = doc.tunnels[0]!.id;
    const plain = negotiateTunnel(doc, id, { initiator: 'a', detail: 'summary' }).phase2[0]!;
    const withPacket = negotiateTunnel(doc, id, { initiator: 'a', detail: 'summary', packet: { source: '10.10.0.10', destination: '10.20.0.10', protocol: 'tcp', sourcePort: 49152, destinationPort: 443 } }).phase2[0]!;
    expect(withPacket.triggeredBy).toBeUndefined();
    expect(withPacket.proposedTs).toEqual(plain.proposedTs);
    expect({ status: withPacket.status, notify: withPacket.notify, reason: withPacket.reason }).toEqual({ status: plain.status, notify: plain.notify, reason: plain.reason });
    expect(withPacket.rules).toContain('panos.packet-trigger');
  });

  // What real charon 5.9.8 did (test/oracle/probes/trap-acquire.observed.txt): the responder got
  // "10.2.0.10/32[udp/domain] 10.2.0.0/16 === 10.1.0.10/32[udp/38720] 10.1.0.0/16" and both
  // installed the configured /16s.
  it('strongSwan ↔ strongSwan (IKEv2), a packet inside a wider configured selector: the packet goes first, and the SA is what charon narrows it to', () => {
    const doc = strongswanPair(2);
    const r = ok(walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'udp', port: 53 }, { negotiate: engineNegotiator }));
    expect(r.outcome).toBe('delivered');
    const sa = r.steps.find((s) => s.leg === 'forward' && s.kind === 'sa')!;
    expect(sa.title).toBe('SA negotiated on demand');
    expect(sa.detail).toContain('SW-A proposes the packet\'s own selector first, 10.1.0.10/32[udp/49152] ↔ 10.2.0.10/32[udp/53], then its configured 10.1.0.0/16 ↔ 10.2.0.0/16');
    expect(sa.rule).toMatchObject({ id: 'strongswan.v2.packet-first', source: { provenance: 'verified' } });
    // The walk's SA is the engine's answer for that proposal: the responder narrows to every
    // intersection and drops the contained packet selector, leaving the configured /16s.
    const report = negotiateTunnel(doc, doc.tunnels[0]!.id, { initiator: 'a', packet: { source: '10.1.0.10', destination: '10.2.0.10', protocol: 'udp', sourcePort: 49152, destinationPort: 53 } });
    const entry = report.phase2[0]!;
    expect(entry.triggeredBy).toBe('10.1.0.10/32[udp/49152] -> 10.2.0.10/32[udp/53]');
    expect(entry.proposedTs).toEqual({ local: ['10.1.0.10/32[udp/49152]', '10.1.0.0/16'], remote: ['10.2.0.10/32[udp/53]', '10.2.0.0/16'] });
    const enc = r.steps.find((s) => s.leg === 'forward' && s.kind === 'encrypt')!;
    expect(enc.sa).toMatchObject({ local: entry.negotiated!.local, remote: entry.negotiated!.remote });
    expect(entry.negotiated).toEqual({ local: ['10.1.0.0/16'], remote: ['10.2.0.0/16'] });
  });

  it('strongSwan IKEv1: a trap policy does not prepend the packet, Quick Mode proposes the configured selectors', () => {
    const doc = strongswanPair(1);
    const r = ok(walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'tcp', port: 443 }, { negotiate: engineNegotiator }));
    expect(r.outcome).toBe('delivered');
    const sa = r.steps.find((s) => s.leg === 'forward' && s.kind === 'sa')!;
    expect(sa.detail).toContain('SW-A proposes only its configured selectors, 10.1.0.0/16 ↔ 10.2.0.0/16');
    expect(sa.rule).toMatchObject({ id: 'strongswan.v1.packet-trigger', source: { provenance: 'verified' } });
  });

  it('strongSwan (IKEv2) to an ASA that takes the first pair only: the per-packet SA the packet-first rule leads to', () => {
    // UDP: the acquire of a UDP packet carries its source port (probe trap-acquire.mjs); a TCP
    // connection's first one does not, which the engine does not model.
    const doc = strongswanToAsa();
    const r = ok(walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'udp', port: 53 }, { negotiate: engineNegotiator }));
    const enc = r.steps.find((s) => s.leg === 'forward' && s.kind === 'encrypt')!;
    expect(enc.sa).toMatchObject({ local: ['10.1.0.10/32[udp/49152]'], remote: ['10.2.0.10/32[udp/53]'] });
    const report = negotiateTunnel(doc, doc.tunnels[0]!.id, { initiator: 'a', packet: { source: '10.1.0.10', destination: '10.2.0.10', protocol: 'udp', sourcePort: 49152, destinationPort: 53 } });
    expect(report.phase2[0]!.negotiated).toEqual({ local: ['10.1.0.10/32[udp/49152]'], remote: ['10.2.0.10/32[udp/53]'] });
  });

  describe('every vendor states its rule, with provenance', () => {
    const doc = strongswanPair(2);
    const tunnel = doc.tunnels[0]!;
    const gateway = doc.gateways[0]!;
    for (const m of VENDOR_MODULES) {
      it(m.id, () => {
        for (const ikeVersion of [1, 2] as const) {
          for (const vpnType of ['route-based', 'policy-based'] as const) {
            const b = m.profile.selectors({ gateway: { ...gateway, vendor: m.id, vpnType }, end: { ...tunnel.a, ikeVersion } });
            expect(['packet-first', 'configured']).toContain(b.packetTrigger);
            const rule = m.profile.rules[b.rules.packetTrigger];
            expect(rule, `${m.id} IKEv${ikeVersion} ${vpnType}: rule ${b.rules.packetTrigger}`).toBeDefined();
            expect(rule!.vendor).toBe(m.id);
            expect(['verified', 'documented', 'assumed']).toContain(rule!.provenance);
            expect(rule!.source.length).toBeGreaterThan(20);
            // The statement says which behaviour it is.
            expect(rule!.statement).toMatch(b.packetTrigger === 'packet-first' ? /first/ : /configured|proxy ID|crypto ACL|subnet/);
          }
        }
      });
    }
    it('packet-first is IKEv2 strongSwan and the RFC peer only', () => {
      const first = VENDOR_MODULES.flatMap((m) => ([1, 2] as const).filter((v) => m.profile.selectors({ gateway: { ...gateway, vendor: m.id }, end: { ...tunnel.a, ikeVersion: v } }).packetTrigger === 'packet-first').map((v) => `${m.id} v${v}`));
      expect(first).toEqual(['strongswan v2', 'generic v2']);
    });
  });
});
