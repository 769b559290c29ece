// The structural checks themselves must be able to fail: a wrong statement, a name used before
// its definition and a selector pair that is not mirrored are each caught.
import { describe, expect, it } from 'vitest';
import { checkNamesDefinedFirst, checkStatementHeads, readSelectors, readTunnelSelectors } from './structure';

describe('structural checks catch what they are for', () => {
  it('an unknown PAN-OS statement', () => {
    expect(checkStatementHeads('panos', 'set network ike gateway g peer-address ip 1.2.3.4\nset network ike gatewy g foo\n')).toHaveLength(1);
  });
  it('a Junos statement at the wrong hierarchy', () => {
    expect(checkStatementHeads('junos-srx', 'set security ipsec vpn v bind-interface st0.0\nset security ipsec vpn v frobnicate yes\n')).toHaveLength(1);
  });
  it('an ASA sub-mode line under the wrong mode', () => {
    const text = 'crypto ikev2 policy 10\n encryption aes-256\n protocol esp encryption aes-256\n';
    expect(checkStatementHeads('cisco-asa', text).map((p) => p.line)).toEqual([3]);
  });
  it('an IOS keyring peer line outside its peer', () => {
    expect(checkStatementHeads('cisco-ios', 'crypto ikev2 keyring K\n peer P\n  address 1.2.3.4\n  pre-shared-key x\n')).toEqual([]);
    expect(checkStatementHeads('cisco-ios', 'crypto ikev2 keyring K\n  address 1.2.3.4\n')).toHaveLength(1);
  });
  it('a FortiOS key that its table does not have, and an unclosed config', () => {
    const text = 'config vpn ipsec phase1-interface\n    edit "x"\n        set remote-gw 1.2.3.4\n        set src-subnet 1.2.3.0 255.255.255.0\n    next\n';
    const problems = checkStatementHeads('fortigate', text);
    expect(problems.map((p) => p.line)).toEqual([4, 0]);
  });
  it('a name used before it is defined', () => {
    const pan = 'set network ike gateway g protocol ikev2 ike-crypto-profile P\nset network ike crypto-profiles ike-crypto-profiles P hash sha256\n';
    expect(checkNamesDefinedFirst('panos', pan).map((p) => p.line)).toEqual([1]);
    const junos = 'set security ipsec vpn v bind-interface st0.0\nset interfaces st0 unit 0 family inet\n';
    expect(checkNamesDefinedFirst('junos-srx', junos)).toHaveLength(1);
    const asa = 'access-list A extended permit ip object L object R\nobject network L\n subnet 10.0.0.0 255.255.255.0\n';
    expect(checkNamesDefinedFirst('cisco-asa', asa).length).toBeGreaterThan(0);
    const forti = 'config vpn ipsec phase2-interface\n    edit "p2"\n        set phase1name "p1"\n    next\nend\n';
    expect(checkNamesDefinedFirst('fortigate', forti)).toHaveLength(1);
  });
  it('reads selectors back in each notation', () => {
    expect(readSelectors('cisco-ios', ' permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.255.255\n')).toEqual([{ local: '10.1.0.0/24', remote: '10.2.0.0/16' }]);
    expect(readSelectors('fortigate', '        set src-subnet 10.1.0.0 255.255.255.0\n        set dst-subnet 10.2.0.0 255.255.0.0\n')).toEqual([{ local: '10.1.0.0/24', remote: '10.2.0.0/16' }]);
    expect(readTunnelSelectors('screenos', '# ---- tunnel a to X\nset vpn "a" proxy-id local-ip 1.0.0.0/8 remote-ip 2.0.0.0/8 any\n# ---- tunnel b to Y\nset vpn "b" proxy-id local-ip 3.0.0.0/8 remote-ip 4.0.0.0/8 any\n', 'b')).toEqual([{ local: '3.0.0.0/8', remote: '4.0.0.0/8' }]);
  });
});
