// Builds the command line (shared/cli) into one ES module for Node: dist/cli/main.mjs, which
// bin/ipsec-studio.mjs loads when present.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node22',
    ssr: 'shared/cli/main.ts',
    rollupOptions: { output: { entryFileNames: 'main.mjs', format: 'es' } },
    minify: false,
    sourcemap: true,
  },
  ssr: { noExternal: true },
});
