// @vitest-environment node
// The packaging configuration cannot run here (no Electron runtime), so check what can be checked:
// electron-builder's own schema validation of build/electron-builder.yml, the icons it names,
// and the fuse settings in both packaging paths.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import forgeConfig from '../../forge.config';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;

async function builderConfig(): Promise<Record<string, unknown>> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(await readFile(join(root, 'build/electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's configuration validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, debugLogger: unknown): Promise<void> };
    const debugLogger = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(await builderConfig(), debugLogger)).resolves.toBeUndefined();
    // The validator does reject a wrong configuration (so the pass above means something).
    const base = await builderConfig();
    for (const wrong of [{ ...base, linux: { ...(base.linux as object), notAnOption: true } }, { ...base, asar: 'yes' }, { ...base, electronFuses: { runAsNode: 'no' } }]) {
      await expect(validateConfiguration(wrong, debugLogger)).rejects.toThrow(/Invalid configuration object/);
    }
  });

  it('names installer targets for every platform and icons that exist', async () => {
    const config = (await builderConfig()) as { linux: { target: string[]; icon: string }; mac: { target: string[]; icon: string }; win: { target: string[]; icon: string } };
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    for (const icon of [config.mac.icon, config.win.icon, 'build/icons/icon.png', 'build/icons/512x512.png', 'build/icons/256x256.png']) {
      expect((await stat(join(root, icon))).size, icon).toBeGreaterThan(1000);
    }
    const icns = await readFile(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('sets the same fuses as forge.config.ts', async () => {
    const fuses = (await builderConfig()).electronFuses;
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The app is served from app://studio (electron/app-protocol.ts), never file://, so
      // file:// pages need none of the extra privileges (fetch of other file:// URLs, service
      // workers, universal access across file:// frames).
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('forge.config.ts', () => {
  it('uses the Vite plugin for main, preload and renderer, and the fuses plugin with the fuses set', () => {
    const plugins = (forgeConfig.plugins ?? []) as unknown as { name: string; config?: unknown; fusesConfig?: Record<number, boolean> }[];
    const vite = plugins.find((p) => p.name === 'vite');
    expect(vite?.config).toMatchObject({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    });
    const fuses = plugins.find((p) => p.name === 'fuses')?.fusesConfig;
    expect(fuses?.[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses?.[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses?.[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses?.[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses?.[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses?.[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses?.[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(forgeConfig.packagerConfig?.asar).toBe(true);
  });

  it('names the executable as electron-builder expects it in a prepackaged app', async () => {
    expect(forgeConfig.packagerConfig?.executableName).toBe((await builderConfig()).executableName);
  });
});

describe('forge.config.ts packageAfterCopy hook', () => {
  type Hook = (config: unknown, buildPath: string, electronVersion: string, platform: string, arch: string) => Promise<void>;
  const hook = forgeConfig.hooks?.packageAfterCopy as unknown as Hook;

  it('leaves a renderer the Vite plugin already placed', async () => {
    const buildPath = await mkdtemp(join(tmpdir(), 'ipsec-studio-pkg-'));
    try {
      const target = join(buildPath, '.vite', 'renderer', 'main_window');
      await mkdir(target, { recursive: true });
      await writeFile(join(target, 'index.html'), 'placed by vite');
      await hook(forgeConfig, buildPath, '45.4.1', 'linux', 'x64');
      expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('placed by vite');
    } finally {
      await rm(buildPath, { recursive: true, force: true });
    }
  });

  it('copies the web build into the package, or says clearly that it is missing', async () => {
    const buildPath = await mkdtemp(join(tmpdir(), 'ipsec-studio-pkg-'));
    try {
      const webIndex = join(root, 'dist', 'web', 'index.html');
      const haveWebBuild = await stat(webIndex).then(() => true, () => false);
      if (haveWebBuild) {
        await hook(forgeConfig, buildPath, '45.4.1', 'linux', 'x64');
        expect(await readFile(join(buildPath, '.vite', 'renderer', 'main_window', 'index.html'), 'utf8')).toBe(await readFile(webIndex, 'utf8'));
      } else {
        await expect(hook(forgeConfig, buildPath, '45.4.1', 'linux', 'x64')).rejects.toThrow(/The renderer build is missing/);
      }
    } finally {
      await rm(buildPath, { recursive: true, force: true });
    }
  });
});
