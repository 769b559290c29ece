// `ipsec-studio check`: negotiates every tunnel of a topology file (or one) and prints, per
// tunnel, phase 1 and each phase-2 selector pair, with the causes found and their fixes.
// Exit 0: every phase 1 and every phase-2 selector up; 1: anything fails; 2: invalid input.
import { computeReport } from '../../engine/report-cache';
import type { NegotiationReport, TunnelReport } from '../../engine/report';
import { designVerdict } from '../../engine/verdict';
import { pairText } from '../../engine/asymmetry';
import type { EndKey, TopologyDocument } from '../../model/document';
import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, type CliIo, type Subcommand } from '../io';
import { loadTopologyFile } from '../load';
import { importConfigFiles, importSummary } from '../load-configs';
import { terminalJson, terminalLine, terminalLines } from '../terminal';

const USAGE = `Usage: ipsec-studio check <file> [--json] [--tunnel NAME] [--initiator GATEWAY]
       ipsec-studio check --config <config>... [--json] [--tunnel NAME] [--initiator GATEWAY]

Negotiates each tunnel as the two real products would: phase 1, then every phase-2 selector
pair the initiator proposes, with the notify a real peer sends, the likely cause and its fix.

Options:
  --config             the files are device configurations (as for ipsec-studio import):
                       check straight from them, e.g. in a change pipeline
  --tunnel NAME        check only this tunnel (name or id)
  --initiator GATEWAY  let this gateway (name or id) initiate the tunnels it ends
  --json               print the negotiation report as JSON (docs/negotiation-report.md)

Exit codes: 0 every phase 1 and phase-2 selector up; 1 something fails; 2 invalid input.`;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function tunnelText(t: TunnelReport): string[] {
  const lines: string[] = [];
  const version = t.phase1.ikeVersion ? `IKEv${t.phase1.ikeVersion}` : '';
  const vend = t.initiatorEnd === 'a' ? [t.vendors.a, t.vendors.b] : [t.vendors.b, t.vendors.a];
  lines.push(`Tunnel ${t.tunnel}: ${t.initiator} (${vend[0]}) initiates to ${t.responder} (${vend[1]})${version ? `, ${version}` : ''}: ${t.status.toUpperCase()}`);
  const p1 = t.phase1;
  const p1detail = p1.status === 'up'
    ? `${p1.proposal ? `${p1.proposal.encryption}/${p1.proposal.integrity}/group ${p1.proposal.dhGroup}` : ''}${p1.keRetryGroup !== undefined ? ` (after INVALID_KE_PAYLOAD)` : ''}`
    : `${p1.notify ?? (p1.timedOut ? 'timeout' : '')}${p1.reason ? ` - ${p1.reason}` : ''}`;
  lines.push(`  phase 1   ${pad(p1.status.toUpperCase(), 5)} ${p1detail}`);
  const width = Math.max(20, ...t.phase2.map((p) => `${p.proposed.local} <-> ${p.proposed.remote}`.length));
  for (const p of t.phase2) {
    const sel = pad(`${p.proposed.local} <-> ${p.proposed.remote}`, width);
    const espText = p.esp ? ` (${p.esp.encryption}/${p.esp.integrity}${p.esp.pfsGroup !== undefined ? `, PFS ${p.esp.pfsGroup}` : ''})` : '';
    const detail = p.status === 'up'
      ? `${p.negotiated ? `${p.negotiated.local.join(' ')} <-> ${p.negotiated.remote.join(' ')}` : ''}${espText}`
      : p.status === 'asymmetric' && p.installed
        ? `${t.initiator} installs ${pairText(p.installed.initiator)}, ${t.responder} installs ${pairText(p.installed.responder)}${espText}`
        : `${p.notify ?? ''}${p.reason ? `${p.notify ? ' - ' : ''}${p.reason}` : ''}`;
    lines.push(`  phase 2   ${pad(p.status === 'asymmetric' ? 'UP-ASYM' : p.status.toUpperCase(), 5)} ${pad(p.name, 8)} ${sel}  ${detail}`);
  }
  if (t.phase2.length === 0 && p1.status === 'up') lines.push('  phase 2   none proposed (no proxy ID, and this product has no default selector)');
  for (const d of t.diagnostics) {
    lines.push(`  ${pad(d.severity, 7)} ${d.code}${d.gateway ? ` (${d.gateway})` : ''}: ${d.message} [${d.provenance}]`);
    if (d.fix.length > 0) lines.push(`          fix: ${d.fixLabel ?? `${d.fix.length} command(s)`}`);
  }
  return lines;
}

function text(report: NegotiationReport): string {
  const lines: string[] = [];
  for (const t of report.tunnels) lines.push(...tunnelText(t), '');
  for (const d of report.diagnostics) {
    lines.push(`${d.severity} ${d.code}${d.gateway ? ` (${d.gateway})` : ''}: ${d.message} [${d.provenance}]`);
    if (d.fix.length > 0) lines.push(`  fix: ${d.fixLabel ?? `${d.fix.length} command(s)`}`);
  }
  const s = report.summary;
  lines.push(`${s.tunnels} tunnel${s.tunnels === 1 ? '' : 's'}: ${s.up} up, ${s.partial} partial, ${s.down} down; phase-2 selectors: ${s.phase2Up} up, ${s.phase2Down} down`);
  return terminalLines(lines);
}

export const checkCommand: Subcommand = {
  name: 'check',
  summary: 'negotiate every tunnel: phase 1, each phase-2 selector, causes and fixes',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { json: { type: 'boolean' }, tunnel: { type: 'string' }, initiator: { type: 'string' }, config: { type: 'boolean' } });
    const fail = (message: string) => {
      io.stderr(`${terminalLine(`ipsec-studio check: ${message}`)}\n${USAGE}\n`);
      return EXIT_INVALID;
    };
    const refuse = (message: string) => {
      io.stderr(terminalLine(`ipsec-studio check: ${message}`));
      return EXIT_INVALID;
    };
    if (!parsed.ok) return fail(parsed.message);
    const { positionals, options } = parsed.value;
    let doc: TopologyDocument;
    let file: string;
    if (options.config) {
      if (positionals.length === 0) return fail('--config needs the device configuration files');
      const imported = await importConfigFiles(io, 'check', positionals, false);
      if (!imported.ok) return imported.exit;
      if (!options.json) io.stderr(terminalLines(importSummary(imported.result)));
      doc = imported.result.document;
      file = 'the configurations';
    } else {
      if (positionals.length !== 1) return fail(positionals.length === 0 ? 'a topology file is required' : `one topology file at a time (got ${positionals.length}); device configurations need --config`);
      file = positionals[0] as string;
      const loaded = await loadTopologyFile(io, 'check', file);
      if (!loaded.ok) return loaded.exit;
      doc = loaded.document;
    }
    const tunnelName = options.tunnel as string | undefined;
    if (tunnelName !== undefined) {
      const t = doc.tunnels.find((x) => x.name === tunnelName || x.id === tunnelName);
      if (!t) return refuse(`no tunnel named "${tunnelName}" in ${file} (tunnels: ${doc.tunnels.map((x) => x.name).join(', ') || 'none'})`);
      doc = { ...doc, tunnels: [t] };
    }
    const initiators: Record<string, EndKey> = {};
    const initiatorName = options.initiator as string | undefined;
    if (initiatorName !== undefined) {
      const g = doc.gateways.find((x) => x.name === initiatorName || x.id === initiatorName);
      if (!g) return refuse(`no gateway named "${initiatorName}" in ${file}`);
      for (const t of doc.tunnels) {
        if (t.a.gatewayId === g.id) initiators[t.id] = 'a';
        else if (t.b.gatewayId === g.id) initiators[t.id] = 'b';
      }
      if (Object.keys(initiators).length === 0) return refuse(`gateway "${initiatorName}" ends none of the ${tunnelName !== undefined ? 'selected tunnel' : 'tunnels'}`);
    }
    const report = computeReport(doc, { initiators });
    io.stdout(options.json ? terminalJson(report) : text(report));
    // The verdict the export's pre-check uses too (shared/engine/verdict.ts).
    return designVerdict(report).comesUp ? EXIT_OK : EXIT_FAILED;
  },
};
