// What the UI needs from where it runs: the desktop app (Electron preload API) or a browser.
// The app talks only to this interface; each adapter maps it onto its platform's file access.
import type { EventPayload, IpsecStudioApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload script). */
    ipsecStudio?: IpsecStudioApi;
  }
}

export type MenuCommand = EventPayload<'menu:command'>['command'];

export type OpenResult =
  | { status: 'opened'; name: string; text: string; byteLength: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export type SaveResult = { status: 'saved'; name: string } | { status: 'cancelled' } | { status: 'error'; message: string };

export interface RecoveryCopy {
  text: string;
  savedAt: string;
  name?: string;
}

export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** For shortcut labels: "⌘" on macOS, "Ctrl" elsewhere. */
  readonly modKey: string;
  /** Ask the user for a file (or open `path` directly on the desktop). */
  openFile(path?: string): Promise<OpenResult>;
  /** Save to the current file, or ask where when `saveAs` or when there is none yet. */
  saveFile(text: string, options: { saveAs: boolean; suggestedName: string }): Promise<SaveResult>;
  /** Forget the current file (New, or a template): the next save asks where. */
  forgetCurrentFile(): void;
  writeRecovery(copy: RecoveryCopy): Promise<void>;
  readRecovery(): Promise<RecoveryCopy | undefined>;
  clearRecovery(): Promise<void>;
  saveImage(format: 'png' | 'svg', data: Blob, suggestedName: string): Promise<SaveResult>;
  setWindowState(title: string, dirty: boolean): void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenPath(listener: (path: string) => void): () => void;
  /** The desktop asks before closing a dirty window; the browser uses beforeunload. */
  onCloseRequested(listener: () => void): () => void;
  answerClose(decision: 'save-then-close' | 'discard' | 'cancel'): void;
}
