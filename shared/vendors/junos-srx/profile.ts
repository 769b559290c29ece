// Juniper Junos SRX: `proxy-identity` (one per VPN) or `traffic-selector` entries (each its own
// SA, at most 200 per VPN; IKEv1 exact, IKEv2 narrowing). Source: Juniper "Traffic Selectors in
// Route-Based VPNs" (Junos OS VPN guide).
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';
import { TRAFFIC_SELECTORS_PER_VPN } from './capabilities';
import { junosOptionsOf } from './options';

const DOC = 'Juniper TechLibrary: Traffic Selectors in Route-Based VPNs; Understanding Proxy ID (Junos OS)';

const rules = ruleTable('junos-srx', [
  ...phase1Rules('junos-srx', 'documented', 'Junos OS IPsec VPN User Guide'),
  { id: 'junos.proxy-identity', statement: 'proxy-identity: one local/remote/service per VPN; only the first proxy ID is used.', provenance: 'documented', source: DOC },
  { id: 'junos.traffic-selector', statement: `traffic-selector: each entry negotiates its own SA; at most ${TRAFFIC_SELECTORS_PER_VPN} per VPN.`, provenance: 'documented', source: DOC },
  { id: 'junos.v1.exact', statement: 'IKEv1: the proposal must equal a configured traffic selector (mirrored); otherwise INVALID_ID_INFORMATION (KMD_VPN_TS_MISMATCH).', provenance: 'documented', source: DOC },
  { id: 'junos.v2.narrow', statement: 'IKEv2: the responder narrows to the intersection with the matching traffic selector (an exact mirror first, else the first that intersects: order assumed).', provenance: 'documented', source: DOC },
  { id: 'junos.v2.initiator', statement: 'IKEv2 initiator accepts selectors narrowed inside its proposal.', provenance: 'assumed', source: DOC },
  { id: 'junos.default', statement: 'Route-based without proxy identity proposes 0.0.0.0/0 <-> 0.0.0.0/0 any.', provenance: 'assumed', source: 'commonly stated; not in the Junos guide' },
  { id: 'junos.packet-trigger', statement: 'Traffic that starts phase 2 is proposed as the configured proxy identity or traffic selector it matches, never as the packet\'s own addresses and ports.', provenance: 'assumed', source: `${DOC} describe each configured pair as what is negotiated and say nothing of a packet-specific selector; not observed on an SRX` },
  { id: 'junos.pfs', statement: 'The IPsec policy perfect-forward-secrecy keys must match.', provenance: 'documented', source: 'Junos OS: perfect-forward-secrecy (Security IPsec Policy)' },
]);

export const junosSrx: VendorProfile = {
  vendor: 'junos-srx',
  label: 'Juniper Junos SRX',
  rules,
  selectors: ({ end }) => {
    const single = junosOptionsOf(end).selectorStyle === 'proxy-identity';
    return {
      v1FirstSelectorOnly: false,
      groupByName: false,
      v1Responder: 'exact',
      v2Responder: 'narrow-first',
      v2Initiator: 'accept-subset',
      v2AllInOneChild: false,
      v1RejectNotify: 'INVALID_ID_INFORMATION',
      v2RejectNotify: 'TS_UNACCEPTABLE',
      defaultSelector: 'any',
      packetTrigger: 'configured',
      acceptsAnyPfsWhenNoneConfigured: false,
      rules: { packetTrigger: 'junos.packet-trigger', v1Propose: single ? 'junos.proxy-identity' : 'junos.traffic-selector', v1Respond: 'junos.v1.exact', v2Respond: 'junos.v2.narrow', v2Initiator: 'junos.v2.initiator', default: 'junos.default', pfs: 'junos.pfs' },
    };
  },
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'junos-srx.ike.proposal', psk: 'junos-srx.ike.psk', version: 'junos-srx.ike.version', identity: 'junos-srx.ike.identity' },
  },
  logs: {
    source: 'kmd log (show log kmd)',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `KMD_VPN_TS_MISMATCH: Traffic-selector mismatch, vpn name: ${e.child ?? 'vpn'}, Peer Proposed traffic-selector local-ip: ipv4_subnet(any:0,[0..7]=${e.local}), remote-ip: ipv4_subnet(any:0,[0..7]=${e.remote})`;
        case 'child-established':
          return `KMD_PM_SA_ESTABLISHED: Local gateway: ..., Remote gateway: ${e.peer}, Local ID: ipv4_subnet(any:0,[0..7]=${e.local}), Remote ID: ipv4_subnet(any:0,[0..7]=${e.remote}), Direction: inbound`;
        default:
          return `kmd: ${plainLine('', e)}`;
      }
    },
  },
};
