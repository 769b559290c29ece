// The preload script (sandboxed, context-isolated): exposes `window.ipsecStudio`, typed by
// IpsecStudioApi and limited to the contract's channels. The page never sees ipcRenderer itself,
// and listeners receive the payload only (never the IPC event, which would leak `sender`).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, isInvokeChannel, type EventChannel, type EventPayload, type IpsecStudioApi } from '../shared/ipc/contract';

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
