// `ipsec-studio export`: writes each gateway's configuration for its vendor (or one chosen
// vendor), to stdout or to files in a folder, with warnings on stderr. Exit 0: written and the
// engine predicts the design comes up; 1: written, but the design would not come up; 2: invalid
// input (arguments, file, gateway, vendor).
import { changeOutputs, importChanges } from '../../export/changes';
import { exportDocument, isDesignFailure, selectGateways } from '../../export/export';
import type { ExportWarning } from '../../vendors/kit/export/types';
import { EXPORT_VENDORS, isExportVendor } from '../../vendors/registry';
import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, type CliIo, type Subcommand } from '../io';
import { loadTopologyFile } from '../load';
import { terminalFile, terminalJson, terminalLine } from '../terminal';

const USAGE = `Usage: ipsec-studio export <file> [--vendor <vendor|auto>] [--gateway <name>]... [-o <dir>] [--include-secrets] [--changes] [--json]

Writes the configuration of each gateway of a topology file.

Options:
  --vendor <v>        auto (default: each gateway's own vendor) or one of:
                      ${EXPORT_VENDORS.join(', ')}
  --gateway <name>    only this gateway (name or id); may be given more than once
  -o, --output <dir>  write one file per gateway (and vendor file) into <dir>; default: stdout
  --include-secrets   write the pre-shared keys; without it they are <PSK:tunnel-name> placeholders
  --changes           for a topology made by ipsec-studio import: each box's corrected
                      configuration as a unified diff (<file>.diff) against what was imported,
                      and what to paste on the box: its CLI commands (<file>.commands.txt), or,
                      for a product configured by a file, the corrected file and the commands
                      that load it (on stderr)
  --json              print { files, warnings } as JSON instead of the configurations

Warnings (what a vendor cannot express, and whether the engine predicts the design comes up) go
to stderr. Exit codes: 0 written, design comes up; 1 written, but the design would not come up;
2 invalid input.`;

function formatWarning(w: ExportWarning): string {
  const where = [w.gateway, w.tunnel ? `tunnel ${w.tunnel}` : undefined, w.file && w.line ? `${w.file}:${w.line}` : w.file].filter(Boolean).join(', ');
  return `warning: ${w.code} (${where}): ${w.message}`;
}

export const exportCommand: Subcommand = {
  name: 'export',
  summary: 'write each gateway\'s vendor configuration (PAN-OS, ScreenOS, SRX, ASA, IOS-XE, strongSwan, Libreswan, FortiGate)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, {
      vendor: { type: 'string' },
      gateway: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o' },
      'include-secrets': { type: 'boolean' },
      changes: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const refuse = (message: string, usage = false) => {
      io.stderr(`${terminalLine(`ipsec-studio export: ${message}`)}${usage ? `\n${USAGE}\n` : ''}`);
      return EXIT_INVALID;
    };
    if (!parsed.ok) return refuse(parsed.message, true);
    const { positionals, options } = parsed.value;
    if (positionals.length !== 1) return refuse(positionals.length === 0 ? 'a topology file is required' : `one topology file at a time (got ${positionals.length})`, true);
    const requested = (options.vendor as string | undefined) ?? 'auto';
    if (requested !== 'auto' && !isExportVendor(requested)) return refuse(`unknown vendor "${requested}"; use auto or one of ${EXPORT_VENDORS.join(', ')}`);
    const vendor = requested;
    const file = positionals[0] as string;
    const loaded = await loadTopologyFile(io, 'export', file);
    if (!loaded.ok) return loaded.exit;
    const doc = loaded.document;
    const wanted = (options.gateway as string[] | undefined) ?? [];
    const selected = selectGateways(doc, wanted);
    if (!selected.ok) return refuse(`no gateway named ${selected.unknown.map((u) => `"${u}"`).join(', ')} in ${file}; gateways: ${doc.gateways.map((g) => g.name).join(', ') || '(none)'}`);
    if (selected.gateways.length === 0) return refuse(`${file} has no gateways to export`);
    const changes = options.changes === true;
    if (changes && vendor !== 'auto') return refuse('--changes compares each box with its own product\'s configuration: leave out --vendor');
    if (changes && !doc.imported) return refuse(`${file} was drawn, not imported: --changes needs a topology written by ipsec-studio import`);
    const exported = exportDocument(doc, { vendor, gateways: wanted, includeSecrets: options['include-secrets'] === true });
    const diffs = changes ? importChanges(doc, { gateways: wanted, includeSecrets: options['include-secrets'] === true }) : undefined;
    const outputs = diffs?.ok ? changeOutputs(diffs.boxes) : undefined;
    const result = outputs ? { ...exported, files: outputs.files } : exported;
    if (diffs?.ok) {
      for (const b of diffs.boxes) {
        io.stderr(terminalLine(`${b.gateway}: ${b.status}`));
        for (const s of outputs?.steps.find((x) => x.gateway === b.gateway)?.steps ?? []) {
          io.stderr(terminalLine(s.kind === 'file' ? `  ${s.file}: put ${s.output} at ${s.enter.join(' ')}, then run: ${s.leave.join('; ')}` : `  ${s.file}: paste ${s.output} at the CLI`));
          for (const n of s.notes) io.stderr(terminalLine(`    note: ${n}`));
        }
      }
    }
    const failed = result.warnings.some(isDesignFailure);
    const out = options.output as string | undefined;
    if (options.json === true) {
      io.stdout(terminalJson({ files: out ? result.files.map((f) => ({ name: f.name })) : result.files, warnings: result.warnings, designComesUp: !failed, ...(outputs ? { paste: outputs.steps } : {}) }));
    }
    if (out) {
      await io.mkdir(out);
      for (const f of result.files) {
        const path = io.joinPath(out, f.name);
        await io.writeFile(path, f.content);
        if (options.json !== true) io.stdout(terminalLine(`wrote ${path}`));
      }
    } else if (options.json !== true) {
      const many = result.files.length > 1;
      result.files.forEach((f, i) => io.stdout(`${many ? `${i > 0 ? '\n' : ''}${terminalLine(`==> ${f.name} <==`)}` : ''}${terminalFile(f.content)}`));
    }
    for (const w of result.warnings) io.stderr(terminalLine(formatWarning(w)));
    if (changes && result.files.length === 0) io.stderr('ipsec-studio export: no box changed since the import\n');
    else if (result.files.length === 0) {
      io.stderr('ipsec-studio export: nothing was written (see the warnings above)\n');
      return EXIT_INVALID;
    }
    if (failed) {
      const design = result.warnings.filter(isDesignFailure);
      const tunnels = new Set(design.flatMap((w) => (w.tunnel !== undefined ? [w.tunnel] : [])));
      const gateways = new Set(design.filter((w) => w.tunnel === undefined).map((w) => w.gateway));
      const what = [
        ...(tunnels.size > 0 ? [`${tunnels.size} tunnel${tunnels.size === 1 ? '' : 's'} would not come up`] : []),
        ...(gateways.size > 0 ? [`${gateways.size} gateway${gateways.size === 1 ? '' : 's'} would fail`] : []),
      ];
      io.stderr(`ipsec-studio export: written, but the engine predicts ${what.join(' and ')} (exit 1)\n`);
    }
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
