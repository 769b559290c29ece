// One test per diagnostic code: the engine names the cause, and applying its one-click fix
// through the editor brings the tunnel up (where it should).
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import type { Diagnostic, DiagnosticCode, TunnelReport } from '../../../shared/engine/report';
import type { TopologyDocument } from '../../../shared/model/document';
import { BR, HQ, pair, pid } from './build';

function find(report: TunnelReport | { diagnostics: Diagnostic[] }, code: DiagnosticCode): Diagnostic {
  const d = report.diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} in ${JSON.stringify(report.diagnostics.map((x) => x.code))}`);
  return d;
}

function applyFix(doc: TopologyDocument, d: Diagnostic): TopologyDocument {
  expect(d.fix.length).toBeGreaterThan(0);
  const editor = new Editor(doc);
  const r = editor.dispatch({ type: 'batch', label: d.fixLabel ?? d.code, commands: d.fix });
  expect(r).toEqual({ ok: true, changed: true });
  return editor.document;
}

const up = (doc: TopologyDocument) => negotiateTunnel(doc, 't1');

describe('diagnostics with one-click fixes', () => {
  it('SELECTOR_REVERSED', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(HQ, BR)] });
    const r = up(doc);
    expect(r.phase2[0]?.status).toBe('down');
    const d = find(r, 'SELECTOR_REVERSED');
    expect(d).toMatchObject({ end: 'b', severity: 'error' });
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('PREFIX_LENGTH_MISMATCH (IKEv1 exact peer fails)', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, '10.1.1.0/25')] });
    const d = find(up(doc), 'PREFIX_LENGTH_MISMATCH');
    expect(d.message).toContain('10.1.1.0/25');
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('PREFIX_LENGTH_MISMATCH as a warning when IKEv2 narrows it up', () => {
    const doc = pair({ a: 'strongswan', b: 'strongswan', v: 2, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, '10.1.1.0/25')] });
    const r = up(doc);
    expect(r.status).toBe('up');
    const d = find(r, 'PREFIX_LENGTH_MISMATCH');
    expect(d.severity).toBe('warning');
    const fixed = up(applyFix(doc, d));
    expect(fixed.phase2[0]?.negotiated).toEqual({ local: [HQ], remote: [BR] });
    expect(fixed.diagnostics.map((x) => x.code)).not.toContain('PREFIX_LENGTH_MISMATCH');
  });

  it('PROTOCOL_PORT_MISMATCH', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR, { protocol: 'tcp', remotePort: '443' })], proxyB: [pid(BR, HQ)] });
    const d = find(up(doc), 'PROTOCOL_PORT_MISMATCH');
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('MISSING_PROXY_ID', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR), pid('10.1.2.0/24', '10.2.2.0/24')], proxyB: [pid(BR, HQ)] });
    const r = up(doc);
    expect(r.status).toBe('partial');
    const d = find(r, 'MISSING_PROXY_ID');
    expect(d.phase2Index).toBe(1);
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('DEFAULT_SELECTOR_VS_POLICY_BASED_PEER (PAN-OS without proxy IDs to a Cisco ASA)', () => {
    const doc = pair({ a: 'panos', b: 'cisco-asa', v: 1, proxyB: [pid(BR, HQ)], gwB: { vpnType: 'policy-based' } });
    const r = up(doc);
    expect(r.phase2[0]).toMatchObject({ isDefault: true, status: 'down' });
    const d = find(r, 'DEFAULT_SELECTOR_VS_POLICY_BASED_PEER');
    expect(d.end).toBe('a');
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('NAT_ADDRESS_IN_SELECTOR', () => {
    const doc = pair({
      v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, '192.0.2.0/24')],
      gwA: { natRules: [{ name: 'hide-hq', kind: 'source', original: HQ, translated: '192.0.2.0/24' }] },
    });
    const d = find(up(doc), 'NAT_ADDRESS_IN_SELECTOR');
    expect(d.end).toBe('b');
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('ROUTE_WITHOUT_PROXY_ID', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], gwA: { routes: [{ destination: BR, interface: 'tunnel.1' }, { destination: '10.2.9.0/24', interface: 'tunnel.1' }] } });
    const r = up(doc);
    const d = find(r, 'ROUTE_WITHOUT_PROXY_ID');
    expect(d.selector?.remote).toBe('10.2.9.0/24');
    const after = up(applyFix(doc, d));
    expect(after.phase2).toHaveLength(2);
    expect(after.status).toBe('up');
    expect(after.diagnostics.map((x) => x.code)).not.toContain('ROUTE_WITHOUT_PROXY_ID');
  });

  it('PROXY_ID_WITHOUT_ROUTE', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], gwB: { routes: [{ destination: HQ, interface: 'tunnel.1' }] } });
    const r = up(doc);
    expect(r.status).toBe('up');
    const d = find(r, 'PROXY_ID_WITHOUT_ROUTE');
    expect(d.end).toBe('a');
    const after = up(applyFix(doc, d));
    expect(after.diagnostics.filter((x) => x.code === 'PROXY_ID_WITHOUT_ROUTE' && x.end === 'a')).toHaveLength(0);
  });

  it('TUNNEL_CAPACITY_EXCEEDED (each PAN-OS proxy ID counts)', () => {
    const many = Array.from({ length: 300 }, (_, i) => pid(`10.1.${i % 256}.${i >= 256 ? 128 : 0}/25`, '10.2.0.0/16'));
    const doc = pair({ v: 2, proxyA: many, gwA: { model: 'PA-220' } });
    const report = computeReport(doc);
    const d = find(report, 'TUNNEL_CAPACITY_EXCEEDED');
    expect(d.message).toContain('300');
    const fixed = computeReport(applyFix(doc, d));
    expect(fixed.diagnostics.map((x) => x.code)).not.toContain('TUNNEL_CAPACITY_EXCEEDED');
  });

  it('PROPOSAL_MISMATCH in phase 1 names the attribute', () => {
    const doc = pair({ endB: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha384'], dhGroups: [14] }], lifetimeSeconds: 28800 } } });
    const d = find(up(doc), 'PROPOSAL_MISMATCH');
    expect(d.message).toContain('integrity');
    expect(up(applyFix(doc, d)).status).toBe('up');
  });

  it('PROPOSAL_MISMATCH in phase 2 (ESP)', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endB: { esp: { proposals: [{ encryption: ['aes256gcm16'], integrity: ['none'], dhGroups: [14] }], lifetimeSeconds: 3600, mode: 'tunnel' } } });
    const r = up(doc);
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN', failedAttribute: 'encryption' });
    expect(up(applyFix(doc, find(r, 'PROPOSAL_MISMATCH'))).status).toBe('up');
  });

  it('PSK_MISMATCH', () => {
    const doc = pair({ endB: { auth: { method: 'psk', psk: 'typo' } } });
    expect(up(applyFix(doc, find(up(doc), 'PSK_MISMATCH'))).status).toBe('up');
  });

  it('IKE_VERSION_MISMATCH', () => {
    const doc = pair({ endB: { ikeVersion: 1 } });
    expect(up(applyFix(doc, find(up(doc), 'IKE_VERSION_MISMATCH'))).status).toBe('up');
  });

  it('IDENTITY_MISMATCH, EXCHANGE_MODE_MISMATCH', () => {
    const doc = pair({ endB: { auth: { method: 'psk', psk: 'secret', remoteId: { type: 'fqdn', value: 'hq.example.com' } } } });
    expect(up(applyFix(doc, find(up(doc), 'IDENTITY_MISMATCH'))).status).toBe('up');
    const doc2 = pair({ v: 1, endA: { exchangeMode: 'aggressive' } });
    expect(up(applyFix(doc2, find(up(doc2), 'EXCHANGE_MODE_MISMATCH'))).status).toBe('up');
  });
});

describe('ESP proposals per child', () => {
  it('PROPOSAL_MISMATCH on a child with its own ESP proposals fixes that child', () => {
    const own = [{ encryption: ['aes128gcm16' as const], integrity: ['none' as const], dhGroups: [] }];
    const doc = pair({ a: 'strongswan', b: 'strongswan', proxyA: [pid(HQ, BR, { name: 'x' })], proxyB: [pid(BR, HQ, { name: 'x', espProposals: own })] });
    const r = up(doc);
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN' });
    const d = find(r, 'PROPOSAL_MISMATCH');
    expect(d.fix[0]).toMatchObject({ type: 'proxyId.update', end: 'b', index: 0 });
    expect(up(applyFix(doc, d)).status).toBe('up');
  });
});

describe('more fixes', () => {
  it('AUTH_METHOD_MISMATCH', () => {
    const doc = pair({ endB: { auth: { method: 'certificate', psk: '' } } });
    const r = up(doc);
    expect(r.phase1).toMatchObject({ status: 'down', failure: 'auth-method' });
    expect(up(applyFix(doc, find(r, 'AUTH_METHOD_MISMATCH'))).status).toBe('up');
  });

  it('PFS_MISMATCH_AT_REKEY', () => {
    const doc = pair({ a: 'strongswan', b: 'strongswan', proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endB: { esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19] }], lifetimeSeconds: 3600, mode: 'tunnel' } } });
    const r = up(doc);
    expect(r.status).toBe('up');
    const fixed = up(applyFix(doc, find(r, 'PFS_MISMATCH_AT_REKEY')));
    expect(fixed.phase2[0]?.pfs).toEqual({ status: 'agreed', group: 14 });
    expect(fixed.diagnostics.map((d) => d.code)).not.toContain('PFS_MISMATCH_AT_REKEY');
  });

  it('SINGLE_PROXY_ID_ONLY (ScreenOS 6.2) is fixed by 6.3', () => {
    const doc = pair({ a: 'screenos', b: 'screenos', v: 1, proxyA: [pid(HQ, BR), pid('10.1.2.0/24', '10.2.2.0/24')], proxyB: [pid(BR, HQ), pid('10.2.2.0/24', '10.1.2.0/24')], gwA: { osVersion: '6.2.0r8' } });
    const r = up(doc);
    expect(r.phase2).toHaveLength(1);
    const fixed = up(applyFix(doc, find(r, 'SINGLE_PROXY_ID_ONLY')));
    expect(fixed.phase2.map((p) => p.status)).toEqual(['up', 'up']);
  });

  it('BOTH_ENDS_PASSIVE', () => {
    const doc = pair({ endA: { passive: true }, endB: { passive: true } });
    const r = up(doc);
    expect(r.phase1.failure).toBe('config');
    expect(up(applyFix(doc, find(r, 'BOTH_ENDS_PASSIVE'))).status).toBe('up');
  });

  it('INVALID_SELECTOR: removing it leaves the valid ones up', () => {
    const doc = pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] });
    (doc.tunnels[0]!.b.proxyIds as unknown[]).push({ ...pid('10.2.9.0/33', HQ) });
    const r = up(doc);
    expect(up(applyFix(doc, find(r, 'INVALID_SELECTOR'))).diagnostics.map((d) => d.code)).not.toContain('INVALID_SELECTOR');
  });

  it('EMPTY_PROPOSALS in phase 1: use the peer\'s', () => {
    const doc = pair();
    (doc.tunnels[0]!.b.ike.proposals as unknown[]) = [];
    expect(up(applyFix(doc, find(up(doc), 'EMPTY_PROPOSALS'))).status).toBe('up');
  });

  it('GATEWAY_MISSING: delete the tunnel', () => {
    const doc = pair();
    doc.gateways = doc.gateways.filter((g) => g.id !== 'gw-b');
    const d = find(up(doc), 'GATEWAY_MISSING');
    const after = applyFix(doc, d);
    expect(after.tunnels).toHaveLength(0);
  });
});
