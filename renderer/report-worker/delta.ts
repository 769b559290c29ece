// The document crosses to the worker as a delta against the last one sent: for each list, only
// the entries whose object changed. The worker rebuilds its copy keeping the unchanged objects,
// so the engine's identity-based cache recomputes only the tunnels an edit touched, and a
// keystroke does not clone 1,000 tunnels.
import type { TopologyDocument } from '../../shared/model/document';

type ListKey = 'gateways' | 'networks' | 'tunnels';
const LISTS: ListKey[] = ['gateways', 'networks', 'tunnels'];

export type ListDelta<T> = { kind: 'same' } | { kind: 'full'; items: T[] } | { kind: 'patch'; length: number; changed: [number, T][] };

export interface DocumentDelta {
  formatVersion: TopologyDocument['formatVersion'];
  name: string;
  notes: string;
  gateways: ListDelta<TopologyDocument['gateways'][number]>;
  networks: ListDelta<TopologyDocument['networks'][number]>;
  tunnels: ListDelta<TopologyDocument['tunnels'][number]>;
  /** The boxes as imported (for the export's diff): sent again only when the document's record is another one. */
  imported: { kind: 'same' } | { kind: 'full'; value: NonNullable<TopologyDocument['imported']> | null };
}

export function listDelta<T>(prev: readonly T[] | undefined, next: T[]): ListDelta<T> {
  if (prev === next) return { kind: 'same' };
  if (!prev || prev.length !== next.length) return { kind: 'full', items: next };
  const changed: [number, T][] = [];
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) changed.push([i, next[i]!]);
  return changed.length > next.length / 2 ? { kind: 'full', items: next } : { kind: 'patch', length: next.length, changed };
}

export function makeDelta(prev: TopologyDocument | undefined, next: TopologyDocument): DocumentDelta {
  return {
    formatVersion: next.formatVersion,
    name: next.name,
    notes: next.notes,
    gateways: listDelta(prev?.gateways, next.gateways),
    networks: listDelta(prev?.networks, next.networks),
    tunnels: listDelta(prev?.tunnels, next.tunnels),
    imported: prev !== undefined && prev.imported === next.imported ? { kind: 'same' } : { kind: 'full', value: next.imported ?? null },
  };
}

export function applyList<T>(prev: T[] | undefined, d: ListDelta<T>): T[] {
  if (d.kind === 'full') return d.items;
  if (d.kind === 'same') return prev ?? [];
  const out = (prev ?? []).slice(0, d.length);
  for (const [i, item] of d.changed) out[i] = item;
  return out;
}

export function applyDelta(prev: TopologyDocument | undefined, d: DocumentDelta): TopologyDocument {
  const doc: TopologyDocument = { formatVersion: d.formatVersion, name: d.name, notes: d.notes, gateways: [], networks: [], tunnels: [] };
  for (const k of LISTS) (doc as Record<ListKey, unknown[]>)[k] = applyList((prev as Record<ListKey, unknown[]> | undefined)?.[k], d[k] as ListDelta<unknown>);
  const imported = d.imported.kind === 'same' ? prev?.imported : (d.imported.value ?? undefined);
  if (imported) doc.imported = imported;
  return doc;
}
