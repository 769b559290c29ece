// Generated swanctl.conf is real: two strongSwan gateways are drawn, exported with
// shared/export, and the two generated files are loaded into two real charon daemons
// (`swanctl --load-all`) that negotiate in network namespaces (test/oracle/harness). What they do
// must be exactly what the engine (computeReport) predicts for the same document: phase 1, and
// per proxy ID the child's status and its negotiated selectors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/engine/report-cache';
import { exportDocument } from '../../shared/export/export';
import type { EspProposal, IkeProposal, ProxyId, TopologyDocument } from '../../shared/model/document';
import { TopologyBuilder } from '../../shared/templates/build';
import { buildDesign, design as randomDesign } from '../shared/export/random-design';
import { runSwanctlPair } from './harness/interop';
import { swanctlChildNames } from './harness/swanctl-children';
import { selectorSet } from './harness/selector';
import { oracleAvailability } from './harness/system';

const available = oracleAvailability();

interface Scenario {
  id: string;
  ikeVersion: 1 | 2;
  a: Partial<ProxyId>[];
  b: Partial<ProxyId>[];
  aIke?: IkeProposal[];
  bIke?: IkeProposal[];
  aEsp?: EspProposal[];
  bEsp?: EspProposal[];
  pskB?: string;
  /** What the engine must predict here (so the scenario set keeps both outcomes covered). */
  expect: 'up' | 'partial' | 'down';
  /** Export warnings the scenario must produce (everything else must export cleanly). */
  warns?: string[];
  /** Both gateways route-based: children get XFRM interface ids (if_id_in/if_id_out). */
  routeBased?: boolean;
}

const p = (local: string, remote: string, extra: Partial<ProxyId> = {}): Partial<ProxyId> => ({ local, remote, ...extra });

const SCENARIOS: Scenario[] = [
  { id: 'v2-mirrored', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')], expect: 'up' },
  { id: 'v1-mirrored', ikeVersion: 1, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')], expect: 'up' },
  { id: 'v2-two-proxy-ids', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24'), p('10.1.1.0/24', '10.2.1.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24'), p('10.2.1.0/24', '10.1.1.0/24')], expect: 'up' },
  { id: 'v2-responder-narrows', ikeVersion: 2, a: [p('10.1.0.0/16', '10.2.0.0/16')], b: [p('10.2.1.0/24', '10.1.1.0/24')], expect: 'up' },
  { id: 'v2-one-of-two-fails', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24'), p('10.1.5.0/24', '10.2.5.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')], expect: 'partial' },
  { id: 'v2-reversed', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.1.0.0/24', '10.2.0.0/24')], expect: 'down' },
  { id: 'v2-tcp-port-and-range', ikeVersion: 2, a: [p('10.1.0.5-10.1.0.20', '10.2.0.0/24', { protocol: 'tcp', remotePort: '443' })], b: [p('10.2.0.0/24', '10.1.0.0/24', { protocol: 'tcp', localPort: '443' })], expect: 'up' },
  { id: 'v1-port', ikeVersion: 1, a: [p('10.1.0.0/24', '10.2.0.0/24', { protocol: 'udp', remotePort: '500' })], b: [p('10.2.0.0/24', '10.1.0.0/24', { protocol: 'udp', localPort: '500' })], expect: 'up' },
  { id: 'v2-ipv6', ikeVersion: 2, a: [p('2001:db8:1::/64', '2001:db8:2::/64')], b: [p('2001:db8:2::/64', '2001:db8:1::/64')], expect: 'up' },
  {
    id: 'v2-ike-proposal-mismatch', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')],
    bIke: [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [19] }], expect: 'down',
  },
  {
    id: 'v2-esp-proposal-mismatch', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')],
    bEsp: [{ encryption: ['aes128gcm16'], integrity: ['none'], dhGroups: [14] }], expect: 'down',
  },
  {
    id: 'v2-several-proposals', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')],
    aIke: [{ encryption: ['aes128gcm16'], integrity: ['sha256'], dhGroups: [31] }, { encryption: ['aes256'], integrity: ['sha384', 'sha256'], dhGroups: [20, 14] }],
    bIke: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }],
    aEsp: [{ encryption: ['aes256gcm16'], integrity: ['none'], dhGroups: [] }, { encryption: ['aes128'], integrity: ['sha256'], dhGroups: [] }],
    bEsp: [{ encryption: ['aes128'], integrity: ['sha256'], dhGroups: [] }], expect: 'up',
  },
  { id: 'v2-route-based-if-id', ikeVersion: 2, routeBased: true, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')], expect: 'up', warns: ['ROUTES_MANUAL', 'ROUTES_MANUAL'] },
  { id: 'v2-psk-mismatch', ikeVersion: 2, a: [p('10.1.0.0/24', '10.2.0.0/24')], b: [p('10.2.0.0/24', '10.1.0.0/24')], pskB: 'another-key', expect: 'down' },
];

function build(s: Scenario): TopologyDocument {
  const b = new TopologyBuilder(`export oracle ${s.id}`);
  const vpnType = s.routeBased ? 'route-based' : 'policy-based';
  const gwA = b.gateway({ name: 'A', vendor: 'strongswan', outside: '192.0.2.1/24', position: { x: 0, y: 0 }, vpnType });
  const gwB = b.gateway({ name: 'B', vendor: 'strongswan', outside: '192.0.2.2/24', position: { x: 400, y: 0 }, vpnType });
  const routes = (side: Partial<ProxyId>[]) => (s.routeBased ? side.map((x) => x.remote ?? '') : []);
  const t = b.tunnel('t1', gwA, gwB, { ikeVersion: s.ikeVersion, psk: 'shared-key', a: { proxyIds: s.a, routes: routes(s.a) }, b: { proxyIds: s.b, routes: routes(s.b) } });
  if (s.aIke) t.a.ike.proposals = s.aIke;
  if (s.bIke) t.b.ike.proposals = s.bIke;
  if (s.aEsp) t.a.esp.proposals = s.aEsp;
  if (s.bEsp) t.b.esp.proposals = s.bEsp;
  if (s.pskB) t.b.auth.psk = s.pskB;
  return b.build();
}


describe.skipIf(!available.ok)(`exported swanctl.conf in real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  it.concurrent.each(SCENARIOS)('$id: loads, and negotiates as the engine predicts', async (s) => {
    const doc = build(s);
    const exported = exportDocument(doc, { includeSecrets: true, skipEngineCheck: true });
    const confA = exported.files.find((f) => f.name === 'A.swanctl.conf')?.content ?? '';
    const confB = exported.files.find((f) => f.name === 'B.swanctl.conf')?.content ?? '';
    expect(exported.warnings.filter((w) => w.code !== 'ROUTES_DERIVED').map((w) => w.code)).toEqual(s.warns ?? []);
    if (s.routeBased) expect(confA).toMatch(/if_id_in = 1\n\s+if_id_out = 1/);
    const children = swanctlChildNames(confA);
    expect(children.length).toBe(s.a.length);

    const observed = await runSwanctlPair({ label: `export-${s.id}`, initiatorConf: confA, responderConf: confB, initiate: children });
    expect(observed.load_error, 'charon refused the generated configuration').toBeNull();
    expect(observed.install_errors).toEqual([]);
    expect(observed.not_observable).toEqual([]);

    const report = computeReport(doc).tunnels[0];
    expect(report).toBeDefined();
    if (!report) return;
    expect(report.status, 'the scenario covers the outcome it is meant to').toBe(s.expect);
    expect(observed.ike, 'phase 1').toBe(report.phase1.status);
    if (report.phase1.status === 'down') return;
    for (const entry of report.phase2) {
      const idx = entry.initiatorProxyIds[0];
      // Child names: the connection's name for one proxy ID, else "<conn>-<proxy ID number>".
      const child = idx === undefined ? undefined : s.a.length === 1 ? children[0] : children.find((c) => c.endsWith(`-${idx + 1}`));
      expect(child, `child of phase-2 entry ${entry.index}`).toBeDefined();
      const got = observed.children[child as string];
      expect(got?.status, `${child}: status`).toBe(entry.status);
      if (entry.status === 'up') {
        expect(selectorSet(got?.initiator_local_ts), `${child}: local selectors`).toEqual(selectorSet(entry.negotiated?.local));
        expect(selectorSet(got?.initiator_remote_ts), `${child}: remote selectors`).toEqual(selectorSet(entry.negotiated?.remote));
      }
    }
  });
});

// IKEv1 identities carry one port (RFC 2407 §4.6.2). The exporter warns; real charon negotiates
// the first port of the range only, and the engine predicts exactly that.
describe.skipIf(!available.ok)(`IKEv1 port range${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  const s: Scenario = { id: 'v1-port-range', ikeVersion: 1, a: [p('10.1.0.0/24', '10.2.0.0/24', { protocol: 'udp', remotePort: '1000-2000' })], b: [p('10.2.0.0/24', '10.1.0.0/24', { protocol: 'udp', localPort: '1000-2000' })], expect: 'up' };

  it('is exported with a warning on both ends, and charon negotiates only the first port', async () => {
    const doc = build(s);
    const exported = exportDocument(doc, { includeSecrets: true, skipEngineCheck: true });
    expect(exported.warnings.filter((w) => w.code === 'PORT_RANGE_UNSUPPORTED').map((w) => w.gateway).sort()).toEqual(['A', 'B']);
    const confA = exported.files.find((f) => f.name === 'A.swanctl.conf')?.content ?? '';
    const confB = exported.files.find((f) => f.name === 'B.swanctl.conf')?.content ?? '';
    const observed = await runSwanctlPair({ label: 'export-v1-port-range', initiatorConf: confA, responderConf: confB, initiate: ['t1'] });
    expect(observed.load_error).toBeNull();
    expect(observed.children['t1']?.status).toBe('up');
    expect(selectorSet(observed.children['t1']?.initiator_remote_ts)).toEqual(['10.2.0.0/24[udp/1000]']);
  });

  it('the engine predicts the same first port', () => {
    const entry = computeReport(build(s)).tunnels[0]?.phase2[0];
    expect(selectorSet(entry?.negotiated?.remote)).toEqual(['10.2.0.0/24[udp/1000]']);
  });
});

// Random designs (seeded): whatever the design, the generated swanctl.conf of both ends loads into
// charon (swanctl --load-all reports no error) and the pair runs. What they negotiate is compared
// with the engine only for the curated scenarios above: on random designs the engine and charon
// still differ in places the exporter does not decide (see the report of issue 6).
describe.skipIf(!available.ok)(`random designs load into real charon${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  const designs = fc.sample(randomDesign, { numRuns: Number(process.env['EXPORT_RANDOM_RUNS'] ?? 24), seed: Number(process.env['EXPORT_RANDOM_SEED'] ?? 3) });
  it.concurrent.each(designs.map((d, i) => ({ d, i })))('random $i: both ends load', async ({ d, i }) => {
    const doc = buildDesign(d, ['192.0.2.1/24', '192.0.2.2/24'], ['strongswan', 'strongswan']);
    const r = exportDocument(doc, { includeSecrets: true, skipEngineCheck: true });
    const confA = r.files.find((f) => f.name === 'A.swanctl.conf')?.content ?? '';
    const confB = r.files.find((f) => f.name === 'B.swanctl.conf')?.content ?? '';
    const children = swanctlChildNames(confA);
    if (children.length === 0) {
      // Every selector mixed address families, or the tunnel was refused (no proposal charon can
      // negotiate with IKEv1): nothing to negotiate, and the export said so.
      expect(r.warnings.some((w) => (w.code === 'MIXED_ADDRESS_FAMILIES' || w.code === 'VALUE_UNSUPPORTED') && w.gateway === 'A')).toBe(true);
      return;
    }
    const observed = await runSwanctlPair({ label: `export-rnd-${i}`, initiatorConf: confA, responderConf: confB, initiate: children });
    expect(observed.load_error).toBeNull();
  });
});
