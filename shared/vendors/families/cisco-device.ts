// What the ASA and IOS-XE readers share about the box itself (hostname, interfaces, routes, the
// statement classes unrelated to VPNs) and how a file is told to be one product or the other.
import type { NatRule, SecurityPolicy } from '../../model/document';
import { formatIp, type AddressRange } from '../../net/address';
import { cidr } from '../kit/export/addresses';
import { ANY4, ANY6, maskedRange, type CiscoConfig, type Statement } from './cisco-config';

/** `A MASK` as an interface address with its prefix length (`203.0.113.1/24`); undefined when the mask is not contiguous. */
export function interfaceAddress(address: string, mask: string): string | undefined {
  const r = maskedRange(address, mask, false);
  if (!r) return undefined;
  const len = cidr(r)?.split('/')[1];
  return len === undefined ? undefined : `${address}/${len}`;
}

/** Whether `address` is on the network of an interface address `a.b.c.d/n`. */
export function onNetwork(interfaceAddr: string, address: string): boolean {
  const [ip, len] = interfaceAddr.split('/');
  const n = Number(len);
  const toInt = (t: string) => t.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
  if (!ip || !/^\d+\.\d+\.\d+\.\d+$/u.test(address) || !/^\d+\.\d+\.\d+\.\d+$/u.test(ip) || !(n >= 0 && n <= 32)) return false;
  const host = (1n << BigInt(32 - n)) - 1n;
  return (toInt(ip) & ~host & 0xffffffffn) === (toInt(address) & ~host & 0xffffffffn);
}

/** A range as the model's address text: a prefix, one address, `any`, or `a-b`. */
export function addressText(r: AddressRange): string {
  if (r.family === 4 && r.from === ANY4.from && r.to === ANY4.to) return 'any';
  if (r.family === 6 && r.from === ANY6.from && r.to === ANY6.to) return 'any6';
  if (r.from === r.to) return formatIp(r.family, r.from);
  return cidr(r) ?? `${formatIp(r.family, r.from)}-${formatIp(r.family, r.to)}`;
}

/**
 * Marks the statement and every statement under it ignored when its first words are one of
 * `heads`: whole classes of statements that configure the box, not its VPNs (management access,
 * logging, time, users, banners, QoS class and policy maps…). True when it did.
 */
/** Each list of heads split into words once (it is checked against every statement of a file). */
const splitHeads = new WeakMap<readonly string[], string[][]>();
function headWords(heads: readonly string[]): string[][] {
  let out = splitHeads.get(heads);
  if (!out) {
    out = heads.map((h) => h.split(' '));
    splitHeads.set(heads, out);
  }
  return out;
}

export function ignoreUnrelated(c: CiscoConfig, s: Statement, heads: readonly string[]): boolean {
  // The checksum line a running configuration ends with: `Cryptochecksum:<hex>`.
  const hit = /^Cryptochecksum:/u.test(s.text) || headWords(heads).some((hw) => hw.every((w, i) => s.words[i] === w));
  if (!hit) return false;
  const walk = (x: Statement) => {
    c.ignore(x);
    x.children.forEach(walk);
  };
  walk(s);
  return true;
}

/** Marks a statement and everything under it used. */
export function useAll(c: CiscoConfig, s: Statement): void {
  c.use(s);
  for (const x of s.children) useAll(c, x);
}

/** The two products' signs, each a statement shape only one of them has. */
const ASA_SIGNS: RegExp[] = [
  /^ASA Version \d/mu,
  /^ nameif \S+$/mu,
  /^ security-level \d+$/mu,
  /^tunnel-group \S+ (?:type|ipsec-attributes|general-attributes)/mu,
  /^crypto ikev[12] (?:enable \S+|policy \d+)$/mu,
  /^crypto ipsec ikev[12] /mu,
  /^crypto map \S+ interface \S+/mu,
  /^crypto map \S+ \d+ (?:match address|set peer) /mu,
  /^access-list \S+ extended (?:permit|deny) /mu,
  /^object network \S+$/mu,
  /^route \S+ \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ /mu,
  /^nat \(\S+,\S+\) /mu,
  /^access-group \S+ (?:in|out) interface /mu,
];
const IOS_SIGNS: RegExp[] = [
  /^version 1[5-7]\.\d+/mu,
  /^ip route \d/mu,
  /^crypto isakmp (?:policy|key|profile|keepalive) /mu,
  /^crypto keyring \S+/mu,
  /^ip access-list extended \S+$/mu,
  /^crypto ikev2 (?:profile|keyring|proposal) \S+$/mu,
  /^crypto ipsec transform-set \S+ /mu,
  /^crypto map \S+ \d+ ipsec-isakmp$/mu,
  /^ crypto map \S+$/mu,
  /^ ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+$/mu,
  /^ip nat inside source /mu,
  /^interface \S+\n(?: .*\n)*? ip address /mu,
];

/** How many of `signs` the text shows. */
const count = (text: string, signs: readonly RegExp[]) => signs.filter((r) => r.test(text)).length;

/**
 * How sure a reader is that `text` is its product: 0 without a sign of either Cisco product, near
 * 1 when only its own signs show, low when the other product's dominate. `ip address` under an
 * interface is also an ASA statement, so IOS signs are weighed by how many there are.
 */
export function recognizeCisco(text: string, own: 'asa' | 'ios'): number {
  const asa = count(text, ASA_SIGNS);
  const ios = count(text, IOS_SIGNS);
  // `ip address A M` under an interface is both products' syntax: without nameif, it is IOS's.
  const iosOnly = /^ nameif /mu.test(text) ? ios - Number(IOS_SIGNS[9]?.test(text)) - Number(IOS_SIGNS[11]?.test(text)) : ios;
  const mine = own === 'asa' ? asa : iosOnly;
  const theirs = own === 'asa' ? iosOnly : asa;
  if (mine + theirs === 0) return 0;
  if (mine === 0) return 0.05;
  return Math.max(0.1, Math.min(1, mine / (mine + theirs) + (theirs === 0 ? 0 : -0.1)));
}

/** A NAT rule that exempts traffic from translation (source and translated the same). */
export function exemption(name: string, original: string, iface: string | undefined): NatRule {
  return { name, kind: 'source', original, translated: original, ...(iface ? { interface: iface } : {}) };
}

/** An ACL line as a security policy; ports `any` or `a`/`a-b`. */
export function policyOf(name: string, action: 'allow' | 'deny', from: string, to: string, src: AddressRange, dst: AddressRange, protocol: number, port: { from: number; to: number } | undefined): SecurityPolicy {
  return {
    name,
    fromZone: from,
    toZone: to,
    source: addressText(src),
    destination: addressText(dst),
    protocol,
    port: port === undefined || (port.from === 0 && port.to === 65535) ? 'any' : port.from === port.to ? String(port.from) : `${port.from}-${port.to}`,
    action,
  };
}
