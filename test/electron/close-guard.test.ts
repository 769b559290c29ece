// @vitest-environment node
// The close question, with timers and the native "not answering" dialog played by the test: no
// wall-clock waits. A person may take as long as they like to answer; only a renderer that does
// not even acknowledge the question (or that Electron reports unresponsive) is treated as hung.
import { describe, expect, it, vi } from 'vitest';
import { ACK_TIMEOUT_MS, CloseGuard } from '../../electron/close-guard';

function setup() {
  let now = 0;
  const timers: { at: number; fn: () => void; cleared: boolean }[] = [];
  let answerUnresponsive: (closeAnyway: boolean) => void = () => undefined;
  const deps = {
    requestDecision: vi.fn(),
    closeWindow: vi.fn(),
    destroyWindow: vi.fn(),
    askCloseUnresponsive: vi.fn(() => new Promise<boolean>((resolve) => (answerUnresponsive = resolve))),
    setTimer: vi.fn((fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, cleared: false };
      timers.push(t);
      return t;
    }),
    clearTimer: vi.fn((t: unknown) => {
      if (t) (t as { cleared: boolean }).cleared = true;
    }),
  };
  const guard = new CloseGuard(deps);
  // Like BrowserWindow.close(): emits 'close' (which the guard may prevent).
  deps.closeWindow.mockImplementation(() => {
    const event = { preventDefault: vi.fn() };
    guard.onClose(event);
    return event;
  });
  const close = () => {
    const event = { preventDefault: vi.fn() };
    guard.onClose(event);
    return event.preventDefault.mock.calls.length > 0 ? 'kept open' : 'closed';
  };
  /** Moves the injected clock on, running the timers that fall due. */
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) if (!t.cleared && t.at <= now) {
      t.cleared = true;
      t.fn();
    }
  };
  const flush = () => new Promise((r) => setImmediate(r));
  return { guard, deps, close, advance, flush, answer: (closeAnyway: boolean) => answerUnresponsive(closeAnyway) };
}

describe('CloseGuard', () => {
  it('closes a clean window without asking', () => {
    const { close, deps } = setup();
    expect(close()).toBe('closed');
    expect(deps.requestDecision).not.toHaveBeenCalled();
  });

  it('asks the renderer once when dirty, and honours cancel', () => {
    const { guard, close, deps } = setup();
    guard.setDirty(true);
    expect(close()).toBe('kept open');
    guard.ack();
    expect(close()).toBe('kept open');
    expect(deps.requestDecision).toHaveBeenCalledTimes(1);
    expect(guard.decide('cancel')).toBe(true);
    expect(deps.closeWindow).not.toHaveBeenCalled();
    expect(close()).toBe('kept open');
    expect(deps.requestDecision).toHaveBeenCalledTimes(2);
  });

  it('closes on discard', () => {
    const { guard, close, deps } = setup();
    guard.setDirty(true);
    close();
    expect(guard.decide('discard')).toBe(true);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
    expect(deps.closeWindow.mock.results[0]?.value.preventDefault).not.toHaveBeenCalled();
  });

  it('closes after save-then-close once the renderer reports the document clean', () => {
    const { guard, close, deps } = setup();
    guard.setDirty(true);
    close();
    expect(guard.decide('save-then-close')).toBe(true);
    expect(deps.closeWindow).not.toHaveBeenCalled();
    guard.setDirty(false);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
  });

  it('closes at once after save-then-close when already clean', () => {
    const { guard, close, deps } = setup();
    guard.setDirty(true);
    close();
    guard.setDirty(false);
    expect(guard.decide('save-then-close')).toBe(true);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
  });

  it('stays open when the save never reports clean (failed or cancelled save loses nothing)', () => {
    const { guard, close, deps, advance } = setup();
    guard.setDirty(true);
    close();
    guard.ack();
    guard.decide('save-then-close');
    advance(60_000);
    guard.setDirty(false);
    expect(deps.closeWindow).not.toHaveBeenCalled();
    expect(close()).toBe('closed');
  });

  it('ignores a decision nobody asked for', () => {
    const { guard, deps } = setup();
    expect(guard.decide('discard')).toBe(false);
    expect(deps.closeWindow).not.toHaveBeenCalled();
  });

  it('honours an answer given long after the question, once the renderer acknowledged it', () => {
    const { guard, close, deps, advance } = setup();
    guard.setDirty(true);
    close();
    expect(guard.ack()).toBe(true);
    advance(15 * 60_000); // a quarter of an hour at the prompt
    expect(deps.askCloseUnresponsive).not.toHaveBeenCalled();
    expect(guard.decide('discard')).toBe(true);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
  });

  it('asks "close anyway" when the renderer does not acknowledge; Close Anyway ends it and keeps the recovery copy', async () => {
    const { guard, close, deps, advance, flush, answer } = setup();
    guard.setDirty(true);
    close();
    advance(ACK_TIMEOUT_MS - 1);
    expect(deps.askCloseUnresponsive).not.toHaveBeenCalled();
    advance(1);
    expect(deps.askCloseUnresponsive).toHaveBeenCalledTimes(1);
    answer(true);
    await flush();
    expect(deps.destroyWindow).toHaveBeenCalledTimes(1);
    expect(guard.keepRecovery).toBe(true);
  });

  it('asks "close anyway" when Electron reports the window unresponsive, even after an ack', async () => {
    const { guard, close, deps, flush, answer } = setup();
    guard.setDirty(true);
    close();
    guard.ack();
    guard.onUnresponsive();
    expect(deps.askCloseUnresponsive).toHaveBeenCalledTimes(1);
    guard.onUnresponsive(); // repeated reports do not stack dialogs
    expect(deps.askCloseUnresponsive).toHaveBeenCalledTimes(1);
    answer(true);
    await flush();
    expect(deps.destroyWindow).toHaveBeenCalledTimes(1);
  });

  it('does not ask about an unresponsive window nobody is closing', () => {
    const { guard, deps } = setup();
    guard.setDirty(true);
    guard.onUnresponsive();
    expect(deps.askCloseUnresponsive).not.toHaveBeenCalled();
  });

  it('Keep Open leaves the question open: a late answer from the renderer is still honoured', async () => {
    const { guard, close, deps, advance, flush, answer } = setup();
    guard.setDirty(true);
    close();
    advance(ACK_TIMEOUT_MS);
    answer(false);
    await flush();
    expect(deps.destroyWindow).not.toHaveBeenCalled();
    expect(deps.closeWindow).not.toHaveBeenCalled();
    // The renderer was only slow: its answer arrives now.
    guard.ack();
    expect(guard.decide('discard')).toBe(true);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
  });

  it('an answer that arrives while the native dialog is open wins; the dialog’s answer is then ignored', async () => {
    const { guard, close, deps, advance, flush, answer } = setup();
    guard.setDirty(true);
    close();
    advance(ACK_TIMEOUT_MS);
    expect(guard.decide('cancel')).toBe(true);
    answer(true);
    await flush();
    expect(deps.destroyWindow).not.toHaveBeenCalled();
    expect(guard.keepRecovery).toBe(false);
  });

  it('a second close click on a window that never acknowledged asks "close anyway" at once', () => {
    const { guard, close, deps } = setup();
    guard.setDirty(true);
    close();
    expect(close()).toBe('kept open');
    expect(deps.askCloseUnresponsive).toHaveBeenCalledTimes(1);
  });

  it('"Don\'t save" really closes: the page\'s beforeunload is overruled only for a close the guard allowed', () => {
    const { guard, close } = setup();
    guard.setDirty(true);
    const blocked = { preventDefault: vi.fn() };
    guard.onWillPreventUnload(blocked);
    expect(blocked.preventDefault).not.toHaveBeenCalled();
    close();
    guard.decide('discard');
    const overruled = { preventDefault: vi.fn() };
    guard.onWillPreventUnload(overruled);
    expect(overruled.preventDefault).toHaveBeenCalled();
  });

  it('a page that blocks a close main thought clean (its dirty report still on the way) gets the question', () => {
    const { guard, close, deps } = setup();
    expect(close()).toBe('closed');
    const e = { preventDefault: vi.fn() };
    guard.onWillPreventUnload(e);
    // The unload stays cancelled, and the user is asked instead of nothing happening.
    expect(e.preventDefault).not.toHaveBeenCalled();
    expect(guard.isDirty).toBe(true);
    expect(deps.requestDecision).toHaveBeenCalledTimes(1);
    guard.ack();
    guard.decide('discard');
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
  });

  it('a renderer that crashed while asked leaves no question behind: the reloaded page is not taken for hung', async () => {
    const { guard, close, deps, advance } = setup();
    guard.setDirty(true);
    close();
    guard.onRendererGone();
    advance(ACK_TIMEOUT_MS * 10);
    expect(deps.askCloseUnresponsive).not.toHaveBeenCalled();
    expect(guard.isWaiting).toBe(false);
    expect(guard.decide('discard')).toBe(false);
    // The reloaded page starts clean: closing now just closes.
    expect(close()).toBe('closed');
  });
});
