// Which simulated operational commands each vendor has, and running one by name.
import type { Gateway, TopologyDocument, Vendor } from '../model/document';
import type { MonitorState } from '../monitor/monitor';
import { showCryptoIpsecSa } from './cisco';
import { opsContext } from './context';
import { showVpnFlow, showVpnIkeSa, showVpnIpsecSa, showVpnIpsecSaDetail } from './panos';
import { getSa } from './screenos';
import { swanctlListSas } from './strongswan';

export interface OpsCommand {
  /** As typed on the box, e.g. `show vpn ipsec-sa`. `<tunnel>` is replaced by the argument. */
  command: string;
  takesTunnel?: boolean;
}

export const OPS_COMMANDS: Partial<Record<Vendor, OpsCommand[]>> = {
  panos: [{ command: 'show vpn ike-sa' }, { command: 'show vpn ipsec-sa' }, { command: 'show vpn ipsec-sa tunnel <tunnel> detail', takesTunnel: true }, { command: 'show vpn flow' }],
  screenos: [{ command: 'get sa' }],
  'cisco-asa': [{ command: 'show crypto ipsec sa' }],
  'cisco-ios': [{ command: 'show crypto ipsec sa' }],
  strongswan: [{ command: 'swanctl --list-sas' }],
};

export type OpsResult = { ok: true; text: string } | { ok: false; code: 'UNSUPPORTED_COMMAND' | 'UNKNOWN_TUNNEL'; message: string };

export function runOpsCommand(doc: TopologyDocument, state: MonitorState, gateway: Gateway, command: string, tunnel?: string): OpsResult {
  const available = OPS_COMMANDS[gateway.vendor] ?? [];
  const spec = available.find((c) => c.command === command);
  if (!spec) {
    return { ok: false, code: 'UNSUPPORTED_COMMAND', message: available.length ? `${gateway.name} (${gateway.vendor}) has: ${available.map((c) => c.command).join('; ')}` : `no simulated operational output for ${gateway.vendor} yet` };
  }
  const ctx = opsContext(doc, state, gateway);
  switch (command) {
    case 'show vpn ike-sa': return { ok: true, text: showVpnIkeSa(ctx) };
    case 'show vpn ipsec-sa': return { ok: true, text: showVpnIpsecSa(ctx) };
    case 'show vpn flow': return { ok: true, text: showVpnFlow(ctx) };
    case 'show vpn ipsec-sa tunnel <tunnel> detail': {
      const text = showVpnIpsecSaDetail(ctx, tunnel ?? '');
      return text === undefined ? { ok: false, code: 'UNKNOWN_TUNNEL', message: `no tunnel "${tunnel ?? ''}" on ${gateway.name}` } : { ok: true, text };
    }
    case 'get sa': return { ok: true, text: getSa(ctx) };
    case 'show crypto ipsec sa': return { ok: true, text: showCryptoIpsecSa(ctx) };
    case 'swanctl --list-sas': return { ok: true, text: swanctlListSas(ctx) };
    default: return { ok: false, code: 'UNSUPPORTED_COMMAND', message: `unknown command ${command}` };
  }
}
