// The desktop platform: everything goes through the preload's typed API (window.ipsecStudio),
// whose channels and payloads are defined once in shared/ipc/contract.ts.
import type { IpsecStudioApi } from '../../shared/ipc/contract';
import type { OpenResult, Platform, SaveResult } from './platform';

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createElectronPlatform(api: IpsecStudioApi): Platform {
  let currentPath: string | undefined;
  return {
    kind: 'desktop',
    modKey: api.platform === 'darwin' ? '⌘' : 'Ctrl',

    async openFile(path?: string): Promise<OpenResult> {
      const r = await api.invoke('file:open', path ? { path } : {});
      if (r.status !== 'opened') return r;
      currentPath = r.path;
      return { status: 'opened', name: basename(r.path), text: r.text, byteLength: new TextEncoder().encode(r.text).length };
    },
    async saveFile(text, { saveAs, suggestedName }): Promise<SaveResult> {
      const r = await api.invoke('file:save', saveAs || !currentPath ? { text, suggestedName } : { path: currentPath, text });
      if (r.status !== 'saved') return r;
      currentPath = r.path;
      return { status: 'saved', name: basename(r.path) };
    },
    forgetCurrentFile() {
      currentPath = undefined;
    },
    async writeRecovery(copy) {
      await api.invoke('recovery:write', currentPath ? { text: copy.text, path: currentPath } : { text: copy.text });
    },
    async readRecovery() {
      const r = await api.invoke('recovery:read', {});
      if (r.status === 'none') return undefined;
      return r.path ? { text: r.text, savedAt: r.savedAt, name: basename(r.path) } : { text: r.text, savedAt: r.savedAt };
    },
    async clearRecovery() {
      await api.invoke('recovery:clear', {});
    },
    async saveImage(format, data, suggestedName): Promise<SaveResult> {
      const payload = format === 'png' ? await blobToBase64(data) : await data.text();
      const r = await api.invoke('image:save', { format, data: payload, suggestedName });
      return r.status === 'saved' ? { status: 'saved', name: basename(r.path) } : r;
    },
    setWindowState(title, dirty) {
      void api.invoke('window:state', { title, dirty });
    },
    onMenuCommand: (listener) => api.on('menu:command', (p) => listener(p.command)),
    onOpenPath: (listener) => api.on('file:open-path', (p) => listener(p.path)),
    onCloseRequested: (listener) => api.on('window:close-requested', () => listener()),
    answerClose(decision) {
      void api.invoke('window:close-decision', { decision });
    },
  };
}
