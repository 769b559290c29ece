// Palo Alto Networks PAN-OS, configure-mode `set` commands.
// Follows: Palo Alto Networks, "PAN-OS Administrator's Guide: Set Up Site-to-Site VPN" (Set Up an
// IKE Gateway, Define Cryptographic Profiles, Set Up an IPSec Tunnel, Tunnel Interface),
// docs.paloaltonetworks.com/pan-os/10-2/pan-os-admin/vpns/set-up-site-to-site-vpn, and "Proxy IDs in IPSec VPNs: A Comprehensive Look"
// (proxy IDs for policy-based peers; no proxy ID means 0.0.0.0/0 <-> 0.0.0.0/0).
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import type { AddressRange } from '../../net/address';
import { cidr, firstIp, interfaceAddressText, ipText, isPortRange, isPrefix, lastIp, protocolName, rangeToPrefixes, type Selector } from '../kit/export/addresses';
import { allEncryption, allGroups, allIntegrity, commonEndChecks, header, isAead, listLine, mapAll, warnPortWithoutProtocol, orPlaceholder, warnIfProposalsFlattened, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, tunnelZone, type GatewayContext, type TunnelView } from '../kit/export/context';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { hasControl, HOLDS, quoted, refused, valueLine, type Quoted } from '../kit/export/values';
import { configFile } from './grammar';

const LABEL = 'PAN-OS';
const REFERENCE = 'PAN-OS Administrator\'s Guide, "Set Up Site-to-Site VPN" (IKE gateway, crypto profiles, IPSec tunnel with proxy IDs, tunnel interface); "Proxy IDs in IPSec VPNs: A Comprehensive Look"';

const IKE_ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes-128-cbc', aes192: 'aes-192-cbc', aes256: 'aes-256-cbc', aes128gcm16: 'aes-128-gcm', aes256gcm16: 'aes-256-gcm' };
const ESP_ENC: Partial<Record<Encryption, string>> = { ...IKE_ENC, null: 'null' };
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

function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, names: Set<string>, addresses: Set<string>): void {
  const tn = t.tunnel.name;
  const n = safeName(tn, 31, names);
  if (n.shortened) w.warn('NAME_SHORTENED', `tunnel name "${tn}" written as "${n.name}" (PAN-OS names: letters, digits, "-", "_", at most 31 characters)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  const name = n.name;
  const v = t.me.ikeVersion === 2 ? 'ikev2' : 'ikev1';
  const ikeP = `ike-${name}`.slice(0, 31);
  const espP = `ipsec-${name}`.slice(0, 31);
  const tunnelIf = t.me.tunnelInterface || 'tunnel.1';
  const zone = tunnelZone(ctx, tunnelIf, 'vpn');
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  commonEndChecks(w, t);

  // Phase 1 crypto profile.
  const ikeProps = t.me.ike.proposals;
  warnIfProposalsFlattened(w, t, ikeProps, 'IKE', LABEL);
  const ikeEnc = mapAll(w, t, allEncryption(ikeProps), (e) => (t.me.ikeVersion === 1 && isAead(e) ? undefined : IKE_ENC[e]), `IKEv${t.me.ikeVersion} encryption`, LABEL);
  listLine(w, t, ikeEnc, 'IKE encryption', (x) => `set network ike crypto-profiles ike-crypto-profiles ${ikeP} encryption ${list(x)}`);
  const hash = mapAll(w, t, allIntegrity(ikeProps).filter((i) => i !== 'none'), (i) => HASH[i], 'IKE hash', LABEL);
  w.line(`set network ike crypto-profiles ike-crypto-profiles ${ikeP} hash ${list(hash.length ? hash : ['sha256'])}`);
  const groups = mapAll(w, t, allGroups(ikeProps), (g) => (GROUPS.has(g) ? `group${g}` : undefined), 'IKE DH group', LABEL);
  listLine(w, t, groups, 'IKE DH group', (x) => `set network ike crypto-profiles ike-crypto-profiles ${ikeP} dh-group ${list(x)}`);
  w.line(`set network ike crypto-profiles ike-crypto-profiles ${ikeP} lifetime seconds ${t.me.ike.lifetimeSeconds}`);

  // Phase 2 crypto profile.
  const espProps = t.me.esp.proposals;
  warnIfProposalsFlattened(w, t, espProps, 'ESP', LABEL);
  const espEnc = mapAll(w, t, allEncryption(espProps), (e) => ESP_ENC[e], 'ESP encryption', LABEL);
  listLine(w, t, espEnc, 'ESP encryption', (x) => `set network ike crypto-profiles ipsec-crypto-profiles ${espP} esp encryption ${list(x)}`);
  const espAuth = mapAll(w, t, allIntegrity(espProps), (i) => ESP_AUTH[i], 'ESP authentication', LABEL);
  listLine(w, t, espAuth, 'ESP authentication', (x) => `set network ike crypto-profiles ipsec-crypto-profiles ${espP} esp authentication ${list(x)}`);
  const pfs = allGroups(espProps);
  if (pfs.length > 1) w.warn('SETTING_UNSUPPORTED', `PAN-OS takes one PFS group per IPSec crypto profile; group ${pfs[0]} written, ${pfs.slice(1).join(', ')} left out`, { tunnel: tn });
  const pfsKey = pfs[0] === undefined ? 'no-pfs' : GROUPS.has(pfs[0]) ? `group${pfs[0]}` : undefined;
  if (pfsKey === undefined) w.warn('DH_GROUP_UNSUPPORTED', `PFS group ${String(pfs[0])} is not available on PAN-OS; no-pfs written`, { tunnel: tn });
  w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} dh-group ${pfsKey ?? 'no-pfs'}`);
  w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} lifetime seconds ${t.me.esp.lifetimeSeconds}`);
  if (t.me.esp.lifetimeKilobytes) w.line(`set network ike crypto-profiles ipsec-crypto-profiles ${espP} lifesize kb ${t.me.esp.lifetimeKilobytes}`);

  // IKE gateway.
  const gw = `gw-${name}`.slice(0, 31);
  const outside = ctx.gateway.interfaces.find((i) => i.name === t.outside);
  w.line(`set network ike gateway ${gw} protocol version ${v}`);
  w.line(`set network ike gateway ${gw} protocol ${v} ike-crypto-profile ${ikeP}`);
  if (t.me.ikeVersion === 1) w.line(`set network ike gateway ${gw} protocol ikev1 exchange-mode ${t.me.exchangeMode}`);
  w.line(`set network ike gateway ${gw} protocol ${v} dpd enable ${t.me.dpd.enabled ? 'yes' : 'no'}`);
  if (t.me.dpd.enabled && t.me.ikeVersion === 1) w.line(`set network ike gateway ${gw} protocol ikev1 dpd interval ${Math.min(100, Math.max(2, t.me.dpd.intervalSeconds))}`);
  if (t.me.dpd.enabled && t.me.ikeVersion === 2) w.line(`set network ike gateway ${gw} protocol ikev2 dpd interval ${Math.min(100, Math.max(2, t.me.dpd.intervalSeconds))}`);
  const outsideAddress = outside?.address ? interfaceAddressText(outside.address) : undefined;
  w.line(`set network ike gateway ${gw} local-address interface ${t.outside}${outsideAddress ? ` ip ${outsideAddress}` : ''}`);
  w.line(`set network ike gateway ${gw} peer-address ip ${orPlaceholder(t.peerAddress, 'peer-address')}`);
  if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', pan(t.psk, true), (k) => `set network ike gateway ${gw} authentication pre-shared-key key ${k}`, LABEL, 'enter the key on the firewall by hand, or choose one without it (on both ends)');
  if (t.me.auth.localId) valueLine(w, t, 'the local identity', identity(t.me.auth.localId), (x) => `set network ike gateway ${gw} local-id ${x}`, LABEL);
  if (t.me.auth.remoteId) valueLine(w, t, 'the remote (peer) identity', identity(t.me.auth.remoteId), (x) => `set network ike gateway ${gw} peer-id ${x}`, LABEL);
  w.line(`set network ike gateway ${gw} protocol-common nat-traversal enable ${t.me.natTraversal ? 'yes' : 'no'}`);
  w.line(`set network ike gateway ${gw} protocol-common passive-mode ${t.me.passive ? 'yes' : 'no'}`);

  // Tunnel interface, zone, virtual router.
  w.line(`set network interface tunnel units ${tunnelIf}`);
  w.line(`set zone ${zoneWord(zone)} network layer3 ${tunnelIf}`);
  w.line(`set network virtual-router default interface ${tunnelIf}`);

  // IPSec tunnel and proxy IDs.
  w.line(`set network tunnel ipsec ${name} tunnel-interface ${tunnelIf}`);
  w.line(`set network tunnel ipsec ${name} auto-key ike-gateway ${gw}`);
  w.line(`set network tunnel ipsec ${name} auto-key ipsec-crypto-profile ${espP}`);
  if (t.selectors.every((s) => s.isDefault)) {
    w.comment('no proxy ID: PAN-OS proposes 0.0.0.0/0 <-> 0.0.0.0/0 (route-based default)');
  } else {
    const pidNames = new Set<string>();
    for (const s of t.selectors) writeProxyId(w, t, name, s, pidNames);
  }
  if (t.me.monitor.enabled) {
    const prof = `mon-${name}`.slice(0, 31);
    w.line(`set network profiles monitor-profile ${prof} action ${t.me.monitor.action} interval ${t.me.monitor.intervalSeconds} threshold ${t.me.monitor.threshold}`);
    w.line(`set network tunnel ipsec ${name} tunnel-monitor enable yes destination-ip ${orPlaceholder(ipText(t.me.monitor.destinationIp), 'monitor-destination-ip')} tunnel-monitor-profile ${prof}`);
    if (!ctx.gateway.interfaces.find((i) => i.name === tunnelIf)?.address) {
      w.warn('MONITOR_UNSUPPORTED', `tunnel monitoring needs an IP address on ${tunnelIf}; the design has none, add one`, { tunnel: tn });
    }
  }

  // Routes to the tunnel interface.
  if (t.routesDerived && t.routes.length > 0) w.warn('ROUTES_DERIVED', `the design has no route to ${tunnelIf}; routes written for ${t.routes.join(', ')} (from the selectors or the peer's networks)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  t.routes.forEach((dst, i) => {
    w.line(`set network virtual-router default routing-table ${dst.includes(':') ? 'ipv6' : 'ip'} static-route ${`${name}-${i + 1}`.slice(0, 31)} destination ${dst} interface ${tunnelIf}`);
  });

  // Security policy both ways, and a no-NAT rule when the gateway does source NAT.
  const pa = policyAddresses(ctx, t);
  const objs = (rs: AddressRange[]) => rs.map((r) => defineAddress(w, r, addresses));
  const src = objs(pa.local);
  const dst = objs(pa.remote);
  const srcL = src.length ? list(src) : 'any';
  const dstL = dst.length ? list(dst) : 'any';
  const svc = serviceFor(w, t);
  w.line(`set rulebase security rules ${`${name}-out`.slice(0, 63)} from ${zoneWord(ctx.insideZone)} to ${zoneWord(zone)} source ${srcL} destination ${dstL} application any service ${svc.out} action allow`);
  w.line(`set rulebase security rules ${`${name}-in`.slice(0, 63)} from ${zoneWord(zone)} to ${zoneWord(ctx.insideZone)} source ${dstL} destination ${srcL} application any service ${svc.in} action allow`);
  if (ctx.gateway.natRules.some((r) => r.kind === 'source')) {
    const rule = `${name}-no-nat`.slice(0, 63);
    w.line(`set rulebase nat rules ${rule} from ${zoneWord(ctx.insideZone)} to ${zoneWord(zone)} source ${srcL} destination ${dstL} service any`);
    w.line(`move rulebase nat rules ${rule} top`);
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

function defineAddress(w: ConfigWriter, r: AddressRange, defined: Set<string>): string {
  const name = objectName(r);
  if (!defined.has(name)) {
    defined.add(name);
    const c = cidr(r);
    w.line(c ? `set address ${name} ip-netmask ${c}` : `set address ${name} ip-range ${firstIp(r)}-${lastIp(r)}`);
  }
  return name;
}

function writeProxyId(w: ConfigWriter, t: TunnelView, tunnel: string, s: Selector, names: Set<string>): void {
  const tn = t.tunnel.name;
  if (s.local.family !== s.remote.family) {
    w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; PAN-OS cannot express it, left out`, { tunnel: tn });
    return;
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
}

export const panosExporter: VendorExporter = {
  vendor: 'panos',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    header(w, ctx, 'Palo Alto Networks PAN-OS', REFERENCE, ['Paste in configure mode; lines starting with # are notes, not commands.']);
    if (ctx.gateway.vpnType === 'policy-based') {
      w.warn('VPN_TYPE_ADJUSTED', 'PAN-OS is route-based: the design says policy-based, so the tunnel is written route-based with proxy IDs for the peer', { line: w.current });
    }
    const names = new Set<string>();
    const addresses = new Set<string>();
    for (const t of ctx.tunnels) exportTunnel(w, ctx, t, names, addresses);
    return [{ name: file, content: w.text() }];
  },
};
