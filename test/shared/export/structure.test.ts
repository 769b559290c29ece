// The structural checks themselves must be able to fail: a wrong statement, a name used before
// its definition and a selector pair that is not mirrored are each caught, for every kind of
// grammar; and a vendor with an exporter but no grammar (or one no checker handles) fails, saying
// what to add, instead of being skipped.
import { describe, expect, it } from 'vitest';
import type { FileGrammar, FileSyntax } from '../../../shared/vendors/kit/grammar';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import { VENDOR_MODULES } from '../../../shared/vendors/registry';
import { EXPORT_GRAMMARS, ExportGrammars } from '../../support/export-grammars';
import { checkNamesDefinedFirst, checkStatementHeads, readSelectors, readTunnelSelectors, STRUCTURE_CHECKER } from './structure';

/** The grammar of the file an exporter would write under this name. */
const grammar = (fileName: string): FileGrammar => EXPORT_GRAMMARS.of(fileName).file;
const lines = (problems: { line: number }[]) => problems.map((p) => p.line);

describe('structural checks catch what they are for', () => {
  it('an unknown PAN-OS statement', () => {
    expect(checkStatementHeads(grammar('x.panos.txt'), 'set network ike gateway g peer-address ip 1.2.3.4\nset network ike gatewy g foo\n')).toHaveLength(1);
  });
  it('a Junos statement at the wrong hierarchy', () => {
    expect(checkStatementHeads(grammar('x.junos.txt'), 'set security ipsec vpn v bind-interface st0.0\nset security ipsec vpn v frobnicate yes\n')).toHaveLength(1);
  });
  it('an ASA sub-mode line under the wrong mode', () => {
    const text = 'crypto ikev2 policy 10\n encryption aes-256\n protocol esp encryption aes-256\n';
    expect(lines(checkStatementHeads(grammar('x.asa.txt'), text))).toEqual([3]);
  });
  it('an IOS keyring peer line outside its peer', () => {
    expect(checkStatementHeads(grammar('x.ios.txt'), 'crypto ikev2 keyring K\n peer P\n  address 1.2.3.4\n  pre-shared-key x\n')).toEqual([]);
    expect(checkStatementHeads(grammar('x.ios.txt'), 'crypto ikev2 keyring K\n  address 1.2.3.4\n')).toHaveLength(1);
  });
  it('a FortiOS key that its table does not have, and an unclosed config', () => {
    const text = 'config vpn ipsec phase1-interface\n    edit "x"\n        set remote-gw 1.2.3.4\n        set src-subnet 1.2.3.0 255.255.255.0\n    next\n';
    expect(lines(checkStatementHeads(grammar('x.fortigate.txt'), text))).toEqual([4, 0]);
  });
  it('a swanctl.conf key its section does not have, a section where none is, an unclosed section', () => {
    const conf = grammar('x.swanctl.conf');
    const ok = 'connections {\n    c {\n        version = 2\n        local {\n            auth = psk\n        }\n        children {\n            c {\n                local_ts = 10.1.0.0/24\n            }\n        }\n    }\n}\nsecrets {\n    ike-c {\n        id-local = 1.2.3.4\n        secret = "k"\n    }\n}\n';
    expect(checkStatementHeads(conf, ok)).toEqual([]);
    expect(checkStatementHeads(conf, 'include conf.d/*.conf\nconnections {\n    include more/*.conf\n}\n')).toEqual([]);
    // local_ts belongs to a child, not to the connection; `peers` is no section of a connection.
    expect(lines(checkStatementHeads(conf, 'connections {\n    c {\n        local_ts = 10.1.0.0/24\n        peers {\n        }\n    }\n}\n'))).toEqual([3, 4]);
    expect(lines(checkStatementHeads(conf, 'connections {\n    c {\n        version = 2\n'))).toEqual([0]);
    expect(lines(checkStatementHeads(conf, 'connections {\n}\n}\nversion 2\n'))).toEqual([3, 4]);
  });
  it('an ipsec.conf parameter a conn does not have, a line outside any section, a side parameter that does not exist', () => {
    const conf = grammar('x.ipsec.conf');
    expect(checkStatementHeads(conf, 'config setup\n    logfile=/var/log/pluto.log\n\nconn a\n    left=1.2.3.4\n    leftsubnet=10.1.0.0/24\n    rightprotoport=tcp/443\n    ikev2=yes\n    x-mine=1\n')).toEqual([]);
    expect(lines(checkStatementHeads(conf, '    left=1.2.3.4\nconn a\n    leftsubnets=10.0.0.0/8\n    leftsubnetz=10.0.0.0/8\n    logfile=/x\n    ike\nconn\n'))).toEqual([1, 4, 5, 6, 7]);
  });
  it('an ipsec.secrets record of an unknown kind, with the wrong number of tokens, without its colon', () => {
    const secrets = grammar('x.ipsec.secrets');
    expect(checkStatementHeads(secrets, '1.2.3.4 5.6.7.8 : PSK "k"\n@a.example @b.example : psk \'it has "quotes"\'\n: PPKS "id" "key"\ninclude /etc/ipsec.d/*.secrets\n')).toEqual([]);
    expect(lines(checkStatementHeads(secrets, '1.2.3.4 : KEY "k"\n1.2.3.4 : PSK "k" "l"\n1.2.3.4 PSK "k"\n1.2.3.4 : PSK "k\n    5.6.7.8 : PSK "k"\n'))).toEqual([1, 2, 3, 4, 5]);
  });
  it('a name used before it is defined', () => {
    const pan = 'set network ike gateway g protocol ikev2 ike-crypto-profile P\nset network ike crypto-profiles ike-crypto-profiles P hash sha256\n';
    expect(lines(checkNamesDefinedFirst(grammar('x.panos.txt'), pan))).toEqual([1]);
    const junos = 'set security ipsec vpn v bind-interface st0.0\nset interfaces st0 unit 0 family inet\n';
    expect(checkNamesDefinedFirst(grammar('x.junos.txt'), junos)).toHaveLength(1);
    const asa = 'access-list A extended permit ip object L object R\nobject network L\n subnet 10.0.0.0 255.255.255.0\n';
    expect(checkNamesDefinedFirst(grammar('x.asa.txt'), asa).length).toBeGreaterThan(0);
    const forti = 'config vpn ipsec phase2-interface\n    edit "p2"\n        set phase1name "p1"\n    next\nend\n';
    expect(checkNamesDefinedFirst(grammar('x.fortigate.txt'), forti)).toHaveLength(1);
  });
  it('a swanctl.conf connection or key written twice (strongSwan would merge them), a name with a dot', () => {
    const conf = grammar('x.swanctl.conf');
    expect(checkNamesDefinedFirst(conf, 'connections {\n    a {\n        version = 2\n    }\n    b {\n        version = 2\n    }\n}\n')).toEqual([]);
    expect(lines(checkNamesDefinedFirst(conf, 'connections {\n    a {\n        version = 2\n        version = 1\n    }\n    a {\n    }\n    a.b {\n    }\n}\n'))).toEqual([4, 6, 8]);
  });
  it('an ipsec.conf conn twice, a parameter twice, a conn name ipsec.conf(5) does not allow; ipsec.secrets records that disagree', () => {
    const conf = grammar('x.ipsec.conf');
    expect(checkNamesDefinedFirst(conf, 'conn a\n    also=b\n    also=c\nconn b\nconn %default\n')).toEqual([]);
    expect(lines(checkNamesDefinedFirst(conf, 'conn a\n    left=1.2.3.4\n    left=1.2.3.5\nconn a\nconn 1st\n'))).toEqual([3, 4, 5]);
    const secrets = grammar('x.ipsec.secrets');
    expect(checkNamesDefinedFirst(secrets, '1.2.3.4 5.6.7.8 : PSK "k"\n1.2.3.4 5.6.7.8 : PSK "k"\n')).toEqual([]);
    expect(lines(checkNamesDefinedFirst(secrets, '1.2.3.4 5.6.7.8 : PSK "k"\n1.2.3.4 5.6.7.8 : PSK "other"\n'))).toEqual([2]);
  });
  it('reads selectors back in each notation', () => {
    expect(readSelectors(grammar('x.ios.txt'), ' permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.255.255\n permit tcp host 10.1.0.5 any eq 443\n')).toEqual([
      { local: '10.1.0.0/24', remote: '10.2.0.0/16' },
      { local: '10.1.0.5/32', remote: '0.0.0.0/0' },
    ]);
    expect(readSelectors(grammar('x.fortigate.txt'), '        set src-subnet 10.1.0.0 255.255.255.0\n        set dst-subnet 10.2.0.0 255.255.0.0\n')).toEqual([{ local: '10.1.0.0/24', remote: '10.2.0.0/16' }]);
    expect(readSelectors(grammar('x.swanctl.conf'), '                local_ts = 10.1.0.0/24[tcp/443]\n                remote_ts = 10.2.0.0/16\n')).toEqual([{ local: '10.1.0.0/24', remote: '10.2.0.0/16' }]);
    expect(readSelectors(grammar('x.ipsec.conf'), '    leftsubnet=10.1.0.0/24\n    rightsubnet=2001:db8::/64\n')).toEqual([{ local: '10.1.0.0/24', remote: '2001:db8::/64' }]);
    expect(readSelectors(grammar('x.asa.txt'), 'object network L\n subnet 10.1.0.0 255.255.255.0\nobject network R\n host 10.2.0.9\naccess-list A extended permit ip object L object R\naccess-list A extended permit ip object L any4\n')).toEqual([
      { local: '10.1.0.0/24', remote: '10.2.0.9/32' },
      { local: '10.1.0.0/24', remote: '0.0.0.0/0' },
    ]);
    expect(readTunnelSelectors(grammar('x.screenos.txt'), '# ---- tunnel a to X\nset vpn "a" proxy-id local-ip 1.0.0.0/8 remote-ip 2.0.0.0/8 any\n# ---- tunnel b to Y\nset vpn "b" proxy-id local-ip 3.0.0.0/8 remote-ip 4.0.0.0/8 any\n', 'b')).toEqual([{ local: '3.0.0.0/8', remote: '4.0.0.0/8' }]);
  });
  it("reads a FortiOS tunnel's selectors from the phase 2 entries that name its phase 1", () => {
    const text = [
      'config vpn ipsec phase1-interface',
      '# tunnel first-tunnel to X (fortigate), IKEv2',
      '    edit "first"',
      '    next',
      '# tunnel second-tunnel to Y (fortigate), IKEv2',
      '    edit "second"',
      '    next',
      'end',
      'config vpn ipsec phase2-interface',
      '    edit "p2-a"',
      '        set phase1name "first"',
      '        set src-subnet 10.1.0.0 255.255.255.0',
      '        set dst-subnet 10.2.0.0 255.255.255.0',
      '    next',
      '    edit "p2-b"',
      '        set phase1name "second"',
      '        set src-subnet 10.1.0.0 255.255.255.0',
      '        set dst-subnet 10.3.0.0 255.255.255.0',
      '    next',
      'end',
    ].join('\n');
    expect(readTunnelSelectors(grammar('x.fortigate.txt'), text, 'second-tunnel')).toEqual([{ local: '10.1.0.0/24', remote: '10.3.0.0/24' }]);
  });
});

describe('every vendor with an exporter is checked, or a test says what is missing', () => {
  it('every vendor of the registry with an exporter has a grammar these checks handle', () => {
    expect(EXPORT_GRAMMARS.vendors.length).toBeGreaterThan(0);
    expect(EXPORT_GRAMMARS.problems([STRUCTURE_CHECKER])).toEqual([]);
  });

  // A vendor added with its exporter and without its grammar, as the registry would hold it.
  const base = VENDOR_MODULES.find((m) => 'exporter' in m) as VendorModule;
  const { grammar: _, ...noGrammar } = base;
  const scratch: VendorModule = { ...noGrammar, id: 'scratch-vpn' };

  it('a vendor with an exporter and no grammar fails, saying what to add', () => {
    const grammars = new ExportGrammars([...VENDOR_MODULES, scratch]);
    const problems = grammars.problems([STRUCTURE_CHECKER]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scratch-vpn has an exporter but no grammar, so no test can check what it writes: add shared\/vendors\/scratch-vpn\/grammar\.ts, a VendorGrammar .* and set `grammar` in its module \(shared\/vendors\/scratch-vpn\/vendor\.ts\)$/);
    // The files it writes are not passed over either: looking up their grammar throws, naming it.
    expect(() => grammars.of('A.scratch.txt')).toThrow(/no vendor's grammar declares files ending like this\. Vendors with an exporter and no grammar: scratch-vpn; add shared\/vendors\/<vendor>\/grammar\.ts/);
    expect(() => grammars.grammarOf('scratch-vpn')).toThrow(/scratch-vpn has an exporter but no grammar/);
  });

  it('a grammar of a kind no checker handles fails, naming the kind and where to add its checker', () => {
    const file = { suffix: '.scratch.yaml', comment: '#', batfish: 'none', syntax: { kind: 'yaml-tree' } as unknown as FileSyntax } satisfies FileGrammar;
    const withKind: VendorModule = { ...scratch, grammar: { files: [file] } };
    const problems = new ExportGrammars([...VENDOR_MODULES, withKind]).problems([STRUCTURE_CHECKER]);
    expect(problems).toEqual([
      expect.stringMatching(/^scratch-vpn: no checker in test\/shared\/export\/structure\.ts handles the grammar kind "yaml-tree" of its \.scratch\.yaml files: add one there/),
      'scratch-vpn: no file of its grammar says where traffic selectors are written: add `selectors` to the FileGrammar of its configuration file',
    ]);
    // The checks report it on the file instead of passing it.
    expect(checkStatementHeads(file, 'a: b\n')).toEqual([{ line: 0, text: '', problem: expect.stringContaining('no structural checker handles the grammar kind "yaml-tree"') }]);
    expect(checkNamesDefinedFirst(file, 'a: b\n')).toHaveLength(1);
  });

  it('two grammars claiming the same file names fail', () => {
    const clash: VendorModule = { ...scratch, grammar: { files: [{ ...grammar('x.panos.txt'), suffix: '.txt' }] } };
    expect(new ExportGrammars([...VENDOR_MODULES, clash]).problems([STRUCTURE_CHECKER]).some((p) => /ends in \.txt \(scratch-vpn\): make the suffixes distinct/.test(p))).toBe(true);
  });
});
