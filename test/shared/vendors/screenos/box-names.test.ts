// The corrected configuration of an imported ScreenOS box is written in the box's own names: its IKE
// gateway, VPN and VPN id, its proposals (predefined ones by name), its address book entries and
// the ids of the tunnel's two policies, which the reader records per tunnel end (options.ts). So
// the "Changes since import" diff (importChanges) and its paste name the box's objects, and the
// paste applied by the CLI model (paste.apply) to the box's OWN saved configuration reads back as
// the fixed tunnel. The box is the Tokyo device of the guide's route-based example
// (test/fixtures/import/docs/screenos/tokyo-route-based.txt, its header names the section); its
// peer is the same example's Paris device, written below in the same form.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../shared/commands/commands';
import { computeReport } from '../../../../shared/engine/report-cache';
import { importChanges } from '../../../../shared/export/changes';
import { exportDocument } from '../../../../shared/export/export';
import { importConfigurations } from '../../../../shared/import/import';
import type { TopologyDocument, TunnelEnd } from '../../../../shared/model/document';
import { screenosEndOptions } from '../../../../shared/vendors/screenos/options';
import { screenosPaste } from '../../../../shared/vendors/screenos/paste';
import { screenosReader } from '../../../../shared/vendors/screenos/reader';
import { vendor } from '../../../../shared/vendors/screenos/vendor';
import { editEach, editOnce } from '../../../support/fixture-edit';

const DOCS = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'import', 'docs', 'screenos');
const TOKYO_SAVED = readFileSync(path.join(DOCS, 'tokyo-route-based.txt'), 'utf8');
const TOKYO_TYPED = readFileSync(path.join(DOCS, 'tokyo-policy-based.txt'), 'utf8');

/**
 * Tokyo whose two policies are exactly the tunnel's (10.1.1.0/24 to 10.2.2.0/24 and back): the
 * fixture's policy 1 also reaches Paris_DMZ and policy 2 comes from the group Paris_Servers, more
 * than the tunnel's proxy ID, so their ids are not recorded (see the first case).
 */
const TOKYO = editEach(TOKYO_SAVED, ['set policy id 1\nset dst-address "Paris_DMZ"\nexit\n', 'set policy id 1\nexit\n'], ['"Paris_Servers" "Trust_LAN"', '"Paris_Office" "Trust_LAN"']);

/**
 * The Paris device of the same example ("Route-Based Site-to-Site VPN, AutoKey IKE": ethernet3
 * 2.2.2.2/24 Untrust, ethernet1 Trust, tunnel.1 unnumbered, gateway To_Tokyo at 1.1.1.1 with
 * sec-level compatible, VPN Paris_Tokyo bound to tunnel.1), its LAN here 10.2.0.0/16 so that the
 * two proxy IDs differ in prefix length and the engine has a fix to offer.
 */
const PARIS = `set hostname "Paris"
set interface "ethernet1" zone "Trust"
set interface "ethernet3" zone "Untrust"
set interface "tunnel.1" zone "Untrust"
set interface ethernet1 ip 10.2.2.1/24
set interface ethernet3 ip 2.2.2.2/24
set interface tunnel.1 ip unnumbered interface ethernet3
set address "Trust" "Paris_LAN" 10.2.0.0 255.255.0.0
set address "Untrust" "Tokyo_Office" 10.1.1.0 255.255.255.0
set ike gateway "To_Tokyo" address 1.1.1.1 Main outgoing-interface "ethernet3" preshare "h1p8A24nG5" sec-level compatible
set vpn "Paris_Tokyo" gateway "To_Tokyo" no-replay tunnel idletime 0 sec-level compatible
set vpn "Paris_Tokyo" id 0x1 bind interface tunnel.1
set vpn "Paris_Tokyo" proxy-id local-ip 10.2.0.0/16 remote-ip 10.1.1.0/24 "ANY"
set policy id 1 from "Trust" to "Untrust" "Paris_LAN" "Tokyo_Office" "ANY" permit
set policy id 2 from "Untrust" to "Trust" "Tokyo_Office" "Paris_LAN" "ANY" permit
set route 0.0.0.0/0 interface ethernet3 gateway 2.2.2.250
set route 10.1.1.0/24 interface tunnel.1
`;

function imported(tokyo: string, paris: string | undefined = PARIS, initiator: 0 | 1 = 1): TopologyDocument {
  const files = [{ name: 'tokyo.txt', content: tokyo }, ...(paris ? [{ name: 'paris.txt', content: paris }] : [])];
  const r = importConfigurations(files, { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const tokyoOf = (doc: TopologyDocument) => {
  const g = doc.gateways.find((x) => x.name === 'Tokyo');
  if (!g) throw new Error('no Tokyo imported');
  return g;
};
const endOf = (doc: TopologyDocument): TunnelEnd | undefined => {
  const id = tokyoOf(doc).id;
  return doc.tunnels.flatMap((t) => [t.a, t.b]).find((e) => e.gatewayId === id);
};
const fileOf = (doc: TopologyDocument): string => exportDocument(doc, { gateways: [tokyoOf(doc).id], skipEngineCheck: true }).files[0]?.content ?? '';
const changed = (patch: string) => patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/u.test(l));

/** The engine's first offered fix, which must change Tokyo's end; Tokyo's file change since import. */
function fixedOnTokyo(doc: TopologyDocument) {
  const report = computeReport(doc).tunnels[0];
  const d = report?.diagnostics.find((x) => (x.fix?.length ?? 0) > 0);
  expect(d?.code).toBe('PREFIX_LENGTH_MISMATCH');
  const fixed = produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
  expect(computeReport(fixed).tunnels[0]?.status, d?.fixLabel).toBe('up');
  const changes = importChanges(fixed);
  if (!changes.ok) throw new Error(changes.message);
  expect(changes.boxes.map((b) => [b.gateway, b.status])).toEqual([
    ['Tokyo', 'changed'],
    ['Paris', 'unchanged'],
  ]);
  const file = changes.boxes[0]?.files[0];
  if (!file?.paste) throw new Error('no paste for Tokyo');
  return { fixed, patch: file.patch, paste: file.paste };
}

/** Names the export makes up for a tunnel drawn in the app (the imported tunnel is "Tokyo - Paris"). */
const DERIVED = /Tokyo---|"p[12]-/u;

describe('an imported ScreenOS box keeps its own names', () => {
  it("records the box's names on Tokyo's end; policies naming more than the tunnel keep their ids out", () => {
    expect(endOf(imported(TOKYO_SAVED))?.vendorOptions).toEqual({
      screenos: {
        ikeGateway: 'To_Paris',
        vpn: 'Tokyo_Paris',
        vpnId: 1,
        p1Proposals: 'pre-g2-3des-sha,pre-g2-3des-md5,pre-g2-des-sha,pre-g2-des-md5',
        p2Proposals: 'nopfs-esp-3des-sha,nopfs-esp-3des-md5,nopfs-esp-des-sha,nopfs-esp-des-md5',
        localAddresses: '10.1.1.0/24=Trust_LAN',
        remoteAddresses: '10.2.2.0/24=Paris_Office',
      },
    });
    // Policies 1 and 2 exactly the tunnel's: their ids are recorded.
    expect(endOf(imported(TOKYO))?.vendorOptions['screenos']).toMatchObject({ policyOut: 1, policyIn: 2 });
  });

  it("the box as imported exports its own gateway, VPN, predefined proposals, addresses and policy ids", () => {
    const out = fileOf(imported(TOKYO));
    const vpn = out.split('\n').filter((l) => /^set (ike|vpn|address|policy) /u.test(l));
    expect(vpn).toEqual([
      'set ike gateway "To_Paris" address 2.2.2.2 Main outgoing-interface "ethernet3" preshare "<PSK:Tokyo---Paris>" proposal "pre-g2-3des-sha" "pre-g2-3des-md5" "pre-g2-des-sha" "pre-g2-des-md5"',
      'set vpn "Tokyo_Paris" gateway "To_Paris" no-replay tunnel idletime 0 proposal "nopfs-esp-3des-sha" "nopfs-esp-3des-md5" "nopfs-esp-des-sha" "nopfs-esp-des-md5"',
      'set vpn "Tokyo_Paris" id 0x1 bind interface tunnel.1',
      'set vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.2.0/24 any',
      'set address "Trust" "Trust_LAN" 10.1.1.0 255.255.255.0',
      'set address "Untrust" "Paris_Office" 10.2.2.0 255.255.255.0',
      'set policy id 1 from "Trust" to "Untrust" "Trust_LAN" "Paris_Office" "ANY" permit',
      'set policy id 2 from "Untrust" to "Trust" "Paris_Office" "Trust_LAN" "ANY" permit',
    ]);
    // Without the recorded settings the same box exports the derived names, as before.
    const bare = produce(imported(TOKYO), (d) => {
      for (const t of d.tunnels) for (const e of [t.a, t.b]) e.vendorOptions = {};
    });
    const derived = fileOf(bare);
    expect(derived).toContain('set ike p1-proposal "p1-Tokyo---Paris-1" preshare group2 esp 3des sha-1 second 28800');
    expect(derived).toContain('set vpn "Tokyo---Paris" gateway "Tokyo---Paris" ');
    expect(derived).toContain('set policy from "Trust" to "Untrust" "N-10.1.1.0-24" "N-10.2.2.0-24" "ANY" permit');
    expect(derived).not.toMatch(/To_Paris|Tokyo_Paris|Trust_LAN|policy id/u);
  });

  it("a fix on Tokyo: the diff and the paste name the box's objects, its policies by their own ids", () => {
    const { patch, paste } = fixedOnTokyo(imported(TOKYO));
    expect(changed(patch).filter((l) => DERIVED.test(l))).toEqual([]);
    expect(changed(patch)).toEqual(expect.arrayContaining([
      '-set vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.2.0/24 any',
      '+set vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.0.0/16 any',
      '+set policy id 1 from "Trust" to "Untrust" "Trust_LAN" "N-10.2.0.0-16" "ANY" permit',
    ]));
    const lines = paste.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['unset policy id 1', 'unset policy id 2']);
    expect(lines).toContain('unset vpn "Tokyo_Paris"');
    expect(lines).toContain('set vpn "Tokyo_Paris" gateway "To_Paris" no-replay tunnel idletime 0 proposal "nopfs-esp-3des-sha" "nopfs-esp-3des-md5" "nopfs-esp-des-sha" "nopfs-esp-des-md5"');
    expect(lines.filter((l) => DERIVED.test(l))).toEqual([]);
    // The box's ids are known: no note to look them up, and no caveat about names beside the box's.
    expect(paste.notes.filter((n) => /get policy|beside/u.test(n))).toEqual([]);
    expect(screenosPaste.keepsBoxNames).toBe(true);
    expect(vendor.paste).toBe(screenosPaste);
  });

  it("the paste applied to Tokyo's own saved configuration reads back as the fixed tunnel, and the rest of the box is kept", () => {
    const { fixed, paste } = fixedOnTokyo(imported(TOKYO));
    const r = screenosPaste.apply(TOKYO, paste);
    if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
    const got = screenosReader.read([{ name: 'tokyo.txt', content: r.config }]);
    if (!got.ok) throw new Error(got.message);
    const peer = got.meaning.peers[0];
    expect(peer?.children.map((c) => `${c.local} <-> ${c.remote}`)).toEqual(['10.1.1.0/24 <-> 10.2.0.0/16']);
    expect(got.meaning.device?.policies.map((p) => `${p.name}: ${p.source}>${p.destination}`)).toEqual([
      'policy 3: 0.0.0.0/0>0.0.0.0/0',
      'policy 1: 10.1.1.0/24>10.2.0.0/16',
      'policy 2: 10.2.0.0/16>10.1.1.0/24',
    ]);
    expect(got.meaning.device?.hostname).toBe('Tokyo');
    // Imported again with Paris, the tunnel is up, and its end as the fixed document has it.
    const again = imported(r.config);
    expect(computeReport(again).tunnels[0]?.status).toBe('up');
    expect(endOf(again)?.proxyIds.map((s) => [s.local, s.remote])).toEqual(endOf(fixed)?.proxyIds.map((s) => [s.local, s.remote]));
    expect(endOf(again)?.proxyIds.map((s) => s.remote)).toEqual(['10.2.0.0/16']);
  });

  it('a policy of several addresses is written as the box writes it, its further addresses in its context', () => {
    // Two proxy IDs: policy 1 (to Paris_Office and Paris_DMZ) and policy 2 (from Paris_Servers) are exactly the tunnel's.
    const two = editOnce(TOKYO_SAVED, 'set vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.2.0/24 "ANY"\n', 'set vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.2.0/24 "ANY"\nset vpn "Tokyo_Paris" proxy-id local-ip 10.1.1.0/24 remote-ip 10.2.3.0/24 "ANY"\n');
    const doc = imported(two, undefined);
    expect(endOf(doc)?.vendorOptions['screenos']).toMatchObject({ policyOut: 1, policyIn: 2 });
    const out = fileOf(doc);
    expect(out).toContain(
      [
        'set policy id 1 from "Trust" to "Untrust" "Trust_LAN" "Paris_Office" "ANY" permit',
        'set policy id 1',
        'set dst-address "Paris_DMZ"',
        'exit',
        'set policy id 2 from "Untrust" to "Trust" "Paris_Office" "Trust_LAN" "ANY" permit',
        'set policy id 2',
        'set src-address "Paris_DMZ"',
        'exit',
      ].join('\n'),
    );
    // The reader reads the exported file as the box's policies.
    const back = screenosReader.read([{ name: 'x.txt', content: out }]);
    if (!back.ok) throw new Error(back.message);
    expect(back.meaning.device?.policies.map((p) => `${p.fromZone}>${p.toZone} ${p.source}>${p.destination}`)).toEqual([
      'Trust>Untrust 10.1.1.0/24>10.2.2.0/24',
      'Trust>Untrust 10.1.1.0/24>10.2.3.0/24',
      'Untrust>Trust 10.2.2.0/24>10.1.1.0/24',
      'Untrust>Trust 10.2.3.0/24>10.1.1.0/24',
    ]);
    // Unset and set again by the paste, the context goes with the policy.
    const moved = out.replace('set dst-address "Paris_DMZ"\nexit\nset policy id 2 from', 'exit\nset policy id 2 from');
    const s = screenosPaste.commands(out, moved, 'Tokyo.screenos.txt');
    expect(s.text).toBe(['unset policy id 1', 'unset policy id 2', 'set policy id 1 from "Trust" to "Untrust" "Trust_LAN" "Paris_Office" "ANY" permit', 'set policy id 1', 'exit', 'set policy id 2 from "Untrust" to "Trust" "Paris_Office" "Trust_LAN" "ANY" permit', 'set policy id 2', 'set src-address "Paris_DMZ"', 'exit', ''].join('\n'));
    expect(screenosPaste.apply(out, s).ok).toBe(true);
  });

  it('policy-based, as the guide types it: the names are recorded; policies typed without an id have none to keep', () => {
    const doc = imported(TOKYO_TYPED, undefined);
    expect(endOf(doc)?.vendorOptions).toEqual({
      screenos: { ikeGateway: 'to_paris', vpn: 'tokyo_paris', p1Proposals: 'pre-g2-3des-sha', p2Proposals: 'g2-esp-3des-sha', localAddresses: '10.1.1.0/24=Trust_LAN', remoteAddresses: '10.2.2.0/24=paris_office' },
    });
    const out = fileOf(doc);
    expect(out).toContain('set policy from "Trust" to "Untrust" "Trust_LAN" "paris_office" "ANY" tunnel vpn "tokyo_paris"');
    // With ids on the box, the policies into the VPN keep them.
    const withIds = editEach(TOKYO_TYPED, ['set policy top name "To/From Paris" from trust to untrust', 'set policy id 7 top name "To/From Paris" from trust to untrust'], ['set policy top name "To/From Paris" from untrust to trust', 'set policy id 8 top name "To/From Paris" from untrust to trust']);
    const ids = fileOf(imported(withIds, undefined));
    expect(ids).toContain('set policy id 7 from "Trust" to "Untrust" "Trust_LAN" "paris_office" "ANY" tunnel vpn "tokyo_paris"\nset policy id 8 from "Untrust" to "Trust" "paris_office" "Trust_LAN" "ANY" tunnel vpn "tokyo_paris"\n');
  });

  it("the box's services for the proxy IDs' ports are kept: its own defined once, a predefined one named", () => {
    const svc = (name: string, extra = '') => editEach(TOKYO_TYPED, ['set ike gateway to_paris', `${extra}set ike gateway to_paris`], ['Trust_LAN paris_office any tunnel', `Trust_LAN paris_office ${name} tunnel`], ['paris_office Trust_LAN any tunnel', `paris_office Trust_LAN ${name} tunnel`]);
    const own = imported(svc('"Web-8080"', 'set service "Web-8080" protocol tcp src-port 0-65535 dst-port 8080-8080\n'), undefined);
    expect(endOf(own)?.vendorOptions['screenos']?.['services']).toBe('6/0-65535/8080-8080=Web-8080');
    const out = fileOf(own);
    expect(out.match(/^set service .*$/gmu)).toEqual(['set service "Web-8080" protocol tcp src-port 0-65535 dst-port 8080-8080']);
    expect(out).toContain('set policy from "Trust" to "Untrust" "Trust_LAN" "paris_office" "Web-8080" tunnel vpn "tokyo_paris"');
    const http = imported(svc('HTTP'), undefined);
    expect(endOf(http)?.vendorOptions['screenos']?.['services']).toBe('6/0-65535/80-80=HTTP');
    const web = fileOf(http);
    expect(web).not.toMatch(/^set service /mu);
    expect(web).toContain('"Trust_LAN" "paris_office" "HTTP" tunnel vpn "tokyo_paris"');
  });

  it("a copied tunnel does not reuse the box's gateway, VPN, VPN id or policy ids", () => {
    const doc = produce(imported(TOKYO), (d) => {
      const t = d.tunnels[0];
      if (t) d.tunnels.push({ ...(JSON.parse(JSON.stringify(t)) as typeof t), id: 'tn-copy' as typeof t.id, name: 'copy' });
    });
    const out = fileOf(doc);
    expect(out.match(/^set ike gateway "To_Paris" address /gmu)).toHaveLength(1);
    expect(out.match(/^set vpn "Tokyo_Paris" gateway /gmu)).toHaveLength(1);
    expect(out.match(/^set policy id 1 /gmu)).toHaveLength(1);
    expect(out).toContain('set vpn "copy" gateway "copy" ');
    expect(out).toContain('set vpn "copy" id 0x2 bind interface tunnel.1');
    expect(out).toContain('set policy from "Trust" to "Untrust" "Trust_LAN" "Paris_Office" "ANY" permit');
    // The read-back file is a valid ScreenOS configuration of two VPNs.
    const back = screenosReader.read([{ name: 'x.txt', content: out }]);
    expect(back.ok && back.meaning.peers.map((p) => p.name)).toEqual(['Tokyo_Paris', 'copy']);
  });

  it('a predefined proposal the tunnel no longer has is not named: the combination gets its own proposal', () => {
    const doc = produce(imported(TOKYO), (d) => {
      const e = d.tunnels[0]?.a.gatewayId === tokyoOf(d).id ? d.tunnels[0]?.a : d.tunnels[0]?.b;
      if (e) e.ike.proposals = [{ encryption: ['aes128'], integrity: ['sha1'], dhGroups: [2] }, ...e.ike.proposals.slice(1)];
    });
    const out = fileOf(doc);
    expect(out).toContain('set ike p1-proposal "p1-Tokyo---Paris-1" preshare group2 esp aes128 sha-1 second 28800');
    expect(out).toContain('proposal "p1-Tokyo---Paris-1" "pre-g2-3des-md5" "pre-g2-des-sha" "pre-g2-des-md5"');
  });

  it('the settings hold ScreenOS names the document can store, and refuse the others', () => {
    expect(vendor.options.end).toBe(screenosEndOptions);
    const ok = (v: Record<string, unknown>) => screenosEndOptions.schema.safeParse(v).success;
    expect([{ ikeGateway: 'To_Paris' }, { vpn: '' }, { p1Proposals: 'pre-g2-3des-sha,p1-x' }, { localAddresses: '10.1.1.0/24=Trust_LAN' }, { policyOut: 12 }].map(ok)).toEqual([true, true, true, true, true]);
    expect([{ ikeGateway: 'To Paris' }, { vpn: 'a"b' }, { p1Proposals: 'a,b,c,d,e' }, { localAddresses: 'Trust_LAN' }, { policyOut: -1 }, { other: 'x' }].map(ok)).toEqual([false, false, false, false, false, false]);
    // A box name with a space is not recorded: the export writes its own for that object.
    const spaced = imported(TOKYO.replaceAll('"Tokyo_Paris"', '"Tokyo Paris"'));
    expect(endOf(spaced)?.vendorOptions['screenos']?.['vpn']).toBeUndefined();
    expect(fileOf(spaced)).toContain('set vpn "Tokyo---Paris" gateway "To_Paris" ');
  });
});
