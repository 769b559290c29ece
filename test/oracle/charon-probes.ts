// Hand-built cases on real strongSwan 5.9.8 (both ends charon, the charon harness) for the
// strongSwan questions of issue 12: a remote-identity mismatch (which end rejects, in which
// message, with which notify; IKEv1 and IKEv2), Aggressive Mode with a PSK (refused by default;
// `charon.i_dont_care_about_security_and_use_aggressive_mode_psk`), Main Mode against Aggressive
// Mode, ICMP type and code in selectors, and the IKE DH group when both ends list several.
// charon-probes.test.ts pins what charon did in each; the ICMP and DH group ones are interop
// cases, also compared with the engine there.
import { INITIATOR_IP, RESPONDER_IP } from './harness/config';
import type { OracleCase, OracleChild, SwanctlPairRequest } from './harness/types';

export interface IdentityProbeSide {
  version: 1 | 2;
  localId: string;
  remoteId: string;
  aggressive?: boolean;
  ike?: string;
}

/** swanctl.conf of one side with explicit identities (FQDNs) and Main or Aggressive Mode. */
export function probeConf(role: 'initiator' | 'responder', side: IdentityProbeSide): string {
  const local = role === 'initiator' ? INITIATOR_IP : RESPONDER_IP;
  const remote = role === 'initiator' ? RESPONDER_IP : INITIATOR_IP;
  const [lnet, rnet] = role === 'initiator' ? ['10.1.0.0/24', '10.2.0.0/24'] : ['10.2.0.0/24', '10.1.0.0/24'];
  return `connections {
  probe {
    version = ${side.version}
    local_addrs = ${local}
    remote_addrs = ${remote}
    proposals = ${side.ike ?? 'aes128-sha256-modp2048'}
    aggressive = ${side.aggressive ? 'yes' : 'no'}
    local {
      auth = psk
      id = ${side.localId}
    }
    remote {
      auth = psk
      id = ${side.remoteId}
    }
    children {
      x {
        local_ts = ${lnet}
        remote_ts = ${rnet}
        esp_proposals = aes128-sha256
      }
    }
  }
}
secrets {
  ike-probe {
    id-a = a.example
    id-b = b.example
    id-c = c.example
    secret = "probe-secret"
  }
}
`;
}

export interface SwanctlProbe {
  id: string;
  question: string;
  initiator: IdentityProbeSide;
  responder: IdentityProbeSide;
  request: SwanctlPairRequest;
}

const AGGRESSIVE_PSK = 'i_dont_care_about_security_and_use_aggressive_mode_psk = yes';

function pair(id: string, question: string, initiator: IdentityProbeSide, responder: IdentityProbeSide, settings?: SwanctlPairRequest['charonSettings']): SwanctlProbe {
  return { id, question, initiator, responder, request: { label: id, initiatorConf: probeConf('initiator', initiator), responderConf: probeConf('responder', responder), initiate: ['x'], withLogs: true, ...(settings ? { charonSettings: settings } : {}) } };
}

const A = 'a.example';
const B = 'b.example';
const C = 'c.example';

/** Identity and exchange-mode probes: configurations the interop format cannot hold. */
export const SWANCTL_PROBES: readonly SwanctlProbe[] = [
  pair('v2-id-responder-expects-other', 'IKEv2: the responder expects another initiator identity', { version: 2, localId: A, remoteId: B }, { version: 2, localId: B, remoteId: C }),
  pair('v2-id-initiator-expects-other', 'IKEv2: the initiator expects another responder identity', { version: 2, localId: A, remoteId: C }, { version: 2, localId: B, remoteId: A }),
  pair('v1-id-responder-expects-other', 'IKEv1 Main Mode: the responder expects another initiator identity', { version: 1, localId: A, remoteId: B }, { version: 1, localId: B, remoteId: C }),
  pair('v1-id-initiator-expects-other', 'IKEv1 Main Mode: the initiator expects another responder identity', { version: 1, localId: A, remoteId: C }, { version: 1, localId: B, remoteId: A }),
  pair('v1-aggr-id-responder-expects-other', 'IKEv1 Aggressive Mode (allowed): the responder expects another initiator identity', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: C, aggressive: true }, { initiator: [AGGRESSIVE_PSK], responder: [AGGRESSIVE_PSK] }),
  pair('v1-aggr-id-initiator-expects-other', 'IKEv1 Aggressive Mode (allowed): the initiator expects another responder identity', { version: 1, localId: A, remoteId: C, aggressive: true }, { version: 1, localId: B, remoteId: A, aggressive: true }, { initiator: [AGGRESSIVE_PSK], responder: [AGGRESSIVE_PSK] }),
  pair('v1-aggr-psk-default', 'IKEv1 Aggressive Mode with a PSK, both ends aggressive, default settings', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: A, aggressive: true }),
  pair('v1-aggr-psk-allowed-responder', 'Aggressive Mode PSK, the option set on the responder only', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: A, aggressive: true }, { responder: [AGGRESSIVE_PSK] }),
  pair('v1-aggr-psk-allowed-initiator', 'Aggressive Mode PSK, the option set on the initiator only', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: A, aggressive: true }, { initiator: [AGGRESSIVE_PSK] }),
  pair('v1-aggr-initiator-main-responder', 'Initiator in Aggressive Mode, responder configured for Main Mode (option set on the responder)', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: A }, { responder: [AGGRESSIVE_PSK] }),
  pair('v1-aggr-initiator-main-responder-default', 'Initiator in Aggressive Mode, responder configured for Main Mode, default settings', { version: 1, localId: A, remoteId: B, aggressive: true }, { version: 1, localId: B, remoteId: A }),
  pair('v1-main-initiator-aggr-responder', 'Initiator in Main Mode, responder configured for Aggressive Mode', { version: 1, localId: A, remoteId: B }, { version: 1, localId: B, remoteId: A, aggressive: true }),
];

const child = (name: string, local: string, remote: string, esp = 'aes128-sha256'): OracleChild => ({ name, local_ts: [local], remote_ts: [remote], esp });

function interop(id: string, version: 1 | 2, initiator: OracleChild[], responder: OracleChild[], ike = 'aes128-sha256-modp2048', responderIke = ike): OracleCase {
  return { id: `probe-${id}`, version, initiator: { ike, psk: 'shared-secret', children: initiator }, responder: { ike: responderIke, psk: 'shared-secret', children: responder }, initiate: initiator.map((c) => c.name) };
}

const mirror = child('x', '10.2.0.0/24', '10.1.0.0/24');

/** ICMP type/code and DH group probes, in the interop case format (also compared with the engine). */
export const INTEROP_PROBES: readonly OracleCase[] = [
  // ICMP: charon keeps type and code in the port field as type << 8 | code (RFC 4301 §4.4.1.1);
  // `[icmp/8]` is one value, type 8 code 0, printed `icmp/8`; a port >= 256 is taken as it is.
  interop('v2-icmp-type-exact', 2, [child('c1', '10.1.0.0/24[icmp/8]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/8]')]),
  interop('v2-icmp-type-vs-any-code', 2, [child('c1', '10.1.0.0/24[icmp/8]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/2048-2303]')]),
  interop('v2-icmp-type-code-vs-type', 2, [child('c1', '10.1.0.0/24[icmp/769]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/3]')]),
  interop('v2-icmp-any-vs-type', 2, [child('c1', '10.1.0.0/24[icmp]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/8]')]),
  interop('v2-icmp-type-code-exact', 2, [child('c1', '10.1.0.0/24[icmp/769]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/769]')]),
  interop('v1-icmp-type-vs-any', 1, [child('c1', '10.1.0.0/24[icmp/8]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp]')]),
  interop('v1-icmp-any-vs-type', 1, [child('c1', '10.1.0.0/24[icmp]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp/8]')]),
  // DH groups listed by both ends in different orders.
  interop('v2-dh-orders-differ', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048-ecp256', 'aes128-sha256-ecp256-modp2048'),
  interop('v2-dh-same-order', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048-ecp256', 'aes128-sha256-modp2048-ecp256'),
  interop('v2-dh-initiator-first-unknown', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-ecp256-modp2048', 'aes128-sha256-modp2048'),
  interop('v2-dh-two-proposals-responder-order', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048,aes128-sha256-ecp256', 'aes128-sha256-ecp256,aes128-sha256-modp2048'),
  interop('v1-dh-orders-differ', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048-ecp256', 'aes128-sha256-ecp256-modp2048'),
  interop('v1-dh-two-proposals-responder-order', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048,aes128-sha256-ecp256', 'aes128-sha256-ecp256,aes128-sha256-modp2048'),
];
