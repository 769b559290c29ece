// PAN-OS operational commands, in the layout of the samples in "Proxy IDs in IPSec VPNs: A Comprehensive Look" (`show vpn ike-sa`,
// `show vpn ipsec-sa`, `show vpn ipsec-sa tunnel X detail`) and of `show vpn flow`.
import { spiOf } from '../../vocabulary/sa';
import { espOf, lifeLeft, pad, type ShowEnd, type ShowContext } from '../kit/show';

/** PAN-OS names the tunnel of a proxy ID `tunnel:proxy-id`. */
function tunnelName(e: ShowEnd, proxyName: string, many: boolean): string {
  return e.end.proxyIds.length > 0 && (many || proxyName !== '') ? `${e.tunnel.name}:${proxyName || 'proxy'}` : e.tunnel.name;
}

export function showVpnIkeSa(ctx: ShowContext): string {
  const lines = [
    `${pad('gateway', 16)} ${pad('state', 8)} ${pad('local-ip', 15)} ${pad('remote-ip', 15)} ${pad('local-id', 16)} ${pad('remote-id', 16)}`,
    `${'-'.repeat(16)} ${'-'.repeat(8)} ${'-'.repeat(15)} ${'-'.repeat(15)} ${'-'.repeat(16)} ${'-'.repeat(16)}`,
  ];
  for (const e of ctx.ends) {
    const up = e.reachable && e.sas.some((s) => s.record.state === 'ACTIVE');
    lines.push(`${pad(e.tunnel.name, 16)} ${pad(up ? 'active' : 'down', 8)} ${pad(e.localIp, 15)} ${pad(e.peerIp, 15)} ${pad(e.end.auth.localId?.value ?? e.localIp, 16)} ${pad(e.end.auth.remoteId?.value ?? e.peerIp, 16)}`);
  }
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

export function showVpnIpsecSa(ctx: ShowContext): string {
  const lines = [
    `${pad('gateway', 16)} ${pad('tunnel', 24)} ${pad('state', 6)} ${pad('local-ip', 15)} ${pad('remote-ip', 15)} ${pad('outer-tfr(Byte)', 15)} ${pad('inner-tfr(Byte)', 15)}`,
    `${'-'.repeat(16)} ${'-'.repeat(24)} ${'-'.repeat(6)} ${'-'.repeat(15)} ${'-'.repeat(15)} ${'-'.repeat(15)} ${'-'.repeat(15)}`,
  ];
  for (const e of ctx.ends) {
    for (const { record, proxyId } of e.sas) {
      if (record.state !== 'ACTIVE') continue;
      const inner = record.bytesIn + record.bytesOut;
      const outer = inner + (record.packetsIn + record.packetsOut) * 58;
      lines.push(`${pad(e.tunnel.name, 16)} ${pad(tunnelName(e, proxyId.name, e.sas.length > 1), 24)} ${pad('active', 6)} ${pad(e.localIp, 15)} ${pad(e.peerIp, 15)} ${pad(outer, 15)} ${pad(inner, 15)}`);
    }
  }
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

/** `show vpn ipsec-sa tunnel <name> detail`; `name` is the tunnel or `tunnel:proxy-id`. Undefined when no such tunnel. */
export function showVpnIpsecSaDetail(ctx: ShowContext, name: string): string | undefined {
  const blocks: string[] = [];
  for (const e of ctx.ends) {
    for (const { record, proxyId } of e.sas) {
      const tname = tunnelName(e, proxyId.name, e.sas.length > 1);
      if (name !== e.tunnel.name && name !== tname) continue;
      const esp = espOf(record, e.end, proxyId);
      const active = record.state === 'ACTIVE';
      blocks.push([
        `IPSec SA (tunnel ${tname})`,
        '-'.repeat(80),
        `Gateway: ${e.tunnel.name}`,
        `State: ${active ? 'active' : record.state === 'DOWN' ? 'down' : 'init'}`,
        `Local IP: ${e.localIp}`,
        `Peer IP: ${e.peerIp}`,
        `Protocol: ESP, Mode: ${e.end.esp.mode}`,
        `Enc: ${esp.encryption}, Auth: ${esp.integrity}`,
        ...(active ? [`Inbound SPI: ${spiText(record, 'in')}`, `Outbound SPI: ${spiText(record, 'out')}`] : []),
        `Life Size Remaining: ${e.end.esp.lifetimeKilobytes ? `${e.end.esp.lifetimeKilobytes} KB` : 'unlimited'}`,
        `Life Time Remaining: ${active ? lifeLeft(record, e.end, ctx.now) : 0} secs`,
        ...(record.notify ? [`Last failure: ${record.notify}${record.reason ? ` (${record.reason})` : ''}`] : []),
        'Traffic Selectors:',
        `Local: ${active ? (record.negotiated?.local ?? []).join(', ') : proxyId.local}`,
        `Remote: ${active ? (record.negotiated?.remote ?? []).join(', ') : proxyId.remote}`,
        `Proxy ID: ${proxyId.name || '(none)'} local ${proxyId.local} remote ${proxyId.remote} protocol ${String(proxyId.protocol)}`,
      ].join('\n'));
    }
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : undefined;
}

export function showVpnFlow(ctx: ShowContext): string {
  const rows = ctx.ends.flatMap((e) => e.sas.map((s) => ({ e, ...s })));
  const lines = [
    `${pad('total tunnels configured:', 62)}${rows.length}`,
    'filter - type IPSec, state any',
    '',
    `${pad('total IPSec tunnel configured:', 62)}${rows.length}`,
    `${pad('total IPSec tunnel shown:', 62)}${rows.length}`,
    '',
    `${pad('id', 7)} ${pad('name', 31)} ${pad('state', 7)} ${pad('monitor', 7)} ${pad('local-ip', 15)} ${pad('peer-ip', 15)} tunnel-i/f`,
    '-'.repeat(100),
  ];
  rows.forEach(({ e, record, proxyId, link }, i) => {
    const monitor = !e.end.monitor.enabled ? 'off' : link === 'down' ? 'down' : record.state === 'ACTIVE' ? 'up' : 'down';
    lines.push(`${pad(i + 1, 7)} ${pad(tunnelName(e, proxyId.name, e.sas.length > 1), 31)} ${pad(record.state === 'ACTIVE' ? 'active' : 'init', 7)} ${pad(monitor, 7)} ${pad(e.localIp, 15)} ${pad(e.peerIp, 15)} ${e.end.tunnelInterface || '-'}`);
  });
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

function spiText(record: Parameters<typeof spiOf>[0], dir: 'in' | 'out'): string {
  return spiOf(record, dir).toUpperCase();
}
