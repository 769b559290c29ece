// The engine's Web Worker: keeps a copy of the document and runs every domain computation the
// UI asks for (worker-handler.ts, protocol.ts).
// First, before any module that builds a zod schema (see zod-jitless.ts).
import '../zod-jitless';
import { createWorkerHandler } from './worker-handler';
import type { WorkerResponse } from './protocol';

const scope = self as unknown as Worker;
const handle = createWorkerHandler((r: WorkerResponse) => scope.postMessage(r), () => performance.now());
scope.onmessage = (e: MessageEvent<unknown>) => handle(e.data);
