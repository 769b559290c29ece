// Builds the main and preload bundles exactly as Electron Forge's Vite plugin does: its own config
// functions (vite.main/preload.config.js from @electron-forge/plugin-vite), our vite.main.config.ts
// and vite.preload.config.ts, and the same entries as forge.config.ts. Used by the bundle test and
// by the Playwright _electron specs (which then launch the result).
import { join } from 'node:path';
import { build, loadConfigFromFile, mergeConfig, type ConfigEnv, type UserConfig } from 'vite';

export const projectRoot = new URL('../../', import.meta.url).pathname;
type GetConfig = (env: ConfigEnv, user?: UserConfig) => UserConfig;

export const FORGE_VITE_CONFIG = {
  build: [
    { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' as const },
    { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' as const },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};

export async function buildLikeForge(outDir: string): Promise<void> {
  for (const self of FORGE_VITE_CONFIG.build) {
    const mod = (await import(join(projectRoot, 'node_modules/@electron-forge/plugin-vite/dist/config', `vite.${self.target}.config.js`))) as { getConfig: GetConfig };
    const env = { command: 'build', mode: 'production', root: projectRoot, forgeConfig: FORGE_VITE_CONFIG, forgeConfigSelf: self } as unknown as ConfigEnv;
    const user = (await loadConfigFromFile(env, join(projectRoot, self.config), projectRoot))?.config;
    await build(mergeConfig(mod.getConfig(env, user), { configFile: false, logLevel: 'silent', build: { outDir } }));
  }
}
