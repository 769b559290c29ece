// Palo Alto Networks PAN-OS, configure-mode `set` commands.
// Follows: Palo Alto Networks, "PAN-OS Administrator's Guide: Set Up Site-to-Site VPN" (Set Up an
// IKE Gateway, Define Cryptographic Profiles, Set Up an IPSec Tunnel, Tunnel Interface),
// docs.paloaltonetworks.com/pan-os/10-2/pan-os-admin/vpns/set-up-site-to-site-vpn, and PAN-OS 10.0
// Administrator's Guide, "Set Up an IPSec Tunnel" (proxy IDs for policy-based peers; no proxy ID
// means 0.0.0.0/0 <-> 0.0.0.0/0); ranges and keywords from the PAN-OS schema as Palo Alto
// Networks' pan-os-codegen publishes it (specs/network/ike-gateway.yaml, specs/network/tunnels/
// ipsec.yaml, specs/objects/profiles/ike-crypto-profile.yaml and ipsec-crypto-profile.yaml).
import type { DhGroup, Encryption, Integrity, TunnelEnd } from '../../model/document';
import { parseAddressSpec, type AddressRange } from '../../net/address';
import { cidr, firstIp, interfaceAddressText, ipText, isPortRange, isPrefix, lastIp, protocolName, rangeToPrefixes, type Selector } from '../kit/export/addresses';
import { allEncryption, allGroups, allIntegrity, commonEndChecks, header, isAead, listLine, mapAll, warnPortWithoutProtocol, orPlaceholder, warnIfProposalsFlattened, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, tunnelZone, type GatewayContext, type TunnelView } from '../kit/export/context';
import { importedContext, routesOnTheBox } from '../kit/export/imported-routes';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { hasControl, HOLDS, quoted, refused, valueLine, type Quoted } from '../kit/export/values';
import { SETTING_WORDS, type ValueSetting } from '../kit/capabilities';
import { capabilities, FROM_10_2, inUnits, LIFESIZE_UNITS, LIFETIME_UNITS, panosHasDes, panosHasGroupsOf102 } from './capabilities';
import { configFile } from './grammar';
import { nameEntries, panosEndOptionsOf, ruleMatchOf } from './options';

const LABEL = 'PAN-OS';
const REFERENCE = `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN" (Set Up an IKE Gateway, Define Cryptographic Profiles, Set Up an IPSec Tunnel: proxy IDs, none meaning 0.0.0.0/0 both ways; Tunnel Interface); PAN-OS schema (pan-os-codegen specs/network/ike-gateway.yaml, tunnels/ipsec.yaml, objects/profiles)`;

const IKE_ENC: Partial<Record<Encryption, string>> = { '3des': '3des', aes128: 'aes-128-cbc', aes192: 'aes-192-cbc', aes256: 'aes-256-cbc', aes128gcm16: 'aes-128-gcm', aes256gcm16: 'aes-256-gcm' };
const ESP_ENC: Partial<Record<Encryption, string>> = { ...IKE_ENC, null: 'null' };

/**
 * `des`: the PAN-OS 10.0 Administrator's Guide, "IKE Phase 1" still lists it for crypto profiles;
 * the 11.x schema (pan-os-codegen specs/objects/profiles/ike-crypto-profile.yaml and
 * ipsec-crypto-profile.yaml, esp encryption) has 3des and AES only.
 */
const encryptionOn = (table: Partial<Record<Encryption, string>>, gateway: { osVersion: string }) => (e: Encryption) => (e === 'des' ? (panosHasDes(gateway.osVersion) ? 'des' : undefined) : table[e]);
const HASH: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const ESP_AUTH: Partial<Record<Integrity, string>> = { ...HASH, none: 'none' };
const GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16, 19, 20, 21]);

const list = (items: string[]) => (items.length === 1 ? (items[0] as string) : `[ ${items.join(' ')} ]`);

/**
 * A value for a `set` command: a bare word when it has only characters the CLI takes unquoted,
 * else in double quotes (spaces, ';', '#', '{', '[', '|', '&', quotes and the rest are then
 * literal). Nothing escapes a double quote inside one (Batfish's PAN-OS lexer, which models the
 * CLI: DOUBLE_QUOTED_STRING is '"' ~'"'* '"'), so a value with one cannot be written; and the
 * CLI takes '?' as its help key while the text is pasted in configure mode.
 */
function pan(value: string, alwaysQuote = false): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (value.includes('"')) return refused(HOLDS.doubleQuote);
  if (value.includes('?')) return refused(HOLDS.questionMark);
  return quoted(!alwaysQuote && /^[A-Za-z0-9_.\-/:]+$/.test(value) ? value : `"${value}"`);
}

/** Zone names: the schema's zone rule leaves nothing pan() refuses. */
function zoneWord(zone: string): string {
  const q = pan(zone);
  if (!q.ok) throw new Error('exporter bug: a zone name the schema should have refused');
  return q.text;
}

function identity(id: { type: string; value: string }): Quoted {
  const type = { address: 'ipaddr', fqdn: 'fqdn', 'user-fqdn': 'ufqdn', dn: 'dn', 'key-id': 'keyid' }[id.type] ?? 'fqdn';
  const v = pan(id.value);
  return v.ok ? quoted(`type ${type} id ${v.text}`) : v;
}

/**
 * The value of a setting as PAN-OS can write it (its capability table's range): the design's
 * value when PAN-OS takes it, else the nearest one it does, with a warning naming both (the
 * engine reports VALUE_OUT_OF_RANGE for the same value before export).
 */
function bounded(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, setting: ValueSetting, value: number): number {
  const limit = capabilities.valueLimits?.(ctx.gateway)[setting];
  if (!limit) return value;
  const inRange = value >= limit.min && value <= limit.max && (!limit.steps || limit.steps.accepts(value));
  if (inRange) return value;
  const clamped = Math.min(limit.max, Math.max(limit.min, value));
  const nearest = limit.steps && !limit.steps.accepts(clamped) ? limit.steps.nearest(clamped) : clamped;
  const words = SETTING_WORDS[setting];
  const unit = words.unit ? ` ${words.unit}` : '';
  const code = setting === 'ikeLifetimeSeconds' || setting === 'espLifetimeSeconds' || setting === 'espLifetimeKilobytes' ? 'LIFETIME_ADJUSTED' : 'SETTING_UNSUPPORTED';
  w.warn(code, `the ${words.label} of ${value}${unit} is not one ${LABEL} takes (${limit.min}–${limit.max}${unit}${limit.steps ? `, ${limit.steps.says}` : ''}: ${limit.statement}); ${nearest}${unit} written instead: set the same on the peer, or choose a value ${LABEL} takes`, { tunnel: t.tunnel.name, line: w.current + 1 });
  return nearest;
}

/** A lifetime or lifesize in the largest unit that holds it exactly (`lifetime hours 24`); the value is already bounded. */
function unitsText(units: typeof LIFETIME_UNITS, value: number): string {
  const u = inUnits(units, value);
  if (!u) throw new Error(`exporter bug: ${value} was not bounded to a value PAN-OS can write`);
  return `${u.word} ${u.count}`;
}

const groupOn = (ctx: GatewayContext) => (g: DhGroup) => GROUPS.has(g) && (panosHasGroupsOf102(ctx.gateway.osVersion) || !FROM_10_2.includes(g));

/** The phase 1 crypto profile. */
function ikeProfile(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, ikeP: string): void {
  const ikeProps = t.me.ike.proposals;
  warnIfProposalsFlattened(w, t, ikeProps, 'IKE', LABEL);
  const ikeEnc = mapAll(w, t, allEncryption(ikeProps), (e) => (t.me.ikeVersion === 1 && isAead(e) ? undefined : encryptionOn(IKE_ENC, ctx.gateway)(e)), `IKEv${t.me.ikeVersion} encryption`, LABEL);
  listLine(w, t, ikeEnc, 'IKE encryption', (x) => `set network ike crypto-profiles ike-crypto-profiles ${ikeP} encryption ${list(x)}`);
  // ike-crypto-profile.yaml "hash": non-auth, md5, sha1, sha256, sha384, sha512. No integrity is
  // written as non-auth only when every cipher is AES-GCM, which carries its own (a CBC cipher
  // without integrity is left out, warned, rather than given one the design does not have).
  const aeadOnly = ikeEnc.length > 0 && allEncryption(ikeProps).every((e) => isAead(e));
  const hash = mapAll(w, t, allIntegrity(ikeProps), (i) => (i === 'none' ? (aeadOnly ? 'non-auth' : undefined) : HASH[i]), 'IKE hash', LABEL);
  listLine(w, t, hash, 'IKE hash', (x) => `set network ike crypto-profiles ike-crypto-profiles ${ikeP} hash ${list(x)}`);
  const hasGroup = groupOn(ctx);
  const groups = mapAll(w, t, allGroups(ikeProps), (g) => (hasGroup(g) ? `group${g}` : undefined), 'IKE DH group', LABEL);
  listLine(w, t, groups, 'IKE DH group', (x) => `set network ike crypto-profiles ike-crypto-profiles ${ikeP} dh-group ${list(x)}`);
  w.line(`set network ike crypto-profiles ike-crypto-profiles ${ikeP} lifetime ${unitsText(LIFETIME_UNITS, bounded(w, ctx, t, 'ikeLifetimeSeconds', t.me.ike.lifetimeSeconds))}`);
}

/** The phase 2 crypto profile. */
function espProfile(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, espP: string): void {
  const tn = t.tunnel.name;
  const hasGroup = groupOn(ctx);
  const espProps = t.me.esp.proposals;
  warnIfProposalsFlattened(w, t, espProps, 'ESP', LABEL);
  const espEnc = mapAll(w, t, allEncryption(espProps), encryptionOn(ESP_ENC, ctx.gateway), 'ESP encryption', LABEL);
  listLine(w, t, espEnc, 'ESP encryption', (x) => `set network ike crypto-profiles ipsec-crypto-profiles ${espP} esp encryption ${list(x)}`);
  const espAuth = mapAll(w, t, allIntegrity(espProps), (i) => ESP_AUTH[i], 'ESP authentication', LABEL);
  listLine(w, t, espAuth, 'ESP authentication', (x) => `set network ike crypto-profiles ipsec-crypto-profiles ${espP} esp authentication ${list(x)}`);
  const pfs = allGroups(espProps);
  if (pfs.length > 1) w.warn('SETTING_UNSUPPORTED', `PAN-OS takes one PFS group per IPSec crypto profile; group ${pfs[0]} written, ${pfs.slice(1).join(', ')} left out`, { tunnel: tn });
  const pfsKey = pfs[0] === undefined ? 'no-pfs' : hasGroup(pfs[0]) ? `group${pfs[0]}` : undefined;
  if (pfsKey === undefined) w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${String(pfs[0])} is not available on PAN-OS; no-pfs written`, { tunnel: tn });
  w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} dh-group ${pfsKey ?? 'no-pfs'}`);
  w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} lifetime ${unitsText(LIFETIME_UNITS, bounded(w, ctx, t, 'espLifetimeSeconds', t.me.esp.lifetimeSeconds))}`);
  if (t.me.esp.lifetimeKilobytes) w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} lifesize ${unitsText(LIFESIZE_UNITS, bounded(w, ctx, t, 'espLifetimeKilobytes', t.me.esp.lifetimeKilobytes))}`);
}

/**
 * What a crypto profile holds: its `set` lines as this end would write them (warnings left out),
 * to tell two ends that name the same profile apart. The lines, not the design's values: an
 * IKEv1 and an IKEv2 gateway share one profile on the box, and so do they here.
 */
function profileContent(ctx: GatewayContext, t: TunnelView, end: TunnelEnd, kind: ProfileKind): string {
  const scratch = new ConfigWriter(ctx.gateway.name, 'profile', configFile.comment, []);
  const view = end === t.me ? t : { ...t, me: end };
  (kind === 'ike' ? ikeProfile : espProfile)(scratch, ctx, view, 'P');
  return scratch.text().split('\n').filter((l) => l !== '' && !l.startsWith(configFile.comment)).join('\n');
}

type ProfileKind = 'ike' | 'ipsec';

/**
 * The box's own names (options.ts) across the gateway's tunnels. A crypto profile the box shares
 * between tunnels is written once; when the ends that name it no longer agree on what it holds
 * (a fix changed one of them), the name keeps what the box has now: the content of an end that
 * is as it was imported, else the first end's. The others are written under the exporter's own
 * name, so that the file never gives one profile two contents.
 */
class BoxNames {
  private readonly owner = new Map<string, string>();
  private readonly written = new Set<string>();
  private readonly taken = new Set<string>();

  constructor(ctx: GatewayContext) {
    const importedEnd = (t: TunnelView): TunnelEnd | undefined => {
      const then = ctx.doc.imported?.tunnels.find((x) => x.id === t.tunnel.id);
      return then ? (t.tunnel.a === t.me ? then.a : then.b) : undefined;
    };
    for (const kind of ['ike', 'ipsec'] as const) {
      const claims = new Map<string, { first: string; kept?: string }>();
      for (const t of ctx.tunnels) {
        const box = profileName(kind, t.me);
        if (!box) continue;
        const now = profileContent(ctx, t, t.me, kind);
        const then = importedEnd(t);
        const c = claims.get(box) ?? { first: now };
        if (c.kept === undefined && then && profileName(kind, then) === box && profileContent(ctx, t, then, kind) === now) c.kept = now;
        claims.set(box, c);
      }
      for (const [box, c] of claims) this.owner.set(`${kind} ${box}`, c.kept ?? c.first);
    }
  }

  /** The profile's name for this end, and whether its lines are still to write. */
  profile(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, kind: ProfileKind, own: string): { name: string; write: boolean } {
    const box = profileName(kind, t.me);
    if (!box) return { name: own, write: true };
    const key = `${kind} ${box}`;
    if (this.owner.get(key) !== profileContent(ctx, t, t.me, kind)) {
      w.warn('EXISTING_CONFIG', `the ${kind === 'ike' ? 'IKE' : 'IPSec'} crypto profile ${box} is shared on the firewall with another tunnel that needs other proposals or lifetimes than this one now; this tunnel's profile is written as ${own}, a new profile, so that ${box} stays as the other tunnel needs it`, { tunnel: t.tunnel.name, line: w.current + 1 });
      return { name: own, write: true };
    }
    const write = !this.written.has(key);
    this.written.add(key);
    return { name: box, write };
  }

  /** The IKE gateway's, IPSec tunnel's or rule's name for this end: the box's, unless another tunnel of this file has it already. */
  object(w: ConfigWriter, t: TunnelView, what: 'IKE gateway' | 'IPSec tunnel' | 'security rule' | 'NAT rule', box: string, own: string): string {
    if (!box) return own;
    const key = `${what} ${box}`;
    if (!this.taken.has(key)) {
      this.taken.add(key);
      return box;
    }
    w.warn('EXISTING_CONFIG', `the ${what} ${box} is named by another tunnel of this gateway too; this tunnel's is written as ${own}: check which tunnel it is on the firewall`, { tunnel: t.tunnel.name, line: w.current + 1 });
    return own;
  }
}

/** A `<prefix>=<name>` list setting by the range each prefix stands for (options.ts). */
/** The tunnel interfaces whose own routes include an IPv6 prefix, per file: looked at once per interface, not per tunnel on it. */
const ipv6OwnRoutes = new WeakMap<GatewayContext, Map<string, boolean>>();

function hasIpv6Route(ctx: GatewayContext, t: TunnelView): boolean {
  const v6 = (r: string) => r.includes(':');
  const byInterface = ipv6OwnRoutes.get(ctx) ?? new Map<string, boolean>();
  ipv6OwnRoutes.set(ctx, byInterface);
  let own = byInterface.get(t.me.tunnelInterface);
  if (own === undefined) {
    own = t.routes.slice(0, t.ownRoutes).some(v6);
    byInterface.set(t.me.tunnelInterface, own);
  }
  return own || t.routes.slice(t.ownRoutes).some(v6);
}

function namesByRange(list: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of nameEntries(list)) {
    const r = parseAddressSpec(e.prefix);
    if (r.ok && !out.has(rangeKey(r.value))) out.set(rangeKey(r.value), e.name);
  }
  return out;
}

const rangeKey = (r: AddressRange) => `${r.family} ${r.from}-${r.to}`;

function profileName(kind: ProfileKind, end: TunnelEnd): string {
  const o = panosEndOptionsOf(end);
  return kind === 'ike' ? o.ikeCryptoProfile : o.ipsecCryptoProfile;
}

function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, names: Set<string>, addresses: Map<string, string>, routeNames: Set<string>, box: BoxNames): void {
  const tn = t.tunnel.name;
  // 31 characters for a gateway, profile or route name (the exporter's rule; the schema names no
  // limit): the tunnel's name leaves room for the longest prefix, "ipsec-", so that two tunnels'
  // objects never share a name once cut to 31.
  const n = safeName(tn, 31 - 'ipsec-'.length, names);
  if (n.shortened) w.warn('NAME_SHORTENED', `tunnel name "${tn}" written as "${n.name}" (PAN-OS names: letters, digits, "-", "_", at most 31 characters with the ipsec-, ike-, gw- or mon- before it)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  const name = n.name;
  const v = t.me.ikeVersion === 2 ? 'ikev2' : 'ikev1';
  // The box's own names when it was imported (options.ts), else the exporter's.
  const ike = box.profile(w, ctx, t, 'ike', `ike-${name}`);
  const esp = box.profile(w, ctx, t, 'ipsec', `ipsec-${name}`);
  const ikeP = ike.name;
  const espP = esp.name;
  const own = panosEndOptionsOf(t.me);
  const gw = box.object(w, t, 'IKE gateway', own.ikeGateway, `gw-${name}`);
  const tunnelName = box.object(w, t, 'IPSec tunnel', own.ipsecTunnel, name);
  const tunnelIf = t.me.tunnelInterface || 'tunnel.1';
  const zone = tunnelZone(ctx, tunnelIf, 'vpn');
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  commonEndChecks(w, t);

  // Crypto profiles (a profile the tunnels share on the box, once).
  if (ike.write) ikeProfile(w, ctx, t, ikeP);
  if (esp.write) espProfile(w, ctx, t, espP);

  // IKE gateway.
  const outside = ctx.gateway.interfaces.find((i) => i.name === t.outside);
  w.line(`set network ike gateway ${gw} protocol version ${v}`);
  w.line(`set network ike gateway ${gw} protocol ${v} ike-crypto-profile ${ikeP}`);
  if (t.me.ikeVersion === 1) w.line(`set network ike gateway ${gw} protocol ikev1 exchange-mode ${t.me.exchangeMode}`);
  w.line(`set network ike gateway ${gw} protocol ${v} dpd enable ${t.me.dpd.enabled ? 'yes' : 'no'}`);
  if (t.me.dpd.enabled) w.line(`set network ike gateway ${gw} protocol ${v} dpd interval ${bounded(w, ctx, t, 'dpdIntervalSeconds', t.me.dpd.intervalSeconds)}`);
  const outsideAddress = outside?.address ? interfaceAddressText(outside.address) : undefined;
  w.line(`set network ike gateway ${gw} local-address interface ${t.outside}${outsideAddress ? ` ip ${outsideAddress}` : ''}`);
  w.line(`set network ike gateway ${gw} peer-address ip ${orPlaceholder(t.peerAddress, 'peer-address')}`);
  // ike-gateway.yaml "ipv6": "use IPv6 for the IKE gateway"; without it the gateway takes IPv4 addresses only.
  const ikeOverV6 = (t.peerAddress ?? t.localAddress ?? '').includes(':');
  if (ikeOverV6) w.line(`set network ike gateway ${gw} ipv6 yes`);
  if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', pan(t.psk, true), (k) => `set network ike gateway ${gw} authentication pre-shared-key key ${k}`, LABEL, 'enter the key on the firewall by hand, or choose one without it (on both ends)');
  if (t.me.auth.localId) valueLine(w, t, 'the local identity', identity(t.me.auth.localId), (x) => `set network ike gateway ${gw} local-id ${x}`, LABEL);
  if (t.me.auth.remoteId) valueLine(w, t, 'the remote (peer) identity', identity(t.me.auth.remoteId), (x) => `set network ike gateway ${gw} peer-id ${x}`, LABEL);
  w.line(`set network ike gateway ${gw} protocol-common nat-traversal enable ${t.me.natTraversal ? 'yes' : 'no'}`);
  w.line(`set network ike gateway ${gw} protocol-common passive-mode ${t.me.passive ? 'yes' : 'no'}`);

  // Tunnel interface, zone, virtual router.
  w.line(`set network interface tunnel units ${tunnelIf}`);
  // interface/tunnel.yaml "ipv6 enabled" ("Enable IPv6 on the interface"): IPv6 proxy IDs and routes need it.
  if (hasIpv6Route(ctx, t) || t.selectors.some((s) => !s.isDefault && s.local.family === 6)) w.line(`set network interface tunnel units ${tunnelIf} ipv6 enabled yes`);
  w.line(`set zone ${zoneWord(zone)} network layer3 ${tunnelIf}`);
  w.line(`set network virtual-router default interface ${tunnelIf}`);

  // IPSec tunnel and proxy IDs.
  w.line(`set network tunnel ipsec ${tunnelName} tunnel-interface ${tunnelIf}`);
  w.line(`set network tunnel ipsec ${tunnelName} auto-key ike-gateway ${gw}`);
  w.line(`set network tunnel ipsec ${tunnelName} auto-key ipsec-crypto-profile ${espP}`);
  // tunnels/ipsec.yaml "ipv6": "use IPv6 for the IPSec tunnel", with the IKE gateway's.
  if (ikeOverV6) w.line(`set network tunnel ipsec ${tunnelName} ipv6 yes`);
  if (t.selectors.every((s) => s.isDefault)) {
    w.comment('no proxy ID: PAN-OS proposes 0.0.0.0/0 <-> 0.0.0.0/0 (route-based default)');
  } else {
    const pidNames = new Set<string>();
    let written = 0;
    for (const s of t.selectors) written += writeProxyId(w, t, tunnelName, s, pidNames);
    if (written === 0) w.warn('DEFAULT_SELECTOR', 'none of the proxy IDs of the design can be written: without one, PAN-OS proposes 0.0.0.0/0 <-> 0.0.0.0/0, which a policy-based peer refuses', { tunnel: tn, line: w.current });
  }
  if (t.me.monitor.enabled) {
    const prof = `mon-${name}`;
    w.line(`set network profiles monitor-profile ${prof} action ${t.me.monitor.action} interval ${t.me.monitor.intervalSeconds} threshold ${bounded(w, ctx, t, 'monitorThreshold', t.me.monitor.threshold)}`);
    w.line(`set network tunnel ipsec ${tunnelName} tunnel-monitor enable yes destination-ip ${orPlaceholder(ipText(t.me.monitor.destinationIp), 'monitor-destination-ip')} tunnel-monitor-profile ${prof}`);
    if (!ctx.gateway.interfaces.find((i) => i.name === tunnelIf)?.address) {
      w.warn('MONITOR_UNSUPPORTED', `tunnel monitoring needs an IP address on ${tunnelIf}; the design has none, add one`, { tunnel: tn });
    }
  }

  // Routes to the tunnel interface.
  if (t.routesDerived && t.routes.length > 0) w.warn('ROUTES_DERIVED', `routes to ${tunnelIf} written for ${t.routes.join(', ')}: where the design has none, from the remote selectors or the peer's networks`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  // Tunnels that share a tunnel interface share its routes: each is written once, under the box's
  // name for that destination when it has one (a name no other route of this file has taken).
  // The interface's own routes are the same for every tunnel on it (TunnelView.ownRoutes): they
  // are written with the first of those tunnels, and the others only look at the routes they add.
  const ownWritten = `${tunnelIf} own routes`;
  const from = routeNames.has(ownWritten) ? t.ownRoutes : 0;
  routeNames.add(ownWritten);
  let boxRoutes: Map<string, string> | undefined;
  for (let i = from; i < t.routes.length; i++) {
    const dst = t.routes[i] as string;
    const key = `${tunnelIf} ${dst}`;
    if (routeNames.has(key)) continue;
    routeNames.add(key);
    boxRoutes ??= namesByRange(own.staticRoutes);
    const range = parseAddressSpec(dst);
    const boxName = range.ok ? boxRoutes.get(rangeKey(range.value)) : undefined;
    const routeName = boxName !== undefined && !routeNames.has(boxName) ? boxName : safeName(`${name}-${i + 1}`, 31, routeNames).name;
    routeNames.add(routeName);
    w.line(`set network virtual-router default routing-table ${dst.includes(':') ? 'ipv6' : 'ip'} static-route ${routeName} destination ${dst} interface ${tunnelIf}`);
  }

  // Security policy both ways, and a no-NAT rule when the gateway does source NAT.
  const pa = policyAddresses(ctx, t);
  const boxObjects = namesByRange(own.addressObjects);
  const objs = (rs: AddressRange[]) => rs.map((r) => defineAddress(w, r, addresses, boxObjects));
  // An imported firewall's own rules are written as it has them, with only the networks the
  // tunnel gained added: a network a box rule names in no position (ruleMatchOf, options.ts).
  const recordedOut = ruleMatchOf(own.securityRuleOutMatch);
  const recordedIn = ruleMatchOf(own.securityRuleInMatch);
  const recordedNat = ruleMatchOf(own.natExemptionRuleMatch);
  const boxed = recordedOut !== undefined || recordedIn !== undefined || recordedNat !== undefined;
  const src = boxed ? [] : objs(pa.local);
  const dst = boxed ? [] : objs(pa.remote);
  const srcL = src.length ? list(src) : 'any';
  const dstL = dst.length ? list(dst) : 'any';
  const byName = new Map<string, AddressRange>();
  for (const e of nameEntries(own.addressObjects)) {
    const r = parseAddressSpec(e.prefix);
    if (r.ok && !byName.has(e.name)) byName.set(e.name, r.value);
  }
  /** The rule's recorded names, and a new object for each of `sources`/`destinations` the rule names nowhere. */
  const asBox = (m: { sources: string[]; destinations: string[] }, sources: AddressRange[], destinations: AddressRange[]) => {
    const named = [...m.sources, ...m.destinations];
    const covered = (r: AddressRange) => named.includes('any') || named.some((n) => {
      const p = byName.get(n);
      return p !== undefined && r.family === p.family && p.from <= r.from && r.to <= p.to;
    });
    const more = (rs: AddressRange[], have: string[]) => {
      // The box's own objects the rule names are written as the box has them (the file stays whole).
      for (const n of have) {
        const p = byName.get(n);
        if (p) defineAddress(w, p, addresses, boxObjects);
      }
      const out = [...have];
      for (const r of rs) {
        if (covered(r)) continue;
        const n = defineAddress(w, r, addresses, boxObjects);
        if (!out.includes(n)) out.push(n);
      }
      return list(out);
    };
    return { source: more(sources, m.sources), destination: more(destinations, m.destinations) };
  };
  // Service objects only where a rule is written from the selectors (a box's rule keeps its services).
  const svc = recordedOut && recordedIn ? { out: 'any', in: 'any' } : serviceFor(w, t);
  const ruleOut = box.object(w, t, 'security rule', own.securityRuleOut, `${name}-out`.slice(0, 63));
  const ruleIn = box.object(w, t, 'security rule', own.securityRuleIn, `${name}-in`.slice(0, 63));
  const rule = (r: string, from: string, to: string, m: typeof recordedOut, sources: AddressRange[], destinations: AddressRange[], service: string) => {
    const a = m ? asBox(m, sources, destinations) : { source: boxed ? list(objs(sources)) : sources === pa.local ? srcL : dstL, destination: boxed ? list(objs(destinations)) : destinations === pa.remote ? dstL : srcL };
    const any = (x: string) => (x === '[  ]' || x === '' ? 'any' : x);
    w.line(`set rulebase security rules ${r} from ${from} to ${to} source ${any(a.source)} destination ${any(a.destination)} application any service ${m ? list(m.services) : service} action allow`);
  };
  rule(ruleOut, zoneWord(ctx.insideZone), zoneWord(zone), recordedOut, pa.local, pa.remote, svc.out);
  rule(ruleIn, zoneWord(zone), zoneWord(ctx.insideZone), recordedIn, pa.remote, pa.local, svc.in);
  // An imported firewall that had no NAT exemption for this tunnel gets none: a NAT rule matches
  // "a packet's source zone and destination zone, at a minimum" (Palo Alto Networks, NGFW docs,
  // "NAT Policy Rules"), the destination zone being that of the interface the route lookup picks
  // ("Policy-Based Forwarding": "the firewall uses the destination IP address in a packet to
  // determine the outgoing interface"), here the tunnel's; the box's source NAT did not take the
  // tunnel's traffic then, and a rule added at the top of its NAT rulebase is a change the box
  // did not need. (The reader records `none` only when no source NAT rule of the box goes to the
  // tunnel's zone or to any zone.)
  if (own.natExemption === 'none') {
    if (ctx.gateway.natRules.some((r) => r.kind === 'source')) w.comment(`no NAT exemption written: ${ctx.gateway.name} had none for this tunnel when imported`);
  } else if (ctx.gateway.natRules.some((r) => r.kind === 'source')) {
    const natRule = box.object(w, t, 'NAT rule', own.natExemptionRule, `${name}-no-nat`.slice(0, 63));
    const a = recordedNat ? asBox(recordedNat, pa.local, pa.remote) : boxed ? { source: list(objs(pa.local)), destination: list(objs(pa.remote)) } : { source: srcL, destination: dstL };
    const any = (x: string) => (x === '[  ]' || x === '' ? 'any' : x);
    w.line(`set rulebase nat rules ${natRule} from ${zoneWord(ctx.insideZone)} to ${zoneWord(zone)} source ${any(a.source)} destination ${any(a.destination)} service ${recordedNat ? list(recordedNat.services) : 'any'}`);
    w.line(`move rulebase nat rules ${natRule} top`);
  }
}

/** A service object for the selectors' protocol/ports when all selectors agree on one TCP/UDP port set. */
function serviceFor(w: ConfigWriter, t: TunnelView): { out: string; in: string } {
  const s = t.selectors[0];
  if (!s || s.protocol === 0 || t.selectors.some((x) => x.protocol !== s.protocol || x.remotePort?.from !== s.remotePort?.from || x.remotePort?.to !== s.remotePort?.to)) return { out: 'any', in: 'any' };
  if (s.protocol !== 6 && s.protocol !== 17) {
    w.comment(`security rules allow any service: PAN-OS services are TCP/UDP only, the selectors use ${protocolName(s.protocol)}`);
    return { out: 'any', in: 'any' };
  }
  const proto = s.protocol === 6 ? 'tcp' : 'udp';
  const port = s.remotePort ? (s.remotePort.from === s.remotePort.to ? `${s.remotePort.from}` : `${s.remotePort.from}-${s.remotePort.to}`) : '1-65535';
  const name = `${proto}-${port}`;
  w.line(`set service ${name} protocol ${proto} port ${port}`);
  // Inbound traffic comes from the peer's side: the same service toward the local port.
  const lport = s.localPort ? (s.localPort.from === s.localPort.to ? `${s.localPort.from}` : `${s.localPort.from}-${s.localPort.to}`) : '1-65535';
  const inName = `${proto}-${lport}`;
  if (inName !== name) w.line(`set service ${inName} protocol ${proto} port ${lport}`);
  return { out: name, in: inName };
}

/**
 * The address object for `r`, written once per file: the box's name for that prefix when the
 * imported end recorded one (and no other prefix of this file has that name), else the
 * exporter's (N-10.20.0.0-24). `defined`: each name written → the range it stands for.
 */
function defineAddress(w: ConfigWriter, r: AddressRange, defined: Map<string, string>, own: ReadonlyMap<string, string>): string {
  const key = rangeKey(r);
  const boxName = cidr(r) ? own.get(key) : undefined;
  const name = boxName !== undefined && (defined.get(boxName) ?? key) === key ? boxName : objectName(r);
  if (!defined.has(name)) {
    defined.set(name, key);
    const c = cidr(r);
    w.line(c ? `set address ${name} ip-netmask ${c}` : `set address ${name} ip-range ${firstIp(r)}-${lastIp(r)}`);
  }
  return name;
}

/** Writes the proxy IDs of one selector; how many were written. */
function writeProxyId(w: ConfigWriter, t: TunnelView, tunnel: string, s: Selector, names: Set<string>): number {
  const tn = t.tunnel.name;
  if (s.local.family !== s.remote.family) {
    w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; PAN-OS cannot express it, left out`, { tunnel: tn });
    return 0;
  }
  const locals = rangeToPrefixes(s.local);
  const remotes = rangeToPrefixes(s.remote);
  if (!isPrefix(s.local) || !isPrefix(s.remote)) {
    w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; PAN-OS proxy IDs take prefixes, so it is written as ${locals.length * remotes.length} proxy IDs (each its own SA)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  }
  warnPortWithoutProtocol(w, t, s, LABEL);
  let proto = 'protocol any';
  if (s.protocol === 6 || s.protocol === 17) {
    const p = s.protocol === 6 ? 'tcp' : 'udp';
    const lp = s.localPort ? s.localPort.from : 0;
    const rp = s.remotePort ? s.remotePort.from : 0;
    proto = `protocol ${p} local-port ${lp} remote-port ${rp}`;
  } else if (s.protocol !== 0) {
    proto = `protocol number ${s.protocol}`;
  }
  const kw = s.local.family === 6 ? 'proxy-id-v6' : 'proxy-id';
  let first = 0;
  locals.forEach((l, i) =>
    remotes.forEach((r, j) => {
      const base = locals.length * remotes.length > 1 ? `${s.name}-${i + 1}-${j + 1}` : s.name;
      const pid = safeName(base, 31, names).name;
      const ln = w.line(`set network tunnel ipsec ${tunnel} auto-key ${kw} ${pid} local ${cidr(l)} remote ${cidr(r)} ${proto}`);
      if (!first) first = ln;
    }),
  );
  if ((s.protocol === 6 || s.protocol === 17) && (isPortRange(s.localPort) || isPortRange(s.remotePort))) {
    w.warn('PORT_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has a port range; PAN-OS proxy IDs take one port, so only the first port of the range was written`, { tunnel: tn, line: first });
  }
  if (s.protocol !== 0 && s.protocol !== 6 && s.protocol !== 17 && (s.localPort || s.remotePort)) {
    w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" carries ports/ICMP type for ${protocolName(s.protocol)}; PAN-OS proxy IDs take ports for TCP and UDP only, left out`, { tunnel: tn, line: first });
  }
  return locals.length * remotes.length;
}

/** What the file takes as already configured on a box in production: its interfaces' addresses and zones. */
function assumedInterfaces(ctx: GatewayContext): string {
  const said = (name: string, zone: string) => {
    const address = ctx.gateway.interfaces.find((i) => i.name === name)?.address;
    return `${name}${address ? ` ${address}` : ''} in zone ${zone}`;
  };
  return `Assumes these interfaces are configured already (this file does not address them): ${said(ctx.outsideInterface, ctx.outsideZone)}, ${said(ctx.insideInterface, ctx.insideZone)}.`;
}

export const panosExporter: VendorExporter = {
  vendor: 'panos',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    header(w, ctx, 'Palo Alto Networks PAN-OS', REFERENCE, ['Paste in configure mode; lines starting with # are notes, not commands.', assumedInterfaces(ctx)]);
    if (ctx.gateway.vpnType === 'policy-based') {
      w.warn('VPN_TYPE_ADJUSTED', 'PAN-OS is route-based: the design says policy-based, so the tunnel is written route-based with proxy IDs for the peer', { line: w.current });
    }
    const names = new Set<string>();
    const addresses = new Map<string, string>();
    const routeNames = new Set<string>();
    const box = new BoxNames(ctx);
    const boxRoutes = routesOnTheBox(ctx, importedContext(ctx));
    for (const t of ctx.tunnels) exportTunnel(w, ctx, boxRoutes(t), names, addresses, routeNames, box);
    return [{ name: file, content: w.text() }];
  },
};
