// "Up but asymmetric": both ends install a child SA with different selectors. Two causes:
// strongSwan IKEv1 with a responder that narrows to a port range (the answer's identification
// payload carries one port: charon 5.9.8 installs the range as responder and the first port as
// initiator), and an end that installs its own configured selectors (profile `installs: 'own'`,
// set here on a test-local copy of the generic profile's selector behaviour, undone after each test).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import { designVerdict } from '../../../shared/engine/verdict';
import { installedOf, type TunnelReport } from '../../../shared/engine/report';
import { asymmetryOf } from '../../../shared/engine/asymmetry';
import { vendorModule } from '../../../shared/vendors/registry';
import type { VendorProfile } from '../../../shared/vendors/kit/profile';
import type { Rule } from '../../../shared/vocabulary/provenance';
import { Editor } from '../../../shared/commands/editor';
import type { TopologyDocument } from '../../../shared/model/document';
import { runCli } from '../../../shared/cli/main';
import { serializeDocument } from '../../../shared/document/file';
import { TopologyBuilder } from '../../../shared/templates/build';
import { walkPacket, type WalkResult } from '../../../shared/walk/walk';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { applyEvent, initialMonitorState } from '../../../shared/monitor/monitor';
import { runOpsCommand } from '../../../shared/show-commands/commands';
import { reportToComparable } from '../../oracle/others/predict';
import { memoryIo } from '../../support/memory-io';
import { pair, pid } from './build';

/** strongSwan both ends, IKEv1: HQ proposes tcp any port, Branch accepts only tcp 1000-2000 on its side. */
function portRange(v: 1 | 2 = 1): TopologyDocument {
  return pair({ a: 'strongswan', b: 'strongswan', v, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24', { name: 'c1', protocol: 'tcp' })], proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'c1', protocol: 'tcp', localPort: '1000-2000' })] });
}

/** A generic (RFC 7296) IKEv2 initiator with /16s, a strongSwan responder configured with /24s: it narrows. */
function wideOwn(): TopologyDocument {
  return pair({ a: 'generic', b: 'strongswan', v: 2, proxyA: [pid('10.1.0.0/16', '10.2.0.0/16', { name: 'c1' })], proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'c1' })] });
}

const OWN_RULE: Rule = { id: 'generic.test.installs-own', vendor: 'generic', statement: 'Test-local: the initiator installs its own configured selectors.', provenance: 'assumed', source: 'asymmetric.test.ts' };

/** Makes the generic profile install its own selectors as IKEv2 initiator, until `restore`. */
function genericInstallsOwn(): () => void {
  const profile = vendorModule('generic').profile as { -readonly [K in keyof VendorProfile]: VendorProfile[K] };
  const selectors = profile.selectors;
  const rules = profile.rules;
  profile.selectors = (ctx) => {
    const b = selectors(ctx);
    return { ...b, installs: { v2Initiator: 'own' }, rules: { ...b.rules, installs: OWN_RULE.id } };
  };
  profile.rules = { ...rules, [OWN_RULE.id]: OWN_RULE };
  return () => {
    profile.selectors = selectors;
    profile.rules = rules;
  };
}

const tunnelOf = (doc: TopologyDocument): TunnelReport => negotiateTunnel(doc, 't1', { initiator: 'a' });

describe('strongSwan IKEv1, responder narrows to a port range', () => {
  it('is up but asymmetric: the responder installs the range, the initiator its first port', () => {
    const p = tunnelOf(portRange()).phase2[0]!;
    expect(p.status).toBe('asymmetric');
    expect(p.installed).toEqual({
      initiator: { local: ['10.1.1.0/24[tcp]'], remote: ['10.2.1.0/24[tcp/1000]'] },
      responder: { local: ['10.2.1.0/24[tcp/1000-2000]'], remote: ['10.1.1.0/24[tcp]'] },
    });
    expect(p.rules).toContain('strongswan.v1.id-port');
    expect(asymmetryOf(p)?.stricter).toBe('initiator');
  });

  it('is plainly up over IKEv2 (TS payloads carry the range) and when the ports are configured alike', () => {
    const v2 = tunnelOf(portRange(2)).phase2[0]!;
    expect(v2.status).toBe('up');
    expect(v2.installed).toBeUndefined();
    expect(installedOf(v2)?.responder).toEqual({ local: v2.negotiated?.remote, remote: v2.negotiated?.local });
    const same = pair({ a: 'strongswan', b: 'strongswan', v: 1, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24', { name: 'c1', protocol: 'tcp', remotePort: '1000' })], proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'c1', protocol: 'tcp', localPort: '1000' })] });
    expect(tunnelOf(same).phase2[0]!.status).toBe('up');
  });

  it('counts as up for the verdict, and a SELECTOR_ASYMMETRIC warning says who installs what and who drops', () => {
    const doc = portRange();
    const report = computeReport(doc);
    expect(designVerdict(report).comesUp).toBe(true);
    const t = report.tunnels[0]!;
    expect(t.status).toBe('up');
    const d = t.diagnostics.find((x) => x.code === 'SELECTOR_ASYMMETRIC');
    expect(d).toBeDefined();
    expect(d!.severity).toBe('warning');
    expect(d!.message).toContain('HQ installs 10.1.1.0/24[tcp] <-> 10.2.1.0/24[tcp/1000]');
    expect(d!.message).toContain('Branch installs 10.2.1.0/24[tcp/1000-2000] <-> 10.1.1.0/24[tcp]');
    expect(d!.message).toContain('HQ is the stricter end');
    expect(d!.provenance).toBe('verified');
    expect(t.diagnostics.some((x) => x.code === 'SELECTOR_NARROWED')).toBe(false);
  });

  it('offers a fix the engine checked: Branch mirrors HQ, and the child comes up symmetric', () => {
    const doc = portRange();
    const d = computeReport(doc).tunnels[0]!.diagnostics.find((x) => x.code === 'SELECTOR_ASYMMETRIC')!;
    expect(d.fix.length).toBe(1);
    expect(d.fixWithheld).toBeUndefined();
    expect(d.fixEffect).toMatch(/^Checked on a copy: .*this finding goes away/);
    const e = new Editor(doc);
    expect(e.dispatch({ type: 'batch', label: 'fix', commands: d.fix })).toEqual({ ok: true, changed: true });
    const after = computeReport(e.document).tunnels[0]!;
    expect(after.phase2[0]!.status).toBe('up');
    expect(after.diagnostics.some((x) => x.code === 'SELECTOR_ASYMMETRIC')).toBe(false);
  });

  it('check prints UP-ASYM with each end\'s installed selectors', async () => {
    const m = memoryIo({ 'a.json': serializeDocument(portRange()) });
    expect(await runCli(['check', 'a.json'], m.io)).toBe(0);
    expect(m.out()).toMatch(/phase 2 +UP-ASYM c1 +10\.1\.1\.0\/24\[tcp\] <-> 10\.2\.1\.0\/24\[tcp\] +HQ installs 10\.1\.1\.0\/24\[tcp\] <-> 10\.2\.1\.0\/24\[tcp\/1000\], Branch installs 10\.2\.1\.0\/24\[tcp\/1000-2000\] <-> 10\.1\.1\.0\/24\[tcp\]/);
    expect(m.out()).toContain('SELECTOR_ASYMMETRIC');
  });

  it('the rig comparison of the others\' oracle calls it inconsistent, with each end\'s selectors', () => {
    expect(reportToComparable(tunnelOf(portRange())).children['c1']).toEqual({
      status: 'inconsistent', responder_config: 'c1',
      initiator_local_ts: ['10.1.1.0/24[tcp]'], initiator_remote_ts: ['10.2.1.0/24[tcp/1000]'],
      responder_local_ts: ['10.2.1.0/24[tcp/1000-2000]'], responder_remote_ts: ['10.1.1.0/24[tcp]'],
    });
    expect(reportToComparable(tunnelOf(portRange(2))).children['c1']?.status).toBe('up');
  });

  it('the packet walk carries the port both ends installed and drops the rest of the range at the initiator', () => {
    const b = new TopologyBuilder('ports');
    const a = b.gateway({ name: 'A', vendor: 'strongswan', outside: '198.51.100.1/24', inside: '10.1.1.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a-lan', address: '10.1.1.0/24' }] });
    const sw = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.1.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b-lan', address: '10.2.1.0/24' }] });
    b.tunnel('a-b', a, sw, {
      ikeVersion: 1,
      a: { proxyIds: [{ name: 'c1', local: '10.1.1.0/24', remote: '10.2.1.0/24', protocol: 'tcp' }], routes: ['10.2.1.0/24'] },
      b: { proxyIds: [{ name: 'c1', local: '10.2.1.0/24', remote: '10.1.1.0/24', protocol: 'tcp', localPort: '1000-2000' }], routes: ['10.1.1.0/24'] },
    });
    const doc = b.build();
    const walk = (port: number): WalkResult => {
      const r = walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'tcp', port }, { negotiate: engineNegotiator });
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(walk(1000).outcome).toBe('delivered');
    const r = walk(1500);
    expect(r.outcome).toBe('dropped');
    const stop = r.steps.find((s) => !s.ok)!;
    expect(stop).toMatchObject({ gatewayName: 'A', kind: 'sa' });
    expect(stop.detail).toContain('up but asymmetric: A installed 10.1.1.0/24[tcp] ↔ 10.2.1.0/24[tcp/1000] and its peer 10.2.1.0/24[tcp/1000-2000] ↔ 10.1.1.0/24[tcp]');
  });

  it('swanctl --list-sas on each end shows the selectors that end installed', () => {
    const doc = portRange();
    const m = applyEvent(doc, initialMonitorState(doc, 0), { type: 'traffic', at: 0, tunnelId: doc.tunnels[0]!.id, end: 'a', index: 0 }, engineNegotiator);
    const show = (gw: string): string => {
      const r = runOpsCommand(doc, m, doc.gateways.find((g) => g.name === gw)!, 'swanctl --list-sas');
      if (!r.ok) throw new Error(r.message);
      return r.text;
    };
    expect(show('HQ')).toMatch(/remote +10\.2\.1\.0\/24\[tcp\/1000\]\s/);
    expect(show('Branch')).toMatch(/local +10\.2\.1\.0\/24\[tcp\/1000-2000\]/);
  });
});

describe('an end that installs its own configured selectors', () => {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = genericInstallsOwn();
  });
  afterEach(() => restore());

  it('the generic initiator keeps its /16s while strongSwan installs the /24s it narrowed to', () => {
    const p = tunnelOf(wideOwn()).phase2[0]!;
    expect(p.status).toBe('asymmetric');
    expect(p.negotiated).toEqual({ local: ['10.1.1.0/24'], remote: ['10.2.1.0/24'] });
    expect(p.installed).toEqual({ initiator: { local: ['10.1.0.0/16'], remote: ['10.2.0.0/16'] }, responder: { local: ['10.2.1.0/24'], remote: ['10.1.1.0/24'] } });
    expect(p.rules).toContain(OWN_RULE.id);
    expect(asymmetryOf(p)?.stricter).toBe('responder');
    const d = computeReport(wideOwn()).tunnels[0]!.diagnostics.find((x) => x.code === 'SELECTOR_ASYMMETRIC')!;
    expect(d.message).toContain('Branch is the stricter end');
    expect(d.provenance).toBe('assumed');
    expect(d.fixEffect).toMatch(/this finding goes away/);
  });

  it('without the override the same design is up, narrowed, not asymmetric', () => {
    restore();
    const p = tunnelOf(wideOwn()).phase2[0]!;
    expect(p.status).toBe('up');
  });

  it('the packet walk delivers inside both ends\' selectors and drops the difference at the stricter end', () => {
    const b = new TopologyBuilder('own');
    const a = b.gateway({ name: 'A', vendor: 'generic', outside: '198.51.100.1/24', inside: '10.1.1.1/24', position: { x: 0, y: 300 }, networks: [{ name: 'a-lan', address: '10.1.1.0/24' }, { name: 'a-far', address: '10.1.5.0/24' }] });
    const sw = b.gateway({ name: 'B', vendor: 'strongswan', outside: '203.0.113.2/24', inside: '10.2.1.1/24', position: { x: 600, y: 300 }, networks: [{ name: 'b-lan', address: '10.2.1.0/24' }] });
    b.tunnel('a-b', a, sw, {
      ikeVersion: 2,
      a: { proxyIds: [{ name: 'c1', local: '10.1.0.0/16', remote: '10.2.0.0/16' }], routes: ['10.2.0.0/16'] },
      b: { proxyIds: [{ name: 'c1', local: '10.2.1.0/24', remote: '10.1.1.0/24' }], routes: ['10.1.0.0/16'] },
    });
    const doc = b.build();
    const ok = (r: ReturnType<typeof walkPacket>): WalkResult => {
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(ok(walkPacket(doc, { from: 'a-lan', to: 'b-lan', protocol: 'icmp' }, { negotiate: engineNegotiator })).outcome).toBe('delivered');
    const far = ok(walkPacket(doc, { from: 'a-far', to: 'b-lan', protocol: 'icmp' }, { negotiate: engineNegotiator }));
    expect(far.outcome).toBe('dropped');
    const stop = far.steps.find((s) => !s.ok)!;
    expect(stop.gatewayName).toBe('B');
    expect(stop.kind).toBe('inbound-check');
    expect(stop.detail).toContain('up but asymmetric');
    expect(stop.detail).toContain('B installed 10.2.1.0/24 ↔ 10.1.1.0/24');
  });
});
