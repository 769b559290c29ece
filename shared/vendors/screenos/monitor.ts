// How ScreenOS monitors its VPNs (KB16008 for 6.3 with several proxy IDs, KB6221 for the VPN
// monitor with and without rekey, KB6134 for the `get sa` Sta column): the tunnel-interface status
// from the counted SAs, route withdrawal, the proxy-ID check and the Sta column. Rows in the
// shared decision-table form; the monitor layer asks for them through the registry.
import type { DecisionRule } from '../../vocabulary/decision-table';
import { decide } from '../../vocabulary/decision-table';
import type { InterfaceStatus } from '../../vocabulary/sa';
import { ASSUMED, KB16008, KB6134, KB6221 } from '../../vocabulary/sources';
import { screenosOptionsOf } from './options';
import { screenosBefore63 } from './version';
import type { InboundCheckInput, InterfaceStatusInput, ProxyIdCheckInput, SaStatusInput, VendorMonitor } from '../kit/monitor';


export const SCREENOS_INTERFACE_STATUS: DecisionRule<Pick<InterfaceStatusInput, 'aggregate' | 'monitorEnabled' | 'rekey'>, InterfaceStatus>[] = [
  {
    id: 'KB6221-NO-MONITOR-UP',
    says: 'No VPN monitor: UP while an SA is ACTIVE.',
    source: KB6221('Case 1, neither VPN monitor nor rekey: with an SA up the interface passes traffic (UP).'),
    when: (i) => !i.monitorEnabled && i.aggregate === 'ACTIVE',
    then: () => 'UP',
  },
  {
    id: 'KB6221-NO-MONITOR-READY',
    says: 'No VPN monitor: READY otherwise, even when the VPN is down, because nothing detects it.',
    source: KB6221('Case 1: "When the associated VPN tunnel goes down, the tunnel interface will be in READY state, as there is no mechanism to identify the correct state."'),
    when: (i) => !i.monitorEnabled,
    then: () => 'READY',
  },
  {
    id: 'KB6221-MONITOR-UP',
    says: 'VPN monitor without rekey: UP once an SA is up.',
    source: KB6221('Case 2: "Once the SA becomes up, then the tunnel interface state will change to the UP state."'),
    when: (i) => i.monitorEnabled && !i.rekey && i.aggregate === 'ACTIVE',
    then: () => 'UP',
  },
  {
    id: 'KB6221-MONITOR-READY',
    says: 'VPN monitor without rekey: READY at boot and whenever the VPN goes down (waits for traffic).',
    source: KB6221('Case 2: READY at boot; "will revert back to READY state if the associated VPN tunnel goes down."'),
    when: (i) => i.monitorEnabled && !i.rekey,
    then: () => 'READY',
  },
  {
    id: 'KB6221-REKEY-UP',
    says: 'VPN monitor with rekey: UP while an SA is up.',
    source: KB6221('Case 3: "This option will only have either UP or DOWN state."'),
    when: (i) => i.aggregate === 'ACTIVE',
    then: () => 'UP',
  },
  {
    id: 'KB6221-REKEY-DOWN',
    says: 'VPN monitor with rekey: DOWN whenever no counted SA is up, including before the first negotiation (never READY).',
    source: KB6221('Case 3: "This option will only have either UP or DOWN state." KB16008\'s READY for an INACTIVE SA shows only without rekey; with rekey the monitor negotiates INACTIVE SAs at its next probe (SA-MONITOR-REKEY-BRINGUP).'),
    when: () => true,
    then: () => 'DOWN',
  },
];

/** ScreenOS withdraws the routes of a tunnel interface the VPN monitor declared DOWN. */
export const SCREENOS_ROUTES: DecisionRule<{ status: InterfaceStatus }, boolean>[] = [
  {
    id: 'SCREENOS-ROUTES-DOWN',
    says: 'ScreenOS: routes to a DOWN tunnel interface are disabled, so traffic can take another route.',
    source: { ref: 'fir3net: Netscreen additional site-to-site VPN options', provenance: 'documented', note: '"When VPN Monitoring is used with Route based VPNs, the associated tunnel routes will be disabled in the event of the tunnel being classed as down."' },
    when: (i) => i.status === 'DOWN',
    then: () => false,
  },
  {
    id: 'SCREENOS-ROUTES-UP',
    says: 'ScreenOS: routes to an UP or READY tunnel interface stay.',
    source: KB6221('READY "indicates that the tunnel interface is ready to pass traffic through".'),
    when: () => true,
    then: () => true,
  },
];

/** The `get sa` Sta column (KB6134). */
export const STA_COLUMN: DecisionRule<SaStatusInput, string>[] = [
  { id: 'STA-I/I', says: 'I/I: the SA is inactive.', source: KB6134('"I/I: VPN tunnel is Inactive"'), when: (i) => i.state !== 'ACTIVE', then: () => 'I/I' },
  { id: 'STA-A/-', says: 'A/-: active, VPN monitor not configured.', source: KB6134('"A/-: VPN tunnel is Active, and VPN Monitor is not configured"'), when: (i) => i.link === 'none', then: () => 'A/-' },
  { id: 'STA-A/U', says: 'A/U: active, the monitor link is up.', source: KB6134('"A/U: VPN tunnel is Active, and the link (detected thru VPN Monitor) is UP"'), when: (i) => i.link === 'up', then: () => 'A/U' },
  { id: 'STA-A/D', says: 'A/D: active, but the monitor gets no answer to its pings.', source: KB6134('"A/D: VPN tunnel is Active, but the link (detected thru VPN Monitor) is DOWN"'), when: () => true, then: () => 'A/D' },
];

/** Rows before the generic proxy-ID check: ScreenOS decides it by version and proxy-ID count. */
export const SCREENOS_PROXY_ID_CHECK: DecisionRule<ProxyIdCheckInput, boolean>[] = [
  {
    id: 'PIC-SCREENOS-PRE-6.3',
    says: 'ScreenOS before 6.3: the route alone picks the tunnel; no proxy-ID check, so traffic can leave on the wrong SA.',
    source: KB16008('Before 6.3 "the flow will still look to the route table only to forward the packet on the tunnel and not the Proxy-ID … the packets can be forwarded on a wrong SA".'),
    when: (i) => screenosBefore63(i.osVersion),
    then: () => false,
  },
  {
    id: 'PIC-SCREENOS-MULTI',
    says: 'ScreenOS 6.3 with more than one proxy ID: the proxy-ID check is always on.',
    source: KB16008('"If more than one proxy-ID is defined for a VPN (Phase 2), a proxy-ID check is always performed, even if the proxy-ID check is not explicitly enabled."'),
    when: (i) => i.proxyIdCount > 1,
    then: () => true,
  },
  {
    id: 'PIC-SCREENOS-CONFIGURED',
    says: 'ScreenOS 6.3: `set vpn … proxy-id check` turns the check on; it is off by default.',
    source: KB16008('"Proxy-ID check is an option available to an administrator … By default, this option is disabled."'),
    when: () => true,
    then: (i) => screenosOptionsOf(i.end).proxyIdCheck,
  },
];

/** Rows before the generic inbound check. */
export const SCREENOS_INBOUND_CHECK: DecisionRule<InboundCheckInput, boolean>[] = [
  {
    id: 'IN-SCREENOS-ROUTE',
    says: 'ScreenOS route-based: decrypted traffic is routed on without a check against the SA\'s proxy ID.',
    source: ASSUMED('KB16008 describes ScreenOS route-based VPNs directing traffic by routes, not proxy IDs; no inbound check is described.'),
    when: (i) => i.vpnType === 'route-based',
    then: () => false,
  },
];

export const screenosMonitor: VendorMonitor = {
  kind: 'vpn-monitor',
  answersVpnMonitorOnAnySa: true,
  interfaceStatus: (input) => {
    const s = decide(SCREENOS_INTERFACE_STATUS, input);
    const r = decide(SCREENOS_ROUTES, { status: s.value });
    return { result: { status: s.value, routesInstalled: r.value }, decisions: [s, r] };
  },
  proxyIdCheckRows: SCREENOS_PROXY_ID_CHECK,
  inboundCheckRows: SCREENOS_INBOUND_CHECK,
  saStatusColumn: STA_COLUMN,
  tables: { SCREENOS_INTERFACE_STATUS, SCREENOS_ROUTES, STA_COLUMN, SCREENOS_PROXY_ID_CHECK, SCREENOS_INBOUND_CHECK },
};
