// Cisco `show crypto ipsec sa`, ASA and IOS-XE layouts: per interface and crypto map entry,
// the proxy idents (addr/mask/prot/port), counters, SPIs, transform and remaining lifetime.
// Only ACTIVE SAs are listed, as on the box.
import { parseAddressSpec, prefixLength, formatIp } from '../../net/address';
import { protocolNumber } from '../../model/protocol';
import { spiOf } from '../../vocabulary/sa';
import type { ProxyId } from '../../model/document';
import { espOf, lifeLeft, type ShowContext } from '../kit/show';

const ENC: Record<string, string> = { des: 'esp-des', '3des': 'esp-3des', aes128: 'esp-aes', aes192: 'esp-aes-192', aes256: 'esp-aes-256', aes128gcm16: 'esp-aes-gcm', aes256gcm16: 'esp-aes-gcm-256', null: 'esp-null', chacha20poly1305: 'esp-chacha20-poly1305' };
const IOS_ENC: Record<string, string> = { des: 'esp-des', '3des': 'esp-3des', aes128: 'esp-aes', aes192: 'esp-192-aes', aes256: 'esp-256-aes', aes128gcm16: 'esp-gcm', aes256gcm16: 'esp-gcm 256', null: 'esp-null', chacha20poly1305: 'esp-chacha20-poly1305' };
const IOS_INT: Record<string, string> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', sha256: 'esp-sha256-hmac', sha384: 'esp-sha384-hmac', sha512: 'esp-sha512-hmac', none: '' };
const INT: Record<string, string> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', sha256: 'esp-sha-256-hmac', sha384: 'esp-sha-384-hmac', sha512: 'esp-sha-512-hmac', none: '' };

/** "10.1.0.0/255.255.255.0/0/0" as ASA prints a proxy ident. */
function ident(spec: string, protocol: number, port: string): string {
  const r = parseAddressSpec(spec.replace('..', '-'));
  if (!r.ok) return `${spec}/${protocol}/${port === 'any' ? 0 : port}`;
  const len = prefixLength(r.value) ?? 32;
  const bits = r.value.family === 4 ? 32 : 128;
  const mask = r.value.family === 4 ? formatIp(4, ((1n << 32n) - 1n) ^ ((1n << BigInt(bits - len)) - 1n)) : String(len);
  return `${formatIp(r.value.family, r.value.from)}/${mask}/${protocol}/${port === 'any' ? 0 : port}`;
}

function portOf(sel: string): string {
  const m = /\[[^/\]]+\/([^\]]+)\]/.exec(sel);
  return m?.[1] ?? 'any';
}

function aclLine(p: ProxyId): string {
  const proto = protocolNumber(p.protocol);
  const word = (s: string) => {
    if (s === 'any') return 'any';
    const r = parseAddressSpec(s);
    if (!r.ok) return s;
    const len = prefixLength(r.value);
    return len === 32 ? `host ${formatIp(4, r.value.from)}` : ident(s, 0, 'any').split('/').slice(0, 2).join(' ');
  };
  return `access-list ${p.name || 'VPN'} extended permit ${proto === 0 ? 'ip' : String(p.protocol)} ${word(p.local)} ${word(p.remote)}`;
}

/** ASA layout: per interface and crypto map entry, with the ACL line behind each SA. */
export function showCryptoIpsecSaAsa(ctx: ShowContext): string {
  const out: string[] = [];
  const byIface = new Map<string, typeof ctx.ends>();
  for (const e of ctx.ends) byIface.set(e.end.outsideInterface || 'outside', [...(byIface.get(e.end.outsideInterface || 'outside') ?? []), e]);
  if ([...byIface.values()].every((ends) => ends.every((e) => e.sas.every((s) => s.record.state !== 'ACTIVE')))) return 'There are no ipsec sas\n';
  for (const [iface, ends] of byIface) {
    out.push(`interface: ${iface}`);
    ends.forEach((e, ei) => {
      e.sas.forEach(({ record, proxyId }, si) => {
        if (record.state !== 'ACTIVE') return;
        const esp = espOf(record, e.end, proxyId);
        const local = record.negotiated?.local[0] ?? proxyId.local;
        const remote = record.negotiated?.remote[0] ?? proxyId.remote;
        const proto = protocolNumber(proxyId.protocol);
        const inSpi = spiOf(record, 'in').toUpperCase();
        const outSpi = spiOf(record, 'out').toUpperCase();
        const life = lifeLeft(record, e.end, ctx.now);
        const kb = e.end.esp.lifetimeKilobytes ?? 4608000;
        const transform = [ENC[esp.encryption] ?? esp.encryption, INT[esp.integrity] ?? esp.integrity].filter((x) => x !== '').join(' ');
        const seq = (ei + 1) * 10 + si;
        const sa = (dir: 'inbound' | 'outbound', spi: string) => [
          `    ${dir} esp sas:`,
          `      spi: 0x${spi} (${parseInt(spi, 16)})`,
          `         transform: ${transform} no compression`,
          `         in use settings ={L2L, ${e.end.esp.mode === 'tunnel' ? 'Tunnel' : 'Transport'}, IKEv${e.end.ikeVersion}, }`,
          `         slot: 0, conn_id: ${4096 + seq}, crypto-map: CMAP`,
          `         sa timing: remaining key lifetime (kB/sec): (${kb}/${life})`,
          `         IV size: 16 bytes`,
          `         replay detection support: Y`,
        ];
        out.push(
          `    Crypto map tag: CMAP, seq num: ${seq}, local addr: ${e.localIp}`,
          '',
          `      ${aclLine(proxyId)}`,
          `      local ident (addr/mask/prot/port): (${ident(local.replace(/\[.*$/, ''), proto, portOf(local))})`,
          `      remote ident (addr/mask/prot/port): (${ident(remote.replace(/\[.*$/, ''), proto, portOf(remote))})`,
          `      current_peer: ${e.peerIp}`,
          '',
          `      #pkts encaps: ${record.packetsOut}, #pkts encrypt: ${record.packetsOut}, #pkts digest: ${record.packetsOut}`,
          `      #pkts decaps: ${record.packetsIn}, #pkts decrypt: ${record.packetsIn}, #pkts verify: ${record.packetsIn}`,
          '      #pkts compressed: 0, #pkts decompressed: 0',
          `      #pkts not compressed: ${record.packetsOut}, #pkts comp failed: 0, #pkts decomp failed: 0`,
          '      #send errors: 0, #recv errors: 0',
          '',
          `      local crypto endpt.: ${e.localIp}/0, remote crypto endpt.: ${e.peerIp}/0`,
          '      path mtu 1500, ipsec overhead 74(44), media mtu 1500',
          `      current outbound spi: ${outSpi}`,
          `      current inbound spi : ${inSpi}`,
          '',
          ...sa('inbound', inSpi),
          ...sa('outbound', outSpi),
          '',
        );
      });
    });
  }
  return `${out.join('\n')}\n`;
}

/** IOS-XE layout: `protected vrf`, `current_peer … port 500`, PFS line, `Status: ACTIVE(ACTIVE)`. */
export function showCryptoIpsecSaIos(ctx: ShowContext): string {
  const out: string[] = [];
  if (ctx.ends.every((e) => e.sas.every((s) => s.record.state !== 'ACTIVE'))) return '';
  for (const e of ctx.ends) {
    const iface = e.end.outsideInterface || 'GigabitEthernet0/0/0';
    out.push(`interface: ${iface}`, `    Crypto map tag: CMAP, local addr ${e.localIp}`, '');
    e.sas.forEach(({ record, proxyId }, si) => {
      if (record.state !== 'ACTIVE') return;
      const esp = espOf(record, e.end, proxyId);
      const proto = protocolNumber(proxyId.protocol);
      const local = record.negotiated?.local[0] ?? proxyId.local;
      const remote = record.negotiated?.remote[0] ?? proxyId.remote;
      const inSpi = spiOf(record, 'in').toUpperCase();
      const outSpi = spiOf(record, 'out').toUpperCase();
      const life = lifeLeft(record, e.end, ctx.now);
      const kb = e.end.esp.lifetimeKilobytes ?? 4608000;
      const pfs = e.end.esp.proposals[0]?.dhGroups[0];
      const transform = `${[IOS_ENC[esp.encryption] ?? esp.encryption, IOS_INT[esp.integrity] ?? esp.integrity].filter((x) => x !== '').join(' ')} ,`;
      const sa = (dir: 'inbound' | 'outbound', spi: string) => [
        `     ${dir} esp sas:`,
        `      spi: 0x${spi}(${parseInt(spi, 16)})`,
        `        transform: ${transform}`,
        `        in use settings ={${e.end.esp.mode === 'tunnel' ? 'Tunnel' : 'Transport'}, }`,
        `        conn id: ${2001 + si}, flow_id: ${2001 + si}, crypto map: CMAP`,
        `        sa timing: remaining key lifetime (k/sec): (${kb}/${life})`,
        '        IV size: 16 bytes',
        '        replay detection support: Y',
        '        Status: ACTIVE(ACTIVE)',
        '',
      ];
      out.push(
        '   protected vrf: (none)',
        `   local  ident (addr/mask/prot/port): (${ident(local.replace(/\[.*$/, ''), proto, portOf(local))})`,
        `   remote ident (addr/mask/prot/port): (${ident(remote.replace(/\[.*$/, ''), proto, portOf(remote))})`,
        `   current_peer ${e.peerIp} port 500`,
        '     PERMIT, flags={origin_is_acl,}',
        `    #pkts encaps: ${record.packetsOut}, #pkts encrypt: ${record.packetsOut}, #pkts digest: ${record.packetsOut}`,
        `    #pkts decaps: ${record.packetsIn}, #pkts decrypt: ${record.packetsIn}, #pkts verify: ${record.packetsIn}`,
        '    #pkts compressed: 0, #pkts decompressed: 0',
        '    #pkts not compressed: 0, #pkts compr. failed: 0',
        '    #pkts not decompressed: 0, #pkts decompress failed: 0',
        '    #send errors 0, #recv errors 0',
        '',
        `     local crypto endpt.: ${e.localIp}, remote crypto endpt.: ${e.peerIp}`,
        `     plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu idb ${iface}`,
        `     current outbound spi: 0x${outSpi}(${parseInt(outSpi, 16)})`,
        `     PFS (Y/N): ${pfs !== undefined ? 'Y' : 'N'}, DH group: ${pfs !== undefined ? `group${pfs}` : 'none'}`,
        '',
        ...sa('inbound', inSpi),
        ...sa('outbound', outSpi),
      );
    });
  }
  return `${out.join('\n')}\n`;
}
