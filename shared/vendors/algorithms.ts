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

/**
 * The ESP proposals the product negotiates with: those a `proposal-dropped` limit of its (whose
 * algorithms are every encryption of the proposal) does not remove. The list itself when none is.
 */
export function negotiatedEspProposals<P extends { encryption: readonly string[] }>(vendor: string, osVersion: string, ikeVersion: 1 | 2, proposals: readonly P[]): readonly P[] {
  const limits = algorithmLimitsOf(vendor).filter((l) => l.negotiation === 'proposal-dropped' && l.phase === 'esp' && l.kind === 'encryption' && (l.ikeVersion === undefined || l.ikeVersion === ikeVersion) && appliesOn(l, osVersion));
  if (limits.length === 0) return proposals;
  const dropped = (p: P) => p.encryption.length > 0 && p.encryption.every((e) => limits.some((l) => (l.unsupported as readonly string[]).includes(e)));
  return proposals.some(dropped) ? proposals.filter((p) => !dropped(p)) : proposals;
}

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
