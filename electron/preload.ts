// The preload script (sandboxed, context-isolated): exposes `window.ipsecStudio`, typed by
// IpsecStudioApi and limited to the contract's channels. The page never sees ipcRenderer itself,
// and listeners receive the payload only (never the IPC event, which would leak `sender`).
//
// File drops. Trust boundary: the page (its JavaScript world) is untrusted; this script's
// isolated world is trusted, because the page can neither reach its objects (context isolation)
// nor send on the channel it uses (DROP_CHANNEL is not part of the exposed API). A drop grants a
// file only when all of these hold:
//   - the `drop` event is trusted (`isTrusted`: made by the browser for a real drag of the user,
//     never by the page's dispatchEvent, whatever the page's script does),
//   - it is seen here, in a capture-phase listener registered before any page script runs,
//   - `webUtils.getPathForFile` names a file on disk for it (a File the page built in memory has
//     no path: "" is skipped).
// Only then are the paths sent to main, which checks the sender as for every channel and hands
// the first file back to the page as an opaque token (never a path the page could send back).
// Navigating on a drop is off (navigateOnDragDrop: false), so a drop never becomes a navigation.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, isInvokeChannel, type EventChannel, type EventPayload, type IpsecStudioApi } from '../shared/ipc/contract';
import { DROP_CHANNEL, MAX_DROPPED_FILES } from './drop-channel';

const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNELS);

export const api: IpsecStudioApi = {
  invoke(channel, request) {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
    if (!eventChannels.has(channel)) throw new Error(`unknown event channel: ${String(channel)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<C>): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('ipsecStudio', api);

// The few DOM types used here (electron/ compiles without the DOM library, as main does).
interface DataTransferLike {
  readonly types: ArrayLike<string>;
  readonly files: ArrayLike<unknown>;
  dropEffect: string;
}
export interface DragEventLike {
  readonly isTrusted: boolean;
  readonly dataTransfer: DataTransferLike | null;
  preventDefault(): void;
}
type PathOf = (file: unknown) => string;
const windowTarget = globalThis as unknown as { addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void, capture: boolean): void };

function carriesFiles(event: DragEventLike): boolean {
  return !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
}

/** Paths of the files of a trusted drop; empty for anything else. Exported for tests. */
export function droppedPaths(event: DragEventLike, pathOf: PathOf = (f) => webUtils.getPathForFile(f as Parameters<typeof webUtils.getPathForFile>[0])): string[] {
  if (event.isTrusted !== true || !event.dataTransfer) return [];
  const paths: string[] = [];
  for (const file of Array.from(event.dataTransfer.files).slice(0, MAX_DROPPED_FILES)) {
    let path: unknown;
    try {
      path = pathOf(file);
    } catch {
      continue; // not a File (getPathForFile throws)
    }
    if (typeof path === 'string' && path) paths.push(path);
  }
  return paths;
}

/** The capture-phase listeners, installed before any page script runs. Exported for tests. */
export function installDropListeners(target: typeof windowTarget, send: (paths: string[]) => void, pathOf?: PathOf): void {
  // A drop only fires where dragover was cancelled; accept file drags anywhere in the window.
  target.addEventListener(
    'dragover',
    (event) => {
      if (event.isTrusted === true && carriesFiles(event)) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      }
    },
    true,
  );
  target.addEventListener(
    'drop',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const paths = droppedPaths(event, pathOf);
      if (paths.length > 0) send(paths);
    },
    true,
  );
}

// (A sandboxed preload always has a window; the check is for unit tests running it under Node.)
if (typeof windowTarget.addEventListener === 'function') installDropListeners(windowTarget, (paths) => ipcRenderer.send(DROP_CHANNEL, { paths }));
