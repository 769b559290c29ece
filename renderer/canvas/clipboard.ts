// Copy, cut, paste and duplicate as pure functions over the document: the clipboard holds plain
// objects; pasting gives them fresh ids and unique names, shifts them, and keeps only the
// references that still resolve (a tunnel travels only with both of its gateways).
//
// The system clipboard is readable by any other program, and what is pasted may come from any
// of them: a copy leaves the pre-shared keys out unless asked to keep them, and a paste goes
// through the same checks as opening a file (size, syntax, depth, forbidden and duplicate keys,
// the document's own schemas) before anything is inserted.
import { z } from 'zod';
import type { Command } from '../../shared/commands/commands';
import { GatewaySchema, NetworkSchema, TunnelSchema, type Gateway, type GatewayId, type Network, type NetworkId, type TopologyDocument, type Tunnel, type TunnelId } from '../../shared/model/document';
import { idAllocator, uniqueName } from '../../shared/document/factory';
import { checkValueShape, describeErrors, issuesToErrors, parseJsonText } from '../../shared/model/file';
import { checkProducts } from '../../shared/document/schema';
import type { Selection } from '../app/panels';

export const CLIPBOARD_KIND = 'ipsec-studio/selection';

export interface ClipboardContent {
  kind: typeof CLIPBOARD_KIND;
  gateways: Gateway[];
  networks: Network[];
  tunnels: Tunnel[];
}

export interface CopyOptions {
  /** Keep the pre-shared keys (an explicit "Copy with keys", or Duplicate, which never leaves the app). */
  includeKeys?: boolean;
}

function withoutKeys(t: Tunnel): Tunnel {
  return { ...t, a: { ...t.a, auth: { ...t.a.auth, psk: '' } }, b: { ...t.b, auth: { ...t.b.auth, psk: '' } } };
}

/** The selection as clipboard content; the pre-shared keys are left out (empty) unless `includeKeys`. */
export function copySelection(doc: TopologyDocument, sel: Selection, options: CopyOptions = {}): ClipboardContent | undefined {
  const gwIds = new Set<string>(sel.gateways);
  const netIds = new Set<string>(sel.networks);
  const gateways = doc.gateways.filter((g) => gwIds.has(g.id));
  // A copied gateway brings the networks behind it; a tunnel needs both ends in the copy.
  const networks = doc.networks.filter((n) => netIds.has(n.id) || gwIds.has(n.gatewayId));
  const tunnels = doc.tunnels.filter((t) => sel.tunnels.includes(t.id) || (gwIds.has(t.a.gatewayId) && gwIds.has(t.b.gatewayId)));
  const keptTunnels = tunnels.filter((t) => gwIds.has(t.a.gatewayId) && gwIds.has(t.b.gatewayId));
  if (gateways.length === 0 && networks.length === 0) return undefined;
  return { kind: CLIPBOARD_KIND, gateways, networks, tunnels: options.includeKeys ? keptTunnels : keptTunnels.map(withoutKeys) };
}

/** The text for the system clipboard: the pre-shared keys left out unless `includeKeys`, whatever the content holds. */
export function clipboardText(content: ClipboardContent, options: CopyOptions = {}): string {
  return JSON.stringify(options.includeKeys ? content : { ...content, tunnels: content.tunnels.map(withoutKeys) });
}

/** The commands that delete the selection (gateways take their networks and tunnels with them). */
export function deleteSelectionCommands(doc: TopologyDocument, sel: Selection): Command[] {
  const gw = new Set<string>(sel.gateways);
  const cmds: Command[] = [];
  for (const id of sel.tunnels) {
    const t = doc.tunnels.find((x) => x.id === id);
    if (t && !gw.has(t.a.gatewayId) && !gw.has(t.b.gatewayId)) cmds.push({ type: 'tunnel.remove', id });
  }
  for (const id of sel.networks) {
    const n = doc.networks.find((x) => x.id === id);
    if (n && !gw.has(n.gatewayId)) cmds.push({ type: 'network.remove', id });
  }
  for (const id of sel.gateways) if (doc.gateways.some((g) => g.id === id)) cmds.push({ type: 'gateway.remove', id });
  return cmds;
}

export interface PasteResult {
  command: Command;
  selection: Selection;
}

// A pasted copy of a name at the schema's limit gets a suffix and must still fit.
const GATEWAY_NAME_MAX = GatewaySchema.shape.name.maxLength ?? Infinity;
const TUNNEL_NAME_MAX = TunnelSchema.shape.name.maxLength ?? Infinity;

export function pasteCommands(doc: TopologyDocument, clip: ClipboardContent, offset = { x: 40, y: 40 }): PasteResult | undefined {
  const nextId = idAllocator(doc);
  const gwNames = doc.gateways.map((g) => g.name);
  const tunNames = doc.tunnels.map((t) => t.name);
  const gwMap = new Map<string, GatewayId>();
  const gateways: Gateway[] = clip.gateways.map((g) => {
    const id = nextId('gw') as GatewayId;
    gwMap.set(g.id, id);
    const name = uniqueName(g.name, gwNames, GATEWAY_NAME_MAX);
    gwNames.push(name);
    return { ...structuredClone(g), id, name, position: { x: g.position.x + offset.x, y: g.position.y + offset.y } };
  });
  const existing = new Set<string>(doc.gateways.map((g) => g.id));
  const networks: Network[] = [];
  for (const n of clip.networks) {
    const gatewayId = gwMap.get(n.gatewayId) ?? (existing.has(n.gatewayId) ? n.gatewayId : undefined);
    if (!gatewayId) continue;
    networks.push({ ...structuredClone(n), id: nextId('net') as NetworkId, gatewayId, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
  }
  const tunnels: Tunnel[] = [];
  for (const t of clip.tunnels) {
    const a = gwMap.get(t.a.gatewayId);
    const b = gwMap.get(t.b.gatewayId);
    if (!a || !b) continue;
    const name = uniqueName(t.name, tunNames, TUNNEL_NAME_MAX);
    tunNames.push(name);
    const copy = structuredClone(t);
    tunnels.push({ ...copy, id: nextId('tun') as TunnelId, name, a: { ...copy.a, gatewayId: a }, b: { ...copy.b, gatewayId: b } });
  }
  if (gateways.length + networks.length === 0) return undefined;
  const commands: Command[] = [
    ...gateways.map((gateway): Command => ({ type: 'gateway.add', gateway })),
    ...networks.map((network): Command => ({ type: 'network.add', network })),
    ...tunnels.map((tunnel): Command => ({ type: 'tunnel.add', tunnel })),
  ];
  return {
    command: { type: 'batch', label: 'Paste', commands },
    selection: { gateways: gateways.map((g) => g.id), networks: networks.map((n) => n.id), tunnels: tunnels.map((t) => t.id) },
  };
}

// ---- what may be pasted --------------------------------------------------------------------

// The document's item schemas, plus the document-wide rules a paste relies on (ids and names are
// made fresh on paste, references that do not resolve are left out).
const ClipboardSchema = z
  .strictObject({
    kind: z.literal(CLIPBOARD_KIND),
    gateways: z.array(GatewaySchema),
    networks: z.array(NetworkSchema),
    tunnels: z.array(TunnelSchema),
  })
  .superRefine((clip, ctx) => {
    const seen = new Map<string, number>();
    clip.gateways.forEach((g, i) => {
      const first = seen.get(g.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['gateways', i], message: `gateway id "${g.id}" is used twice (also at gateways[${first}]); a tunnel could not tell them apart` });
      else seen.set(g.id, i);
    });
    clip.tunnels.forEach((t, i) => {
      if (t.a.gatewayId === t.b.gatewayId) ctx.addIssue({ code: 'custom', path: ['tunnels', i, 'b', 'gatewayId'], message: 'a tunnel needs two different gateways' });
    });
    // The products' own checks, as a file gets them: the product exists, its settings are its own.
    checkProducts(clip, (issue) => ctx.addIssue(issue));
  });

/** A paste the App can insert, or the reason it was refused, to show to the person. */
export type ClipboardCheck = { ok: true; content: ClipboardContent } | { ok: false; message: string };

const REFUSED = 'Nothing was pasted: the clipboard holds an IPsec Studio selection that is not valid.';

/** Validates a clipboard payload already parsed from JSON, as Open validates a document. */
export function validateClipboard(value: unknown): ClipboardCheck {
  const shape = checkValueShape(value);
  if (shape) return { ok: false, message: `${REFUSED}\n${describeErrors(shape.errors, 5)}` };
  const parsed = ClipboardSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, message: `${REFUSED}\n${describeErrors(issuesToErrors(parsed.error.issues, { schema: ClipboardSchema }), 5)}` };
  return { ok: true, content: parsed.data };
}

/**
 * Reads text from the system clipboard: undefined when it is not an IPsec Studio selection at
 * all (any other text: the App falls back to its own clipboard), else the checked content or
 * the reason it is refused.
 */
export function readClipboardText(text: string): ClipboardCheck | undefined {
  if (!text.includes(`"${CLIPBOARD_KIND}"`)) return undefined;
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, message: `${REFUSED}\n${parsed.summary.replace('This file', 'It')}\n${describeErrors(parsed.errors, 5)}` };
  const v = parsed.value;
  if (v === null || typeof v !== 'object' || (v as { kind?: unknown }).kind !== CLIPBOARD_KIND) return undefined;
  return validateClipboard(v);
}

/**
 * What Paste inserts: the system clipboard's selection when it holds one (checked), else the
 * in-app clipboard; our own copy on the system clipboard (keys left out) gives way to the in-app
 * one it came from, which may hold the keys. Undefined: nothing to paste.
 */
export function clipboardForPaste(systemText: string | undefined, internalContent: ClipboardContent | undefined): ClipboardCheck | undefined {
  if (systemText === undefined || systemText === '' || (internalContent && systemText === clipboardText(internalContent))) {
    return internalContent ? { ok: true, content: internalContent } : undefined;
  }
  return readClipboardText(systemText) ?? (internalContent ? { ok: true, content: internalContent } : undefined);
}

/**
 * Whether an already-parsed value may be pasted as it is: it passes validateClipboard and needs
 * no default filled in. Prefer clipboardForPaste, which also says why a paste is refused.
 */
export function isClipboardContent(v: unknown): v is ClipboardContent {
  const r = validateClipboard(v);
  return r.ok && sameJson(r.content, v);
}

/** Deep equality of JSON values, with an explicit stack (the value passed the depth check). */
function sameJson(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if (x === y) continue;
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (const k of kx) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

/** The in-app clipboard (the system clipboard is used as well when the browser allows it). */
let internal: ClipboardContent | undefined;
export function setInternalClipboard(c: ClipboardContent): void {
  internal = c;
}
export function getInternalClipboard(): ClipboardContent | undefined {
  return internal;
}
