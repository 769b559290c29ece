// The web build's platform: open through a file input, save with the File System Access API
// where the browser has it (else a download), and keep the recovery copies in IndexedDB: one per
// page load (session), kept until the person restores or discards it, never with a pre-shared key.
import type { OpenResult, Platform, RecoveryOffer, SaveResult } from './platform';
import { PSK_NOTICE, withoutPreSharedKeys } from './recovery-secrets';

interface WritableLike {
  write(data: Blob | string): Promise<void>;
  close(): Promise<void>;
}
interface FileHandleLike {
  name: string;
  createWritable(): Promise<WritableLike>;
}
type SavePicker = (options: { suggestedName?: string; types?: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileHandleLike>;

const DB_NAME = 'ipsec-studio';
const STORE = 'recovery';

/** One stored copy (its key is its session's id). */
interface StoredCopy {
  text: string;
  savedAt: string;
  name?: string;
  /** Pre-shared keys were taken out of `text`. */
  pskRemoved?: boolean;
}

function isStoredCopy(v: unknown): v is StoredCopy {
  return !!v && typeof v === 'object' && typeof (v as StoredCopy).text === 'string' && typeof (v as StoredCopy).savedAt === 'string';
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      // A full quota aborts the transaction rather than failing the request.
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Starts a browser download of `blob` as `name` (the export panel uses it too). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(undefined);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

export function createBrowserPlatform(): Platform {
  let currentHandle: FileHandleLike | undefined;
  /** This page's recovery copy key; copies under other keys are earlier sessions' (or other tabs'). */
  const session = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s-${Date.now()}-${Math.random().toString(16).slice(2)}`;
  const savePicker = (): SavePicker | undefined => (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;

  async function writeWithPicker(picker: SavePicker, data: Blob, suggestedName: string, description: string, accept: Record<string, string[]>): Promise<{ handle: FileHandleLike } | SaveResult> {
    let handle: FileHandleLike;
    try {
      handle = await picker({ suggestedName, types: [{ description, accept }] });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return { status: 'cancelled' };
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    const w = await handle.createWritable();
    await w.write(data);
    await w.close();
    return { handle };
  }

  return {
    kind: 'browser',
    modKey: /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl',

    async openFile(): Promise<OpenResult> {
      const file = await pickFile('.json,.ipsec.json,application/json');
      if (!file) return { status: 'cancelled' };
      // Refuse huge files before reading them: the caller's size check only needs the length.
      if (file.size > 20 * 1024 * 1024) return { status: 'opened', name: file.name, text: '', byteLength: file.size };
      try {
        return { status: 'opened', name: file.name, text: await file.text(), byteLength: file.size };
      } catch (e) {
        return { status: 'error', message: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}` };
      }
    },

    async saveFile(text, { saveAs, suggestedName }): Promise<SaveResult> {
      const blob = new Blob([text], { type: 'application/json' });
      try {
        if (currentHandle && !saveAs) {
          const w = await currentHandle.createWritable();
          await w.write(blob);
          await w.close();
          return { status: 'saved', name: currentHandle.name };
        }
        const picker = savePicker();
        if (picker) {
          const r = await writeWithPicker(picker, blob, suggestedName, 'IPsec Studio topology', { 'application/json': ['.json'] });
          if (!('handle' in r)) return r;
          currentHandle = r.handle;
          return { status: 'saved', name: r.handle.name };
        }
      } catch (e) {
        return { status: 'error', message: `Could not save: ${e instanceof Error ? e.message : String(e)}` };
      }
      download(blob, suggestedName);
      return { status: 'saved', name: suggestedName };
    },

    async forgetCurrentFile() {
      currentHandle = undefined;
    },

    async writeRecovery(copy) {
      const { text, removed } = withoutPreSharedKeys(copy.text);
      const stored: StoredCopy = { text, savedAt: new Date().toISOString(), ...(copy.name ? { name: copy.name } : {}), ...(removed ? { pskRemoved: true } : {}) };
      try {
        await withStore('readwrite', (s) => s.put(stored, session));
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `The browser did not keep the recovery copy (${e instanceof Error ? e.message : String(e)}). Your changes are only in this tab: save them.` };
      }
    },
    async listRecovery() {
      const keys = (await withStore<IDBValidKey[]>('readonly', (s) => s.getAllKeys())) ?? [];
      const offers: RecoveryOffer[] = [];
      for (const key of keys) {
        if (key === session || typeof key !== 'string') continue;
        const v = await withStore<unknown>('readonly', (s) => s.get(key));
        if (isStoredCopy(v)) offers.push({ id: key, savedAt: v.savedAt, ...(v.name ? { name: v.name } : {}) });
      }
      return offers.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    async restoreRecovery(id) {
      if (id === session) return undefined;
      const v = await withStore<unknown>('readonly', (s) => s.get(id));
      if (!isStoredCopy(v)) return undefined;
      // Taken over as this session's copy first, then the old one goes: a crash now loses nothing.
      await withStore('readwrite', (s) => {
        s.put(v, session);
        return s.delete(id);
      });
      return { text: v.text, savedAt: v.savedAt, ...(v.name ? { name: v.name } : {}), ...(v.pskRemoved ? { notice: PSK_NOTICE } : {}) };
    },
    async discardRecovery(id) {
      if (id !== session) await withStore('readwrite', (s) => s.delete(id));
    },
    async clearRecovery() {
      await withStore('readwrite', (s) => s.delete(session));
    },

    async saveImage(format, data, suggestedName): Promise<SaveResult> {
      const picker = savePicker();
      if (picker) {
        try {
          const r = await writeWithPicker(picker, data, suggestedName, format.toUpperCase(), { [format === 'png' ? 'image/png' : 'image/svg+xml']: [`.${format}`] });
          return 'handle' in r ? { status: 'saved', name: r.handle.name } : r;
        } catch (e) {
          return { status: 'error', message: e instanceof Error ? e.message : String(e) };
        }
      }
      download(data, suggestedName);
      return { status: 'saved', name: suggestedName };
    },

    setWindowState(title, dirty) {
      document.title = `${dirty ? '• ' : ''}${title} — IPsec Studio`;
    },
    onMenuCommand: () => () => {},
    onOpenOffered: () => () => {},
    onCloseRequested: () => () => {},
    answerClose: () => {},
  };
}
