// A generic RFC 7296 / RFC 2409 peer: what the standards say, nothing more.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine, RFC2409, RFC7296 } from '../kit/rules';

const rules = ruleTable('generic', [
  ...phase1Rules('generic', 'documented', `${RFC7296}; ${RFC2409}`),
  { id: 'generic.v2.narrow', statement: 'IKEv2 responder narrows to the intersections with the best matching configuration; none: TS_UNACCEPTABLE (RFC 7296 §2.9; choice scored as strongSwan does).', provenance: 'documented', source: RFC7296 },
  { id: 'generic.v2.initiator', statement: 'IKEv2 initiator accepts any subset of what it proposed (RFC 7296 §2.9).', provenance: 'documented', source: RFC7296 },
  { id: 'generic.v1.exact', statement: 'IKEv1 Quick Mode: the identities must match a configured policy exactly; otherwise INVALID_ID_INFORMATION.', provenance: 'assumed', source: RFC2409 },
  { id: 'generic.propose', statement: 'Each configured selector pair is its own SA.', provenance: 'assumed', source: RFC7296 },
  { id: 'generic.default', statement: 'Without selectors it proposes 0.0.0.0/0 <-> 0.0.0.0/0 any.', provenance: 'assumed', source: 'route-based convention' },
  { id: 'generic.v2.packet-first', statement: 'IKEv2: a negotiation triggered by a packet puts the packet\'s own addresses, protocol and ports first in TSi and TSr, then the configured selectors (RFC 7296 §2.9: the initiator SHOULD include the packet as the first selector).', provenance: 'documented', source: `${RFC7296} §2.9` },
  { id: 'generic.v1.packet-trigger', statement: 'IKEv1: Quick Mode carries one identity pair, the configured selectors; a triggering packet does not change them.', provenance: 'assumed', source: `${RFC2409} §5.5 (one IDci/IDcr pair; nothing about the packet)` },
  { id: 'generic.pfs', statement: 'PFS groups must agree.', provenance: 'documented', source: RFC7296 },
]);

export const generic: VendorProfile = {
  vendor: 'generic',
  label: 'Generic IKE (RFC 7296)',
  rules,
  selectors: ({ end }) => ({
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: 'exact',
    v2Responder: 'narrow-score',
    v2Initiator: 'accept-subset',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: 'any',
    packetTrigger: end.ikeVersion === 2 ? 'packet-first' : 'configured',
    acceptsAnyPfsWhenNoneConfigured: false,
    rules: { packetTrigger: end.ikeVersion === 2 ? 'generic.v2.packet-first' : 'generic.v1.packet-trigger', v1Propose: 'generic.propose', v1Respond: 'generic.v1.exact', v2Respond: 'generic.v2.narrow', v2Initiator: 'generic.v2.initiator', default: 'generic.default', pfs: 'generic.pfs' },
  }),
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'generic.ike.proposal', psk: 'generic.ike.psk', version: 'generic.ike.version', identity: 'generic.ike.identity' },
  },
  logs: { source: 'IKE daemon log', line: (e) => plainLine('ike: ', e) },
};
