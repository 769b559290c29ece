// The workshop templates offered on an empty canvas and used by golden-file tests.
import type { TopologyDocument } from '../model/document';
import { fullMesh } from './full-mesh';
import { hubAndSpoke } from './hub-and-spoke';
import { panAsaInterop } from './pan-asa-interop';
import { SEED_SCENARIOS } from './scenarios/seed-scenarios';
import { screenosMultiProxyId } from './screenos-multi-proxy-id';

export interface Template {
  id: string;
  title: string;
  description: string;
  build(): TopologyDocument;
}

export const TEMPLATES: Template[] = [
  { id: 'hub-and-spoke', title: 'Hub and spoke', description: 'A Palo Alto hub with SRX, FortiGate and Palo Alto spokes; route-based IKEv2.', build: hubAndSpoke },
  { id: 'full-mesh', title: 'Full mesh', description: 'Four sites, six tunnels with mirrored selectors.', build: fullMesh },
  { id: 'pan-asa-interop', title: 'Palo Alto ↔ policy-based Cisco ASA', description: 'Route-based PAN-OS with no proxy IDs against an ASA crypto map (IKEv1): phase 2 fails until the proxy ID is added.', build: panAsaInterop },
  { id: 'screenos-multi-proxy-id', title: 'ScreenOS 6.3 multiple proxy IDs', description: 'Juniper KB16008: two networks each side over one tunnel interface, four proxy IDs, proxy-id check.', build: screenosMultiProxyId },
  // The symptoms the two source articles describe, each reproducible with the packet walk.
  ...SEED_SCENARIOS.map(({ id, title, description, build }) => ({ id, title, description, build })),
];
