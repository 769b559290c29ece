// strongSwan `swanctl --list-sas`, laid out as in the strongSwan documentation: one IKE SA per
// tunnel with its CHILD_SAs (one per installed proxy ID), SPIs, counters and selectors.
import { spiOf } from '../../vocabulary/sa';
import { ageSeconds, espOf, lifeLeft, type ShowContext } from '../kit/show';

const ENC: Record<string, string> = { des: 'DES_CBC', '3des': '3DES_CBC', aes128: 'AES_CBC-128', aes192: 'AES_CBC-192', aes256: 'AES_CBC-256', aes128gcm16: 'AES_GCM_16-128', aes256gcm16: 'AES_GCM_16-256', chacha20poly1305: 'CHACHA20_POLY1305', null: 'NULL' };
const INT: Record<string, string> = { md5: 'HMAC_MD5_96', sha1: 'HMAC_SHA1_96', sha256: 'HMAC_SHA2_256_128', sha384: 'HMAC_SHA2_384_192', sha512: 'HMAC_SHA2_512_256', none: '' };
const PRF: Record<string, string> = { md5: 'PRF_HMAC_MD5', sha1: 'PRF_HMAC_SHA1', sha256: 'PRF_HMAC_SHA2_256', sha384: 'PRF_HMAC_SHA2_384', sha512: 'PRF_HMAC_SHA2_512', none: 'PRF_HMAC_SHA2_256' };
const DH: Record<number, string> = { 1: 'MODP_768', 2: 'MODP_1024', 5: 'MODP_1536', 14: 'MODP_2048', 15: 'MODP_3072', 16: 'MODP_4096', 17: 'MODP_6144', 18: 'MODP_8192', 19: 'ECP_256', 20: 'ECP_384', 21: 'ECP_521', 24: 'MODP_2048_256', 31: 'CURVE_25519', 32: 'CURVE_448' };

function hex16(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function swanctlListSas(ctx: ShowContext): string {
  const out: string[] = [];
  ctx.ends.forEach((e, ikeIndex) => {
    const active = e.sas.filter((s) => s.record.state === 'ACTIVE');
    if (active.length === 0 || !e.reachable) return;
    const firstEstablished = Math.min(...active.map((s) => s.record.establishedAt ?? ctx.now));
    const ike = e.end.ike.proposals[0];
    const integ = ike?.integrity[0] ?? 'sha256';
    const role = e.endKey === e.tunnel.initiator;
    const spis = [hex16(`${e.tunnel.id}|i|${firstEstablished}`), hex16(`${e.tunnel.id}|r|${firstEstablished}`)];
    // No NAT between the gateways is modelled, so IKE stays on port 500.
    const port = 500;
    out.push(
      `${e.tunnel.name}: #${ikeIndex + 1}, ESTABLISHED, IKEv${e.end.ikeVersion}, ${spis[0]}_i${role ? '*' : ''} ${spis[1]}_r${role ? '' : '*'}`,
      `  local  '${e.end.auth.localId?.value ?? e.localIp}' @ ${e.localIp}[${port}]`,
      `  remote '${e.end.auth.remoteId?.value ?? e.peerIp}' @ ${e.peerIp}[${port}]`,
      `  ${[ENC[ike?.encryption[0] ?? 'aes256'], INT[integ], PRF[integ], DH[ike?.dhGroups[0] ?? 14]].filter((x) => x).join('/')}`,
      `  established ${Math.floor((ctx.now - firstEstablished) / 1000)}s ago, rekeying in ${Math.max(0, Math.floor(e.end.ike.lifetimeSeconds - (ctx.now - firstEstablished) / 1000))}s`,
    );
    active.forEach(({ record, proxyId }, childIndex) => {
      const esp = espOf(record, e.end, proxyId);
      const life = lifeLeft(record, e.end, ctx.now);
      const child = proxyId.name || e.tunnel.name;
      const algs = [ENC[esp.encryption] ?? esp.encryption.toUpperCase(), INT[esp.integrity] ?? ''].filter((x) => x).join('/');
      out.push(
        `  ${child}: #${childIndex + 1}, reqid ${record.index + 1}, INSTALLED, ${e.end.esp.mode.toUpperCase()}, ESP:${algs}`,
        `    installed ${ageSeconds(record, ctx.now)}s ago, rekeying in ${Math.floor(life * 0.9)}s, expires in ${life}s`,
        `    in  ${spiOf(record, 'in')}, ${String(record.bytesIn).padStart(6)} bytes, ${String(record.packetsIn).padStart(5)} packets`,
        `    out ${spiOf(record, 'out')}, ${String(record.bytesOut).padStart(6)} bytes, ${String(record.packetsOut).padStart(5)} packets`,
        `    local  ${(record.negotiated?.local ?? []).join(' ')}`,
        `    remote ${(record.negotiated?.remote ?? []).join(' ')}`,
      );
    });
  });
  return out.length ? `${out.join('\n')}\n` : '';
}
