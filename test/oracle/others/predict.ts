// What the engine predicts for a case run with real pluto or iked at one end (or both) and charon
// at the other: the interop case as a document (test/support/interop.ts), with the gateways that
// run the other daemon switched to that product's profile, negotiated with side A initiating.
// Libreswan runs as the `libreswan` profile, its tunnel end with the Libreswan setting
// `narrowing` (vendors/libreswan/options.ts) on when the rig ran pluto with narrowing=yes;
// OpenIKED runs as the `openiked` profile (vendors/openiked/profile.ts).
import type { Gateway, TunnelEnd, Vendor } from '../../../shared/model/document';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { installedOf, type TunnelReport } from '../../../shared/engine/report';
import { caseToDocument, reportToObserved } from '../../support/interop';
import type { InteropCase } from '../../support/interop';
import type { OtherChild, OtherComparable } from '../harness/rig-output';
import { canonicalOther } from '../harness/rig-output';
import type { OtherDaemon, RigPlacement } from '../harness/rigs';
import type { OracleCase } from '../harness/types';

/** The engine profile standing for each real daemon today. */
export const PROFILE_FOR: Record<OtherDaemon, { vendor: Vendor; model: string; osVersion: string }> = {
  pluto: { vendor: 'libreswan', model: 'Linux', osVersion: '4.10' },
  iked: { vendor: 'openiked', model: 'Linux', osVersion: '7.2' },
};

/**
 * The iked driver sends ESP `sha256` as `sha384` on both ends (Debian's iked cannot install an
 * HMAC-SHA2-256 ESP SA; ike-rigs README): the engine is given the proposals that were negotiated.
 */
export function ikedEspAsRun(c: OracleCase): OracleCase {
  const esp = (e: string): string => e.split(',').map((p) => p.split('-').map((t) => (t === 'sha256' ? 'sha384' : t)).join('-')).join(',');
  const side = (s: OracleCase['initiator']): OracleCase['initiator'] => ({ ...s, children: s.children.map((ch) => ({ ...ch, esp: esp(ch.esp) })) });
  return { ...c, initiator: side(c.initiator), responder: side(c.responder) };
}

function withProduct(g: Gateway, daemon: OtherDaemon): Gateway {
  const p = PROFILE_FOR[daemon];
  return { ...g, vendor: p.vendor, model: p.model, osVersion: p.osVersion };
}

/** pluto's end as the rig wrote its conns: `narrowing=yes` is the Libreswan setting of the end. */
function withNarrowing(e: TunnelEnd, daemon: OtherDaemon, narrowing: 'yes' | 'no' | undefined): TunnelEnd {
  if (daemon !== 'pluto' || narrowing !== 'yes') return e;
  const vendor = PROFILE_FOR[daemon].vendor;
  return { ...e, vendorOptions: { ...e.vendorOptions, [vendor]: { ...e.vendorOptions[vendor], narrowing: true } } };
}

/** The engine's report for the case as run: A (192.0.2.1) initiates. */
export function engineReport(c: OracleCase, daemon: OtherDaemon, placement: RigPlacement, narrowing?: 'yes' | 'no'): TunnelReport {
  const asRun = daemon === 'iked' ? ikedEspAsRun(c) : c;
  const unrecorded: InteropCase['observed'] = { ike: 'down', children: {}, notifies_received_by_initiator: [], notifies_sent_by_responder: [] };
  const doc = caseToDocument({ ...asRun, observed: unrecorded });
  const [a, b] = doc.gateways;
  if (!a || !b) throw new Error('caseToDocument made no gateways');
  const gateways = [placement === 'responder' ? a : withProduct(a, daemon), placement === 'initiator' ? b : withProduct(b, daemon)];
  const tunnels = doc.tunnels.map((t) => ({
    ...t,
    a: placement === 'responder' ? t.a : withNarrowing(t.a, daemon, narrowing),
    b: placement === 'initiator' ? t.b : withNarrowing(t.b, daemon, narrowing),
  }));
  return negotiateTunnel({ ...doc, gateways, tunnels }, 't', { initiator: 'a' });
}

/**
 * The report in the compared shape. An "up" child is installed alike at both ends; an
 * "asymmetric" one is the rig's `inconsistent`, with each end's installed selectors. A product that makes one SA per proxy ID turns a child with several
 * selectors into several phase-2 entries of the same name: up when all are up (the union of
 * their selectors), `split` when only some are.
 */
export function reportToComparable(report: TunnelReport): OtherComparable {
  const flat = reportToObserved(report);
  const byName = new Map<string, TunnelReport['phase2']>();
  for (const p of report.phase2) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const children: Record<string, OtherChild> = {};
  for (const [name, entries] of byName) {
    const up = entries.filter((p) => p.status !== 'down' && p.negotiated);
    if (up.length === 0) {
      children[name] = { status: 'down' };
      continue;
    }
    // Each end's installed selectors, from its own point of view (the mirror of the negotiated
    // ones unless the entry is asymmetric).
    const ins = up.map((p) => installedOf(p)).filter((x) => x !== undefined);
    const config = up[0]?.responderConfig;
    const asymmetric = up.some((p) => p.status === 'asymmetric');
    children[name] = {
      status: up.length !== entries.length ? 'split' : asymmetric ? 'inconsistent' : 'up',
      initiator_local_ts: ins.flatMap((x) => x.initiator.local),
      initiator_remote_ts: ins.flatMap((x) => x.initiator.remote),
      responder_local_ts: ins.flatMap((x) => x.responder.local),
      responder_remote_ts: ins.flatMap((x) => x.responder.remote),
      ...(config !== undefined ? { responder_config: config } : {}),
    };
  }
  return canonicalOther({ ike: flat.ike, children, notifies_received_by_initiator: flat.notifies_received_by_initiator, notifies_sent_by_responder: flat.notifies_sent_by_responder });
}

export function predictOther(c: OracleCase, daemon: OtherDaemon, placement: RigPlacement, narrowing?: 'yes' | 'no'): OtherComparable {
  const o = reportToComparable(engineReport(c, daemon, placement, narrowing));
  // An initiated child the engine could not even plan is down, as the daemons report it.
  for (const name of c.initiate) o.children[name] ??= { status: 'down' };
  return canonicalOther(o);
}
