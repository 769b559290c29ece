// Reading device configurations named on the command line (for `import` and `check --config`):
// each file read up to the import limit, decoded as UTF-8, then imported as one topology
// (shared/import/import.ts). A file given as `vendor:path` is read as that product's.
import { importConfigurations, MAX_CONFIG_CHARS, type ConfigFile, type ImportResult } from '../import/import';
import type { Vendor } from '../model/document';
import { decodeUtf8 } from '../model/utf8';
import { isVendorId, VENDOR_MODULES } from '../vendors/registry';
import { EXIT_INVALID, type CliIo } from './io';
import { terminalLine, terminalLines } from './terminal';

export type ConfigLoad = { ok: true; result: Extract<ImportResult, { ok: true }> } | { ok: false; exit: number };

export async function importConfigFiles(io: CliIo, command: string, paths: readonly string[], includeSecrets: boolean): Promise<ConfigLoad> {
  const files: ConfigFile[] = [];
  for (const arg of paths) {
    const colon = arg.indexOf(':');
    const prefix = colon > 0 ? arg.slice(0, colon) : '';
    const vendor = isVendorId(prefix) ? (prefix as Vendor) : undefined;
    const path = vendor ? arg.slice(colon + 1) : arg;
    const read = await io.readFile(path, MAX_CONFIG_CHARS);
    if (!read.ok) {
      io.stderr(terminalLine(`ipsec-studio ${command}: ${read.code === 'TOO_LARGE' ? `${path} is ${Math.round(read.size / 1048576)} MB, more than any device configuration (limit ${MAX_CONFIG_CHARS / 1048576} MB)` : read.message}`));
      return { ok: false, exit: EXIT_INVALID };
    }
    const text = decodeUtf8(read.bytes);
    if (!text.ok) {
      io.stderr(terminalLine(`ipsec-studio ${command}: ${path} is not UTF-8 text (byte ${text.offset}): save the running configuration as text and try again`));
      return { ok: false, exit: EXIT_INVALID };
    }
    files.push({ name: path, content: text.text, ...(vendor ? { vendor } : {}) });
  }
  const result = importConfigurations(files, { includeSecrets });
  if (!result.ok) {
    io.stderr(terminalLines([`ipsec-studio ${command}: nothing was imported: ${result.message}`, `(products read: ${VENDOR_MODULES.filter((m) => 'reader' in m && m.reader).map((m) => m.id).join(', ')}; write vendor:path to choose one)`]));
    return { ok: false, exit: EXIT_INVALID };
  }
  return { ok: true, result };
}

/** What became of each file's lines and peers, and of each peer, as text. */
export function importSummary(result: Extract<ImportResult, { ok: true }>): string[] {
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(`${f.name}: ${f.label}, ${f.peers} peer${f.peers === 1 ? '' : 's'}; lines ${f.lines.used} used, ${f.lines.ignored} ignored (not about VPNs), ${f.lines.unknown.length} not understood`);
    for (const u of f.lines.unknown) lines.push(`  line ${u.line} not understood: ${u.text}`);
  }
  for (const p of result.peers) lines.push(p.pairedWith ? `tunnel ${p.tunnel}: ${p.device} paired with ${p.pairedWith} by ${p.by}` : `tunnel ${p.tunnel}: ${p.device}'s peer ${p.peer} was not given; ${p.external} stands for it (check its settings)`);
  return lines;
}
