// The main side of the IPC contract: one registration loop over INVOKE_CHANNELS. Every call is
// checked in the same order before a handler sees it: the sender must be the app's own window
// (its top frame, on the app's origin), then the payload must match the channel's schema.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { checkRequest, INVOKE_CHANNELS, type InvokeChannel, type InvokeHandlers, type InvokeRequest, type InvokeResponse } from '../shared/ipc/contract';
import type { Logger } from './log';
import { isTrustedUrl } from './security';

export type SenderCheck = (event: IpcMainInvokeEvent) => { ok: true } | { ok: false; reason: string };

/**
 * Accepts only the main window's own webContents, from its top frame, while that frame shows a
 * page of a trusted origin (app://studio, or the dev server during development).
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null, trustedOrigins: readonly string[]): SenderCheck {
  return (event) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return { ok: false, reason: 'no app window' };
    if (event.sender !== win.webContents) return { ok: false, reason: 'sender is not the app window' };
    const frame = event.senderFrame;
    if (!frame) return { ok: false, reason: 'sender frame is gone' };
    if (frame !== event.sender.mainFrame) return { ok: false, reason: 'sender is a sub-frame' };
    if (!isTrustedUrl(frame.url, trustedOrigins)) return { ok: false, reason: `sender origin not trusted: ${frame.url}` };
    return { ok: true };
  };
}

/** Thrown back to the renderer (ipcRenderer.invoke rejects with it) when a call is refused. */
export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError';
}

function register<C extends InvokeChannel>(ipcMain: Pick<IpcMain, 'handle'>, channel: C, handlers: InvokeHandlers, checkSender: SenderCheck, log: Logger): void {
  const handler = handlers[channel] as (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
    const sender = checkSender(event);
    if (!sender.ok) {
      log.warn(`${channel}: refused: ${sender.reason}`);
      throw new IpcRefusedError(`${channel}: refused: ${sender.reason}`);
    }
    const checked = checkRequest(channel, payload);
    if (!checked.ok) {
      log.warn(checked.message);
      throw new IpcRefusedError(checked.message);
    }
    return handler(checked.value);
  });
}

/** Registers exactly the contract's invoke channels; returns them (for tests and removal). */
export function registerInvokeHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: InvokeHandlers, checkSender: SenderCheck, log: Logger): readonly InvokeChannel[] {
  for (const channel of INVOKE_CHANNELS) register(ipcMain, channel, handlers, checkSender, log);
  return INVOKE_CHANNELS;
}
