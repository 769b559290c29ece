// Helpers the vendor exporters share: algorithm keyword mapping that warns instead of dropping,
// checks every vendor makes on a tunnel end, and the interface each exporter implements.
import type { DhGroup, Encryption, EspProposal, IkeProposal, Integrity, Route } from '../../../model/document';
import { clip } from '../../../model/text';
import { parseIp } from '../../../net/address';
import type { Selector } from './addresses';
import type { ConfigWriter, GatewayContext, TunnelView } from './context';
import type { ExportFile } from './types';

export interface VendorExporter {
  vendor: string;
  /** The vendor document the generated syntax follows (also cited at the top of each file). */
  reference: string;
  exportGateway(ctx: GatewayContext): ExportFile[];
}

export const AEAD: ReadonlySet<Encryption> = new Set<Encryption>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

export function isAead(e: Encryption): boolean {
  return AEAD.has(e);
}

type Mapper<T> = (item: T) => string | undefined;

/**
 * Maps each item to the vendor's keyword; an item the vendor lacks is left out with an
 * ALGORITHM_UNSUPPORTED (or DH_GROUP_UNSUPPORTED) warning on the current line. Duplicates collapse.
 */
export function mapAll<T extends string | number>(w: ConfigWriter, t: TunnelView, items: readonly T[], map: Mapper<T>, what: string, vendorLabel: string): string[] {
  const out: string[] = [];
  for (const item of items) {
    const k = map(item);
    if (k === undefined) {
      w.warn(what.includes('DH') || what.includes('PFS') ? 'DH_GROUP_UNSUPPORTED' : 'ALGORITHM_UNSUPPORTED', `${what} ${String(item)} is not available on ${vendorLabel}; left out`, { tunnel: t.tunnel.name });
    } else if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** Encryption algorithms of all proposals, in order, without duplicates. */
export function allEncryption(ps: readonly (IkeProposal | EspProposal)[]): Encryption[] {
  return [...new Set(ps.flatMap((p) => p.encryption))];
}

export function allIntegrity(ps: readonly (IkeProposal | EspProposal)[]): Integrity[] {
  return [...new Set(ps.flatMap((p) => p.integrity))];
}

export function allGroups(ps: readonly (IkeProposal | EspProposal)[]): DhGroup[] {
  return [...new Set(ps.flatMap((p) => p.dhGroups))];
}

/** Vendors that keep one list per algorithm type accept every combination; say so when proposals differed. */
export function warnIfProposalsFlattened(w: ConfigWriter, t: TunnelView, ps: readonly (IkeProposal | EspProposal)[], what: string, vendorLabel: string): void {
  if (ps.length > 1) {
    w.warn('SETTING_UNSUPPORTED', `${ps.length} ${what} proposals were merged into one list per algorithm type (${vendorLabel} keeps one list each), so every combination is offered`, { tunnel: t.tunnel.name });
  }
}

/** Checks that apply to every vendor: authentication method, transport mode, empty PSK. */
export function commonEndChecks(w: ConfigWriter, t: TunnelView): void {
  const tunnel = t.tunnel.name;
  if (t.me.auth.method === 'certificate') {
    w.warn('CERTIFICATE_AUTH', 'certificate authentication: the exporter writes the peer and proposals, but the certificate, its key and the CA must be installed and referenced by hand', { tunnel });
  } else if (t.me.auth.psk === '') {
    w.warn('PSK_EMPTY', 'no pre-shared key is set in the design; fill in the placeholder with the key agreed with the peer', { tunnel, silentInFile: false });
  }
  if (t.me.esp.mode === 'transport') {
    w.warn('TRANSPORT_MODE', 'the design uses ESP transport mode; site-to-site gateways are written in tunnel mode here', { tunnel });
  }
  for (const [which, id] of [['local', t.me.auth.localId], ['remote', t.me.auth.remoteId]] as const) {
    if (id?.type === 'address' && !parseIp(id.value).ok) {
      w.warn('IDENTITY_UNSUPPORTED', `the ${which} identity is of type address but "${clip(id.value)}" is not an IP address: written as given, and most peers will read it as an FQDN`, { tunnel });
    }
  }
  if (t.me.ikeVersion === 1) {
    for (const s of t.selectors) {
      if ((s.localPort && s.localPort.from !== s.localPort.to) || (s.remotePort && s.remotePort.from !== s.remotePort.to)) {
        w.warn('PORT_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has a port range, but an IKEv1 identity carries one port (RFC 2407 §4.6.2): real charon 5.9.8 negotiates only the first port of the range; use IKEv2 or single ports`, { tunnel });
      }
    }
  }
  if (t.localAddress === undefined) {
    w.warn('MISSING_ADDRESS', `the outside interface "${t.outside}" has no address in the design; set this side's IKE address by hand`, { tunnel });
  }
  if (t.peerAddress === undefined) {
    w.warn('MISSING_ADDRESS', `the peer ${t.peerGateway.name} has no address on its outside interface; set the peer address by hand`, { tunnel });
  }
}

/** A value for a place that needs an address the design does not have. */
export function orPlaceholder(value: string | undefined, what: string): string {
  return value ?? `<${what}>`;
}

/** IANA DH group → IKE "modp/ecp" names used by strongSwan and Libreswan. */
export const DH_NAMES: Record<DhGroup, string> = {
  1: 'modp768',
  2: 'modp1024',
  5: 'modp1536',
  14: 'modp2048',
  15: 'modp3072',
  16: 'modp4096',
  17: 'modp6144',
  18: 'modp8192',
  19: 'ecp256',
  20: 'ecp384',
  21: 'ecp521',
  24: 'modp2048s256',
  31: 'curve25519',
  32: 'curve448',
};

export function header(w: ConfigWriter, ctx: GatewayContext, vendorLabel: string, reference: string, extra: string[] = [], sayWhatIsNotExported = true, writtenRoutes: readonly Route[] = []): void {
  w.comment(`IPsec Studio export for gateway "${ctx.gateway.name}" (${vendorLabel}${ctx.gateway.model ? `, ${ctx.gateway.model}` : ''}${ctx.gateway.osVersion ? ` ${ctx.gateway.osVersion}` : ''})`);
  w.comment(`Design: ${ctx.doc.name}`);
  w.comment(`Syntax follows: ${reference}`);
  w.comment(ctx.includeSecrets ? 'Pre-shared keys are INCLUDED in this file: handle it as a secret.' : 'Pre-shared keys are placeholders <PSK:tunnel-name>: replace them with the agreed keys.');
  for (const e of extra) w.comment(e);
  if (!sayWhatIsNotExported) return;
  // Tunnels left out whole (an outside interface the gateway lacks, a value that does not validate).
  for (const r of ctx.refused) w.warn(r.code, r.message, { tunnel: r.tunnel });
  // The export is the VPN and the rules its traffic needs; the rest of the gateway's modelled
  // configuration is not written, and the person pasting this must know it.
  const tunnelIfs = new Set(ctx.tunnels.map((t) => t.me.tunnelInterface).filter((i) => i !== ''));
  const otherRoutes = ctx.gateway.routes.filter((r) => !tunnelIfs.has(r.interface) && !writtenRoutes.includes(r));
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    ctx.gateway.policies.length ? plural(ctx.gateway.policies.length, 'security policy', 'security policies') : '',
    ctx.gateway.natRules.length ? plural(ctx.gateway.natRules.length, 'NAT rule', 'NAT rules') : '',
    otherRoutes.length ? plural(otherRoutes.length, 'route that does not point to a tunnel interface', 'routes that do not point to a tunnel interface') : '',
  ].filter(Boolean);
  if (parts.length > 0) {
    w.warn('SETTING_UNSUPPORTED', `not written from the design: ${parts.join(', ')}; this file holds the VPN and the rules its traffic needs (plus a NAT exemption where the gateway does source NAT)`);
  }
}

/** Writes `make(items)`, or, when no item is left, a warning instead of a statement with an empty list. */
export function listLine(w: ConfigWriter, t: TunnelView, items: string[], what: string, make: (items: string[]) => string): void {
  if (items.length === 0) w.warn('ALGORITHM_UNSUPPORTED', `no ${what} of the design is available here; the statement is left out: choose one the peer accepts`, { tunnel: t.tunnel.name });
  else w.line(make(items));
}

/** A port with protocol "any" cannot be written by most vendors: warn (the caller writes no port). */
export function warnPortWithoutProtocol(w: ConfigWriter, t: TunnelView, s: Selector, vendorLabel: string): boolean {
  if (s.protocol !== 0 || (!s.localPort && !s.remotePort)) return false;
  w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names a port with protocol any; ${vendorLabel} takes ports only with TCP or UDP, written without the port`, { tunnel: t.tunnel.name });
  return true;
}
