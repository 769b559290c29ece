// The runs listed as known disagreements (see known-disagreements.ts, which checks them): written
// by baseline.ts --table from a report of engine-vs-others.test.ts, classes reviewed by hand.
import type { KnownDisagreement } from './known-disagreements';

export const KNOWN_DISAGREEMENT_RUNS: KnownDisagreement[] = [
  {
    key: 'gen-150 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-proposal-before-auth'],
    diffs: [
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["AUTHENTICATION_FAILED"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["AUTHENTICATION_FAILED"]',
    ],
  },
  {
    key: 'gen-395 pluto-responder narrowing=yes',
    classes: ['libreswan-v2-narrowing-instances'],
    diffs: [
      'child c2 initiator_local_ts: real ["10.1.7.0/25"], engine ["10.1.0.0/16"]',
      'child c2 initiator_remote_ts: real ["10.2.240.0/21"], engine ["0.0.0.0/0"]',
      'child c2 responder_local_ts: real ["10.2.240.0/21"], engine ["0.0.0.0/0"]',
      'child c2 responder_remote_ts: real ["10.1.7.0/25"], engine ["10.1.0.0/16"]',
    ],
  },
];
