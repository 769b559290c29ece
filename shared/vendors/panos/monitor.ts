// The PAN-OS tunnel monitor profile: after `threshold` lost probes the tunnel is DOWN, and with
// action fail-over its routes are withdrawn (PAN-OS Administrator's Guide, "Tunnel Monitoring").
import type { DecisionRule, DecisionSource } from '../../vocabulary/decision-table';
import type { InterfaceStatusInput, InterfaceStatusResult, VendorMonitor } from '../kit/monitor';

const PAN = (note: string): DecisionSource => ({ ref: 'PAN-OS tunnel monitor profile (VENDORS.md)', provenance: 'documented', note });

/** Rows before the generic interface-status rows. */
export const PAN_TUNNEL_MONITOR: DecisionRule<InterfaceStatusInput, InterfaceStatusResult>[] = [
  {
    id: 'PAN-MONITOR-FAIL-OVER',
    says: 'PAN-OS tunnel monitor, action fail-over: after `threshold` lost probes the tunnel is DOWN and its routes are withdrawn.',
    source: PAN('fail-over: "interface disabled, routes withdrawn"; threshold 2-100 (default 5), interval 2-10 s (default 3).'),
    when: (i) => i.monitorEnabled && i.monitorFailures >= i.threshold && i.action === 'fail-over',
    then: () => ({ status: 'DOWN', routesInstalled: false }),
  },
  {
    id: 'PAN-MONITOR-WAIT-RECOVER',
    says: 'PAN-OS tunnel monitor, action wait-recover: after `threshold` lost probes the tunnel is DOWN but its routes stay (traffic keeps going into it).',
    source: PAN('wait-recover: "interface stays in routing" while the firewall waits for the tunnel to recover.'),
    when: (i) => i.monitorEnabled && i.monitorFailures >= i.threshold,
    then: () => ({ status: 'DOWN', routesInstalled: true }),
  },
];

export const panosMonitor: VendorMonitor = {
  kind: 'tunnel-monitor',
  answersVpnMonitorOnAnySa: false,
  interfaceStatusRows: PAN_TUNNEL_MONITOR,
  tables: { PAN_TUNNEL_MONITOR },
};
