// Asking before closing with unsaved changes. The renderer owns the document, so it owns the
// question: main tells it the window wants to close (window:close-requested), the renderer
// acknowledges at once (window:close-ack) and answers when the person has decided
// (window:close-decision), however long that takes:
//   "discard"          close now, dropping the changes;
//   "save-then-close"  the renderer has saved; main closes once the renderer's window:state
//                      reports the document clean (at once if it already has, else when that
//                      report arrives within SAVE_CONFIRM_MS), so a failed or cancelled save
//                      never loses work;
//   "cancel"           keep the window open.
// A renderer that does not acknowledge within ACK_TIMEOUT_MS, or that Electron reports
// unresponsive while the question is open, is hung: a native dialog asks whether to close anyway.
// "Close Anyway" destroys the window (a hung page cannot run its unload handlers) and keeps the
// recovery copy; "Keep Open" leaves the question open, so a late answer is still honoured.
//
// The page's own beforeunload handler blocks an unload while it has unsaved changes. For a close
// the guard allowed, main overrules it (will-prevent-unload); a block main did not expect means
// the page has changes main was not yet told of, so the question is asked.
export type CloseDecision = 'save-then-close' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  requestDecision: () => void;
  /** BrowserWindow.close(): emits 'close' (which calls onClose) and runs the page's unload handlers. */
  closeWindow: () => void;
  /** BrowserWindow.destroy(): ends the window and its renderer without asking the page. */
  destroyWindow: () => void;
  /** Native "not answering: close anyway?" question; resolves true to close. */
  askCloseUnresponsive: () => Promise<boolean>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** How long a live renderer may take to acknowledge the close request (it does so at once). */
export const ACK_TIMEOUT_MS = 3_000;
/** How long "save-then-close" waits for the renderer to report the document clean. */
export const SAVE_CONFIRM_MS = 5_000;

export class CloseGuard {
  private dirty = false;
  /** The close may go ahead, the page's beforeunload notwithstanding. */
  private allowed = false;
  private question: { acked: boolean; ackTimer: unknown } | null = null;
  private askingUnresponsive = false;
  private closeWhenClean = false;
  private cleanTimer: unknown;
  private finished = false;
  /** True when the window was ended without the renderer's answer (keep the recovery copy). */
  keepRecovery = false;

  constructor(private readonly deps: CloseGuardDeps) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  get isWaiting(): boolean {
    return this.question !== null;
  }

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
    if (!dirty && this.closeWhenClean) {
      this.closeWhenClean = false;
      this.deps.clearTimer(this.cleanTimer);
      this.closeNow();
    }
  }

  /** The window's 'close' handler. */
  onClose(event: { preventDefault(): void }): void {
    if (this.allowed || !this.dirty) return;
    event.preventDefault();
    if (this.question) {
      // Clicked again while the question is open: if the renderer never acknowledged it, it is hung.
      if (!this.question.acked) void this.askUnresponsive();
      return;
    }
    this.ask();
  }

  private ask(): void {
    const question = { acked: false, ackTimer: undefined as unknown };
    this.question = question;
    this.deps.requestDecision();
    question.ackTimer = this.deps.setTimer(() => {
      if (this.question === question && !question.acked) void this.askUnresponsive();
    }, ACK_TIMEOUT_MS);
  }

  /** The renderer received the question (window:close-ack). */
  ack(): boolean {
    if (!this.question || this.question.acked) return false;
    this.question.acked = true;
    this.deps.clearTimer(this.question.ackTimer);
    return true;
  }

  /** BrowserWindow 'unresponsive': only matters while a close question is open. */
  onUnresponsive(): void {
    if (this.question) void this.askUnresponsive();
  }

  /** webContents 'will-prevent-unload': the page's beforeunload handler tries to keep it open. */
  onWillPreventUnload(event: { preventDefault(): void }): void {
    if (this.allowed) {
      event.preventDefault();
      return;
    }
    // The page has changes main did not know of yet: ask, instead of a close that does nothing.
    this.dirty = true;
    if (!this.question) this.ask();
  }

  /**
   * The renderer crashed (and is reloaded): its question dies with it, and the new page starts
   * with no unsaved changes (its predecessor's are in the recovery copy).
   */
  onRendererGone(): void {
    if (this.question) this.deps.clearTimer(this.question.ackTimer);
    this.question = null;
    this.deps.clearTimer(this.cleanTimer);
    this.closeWhenClean = false;
    this.dirty = false;
  }

  /** The renderer's answer; false when there was no question or the answer cannot be honoured. */
  decide(decision: CloseDecision): boolean {
    if (!this.question || this.finished) return false;
    this.deps.clearTimer(this.question.ackTimer);
    this.question = null;
    switch (decision) {
      case 'cancel':
        return true;
      case 'discard':
        this.closeNow();
        return true;
      case 'save-then-close':
        if (!this.dirty) {
          this.closeNow();
          return true;
        }
        // The clean report may still be on its way (it is sent after the save, maybe after this).
        this.closeWhenClean = true;
        this.cleanTimer = this.deps.setTimer(() => {
          this.closeWhenClean = false;
        }, SAVE_CONFIRM_MS);
        return true;
    }
  }

  private async askUnresponsive(): Promise<void> {
    if (this.askingUnresponsive || this.finished) return;
    this.askingUnresponsive = true;
    let closeAnyway: boolean;
    try {
      closeAnyway = await this.deps.askCloseUnresponsive();
    } finally {
      this.askingUnresponsive = false;
    }
    // Answered meanwhile (the renderer was only slow): its answer stands.
    if (!this.question || this.finished) return;
    if (!closeAnyway) return;
    this.deps.clearTimer(this.question.ackTimer);
    this.question = null;
    this.keepRecovery = true;
    this.allowed = true;
    this.finished = true;
    this.deps.destroyWindow();
  }

  private closeNow(): void {
    this.allowed = true;
    this.finished = true;
    this.deps.closeWindow();
  }
}
