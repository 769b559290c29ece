// Asking before closing with unsaved changes. The renderer owns the document, so it owns the
// question: main tells it the window wants to close (window:close-requested) and waits for its
// answer (window:close-decision):
//   "discard"          close now, dropping the changes;
//   "save-then-close"  the renderer has saved; main closes once the renderer's window:state
//                      reports the document clean (at once if it already has, else when that
//                      report arrives within SAVE_CONFIRM_MS), so a failed or cancelled save
//                      never loses work;
//   "cancel"           keep the window open.
// If the renderer does not answer (hung or crashed), a native dialog asks whether to close
// anyway; the recovery copy is then kept and offered back at the next start.
export type CloseDecision = 'save-then-close' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  requestDecision: () => void;
  closeWindow: () => void;
  /** Native "not responding: close anyway?" question; resolves true to close. */
  askCloseUnresponsive: () => Promise<boolean>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  timeoutMs?: number;
}

export const CLOSE_DECISION_TIMEOUT_MS = 15_000;
/** How long "save-then-close" waits for the renderer to report the document clean. */
export const SAVE_CONFIRM_MS = 5_000;

export class CloseGuard {
  private dirty = false;
  private allowed = false;
  private pending = false;
  private timer: unknown;
  private closeWhenClean = false;
  private cleanTimer: unknown;
  /** True when the window closed without the renderer confirming (keep the recovery copy). */
  keepRecovery = false;

  constructor(private readonly deps: CloseGuardDeps) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  get isWaiting(): boolean {
    return this.pending;
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
    if (this.pending) return;
    this.pending = true;
    this.deps.requestDecision();
    this.timer = this.deps.setTimer(() => void this.onTimeout(), this.deps.timeoutMs ?? CLOSE_DECISION_TIMEOUT_MS);
  }

  /** The renderer's answer; false when there was no question or the answer cannot be honoured. */
  decide(decision: CloseDecision): boolean {
    if (!this.pending) return false;
    this.pending = false;
    this.deps.clearTimer(this.timer);
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

  private async onTimeout(): Promise<void> {
    if (!this.pending) return;
    this.pending = false;
    if (await this.deps.askCloseUnresponsive()) {
      this.keepRecovery = true;
      this.closeNow();
    }
  }

  private closeNow(): void {
    this.allowed = true;
    this.deps.closeWindow();
  }
}
