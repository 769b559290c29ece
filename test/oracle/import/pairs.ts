// Helpers of import-real-configs.test.ts: a pair of real configuration files, read with the app's
// importer (the product recognised from the text), the engine's verdict for it child by child,
// and what two real daemons did with the same files, in one comparable shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { applyCommand } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import type { Diagnostic, TunnelReport } from '../../../shared/engine/report';
import { exportDocument } from '../../../shared/export/export';
import { importConfigurations } from '../../../shared/import/import';
import type { ConfigFile } from '../../../shared/import/import';
import type { TopologyDocument, Tunnel, Vendor } from '../../../shared/model/document';
import { selectorSet } from '../harness/selector';

export const PAIRS = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'oracle-pairs');

/** One box's real configuration: its files (the first is the configuration), and its children in file order. */
export interface Box {
  /** The file's name, as imported (its product is recognised from the text). */
  name: string;
  content: string;
  /** Further files of the box (ipsec.secrets beside ipsec.conf). */
  more?: { name: string; content: string }[];
  /**
   * The children (swanctl) or conns (ipsec.conf) of the connection to the other box, in the
   * order of the file: the importer keeps one proxy ID per child in this order, and the daemons
   * name their SAs by them.
   */
  children: string[];
}

export function fixture(...path: string[]): string {
  return readFileSync(join(PAIRS, ...path), 'utf8');
}

/** A variant of a real file: one piece replaced, exactly once. */
export { editOnce as edit } from '../../support/fixture-edit';

/**
 * A child as either side sees it: its selectors from the initiator's point of view; when the two
 * ends install different ones (the engine's `asymmetric`, the rigs' `inconsistent`), also what the
 * responder installs, from its own point of view.
 */
export interface ChildVerdict {
  status: 'up' | 'down' | 'asymmetric';
  local?: string[];
  remote?: string[];
  responder?: { local: string[]; remote: string[] };
}

export interface Verdict {
  ike: 'up' | 'down';
  children: Record<string, ChildVerdict>;
}

export interface Imported {
  doc: TopologyDocument;
  tunnel: Tunnel;
  /** The tunnel end (a|b) of each box. */
  endOf: Record<'initiator' | 'responder', 'a' | 'b'>;
  gatewayOf: Record<'initiator' | 'responder', string>;
  /** Lines each reader did not understand (reported, not asserted: the readers are not this test's subject). */
  unknown: string[];
}

/** The box's gateway is named after its file (ConfigFile.label), so it is found by name, whatever the order of the gateways. */
const labelOf = (b: Box): string => b.name.replace(/\.[a-z]+$/, '');

function asConfig(b: Box): ConfigFile {
  return { name: b.name, content: b.content, label: labelOf(b), ...(b.more ? { more: b.more } : {}) };
}

/**
 * Imports the two boxes and finds the tunnel between them; its initiator is set to the box that
 * initiates (the daemons' initiator), so computeReport answers for that direction.
 */
export function importPair(initiator: Box, responder: Box, vendors: [Vendor, Vendor]): Imported {
  // With the keys (the app asks the user whether to keep them): the fixed box is exported with them.
  const r = importConfigurations([asConfig(initiator), asConfig(responder)], { includeSecrets: true });
  if (!r.ok) throw new Error(`import refused ${r.file}: ${r.message}`);
  const got = r.files.map((f) => f.vendor);
  if (got[0] !== vendors[0] || got[1] !== vendors[1]) throw new Error(`recognised as ${got.join(' / ')}, not ${vendors.join(' / ')}`);
  const gi = r.document.gateways.find((g) => g.name === labelOf(initiator));
  const gr = r.document.gateways.find((g) => g.name === labelOf(responder));
  if (!gi || !gr) throw new Error(`no gateway named ${labelOf(initiator)} or ${labelOf(responder)} among ${r.document.gateways.map((g) => g.name).join(', ')}`);
  const between = r.document.tunnels.filter((t) => [t.a.gatewayId, t.b.gatewayId].sort().join() === [gi.id, gr.id].sort().join());
  if (between.length !== 1) throw new Error(`${between.length} tunnels between ${gi.name} and ${gr.name}, expected one`);
  const t = between[0] as Tunnel;
  const endI = t.a.gatewayId === gi.id ? 'a' : 'b';
  const doc = produce(r.document, (d) => {
    const dt = d.tunnels.find((x) => x.id === t.id) as Tunnel;
    dt.initiator = endI;
  });
  return {
    doc,
    tunnel: doc.tunnels.find((x) => x.id === t.id) as Tunnel,
    endOf: { initiator: endI, responder: endI === 'a' ? 'b' : 'a' },
    gatewayOf: { initiator: gi.id, responder: gr.id },
    unknown: r.files.flatMap((f) => f.lines.unknown.map((u) => `${f.name}:${u.line}: ${u.text}`)),
  };
}

/**
 * The tunnel's report with `initiator` initiating. Passed as computeReport's `initiators` option,
 * not only as tunnel.initiator: the engine lets a passive end (an imported Libreswan conn with
 * auto=add) answer only, whatever tunnel.initiator says, and the daemons here initiate from the
 * end the case names.
 */
export function tunnelReport(doc: TopologyDocument, tunnelId: string, initiator: 'a' | 'b'): TunnelReport {
  const rep = computeReport(doc, { initiators: { [tunnelId]: initiator } }).tunnels.find((t) => t.tunnelId === tunnelId);
  if (!rep) throw new Error(`no report for tunnel ${tunnelId}`);
  return rep;
}

/**
 * The engine's verdict, child by child under the initiator's child names (the i-th proxy ID of
 * the initiator's end is its i-th child; the importer keeps them in the file's order).
 */
export function engineVerdict(imp: Imported, initiatorChildren: string[]): Verdict {
  const end = imp.tunnel[imp.endOf.initiator];
  if (end.proxyIds.length !== initiatorChildren.length) throw new Error(`the initiator's end has ${end.proxyIds.length} proxy IDs, the file ${initiatorChildren.length} children (${initiatorChildren.join(', ')})`);
  const rep = tunnelReport(imp.doc, imp.tunnel.id, imp.endOf.initiator);
  const gi = imp.doc.gateways.find((g) => g.id === imp.gatewayOf.initiator);
  if (rep.initiator !== gi?.name) throw new Error(`the engine has ${rep.initiator} initiate, not ${gi?.name}`);
  const children: Record<string, ChildVerdict> = {};
  for (const name of initiatorChildren) children[name] = { status: 'down' };
  if (rep.phase1.status === 'up') {
    for (const e of rep.phase2) {
      const idx = e.initiatorProxyIds[0];
      const name = idx === undefined ? undefined : initiatorChildren[idx];
      if (name === undefined) throw new Error(`phase-2 entry ${e.name} comes from no child of the initiator`);
      const installed = e.installed;
      children[name] =
        e.status === 'down'
          ? { status: 'down' }
          : { status: e.status, local: selectorSet(e.negotiated?.local), remote: selectorSet(e.negotiated?.remote), ...(e.status === 'asymmetric' && installed ? { responder: { local: selectorSet(installed.responder.local), remote: selectorSet(installed.responder.remote) } } : {}) };
    }
  }
  return { ike: rep.phase1.status === 'up' ? 'up' : 'down', children };
}

type ObservedChild = { status: string; initiator_local_ts?: string[]; initiator_remote_ts?: string[]; responder_local_ts?: string[]; responder_remote_ts?: string[] };

/**
 * What the daemons did, in the same shape: the initiator's SA selectors; `inconsistent` (both
 * ends installed a child SA, with different selectors) is the engine's `asymmetric`. A child the
 * initiator installed and the responder did not (`initiator_only`) is down: no traffic passes.
 */
export function daemonVerdict(o: { ike: string; children: Record<string, ObservedChild | undefined> }, initiatorChildren: string[]): Verdict {
  const children: Record<string, ChildVerdict> = {};
  for (const name of initiatorChildren) {
    const c = o.children[name];
    const status = c?.status ?? 'down';
    if (status !== 'up' && status !== 'down' && status !== 'inconsistent') throw new Error(`child ${name}: status "${status}" unknown here`);
    children[name] =
      status === 'down'
        ? { status }
        : { status: status === 'inconsistent' ? 'asymmetric' : 'up', local: selectorSet(c?.initiator_local_ts), remote: selectorSet(c?.initiator_remote_ts), ...(status === 'inconsistent' ? { responder: { local: selectorSet(c?.responder_local_ts), remote: selectorSet(c?.responder_remote_ts) } } : {}) };
  }
  return { ike: o.ike === 'up' ? 'up' : 'down', children };
}

/** The engine's first offered fix on the tunnel, applied as the app applies it. */
export function applyFirstFix(imp: Imported): { doc: TopologyDocument; diagnostic: Diagnostic } {
  const rep = tunnelReport(imp.doc, imp.tunnel.id, imp.endOf.initiator);
  const d = rep.diagnostics.find((x) => (x.fix?.length ?? 0) > 0);
  if (!d?.fix) throw new Error(`the engine offers no fix (diagnostics: ${rep.diagnostics.map((x) => `${x.code}${x.fixWithheld ? ` (fix withheld: ${x.fixWithheld})` : ''}${x.causedBy ? ` (caused by ${x.causedBy})` : ''}`).join('; ') || 'none'})`);
  const fix = d.fix;
  return { doc: produce(imp.doc, (draft) => { for (const c of fix) applyCommand(draft, c); }), diagnostic: d };
}

/** Which box(es) a fix changed: the gateways whose record or tunnel end differs. */
export function changedBoxes(before: Imported, after: TopologyDocument): ('initiator' | 'responder')[] {
  const out: ('initiator' | 'responder')[] = [];
  const t = after.tunnels.find((x) => x.id === before.tunnel.id) as Tunnel;
  for (const role of ['initiator', 'responder'] as const) {
    const gw = before.gatewayOf[role];
    const end = before.endOf[role];
    const same = JSON.stringify(before.doc.gateways.find((g) => g.id === gw)) === JSON.stringify(after.gateways.find((g) => g.id === gw)) && JSON.stringify(before.tunnel[end]) === JSON.stringify(t[end]) &&
      JSON.stringify(before.doc.networks.filter((n) => n.gatewayId === gw)) === JSON.stringify(after.networks.filter((n) => n.gatewayId === gw));
    if (!same) out.push(role);
  }
  return out;
}

/** The exporter's files of one box of the fixed document, with the real keys. */
export function exportBox(doc: TopologyDocument, gatewayId: string): { name: string; content: string }[] {
  const r = exportDocument(doc, { gateways: [gatewayId], includeSecrets: true });
  return r.files.map((f) => ({ name: f.name, content: f.content }));
}
