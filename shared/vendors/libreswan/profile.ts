// Libreswan (pluto). Not usable as a full oracle on this kernel (ORACLE.md), so its rules are
// documented or assumed.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';

const DOC = 'ipsec.conf(5) (Libreswan 4.x): leftsubnet(s), narrowing=';

const rules = ruleTable('libreswan', [
  ...phase1Rules('libreswan', 'documented', 'ipsec.conf(5) (Libreswan)'),
  { id: 'libreswan.v1.subset', statement: 'IKEv1 responder accepts a proposal inside one of its connections\' subnets (it routes the instance), else INVALID_ID_INFORMATION.', provenance: 'assumed', source: DOC },
  { id: 'libreswan.v2.no-narrowing', statement: 'IKEv2 with narrowing=no (the default): the proposal must equal the connection\'s subnets; otherwise TS_UNACCEPTABLE.', provenance: 'documented', source: DOC },
  { id: 'libreswan.v2.initiator', statement: 'IKEv2 initiator with narrowing=no accepts only what it proposed.', provenance: 'documented', source: DOC },
  { id: 'libreswan.default', statement: 'Without leftsubnet/rightsubnet the connection covers the IKE addresses (host-to-host).', provenance: 'documented', source: DOC },
  { id: 'libreswan.each-subnet', statement: 'Each leftsubnets × rightsubnets pair is its own connection instance (own SA).', provenance: 'documented', source: DOC },
  { id: 'libreswan.pfs', statement: 'pfs=yes (default) requires a matching group.', provenance: 'documented', source: DOC },
]);

export const libreswan: VendorProfile = {
  vendor: 'libreswan',
  label: 'Libreswan',
  rules,
  selectors: () => ({
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: 'subset',
    v2Responder: 'exact',
    v2Initiator: 'exact-only',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: 'ike-addresses',
    acceptsAnyPfsWhenNoneConfigured: false,
    rules: { v1Propose: 'libreswan.each-subnet', v1Respond: 'libreswan.v1.subset', v2Respond: 'libreswan.v2.no-narrowing', v2Initiator: 'libreswan.v2.initiator', default: 'libreswan.default', pfs: 'libreswan.pfs' },
  }),
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'libreswan.ike.proposal', psk: 'libreswan.ike.psk', version: 'libreswan.ike.version', identity: 'libreswan.ike.identity' },
  },
  logs: {
    source: 'pluto log (journalctl -u ipsec)',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `"tunnel" #1: cannot respond to IPsec SA request because no connection is known for ${e.local}===${e.peer}...${e.remote}`;
        case 'child-established':
          return `"${e.child}" #2: IPsec SA established tunnel mode {ESP/NAT=>0x1 <0x2} ${e.local}===${e.remote}`;
        default:
          return `pluto: ${plainLine('', e)}`;
      }
    },
  },
};
