// One tunnel's negotiation as it proceeds: the two ends' plans and profiles, who initiates, and
// what the run collects (timeline, both sides' log lines, diagnostics, the rules applied). Phase 1
// (phase1.ts), phase 2 (phase2.ts) and the diagnostics (diagnostics.ts) each add to it.
import type { EndKey, Gateway, Network, Tunnel, TunnelEnd } from '../model/document';
import type { VendorProfile } from '../vendors/kit/profile';
import type { VendorModule } from '../vendors/kit/vendor-module';
import { vendorModule } from '../vendors/registry';
import type { ChildPlan, TunnelEndPlan } from './plan';
import type { Diagnostic, TimelineEntry } from './report';
import type { Rule } from '../vocabulary/provenance';

export const other = (k: EndKey): EndKey => (k === 'a' ? 'b' : 'a');

const ENDS = ['a', 'b'] as const;
const NO_TIMELINE: readonly TimelineEntry[] = Object.freeze([]);
const NO_LINES: readonly string[] = Object.freeze([]);
const NO_LOGS: Record<EndKey, string[]> = Object.freeze({ a: NO_LINES as string[], b: NO_LINES as string[] });

/** Everything about one tunnel computation, filled as the negotiation proceeds. */
export class NegotiationRun {
  /** Kept only with detail (without, these stay the shared empty lists and nothing is pushed). */
  readonly timeline: TimelineEntry[];
  readonly logs: Record<EndKey, string[]>;
  readonly diagnostics: Diagnostic[] = [];
  /** Rule ids per end in first-use order (a handful: a list is cheaper than a Set). */
  private readonly ruleIds: Record<EndKey, string[]> = { a: [], b: [] };
  readonly vendors: Record<EndKey, VendorModule>;
  readonly profiles: Record<EndKey, VendorProfile>;
  readonly peerLabel: Record<EndKey, string>;
  /** The initiator's children in phase2[] order (a triggering packet moves one first). */
  p2Children: ChildPlan[] = [];
  /** A phase-2 rekey over an established IKE SA: every child is a CREATE_CHILD_SA (IKEv2), none rides IKE_AUTH. */
  rekey = false;

  constructor(
    readonly tunnel: Tunnel,
    readonly gateways: Record<EndKey, Gateway>,
    readonly plans: Record<EndKey, TunnelEndPlan>,
    readonly initiatorEnd: EndKey,
    readonly networks: Record<EndKey, readonly Network[]>,
    readonly detail: boolean,
  ) {
    this.timeline = detail ? [] : (NO_TIMELINE as TimelineEntry[]);
    this.logs = detail ? { a: [], b: [] } : NO_LOGS;
    this.vendors = { a: vendorModule(gateways.a.vendor), b: vendorModule(gateways.b.vendor) };
    this.profiles = { a: this.vendors.a.profile, b: this.vendors.b.profile };
    this.peerLabel = {
      a: plans.b.ikeAddress?.text ?? gateways.b.name,
      b: plans.a.ikeAddress?.text ?? gateways.a.name,
    };
  }

  get responderEnd(): EndKey {
    return other(this.initiatorEnd);
  }

  end(k: EndKey): TunnelEnd {
    return this.tunnel[k];
  }

  use(end: EndKey, ruleId: string): string {
    const ids = this.ruleIds[end];
    if (!ids.includes(ruleId)) ids.push(ruleId);
    return ruleId;
  }

  rules(): Rule[] {
    const out: Rule[] = [];
    const seen: string[] = [];
    for (const end of ENDS) {
      const ids = this.ruleIds[end];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as string;
        if (seen.includes(id)) continue;
        const rule = this.profiles[end].rules[id];
        if (rule) {
          seen.push(id);
          out.push(rule);
        }
      }
    }
    return out;
  }

  msg(entry: Omit<TimelineEntry, 'seq' | 'to' | 'fromGateway' | 'toGateway'>): void {
    if (!this.detail) return;
    const e = entry as TimelineEntry;
    const to = other(entry.from);
    e.seq = this.timeline.length;
    e.to = to;
    e.fromGateway = this.gateways[entry.from].name;
    e.toGateway = this.gateways[to].name;
    this.timeline.push(e);
  }

  /** The last message of an exchange sent by an end (to add values known only later, as a child's selectors). */
  lastMsg(exchange: TimelineEntry['exchange'], from: EndKey): TimelineEntry | undefined {
    for (let i = this.timeline.length - 1; i >= 0; i--) {
      const m = this.timeline[i] as TimelineEntry;
      if (m.exchange === exchange && m.from === from) return m;
    }
    return undefined;
  }

  /** Marks the last message (when the timeline is kept). */
  markLast(flag: 'unanswered'): void {
    const last = this.timeline[this.timeline.length - 1];
    if (last) last[flag] = true;
  }

  log(k: EndKey, event: Parameters<VendorProfile['logs']['line']>[0]): void {
    if (!this.detail) return;
    this.logs[k].push(this.profiles[k].logs.line(event));
  }
}
