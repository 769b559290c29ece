// strongSwan `swanctl.conf` (connections with one child per proxy ID, and the secrets section).
// Follows: strongSwan documentation "swanctl.conf" (docs.strongswan.org/docs/latest/swanctl/
// swanctlConf.html, the swanctl.conf(5) manual of 5.9.x): connections.<conn>.version,
// local_addrs, remote_addrs, proposals, local/remote auth and id, children.<child>.local_ts,
// remote_ts (`10.1.0.0/24[tcp/443]`, ranges `a-b`), esp_proposals, start_action; secrets.ike<suffix>.
import type { DhGroup, Encryption, EspProposal, IkeProposal, Integrity } from '../../model/document';
import type { AddressRange } from '../../net/address';
import { cidr, firstIp, lastIp, protocolName, type PortRange, type Selector } from '../kit/export/addresses';
import { commonEndChecks, DH_NAMES, header, isAead, warnPortWithoutProtocol, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { hasControl, HOLDS, quoted, refused, valueLine, type Quoted } from '../kit/export/values';
import { isIcmp, parsePortSpec } from '../../net/selector';
import { configFile } from './grammar';
import { strongswanOptionsOf } from './options';

const LABEL = 'strongSwan';
const REFERENCE = 'strongSwan swanctl.conf(5) (docs.strongswan.org/docs/latest/swanctl/swanctlConf.html), charon 5.9.x';

const ENC: Record<Encryption, string> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', aes128gcm16: 'aes128gcm16', aes256gcm16: 'aes256gcm16', chacha20poly1305: 'chacha20poly1305', null: 'null' };
const INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/** One strongSwan proposal string per model proposal (AEAD and classic ciphers go in separate ones). */
export function strongswanProposals(ps: readonly (IkeProposal | EspProposal)[], kind: 'ike' | 'esp'): string[] {
  const out: string[] = [];
  for (const p of ps) {
    const groups = p.dhGroups.map((g: DhGroup) => DH_NAMES[g]);
    const classic = p.encryption.filter((e) => !isAead(e)).map((e) => ENC[e]);
    const aead = p.encryption.filter(isAead).map((e) => ENC[e]);
    const ints = p.integrity.map((i) => INT[i]).filter((x): x is string => x !== undefined);
    if (classic.length) out.push([...classic, ...(ints.length ? ints : kind === 'esp' ? [] : ['sha256']), ...groups].join('-'));
    if (aead.length) out.push([...aead, ...(kind === 'ike' ? (ints.length ? ints : ['sha256']).map((i) => `prf${i}`) : []), ...groups].join('-'));
  }
  return [...new Set(out)];
}

function range(r: AddressRange): string {
  return cidr(r) ?? `${firstIp(r)}-${lastIp(r)}`;
}

function port(p: PortRange): string {
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

/** `10.1.0.0/24`, or `10.1.0.0/24[tcp/443]` when the selector names a protocol or port. */
export function strongswanTs(r: AddressRange, protocol: number, p: PortRange | undefined, text?: string): string {
  if (protocol === 0 && !p) return range(r);
  // charon takes `[tcp]` (any port), `[tcp/443]` or `[any/443]`; its vici parse_ts reads the
  // protocol as `any`, a name or a number, so `[%any/443]` and `[tcp/%any]` do not load
  // (src/libcharon/plugins/vici/vici_config.c, 5.9.8 and 5.9.14).
  const proto = protocol === 0 ? 'any' : protocolName(protocol);
  return `${range(r)}[${proto}${p ? `/${port(isIcmp(protocol) ? charonIcmp(p, text) : p)}` : ''}]`;
}

/**
 * The document's ICMP port (a type below 256 alone: any code) as the 16-bit values charon takes:
 * charon reads a number below 256 as a type with code 0 (traffic_selector.c; probe
 * probe-v2-icmp-type-code-vs-type, charon 5.9.8), so type 3 with any code is written `768-1023`.
 */
function charonIcmp(p: PortRange, text: string | undefined): PortRange {
  const r = parsePortSpec(text ?? (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`), 1);
  return r.ok ? r.value : p;
}

/**
 * A swanctl.conf value in double quotes, with a backslash before each backslash and double quote
 * inside: in a quoted string charon's settings parser reads \" as ", \\ as \, \n \r \t as
 * control characters and a backslash before the line end as a continuation, and outside quotes
 * "#" starts a comment and "}" ends the section (strongSwan src/libstrongswan/settings/
 * settings_lexer.l, states `val` and `str`). A key ending in a backslash thus reads back as written.
 */
function swanString(value: string): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  return quoted(`"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
}

/** A value as a bare word when the settings lexer takes it so (no space, '#', '}', '"', '{' or backslash), else quoted. */
function swanValue(value: string, alwaysQuote = false): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  return !alwaysQuote && /^[A-Za-z0-9_.:@%/+=*-]+$/u.test(value) ? quoted(value) : swanString(value);
}

/**
 * The identity in charon's notation (prefix:value, strongSwan "Identity Parsing"). charon matches
 * '*' in an e-mail or DN identity as a wildcard, and reads "keyid:#…" as hex: such values would
 * mean something other than what they say, so they are refused.
 */
function identity(id: { type: string; value: string }): Quoted {
  const v = id.value;
  if ((id.type === 'user-fqdn' || id.type === 'dn') && v.includes('*')) return refused('an asterisk (*), which strongSwan matches as a wildcard');
  switch (id.type) {
    case 'address': return swanValue(v);
    case 'fqdn': return swanValue(`fqdn:${v}`);
    case 'user-fqdn': return swanValue(`email:${v}`);
    case 'key-id': return v.startsWith('#') ? refused('a leading "#", which strongSwan reads as the start of a hexadecimal key ID') : swanValue(`keyid:${v}`);
    default: return swanValue(v, true);
  }
}

/**
 * The proposals charon can negotiate for this end: IKEv1 has no AEAD cipher for the IKE SA and no
 * ChaCha20-Poly1305 at all (no IKEv1 transform for it); what is left out is warned once.
 */
function usableProposals<P extends IkeProposal | EspProposal>(w: ConfigWriter, t: TunnelView, ps: readonly P[], kind: 'ike' | 'esp', warned: Set<string>): P[] {
  if (t.me.ikeVersion !== 1) return [...ps];
  const refused = (e: Encryption) => e === 'chacha20poly1305' || (kind === 'ike' && isAead(e));
  const out: P[] = [];
  for (const p of ps) {
    for (const e of p.encryption.filter(refused)) {
      const key = `${kind}:${e}`;
      if (warned.has(key)) continue;
      warned.add(key);
      w.warn('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'ESP'} encryption ${e} cannot be negotiated with IKEv1 by strongSwan; left out`, { tunnel: t.tunnel.name });
    }
    const encryption = p.encryption.filter((e) => !refused(e));
    if (encryption.length > 0) out.push({ ...p, encryption });
  }
  return out;
}

function idOrAddress(id: { type: string; value: string } | undefined, address: string | undefined): Quoted {
  return id ? identity(id) : quoted(address ?? '%any');
}

function proposalLine(ps: readonly (IkeProposal | EspProposal)[], kind: 'ike' | 'esp'): string {
  const list = strongswanProposals(ps, kind);
  return list.length > 0 ? list.join(', ') : 'default';
}

function child(w: ConfigWriter, t: TunnelView, s: Selector, name: string, ifId: number | undefined, esp: readonly EspProposal[]): void {
  let noPorts = warnPortWithoutProtocol(w, t, s, 'strongSwan (charon refuses "[%any/port]")');
  // charon reads an ICMP value below 256 as a type (code 0): type 0 with a code other than 0 cannot be written.
  const low = (v: number) => v > 0 && v < 256;
  if (!noPorts && isIcmp(s.protocol) && ([[s.localPort, s.localPortText], [s.remotePort, s.remotePortText]] as const).some(([p, text]) => p && (low(charonIcmp(p, text).from) || low(charonIcmp(p, text).to)))) {
    w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names ICMP type 0 with a code; charon reads a value below 256 as a type with code 0, so it is written for the protocol only`, { tunnel: t.tunnel.name });
    noPorts = true;
  }
  w.line(`            ${name} {`);
  w.line(`                local_ts = ${strongswanTs(s.local, s.protocol, noPorts ? undefined : s.localPort, s.localPortText)}`);
  w.line(`                remote_ts = ${strongswanTs(s.remote, s.protocol, noPorts ? undefined : s.remotePort, s.remotePortText)}`);
  w.line(`                esp_proposals = ${proposalLine(esp, 'esp')}`);
  w.line(`                rekey_time = ${t.me.esp.lifetimeSeconds}s`);
  if (t.me.esp.lifetimeKilobytes) w.line(`                rekey_bytes = ${t.me.esp.lifetimeKilobytes * 1024}`);
  w.line(`                mode = ${t.me.esp.mode}`);
  if (ifId !== undefined) {
    w.line(`                if_id_in = ${ifId}`);
    w.line(`                if_id_out = ${ifId}`);
  }
  w.line(`                dpd_action = ${t.me.dpd.enabled ? (t.initiates ? 'restart' : 'clear') : 'none'}`);
  w.line(`                start_action = ${t.initiates ? 'trap' : 'none'}`);
  w.line('            }');
}

/** Writes the tunnel's connection; false when it cannot be written (then it has said why). */
function connection(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, name: string, index: number, ids: { local: Quoted; remote: Quoted }): boolean {
  const tn = t.tunnel.name;
  w.comment(`tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  commonEndChecks(w, t);
  const warned = new Set<string>();
  const ike = usableProposals(w, t, t.me.ike.proposals, 'ike', warned);
  const esp = usableProposals(w, t, t.me.esp.proposals, 'esp', warned);
  // Without proposals charon would negotiate its own defaults, algorithms the design did not choose.
  const none = [ike.length === 0 ? 'IKE' : '', esp.length === 0 ? 'ESP' : ''].filter(Boolean);
  if (none.length > 0) {
    w.warn('VALUE_UNSUPPORTED', `no ${none.join(' or ')} proposal of the design can be negotiated with IKEv1 by strongSwan, and without one charon would offer its own defaults: this tunnel is not written; add an AES-CBC proposal or use IKEv2`, { tunnel: tn });
    return false;
  }
  w.line(`    ${name} {`);
  w.line(`        version = ${t.me.ikeVersion}`);
  w.line(`        local_addrs = ${t.localAddress ?? '%any'}`);
  w.line(`        remote_addrs = ${t.peerAddress ?? '%any'}`);
  w.line(`        proposals = ${proposalLine(ike, 'ike')}`);
  if (t.me.ikeVersion === 2) w.line(`        rekey_time = ${t.me.ike.lifetimeSeconds}s`);
  else w.line(`        reauth_time = ${t.me.ike.lifetimeSeconds}s`);
  if (t.me.ikeVersion === 1 && t.me.exchangeMode === 'aggressive') {
    w.line('        aggressive = yes');
    // Observed with charon 5.9.8: "Aggressive Mode PSK disabled for security reasons" (AUTHENTICATION_FAILED).
    if (t.me.auth.method === 'psk') {
      if (strongswanOptionsOf(ctx.gateway).aggressiveModePsk) w.comment('  Aggressive Mode with a PSK as responder needs, in strongswan.conf: charon { i_dont_care_about_security_and_use_aggressive_mode_psk = yes }');
      else w.warn('SETTING_UNSUPPORTED', 'charon refuses IKEv1 Aggressive Mode with a pre-shared key as responder unless strongswan.conf sets charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes (the gateway\'s strongSwan setting of that name; not part of swanctl.conf); prefer Main Mode or IKEv2', { tunnel: tn });
    }
  }
  if (t.me.dpd.enabled) w.line(`        dpd_delay = ${t.me.dpd.intervalSeconds}s`);
  if (!t.me.natTraversal) w.warn('SETTING_UNSUPPORTED', 'strongSwan always detects NAT (RFC 3947/7296); NAT traversal cannot be turned off in swanctl.conf', { tunnel: tn });
  const method = t.me.auth.method === 'psk' ? 'psk' : 'pubkey';
  w.line('        local {');
  w.line(`            auth = ${method}`);
  valueLine(w, t, 'the local identity', ids.local, (x) => `            id = ${x}`, LABEL);
  w.line('        }');
  w.line('        remote {');
  w.line(`            auth = ${method}`);
  valueLine(w, t, 'the remote identity', ids.remote, (x) => `            id = ${x}`, LABEL);
  w.line('        }');
  w.line('        children {');
  const routeBased = ctx.gateway.vpnType === 'route-based';
  const ifId = routeBased ? index : undefined;
  const childNames = new Set<string>();
  for (const s of t.selectors) {
    if (s.local.family !== s.remote.family) {
      w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; a child SA cannot, left out`, { tunnel: tn });
      continue;
    }
    const cn = t.selectors.length === 1 ? name : safeName(`${name}-${s.index}`, 64, childNames).name;
    child(w, t, s, cn, ifId, esp);
  }
  w.line('        }');
  w.line('    }');
  if (routeBased) {
    if (t.routes.length > 0) w.warn('ROUTES_MANUAL', `swanctl.conf holds no routes: add ${t.routes.join(', ')} to the kernel's routing table through the XFRM interface (the commands follow)`, { tunnel: t.tunnel.name });
    w.comment(`route-based: create the XFRM interface and the routes, e.g.`);
    w.comment(`  ip link add ${t.me.tunnelInterface || `xfrm${index}`} type xfrm dev ${t.outside} if_id ${index}`);
    for (const r of t.routes) w.comment(`  ip route add ${r} dev ${t.me.tunnelInterface || `xfrm${index}`}`);
  }
  if (t.me.monitor.enabled) w.warn('MONITOR_UNSUPPORTED', 'strongSwan has no tunnel monitor of its own (DPD is written); monitor settings left out', { tunnel: tn });
  return true;
}

export const strongswanExporter: VendorExporter = {
  vendor: 'strongswan',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    header(w, ctx, 'strongSwan', REFERENCE, ['Install as /etc/swanctl/conf.d/<name>.conf and run: swanctl --load-all']);
    const names = new Set<string>();
    const conns = ctx.tunnels.map((t) => safeName(t.tunnel.name, 64, names).name);
    // A connection without its identity would authenticate as its address, and a secret without
    // its identities would be offered to every peer: a tunnel whose identity cannot be written is
    // left out whole.
    const ids = ctx.tunnels.map((t) => ({ local: idOrAddress(t.me.auth.localId, t.localAddress), remote: idOrAddress(t.me.auth.remoteId, t.peerAddress) }));
    const writable = ctx.tunnels.map((t, i) => {
      const id = ids[i] as { local: Quoted; remote: Quoted };
      for (const [field, q] of [['the local identity', id.local], ['the remote identity', id.remote]] as const) {
        if (!q.ok) w.warn('VALUE_UNSUPPORTED', `${field} holds ${q.why}; ${LABEL} cannot take it as written, so this tunnel is not written: change the identity`, { tunnel: t.tunnel.name });
      }
      return id.local.ok && id.remote.ok;
    });
    w.line('connections {');
    ctx.tunnels.forEach((t, i) => {
      if (writable[i]) writable[i] = connection(w, ctx, t, conns[i] as string, i + 1, ids[i] as { local: Quoted; remote: Quoted });
    });
    w.line('}');
    w.blank();
    w.line('secrets {');
    ctx.tunnels.forEach((t, i) => {
      if (t.me.auth.method !== 'psk' || !writable[i]) return;
      const id = ids[i] as { local: Quoted; remote: Quoted };
      w.line(`    ike-${conns[i]} {`);
      valueLine(w, t, 'the local identity', id.local, (x) => `        id-local = ${x}`, LABEL);
      valueLine(w, t, 'the remote identity', id.remote, (x) => `        id-remote = ${x}`, LABEL);
      // IKEv1 Main Mode must pick the key before identities are exchanged, so charon looks it up
      // by the IKE addresses: list them too when the identities are not those addresses.
      if (t.me.ikeVersion === 1 && (t.me.auth.localId || t.me.auth.remoteId)) {
        if (t.localAddress) w.line(`        id-local-address = ${t.localAddress}`);
        if (t.peerAddress) w.line(`        id-remote-address = ${t.peerAddress}`);
      }
      valueLine(w, t, 'the pre-shared key', swanString(t.psk), (k) => `        secret = ${k}`, LABEL, 'write the key in the secrets section by hand');
      w.line('    }');
    });
    w.line('}');
    return [{ name: file, content: w.text() }];
  },
};
