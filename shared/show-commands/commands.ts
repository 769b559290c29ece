// Which simulated operational commands a gateway's product has (from its vendor module), and
// running one by name against the VPN monitor's state.
import type { Gateway, TopologyDocument } from '../model/document';
import type { MonitorState } from '../monitor/monitor';
import type { ShowCommand } from '../vendors/kit/show';
import { vendorModule } from '../vendors/registry';
import { showContext } from './context';

export type OpsResult = { ok: true; text: string } | { ok: false; code: 'UNSUPPORTED_COMMAND' | 'UNKNOWN_TUNNEL'; message: string };

/** The commands the gateway's product has; empty when none is modelled. */
export function showCommandsOf(gateway: Gateway): readonly ShowCommand[] {
  return vendorModule(gateway.vendor).show?.commands ?? [];
}

export function runOpsCommand(doc: TopologyDocument, state: MonitorState, gateway: Gateway, command: string, tunnel?: string): OpsResult {
  const available = showCommandsOf(gateway);
  const spec = available.find((c) => c.command === command);
  if (!spec) {
    const label = vendorModule(gateway.vendor).identity.label;
    return { ok: false, code: 'UNSUPPORTED_COMMAND', message: available.length ? `${gateway.name} (${gateway.vendor}) has: ${available.map((c) => c.command).join('; ')}` : `no simulated operational output for ${label} yet` };
  }
  const text = spec.run(showContext(doc, state, gateway), tunnel);
  return text === undefined ? { ok: false, code: 'UNKNOWN_TUNNEL', message: `no tunnel "${tunnel ?? ''}" on ${gateway.name}` } : { ok: true, text };
}
