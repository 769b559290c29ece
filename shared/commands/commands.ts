// Every edit of a document is one of these named commands. They are plain JSON data, so a
// diagnostic can carry its fix as commands, a test can replay them, and the editor can record
// them; `applyCommand` is the only code that changes a document.
import type {
  EndKey,
  Gateway,
  GatewayId,
  Network,
  NetworkId,
  Position,
  ProxyId,
  Route,
  TopologyDocument,
  Tunnel,
  TunnelEnd,
  TunnelId,
} from '../model/document';

export type NodeRef = { kind: 'gateway'; id: GatewayId } | { kind: 'network'; id: NetworkId };

export type Command =
  | { type: 'document.rename'; name: string }
  | { type: 'document.setNotes'; notes: string }
  | { type: 'gateway.add'; gateway: Gateway }
  | { type: 'gateway.update'; id: GatewayId; changes: Partial<Omit<Gateway, 'id'>> }
  | { type: 'gateway.remove'; id: GatewayId }
  | { type: 'route.add'; gatewayId: GatewayId; route: Route }
  | { type: 'route.remove'; gatewayId: GatewayId; index: number }
  | { type: 'network.add'; network: Network }
  | { type: 'network.update'; id: NetworkId; changes: Partial<Omit<Network, 'id'>> }
  | { type: 'network.remove'; id: NetworkId }
  | { type: 'nodes.move'; moves: { node: NodeRef; position: Position }[] }
  | { type: 'tunnel.add'; tunnel: Tunnel }
  | { type: 'tunnel.update'; id: TunnelId; changes: Partial<Pick<Tunnel, 'name' | 'initiator' | 'notes'>> }
  | { type: 'tunnel.remove'; id: TunnelId }
  | { type: 'tunnelEnd.update'; tunnelId: TunnelId; end: EndKey; changes: Partial<Omit<TunnelEnd, 'gatewayId'>> }
  /** Changes how an end authenticates, never its key: a diagnostic's fix carries no key material. */
  | { type: 'tunnelEnd.updateAuth'; tunnelId: TunnelId; end: EndKey; changes: Partial<Omit<TunnelEnd['auth'], 'psk'>> }
  /** Gives `to` the pre-shared key of `from`, read when applied, so a report holding this fix holds no key. */
  | { type: 'tunnelEnd.copyPsk'; tunnelId: TunnelId; from: EndKey; to: EndKey }
  | { type: 'proxyId.add'; tunnelId: TunnelId; end: EndKey; proxyId: ProxyId; index?: number }
  | { type: 'proxyId.update'; tunnelId: TunnelId; end: EndKey; index: number; changes: Partial<ProxyId> }
  | { type: 'proxyId.remove'; tunnelId: TunnelId; end: EndKey; index: number }
  | { type: 'proxyId.setAll'; tunnelId: TunnelId; end: EndKey; proxyIds: ProxyId[] }
  | { type: 'batch'; label: string; commands: Command[] };

export type CommandType = Command['type'];

/** Names for menus and the undo history ("Undo Move"). */
export const COMMAND_LABELS: Record<CommandType, string> = {
  'document.rename': 'Rename Topology',
  'document.setNotes': 'Edit Notes',
  'gateway.add': 'Add Gateway',
  'gateway.update': 'Edit Gateway',
  'gateway.remove': 'Delete Gateway',
  'route.add': 'Add Route',
  'route.remove': 'Delete Route',
  'network.add': 'Add Network',
  'network.update': 'Edit Network',
  'network.remove': 'Delete Network',
  'nodes.move': 'Move',
  'tunnel.add': 'Add Tunnel',
  'tunnel.update': 'Edit Tunnel',
  'tunnel.remove': 'Delete Tunnel',
  'tunnelEnd.update': 'Edit Tunnel End',
  'tunnelEnd.updateAuth': 'Edit Authentication',
  'tunnelEnd.copyPsk': 'Copy Pre-shared Key',
  'proxyId.add': 'Add Proxy ID',
  'proxyId.update': 'Edit Proxy ID',
  'proxyId.remove': 'Delete Proxy ID',
  'proxyId.setAll': 'Set Proxy IDs',
  batch: 'Edit',
};

export function commandLabel(cmd: Command): string {
  return cmd.type === 'batch' ? cmd.label : COMMAND_LABELS[cmd.type];
}

/**
 * A command that names something that is not there. The UI only builds commands for what it
 * shows, so this is a stale fix or a bug, never a user's typing; the dispatcher reports it and
 * leaves the document as it was.
 */
export class CommandTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandTargetError';
  }
}

function find<T extends { id: string }>(items: T[], id: string, what: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new CommandTargetError(`${what} "${id}" does not exist`);
  return item;
}

function tunnelEnd(doc: TopologyDocument, tunnelId: TunnelId, end: EndKey): TunnelEnd {
  return find(doc.tunnels, tunnelId, 'tunnel')[end];
}

function checkIndex(list: readonly unknown[], index: number, what: string, allowEnd = false): void {
  const max = allowEnd ? list.length : list.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) throw new CommandTargetError(`${what} ${index} does not exist`);
}

/** Applies one command to a draft (an immer draft in the editor, or a plain clone in tests). */
export function applyCommand(doc: TopologyDocument, cmd: Command): void {
  switch (cmd.type) {
    case 'document.rename':
      doc.name = cmd.name;
      return;
    case 'document.setNotes':
      doc.notes = cmd.notes;
      return;
    case 'gateway.add':
      if (doc.gateways.some((g) => g.id === cmd.gateway.id)) throw new CommandTargetError(`gateway "${cmd.gateway.id}" already exists`);
      doc.gateways.push(cmd.gateway);
      return;
    case 'gateway.update':
      Object.assign(find(doc.gateways, cmd.id, 'gateway'), cmd.changes);
      return;
    case 'gateway.remove': {
      find(doc.gateways, cmd.id, 'gateway');
      // A gateway takes its networks and tunnels with it: the document never holds a dangling reference.
      doc.gateways = doc.gateways.filter((g) => g.id !== cmd.id);
      doc.networks = doc.networks.filter((n) => n.gatewayId !== cmd.id);
      doc.tunnels = doc.tunnels.filter((t) => t.a.gatewayId !== cmd.id && t.b.gatewayId !== cmd.id);
      return;
    }
    case 'route.add':
      find(doc.gateways, cmd.gatewayId, 'gateway').routes.push(cmd.route);
      return;
    case 'route.remove': {
      const gw = find(doc.gateways, cmd.gatewayId, 'gateway');
      checkIndex(gw.routes, cmd.index, 'route');
      gw.routes.splice(cmd.index, 1);
      return;
    }
    case 'network.add':
      if (doc.networks.some((n) => n.id === cmd.network.id)) throw new CommandTargetError(`network "${cmd.network.id}" already exists`);
      find(doc.gateways, cmd.network.gatewayId, 'gateway');
      doc.networks.push(cmd.network);
      return;
    case 'network.update':
      if (cmd.changes.gatewayId !== undefined) find(doc.gateways, cmd.changes.gatewayId, 'gateway');
      Object.assign(find(doc.networks, cmd.id, 'network'), cmd.changes);
      return;
    case 'network.remove':
      find(doc.networks, cmd.id, 'network');
      doc.networks = doc.networks.filter((n) => n.id !== cmd.id);
      return;
    case 'nodes.move':
      for (const { node, position } of cmd.moves) {
        const target = node.kind === 'gateway' ? find(doc.gateways, node.id, 'gateway') : find(doc.networks, node.id, 'network');
        target.position = { x: position.x, y: position.y };
      }
      return;
    case 'tunnel.add':
      if (doc.tunnels.some((t) => t.id === cmd.tunnel.id)) throw new CommandTargetError(`tunnel "${cmd.tunnel.id}" already exists`);
      find(doc.gateways, cmd.tunnel.a.gatewayId, 'gateway');
      find(doc.gateways, cmd.tunnel.b.gatewayId, 'gateway');
      doc.tunnels.push(cmd.tunnel);
      return;
    case 'tunnel.update':
      Object.assign(find(doc.tunnels, cmd.id, 'tunnel'), cmd.changes);
      return;
    case 'tunnel.remove':
      find(doc.tunnels, cmd.id, 'tunnel');
      doc.tunnels = doc.tunnels.filter((t) => t.id !== cmd.id);
      return;
    case 'tunnelEnd.update':
      Object.assign(tunnelEnd(doc, cmd.tunnelId, cmd.end), cmd.changes);
      return;
    case 'tunnelEnd.updateAuth': {
      // A key in a hand-written command is ignored, as the type says: keys change only by copyPsk or the inspector.
      const { psk: _key, ...changes } = cmd.changes as Partial<TunnelEnd['auth']>;
      Object.assign(tunnelEnd(doc, cmd.tunnelId, cmd.end).auth, changes);
      return;
    }
    case 'tunnelEnd.copyPsk': {
      const t = find(doc.tunnels, cmd.tunnelId, 'tunnel');
      if (cmd.from === cmd.to) throw new CommandTargetError(`a key cannot be copied from end ${cmd.from} to itself`);
      t[cmd.to].auth.psk = t[cmd.from].auth.psk;
      return;
    }
    case 'proxyId.add': {
      const end = tunnelEnd(doc, cmd.tunnelId, cmd.end);
      const index = cmd.index ?? end.proxyIds.length;
      checkIndex(end.proxyIds, index, 'proxy ID position', true);
      end.proxyIds.splice(index, 0, cmd.proxyId);
      return;
    }
    case 'proxyId.update': {
      const end = tunnelEnd(doc, cmd.tunnelId, cmd.end);
      checkIndex(end.proxyIds, cmd.index, 'proxy ID');
      Object.assign(end.proxyIds[cmd.index] as ProxyId, cmd.changes);
      return;
    }
    case 'proxyId.remove': {
      const end = tunnelEnd(doc, cmd.tunnelId, cmd.end);
      checkIndex(end.proxyIds, cmd.index, 'proxy ID');
      end.proxyIds.splice(cmd.index, 1);
      return;
    }
    case 'proxyId.setAll':
      tunnelEnd(doc, cmd.tunnelId, cmd.end).proxyIds = cmd.proxyIds;
      return;
    case 'batch':
      for (const c of cmd.commands) applyCommand(doc, c);
      return;
    default: {
      const unreachable: never = cmd;
      throw new CommandTargetError(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}
