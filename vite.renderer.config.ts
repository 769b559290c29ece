// The renderer's build: the web build (dist/web, served by `npm start` where no Electron runtime
// exists and by the end-to-end tests) and, through Electron Forge's Vite plugin, the desktop
// renderer. The output runs under the strict CSP in renderer/index.html: no inline scripts, no
// eval, workers from 'self' only; so no inline-script plugins and relative asset paths.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The dev server injects an inline React Refresh preamble and talks to its HMR socket, which the
 * production CSP forbids. In `vite serve` only, widen the policy for exactly those two things;
 * builds keep the strict one from index.html untouched.
 */
function devCsp(): Plugin {
  return {
    name: 'ipsec-studio-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://127.0.0.1:* http://localhost:*");
    },
  };
}

export default defineConfig({
  root: path.join(here, 'renderer'),
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
