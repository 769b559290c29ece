// The web build's platform: open through a file input, save with the File System Access API
// where the browser has it (else a download), and keep the recovery copy in IndexedDB.
import type { OpenResult, Platform, RecoveryCopy, SaveResult } from './platform';

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
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
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

    forgetCurrentFile() {
      currentHandle = undefined;
    },

    async writeRecovery(copy: RecoveryCopy) {
      await withStore('readwrite', (s) => s.put(copy, KEY));
    },
    async readRecovery() {
      const v = await withStore<unknown>('readonly', (s) => s.get(KEY));
      if (v && typeof v === 'object' && typeof (v as RecoveryCopy).text === 'string' && typeof (v as RecoveryCopy).savedAt === 'string') return v as RecoveryCopy;
      return undefined;
    },
    async clearRecovery() {
      await withStore('readwrite', (s) => s.delete(KEY));
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
    onOpenPath: () => () => {},
    onCloseRequested: () => () => {},
    answerClose: () => {},
  };
}
