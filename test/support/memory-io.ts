// A CliIo over an in-memory file map, capturing what the command line prints.
import type { CliIo } from '../../shared/cli/io';

/** Files are text (written as UTF-8) or raw bytes. */
export function memoryIo(files: Record<string, string | Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (p, maxBytes) => {
      const f = files[p];
      if (f === undefined) return { ok: false, code: 'UNREADABLE', message: `${p}: no such file` };
      const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return bytes.byteLength > maxBytes ? { ok: false, code: 'TOO_LARGE', size: bytes.byteLength } : { ok: true, bytes };
    },
    writeFile: async () => undefined,
    mkdir: async () => undefined,
    joinPath: (...parts) => parts.join('/'),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
