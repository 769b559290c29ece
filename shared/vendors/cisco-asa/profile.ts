// Cisco ASA crypto maps.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine, withMask } from '../kit/rules';
import { CISCO_ACL_DOC, ciscoRules, ciscoSelectors } from '../families/cisco-crypto-map';

const rules = ruleTable('cisco-asa', [
  ...phase1Rules('cisco-asa', 'documented', 'Cisco ASA VPN CLI configuration guide'),
  ...ciscoRules('cisco-asa'),
  { id: 'cisco-asa.packet-trigger', statement: 'Traffic that matches a crypto ACL permit line starts phase 2 with that line as the proxy identities (the first matching line sets the scope); the packet\'s own addresses and ports are not proposed.', provenance: 'documented', source: `Cisco ASA VPN CLI configuration guide, crypto map match address (the permit entry that matches the traffic defines the SA); ${CISCO_ACL_DOC}` },
]);

export const ciscoAsa: VendorProfile = {
  vendor: 'cisco-asa',
  label: 'Cisco ASA',
  rules,
  selectors: ({ gateway }) => ciscoSelectors('cisco-asa', gateway.vpnType === 'policy-based'),
  phase1: {
    responderOrder: false,
    v1LifetimeMustNotExceed: true,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'cisco-asa.ike.proposal', psk: 'cisco-asa.ike.psk', version: 'cisco-asa.ike.version', identity: 'cisco-asa.ike.identity' },
  },
  logs: {
    source: 'syslog / debug crypto ikev1|ikev2',
    line: (e) => {
      switch (e.kind) {
        case 'child-ts-rejected':
          return `%ASA-3-713061: IP = ${e.peer}, Rejecting IPSec tunnel: no matching crypto map entry for remote proxy ${withMask(e.local)}/0/0 local proxy ${withMask(e.remote)}/0/0 on interface outside`;
        case 'child-established':
          return `%ASA-5-713049: IP = ${e.peer}, Security negotiation complete for LAN-to-LAN Group (${e.peer}) Initiator, Inbound SPI = 0x1, Outbound SPI = 0x2 (${withMask(e.local)} <-> ${withMask(e.remote)})`;
        case 'ike-no-proposal':
          return `%ASA-5-713904: IP = ${e.peer}, All IKE SA proposals found unacceptable! (${e.attribute})`;
        case 'psk-undecryptable':
          return `%ASA-4-713903: IP = ${e.peer}, Information Exchange processing failed (pre-shared key mismatch?)`;
        default:
          return `%ASA-6: ${plainLine('', e)}`;
      }
    },
  },
};
