// Vendor rules, by table: who initiates, which rule, what comes out.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { BR, HQ, pair, pid } from './build';

const run = (doc: ReturnType<typeof pair>, initiator?: 'a' | 'b') => negotiateTunnel(doc, 't1', initiator ? { initiator } : {});

describe('PAN-OS', () => {
  it('IKEv1 needs an exact mirrored proxy ID; a /24 vs /25 fails with NO_PROPOSAL_CHOSEN', () => {
    const ok = run(pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] }));
    expect(ok.phase2[0]?.status).toBe('up');
    const bad = run(pair({ v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, '10.1.1.0/25')] }));
    expect(bad.phase2[0]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN', notifyFrom: 'b' });
    expect(bad.rules.find((r) => r.id === 'panos.v1.exact')?.provenance).toBe('documented');
  });
  it('IKEv2 narrows to the intersection', () => {
    const r = run(pair({ v: 2, proxyA: [pid('10.1.0.0/16', '10.2.0.0/16')], proxyB: [pid(BR, HQ)] }));
    expect(r.phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
  });
  it('without proxy IDs proposes 0.0.0.0/0 <-> 0.0.0.0/0', () => {
    const r = run(pair({ v: 2 }));
    expect(r.phase2).toHaveLength(1);
    expect(r.phase2[0]).toMatchObject({ isDefault: true, proposed: { local: '0.0.0.0/0', remote: '0.0.0.0/0' }, status: 'up' });
  });
  it('logs ikemgr.log lines', () => {
    const bad = run(pair({ v: 2, proxyA: [pid(HQ, BR)], proxyB: [pid('10.9.0.0/24', HQ)] }));
    expect(bad.logs.b.source).toContain('ikemgr.log');
    expect(bad.logs.b.lines.join('\n')).toContain('cannot find matching phase-2 tunnel');
  });
});

describe('Cisco crypto maps: the subset rule depends on who initiates', () => {
  const doc = pair({ a: 'panos', b: 'cisco-asa', v: 1, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24')], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')] });
  it('the narrower side initiating comes up (the broad ASA accepts a subset)', () => {
    expect(run(doc, 'a').phase2[0]?.status).toBe('up');
  });
  it('the broader ASA initiating fails (PAN-OS IKEv1 wants exact)', () => {
    const r = run(doc, 'b');
    expect(r.phase2[0]).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN' });
  });
  it('two Cisco peers: narrower initiates up, broader initiates INVALID_ID_INFORMATION', () => {
    const d = pair({ a: 'cisco-ios', b: 'cisco-asa', v: 1, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24')], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')] });
    expect(run(d, 'a').phase2[0]?.status).toBe('up');
    expect(run(d, 'b').phase2[0]).toMatchObject({ status: 'down', notify: 'INVALID_ID_INFORMATION' });
  });
  it('IKEv2: a Cisco initiator refuses an answer narrowed by strongSwan', () => {
    const d = pair({ a: 'cisco-ios', b: 'strongswan', v: 2, proxyA: [pid('10.1.0.0/16', '10.2.0.0/16')], proxyB: [pid(BR, HQ)] });
    const r = run(d, 'a');
    expect(r.phase2[0]?.status).toBe('down');
    expect(r.phase2[0]?.reason).toContain('does not accept narrowing');
  });
  it('a policy-based crypto map without ACL proposes nothing', () => {
    const d = pair({ a: 'cisco-asa', b: 'panos', v: 1, gwA: { vpnType: 'policy-based' } });
    expect(run(d, 'a').phase2).toHaveLength(0);
  });
  it('Cisco accepts the initiator\'s PFS group when it has none configured', () => {
    const d = pair({ a: 'panos', b: 'cisco-ios', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)], endB: { esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [] }], lifetimeSeconds: 3600, mode: 'tunnel' } } });
    const r = run(d, 'a');
    expect(r.phase2[0]).toMatchObject({ status: 'up', pfs: { status: 'agreed', group: 14 } });
  });
});

describe('ScreenOS', () => {
  const four = [pid('192.168.1.0/24', '172.16.1.0/24'), pid('192.168.1.0/24', '172.16.2.0/24')];
  const mirror = [pid('172.16.1.0/24', '192.168.1.0/24'), pid('172.16.2.0/24', '192.168.1.0/24')];
  it('6.3 negotiates one SA per proxy ID', () => {
    const r = run(pair({ a: 'screenos', b: 'screenos', v: 1, proxyA: four, proxyB: mirror }));
    expect(r.phase2.map((p) => p.status)).toEqual(['up', 'up']);
  });
  it('6.2 uses only the first proxy ID and says so', () => {
    const r = run(pair({ a: 'screenos', b: 'screenos', v: 1, proxyA: four, proxyB: mirror, gwA: { osVersion: '6.2.0r8' } }));
    expect(r.phase2).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.code)).toContain('SINGLE_PROXY_ID_ONLY');
  });
  it('writes event-log lines', () => {
    const r = run(pair({ a: 'panos', b: 'screenos', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid('10.9.0.0/24', HQ)] }));
    expect(r.logs.b.lines.join('\n')).toContain('No policy exists for the proxy ID received');
  });
});

describe('Junos SRX', () => {
  it('proxy-identity uses one proxy ID, traffic-selector many', () => {
    const ids = [pid('10.1.1.0/24', '10.2.1.0/24'), pid('10.1.2.0/24', '10.2.2.0/24')];
    const m = [pid('10.2.1.0/24', '10.1.1.0/24'), pid('10.2.2.0/24', '10.1.2.0/24')];
    expect(run(pair({ a: 'junos-srx', b: 'junos-srx', v: 1, proxyA: ids, proxyB: m })).phase2.map((p) => p.status)).toEqual(['up', 'up']);
    const single = run(pair({ a: 'junos-srx', b: 'junos-srx', v: 1, proxyA: ids, proxyB: m, endA: { vendorOptions: { 'junos-srx': { selectorStyle: 'proxy-identity' } } } }));
    expect(single.phase2).toHaveLength(1);
  });
  it('more than 200 traffic selectors on one VPN is a capacity error', () => {
    const many = Array.from({ length: 201 }, (_, i) => pid(`10.1.${i}.0/24`, '10.2.0.0/16'));
    const r = run(pair({ a: 'junos-srx', b: 'junos-srx', v: 2, proxyA: many }));
    expect(r.phase2).toHaveLength(200);
    expect(r.diagnostics.filter((d) => d.code === 'TUNNEL_CAPACITY_EXCEEDED')).toHaveLength(1);
  });
});

describe('FortiGate selector-match', () => {
  const broad = [pid('10.2.0.0/16', '10.1.0.0/16')];
  const narrow = [pid(HQ, BR)];
  // selector-match is a policy-mode phase2 setting (FortiOS CLI Reference, config vpn ipsec phase2).
  const policy = { vpnType: 'policy-based' as const };
  it('policy mode: subset accepts a narrower proposal, exact does not', () => {
    expect(run(pair({ a: 'panos', b: 'fortigate', v: 1, proxyA: narrow, proxyB: broad, gwB: policy, endB: { vendorOptions: { fortigate: { selectorMatch: 'subset' } } } })).phase2[0]?.status).toBe('up');
    expect(run(pair({ a: 'panos', b: 'fortigate', v: 1, proxyA: narrow, proxyB: broad, gwB: policy, endB: { vendorOptions: { fortigate: { selectorMatch: 'exact' } } } })).phase2[0]?.status).toBe('down');
  });
  it('interface mode has no selector-match: a narrower proposal is accepted whatever the option says', () => {
    expect(run(pair({ a: 'panos', b: 'fortigate', v: 1, proxyA: narrow, proxyB: broad, gwB: { vpnType: 'route-based' }, endB: { vendorOptions: { fortigate: { selectorMatch: 'exact' } } } })).phase2[0]?.status).toBe('up');
  });
  it('an IKEv2 FortiGate initiator takes a narrowed answer only with initiator-ts-narrow', () => {
    const d = (narrowOn: boolean) => pair({ a: 'fortigate', b: 'strongswan', v: 2, proxyA: [pid('10.1.0.0/16', '10.2.0.0/16')], proxyB: [pid(BR, HQ)], endA: { vendorOptions: { fortigate: { initiatorTsNarrow: narrowOn } } } });
    expect(run(d(false)).phase2[0]?.status).toBe('down');
    expect(run(d(true)).phase2[0]).toMatchObject({ status: 'up', negotiated: { local: [HQ], remote: [BR] } });
  });
});

describe('phase 1', () => {
  it('names the attribute at fault', () => {
    const r = run(pair({ endB: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19] }], lifetimeSeconds: 28800 } } }));
    expect(r.phase1).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN', failedAttribute: 'dhGroup' });
    expect(r.phase1.reason).toContain('DH group');
    const e = run(pair({ endB: { ike: { proposals: [{ encryption: ['aes128'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 } } }));
    expect(e.phase1.failedAttribute).toBe('encryption');
  });
  it('IKEv2 INVALID_KE_PAYLOAD round trip when the responder prefers another common group', () => {
    const r = run(pair({
      a: 'strongswan', b: 'strongswan',
      endA: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14, 19] }], lifetimeSeconds: 28800 } },
      endB: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [19] }], lifetimeSeconds: 28800 } },
    }));
    expect(r.phase1).toMatchObject({ status: 'up', keRetryGroup: 19, proposal: { dhGroup: 19 } });
    expect(r.timeline.filter((m) => m.exchange === 'IKE_SA_INIT').map((m) => m.notify ?? '-')).toEqual(['-', 'INVALID_KE_PAYLOAD', '-', '-']);
  });
  it('IKEv2: a strongSwan responder takes its own first common group even when the KE group is acceptable (charon probe probe-v2-dh-orders-differ)', () => {
    const ike = (dhGroups: (14 | 19)[]) => ({ ike: { proposals: [{ encryption: ['aes128' as const], integrity: ['sha256' as const], dhGroups }], lifetimeSeconds: 28800 } });
    const r = run(pair({ a: 'strongswan', b: 'strongswan', endA: ike([14, 19]), endB: ike([19, 14]) }));
    expect(r.phase1).toMatchObject({ status: 'up', keRetryGroup: 19, proposal: { dhGroup: 19 } });
    expect(r.phase1.rules).toContain('strongswan.v2.ke-group-order');
    expect(r.timeline.filter((m) => m.exchange === 'IKE_SA_INIT').map((m) => m.notify ?? '-')).toEqual(['-', 'INVALID_KE_PAYLOAD', '-', '-']);
    // Same order: the KE group is the responder's first, no retry.
    expect(run(pair({ a: 'strongswan', b: 'strongswan', endA: ike([14, 19]), endB: ike([14, 19]) })).phase1.keRetryGroup).toBeUndefined();
    // A responder without the rule keeps the KE group it received.
    expect(run(pair({ a: 'strongswan', b: 'panos', endA: ike([14, 19]), endB: ike([19, 14]) })).phase1).toMatchObject({ status: 'up', proposal: { dhGroup: 14 } });
  });
  describe('strongSwan identity and exchange-mode rules (charon 5.9.8 probes, test/oracle/charon-probes.ts)', () => {
    const fqdn = (value: string) => ({ type: 'fqdn' as const, value });
    const ids = (local: string, remote: string) => ({ auth: { method: 'psk' as const, psk: 'secret', localId: fqdn(local), remoteId: fqdn(remote) } });
    const sw = (spec: Parameters<typeof pair>[0]) => run(pair({ a: 'strongswan', b: 'strongswan', ...spec }));
    const sendsOf = (r: ReturnType<typeof run>) => r.timeline.filter((m) => m.from === 'a' && m.notify).map((m) => m.notify);
    it('IKEv2: the initiator asks for IDr, the responder answers IKE_AUTH with AUTHENTICATION_FAILED', () => {
      const r = sw({ v: 2, endA: ids('a.example', 'c.example'), endB: ids('b.example', 'a.example') });
      expect(r.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', notifyFrom: 'b', failure: 'identity' });
      expect(r.phase1.rules).toContain('strongswan.v2.idr');
      expect(sendsOf(r)).toEqual([]);
      expect(r.timeline.at(-1)).toMatchObject({ exchange: 'IKE_AUTH', message: 'response 1', from: 'b', notify: 'AUTHENTICATION_FAILED' });
      // Another initiator product checks IDr itself, as before.
      const other = run(pair({ a: 'panos', b: 'strongswan', v: 2, endA: ids('a.example', 'c.example'), endB: ids('b.example', 'a.example') }));
      expect(other.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', notifyFrom: 'a' });
    });
    it('IKEv1 Main Mode: the initiator deletes the IKE SA after message 6, no notify', () => {
      const r = sw({ v: 1, endA: ids('a.example', 'c.example'), endB: ids('b.example', 'a.example') });
      expect(r.phase1).toMatchObject({ status: 'down', failure: 'identity' });
      expect(r.phase1.notify).toBeUndefined();
      expect(sendsOf(r)).toEqual([]);
      expect(r.timeline.at(-1)).toMatchObject({ exchange: 'INFORMATIONAL_V1', from: 'a', summary: expect.stringContaining('D') });
    });
    const allowed = { vendorOptions: { strongswan: { aggressiveModePsk: true } } };
    it('IKEv1 Aggressive Mode: the initiator rejects message 2 with INVALID_ID_INFORMATION', () => {
      const r = sw({ v: 1, gwB: allowed, endA: { ...ids('a.example', 'c.example'), exchangeMode: 'aggressive' }, endB: { ...ids('b.example', 'a.example'), exchangeMode: 'aggressive' } });
      expect(r.phase1).toMatchObject({ status: 'down', notify: 'INVALID_ID_INFORMATION', notifyFrom: 'a', failure: 'identity' });
      expect(sendsOf(r)).toEqual(['INVALID_ID_INFORMATION']);
      expect(r.timeline.some((m) => m.exchange === 'AGGRESSIVE_MODE' && m.message === '3')).toBe(false);
    });
    it('Aggressive Mode with a PSK: refused by a responder without the setting; the initiator\'s setting does not count', () => {
      const aggr = (gwA: object, gwB: object) => sw({ v: 1, gwA, gwB, endA: { exchangeMode: 'aggressive' }, endB: { exchangeMode: 'aggressive' } });
      expect(aggr({}, {}).phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', notifyFrom: 'b', failure: 'exchange-mode' });
      expect(aggr(allowed, {}).phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED' });
      expect(aggr({}, allowed).phase1.status).toBe('up');
      expect(aggr({}, {}).phase1.rules).toContain('strongswan.v1.aggressive-psk');
    });
    it('Main Mode against Aggressive Mode: AUTHENTICATION_FAILED after the identity (Aggressive 1, Main 5)', () => {
      const a2m = sw({ v: 1, gwB: allowed, endA: { exchangeMode: 'aggressive' }, endB: { exchangeMode: 'main' } });
      expect(a2m.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', failure: 'exchange-mode' });
      expect(a2m.phase1.rules).toContain('strongswan.v1.mode-by-peer-config');
      const m2a = sw({ v: 1, endA: { exchangeMode: 'main' }, endB: { exchangeMode: 'aggressive' } });
      expect(m2a.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', failure: 'exchange-mode' });
      expect(m2a.timeline.some((m) => m.exchange === 'MAIN_MODE' && m.message === '5')).toBe(true);
      // Another responder product answers NO_PROPOSAL_CHOSEN after message 1, as before.
      expect(run(pair({ a: 'strongswan', b: 'panos', v: 1, endA: { exchangeMode: 'main' }, endB: { exchangeMode: 'aggressive' } })).phase1).toMatchObject({ notify: 'NO_PROPOSAL_CHOSEN', failure: 'exchange-mode' });
    });
  });
  it('IKEv2 PSK mismatch: AUTHENTICATION_FAILED in IKE_AUTH', () => {
    const r = run(pair({ endB: { auth: { method: 'psk', psk: 'other' } } }));
    expect(r.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', failure: 'psk' });
  });
  it('IKEv1 PSK mismatch: PAYLOAD_MALFORMED the initiator cannot read, then a timeout', () => {
    const r = run(pair({ v: 1, endB: { auth: { method: 'psk', psk: 'other' } } }));
    expect(r.phase1).toMatchObject({ status: 'down', notify: 'PAYLOAD_MALFORMED', timedOut: true });
    expect(r.timeline.some((m) => m.unreadable)).toBe(true);
  });
  it('identity mismatch', () => {
    const r = run(pair({ endB: { auth: { method: 'psk', psk: 'secret', remoteId: { type: 'fqdn', value: 'hq.example.com' } } } }));
    expect(r.phase1).toMatchObject({ status: 'down', notify: 'AUTHENTICATION_FAILED', failure: 'identity' });
  });
  it('aggressive vs main mode', () => {
    const r = run(pair({ v: 1, endA: { exchangeMode: 'aggressive' } }));
    expect(r.phase1).toMatchObject({ status: 'down', failure: 'exchange-mode' });
  });
  it('Cisco IKEv1: the initiator\'s lifetime must not exceed the responder\'s', () => {
    const r = run(pair({ a: 'panos', b: 'cisco-ios', v: 1, endB: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 3600 } } }));
    expect(r.phase1).toMatchObject({ status: 'down', failedAttribute: 'lifetime' });
  });
  it('version mismatch: strongSwan answers NO_PROPOSAL_CHOSEN, PAN-OS stays silent', () => {
    expect(run(pair({ a: 'panos', b: 'strongswan', endB: { ikeVersion: 1 } })).phase1).toMatchObject({ status: 'down', notify: 'NO_PROPOSAL_CHOSEN', failure: 'version' });
    expect(run(pair({ a: 'strongswan', b: 'panos', endB: { ikeVersion: 1 } })).phase1).toMatchObject({ status: 'down', timedOut: true, failure: 'version' });
  });
  it('a passive initiator hands over to the other end', () => {
    const r = run(pair({ endA: { passive: true } }));
    expect(r.initiatorEnd).toBe('b');
  });
});

describe('phase 2 extras', () => {
  it('a triggering packet puts its selector first (IKEv2) and its proxy ID first', () => {
    const d = pair({ a: 'strongswan', b: 'strongswan', proxyA: [pid('10.1.1.0/24', '10.2.1.0/24'), pid('10.1.2.0/24', '10.2.2.0/24')], proxyB: [pid('10.2.0.0/16', '10.1.0.0/16')] });
    const r = negotiateTunnel(d, 't1', { packet: { source: '10.1.2.5', destination: '10.2.2.9', protocol: 'tcp', destinationPort: 443 } });
    expect(r.phase2[0]?.initiatorProxyIds).toEqual([1]);
    expect(r.phase2[0]?.triggeredBy).toBe('10.1.2.5/32[tcp] -> 10.2.2.9/32[tcp/443]');
    expect(r.phase2[0]?.proposedTs.local[0]).toBe('10.1.2.5/32[tcp]');
    expect(r.phase2[0]?.status).toBe('up');
  });
  it('IKEv2 PFS mismatch: first child up (no KE in IKE_AUTH), later children fail, rekey warning', () => {
    const d = pair({
      a: 'strongswan', b: 'strongswan',
      proxyA: [pid('10.1.1.0/24', '10.2.1.0/24', { name: 'x' }), pid('10.1.2.0/24', '10.2.2.0/24', { name: 'y' })],
      proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'x' }), pid('10.2.2.0/24', '10.1.2.0/24', { name: 'y' })],
      endB: { esp: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [] }], lifetimeSeconds: 3600, mode: 'tunnel' } },
    });
    const r = run(d);
    expect(r.phase2.map((p) => p.status)).toEqual(['up', 'down']);
    expect(r.phase2[0]?.pfs?.status).toBe('deferred');
    expect(r.phase2[1]).toMatchObject({ notify: 'NO_PROPOSAL_CHOSEN', failedAttribute: 'pfs' });
    expect(r.diagnostics.map((x) => x.code)).toContain('PFS_MISMATCH_AT_REKEY');
  });
  it('IPv6 selectors', () => {
    const r = run(pair({ v: 2, proxyA: [pid('2001:db8:1::/48', '2001:db8:2::/48', { protocol: 'udp', localPort: '500-510' })], proxyB: [pid('2001:db8:2::/48', '2001:db8:1::/48', { protocol: 'udp', remotePort: '500-510' })] }));
    expect(r.phase2[0]).toMatchObject({ status: 'up', proposed: { local: '2001:db8:1::/48[udp/500-510]', remote: '2001:db8:2::/48[udp]' } });
  });
});
