import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import type { TunnelId } from '../../../shared/model/document';
import { TopologyBuilder } from '../../../shared/templates/build';
import { unsupportedAlgorithms } from '../../../shared/vendors/algorithms';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';

const ALGORITHM_LIMITS = VENDOR_MODULES.flatMap((m) => m.capabilities.algorithmLimits);

function asaPair(ikeVersion: 1 | 2, integrity: 'sha1' | 'sha256', espIntegrity: 'sha1' | 'sha256' = 'sha1') {
  const b = new TopologyBuilder('t');
  const pan = b.gateway({ name: 'PA', vendor: 'panos', outside: '198.51.100.1/24', position: { x: 0, y: 0 } });
  const asa = b.gateway({ name: 'ASA', vendor: 'cisco-asa', outside: '203.0.113.2/24', position: { x: 0, y: 0 } });
  const ike = { proposals: [{ encryption: ['aes256' as const], integrity: [integrity], dhGroups: [14 as const] }], lifetimeSeconds: 28800 };
  b.tunnel('t', pan, asa, {
    ikeVersion,
    a: { proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24' }], changes: { ike } },
    b: { proxyIds: [{ local: '10.2.0.0/24', remote: '10.1.0.0/24' }], changes: { ike } },
  });
  const doc = b.build();
  for (const end of [doc.tunnels[0]!.a, doc.tunnels[0]!.b]) end.esp.proposals = end.esp.proposals.map((p) => ({ ...p, integrity: [espIntegrity] }));
  return doc;
}

const codes = (doc: ReturnType<typeof asaPair>) => negotiateTunnel(doc, 'tun-1' as TunnelId).diagnostics.filter((d) => d.code === 'ALGORITHM_UNSUPPORTED');

describe('ALGORITHM_UNSUPPORTED', () => {
  it('every limit names a source and lists something', () => {
    for (const l of ALGORITHM_LIMITS) {
      expect(l.source.length, l.id).toBeGreaterThan(20);
      expect(l.unsupported.length, l.id).toBeGreaterThan(0);
    }
  });

  it('flags SHA-256 in an ASA IKEv1 policy, on the ASA end only, with its source', () => {
    const found = codes(asaPair(1, 'sha256'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ end: 'b', gateway: 'ASA', severity: 'error', provenance: 'documented', fixLabel: 'Use IKEv2 on both ends' });
    expect(found[0]!.message).toContain('sha256');
  });

  it('flags SHA-256 in an ASA IKEv1 transform set (the exporter writes none), on the ASA end only', () => {
    const found = codes(asaPair(1, 'sha1', 'sha256'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ end: 'b', gateway: 'ASA', severity: 'error' });
    expect(found[0]!.message).toContain('sha256');
    expect(codes(asaPair(2, 'sha1', 'sha256'))).toEqual([]);
  });

  it('is silent for SHA-1 in IKEv1 and for SHA-256 in IKEv2', () => {
    expect(codes(asaPair(1, 'sha1'))).toEqual([]);
    expect(codes(asaPair(2, 'sha256'))).toEqual([]);
  });

  it('its one-click fix (IKEv2 on both ends) clears it and the tunnel stays up', () => {
    const editor = new Editor(asaPair(1, 'sha256'));
    const [d] = codes(editor.document);
    editor.dispatch({ type: 'batch', label: d!.fixLabel!, commands: d!.fix });
    expect(codes(editor.document)).toEqual([]);
    expect(negotiateTunnel(editor.document, 'tun-1' as TunnelId).status).toBe('up');
  });

  it('flags AEAD IKE ciphers on a strongSwan IKEv1 end (verified on charon)', () => {
    const b = new TopologyBuilder('t');
    const a = b.gateway({ name: 'A', vendor: 'strongswan', outside: '192.0.2.1/24', position: { x: 0, y: 0 } });
    const c = b.gateway({ name: 'B', vendor: 'strongswan', outside: '192.0.2.2/24', position: { x: 0, y: 0 } });
    b.tunnel('t', a, c, { ikeVersion: 1 });
    const doc = b.build();
    const end = doc.tunnels[0]!.a;
    end.ike.proposals = [{ encryption: ['aes256gcm16', 'aes256'], integrity: ['sha256'], dhGroups: [14] }];
    const found = unsupportedAlgorithms('strongswan', end);
    expect(found.map((u) => [u.limit.id, u.algorithm])).toEqual([['strongswan.ikev1-aead', 'aes256gcm16']]);
    expect(found[0]!.limit.provenance).toBe('verified');
  });
});
