// Fortinet FortiGate (FortiOS) CLI: route-based (interface mode) phase 1 and one phase 2 per
// selector, firewall addresses, policies both ways and static routes to the tunnel interface.
// Follows: Fortinet, "FortiOS CLI Reference" (docs.fortinet.com/document/fortigate/<7.x>/
// cli-reference): `config vpn ipsec phase1-interface` (interface, ike-version, proposal, dhgrp,
// remote-gw, psksecret, localid, keylife) and `config vpn ipsec phase2-interface` (phase1name,
// proposal, pfs, dhgrp, src-/dst-addr-type, src-/dst-subnet, protocol, src-/dst-port,
// keylifeseconds), `config firewall address`, `config firewall policy`, `config router static`.
import type { DhGroup, Encryption, IdentityType, Integrity } from '../../model/document';
import { parseAddressSpec, type AddressRange } from '../../net/address';
import { addressAndMask, cidr, firstIp, isPortRange, lastIp, type Selector } from '../kit/export/addresses';
import { allGroups, commonEndChecks, header, isAead, mapAll, orPlaceholder, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, pskPlaceholder, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { assumedInterfaces, insideRoutes, routePrefix, warnUnrouted } from '../kit/export/in-production';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { hasControl, HOLDS, quoted, refused, valueLine, type Quoted } from '../kit/export/values';
import { SETTING_WORDS, type ValueSetting } from '../kit/capabilities';
import { VALUE_LIMITS } from './capabilities';
import { configFile } from './grammar';
import { fortigateOptionsOf, listEntries, type FortigateEndOptions } from './options';

const LABEL = 'FortiOS';
const REFERENCE = 'Fortinet, FortiOS 7.4.6 CLI Reference: config vpn ipsec phase1-interface, phase2-interface; config firewall address, address6, policy; config router static, static6';
/** FortiOS limits a phase-1 (and so tunnel interface) name to 15 characters. */
const PHASE1_MAX = 15;
const PHASE2_MAX = 35;

const ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', aes128gcm16: 'aes128gcm', aes256gcm16: 'aes256gcm', chacha20poly1305: 'chacha20poly1305', null: 'null' };
const INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const LOCALID_TYPE: Record<IdentityType, string> = { address: 'address', fqdn: 'fqdn', 'user-fqdn': 'user-fqdn', 'key-id': 'keyid', dn: 'asn1dn' };
const PRF: ReadonlySet<Integrity> = new Set<Integrity>(['sha1', 'sha256', 'sha384', 'sha512']);
const GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 31, 32]);

/**
 * A string in double quotes, with a backslash before each backslash and double quote inside.
 * FortiOS double-quoted strings take the escapes \" \' and \\ (Batfish's FortiOS grammar,
 * FortiosConfigurationBuilder, which follows the CLI; FortiManager/FortiOS CLI Reference, "CLI
 * command syntax": quotation marks "must be used in pairs", "\ is supported to escape"). '?' is
 * the CLI's help key while the text is pasted.
 */
function fq(value: string): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (value.includes('?')) return refused(HOLDS.questionMark);
  return quoted(`"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
}

/**
 * The pre-shared key as `set psksecret` takes it: "ASCII string or hexadecimal encoded with a
 * leading 0x" (FortiOS 7.4.6 CLI Reference, phase1-interface psksecret). A quote or backslash is
 * escaped (fq); a key that itself starts with 0x would be read as hex, so it is written
 * hex-encoded (its UTF-8 bytes) and FortiOS holds exactly the key the peer has.
 */
/** The UTF-8 bytes of the text, as lowercase hex. */
function utf8Hex(text: string): string {
  // encodeURIComponent writes every byte of a non-ASCII character as %XX, in UTF-8.
  return [...text].map((c) => (/^[\x20-\x7e]$/.test(c) ? c.charCodeAt(0).toString(16).padStart(2, '0') : encodeURIComponent(c).replace(/%/g, '').toLowerCase())).join('');
}

export function pskValue(key: string): Quoted {
  if (/^0x/i.test(key) && !hasControl(key)) return quoted(`0x${utf8Hex(key)}`);
  return fq(key);
}

/** Names the exporter made or the schema limited (interfaces, objects): fq() takes them all. */
function q(s: string): string {
  const r = fq(s);
  if (!r.ok) throw new Error('exporter bug: a name the schema should have refused');
  return r.text;
}

/**
 * The value as FortiOS takes it (capabilities.ts, VALUE_LIMITS from the CLI Reference tables): a
 * value outside the range is written as the nearest one it takes, and said, naming both.
 */
function bounded(w: ConfigWriter, t: TunnelView, setting: ValueSetting, value: number, statement: string): number {
  const limit = VALUE_LIMITS[setting];
  if (!limit || (value >= limit.min && value <= limit.max)) return value;
  const nearest = Math.min(limit.max, Math.max(limit.min, value));
  const words = SETTING_WORDS[setting];
  w.warn('LIFETIME_ADJUSTED', `the ${words.label} is ${value} ${words.unit}; ${LABEL} takes ${limit.min}–${limit.max} (${limit.statement}), so ${statement} is written as ${nearest}: change the design to a value both ends take`, { tunnel: t.tunnel.name });
  return nearest;
}

function proposals(w: ConfigWriter, t: TunnelView, kind: 'ike' | 'esp'): string[] {
  const out: string[] = [];
  const ps = kind === 'ike' ? t.me.ike.proposals : t.me.esp.proposals;
  for (const p of ps) {
    for (const e of p.encryption) {
      const enc = kind === 'ike' && e === 'null' ? undefined : kind === 'ike' && t.me.ikeVersion === 1 && isAead(e) ? undefined : ENC[e];
      if (!enc) {
        w.warn('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? `IKEv${t.me.ikeVersion}` : 'ESP'} encryption ${e} is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
        continue;
      }
      if (isAead(e)) {
        if (kind === 'esp') out.push(enc);
        else {
          // An AEAD phase-1 proposal names its PRF: prfsha1, prfsha256, prfsha384 or prfsha512
          // (FortiOS 7.4.6 CLI Reference, phase1-interface proposal); there is no prfmd5.
          const prfs = p.integrity.filter((x) => PRF.has(x));
          for (const i of p.integrity.filter((x) => !PRF.has(x))) w.warn('ALGORITHM_UNSUPPORTED', `PRF ${i} with ${e} is not available on ${LABEL} (prfsha1, prfsha256, prfsha384, prfsha512 only); left out`, { tunnel: t.tunnel.name });
          if (prfs.length === 0) w.warn('ALGORITHM_UNSUPPORTED', `${e} in phase 1 needs a PRF, and the proposal names none ${LABEL} has; left out`, { tunnel: t.tunnel.name });
          for (const i of prfs) out.push(`${enc}-prf${INT[i] as string}`);
        }
        continue;
      }
      for (const i of p.integrity) {
        const int = INT[i];
        if (!int) {
          w.warn('ALGORITHM_UNSUPPORTED', `integrity ${i} with ${e} is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
          continue;
        }
        out.push(`${enc}-${int}`);
      }
    }
  }
  return [...new Set(out)];
}

/** What one tunnel's phase 1 and phase 2 are written with, decided before any of its lines. */
interface Plan {
  ike: string[];
  ikeGroups: string[];
  esp: string[];
  /** PFS groups; empty: pfs disable. */
  pfs: string[];
  /** The phase-2 lifetimes as written (within FortiOS's ranges). */
  espSeconds: number;
  kbs?: number;
}

/**
 * A phase 1 (and a phase 2) has one proposal list and one dhgrp list (FortiOS 7.4.6 CLI
 * Reference): proposals with different groups are offered as every combination, which the
 * design did not say. Said, so the difference is explained.
 */
function warnMerged(w: ConfigWriter, t: TunnelView, ps: readonly { dhGroups: readonly DhGroup[] }[], what: string): void {
  if (new Set(ps.map((p) => [...p.dhGroups].sort((a, b) => a - b).join(' '))).size > 1) {
    w.warn('SETTING_UNSUPPORTED', `FortiOS has one proposal list and one DH group list per ${what}: the design's ${ps.length} proposals, with different groups, are offered as every combination of their algorithms and groups`, { tunnel: t.tunnel.name });
  }
}

/** The tunnel's algorithms as FortiOS writes them, or undefined (said) when a list would be empty and FortiOS would fall back to its defaults. */
function planOf(w: ConfigWriter, t: TunnelView): Plan | undefined {
  const ike = proposals(w, t, 'ike');
  const ikeGroups = mapAll(w, t, allGroups(t.me.ike.proposals), (g) => (GROUPS.has(g) ? String(g) : undefined), 'IKE DH group', LABEL);
  const esp = proposals(w, t, 'esp');
  const wanted = allGroups(t.me.esp.proposals);
  const pfs = mapAll(w, t, wanted, (x) => (GROUPS.has(x) ? String(x) : undefined), 'PFS DH group', LABEL);
  const missing = [ike.length === 0 ? 'phase-1 proposal ("set proposal")' : '', ikeGroups.length === 0 ? 'phase-1 DH group ("set dhgrp")' : '', esp.length === 0 ? 'phase-2 proposal' : '', wanted.length > 0 && pfs.length === 0 ? 'PFS DH group' : ''].filter(Boolean);
  if (missing.length > 0) {
    w.warn('ALGORITHM_UNSUPPORTED', `no ${missing.join(', no ')} of the design is available on ${LABEL}; without it FortiOS would use its defaults, so the tunnel is not written: choose algorithms both ends take`, { tunnel: t.tunnel.name });
    return undefined;
  }
  warnMerged(w, t, t.me.ike.proposals, 'phase 1');
  warnMerged(w, t, t.me.esp.proposals, 'phase 2');
  const espSeconds = bounded(w, t, 'espLifetimeSeconds', t.me.esp.lifetimeSeconds, 'keylifeseconds');
  const kbs = t.me.esp.lifetimeKilobytes ? bounded(w, t, 'espLifetimeKilobytes', t.me.esp.lifetimeKilobytes, 'keylifekbs') : undefined;
  return { ike, ikeGroups, esp, pfs, espSeconds, ...(kbs !== undefined ? { kbs } : {}) };
}

function addrType(r: AddressRange): { type: string; lines: string[] } {
  const six = r.family === 6;
  const c = cidr(r);
  if (r.from === r.to) return { type: six ? 'ip6' : 'ip', lines: [] };
  if (c) return { type: six ? 'subnet6' : 'subnet', lines: [] };
  return { type: six ? 'range6' : 'range', lines: [] };
}

function selectorSide(w: ConfigWriter, side: 'src' | 'dst', r: AddressRange): void {
  const { type } = addrType(r);
  const six = r.family === 6;
  w.line(`        set ${side}-addr-type ${type}`);
  if (type.startsWith('subnet')) w.line(six ? `        set ${side}-subnet6 ${cidr(r)}` : `        set ${side}-subnet ${addressAndMask(r)}`);
  else if (type.startsWith('ip')) w.line(`        set ${side}-start-ip${six ? '6' : ''} ${firstIp(r)}`);
  else {
    w.line(`        set ${side}-start-ip${six ? '6' : ''} ${firstIp(r)}`);
    w.line(`        set ${side}-end-ip${six ? '6' : ''} ${lastIp(r)}`);
  }
}

/** A phase 2 by address name: the firewall address or group each side names, and the family. */
interface ByName {
  src: string;
  dst: string;
  six: boolean;
}

function phase2(w: ConfigWriter, t: TunnelView, p1: string, name: string, s: Selector, plan: Plan, byName?: ByName): void {
  w.line(`    edit ${q(name)}`);
  w.line(`        set phase1name ${q(p1)}`);
  w.line(`        set proposal ${plan.esp.join(' ')}`);
  if (plan.pfs.length === 0) w.line('        set pfs disable');
  else {
    w.line('        set pfs enable');
    w.line(`        set dhgrp ${plan.pfs.join(' ')}`);
  }
  w.line(`        set keylifeseconds ${plan.espSeconds}`);
  if (plan.kbs !== undefined) {
    w.line('        set keylife-type both');
    w.line(`        set keylifekbs ${plan.kbs}`);
  }
  w.line(`        set auto-negotiate ${t.initiates ? 'enable' : 'disable'}`);
  const options = fortigateOptionsOf(t.me);
  // selector-match is a setting of the policy-mode `config vpn ipsec phase2` only; a
  // phase2-interface has none (FortiOS 7.4.6, 7.0.3 and 6.2.12 CLI Reference syntax lists).
  if (options.selectorMatch !== 'auto') w.warn('SETTING_UNSUPPORTED', `selector-match ${options.selectorMatch} is a policy-mode phase2 setting; this interface-mode phase2-interface has none, so it is left out (FortiOS accepts a proposal inside the phase-2 selectors)`, { tunnel: t.tunnel.name });
  if (options.initiatorTsNarrow) w.line('        set initiator-ts-narrow enable');
  if (s.protocol !== 0) w.line(`        set protocol ${s.protocol}`);
  if (byName) {
    // src-addr-type name|name6 with src-name / dst-name (FortiOS 7.4.6 CLI Reference, "config vpn
    // ipsec phase2-interface"): the box's own form, kept while its selectors are the objects'.
    const six = byName.six ? '6' : '';
    w.line(`        set src-addr-type name${six}`);
    w.line(`        set dst-addr-type name${six}`);
    w.line(`        set src-name${six} ${q(byName.src)}`);
    w.line(`        set dst-name${six} ${q(byName.dst)}`);
    w.line('    next');
    return;
  }
  selectorSide(w, 'src', s.local);
  selectorSide(w, 'dst', s.remote);
  if (s.localPort) w.line(`        set src-port ${s.localPort.from}`);
  if (s.remotePort) w.line(`        set dst-port ${s.remotePort.from}`);
  w.line('    next');
}

/** What a name stands for in the file, so that a box's name is not given two meanings. */
const rangeKey = (r: AddressRange) => `${r.family} ${r.from}-${r.to}`;

/** A `<prefix>=<value>` list setting (options.ts) by the range each prefix stands for; the first entry of a range wins. */
function byRange(list: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of listEntries(list)) {
    const r = parseAddressSpec(e.key);
    if (r.ok && !out.has(rangeKey(r.value))) out.set(rangeKey(r.value), e.value);
  }
  return out;
}

/**
 * The firewall address for `r`, written once per file: the box's name for that prefix when the
 * imported end recorded one (`own`, by range) and no other range of this file has that name, else
 * the exporter's (N-10.1.100.0-24). `defined`: each name written → the range it stands for.
 */
/** The ranges, each once, in their order. */
function unique(rs: readonly AddressRange[]): AddressRange[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = rangeKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The selectors of an imported end that its box's phase 2s by address name stand for (options.ts,
 * phase2Objects): a run of selectors at the places recorded for that phase 2 (phase2Interfaces),
 * any protocol and port, of one family, that are every pair of their local and remote prefixes in
 * the reader's order (each local with each remote). Such a run is written as the box's one phase
 * 2 naming the two objects; any other (the design changed them otherwise) as a phase 2 per
 * selector under the exporter's names. By selector place → the phase 2, first: its first place.
 */
function phase2sByName(t: TunnelView, o: FortigateEndOptions, taken: Set<string>): Map<number, { name: string; byName: ByName; first: boolean }> {
  const out = new Map<number, { name: string; byName: ByName; first: boolean }>();
  const objects = new Map(listEntries(o.phase2Objects).map((e) => [e.key, e.value.split('/')] as const));
  if (objects.size === 0) return out;
  const at = new Map(listEntries(o.phase2Interfaces).map((e) => [Number(e.key) - 1, e.value]));
  for (let k = 0; k < t.selectors.length; ) {
    const name = at.get(k);
    const obj = name === undefined ? undefined : objects.get(name);
    if (name === undefined || !obj || obj.length !== 2) {
      k++;
      continue;
    }
    let end = k;
    while (end < t.selectors.length && at.get(end) === name) end++;
    const run = t.selectors.slice(k, end);
    const ls = unique(run.map((s) => s.local));
    const rs = unique(run.map((s) => s.remote));
    const six = run[0]?.local.family === 6;
    const product = run.length === ls.length * rs.length && run.every((s, x) => rangeKey(s.local) === rangeKey(ls[Math.floor(x / rs.length)] as AddressRange) && rangeKey(s.remote) === rangeKey(rs[x % rs.length] as AddressRange));
    const plain = run.every((s) => s.protocol === 0 && !s.localPort && !s.remotePort && s.local.family === s.remote.family && (s.local.family === 6) === six);
    if (product && plain && !taken.has(name)) {
      taken.add(name);
      for (let x = k; x < end; x++) out.set(x, { name, byName: { src: obj[0] as string, dst: obj[1] as string, six }, first: x === k });
    }
    k = end;
  }
  return out;
}

function address(w: ConfigWriter, r: AddressRange, defined: Map<string, string>, out: { v4: string[]; v6: string[] }, own: ReadonlyMap<string, string>): string {
  const key = rangeKey(r);
  const boxName = cidr(r) ? own.get(key) : undefined;
  const name = boxName !== undefined && (defined.get(boxName) ?? key) === key ? boxName : objectName(r);
  if (!defined.has(name)) {
    defined.set(name, key);
    if (r.family === 4) {
      out.v4.push(`    edit ${q(name)}`);
      if (cidr(r)) out.v4.push(`        set subnet ${addressAndMask(r)}`);
      else out.v4.push('        set type iprange', `        set start-ip ${firstIp(r)}`, `        set end-ip ${lastIp(r)}`);
      out.v4.push('    next');
    } else {
      out.v6.push(`    edit ${q(name)}`);
      if (cidr(r)) out.v6.push(`        set ip6 ${cidr(r)}`);
      else out.v6.push('        set type iprange', `        set start-ip ${firstIp(r)}`, `        set end-ip ${lastIp(r)}`);
      out.v6.push('    next');
    }
  }
  return name;
}

export const fortigateExporter: VendorExporter = {
  vendor: 'fortigate',
  reference: REFERENCE,
  exportGateway(ctx: GatewayContext) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    // Routes to this gateway's networks behind an inside router are written with the VPN's
    // (a box in production may have a second inside network the tunnel's traffic must reach).
    const inner = insideRoutes(ctx);
    header(w, ctx, 'Fortinet FortiGate (FortiOS)', REFERENCE, ['Paste at the FortiOS CLI.'], true, inner.routes);
    warnUnrouted(w, ctx, inner.unrouted);
    assumedInterfaces(w, ctx, [...ctx.tunnels.map((t) => t.outside), ...(ctx.tunnels.length > 0 ? [ctx.insideInterface] : []), ...inner.routes.map((r) => r.interface)]);
    if (ctx.gateway.vpnType === 'policy-based') w.warn('VPN_TYPE_ADJUSTED', 'the design says policy-based; this export writes FortiOS interface mode (route-based) with one phase 2 per selector');
    // An imported end keeps the box's names (options.ts), unless another tunnel of this file has
    // taken that name already (a copied tunnel): each name stands for one entry.
    const own: FortigateEndOptions[] = ctx.tunnels.map((t) => fortigateOptionsOf(t.me));
    const p1names = new Set<string>();
    const p1 = ctx.tunnels.map((t, i) => {
      const box = own[i]?.phase1Interface ?? '';
      if (box !== '' && !p1names.has(box)) {
        p1names.add(box);
        return { name: box, shortened: false };
      }
      const n = safeName(t.tunnel.name, PHASE1_MAX, p1names);
      p1names.add(n.name);
      return n;
    });

    // Phase 1. A tunnel without a plan is not written at all (nor its phase 2, policies, routes).
    const plans: (Plan | undefined)[] = ctx.tunnels.map(() => undefined);
    w.line('config vpn ipsec phase1-interface');
    ctx.tunnels.forEach((t, i) => {
      const tn = t.tunnel.name;
      const name = (p1[i] as { name: string }).name;
      w.comment(`tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
      if (p1[i]?.shortened) w.warn('NAME_SHORTENED', `tunnel name "${tn}" written as "${name}" (FortiOS phase-1 names: at most ${PHASE1_MAX} characters)`, { tunnel: tn });
      commonEndChecks(w, t);
      const plan = planOf(w, t);
      if (!plan) return;
      plans[i] = plan;
      w.line(`    edit ${q(name)}`);
      w.line(`        set interface ${q(t.outside)}`);
      w.line(`        set ike-version ${t.me.ikeVersion}`);
      if (t.me.ikeVersion === 1) w.line(`        set mode ${t.me.exchangeMode}`);
      if (t.peerAddress?.includes(':')) w.line('        set ip-version 6');
      // "peertype any: Accept any peer ID", "one: Accept this peer ID" (the peerid): a remote ID
      // the design expects is enforced only with `one` (FortiOS 7.4.6 CLI Reference, peertype).
      const remoteId = t.me.auth.remoteId ? fq(t.me.auth.remoteId.value) : undefined;
      w.line(`        set peertype ${remoteId?.ok ? 'one' : 'any'}`);
      w.line('        set net-device disable');
      w.line(`        set proposal ${plan.ike.join(' ')}`);
      w.line(`        set dhgrp ${plan.ikeGroups.join(' ')}`);
      w.line(`        set keylife ${bounded(w, t, 'ikeLifetimeSeconds', t.me.ike.lifetimeSeconds, 'keylife')}`);
      w.line(`        set ${t.peerAddress?.includes(':') ? 'remote-gw6' : 'remote-gw'} ${orPlaceholder(t.peerAddress, 'peer-address')}`);
      w.line(`        set authmethod ${t.me.auth.method === 'psk' ? 'psk' : 'signature'}`);
      if (t.me.auth.method === 'psk') valueLine(w, t, 'the pre-shared key', t.psk === pskPlaceholder(t.tunnel.name) ? fq(t.psk) : pskValue(t.psk), (k) => `        set psksecret ${k}`, LABEL, 'enter the key on the FortiGate by hand, or choose one without it (on both ends)');
      if (t.me.auth.localId && valueLine(w, t, 'the local identity', fq(t.me.auth.localId.value), (x) => `        set localid ${x}`, LABEL)) {
        // The ID type sent: localid-type auto|fqdn|user-fqdn|keyid|address|asn1dn (FortiOS 7.4.6
        // CLI Reference, phase1-interface); named, so a key ID is not sent as another type.
        w.line(`        set localid-type ${LOCALID_TYPE[t.me.auth.localId.type]}`);
      }
      if (remoteId) valueLine(w, t, 'the remote identity', remoteId, (x) => `        set peerid ${x}`, LABEL, 'change it; FortiOS then accepts any peer ID (peertype any)');
      w.line(`        set dpd ${t.me.dpd.enabled ? 'on-idle' : 'disable'}`);
      if (t.me.dpd.enabled) w.line(`        set dpd-retryinterval ${t.me.dpd.intervalSeconds}`);
      w.line(`        set nattraversal ${t.me.natTraversal ? 'enable' : 'disable'}`);
      w.line('    next');
      if (t.me.monitor.enabled) w.warn('MONITOR_UNSUPPORTED', 'FortiOS has no ScreenOS/PAN-OS style tunnel monitor in phase 1 (DPD is written); monitor settings left out', { tunnel: tn });
    });
    w.line('end');

    // Addresses: the policies' (below), and first those a phase 2 by name names, with the groups.
    const defined = new Map<string, string>();
    const addrs = { v4: [] as string[], v6: [] as string[] };
    const p2names = new Set<string>();
    const byName = ctx.tunnels.map((t, i) => (plans[i] ? phase2sByName(t, own[i] as FortigateEndOptions, p2names) : new Map<number, { name: string; byName: ByName; first: boolean }>()));
    const pre = { v4: [] as string[], v6: [] as string[] };
    const groups = { v4: [] as string[], v6: [] as string[] };
    ctx.tunnels.forEach((t, i) => {
      const boxAddresses = byRange(own[i]?.addresses ?? '');
      for (const run of byName[i]?.values() ?? []) {
        if (!run.first) continue;
        const sels = t.selectors.filter((_, k) => byName[i]?.get(k)?.name === run.name);
        const side = (which: 'local' | 'remote', object: string) => {
          const ranges = unique(sels.map((s) => s[which]));
          const members = ranges.map((r) => address(w, r, defined, pre, boxAddresses));
          if (members.length === 1 && members[0] === object) return;
          const key = `group ${members.join(' ')}`;
          if (defined.has(object)) return;
          defined.set(object, key);
          const out = run.byName.six ? groups.v6 : groups.v4;
          out.push(`    edit ${q(object)}`, `        set member ${members.map(q).join(' ')}`, '    next');
        };
        side('local', run.byName.src);
        side('remote', run.byName.dst);
      }
    });
    for (const [table, lines] of [['firewall address', pre.v4], ['firewall address6', pre.v6], ['firewall addrgrp', groups.v4], ['firewall addrgrp6', groups.v6]] as const) {
      if (lines.length === 0) continue;
      w.line(`config ${table}`);
      lines.forEach((l) => w.line(l));
      w.line('end');
    }

    // Phase 2: one per selector, or the box's by name for the selectors it stands for.
    w.line('config vpn ipsec phase2-interface');
    ctx.tunnels.forEach((t, i) => {
      const name = (p1[i] as { name: string }).name;
      const plan = plans[i];
      if (!plan) return;
      const boxP2 = new Map(listEntries(own[i]?.phase2Interfaces ?? '').map((e) => [e.key, e.value]));
      t.selectors.forEach((s, at) => {
        if (s.local.family !== s.remote.family) {
          w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; a phase 2 cannot, left out`, { tunnel: t.tunnel.name });
          return;
        }
        // src-port and dst-port are one port each (0: any): a range cannot be written, and its
        // first port alone would negotiate another selector than the peer's.
        if (s.protocol !== 0 && (isPortRange(s.localPort) || isPortRange(s.remotePort))) {
          w.warn('PORT_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has a port range; a FortiOS phase 2 takes one port per side (src-port, dst-port), so this phase 2 is left out: use one proxy ID per port, or any port`, { tunnel: t.tunnel.name });
          return;
        }
        // A port with protocol any cannot be written (src-port/dst-port need a protocol);
        // without it the phase 2 would negotiate a wider selector than the peer's.
        if (s.protocol === 0 && (s.localPort || s.remotePort)) {
          w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names a port with protocol any; FortiOS takes ports only with a protocol, so this phase 2 is left out: name the protocol, or use any port`, { tunnel: t.tunnel.name });
          return;
        }
        const named = byName[i]?.get(at);
        if (named) {
          if (named.first) phase2(w, t, name, named.name, s, plan, named.byName);
          return;
        }
        // The box's phase 2 at this selector's place, edited in place by the corrected configuration.
        const box = boxP2.get(String(at + 1));
        const p2 = box !== undefined && !p2names.has(box) ? box : safeName(t.selectors.length === 1 ? name : `${name}-${s.index}`, PHASE2_MAX, p2names).name;
        p2names.add(p2);
        phase2(w, t, name, p2, s, plan);
      });
    });
    w.line('end');

    // Addresses and policies, both directions.
    const policies: { name: string; id: number; src: string; dst: string; srcaddr: string[]; dstaddr: string[]; v6: boolean }[] = [];
    // The box's policies keep their names and IDs: the corrected configuration edits them, by
    // their own numbers. A name or ID another policy of this file has taken is the exporter's / 0.
    const policyNames = new Set<string>();
    const policyIds = new Set<number>();
    const policyOf = (box: string, boxId: number, derived: string): { name: string; id: number } => {
      const name = box !== '' && !policyNames.has(box) ? box : derived;
      policyNames.add(name);
      const id = boxId > 0 && !policyIds.has(boxId) ? boxId : 0;
      if (id > 0) policyIds.add(id);
      return { name, id };
    };
    ctx.tunnels.forEach((t, i) => {
      if (!plans[i]) return;
      const name = (p1[i] as { name: string }).name;
      const o = own[i] as FortigateEndOptions;
      const boxAddresses = byRange(o.addresses);
      const pa = policyAddresses(ctx, t);
      for (const v6 of [false, true]) {
        const l = pa.local.filter((r) => (r.family === 6) === v6).map((r) => address(w, r, defined, addrs, boxAddresses));
        const r = pa.remote.filter((x) => (x.family === 6) === v6).map((x) => address(w, x, defined, addrs, boxAddresses));
        if (l.length === 0 || r.length === 0) continue;
        // The box's policy is the one each way; a second family's pair gets the exporter's names.
        const out = v6 ? { name: `${name}-out6`, id: 0 } : policyOf(o.policyOut, o.policyOutId, `${name}-out`);
        const back = v6 ? { name: `${name}-in6`, id: 0 } : policyOf(o.policyIn, o.policyInId, `${name}-in`);
        policies.push({ ...out, src: ctx.insideInterface, dst: name, srcaddr: l, dstaddr: r, v6 });
        policies.push({ ...back, src: name, dst: ctx.insideInterface, srcaddr: r, dstaddr: l, v6 });
      }
    });
    if (addrs.v4.length) {
      w.line('config firewall address');
      addrs.v4.forEach((l) => w.line(l));
      w.line('end');
    }
    if (addrs.v6.length) {
      w.line('config firewall address6');
      addrs.v6.forEach((l) => w.line(l));
      w.line('end');
    }
    if (policies.length) {
      w.line('config firewall policy');
      for (const p of policies) {
        w.line(`    edit ${p.id}`);
        w.line(`        set name ${q(p.name)}`);
        w.line(`        set srcintf ${q(p.src)}`);
        w.line(`        set dstintf ${q(p.dst)}`);
        w.line(`        set ${p.v6 ? 'srcaddr6' : 'srcaddr'} ${p.srcaddr.map(q).join(' ')}`);
        w.line(`        set ${p.v6 ? 'dstaddr6' : 'dstaddr'} ${p.dstaddr.map(q).join(' ')}`);
        w.line('        set action accept');
        w.line('        set schedule "always"');
        w.line('        set service "ALL"');
        w.line('        set nat disable');
        w.line('    next');
      }
      w.line('end');
    }

    // Static routes to each tunnel interface.
    // A route the box has keeps its sequence number (recorded by destination); a new one is edit 0.
    const seqs = new Set<string>();
    const routes = ctx.tunnels.flatMap((t, i) => {
      if (!plans[i]) return [];
      const box = byRange(own[i]?.staticRoutes ?? '');
      return t.routes.map((r) => {
        const range = parseAddressSpec(r);
        const seq = range.ok ? box.get(rangeKey(range.value)) : undefined;
        const edit = seq !== undefined && !seqs.has(`${r.includes(':') ? 6 : 4} ${seq}`) ? seq : '0';
        if (edit !== '0') seqs.add(`${r.includes(':') ? 6 : 4} ${edit}`);
        return { r, dev: (p1[i] as { name: string }).name, t, edit };
      });
    });
    for (const [i, t] of ctx.tunnels.entries()) if (plans[i] && t.routesDerived && t.routes.length > 0) w.warn('ROUTES_DERIVED', `the design has no route to the tunnel; routes written for ${t.routes.join(', ')}`, { tunnel: t.tunnel.name, line: w.current + 1, silentInFile: true });
    const v4 = routes.filter((x) => !x.r.includes(':'));
    const v6 = routes.filter((x) => x.r.includes(':'));
    const inner4 = inner.routes.filter((r) => !r.destination.includes(':'));
    const inner6 = inner.routes.filter((r) => r.destination.includes(':'));
    if (v4.length || inner4.length) {
      w.line('config router static');
      for (const { r, dev, edit } of v4) {
        const [ip, len] = r.split('/');
        w.line(`    edit ${edit}`);
        w.line(`        set dst ${ip} ${prefixMask(Number(len))}`);
        w.line(`        set device ${q(dev)}`);
        w.line('    next');
      }
      for (const r of inner4) {
        const [ip, len] = routePrefix(r).split('/');
        w.line('    edit 0');
        w.line(`        set dst ${ip} ${prefixMask(Number(len))}`);
        w.line(`        set gateway ${r.nextHop as string}`);
        w.line(`        set device ${q(r.interface)}`);
        w.line('    next');
      }
      w.line('end');
    }
    if (v6.length || inner6.length) {
      w.line('config router static6');
      for (const { r, dev, edit } of v6) {
        w.line(`    edit ${edit}`);
        w.line(`        set dst ${r}`);
        w.line(`        set device ${q(dev)}`);
        w.line('    next');
      }
      for (const r of inner6) {
        w.line('    edit 0');
        w.line(`        set dst ${routePrefix(r)}`);
        w.line(`        set gateway ${r.nextHop as string}`);
        w.line(`        set device ${q(r.interface)}`);
        w.line('    next');
      }
      w.line('end');
    }
    return [{ name: file, content: w.text() }];
  },
};

function prefixMask(len: number): string {
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
}
