// Every rule of the VPN monitor in one place, as decision tables (shared/vocabulary/decision-table.ts):
// the SA state machine (monitor.ts), the interface status (status.ts) and the packet walk
// (shared/walk) only look rules up here.
import type { DecisionRule } from '../vocabulary/decision-table';
import type { InboundCheckInput, InterfaceStatusInput, InterfaceStatusResult, ProxyIdCheckInput } from '../vendors/kit/monitor';
import type { LinkStatus, SaState } from '../vocabulary/sa';
import { ASSUMED, KB16008, KB6221 } from '../vocabulary/sources';
import { vendorModule, VENDOR_MODULES } from '../vendors/registry';


// ---- SA lifecycle ---------------------------------------------------------------------------

export type SaEventType = 'traffic' | 'rekey' | 'lifetime-expiry' | 'dpd-timeout' | 'peer-restart' | 'negotiation-failure' | 'monitor-rekey';

export interface SaTransitionInput {
  state: SaState;
  event: SaEventType;
  /** ScreenOS `set vpn … monitor rekey` (monitor enabled with rekey). */
  monitorRekey: boolean;
  /** The peer still holds this SA (false after the peer restarted and before we noticed). */
  peerHasSa: boolean;
}

/** What the state machine does: negotiate (the outcome decides the state), set a state, or nothing. */
export type SaAction = { kind: 'negotiate' } | { kind: 'set'; state: SaState; stale?: boolean } | { kind: 'keep' };

export const SA_TRANSITIONS: DecisionRule<SaTransitionInput, SaAction>[] = [
  {
    id: 'SA-TRAFFIC-INACTIVE',
    says: 'Traffic matching an INACTIVE SA triggers phase-2 negotiation for its proxy ID; ACTIVE on success, DOWN on failure.',
    source: KB16008('"If the match is found, then the phase2 SA will be triggered automatically"; INACTIVE = configured, not negotiated yet.'),
    when: (i) => i.event === 'traffic' && i.state === 'INACTIVE',
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-TRAFFIC-DOWN',
    says: 'Traffic matching a DOWN SA retries the negotiation.',
    source: ASSUMED('On-demand SAs are retried by new matching traffic on every product we model; the retry timer is not modelled.'),
    when: (i) => i.event === 'traffic' && i.state === 'DOWN',
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-TRAFFIC-ACTIVE',
    says: 'Traffic on an ACTIVE SA keeps it ACTIVE (counters grow).',
    source: ASSUMED('An established SA carries traffic until it expires or the peer is lost.'),
    when: (i) => i.event === 'traffic' && i.state === 'ACTIVE',
    then: () => ({ kind: 'keep' }),
  },
  {
    id: 'SA-REKEY-ACTIVE',
    says: 'A rekey of an ACTIVE SA negotiates a new SA with the same selectors: ACTIVE with new SPIs, or DOWN if it fails.',
    source: { ref: 'RFC 7296 §2.8, §2.9.2', provenance: 'documented', note: 'Rekeying creates a new CHILD_SA; a rekey must not narrow below the selectors in use.' },
    when: (i) => i.event === 'rekey' && i.state === 'ACTIVE',
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-REKEY-IDLE',
    says: 'There is nothing to rekey on an SA that is not ACTIVE.',
    source: ASSUMED('A rekey needs an existing SA.'),
    when: (i) => i.event === 'rekey',
    then: () => ({ kind: 'keep' }),
  },
  {
    id: 'SA-EXPIRY-REKEY',
    says: 'With VPN monitor rekey, an SA whose lifetime ends is renegotiated at once, without waiting for traffic.',
    source: KB6221('Monitor + rekey "will not wait for actual traffic to trigger the VPN and will always keep the SAs UP".'),
    when: (i) => i.event === 'lifetime-expiry' && i.state === 'ACTIVE' && i.monitorRekey,
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-EXPIRY',
    says: 'Without monitor rekey, an SA whose lifetime ends is removed and becomes INACTIVE until traffic brings it up again.',
    source: KB6221('Without rekey "the device monitors the tunnel only when the VPN passes user-generated traffic"; an expired on-demand SA waits for traffic.'),
    when: (i) => i.event === 'lifetime-expiry' && i.state === 'ACTIVE',
    then: () => ({ kind: 'set', state: 'INACTIVE' }),
  },
  {
    id: 'SA-EXPIRY-IDLE',
    says: 'Only an ACTIVE SA has a lifetime to expire.',
    source: ASSUMED('INACTIVE and DOWN SAs have no keys.'),
    when: (i) => i.event === 'lifetime-expiry',
    then: () => ({ kind: 'keep' }),
  },
  {
    id: 'SA-DPD',
    says: 'Dead-peer detection declares the peer lost: every SA to it is DOWN.',
    source: { ref: 'RFC 3706', provenance: 'documented', note: 'When DPD gets no answer the peer is declared dead and its SAs are deleted.' },
    when: (i) => i.event === 'dpd-timeout',
    then: () => ({ kind: 'set', state: 'DOWN' }),
  },
  {
    id: 'SA-PEER-RESTART',
    says: 'After the peer restarts, our ACTIVE SA stays ACTIVE here but the peer no longer knows it: traffic on it is dropped until DPD, a rekey or expiry notices.',
    source: ASSUMED('The peer lost its SA database on restart; ESP with an unknown SPI is dropped (RFC 4303 §3.4.2).'),
    when: (i) => i.event === 'peer-restart' && i.state === 'ACTIVE',
    then: () => ({ kind: 'set', state: 'ACTIVE', stale: true }),
  },
  {
    id: 'SA-PEER-RESTART-IDLE',
    says: 'A peer restart changes nothing for an SA that is not ACTIVE.',
    source: ASSUMED('There is no SA to lose.'),
    when: (i) => i.event === 'peer-restart',
    then: () => ({ kind: 'keep' }),
  },
  {
    id: 'SA-NEGOTIATION-FAILURE',
    says: 'A failed phase-2 negotiation leaves the SA DOWN.',
    source: KB16008('DOWN: the P2 SA could not be negotiated or the peer is lost.'),
    when: (i) => i.event === 'negotiation-failure',
    then: () => ({ kind: 'set', state: 'DOWN' }),
  },
  {
    id: 'SA-MONITOR-REKEY-BRINGUP',
    says: 'With VPN monitor rekey, an INACTIVE or DOWN SA is negotiated without waiting for traffic.',
    source: KB6221('Monitor + rekey keeps the SAs up without user traffic; the device "regenerates the IKE key after a failed VPN tunnel attempts to reestablish itself".'),
    when: (i) => i.event === 'monitor-rekey' && i.monitorRekey && i.state !== 'ACTIVE',
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-MONITOR-REKEY-STALE',
    says: 'With VPN monitor rekey, an ACTIVE SA the peer no longer has fails its pings and is renegotiated.',
    source: KB6221('The monitor notices the dead SA; rekey renegotiates it.'),
    when: (i) => i.event === 'monitor-rekey' && i.monitorRekey && !i.peerHasSa,
    then: () => ({ kind: 'negotiate' }),
  },
  {
    id: 'SA-OTHERWISE',
    says: 'Any other event leaves the SA as it is.',
    source: ASSUMED('No source describes a change.'),
    when: () => true,
    then: () => ({ kind: 'keep' }),
  },
];

// ---- does a VPN-monitor probe through an SA get its answer? ---------------------------------

export interface ProbeInput {
  saActive: boolean;
  peerReachable: boolean;
  /** The peer still has the SA (not restarted since). */
  peerHasSa: boolean;
  /** The peer answers a ScreenOS-style VPN monitor through any SA (it is itself ScreenOS). */
  peerAnswersOnAnySa: boolean;
  /** The SA's proxy ID covers the monitor's ping (destination-ip behind the peer). */
  pingMatchesProxyId: boolean;
  /** ScreenOS `set vpn … monitor optimized`. */
  optimized: boolean;
  /** Tunnel traffic arrived on this SA since the last probe. */
  trafficArrived: boolean;
}

export const PROBE_ANSWER: DecisionRule<ProbeInput, boolean>[] = [
  {
    id: 'PROBE-NO-SA',
    says: 'No ACTIVE SA, no answer.',
    source: ASSUMED('The ping cannot leave without an SA.'),
    when: (i) => !i.saActive,
    then: () => false,
  },
  {
    id: 'PROBE-PEER-GONE',
    says: 'A lost peer, or a peer that restarted and lost the SA, does not answer.',
    source: ASSUMED('Nothing comes back from an unreachable peer; a restarted peer drops ESP with an unknown SPI (RFC 4303 §3.4.2).'),
    when: (i) => !i.peerReachable || !i.peerHasSa,
    then: () => false,
  },
  {
    id: 'PROBE-OPTIMIZED',
    says: 'With `optimized`, incoming tunnel traffic counts as a reply.',
    source: { ref: 'Juniper NSM ScreenOS guide, VPN monitor "Optimized"', provenance: 'documented', note: '"Considers incoming traffic in the VPN tunnel as ICMP echo replies."' },
    when: (i) => i.optimized && i.trafficArrived,
    then: () => true,
  },
  {
    id: 'PROBE-SCREENOS-PEER',
    says: 'A ScreenOS peer answers the monitor on any SA.',
    source: KB16008('Between ScreenOS devices every SA is monitored and counts.'),
    when: (i) => i.peerAnswersOnAnySa,
    then: () => true,
  },
  {
    id: 'PROBE-PING-MATCH',
    says: 'A non-ScreenOS peer answers only through the SA whose proxy ID matches the ping.',
    source: KB16008('"The ping packet can only pass through the tunnel with a matched proxy ID."'),
    when: (i) => i.pingMatchesProxyId,
    then: () => true,
  },
  {
    id: 'PROBE-DROPPED',
    says: 'A non-ScreenOS peer drops the ping on every other SA (A/D).',
    source: KB16008('"The other tunnels will drop the ping packet by the non-ScreenOS gateway." KB6134: A/D "could also be happening if the other side of the VPN is not a NetScreen/Juniper Firewall."'),
    when: () => true,
    then: () => false,
  },
];

// ---- which SAs count for a tunnel interface ------------------------------------------------

export interface CountingInput {
  /** This product has a ScreenOS-style VPN monitor (pings through the tunnel). */
  localVpnMonitor: boolean;
  /** The peer answers such a monitor through any SA. */
  peerAnswersOnAnySa: boolean;
  monitorEnabled: boolean;
}

/** all: every SA bound to the interface; ping: only the SA(s) whose proxy ID matches the monitor ping. */
export type CountingMode = 'all' | 'ping';

export const SA_COUNTING: DecisionRule<CountingInput, CountingMode>[] = [
  {
    id: 'COUNT-SCREENOS-PEER',
    says: 'Peer is ScreenOS: every SA bound to the tunnel interface counts.',
    source: KB16008('"If multiple proxy IDs are configured … UP if one of the P2 SAs is ACTIVE, READY if one is INACTIVE, DOWN if all are DOWN."'),
    when: (i) => i.localVpnMonitor && i.peerAnswersOnAnySa,
    then: () => 'all',
  },
  {
    id: 'COUNT-PING-MATCH',
    says: 'Peer is not ScreenOS: the VPN monitor pings a host behind the peer; only the SA whose proxy ID matches the ping counts.',
    source: KB16008('"The ping packet can only pass through the tunnel with a matched proxy ID, so this matched tunnel status can only be used to determine the tunnel interface status. … The ping results of the other tunnels will be ignored."'),
    when: (i) => i.localVpnMonitor && i.monitorEnabled,
    then: () => 'ping',
  },
  {
    id: 'COUNT-ALL',
    says: 'Without a VPN monitor ping (or on other products), every SA bound to the interface counts.',
    source: ASSUMED('No ping selects an SA; the KB16008 aggregation over all SAs is used.'),
    when: () => true,
    then: () => 'all',
  },
];

// ---- aggregate SA state over the counted SAs -------------------------------------------------

export interface AggregateInput {
  /** States of the counted SAs, with the monitor's link view of each. */
  sas: readonly { state: SaState; link: LinkStatus }[];
}

export const SA_AGGREGATION: DecisionRule<AggregateInput, SaState>[] = [
  {
    id: 'AGG-ANY-ACTIVE',
    says: 'UP-worthy if any counted SA is ACTIVE and its monitor link is not down.',
    source: KB16008('"To treat the interface as UP if one of the tunnels/P2 SAs is ACTIVE."'),
    when: (i) => i.sas.some((s) => s.state === 'ACTIVE' && s.link !== 'down'),
    then: () => 'ACTIVE',
  },
  {
    id: 'AGG-ANY-INACTIVE',
    says: 'Else READY-worthy if any counted SA is INACTIVE.',
    source: KB16008('"To treat the interface as READY if one of the tunnels/P2 SAs is INACTIVE."'),
    when: (i) => i.sas.some((s) => s.state === 'INACTIVE'),
    then: () => 'INACTIVE',
  },
  {
    id: 'AGG-ALL-DOWN',
    says: 'Else DOWN: every counted SA is DOWN, ACTIVE with its monitor link down, or no SA matches the monitor ping.',
    source: KB16008('"To treat the interface as DOWN if all the tunnels/P2 SAs are DOWN." An ACTIVE SA whose pings fail (KB6134 A/D) is treated as down by the monitor.'),
    when: () => true,
    then: () => 'DOWN',
  },
];

// ---- products without their own status rules: status from the SAs -------------------------

/** After a product's own rows (the PAN-OS tunnel monitor): status from the aggregate alone. */
export const OTHER_INTERFACE_STATUS: DecisionRule<InterfaceStatusInput, InterfaceStatusResult>[] = [
  {
    id: 'OTHER-ACTIVE',
    says: 'An ACTIVE SA on the tunnel: UP.',
    source: ASSUMED('KB16008 aggregation applied to products without a ScreenOS-style VPN monitor.'),
    when: (i) => i.aggregate === 'ACTIVE',
    then: () => ({ status: 'UP', routesInstalled: true }),
  },
  {
    id: 'OTHER-INACTIVE',
    says: 'SAs configured but not negotiated yet: READY (on-demand).',
    source: ASSUMED('KB16008 aggregation applied to products without a ScreenOS-style VPN monitor.'),
    when: (i) => i.aggregate === 'INACTIVE',
    then: () => ({ status: 'READY', routesInstalled: true }),
  },
  {
    id: 'OTHER-DOWN',
    says: 'Every SA DOWN: DOWN; static routes to the tunnel stay unless a monitor withdraws them.',
    source: ASSUMED('Static routes to a tunnel interface are not withdrawn without path monitoring.'),
    when: () => true,
    then: () => ({ status: 'DOWN', routesInstalled: true }),
  },
];

// ---- proxy-ID check and the peer's inbound check ------------------------------------------

/** Whether traffic routed into a tunnel is matched against the proxy IDs before an SA is picked (the product's own rows go after the first). */
export const PROXY_ID_CHECK: DecisionRule<ProxyIdCheckInput, boolean>[] = [
  {
    id: 'PIC-POLICY-BASED',
    says: 'Policy-based VPN: the crypto policy (proxy IDs) itself selects the traffic.',
    source: { ref: '"Proxy IDs in IPSec VPNs: A Comprehensive Look" (proxy IDs on Palo Alto Networks firewalls)', provenance: 'documented', note: 'Policy-based VPNs select traffic by matching policies/ACLs (proxy IDs).' },
    when: (i) => i.vpnType === 'policy-based',
    then: () => true,
  },
  {
    id: 'PIC-ROUTE-BASED-PROXY-IDS',
    says: 'Other route-based products with explicit proxy IDs: only traffic matching a proxy ID enters the tunnel.',
    source: { ref: '"Proxy IDs in IPSec VPNs: A Comprehensive Look" (proxy IDs on Palo Alto Networks firewalls)', provenance: 'documented', note: '"Gotcha 2: if you add explicit Proxy IDs … ONLY traffic matching those specific Proxy IDs … will traverse the tunnel."' },
    when: (i) => i.proxyIdCount > 0,
    then: () => true,
  },
  {
    id: 'PIC-ROUTE-BASED-DEFAULT',
    says: 'Route-based with no proxy ID: the default 0.0.0.0/0 selector takes everything the route sends.',
    source: { ref: '"Proxy IDs in IPSec VPNs: A Comprehensive Look" (proxy IDs on Palo Alto Networks firewalls)', provenance: 'documented', note: 'With no proxy ID the firewall uses 0.0.0.0/0 and relies on routing and policy.' },
    when: () => true,
    then: () => false,
  },
];

/** Whether the receiving end drops decrypted traffic that is outside the SA's selectors. */
export const INBOUND_CHECK: DecisionRule<InboundCheckInput, boolean>[] = [
  {
    id: 'IN-STRICT',
    says: 'Every other product drops decrypted traffic that arrived on an SA whose selectors do not cover it.',
    source: KB16008('"As the remote gateways are very strict in allowing the traffic based on the Proxy-id, they will drop the packets since it arrived on a wrong SA"; RFC 4301 §5.2 inbound SPD check.'),
    when: () => true,
    then: () => true,
  },
];

const proxyIdCheckTables = new Map<string, readonly DecisionRule<ProxyIdCheckInput, boolean>[]>();
const inboundCheckTables = new Map<string, readonly DecisionRule<InboundCheckInput, boolean>[]>();

/** The proxy-ID check for one product: the policy-based row, the product's own rows, then the generic ones. */
export function proxyIdCheckTable(vendor: string): readonly DecisionRule<ProxyIdCheckInput, boolean>[] {
  let t = proxyIdCheckTables.get(vendor);
  if (!t) {
    const own = vendorModule(vendor).monitor.proxyIdCheckRows ?? [];
    t = own.length ? [...PROXY_ID_CHECK.slice(0, 1), ...own, ...PROXY_ID_CHECK.slice(1)] : PROXY_ID_CHECK;
    proxyIdCheckTables.set(vendor, t);
  }
  return t;
}

/** The inbound check for one product: its own rows, then the generic one. */
export function inboundCheckTable(vendor: string): readonly DecisionRule<InboundCheckInput, boolean>[] {
  let t = inboundCheckTables.get(vendor);
  if (!t) {
    const own = vendorModule(vendor).monitor.inboundCheckRows ?? [];
    t = own.length ? [...own, ...INBOUND_CHECK] : INBOUND_CHECK;
    inboundCheckTables.set(vendor, t);
  }
  return t;
}

/** The generic tables, for the rule list and the one-test-per-row check (each product's own are in its monitor). */
export const RULE_TABLES = {
  SA_TRANSITIONS,
  PROBE_ANSWER,
  SA_COUNTING,
  SA_AGGREGATION,
  OTHER_INTERFACE_STATUS,
  PROXY_ID_CHECK,
  INBOUND_CHECK,
} as const;

type AnyRule = { id: string; says: string };

/** Every rule: the generic tables and every product's own. */
function allRules(): AnyRule[] {
  const generic = Object.values(RULE_TABLES).flatMap((t: readonly AnyRule[]) => [...t]);
  const own = VENDOR_MODULES.flatMap((m) => Object.values(m.monitor.tables).flatMap((t: readonly AnyRule[]) => [...t]));
  return [...generic, ...own];
}

/** Every rule id, for the one-test-per-row check. */
export function allRuleIds(): string[] {
  return allRules().map((r) => r.id);
}

/** What a rule says in words, for a view that shows its id only in a details line; undefined for an id no table has. */
export function ruleSays(id: string): string | undefined {
  return allRules().find((r) => r.id === id)?.says;
}
