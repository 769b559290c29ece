// ALGORITHM_UNSUPPORTED: an end asks its product for an algorithm the product does not have (each
// vendor's capability table, read through shared/vendors/algorithms.ts). The fix moves both ends
// to IKEv2 when the limit is an IKEv1 one and the product has the algorithm there; otherwise it
// drops the algorithm when the proposal keeps another of its kind.
import type { Command } from '../commands/commands';
import type { EndKey, EspProposal, IkeProposal } from '../model/document';
import { algorithmLimitsOf, unsupportedAlgorithms, type UnsupportedAlgorithm } from '../vendors/algorithms';
import type { NegotiationRun } from './negotiation-run';

function supportedInV2(run: NegotiationRun, k: EndKey, u: UnsupportedAlgorithm): boolean {
  const gateway = run.gateways[k];
  return !algorithmLimitsOf(gateway.vendor).some((l) => l.ikeVersion !== 1 && l.phase === u.limit.phase && l.unsupported.includes(u.algorithm) && (!l.appliesTo || l.appliesTo(gateway.osVersion)));
}

function dropFix(run: NegotiationRun, k: EndKey, u: UnsupportedAlgorithm): Command[] {
  const end = run.end(k);
  const key = u.limit.kind === 'encryption' ? 'encryption' : u.limit.kind === 'integrity' ? 'integrity' : 'dhGroups';
  const without = <P extends IkeProposal | EspProposal>(proposals: readonly P[]): P[] | undefined => {
    const next = proposals.map((p, i) => (i === u.proposalIndex ? { ...p, [key]: (p[key] as readonly (string | number)[]).filter((a) => a !== u.algorithm) } : p));
    // Dropping the last DH group of an ESP proposal would turn PFS off: not a fix.
    return (next[u.proposalIndex]?.[key] as readonly (string | number)[] | undefined)?.length ? next : undefined;
  };
  const update = (changes: Command & { type: 'tunnelEnd.update' }): Command[] => [changes];
  if (u.limit.phase === 'ike') {
    const proposals = without(end.ike.proposals);
    return proposals ? update({ type: 'tunnelEnd.update', tunnelId: run.tunnel.id, end: k, changes: { ike: { ...end.ike, proposals } } }) : [];
  }
  const proposals = without(end.esp.proposals);
  return proposals ? update({ type: 'tunnelEnd.update', tunnelId: run.tunnel.id, end: k, changes: { esp: { ...end.esp, proposals } } }) : [];
}

export function algorithmDiagnostics(run: NegotiationRun): void {
  for (const k of ['a', 'b'] as const) {
    const gateway = run.gateways[k];
    const end = run.end(k);
    const found = unsupportedAlgorithms(gateway.vendor, end, gateway.osVersion);
    if (found.length === 0) continue;
    const seen = new Set<string>();
    for (const u of found) {
      const key = `${u.limit.id}:${u.algorithm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const toV2 = u.limit.ikeVersion === 1 && supportedInV2(run, k, u);
      const fix: Command[] = toV2
        ? (['a', 'b'] as const).map((e) => ({ type: 'tunnelEnd.update', tunnelId: run.tunnel.id, end: e, changes: { ikeVersion: 2 } }) satisfies Command)
        : dropFix(run, k, u);
      run.diagnostics.push({
        code: 'ALGORITHM_UNSUPPORTED',
        severity: 'error',
        end: k,
        gateway: gateway.name,
        message: `${gateway.name} asks for ${u.algorithm} in its ${u.limit.phase === 'ike' ? 'IKE' : 'ESP'} proposal ${u.proposalIndex + 1}, which it cannot be configured with: ${u.limit.statement} The verdict for this tunnel assumes a configuration the product does not accept.`,
        fix,
        ...(fix.length ? { fixLabel: toV2 ? 'Use IKEv2 on both ends' : `Remove ${u.algorithm} from ${gateway.name}'s proposal` } : {}),
        provenance: u.limit.provenance,
      });
    }
  }
}
