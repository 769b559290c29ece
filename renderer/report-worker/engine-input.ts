// Whether a document change can change the engine's answer. Moving nodes does not, so a drag
// never posts the document to the worker; everything else does.
import type { TopologyDocument } from '../../shared/model/document';

function sameIgnoringPosition<T extends { position: unknown }>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    for (const k of Object.keys(x) as (keyof T)[]) if (k !== 'position' && x[k] !== y[k]) return false;
  }
  return true;
}

export function engineInputChanged(prev: TopologyDocument | undefined, next: TopologyDocument): boolean {
  if (!prev) return true;
  if (prev === next) return false;
  return prev.tunnels !== next.tunnels || !sameIgnoringPosition(prev.gateways, next.gateways) || !sameIgnoringPosition(prev.networks, next.networks);
}

/**
 * Whether the worker's copy of the document must follow a change: what the engine reads, and the
 * document's name and notes, which exported files carry. Positions never matter there.
 */
export function workerInputChanged(prev: TopologyDocument | undefined, next: TopologyDocument): boolean {
  if (!prev) return true;
  if (prev === next) return false;
  return engineInputChanged(prev, next) || prev.name !== next.name || prev.notes !== next.notes || prev.formatVersion !== next.formatVersion;
}
