// Tunnel-interface status, per gateway and tunnel interface (or per tunnel for policy-based
// VPNs, which have none), computed from the SA records by the rule tables in rules.ts. The
// result lists every rule used so the UI can say why an interface is UP, READY or DOWN.
import type { EndKey, Gateway, GatewayId, ProxyId, TopologyDocument, Tunnel, TunnelId } from '../model/document';
import { monitorTarget, pingMatches, type MonitorState } from './monitor';
import type { InterfaceStatus, LinkStatus, SaRecord, SaState } from '../vocabulary/sa';
import { effectiveProxyIds, otherEnd } from './negotiator';
import { OTHER_INTERFACE_STATUS, SA_AGGREGATION, SA_COUNTING, type CountingMode } from './rules';
import { decide, type DecisionSource } from '../vocabulary/decision-table';
import type { FailureSignal } from '../vocabulary/notify';
import { vendorModule } from '../vendors/registry';

export interface SaView {
  tunnelId: TunnelId;
  tunnelName: string;
  end: EndKey;
  index: number;
  proxyId: ProxyId;
  state: SaState;
  link: LinkStatus;
  /** The product's own word for the SA's state in its `show` output (ScreenOS `get sa` Sta), when it has one. */
  sta?: string;
  /** Whether this SA counts for the interface status. */
  counted: boolean;
  /** Whether the peer still holds the SA (false after a peer restart not yet noticed). */
  peerHasSa: boolean;
  notify?: FailureSignal;
  reason?: string;
  rule: string;
}

export interface RuleUse {
  id: string;
  says: string;
  source: DecisionSource;
}

export interface InterfaceView {
  gatewayId: GatewayId;
  gatewayName: string;
  /** The tunnel interface (route-based) or, for a policy-based VPN, the tunnel's name. */
  name: string;
  kind: 'tunnel-interface' | 'policy';
  tunnelIds: TunnelId[];
  status: InterfaceStatus;
  routesInstalled: boolean;
  counting: CountingMode;
  sas: SaView[];
  /** The rules that produced the status, in the order they were applied. */
  rules: RuleUse[];
}

function linkOf(t: Tunnel | undefined, sa: SaRecord): LinkStatus {
  const end = t?.[sa.end];
  if (!end?.monitor.enabled || sa.state !== 'ACTIVE') return 'none';
  return sa.monitorFailures >= end.monitor.threshold ? 'down' : 'up';
}

function use(d: { rule: RuleUse }): RuleUse {
  return d.rule;
}

/** Every tunnel interface of every gateway, or of one gateway (and one interface) when asked. */
export function interfaceStatuses(doc: TopologyDocument, state: MonitorState, only?: GatewayId, onlyInterface?: string): InterfaceView[] {
  const views: InterfaceView[] = [];
  const tunnels = new Map(doc.tunnels.map((t) => [t.id, t]));
  const byEnd = new Map<string, SaRecord[]>();
  for (const sa of state.sas) {
    const k = `${sa.tunnelId}/${sa.end}`;
    const list = byEnd.get(k);
    if (list) list.push(sa);
    else byEnd.set(k, [sa]);
  }
  for (const gw of doc.gateways) {
    if (only !== undefined && gw.id !== only) continue;
    const groups = new Map<string, { name: string; kind: InterfaceView['kind']; ends: { tunnelId: TunnelId; end: EndKey }[] }>();
    for (const t of doc.tunnels) {
      for (const endKey of ['a', 'b'] as const) {
        const end = t[endKey];
        if (end.gatewayId !== gw.id) continue;
        const routeBased = gw.vpnType === 'route-based' && end.tunnelInterface !== '';
        const key = routeBased ? `if:${end.tunnelInterface}` : `policy:${t.id}`;
        const g = groups.get(key) ?? { name: routeBased ? end.tunnelInterface : t.name, kind: routeBased ? 'tunnel-interface' : 'policy', ends: [] };
        g.ends.push({ tunnelId: t.id, end: endKey });
        groups.set(key, g);
      }
    }
    for (const g of groups.values()) if (onlyInterface === undefined || g.name === onlyInterface) views.push(viewOf(doc, state, gw, g, byEnd, tunnels));
  }
  return views;
}

function viewOf(doc: TopologyDocument, state: MonitorState, gw: Gateway, g: { name: string; kind: InterfaceView['kind']; ends: { tunnelId: TunnelId; end: EndKey }[] }, byEnd: Map<string, SaRecord[]>, tunnels: Map<string, Tunnel>): InterfaceView {
  const rules: RuleUse[] = [];
  const sas: SaView[] = [];
  const first = g.ends[0];
  const firstTunnel = first ? tunnels.get(first.tunnelId) : undefined;
  const monitor = firstTunnel && first ? firstTunnel[first.end].monitor : undefined;
  const peerGw = firstTunnel && first ? doc.gateways.find((x) => x.id === firstTunnel[otherEnd(first.end)].gatewayId) : undefined;
  const own = vendorModule(gw.vendor).monitor;
  const counting = decide(SA_COUNTING, { localVpnMonitor: own.kind === 'vpn-monitor', peerAnswersOnAnySa: peerGw !== undefined && vendorModule(peerGw.vendor).monitor.answersVpnMonitorOnAnySa, monitorEnabled: monitor?.enabled ?? false });
  rules.push(use(counting));
  for (const { tunnelId, end } of g.ends) {
    const t = tunnels.get(tunnelId);
    if (!t) continue;
    const pids = effectiveProxyIds(t[end]);
    const target = monitorTarget(doc, t, end);
    for (const sa of byEnd.get(`${tunnelId}/${end}`) ?? []) {
      const proxyId = pids[sa.index];
      if (!proxyId) continue;
      const link = linkOf(t, sa);
      const counted = counting.value === 'all' || (target !== undefined && pingMatches(proxyId, target));
      sas.push({
        tunnelId, tunnelName: t.name, end, index: sa.index, proxyId, state: sa.state, link,
        ...(own.saStatusColumn ? { sta: decide(own.saStatusColumn, { state: sa.state, link }).value } : {}), counted, peerHasSa: sa.peerHasSa, rule: sa.rule,
        ...(sa.notify ? { notify: sa.notify } : {}), ...(sa.reason ? { reason: sa.reason } : {}),
      });
    }
  }
  const aggregate = decide(SA_AGGREGATION, { sas: sas.filter((s) => s.counted) });
  rules.push(use(aggregate));
  const probe = first ? state.probes[`${first.tunnelId}/${first.end}`] : undefined;
  const input = {
    aggregate: aggregate.value, monitorEnabled: monitor?.enabled ?? false, rekey: monitor?.rekey ?? false,
    monitorFailures: probe?.failures ?? 0, threshold: monitor?.threshold ?? 5, action: monitor?.action ?? 'wait-recover',
  } as const;
  let status: InterfaceStatus;
  let routesInstalled: boolean;
  if (own.interfaceStatus) {
    const { result, decisions } = own.interfaceStatus(input);
    for (const d of decisions) rules.push(use(d));
    status = result.status;
    routesInstalled = result.routesInstalled;
  } else {
    const s = decide(own.interfaceStatusRows ? [...own.interfaceStatusRows, ...OTHER_INTERFACE_STATUS] : OTHER_INTERFACE_STATUS, input);
    rules.push(use(s));
    status = s.value.status;
    routesInstalled = s.value.routesInstalled;
  }
  return { gatewayId: gw.id, gatewayName: gw.name, name: g.name, kind: g.kind, tunnelIds: [...new Set(g.ends.map((e) => e.tunnelId))], status, routesInstalled, counting: counting.value, sas, rules };
}

/** The status of the interface a given tunnel end is bound to. */
export function statusOfEnd(doc: TopologyDocument, state: MonitorState, tunnelId: TunnelId, end: EndKey): InterfaceView | undefined {
  return interfaceStatuses(doc, state).find((v) => v.tunnelIds.includes(tunnelId) && v.sas.some((s) => s.tunnelId === tunnelId && s.end === end));
}
