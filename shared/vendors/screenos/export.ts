// Juniper ScreenOS `set` commands, written exactly in the style of Juniper KB16008:
// `set ike gateway … Main outgoing-interface … preshare …`, `set vpn "x" … bind interface
// tunnel.1`, `set vpn "x" proxy-id check`, `set vpn "x" proxy-id local-ip … remote-ip … any`,
// `set interface tunnel.1 ip unnumbered interface ethernet0/2`, `set route … interface tunnel.1`.
// Follows: Juniper KB16008 "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3) and the
// "Concepts & Examples ScreenOS Reference Guide, Volume 5: Virtual Private Networks" (p1/p2-proposal,
// ike gateway, vpn, policy syntax).
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import type { AddressRange } from '../../net/address';
import { cidr, firstIp, ipText, isPrefix, netmask, protocolName, rangeToPrefixes, type Selector } from '../kit/export/addresses';
import { commonEndChecks, header, mapAll, orPlaceholder, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, tunnelZone, type GatewayContext, type TunnelView } from '../kit/export/context';
import { assumedInterfaces, insideRoutes, routePrefix, warnUnrouted } from '../kit/export/in-production';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { hasControl, HOLDS, quoted, refused, type Quoted } from '../kit/export/values';
import { SETTING_WORDS, type ValueSetting } from '../kit/capabilities';
import { VALUE_LIMITS } from './capabilities';
import { configFile } from './grammar';
import { addressNames, proposalNames, screenosOptionsOf } from './options';
import { predefined, predefinedService, serviceSignature } from './reader';

const LABEL = 'ScreenOS';
const REFERENCE = 'Juniper KB16008 "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3); Juniper "Concepts & Examples ScreenOS Reference Guide", Volume 5: Virtual Private Networks';

const ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256' };
const HASH: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha-1', sha256: 'sha2-256' };
const GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14]);
/** ScreenOS takes at most four proposals per gateway or VPN. */
const MAX_PROPOSALS = 4;

/** "6.3.0r10" → [6, 3]; unknown versions count as current (6.3). */
export function screenosVersion(v: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : [6, 3];
}

function zoneName(z: string): string {
  const known: Record<string, string> = { trust: 'Trust', untrust: 'Untrust', dmz: 'DMZ', vpn: 'Untrust' };
  return known[z.toLowerCase()] ?? z;
}

/**
 * A free-text value in double quotes, the form of every name in KB16008 (`set vpn "x"`, `preshare
 * "key"`). The ScreenOS CLI has no escape inside a quoted string (the Concepts & Examples guide
 * documents none), so a double quote or a backslash cannot be written; '?' is the CLI's help key
 * while the text is pasted.
 */
function qv(value: string): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (value.includes('"')) return refused(HOLDS.doubleQuote);
  if (value.includes('\\')) return refused(HOLDS.backslash);
  if (value.includes('?')) return refused(HOLDS.questionMark);
  return quoted(`"${value}"`);
}

/** Names the exporter made or the schema limited (zones, proposal and object names): qv() takes them all. */
function q(s: string): string {
  const r = qv(s);
  if (!r.ok) throw new Error('exporter bug: a name the schema should have refused');
  return r.text;
}

/**
 * The value as the capability table bounds it (capabilities.ts, VALUE_LIMITS): a value outside is
 * written as the nearest one in range, and said, naming both.
 */
function bounded(w: ConfigWriter, t: TunnelView, setting: ValueSetting, value: number, statement: string): number {
  const limit = VALUE_LIMITS[setting];
  if (!limit || (value >= limit.min && value <= limit.max)) return value;
  const nearest = Math.min(limit.max, Math.max(limit.min, value));
  const words = SETTING_WORDS[setting];
  w.warn('LIFETIME_ADJUSTED', `the ${words.label} is ${value} ${words.unit}; ${LABEL} takes ${limit.min}–${limit.max} (${limit.statement}, ${limit.provenance}), so ${statement} is written with ${nearest}: change the design to a value both ends take`, { tunnel: t.tunnel.name });
  return nearest;
}

/** The predefined proposal a combination is ("Concepts & Examples", Volume 5, "Phase 1 Proposals", "Phase 2 Proposals": pre-g2-3des-sha, 28,800 s; g2-esp-3des-sha or nopfs-esp-des-md5, 3,600 s), or undefined. */
function predefinedName(kind: 'p1' | 'p2', group: string, enc: string, hash: string, life: number): string | undefined {
  const h = hash === 'sha-1' ? 'sha' : hash === 'md5' ? 'md5' : undefined;
  if (h === undefined) return undefined;
  if (kind === 'p1') return life === 28800 && group.startsWith('group') ? `pre-g${group.slice(5)}-${enc}-${h}` : undefined;
  return life === 3600 ? `${group === 'no-pfs' ? 'nopfs' : `g${group.slice(5)}`}-esp-${enc}-${h}` : undefined;
}

/**
 * The proposal statements of one phase (not yet written) and their names. `own` are the box's
 * names of the proposals, in order (recorded at import): the combination at a place keeps the
 * box's name there; a predefined name only while the combination is that predefined proposal
 * (it is then named, not defined), a name of the box's own only while no other tunnel of this
 * file defines it otherwise.
 */
function proposals(w: ConfigWriter, t: TunnelView, kind: 'p1' | 'p2', name: string, own: readonly string[] = [], defined: ReadonlySet<string> = new Set()): { names: string[]; lines: string[]; claims: string[] } {
  const tn = t.tunnel.name;
  const ps = kind === 'p1' ? t.me.ike.proposals : t.me.esp.proposals;
  const out: string[] = [];
  const lines: string[] = [];
  /** The box's names this tunnel defines, `<kind>:<name>=<line>`: added to `defined` once the tunnel is written. */
  const claims: string[] = [];
  const has = (c: string) => defined.has(c) || claims.includes(c);
  let n = 0;
  let dropped = 0;
  const life = kind === 'p1' ? bounded(w, t, 'ikeLifetimeSeconds', t.me.ike.lifetimeSeconds, 'every p1-proposal') : bounded(w, t, 'espLifetimeSeconds', t.me.esp.lifetimeSeconds, 'every p2-proposal');
  for (const p of ps) {
    const enc = mapAll(w, t, p.encryption, (e) => ENC[e], kind === 'p1' ? 'IKE encryption' : 'ESP encryption', LABEL);
    const hash = mapAll(w, t, p.integrity, (i) => HASH[i], kind === 'p1' ? 'IKE hash' : 'ESP authentication', LABEL);
    const groups = kind === 'p2' && p.dhGroups.length === 0 ? ['no-pfs'] : mapAll(w, t, p.dhGroups, (g) => (GROUPS.has(g) ? `group${g}` : undefined), kind === 'p1' ? 'IKE DH group' : 'PFS DH group', LABEL);
    for (const g of groups) {
      for (const e of enc) {
        for (const h of hash) {
          if (out.length >= MAX_PROPOSALS) {
            dropped++;
            continue;
          }
          const boxName = own[n];
          const derived = `${name}-${++n}`;
          const line = (pn: string) => (kind === 'p1' ? `set ike p1-proposal ${q(pn)} preshare ${g} esp ${e} ${h} second ${life}` : `set ike p2-proposal ${q(pn)} ${g} esp ${e} ${h} second ${life}`);
          if (boxName !== undefined && predefined(boxName, kind === 'p1' ? 1 : 2) !== undefined) {
            if (t.me.auth.method === 'psk' && predefinedName(kind, g, e, h, life) === boxName) {
              out.push(boxName);
              continue;
            }
          } else if (boxName !== undefined) {
            const mine = line(boxName);
            const claim = `${kind}:${boxName}=${mine}`;
            // Another definition of the name in this file: the box's name is left to it.
            const other = has(`${kind}:${boxName}`) && !has(claim);
            if (!other) {
              if (!has(claim)) lines.push(mine);
              claims.push(`${kind}:${boxName}`, claim);
              out.push(boxName);
              continue;
            }
          }
          lines.push(line(derived));
          out.push(derived);
        }
      }
    }
  }
  if (dropped > 0) w.warn('SETTING_UNSUPPORTED', `ScreenOS takes at most ${MAX_PROPOSALS} ${kind === 'p1' ? 'phase-1' : 'phase-2'} proposals; ${dropped} combination(s) left out`, { tunnel: tn });
  return { names: out, lines, claims };
}

/**
 * A port with protocol any: a ScreenOS service names its protocol, so the proxy ID (or policy)
 * would cover every port; it is left out instead, and said.
 */
function portWithoutProtocol(w: ConfigWriter, t: TunnelView, s: Selector): boolean {
  if (s.protocol !== 0 || (!s.localPort && !s.remotePort)) return false;
  w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names a port with protocol any; a ScreenOS service names its protocol, so this proxy ID is left out: name the protocol, or use any port`, { tunnel: t.tunnel.name });
  return true;
}

/**
 * The service of a proxy ID's protocol and ports: the box's (recorded at import, `own`: signature
 * → name) when it has one, a predefined one (HTTP…) named, not defined; else <protocol>-<ports>.
 */
function serviceFor(w: ConfigWriter, s: Selector, defined: Set<string>, own: ReadonlyMap<string, string> = new Map()): string {
  if (s.protocol === 0) return 'any';
  const src = s.localPort ? `${s.localPort.from}-${s.localPort.to}` : '0-65535';
  const dst = s.remotePort ? `${s.remotePort.from}-${s.remotePort.to}` : '0-65535';
  const sig = serviceSignature({ protocol: s.protocol, src: [s.localPort?.from ?? 0, s.localPort?.to ?? 65535], dst: [s.remotePort?.from ?? 0, s.remotePort?.to ?? 65535] });
  const boxName = own.get(sig);
  if (boxName !== undefined) {
    const builtIn = predefinedService(boxName);
    if (builtIn) {
      if (serviceSignature(builtIn) === sig) return q(boxName);
    } else if (!defined.has(`svc:${boxName}`) || defined.has(`svc:${boxName}=${sig}`)) {
      if (!defined.has(`svc:${boxName}`)) {
        defined.add(`svc:${boxName}`);
        defined.add(`svc:${boxName}=${sig}`);
        w.line(`set service ${q(boxName)} protocol ${s.protocol === 6 ? 'tcp' : s.protocol === 17 ? 'udp' : String(s.protocol)} src-port ${src} dst-port ${dst}`);
      }
      return q(boxName);
    }
  }
  const name = `${protocolName(s.protocol)}-${s.localPort ? `${s.localPort.from}-${s.localPort.to}` : 'any'}-${s.remotePort ? `${s.remotePort.from}-${s.remotePort.to}` : 'any'}`;
  if (!defined.has(name)) {
    defined.add(name);
    const proto = s.protocol === 6 ? 'tcp' : s.protocol === 17 ? 'udp' : String(s.protocol);
    w.line(`set service ${q(name)} protocol ${proto} src-port ${src} dst-port ${dst}`);
  }
  return q(name);
}

/**
 * The address-book object of one prefix (a range is split into its prefixes by the caller): the
 * box's entry for it when recorded (`own`, prefix → name) and no other prefix of this file has
 * that name in the zone, else N-<prefix>.
 */
function address(w: ConfigWriter, zone: string, r: AddressRange, defined: Set<string>, own: ReadonlyMap<string, string> = new Map()): string {
  const boxName = own.get(cidr(r) ?? '');
  const taken = boxName !== undefined && defined.has(`${zone}/${boxName}`) && !defined.has(`${zone}/${boxName}@${cidr(r) ?? ''}`);
  const name = boxName !== undefined && !taken ? boxName : objectName(r);
  const key = `${zone}/${name}`;
  defined.add(`${key}@${cidr(r) ?? ''}`);
  if (!defined.has(key)) {
    defined.add(key);
    if (r.family === 4) w.line(`set address ${q(zone)} ${q(name)} ${firstIp(r)} ${netmask(r)}`);
    else w.line(`set address ${q(zone)} ${q(name)} ${cidr(r) as string}`);
  }
  return name;
}

function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, index: number, names: Set<string>, defined: Set<string>): void {
  const tn = t.tunnel.name;
  const nm = safeName(tn, 31, names);
  const name = nm.name;
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  if (nm.shortened) w.warn('NAME_SHORTENED', `tunnel name "${tn}" written as "${name}"`, { tunnel: tn });
  commonEndChecks(w, t);
  const routeBased = ctx.gateway.vpnType === 'route-based';
  const [major, minor] = screenosVersion(ctx.gateway.osVersion);
  const before63 = major < 6 || (major === 6 && minor < 3);

  // Proxy IDs none of which can be written would leave ScreenOS negotiating 0.0.0.0/0 both ways
  // (route-based) or tunnelling nothing (policy-based): the tunnel is refused instead.
  const explicit = t.selectors.filter((s) => !s.isDefault);
  const writable = explicit.filter((s) => s.local.family === s.remote.family && !(s.protocol === 0 && (s.localPort || s.remotePort)));
  if (explicit.length > 0 && writable.length === 0) {
    w.warn('SELECTOR_UNSUPPORTED', `none of the ${explicit.length} proxy ID(s) can be written on ScreenOS (a port with protocol any, or IPv4 with IPv6), and without one the VPN would ${routeBased ? 'negotiate 0.0.0.0/0 both ways' : 'tunnel nothing'}: the tunnel is not written; name the protocol of each port, and keep each proxy ID in one address family`, { tunnel: tn });
    return;
  }
  // The box's own names, recorded at import (options.ts); empty: the exporter's.
  const own = screenosOptionsOf(t.me);
  const serviceNames = addressNames(own.services);
  const phase1 = proposals(w, t, 'p1', `p1-${name}`, proposalNames(own.p1Proposals), defined);
  const phase2 = proposals(w, t, 'p2', `p2-${name}`, proposalNames(own.p2Proposals), defined);
  // "set ike gateway … proposal" and "set vpn … proposal" need at least one proposal: without
  // one, the tunnel is not written (never a line ScreenOS refuses).
  if (phase1.names.length === 0 || phase2.names.length === 0) {
    if (phase1.names.length === 0) w.warn('ALGORITHM_UNSUPPORTED', 'no phase-1 proposal of the design is available on ScreenOS, so "set ike gateway … proposal" would name none: the tunnel is not written; choose a proposal both ends take', { tunnel: tn });
    if (phase2.names.length === 0) w.warn('ALGORITHM_UNSUPPORTED', 'no phase-2 proposal of the design is available on ScreenOS, so "set vpn … proposal" would name none: the tunnel is not written; choose a proposal both ends take', { tunnel: tn });
    return;
  }
  const p1 = phase1.names;
  const p2 = phase2.names;
  if (t.me.esp.lifetimeKilobytes) {
    w.warn('LIFETIME_ADJUSTED', `the IPsec SA lifetime of ${t.me.esp.lifetimeKilobytes} KB is not written: no ScreenOS reference at hand gives the kilobyte syntax of "set ike p2-proposal", so only the lifetime in seconds is; add the kilobyte lifetime by hand if both ends need it`, { tunnel: tn });
  }
  // One statement carries the identities and the key: when one of them cannot be written, the
  // gateway statement is left out whole (never written without them).
  const values: [string, Quoted | undefined][] = [
    ['the remote identity', t.me.auth.remoteId ? qv(t.me.auth.remoteId.value) : undefined],
    ['the local identity', t.me.auth.localId ? qv(t.me.auth.localId.value) : undefined],
    ['the pre-shared key', t.me.auth.method === 'psk' ? qv(t.psk) : undefined],
  ];
  const [remoteId, localId, psk] = values.map(([, v]) => (v?.ok ? v.text : undefined));
  const ids = `${remoteId ? ` id ${remoteId}` : ''}${localId ? ` local-id ${localId}` : ''}`;
  const auth = t.me.auth.method === 'psk' ? `preshare ${psk ?? ''}` : 'cert';
  const plist = p1.map(q).join(' ');
  if (t.me.ikeVersion === 2 && before63) w.warn('SETTING_UNSUPPORTED', 'IKEv2 needs ScreenOS 6.3 or later', { tunnel: tn, silentInFile: true });
  const unwritable = values.filter((x): x is [string, Quoted & { ok: false }] => x[1] !== undefined && !x[1].ok);
  if (unwritable.length > 0) {
    // Everything else of the tunnel names this gateway: without it, none of it is written.
    for (const [field, v] of unwritable) w.warn('VALUE_UNSUPPORTED', `${field} holds ${v.why}; ${LABEL} cannot take that in "set ike gateway", so this tunnel is not written: change it, or write the tunnel by hand`, { tunnel: tn });
    return;
  }
  for (const l of [...phase1.lines, ...phase2.lines]) w.line(l);
  for (const c of [...phase1.claims, ...phase2.claims]) defined.add(c);
  // A box's name another tunnel of this file already took (a copied tunnel) is not reused.
  const claim = (kind: string, boxName: string) => {
    const got = boxName !== '' && !defined.has(`${kind}:${boxName}`) ? boxName : name;
    defined.add(`${kind}:${got}`);
    return got;
  };
  const gwName = claim('gateway', own.ikeGateway);
  const vpnName = claim('vpn', own.vpn);
  if (t.me.ikeVersion === 2) {
    w.line(`set ike gateway ikev2 ${q(gwName)} address ${orPlaceholder(t.peerAddress, 'peer-address')}${ids} outgoing-interface ${q(t.outside)} ${auth} proposal ${plist}`);
  } else {
    const mode = t.me.exchangeMode === 'aggressive' ? 'Aggr' : 'Main';
    w.line(`set ike gateway ${q(gwName)} address ${orPlaceholder(t.peerAddress, 'peer-address')}${ids} ${mode} outgoing-interface ${q(t.outside)} ${auth} proposal ${plist}`);
  }
  if (t.me.natTraversal) w.line(`set ike gateway ${q(gwName)} nat-traversal`);
  if (t.me.dpd.enabled) w.line(`set ike gateway ${q(gwName)} dpd-liveness interval ${t.me.dpd.intervalSeconds}`);
  w.line(`set vpn ${q(vpnName)} gateway ${q(gwName)} no-replay tunnel idletime 0 proposal ${p2.map(q).join(' ')}`);
  if (t.me.monitor.enabled) {
    // The source interface must be one of the gateway's interfaces or tunnel interfaces; another
    // name is left out (ScreenOS then uses the outgoing interface) and said.
    const own = t.me.monitor.sourceInterface;
    const known = own === undefined || ctx.gateway.interfaces.some((i) => i.name === own) || ctx.tunnels.some((x) => (x.me.tunnelInterface || `tunnel.${ctx.tunnels.indexOf(x) + 1}`) === own);
    if (!known) w.warn('MISSING_INTERFACE', `the VPN monitor's source interface is not an interface of ${ctx.gateway.name}; source-interface is left out, so ScreenOS uses the outgoing interface: choose one of the gateway's interfaces`, { tunnel: tn });
    // `monitor [source-interface <if> [destination-ip <ip>]]`: the destination is given with a
    // source interface only (NSM 2010.4 "Configuring ScreenOS Devices", VPN Monitor: "Source
    // Interface and Destination IP" for a peer that is not a security device; KB4225). With a
    // destination and no source interface set, the inside interface is the source (it has an
    // address inside the proxy IDs, as the peer's host expects); without one, no destination.
    const inside = ctx.gateway.interfaces.some((i) => i.name === ctx.insideInterface) ? ctx.insideInterface : undefined;
    const wanted = t.me.monitor.destinationIp;
    let source = own && known ? own : undefined;
    if (wanted && !source && inside) {
      source = inside;
      w.warn('MONITOR_UNSUPPORTED', `the VPN monitor pings ${wanted}, and ScreenOS takes destination-ip only with a source-interface: source-interface ${inside} (the inside interface) is written; set the monitor's source interface to choose another`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    } else if (wanted && !source) {
      w.warn('MONITOR_UNSUPPORTED', `the VPN monitor pings ${wanted}, but ScreenOS takes destination-ip only with a source-interface and ${ctx.gateway.name} has no inside interface: destination-ip is left out (the monitor pings the peer gateway); set the monitor's source interface`, { tunnel: tn });
    }
    const opts = [
      source ? `source-interface ${source}` : '',
      wanted && source ? `destination-ip ${ipText(wanted) ?? '<monitor-destination-ip>'}` : '',
      t.me.monitor.optimized ? 'optimized' : '',
      t.me.monitor.rekey ? 'rekey' : '',
    ].filter(Boolean);
    w.line(`set vpn ${q(vpnName)} monitor${opts.length ? ` ${opts.join(' ')}` : ''}`);
  }

  const tunnelIf = t.me.tunnelInterface || `tunnel.${index}`;
  const tz = zoneName(tunnelZone(ctx, tunnelIf, 'Untrust'));
  const iz = zoneName(ctx.insideZone);
  if (routeBased) {
    const vpnId = own.vpnId > 0 && !defined.has(`vpnid:${own.vpnId}`) ? own.vpnId : index;
    defined.add(`vpnid:${vpnId}`);
    w.line(`set vpn ${q(vpnName)} id 0x${vpnId.toString(16)} bind interface ${tunnelIf}`);
    // Several VPNs on one tunnel interface: ScreenOS picks the SA by route, not by proxy ID (KB16008).
    const boundKey = `bound:${tunnelIf}`;
    const firstVpn = [...defined].find((d) => d.startsWith(`${boundKey}=`))?.slice(boundKey.length + 1);
    if (firstVpn === undefined) defined.add(`${boundKey}=${vpnName}`);
    else {
      w.warn('MULTIPLE_PROXY_IDS_UNSUPPORTED', `VPNs "${firstVpn}" and "${vpnName}" are both bound to ${tunnelIf}: ScreenOS sends routed traffic into the tunnel interface without checking proxy IDs${before63 ? ' (before 6.3)' : ''}, so it can leave on the wrong SA and a strict peer drops it (KB16008); use one VPN with several proxy IDs and proxy-id check on 6.3, or NHTB`, { tunnel: tn });
    }
    if (explicit.length > 1 && before63) {
      w.warn('MULTIPLE_PROXY_IDS_UNSUPPORTED', `ScreenOS ${ctx.gateway.osVersion} takes one proxy ID per route-based VPN (several need 6.3): only proxy ID 1 is written, ${explicit.length - 1} left out`, { tunnel: tn });
    }
    const written = before63 ? explicit.slice(0, 1) : explicit;
    if (screenosOptionsOf(t.me).proxyIdCheck || written.length > 1) {
      w.line(`set vpn ${q(vpnName)} proxy-id check`);
    }
    for (const s of written) {
      if (s.local.family !== s.remote.family) {
        w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; left out`, { tunnel: tn });
        continue;
      }
      if (portWithoutProtocol(w, t, s)) continue;
      const svc = serviceFor(w, s, defined, serviceNames);
      const locals = rangeToPrefixes(s.local);
      const remotes = rangeToPrefixes(s.remote);
      if (!isPrefix(s.local) || !isPrefix(s.remote)) {
        w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; ScreenOS proxy IDs take prefixes, written as ${locals.length * remotes.length} proxy IDs`, { tunnel: tn, line: w.current + 1, silentInFile: true });
      }
      for (const l of locals) for (const r of remotes) w.line(`set vpn ${q(vpnName)} proxy-id local-ip ${cidr(l)} remote-ip ${cidr(r)} ${svc}`);
    }
    if (explicit.length === 0) w.comment('no proxy ID: ScreenOS proposes 0.0.0.0/0 <-> 0.0.0.0/0 any');
    // The interface and its routes once per tunnel interface, however many VPNs are bound to it.
    if (!defined.has(`if:${tunnelIf}`)) {
      w.line(`set interface ${q(tunnelIf)} zone ${q(tz)}`);
      w.line(`set interface ${tunnelIf} ip unnumbered interface ${t.outside}`);
    }
    defined.add(`if:${tunnelIf}`);
    const routes = t.routes.filter((r) => !defined.has(`route:${r}:${tunnelIf}`));
    if (t.routesDerived && routes.length > 0) w.warn('ROUTES_DERIVED', `the design has no route to ${tunnelIf}; routes written for ${routes.join(', ')}`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    for (const r of routes) {
      defined.add(`route:${r}:${tunnelIf}`);
      w.line(`set route ${r} interface ${tunnelIf}`);
    }
  }

  // Policies: route-based permits between the inside zone and the tunnel's zone; policy-based
  // tunnels the traffic through the VPN (each policy is its own proxy ID).
  const pa = policyAddresses(ctx, t);
  const outZone = routeBased ? tz : zoneName(ctx.outsideZone);
  const pairs = routeBased ? pa.local.flatMap((l) => pa.remote.map((r) => ({ l, r, svc: 'ANY' }))) : t.selectors.filter((s) => !portWithoutProtocol(w, t, s)).map((s) => ({ l: s.local, r: s.remote, svc: s.protocol === 0 ? 'ANY' : serviceFor(w, s, defined, serviceNames).replace(/"/g, '') }));
  if (!routeBased && t.selectors.some((s) => s.isDefault)) w.warn('DEFAULT_SELECTOR', 'policy-based with no proxy ID: the policies tunnel any to any', { tunnel: tn, line: w.current + 1, silentInFile: true });
  // An address-book object is a prefix: a range is written as the prefixes that make it up,
  // one policy pair each; in policy-based mode each policy is its own proxy ID (KB16008).
  const action = routeBased ? 'permit' : `tunnel vpn ${q(vpnName)}`;
  const localNames = addressNames(own.localAddresses);
  const remoteNames = addressNames(own.remoteAddresses);
  const same = pairs.filter(({ l, r }) => l.family === r.family);
  const written = same.flatMap(({ l, r, svc }) => rangeToPrefixes(l).flatMap((lp) => rangeToPrefixes(r).map((rp) => ({ lp, rp, svc }))));
  const policyIds = boxPolicies(written, own.policyOut, own.policyIn, defined);
  for (const { l, r, svc } of pairs) {
    if (l.family !== r.family) {
      if (!routeBased) w.warn('MIXED_ADDRESS_FAMILIES', `a proxy ID from ${objectName(l)} to ${objectName(r)} mixes IPv4 and IPv6; a policy cannot, left out`, { tunnel: tn });
      continue;
    }
    const locals = rangeToPrefixes(l);
    const remotes = rangeToPrefixes(r);
    if (locals.length * remotes.length > 1) {
      w.warn('ADDRESS_RANGE_SPLIT', `${objectName(l)} to ${objectName(r)} is an address range; ScreenOS address objects are prefixes, so it is written as ${locals.length * remotes.length} policies in each direction${routeBased ? '' : ' (each its own proxy ID)'}`, { tunnel: tn, line: w.current + 1, silentInFile: true });
    }
    if (policyIds) continue;
    for (const lp of locals) {
      for (const rp of remotes) {
        const ln = address(w, iz, lp, defined, localNames);
        const rn = address(w, outZone, rp, defined, remoteNames);
        w.line(`set policy from ${q(iz)} to ${q(outZone)} ${q(ln)} ${q(rn)} ${q(svc)} ${action}`);
        w.line(`set policy from ${q(outZone)} to ${q(iz)} ${q(rn)} ${q(ln)} ${q(svc)} ${action}`);
      }
    }
  }
  if (!policyIds) return;
  // The box's two policies for the tunnel, by their ids: one policy each way whose further
  // sources and destinations are set in its context (`set policy id N`, `set src-address`, `set
  // dst-address`, `exit`, as a saved configuration writes them: Volume 2, "Policies"; ScreenOS 5.4
  // WebUI help "Policy Configuration": several source and destination addresses in one policy).
  const ln = [...new Set(written.map((x) => address(w, iz, x.lp, defined, localNames)))];
  const rn = [...new Set(written.map((x) => address(w, outZone, x.rp, defined, remoteNames)))];
  const svc = (written[0] as { svc: string }).svc;
  const policy = (id: number, from: string, to: string, src: readonly string[], dst: readonly string[]) => {
    if (id === 0) {
      for (const a of src) for (const b of dst) w.line(`set policy from ${q(from)} to ${q(to)} ${q(a)} ${q(b)} ${q(svc)} ${action}`);
      return;
    }
    w.line(`set policy id ${id} from ${q(from)} to ${q(to)} ${q(src[0] as string)} ${q(dst[0] as string)} ${q(svc)} ${action}`);
    if (src.length === 1 && dst.length === 1) return;
    w.line(`set policy id ${id}`);
    for (const a of src.slice(1)) w.line(`set src-address ${q(a)}`);
    for (const b of dst.slice(1)) w.line(`set dst-address ${q(b)}`);
    w.line('exit');
  };
  policy(policyIds.out, iz, outZone, ln, rn);
  policy(policyIds.in, outZone, iz, rn, ln);
}

/**
 * The box's policy ids to write the tunnel's policies with (recorded at import), when the
 * policies are one set of sources to one set of destinations with one service (what one ScreenOS
 * policy each way holds) and no other tunnel of this file took the id; undefined: the policies
 * are written without ids, pair by pair, as for a drawn tunnel (ScreenOS numbers them).
 */
function boxPolicies(written: readonly { lp: AddressRange; rp: AddressRange; svc: string }[], out: number, back: number, defined: Set<string>): { out: number; in: number } | undefined {
  if (out === 0 && back === 0) return undefined;
  if (written.length === 0 || new Set(written.map((x) => x.svc)).size !== 1) return undefined;
  const key = (r: AddressRange) => cidr(r) ?? '';
  const ls = new Set(written.map((x) => key(x.lp)));
  const rs = new Set(written.map((x) => key(x.rp)));
  const pairs = new Set(written.map((x) => `${key(x.lp)}>${key(x.rp)}`));
  if (pairs.size !== written.length || pairs.size !== ls.size * rs.size) return undefined;
  const take = (id: number) => {
    if (id === 0 || defined.has(`policy:${id}`)) return 0;
    defined.add(`policy:${id}`);
    return id;
  };
  return { out: take(out), in: take(back) };
}

export const screenosExporter: VendorExporter = {
  vendor: 'screenos',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    // Routes to this gateway's networks behind an inside router are written with the VPN's.
    const inner = insideRoutes(ctx);
    header(w, ctx, 'Juniper ScreenOS', REFERENCE, ['Paste at the CLI, then "save"; lines starting with # are notes, not commands.'], true, inner.routes);
    warnUnrouted(w, ctx, inner.unrouted);
    // The tunnel interfaces are configured here (zone, unnumbered); the outgoing interfaces, the
    // inside interface (its zone holds the policies' local addresses) and the routes' are not.
    assumedInterfaces(w, ctx, [...ctx.tunnels.map((t) => t.outside), ...(ctx.tunnels.length > 0 ? [ctx.insideInterface] : []), ...inner.routes.map((r) => r.interface)]);
    const names = new Set<string>();
    const defined = new Set<string>();
    ctx.tunnels.forEach((t, i) => exportTunnel(w, ctx, t, i + 1, names, defined));
    if (inner.routes.length > 0) w.blank();
    for (const r of inner.routes) w.line(`set route ${routePrefix(r)} interface ${r.interface} gateway ${r.nextHop as string}`);
    return [{ name: file, content: w.text() }];
  },
};
