// Copy, cut, paste and duplicate as pure functions over the document: the clipboard holds plain
// objects; pasting gives them fresh ids and unique names, shifts them, and keeps only the
// references that still resolve (a tunnel travels only with both of its gateways).
import type { Command } from '../../shared/commands/commands';
import type { Gateway, GatewayId, Network, NetworkId, TopologyDocument, Tunnel, TunnelId } from '../../shared/model/document';
import { idAllocator, uniqueName } from '../../shared/document/factory';
import type { Selection } from '../app/panels';

export interface ClipboardContent {
  kind: 'ipsec-studio/selection';
  gateways: Gateway[];
  networks: Network[];
  tunnels: Tunnel[];
}

export function copySelection(doc: TopologyDocument, sel: Selection): ClipboardContent | undefined {
  const gwIds = new Set<string>(sel.gateways);
  const netIds = new Set<string>(sel.networks);
  const gateways = doc.gateways.filter((g) => gwIds.has(g.id));
  // A copied gateway brings the networks behind it; a tunnel needs both ends in the copy.
  const networks = doc.networks.filter((n) => netIds.has(n.id) || gwIds.has(n.gatewayId));
  const tunnels = doc.tunnels.filter((t) => sel.tunnels.includes(t.id) || (gwIds.has(t.a.gatewayId) && gwIds.has(t.b.gatewayId)));
  const keptTunnels = tunnels.filter((t) => gwIds.has(t.a.gatewayId) && gwIds.has(t.b.gatewayId));
  if (gateways.length === 0 && networks.length === 0) return undefined;
  return { kind: 'ipsec-studio/selection', gateways, networks, tunnels: keptTunnels };
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

export function pasteCommands(doc: TopologyDocument, clip: ClipboardContent, offset = { x: 40, y: 40 }): PasteResult | undefined {
  const nextId = idAllocator(doc);
  const gwNames = doc.gateways.map((g) => g.name);
  const tunNames = doc.tunnels.map((t) => t.name);
  const gwMap = new Map<string, GatewayId>();
  const gateways: Gateway[] = clip.gateways.map((g) => {
    const id = nextId('gw') as GatewayId;
    gwMap.set(g.id, id);
    const name = uniqueName(g.name, gwNames);
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
    const name = uniqueName(t.name, tunNames);
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

export function isClipboardContent(v: unknown): v is ClipboardContent {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'ipsec-studio/selection'
    && Array.isArray((v as ClipboardContent).gateways) && Array.isArray((v as ClipboardContent).networks) && Array.isArray((v as ClipboardContent).tunnels);
}

/** The in-app clipboard (the system clipboard is used as well when the browser allows it). */
let internal: ClipboardContent | undefined;
export function setInternalClipboard(c: ClipboardContent): void {
  internal = c;
}
export function getInternalClipboard(): ClipboardContent | undefined {
  return internal;
}
