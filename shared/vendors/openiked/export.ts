// OpenIKED `iked.conf`: one `ikev2` policy per child (a named group of proxy IDs, or one unnamed
// proxy ID), each on one line. Follows: iked.conf(5), OpenBSD 7.2 manual ("IKEV2 POLICIES",
// "CRYPTO TRANSFORMS": `ikev2 "name" active|passive esp proto P from A port X to B port Y local L
// peer R ikesa enc … auth … prf … group … childsa enc … auth … group … srcid … dstid … ikelifetime
// … lifetime … bytes … psk "…"`); checked with OpenIKED 7.2's own `iked -n` in
// test/oracle/export-openiked.test.ts.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import type { AddressRange } from '../../net/address';
import { cidr, isPortRange, isPrefix, protocolName, rangeToPrefixes, type PortRange, type Selector } from '../kit/export/addresses';
import { commonEndChecks, DH_NAMES, header, isAead, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { hasControl, HOLDS, quoted, refused, type Quoted } from '../kit/export/values';
import { capabilities, CONFIG_SYNTAX } from './capabilities';
import { configFile } from './grammar';

const LABEL = 'OpenIKED 7.2';
const REFERENCE = CONFIG_SYNTAX;

/** iked.conf(5) "CRYPTO TRANSFORMS", enc: IKE (`ikesa`) and ESP (`childsa`) names. */
const ENC: Partial<Record<Encryption, { ike?: string; esp?: string }>> = {
  '3des': { ike: '3des', esp: '3des' },
  aes128: { ike: 'aes-128', esp: 'aes-128' },
  aes192: { ike: 'aes-192', esp: 'aes-192' },
  aes256: { ike: 'aes-256', esp: 'aes-256' },
  aes128gcm16: { ike: 'aes-128-gcm', esp: 'aes-128-gcm' },
  aes256gcm16: { ike: 'aes-256-gcm', esp: 'aes-256-gcm' },
  chacha20poly1305: { esp: 'chacha20-poly1305' },
  null: { esp: 'null' },
};
const INT: Partial<Record<Integrity, string>> = { md5: 'hmac-md5', sha1: 'hmac-sha1', sha256: 'hmac-sha2-256', sha384: 'hmac-sha2-384', sha512: 'hmac-sha2-512' };
/** iked.conf(5) group table: groups 24 and 32 are not in it. */
const GROUP: Partial<Record<DhGroup, string>> = Object.fromEntries(Object.entries(DH_NAMES).filter(([g]) => g !== '24' && g !== '32'));

/** What the product cannot take in ESP (./capabilities.ts: the Linux build drops AEAD ESP proposals). */
const ESP_REFUSED: ReadonlySet<string> = new Set(capabilities.algorithmLimits.filter((l) => l.phase === 'esp' && l.kind === 'encryption' && l.ikeVersion !== 1).flatMap((l) => l.unsupported.map(String)));

/**
 * A quoted iked.conf string: parse.y's lexer ends a quoted string at the next unescaped quote and
 * reads `\"` and `\\` as the character; a line break cannot be written. Macros are not expanded
 * inside quotes.
 */
function quote(value: string): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  return quoted(`"${value.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`);
}

/**
 * An identity as srcid/dstid: iked.conf(5) takes the type from the string (an e-mail address is
 * UFQDN, a leading '/' an ASN1_DN, an IP address IPV4/IPV6, anything else an FQDN), so an
 * identity that would read as another type, or a key ID, cannot be written.
 */
function identity(id: { type: string; value: string }): Quoted {
  const v = id.value;
  const looksIp = /^[0-9.]+$/u.test(v) || (v.includes(':') && /^[0-9A-Fa-f:.]+$/u.test(v));
  switch (id.type) {
    case 'address': return looksIp ? quote(v) : refused('a value that is not an IP address, which iked would read as an FQDN');
    case 'user-fqdn': return v.includes('@') ? quote(v) : refused('no "@", which iked needs to read it as an e-mail address');
    case 'fqdn': return v.includes('@') || v.startsWith('/') || looksIp ? refused('an "@", a leading "/" or an address form, which iked would read as another identity type') : quote(v);
    case 'dn': {
      if (v.startsWith('/')) return quote(v);
      const parts = v.split(/\s*,\s*/u);
      if (parts.some((p) => p.includes('/') || !p.includes('='))) return refused('a "/" or a part without "=", which the /C=…/CN=… form iked reads cannot hold');
      return quote(`/${parts.join('/')}`);
    }
    default: return refused('a key ID, which iked.conf has no srcid form for');
  }
}

/**
 * iked.conf cannot mix AEAD and other ciphers in one proposal (parse.y: "cannot mix encryption
 * transforms with implicit and non-implicit authentication"): a design proposal holding both is
 * written as two, its AEAD ciphers first.
 */
function splitAead(encs: readonly Encryption[]): Encryption[][] {
  return [encs.filter(isAead), encs.filter((e) => !isAead(e))].filter((g) => g.length > 0);
}

function ikeProposals(w: ConfigWriter, t: TunnelView): string[] {
  const out: string[] = [];
  for (const p of t.me.ike.proposals) {
    const supported = p.encryption.filter((e) => {
      if (ENC[e]?.ike) return true;
      w.warn('ALGORITHM_UNSUPPORTED', `IKE encryption ${e} is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
      return false;
    });
    const ints = p.integrity.map((i) => INT[i]).filter((x): x is string => x !== undefined);
    const prfs = ints.length > 0 ? ints : ['hmac-sha2-256'];
    const groups = p.dhGroups.map((g) => {
      const x = GROUP[g];
      if (!x) w.warn('DH_GROUP_UNSUPPORTED', `IKE DH group ${g} is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
      return x;
    }).filter((x): x is string => x !== undefined);
    if (groups.length === 0) continue;
    for (const encs of splitAead(supported)) {
      const aead = encs.every(isAead);
      if (!aead && ints.length === 0) continue;
      out.push([`ikesa enc ${encs.map((e) => ENC[e]?.ike).join(' enc ')}`, aead ? '' : `auth ${ints.join(' auth ')}`, `prf ${prfs.join(' prf ')}`, `group ${groups.join(' group ')}`].filter(Boolean).join(' '));
    }
  }
  return [...new Set(out)];
}

function espProposals(w: ConfigWriter, t: TunnelView): string[] {
  const out: string[] = [];
  for (const p of t.me.esp.proposals) {
    const supported = p.encryption.filter((e) => {
      if (!ESP_REFUSED.has(e) && ENC[e]?.esp) return true;
      w.warn('ALGORITHM_UNSUPPORTED', `ESP encryption ${e} is not available on ${LABEL}${ESP_REFUSED.has(e) ? ' (the portable build on Linux drops AEAD ESP proposals)' : ''}; left out`, { tunnel: t.tunnel.name });
      return false;
    });
    const ints = p.integrity.map((i) => INT[i]).filter((x): x is string => x !== undefined);
    const groups = p.dhGroups.map((g) => {
      const x = GROUP[g];
      if (!x) w.warn('DH_GROUP_UNSUPPORTED', `PFS DH group ${g} is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
      return x;
    }).filter((x): x is string => x !== undefined);
    for (const encs of splitAead(supported)) {
      const aead = encs.every(isAead);
      if (!aead && ints.length === 0) {
        w.warn('ALGORITHM_UNSUPPORTED', `ESP encryption ${encs.join(', ')} without an integrity algorithm is not available on ${LABEL}; left out`, { tunnel: t.tunnel.name });
        continue;
      }
      out.push([`childsa enc ${encs.map((e) => ENC[e]?.esp).join(' enc ')}`, aead ? '' : `auth ${ints.join(' auth ')}`, groups.length ? `group ${groups.join(' group ')}` : ''].filter(Boolean).join(' '));
    }
  }
  return [...new Set(out)];
}

/** One `port` of an iked.conf flow: a single port (iked.conf has no port ranges). */
function port(p: PortRange | undefined): string {
  return p ? ` port ${p.from}` : '';
}

/** The children the engine sees for this end: proxy IDs of one non-empty name are one child (one policy). */
function children(t: TunnelView): Selector[][] {
  const out: Selector[][] = [];
  const byName = new Map<string, Selector[]>();
  for (const s of t.selectors) {
    const group = s.name !== '' ? byName.get(s.name) : undefined;
    if (group) group.push(s);
    else {
      const g = [s];
      if (s.name !== '') byName.set(s.name, g);
      out.push(g);
    }
  }
  return out;
}

function policyName(base: string, taken: Set<string>): string {
  return safeName(base, 48, taken).name;
}

export const openikedExporter: VendorExporter = {
  vendor: 'openiked',
  reference: REFERENCE,
  exportGateway(ctx: GatewayContext) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    header(w, ctx, 'OpenIKED', REFERENCE, ['Install as /etc/iked.conf (mode 600, owned by root); check it with `iked -n -f /etc/iked.conf`.']);
    const names = new Set<string>();
    // iked.conf(5) `set dpd_check_interval time`: DPD is global in iked, one interval for every peer.
    const dpd = [...new Set(ctx.tunnels.filter((t) => t.me.dpd.enabled).map((t) => t.me.dpd.intervalSeconds))];
    if (dpd.length > 0) {
      w.line(`set dpd_check_interval ${dpd[0]}`);
      if (dpd.length > 1) w.warn('SETTING_UNSUPPORTED', `iked has one DPD interval for every peer: ${dpd[0]} s written, the tunnels' other intervals (${dpd.slice(1).join(', ')} s) left out`);
      w.blank();
    }
    for (const t of ctx.tunnels) {
      const tn = t.tunnel.name;
      w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv2`);
      commonEndChecks(w, t);
      if (t.me.ikeVersion === 1) w.warn('SETTING_UNSUPPORTED', `${LABEL} runs IKEv2 only: this tunnel is written as IKEv2, and the peer must use IKEv2 too`, { tunnel: tn });
      const ike = ikeProposals(w, t);
      const esp = espProposals(w, t);
      const none = [ike.length === 0 ? 'IKE' : '', esp.length === 0 ? 'ESP' : ''].filter(Boolean);
      if (none.length > 0) {
        w.warn('VALUE_UNSUPPORTED', `no ${none.join(' or ')} proposal of the design is available on ${LABEL}, and without ikesa/childsa iked would offer its own defaults: this tunnel is not written; add a proposal OpenIKED has`, { tunnel: tn });
        continue;
      }
      const localId = t.me.auth.localId ? identity(t.me.auth.localId) : undefined;
      const remoteId = t.me.auth.remoteId ? identity(t.me.auth.remoteId) : undefined;
      const psk = t.me.auth.method === 'psk' ? quote(t.psk) : undefined;
      const checks: [string, Quoted | undefined][] = [['the local identity', localId], ['the remote identity', remoteId], ['the pre-shared key', psk]];
      const bad = checks.filter((c): c is [string, Quoted & { ok: false }] => c[1] !== undefined && !c[1].ok);
      if (bad.length > 0) {
        for (const [field, q] of bad) w.warn('VALUE_UNSUPPORTED', `${field} holds ${q.why}; ${LABEL} cannot take that, so this tunnel is not written: change it, or write the policy by hand`, { tunnel: tn });
        continue;
      }
      const text = (q: Quoted | undefined): string | undefined => (q?.ok ? q.text : undefined);
      const mode = t.initiates ? 'active' : 'passive';
      const tmode = t.me.esp.mode === 'transport' ? 'transport' : 'tunnel';
      const tail = [
        t.localAddress ? `local ${t.localAddress}` : '',
        t.peerAddress ? `peer ${t.peerAddress}` : '',
        ...ike,
        ...esp,
        text(localId) ? `srcid ${text(localId)}` : '',
        text(remoteId) ? `dstid ${text(remoteId)}` : '',
        `ikelifetime ${t.me.ike.lifetimeSeconds}`,
        `lifetime ${t.me.esp.lifetimeSeconds}${t.me.esp.lifetimeKilobytes ? ` bytes ${t.me.esp.lifetimeKilobytes * 1024}` : ''}`,
        psk?.ok ? `psk ${psk.text}` : '',
      ].filter(Boolean).join(' ');
      const groups = children(t);
      const base = /^[A-Za-z]/u.test(tn) ? tn : `t-${tn}`;
      let n = 0;
      let written = 0;
      if (groups.length > 1) w.warn('SETTING_UNSUPPORTED', `${groups.length} policies to the same peer and identities: iked as responder answers every child of the IKE SA with the last of them (policy_lookup matches by addresses and identities only), so the others come up only when this end initiates; give each its own identities, or one policy with all the flows (one proxy ID name)`, { tunnel: tn });
      for (const g of groups) {
        const flows: string[] = [];
        const protocols = new Set(g.map((s) => s.protocol));
        if (protocols.size > 1) w.warn('PROTOCOL_UNSUPPORTED', `proxy IDs "${g[0]?.name ?? ''}" name different protocols; an iked policy has one proto for all its flows: the first one's is written`, { tunnel: tn });
        const protocol = g[0]?.protocol ?? 0;
        for (const s of g) {
          if (s.local.family !== s.remote.family) {
            w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; an iked flow cannot, left out`, { tunnel: tn });
            continue;
          }
          const ls: AddressRange[] = rangeToPrefixes(s.local);
          const rs: AddressRange[] = rangeToPrefixes(s.remote);
          if (!isPrefix(s.local) || !isPrefix(s.remote)) w.warn('ADDRESS_RANGE_SPLIT', `proxy ID ${s.index} "${s.name}" uses an address range; iked.conf flows take prefixes, written as ${ls.length * rs.length} flows of one policy`, { tunnel: tn });
          if (isPortRange(s.localPort) || isPortRange(s.remotePort)) w.warn('PORT_RANGE_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" has a port range; iked.conf takes one port per flow end, the first port of the range is written`, { tunnel: tn });
          const ports = protocol === 6 || protocol === 17;
          if (!ports && (s.localPort || s.remotePort)) w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" names a port without tcp or udp; iked.conf takes ports only with those, written without the port`, { tunnel: tn });
          for (const l of ls) for (const r of rs) flows.push(`from ${cidr(l) ?? 'any'}${ports ? port(s.localPort) : ''} to ${cidr(r) ?? 'any'}${ports ? port(s.remotePort) : ''}`);
        }
        if (flows.length === 0) continue;
        const name = policyName(groups.length === 1 ? base : `${base}-${++n}`, names);
        w.line(['ikev2', `"${name}"`, mode, tmode, 'esp', protocol !== 0 ? `proto ${protocolName(protocol)}` : '', ...flows, tail].filter(Boolean).join(' '));
        written++;
      }
      if (groups.length === 0) {
        // Without proxy IDs the engine proposes 0.0.0.0/0 <-> 0.0.0.0/0 (openiked.default).
        w.warn('DEFAULT_SELECTOR', 'no proxy IDs: written as `from any to any`', { tunnel: tn });
        w.line(['ikev2', `"${policyName(base, names)}"`, mode, tmode, 'esp', 'from any to any', tail].join(' '));
        written++;
      }
      if (written === 0) {
        w.warn('VALUE_UNSUPPORTED', 'no proxy ID of this tunnel can be written as an iked flow (each mixes IPv4 and IPv6): the tunnel is not written', { tunnel: tn });
        continue;
      }
      if (ctx.gateway.vpnType === 'route-based' && t.routes.length > 0) w.warn('ROUTES_MANUAL', `iked installs flows, not routes: ${t.routes.join(', ')} need no route into a tunnel interface, but the flows above must cover them`, { tunnel: tn });
      if (t.me.monitor.enabled) w.warn('MONITOR_UNSUPPORTED', 'OpenIKED has no tunnel monitor of its own; monitor settings left out', { tunnel: tn });
      w.blank();
    }
    return [{ name: file, content: w.text() }];
  },
};
