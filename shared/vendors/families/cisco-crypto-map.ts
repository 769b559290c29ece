// What Cisco ASA and IOS crypto maps share: mirror-image crypto ACLs, the subset rule that depends
// on who initiates, no real IKEv2 narrowing.
import type { ResponderMatch, SelectorBehaviour } from '../kit/profile';
import type { RuleInput } from '../kit/rules';

export const CISCO_ACL_DOC = 'Cisco: IPsec crypto map ACLs must be mirror images; "Rejecting IPSec tunnel: no matching crypto map entry" (ASA syslog 713061 / IOS crypto debug)';
export const CISCO_IKEV2_NARROWING = 'strongswan/strongswan#1150 (maintainer): Cisco has no multi-subnet selectors and no real IKEv2 narrowing';
export const CISCO_PFS_DOC = 'Cisco IOS Security Command Reference, set pfs: without a local group, the peer\'s PFS offer is accepted';
export const CISCO_LIFETIME_DOC = 'Cisco IOS Security Configuration Guide, IKE policy: the peer\'s lifetime must be <= the local lifetime';

export function ciscoRules(prefix: string): RuleInput[] {
  return [
    { id: `${prefix}.subset`, statement: 'A proposed selector pair is accepted as proposed when it lies inside a crypto ACL entry (mirrored); a broader proposal is rejected: so a non-mirrored pair comes up only when the narrower side initiates.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.v2.no-narrowing`, statement: 'IKEv2: no real narrowing; only the first selector pair is considered and answered as proposed; an initiator rejects a narrowed answer.', provenance: 'documented', source: CISCO_IKEV2_NARROWING },
    { id: `${prefix}.each-line`, statement: 'Each crypto ACL line negotiates its own SA pair.', provenance: 'documented', source: CISCO_ACL_DOC },
    { id: `${prefix}.default`, statement: 'A crypto map without an ACL proposes nothing; a VTI (route-based) proposes 0.0.0.0/0 <-> 0.0.0.0/0.', provenance: 'documented', source: 'Cisco IPsec Virtual Tunnel Interface configuration guide' },
    { id: `${prefix}.pfs`, statement: 'Without PFS configured the responder accepts the initiator\'s PFS group; with PFS configured the groups must match.', provenance: 'documented', source: CISCO_PFS_DOC },
    { id: `${prefix}.lifetime`, statement: 'IKEv1: a policy matches only if the initiator\'s lifetime is <= the responder\'s.', provenance: 'documented', source: CISCO_LIFETIME_DOC },
  ];
}

export function ciscoSelectors(prefix: string, policyBased: boolean): SelectorBehaviour {
  const respond: ResponderMatch = 'subset';
  return {
    v1FirstSelectorOnly: false,
    groupByName: false,
    v1Responder: respond,
    v2Responder: respond,
    v2Initiator: 'exact-only',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: policyBased ? 'none' : 'any',
    acceptsAnyPfsWhenNoneConfigured: true,
    rules: { v1Propose: `${prefix}.each-line`, v1Respond: `${prefix}.subset`, v2Respond: `${prefix}.v2.no-narrowing`, v2Initiator: `${prefix}.v2.no-narrowing`, default: `${prefix}.default`, pfs: `${prefix}.pfs` },
  };
}
