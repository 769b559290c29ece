// Exports a topology document: picks the gateways and the vendor for each, runs its exporter,
// and, before anything, asks the engine whether the design would come up, so a configuration
// that cannot work never leaves without a warning saying so.
import { computeReport } from '../engine/report-cache';
import { GatewaySchema, NetworkSchema, TunnelSchema, type Gateway, type TopologyDocument } from '../model/document';
import { formatPath } from '../model/file';
import { oneLine } from '../model/text';
import { buildGatewayContext } from '../vendors/kit/export/context';
import type { ExportFile, ExportResult, ExportWarning } from '../vendors/kit/export/types';
import { EXPORT_VENDORS, exporterOf, isExportVendor } from '../vendors/registry';
import { designWarnings } from './design-check';
import type { ExportOptions } from './options';

export type SelectGatewaysResult = { ok: true; gateways: Gateway[] } | { ok: false; unknown: string[] };

/** Gateways named (by id or name) in `wanted`, in document order; all when `wanted` is empty. */
export function selectGateways(doc: TopologyDocument, wanted: readonly string[] | undefined): SelectGatewaysResult {
  if (!wanted || wanted.length === 0) return { ok: true, gateways: doc.gateways };
  const unknown = wanted.filter((w) => !doc.gateways.some((g) => g.id === w || g.name === w));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, gateways: doc.gateways.filter((g) => wanted.includes(g.id) || wanted.includes(g.name)) };
}

/** Warning codes that mean the design, as drawn, would not come up (the CLI exits 1 on these). */
export function isDesignFailure(w: ExportWarning): boolean {
  return w.code === 'DESIGN_WOULD_NOT_COME_UP';
}

/** The first problem of a value that does not validate, as "path: message" (zod messages never hold the value). */
function firstIssue(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, prefix: string): string | undefined {
  if (result.success) return undefined;
  const issue = result.error?.issues[0];
  return issue ? `${prefix}${issue.path.length ? `.${formatPath(issue.path)}` : ''}: ${issue.message}` : `${prefix} does not validate`;
}

/**
 * Documents from the loader, the editor and paste are valid; one built by other code may not be.
 * What does not validate is not written (a line break in a name must never reach a file).
 */
function invalidParts(doc: TopologyDocument, gateways: readonly Gateway[]): { gateways: Map<string, string>; tunnels: Map<string, string> } {
  const ids = new Set<string>(gateways.map((g) => g.id));
  const badNetworks = new Map<string, string>();
  for (const n of doc.networks) {
    if (!ids.has(n.gatewayId) || badNetworks.has(n.gatewayId)) continue;
    const problem = firstIssue(NetworkSchema.safeParse(n), 'a network');
    if (problem !== undefined) badNetworks.set(n.gatewayId, problem);
  }
  const badGateways = new Map<string, string>();
  for (const g of gateways) {
    const problem = firstIssue(GatewaySchema.safeParse(g), 'the gateway') ?? badNetworks.get(g.id);
    if (problem !== undefined) badGateways.set(g.id, problem);
  }
  const badTunnels = new Map<string, string>();
  for (const t of doc.tunnels) {
    if (!ids.has(t.a.gatewayId) && !ids.has(t.b.gatewayId)) continue;
    const problem = firstIssue(TunnelSchema.safeParse(t), 'the tunnel');
    if (problem !== undefined) badTunnels.set(t.id, problem);
  }
  return { gateways: badGateways, tunnels: badTunnels };
}

export function exportDocument(doc: TopologyDocument, options: ExportOptions = {}): ExportResult {
  const warnings: ExportWarning[] = [];
  const files: ExportFile[] = [];
  const selected = selectGateways(doc, options.gateways);
  const gateways = selected.ok ? selected.gateways : [];
  if (!options.skipEngineCheck) warnings.push(...designWarnings(options.report ?? computeReport(doc), gateways));
  const invalid = invalidParts(doc, gateways);
  const usedNames = new Set<string>();
  for (const gateway of gateways) {
    const bad = invalid.gateways.get(gateway.id);
    if (bad !== undefined) {
      warnings.push({ code: 'INVALID_VALUE', gateway: oneLine(gateway.name).slice(0, 63), message: `no configuration is written for this gateway: ${bad}` });
      continue;
    }
    const requested = options.vendor ?? 'auto';
    const vendor = requested === 'auto' ? gateway.vendor : requested;
    if (!isExportVendor(vendor)) {
      warnings.push({ code: 'NO_EXPORTER_FOR_VENDOR', gateway: gateway.name, message: `no configuration exporter for vendor "${vendor}"; choose a vendor for this gateway (one of ${EXPORT_VENDORS.join(', ')})` });
      continue;
    }
    if (vendor !== gateway.vendor) {
      warnings.push({ code: 'VENDOR_OVERRIDDEN', gateway: gateway.name, message: `the gateway is ${gateway.vendor} in the design and is written as ${vendor}: interface names are the design's, check them` });
    }
    const ctx = buildGatewayContext(doc, gateway, vendor, options.includeSecrets === true, warnings, invalid.tunnels);
    for (const f of (exporterOf(vendor) as NonNullable<ReturnType<typeof exporterOf>>).exportGateway(ctx)) {
      // Two gateways whose names sanitize alike still get distinct files.
      let name = f.name;
      for (let i = 2; usedNames.has(name); i++) name = f.name.replace(/^([^.]*)/, `$1-${i}`);
      usedNames.add(name);
      files.push({ name, content: f.content });
    }
  }
  return { files, warnings };
}
