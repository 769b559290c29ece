// How a product's VPN monitoring behaves, as far as the VPN monitor and the packet walk need it:
// whether it has its own monitor and of which kind, how it aggregates the SAs of one tunnel
// interface into a status, whether routed traffic is checked against the proxy IDs, whether
// decrypted traffic is checked against the SA, and the words its `show` output uses for an SA.
// Rows are decision tables (shared/vocabulary/decision-table.ts); the monitor layer puts the
// product's rows before its generic ones.
import type { Gateway, TunnelEnd } from '../../model/document';
import type { Decision, DecisionRule } from '../../vocabulary/decision-table';
import type { InterfaceStatus, LinkStatus, SaState } from '../../vocabulary/sa';

export interface ProxyIdCheckInput {
  osVersion: string;
  vpnType: Gateway['vpnType'];
  proxyIdCount: number;
  /** The tunnel end, whose own settings a product's rows read (ScreenOS `proxy-id check`). */
  end: TunnelEnd;
}

export interface InboundCheckInput {
  vpnType: Gateway['vpnType'];
}

export interface InterfaceStatusInput {
  /** The aggregate state of the SAs that count for the interface. */
  aggregate: SaState;
  monitorEnabled: boolean;
  /** ScreenOS `set vpn … monitor rekey`. */
  rekey: boolean;
  /** Consecutive unanswered monitor probes. */
  monitorFailures: number;
  threshold: number;
  action: 'wait-recover' | 'fail-over';
}

export interface InterfaceStatusResult {
  status: InterfaceStatus;
  /** Whether routes pointing to the tunnel interface stay in the routing table. */
  routesInstalled: boolean;
}

export type SaStatusInput = { state: SaState; link: LinkStatus };

export interface VendorMonitor {
  /**
   * The product's own monitor: a VPN monitor that pings a host behind the peer through the tunnel
   * and can rekey (ScreenOS), a tunnel monitor profile that acts after lost probes (PAN-OS), or
   * none modelled.
   */
  kind: 'vpn-monitor' | 'tunnel-monitor' | 'none';
  /** As the peer of a ScreenOS-style VPN monitor: it answers the monitor through any SA. */
  answersVpnMonitorOnAnySa: boolean;
  /** The product's own way from the counted SAs to the interface status, with the rules used. */
  interfaceStatus?: (input: InterfaceStatusInput) => { result: InterfaceStatusResult; decisions: Decision<unknown>[] };
  /** Rows put before the generic interface-status rows (used when `interfaceStatus` is absent). */
  interfaceStatusRows?: readonly DecisionRule<InterfaceStatusInput, InterfaceStatusResult>[];
  /** Rows put before the generic proxy-ID check rows. */
  proxyIdCheckRows?: readonly DecisionRule<ProxyIdCheckInput, boolean>[];
  /** Rows put before the generic inbound check rows. */
  inboundCheckRows?: readonly DecisionRule<InboundCheckInput, boolean>[];
  /** The product's column for an SA's state in its `show` output (ScreenOS `get sa` Sta). */
  saStatusColumn?: readonly DecisionRule<SaStatusInput, string>[];
  /** Every decision table of the product by name, for the rule list and the one-test-per-row check. */
  tables: Readonly<Record<string, readonly DecisionRule<never, unknown>[]>>;
}

/** A product whose VPN monitoring is not modelled beyond the generic rows. */
export const NO_MONITOR: VendorMonitor = { kind: 'none', answersVpnMonitorOnAnySa: false, tables: {} };
