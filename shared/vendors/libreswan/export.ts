// Libreswan `ipsec.conf` conn sections (one conn per proxy ID) and the matching `ipsec.secrets`.
// Follows: Libreswan ipsec.conf(5) and ipsec.secrets(5) for 4.x (left/right, leftsubnet,
// leftprotoport, leftid, authby=secret, ikev2=, ike=, esp=, pfs=, ikelifetime=, salifetime=,
// narrowing=, auto=), checked with Libreswan 4.10's own `addconn --checkconfig` and `algparse` in the tests.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import type { AddressRange } from '../../net/address';
import { cidr, isPortRange, isPrefix, protocolName, rangeToPrefixes, type PortRange } from '../kit/export/addresses';
import { commonEndChecks, header, isAead, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { hasControl, HOLDS, quoted, refused, type Quoted } from '../kit/export/values';
import { capabilities } from './capabilities';
import { configFile as confFormat, secretsFile as secretsFormat } from './grammar';
import { libreswanOptionsOf } from './options';

const LABEL = 'Libreswan 4.x';
const REFERENCE = 'Libreswan ipsec.conf(5) and ipsec.secrets(5), 4.x (libreswan.org/man/ipsec.conf.5.html)';

const ENC: Partial<Record<Encryption, string>> = { '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', aes128gcm16: 'aes_gcm128', aes256gcm16: 'aes_gcm256', chacha20poly1305: 'chacha20_poly1305', null: 'null' };
const INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha2_256', sha384: 'sha2_384', sha512: 'sha2_512' };
/** DH groups Libreswan 4.10 (Debian 12) accepts: modp768/modp1024 and group 24 are refused by its algparse. */
const DH: Partial<Record<DhGroup, string>> = { 5: 'modp1536', 14: 'modp2048', 15: 'modp3072', 16: 'modp4096', 17: 'modp6144', 18: 'modp8192', 19: 'dh19', 20: 'dh20', 21: 'dh21', 31: 'dh31' };

/** Elliptic-curve groups Libreswan 4.10 refuses for IKEv1 PFS. */
const V1_ECP: ReadonlySet<DhGroup> = new Set<DhGroup>([19, 20, 21, 31]);

/**
 * The identity in Libreswan's notation (ipsec.conf(5) leftid=), before quoting, as atoid() reads
 * it (lib/libswan/id.c, v4.10): `@name` is an FQDN, `name@domain` (no leading '@') an e-mail
 * address, `@[text]` a key ID given as text (`@#` would read it as hex), a value with '=' a DN,
 * so another identity holding '=' cannot be written.
 */
function identity(id: { type: string; value: string }, quote: (text: string, isDn: boolean) => Quoted): Quoted {
  const v = id.value;
  if (id.type !== 'dn' && v.includes('=')) return refused('an "=", which Libreswan reads as a distinguished name');
  switch (id.type) {
    case 'fqdn': return quote(`@${v}`, false);
    case 'key-id': return quote(`@[${v}]`, false);
    case 'dn': return quote(v, true);
    default: return quote(v, false);
  }
}

/**
 * An ipsec.conf value: a bare word, or "…" when it holds a space or a brace. Libreswan's
 * ipsec.conf lexer takes `"[^"\n]*"`, `{[^"\n]*}` or `[^" \t\n]+` and has no escape
 * (lib/libipsecconf/parser.lex, 4.10), so a double quote cannot be written; Libreswan matches '*'
 * in a DN as a wildcard (ipsec.conf(5), rightid=), so a DN with one would accept other peers.
 */
function confValue(value: string, isDn: boolean): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (value.includes('"')) return refused(HOLDS.doubleQuote);
  if (isDn && value.includes('*')) return refused('an asterisk (*), which Libreswan matches as a wildcard in a DN');
  return quoted(!isDn && /^[^\s{}#']+$/u.test(value) ? value : `"${value}"`);
}

/**
 * An ipsec.secrets token: a bare word, or in double quotes, or in single quotes when it holds a
 * double quote. The secrets lexer splits at blanks, reads '#' before a token as a comment, ends a
 * quoted token at the next quote of the same kind with no escape, and splits a trailing ':' off a
 * bare token (lib/libswan/lex.c, 4.10); a quoted PSK is taken literally, a bare one as ttodata
 * (hex or base64: lib/libswan/secrets.c), so keys are always quoted.
 */
function secretsToken(value: string, alwaysQuote: boolean): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (!alwaysQuote && /^[^\s"'`#][^\s"'`]*$/u.test(value) && !value.endsWith(':')) return quoted(value);
  if (!value.includes('"')) return quoted(`"${value}"`);
  if (!value.includes("'")) return quoted(`'${value}'`);
  return refused(HOLDS.bothQuotes);
}

function algorithms(w: ConfigWriter, t: TunnelView, kind: 'ike' | 'esp'): string[] {
  const tn = t.tunnel.name;
  const out: string[] = [];
  const ps = kind === 'ike' ? t.me.ike.proposals : t.me.esp.proposals;
  const warned = new Set<string>();
  const warnOnce = (code: 'ALGORITHM_UNSUPPORTED' | 'DH_GROUP_UNSUPPORTED', what: string) => {
    if (warned.has(what)) return;
    warned.add(what);
    w.warn(code, `${what} is not available on ${LABEL}; left out`, { tunnel: tn });
  };
  // Libreswan 4.10 (its algparse) takes one PFS group per esp= list ("more than one IKEv1 ESP DH
  // algorithm is not allowed in quick mode"; IKEv2 "requires unimplemented CHILD_SA INVALID_KE"),
  // and for IKEv1 only MODP groups ("ESP DH algorithm 'dh19' is not supported by IKEv1").
  const pfsOk = (g: DhGroup) => DH[g] !== undefined && !(kind === 'esp' && t.me.ikeVersion === 1 && V1_ECP.has(g));
  const pfsGroups = [...new Set(ps.flatMap((p) => p.dhGroups))];
  const onlyPfs = kind === 'esp' && pfsGroups.length > 1 ? pfsGroups.find(pfsOk) : undefined;
  if (onlyPfs !== undefined) w.warn('SETTING_UNSUPPORTED', `Libreswan takes one PFS group for child SAs: group ${onlyPfs} written, ${pfsGroups.filter((g) => g !== onlyPfs).join(', ')} left out`, { tunnel: tn });
  for (const p of ps) {
    const dhGroups = onlyPfs === undefined ? p.dhGroups : p.dhGroups.length > 0 ? [onlyPfs] : [];
    const groups: (string | undefined)[] = dhGroups.length === 0 ? [undefined] : dhGroups.map((g) => {
      const d = pfsOk(g) ? DH[g] : undefined;
      if (!d) warnOnce('DH_GROUP_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'PFS'} DH group ${g}`);
      return d;
    }).filter((x) => x !== undefined);
    for (const e of p.encryption) {
      // Libreswan 4.10's algparse: no AEAD cipher for IKEv1's IKE SA, no ChaCha20-Poly1305 in IKEv1 at all.
      const v1Refuses = t.me.ikeVersion === 1 && ((kind === 'ike' && isAead(e)) || e === 'chacha20poly1305');
      const enc = v1Refuses ? undefined : ENC[e];
      if (!enc || (kind === 'ike' && e === 'null')) {
        warnOnce('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'ESP'} encryption ${e}`);
        continue;
      }
      const ints = isAead(e) ? (kind === 'ike' ? p.integrity.filter((i) => i !== 'none').map((i) => INT[i]).filter((x): x is string => !!x) : ['null']) : p.integrity.map((i) => {
        const x = INT[i];
        if (!x) warnOnce('ALGORITHM_UNSUPPORTED', `${kind === 'ike' ? 'IKE' : 'ESP'} integrity ${i}`);
        return x;
      }).filter((x): x is string => !!x);
      // algparse 4.10: "non-AEAD ESP encryption algorithm AES_CBC cannot have 'NONE' as the integrity algorithm".
      if (kind === 'esp' && !isAead(e) && ints.length === 0) {
        warnOnce('ALGORITHM_UNSUPPORTED', `ESP encryption ${e} without an integrity algorithm`);
        continue;
      }
      for (const i of ints.length ? ints : ['sha2_256']) {
        for (const g of groups) out.push([enc, i, g].filter(Boolean).join('-'));
      }
    }
  }
  return [...new Set(out)];
}

function protoport(protocol: number, p: PortRange | undefined): string | undefined {
  // Protocol 0 (any) takes no port in Libreswan; the exporter warns where a port is dropped.
  if (protocol === 0) return undefined;
  return `${protocolName(protocol)}/${p ? p.from : '%any'}`;
}

/** The lifetimes written: the design's, each cut to the range Libreswan takes (./capabilities.ts) with a warning. */
interface Lifetimes {
  ike: number;
  sa: number;
}

function lifetimes(w: ConfigWriter, ctx: GatewayContext, t: TunnelView): Lifetimes {
  const limits = capabilities.valueLimits?.(ctx.gateway) ?? {};
  const fit = (value: number, setting: 'ikeLifetimeSeconds' | 'espLifetimeSeconds', key: string, what: string) => {
    const limit = limits[setting];
    if (!limit || (value >= limit.min && value <= limit.max)) return value;
    const used = Math.min(Math.max(value, limit.min), limit.max);
    w.warn('LIFETIME_ADJUSTED', `the ${what} lifetime of ${value} s is outside what ${LABEL} takes (${limit.statement}; ${limit.source}): ${key}=${used}s written, which pluto would use anyway; set ${used} s in the design so the peer's lifetime is chosen knowing it`, { tunnel: t.tunnel.name });
    return used;
  };
  return { ike: fit(t.me.ike.lifetimeSeconds, 'ikeLifetimeSeconds', 'ikelifetime', 'IKE SA'), sa: fit(t.me.esp.lifetimeSeconds, 'espLifetimeSeconds', 'salifetime', 'IPsec SA') };
}

/**
 * The conn's name: ipsec.conf(5) "Names must start with a letter and may contain only letters,
 * digits, periods, underscores, and hyphens", and Libreswan 4.10's lexer reads a name of digits
 * only as a number, so `addconn --checkconfig` refuses the file ("syntax error [2024]"). A name
 * that does not start with a letter gets "t-" before it.
 */
function connName(tunnel: string, taken: Set<string>): string {
  const safe = safeName(tunnel, 48).name;
  return safeName(/^[A-Za-z]/u.test(safe) ? safe : `t-${safe}`, 48, taken).name;
}

interface Ids {
  leftid?: string;
  rightid?: string;
}

function conn(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, name: string, l: AddressRange, r: AddressRange, protocol: number, lp: PortRange | undefined, rp: PortRange | undefined, ike: string[], esp: string[], ids: Ids, life: Lifetimes): void {
  w.line(`conn ${name}`);
  w.line(`    ikev2=${t.me.ikeVersion === 2 ? 'yes' : 'no'}`);
  w.line(`    left=${t.localAddress ?? '%defaultroute'}`);
  if (ids.leftid) w.line(`    leftid=${ids.leftid}`);
  w.line(`    leftsubnet=${cidr(l)}`);
  const lpp = protoport(protocol, lp);
  if (lpp) w.line(`    leftprotoport=${lpp}`);
  w.line(`    right=${t.peerAddress ?? '%any'}`);
  if (ids.rightid) w.line(`    rightid=${ids.rightid}`);
  w.line(`    rightsubnet=${cidr(r)}`);
  const rpp = protoport(protocol, rp);
  if (rpp) w.line(`    rightprotoport=${rpp}`);
  w.line(`    authby=${t.me.auth.method === 'psk' ? 'secret' : 'rsasig'}`);
  if (ike.length) w.line(`    ike=${ike.join(',')}`);
  if (esp.length) w.line(`    esp=${esp.join(',')}`);
  w.line(`    pfs=${t.me.esp.proposals.some((p) => p.dhGroups.length > 0) ? 'yes' : 'no'}`);
  if (libreswanOptionsOf(t.me).narrowing) w.line('    narrowing=yes');
  w.line(`    ikelifetime=${life.ike}s`);
  w.line(`    salifetime=${life.sa}s`);
  // ipsec.conf(5) ipsec-max-bytes=: the hard limit of each key of the IPsec SA, local (IKE does
  // not negotiate it), as the design's kilobyte lifetime is on the products that have one.
  if (t.me.esp.lifetimeKilobytes) w.line(`    ipsec-max-bytes=${t.me.esp.lifetimeKilobytes}KiB`);
  if (t.me.ikeVersion === 1 && t.me.exchangeMode === 'aggressive') w.line('    aggressive=yes');
  if (t.me.dpd.enabled) {
    w.line(`    dpddelay=${t.me.dpd.intervalSeconds}s`);
    w.line(`    dpdtimeout=${t.me.dpd.intervalSeconds * 3}s`);
  }
  if (!t.me.natTraversal) w.line('    encapsulation=no');
  w.line(`    type=${t.me.esp.mode}`);
  if (ctx.gateway.vpnType === 'route-based') w.line(`    ipsec-interface=${ctx.tunnels.indexOf(t) + 1}`);
  w.line(`    auto=${t.initiates ? 'start' : 'add'}`);
  w.blank();
}

export const libreswanExporter: VendorExporter = {
  vendor: 'libreswan',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${confFormat.suffix}`;
    const secretsFile = `${fileStem(ctx.gateway.name)}${secretsFormat.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, confFormat.comment, ctx.warnings);
    const sw = new ConfigWriter(ctx.gateway.name, secretsFile, secretsFormat.comment, ctx.warnings);
    header(w, ctx, 'Libreswan', REFERENCE, ['Install as /etc/ipsec.d/<name>.conf, the secrets as /etc/ipsec.d/<name>.secrets (mode 600).']);
    header(sw, ctx, 'Libreswan', REFERENCE, [], false);
    const names = new Set<string>();
    const secrets = new Map<string, { tunnel: string; key: string }>();
    w.line('config setup');
    w.line('    logfile=/var/log/pluto.log');
    // Libreswan 4.10 pluto refuses an IKEv1 conn unless the global policy accepts IKEv1: "failed to
    // add IKEv1 connection: global ikev1-policy does not allow IKEv1 connections" (the real daemon,
    // test/oracle/import-real-configs.test.ts).
    if (ctx.tunnels.some((t) => t.me.ikeVersion === 1)) w.line('    ikev1-policy=accept');
    w.blank();
    for (const t of ctx.tunnels) {
      const tn = t.tunnel.name;
      w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
      commonEndChecks(w, t);
      let ike = algorithms(w, t, 'ike');
      // Aggressive Mode sends its KE in the first message: one DH group only (ipsec.conf(5), aggressive=).
      if (t.me.ikeVersion === 1 && t.me.exchangeMode === 'aggressive') {
        const groupOf = (a: string) => a.split('-').at(-1) ?? '';
        const groups = [...new Set(ike.map(groupOf))];
        if (groups.length > 1) {
          w.warn('SETTING_UNSUPPORTED', `IKEv1 Aggressive Mode offers one DH group: ${groups[0]} kept, ${groups.slice(1).join(', ')} left out`, { tunnel: tn });
          ike = ike.filter((a) => groupOf(a) === groups[0]);
        }
      }
      const esp = algorithms(w, t, 'esp');
      // Without ike= or esp= pluto would offer its own defaults, algorithms the design did not choose.
      const none = [ike.length === 0 ? 'IKE' : '', esp.length === 0 ? 'ESP' : ''].filter(Boolean);
      if (none.length > 0) {
        w.warn('VALUE_UNSUPPORTED', `no ${none.join(' or ')} proposal of the design is available on ${LABEL}, and without ${none.map((x) => `${x.toLowerCase()}=`).join(' or ')} pluto would offer its own defaults: this tunnel is not written; add a proposal Libreswan has`, { tunnel: tn });
        continue;
      }
      // The identities and the key, quoted for ipsec.conf and ipsec.secrets: a tunnel one of them
      // cannot be written for is left out whole (a conn without its leftid would authenticate as
      // its address; a secret without its identities would be offered to other peers).
      const localId = t.me.auth.localId;
      const remoteId = t.me.auth.remoteId;
      const checks: [string, Quoted | undefined][] = [
        ['the local identity', localId ? identity(localId, confValue) : undefined],
        ['the remote identity', remoteId ? identity(remoteId, confValue) : undefined],
        ['the local identity (ipsec.secrets)', localId ? identity(localId, secretsToken) : undefined],
        ['the remote identity (ipsec.secrets)', remoteId ? identity(remoteId, secretsToken) : undefined],
        ['the pre-shared key', t.me.auth.method === 'psk' ? secretsToken(t.psk, true) : undefined],
      ];
      const bad = checks.filter((c): c is [string, Quoted & { ok: false }] => c[1] !== undefined && !c[1].ok);
      if (bad.length > 0) {
        for (const [field, q] of bad) w.warn('VALUE_UNSUPPORTED', `${field} holds ${q.why}; ${LABEL} cannot take that, so this tunnel is not written: change it, or write the conn and its secret by hand`, { tunnel: tn });
        continue;
      }
      const text = (i: number) => {
        const q = checks[i]?.[1];
        return q?.ok ? q.text : undefined;
      };
      // An address is a token too: an IPv6 one ending in "::" would lose its last ':' bare.
      const address = (x: string | undefined) => {
        const q = secretsToken(x ?? '%any', false);
        return q.ok ? q.text : '%any';
      };
      const indices = `${text(2) ?? address(t.localAddress)} ${text(3) ?? address(t.peerAddress)}`;
      if (t.me.auth.method === 'psk') {
        // pluto picks a tunnel's key by the identities of its ends: two records with the same
        // indices must "agree about the secret" (ipsec.secrets(5)). A second tunnel between the
        // same identities with another key would authenticate with the first tunnel's.
        const earlier = secrets.get(indices);
        if (earlier && earlier.key !== t.me.auth.psk) {
          w.warn('VALUE_UNSUPPORTED', `its pre-shared key differs from tunnel "${earlier.tunnel}"'s, and both are looked up in ipsec.secrets by the same identities (${indices}), so pluto would use one key for both: this tunnel is not written; give one of the two tunnels its own local or remote identity, or the same key`, { tunnel: tn });
          continue;
        }
      }
      const ids: Ids = { ...(text(0) ? { leftid: text(0) } : {}), ...(text(1) ? { rightid: text(1) } : {}) };
      const life = lifetimes(w, ctx, t);
      const base = connName(tn, names);
      let n = 0;
      const total = t.selectors.reduce((acc, s) => acc + rangeToPrefixes(s.local).length * rangeToPrefixes(s.remote).length, 0);
      let written = 0;
      for (const s of t.selectors) {
        if (s.local.family !== s.remote.family) {
          w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; a conn cannot, left out`, { tunnel: tn });
          continue;
        }
        const ls = rangeToPrefixes(s.local);
        const rs = rangeToPrefixes(s.remote);
        if (!isPrefix(s.local) || !isPrefix(s.remote)) w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; leftsubnet/rightsubnet take prefixes, written as ${ls.length * rs.length} conns (each its own SA)`, { tunnel: tn });
        if (s.protocol === 0 && (s.localPort || s.remotePort)) w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names a port without a protocol; Libreswan takes a port only with a protocol ("protocol 0 must have 0 port"), written without the port`, { tunnel: tn, line: w.current + 1 });
        if (isPortRange(s.localPort) || isPortRange(s.remotePort)) w.warn('PORT_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has a port range; leftprotoport/rightprotoport take one port, the first port of the range is written`, { tunnel: tn, line: w.current + 1 });
        for (const l of ls) for (const r of rs) conn(w, ctx, t, total === 1 ? base : `${base}-${++n}`, l, r, s.protocol, s.localPort, s.remotePort, ike, esp, ids, life);
        written++;
      }
      if (written === 0) {
        w.warn('VALUE_UNSUPPORTED', 'no proxy ID of this tunnel can be written as a conn (each mixes IPv4 and IPv6): the tunnel is not written; give it proxy IDs of one address family each', { tunnel: tn });
        continue;
      }
      // One record per pair of identities: a tunnel with the same ones and the same key shares it.
      if (t.me.auth.method === 'psk' && !secrets.has(indices)) {
        secrets.set(indices, { tunnel: tn, key: t.me.auth.psk });
        sw.line(`${indices} : PSK ${text(4) ?? ''}`);
      }
      if (ctx.gateway.vpnType === 'route-based') {
        if (t.routes.length > 0) w.warn('ROUTES_MANUAL', `ipsec.conf holds no routes: add ${t.routes.join(', ')} to the kernel's routing table through ipsec${ctx.tunnels.indexOf(t) + 1} (the commands follow)`, { tunnel: tn });
        w.comment(`route-based (ipsec-interface=${ctx.tunnels.indexOf(t) + 1}): add the routes, e.g.`);
        for (const r of t.routes) w.comment(`  ip route add ${r} dev ipsec${ctx.tunnels.indexOf(t) + 1}`);
        w.blank();
      }
      if (t.me.monitor.enabled) w.warn('MONITOR_UNSUPPORTED', 'Libreswan has no tunnel monitor of its own (DPD is written); monitor settings left out', { tunnel: tn });
    }
    return [{ name: file, content: w.text() }, { name: secretsFile, content: sw.text() }];
  },
};
