// The main process bundle, built by Electron Forge's Vite plugin (forge.config.ts), which adds
// the entry (electron/main.ts), CommonJS output as .vite/build/main.cjs, and keeps `electron`
// and Node built-ins external. Everything else (zod, jszip, shared/) is bundled in: the packaged
// app carries no node_modules.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'node22',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
