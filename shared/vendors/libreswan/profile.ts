// Libreswan (pluto). Its selector and phase-1 rules are verified against real Libreswan 4.10 pluto
// negotiating with real strongSwan 5.9.8 charon (shared/tools/ike-rigs, notes/ORACLE-OTHERS.md):
// the runs behind each rule are test/fixtures/interop-others/*--pluto-as-*.json and the seeded
// runs of test/oracle/engine-vs-others.test.ts. Rules not seen there stay documented.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';
import { libreswanOptionsOf } from './options';

const DOC = 'ipsec.conf(5) (Libreswan 4.x): leftsubnet(s), narrowing=';
const RIG = 'verified: Libreswan 4.10 pluto against strongSwan 5.9.8 charon (oracle run';
const run = (files: string, line: string): string => `${RIG} ${files}): pluto log \`${line}\``;

const rules = ruleTable('libreswan', [
  ...phase1Rules('libreswan', 'documented', 'ipsec.conf(5) (Libreswan)').filter((r) => r.id !== 'libreswan.ike.psk'),
  { id: 'libreswan.ike.psk', statement: 'Both ends must hold the same pre-shared key: IKEv2 answers AUTHENTICATION_FAILED; an IKEv1 Main Mode responder that cannot decrypt message 5 sends nothing, and the initiator retransmits and times out.', provenance: 'verified', source: run('interop-others/v1-psk-mismatch--pluto-as-responder.json, v2-psk-mismatch--pluto-as-responder.json', '"x" #1: sent Main Mode R2` and nothing after; charon `giving up after 2 retransmits') },
  { id: 'libreswan.v1.exact', statement: 'IKEv1 responder accepts Quick Mode IDs only when they equal one connection\'s subnets and protocol/port (mirrored); a proposal inside them, or wider, gets INVALID_ID_INFORMATION.', provenance: 'verified', source: run('interop-others/v1-responder-subset--pluto-as-responder.json, v1-responder-superset--pluto-as-responder.json', '"x" #1: cannot respond to IPsec SA request because no connection is known for 10.2.0.0/16===192.0.2.2[@b]...192.0.2.1[@a]===10.1.0.0/16') },
  { id: 'libreswan.v1.initiator-answer', statement: 'IKEv1 initiator accepts a Quick Mode answer with narrower addresses, or with a protocol where it proposed any ("Allowing questionable (microsoft) proposal anyway"), and refuses one with other ports than it proposed: INVALID_ID_INFORMATION, the child is not established.', provenance: 'verified', source: run('interop-others/v1-responder-subset--pluto-as-initiator.json; other ports: engine-vs-others gen-364 pluto-initiator', '"c1" #2: peer client peer returned port doesn\'t match my proposal - us: 0 vs them: 1500` … `sending encrypted notification INVALID_ID_INFORMATION') },
  { id: 'libreswan.v1.initiator-installs-own', statement: 'IKEv1 initiator accepts a narrowed Quick Mode answer and installs its own configured subnets, not the answered ones.', provenance: 'verified', source: run('interop-others/v1-responder-subset--pluto-as-initiator.json', '"x" #2: our client subnet returned doesn\'t match my proposal - us: 10.1.0.0/16 vs them: 10.1.1.0/24` … `Allowing questionable (microsoft) proposal anyway') },
  { id: 'libreswan.v2.no-narrowing', statement: 'IKEv2 with narrowing=no (the default): the proposal must equal the connection\'s subnets; otherwise TS_UNACCEPTABLE.', provenance: 'verified', source: run('interop-others/v2-narrow-to-responder--pluto-as-responder.json', 'ts: narrow range: END initiator.client.selector=10.1.1.0/24 EQUALS TS TSi[0]=10.1.0.0-10.1.255.255 ==> <unset-range> (must match)` … `No IKEv2 connection found with compatible Traffic Selectors') },
  { id: 'libreswan.v2.narrowing', statement: 'IKEv2 responder with narrowing=yes: the IKE SA\'s own connection is answered with its subnets when the proposal holds them on both ends; otherwise the first connection whose subnets hold the whole proposal answers it as proposed. One end wider and the other narrower, a partial overlap, or a proposed address range that is not one subnet gets TS_UNACCEPTABLE (no intersection is computed).', provenance: 'verified', source: run('interop-others/v2-narrow-to-responder--pluto-as-responder-narrowingyes.json, v2-mixed-narrow--pluto-as-responder-narrowingyes.json; a range: engine-vs-others gen-729 pluto-responder narrowing=yes, `Traffic Selector range 10.2.224.40-10.2.231.99 invalid: address range is not a subnet`', 'evaluating connection "x"[1] 192.0.2.1 $2` … `narrow range: END initiator.client.selector=10.1.1.0/24 NARROWER-THAN TS TSi[0]=10.1.0.0-10.1.255.255 ==> 10.1.1.0-10.1.1.255 (use END, but must fit within TS)`; then `evaluating connection "x" $1` … `narrow range: END responder.client.selector=10.2.1.0/24 WIDER-THAN TS TSr[0]=10.2.0.0-10.2.255.255 ==> <unset-range> (use TS, but must fit within END)') },
  { id: 'libreswan.v2.initiator', statement: 'IKEv2 initiator with narrowing=no accepts only what it proposed.', provenance: 'verified', source: run('interop-others/v2-narrow-to-responder--pluto-as-initiator.json', 'CHILD SA failed: TS_UNACCEPTABLE') },
  { id: 'libreswan.v2.initiator-narrowing', statement: 'IKEv2 initiator with narrowing=yes accepts an answer inside what it proposed and installs it, when each answered address range is one subnet (an answer narrowed to a range that is not a prefix fails the child).', provenance: 'verified', source: run('interop-others/v2-narrow-to-responder--pluto-as-initiator-narrowingyes.json; not a prefix: engine-vs-others gen-95 pluto-initiator narrowing=yes', 'ts: narrow range: END initiator.client.selector=10.1.0.0/16 WIDER-THAN TS TSi[0]=10.1.1.0-10.1.1.255 ==> 10.1.1.0-10.1.1.255 (use TS, but must fit within END)` … `initiator established Child SA using #1; IPsec tunnel [10.1.1.0-10.1.1.255:0-65535 0] -> [10.2.1.0-10.2.1.255:0-65535 0]') },
  { id: 'libreswan.default', statement: 'Without leftsubnet/rightsubnet the connection covers the IKE addresses (host-to-host).', provenance: 'documented', source: DOC },
  { id: 'libreswan.each-subnet', statement: 'Each leftsubnets × rightsubnets pair is its own connection instance (own SA).', provenance: 'documented', source: DOC },
  { id: 'libreswan.packet-trigger', statement: 'A connection started by traffic (auto=ondemand) proposes its configured leftsubnet/rightsubnet, not the packet\'s own addresses and ports, in IKEv2 and IKEv1.', provenance: 'verified', source: `${RIG} probe test/oracle/probes/trap-acquire-pluto.mjs, trap-acquire-pluto.observed.txt): pluto \`initiate on-demand for packet 10.1.0.10:49698-UDP->10.2.0.10:53\`, charon responder \`looking for a child config for 10.2.0.0/16 === 10.1.0.0/16\` (IKEv2 udp and tcp, IKEv1)` },
  { id: 'libreswan.pfs', statement: 'IKEv2: pfs=yes (default) requires a matching group.', provenance: 'documented', source: DOC },
  { id: 'libreswan.v1.pfs', statement: 'IKEv1 responder whose connection has pfs=no accepts a Quick Mode proposal with a PFS group and does the exchange with it.', provenance: 'verified', source: `${RIG} engine-vs-others gen-313 pluto-responder): pluto \`responding to Quick Mode proposal\` … \`IPsec SA established\`; charon \`selected proposal: ESP:…/ECP_256/NO_EXT_SEQ\`` },
]);

export const libreswan: VendorProfile = {
  vendor: 'libreswan',
  label: 'Libreswan',
  rules,
  selectors: ({ end }) => {
    const narrowing = libreswanOptionsOf(end).narrowing;
    const v1 = end.ikeVersion === 1;
    return {
      v1FirstSelectorOnly: false,
      groupByName: false,
      v1Responder: 'exact',
      v2Responder: narrowing ? 'fit-either-way' : 'exact',
      v2Initiator: narrowing ? 'accept-subset-prefix' : 'exact-only',
      v1Initiator: 'accept-subset-same-ports',
      v2AllInOneChild: false,
      v1RejectNotify: 'INVALID_ID_INFORMATION',
      v2RejectNotify: 'TS_UNACCEPTABLE',
      defaultSelector: 'ike-addresses',
      installs: { v1Initiator: 'own' },
      packetTrigger: 'configured',
      acceptsAnyPfsWhenNoneConfigured: v1,
      rules: {
        packetTrigger: 'libreswan.packet-trigger',
        v1Propose: 'libreswan.each-subnet',
        v1Respond: 'libreswan.v1.exact',
        v2Respond: narrowing ? 'libreswan.v2.narrowing' : 'libreswan.v2.no-narrowing',
        v2Initiator: narrowing ? 'libreswan.v2.initiator-narrowing' : 'libreswan.v2.initiator',
        v1Initiator: 'libreswan.v1.initiator-answer',
        default: 'libreswan.default',
        pfs: v1 ? 'libreswan.v1.pfs' : 'libreswan.pfs',
        installs: 'libreswan.v1.initiator-installs-own',
      },
    };
  },
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    v1PskMismatch: 'silent',
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
