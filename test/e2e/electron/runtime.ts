// Where the Electron runtime is, found the way the `electron` package finds it (path.txt and
// dist/, or ELECTRON_OVERRIDE_DIST_PATH) but without its side effect of starting a download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronRuntime = { ok: true; executable: string } | { ok: false; reason: string };

export function findElectronRuntime(): ElectronRuntime {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (npm ci)' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `no Electron binary was downloaded into ${path.join(pkgDir, 'dist')} (npx install-electron needs internet access)` };
  const executable = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? { ok: true, executable } : { ok: false, reason: `${executable} does not exist` };
}
