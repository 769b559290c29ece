// The negotiation report as the UI reads it: the engine's own types (shared/engine/report.ts),
// under the names the renderer uses.
export type {
  NegotiationReport,
  TunnelReport as ReportTunnel,
  Diagnostic as ReportDiagnostic,
  TimelineEntry as ReportTimelineEntry,
  Phase1Result as ReportPhase1,
  Phase2Result as ReportPhase2,
  Rule as ReportRule,
} from '../../shared/engine/report';
