// What the UI needs from where it runs: the desktop app (Electron preload API) or a browser.
// The app talks only to this interface; each adapter maps it onto its platform's file access.
// The page never handles a file's path: on the desktop, main keeps it (see shared/ipc/contract.ts).
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

/** A file the user handed over outside a dialog (a drop, Open Recent, the OS), to open once. */
export interface OpenOffer {
  token: string;
  name: string;
}

/** An autosaved copy an earlier session left, as offered at start. */
export interface RecoveryOffer {
  id: string;
  savedAt: string;
  name?: string;
}

export interface RecoveredCopy {
  text: string;
  savedAt: string;
  name?: string;
  /** Something the person must know about the copy (what it does not hold). */
  notice?: string;
}

export type RecoveryWriteResult = { ok: true } | { ok: false; message: string };

export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** For shortcut labels: "⌘" on macOS, "Ctrl" elsewhere. */
  readonly modKey: string;
  /** Ask the user for a file, or open a file the user handed over (`offer`, desktop only). */
  openFile(offer?: OpenOffer): Promise<OpenResult>;
  /** Save to the current file, or ask where when `saveAs` or when there is none yet. */
  saveFile(text: string, options: { saveAs: boolean; suggestedName: string }): Promise<SaveResult>;
  /** Forget the current file (New, or a template): the next save asks where. */
  forgetCurrentFile(): Promise<void>;
  /** Autosave this session's recovery copy; `name` is for display (the desktop uses its own). */
  writeRecovery(copy: { text: string; name?: string }): Promise<RecoveryWriteResult>;
  /** The copies earlier sessions left, newest first. */
  listRecovery(): Promise<RecoveryOffer[]>;
  /** Takes an earlier copy over as this session's own and returns it. */
  restoreRecovery(id: string): Promise<RecoveredCopy | undefined>;
  /** Deletes an earlier copy the user chose not to restore. */
  discardRecovery(id: string): Promise<void>;
  /** Deletes this session's own copy. */
  clearRecovery(): Promise<void>;
  saveImage(format: 'png' | 'svg', data: Blob, suggestedName: string): Promise<SaveResult>;
  setWindowState(title: string, dirty: boolean): void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenOffered(listener: (offer: OpenOffer) => void): () => void;
  /** The desktop asks before closing a dirty window; the browser uses beforeunload. */
  onCloseRequested(listener: () => void): () => void;
  answerClose(decision: 'save-then-close' | 'discard' | 'cancel'): void;
}
