// The VPN monitor inside the engine worker: the state of one monitor session, the actions of
// the monitor panel turned into events on it (each negotiation runs the engine), and the view
// the panel shows: interface statuses, the clock, the log's tail and a show command's output.
//
// As in the panel before: the state is the one the last events left, and every view reconciles
// it with the current document first (SAs of proxy IDs that still exist keep their state, new
// ones start INACTIVE), so a document edit alone changes no stored state.
import type { TopologyDocument, TunnelId } from '../../shared/model/document';
import { engineNegotiator } from '../../shared/monitor/engine-negotiator';
import { applyEvent, initialMonitorState, reconcile, type MonitorEvent, type MonitorState } from '../../shared/monitor/monitor';
import { interfaceStatuses } from '../../shared/monitor/status';
import { runOpsCommand } from '../../shared/show-commands/commands';
import { LOG_TAIL, type MonitorAction, type MonitorAnswer, type OpsQuery } from './protocol';

/**
 * The events one action makes, from the state as it is now (so two quick clicks both count);
 * undefined when it names a tunnel the document no longer has (the state stays as it was).
 */
export function eventsOf(doc: TopologyDocument, current: MonitorState, action: Exclude<MonitorAction, { type: 'reset' }>): MonitorEvent[] | undefined {
  const at = current.now;
  if (action.type === 'advance') return [{ type: 'tick', at: at + action.ms }];
  const t = doc.tunnels.find((x) => x.id === action.tunnelId);
  if (!t) return undefined;
  const tid = t.id as TunnelId;
  const init = t.initiator;
  const all = current.sas.filter((s) => s.tunnelId === tid);
  // One SA when the action names it (it must still exist), else every SA of the tunnel.
  const one = 'sa' in action && action.sa ? action.sa : undefined;
  const records = one ? all.filter((s) => s.end === one.end && s.index === one.index) : all;
  if (one && records.length === 0) return undefined;
  switch (action.type) {
    case 'traffic':
      return records.filter((s) => s.end === init).concat(records.filter((s) => s.end !== init)).map((s) => ({ type: 'traffic', at, tunnelId: tid, end: s.end, index: s.index }));
    case 'rekey':
      return records.filter((s) => s.state === 'ACTIVE').map((s) => ({ type: 'rekey', at, tunnelId: tid, end: s.end, index: s.index }));
    case 'peer-restart':
      return [{ type: 'peer-restart', at, tunnelId: tid, end: init === 'a' ? 'b' : 'a' }];
    case 'lifetime-expiry':
      return one ? [{ type: 'lifetime-expiry', at, tunnelId: tid, end: one.end, index: one.index }] : [{ type: 'lifetime-expiry', at, tunnelId: tid }];
    default:
      return [{ type: action.type, at, tunnelId: tid }];
  }
}

export interface MonitorSessions {
  run(doc: TopologyDocument, session: string, actions: readonly MonitorAction[], ops: OpsQuery | null): MonitorAnswer;
}

export function createMonitorSessions(): MonitorSessions {
  let session: string | undefined;
  let base: MonitorState | undefined;
  return {
    run(doc, id, actions, ops) {
      if (id !== session || !base) {
        session = id;
        base = initialMonitorState(doc, 0);
      }
      for (const action of actions) {
        if (action.type === 'reset') {
          base = initialMonitorState(doc, 0);
          continue;
        }
        // Each action's events apply to the state reconciled with the document, as a click did.
        const current = reconcile(doc, base);
        const events = eventsOf(doc, current, action);
        if (events) base = events.reduce((m, e) => applyEvent(doc, m, e, engineNegotiator), current);
      }
      const current = reconcile(doc, base);
      const gateway = ops ? doc.gateways.find((g) => g.id === ops.gatewayId) : undefined;
      return {
        now: current.now,
        views: interfaceStatuses(doc, current),
        log: current.log.slice(-LOG_TAIL),
        ops: ops && gateway ? runOpsCommand(doc, current, gateway, ops.command, ops.tunnel) : null,
      };
    },
  };
}
