// Entry point of the main process (Forge's Vite plugin builds it to .vite/build/main.cjs). The
// wiring lives in bootstrap.ts so tests can run it against the mock in test/mocks/electron.ts.
import { app } from 'electron';
import { bootstrap } from './bootstrap';

bootstrap().catch((error: unknown) => {
  console.error(`[ipsec-studio] could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
