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
    key: 'gen-102 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c2 status: real inconsistent, engine up',
      'child c2 initiator_local_ts: real ["10.1.128.0/20","10.1.206.176/28"], engine ["10.1.128.0/20","10.1.206.184/29"]',
      'child c2 initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.185.128/25"]',
    ],
  },
  {
    key: 'gen-111 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["0.0.0.0/0"], engine ["64.0.0.0/2"]',
      'child c1 initiator_remote_ts: real ["0.0.0.0/0","10.2.205.0/24"], engine ["10.2.216.0/24"]',
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
    key: 'gen-139 pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine down',
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
    key: 'gen-168 pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine down',
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
    classes: ['iked-responder-ignores-ts'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 responder_local_ts: real ["0.0.0.0/0"], engine ["10.2.21.180/32"]',
      'child c2 status: real inconsistent, engine up',
      'child c2 responder_local_ts: real ["0.0.0.0/0"], engine ["10.2.12.0/23"]',
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
    key: 'gen-2 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_local_ts: real ["10.1.96.0/23"], engine ["10.1.96.0/24"]',
      'child c1 initiator_remote_ts: real ["10.2.0.0/16"], engine ["10.2.32.0/19"]',
    ],
  },
  {
    key: 'gen-234 pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine down',
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
    key: 'gen-303 iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_remote_ts: real ["10.2.120.0/21"], engine ["10.2.124.0/22"]',
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
    key: 'gen-373 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_remote_ts: real ["0.0.0.0/0","10.2.78.0/23"], engine ["0.0.0.0/0"]',
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
    key: 'gen-438 pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine down',
    ],
  },
  {
    key: 'gen-46 pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine down',
    ],
  },
  {
    key: 'gen-47 iked-initiator',
    classes: ['iked-all-flows-one-child', 'iked-initiator-installs-own'],
    diffs: [
      'child c1 status: real inconsistent, engine up',
      'child c1 initiator_remote_ts: real ["::/0","fd00:2:0:7800::/53"], engine ["::/0"]',
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
    key: 'v1-mixed-narrow pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine down',
    ],
  },
  {
    key: 'v1-responder-subset pluto-initiator',
    classes: ['libreswan-v1-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine down',
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
      'child x responder_remote_ts: real ["10.1.1.128/25","10.1.2.0/24","10.1.3.0/24"], engine ["10.1.1.128/25","10.1.2.0/24"]',
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
    key: 'v2-port-responder-narrow iked-initiator',
    classes: ['iked-initiator-installs-own'],
    diffs: [
      'child x status: real inconsistent, engine up',
      'child x initiator_local_ts: real ["10.1.0.0/24"], engine ["10.1.0.0/24[tcp]"]',
      'child x initiator_remote_ts: real ["10.2.0.0/24"], engine ["10.2.0.0/24[tcp/443]"]',
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
];
