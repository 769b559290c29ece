// The shape of the negotiation report as the UI reads it. It follows the engine's published
// report (issue 3: tunnels[], phase1, phase2[], timeline[], diagnostics[]); only the fields the
// UI shows are required here, so the UI keeps working as the engine grows extra fields.
import type { Command } from '../../shared/commands/commands';

export type Provenance = 'verified' | 'documented' | 'assumed';

export interface ReportSelectorPair {
  local: string | string[];
  remote: string | string[];
}

export interface ReportPhase1 {
  status: 'up' | 'down';
  notify?: string;
  reason?: string;
  proposal?: unknown;
  provenance?: Provenance | { level: Provenance; source?: string; rule?: string };
}

export interface ReportPhase2 {
  proposed: { local: string; remote: string };
  status: 'up' | 'down' | 'not-attempted';
  notify?: string;
  reason?: string;
  negotiated?: { local: string[]; remote: string[] };
  esp?: unknown;
  pfs?: unknown;
  provenance?: ReportPhase1['provenance'];
}

export interface ReportTimelineEntry {
  /** Message name: IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA, Main Mode 1, Quick Mode 1… */
  exchange?: string;
  message?: string;
  /** Which end sent it: 'a' | 'b', or a gateway name. */
  from?: string;
  to?: string;
  sender?: string;
  summary?: string;
  payload?: string;
  /** The phase-2 index this message belongs to, when it does. */
  phase2Index?: number;
  phase?: 1 | 2 | string;
  status?: 'ok' | 'error' | string;
  notify?: string;
}

export interface ReportDiagnostic {
  code: string;
  message?: string;
  reason?: string;
  title?: string;
  severity?: 'error' | 'warning' | 'info';
  end?: 'a' | 'b';
  selectorIndex?: number;
  tunnelId?: string;
  tunnel?: string;
  fix?: { label?: string; commands: Command[] } | Command[];
  fixLabel?: string;
  provenance?: ReportPhase1['provenance'];
}

export interface ReportTunnel {
  tunnel: string;
  tunnelId?: string;
  initiator: string;
  phase1: ReportPhase1;
  phase2: ReportPhase2[];
  timeline: ReportTimelineEntry[];
  diagnostics?: ReportDiagnostic[];
  logs?: unknown;
}

export interface NegotiationReport {
  tunnels: ReportTunnel[];
  diagnostics?: ReportDiagnostic[];
}
