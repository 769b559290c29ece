// How assemble pairs the tunnels of boxes whose files do not say their own IKE address (an ASA
// that leaves it to the interface, a swanctl.conf without local_addrs): a hub that says its
// address and peers with two such spokes pairs each with the spoke whose selectors mirror its
// own, and with neither when both spokes mirror it (nothing tells them apart).
import { describe, expect, it } from 'vitest';
import { assembleTopology, type ImportedDevice } from '../../../shared/import/assemble';
import { DocumentSchema } from '../../../shared/model/document';
import type { ChildMeaning, PeerMeaning } from '../../../shared/vendors/kit/reader';

const esp = { proposals: [{ encryption: ['aes256' as const], integrity: ['sha256' as const], dhGroups: [14 as const] }] };
const child = (local: string, remote: string): ChildMeaning => ({ local, remote, esp });
function peer(remoteAddress: string, children: ChildMeaning[], localAddress?: string): PeerMeaning {
  return { remoteAddress, ...(localAddress ? { localAddress } : {}), ikeVersion: 2, ike: { proposals: esp.proposals }, auth: { method: 'psk' }, children, routes: [] };
}
const box = (label: string, vendor: string, peers: PeerMeaning[]): ImportedDevice => ({ label, vendor, meaning: { peers }, lines: { used: 1, ignored: 0, unknown: [] } });

const hub = box('HUB', 'panos', [
  peer('198.18.0.2', [child('10.0.0.0/24', '10.1.2.0/24')], '203.0.113.1'),
  peer('198.18.0.3', [child('10.0.0.0/24', '10.1.3.0/24')], '203.0.113.1'),
]);

describe('pairing boxes that do not say their own address', () => {
  it('each hub peer pairs with the one spoke that mirrors its selectors, whatever the order of the files', () => {
    const s3 = box('S3', 'cisco-asa', [peer('203.0.113.1', [child('10.1.3.0/24', '10.0.0.0/24')])]);
    const s2 = box('S2', 'cisco-asa', [peer('203.0.113.1', [child('10.1.2.0/24', '10.0.0.0/24')])]);
    for (const devices of [[hub, s3, s2], [s2, hub, s3], [s3, s2, hub]]) {
      const { peers } = assembleTopology(devices);
      // One outcome per tunnel, told by whichever of its boxes came first.
      const hubPeers = peers.filter((p) => p.device === 'HUB' || p.pairedWith === 'HUB');
      expect(hubPeers.map((p) => [p.device, p.pairedWith].sort()).sort()).toEqual([
        ['HUB', 'S2'],
        ['HUB', 'S3'],
      ]);
      expect(peers).toHaveLength(2);
      // The first by its selectors; the second may then follow as the last box whose address is not known.
      expect(hubPeers.some((p) => p.by === 'selectors')).toBe(true);
    }
  });

  it('two spokes that both mirror a hub peer are not guessed between: both hub peers get external gateways', () => {
    const same = () => box('S', 'cisco-asa', [peer('203.0.113.1', [child('10.1.2.0/24', '10.0.0.0/24')])]);
    const hub2 = box('HUB', 'panos', [peer('198.18.0.2', [child('10.0.0.0/24', '10.1.2.0/24')], '203.0.113.1'), peer('198.18.0.3', [child('10.0.0.0/24', '10.1.2.0/24')], '203.0.113.1')]);
    const { peers } = assembleTopology([hub2, { ...same(), label: 'S-a' }, { ...same(), label: 'S-b' }]);
    expect(peers.filter((p) => p.device === 'HUB').map((p) => p.pairedWith)).toEqual([undefined, undefined]);
  });

  it('a spoke with a peer elsewhere is not taken for the hub\'s peer, however its selectors look', () => {
    const elsewhere = box('S2', 'cisco-asa', [peer('192.0.2.99', [child('10.1.2.0/24', '10.0.0.0/24')])]);
    const { peers } = assembleTopology([hub, elsewhere]);
    expect(peers.find((p) => p.peer === '198.18.0.2')?.pairedWith).toBeUndefined();
  });

  it('a dynamic peer (a dynamic crypto map: no address) pairs with the box that peers with its box; left alone it stands for any peer, with no address', () => {
    const dynamic = (): PeerMeaning => ({ ...peer('', [child('10.1.2.0/24', '10.0.0.0/24')]), passive: true });
    const responder = box('ASA', 'cisco-asa', [dynamic()]);
    const withAddress = { ...responder, meaning: { ...responder.meaning, device: { interfaces: [{ name: 'outside', kind: 'physical' as const, address: '198.18.0.2/24' }], routes: [], natRules: [], policies: [] } } };
    const paired = assembleTopology([hub, withAddress]);
    expect(paired.peers.find((p) => p.pairedWith !== undefined && [p.device, p.pairedWith].includes('ASA'))?.peer).toBe('198.18.0.2');
    expect(DocumentSchema.safeParse(paired.document).success).toBe(true);
    const alone = assembleTopology([responder]);
    expect(alone.peers.map((p) => p.external)).toEqual(['Dynamic peer of ASA']);
    const stand = alone.document.gateways.find((g) => g.name === 'Dynamic peer of ASA');
    expect(stand?.interfaces.map((i) => i.address)).toEqual([undefined]);
    expect(DocumentSchema.safeParse(alone.document).success).toBe(true);
    // The tunnel answers only: the stand-in initiates.
    expect(alone.document.tunnels[0]?.initiator).toBe('b');
  });

  it('with NAT between them (the peer address is the far box\'s public one, its file says its private one) the boxes pair by the identities each expects of the other', () => {
    const withId = (p: PeerMeaning, localId: string, remoteId: string): PeerMeaning => ({ ...p, auth: { method: 'psk', localId, remoteId } });
    const device = (address: string) => ({ interfaces: [{ name: 'outside', kind: 'physical' as const, address }], routes: [], natRules: [], policies: [] });
    const hq = box('HQ', 'panos', [withId(peer('203.0.113.50', [child('10.0.0.0/24', '10.5.0.0/24')], '198.51.100.1'), 'fqdn:hq.example.net', 'fqdn:branch.example.net')]);
    const branchPeer = withId(peer('198.51.100.1', [child('10.5.0.0/24', '10.0.0.0/24')], '10.99.0.2'), 'fqdn:branch.example.net', 'fqdn:hq.example.net');
    const branch = { ...box('BRANCH', 'junos-srx', [branchPeer]), meaning: { peers: [branchPeer], device: device('10.99.0.2/24') } };
    const hqWithDevice = { ...hq, meaning: { ...hq.meaning, device: device('198.51.100.1/24') } };
    const paired = assembleTopology([hqWithDevice, branch]);
    expect(paired.peers.map((p) => [p.device, p.pairedWith, p.by])).toEqual([['HQ', 'BRANCH', 'identities']]);
    expect(DocumentSchema.safeParse(paired.document).success).toBe(true);
    // Identities that do not answer each other: nothing pairs, each gets a stand-in.
    const stranger = { ...branch, meaning: { ...branch.meaning, peers: [withId(branchPeer, 'fqdn:other.example.net', 'fqdn:hq.example.net')] } };
    expect(assembleTopology([hqWithDevice, stranger]).peers.map((p) => p.external !== undefined)).toEqual([true, true]);
  });
});
