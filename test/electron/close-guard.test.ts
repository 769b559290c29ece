// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { CloseGuard } from '../../electron/close-guard';

function setup(answerUnresponsive = true) {
  const timers: (() => void)[] = [];
  const deps = {
    requestDecision: vi.fn(),
    closeWindow: vi.fn(),
    askCloseUnresponsive: vi.fn(async () => answerUnresponsive),
    setTimer: vi.fn((fn: () => void) => timers.push(fn)),
    clearTimer: vi.fn(),
  };
  const guard = new CloseGuard(deps);
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
  return { guard, deps, close, timers };
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
    // The answer arrives before the clean report: wait for it.
    expect(guard.decide('save-then-close')).toBe(true);
    expect(deps.closeWindow).not.toHaveBeenCalled();
    guard.setDirty(false);
    expect(deps.closeWindow).toHaveBeenCalledTimes(1);
    expect(deps.closeWindow.mock.results[0]?.value.preventDefault).not.toHaveBeenCalled();
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
    const { guard, close, deps, timers } = setup();
    guard.setDirty(true);
    close();
    guard.decide('save-then-close');
    timers.at(-1)?.(); // the wait for the clean report runs out
    guard.setDirty(false);
    expect(deps.closeWindow).not.toHaveBeenCalled();
    expect(close()).toBe('closed');
  });

  it('ignores a decision nobody asked for', () => {
    const { guard, deps } = setup();
    expect(guard.decide('discard')).toBe(false);
    expect(deps.closeWindow).not.toHaveBeenCalled();
  });

  it('falls back to a native question when the renderer does not answer, keeping the recovery copy', async () => {
    const { guard, close, deps, timers } = setup(true);
    guard.setDirty(true);
    close();
    timers[0]?.();
    await vi.waitFor(() => expect(deps.closeWindow).toHaveBeenCalled());
    expect(deps.askCloseUnresponsive).toHaveBeenCalled();
    expect(guard.keepRecovery).toBe(true);
  });

  it('stays open when the user keeps the unresponsive window', async () => {
    const { guard, close, deps, timers } = setup(false);
    guard.setDirty(true);
    close();
    timers[0]?.();
    await vi.waitFor(() => expect(deps.askCloseUnresponsive).toHaveBeenCalled());
    expect(deps.closeWindow).not.toHaveBeenCalled();
    expect(guard.isWaiting).toBe(false);
  });
});
