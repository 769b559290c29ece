// OpenIKED (iked, OpenBSD 7.2 and openiked-portable 7.2). Its selector, child and phase-1 rules are
// verified against real OpenIKED 7.2 iked (Debian 12's portable build) negotiating with real
// strongSwan 5.9.8 charon (shared/tools/ike-rigs, notes/ORACLE-OTHERS.md): the runs behind each rule
// are the seeded runs of test/oracle/engine-vs-others.test.ts, the log lines quoted are iked's
// (`iked -dvv`). Rules not seen there stay documented (iked.conf(5), OpenBSD 7.2) or assumed.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules, plainLine } from '../kit/rules';

const DOC = 'iked.conf(5), OpenBSD 7.2 manual';
const RIG = 'verified: OpenIKED 7.2 iked against strongSwan 5.9.8 charon (test/oracle/engine-vs-others.test.ts)';
const seen = (line: string): string => `${RIG}: iked log ${line}`;

const rules = ruleTable('openiked', [
  ...phase1Rules('openiked', 'documented', `${DOC}; RFC 7296`),
  { id: 'openiked.v2.own-policy', statement: 'IKEv2 responder never narrows and never sends TS_UNACCEPTABLE: it picks one policy for the whole IKE SA by addresses and identities only (policy_lookup ignores TS), the last matching one in iked.conf, and answers every child of that IKE SA with that policy\'s own flows (from × to) and its childsa proposals, whatever was proposed. The initiator then takes what it can of them, or deletes the child.', provenance: 'verified', source: seen('`ikev2_pld_ts: start … end …` (the peer\'s TS, only logged), `policy_lookup: setting policy \'…\'`, `ikev2_childsa_enable: loaded flows: ESP-…` with its own config; openiked-portable 7.2 source: no code sends TS_UNACCEPTABLE') },
  { id: 'openiked.v2.initiator', statement: 'IKEv2 initiator proposes every flow of a policy (from × to) in one Child SA (TSi and TSr lists) and does not check the answered selectors: it takes the answer and installs the flows it proposed (its own configuration).', provenance: 'verified', source: seen('`ikev2_childsa_enable: loaded flows:` with its own config while charon installs what it answered') },
  { id: 'openiked.installs-own', statement: 'Either role installs its policy\'s own flows, not the negotiated selectors; when the peer installs narrower ones the child is up but asymmetric.', provenance: 'verified', source: seen('`ikev2_childsa_enable: loaded flows: ESP-10.2.1.0/24=10.1.1.0/24(0)`') },
  { id: 'openiked.child-failure-kills-ike', statement: 'A child refused in IKE_AUTH (TS_UNACCEPTABLE from the peer, or no acceptable ESP proposal either way) takes the whole IKE SA down: as responder iked answers IKE_AUTH with only N(NO_PROPOSAL_CHOSEN) and no AUTH; as initiator it never reaches ESTABLISHED.', provenance: 'verified', source: seen('`ikev2_ike_auth_recv: no proposal chosen`, `sa_free: IKE_AUTH failed`; as initiator with TS_UNACCEPTABLE no `sa_state: … -> ESTABLISHED`') },
  { id: 'openiked.v2.ike-sa-per-policy', statement: 'As initiator each active policy (one child) is brought up by an IKE SA of its own, its child in IKE_AUTH: a child refused there takes down only its own IKE SA, the other policies come up on theirs.', provenance: 'verified', source: seen('(interop-others/v2-two-children-first-fails--iked-as-initiator.json) `policy_lookup: setting policy \'y\'` … `type TS_UNACCEPTABLE`, then `sa_state: VALID -> ESTABLISHED … policy \'x\'` on another IKE SA') },
  { id: 'openiked.packet-trigger', statement: 'A policy negotiated because traffic hit it (a PF_KEY acquire, or `active` at start) proposes the policy\'s configured flows, never the packet\'s own addresses and ports.', provenance: 'assumed', source: `${DOC}: active ("iked will initiate"), from/to flows; not run against a daemon here` },
  { id: 'openiked.default', statement: 'Without flows the export writes `from any to any`.', provenance: 'assumed', source: `${DOC}: from/to, "any"` },
  { id: 'openiked.pfs', statement: 'A `childsa group` requires PFS with a common group in CREATE_CHILD_SA; the IKE_AUTH child carries no KE.', provenance: 'documented', source: `${DOC}: childsa group; RFC 7296 §1.2` },
  { id: 'openiked.v1', statement: 'OpenIKED has no IKEv1.', provenance: 'documented', source: `${DOC}: only \`ikev2\` policies` },
]);

export const openiked: VendorProfile = {
  vendor: 'openiked',
  label: 'OpenIKED',
  rules,
  selectors: () => ({
    v1FirstSelectorOnly: false,
    groupByName: true,
    v1Responder: 'exact',
    v2Responder: 'own-policy',
    v2Initiator: 'accept-subset',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: 'any',
    installs: { v2Initiator: 'own', v2Responder: 'own' },
    childFailureKillsIke: true,
    v2IkeSaPerChild: true,
    packetTrigger: 'configured',
    acceptsAnyPfsWhenNoneConfigured: false,
    rules: {
      v1Propose: 'openiked.v1',
      v1Respond: 'openiked.v1',
      v2Respond: 'openiked.v2.own-policy',
      v2Initiator: 'openiked.v2.initiator',
      default: 'openiked.default',
      pfs: 'openiked.pfs',
      installs: 'openiked.installs-own',
      childFailure: 'openiked.child-failure-kills-ike',
      packetTrigger: 'openiked.packet-trigger',
      ikeSaPerChild: 'openiked.v2.ike-sa-per-policy',
    },
  }),
  phase1: {
    responderOrder: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'silent',
    v1IdentityNotify: 'INVALID_ID_INFORMATION',
    rules: { proposal: 'openiked.ike.proposal', psk: 'openiked.ike.psk', version: 'openiked.ike.version', identity: 'openiked.ike.identity' },
  },
  logs: {
    source: 'iked log (iked -dv, syslog daemon)',
    line: (e) => {
      switch (e.kind) {
        case 'ike-established': return `${e.peer}: sa_state: VALID -> ESTABLISHED from ${e.peer}`;
        case 'child-established': return `ikev2_childsa_enable: loaded flows: ESP-${e.local}=${e.remote}(0)`;
        case 'child-no-proposal': return 'ikev2_add_error: NO_PROPOSAL_CHOSEN';
        case 'notify-received': return `ikev2_pld_notify: protoid NONE spisize 0 type ${e.notify}`;
        case 'child-proposing': return `ikev2_pld_ts: ${e.local} <-> ${e.remote} (${e.child})`;
        default: return plainLine('iked: ', e);
      }
    },
  },
};
