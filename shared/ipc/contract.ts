// The one IPC contract between the renderer and the main process. The channel list, the
// preload API (`window.ipsecStudio`), the main-side handler types and the payload validation all
// derive from this file: add an operation here and the compiler shows every place to finish it.
//
// Paths are capabilities held by the main process. No request carries a path: main keeps the
// current document's path itself, a file becomes usable only when the user picks it in a native
// dialog or the OS hands it over (open-with, a drop, the Open Recent menu), and those reach the
// page as an opaque single-use token with a display name. Responses name files by their base
// name only.
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../model/file';
import { portableFileNameProblem } from './file-names';
import { MENU_ACTION_IDS, type MenuActionId } from './actions';

/** UTF-8 length of a string, without encoding it (a 20 MiB document is counted in a few ms). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A document's text: any text of at most MAX_FILE_BYTES UTF-8 bytes, the size of the largest file
 * the app opens, so every document that can be opened can be saved and autosaved.
 */
const DocumentText = z.string().check((ctx) => {
  // A string has at least as many UTF-8 bytes as UTF-16 units: a longer one is over at once.
  const long = ctx.value.length > MAX_FILE_BYTES;
  const bytes = long ? ctx.value.length : utf8ByteLength(ctx.value);
  if (bytes > MAX_FILE_BYTES) ctx.issues.push({ code: 'custom', message: `the document is ${long ? 'more than ' : ''}${bytes} bytes; at most ${MAX_FILE_BYTES} bytes (20 MB) can be saved`, input: ctx.value });
});

/** A file's base name for display (never a folder path). */
const DisplayName = z.string().min(1).max(255);
/** What main hands out for a file the user gave it outside a dialog; good for one file:open. */
const OpenToken = z.string().regex(/^[0-9a-f]{32}$/);
/** Names one recovery copy of an earlier session, as main listed it. */
const RecoveryId = z.string().regex(/^[0-9a-f]{16}$/);
/** A name the save dialog starts with: only a file name (main keeps only its safe characters). */
const SuggestedName = z.string().max(255);

/** A plain file name (no folder, no leading dot) that every desktop platform can hold. */
const ExportFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$/)
  .check((ctx) => {
    const problem = portableFileNameProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

const Failure = z.strictObject({ status: z.literal('error'), message: z.string() });
const Cancelled = z.strictObject({ status: z.literal('cancelled') });

export const invokeChannels = {
  /**
   * Without a token: the native Open dialog. With one: the file the token stands for (it came in
   * a `file:open-offered` event). On success the file becomes main's current document.
   */
  'file:open': {
    request: z.strictObject({ token: OpenToken.optional() }),
    response: z.union([z.strictObject({ status: z.literal('opened'), name: DisplayName, text: DocumentText }), Cancelled, Failure]),
  },
  /**
   * Saves to main's current document, or asks where (native dialog) when `saveAs` or when there
   * is none yet. Atomic: temp file, then rename. A successful save drops this session's
   * recovery copy.
   */
  'file:save': {
    request: z.strictObject({ text: DocumentText, saveAs: z.boolean(), suggestedName: SuggestedName.optional() }),
    response: z.union([z.strictObject({ status: z.literal('saved'), name: DisplayName }), Cancelled, Failure]),
  },
  /** New document or template: main forgets the current document's path (the next save asks). */
  'file:forget': {
    request: z.strictObject({}),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** Autosave of the open document for crash recovery: this session's copy in userData, never the user's file. */
  'recovery:write': {
    request: z.strictObject({ text: DocumentText }),
    response: z.union([z.strictObject({ ok: z.literal(true) }), z.strictObject({ ok: z.literal(false), message: z.string() })]),
  },
  /** The copies earlier sessions left (newest first), offered back at start. */
  'recovery:list': {
    request: z.strictObject({}),
    response: z.strictObject({ copies: z.array(z.strictObject({ id: RecoveryId, savedAt: z.string(), name: DisplayName.optional() })).max(100) }),
  },
  /** Takes an earlier copy over as this session's own (so a second crash loses nothing) and returns it. */
  'recovery:restore': {
    request: z.strictObject({ id: RecoveryId }),
    response: z.union([z.strictObject({ status: z.literal('restored'), text: DocumentText, savedAt: z.string(), name: DisplayName.optional() }), z.strictObject({ status: z.literal('none') })]),
  },
  /** Deletes an earlier copy the user chose not to restore. */
  'recovery:discard': {
    request: z.strictObject({ id: RecoveryId }),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** Deletes this session's own copy (after "Don't save", New, Open). */
  'recovery:clear': {
    request: z.strictObject({}),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** Export: write several generated files into a folder the user picks, or one zip. */
  'export:save': {
    request: z.strictObject({
      files: z.array(z.strictObject({ name: ExportFileName, content: z.string().max(5 * 1024 * 1024) })).min(1).max(2000),
      as: z.enum(['folder', 'zip']),
    }),
    response: z.union([z.strictObject({ status: z.literal('saved'), name: DisplayName }), Cancelled, Failure]),
  },
  /** Canvas image export (PNG as base64 data, or SVG text). */
  'image:save': {
    request: z.strictObject({ format: z.enum(['png', 'svg']), data: z.string().max(50 * 1024 * 1024), suggestedName: SuggestedName }),
    response: z.union([z.strictObject({ status: z.literal('saved'), name: DisplayName }), Cancelled, Failure]),
  },
  /** The renderer tells main the title and dirty state (for the title bar and close prompt). */
  'window:state': {
    request: z.strictObject({ title: z.string().max(300), dirty: z.boolean() }),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** Sent at once when `window:close-requested` arrives: the renderer is alive and asking the user. */
  'window:close-ack': {
    request: z.strictObject({}),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** The user's answer to the close question, whenever it comes: "save-then-close" (saved), "discard" or "cancel". */
  'window:close-decision': {
    request: z.strictObject({ decision: z.enum(['save-then-close', 'discard', 'cancel']) }),
    response: z.strictObject({ ok: z.boolean() }),
  },
} as const;

/** Main → renderer notifications. */
export const eventChannels = {
  /** A menu item or accelerator the renderer carries out (it owns the document): the action's id (shared/ipc/actions.ts). */
  'menu:command': z.strictObject({ command: z.enum(MENU_ACTION_IDS as [MenuActionId, ...MenuActionId[]]) }),
  /** The user gave main a file outside a dialog (a drop, Open Recent, the OS): open it with file:open { token }. */
  'file:open-offered': z.strictObject({ token: OpenToken, name: DisplayName }),
  /** The window is closing with unsaved changes: ack with window:close-ack, answer with window:close-decision. */
  'window:close-requested': z.strictObject({}),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/** What the preload exposes as `window.ipsecStudio`: one method per operation, derived from the channels. */
export type IpsecStudioApi = {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  /** The platform, for menus that name keys (⌘ vs Ctrl). */
  readonly platform: string;
};

/** What main-side handlers implement; `sender` checks are done before these are called. */
export type InvokeHandlers = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> };

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

export type PayloadCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a request payload; the message names the channel and the field at fault. */
export function checkRequest<C extends InvokeChannel>(channel: C, payload: unknown): PayloadCheck<InvokeRequest<C>> {
  const schema = invokeChannels[channel].request as unknown as z.ZodType<InvokeRequest<C>>;
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  const where = first && first.path.length ? first.path.join('.') : 'payload';
  return { ok: false, message: `${channel}: invalid ${where}: ${first?.message ?? 'rejected'}` };
}

/** Validates a response before main sends it (a bug in main must not reach the page as a path). */
export function checkResponse<C extends InvokeChannel>(channel: C, payload: unknown): PayloadCheck<InvokeResponse<C>> {
  const schema = invokeChannels[channel].response as unknown as z.ZodType<InvokeResponse<C>>;
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  return { ok: false, message: `${channel}: invalid response ${first && first.path.length ? first.path.join('.') : ''}: ${first?.message ?? 'rejected'}` };
}

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeChannels, name);
}
