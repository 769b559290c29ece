// The corrected configuration of an imported Junos SRX is written in the box's own names: its IKE
// and IPsec proposals, policies, gateway and VPN, traffic selectors, security policies (and their
// zones), address-book entries and NAT exemption rule, which the reader records per tunnel end
// (options.ts, JunosEndOptions). So the "Changes since import" diff of the box (importChanges) is
// what to paste there. The pair is Juniper's two examples in test/fixtures/import/docs/junos-srx/
// (SRX1 route-based, as `display set`; SRX2 policy-based, hierarchical; their headers cite the
// examples), made to agree on their proposals; each case makes one box wrong for one cause and
// applies the engine's first offered fix, which lands on that box. The paste is then applied by
// the product's CLI model (junosPaste.apply) to the box's OWN file, and the two files imported
// again: the tunnel is up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../shared/commands/commands';
import { computeReport } from '../../../../shared/engine/report-cache';
import { importChanges, type BoxChanges } from '../../../../shared/export/changes';
import { exportDocument } from '../../../../shared/export/export';
import { importConfigurations } from '../../../../shared/import/import';
import type { TopologyDocument } from '../../../../shared/model/document';
import { junosEndOptions } from '../../../../shared/vendors/junos-srx/options';
import { junosPaste } from '../../../../shared/vendors/junos-srx/paste';
import { statementsOf } from '../../../../shared/vendors/junos-srx/statements';
import { vendor } from '../../../../shared/vendors/junos-srx/vendor';
import { editEach, editOnce as edit } from '../../../support/fixture-edit';

const DOCS = join(__dirname, '../../../fixtures/import/docs/junos-srx');
const SRX1 = readFileSync(join(DOCS, 'route-based-srx1.display-set.txt'), 'utf8');
/** SRX2 with SRX1's proposals (the examples differ), so that only the cause of each case is wrong. */
const SRX2 = editEach(
  readFileSync(join(DOCS, 'policy-based-srx2.hierarchical.txt'), 'utf8'),
  ['encryption-algorithm aes-128-cbc;\n            lifetime-seconds 86400;', 'encryption-algorithm aes-256-cbc;\n            lifetime-seconds 28800;'],
  ['authentication-algorithm hmac-sha1-96;\n            encryption-algorithm aes-128-cbc;', 'authentication-algorithm hmac-sha-256-128;\n            encryption-algorithm aes-256-cbc;'],
  ['policy IPSEC-POL {\n            proposals IPSEC-PROP;', 'policy IPSEC-POL {\n            perfect-forward-secrecy keys group14;\n            proposals IPSEC-PROP;'],
);
/** SRX1 with a traffic selector of its own name toward SRX2's policy-based proxy ID. */
const SRX1_TS = edit(SRX1, 'set security ipsec vpn VPN-to-Host2 ike idle-time 60\n', 'set security ipsec vpn VPN-to-Host2 ike idle-time 60\nset security ipsec vpn VPN-to-Host2 traffic-selector host1-host2 local-ip 10.100.11.0/24\nset security ipsec vpn VPN-to-Host2 traffic-selector host1-host2 remote-ip 10.100.22.0/24\n');

function imported(srx1: string, srx2: string, initiator: 0 | 1): TopologyDocument {
  const r = importConfigurations([{ name: 'SRX1.txt', content: srx1 }, { name: 'SRX2.txt', content: srx2 }], { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const endOf = (doc: TopologyDocument, host: string) => {
  const g = doc.gateways.find((x) => x.name === host);
  const t = doc.tunnels[0];
  return t?.a.gatewayId === g?.id ? t?.a : t?.b;
};
const fileOf = (doc: TopologyDocument, host: string): string => exportDocument(doc, { gateways: [doc.gateways.find((g) => g.name === host)?.id ?? ''], skipEngineCheck: true }).files[0]?.content ?? '';

/** A hierarchical file's statements in effect as `display set` lines (what the CLI model reads). */
function displaySet(text: string): string {
  const quote = (w: string) => (/^[^\s"]+$/u.test(w) ? w : `"${w.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`);
  return statementsOf(text).statements.filter((s) => !s.inactive).map((s) => `set ${s.words.map(quote).join(' ')}`).join('\n') + '\n';
}

/** The engine's first offered fix applied; the changed box's Changes since import, the other box unchanged. */
function fixed(doc: TopologyDocument, host: string): { doc: TopologyDocument; box: BoxChanges; changed: string[] } {
  const d = computeReport(doc).tunnels[0]?.diagnostics.find((x) => (x.fix?.length ?? 0) > 0);
  expect(d, 'a fix is offered').toBeDefined();
  const after = produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
  expect(computeReport(after).tunnels[0]?.status, d?.fixLabel).toBe('up');
  const changes = importChanges(after);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.gateway === host || b.files.some((f) => f.name.startsWith(host)));
  if (!box) throw new Error(`no box ${host}`);
  expect(box.status).toBe('changed');
  expect(changes.boxes.filter((b) => b !== box).map((b) => b.status)).toEqual(['unchanged']);
  const changed = box.files.flatMap((f) => f.patch.split('\n')).filter((l) => /^[-+](?![-+]{2} )/u.test(l) && !/^[-+]#/u.test(l));
  return { doc: after, box, changed };
}

/** The box's paste applied to its own file by the CLI model, and the pair imported again: the tunnel is up. */
function pastedOnTheBox(box: BoxChanges, own: string, other: string, host: 'SRX1' | 'SRX2', initiator: 0 | 1): string {
  const script = box.files[0]?.paste;
  if (!script) throw new Error('no paste');
  const r = junosPaste.apply(own, script);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}\n${script.text}`);
  const doc = imported(host === 'SRX1' ? r.config : other, host === 'SRX1' ? other : r.config, initiator);
  const t = computeReport(doc).tunnels[0];
  expect(t?.status, t?.diagnostics.map((x) => x.code).join(', ')).toBe('up');
  return r.config;
}

/** Names the export makes up for a tunnel drawn in the app (the tunnel's name is "SRX1 - SRX2"). */
const DERIVED = /SRX1---SRX2|\bike-|\bgw-|\besp-|\bipsec-(?!vpn\b)/u;

const SRX1_NAMES = {
  ipsecVpn: 'VPN-to-Host2', ikeGateway: 'IKE-GW', ikePolicy: 'IKE-POL', ikeProposals: 'IKE-PROP', ipsecPolicy: 'IPSEC-POL', ipsecProposals: 'IPSEC-PROP',
  localZone: 'trust', tunnelZone: 'vpn', policiesOut: 'VPN-OUT', policiesIn: 'VPN-IN', policyOutMatch: 'Host1:Site2:any', policyInMatch: 'Host2:Host1:junos-https',
  addressBook: '10.100.11.0/24=Host1:Host1,10.100.22.0/24=Host2:Host2,198.51.100.0/24=Host2:Lab2',
};

describe('an imported Junos SRX is exported in its own names', () => {
  it('records the names of both boxes, from the display-set and the hierarchical file alike', () => {
    const doc = imported(SRX1, SRX2, 0);
    expect(endOf(doc, 'SRX1')?.vendorOptions).toEqual({ 'junos-srx': SRX1_NAMES });
    expect(endOf(doc, 'SRX2')?.vendorOptions).toEqual({
      'junos-srx': {
        ipsecVpn: 'VPN-to-Host1', ikeGateway: 'GW-SRX1', ikePolicy: 'IKE-POL', ikeProposals: 'IKE-PROP', ipsecPolicy: 'IPSEC-POL', ipsecProposals: 'IPSEC-PROP',
        localZone: 'trust', tunnelZone: 'untrust', policiesOut: 'vpn-out', policiesIn: 'vpn-in',
        addressBook: '10.100.22.0/24=global:Host2,10.100.11.0/24=global:Host1', natRuleSet: 'trust-to-untrust', natRule: 'no-nat-vpn', natRuleMatch: '10.100.22.0/24:10.100.11.0/24',
      },
    });
    expect(endOf(imported(SRX1_TS, SRX2, 0), 'SRX1')?.vendorOptions['junos-srx']?.['trafficSelectors']).toBe('host1-host2');
  });

  it('the box as imported exports its own VPN statements: each line of its IKE, IPsec, policies, address book and NAT is the box\'s', () => {
    const doc = imported(SRX1_TS, SRX2, 0);
    // One statement a value, as the box has them: a policy's `match` keys and `[ … ]` lists split.
    const statements = (text: string) =>
      text.split('\n').filter((l) => /^set security (?:ike|ipsec|policies|address-book|nat) /u.test(l) && !/pre-shared-key|local-address/u.test(l)).flatMap((l) => {
        const m = / match ((?:source-address|destination-address|application) .*)$/u.exec(l);
        const head = m ? l.slice(0, m.index) : l;
        const rest = m ? (m[1] as string) : '';
        if (!m) {
          const list = /^(.*) \[ (.*) \]$/u.exec(l);
          return list ? (list[2] as string).split(' ').map((v) => `${list[1] as string} ${v}`) : [l];
        }
        return [...rest.matchAll(/(source-address|destination-address|application) (\[ [^\]]+ \]|\S+)/gu)].flatMap((k) => (k[2] as string).replace(/^\[ | \]$/gu, '').split(' ').map((v) => `${head} match ${k[1] as string} ${v}`));
      });
    for (const [host, own] of [['SRX1', SRX1_TS], ['SRX2', displaySet(SRX2)]] as const) {
      const out = statements(fileOf(doc, host));
      expect(out.length, host).toBeGreaterThan(20);
      const box = new Set(statements(own));
      // Written otherwise than the file has them, with the same meaning: the external interface as
      // its logical unit (ge-0/0/1 is ge-0/0/1.0), what a configuration group gives the VPN, and a
      // traffic selector's two statements on one line; Junos's default IKE version (v1-only) written out.
      const same = /external-interface|dead-peer-detection|establish-tunnels|version v1-only$|traffic-selector host1-host2 local-ip 10.100.11.0\/24 remote-ip 10.100.22.0\/24$/u;
      expect(out.filter((l) => !box.has(l) && !same.test(l)), host).toEqual([]);
    }
  });

  it('the names come from the recorded settings: without them the same boxes export derived names', () => {
    const doc = produce(imported(SRX1, SRX2, 0), (d) => {
      for (const t of d.tunnels) for (const e of [t.a, t.b]) e.vendorOptions = {};
    });
    expect(fileOf(doc, 'SRX1')).toContain('set security ipsec vpn SRX1---SRX2 ike gateway gw-SRX1---SRX2\n');
    expect(fileOf(doc, 'SRX2')).toContain('set security nat source rule-set no-nat-SRX1---SRX2 from zone trust\n');
    expect(fileOf(doc, 'SRX1')).not.toContain('IKE-GW');
  });

  it('SRX1 with no traffic selector against the policy-based SRX2: the fix adds one to the box\'s VPN, and nothing else changes', () => {
    const { box, changed } = fixed(imported(SRX1, SRX2, 0), 'SRX1');
    expect(changed).toEqual(['+set security ipsec vpn VPN-to-Host2 traffic-selector ts-1 local-ip 10.100.11.0/24 remote-ip 10.100.22.0/24']);
    expect(box.files[0]?.paste?.text).toBe('set security ipsec vpn VPN-to-Host2 traffic-selector ts-1 local-ip 10.100.11.0/24 remote-ip 10.100.22.0/24\n');
    const after = pastedOnTheBox(box, SRX1, SRX2, 'SRX1', 0);
    // The box's deactivated route and policy stay deactivated, its groups applied.
    expect(after).toContain('deactivate routing-options static route 198.51.100.0/24\n');
  });

  it('SRX1\'s traffic selector reversed: the fix swaps the box\'s own selector; its policies and routes are as the box has them', () => {
    const reversed = editEach(SRX1_TS, ['selector host1-host2 local-ip 10.100.11.0/24', 'selector host1-host2 local-ip 10.100.22.0/24'], ['selector host1-host2 remote-ip 10.100.22.0/24', 'selector host1-host2 remote-ip 10.100.11.0/24']);
    const { box, changed } = fixed(imported(reversed, SRX2, 1), 'SRX1');
    expect(changed).toEqual([
      '-set security ipsec vpn VPN-to-Host2 traffic-selector host1-host2 local-ip 10.100.22.0/24 remote-ip 10.100.11.0/24',
      '+set security ipsec vpn VPN-to-Host2 traffic-selector host1-host2 local-ip 10.100.11.0/24 remote-ip 10.100.22.0/24',
    ]);
    pastedOnTheBox(box, reversed, SRX2, 'SRX1', 1);
  });

  it('no PFS on SRX2 (hierarchical): the fix changes the box\'s IPsec policy and adds a proposal beside the box\'s, which stays as it is', () => {
    const noPfs = edit(SRX2, 'perfect-forward-secrecy keys group14;\n', '');
    const { box, changed } = fixed(imported(SRX1_TS, noPfs, 0), 'SRX2');
    expect(changed.filter((l) => !/proposal esp-SRX1---SRX2-2/u.test(l))).toEqual([
      '-set security ipsec policy IPSEC-POL proposals IPSEC-PROP',
      '+set security ipsec policy IPSEC-POL perfect-forward-secrecy keys group14',
      '+set security ipsec policy IPSEC-POL proposals [ IPSEC-PROP esp-SRX1---SRX2-2 ]',
    ]);
    // The new proposal is the only new object; the box's IPSEC-PROP is not redefined.
    expect(changed.filter((l) => /ipsec proposal IPSEC-PROP/u.test(l))).toEqual([]);
    pastedOnTheBox(box, displaySet(noPfs), SRX1_TS, 'SRX2', 0);
  });

  it('Host2 /25 on SRX2: the fix changes the box\'s policies in their names, the NAT exemption stays as the box has it; Host2 keeps meaning /25, the /24 is a new entry', () => {
    const narrow = edit(SRX2, 'address Host2 10.100.22.0/24;', 'address Host2 10.100.22.0/25;');
    const { box, changed } = fixed(imported(SRX1_TS, narrow, 0), 'SRX2');
    expect(changed).toContain('+set security policies from-zone trust to-zone untrust policy vpn-out match source-address N-10.100.22.0-24 destination-address Host1 application any');
    // The box's exemption already matches 10.100.22.0/24: kept as it is.
    expect(changed.filter((l) => / nat /u.test(l))).toEqual([]);
    expect(changed.filter((l) => DERIVED.test(l))).toEqual([]);
    expect(box.files[0]?.paste?.text).not.toContain('set security address-book global address Host2 ');
    pastedOnTheBox(box, displaySet(narrow), SRX1_TS, 'SRX2', 0);
  });

  it('in every case the lines the fix changes name the box\'s objects, or objects new since the import', () => {
    const cases = [fixed(imported(SRX1, SRX2, 0), 'SRX1'), fixed(imported(SRX1_TS, edit(SRX2, 'address Host2 10.100.22.0/24;', 'address Host2 10.100.22.0/25;'), 0), 'SRX2')];
    for (const c of cases) expect(c.changed.filter((l) => DERIVED.test(l))).toEqual([]);
  });

  it('a name the settings cannot hold is not recorded, and that object is derived', () => {
    const doc = imported(SRX1.replaceAll('IKE-GW', '"IKE GW"'), SRX2, 0);
    const own = endOf(doc, 'SRX1')?.vendorOptions['junos-srx'];
    expect(own?.['ikeGateway']).toBeUndefined();
    expect(own?.['ipsecVpn']).toBe('VPN-to-Host2');
    expect(fileOf(doc, 'SRX1')).toContain('set security ipsec vpn VPN-to-Host2 ike gateway gw-SRX1---SRX2\n');
  });

  it('a copied tunnel does not reuse the box\'s VPN, gateway or policies, and the shared proposals are written once', () => {
    const doc = produce(imported(SRX1, SRX2, 0), (d) => {
      const t = d.tunnels[0];
      if (t) d.tunnels.push({ ...(JSON.parse(JSON.stringify(t)) as typeof t), id: 'tn-copy' as typeof t.id, name: 'copy' });
    });
    const out = fileOf(doc, 'SRX1');
    expect(out.match(/^set security ipsec vpn VPN-to-Host2 ike gateway IKE-GW$/gmu)).toHaveLength(1);
    expect(out).toContain('set security ipsec vpn copy ike gateway gw-copy\n');
    expect(out).toContain('set security policies from-zone trust to-zone vpn policy copy-out ');
    expect(out.match(/^set security ike proposal IKE-PROP encryption-algorithm /gmu)).toHaveLength(1);
    expect(out).toContain('set security ike gateway gw-copy ike-policy ');
  });

  it('the settings hold Junos names the document can store, and refuse the others', () => {
    expect(vendor.options.end).toBe(junosEndOptions);
    const ok = (v: string) => junosEndOptions.schema.safeParse({ ikeGateway: v }).success;
    expect(['', 'IKE-GW', 'gw_1.a', 'to/host', 'x'.repeat(63)].map(ok)).toEqual([true, true, true, true, true]);
    expect(['IKE GW', 'a"b', 'x'.repeat(64), 'a,b'].map(ok)).toEqual([false, false, false, false]);
    expect(junosEndOptions.schema.safeParse({ addressBook: '10.1.0.0/24=global:A,10.2.0.0/24=B:C' }).success).toBe(true);
    expect(junosEndOptions.schema.safeParse({ addressBook: '10.1.0.0/24=A' }).success).toBe(false);
    expect(junosEndOptions.schema.safeParse({ other: 'x' }).success).toBe(false);
  });

  it('the box as imported and unchanged has no diff', () => {
    const changes = importChanges(imported(SRX1, SRX2, 0));
    if (!changes.ok) throw new Error(changes.message);
    expect(changes.boxes.map((b) => b.status)).toEqual(['unchanged', 'unchanged']);
  });
});
