// Juniper ScreenOS. Multiple proxy IDs per route-based VPN from 6.3 (Juniper KB16008);
// before that one proxy ID per VPN (KB6221 context). Matching is exact (assumed from the KBs'
// advice to mirror proxy IDs; ScreenOS drops traffic on the wrong SA).
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine, withMask } from '../kit/rules';
import { screenosSupportsMultipleProxyIds } from './version';

const KB = 'Juniper KB16008 "Multiple Proxy ID support on a Route-Based VPN": multiple proxy IDs on a route-based VPN in ScreenOS 6.3';

const rules = ruleTable('screenos', [
  ...phase1Rules('screenos', 'assumed', 'RFC 2409 / RFC 7296 behaviour, not checked on ScreenOS'),
  { id: 'screenos.single-proxy-id', statement: 'Before 6.3 a route-based VPN has one proxy ID; only the first is used.', provenance: 'documented', source: KB },
  { id: 'screenos.multi-proxy-id', statement: 'From 6.3 each proxy ID of a route-based VPN negotiates its own phase-2 SA.', provenance: 'documented', source: KB },
  { id: 'screenos.exact', statement: 'The proposed proxy ID must equal a configured one (mirrored); otherwise "No policy exists for the proxy ID received" and INVALID_ID_INFORMATION.', provenance: 'assumed', source: 'ScreenOS event log text; mirrored proxy IDs advised in KB16008' },
  { id: 'screenos.default', statement: 'A route-based VPN without proxy ID proposes 0.0.0.0/0 <-> 0.0.0.0/0 any.', provenance: 'documented', source: KB },
  { id: 'screenos.initiator', statement: 'An IKEv2 initiator accepts only the selectors it proposed.', provenance: 'assumed', source: 'no narrowing documented for ScreenOS' },
  { id: 'screenos.packet-trigger', statement: 'Traffic that matches a proxy ID starts phase 2 with that proxy ID\'s settings; the packet\'s own addresses and ports are not proposed.', provenance: 'documented', source: `${KB}: "If the traffic matches, then it creates a phase 2 SA with the remote gateway with the appropriate proxy-ID settings"` },
  { id: 'screenos.pfs', statement: 'Phase-2 proposal PFS group must match.', provenance: 'assumed', source: 'RFC 2409 §5.5' },
]);

export const screenos: VendorProfile = {
  vendor: 'screenos',
  label: 'Juniper ScreenOS',
  rules,
  selectors: ({ gateway }) => {
    const multi = screenosSupportsMultipleProxyIds(gateway.osVersion);
    return {
      v1FirstSelectorOnly: false,
      groupByName: false,
      v1Responder: 'exact',
      v2Responder: 'exact',
      v2Initiator: 'exact-only',
      v2AllInOneChild: false,
      v1RejectNotify: 'INVALID_ID_INFORMATION',
      v2RejectNotify: 'TS_UNACCEPTABLE',
      defaultSelector: 'any',
      packetTrigger: 'configured',
      acceptsAnyPfsWhenNoneConfigured: false,
      rules: { packetTrigger: 'screenos.packet-trigger', v1Propose: multi ? 'screenos.multi-proxy-id' : 'screenos.single-proxy-id', v1Respond: 'screenos.exact', v2Respond: 'screenos.exact', v2Initiator: 'screenos.initiator', default: 'screenos.default', pfs: 'screenos.pfs' },
    };
  },
  phase1: {
    responderOrder: false,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'screenos.ike.proposal', psk: 'screenos.ike.psk', version: 'screenos.ike.version', identity: 'screenos.ike.identity' },
  },
  logs: {
    source: 'event log (get event)',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `IKE<${e.peer}> Phase 2: No policy exists for the proxy ID received: local ID (${withMask(e.remote)}, 0, 0) remote ID (${withMask(e.local)}, 0, 0).`;
        case 'child-established':
          return `IKE<${e.peer}> Phase 2 msg ID <00000001>: Completed negotiations with SPI <0x1>, tunnel ID <${e.child}>, and lifetime <3600> seconds/<0> KB.`;
        case 'ike-established':
          return `IKE<${e.peer}> Phase 1: Completed ${e.version === 1 ? 'Main' : 'IKEv2'} mode negotiations with a <28800>-second lifetime.`;
        case 'ike-no-proposal':
          return `IKE<${e.peer}> Phase 1: Rejected proposals from peer. Negotiations failed (${e.attribute}).`;
        default:
          return plainLine(`IKE<${e.peer}> `, e);
      }
    },
  },
};
