// The corrected configuration of an imported PAN-OS firewall is in the firewall's own names: the
// seed document's causes (test/fixtures/import/pairs/, a PAN-OS firewall and a Cisco ASA, as
// test/shared/import/seed-causes.test.ts imports them), each fixed by the engine's first offered
// fix, give a diff (File › Changes since import) whose `set` lines name the box's IPSec tunnel,
// IKE gateway and crypto profiles, so that they are what to paste on that firewall.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../shared/commands/commands';
import { importChanges } from '../../../../shared/export/changes';
import { exportDocument } from '../../../../shared/export/export';
import { importConfigurations } from '../../../../shared/import/import';
import type { TopologyDocument } from '../../../../shared/model/document';
import { panAsaInterop } from '../../../../shared/templates/pan-asa-interop';
import { panosEndOptions } from '../../../../shared/vendors/panos/options';
import { vendor } from '../../../../shared/vendors/panos/vendor';
import { editOnce as edit } from '../../../support/fixture-edit';
import { ASA, CAUSES, changed, FIXTURES, fixedByFirstOffer, imported, NAT_CAUSE, PA, panosBox } from '../../../support/panos-asa-seed';

/** Every name the lines give the objects the exporter could name after the tunnel, by what it is. */
function objectNames(lines: readonly string[]): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = { tunnel: new Set(), gateway: new Set(), ike: new Set(), ipsec: new Set() };
  const take = (kind: string, re: RegExp) => {
    for (const l of lines) for (const m of l.matchAll(re)) out[kind]?.add(m[1] as string);
  };
  take('tunnel', /network tunnel ipsec (\S+)/g);
  take('gateway', /(?:network ike gateway|auto-key ike-gateway) (\S+)/g);
  take('ike', /(?:ike-crypto-profiles|ike-crypto-profile) (\S+)/g);
  take('ipsec', /(?:ipsec-crypto-profiles ipsec-crypto-profiles|auto-key ipsec-crypto-profile) (\S+)/g);
  return out;
}

const BOX = { tunnel: 'TUN-ASA-Branch', gateway: 'GW-ASA-Branch', ike: 'IKE-AES256-SHA1', ipsec: 'ESP-AES256-SHA1' };
/** What the import records of the box's route, rules and address objects (box-rule-names.test.ts tests them). */
const RULE_NAMES = { staticRoutes: '10.20.0.0/24=branch-lan', securityRuleOut: 'hq-to-branch', securityRuleIn: 'branch-to-hq', securityRuleOutMatch: 'HQ-LAN:BRANCH-LAN:application-default', securityRuleInMatch: 'BRANCH-LAN:HQ-LAN:application-default', natExemption: 'none', addressObjects: '10.10.0.0/24=HQ-LAN,10.20.0.0/24=BRANCH-LAN' };

describe('the corrected PAN-OS configuration of an imported box is in its own names', () => {
  it('the import records the box\'s names on its tunnel end', () => {
    const doc = imported(PA, ASA, 1);
    const pa = doc.gateways.find((g) => g.vendor === 'panos');
    const end = doc.tunnels.flatMap((t) => [t.a, t.b]).find((e) => e.gatewayId === pa?.id);
    expect(end?.vendorOptions).toEqual({ panos: { ikeGateway: 'GW-ASA-Branch', ipsecTunnel: 'TUN-ASA-Branch', ikeCryptoProfile: 'IKE-AES256-SHA1', ipsecCryptoProfile: 'ESP-AES256-SHA1', ...RULE_NAMES } });
  });

  for (const c of CAUSES) {
    it(`${c.name}: the lines the fix adds name the box's tunnel, and nothing the fix left alone is in the diff`, () => {
      const fixed = fixedByFirstOffer(imported(c.pa, c.asa, c.initiator));
      const box = panosBox(fixed);
      expect(box.status).toBe('changed');
      const patch = box.files.map((f) => f.patch).join('\n');
      // The diff's context and changes are the box's objects: its tunnel, gateway and ESP profile.
      for (const name of [BOX.tunnel, BOX.gateway, BOX.ipsec]) expect(patch).toContain(name);
      const names = objectNames(patch.split('\n'));
      expect(names).toEqual({ tunnel: new Set([BOX.tunnel]), gateway: new Set([BOX.gateway]), ike: new Set(), ipsec: new Set([BOX.ipsec]) });
      const added = changed(patch).filter((l) => l.startsWith('+set network tunnel ipsec '));
      expect(added.length, patch).toBeGreaterThan(0);
      for (const l of added) expect(l).toMatch(/^\+set network tunnel ipsec TUN-ASA-Branch /);
      // The fix changed the proxy IDs: the IKE gateway and the crypto profiles are as on the box.
      for (const l of changed(patch)) expect(l).not.toMatch(/network ike (gateway|crypto-profiles)|auto-key (ike-gateway|ipsec-crypto-profile)/);
      expect(changed(patch)).not.toContain('-set network ike gateway GW-ASA-Branch peer-address ip 203.0.113.2');
      expect(changed(patch)).not.toContain('+set network ike gateway GW-ASA-Branch peer-address ip 203.0.113.2');
      // The whole corrected file names the box's objects only, never the exporter's own.
      const file = exportDocument(fixed, { gateways: [fixed.gateways.find((g) => g.vendor === 'panos')?.id ?? ''], skipEngineCheck: true }).files[0]?.content ?? '';
      const all = objectNames(file.split('\n'));
      expect(all).toEqual({ tunnel: new Set([BOX.tunnel]), gateway: new Set([BOX.gateway]), ike: new Set([BOX.ike]), ipsec: new Set([BOX.ipsec]) });
      expect(file).toContain('set network ike gateway GW-ASA-Branch peer-address ip 203.0.113.2');
    });
  }

  it('a fix on the ASA alone leaves the PAN-OS box unchanged', () => {
    const changes = importChanges(fixedByFirstOffer(imported(NAT_CAUSE.pa, NAT_CAUSE.asa, NAT_CAUSE.initiator)));
    if (!changes.ok) throw new Error(changes.message);
    expect(changes.boxes.map((b) => [b.vendor, b.status])).toEqual([
      ['panos', 'unchanged'],
      ['cisco-asa', 'changed'],
    ]);
    expect(changes.boxes[0]?.files.map((f) => f.patch)).toEqual(['']);
  });

  it('a fix of the IKE proposal changes the box\'s IKE crypto profile in place, not its gateway', () => {
    // PAN-OS hashes sha256 where the ASA's policy has sha; the first fix adds the ASA's proposal to PA-HQ.
    const fixed = fixedByFirstOffer(imported(edit(PA, 'IKE-AES256-SHA1 hash sha1', 'IKE-AES256-SHA1 hash sha256'), ASA, 1));
    const patch = panosBox(fixed).files.map((f) => f.patch).join('\n');
    expect(changed(patch)).toEqual([
      expect.stringMatching(/^\+# WARNING SETTING_UNSUPPORTED: 2 IKE proposals were merged/),
      '-set network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash sha256',
      '+set network ike crypto-profiles ike-crypto-profiles IKE-AES256-SHA1 hash [ sha256 sha1 ]',
    ]);
  });

  it('a name PAN-OS has with a space in it is not recorded: the exporter writes its own for that object', () => {
    const spaced = PA.replaceAll('GW-ASA-Branch', '"GW ASA Branch"');
    const doc = imported(spaced, ASA, 1);
    const pa = doc.gateways.find((g) => g.vendor === 'panos');
    const end = doc.tunnels.flatMap((t) => [t.a, t.b]).find((e) => e.gatewayId === pa?.id);
    expect(end?.vendorOptions).toEqual({ panos: { ipsecTunnel: 'TUN-ASA-Branch', ikeCryptoProfile: 'IKE-AES256-SHA1', ipsecCryptoProfile: 'ESP-AES256-SHA1', ...RULE_NAMES } });
    const file = exportDocument(doc, { gateways: [pa?.id ?? ''], skipEngineCheck: true }).files[0]?.content ?? '';
    expect(objectNames(file.split('\n')).gateway).toEqual(new Set(['gw-PA-HQ---ASA-Branch']));
    expect(file).toContain('set network tunnel ipsec TUN-ASA-Branch auto-key ike-gateway gw-PA-HQ---ASA-Branch');
  });

  it('the settings hold PAN-OS names the document can store, and refuse the others', () => {
    expect(vendor.options.end).toBe(panosEndOptions);
    expect(panosEndOptions.fields.map((f) => [f.key, f.kind])).toEqual([
      ['ikeGateway', 'text'],
      ['ipsecTunnel', 'text'],
      ['ikeCryptoProfile', 'text'],
      ['ipsecCryptoProfile', 'text'],
      ['staticRoutes', 'text'],
      ['securityRuleOut', 'text'],
      ['securityRuleIn', 'text'],
      ['natExemptionRule', 'text'],
      ['natExemption', 'choice'],
      ['addressObjects', 'text'],
      ['securityRuleOutMatch', 'text'],
      ['securityRuleInMatch', 'text'],
      ['natExemptionRuleMatch', 'text'],
    ]);
    const ok = (v: string) => panosEndOptions.schema.safeParse({ ikeGateway: v }).success;
    expect(['', 'GW-ASA-Branch', 'ike_v1.prof', 'x'.repeat(63)].map(ok)).toEqual([true, true, true, true]);
    expect(['GW ASA', 'a"b', 'x'.repeat(64), 'a/b'].map(ok)).toEqual([false, false, false, false]);
    expect(panosEndOptions.schema.safeParse({ other: 'x' }).success).toBe(false);
  });
});

describe('crypto profiles the box shares between tunnels', () => {
  // Two tunnels of one firewall (an IKEv2 and an IKEv1 gateway) use the same ike-a and ipsec-a.
  const xml = readFileSync(path.join(FIXTURES, 'import', 'docs', 'panos', 'two-vsys.xml'), 'utf8');
  const load = () => {
    const r = importConfigurations([{ name: 'two-vsys.xml', content: xml }]);
    if (!r.ok) throw new Error(r.message);
    return r.document;
  };
  const doc = load();
  const pa = doc.gateways.find((g) => g.vendor === 'panos');
  const exported = (d: TopologyDocument) => exportDocument(d, { gateways: [pa?.id ?? ''], skipEngineCheck: true });
  const lines = (d: TopologyDocument) => (exported(d).files[0]?.content ?? '').split('\n');
  /** The document with one tunnel's PAN-OS end given another IKE proposal (what a fix does). */
  const withIke = (tunnel: number) =>
    produce(doc, (draft) => {
      const t = draft.tunnels[tunnel];
      if (!t) throw new Error('no such tunnel');
      const end = t.a.gatewayId === pa?.id ? 'a' : 'b';
      applyCommand(draft, { type: 'tunnelEnd.update', tunnelId: t.id, end, changes: { ike: { proposals: [{ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] }], lifetimeSeconds: 28800 } } });
    });

  it('as imported: each profile written once, under the box\'s name, and both gateways use it', () => {
    const l = lines(doc);
    expect(l.filter((x) => x.startsWith('set network ike crypto-profiles ike-crypto-profiles ')).map((x) => x.split(' ')[5])).toEqual(['ike-a', 'ike-a', 'ike-a', 'ike-a']);
    expect(l.filter((x) => x.startsWith('set network ike crypto-profiles ipsec-crypto-profiles ')).map((x) => x.split(' ')[5])).toEqual(['ipsec-a', 'ipsec-a', 'ipsec-a', 'ipsec-a']);
    expect(l.filter((x) => / ike-crypto-profile | auto-key ipsec-crypto-profile /.test(x))).toEqual([
      'set network ike gateway gw-a protocol ikev2 ike-crypto-profile ike-a',
      'set network tunnel ipsec vpn-a auto-key ipsec-crypto-profile ipsec-a',
      'set network ike gateway gw-b protocol ikev1 ike-crypto-profile ike-a',
      'set network tunnel ipsec vpn-b auto-key ipsec-crypto-profile ipsec-a',
    ]);
    expect(exported(doc).warnings.filter((w) => w.code === 'EXISTING_CONFIG')).toEqual([]);
  });

  for (const [tunnel, kept, moved] of [
    [1, 'gw-a', 'gw-b'],
    [0, 'gw-b', 'gw-a'],
  ] as const) {
    it(`one tunnel now needs other proposals (${moved}'s): ike-a keeps what the other has on the box, the changed one gets its own profile, with a warning`, () => {
      const d = withIke(tunnel);
      const name = d.tunnels[tunnel]?.name ?? '';
      const own = `ike-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`; // the exporter's own name (safeName)
      const l = lines(d);
      expect(l.filter((x) => x.startsWith('set network ike crypto-profiles ike-crypto-profiles ike-a '))).toEqual([
        'set network ike crypto-profiles ike-crypto-profiles ike-a encryption aes-256-cbc',
        'set network ike crypto-profiles ike-crypto-profiles ike-a hash sha384',
        'set network ike crypto-profiles ike-crypto-profiles ike-a dh-group group20',
        'set network ike crypto-profiles ike-crypto-profiles ike-a lifetime seconds 28800',
      ]);
      expect(l).toContain(`set network ike crypto-profiles ike-crypto-profiles ${own} hash sha256`);
      expect(l.filter((x) => x.includes(' ike-crypto-profile ')).sort()).toEqual(
        [`set network ike gateway ${kept} protocol ${kept === 'gw-a' ? 'ikev2' : 'ikev1'} ike-crypto-profile ike-a`, `set network ike gateway ${moved} protocol ${moved === 'gw-a' ? 'ikev2' : 'ikev1'} ike-crypto-profile ${own}`].sort(),
      );
      const warned = exported(d).warnings.filter((w) => w.code === 'EXISTING_CONFIG');
      expect(warned.map((w) => [w.tunnel, w.message.includes(`ike-a is shared`)])).toEqual([[name, true]]);
      // The ESP profile is still shared and still written once.
      expect(l.filter((x) => x.startsWith('set network ike crypto-profiles ipsec-crypto-profiles ipsec-a esp encryption'))).toHaveLength(1);
    });
  }
});

describe('a design drawn from a template', () => {
  it('sets none of these settings and exports exactly as before (the golden file)', () => {
    const doc = panAsaInterop();
    expect(doc.tunnels.flatMap((t) => [t.a.vendorOptions?.['panos'], t.b.vendorOptions?.['panos']]).filter((o) => o !== undefined)).toEqual([]);
    const files = exportDocument(doc, { skipEngineCheck: true }).files.filter((f) => f.name.endsWith('.panos.txt'));
    expect(files.map((f) => f.name)).toEqual(['PA-HQ.panos.txt']);
    expect(files[0]?.content).toBe(readFileSync(path.join(FIXTURES, 'golden', 'auto--pan-asa-interop', 'PA-HQ.panos.txt'), 'utf8'));
    expect(files[0]?.content).toContain('set network ike gateway gw-');
  });
});
