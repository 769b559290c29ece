// Juniper Junos SRX `set` commands (route-based on st0, or policy-based).
// Follows: Juniper, "Traffic Selectors in Route-Based VPNs" (traffic-selector local-ip/remote-ip,
// at most 200 per VPN, not with VPN monitoring or a remote 0.0.0.0/0) and "Route-Based IPsec VPNs
// — Example: Configuring a Route-Based VPN" (security ike proposal/policy/gateway, security ipsec
// proposal/policy/vpn, bind-interface st0.x, proxy-identity), juniper.net/documentation,
// Junos OS VPN IPsec user guide.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { cidr, firstIp, ipText, isAnyAddress, lastIp, isPrefix, protocolName, rangeToPrefixes, type Selector } from '../kit/export/addresses';
import { commonEndChecks, header, isAead, listLine, orPlaceholder, warnPortWithoutProtocol, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, tunnelZone, type GatewayContext, type TunnelView } from '../kit/export/context';
import type { AddressRange } from '../../net/address';
import { importedContext, routesOnTheBox } from '../kit/export/imported-routes';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { hasControl, HOLDS, quoted, refused, valueLine, type Quoted } from '../kit/export/values';
import { configFile } from './grammar';
import { SETTING_WORDS, type ValueSetting } from '../kit/capabilities';
import { capabilities } from './capabilities';
import { addressEntries, junosOptionsOf, namesOf, natMatchOf, policyMatchOf, type JunosEndOptions } from './options';
import { junosAtLeast } from './version';

const LABEL = 'Junos SRX';
const REFERENCE = 'Juniper "Traffic Selectors in Route-Based VPNs", "Route-Based IPsec VPNs" and "Policy-Based IPsec VPNs" (Junos OS IPsec VPN User Guide); ranges and keywords per release from Juniper\'s configuration YANG for SRX (junos-es-conf-security)';
const MAX_TRAFFIC_SELECTORS = 200;

const ENC: Partial<Record<Encryption, string>> = { des: 'des-cbc', '3des': '3des-cbc', aes128: 'aes-128-cbc', aes192: 'aes-192-cbc', aes256: 'aes-256-cbc', aes128gcm16: 'aes-128-gcm', aes256gcm16: 'aes-256-gcm' };
const IKE_AUTH: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha-256', sha384: 'sha-384', sha512: 'sha-512' };
const ESP_AUTH: Partial<Record<Integrity, string>> = { md5: 'hmac-md5-96', sha1: 'hmac-sha1-96', sha256: 'hmac-sha-256-128', sha384: 'hmac-sha-384', sha512: 'hmac-sha-512' };
const GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16, 19, 20, 21, 24]);

/** What the tunnels of one file share: the names taken, the applications and derived addresses defined, and the objects written under the box's names. */
interface FileState {
  names: Set<string>;
  defined: Set<string>;
  /** `<kind> <name>` → what the object holds, for the names an imported box recorded (several of its VPNs may share one). */
  objects: Map<string, string>;
}

/**
 * Whether the file may write the object `name` of `kind` holding `body`: `fresh` when not yet
 * written (write it), `same` when written already with the same body (name it, do not write it
 * again), `taken` when it holds something else (use the exporter's own name instead). A box's
 * object that several VPNs share is so written once, and never given two meanings in one file.
 */
function claim(file: FileState, kind: string, name: string, body: string): 'fresh' | 'same' | 'taken' {
  const key = `${kind} ${name}`;
  const was = file.objects.get(key);
  if (was === undefined) {
    file.objects.set(key, body);
    return 'fresh';
  }
  return was === body ? 'same' : 'taken';
}

/** The box's name recorded for an object when the file can give it this body, else the derived one; and whether to write it. */
function pick(file: FileState, kind: string, recorded: string | undefined, derived: string, body: string): { name: string; write: boolean } {
  if (recorded) {
    const c = claim(file, kind, recorded, body);
    if (c !== 'taken') return { name: recorded, write: c === 'fresh' };
  }
  file.objects.set(`${kind} ${derived}`, body);
  return { name: derived, write: true };
}

/**
 * What came in 23.2R1 (Juniper/yang junos-es-conf-security: the 23.1R1 model has none of them):
 * IKE `sha-512` and `group21`, ESP `hmac-sha-384` and `hmac-sha-512` (no release has the
 * `hmac-sha-384-192` / `hmac-sha-512-256` spellings).
 */
export const FROM_23_2 = { ikeIntegrity: ['sha512'] as Integrity[], espIntegrity: ['sha384', 'sha512'] as Integrity[], dhGroups: [21] as DhGroup[] };

/**
 * A value for a `set` command loaded with "load set terminal": a bare word when it has only
 * identifier characters, else in double quotes (Juniper, "filter (Firewall Filters)" statement
 * reference: "To include spaces in the name, enclose it in quotation marks"), with a backslash
 * before each backslash and double quote inside, the Junos CLI's escape in a quoted string
 * (Batfish's Junos grammar also reads `ascii-text "a\"b"` as one secret). Junos can take every
 * value the schema lets through, "?" included: "load set terminal" reads text, not keystrokes.
 */
function junos(value: string, alwaysQuote = false): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (!alwaysQuote && /^[A-Za-z0-9_.\-/:@]+$/.test(value)) return quoted(value);
  return quoted(`"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
}

/**
 * A zone name is one word here. Junos takes a quoted name where it defines a zone, but the
 * policy statements (from-zone, to-zone) are read as one word (Batfish's Junos grammar fails
 * `from-zone "a b"` while it reads `security-zone "a b"`): a zone with a space is refused rather
 * than written where the policies might not match it.
 */
function junosZone(zone: string): Quoted {
  if (hasControl(zone)) return refused(HOLDS.control);
  return /^[A-Za-z0-9_.-]+$/u.test(zone) ? quoted(zone) : refused(HOLDS.whitespace);
}

/** A zone name already checked with junosZone(). */
function word(zone: string): string {
  const q = junosZone(zone);
  if (!q.ok) throw new Error('exporter bug: a zone name written without junosZone()');
  return q.text;
}

function identity(id: { type: string; value: string }): Quoted {
  const v = junos(id.value);
  if (!v.ok) return v;
  switch (id.type) {
    case 'address': return quoted(`inet ${v.text}`);
    case 'fqdn': return quoted(`hostname ${v.text}`);
    case 'user-fqdn': return quoted(`user-at-hostname ${v.text}`);
    case 'dn': return quoted(`distinguished-name`);
    // JUNOS Software CLI Reference, "local-identity": (distinguished-name | hostname | inet |
    // user-at-hostname); remote-identity the same: no key-id, and a hostname would send a different ID type.
    default: return refused('a key-id type, which Junos has no identity statement for (inet, inet6, hostname, user-at-hostname, distinguished-name)');
  }
}

/**
 * The value of a setting as Junos takes it (its capability table's range, for the gateway's
 * release): the design's value when inside, else the nearest one, with a warning naming both (the
 * engine reports VALUE_OUT_OF_RANGE for the same value before export).
 */
function bounded(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, setting: ValueSetting, value: number): number {
  const limit = capabilities.valueLimits?.(ctx.gateway)[setting];
  if (!limit || (value >= limit.min && value <= limit.max)) return value;
  const nearest = Math.min(limit.max, Math.max(limit.min, value));
  const words = SETTING_WORDS[setting];
  const unit = words.unit ? ` ${words.unit}` : '';
  const code = setting === 'dpdIntervalSeconds' ? 'SETTING_UNSUPPORTED' : 'LIFETIME_ADJUSTED';
  w.warn(code, `the ${words.label} of ${value}${unit} is outside what ${LABEL} takes (${limit.min}–${limit.max}${unit}: ${limit.statement}); ${nearest}${unit} written instead: set the same on the peer, or choose a value ${LABEL} takes`, { tunnel: t.tunnel.name, line: w.current + 1 });
  return nearest;
}

/** One Junos proposal per combination (each Junos proposal holds one algorithm of each kind). */
function writeProposals(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, kind: 'ike' | 'esp', base: string, file?: FileState, own: readonly string[] = []): string[] {
  const tn = t.tunnel.name;
  const v232 = junosAtLeast(ctx.gateway.osVersion, 23, 2);
  const release = `Junos ${ctx.gateway.osVersion || '(no OS version given)'}`;
  const names: string[] = [];
  const ps = kind === 'ike' ? t.me.ike.proposals : t.me.esp.proposals;
  // Bounded once per tunnel, so one warning says it for every proposal.
  const ikeLifetime = kind === 'ike' ? bounded(w, ctx, t, 'ikeLifetimeSeconds', t.me.ike.lifetimeSeconds) : 0;
  const espLifetime = kind === 'esp' ? bounded(w, ctx, t, 'espLifetimeSeconds', t.me.esp.lifetimeSeconds) : 0;
  const espKilobytes = kind === 'esp' && t.me.esp.lifetimeKilobytes ? bounded(w, ctx, t, 'espLifetimeKilobytes', t.me.esp.lifetimeKilobytes) : undefined;
  for (const p of ps) {
    const groups = kind === 'ike' ? p.dhGroups : [undefined];
    for (const e of p.encryption) {
      const enc = kind === 'ike' && t.me.ikeVersion === 1 && isAead(e) ? undefined : ENC[e];
      if (!enc) {
        w.warn('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? `IKEv${t.me.ikeVersion}` : 'ESP'} encryption ${e} is not available on ${LABEL}; left out`, { tunnel: tn });
        continue;
      }
      const integrities = isAead(e) && kind === 'esp' ? ['none' as Integrity] : p.integrity;
      for (const i of integrities) {
        const auth = i === 'none' ? (kind === 'esp' && isAead(e) ? '' : undefined) : kind === 'ike' ? IKE_AUTH[i] : ESP_AUTH[i];
        if (auth === undefined) {
          w.warn('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'ESP'} integrity ${i} is not available on ${LABEL} with ${e}; left out`, { tunnel: tn });
          continue;
        }
        if (!v232 && (kind === 'ike' ? FROM_23_2.ikeIntegrity : FROM_23_2.espIntegrity).includes(i)) {
          w.warn('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'ESP'} integrity ${i} (${auth}) needs Junos 23.2 or later; ${release} has none, left out (set the gateway's OS version if it runs 23.2)`, { tunnel: tn });
          continue;
        }
        for (const g of groups) {
          if (g !== undefined && !GROUPS.has(g)) {
            w.warn('DH_GROUP_UNSUPPORTED', `IKE DH group ${g} is not available on ${LABEL}; left out`, { tunnel: tn });
            continue;
          }
          if (g !== undefined && !v232 && FROM_23_2.dhGroups.includes(g)) {
            w.warn('DH_GROUP_UNSUPPORTED', `IKE DH group ${g} needs Junos 23.2 or later; ${release} has none, left out`, { tunnel: tn });
            continue;
          }
          const body: string[] = [];
          if (kind === 'ike') {
            body.push(`authentication-method ${t.me.auth.method === 'psk' ? 'pre-shared-keys' : 'rsa-signatures'}`, `dh-group group${g}`);
            if (auth) body.push(`authentication-algorithm ${auth}`);
            body.push(`encryption-algorithm ${enc}`, `lifetime-seconds ${ikeLifetime}`);
          } else {
            body.push('protocol esp');
            if (auth) body.push(`authentication-algorithm ${auth}`);
            body.push(`encryption-algorithm ${enc}`, `lifetime-seconds ${espLifetime}`);
            if (espKilobytes !== undefined) body.push(`lifetime-kilobytes ${espKilobytes}`);
          }
          // The n-th proposal takes the box's n-th name (the imported policy's order) when the file can give it this body.
          const derived = `${base}-${names.length + 1}`;
          const { name, write } = file ? pick(file, `${kind}-proposal`, own[names.length], derived, body.join('\n')) : { name: derived, write: true };
          const head = kind === 'ike' ? 'set security ike proposal' : 'set security ipsec proposal';
          if (write) for (const l of body) w.line(`${head} ${name} ${l}`);
          names.push(name);
        }
      }
    }
  }
  return names;
}

/**
 * An application matching the selector's protocol and ports (toward the remote side, or toward the
 * local side for the inbound policy), named for all of them so two selectors never share one.
 * Junos applications take ports for TCP and UDP; other protocols are matched without them, warned.
 */
function application(w: ConfigWriter, s: Selector, defined: Set<string>, t?: TunnelView, inbound = false): string {
  if (s.protocol === 0) return 'any';
  const tcpUdp = s.protocol === 6 || s.protocol === 17;
  const [src, dst] = inbound ? [s.remotePort, s.localPort] : [s.localPort, s.remotePort];
  const ports = (p: typeof src) => (p ? `${p.from}-${p.to}` : 'any');
  const name = tcpUdp ? `app-${protocolName(s.protocol)}-${ports(src)}-${ports(dst)}` : `app-${protocolName(s.protocol)}`;
  if (!tcpUdp && (s.localPort || s.remotePort) && t && !inbound) w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" carries ports/ICMP type for ${protocolName(s.protocol)}; written for the protocol only (a Junos application takes ports for TCP and UDP here)`, { tunnel: t.tunnel.name, line: w.current + 1 });
  if (!defined.has(name)) {
    defined.add(name);
    const parts = [`protocol ${s.protocol === 6 ? 'tcp' : s.protocol === 17 ? 'udp' : s.protocol === 1 ? 'icmp' : String(s.protocol)}`];
    if (tcpUdp && dst) parts.push(`destination-port ${dst.from}-${dst.to}`);
    if (tcpUdp && src) parts.push(`source-port ${src.from}-${src.to}`);
    for (const p of parts) w.line(`set applications application ${name} ${p}`);
  }
  return name;
}

/**
 * The address-book entry for `r`: the box's own (its book and name, recorded at import) when the
 * file can give that name this prefix, else the exporter's N-<prefix> in the global book.
 */
function addressBook(w: ConfigWriter, r: AddressRange, defined: Set<string>, file?: FileState, own?: ReadonlyMap<string, { book: string; name: string }>): string {
  const c = cidr(r);
  const box = c ? own?.get(c) : undefined;
  if (box && file) {
    const got = claim(file, 'address', `${box.book} ${box.name}`, c as string);
    if (got !== 'taken') {
      if (got === 'fresh') w.line(`set security address-book ${box.book} address ${box.name} ${c as string}`);
      return box.name;
    }
  }
  const name = objectName(r);
  if (!defined.has(name)) {
    defined.add(name);
    const c = cidr(r);
    if (c) w.line(`set security address-book global address ${name} ${c}`);
    else w.line(`set security address-book global address ${name} range-address ${firstIp(r)} to ${lastIp(r)}`);
  }
  return name;
}

function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, index: number, file: FileState, asImported: (t: TunnelView) => { local: Set<string>; remote: Set<string> } | undefined = () => undefined): void {
  const { names, defined } = file;
  const tn = t.tunnel.name;
  const own: JunosEndOptions = junosOptionsOf(t.me);
  const nm = safeName(tn, 31, names);
  const name = nm.name;
  // The VPN keeps the box's name (recorded at import) unless another tunnel of the file has it.
  const vpn = pick(file, 'vpn', own.ipsecVpn, name, t.tunnel.id).name;
  names.add(vpn);
  // Juniper, "Policy-Based IPsec VPNs", Limitations: IKEv2 does not support policy-based VPNs
  // (capabilities.ts, configurationLimits): such a tunnel is written route-based, on st0.
  const adjusted = ctx.gateway.vpnType === 'policy-based' && t.me.ikeVersion === 2;
  const routeBased = ctx.gateway.vpnType === 'route-based' || adjusted;
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  if (adjusted) w.warn('VPN_TYPE_ADJUSTED', `Junos does not run IKEv2 on a policy-based VPN (Juniper, "Policy-Based IPsec VPNs", Limitations): this tunnel is written route-based, bound to st0 with traffic selectors and routes; make the gateway route-based, or use IKEv1 on both ends for a policy-based VPN`, { tunnel: tn, line: w.current });
  if (nm.shortened) w.warn('NAME_SHORTENED', `tunnel name "${tn}" written as "${name}"`, { tunnel: tn });
  commonEndChecks(w, t);
  const designed = t.me.tunnelInterface || `st0.${index - 1}`;
  const zone = tunnelZone(ctx, designed, 'vpn');
  // bind-interface takes a logical unit (st0.0): a name without a unit number gets this tunnel's.
  const [ifd, unitNumber] = designed.split('.');
  const tunnelIf = /^\d+$/.test(unitNumber ?? '') ? designed : `${ifd || 'st0'}.${index - 1}`;
  if (routeBased && tunnelIf !== designed) w.warn('NAME_SHORTENED', `the tunnel interface "${designed}" has no unit number; written as ${tunnelIf} (a Junos VPN binds to a unit: st0.<unit>)`, { tunnel: tn, line: w.current + 1 });
  // The box's policies of this VPN are between the zones it has them in (recorded at import).
  const inside = own.localZone || ctx.insideZone;
  const toZone = own.tunnelZone || (routeBased ? zone : ctx.outsideZone);
  for (const z of routeBased ? [zone, inside, toZone, ctx.outsideZone] : [inside, toZone, ctx.outsideZone]) {
    const q = junosZone(z);
    if (!q.ok) {
      w.warn('VALUE_UNSUPPORTED', `a zone name of this tunnel holds ${q.why}; this tunnel is not written: rename the zone (letters, digits, . _ -)`, { tunnel: tn });
      return;
    }
  }

  // A gateway needs an IKE policy with a proposal and a VPN an IPsec policy with one: when none of
  // the design's can be written, the tunnel is not written (its warnings say which were left out).
  for (const kind of ['ike', 'esp'] as const) {
    const scratch = new ConfigWriter(ctx.gateway.name, 'scratch', '#', []);
    if (writeProposals(scratch, ctx, t, kind, 'x').length === 0) {
      writeProposals(w, ctx, t, kind, 'x');
      w.warn('ALGORITHM_UNSUPPORTED', `no ${kind === 'ike' ? 'IKE' : 'IPsec'} proposal of the design can be written on ${LABEL}${ctx.gateway.osVersion ? ` ${ctx.gateway.osVersion}` : ''}; this tunnel is not written: choose algorithms both ends have`, { tunnel: tn });
      return;
    }
  }
  const ikeProps = writeProposals(w, ctx, t, 'ike', `ike-${name}`, file, namesOf(own.ikeProposals));
  // The box's IKE policy, written once when several of its gateways share it with the same content.
  const ikeKey = [t.me.ikeVersion, t.me.exchangeMode, ikeProps.join(' '), t.me.auth.method, t.psk].join('\n');
  const ikePolicy = pick(file, 'ike-policy', own.ikePolicy, `ike-${name}`, ikeKey);
  if (ikePolicy.write) {
    // A policy with no proposal cannot commit: then it is not written and not referenced (warned).
    if (t.me.ikeVersion === 1 && ikeProps.length > 0) w.line(`set security ike policy ${ikePolicy.name} mode ${t.me.exchangeMode}`);
    listLine(w, t, ikeProps, 'IKE proposal', (x) => `set security ike policy ${ikePolicy.name} proposals ${x.length === 1 ? x[0] : `[ ${x.join(' ')} ]`}`);
    if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', junos(t.psk, true), (k) => `set security ike policy ${ikePolicy.name} pre-shared-key ascii-text ${k}`, LABEL, 'enter the key on the device by hand');
  }
  const gw = pick(file, 'gateway', own.ikeGateway, `gw-${name}`, t.tunnel.id).name;
  if (ikeProps.length > 0) w.line(`set security ike gateway ${gw} ike-policy ${ikePolicy.name}`);
  w.line(`set security ike gateway ${gw} address ${orPlaceholder(t.peerAddress, 'peer-address')}`);
  w.line(`set security ike gateway ${gw} external-interface ${t.outside}`);
  if (t.localAddress) w.line(`set security ike gateway ${gw} local-address ${t.localAddress}`);
  w.line(`set security ike gateway ${gw} version ${t.me.ikeVersion === 2 ? 'v2-only' : 'v1-only'}`);
  if (t.me.auth.localId) valueLine(w, t, 'the local identity', identity(t.me.auth.localId), (x) => `set security ike gateway ${gw} local-identity ${x}`, LABEL);
  if (t.me.auth.remoteId) valueLine(w, t, 'the remote identity', identity(t.me.auth.remoteId), (x) => `set security ike gateway ${gw} remote-identity ${x}`, LABEL);
  if (t.me.dpd.enabled) w.line(`set security ike gateway ${gw} dead-peer-detection interval ${bounded(w, ctx, t, 'dpdIntervalSeconds', t.me.dpd.intervalSeconds)}`);
  if (!t.me.natTraversal) w.line(`set security ike gateway ${gw} no-nat-traversal`);

  const espProps = writeProposals(w, ctx, t, 'esp', `esp-${name}`, file, namesOf(own.ipsecProposals));
  const pfs = [...new Set(t.me.esp.proposals.flatMap((p) => p.dhGroups))];
  if (pfs.length > 1) w.warn('SETTING_UNSUPPORTED', `a Junos IPsec policy takes one PFS group; group ${pfs[0]} written, ${pfs.slice(1).join(', ')} left out`, { tunnel: tn });
  let pfsGroup: DhGroup | undefined;
  if (pfs[0] !== undefined && espProps.length > 0) {
    if (FROM_23_2.dhGroups.includes(pfs[0]) && !junosAtLeast(ctx.gateway.osVersion, 23, 2)) w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${pfs[0]} needs Junos 23.2 or later; no PFS written`, { tunnel: tn });
    else if (GROUPS.has(pfs[0])) pfsGroup = pfs[0];
    else w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${pfs[0]} is not available on ${LABEL}; no PFS written`, { tunnel: tn });
  }
  // The box's IPsec policy, written once when several of its VPNs share it with the same content.
  const ipsecPolicy = pick(file, 'ipsec-policy', own.ipsecPolicy, `ipsec-${name}`, `${pfsGroup ?? ''}\n${espProps.join(' ')}`);
  if (ipsecPolicy.write) {
    if (pfsGroup !== undefined) w.line(`set security ipsec policy ${ipsecPolicy.name} perfect-forward-secrecy keys group${pfsGroup}`);
    listLine(w, t, espProps, 'ESP proposal', (x) => `set security ipsec policy ${ipsecPolicy.name} proposals ${x.length === 1 ? x[0] : `[ ${x.join(' ')} ]`}`);
  }

  if (routeBased) {
    const unit = tunnelIf.split('.')[1] as string;
    // Each address family the tunnel carries (its selectors and routes) needs its family on the
    // unit; a unit with only inet6 drops the IPv4 traffic routed into it, and the reverse.
    const explicit = t.selectors.filter((s) => !s.isDefault);
    const v6 = explicit.some((s) => s.local.family === 6) || t.routes.some((r) => r.includes(':'));
    const v4 = explicit.some((s) => s.local.family === 4) || t.routes.some((r) => !r.includes(':')) || !v6;
    for (const family of [...(v4 ? ['inet'] : []), ...(v6 ? ['inet6'] : [])]) w.line(`set interfaces ${tunnelIf.split('.')[0]} unit ${unit} family ${family}`);
    w.line(`set security zones security-zone ${word(zone)} interfaces ${tunnelIf}`);
    w.line(`set security ipsec vpn ${vpn} bind-interface ${tunnelIf}`);
  }
  w.line(`set security zones security-zone ${word(ctx.outsideZone)} host-inbound-traffic system-services ike`);
  w.line(`set security ipsec vpn ${vpn} ike gateway ${gw}`);
  if (espProps.length > 0) w.line(`set security ipsec vpn ${vpn} ike ipsec-policy ${ipsecPolicy.name}`);
  w.line(`set security ipsec vpn ${vpn} establish-tunnels ${t.initiates ? 'immediately' : 'on-traffic'}`);
  if (routeBased) writeSelectors(w, ctx, t, vpn, defined, namesOf(own.trafficSelectors));
  if (t.me.monitor.enabled) {
    if (routeBased && junosOptionsOf(t.me).selectorStyle === 'traffic-selector' && t.selectors.some((s) => !s.isDefault)) {
      w.warn('MONITOR_UNSUPPORTED', 'Junos does not run VPN monitoring on a VPN with traffic selectors; vpn-monitor left out', { tunnel: tn });
    } else {
      const monitorIp = ipText(t.me.monitor.destinationIp);
      w.line(`set security ipsec vpn ${vpn} vpn-monitor${monitorIp ? ` destination-ip ${monitorIp}` : ''}`);
    }
  }
  if (routeBased) {
    if (t.routesDerived && t.routes.length > 0) w.warn('ROUTES_DERIVED', `routes to ${tunnelIf} written for ${t.routes.join(', ')}: where the design has none, from the remote selectors or the peer's networks`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    for (const r of t.routes) w.line(`set routing-options ${r.includes(':') ? 'rib inet6.0 ' : ''}static route ${r} next-hop ${tunnelIf}`);
  }

  // Security policies: inside zone <-> tunnel zone (route-based) or to the outside zone through the VPN.
  const pa = policyAddresses(ctx, t);
  const set = (xs: string[]) => (xs.length === 0 ? 'any' : xs.length === 1 ? (xs[0] as string) : `[ ${xs.join(' ')} ]`);
  const books = addressEntries(own.addressBook);
  const book = (r: AddressRange) => addressBook(w, r, defined, file, books);
  const [outNames, inNames] = [namesOf(own.policiesOut), namesOf(own.policiesIn)];
  // A policy is named within its zone pair: the box's name unless another tunnel of the file has it there.
  const policyName = (from: string, to: string, recorded: string | undefined, derived: string, which: string) => pick(file, `policy ${from} ${to}`, recorded, derived, `${t.tunnel.id} ${which}`).name;
  const pol = (from: string, to: string, pname: string, s: string, d: string, app: string, then: string) => {
    w.line(`set security policies from-zone ${word(from)} to-zone ${word(to)} policy ${pname} match source-address ${s} destination-address ${d} application ${app}`);
    w.line(`set security policies from-zone ${word(from)} to-zone ${word(to)} policy ${pname} then ${then}`);
  };
  const explicit = t.selectors.filter((s) => !s.isDefault);
  if (routeBased || explicit.length === 0) {
    if (!routeBased) w.warn('DEFAULT_SELECTOR', `policy-based with no proxy ID: the policies are written for ${[...pa.local, ...pa.remote].length ? 'the gateways\' networks' : 'any address'}, which Junos negotiates as the proxy IDs`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    // A route-based VPN's policies are the box's firewall rules, not its proxy IDs: one the box had
    // keeps what it named (recorded at import) and only gains a network the tunnel gained since.
    const outMatch = routeBased ? policyMatchOf(own.policyOutMatch) : undefined;
    const inMatch = routeBased ? policyMatchOf(own.policyInMatch) : undefined;
    const then = outMatch || inMatch ? asImported(t) : undefined;
    const kept = (members: readonly string[] | undefined, ranges: readonly AddressRange[], was: ReadonlySet<string> | undefined): string[] => {
      if (!members) return ranges.map(book);
      if (members.includes('any')) return [...members];
      const out = [...members];
      for (const r of ranges) {
        // Not a network the box's policies name already (an address set's members included), nor one the tunnel had as imported.
        if (was?.has(cidr(r) ?? '') || books.has(cidr(r) ?? '')) continue;
        const n = book(r);
        if (!out.includes(n)) out.push(n);
      }
      return out;
    };
    const src = kept(outMatch?.sources, pa.local, then?.local);
    const dst = kept(outMatch?.destinations, pa.remote, then?.remote);
    const inSrc = inMatch ? kept(inMatch.sources, pa.remote, then?.remote) : dst;
    const inDst = inMatch ? kept(inMatch.destinations, pa.local, then?.local) : src;
    const apps = (m: { applications: string[] } | undefined) => (m ? set(m.applications) : 'any');
    pol(inside, toZone, policyName(inside, toZone, outNames[0], `${name}-out`, 'out'), set(src), set(dst), apps(outMatch), routeBased ? 'permit' : `permit tunnel ipsec-vpn ${vpn}`);
    pol(toZone, inside, policyName(toZone, inside, inNames[0], `${name}-in`, 'in'), set(inSrc), set(inDst), apps(inMatch), routeBased ? 'permit' : `permit tunnel ipsec-vpn ${vpn}`);
  } else {
    // Policy-based: each policy's match is one proxy ID (Juniper, "Policy-Based IPsec VPNs":
    // the VPN's proxy ID is the policy's source, destination and application), so one pair per selector.
    explicit.forEach((s, i) => {
      if (s.local.family !== s.remote.family) {
        w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; a Junos policy cannot match it, left out`, { tunnel: tn });
        return;
      }
      warnPortWithoutProtocol(w, t, s, LABEL);
      const app = application(w, s, defined, t);
      const l = book(s.local);
      const r = book(s.remote);
      const n = explicit.length > 1 ? `-${i + 1}` : '';
      pol(inside, toZone, policyName(inside, toZone, outNames[i], `${name}-out${n}`, `out ${i}`), l, r, app, `permit tunnel ipsec-vpn ${vpn}`);
      pol(toZone, inside, policyName(toZone, inside, inNames[i], `${name}-in${n}`, `in ${i}`), r, l, application(w, s, defined, t, true), `permit tunnel ipsec-vpn ${vpn}`);
    });
  }
  if (ctx.gateway.natRules.some((r) => r.kind === 'source')) {
    // The box's rule set (its zones written once) and rule, when it had them for this VPN.
    const recorded = own.natRuleSet !== '' && own.natRule !== '';
    const ruleSet = pick(file, 'nat-rule-set', recorded ? own.natRuleSet : undefined, `no-nat-${name}`, `${inside} ${toZone}`);
    const rule = ruleSet.name === own.natRuleSet ? pick(file, `nat-rule ${ruleSet.name}`, own.natRule, `no-nat-${name}`, t.tunnel.id).name : `no-nat-${name}`;
    const rs = ruleSet.name;
    if (ruleSet.write) {
      w.line(`set security nat source rule-set ${rs} from zone ${word(inside)}`);
      w.line(`set security nat source rule-set ${rs} to zone ${word(toZone)}`);
    }
    // The box's rule keeps the prefixes it matched (recorded at import) and only gains a network the tunnel gained since.
    const natMatch = rule === own.natRule ? natMatchOf(own.natRuleMatch) : undefined;
    const natThen = natMatch ? asImported(t) : undefined;
    const prefixes = (recordedList: readonly string[] | undefined, ranges: readonly AddressRange[], was: ReadonlySet<string> | undefined) => {
      const now = ranges.flatMap((r) => rangeToPrefixes(r).map((p) => cidr(p) as string));
      if (!recordedList) return now;
      const out = [...recordedList];
      for (const r of ranges) if (!was?.has(cidr(r) ?? '')) for (const p of rangeToPrefixes(r)) if (!out.includes(cidr(p) as string)) out.push(cidr(p) as string);
      return out;
    };
    w.line(`set security nat source rule-set ${rs} rule ${rule} match source-address ${set(prefixes(natMatch?.sources, pa.local, natThen?.local))} destination-address ${set(prefixes(natMatch?.destinations, pa.remote, natThen?.remote))}`);
    w.line(`set security nat source rule-set ${rs} rule ${rule} then source-nat off`);
  }
}

/**
 * The prefixes an imported tunnel's policies named as imported (the exporter's local and remote
 * addresses for the tunnel then), so that a box's policy only gains a network that is new since.
 */
function addressesAsImported(then: GatewayContext | undefined): (t: TunnelView) => { local: Set<string>; remote: Set<string> } | undefined {
  if (!then) return () => undefined;
  const byId = new Map(then.tunnels.map((x) => [`${x.tunnel.id} ${x.me.gatewayId}`, x]));
  const memo = new Map<string, { local: Set<string>; remote: Set<string> }>();
  return (t) => {
    const key = `${t.tunnel.id} ${t.me.gatewayId}`;
    const was = byId.get(key);
    if (!was) return undefined;
    let got = memo.get(key);
    if (!got) {
      const pa = policyAddresses(then, was);
      const texts = (rs: readonly AddressRange[]) => new Set(rs.map((r) => cidr(r) ?? ''));
      got = { local: texts(pa.local), remote: texts(pa.remote) };
      memo.set(key, got);
    }
    return got;
  };
}

function writeSelectors(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, vpn: string, defined: Set<string>, own: readonly string[] = []): void {
  const tn = t.tunnel.name;
  const explicit = t.selectors.filter((s) => !s.isDefault);
  if (explicit.length === 0) {
    w.comment('no proxy identity or traffic selector: Junos proposes 0.0.0.0/0 <-> 0.0.0.0/0 any');
    return;
  }
  if (junosOptionsOf(t.me).selectorStyle === 'proxy-identity') {
    const s = explicit[0] as Selector;
    const l = rangeToPrefixes(s.local);
    const r = rangeToPrefixes(s.remote);
    warnPortWithoutProtocol(w, t, s, LABEL);
    const svc = application(w, s, defined, t);
    const ln = w.line(`set security ipsec vpn ${vpn} ike proxy-identity local ${cidr(l[0] as AddressRange)} remote ${cidr(r[0] as AddressRange)} service ${svc}`);
    if (!isPrefix(s.local) || !isPrefix(s.remote)) w.warn('ADDRESS_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" uses an address range; a Junos proxy-identity takes one prefix, only its first prefix was written`, { tunnel: tn, line: ln });
    if (explicit.length > 1) w.warn('MULTIPLE_PROXY_IDS_UNSUPPORTED', `a Junos VPN has one proxy-identity: proxy IDs 2-${explicit.length} left out (use traffic-selector style for several)`, { tunnel: tn, line: ln });
    return;
  }
  let n = 0;
  let firstLine = 0;
  // The n-th selector written takes the box's n-th name; the others ts-<k>, k past the names taken.
  const used = new Set(own);
  let k = 0;
  const nextName = () => {
    const recorded = own[n - 1];
    if (recorded !== undefined) return recorded;
    do k++;
    while (used.has(`ts-${k}`));
    return `ts-${k}`;
  };
  for (const s of explicit) {
    if (s.local.family !== s.remote.family) {
      w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; Junos traffic selectors cannot, left out`, { tunnel: tn });
      continue;
    }
    if (isAnyAddress(s.remote)) {
      w.warn('SELECTOR_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has remote ${s.remote.family === 4 ? '0.0.0.0/0' : '::/0'}, which Junos traffic selectors do not take on a site-to-site VPN; left out`, { tunnel: tn });
      continue;
    }
    const ls = rangeToPrefixes(s.local);
    const rs = rangeToPrefixes(s.remote);
    if (ls.length * rs.length > 1) w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; written as ${ls.length * rs.length} traffic selectors (each its own SA)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    for (const l of ls) {
      for (const r of rs) {
        if (n >= MAX_TRAFFIC_SELECTORS) {
          n++;
          continue;
        }
        n++;
        const ln = w.line(`set security ipsec vpn ${vpn} traffic-selector ${nextName()} local-ip ${cidr(l)} remote-ip ${cidr(r)}`);
        if (!firstLine) firstLine = ln;
        if (s.protocol !== 0 || s.localPort || s.remotePort) {
          w.warn('PROTOCOL_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" limits protocol/ports (${protocolName(s.protocol)}); this traffic selector is written for addresses only`, { tunnel: tn, line: ln, silentInFile: true });
        }
      }
    }
  }
  if (n === 0) w.warn('DEFAULT_SELECTOR', 'none of the proxy IDs of the design can be written as a traffic selector: without one, Junos proposes 0.0.0.0/0 <-> 0.0.0.0/0', { tunnel: tn, line: w.current });
  if (n > MAX_TRAFFIC_SELECTORS) w.warn('SELECTOR_LIMIT_EXCEEDED', `${n} traffic selectors needed; Junos takes at most ${MAX_TRAFFIC_SELECTORS} per VPN, ${n - MAX_TRAFFIC_SELECTORS} left out`, { tunnel: tn, line: firstLine });
  void ctx;
}

/** What the file takes as already configured on a box in production: its interfaces' addresses and zones. */
function assumedInterfaces(ctx: GatewayContext): string {
  const said = (name: string, zone: string) => {
    const address = ctx.gateway.interfaces.find((i) => i.name === name)?.address;
    return `${name}${address ? ` ${address}` : ''} in security-zone ${zone}`;
  };
  return `Assumes these interfaces are configured already (this file does not address them): ${said(ctx.outsideInterface, ctx.outsideZone)}, ${said(ctx.insideInterface, ctx.insideZone)}.`;
}

export const junosSrxExporter: VendorExporter = {
  vendor: 'junos-srx',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    header(w, ctx, 'Juniper Junos SRX', REFERENCE, ['Load with "load set terminal" in configuration mode, then commit check.', assumedInterfaces(ctx)]);
    const state: FileState = { names: new Set(), defined: new Set(), objects: new Map() };
    const then = importedContext(ctx);
    const boxRoutes = routesOnTheBox(ctx, then);
    const asImported = addressesAsImported(then);
    ctx.tunnels.forEach((t, i) => exportTunnel(w, ctx, boxRoutes(t), i + 1, state, asImported));
    return [{ name: file, content: w.text() }];
  },
};
