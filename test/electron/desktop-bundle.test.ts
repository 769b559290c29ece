// @vitest-environment node
// Builds the main and preload bundles as Electron Forge's Vite plugin does (see forge-build.ts) into
// a temp folder, and checks what a packaged app needs: one self-contained file each, requiring
// only what exists at run time.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLikeForge } from './forge-build';

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
