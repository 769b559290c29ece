// The main side of the IPC contract: one registration loop over INVOKE_CHANNELS, and the
// internal drop channel. Every message is checked in the same order before a handler sees it:
// the sender must be the app's own window (its top frame, on the app's origin), then the payload
// must match the channel's schema; and a response is checked against the contract before it
// leaves (so a bug in main cannot hand the page a path or an oversized text).
import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { checkRequest, checkResponse, INVOKE_CHANNELS, type InvokeChannel, type InvokeHandlers, type InvokeRequest, type InvokeResponse } from '../shared/ipc/contract';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { DROP_CHANNEL, MAX_DROPPED_FILES } from './drop-channel';
import type { Logger } from './log';
import { isTrustedUrl } from './security';

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;
export type SenderCheck = (event: SenderEvent) => { ok: true } | { ok: false; reason: string };

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

const DroppedPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && isAbsolute(p), 'a dropped file is named by its absolute path');
const DroppedFiles = z.strictObject({ paths: z.array(DroppedPath).min(1).max(MAX_DROPPED_FILES) });

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
    const response = checkResponse(channel, await handler(checked.value));
    if (!response.ok) {
      log.error(response.message);
      throw new IpcRefusedError(`${channel}: the answer was withheld (it did not match the contract); this is a bug in IPsec Studio`);
    }
    return response.value;
  });
}

/** Registers exactly the contract's invoke channels; returns them (for tests and removal). */
export function registerInvokeHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: InvokeHandlers, checkSender: SenderCheck, log: Logger): readonly InvokeChannel[] {
  for (const channel of INVOKE_CHANNELS) register(ipcMain, channel, handlers, checkSender, log);
  return INVOKE_CHANNELS;
}

/**
 * The drop channel: paths the preload read from a trusted drop event. Same sender check as every
 * channel; a payload of any other shape grants nothing.
 */
export function registerDropChannel(ipcMain: Pick<IpcMain, 'on'>, checkSender: SenderCheck, onDrop: (paths: readonly string[]) => void, log: Logger): void {
  ipcMain.on(DROP_CHANNEL, (event: IpcMainEvent, payload: unknown) => {
    const sender = checkSender(event);
    if (!sender.ok) {
      log.warn(`${DROP_CHANNEL}: refused: ${sender.reason}`);
      return;
    }
    const checked = DroppedFiles.safeParse(payload);
    if (!checked.success) {
      log.warn(`${DROP_CHANNEL}: refused: not a list of absolute paths`);
      return;
    }
    onDrop(checked.data.paths);
  });
}
