// Fortinet FortiGate (FortiOS): phase2-interface src-subnet/dst-subnet (default 0.0.0.0/0),
// selector-match exact|subset|auto, initiator-ts-narrow.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';
import { fortigateOptionsOf } from './options';

const DOC = 'FortiOS CLI reference: config vpn ipsec phase2-interface (initiator-ts-narrow, src-/dst-subnet) and config vpn ipsec phase2 (selector-match, policy mode only)';

const rules = ruleTable('fortigate', [
  ...phase1Rules('fortigate', 'documented', 'FortiOS CLI reference: config vpn ipsec phase1-interface'),
  { id: 'fortigate.selector-match.exact', statement: 'selector-match exact (policy-mode phase2 only): the proposal must equal the phase-2 selectors (mirrored).', provenance: 'documented', source: DOC },
  { id: 'fortigate.selector-match.subset', statement: 'selector-match subset (and auto, for subnet selectors), and every interface-mode phase2-interface: a proposal inside the phase-2 selectors is accepted as proposed.', provenance: 'documented', source: DOC },
  { id: 'fortigate.initiator-ts-narrow', statement: 'IKEv2 initiator accepts a narrowed answer only with initiator-ts-narrow enable (default disable).', provenance: 'documented', source: DOC },
  { id: 'fortigate.default', statement: 'phase2-interface src-subnet and dst-subnet default to 0.0.0.0/0.', provenance: 'documented', source: DOC },
  { id: 'fortigate.propose', statement: 'Each phase2-interface negotiates its own SA.', provenance: 'documented', source: DOC },
  { id: 'fortigate.packet-trigger', statement: 'Traffic that starts phase 2 is proposed as the phase2(-interface) src-subnet/dst-subnet (0.0.0.0/0 by default), never as the packet\'s own addresses and ports.', provenance: 'assumed', source: `${DOC}: the selectors are the configured subnets and no option proposes the packet's; not observed on a FortiGate` },
  { id: 'fortigate.pfs', statement: 'phase2 pfs/dhgrp must match the peer.', provenance: 'documented', source: DOC },
]);

export const fortigate: VendorProfile = {
  vendor: 'fortigate',
  label: 'Fortinet FortiGate',
  rules,
  selectors: ({ gateway, end }) => {
    const options = fortigateOptionsOf(end);
    // selector-match exists only in policy mode (`config vpn ipsec phase2`); an interface-mode
    // phase2-interface has none and accepts a proposal inside its selectors (FortiOS 7.4.6 CLI
    // Reference, phase2 vs phase2-interface syntax).
    const exact = gateway.vpnType === 'policy-based' && options.selectorMatch === 'exact';
    return {
      v1FirstSelectorOnly: false,
      groupByName: false,
      v1Responder: exact ? 'exact' : 'subset',
      v2Responder: exact ? 'exact' : 'subset',
      v2Initiator: options.initiatorTsNarrow ? 'accept-subset' : 'exact-only',
      v2AllInOneChild: false,
      v1RejectNotify: 'INVALID_ID_INFORMATION',
      v2RejectNotify: 'TS_UNACCEPTABLE',
      defaultSelector: 'any',
      packetTrigger: 'configured',
      acceptsAnyPfsWhenNoneConfigured: false,
      rules: {
        packetTrigger: 'fortigate.packet-trigger',
        v1Propose: 'fortigate.propose',
        v1Respond: exact ? 'fortigate.selector-match.exact' : 'fortigate.selector-match.subset',
        v2Respond: exact ? 'fortigate.selector-match.exact' : 'fortigate.selector-match.subset',
        v2Initiator: 'fortigate.initiator-ts-narrow',
        default: 'fortigate.default',
        pfs: 'fortigate.pfs',
      },
    };
  },
  phase1: {
    responderOrder: false,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'fortigate.ike.proposal', psk: 'fortigate.ike.psk', version: 'fortigate.ike.version', identity: 'fortigate.ike.identity' },
  },
  logs: {
    source: 'diagnose debug application ike -1',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `ike 0:vpn:1: peer proposal is: peer:0:${e.local}:0, me:0:${e.remote}:0 … no matching phase2 found`;
        case 'child-established':
          return `ike 0:vpn:${e.child}: IPsec SA connect ${e.local} -> ${e.remote} established`;
        default:
          return `ike 0:vpn: ${plainLine('', e)}`;
      }
    },
  },
};
