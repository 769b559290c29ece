// One test per rule row: a hand-written input that must land on that row with the stated result.
// The last test fails when a row is added without a case here.
import { describe, expect, it } from 'vitest';
import {
  allRuleIds,
  inboundCheckTable,
  INBOUND_CHECK,
  OTHER_INTERFACE_STATUS,
  PROBE_ANSWER,
  PROXY_ID_CHECK,
  proxyIdCheckTable,
  SA_AGGREGATION,
  SA_COUNTING,
  SA_TRANSITIONS,
} from '../../../shared/monitor/rules';
import type { TunnelEnd } from '../../../shared/model/document';
import { newGateway, newTunnel } from '../../../shared/document/factory';
import type { InterfaceStatusInput, ProxyIdCheckInput } from '../../../shared/vendors/kit/monitor';
import { VENDOR_MODULES, vendorModule, type VendorId } from '../../../shared/vendors/registry';
import { SCREENOS_INTERFACE_STATUS, SCREENOS_ROUTES, STA_COLUMN } from '../../../shared/vendors/screenos/monitor';
import { screenosBefore63 } from '../../../shared/vendors/screenos/version';
import { decide, type DecisionRule } from '../../../shared/vocabulary/decision-table';

interface Case {
  row: string;
  run: () => { id: string; value: unknown };
  expected: unknown;
}

const on = <I, O>(table: readonly DecisionRule<I, O>[], input: I) => () => {
  const d = decide(table, input);
  return { id: d.rule.id, value: d.value };
};

const tr = (state: 'INACTIVE' | 'ACTIVE' | 'DOWN', event: Parameters<typeof SA_TRANSITIONS[number]['when']>[0]['event'], monitorRekey = false, peerHasSa = true) =>
  on(SA_TRANSITIONS, { state, event, monitorRekey, peerHasSa });

/** The interface-status rows a product gets: its own (the PAN-OS tunnel monitor), then the generic ones. */
const other = ({ vendor = 'panos', ...over }: Partial<InterfaceStatusInput> & { vendor?: VendorId }) =>
  on([...(vendorModule(vendor).monitor.interfaceStatusRows ?? []), ...OTHER_INTERFACE_STATUS], { aggregate: 'ACTIVE', monitorEnabled: false, rekey: false, monitorFailures: 0, threshold: 5, action: 'wait-recover', ...over });

const answersOnAnySa = (vendor: VendorId) => vendorModule(vendor).monitor.answersVpnMonitorOnAnySa;

const probe = ({ peerVendor = 'cisco-asa', ...over }: Partial<Parameters<typeof PROBE_ANSWER[number]['when']>[0]> & { peerVendor?: VendorId }) =>
  on(PROBE_ANSWER, { saActive: true, peerReachable: true, peerHasSa: true, peerAnswersOnAnySa: answersOnAnySa(peerVendor), pingMatchesProxyId: false, optimized: false, trafficArrived: false, ...over });

const counting = (localVendor: VendorId, peerVendor: VendorId, monitorEnabled: boolean) =>
  on(SA_COUNTING, { localVpnMonitor: vendorModule(localVendor).monitor.kind === 'vpn-monitor', peerAnswersOnAnySa: answersOnAnySa(peerVendor), monitorEnabled });

const pic = ({ vendor = 'screenos', proxyIdCheck = false, ...over }: Partial<Omit<ProxyIdCheckInput, 'end'>> & { vendor?: VendorId; proxyIdCheck?: boolean }) =>
  on(proxyIdCheckTable(vendor), { osVersion: '6.3.0r10', vpnType: 'route-based', proxyIdCount: 1, end: endWith({ screenos: { proxyIdCheck } }), ...over });

/** A tunnel end whose product settings are these (the rest does not matter to the rows). */
const endWith = (vendorOptions: TunnelEnd['vendorOptions']): TunnelEnd => ({ ...newTunnel({ id: 't', name: 't', a: newGateway({ id: 'a', name: 'A', vendor: 'screenos', position: { x: 0, y: 0 } }), b: newGateway({ id: 'b', name: 'B', vendor: 'generic', position: { x: 0, y: 0 } }) }).a, vendorOptions });

const inbound = (vendor: VendorId, vpnType: 'route-based' | 'policy-based') => on(inboundCheckTable(vendor), { vpnType });

const CASES: Case[] = [
  { row: 'SA-TRAFFIC-INACTIVE', run: tr('INACTIVE', 'traffic'), expected: { kind: 'negotiate' } },
  { row: 'SA-TRAFFIC-DOWN', run: tr('DOWN', 'traffic'), expected: { kind: 'negotiate' } },
  { row: 'SA-TRAFFIC-ACTIVE', run: tr('ACTIVE', 'traffic'), expected: { kind: 'keep' } },
  { row: 'SA-REKEY-ACTIVE', run: tr('ACTIVE', 'rekey'), expected: { kind: 'negotiate' } },
  { row: 'SA-REKEY-IDLE', run: tr('INACTIVE', 'rekey'), expected: { kind: 'keep' } },
  { row: 'SA-EXPIRY-REKEY', run: tr('ACTIVE', 'lifetime-expiry', true), expected: { kind: 'negotiate' } },
  { row: 'SA-EXPIRY', run: tr('ACTIVE', 'lifetime-expiry', false), expected: { kind: 'set', state: 'INACTIVE' } },
  { row: 'SA-EXPIRY-IDLE', run: tr('DOWN', 'lifetime-expiry'), expected: { kind: 'keep' } },
  { row: 'SA-DPD', run: tr('ACTIVE', 'dpd-timeout'), expected: { kind: 'set', state: 'DOWN' } },
  { row: 'SA-PEER-RESTART', run: tr('ACTIVE', 'peer-restart'), expected: { kind: 'set', state: 'ACTIVE', stale: true } },
  { row: 'SA-PEER-RESTART-IDLE', run: tr('INACTIVE', 'peer-restart'), expected: { kind: 'keep' } },
  { row: 'SA-NEGOTIATION-FAILURE', run: tr('ACTIVE', 'negotiation-failure'), expected: { kind: 'set', state: 'DOWN' } },
  { row: 'SA-MONITOR-REKEY-BRINGUP', run: tr('DOWN', 'monitor-rekey', true), expected: { kind: 'negotiate' } },
  { row: 'SA-MONITOR-REKEY-STALE', run: tr('ACTIVE', 'monitor-rekey', true, false), expected: { kind: 'negotiate' } },
  { row: 'SA-OTHERWISE', run: tr('INACTIVE', 'monitor-rekey', false), expected: { kind: 'keep' } },

  { row: 'PROBE-NO-SA', run: probe({ saActive: false, peerVendor: 'screenos' }), expected: false },
  { row: 'PROBE-PEER-GONE', run: probe({ peerHasSa: false, peerVendor: 'screenos', optimized: true, trafficArrived: true }), expected: false },
  { row: 'PROBE-OPTIMIZED', run: probe({ optimized: true, trafficArrived: true }), expected: true },
  { row: 'PROBE-SCREENOS-PEER', run: probe({ peerVendor: 'screenos', optimized: true, trafficArrived: false }), expected: true },
  { row: 'PROBE-PING-MATCH', run: probe({ pingMatchesProxyId: true }), expected: true },
  { row: 'PROBE-DROPPED', run: probe({}), expected: false },

  { row: 'COUNT-SCREENOS-PEER', run: counting('screenos', 'screenos', true), expected: 'all' },
  { row: 'COUNT-PING-MATCH', run: counting('screenos', 'cisco-asa', true), expected: 'ping' },
  { row: 'COUNT-ALL', run: counting('screenos', 'cisco-asa', false), expected: 'all' },

  { row: 'AGG-ANY-ACTIVE', run: on(SA_AGGREGATION, { sas: [{ state: 'DOWN', link: 'none' }, { state: 'ACTIVE', link: 'up' }, { state: 'INACTIVE', link: 'none' }] }), expected: 'ACTIVE' },
  { row: 'AGG-ANY-INACTIVE', run: on(SA_AGGREGATION, { sas: [{ state: 'DOWN', link: 'none' }, { state: 'ACTIVE', link: 'down' }, { state: 'INACTIVE', link: 'none' }] }), expected: 'INACTIVE' },
  { row: 'AGG-ALL-DOWN', run: on(SA_AGGREGATION, { sas: [{ state: 'DOWN', link: 'none' }, { state: 'DOWN', link: 'none' }] }), expected: 'DOWN' },

  { row: 'KB6221-NO-MONITOR-UP', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'ACTIVE', monitorEnabled: false, rekey: false }), expected: 'UP' },
  { row: 'KB6221-NO-MONITOR-READY', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'DOWN', monitorEnabled: false, rekey: false }), expected: 'READY' },
  { row: 'KB6221-MONITOR-UP', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'ACTIVE', monitorEnabled: true, rekey: false }), expected: 'UP' },
  { row: 'KB6221-MONITOR-READY', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'DOWN', monitorEnabled: true, rekey: false }), expected: 'READY' },
  { row: 'KB6221-REKEY-UP', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'ACTIVE', monitorEnabled: true, rekey: true }), expected: 'UP' },
  { row: 'KB6221-REKEY-DOWN', run: on(SCREENOS_INTERFACE_STATUS, { aggregate: 'INACTIVE', monitorEnabled: true, rekey: true }), expected: 'DOWN' },

  { row: 'PAN-MONITOR-FAIL-OVER', run: other({ monitorEnabled: true, monitorFailures: 5, action: 'fail-over' }), expected: { status: 'DOWN', routesInstalled: false } },
  { row: 'PAN-MONITOR-WAIT-RECOVER', run: other({ monitorEnabled: true, monitorFailures: 7, action: 'wait-recover' }), expected: { status: 'DOWN', routesInstalled: true } },
  { row: 'OTHER-ACTIVE', run: other({ monitorEnabled: true, monitorFailures: 4, action: 'fail-over' }), expected: { status: 'UP', routesInstalled: true } },
  { row: 'OTHER-INACTIVE', run: other({ vendor: 'cisco-asa', aggregate: 'INACTIVE' }), expected: { status: 'READY', routesInstalled: true } },
  { row: 'OTHER-DOWN', run: other({ vendor: 'strongswan', aggregate: 'DOWN' }), expected: { status: 'DOWN', routesInstalled: true } },

  { row: 'SCREENOS-ROUTES-DOWN', run: on(SCREENOS_ROUTES, { status: 'DOWN' }), expected: false },
  { row: 'SCREENOS-ROUTES-UP', run: on(SCREENOS_ROUTES, { status: 'READY' }), expected: true },

  { row: 'STA-I/I', run: on(STA_COLUMN, { state: 'INACTIVE', link: 'none' }), expected: 'I/I' },
  { row: 'STA-A/-', run: on(STA_COLUMN, { state: 'ACTIVE', link: 'none' }), expected: 'A/-' },
  { row: 'STA-A/U', run: on(STA_COLUMN, { state: 'ACTIVE', link: 'up' }), expected: 'A/U' },
  { row: 'STA-A/D', run: on(STA_COLUMN, { state: 'ACTIVE', link: 'down' }), expected: 'A/D' },

  { row: 'PIC-POLICY-BASED', run: pic({ vendor: 'cisco-asa', vpnType: 'policy-based', proxyIdCount: 0 }), expected: true },
  { row: 'PIC-SCREENOS-PRE-6.3', run: pic({ osVersion: '6.2.0r5', proxyIdCount: 2, proxyIdCheck: true }), expected: false },
  { row: 'PIC-SCREENOS-MULTI', run: pic({ proxyIdCount: 4, proxyIdCheck: false }), expected: true },
  { row: 'PIC-SCREENOS-CONFIGURED', run: pic({ proxyIdCount: 1, proxyIdCheck: false }), expected: false },
  { row: 'PIC-ROUTE-BASED-PROXY-IDS', run: pic({ vendor: 'panos', osVersion: '10.2', proxyIdCount: 1 }), expected: true },
  { row: 'PIC-ROUTE-BASED-DEFAULT', run: pic({ vendor: 'panos', osVersion: '10.2', proxyIdCount: 0 }), expected: false },

  { row: 'IN-SCREENOS-ROUTE', run: inbound('screenos', 'route-based'), expected: false },
  { row: 'IN-STRICT', run: inbound('cisco-asa', 'policy-based'), expected: true },
];

describe('monitor rule table', () => {
  for (const c of CASES) {
    it(`row ${c.row}`, () => {
      const got = c.run();
      expect(got.id).toBe(c.row);
      expect(got.value).toEqual(c.expected);
    });
  }

  it('has a case for every row, and no case for a row that does not exist', () => {
    expect(CASES.map((c) => c.row).sort()).toEqual(allRuleIds().sort());
  });

  it('every row names its source and provenance', () => {
    const own = VENDOR_MODULES.flatMap((m) => Object.values(m.monitor.tables));
    for (const table of [SA_TRANSITIONS, PROBE_ANSWER, SA_COUNTING, SA_AGGREGATION, OTHER_INTERFACE_STATUS, PROXY_ID_CHECK, INBOUND_CHECK, ...own] as readonly (readonly { source: { ref: string; note: string } }[])[]) {
      for (const row of table) {
        expect(row.source.ref.length).toBeGreaterThan(0);
        expect(row.source.note.length).toBeGreaterThan(0);
      }
    }
  });

  it('also sets the proxy-ID check on when configured on a single proxy ID (KB16008)', () => {
    expect(pic({ proxyIdCount: 1, proxyIdCheck: true })()).toEqual({ id: 'PIC-SCREENOS-CONFIGURED', value: true });
  });

  it('reads ScreenOS versions', () => {
    expect(screenosBefore63('6.2.0r3')).toBe(true);
    expect(screenosBefore63('5.4.0')).toBe(true);
    expect(screenosBefore63('6.3.0r10')).toBe(false);
    expect(screenosBefore63('')).toBe(false);
  });
});
