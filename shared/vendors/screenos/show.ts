// ScreenOS `get sa`, laid out as in Juniper KB16008 and KB6134: one line per direction of each SA
// ("<" inbound, ">" outbound), the Sta column from the monitor rule table (I/I, A/-, A/U, A/D).
import { STA_COLUMN } from './monitor';
import { decide } from '../../vocabulary/decision-table';
import { spiOf } from '../../vocabulary/sa';
import { espOf, lifeLeft, pad, padStart, type ShowContext } from '../kit/show';

// The simulated gateways talk IKE directly (no NAT between them is modelled), so port 500.
const IKE_PORT = 500;
const INTEGRITY: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', none: 'null' };

export function getSa(ctx: ShowContext): string {
  const rows = ctx.ends.flatMap((e) => e.sas.map((s) => ({ e, ...s })));
  const lines = [`total configured sa: ${rows.length}`, 'HEX ID    Gateway         Port Algorithm     SPI      Life:sec kb Sta   PID vsys'];
  rows.forEach(({ e, record, proxyId, link }, i) => {
    const id = (i + 1).toString(16).padStart(8, '0');
    const esp = espOf(record, e.end, proxyId);
    const algorithm = `esp:${esp.encryption}/${INTEGRITY[esp.integrity] ?? esp.integrity}`;
    const active = record.state === 'ACTIVE';
    const sta = decide(STA_COLUMN, { state: record.state, link }).value;
    const life = active ? String(lifeLeft(record, e.end, ctx.now)) : 'expir';
    const kb = e.end.esp.lifetimeKilobytes ? String(e.end.esp.lifetimeKilobytes) : 'unlim';
    for (const dir of ['in', 'out'] as const) {
      const spi = active ? spiOf(record, dir) : '00000000';
      lines.push(`${id}${dir === 'in' ? '<' : '>'} ${pad(e.peerIp, 15)} ${padStart(IKE_PORT, 4)} ${pad(algorithm, 13)} ${spi} ${padStart(life, 8)} ${kb} ${pad(sta, 5)} ${padStart(-1, 3)} 0`);
    }
  });
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
