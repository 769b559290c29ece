// Every vendor profile is complete and honest: each rule the engine can record exists, says where
// it comes from, and carries a provenance; each capacity number names its source.
import { describe, expect, it } from 'vitest';
import type { Gateway, TunnelEnd } from '../../../shared/model/document';
import { newGateway, newTunnel } from '../../../shared/document/factory';
import { capacityOf, smallestModelFor, tunnelsUsed } from '../../../shared/vendors/capacity';
import { VENDOR_MODULES, vendorModule } from '../../../shared/vendors/registry';
import { screenosSupportsMultipleProxyIds } from '../../../shared/vendors/screenos/version';

const profileOf = (vendor: string) => vendorModule(vendor).profile;
const VENDORS = VENDOR_MODULES.map((m) => m.id);
const CAPACITY_TABLE = VENDOR_MODULES.flatMap((m) => m.capabilities.capacity.models);

function ctx(vendor: string, end: Partial<TunnelEnd> = {}, gw: Partial<Gateway> = {}) {
  const g = { ...newGateway({ id: 'g', name: 'G', vendor, position: { x: 0, y: 0 } }), ...gw };
  const peer = newGateway({ id: 'p', name: 'P', vendor: 'generic', position: { x: 0, y: 0 } });
  return { gateway: g, end: { ...newTunnel({ id: 't', name: 't', a: g, b: peer }).a, ...end } };
}

describe('vendor profiles', () => {
  it('there is one per vendor of the document model', () => {
    expect(new Set(VENDORS).size).toBe(VENDORS.length);
    expect(vendorModule('no-such-vendor').id).toBe('generic');
  });

  it.each([...VENDORS])('%s: every rule id it can use exists, with a statement, a source and a provenance', (vendor) => {
    const p = profileOf(vendor);
    const variants = [ctx(vendor), ctx(vendor, { vendorOptions: { fortigate: { selectorMatch: 'exact', initiatorTsNarrow: true }, 'junos-srx': { selectorStyle: 'proxy-identity' } } }, { osVersion: '6.2.0', vpnType: 'policy-based' })];
    for (const c of variants) {
      const b = p.selectors(c);
      for (const id of Object.values(b.rules)) expect(p.rules[id], `${vendor}: ${id}`).toBeDefined();
    }
    for (const id of Object.values(p.phase1.rules)) if (id) expect(p.rules[id], `${vendor}: ${id}`).toBeDefined();
    for (const r of Object.values(p.rules)) {
      expect(r.vendor).toBe(vendor);
      expect(['verified', 'documented', 'assumed']).toContain(r.provenance);
      expect(r.statement.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(5);
    }
  });

  it('only strongSwan, Libreswan and OpenIKED claim verified rules (the others were never run against a daemon here)', () => {
    for (const vendor of VENDORS) {
      const verified = Object.values(profileOf(vendor).rules).filter((r) => r.provenance === 'verified');
      if (vendor === 'strongswan') expect(verified.length).toBeGreaterThan(5);
      else if (vendor === 'libreswan') {
        expect(verified.length).toBeGreaterThan(5);
        // Each names the daemons and the oracle run behind it (test/oracle/engine-vs-others.test.ts).
        for (const r of verified) expect(r.source, r.id).toMatch(/^verified: Libreswan 4\.10 pluto against strongSwan 5\.9\.8 charon \(oracle run .+\)/);
      } else if (vendor === 'openiked') {
        expect(verified.length).toBeGreaterThan(3);
        for (const r of verified) expect(r.source, r.id).toMatch(/^verified: OpenIKED 7\.2 iked against strongSwan 5\.9\.8 charon \(.+\): iked log /);
      } else expect(verified, vendor).toEqual([]);
    }
  });

  it('ScreenOS: several proxy IDs from 6.3', () => {
    expect(screenosSupportsMultipleProxyIds('6.3.0r12')).toBe(true);
    expect(screenosSupportsMultipleProxyIds('6.2.0r8')).toBe(false);
    expect(screenosSupportsMultipleProxyIds('5.4')).toBe(false);
    const c = ctx('screenos', {}, { osVersion: '6.2.0' });
    expect(vendorModule('screenos').capabilities.proxyIdLimit?.(c.gateway, c.end)?.max).toBe(1);
  });

  it('FortiGate selector-match and initiator-ts-narrow change the rules', () => {
    expect(profileOf('fortigate').selectors(ctx('fortigate', { vendorOptions: { fortigate: { selectorMatch: 'exact' } } }, { vpnType: 'policy-based' })).v1Responder).toBe('exact');
    // Interface mode (route-based) has no selector-match (FortiOS CLI Reference, phase2-interface).
    expect(profileOf('fortigate').selectors(ctx('fortigate', { vendorOptions: { fortigate: { selectorMatch: 'exact' } } }, { vpnType: 'route-based' })).v1Responder).toBe('subset');
    expect(profileOf('fortigate').selectors(ctx('fortigate', { vendorOptions: { fortigate: { selectorMatch: 'subset' } } })).v1Responder).toBe('subset');
    expect(profileOf('fortigate').selectors(ctx('fortigate', { vendorOptions: { fortigate: { initiatorTsNarrow: true } } })).v2Initiator).toBe('accept-subset');
  });

  it('log lines are vendor-style', () => {
    const e = { kind: 'child-ts-rejected' as const, peer: '192.0.2.1', local: '10.1.0.0/24', remote: '10.2.0.0/24' };
    expect(profileOf('cisco-asa').logs.line(e)).toContain('%ASA-3-713061');
    expect(profileOf('cisco-asa').logs.line(e)).toContain('10.1.0.0/255.255.255.0');
    expect(profileOf('panos').logs.line(e)).toContain('[PROTO_ERR]');
    expect(profileOf('strongswan').logs.line(e)).toContain('unacceptable');
    expect(profileOf('junos-srx').logs.line(e)).toContain('KMD_VPN_TS_MISMATCH');
  });
});

describe('capacity table', () => {
  it('every number names its source', () => {
    for (const e of CAPACITY_TABLE) {
      expect(e.source.length).toBeGreaterThan(10);
      expect(e.tunnels).toBeGreaterThan(0);
    }
  });
  it('looks models up case-insensitively and suggests the smallest sufficient one', () => {
    expect(capacityOf('panos', 'pa-220')?.tunnels).toBe(250);
    expect(smallestModelFor('panos', 300)?.model).not.toBe('PA-220');
    expect(smallestModelFor('panos', 1_000_000)).toBeUndefined();
  });
  it('each PAN-OS proxy ID counts as a tunnel', () => {
    expect(tunnelsUsed('panos', 16)).toBe(16);
    expect(tunnelsUsed('panos', 0)).toBe(1);
    expect(tunnelsUsed('cisco-asa', 16)).toBe(1);
  });
});
