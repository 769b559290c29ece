// OpenIKED `ikectl show sa`: iked's dump of its IKE SAs, each with its Child SAs and flows, in the
// format strings of OpenIKED 7.2 iked (Debian 12's /usr/sbin/iked, ikev2_info_sa, ikev2_info_csa,
// ikev2_info_flow): `iked_sas: %p rspi %s ispi %s %s->%s<%s>[%s] %s %c%s%s nexti %p pol %p`,
// `  sa_childsas: %p %s %s %s %s -> %s (%s%s%s%s) B=%p P=%p @%p`, `  sa_flows: %p %s %s %s/%d ->
// %s/%d %s%s%s%s%s[%u]@%d (%s) @%p`. iked installs its policy's own flows (openiked.installs-own),
// so the flows printed are the proxy IDs of this end, not what the peer narrowed to. Pointers are
// the daemon's memory addresses: made up here, stable per SA.
import { spiOf } from '../../vocabulary/sa';
import { parseAddressSpec } from '../../net/address';
import type { ShowContext } from '../kit/show';

function hex(text: string, digits: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let out = h.toString(16);
  while (out.length < digits) {
    h = Math.imul(h ^ out.length, 0x01000193) >>> 0;
    out += h.toString(16);
  }
  return out.slice(0, digits);
}

const pointer = (key: string): string => `0x${hex(key, 12)}`;

/** A flow end as iked prints it: address/prefix length (`any` as 0.0.0.0/0). */
function flowEnd(text: string): string {
  const r = parseAddressSpec(text === 'any' ? '0.0.0.0/0' : text);
  if (!r.ok) return text;
  const size = r.value.to - r.value.from + 1n;
  // iked flows are prefixes (the export splits a range); a range is printed as written.
  if ((size & (size - 1n)) !== 0n || r.value.from % size !== 0n) return text;
  const bits = r.value.family === 6 ? 128 : 32;
  const len = bits - (size.toString(2).length - 1);
  return `${text.split('/')[0]?.split('-')[0] ?? text}/${len}`;
}

const ID: Record<string, string> = { address: 'ipv4', fqdn: 'fqdn', 'user-fqdn': 'ufqdn', dn: 'asn1_dn', 'key-id': 'keyid' };

export function ikectlShowSa(ctx: ShowContext): string {
  const out: string[] = [];
  const flows: string[] = [];
  for (const e of ctx.ends) {
    const active = e.sas.filter((s) => s.record.state === 'ACTIVE');
    if (active.length === 0 || !e.reachable) continue;
    const initiator = e.endKey === e.tunnel.initiator;
    const first = Math.min(...active.map((s) => s.record.establishedAt ?? ctx.now));
    const sa = pointer(`${e.tunnel.id}|sa|${first}`);
    const ispi = `0x${hex(`${e.tunnel.id}|i|${first}`, 16)}`;
    const rspi = `0x${hex(`${e.tunnel.id}|r|${first}`, 16)}`;
    const dstid = e.end.auth.remoteId ? `${ID[e.end.auth.remoteId.type] ?? 'fqdn'}/${e.end.auth.remoteId.value}` : `ipv4/${e.peerIp}`;
    const srcid = e.end.auth.localId ? `${ID[e.end.auth.localId.type] ?? 'fqdn'}/${e.end.auth.localId.value}` : `ipv4/${e.localIp}`;
    const local = `${e.localIp}:500`;
    const peer = `${e.peerIp}:500`;
    out.push(`iked_sas: ${sa} rspi ${rspi} ispi ${ispi} ${local}->${peer}<${dstid}>[${srcid}] ESTABLISHED ${initiator ? 'i' : 'r'} nexti 0x0 pol ${pointer(`${e.tunnel.id}|pol`)}`);
    for (const { record, proxyId } of active) {
      for (const dir of ['out', 'in'] as const) {
        const [from, to] = dir === 'out' ? [local, peer] : [peer, local];
        out.push(`  sa_childsas: ${pointer(`${e.tunnel.id}|${record.index}|${dir}`)} ESP 0x${spiOf(record, dir).replace(/^0x/u, '')} ${dir} ${from} -> ${to} (L) B=0x0 P=${pointer(`${e.tunnel.id}|${record.index}|peer-${dir}`)} @${sa}`);
      }
      const l = flowEnd(proxyId.local);
      const r = flowEnd(proxyId.remote);
      const proto = proxyId.protocol === 'tcp' ? 6 : proxyId.protocol === 'udp' ? 17 : proxyId.protocol === 'icmp' ? 1 : 0;
      for (const [dir, src, dst] of [['out', l, r], ['in', r, l]] as const) {
        const line = `${pointer(`${e.tunnel.id}|${record.index}|flow-${dir}`)} ESP ${dir} ${src} -> ${dst} [${proto}]@-1 (L) @${sa}`;
        out.push(`  sa_flows: ${line}`);
        flows.push(`iked_flows: ${line}`);
      }
    }
    out.push(`iked_activesas: ${pointer(`${e.tunnel.id}|${active[0]?.record.index ?? 0}|out`)} ESP 0x${active[0] ? spiOf(active[0].record, 'out').replace(/^0x/u, '') : '0'}`);
    out.push(`iked_dstid_sas: ${sa} rspi ${rspi} ispi ${ispi} ${local}->${peer}<${dstid}>[${srcid}] ESTABLISHED ${initiator ? 'i' : 'r'} nexti 0x0 pol ${pointer(`${e.tunnel.id}|pol`)}`);
  }
  const all = [...out, ...flows];
  return all.length ? `${all.join('\n')}\n` : '';
}
