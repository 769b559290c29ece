// strongSwan's notations for values, shared by the swanctl.conf and the legacy ipsec.conf readers:
// proposals (proposal_keywords_static.txt), times and byte counts (vici_config.c parse_time,
// parse_bytes), identities ("Identity Parsing") and traffic selectors (vici_config.c parse_ts).
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { DH_GROUPS, ENCRYPTION_ALGORITHMS } from '../../model/document';
import { parseAddressSpec, parseIp } from '../../net/address';
import { formatSelector, fromRange, isIcmp, protocolNumber } from '../../net/selector';
import { DH_NAMES } from '../kit/export/common';
import type { PeerMeaning, ProposalMeaning } from '../kit/reader';

const ENC_WORDS = new Map<string, Encryption>(ENCRYPTION_ALGORITHMS.map((e) => [e, e]));
const INT_WORDS = new Map<string, Integrity>([['md5', 'md5'], ['sha1', 'sha1'], ['sha', 'sha1'], ['sha256', 'sha256'], ['sha2_256', 'sha256'], ['sha384', 'sha384'], ['sha2_384', 'sha384'], ['sha512', 'sha512'], ['sha2_512', 'sha512']]);
const DH_WORDS = new Map<string, DhGroup>(DH_GROUPS.map((g) => [DH_NAMES[g], g]));
const AEAD = new Set<Encryption>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

/**
 * One proposal string (`aes256-sha256-modp2048`, `aes128gcm16-prfsha256-ecp256`), by the
 * keywords of proposal_keywords_static.txt this product's designs use; undefined for one it does
 * not know. An AEAD proposal's PRF is what the design calls its integrity (IKE).
 */
function proposal(text: string, kind: 'ike' | 'esp'): ProposalMeaning | undefined {
  const p: ProposalMeaning = { encryption: [], integrity: [], dhGroups: [] };
  for (const word of text.trim().toLowerCase().split('-')) {
    const e = ENC_WORDS.get(word === 'aes' ? 'aes128' : word);
    const i = INT_WORDS.get(word.startsWith('prf') ? word.slice(3) : word);
    const g = DH_WORDS.get(word === 'x25519' ? 'curve25519' : word === 'x448' ? 'curve448' : word);
    if (e) p.encryption.push(e);
    else if (i && (kind === 'ike' || !word.startsWith('prf'))) {
      // IKE: a classic proposal's integrity is its PRF unless one is named; an AEAD one names its PRF.
      if (!word.startsWith('prf') || p.integrity.length === 0 || p.encryption.every((x) => AEAD.has(x))) {
        if (!p.integrity.includes(i)) p.integrity.push(i);
      }
    } else if (g) p.dhGroups.push(g);
    else if (word === 'noesn' || word === 'esn') continue;
    else return undefined;
  }
  return p.encryption.length > 0 ? p : undefined;
}

/** A proposals value, or undefined when a proposal is not understood. */
export function proposals(value: string, kind: 'ike' | 'esp'): ProposalMeaning[] | undefined {
  const out: ProposalMeaning[] = [];
  for (const part of value.split(',').map((x) => x.trim()).filter(Boolean)) {
    // `default`: charon's own list (proposal.c), which depends on its plugins: not read.
    const p = part === 'default' ? undefined : proposal(part, kind);
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

/** A time value (vici_config.c parse_time): a number with s, m, h or d. */
export function seconds(value: string): number | undefined {
  const m = /^(\d+)\s*([smhd]?)$/iu.exec(value.trim());
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[(m[2] as string).toLowerCase()] as number;
  return Number(m[1]) * unit;
}

/** A byte value (parse_bytes): a number with k, m or g (1024 multiples). */
export function bytes(value: string): number | undefined {
  const m = /^(\d+)\s*([kmg]?)$/iu.exec(value.trim());
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] as string).toLowerCase()] as number;
  return Number(m[1]) * unit;
}

/** An identity in charon's notation ("Identity Parsing"), as `type:value`; undefined for `%any`. */
export function identity(value: string): string | undefined {
  const v = value.trim();
  if (v === '' || v === '%any') return undefined;
  const prefixed = /^(fqdn|email|rfc822|keyid|ipv4|ipv6|asn1dn|dns|userfqdn):(.*)$/u.exec(v);
  if (prefixed) {
    const type = { fqdn: 'fqdn', dns: 'fqdn', email: 'user-fqdn', rfc822: 'user-fqdn', userfqdn: 'user-fqdn', keyid: 'key-id', ipv4: 'address', ipv6: 'address', asn1dn: 'dn' }[prefixed[1] as string];
    return `${type}:${prefixed[2]}`;
  }
  if (parseIp(v).ok) return `address:${v}`;
  if (v.includes('=')) return `dn:${v}`;
  if (v.includes('@')) return `user-fqdn:${v}`;
  return `fqdn:${v}`;
}

/**
 * A traffic selector as charon reads it (vici_config.c parse_ts): an address, prefix or `a-b`
 * range, or `dynamic` (the IKE address), then optionally `[protocol/port]`: the protocol by name,
 * number or `any`, the port `any`, a number or `from-to`, as the 16-bit value of the selector (for
 * ICMP the type in the high byte and the code in the low byte). Undefined when not understood.
 */
export function trafficSelector(text: string, address: string | undefined): string | undefined {
  const open = text.indexOf('[');
  const addressText = open < 0 ? text : text.slice(0, open);
  const range = parseAddressSpec(addressText === 'dynamic' ? (address ?? '') : addressText);
  if (!range.ok) return undefined;
  let protocol = 0;
  let ports = { from: 0, to: 65535 };
  if (open >= 0) {
    const m = /^\[([^/\]]*)(?:\/([^\]]*))?\]$/u.exec(text.slice(open));
    if (!m) return undefined;
    const p = m[1] === 'any' ? 0 : protocolNumber(m[1] as string);
    if (p === undefined) return undefined;
    protocol = p;
    const port = m[2] ?? 'any';
    if (port !== 'any' && port !== '') {
      const n = /^(\d{1,5})(?:-(\d{1,5}))?$/u.exec(port);
      const from = Number(n?.[1]);
      const to = n?.[2] === undefined ? from : Number(n[2]);
      if (!n || from > 65535 || to > 65535 || from > to) return undefined;
      // charon shifts an ICMP port below 256 into the type byte (traffic_selector.c): `[icmp/3]` is type 3 code 0.
      ports = isIcmp(protocol) ? { from: from < 256 ? from << 8 : from, to: to < 256 ? to << 8 : to } : { from, to };
    }
  }
  return formatSelector(fromRange(range.value, protocol, ports.from, ports.to));
}

/** A comma list of traffic selectors; `dynamic` when not written (swanctl.conf(5) local_ts, remote_ts). */
export function selectors(value: string | undefined, address: string | undefined): string[] | undefined {
  const out: string[] = [];
  for (const part of (value ?? 'dynamic').split(',').map((x) => x.trim()).filter(Boolean)) {
    const s = trafficSelector(part, address);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}


/**
 * The shared key of the record that matches the peer's ends best (a record's identities or
 * addresses; the peer's side counts more than this box's), else one for any peer (no identity or
 * %any): how charon picks a shared secret for an IKE SA (ipsec.secrets(5), swanctl.conf(5)
 * secrets.ike<suffix>.id<suffix>: "the secret is used for … identities … matching").
 */
export function keyFor(peer: PeerMeaning, records: readonly { ids: readonly string[]; key: string }[]): string | undefined {
  const bare = (id: string | undefined) => id?.replace(/^[^:]+:/u, '');
  const remote = [peer.remoteAddress, bare(peer.auth.remoteId)];
  const local = [peer.localAddress, bare(peer.auth.localId)];
  const score = (k: { ids: readonly string[] }) => (k.ids.some((id) => remote.includes(id)) ? 2 : 0) + (k.ids.some((id) => local.includes(id)) ? 1 : 0);
  const best = records.reduce<{ ids: readonly string[]; key: string } | undefined>((top, k) => (score(k) > (top ? score(top) : 0) ? k : top), undefined);
  return (best ?? records.find((k) => k.ids.length === 0 || k.ids.includes('%any')))?.key;
}
