// strongSwan (charon 5.9.x). Every selector rule here was checked against two real charon daemons
// (the interop fixtures in test/fixtures/interop, the oracle suite, and for trap policies the probe
// test/oracle/probes/trap-acquire.mjs): `verified`.
import type { VendorProfile } from '../kit/profile';
import { ruleTable } from '../kit/profile';
import { phase1Rules } from '../kit/rules';
import { strongswanOptionsOf } from './options';

const SRC = 'strongSwan 5.9.8 charon, observed (test/fixtures/interop); src/libcharon/config/peer_cfg.c, child_cfg.c, sa/ikev1/tasks/quick_mode.c';

const TRAP = 'strongSwan 5.9.8 charon at both ends, a packet from 10.1.0.10 to 10.2.0.10 hitting the trap policy of 10.1.0.0/16 <-> 10.2.0.0/16 (probe test/oracle/probes/trap-acquire.mjs, trap-acquire.observed.txt)';

const rules = ruleTable('strongswan', [
  ...phase1Rules('strongswan', 'verified', SRC),
  { id: 'strongswan.v1.first-selector', statement: 'IKEv1 Quick Mode proposes only the first local and first remote selector of a child.', provenance: 'verified', source: SRC },
  { id: 'strongswan.v1.narrow', statement: 'An IKEv1 responder picks the child config by score and answers with the first intersection of its selectors and the proposal; none: INVALID_ID_INFORMATION.', provenance: 'verified', source: SRC },
  { id: 'strongswan.v2.narrow', statement: 'An IKEv2 responder picks the child config by score (equal selector +5×round, intersecting +1×round, first selector weighted most; first config wins a tie) and narrows to every config × proposal intersection; none: TS_UNACCEPTABLE. It never sends ADDITIONAL_TS_POSSIBLE.', provenance: 'verified', source: SRC },
  { id: 'strongswan.v2.initiator-narrow', statement: 'An IKEv2 initiator intersects the answered selectors with its own config; an empty result fails the child.', provenance: 'verified', source: SRC },
  { id: 'strongswan.v1.first-transform', statement: 'An IKEv1 initiator sends one transform per proposal: its first cipher, first integrity algorithm and first DH group; a peer accepting only a later one answers NO_PROPOSAL_CHOSEN.', provenance: 'verified', source: `${SRC}; oracle findings with two DH groups in IKEv1` },
  { id: 'strongswan.v1.id-port', statement: 'IKEv1 identification payloads carry one port: a port range is proposed and installed as its first port (RFC 2407 §4.6.2).', provenance: 'verified', source: `${SRC}; RFC 2407 §4.6.2` },
  { id: 'strongswan.v2.duplicate-child', statement: 'An IKEv2 initiator does not establish a child whose configuration and configured selectors equal those of a child already installed on the IKE SA (no exchange, no notify). Not in IKEv1.', provenance: 'verified', source: `${SRC}; oracle probes` },
  { id: 'strongswan.drop-contained', statement: 'A configured selector contained in another of the same child is dropped before proposing: IKEv1 proposes the first that remains.', provenance: 'verified', source: `${SRC}; oracle probes` },
  { id: 'strongswan.v1.pfs-group', statement: 'IKEv1 Quick Mode carries one PFS group: the IKE SA\'s group when the ESP proposal lists it, else the proposal\'s first.', provenance: 'verified', source: `${SRC}; oracle probes` },
  { id: 'strongswan.v2.ke-group-order', statement: 'An IKEv2 responder takes the first DH group of its own proposal that the initiator lists, even when the initiator\'s KE carries another common group: it answers INVALID_KE_PAYLOAD asking for its group, and the initiator retries with it.', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probe probe-v2-dh-orders-differ ("DH group MODP_2048 unacceptable, requesting ECP_256")' },
  { id: 'strongswan.v2.idr', statement: 'An IKEv2 initiator sends the remote identity it expects as IDr; a charon responder with another identity finds no peer config and answers the IKE_AUTH request with AUTHENTICATION_FAILED.', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probe v2-id-initiator-expects-other ("no matching peer config found", IKE_AUTH response N(AUTH_FAILED))' },
  { id: 'strongswan.v1.idir-delete', statement: 'An IKEv1 Main Mode initiator checks IDir in message 6; another identity than expected makes it delete the IKE SA (INFORMATIONAL_V1 with a DELETE, no notify); the responder had already established it.', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probe v1-id-initiator-expects-other ("IDir \'b.example\' does not match to \'c.example\'", [ HASH D ])' },
  { id: 'strongswan.v1.aggressive-idir', statement: 'An IKEv1 Aggressive Mode initiator checks IDir in message 2; another identity than expected is answered with an unencrypted N(INVALID_ID_INFORMATION) and no message 3.', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probe v1-aggr-id-initiator-expects-other ([ N(INVAL_ID) ])' },
  { id: 'strongswan.v1.aggressive-psk', statement: 'A charon responder refuses IKEv1 Aggressive Mode with a pre-shared key ("Aggressive Mode PSK disabled for security reasons", AUTHENTICATION_FAILED after message 1) unless strongswan.conf sets charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes; the initiator\'s setting does not matter.', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probes v1-aggr-psk-default, v1-aggr-psk-allowed-responder, v1-aggr-psk-allowed-initiator' },
  { id: 'strongswan.v1.mode-by-peer-config', statement: 'IKEv1: the exchange mode belongs to the peer config, which charon finds by identity: a mode mismatch is answered with AUTHENTICATION_FAILED (INFORMATIONAL_V1) after Aggressive Mode message 1 or Main Mode message 5 ("found 1 matching config, but none allows pre-shared key authentication using … Mode").', provenance: 'verified', source: 'strongSwan 5.9.8 charon, probes v1-aggr-initiator-main-responder, v1-main-initiator-aggr-responder' },
  { id: 'strongswan.v2.packet-first', statement: 'IKEv2: a child started by a trap policy (start_action = trap) proposes the triggering packet\'s addresses, protocol and ports (one host each side) as the first TSi and TSr, then its configured selectors (RFC 7296 §2.9); a responder that narrows answers with what its configuration and the whole list share (charon drops the contained packet selector), one that takes only the first pair installs a per-host SA. Not when strongswan.conf sets charon.ignore_acquire_ts = yes (not modelled). For a TCP connection\'s first packet the Linux acquire carries no source port (10.1.0.10/32[tcp]); the engine proposes the packet\'s source port (not modelled).', provenance: 'verified', source: `${TRAP}, IKEv2 tcp and udp: the responder logs "looking for a child config for 10.2.0.10/32[udp/domain] 10.2.0.0/16 === 10.1.0.10/32[udp/38720] 10.1.0.0/16" and installs 10.2.0.0/16 === 10.1.0.0/16; strongswan.conf(5) 5.9.8 charon.ignore_acquire_ts [no]: "the traffic selectors from the kernel's acquire events, which are derived from the triggering packet, are prepended to the traffic selectors from the configuration for IKEv2 connection"` },
  { id: 'strongswan.v1.packet-trigger', statement: 'IKEv1: a trap policy\'s acquire does not add the packet\'s selectors: Quick Mode proposes the configured ones.', provenance: 'verified', source: `${TRAP}, IKEv1: the responder logs "looking for a child config for 10.2.0.0/16 === 10.1.0.0/16"; strongswan.conf(5) 5.9.8 charon.ignore_acquire_ts: "This always happens for IKEv1 connections as the protocol only supports one set of traffic selectors per CHILD_SA"` },
  { id: 'strongswan.default', statement: 'A child without selectors uses `dynamic`: the IKE address of each end.', provenance: 'documented', source: 'swanctl.conf(5): local_ts / remote_ts default dynamic' },
  { id: 'strongswan.pfs', statement: 'ESP proposals with a DH group require PFS with a common group (IKEv1 Quick Mode, IKEv2 CREATE_CHILD_SA); the first IKEv2 child carries no KE.', provenance: 'verified', source: SRC },
]);

export const strongswan: VendorProfile = {
  vendor: 'strongswan',
  label: 'strongSwan',
  rules,
  selectors: ({ end }) => ({
    v1FirstSelectorOnly: true,
    groupByName: true,
    v1Responder: 'narrow-score',
    v2Responder: 'narrow-score',
    v2Initiator: 'intersect',
    v2AllInOneChild: false,
    v1RejectNotify: 'INVALID_ID_INFORMATION',
    v2RejectNotify: 'TS_UNACCEPTABLE',
    defaultSelector: 'ike-addresses',
    packetTrigger: end.ikeVersion === 2 ? 'packet-first' : 'configured',
    acceptsAnyPfsWhenNoneConfigured: false,
    v2SkipDuplicateChild: true,
    dropContainedSelectors: true,
    rules: {
      packetTrigger: end.ikeVersion === 2 ? 'strongswan.v2.packet-first' : 'strongswan.v1.packet-trigger',
      duplicate: 'strongswan.v2.duplicate-child',
      v1PfsGroup: 'strongswan.v1.pfs-group',
      v1IdPort: 'strongswan.v1.id-port',
      v1Propose: 'strongswan.v1.first-selector',
      v1Respond: 'strongswan.v1.narrow',
      v2Respond: 'strongswan.v2.narrow',
      v2Initiator: 'strongswan.v2.initiator-narrow',
      default: 'strongswan.default',
      pfs: 'strongswan.pfs',
    },
  }),
  phase1: {
    responderOrder: true,
    keGroupByResponderOrder: true,
    v1FirstTransformOnly: true,
    v1LifetimeMustNotExceed: false,
    versionMismatch: 'NO_PROPOSAL_CHOSEN',
    v1IdentityNotify: 'AUTHENTICATION_FAILED',
    remoteIdMismatch: { v2SendsIdr: true, v1MainDeletes: true, v1AggressiveNotify: 'INVALID_ID_INFORMATION', rules: { v2: 'strongswan.v2.idr', v1Main: 'strongswan.v1.idir-delete', v1Aggressive: 'strongswan.v1.aggressive-idir' } },
    v2SelectsByIdr: true,
    aggressivePsk: { allowed: (gateway) => strongswanOptionsOf(gateway).aggressiveModePsk, notify: 'AUTHENTICATION_FAILED', rule: 'strongswan.v1.aggressive-psk' },
    v1ModeByPeerConfig: { notify: 'AUTHENTICATION_FAILED', rule: 'strongswan.v1.mode-by-peer-config' },
    rules: { proposal: 'strongswan.ike.proposal', psk: 'strongswan.ike.psk', version: 'strongswan.ike.version', identity: 'strongswan.ike.identity', v1Transforms: 'strongswan.v1.first-transform', keGroup: 'strongswan.v2.ke-group-order' },
  },
  logs: {
    source: 'charon log (swanctl --log / journalctl -u strongswan)',
    line: (e) => {
      switch (e.kind) {
        case 'ike-initiate': return `[IKE] initiating ${e.version === 1 ? 'Main Mode ' : ''}IKE_SA to ${e.peer}`;
        case 'ike-proposal-selected': return `[CFG] selected proposal: IKE:${e.proposal}`;
        case 'ike-no-proposal': return `[IKE] received proposals unacceptable (no common ${e.attribute})`;
        case 'ike-established': return `[IKE] IKE_SA established with ${e.peer}`;
        case 'auth-failed': return `[IKE] ${e.why}`;
        case 'psk-undecryptable': return '[ENC] invalid HASH_V1 payload length, decryption failed?';
        case 'timeout': return `[IKE] giving up after 2 retransmits, peer ${e.peer} not responding`;
        case 'notify-received': return e.notify === 'TS_UNACCEPTABLE' ? '[IKE] received TS_UNACCEPTABLE notify, no CHILD_SA built' : `[IKE] received ${e.notify} error notify`;
        case 'child-proposing': return `[CFG] proposing traffic selectors for ${e.child}: ${e.local} === ${e.remote}`;
        case 'child-established': return `[IKE] CHILD_SA ${e.child}{1} established with TS ${e.local} === ${e.remote}`;
        case 'child-ts-rejected': return `[IKE] traffic selectors ${e.remote} === ${e.local} unacceptable`;
        case 'child-no-proposal': return `[IKE] no acceptable proposal found for CHILD_SA ${e.child}`;
        case 'child-narrowed': return `[CFG]  config: ${e.config}, received: ${e.received} => match: ${e.match}`;
        case 'version-mismatch': return `[IKE] no IKE config found for IKEv${e.version} from ${e.peer}, sending NO_PROPOSAL_CHOSEN`;
        case 'child-duplicate': return `[IKE] not establishing CHILD_SA ${e.child}{2} due to existing duplicate {1}`;
      }
    },
  },
};
