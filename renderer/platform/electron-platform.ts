// The desktop platform: everything goes through the preload's typed API (window.ipsecStudio),
// whose channels and payloads are defined once in shared/ipc/contract.ts. No path ever passes
// here: main keeps the current document's file and hands over others as tokens.
import type { IpsecStudioApi } from '../../shared/ipc/contract';
import type { OpenResult, Platform, SaveResult } from './platform';

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An IPC call that was refused or failed, as a message a person can read. */
function failure(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  // Electron prefixes a rejected invoke with "Error invoking remote method '<channel>': ".
  return detail.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
}

export function createElectronPlatform(api: IpsecStudioApi): Platform {
  return {
    kind: 'desktop',
    modKey: api.platform === 'darwin' ? '⌘' : 'Ctrl',

    async openFile(offer): Promise<OpenResult> {
      try {
        const r = await api.invoke('file:open', offer ? { token: offer.token } : {});
        if (r.status !== 'opened') return r;
        return { status: 'opened', name: r.name, text: r.text, byteLength: new TextEncoder().encode(r.text).length };
      } catch (e) {
        return { status: 'error', message: `The file was not opened: ${failure(e)}` };
      }
    },
    async saveFile(text, { saveAs, suggestedName }): Promise<SaveResult> {
      try {
        return await api.invoke('file:save', { text, saveAs, suggestedName });
      } catch (e) {
        return { status: 'error', message: `The document was not saved: ${failure(e)}` };
      }
    },
    async forgetCurrentFile() {
      await api.invoke('file:forget', {});
    },
    async writeRecovery(copy) {
      try {
        return await api.invoke('recovery:write', { text: copy.text });
      } catch (e) {
        return { ok: false, message: `The recovery copy was not written: ${failure(e)}` };
      }
    },
    async listRecovery() {
      return (await api.invoke('recovery:list', {})).copies;
    },
    async restoreRecovery(id) {
      const r = await api.invoke('recovery:restore', { id });
      if (r.status === 'none') return undefined;
      return { text: r.text, savedAt: r.savedAt, ...(r.name ? { name: r.name } : {}) };
    },
    async discardRecovery(id) {
      await api.invoke('recovery:discard', { id });
    },
    async clearRecovery() {
      await api.invoke('recovery:clear', {});
    },
    async saveImage(format, data, suggestedName): Promise<SaveResult> {
      try {
        const payload = format === 'png' ? await blobToBase64(data) : await data.text();
        return await api.invoke('image:save', { format, data: payload, suggestedName });
      } catch (e) {
        return { status: 'error', message: `The image was not saved: ${failure(e)}` };
      }
    },
    setWindowState(title, dirty) {
      void api.invoke('window:state', { title, dirty }).catch(() => undefined);
    },
    onMenuCommand: (listener) => api.on('menu:command', (p) => listener(p.command)),
    onOpenOffered: (listener) => api.on('file:open-offered', (p) => listener({ token: p.token, name: p.name })),
    onCloseRequested: (listener) =>
      api.on('window:close-requested', () => {
        // At once, before the question is even shown: main knows the page is alive and waits
        // for the person's answer however long it takes.
        void api.invoke('window:close-ack', {}).catch(() => undefined);
        listener();
      }),
    answerClose(decision) {
      void api.invoke('window:close-decision', { decision }).catch(() => undefined);
    },
  };
}
