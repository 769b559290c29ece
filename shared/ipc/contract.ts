// The one IPC contract between the renderer and the main process. The channel list, the
// preload API (`window.ipsecStudio`), the main-side handler types and the payload validation all
// derive from this file: add an operation here and the compiler shows every place to finish it.
import { z } from 'zod';
import { portableFileNameProblem } from './file-names';

const FilePath = z.string().min(1).max(4096);
/** A document's text; the main process writes it verbatim after checking it parses as a topology. */
const DocumentText = z.string().max(20 * 1024 * 1024);
/** A plain file name (no folder, no leading dot) that every desktop platform can hold. */
const ExportFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$/)
  .check((ctx) => {
    const problem = portableFileNameProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

export const invokeChannels = {
  /** Show the Open dialog (or open `path` directly, e.g. Open Recent or a dropped file). */
  'file:open': {
    request: z.strictObject({ path: FilePath.optional() }),
    response: z.union([
      z.strictObject({ status: z.literal('opened'), path: FilePath, text: DocumentText }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('error'), message: z.string() }),
    ]),
  },
  /** Save to `path`, or ask for one when absent (Save As). Atomic: temp file, then rename. */
  'file:save': {
    request: z.strictObject({ path: FilePath.optional(), text: DocumentText, suggestedName: z.string().max(255).optional() }),
    response: z.union([
      z.strictObject({ status: z.literal('saved'), path: FilePath }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('error'), message: z.string() }),
    ]),
  },
  'file:recent': {
    request: z.strictObject({}),
    response: z.strictObject({ paths: z.array(FilePath) }),
  },
  /** Autosave of the open document for crash recovery (not the user's file). */
  'recovery:write': {
    request: z.strictObject({ text: DocumentText, path: FilePath.optional() }),
    response: z.strictObject({ ok: z.boolean() }),
  },
  'recovery:read': {
    request: z.strictObject({}),
    response: z.union([
      z.strictObject({ status: z.literal('none') }),
      z.strictObject({ status: z.literal('found'), text: DocumentText, path: FilePath.optional(), savedAt: z.string() }),
    ]),
  },
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
    response: z.union([
      z.strictObject({ status: z.literal('saved'), path: FilePath }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('error'), message: z.string() }),
    ]),
  },
  /** Canvas image export (PNG as base64 data, or SVG text). */
  'image:save': {
    request: z.strictObject({ format: z.enum(['png', 'svg']), data: z.string().max(50 * 1024 * 1024), suggestedName: z.string().max(255) }),
    response: z.union([
      z.strictObject({ status: z.literal('saved'), path: FilePath }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The renderer tells main the title and dirty state (for the title bar and close prompt). */
  'window:state': {
    request: z.strictObject({ title: z.string().max(300), dirty: z.boolean() }),
    response: z.strictObject({ ok: z.boolean() }),
  },
  /** Asked by main before closing when dirty; the renderer answered "save", "discard" or "cancel". */
  'window:close-decision': {
    request: z.strictObject({ decision: z.enum(['save-then-close', 'discard', 'cancel']) }),
    response: z.strictObject({ ok: z.boolean() }),
  },
} as const;

/** Main → renderer notifications. */
export const eventChannels = {
  /** A menu item or accelerator the renderer carries out (it owns the document). */
  'menu:command': z.strictObject({
    command: z.enum([
      'new', 'open', 'save', 'save-as', 'export', 'undo', 'redo', 'cut', 'copy', 'paste', 'select-all',
      'zoom-in', 'zoom-out', 'zoom-reset', 'zoom-fit', 'theme-light', 'theme-dark', 'theme-system', 'presentation', 'help', 'shortcuts',
    ]),
  }),
  /** A file was dropped on the window or chosen from Open Recent / the OS. */
  'file:open-path': z.strictObject({ path: FilePath }),
  /** The window is closing with unsaved changes: the renderer must answer with window:close-decision. */
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

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeChannels, name);
}
