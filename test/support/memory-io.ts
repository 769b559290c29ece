// A CliIo over an in-memory file map, capturing what the command line prints.
import type { CliIo } from '../../shared/cli/io';

export function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (p) => (p in files ? { ok: true, text: files[p] as string, bytes: (files[p] as string).length } : { ok: false, message: `${p}: no such file` }),
    writeFile: async () => undefined,
    mkdir: async () => undefined,
    joinPath: (...parts) => parts.join('/'),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
