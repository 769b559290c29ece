// Who initiates: every tunnel with each end as initiator and a rekey started by either end
// (byInitiator), the statement when they differ, its findings, and the check command's line.
import { describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import { NegotiationReportSchema, type TunnelReport } from '../../../shared/engine/report';
import type { TopologyDocument } from '../../../shared/model/document';
import { fullMesh } from '../../../shared/templates/full-mesh';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';
import { TEMPLATES } from '../../../shared/templates/index';
import { runCli } from '../../../shared/cli/main';
import { serializeDocument } from '../../../shared/document/file';
import { memoryIo } from '../../support/memory-io';
import { BR, HQ, clone, pair, panAsaIkev2, pid } from './build';

const only = (doc: TopologyDocument): TunnelReport => negotiateTunnel(doc, doc.tunnels[0]!.id);

describe('byInitiator: the two directions', () => {
  it('PAN-OS ↔ ASA over IKEv2 comes up only when the ASA initiates', () => {
    const r = only(panAsaIkev2('b'));
    // The chosen initiator's full entry is the report itself, as before.
    expect(r.initiator).toBe('ASA-Branch');
    expect(r.status).toBe('up');
    const b = r.byInitiator!;
    expect(b.agree).toBe(false);
    expect(b.a).toMatchObject({ initiator: 'PA-HQ', phase1: 'up', status: 'down', comesUp: false, phase2: [{ local: '0.0.0.0/0', remote: '0.0.0.0/0', status: 'down', notify: 'TS_UNACCEPTABLE' }] });
    expect(b.a.reason).toContain('TS_UNACCEPTABLE');
    expect(b.b).toMatchObject({ initiator: 'ASA-Branch', phase1: 'up', status: 'up', comesUp: true, phase2: [{ local: '10.20.0.0/24', remote: '10.10.0.0/24', status: 'up' }] });
    expect(b.statement).toBe('Comes up only when ASA-Branch initiates; a rekey started by PA-HQ fails (TS_UNACCEPTABLE)');
    const d = r.diagnostics.find((x) => x.code === 'INITIATOR_DEPENDENT')!;
    expect(d).toMatchObject({ severity: 'warning', end: 'a', gateway: 'PA-HQ' });
    expect(d.message).toContain('comes up only when ASA-Branch initiates: when PA-HQ initiates, the engine predicts 1 of 1 phase-2 SA fail');
    // Its fix is the failing direction's own (the mirrored proxy ID on PA-HQ), kept by the fix check.
    expect(d.fix).toEqual([expect.objectContaining({ type: 'proxyId.setAll', end: 'a' })]);
    expect(d.fixEffect).toContain('Checked on a copy');
    // The rekey from PA-HQ fails for the same reason: INITIATOR_DEPENDENT says it, no second finding.
    expect(r.diagnostics.map((x) => x.code)).not.toContain('REKEY_FAILS');
  });

  it('says the same when the failing end is the chosen initiator, whose own entry stays the report', () => {
    const r = only(panAsaIkev2('a'));
    expect(r.initiator).toBe('PA-HQ');
    expect(r.status).toBe('down');
    expect(r.byInitiator?.statement).toMatch(/^Comes up only when ASA-Branch initiates/);
    expect(r.diagnostics.map((x) => x.code)).toEqual(expect.arrayContaining(['DEFAULT_SELECTOR_VS_POLICY_BASED_PEER', 'INITIATOR_DEPENDENT']));
  });

  it('once the fix is applied both directions agree, and nothing is stated', () => {
    const fixed = panAsaIkev2('b', (d) => {
      d.tunnels[0]!.a.proxyIds = [{ name: 'ACL-VPN line 1', local: '10.10.0.0/24', remote: '10.20.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' }];
    });
    const r = only(fixed);
    expect(r.byInitiator).toMatchObject({ agree: true, a: { comesUp: true }, b: { comesUp: true } });
    expect(r.byInitiator?.statement).toBeUndefined();
    expect(r.diagnostics.map((x) => x.code)).not.toContain('INITIATOR_DEPENDENT');
  });

  it('the IKEv1 template fails either way: both down is one verdict, nothing is stated', () => {
    const doc = panAsaInterop();
    const r = only(doc);
    expect(r.byInitiator).toMatchObject({ a: { comesUp: false, status: 'down' }, b: { comesUp: false, status: 'down' } });
    expect(r.byInitiator?.statement).toBeUndefined();
    expect(r.diagnostics.map((x) => x.code)).not.toContain('INITIATOR_DEPENDENT');
  });

  it('the seed scenario of one-way proxy IDs: only SITE-A initiating brings both selectors up', () => {
    const template = TEMPLATES.find((t) => t.id === 'scenario-asymmetric-proxy-ids-one-way')!;
    const r = computeReport(template.build()).tunnels[0]!;
    expect(r.byInitiator).toMatchObject({ a: { initiator: 'SITE-A', comesUp: true }, b: { initiator: 'SITE-B', comesUp: false, status: 'partial' } });
    expect(r.byInitiator?.statement).toBe('Comes up only when SITE-A initiates; a rekey started by SITE-B fails (INVALID_ID_INFORMATION)');
    const d = r.diagnostics.find((x) => x.code === 'INITIATOR_DEPENDENT')!;
    expect(d.message).toContain('when SITE-B initiates, the engine predicts 1 of 2 phase-2 SAs fail');
    expect(d.fixLabel).toBe('Add the mirror proxy ID to SITE-A');
    expect(d.fixEffect).toMatch(/^Checked on a copy: .*this finding goes away/);
  });

  it('mirrored designs agree for every tunnel, in the whole report too', () => {
    const report = computeReport(fullMesh());
    expect(report.tunnels.length).toBeGreaterThan(0);
    for (const t of report.tunnels) {
      expect(t.byInitiator, t.tunnel).toMatchObject({ agree: true, a: { comesUp: true }, b: { comesUp: true } });
      expect(t.byInitiator?.statement).toBeUndefined();
    }
    expect(NegotiationReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  it('an end that is passive never initiates: no statement about initiation, but its rekey still counts', () => {
    const r = only(panAsaIkev2('b', (d) => void (d.tunnels[0]!.a.passive = true)));
    expect(r.byInitiator?.a).toMatchObject({ passive: true, comesUp: false });
    expect(r.diagnostics.map((x) => x.code)).not.toContain('INITIATOR_DEPENDENT');
    expect(r.byInitiator?.statement).toBe('A rekey started by PA-HQ fails (TS_UNACCEPTABLE)');
    const d = r.diagnostics.find((x) => x.code === 'REKEY_FAILS')!;
    expect(d).toMatchObject({ severity: 'warning', end: 'a', gateway: 'PA-HQ', fix: [] });
    expect(d.message).toBe('A phase-2 rekey started by PA-HQ (CREATE_CHILD_SA) fails: default 0.0.0.0/0 <-> 0.0.0.0/0: TS_UNACCEPTABLE (ASA-Branch has no proxy ID that accepts 0.0.0.0/0 <-> 0.0.0.0/0 (it accepts only a proposal inside one of its entries).).');
  });

  it('both ends passive: nobody initiates, the summary still says what each would get, and states nothing', () => {
    const r = only(panAsaIkev2('b', (d) => {
      d.tunnels[0]!.a.passive = true;
      d.tunnels[0]!.b.passive = true;
    }));
    expect(r.status).toBe('down');
    expect(r.diagnostics.map((x) => x.code)).toContain('BOTH_ENDS_PASSIVE');
    expect(r.byInitiator).toMatchObject({ a: { passive: true, comesUp: false }, b: { passive: true, comesUp: true } });
    expect(r.byInitiator?.statement).toBeUndefined();
  });

  it('a triggered negotiation (the packet walk) asks for one direction only', () => {
    const doc = panAsaIkev2('b');
    const r = negotiateTunnel(doc, doc.tunnels[0]!.id, { packet: { source: '10.20.0.5', destination: '10.10.0.5' } });
    expect(r.byInitiator).toBeUndefined();
  });
});

describe('byInitiator: a rekey started by either end', () => {
  /** Two strongSwan IKEv2 ends with mirrored selectors and PFS groups of their own. */
  function pfs(groupA: number[], groupB: number[]): TopologyDocument {
    const doc = clone(pair({ a: 'strongswan', b: 'strongswan', v: 2, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] }));
    const t = doc.tunnels[0]!;
    t.a.esp.proposals = t.a.esp.proposals.map((p) => ({ ...p, dhGroups: groupA as never }));
    t.b.esp.proposals = t.b.esp.proposals.map((p) => ({ ...p, dhGroups: groupB as never }));
    return doc as TopologyDocument;
  }

  it('the same PFS group: every rekey comes up from either end', () => {
    const r = only(pfs([14], [14]));
    expect(r.status).toBe('up');
    for (const k of ['a', 'b'] as const) {
      expect(r.byInitiator?.[k].rekey).toMatchObject({ a: { status: 'up' }, b: { status: 'up' } });
    }
    expect(r.byInitiator).toMatchObject({ agree: true });
  });

  it('different PFS groups: the first child comes up (IKE_AUTH has no KE), a rekey from either end fails', () => {
    const r = only(pfs([14], [19]));
    expect(r.status).toBe('up');
    expect(r.phase2[0]?.pfs?.status).toBe('deferred');
    const b = r.byInitiator!;
    expect(b.a).toMatchObject({ comesUp: true, rekey: { a: { status: 'down', phase2: [{ status: 'down', notify: 'NO_PROPOSAL_CHOSEN' }] }, b: { status: 'down' } } });
    expect(b.agree).toBe(false);
    expect(b.statement).toBe('A rekey started by HQ fails (NO_PROPOSAL_CHOSEN); a rekey started by Branch fails (NO_PROPOSAL_CHOSEN)');
    // PFS_MISMATCH_AT_REKEY already explains it: no second finding.
    const codes = r.diagnostics.map((x) => x.code);
    expect(codes).toContain('PFS_MISMATCH_AT_REKEY');
    expect(codes).not.toContain('REKEY_FAILS');
  });

  it('IKEv1: Quick Mode is the same exchange at a rekey, so one up is both', () => {
    const doc = clone(pair({ a: 'strongswan', b: 'strongswan', v: 1, proxyA: [pid(HQ, BR)], proxyB: [pid(BR, HQ)] }));
    const r = only(doc as TopologyDocument);
    expect(r.byInitiator?.a.rekey).toMatchObject({ a: { status: 'up' }, b: { status: 'up' } });
  });
});

describe('check prints the statement', () => {
  it('under the tunnel line, with each direction', async () => {
    const m = memoryIo({ 'p.json': serializeDocument(panAsaIkev2('b')) });
    expect(await runCli(['check', 'p.json'], m.io)).toBe(0);
    expect(m.out()).toContain('  initiator Comes up only when ASA-Branch initiates; a rekey started by PA-HQ fails (TS_UNACCEPTABLE) (PA-HQ initiates: down; ASA-Branch initiates: up)');
    expect(m.out()).toContain('warning INITIATOR_DEPENDENT (PA-HQ)');
  });

  it('--json carries byInitiator, valid against the schema', async () => {
    const m = memoryIo({ 'p.json': serializeDocument(panAsaIkev2('b')) });
    await runCli(['check', 'p.json', '--json'], m.io);
    const report = JSON.parse(m.out());
    expect(NegotiationReportSchema.safeParse(report).success).toBe(true);
    expect(report.tunnels[0].byInitiator.statement).toMatch(/^Comes up only when ASA-Branch initiates/);
  });
});
