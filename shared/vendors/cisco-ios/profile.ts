// Cisco IOS / IOS-XE crypto maps.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine, withMask } from '../kit/rules';
import { CISCO_ACL_DOC, ciscoRules, ciscoSelectors } from '../families/cisco-crypto-map';

const rules = ruleTable('cisco-ios', [
  ...phase1Rules('cisco-ios', 'documented', 'Cisco IOS Security Configuration Guide: IKE'),
  ...ciscoRules('cisco-ios'),
  { id: 'cisco-ios.packet-trigger', statement: 'Traffic that matches a crypto ACL entry starts phase 2 with that entry as the proxy identities; only `set security-association level per-host` (not modelled) requests a separate SA per host pair of the packet.', provenance: 'documented', source: `Cisco IOS Security Command Reference: set security-association level per-host (default: one SA per crypto ACL entry); ${CISCO_ACL_DOC}` },
]);

export const ciscoIos: VendorProfile = {
  vendor: 'cisco-ios',
  label: 'Cisco IOS-XE',
  rules,
  selectors: ({ gateway }) => ciscoSelectors('cisco-ios', gateway.vpnType === 'policy-based'),
  phase1: {
    responderOrder: false,
    v1LifetimeMustNotExceed: true,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'cisco-ios.ike.proposal', psk: 'cisco-ios.ike.psk', version: 'cisco-ios.ike.version', identity: 'cisco-ios.ike.identity' },
  },
  logs: {
    source: 'debug crypto isakmp / debug crypto ikev2 / debug crypto ipsec',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `IPSEC(validate_transform_proposal): proxy identities not supported (local= ${withMask(e.remote)}, remote= ${withMask(e.local)})`;
        case 'child-established':
          return `IPSEC(create_sa): sa created, (sa) sa_dest= ${e.peer}, src_proxy= ${withMask(e.local)}, dest_proxy= ${withMask(e.remote)}`;
        case 'ike-no-proposal':
          return `ISAKMP:(0):atts are not acceptable. Next payload is 0 (${e.attribute})`;
        case 'psk-undecryptable':
          return `%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${e.peer} failed its sanity check or is malformed`;
        default:
          return `CRYPTO: ${plainLine('', e)}`;
      }
    },
  },
};
