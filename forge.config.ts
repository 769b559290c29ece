// Electron Forge: `electron-forge start` (dev, with Vite's dev server) and `electron-forge
// package` / `make`. The Vite plugin builds the main process (.vite/build/main.cjs), the
// sandboxed preload (.vite/build/preload.cjs) and the renderer; the fuses plugin flips the
// Electron fuses in the packaged binary. Installers (AppImage, deb, dmg, nsis) are made from the
// packaged app by electron-builder with build/electron-builder.yml (see the README).
import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The renderer entry's name: its files go to .vite/renderer/<name>/ and main.ts loads them from there. */
const RENDERER_NAME = 'main_window';
/** Where vite.renderer.config.ts writes the web build (it serves the browser version too). */
const WEB_BUILD_DIR = path.join(here, 'dist', 'web');

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

const config: ForgeConfig = {
  packagerConfig: {
    name: 'IPsec Studio',
    executableName: 'ipsec-studio-desktop',
    appBundleId: 'dev.ipsec-studio.desktop',
    appCategoryType: 'public.app-category.developer-tools',
    // Per platform: icon.icns (macOS), icon.ico (Windows), icon.png (Linux).
    icon: path.join(here, 'build', 'icons', 'icon'),
    // Required by the OnlyLoadAppFromAsar and EnableEmbeddedAsarIntegrityValidation fuses.
    asar: true,
  },
  rebuildConfig: {},
  // `electron-forge make` gives a zip of the packaged app; the installers (AppImage, deb, dmg,
  // nsis) come from electron-builder, so one tool owns installer metadata.
  makers: [
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: RENDERER_NAME, config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      // No `ELECTRON_RUN_AS_NODE`: the app binary cannot be used as a plain Node.
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer is served from app://studio (electron/app-protocol.ts), never from file://,
      // so file:// pages get no privileges beyond a browser's.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
  hooks: {
    // The renderer config builds to dist/web (it is also the web build). The packaged app only
    // carries .vite/, so copy the renderer to where main.ts serves it from, unless the renderer
    // build already put it there.
    packageAfterCopy: async (_forgeConfig, buildPath) => {
      const target = path.join(buildPath, '.vite', 'renderer', RENDERER_NAME);
      if (await exists(path.join(target, 'index.html'))) return;
      if (!(await exists(path.join(WEB_BUILD_DIR, 'index.html')))) {
        throw new Error(`The renderer build is missing: neither ${target} nor ${WEB_BUILD_DIR} has an index.html.`);
      }
      await cp(WEB_BUILD_DIR, target, { recursive: true });
    },
  },
};

export default config;
