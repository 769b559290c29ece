// Palo Alto Networks PAN-OS. Proxy ID rules from the article "Proxy IDs in IPSec VPNs: A Comprehensive Look" and the
// PAN-OS Administrator's Guide (Site-to-Site VPN, Proxy ID for IPsec VPN).
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';

const DOC = '"Proxy IDs in IPSec VPNs: A Comprehensive Look"; PAN-OS Administrator\'s Guide: Set Up an IPSec Tunnel / Proxy ID';

const rules = ruleTable('panos', [
  ...phase1Rules('panos', 'documented', 'PAN-OS Administrator\'s Guide: IKE Gateways'),
  { id: 'panos.v1.exact', statement: 'IKEv1: a proposed proxy ID must match a configured one exactly and reciprocally (addresses, protocol, ports); otherwise phase 2 fails with NO_PROPOSAL_CHOSEN.', provenance: 'documented', source: DOC },
  { id: 'panos.v2.narrow', statement: 'IKEv2: the responder narrows; the SA covers the intersection of the proposal and the matching proxy ID (an exact mirror first, else the first that intersects: order assumed); no intersection: TS_UNACCEPTABLE.', provenance: 'documented', source: DOC },
  { id: 'panos.v2.initiator', statement: 'IKEv2 initiator accepts selectors narrowed inside its proposal.', provenance: 'documented', source: DOC },
  { id: 'panos.default', statement: 'Route-based without proxy IDs: proposes 0.0.0.0/0 <-> 0.0.0.0/0 any, in IKEv1 and IKEv2.', provenance: 'documented', source: DOC },
  { id: 'panos.propose', statement: 'Each proxy ID is its own phase-2 SA proposal.', provenance: 'documented', source: DOC },
  { id: 'panos.packet-trigger', statement: 'Traffic routed into the tunnel starts phase 2 with the configured proxy ID it matches (without proxy IDs, 0.0.0.0/0 <-> 0.0.0.0/0); the packet\'s own addresses and ports are not proposed.', provenance: 'documented', source: `${DOC}: the default sent without proxy IDs is 0.0.0.0/0, in IKEv2 and IKEv1 (Gotcha 1: so a policy-based peer rejects it)` },
  { id: 'panos.pfs', statement: 'The IPSec crypto profile DH group (PFS) must match the peer\'s.', provenance: 'documented', source: 'PAN-OS Administrator\'s Guide: IPSec Crypto Profiles' },
]);

export const panos: VendorProfile = {
  vendor: 'panos',
  label: 'Palo Alto Networks PAN-OS',
  rules,
  selectors: () => ({
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: 'exact',
    v2Responder: 'narrow-first',
    v2Initiator: 'accept-subset',
    v2AllInOneChild: false,
    v1RejectNotify: 'NO_PROPOSAL_CHOSEN',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: 'any',
    packetTrigger: 'configured',
    acceptsAnyPfsWhenNoneConfigured: false,
    rules: { packetTrigger: 'panos.packet-trigger', v1Propose: 'panos.propose', v1Respond: 'panos.v1.exact', v2Respond: 'panos.v2.narrow', v2Initiator: 'panos.v2.initiator', default: 'panos.default', pfs: 'panos.pfs' },
  }),
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'panos.ike.proposal', psk: 'panos.ike.psk', version: 'panos.ike.version', identity: 'panos.ike.identity' },
  },
  logs: {
    source: 'ikemgr.log (less mp-log ikemgr.log)',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `[PROTO_ERR]: IKEv2 child SA negotiation failed when processing traffic selector. cannot find matching phase-2 tunnel for received proxy ID. received local id: ${e.remote} protocol 0 port 0, received remote id: ${e.local} protocol 0 port 0.`;
        case 'child-established':
          return `[INFO]: IPSec SA ${e.child} established: proxy-id local ${e.local} remote ${e.remote}`;
        case 'ike-no-proposal':
          return `[PROTO_ERR]: IKE phase-1 negotiation is failed. no suitable proposal found in peer's SA payload (${e.attribute}).`;
        default:
          return `[INFO]: ${plainLine('', e)}`;
      }
    },
  },
};
