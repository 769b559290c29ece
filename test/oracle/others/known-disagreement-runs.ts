// The runs listed as known disagreements (see known-disagreements.ts, which checks them): written
// by baseline.ts --table from a report of engine-vs-others.test.ts, classes reviewed by hand.
import type { KnownDisagreement } from './known-disagreements';

export const KNOWN_DISAGREEMENT_RUNS: KnownDisagreement[] = [
  {
    key: 'gen-10 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["0.0.0.0/0"], engine ["10.3.82.192/26"]',
      'child c1 initiator_remote_ts: real ["0.0.0.0/0"], engine ["10.3.76.96/27"]',
    ],
  },
  {
    key: 'gen-10 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c1 initiator_local_ts: real ["10.1.48.0/21"], engine ["10.3.82.192/26"]',
      'child c1 initiator_remote_ts: real ["128.0.0.0/1"], engine ["10.3.76.96/27"]',
      'child c1 responder_local_ts: real ["128.0.0.0/1"], engine ["10.3.76.96/27"]',
      'child c1 responder_remote_ts: real ["10.1.48.0/21"], engine ["10.3.82.192/26"]',
      'child c1 responder_config: real r1, engine decoy',
    ],
  },
  {
    key: 'gen-102 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c2 status: real inconsistent, engine up',
      'child c2 initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.128.0/19","10.2.185.128/25"]',
      'child c2 responder_local_ts: real ["10.2.185.128/25"], engine ["10.2.128.0/19","10.2.185.128/25"]',
      'child c2 responder_remote_ts: real ["10.1.128.0/20","10.1.206.184/29"], engine ["10.1.128.0/20","10.1.206.176/28"]',
    ],
  },
  {
    key: 'gen-109 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-109 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-11 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-111 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine split',
      'child c1 initiator_local_ts: real ["0.0.0.0/0"], engine ["64.0.0.0/2"]',
      'child c1 initiator_remote_ts: real ["0.0.0.0/0","10.2.205.0/24"], engine ["10.2.216.0/24"]',
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-133 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_remote_ts: real ["10.2.239.0/24"], engine ["10.2.239.22..10.2.239.255"]',
    ],
  },
  {
    key: 'gen-142 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'child c3 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN","TS_UNACCEPTABLE"], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN","TS_UNACCEPTABLE"], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-150 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-proposal-before-auth'],
    diffs: [
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["AUTHENTICATION_FAILED"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["AUTHENTICATION_FAILED"]',
    ],
  },
  {
    key: 'gen-167 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["0.0.0.0/0"], engine ["10.1.0.0/16"]',
    ],
  },
  {
    key: 'gen-17 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_remote_ts: real ["fd00:1::/48"], engine ["fd00:1:0:c000::/51"]',
    ],
  },
  {
    key: 'gen-170 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c2 status: real inconsistent, engine up',
      'child c2 initiator_local_ts: real ["10.1.0.0/16"], engine ["10.1.128.0/17"]',
    ],
  },
  {
    key: 'gen-170 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["0.0.0.0/0"], engine ["10.2.21.180/32"]',
      'child c2 status: real inconsistent, engine up',
      'child c2 initiator_local_ts: real ["10.1.9.192/26"], engine ["10.1.128.0/17"]',
      'child c2 responder_local_ts: real ["0.0.0.0/0"], engine ["10.2.12.0/23"]',
      'child c2 responder_remote_ts: real ["10.1.9.192/26"], engine ["10.1.128.0/17"]',
    ],
  },
  {
    key: 'gen-174 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["0.0.0.0/0"], engine ["10.3.208.0/21"]',
      'child c1 initiator_remote_ts: real ["0.0.0.0/0"], engine ["0.0.0.0/1"]',
    ],
  },
  {
    key: 'gen-177 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["::/0"], engine ["1000::/4"]',
    ],
  },
  {
    key: 'gen-177 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c1 initiator_local_ts: real ["fd00:3:0:4333:8c3a:bccb:e7a:f881/128"], engine ["1000::/4"]',
      'child c1 initiator_remote_ts: real ["fd00:3:0:97c0::/58"], engine ["::/0"]',
      'child c1 responder_local_ts: real ["fd00:3:0:97c0::/58"], engine ["::/0"]',
      'child c1 responder_remote_ts: real ["fd00:3:0:4333:8c3a:bccb:e7a:f881/128"], engine ["1000::/4"]',
      'child c1 responder_config: real decoy, engine r1',
    ],
  },
  {
    key: 'gen-187 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-187 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-194 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-all-flows-one-child'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-194 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-2 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["10.1.96.0/23"], engine ["10.1.96.0/24"]',
      'child c1 initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.32.0/19"]',
    ],
  },
  {
    key: 'gen-20 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-last-policy'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
    ],
  },
  {
    key: 'gen-226 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-228 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-ignores-ts'],
    diffs: [
      'ike: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-232 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'child c2 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-246 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["10.2.0.0/16[udp]"], engine ["10.2.192.0/18[udp]"]',
    ],
  },
  {
    key: 'gen-248 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-266 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-266 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-270 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-last-policy'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'child c2 status: real down, engine up',
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
    ],
  },
  {
    key: 'gen-276 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-294 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-ignores-ts'],
    diffs: [
      'ike: real down, engine up',
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-295 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-295 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-ignores-ts'],
    diffs: [
      'ike: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-3 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-30 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-all-flows-one-child'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine split',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-300 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-300 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-303 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_remote_ts: real ["10.2.120.0/21"], engine ["10.2.124.0/22"]',
    ],
  },
  {
    key: 'gen-322 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD","NO_PROPOSAL_CHOSEN"], engine ["INVALID_KE_PAYLOAD"]',
    ],
  },
  {
    key: 'gen-328 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real down, engine up',
    ],
  },
  {
    key: 'gen-331 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c2 status: real down, engine up',
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-332 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["10.1.110.128/25[udp/80]"], engine ["10.1.110.240/28[udp/80]"]',
    ],
  },
  {
    key: 'gen-348 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c2 initiator_local_ts: real ["144.0.0.0/4"], engine ["128.0.0.0/1"]',
      'child c2 responder_remote_ts: real ["144.0.0.0/4"], engine ["128.0.0.0/1"]',
      'child c2 responder_config: real r1, engine r2',
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-354 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-all-flows-one-child'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-371 iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real down, engine up',
    ],
  },
  {
    key: 'gen-373 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["0.0.0.0/0"], engine ["0.0.0.0/0","10.2.78.0/23"]',
    ],
  },
  {
    key: 'gen-374 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-377 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-38 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-391 iked-initiator',
    classes: ['iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-395 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c2 status: real inconsistent, engine up',
      'child c2 initiator_local_ts: real ["0.0.0.0/0"], engine ["10.1.0.0/16"]',
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
  {
    key: 'gen-47 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["::/0"], engine ["::/0","fd00:2:0:7800::/53"]',
    ],
  },
  {
    key: 'gen-48 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-48 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-57 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["10.1.128.0/18"], engine ["10.1.188.0/22"]',
    ],
  },
  {
    key: 'gen-57 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["10.2.240.192/26"], engine ["10.2.240.224/28"]',
    ],
  },
  {
    key: 'gen-67 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike', 'iked-responder-ignores-ts'],
    diffs: [
      'ike: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-69 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-69 iked-responder',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-78 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-78 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-88 iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real ["INVALID_KE_PAYLOAD"], engine ["INVALID_KE_PAYLOAD","TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'gen-91 iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-95 iked-initiator',
    classes: ['iked-linux-no-aead-esp', 'iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
      'child c1 status: real down, engine up',
      'notifies_received_by_initiator: real ["NO_PROPOSAL_CHOSEN"], engine []',
      'notifies_sent_by_responder: real ["NO_PROPOSAL_CHOSEN"], engine []',
    ],
  },
  {
    key: 'gen-98 iked-initiator',
    classes: ['iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'gen-98 iked-responder',
    classes: ['iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-disjoint iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-disjoint iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'v2-esp-proposal-mismatch iked-initiator',
    classes: ['iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-esp-proposal-mismatch iked-responder',
    classes: ['iked-child-failure-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-mixed-narrow iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.1.0/24"]',
    ],
  },
  {
    key: 'v2-mixed-narrow iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x responder_remote_ts: real ["10.1.0.0/16"], engine ["10.1.1.0/24"]',
    ],
  },
  {
    key: 'v2-mixed-port iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_remote_ts: real ["10.2.0.0/16[tcp]"], engine ["10.2.0.0/24[tcp/443]"]',
    ],
  },
  {
    key: 'v2-mixed-port iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x responder_remote_ts: real ["10.1.0.0/16[tcp]"], engine ["10.1.0.0/24[tcp]"]',
    ],
  },
  {
    key: 'v2-multi-selector-narrow iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.1.0/24","10.1.2.0/24"], engine ["10.1.1.128/25","10.1.2.0/24"]',
    ],
  },
  {
    key: 'v2-multi-selector-narrow iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.1.128/25","10.1.2.0/24"], engine ["10.1.2.0/24"]',
      'child x responder_remote_ts: real ["10.1.1.128/25","10.1.2.0/24","10.1.3.0/24"], engine ["10.1.2.0/24"]',
    ],
  },
  {
    key: 'v2-narrow-to-responder iked-both',
    classes: ['iked-responder-ignores-ts', 'iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/16"], engine ["10.1.1.0/24"]',
      'child x initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.1.0/24"]',
    ],
  },
  {
    key: 'v2-narrow-to-responder iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/16"], engine ["10.1.1.0/24"]',
      'child x initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.1.0/24"]',
    ],
  },
  {
    key: 'v2-partial-overlap iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/24"], engine ["10.1.0.0/25"]',
      'child x initiator_remote_ts: real ["10.2.0.0/23"], engine ["10.2.1.0/24"]',
    ],
  },
  {
    key: 'v2-port-initiator-narrow iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x responder_local_ts: real ["10.2.0.0/16"], engine ["10.2.0.0/24[tcp]"]',
      'child x responder_remote_ts: real ["10.1.0.0/16"], engine ["10.1.0.0/24[tcp/443]"]',
    ],
  },
  {
    key: 'v2-port-mismatch iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-port-mismatch iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'v2-port-responder-narrow iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/24"], engine ["10.1.0.0/24[tcp]"]',
      'child x initiator_remote_ts: real ["10.2.0.0/24"], engine ["10.2.0.0/24[tcp/443]"]',
    ],
  },
  {
    key: 'v2-protocol-mismatch iked-initiator',
    classes: ['iked-initiator-ts-unacceptable-kills-ike'],
    diffs: [
      'ike: real down, engine up',
    ],
  },
  {
    key: 'v2-protocol-mismatch iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'v2-responder-superset iked-responder',
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x responder_local_ts: real ["10.2.0.0/16"], engine ["10.2.1.0/24"]',
      'child x responder_remote_ts: real ["10.1.0.0/16"], engine ["10.1.1.0/24"]',
    ],
  },
  {
    key: 'v2-two-children-first-fails iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child x status: real down, engine up',
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
  {
    key: 'v2-two-children-same-peer-pick iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child x status: real down, engine up',
    ],
  },
  {
    key: 'v2-two-children-second-fails iked-responder',
    classes: ['iked-responder-last-policy', 'iked-responder-ignores-ts'],
    diffs: [
      'child x status: real down, engine up',
      'notifies_received_by_initiator: real [], engine ["TS_UNACCEPTABLE"]',
      'notifies_sent_by_responder: real [], engine ["TS_UNACCEPTABLE"]',
    ],
  },
];
