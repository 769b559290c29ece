// Cisco IOS-XE: a crypto map (policy-based gateways) or a static virtual tunnel interface
// (route-based gateways), IKEv1 (crypto isakmp) or IKEv2 (proposal, policy, keyring, profile).
// Follows: Cisco, "Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x"
// (Configuring Security for VPNs with IPsec: transform sets, crypto ACLs, crypto maps),
// "Internet Key Exchange Version 2 Configuration Guide" (Configuring IKEv2 proposal/policy/keyring/
// profile; "Appendix: IKEv2 and Legacy VPNs" for crypto-map IKEv2) and "IPsec Virtual Tunnel
// Interfaces" (tunnel mode ipsec ipv4, tunnel protection ipsec profile).
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { clip } from '../../model/text';
import type { AddressRange } from '../../net/address';
import { addressAndMask, addressOf, cidr, firstIp, isAnyAddress, isPrefix, protocolName, rangeToPrefixes, wildcard, type PortRange, type Selector } from '../kit/export/addresses';
import { allEncryption, allGroups, allIntegrity, commonEndChecks, header, isAead, mapAll, orPlaceholder, warnIfProposalsFlattened, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { ciscoWord, iosInterface } from '../families/cisco-words';
import { policyAddresses } from '../kit/export/policy-addresses';
import { quoted, valueLine, type Quoted } from '../kit/export/values';
import { configFile } from './grammar';
import { capabilities } from './capabilities';
import { bounded, entrySequences, insideRoutes, interfaceMaps, mapNameOf, pfsGroup, PolicyNumbers, productionWarnings } from '../families/cisco-crypto-map';
import { iosEndOptionsOf, iosOptionsOf, wordsOf } from './options';

/** XE YANG: crypto isakmp policy number "1..10000", crypto map seq "1..65535". */
const ISAKMP_MAX = 10000;
const SEQUENCE_MAX = 65535;

const LABEL = 'Cisco IOS-XE';
const REFERENCE = 'Cisco IOS XE "Security for VPNs with IPsec", "IKEv2 Configuration Guide" (incl. Appendix: IKEv2 and Legacy VPNs) and "IPsec Virtual Tunnel Interfaces"';

const V2_ENC: Partial<Record<Encryption, string>> = { '3des': '3des', aes128: 'aes-cbc-128', aes192: 'aes-cbc-192', aes256: 'aes-cbc-256', aes128gcm16: 'aes-gcm-128', aes256gcm16: 'aes-gcm-256' };
const V2_INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const V1_ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes 128', aes192: 'aes 192', aes256: 'aes 256' };
const V1_HASH: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const TS_ENC: Partial<Record<Encryption, string>> = { des: 'esp-des', '3des': 'esp-3des', aes128: 'esp-aes 128', aes192: 'esp-aes 192', aes256: 'esp-aes 256', aes128gcm16: 'esp-gcm 128', aes256gcm16: 'esp-gcm 256', null: 'esp-null' };
const TS_AUTH: Partial<Record<Integrity, string>> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', sha256: 'esp-sha256-hmac', sha384: 'esp-sha384-hmac', sha512: 'esp-sha512-hmac' };
const GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16, 19, 20, 21, 24]);
const KEY_TODO = 'enter the key on the router by hand, or choose one without it (on both ends)';

function ace(r: AddressRange): string {
  if (isAnyAddress(r)) return 'any';
  if (r.from === r.to) return `host ${firstIp(r)}`;
  return `${firstIp(r)} ${wildcard(r)}`;
}

function portOp(p: PortRange | undefined): string {
  if (!p) return '';
  return p.from === p.to ? ` eq ${p.from}` : ` range ${p.from} ${p.to}`;
}

function identity(id: { type: string; value: string }): Quoted {
  if (id.type === 'dn') return quoted('dn');
  const v = ciscoWord(id.value);
  if (!v.ok) return v;
  switch (id.type) {
    case 'address': return quoted(`address ${v.text}`);
    case 'fqdn': return quoted(`fqdn ${v.text}`);
    case 'user-fqdn': return quoted(`email ${v.text}`);
    default: return quoted(`key-id ${v.text}`);
  }
}

/** Why a selector cannot be a line of the IPv4 crypto ACL, or undefined when it can. */
function selectorProblem(s: Selector): { code: 'MIXED_ADDRESS_FAMILIES' | 'IPV6_UNSUPPORTED' | 'PORT_UNSUPPORTED'; message: string } | undefined {
  if (s.local.family !== s.remote.family) return { code: 'MIXED_ADDRESS_FAMILIES', message: `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; left out` };
  if (s.local.family === 6) return { code: 'IPV6_UNSUPPORTED', message: `proxy ID ${s.index} "${s.name}" is IPv6; this export writes IPv4 crypto ACLs only, left out (use an IPv6 VTI)` };
  const tcpUdp = s.protocol === 6 || s.protocol === 17;
  // Written without its ports the line would protect more than the design says: left out instead.
  if (!tcpUdp && (s.localPort || s.remotePort)) return { code: 'PORT_UNSUPPORTED', message: `proxy ID ${s.index} "${s.name}" carries ports or an ICMP type for ${protocolName(s.protocol)}, which this crypto ACL line cannot; left out` };
  return undefined;
}

function selectorRefused(w: ConfigWriter, t: TunnelView, s: Selector): boolean {
  const p = selectorProblem(s);
  if (p) w.warn(p.code, p.message, { tunnel: t.tunnel.name });
  return p !== undefined;
}

function aclLines(w: ConfigWriter, t: TunnelView, s: Selector): number {
  const tn = t.tunnel.name;
  if (selectorRefused(w, t, s)) return 0;
  const ls = isAnyAddress(s.local) ? [s.local] : rangeToPrefixes(s.local);
  const rs = isAnyAddress(s.remote) ? [s.remote] : rangeToPrefixes(s.remote);
  if (!isAnyAddress(s.local) && !isAnyAddress(s.remote) && (!isPrefix(s.local) || !isPrefix(s.remote))) {
    w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; an IOS ACL line takes a prefix, written as ${ls.length * rs.length} lines (each its own SA)`, { tunnel: tn, line: w.current + 1, silentInFile: true });
  }
  const tcpUdp = s.protocol === 6 || s.protocol === 17;
  const proto = s.protocol === 0 ? 'ip' : tcpUdp || s.protocol === 1 ? protocolName(s.protocol) : String(s.protocol);
  for (const l of ls) for (const r of rs) w.line(` permit ${proto} ${ace(l)}${tcpUdp ? portOp(s.localPort) : ''} ${ace(r)}${tcpUdp ? portOp(s.remotePort) : ''}`);
  return ls.length * rs.length;
}

/** What the tunnels of one file share. */
interface FileState {
  names: Set<string>;
  /** The crypto map of an outside interface. */
  mapOf: (outside: string) => string;
  /** "crypto isakmp policy <1-10000>" (XE YANG, crypto isakmp policy number range "1..10000"). */
  isakmp: PolicyNumbers;
  /** What each name written stands for, by kind (`proposal NAME` → its lines), so that a box's name is not given two meanings. */
  defined: Map<string, string>;
  /** The box's IKEv2 keyrings (recorded on the ends) → the IKEv2 tunnels whose peer is in each, one per peer name, in file order. */
  keyrings: Map<string, TunnelView[]>;
  /** The tunnels of those lists (a hub's spokes share one keyring: looked up, not scanned). */
  inKeyring: Set<TunnelView>;
}

/**
 * The name of an object of `kind` the tunnel writes with `body`: the box's own (recorded at
 * import) unless the file already writes that name with another body, else the derived one; and
 * whether it is still to be written (false: the file has it with this body, as tunnels of one box
 * share a transform set, IKEv2 proposal or policy). `shared` false: a name one tunnel's lines go
 * under (ACL, keyring, profiles), which a second tunnel never reuses.
 */
function nameFor(file: FileState, kind: string, recorded: string | undefined, derived: string, body: string, shared: boolean): { name: string; fresh: boolean } {
  const had = recorded !== undefined && recorded !== '' ? file.defined.get(`${kind} ${recorded}`) : undefined;
  const own = recorded !== undefined && recorded !== '' && (had === undefined || (shared && had === body));
  const name = own ? recorded : derived;
  const fresh = file.defined.get(`${kind} ${name}`) !== body || !shared;
  file.defined.set(`${kind} ${name}`, body);
  return { name, fresh };
}

/** The box's ISAKMP policies recorded on an end (options.ts, isakmpPolicies): `encryption:hash:group` → priority. */
function boxIsakmp(recorded: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of wordsOf(recorded)) {
    const at = p.indexOf(':');
    const key = p.slice(at + 1);
    if (!out.has(key)) out.set(key, Number(p.slice(0, at)));
  }
  return out;
}

/** One peer of an IKEv2 keyring: its name, the tunnel's peer address and key. */
function ringPeerLines(w: ConfigWriter, t: TunnelView, peerName: string): void {
  w.line(` peer ${peerName}`);
  w.line(`  address ${orPlaceholder(t.peerAddress, 'peer-address')}`);
  if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', ciscoWord(t.psk, true), (k) => `  pre-shared-key ${k}`, LABEL, KEY_TODO);
}

/** Writes one tunnel; false when it could not be (an interface name IOS does not take, nothing for its crypto map entry). */
function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, seq: number, file: FileState, tunnelNumber: number): boolean {
  const { names } = file;
  const mapName = file.mapOf(t.outside);
  const own = iosEndOptionsOf(t.me);
  const limits = capabilities.valueLimits?.(ctx.gateway) ?? {};
  const tn = t.tunnel.name;
  const name = safeName(tn, 40, names).name;
  const v2 = t.me.ikeVersion === 2;
  const routeBased = ctx.gateway.vpnType === 'route-based';
  const peer = orPlaceholder(t.peerAddress, 'peer-address');
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}, ${routeBased ? 'VTI' : 'crypto map'}`);
  commonEndChecks(w, t);
  const tunnelIf = t.me.tunnelInterface || `Tunnel${tunnelNumber}`;
  const interfaces: [string, string][] = [['the outside interface name', t.outside], ...(routeBased ? [['the tunnel interface name', tunnelIf] as [string, string]] : [])];
  for (const [field, name] of interfaces) {
    const q = iosInterface(name);
    if (!q.ok) {
      w.warn('VALUE_UNSUPPORTED', `${field} holds ${q.why}; this tunnel is not written (its interface statements would fall into another configuration mode): rename the interface`, { tunnel: tn });
      return false;
    }
  }
  if (!routeBased) {
    // An IPv4 crypto map carries IPv4 peers and IPv4 ACLs only; an IPv6 peer or a map entry with
    // nothing to match would be a line IOS takes and a tunnel that never carries anything.
    if (t.peerAddress?.includes(':')) {
      w.warn('IPV6_UNSUPPORTED', `the peer's IKE address ${t.peerAddress} is IPv6; this export writes IPv4 crypto maps only, so this tunnel is not written: make the gateway route-based (an IPv6 VTI, tunnel mode ipsec ipv6)`, { tunnel: tn });
      return false;
    }
    if (t.selectors.every((s) => selectorProblem(s) !== undefined)) {
      for (const s of t.selectors) selectorRefused(w, t, s);
      w.warn('SELECTOR_UNSUPPORTED', 'no line of the crypto ACL could be written (no IPv4 selector), so neither the ACL nor a crypto map entry is written for this tunnel: give it IPv4 selectors, or make the gateway route-based', { tunnel: tn });
      return false;
    }
  }
  const ikeLife = bounded(w, t, limits.ikeLifetimeSeconds, t.me.ike.lifetimeSeconds, 'the IKE SA lifetime');
  const dpd = t.me.dpd.enabled ? bounded(w, t, limits.dpdIntervalSeconds, t.me.dpd.intervalSeconds, 'the DPD interval') : undefined;

  // The IKEv2 profile's name, set by the crypto map entry or IPsec profile below.
  const profile = v2 ? nameFor(file, 'ikev2-profile', own.ikev2Profile, `PROF-${name}`, tn, false).name : '';

  // Phase 1.
  const ikeProps = t.me.ike.proposals;
  if (v2) {
    // A proposal missing its encryption, integrity (or PRF with AES-GCM) or group is refused by
    // IOS as incomplete: such a proposal is not written at all.
    const proposals: string[] = [];
    for (const p of ikeProps) {
      const enc = mapAll(w, t, p.encryption, (e) => V2_ENC[e], 'IKEv2 encryption', LABEL);
      const aead = p.encryption.every(isAead);
      // IKEv2 proposals have no integrity `none`: mapAll warns that it is left out.
      const ints = mapAll(w, t, p.integrity, (x) => V2_INT[x], 'IKEv2 integrity', LABEL);
      const groups = mapAll(w, t, p.dhGroups, (g) => (GROUPS.has(g) ? String(g) : undefined), 'IKEv2 DH group', LABEL);
      const missing = [enc.length === 0 ? 'encryption' : '', !aead && ints.length === 0 ? 'integrity' : '', groups.length === 0 ? 'DH group' : ''].filter(Boolean);
      if (missing.length > 0) {
        w.warn('ALGORITHM_UNSUPPORTED', `an IKEv2 proposal of this tunnel has no ${missing.join(' and no ')} IOS can write (an incomplete proposal is refused); left out: choose algorithms the peer accepts`, { tunnel: tn });
        continue;
      }
      const body = [` encryption ${enc.join(' ')}`, aead ? ` prf ${ints.length ? ints.join(' ') : 'sha256'}` : ` integrity ${ints.join(' ')}`, ` group ${groups.join(' ')}`];
      const prop = nameFor(file, 'proposal', wordsOf(own.ikev2Proposals)[proposals.length], `PROP-${name}-${proposals.length + 1}`, body.join('\n'), true);
      proposals.push(prop.name);
      if (!prop.fresh) continue;
      w.line(`crypto ikev2 proposal ${prop.name}`);
      for (const l of body) w.line(l);
    }
    if (proposals.length === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv2 proposal could be written for this tunnel, so neither its policy, profile nor its crypto map entry or VTI is written: choose IKE algorithms IOS has', { tunnel: tn });
      return false;
    }
    // IOS picks one IKEv2 policy by local address for every peer: tunnels of one box share it.
    const policyBody = [...proposals.map((p) => ` proposal ${p}`), ...(t.localAddress ? [` match address local ${t.localAddress}`] : [])];
    const policy = nameFor(file, 'policy', own.ikev2Policy, `POL-${name}`, policyBody.join('\n'), true);
    if (policy.fresh) {
      w.line(`crypto ikev2 policy ${policy.name}`);
      for (const l of policyBody) w.line(l);
    }
    // A keyring of the box holds the peers of all the tunnels that recorded it (one mode, one peer
    // each: "Configuring the IKEv2 Keyring", peer name within crypto ikev2 keyring): written once,
    // with every member's peer, where its first tunnel is.
    const members = file.keyrings.get(own.ikev2Keyring);
    let ring: string;
    if (members && file.inKeyring.has(t)) {
      ring = own.ikev2Keyring;
      if (members[0] === t) {
        w.line(`crypto ikev2 keyring ${ring}`);
        for (const m of members) ringPeerLines(w, m, iosEndOptionsOf(m.me).keyringPeer);
      }
    } else {
      ring = nameFor(file, 'keyring', own.ikev2Keyring, `KR-${name}`, peer, false).name;
      w.line(`crypto ikev2 keyring ${ring}`);
      ringPeerLines(w, t, name);
    }
    w.line(`crypto ikev2 profile ${profile}`);
    const remoteId = t.me.auth.remoteId?.type === 'dn' ? undefined : t.me.auth.remoteId;
    valueLine(w, t, 'the remote identity', remoteId ? identity(remoteId) : quoted(`address ${peer} 255.255.255.255`), (x) => ` match identity remote ${x}`, LABEL);
    const method = t.me.auth.method === 'psk' ? 'pre-share' : 'rsa-sig';
    w.line(` authentication remote ${method}`);
    w.line(` authentication local ${method}`);
    w.line(` keyring local ${ring}`);
    w.line(` lifetime ${ikeLife}`);
    if (dpd !== undefined) w.line(` dpd ${dpd} 2 on-demand`);
    // Last in the profile: Batfish's IOS grammar has no ikev2 profile `identity`, and its error
    // recovery would read the statements after it as top-level ones.
    // Without `identity local` the profile sends the address it negotiates from (the default).
    if (t.me.auth.localId) valueLine(w, t, 'the local identity', identity(t.me.auth.localId), (x) => ` identity local ${x}`, LABEL);
    if (t.me.auth.localId?.type === 'dn') w.warn('IDENTITY_UNSUPPORTED', 'identity local dn sends the DN of the router\'s certificate; the design\'s DN value is not written', { tunnel: tn });
    if (t.me.auth.remoteId?.type === 'dn') w.warn('IDENTITY_UNSUPPORTED', 'a DN is matched through the certificate map (match certificate), not match identity remote; the remote identity is not written, the peer is matched by its address', { tunnel: tn });
  } else {
    for (const [which, id] of [['local', t.me.auth.localId], ['remote', t.me.auth.remoteId]] as const) {
      if (id) w.warn('IDENTITY_UNSUPPORTED', `IKEv1 identities are global on IOS (crypto isakmp identity) or need an ISAKMP profile; the ${which} identity ${id.type} "${clip(id.value)}" is not written`, { tunnel: tn });
    }
    const isakmpPriorities = boxIsakmp(own.isakmpPolicies);
    let written = 0;
    for (const p of ikeProps) {
      for (const e of p.encryption) {
        const enc = V1_ENC[e];
        if (!enc) {
          w.warn('ALGORITHM_UNSUPPORTED', `IKEv1 encryption ${e} is not available on ${LABEL}; left out`, { tunnel: tn });
          continue;
        }
        for (const h of p.integrity) {
          const hash = V1_HASH[h];
          if (!hash) {
            w.warn('ALGORITHM_UNSUPPORTED', `IKEv1 hash ${h} is not available in an ISAKMP policy; left out`, { tunnel: tn });
            continue;
          }
          for (const g of p.dhGroups) {
            if (!GROUPS.has(g)) {
              w.warn('DH_GROUP_UNSUPPORTED', `IKEv1 DH group ${g} is not available on ${LABEL}; left out`, { tunnel: tn });
              continue;
            }
            // One encryption, hash and group per ISAKMP policy: each combination its own priority.
            // `hash` last: Batfish's IOS grammar knows md5 and sha only (IOS XE takes sha256, sha384,
            // sha512 too), and its error recovery would drop the statements after it.
            const body = [` encr ${enc}`, ` authentication ${t.me.auth.method === 'psk' ? 'pre-share' : 'rsa-sig'}`, ` group ${g}`, ` lifetime ${ikeLife}`, ` hash ${hash}`];
            // A combination the box has an ISAKMP policy for keeps that policy's priority.
            const boxPriority = isakmpPriorities.get(`${e}:${h}:${g}`);
            const got = boxPriority !== undefined ? file.isakmp.takeAt(body.join('\n'), boxPriority) : file.isakmp.take(body.join('\n'));
            if (!got) {
              w.warn('SETTING_UNSUPPORTED', `no ISAKMP policy number is left (priorities go up to ${file.isakmp.max}); this policy is left out: start the numbering lower in the gateway's Cisco settings`, { tunnel: tn });
              continue;
            }
            written++;
            if (!got.fresh) continue;
            w.line(`crypto isakmp policy ${got.n}`);
            for (const l of body) w.line(l);
          }
        }
      }
    }
    if (written === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no ISAKMP policy could be written for this tunnel, so it is not written: choose algorithms IOS has for IKEv1', { tunnel: tn });
      return false;
    }
    if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', ciscoWord(t.psk, true), (k) => `crypto isakmp key ${k} address ${peer}`, LABEL, KEY_TODO);
    if (dpd !== undefined) w.line(`crypto isakmp keepalive ${dpd} 2 on-demand`);
    if (t.me.exchangeMode === 'aggressive') w.warn('SETTING_UNSUPPORTED', 'IOS initiates aggressive mode only with an ISAKMP profile and initiate mode aggressive; written in main mode', { tunnel: tn });
  }

  // Phase 2 transform sets.
  const espProps = t.me.esp.proposals;
  const pfs = pfsGroup(w, t, allGroups(espProps), GROUPS, LABEL);
  if (!pfs) return false;
  warnIfProposalsFlattened(w, t, espProps, 'ESP', LABEL);
  const sets: string[] = [];
  for (const e of allEncryption(espProps)) {
    const enc = TS_ENC[e];
    if (!enc) {
      w.warn('ALGORITHM_UNSUPPORTED', `ESP encryption ${e} is not available on ${LABEL}; left out`, { tunnel: tn });
      continue;
    }
    // A transform set without an esp-*-hmac is ESP without integrity: AES-GCM only. Integrity
    // "none" with another cipher means nothing in the design (the document model: "none" only
    // with an AEAD cipher; the engine never agrees on it), so it is not written as a set of its own.
    const real = allIntegrity(espProps).filter((i) => i !== 'none');
    if (!isAead(e) && real.length === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', `ESP encryption ${e} has no integrity algorithm (integrity none is for AES-GCM); left out`, { tunnel: tn });
      continue;
    }
    const auths = isAead(e) ? [''] : mapAll(w, t, real, (i) => TS_AUTH[i], 'ESP integrity', LABEL);
    for (const a of auths) {
      // The box's n-th transform set names the n-th combination (pasting its line redefines it on
      // the box: "Defining Transform Sets", changes apply to SAs negotiated after); a name the file
      // already writes with other transforms is not redefined, the derived one is used.
      const body = `${enc}${a ? ` ${a}` : ''}`;
      const ts = nameFor(file, 'transform-set', wordsOf(own.transformSets)[sets.length], `TS-${name}-${sets.length + 1}`, body, true);
      // Tunnel mode is a transform set's default ("mode tunnel", Security for VPNs with IPsec), so none is written.
      if (ts.fresh) w.line(`crypto ipsec transform-set ${ts.name} ${body}`);
      sets.push(ts.name);
    }
  }
  const pfsLine = pfs.group !== undefined ? ` set pfs group${pfs.group}` : undefined;
  const saLines = [` set security-association lifetime seconds ${bounded(w, t, limits.espLifetimeSeconds, t.me.esp.lifetimeSeconds, 'the IPsec SA lifetime')}`];
  if (t.me.esp.lifetimeKilobytes) saLines.push(` set security-association lifetime kilobytes ${bounded(w, t, limits.espLifetimeKilobytes, t.me.esp.lifetimeKilobytes, 'the IPsec SA lifetime in kilobytes')}`);
  if (sets.length === 0) {
    w.warn('ALGORITHM_UNSUPPORTED', `no transform set could be written for this tunnel, so no ${routeBased ? 'IPsec profile' : 'crypto map entry'} is written either: choose ESP algorithms IOS has`, { tunnel: tn });
    return false;
  }

  if (routeBased) {
    const prof = nameFor(file, 'ipsec-profile', own.ipsecProfile, `IPSEC-${name}`, tn, false).name;
    w.line(`crypto ipsec profile ${prof}`);
    w.line(` set transform-set ${sets.join(' ')}`);
    if (v2) w.line(` set ikev2-profile ${profile}`);
    if (pfsLine) w.line(pfsLine);
    for (const l of saLines) w.line(l);
    const family = t.peerAddress?.includes(':') ? 'ipv6' : 'ipv4';
    w.line(`interface ${tunnelIf}`);
    // The VTI carries the family it is set to ("tunnel mode ipsec ipv4|ipv6"): an IPv4 one takes
    // the outside interface's IPv4 address, an IPv6 one needs IPv6 on the interface.
    w.line(family === 'ipv4' ? ` ip unnumbered ${t.outside}` : ' ipv6 enable');
    w.line(` tunnel source ${t.outside}`);
    w.line(` tunnel mode ipsec ${family}`);
    w.line(` tunnel destination ${peer}`);
    w.line(` tunnel protection ipsec profile ${prof}`);
    if (t.selectors.some((s) => !s.isDefault)) {
      w.warn('SELECTOR_UNSUPPORTED', `a static VTI negotiates 0.0.0.0/0 <-> 0.0.0.0/0; the ${t.selectors.length} proxy ID(s) of the design are not expressed (write a crypto map for a policy-based peer)`, { tunnel: tn });
    }
    if (t.routesDerived && t.routes.length > 0) w.warn('ROUTES_DERIVED', `the design has no route to ${tunnelIf}; routes written for ${t.routes.join(', ')}`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    for (const r of t.routes) {
      const range = rangeToPrefixes(addressOf(r))[0];
      if ((r.includes(':') ? 'ipv6' : 'ipv4') !== family) {
        w.warn('IPV6_UNSUPPORTED', `the route to ${r} is not written: ${tunnelIf} is an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} VTI (tunnel mode ipsec ${family}), which carries ${family === 'ipv4' ? 'IPv4' : 'IPv6'} only; route it through a tunnel of its family`, { tunnel: tn });
      } else if (r.includes(':')) w.line(`ipv6 route ${r} ${tunnelIf}`);
      else if (range) w.line(`ip route ${addressAndMask(range)} ${tunnelIf}`);
    }
  } else {
    const acl = nameFor(file, 'acl', own.cryptoAcl, `CRYPTO-${name}`, tn, false).name;
    w.line(`ip access-list extended ${acl}`);
    for (const s of t.selectors) aclLines(w, t, s);
    if (t.selectors.some((s) => s.isDefault)) w.warn('DEFAULT_SELECTOR', 'the design has no proxy ID on this end: the crypto ACL permits any to any', { tunnel: tn });
    const entry = `crypto map ${mapName} ${seq} ipsec-isakmp`;
    w.line(entry);
    w.line(` set peer ${peer}`);
    w.line(` set transform-set ${sets.join(' ')}`);
    if (v2) w.line(` set ikev2-profile ${profile}`);
    if (pfsLine) w.line(pfsLine);
    for (const l of saLines) w.line(l);
    w.line(` match address ${acl}`);
  }

  if (ctx.gateway.natRules.some((r) => r.kind === 'source')) {
    const pa = policyAddresses(ctx, t);
    w.line(`ip access-list extended NAT-EXEMPT-${name}`);
    for (const l of pa.local.flatMap(rangeToPrefixes)) for (const r of pa.remote.flatMap(rangeToPrefixes)) if (l.family === 4 && r.family === 4) w.line(` deny ip ${ace(l)} ${ace(r)}`);
    w.warn('NAT_EXEMPTION_MANUAL', `the gateway does source NAT: put the deny lines of NAT-EXEMPT-${name} at the top of the ACL your "ip nat inside source list" uses`, { tunnel: tn });
  }
  return true;
}

export const ciscoIosExporter: VendorExporter = {
  vendor: 'cisco-ios',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    const options = iosOptionsOf(ctx.gateway);
    const inside = insideRoutes(ctx);
    // The design's routes to inside networks are written below: the header lists only the others as not written.
    header(w, { ...ctx, gateway: { ...ctx.gateway, routes: inside.kept } }, 'Cisco IOS-XE', REFERENCE, ['Paste in configuration mode (configure terminal).']);
    const fallback = mapNameOf(options, 'CMAP');
    const policyBased = ctx.gateway.vpnType === 'policy-based';
    // An imported box's map applied to an interface (recorded on its tunnels' ends) stays the map
    // of that interface, for the tunnels added since too ("Security for VPNs with IPsec" > Applying
    // Crypto Map Sets to Interfaces: one crypto map set per interface), unless the gateway's Cisco
    // IOS-XE settings name one.
    const own = ctx.tunnels.map((t) => iosEndOptionsOf(t.me));
    const { mapOf, boxBound: bound } = interfaceMaps(ctx.tunnels, own.map((o) => o.cryptoMap), options.cryptoMapName, fallback);
    const mapName = mapOf(ctx.outsideInterface);
    const boxBound = bound(ctx.outsideInterface);
    productionWarnings(w, ctx, LABEL, policyBased && !boxBound ? `"crypto map ${mapName}" on ${ctx.outsideInterface}` : undefined, inside.unrouted, (n) => {
      const r = addressOf(n.address);
      return r.family === 4 ? `ip route ${addressAndMask(r)} <next-hop>` : `ipv6 route ${n.address} <next-hop>`;
    });
    // IOS picks an IKEv2 policy by local address (and fvrf), not by peer: tunnels that share a
    // local address but differ in IKE proposals would all get the first policy.
    const byAddress = new Map<string, { tunnel: string; ike: string }[]>();
    for (const t of ctx.tunnels) {
      if (t.me.ikeVersion !== 2) continue;
      const k = t.localAddress ?? '';
      byAddress.set(k, [...(byAddress.get(k) ?? []), { tunnel: t.tunnel.name, ike: JSON.stringify(t.me.ike.proposals) }]);
    }
    for (const [address, list] of byAddress) {
      const first = list[0];
      const differ = list.filter((x) => first && x.ike !== first.ike);
      if (first && differ.length > 0) {
        w.warn('SETTING_UNSUPPORTED', `IOS selects the IKEv2 policy by local address, not by peer: ${differ.map((d) => d.tunnel).join(', ')} share ${address || 'the local address'} with ${first.tunnel} but have other IKE proposals, and would get the policy of ${first.tunnel}`, { tunnel: differ[0]?.tunnel ?? first.tunnel });
      }
    }
    const keyrings = new Map<string, TunnelView[]>();
    const ringPeers = new Set<string>();
    ctx.tunnels.forEach((t, i) => {
      const o = own[i];
      if (!o || t.me.ikeVersion !== 2 || o.ikev2Keyring === '' || o.keyringPeer === '' || ringPeers.has(`${o.ikev2Keyring} ${o.keyringPeer}`)) return;
      ringPeers.add(`${o.ikev2Keyring} ${o.keyringPeer}`);
      keyrings.set(o.ikev2Keyring, [...(keyrings.get(o.ikev2Keyring) ?? []), t]);
    });
    const state: FileState = { names: new Set(), mapOf, isakmp: new PolicyNumbers(options.policyStart, ISAKMP_MAX), defined: new Map(), keyrings, inKeyring: new Set([...keyrings.values()].flat()) };
    // The box's keyrings are its names: no derived keyring takes one.
    for (const k of keyrings.keys()) state.defined.set(`keyring ${k}`, '');
    // The box's ISAKMP priorities are kept for the combinations it has them for: the others are
    // numbered around them, so that no other policy of the file redefines one.
    for (const o of own) for (const p of boxIsakmp(o.isakmpPolicies).values()) state.isakmp.reserve(p);
    const seqs = entrySequences(ctx.tunnels, own.map((o) => o.mapSequence), mapOf, options.mapSequenceStart);
    const written = ctx.tunnels.filter((t, i) => {
      const seq = seqs[i] ?? 0;
      if (policyBased && seq > SEQUENCE_MAX) {
        w.warn('SETTING_UNSUPPORTED', `crypto map sequence ${seq} is beyond ${SEQUENCE_MAX}; tunnel ${t.tunnel.name} is not written: start the sequence lower in the gateway's Cisco IOS-XE settings`, { tunnel: t.tunnel.name });
        w.warn('TUNNEL_NOT_WRITTEN', `tunnel ${t.tunnel.name} is not written (see the warning above)`, { tunnel: t.tunnel.name });
        return false;
      }
      if (exportTunnel(w, ctx, t, seq, state, i + 1)) return true;
      w.warn('TUNNEL_NOT_WRITTEN', `tunnel ${t.tunnel.name} is not written (see the warning above)`, { tunnel: t.tunnel.name });
      return false;
    });
    if (inside.routes.length > 0) {
      w.blank();
      w.comment('Routes to the networks behind this gateway that are on none of its interfaces (from the design)');
      for (const r of inside.routes) w.line(r.network.family === 4 ? `ip route ${addressAndMask(r.network)} ${r.nextHop}` : `ipv6 route ${cidr(r.network) ?? firstIp(r.network)} ${r.nextHop}`);
    }
    if (policyBased && written.length > 0) {
      w.blank();
      for (const i of [...new Set(written.map((t) => t.outside))]) {
        w.line(`interface ${i}`);
        w.line(` crypto map ${mapOf(i)}`);
      }
    }
    return [{ name: file, content: w.text() }];
  },
};
