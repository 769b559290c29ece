// What a caller can ask of an export.
import type { NegotiationReport } from '../engine/report';
import type { ExportVendorId } from '../vendors/registry';

export interface ExportOptions {
  /** `auto` (default): each gateway's own vendor. A vendor: every selected gateway written for it. */
  vendor?: ExportVendorId | 'auto';
  /** Gateway ids or names; all gateways when absent or empty. */
  gateways?: readonly string[];
  /** Write the real pre-shared keys. Off by default: keys become `<PSK:tunnel-name>` placeholders. */
  includeSecrets?: boolean;
  /** Skip the engine check (tests of one exporter). */
  skipEngineCheck?: boolean;
  /** The engine's report for this document, when the caller already has one. */
  report?: NegotiationReport;
}
