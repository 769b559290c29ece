// Hand-written cases that pin one charon rule each, found while reading disagreements on random
// cases. They run with the random ones in engine-vs-charon.test.ts.
import type { OracleCase, OracleChild } from './harness/types';

const child = (name: string, local: string, remote: string, esp = 'aes128-sha256'): OracleChild => ({ name, local_ts: [local], remote_ts: [remote], esp });

function probe(id: string, version: 1 | 2, initiator: OracleChild[], responder: OracleChild[], ike = 'aes128-sha256-modp2048', responderIke = ike): OracleCase {
  return {
    id: `probe-${id}`,
    version,
    initiator: { ike, psk: 'shared-secret', children: initiator },
    responder: { ike: responderIke, psk: 'shared-secret', children: responder },
    initiate: initiator.map((c) => c.name),
  };
}

const mirror = child('x', '10.2.0.0/24', '10.1.0.0/24');

const any = '0.0.0.0/0';

export const PROBES: readonly OracleCase[] = [
  // Rules found earlier on random cases (findings/README.md, fixed in the engine), pinned here so
  // they stay covered whatever the random seeds generate.
  probe('v1-ike-two-dh-groups-first-only', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048-ecp256', 'aes128-sha256-ecp256'),
  probe('v2-ike-two-dh-groups-invalid-ke', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-sha256-modp2048-ecp256', 'aes128-sha256-ecp256'),
  probe('v1-port-range-first-port', 1, [child('c1', '10.1.0.0/24[udp/1500-3000]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[udp/1500-3000]')]),
  probe('v2-port-range-kept', 2, [child('c1', '10.1.0.0/24[udp/1500-3000]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[udp/1500-3000]')]),
  // Equal priority (5+1 and 1+5): the responder keeps the config listed first.
  probe('v2-config-tie-first-listed-wins', 2, [child('c1', any, any)], [child('r1', any, '10.1.0.0/16'), child('r2', '10.2.0.0/16', any)]),
  probe('v2-config-tie-first-listed-wins-swapped', 2, [child('c1', any, any)], [child('r2', '10.2.0.0/16', any), child('r1', any, '10.1.0.0/16')]),
  // Each child negotiates its own ESP proposal.
  probe('v2-per-child-esp', 2, [child('c1', '10.1.1.0/24', '10.2.1.0/24', 'aes128-sha256'), child('c2', '10.1.2.0/24', '10.2.2.0/24', 'aes256gcm16-ecp256')], [child('x1', '10.2.1.0/24', '10.1.1.0/24', 'aes128-sha256'), child('x2', '10.2.2.0/24', '10.1.2.0/24', 'aes256gcm16-ecp256')]),

  // IKEv2: a second child configured with exactly the selectors of an installed one is not
  // established ("not establishing CHILD_SA c2{2} due to existing duplicate {1}"); no notify.
  probe('v2-duplicate-child-same-selectors', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24'), child('c2', '10.1.0.0/24', '10.2.0.0/24')], [mirror]),
  // IKEv1 has no such check: both come up.
  probe('v1-duplicate-child-same-selectors', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24'), child('c2', '10.1.0.0/24', '10.2.0.0/24')], [mirror]),
  // Only configured selectors count: the same negotiated result from other configs is no duplicate.
  probe('v2-second-child-configured-narrower', 2, [child('c1', '10.1.0.0/16', '10.2.0.0/16'), child('c2', '10.1.0.0/24', '10.2.0.0/24')], [mirror]),
  probe('v2-second-child-configured-wider', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24'), child('c2', '10.1.0.0/16', '10.2.0.0/16')], [mirror]),
  // Same selectors, other ESP proposal: the responder picks its first matching config, whose
  // proposal does not match, so NO_PROPOSAL_CHOSEN (not a duplicate).
  probe('v2-same-selectors-other-esp', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24'), child('c2', '10.1.0.0/24', '10.2.0.0/24', 'aes256-sha256')], [mirror, child('y', '10.2.0.0/24', '10.1.0.0/24', 'aes256-sha256')]),
  // Same networks, one child restricted to TCP: a different selector, both come up.
  probe('v2-same-networks-other-protocol', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24'), child('c2', '10.1.0.0/24[tcp]', '10.2.0.0/24')], [mirror]),
  // IKEv1 Quick Mode carries one PFS group: the IKE SA's group when the ESP proposal lists it,
  // else the proposal's first (charon's "received proposals: ESP:…/MODP_2048" on the responder).
  probe('v1-pfs-takes-ike-group-not-first', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24', 'aes128-sha256-ecp256-modp2048')], [child('x', '10.2.0.0/24', '10.1.0.0/24', 'aes128-sha256-ecp256')]),
  probe('v1-pfs-takes-ike-group-when-listed-second', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24', 'aes128-sha256-modp3072-modp2048')], [child('x', '10.2.0.0/24', '10.1.0.0/24', 'aes128-sha256-modp2048')]),
  // charon drops a configured selector contained in another of the same list before proposing:
  // IKEv1 proposes the first selector that remains (here 10.1.0.0/16, not 10.1.1.0/24).
  probe('v1-first-selector-after-dropping-contained', 1, [{ name: 'c1', local_ts: ['10.1.1.0/24', '10.1.0.0/16'], remote_ts: ['10.2.0.0/24'], esp: 'aes128-sha256' }], [child('x', '10.2.0.0/24', '10.1.0.0/16')]),
  probe('v2-contained-selector-dropped', 2, [{ name: 'c1', local_ts: ['10.1.1.0/24', '10.1.0.0/16'], remote_ts: ['10.2.0.0/24'], esp: 'aes128-sha256' }], [child('x', '10.2.0.0/24', '10.1.0.0/16')]),
  // IKEv1 proposals carry the first algorithm of each kind only (IKEv2 carries them all):
  // the responder logs `received proposals: IKE:AES_CBC_128/…` for `aes128-aes256-sha256-…`.
  probe('v1-ike-second-cipher-not-sent', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-aes256-sha256-modp2048', 'aes256-sha256-modp2048'),
  probe('v2-ike-second-cipher-sent', 2, [child('c1', '10.1.0.0/24', '10.2.0.0/24')], [mirror], 'aes128-aes256-sha256-modp2048', 'aes256-sha256-modp2048'),
  probe('v1-esp-second-integrity-not-sent', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24', 'aes128-sha256-sha1')], [child('x', '10.2.0.0/24', '10.1.0.0/24', 'aes128-sha1')]),
  // ICMP type in the port field (swanctl 5.9.8 takes `icmp/8`, refuses `icmp/8/0`), and GRE by number.
  probe('v2-icmp-type-narrows', 2, [child('c1', '10.1.0.0/24[icmp]', '10.2.0.0/24[icmp]')], [child('x', '10.2.0.0/24[icmp]', '10.1.0.0/24[icmp/8]')]),
  probe('v1-icmp-type', 1, [child('c1', '10.1.0.0/24[icmp/8]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[icmp]')]),
  probe('v2-gre-by-number', 2, [child('c1', '10.1.0.0/24[47]', '10.2.0.0/24')], [child('x', '10.2.0.0/24', '10.1.0.0/24[gre]')]),
  // Dual-stack children: charon narrows the TSi and TSr lists each on its own, so an IPv6 local
  // selector stays in the child even when every remote selector is IPv4.
  probe('v2-dual-stack-child', 2, [{ name: 'c1', local_ts: ['10.1.0.0/24', 'fd00:1::/64'], remote_ts: ['10.2.0.0/24', 'fd00:2::/64'], esp: 'aes128-sha256' }], [{ name: 'x', local_ts: ['10.2.0.0/24', 'fd00:2::/64'], remote_ts: ['10.1.0.0/24', 'fd00:1::/64'], esp: 'aes128-sha256' }]),
  probe('v2-dual-stack-local-v4-only-remote', 2, [{ name: 'c1', local_ts: ['fd00:1::/64', '10.1.0.0/24'], remote_ts: ['10.2.0.0/24'], esp: 'aes128-sha256' }], [{ name: 'x', local_ts: ['10.2.0.0/24'], remote_ts: ['10.1.0.0/24', 'fd00:1::/64'], esp: 'aes128-sha256' }]),
  probe('v1-pfs-first-group-without-ike-group', 1, [child('c1', '10.1.0.0/24', '10.2.0.0/24', 'aes128-sha256-modp2048-ecp256')], [child('x', '10.2.0.0/24', '10.1.0.0/24', 'aes128-sha256-modp2048')], 'aes128-sha256-modp3072'),
];
