// Known disagreements of the verified libreswan and openiked profiles, each a documented difference
// of that daemon's version the engine does not model yet: the runs on which the engine's prediction differs from what real Libreswan 4.10 pluto or OpenIKED 7.2 iked did against
// real strongSwan 5.9.8 charon, each with its classes (the engine rules that are wrong or missing)
// and the exact differences ("real …, engine …"). engine-vs-others.test.ts checks every entry: a
// listed run whose differences change, or that starts to agree, fails until its entry is updated
// or removed, and a run that disagrees without an entry fails. The log lines behind each class
// are quoted in the baseline note (others/baseline.ts writes it from ORACLE_OTHERS_REPORT).
import { KNOWN_DISAGREEMENT_RUNS } from './known-disagreement-runs';

export interface DisagreementClass {
  /** The real daemon and version that shows it. */
  daemon: 'Libreswan 4.10 pluto' | 'OpenIKED 7.2 iked';
  /** The engine rule (profile and rule id) that is wrong or missing today. */
  engineRule: string;
  /** What the real daemon does, as its logs show. */
  real: string;
}

export const CLASSES = {
  'libreswan-v2-narrowing-instances': {
    daemon: 'Libreswan 4.10 pluto',
    engineRule: 'libreswan profile, v2Responder "fit-either-way" (libreswan.v2.narrowing): the engine answers a child with its own connection\'s configured subnets, and knows nothing of the instances earlier children of the IKE SA left',
    real: 'with narrowing=yes each narrowed child is an instance of its connection with the narrowed subnets (`switched to "r2"[2]`), and a later child whose proposal holds one is answered with that instance\'s subnets (`responder established Child SA using #1; IPsec tunnel [10.2.240.0-10.2.247.255…] -> [10.1.7.0-10.1.7.127…]` for a 0.0.0.0/0 proposal), not with the connection\'s',
  },
  'iked-linux-no-aead-esp': {
    daemon: 'OpenIKED 7.2 iked',
    engineRule: 'openiked capabilities: openiked.esp.linux-aead (negotiation "proposal-dropped") drops AEAD ESP proposals; left where the pre-shared key differs too, so the engine stops at AUTHENTICATION_FAILED (iked-proposal-before-auth)',
    real: 'Debian\'s OpenIKED 7.2 (the portable build on Linux) never offers or accepts an AES-GCM ESP proposal: parse.y drops an ESP proposal with only AEAD ciphers under HAVE_LINUX_PFKEY_H ("XXX: Linux pfkey does not support AES-GCM"); a `childsa enc aes-128-gcm` policy negotiates as having no ESP proposal: NO_PROPOSAL_CHOSEN (`ikev2_log_proposal: ESP #1 ENCR=AES_GCM_16-128` then `ikev2_add_error: NO_PROPOSAL_CHOSEN`), and the IKE SA fails with it',
  },
  'iked-proposal-before-auth': {
    daemon: 'OpenIKED 7.2 iked',
    engineRule: 'engine phase 1: a PSK mismatch is decided (AUTHENTICATION_FAILED) before any child',
    real: 'the responder chooses the IKE_AUTH child proposal before it checks the peer\'s AUTH payload (`ikev2_ike_auth_recv: no proposal chosen` right after `ikev2_msg_auth: responder auth data length …`): with both a wrong PSK and no acceptable ESP proposal it answers NO_PROPOSAL_CHOSEN, not AUTHENTICATION_FAILED',
  },
} as const satisfies Record<string, DisagreementClass>;

export type DisagreementClassId = keyof typeof CLASSES;

export interface KnownDisagreement {
  /** The run (scenarios.ts `scenarioKey`). */
  key: string;
  /** Keys into CLASSES: every rule that makes this run disagree. */
  classes: DisagreementClassId[];
  /** The differences as otherDifferences prints them (real first, then the engine). */
  diffs: string[];
}

export const KNOWN_DISAGREEMENTS: readonly KnownDisagreement[] = KNOWN_DISAGREEMENT_RUNS;
