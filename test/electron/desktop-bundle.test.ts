// @vitest-environment node
// Builds the main and preload bundles exactly as Electron Forge's Vite plugin does (its own config
// functions, our vite.main/preload configs) into a temp folder, and checks what a packaged app
// needs: one self-contained file each, requiring only what exists at run time.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, loadConfigFromFile, mergeConfig, type ConfigEnv, type UserConfig } from 'vite';

const root = new URL('../../', import.meta.url).pathname;
type GetConfig = (env: ConfigEnv, user?: UserConfig) => UserConfig;

const forgeConfig = {
  build: [
    { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' as const },
    { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' as const },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};

async function buildLikeForge(outDir: string): Promise<void> {
  for (const self of forgeConfig.build) {
    const mod = (await import(join(root, 'node_modules/@electron-forge/plugin-vite/dist/config', `vite.${self.target}.config.js`))) as { getConfig: GetConfig };
    const env = { command: 'build', mode: 'production', root, forgeConfig, forgeConfigSelf: self } as unknown as ConfigEnv;
    const user = (await loadConfigFromFile(env, join(root, self.config), root))?.config;
    await build(mergeConfig(mod.getConfig(env, user), { configFile: false, logLevel: 'silent', build: { outDir } }));
  }
}

const requires = (code: string): string[] => [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();

describe('desktop bundles (as Forge builds them)', () => {
  it('main.cjs and preload.cjs are self-contained', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'ipsec-studio-forge-'));
    try {
      await buildLikeForge(out);
      const main = await readFile(join(out, 'main.cjs'), 'utf8');
      const preload = await readFile(join(out, 'preload.cjs'), 'utf8');
      // A sandboxed preload can require nothing but electron.
      expect(requires(preload)).toEqual(['electron']);
      // The packaged app has no node_modules: main may require only electron and Node built-ins.
      const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
      expect(requires(main).filter((r) => !allowed.has(r))).toEqual([]);
      // Forge's build-time constants were substituted.
      expect(main).not.toMatch(/MAIN_WINDOW_VITE_(NAME|DEV_SERVER_URL)/);
      expect(main).toContain('main_window');
      expect(main).toContain('preload.cjs');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
