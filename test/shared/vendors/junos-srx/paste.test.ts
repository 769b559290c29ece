// What to paste on a Junos SRX (shared/vendors/junos-srx/paste.ts): exact scripts for concrete
// changes of a configuration as the exporter writes it (from the pan-asa-interop template's
// PA-HQ retargeted to Junos), and the CLI model refusing what Junos refuses.
import { describe, expect, it } from 'vitest';
import { importedAndFixed as importedAndFixedOf } from '../../../support/paste-pairs';
import { junosPaste } from '../../../../shared/vendors/junos-srx/paste';
import { junosReader } from '../../../../shared/vendors/junos-srx/reader';

const BOX = `# IPsec Studio export for gateway "PA-HQ" (Juniper Junos SRX, SRX345 21.4)
set security ike proposal ike-pa-asa-1 authentication-method pre-shared-keys
set security ike proposal ike-pa-asa-1 dh-group group14
set security ike proposal ike-pa-asa-1 authentication-algorithm sha1
set security ike proposal ike-pa-asa-1 encryption-algorithm aes-256-cbc
set security ike proposal ike-pa-asa-1 lifetime-seconds 28800
set security ike policy ike-pa-asa mode main
set security ike policy ike-pa-asa proposals ike-pa-asa-1
set security ike policy ike-pa-asa pre-shared-key ascii-text "pa-asa-secret"
set security ike gateway gw-pa-asa ike-policy ike-pa-asa
set security ike gateway gw-pa-asa address 203.0.113.2
set security ike gateway gw-pa-asa external-interface ge-0/0/0.0
set security ike gateway gw-pa-asa local-address 198.51.100.1
set security ike gateway gw-pa-asa version v1-only
set security ike gateway gw-pa-asa dead-peer-detection interval 10
set security ipsec proposal esp-pa-asa-1 protocol esp
set security ipsec proposal esp-pa-asa-1 authentication-algorithm hmac-sha1-96
set security ipsec proposal esp-pa-asa-1 encryption-algorithm aes-256-cbc
set security ipsec proposal esp-pa-asa-1 lifetime-seconds 3600
set security ipsec policy ipsec-pa-asa perfect-forward-secrecy keys group14
set security ipsec policy ipsec-pa-asa proposals esp-pa-asa-1
set interfaces st0 unit 0 family inet
set security zones security-zone vpn interfaces st0.0
set security ipsec vpn pa-asa bind-interface st0.0
set security zones security-zone untrust host-inbound-traffic system-services ike
set security ipsec vpn pa-asa ike gateway gw-pa-asa
set security ipsec vpn pa-asa ike ipsec-policy ipsec-pa-asa
set security ipsec vpn pa-asa establish-tunnels on-traffic
set routing-options static route 10.20.0.0/24 next-hop st0.0
set security address-book global address N-10.10.0.0-24 10.10.0.0/24
set security address-book global address N-10.20.0.0-24 10.20.0.0/24
set security policies from-zone trust to-zone vpn policy pa-asa-out match source-address N-10.10.0.0-24 destination-address N-10.20.0.0-24 application any
set security policies from-zone trust to-zone vpn policy pa-asa-out then permit
set security policies from-zone vpn to-zone trust policy pa-asa-in match source-address N-10.20.0.0-24 destination-address N-10.10.0.0-24 application any
set security policies from-zone vpn to-zone trust policy pa-asa-in then permit
`;

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
  return text.replace(from, to);
};
const commands = (before: string, after: string) => junosPaste.commands(before, after, 'PA-HQ.junos.txt');

describe('Junos paste: the commands', () => {
  it('enters configuration mode, checks and commits', () => {
    const s = commands(BOX, edit(BOX, 'lifetime-seconds 28800', 'lifetime-seconds 86400'));
    expect(s.enter).toEqual(['configure']);
    expect(s.leave).toEqual(['commit check', 'commit']);
  });

  it('a changed leaf is one set (set replaces a leaf)', () => {
    expect(commands(BOX, edit(BOX, 'dh-group group14', 'dh-group group19')).text).toBe('set security ike proposal ike-pa-asa-1 dh-group group19\n');
  });

  it('a member added to a list is set alone; one removed is deleted alone', () => {
    const two = edit(BOX, 'match source-address N-10.10.0.0-24 destination-address N-10.20.0.0-24', 'match source-address [ N-10.10.0.0-24 N-10.11.0.0-24 ] destination-address N-10.20.0.0-24');
    expect(commands(BOX, two).text).toBe('set security policies from-zone trust to-zone vpn policy pa-asa-out match source-address N-10.11.0.0-24\n');
    expect(commands(two, BOX).text).toBe('delete security policies from-zone trust to-zone vpn policy pa-asa-out match source-address N-10.11.0.0-24\n');
  });

  it('DPD turned off deletes the whole dead-peer-detection statement, not only its interval', () => {
    expect(commands(BOX, edit(BOX, 'set security ike gateway gw-pa-asa dead-peer-detection interval 10\n', '')).text).toBe('delete security ike gateway gw-pa-asa dead-peer-detection\n');
  });

  it('a removed VPN: its gateway, policies, route, zone interface and st0 unit deleted; proposals, addresses and the zone service only noted', () => {
    const s = commands(BOX, '# IPsec Studio export for gateway "PA-HQ"\n');
    expect(s.text).toBe(
      [
        'delete security policies from-zone vpn to-zone trust policy pa-asa-in',
        'delete security policies from-zone trust to-zone vpn policy pa-asa-out',
        'delete routing-options static route 10.20.0.0/24',
        'delete security ipsec vpn pa-asa',
        'delete security zones security-zone vpn interfaces st0.0',
        'delete interfaces st0 unit 0',
        'delete security ipsec policy ipsec-pa-asa',
        'delete security ike gateway gw-pa-asa',
        'delete security ike policy ike-pa-asa',
        '',
      ].join('\n'),
    );
    expect(s.notes.map((n) => n.split(' is no longer')[0])).toEqual([
      'security address-book global address N-10.20.0.0-24',
      'security address-book global address N-10.10.0.0-24',
      'security zones security-zone untrust host-inbound-traffic system-services ike',
      'security ipsec proposal esp-pa-asa-1',
      'security ike proposal ike-pa-asa-1',
    ]);
    const r = junosPaste.apply(BOX, s);
    expect(r.ok).toBe(true);
  });

  it('nothing changed, nothing to paste', () => {
    expect(commands(BOX, BOX).text).toBe('');
  });
});

describe('Junos paste: the CLI model', () => {
  const script = (text: string) => ({ kind: 'commands' as const, text, enter: ['configure'], leave: ['commit'], notes: [] });

  it('refuses to delete what the configuration does not have, naming the script line', () => {
    const r = junosPaste.apply(BOX, script('set security ike proposal ike-pa-asa-1 dh-group group19\ndelete security ipsec vpn other\n'));
    expect(r).toEqual({ ok: false, line: 2, message: 'statement not found: security ipsec vpn other' });
  });

  it('set on a list adds: a script that relies on set replacing a list leaves the old member', () => {
    const wanted = edit(BOX, 'set security ike policy ike-pa-asa proposals ike-pa-asa-1', 'set security ike policy ike-pa-asa proposals ike-pa-asa-2\nset security ike proposal ike-pa-asa-2 dh-group group19');
    const naive = junosPaste.apply(BOX, script('set security ike proposal ike-pa-asa-2 dh-group group19\nset security ike policy ike-pa-asa proposals ike-pa-asa-2\n'));
    expect(naive.ok && naive.config).toContain('set security ike policy ike-pa-asa proposals ike-pa-asa-1\n');
    expect(naive.ok && naive.config).toContain('set security ike policy ike-pa-asa proposals ike-pa-asa-2\n');
    const s = commands(BOX, wanted);
    expect(s.text).toContain('delete security ike policy ike-pa-asa proposals ike-pa-asa-1\n');
    const r = junosPaste.apply(BOX, s);
    expect(r.ok && r.config).not.toContain('proposals ike-pa-asa-1');
  });

  it('set on a leaf replaces, delete removes everything under the path, and the reader reads the result', () => {
    const r = junosPaste.apply(BOX, script('set security ike gateway gw-pa-asa version v2-only\ndelete security ike gateway gw-pa-asa dead-peer-detection\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toContain('set security ike gateway gw-pa-asa version v2-only\n');
    expect(r.config).not.toContain('v1-only');
    expect(r.config).not.toContain('dead-peer-detection');
    expect(junosReader.read([{ name: 'PA-HQ.junos.txt', content: r.config }]).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// An imported box: the pan-asa-interop template retargeted to 'junos-srx', exported, the box's route
// taken out before import, and the engine's first fix applied; the Changes since import view
// gives each changed file its paste.

const importedAndFixed = () => importedAndFixedOf('junos-srx', 'set routing-options static route 10.20.0.0/24 next-hop st0.0\n');

describe('Junos paste of an imported box, fixed', () => {
  it('the proxy ID the fix adds: a traffic selector set in the box\'s own VPN; its policies, which permit any already, kept as the box has them', () => {
    const box = importedAndFixed().find((b) => b.status === 'changed');
    expect(box?.files[0]?.paste?.text).toBe('set security ipsec vpn pa-asa traffic-selector ts-1 local-ip 10.10.0.0/24 remote-ip 10.20.0.0/24\n');
    expect(box?.files[0]?.paste?.leave).toEqual(['commit check', 'commit']);
  });
});
