// The corrected configuration of an imported PAN-OS firewall names the box's own static routes,
// security rules, NAT exemption rule and address objects for the tunnel (PA-HQ: route
// branch-lan, rules hq-to-branch and branch-to-hq, addresses HQ-LAN and BRANCH-LAN, no NAT
// exemption), never the exporter's (PA-HQ---ASA-Branch-1, -out, -in, -no-nat, N-10.20.0.0-24),
// and adds no NAT exemption the box did not have. What is new after a fix (a prefix, a route to
// a new remote network) gets the exporter's name.
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../../shared/export/export';
import type { TopologyDocument } from '../../../../shared/model/document';
import { panosEndOptions } from '../../../../shared/vendors/panos/options';
import { panosReader } from '../../../../shared/vendors/panos/reader';
import { editOnce as edit } from '../../../support/fixture-edit';
import { ASA, CAUSES, changed, fixedByFirstOffer, imported, PA, panosBox } from '../../../support/panos-asa-seed';

const R = 'set rulebase security rules';
const OUT = (src: string, dst: string, svc = 'any') => `${R} hq-to-branch from trust to vpn source ${src} destination ${dst} application any service ${svc} action allow`;
const IN = (src: string, dst: string, svc = 'any') => `${R} branch-to-hq from vpn to trust source ${src} destination ${dst} application any service ${svc} action allow`;
const PID = 'set network tunnel ipsec TUN-ASA-Branch auto-key proxy-id';
const ROUTE = 'set network virtual-router default routing-table ip static-route';

/** Per seed cause, every line its PAN-OS diff adds or removes. */
const EXPECTED: Record<(typeof CAUSES)[number]['name'], string[]> = {
  // The selectors were reversed on the box: the fix turns the proxy ID round. The box's rules
  // had source and destination the right way round already: they are written as the box has
  // them, and do not change.
  reversal: [`-${PID} BRANCH-LAN local 10.20.0.0/24 remote 10.10.0.0/24 protocol any`, `+${PID} BRANCH-LAN local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`],
  // The remote prefix becomes /25, in the box's proxy ID of that name; the box's rules and the
  // route already cover the /25.
  'typo /24 vs /25': [`-${PID} BRANCH-LAN local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`, `+${PID} BRANCH-LAN local 10.10.0.0/24 remote 10.20.0.0/25 protocol any`],
  // The proxy ID's protocol and port go; the box's rules keep their own services.
  'protocol and port on one side': [
    `-${PID} BRANCH-LAN local 10.10.0.0/24 remote 10.20.0.0/24 protocol tcp local-port 0 remote-port 443`,
    `+${PID} BRANCH-LAN local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`,
  ],
  // A second remote network: a new proxy ID, a new route and a new address object (the exporter's
  // names), added to the box's rules.
  'missing proxy ID': [
    `+${PID} outside_cryptomap local 10.10.0.0/24 remote 10.21.0.0/24 protocol any`,
    `+${ROUTE} PA-HQ---ASA-Branch-2 destination 10.21.0.0/24 interface tunnel.1`,
    `-${OUT('HQ-LAN', 'BRANCH-LAN', 'application-default')}`,
    `-${IN('BRANCH-LAN', 'HQ-LAN', 'application-default')}`,
    '+set address N-10.21.0.0-24 ip-netmask 10.21.0.0/24',
    `+${OUT('HQ-LAN', '[ BRANCH-LAN N-10.21.0.0-24 ]', 'application-default')}`,
    `+${IN('[ BRANCH-LAN N-10.21.0.0-24 ]', 'HQ-LAN', 'application-default')}`,
  ],
  // The box proposed 0.0.0.0/0 both ways: the fix adds the proxy ID, and the route and rules are already what it needs.
  'Gotcha 1, the ASA initiating': ['-# no proxy ID: PAN-OS proposes 0.0.0.0/0 <-> 0.0.0.0/0 (route-based default)', `+${PID} outside_cryptomap local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`],
  'Gotcha 1, PAN-OS initiating': ['-# no proxy ID: PAN-OS proposes 0.0.0.0/0 <-> 0.0.0.0/0 (route-based default)', `+${PID} outside_cryptomap local 10.10.0.0/24 remote 10.20.0.0/24 protocol any`],
};

const panosGateway = (doc: TopologyDocument) => doc.gateways.find((g) => g.vendor === 'panos')?.id ?? '';
const exported = (doc: TopologyDocument) => exportDocument(doc, { gateways: [panosGateway(doc)], skipEngineCheck: true });
const fileOf = (doc: TopologyDocument) => exported(doc).files[0]?.content ?? '';

describe('the corrected PAN-OS configuration names the box\'s routes, rules and address objects', () => {
  for (const c of CAUSES) {
    it(`${c.name}: the diff changes the box's objects, names new things anew, and adds no NAT rule`, () => {
      const fixed = fixedByFirstOffer(imported(c.pa, c.asa, c.initiator));
      const patch = panosBox(fixed).files.map((f) => f.patch).join('\n');
      expect(changed(patch)).toEqual(EXPECTED[c.name]);
      // Not one of the exporter's own names for what the box has.
      expect(patch).not.toMatch(/PA-HQ---ASA-Branch-(1|out|in|no-nat)\b|N-10\.(10|20)\.0\.0-24/);
      expect(patch).not.toContain('rulebase nat');
      // The whole corrected file: the box's route, rules and objects; no NAT exemption, and a note that says why.
      const file = fileOf(fixed);
      expect(file).toContain(`${ROUTE} branch-lan destination 10.20.0.0/24 interface tunnel.1`);
      expect(file).not.toMatch(/rulebase nat|static-route PA-HQ---ASA-Branch-1 /);
      expect(file).toContain('# no NAT exemption written: PA-HQ had none for this tunnel when imported');
      expect([...file.matchAll(/^set rulebase security rules (\S+)/gm)].map((m) => m[1])).toEqual(['hq-to-branch', 'branch-to-hq']);
      // The box's rules keep naming its objects, the /25 fix too (BRANCH-LAN covers the /25).
      expect([...file.matchAll(/^set address (\S+)/gm)].map((m) => m[1]).filter((n) => !n?.startsWith('N-'))).toEqual(['HQ-LAN', 'BRANCH-LAN']);
    });
  }

  it('the corrected rules read back as the design\'s policy, and re-imported record the same route and object names', () => {
    const fixed = fixedByFirstOffer(imported(CAUSES[0].pa, CAUSES[0].asa, CAUSES[0].initiator));
    const read = panosReader.read([{ name: 'PA-HQ.panos.txt', content: fileOf(fixed).replace('"<PSK:PA-HQ---ASA-Branch>"', 'secret') }]);
    if (!read.ok) throw new Error(read.message);
    expect(read.meaning.device?.policies).toEqual([
      { name: 'hq-to-branch', fromZone: 'trust', toZone: 'vpn', source: '10.10.0.0/24', destination: '10.20.0.0/24', protocol: 'any', port: 'any', action: 'allow' },
      { name: 'branch-to-hq', fromZone: 'vpn', toZone: 'trust', source: '10.20.0.0/24', destination: '10.10.0.0/24', protocol: 'any', port: 'any', action: 'allow' },
    ]);
    const names = read.meaning.peers[0]?.vendorOptions?.['panos'];
    // The rules are not the tunnel's here: the file does not write the inside interface (it assumes it), so the reader knows no inside zone.
    expect(names).toMatchObject({ staticRoutes: '10.20.0.0/24=branch-lan', addressObjects: '10.10.0.0/24=HQ-LAN,10.20.0.0/24=BRANCH-LAN' });
  });
});

describe('what the reader takes as the tunnel\'s rules, and what it leaves', () => {
  const end = (pa: string) => {
    const doc = imported(pa, ASA, 1);
    const id = panosGateway(doc);
    return doc.tunnels.flatMap((t) => [t.a, t.b]).find((e) => e.gatewayId === id)?.vendorOptions?.['panos'];
  };
  const NAT = 'set rulebase nat rules vpn-no-nat';
  const withExemption = `${PA}\n${NAT} from trust\n${NAT} to vpn\n${NAT} source HQ-LAN\n${NAT} destination BRANCH-LAN\n${NAT} service any\nmove rulebase nat rules vpn-no-nat top\n`;

  it('a box with a NAT exemption for the tunnel: it is recorded, written by its name as the box has it, and changed only for a network the tunnel gains', () => {
    expect(end(withExemption)).toMatchObject({ natExemptionRule: 'vpn-no-nat', natExemptionRuleMatch: 'HQ-LAN:BRANCH-LAN:any' });
    expect(end(withExemption)).not.toHaveProperty('natExemption');
    // The proxy ID was reversed, the box's exemption was right: the fix leaves it alone.
    const reversed = edit(edit(withExemption, `${PID} BRANCH-LAN local 10.10.0.0/24`, `${PID} BRANCH-LAN local 10.20.0.0/24`), `${PID} BRANCH-LAN remote 10.20.0.0/24`, `${PID} BRANCH-LAN remote 10.10.0.0/24`);
    const patch = panosBox(fixedByFirstOffer(imported(reversed, ASA, 1))).files.map((f) => f.patch).join('\n');
    expect(changed(patch).filter((l) => l.includes('rulebase nat'))).toEqual([]);
    // A second remote network: the exemption gains it.
    const more = CAUSES.find((c) => c.name === 'missing proxy ID');
    if (!more) throw new Error('no missing proxy ID cause');
    const gained = panosBox(fixedByFirstOffer(imported(withExemption, more.asa, 1))).files.map((f) => f.patch).join('\n');
    expect(changed(gained).filter((l) => l.includes('rulebase nat'))).toEqual([
      `-${NAT} from trust to vpn source HQ-LAN destination BRANCH-LAN service any`,
      `+${NAT} from trust to vpn source HQ-LAN destination [ BRANCH-LAN N-10.21.0.0-24 ] service any`,
    ]);
  });

  it('a box whose source NAT could take the tunnel\'s traffic (to any zone) and has no exemption: none is recorded, and the exporter writes its exemption', () => {
    const anyZone = edit(PA, 'set rulebase nat rules outbound-pat to untrust', 'set rulebase nat rules outbound-pat to any');
    expect(end(anyZone)).not.toHaveProperty('natExemption');
    expect(end(anyZone)).not.toHaveProperty('natExemptionRule');
    expect(fileOf(imported(anyZone, ASA, 1))).toContain('set rulebase nat rules PA-HQ---ASA-Branch-no-nat from trust to vpn source HQ-LAN destination BRANCH-LAN service any');
  });

  it('a rule for more than the tunnel (any, or another network too) or for part of it is not the tunnel\'s: the exporter writes its own', () => {
    const wide = edit(PA, 'set rulebase security rules hq-to-branch destination BRANCH-LAN', 'set rulebase security rules hq-to-branch destination any');
    expect(end(wide)).not.toHaveProperty('securityRuleOut');
    expect(end(wide)).toMatchObject({ securityRuleIn: 'branch-to-hq' });
    const other = edit(PA, 'set rulebase security rules branch-to-hq source BRANCH-LAN', 'set rulebase security rules branch-to-hq source [ BRANCH-LAN 10.99.0.0/24 ]');
    expect(end(other)).not.toHaveProperty('securityRuleIn');
    const part = edit(PA, 'set address BRANCH-LAN ip-netmask 10.20.0.0/24', 'set address BRANCH-LAN ip-netmask 10.20.0.0/25');
    expect(end(part)).not.toHaveProperty('securityRuleOut');
    expect(end(part)).not.toHaveProperty('securityRuleIn');
    // BRANCH-LAN is not 10.20.0.0/24 any more: only HQ-LAN is the name of one of the tunnel's prefixes.
    expect(end(part)).toMatchObject({ addressObjects: '10.10.0.0/24=HQ-LAN' });
    const doc = imported(wide, ASA, 1);
    expect(fileOf(doc)).toContain(`${R} PA-HQ---ASA-Branch-out from trust to vpn source HQ-LAN destination BRANCH-LAN application any service any action allow`);
    const disabled = `${PA}\nset rulebase security rules hq-to-branch disabled yes\n`;
    expect(end(disabled)).not.toHaveProperty('securityRuleOut');
  });

  it('a route in another virtual router, or through another interface, is not recorded', () => {
    const vr = PA.replaceAll('virtual-router default routing-table ip static-route branch-lan', 'virtual-router vr2 routing-table ip static-route branch-lan');
    expect(end(vr)).not.toHaveProperty('staticRoutes');
    const iface = edit(PA, 'static-route branch-lan interface tunnel.1', 'static-route branch-lan interface ethernet1/1');
    expect(end(iface)).not.toHaveProperty('staticRoutes');
  });
});

describe('the list settings', () => {
  const ok = (key: string, v: string) => panosEndOptions.schema.safeParse({ [key]: v }).success;
  it('hold <prefix>=<name> entries, comma-separated, and refuse anything else', () => {
    expect(['', '10.20.0.0/24=BRANCH-LAN', '10.10.0.0/24=HQ-LAN,10.20.0.0/24=BRANCH-LAN', '2001:db8::/64=v6-lan', `10.0.0.0/8=${'x'.repeat(63)}`].map((v) => ok('addressObjects', v))).toEqual([true, true, true, true, true]);
    expect(['BRANCH-LAN', '10.20.0.0/24=', '=x', '10.20.0.0/24=a b', '10.20.0.0/24=a,', `10.0.0.0/8=${'x'.repeat(64)}`, Array.from({ length: 80 }, (_, i) => `10.${i}.0.0/16=n${i}`).join(',')].map((v) => ok('staticRoutes', v))).toEqual([false, false, false, false, false, false, false]);
    expect(['auto', 'none', 'yes'].map((v) => panosEndOptions.schema.safeParse({ natExemption: v }).success)).toEqual([true, true, false]);
  });
});
