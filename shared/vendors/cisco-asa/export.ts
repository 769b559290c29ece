// Cisco ASA crypto map configuration (IKEv1 and IKEv2), with the identity NAT exemption each
// tunnel needs so its traffic leaves untranslated.
// Follows: Cisco, "CLI Book 3: Cisco ASA Series VPN CLI Configuration Guide, 9.x", chapters
// "IPsec and ISAKMP" (crypto ikev1/ikev2 policy, transform sets and IPsec proposals, crypto maps)
// and "LAN-to-LAN IPsec VPNs" (tunnel-group type ipsec-l2l, ipsec-attributes), and the NAT
// chapter's identity NAT for VPN (`nat (inside,outside) source static … destination static …
// no-proxy-arp route-lookup`), cisco.com/c/en/us/td/docs/security/asa/asa917/configuration/vpn.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { clip } from '../../model/text';
import { parsePrefix, type AddressRange } from '../../net/address';
import { addressAndMask, addressOf, cidr, firstIp, lastIp, netmask, protocolName, type PortRange, type Selector } from '../kit/export/addresses';
import { allEncryption, allGroups, allIntegrity, commonEndChecks, header, isAead, mapAll, orPlaceholder, warnIfProposalsFlattened, type VendorExporter } from '../kit/export/common';
import { ConfigWriter, fileStem, safeName, type GatewayContext, type TunnelView } from '../kit/export/context';
import { asaInterface, ciscoWord } from '../families/cisco-words';
import { bounded, entrySequences, insideRoutes, interfaceMaps, mapNameOf, pfsGroup, PolicyNumbers, productionWarnings } from '../families/cisco-crypto-map';
import { asaEndOptionsOf, asaOptionsOf, type AsaEndOptions } from './options';
import { refused } from '../kit/export/values';
import { capabilities } from './capabilities';
import { objectName, policyAddresses } from '../kit/export/policy-addresses';
import { valueLine } from '../kit/export/values';
import { configFile } from './grammar';

const LABEL = 'Cisco ASA';
const REFERENCE = 'Cisco ASA Series VPN CLI Configuration Guide 9.x ("IPsec and ISAKMP", "LAN-to-LAN IPsec VPNs") and identity NAT for VPN';

const V1_ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes', aes192: 'aes-192', aes256: 'aes-256' };
const V1_HASH: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha' };
const V1_GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16]);
const V1_TS_ENC: Partial<Record<Encryption, string>> = { des: 'esp-des', '3des': 'esp-3des', aes128: 'esp-aes', aes192: 'esp-aes-192', aes256: 'esp-aes-256', null: 'esp-null' };
// No SHA-2 in an IKEv1 transform set on any ASA release found (capabilities.ts, asa.ikev1-esp-sha2).
const V1_TS_AUTH: Partial<Record<Integrity, string>> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', none: 'esp-none' };
const V2_ENC: Partial<Record<Encryption, string>> = { des: 'des', '3des': '3des', aes128: 'aes', aes192: 'aes-192', aes256: 'aes-256', aes128gcm16: 'aes-gcm', aes256gcm16: 'aes-gcm-256', null: 'null' };
const V2_INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', none: 'null' };
const V2_ESP_INT: Partial<Record<Integrity, string>> = { md5: 'md5', sha1: 'sha-1', sha256: 'sha-256', sha384: 'sha-384', sha512: 'sha-512', none: 'null' };
const V2_GROUPS: ReadonlySet<DhGroup> = new Set<DhGroup>([1, 2, 5, 14, 15, 16, 19, 20, 21, 24, 31]);

/** What a name stands for in the file, so that a box's name is not given two meanings. */
const rangeKey = (r: AddressRange) => `object ${r.family} ${r.from}-${r.to}`;

/**
 * The network object for `r`: the box's own name for that prefix when the imported end recorded
 * one (`own`, by prefix) and the file does not use it for something else, else a derived one.
 */
function object(w: ConfigWriter, r: AddressRange, defined: Map<string, string>, own?: ReadonlyMap<string, string>): string {
  const key = rangeKey(r);
  const boxName = own?.get(cidr(r) ?? '');
  const name = boxName !== undefined && (defined.get(boxName) ?? key) === key ? boxName : objectName(r);
  if (!defined.has(name)) {
    defined.set(name, key);
    w.line(`object network ${name}`);
    if (r.from === r.to) w.line(` host ${firstIp(r)}`);
    else if (cidr(r)) w.line(r.family === 4 ? ` subnet ${firstIp(r)} ${netmask(r)}` : ` subnet ${cidr(r)}`);
    else w.line(` range ${firstIp(r)} ${lastIp(r)}`);
  }
  return name;
}

function group(w: ConfigWriter, name: string, objs: string[], defined: Map<string, string>): string {
  if (objs.length === 1) return objs[0] as string;
  if (!defined.has(name)) {
    defined.set(name, `group ${objs.join(' ')}`);
    w.line(`object-group network ${name}`);
    for (const o of objs) w.line(` network-object object ${o}`);
  }
  return name;
}

function portOp(p: PortRange | undefined): string {
  if (!p) return '';
  return p.from === p.to ? ` eq ${p.from}` : ` range ${p.from} ${p.to}`;
}

function aclLine(w: ConfigWriter, t: TunnelView, acl: string, s: Selector, defined: Map<string, string>, own: ReadonlyMap<string, string>): boolean {
  const tn = t.tunnel.name;
  if (s.local.family !== s.remote.family) {
    w.warn('MIXED_ADDRESS_FAMILIES', `proxy ID ${s.index} "${s.name}" mixes IPv4 and IPv6; a crypto ACL line cannot, left out`, { tunnel: tn });
    return false;
  }
  const any = (r: AddressRange) => r.from === 0n && (r.family === 4 ? r.to === 0xffffffffn : r.to === (1n << 128n) - 1n);
  const l = any(s.local) ? (s.local.family === 4 ? 'any4' : 'any6') : `object ${object(w, s.local, defined, own)}`;
  const r = any(s.remote) ? (s.remote.family === 4 ? 'any4' : 'any6') : `object ${object(w, s.remote, defined, own)}`;
  const tcpUdp = s.protocol === 6 || s.protocol === 17;
  if (!tcpUdp && (s.localPort || s.remotePort)) {
    // Written without its ports the line would protect more than the design says: left out instead.
    w.warn('PORT_UNSUPPORTED', `proxy ID ${s.index} "${s.name}" carries ports or an ICMP type for ${protocolName(s.protocol)}, which this crypto ACL line cannot; left out`, { tunnel: tn });
    return false;
  }
  const proto = s.protocol === 0 ? 'ip' : tcpUdp || s.protocol === 1 ? protocolName(s.protocol) : String(s.protocol);
  w.line(`access-list ${acl} extended permit ${proto} ${l}${tcpUdp ? portOp(s.localPort) : ''} ${r}${tcpUdp ? portOp(s.remotePort) : ''}`);
  if (s.isDefault) w.warn('DEFAULT_SELECTOR', 'the design has no proxy ID on this end: the crypto ACL is any to any, which encrypts everything toward this peer', { tunnel: tn });
  return true;
}

/** "crypto ikev1|ikev2 policy <priority>": 1-65535, at most 20 per IKE version (ASA-CLI-ISAKMP). */
const POLICY_MAX = 65535;
const POLICY_COUNT = 20;
/** Crypto map sequence numbers: 1-65535 (not found for ASA; IOS XE's range assumed). */
const SEQUENCE_MAX = 65535;
const POLICY_DOC = 'Cisco ASA Series CLI Configuration Guide 9.x, "Configuring IPsec and ISAKMP" > Configuring ISAKMP: "IKEv1 and IKEv2 each support a maximum of 20 IKE policies … Assign a unique priority to each policy"';
/** "the alphanumeric key itself (up to 128 characters long)" (ASA CLI guide, IPsec tunnel-group connection parameters). */
const KEY_MAX = 128;

/** An imported end's own NAT exemption (options.ts, natExemption), or undefined when none is recorded. */
function boxExemption(recorded: string): { inside: string; source: { name: string; prefix: string; range: AddressRange }; destination: { name: string; prefix: string; range: AddressRange } } | undefined {
  const [inside, src, dst] = recorded.split(',');
  const part = (text: string | undefined) => {
    const [name, prefix] = (text ?? '').split('=');
    const range = prefix !== undefined ? parsePrefix(prefix) : undefined;
    return name && prefix !== undefined && range?.ok ? { name, prefix, range: range.value } : undefined;
  };
  const [source, destination] = [part(src), part(dst)];
  const ok = inside !== undefined && asaInterface(inside).ok;
  return ok && source && destination ? { inside, source, destination } : undefined;
}

/** What the tunnels of one file share: names taken, objects, ACLs, transform sets and proposals defined, the crypto maps and the policy numbers. */
interface FileState {
  names: Set<string>;
  /** The box's own NAT exemption lines written (tunnels of one box may share one). */
  natLines: Set<string>;
  /** Object and object-group names → what each stands for. */
  defined: Map<string, string>;
  /** Crypto ACLs written. */
  acls: Set<string>;
  /** Transform set and IPsec proposal names → their definition. */
  phase2: Map<string, string>;
  /** The crypto map of an outside interface. */
  mapOf: (outside: string) => string;
  policies: { 1: PolicyNumbers; 2: PolicyNumbers };
}

/**
 * The box's own name (recorded at import) when the file can write it with this meaning: not
 * empty, not already standing for something else in this file; else the derived one.
 */
function ownName(recorded: string, derived: string, taken: (name: string) => boolean): string {
  return recorded !== '' && !taken(recorded) ? recorded : derived;
}

/** The box's object names of an imported end, by the prefix each stands for. */
function ownObjects(o: AsaEndOptions): Map<string, string> {
  const out = new Map<string, string>();
  if (o.localObject !== '' && o.localObjectAddress !== '') out.set(o.localObjectAddress, o.localObject);
  if (o.remoteObject !== '' && o.remoteObjectAddress !== '' && !out.has(o.remoteObjectAddress)) out.set(o.remoteObjectAddress, o.remoteObject);
  return out;
}

function policyNumber(w: ConfigWriter, t: TunnelView, file: FileState, version: 1 | 2, body: string[]): { n: number; fresh: boolean } | undefined {
  const got = file.policies[version].take(body.join('\n'));
  if (!got) w.warn('SETTING_UNSUPPORTED', `no crypto ikev${version} policy number is left (at most ${POLICY_COUNT} policies, priorities up to ${POLICY_MAX}: ${POLICY_DOC}); this policy is left out: offer fewer combinations, or start the numbering lower in the gateway's Cisco settings`, { tunnel: t.tunnel.name });
  return got;
}

/** Writes one tunnel; false when no crypto map entry could be written for it. */
function exportTunnel(w: ConfigWriter, ctx: GatewayContext, t: TunnelView, seq: number, file: FileState): boolean {
  const { names, defined } = file;
  const mapName = file.mapOf(t.outside);
  const own = asaEndOptionsOf(t.me);
  const objects = ownObjects(own);
  const limits = capabilities.valueLimits?.(ctx.gateway) ?? {};
  const tn = t.tunnel.name;
  const nm = safeName(tn, 40, names);
  const name = nm.name;
  const v2 = t.me.ikeVersion === 2;
  w.blank();
  w.comment(`---- tunnel ${tn} to ${t.peerGateway.name} (${t.peerGateway.vendor}), IKEv${t.me.ikeVersion}`);
  commonEndChecks(w, t);
  const outside = asaInterface(t.outside);
  if (!outside.ok) {
    w.warn('VALUE_UNSUPPORTED', `the outside interface name holds ${outside.why}; this tunnel is not written: rename the interface`, { tunnel: tn });
    return false;
  }
  const peer = orPlaceholder(t.peerAddress, 'peer-address');

  // The objects of the box's own exemption first, in its order, so that a reversed ACL does not move them.
  const box = boxExemption(own.natExemption);
  const exemptionObjects = box && [box.source, box.destination].map((o) => object(w, o.range, defined, new Map([[o.prefix, o.name]])));

  // Crypto ACL: one line per selector, each its own SA pair.
  const acl = ownName(own.cryptoAcl, `CRYPTO-${name}`, (n) => file.acls.has(n));
  file.acls.add(acl);
  let aclLines = 0;
  for (const s of t.selectors) if (aclLine(w, t, acl, s, defined, objects)) aclLines++;
  if (aclLines === 0) {
    w.warn('SELECTOR_UNSUPPORTED', 'no crypto ACL line could be written for this tunnel, so no crypto map entry is written either: give it selectors of one address family', { tunnel: tn });
    return false;
  }

  // Phase 1.
  const ikeProps = t.me.ike.proposals;
  const ikeLife = bounded(w, t, limits.ikeLifetimeSeconds, t.me.ike.lifetimeSeconds, 'the IKE SA lifetime');
  if (!v2) {
    w.line(`crypto ikev1 enable ${t.outside}`);
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
            w.warn('ALGORITHM_UNSUPPORTED', `IKEv1 hash ${h} is not available on ${LABEL} (md5 or sha only); left out`, { tunnel: tn });
            continue;
          }
          for (const g of p.dhGroups) {
            if (!V1_GROUPS.has(g)) {
              w.warn('DH_GROUP_UNSUPPORTED', `IKEv1 DH group ${g} is not available on ${LABEL}; left out`, { tunnel: tn });
              continue;
            }
            // One value per parameter per IKEv1 policy (ASDM guide, "Creating IKE Policies"), so
            // each combination is its own policy with its own priority.
            const body = [` authentication ${t.me.auth.method === 'psk' ? 'pre-share' : 'rsa-sig'}`, ` encryption ${enc}`, ` hash ${hash}`, ` group ${g}`, ` lifetime ${ikeLife}`];
            const got = policyNumber(w, t, file, 1, body);
            if (!got) continue;
            if (got.fresh) {
              w.line(`crypto ikev1 policy ${got.n}`);
              for (const l of body) w.line(l);
            }
            written++;
          }
        }
      }
    }
    if (written === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv1 policy could be written for this tunnel, so it is not written: use SHA-1 and a group the ASA has for IKEv1, or IKEv2', { tunnel: tn });
      return false;
    }
  } else {
    w.line(`crypto ikev2 enable ${t.outside}`);
    let v2Written = 0;
    for (const p of ikeProps) {
      const enc = mapAll(w, t, p.encryption, (e) => V2_ENC[e], 'IKEv2 encryption', LABEL);
      if (enc.length === 0) w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv2 encryption of the design is available here; the policy is left out: choose one the peer accepts', { tunnel: tn });
      const body = [` encryption ${enc.join(' ')}`];
      const aead = p.encryption.every(isAead);
      const ints = [...new Set(mapAll(w, t, p.integrity, (x) => (aead ? 'null' : x === 'none' ? undefined : V2_INT[x]), 'IKEv2 integrity', LABEL))];
      if (aead && p.integrity.includes('none') && p.integrity.some((x) => x !== 'none')) w.warn('ALGORITHM_UNSUPPORTED', 'an AES-GCM IKEv2 policy names its PRF (prf …) from the integrity algorithms; integrity none is left out', { tunnel: tn });
      const groups = mapAll(w, t, p.dhGroups, (g) => (V2_GROUPS.has(g) ? String(g) : undefined), 'IKEv2 DH group', LABEL);
      if (ints.length === 0) w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv2 integrity of the design is available here (an IKEv2 policy with AES-CBC needs one); the policy is left out: choose one the peer accepts', { tunnel: tn });
      if (groups.length === 0) w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv2 DH group of the design is available here; the policy is left out: choose one the peer accepts', { tunnel: tn });
      if (enc.length === 0 || ints.length === 0 || groups.length === 0) continue;
      body.push(` integrity ${ints.join(' ')}`, ` group ${groups.join(' ')}`);
      const prf = p.integrity.filter((x) => x !== 'none').map((x) => V2_INT[x]).filter((x): x is string => x !== undefined);
      body.push(` prf ${prf.length ? prf.join(' ') : 'sha256'}`, ` lifetime seconds ${ikeLife}`);
      const got = policyNumber(w, t, file, 2, body);
      if (got) v2Written++;
      if (got?.fresh) {
        w.line(`crypto ikev2 policy ${got.n}`);
        for (const l of body) w.line(l);
      }
    }
    if (v2Written === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv2 policy could be written for this tunnel, so it is not written: choose IKE algorithms the ASA has', { tunnel: tn });
      return false;
    }
  }

  // Phase 2.
  const espProps = t.me.esp.proposals;
  const pfs = pfsGroup(w, t, allGroups(espProps), V2_GROUPS, LABEL);
  if (!pfs) return false;
  let p2ref: string;
  if (!v2) {
    // The box's transform set names the tunnel's first combination: the imported entry's own
    // (a fix adds proposals after it); pasting a changed line redefines it on the box, for every
    // entry naming it ("Cisco Security Appliance Command Line Configuration Guide", "Configuring
    // IPsec" > Understanding Transform Sets: the appliance tears down the tunnel whose transform
    // set's definition changes). So a name the file already defines otherwise (another tunnel of
    // the box using it) is not redefined: that tunnel gets a derived set.
    const sets: string[] = [];
    for (const p of espProps) {
      for (const e of p.encryption) {
        const enc = V1_TS_ENC[e];
        if (!enc) {
          w.warn('ALGORITHM_UNSUPPORTED', `IKEv1 ESP encryption ${e} is not available on ${LABEL}; left out`, { tunnel: tn });
          continue;
        }
        for (const i of p.integrity) {
          const auth = V1_TS_AUTH[i];
          if (!auth) {
            w.warn('ALGORITHM_UNSUPPORTED', `IKEv1 ESP integrity ${i} is not available in a ${LABEL} IKEv1 transform set (esp-sha-hmac, esp-md5-hmac or esp-none; SHA-2 only with IKEv2); left out`, { tunnel: tn });
            continue;
          }
          const body = `${enc} ${auth}`;
          const derived = `TS-${name}-${sets.length + 1}`;
          const ts = sets.length === 0 ? ownName(own.transformSet, derived, (n) => (file.phase2.get(n) ?? body) !== body) : derived;
          if (file.phase2.get(ts) !== body) w.line(`crypto ipsec ikev1 transform-set ${ts} ${body}`);
          file.phase2.set(ts, body);
          sets.push(ts);
        }
      }
    }
    if (sets.length === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no IKEv1 transform set could be written for this tunnel, so no crypto map entry is written either: choose ESP algorithms an ASA IKEv1 transform set has (AES or 3DES with SHA-1), or IKEv2', { tunnel: tn });
      return false;
    }
    p2ref = `ikev1 transform-set ${sets.join(' ')}`;
  } else {
    warnIfProposalsFlattened(w, t, espProps, 'ESP', LABEL);
    const enc = mapAll(w, t, allEncryption(espProps), (e) => V2_ENC[e], 'ESP encryption', LABEL);
    if (enc.length === 0) {
      w.warn('ALGORITHM_UNSUPPORTED', 'no ESP encryption of the design is available in an ASA IPsec proposal, so neither the proposal nor a crypto map entry is written: choose one the peer accepts', { tunnel: tn });
      return false;
    }
    // The same integrity words mapAll writes below (its warnings stay after the proposal's first lines).
    const intWords = [...new Set(allIntegrity(espProps).map((i) => V2_ESP_INT[i]).filter((x): x is string => x !== undefined))];
    const body = `encryption ${enc.join(' ')} integrity ${intWords.join(' ')}`;
    const prop = ownName(own.ipsecProposal, `P-${name}`, (n) => (file.phase2.get(n) ?? body) !== body);
    const fresh = file.phase2.get(prop) !== body;
    file.phase2.set(prop, body);
    if (fresh) {
      w.line(`crypto ipsec ikev2 ipsec-proposal ${prop}`);
      w.line(` protocol esp encryption ${enc.join(' ')}`);
    }
    const ints = mapAll(w, t, allIntegrity(espProps), (i) => V2_ESP_INT[i], 'ESP integrity', LABEL);
    if (fresh) w.line(` protocol esp integrity ${ints.join(' ')}`);
    p2ref = `ikev2 ipsec-proposal ${prop}`;
  }

  // Crypto map entry.
  const entry = `crypto map ${mapName} ${seq}`;
  w.line(`${entry} match address ${acl}`);
  w.line(`${entry} set peer ${peer}`);
  w.line(`${entry} set ${p2ref}`);
  if (pfs.group !== undefined) w.line(`${entry} set pfs group${pfs.group}`);
  w.line(`${entry} set security-association lifetime seconds ${bounded(w, t, limits.espLifetimeSeconds, t.me.esp.lifetimeSeconds, 'the IPsec SA lifetime')}`);
  if (t.me.esp.lifetimeKilobytes) w.line(`${entry} set security-association lifetime kilobytes ${bounded(w, t, limits.espLifetimeKilobytes, t.me.esp.lifetimeKilobytes, 'the IPsec SA lifetime in kilobytes')}`);
  if (!v2 && t.me.exchangeMode === 'aggressive') w.line(`${entry} set phase1-mode aggressive`);
  if (t.me.passive) w.line(`${entry} set connection-type answer-only`);
  if (!t.me.natTraversal) w.line(`${entry} set nat-t-disable`);

  // Tunnel group: the peer and its keys.
  w.line(`tunnel-group ${peer} type ipsec-l2l`);
  w.line(`tunnel-group ${peer} ipsec-attributes`);
  if (t.me.auth.method === 'psk') {
    const word = ciscoWord(t.psk, true);
    const key = word.ok && word.text.length > KEY_MAX ? refused(`more than ${KEY_MAX} characters (the ASA takes "the alphanumeric key itself (up to 128 characters long)")`) : word;
    const todo = 'enter the key on the ASA by hand, or choose one without it (on both ends)';
    if (v2) {
      valueLine(w, t, 'the pre-shared key', key, (k) => ` ikev2 remote-authentication pre-shared-key ${k}`, LABEL, todo);
      if (key.ok) w.line(` ikev2 local-authentication pre-shared-key ${key.text}`);
    } else {
      valueLine(w, t, 'the pre-shared key', key, (k) => ` ikev1 pre-shared-key ${k}`, LABEL, todo);
    }
  }
  // A LAN-to-LAN tunnel group has keepalives on by default (threshold 10, retry 2): off must be said.
  if (t.me.dpd.enabled) w.line(` isakmp keepalive threshold ${bounded(w, t, limits.dpdIntervalSeconds, t.me.dpd.intervalSeconds, 'the DPD interval')} retry 2`);
  else w.line(' isakmp keepalive disable');
  if (t.me.auth.remoteId) {
    w.warn('IDENTITY_UNSUPPORTED', `an ASA tunnel group does not check a pre-shared-key peer's identity; the remote identity ${t.me.auth.remoteId.type} "${clip(t.me.auth.remoteId.value)}" is not written (peer-id-validate applies to certificates)`, { tunnel: tn });
  }
  if (t.me.auth.localId && t.me.auth.localId.type === 'address') {
    w.warn('IDENTITY_UNSUPPORTED', `ASA sends one identity for all peers (crypto isakmp identity, by default its address); the local identity address "${clip(t.me.auth.localId.value)}" is not written per tunnel`, { tunnel: tn });
  } else if (t.me.auth.localId) {
    w.warn('IDENTITY_UNSUPPORTED', `ASA sends one identity type for all peers (crypto isakmp identity); local identity ${t.me.auth.localId.type} "${clip(t.me.auth.localId.value)}" needs "crypto isakmp identity ${t.me.auth.localId.type === 'key-id' ? 'key-id' : 'hostname'}", written as a note only`, { tunnel: tn });
  }

  // Identity NAT so the tunnel's traffic is not translated.
  const pa = policyAddresses(ctx, t);
  const inside = asaInterface(ctx.insideInterface);
  if (!inside.ok) {
    w.warn('NAT_EXEMPTION_MANUAL', `the inside interface name holds ${inside.why}: write the identity NAT (nat … source static … destination static …) by hand, or rename the interface`, { tunnel: tn });
  } else if (pa.local.length > 0 && pa.remote.length > 0) {
    // An imported box's own exemption is written as the box has it; the export's own only when
    // the tunnel has a network that one does not name (what the corrected tunnel gained).
    if (box && exemptionObjects) {
      const [so, dobj] = exemptionObjects;
      const line = `nat (${box.inside},${t.outside}) source static ${so} ${so} destination static ${dobj} ${dobj} no-proxy-arp route-lookup`;
      if (!file.natLines.has(line)) w.line(line);
      file.natLines.add(line);
      const named = new Set([box.source.prefix, box.destination.prefix]);
      if ([...pa.local, ...pa.remote].every((r) => named.has(cidr(r) ?? ''))) return true;
    }
    const lo = group(w, `${name}-local`, pa.local.map((r) => object(w, r, defined, objects)), defined);
    const ro = group(w, `${name}-remote`, pa.remote.map((r) => object(w, r, defined, objects)), defined);
    w.line(`nat (${ctx.insideInterface},${t.outside}) source static ${lo} ${lo} destination static ${ro} ${ro} no-proxy-arp route-lookup`);
  } else {
    w.warn('NAT_EXEMPTION_MANUAL', 'no local or remote networks known for this tunnel: write the identity NAT (nat … source static … destination static …) by hand', { tunnel: tn });
  }
  return true;
}

export const ciscoAsaExporter: VendorExporter = {
  vendor: 'cisco-asa',
  reference: REFERENCE,
  exportGateway(ctx) {
    const file = `${fileStem(ctx.gateway.name)}${configFile.suffix}`;
    const w = new ConfigWriter(ctx.gateway.name, file, configFile.comment, ctx.warnings);
    const options = asaOptionsOf(ctx.gateway);
    const inside = insideRoutes(ctx);
    // The design's routes to inside networks are written below: the header lists only the others as not written.
    header(w, { ...ctx, gateway: { ...ctx.gateway, routes: inside.kept } }, 'Cisco ASA', REFERENCE, ['Paste in configuration mode (configure terminal).']);
    if (ctx.gateway.vpnType === 'route-based') {
      w.warn('VPN_TYPE_ADJUSTED', 'the design says route-based; this export writes the ASA as policy-based (crypto map with a crypto ACL per tunnel)');
    }
    const fallback = mapNameOf(options, `${ctx.outsideInterface}_map`.replace(/[^A-Za-z0-9_-]/g, '_'));
    // An imported box's map bound to an interface (recorded on its tunnels' ends) stays the map of
    // that interface, for the tunnels added since too (one crypto map per interface), unless the
    // gateway's Cisco ASA settings name one.
    const own = ctx.tunnels.map((t) => asaEndOptionsOf(t.me));
    const { mapOf, boxBound: bound } = interfaceMaps(ctx.tunnels, own.map((o) => o.cryptoMap), options.cryptoMapName, fallback);
    const mapName = mapOf(ctx.outsideInterface);
    const boxBound = bound(ctx.outsideInterface);
    productionWarnings(w, ctx, LABEL, boxBound ? undefined : `"crypto map ${mapName} interface ${ctx.outsideInterface}"`, inside.unrouted, (n) => `route ${ctx.insideInterface} ${addressAndMask(addressOf(n.address))} <next-hop>`);
    const state: FileState = { names: new Set(), natLines: new Set(), defined: new Map(), acls: new Set(), phase2: new Map(), mapOf, policies: { 1: new PolicyNumbers(options.policyStart, POLICY_MAX, POLICY_COUNT), 2: new PolicyNumbers(options.policyStart, POLICY_MAX, POLICY_COUNT) } };
    const seqs = entrySequences(ctx.tunnels, own.map((o) => o.mapSequence), mapOf, options.mapSequenceStart);
    const mapped = ctx.tunnels.filter((t, i) => {
      const seq = seqs[i] ?? 0;
      if (seq > SEQUENCE_MAX) {
        w.warn('SETTING_UNSUPPORTED', `crypto map sequence ${seq} is beyond ${SEQUENCE_MAX}; tunnel ${t.tunnel.name} is not written: start the sequence lower in the gateway's Cisco ASA settings`, { tunnel: t.tunnel.name });
        w.warn('TUNNEL_NOT_WRITTEN', `tunnel ${t.tunnel.name} is not written (see the warning above)`, { tunnel: t.tunnel.name });
        return false;
      }
      if (exportTunnel(w, ctx, t, seq, state)) return true;
      w.warn('TUNNEL_NOT_WRITTEN', `tunnel ${t.tunnel.name} is not written (see the warning above)`, { tunnel: t.tunnel.name });
      return false;
    });
    if (inside.routes.length > 0) {
      w.blank();
      w.comment('Routes to the networks behind this gateway that are on none of its interfaces (from the design)');
      for (const r of inside.routes) {
        const iface = asaInterface(r.interface);
        if (!iface.ok) w.warn('VALUE_UNSUPPORTED', `the route to ${cidr(r.network) ?? firstIp(r.network)} names an interface that holds ${iface.why}; not written`);
        else w.line(r.network.family === 4 ? `route ${iface.text} ${addressAndMask(r.network)} ${r.nextHop}` : `ipv6 route ${iface.text} ${cidr(r.network) ?? firstIp(r.network)} ${r.nextHop}`);
      }
    }
    if (mapped.length > 0) {
      w.blank();
      const ifaces = [...new Set(mapped.map((t) => t.outside))];
      for (const i of ifaces) w.line(`crypto map ${mapOf(i)} interface ${i}`);
    }
    return [{ name: file, content: w.text() }];
  },
};
