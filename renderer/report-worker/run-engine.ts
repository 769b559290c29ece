// What the renderer computes with the domain, inside the engine worker: the negotiation report,
// the export, the packet walk (monitor-session.ts has the monitor). The UI thread never imports
// these modules or the domain modules they call as values (test/architecture/
// renderer-engine-imports.test.ts fails if one does); it asks the worker through client.ts.
// The worker keeps its copy of the document and applies deltas (see delta.ts), so unchanged
// tunnels, gateways and networks keep their identity and the engine's cache recomputes only
// what an edit touched.
import { createReportCache } from '../../shared/engine/report-cache';
import { exportDocument, isDesignFailure } from '../../shared/export/export';
import { changeOutputs, importChanges } from '../../shared/export/changes';
import { importConfigurations, type ConfigFile, type ImportResult } from '../../shared/import/import';
import { engineNegotiator } from '../../shared/monitor/engine-negotiator';
import { walkPacket } from '../../shared/walk/walk';
import type { TopologyDocument } from '../../shared/model/document';
import type { NegotiationReport } from '../../shared/engine/report';
import type { ExportAnswer, ExportJobOptions, WalkAnswer, WalkPacket } from './protocol';

const cache = createReportCache();

export function computeNegotiationReport(doc: TopologyDocument): NegotiationReport {
  return cache.compute(doc, { detail: 'full' });
}

export function computeExport(doc: TopologyDocument, options: ExportJobOptions): ExportAnswer {
  // The engine check reads the same full report the results show, from the same cache.
  const { files, warnings } = exportDocument(doc, {
    vendor: options.vendor,
    includeSecrets: options.includeSecrets,
    ...(options.gateways ? { gateways: options.gateways } : {}),
    report: computeNegotiationReport(doc),
  });
  const design = warnings.filter(isDesignFailure);
  const other = warnings.filter((w) => !isDesignFailure(w));
  if (options.changes) {
    const changed = importChanges(doc, { includeSecrets: options.includeSecrets, ...(options.gateways ? { gateways: options.gateways } : {}) });
    if (changed.ok) {
      const outputs = changeOutputs(changed.boxes);
      return {
        files: outputs.files,
        paste: outputs.steps,
        design,
        other,
        changes: changed.boxes.map((b) => ({ gateway: b.gateway, status: b.status, added: b.files.reduce((n, f) => n + f.added, 0), removed: b.files.reduce((n, f) => n + f.removed, 0) })),
      };
    }
  }
  return { files, design, other };
}

export function computeWalk(doc: TopologyDocument, packet: WalkPacket): WalkAnswer {
  const r = walkPacket(doc, { from: packet.from, to: packet.to, protocol: packet.protocol, ...(packet.port !== undefined ? { port: packet.port } : {}) }, { negotiate: engineNegotiator, now: 0 });
  if (!r.ok) return r;
  const { monitor: _monitor, ...value } = r.value;
  return { ok: true, value };
}

/** Device configurations read and assembled into a topology (the open document plays no part). */
export function computeImport(files: readonly ConfigFile[], includeSecrets: boolean, initiator?: number): ImportResult {
  return importConfigurations(files, { includeSecrets, ...(initiator !== undefined ? { initiator } : {}) });
}
