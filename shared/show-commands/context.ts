// What every simulated operational command reads (shared/vendors/kit/show.ts), built from the VPN
// monitor's state: the gateway's tunnel ends with addresses, their SAs and the time. Vendor files
// only format it.
import type { Gateway, TopologyDocument } from '../model/document';
import type { MonitorState } from '../monitor/monitor';
import { effectiveProxyIds, otherEnd } from '../monitor/negotiator';
import { interfaceStatuses } from '../monitor/status';
import type { ShowContext, ShowEnd } from '../vendors/kit/show';

function ikeAddress(gw: Gateway | undefined, ifaceName: string): string {
  const i = gw?.interfaces.find((x) => x.name === ifaceName && x.address) ?? gw?.interfaces.find((x) => x.kind === 'physical' && x.address);
  return i?.address?.split('/')[0] ?? '0.0.0.0';
}

export function showContext(doc: TopologyDocument, state: MonitorState, gateway: Gateway): ShowContext {
  const views = interfaceStatuses(doc, state, gateway.id).flatMap((v) => v.sas);
  const ends: ShowEnd[] = [];
  for (const t of doc.tunnels) {
    for (const endKey of ['a', 'b'] as const) {
      if (t[endKey].gatewayId !== gateway.id) continue;
      const end = t[endKey];
      const peerEnd = t[otherEnd(endKey)];
      const peer = doc.gateways.find((g) => g.id === peerEnd.gatewayId);
      const pids = effectiveProxyIds(end);
      const sas = state.sas
        .filter((s) => s.tunnelId === t.id && s.end === endKey)
        .flatMap((record) => {
          const proxyId = pids[record.index];
          return proxyId ? [{ record, proxyId, link: views.find((v) => v.tunnelId === t.id && v.end === endKey && v.index === record.index)?.link ?? 'none' }] : [];
        });
      ends.push({ tunnel: t, endKey, end, peer, localIp: ikeAddress(gateway, end.outsideInterface), peerIp: ikeAddress(peer, peerEnd.outsideInterface), sas, reachable: state.paths[t.id]?.reachable ?? true });
    }
  }
  return { doc, gateway, now: state.now, ends };
}
