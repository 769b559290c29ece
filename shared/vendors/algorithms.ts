// Algorithms a product cannot be configured with, per IKE version, from each vendor's capability
// table (algorithmLimits). A design that asks for one describes a box that cannot exist, so its
// negotiation verdict means little: the engine reports ALGORITHM_UNSUPPORTED, the inspector offers
// only what the product has, and the exporters warn on the line. Only limits with a source are
// listed; a product without limits is not checked.
import type { DhGroup, Encryption, EspProposal, IkeProposal, Integrity, TunnelEnd } from '../model/document';
import type { AlgorithmLimit } from './kit/capabilities';
import { vendorModule } from './registry';

export interface UnsupportedAlgorithm {
  limit: AlgorithmLimit;
  algorithm: Encryption | Integrity | DhGroup;
  proposalIndex: number;
}

/** The proposal's list of one kind of algorithm. */
export function proposalAlgorithms(p: IkeProposal | EspProposal, kind: AlgorithmLimit['kind']): readonly (Encryption | Integrity | DhGroup)[] {
  return (kind === 'encryption' ? p.encryption : kind === 'integrity' ? p.integrity : p.dhGroups) ?? [];
}

/** The product's algorithm limits (its capability table). */
export function algorithmLimitsOf(vendor: string): readonly AlgorithmLimit[] {
  return vendorModule(vendor).capabilities.algorithmLimits;
}

/** The limit holds on this release of the product (a limit without releases holds on all). */
const appliesOn = (limit: AlgorithmLimit, osVersion: string) => !limit.appliesTo || limit.appliesTo(osVersion);

/** Every algorithm in this end's proposals that its product (on this release) cannot be configured with. */
export function unsupportedAlgorithms(vendor: string, end: TunnelEnd, osVersion = ''): UnsupportedAlgorithm[] {
  const out: UnsupportedAlgorithm[] = [];
  for (const limit of algorithmLimitsOf(vendor)) {
    if (limit.ikeVersion !== undefined && limit.ikeVersion !== end.ikeVersion) continue;
    if (!appliesOn(limit, osVersion)) continue;
    const proposals: readonly (IkeProposal | EspProposal)[] = (limit.phase === 'ike' ? end.ike?.proposals : end.esp?.proposals) ?? [];
    proposals.forEach((p, proposalIndex) => {
      for (const algorithm of proposalAlgorithms(p, limit.kind)) {
        if (limit.unsupported.includes(algorithm)) out.push({ limit, algorithm, proposalIndex });
      }
    });
  }
  return out;
}

/**
 * The algorithms of one kind a product cannot be configured with for this IKE version and phase,
 * each with the reason, for editors that offer only what the product has.
 */
export function unavailableAlgorithms(vendor: string, ikeVersion: 1 | 2, phase: AlgorithmLimit['phase'], kind: AlgorithmLimit['kind'], osVersion = ''): Map<Encryption | Integrity | DhGroup, string> {
  const out = new Map<Encryption | Integrity | DhGroup, string>();
  for (const limit of algorithmLimitsOf(vendor)) {
    if (limit.phase !== phase || limit.kind !== kind || (limit.ikeVersion !== undefined && limit.ikeVersion !== ikeVersion)) continue;
    if (!appliesOn(limit, osVersion)) continue;
    for (const a of limit.unsupported) if (!out.has(a)) out.set(a, limit.statement);
  }
  return out;
}
