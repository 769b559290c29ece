// The preload bundle (electron/preload.ts → .vite/build/preload.cjs), built by Electron Forge's
// Vite plugin. A sandboxed preload can `require` nothing but `electron`, so the plugin emits one
// self-contained CommonJS file with the contract's channel lists bundled in.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'chrome140',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
