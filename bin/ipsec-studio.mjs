#!/usr/bin/env node
// Node entry of the command line: gives the pure CLI (shared/cli) real files and streams.
// In a source checkout it runs the TypeScript through tsx, so it never runs a stale build; an
// installed package without the sources uses the bundle from `npm run build:cli`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'shared', 'cli', 'main.ts');
const built = path.join(root, 'dist', 'cli', 'main.mjs');

async function load() {
  if (existsSync(source)) {
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(pathToFileURL(source).href, import.meta.url);
  }
  return import(pathToFileURL(built).href);
}

// Bytes only: the shared loader decodes them (strict UTF-8), exactly as the desktop app does.
const io = {
  async readFile(p, maxBytes) {
    try {
      const s = await stat(p);
      if (!s.isFile()) return { ok: false, code: 'UNREADABLE', message: `${p} is not a file` };
      if (s.size > maxBytes) return { ok: false, code: 'TOO_LARGE', size: s.size };
      const bytes = await readFile(p);
      // The file may have grown between stat and read.
      if (bytes.byteLength > maxBytes) return { ok: false, code: 'TOO_LARGE', size: bytes.byteLength };
      return { ok: true, bytes };
    } catch (e) {
      return { ok: false, code: 'UNREADABLE', message: e.code === 'ENOENT' ? `${p}: no such file` : `${p}: ${e.message}` };
    }
  },
  writeFile: (p, content) => writeFile(p, content, 'utf8'),
  mkdir: (p) => mkdir(p, { recursive: true }).then(() => undefined),
  joinPath: (...parts) => path.join(...parts),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const { runCli } = await load();
process.exitCode = await runCli(process.argv.slice(2), io);
