// Reading the topology file named on the command line, for every subcommand alike: bytes read
// up to the size limit, decoded and validated by the loader the desktop uses.
import type { TopologyDocument } from '../model/document';
import { describeErrors, fileTooLarge, MAX_FILE_BYTES } from '../model/file';
import { loadDocumentBytes } from '../document/file';
import { EXIT_INVALID, type CliIo } from './io';
import { terminalLine, terminalLines } from './terminal';

export type CliLoad = { ok: true; document: TopologyDocument } | { ok: false; exit: number };

export async function loadTopologyFile(io: CliIo, command: string, file: string): Promise<CliLoad> {
  const read = await io.readFile(file, MAX_FILE_BYTES);
  if (!read.ok && read.code === 'UNREADABLE') {
    io.stderr(terminalLine(`ipsec-studio ${command}: ${read.message}`));
    return { ok: false, exit: EXIT_INVALID };
  }
  const loaded = read.ok ? loadDocumentBytes(read.bytes) : fileTooLarge(read.size);
  if (!loaded.ok) {
    io.stderr(terminalLines([`ipsec-studio ${command}: ${file}: ${loaded.summary}`, ...describeErrors(loaded.errors).split('\n')]));
    return { ok: false, exit: EXIT_INVALID };
  }
  return { ok: true, document: loaded.document };
}
