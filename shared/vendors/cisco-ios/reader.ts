// Reads a Cisco IOS-XE configuration's site-to-site VPNs back (configuration import): crypto map
// entries of maps bound to an interface (static, and dynamic crypto maps, which only answer) and
// static virtual tunnel interfaces with tunnel protection, their transform sets, crypto ACLs and
// IPsec profiles; ISAKMP policies (global: every IKEv1 peer may negotiate any of them), keys,
// keyrings and ISAKMP profiles; IKEv2 proposals, policies, keyrings and profiles; and the box
// itself: hostname, version, model (license udi pid), interfaces with their addresses and zones,
// static routes, `ip nat inside source` with the deny lines of its list that exempt VPN traffic,
// and access lists applied to interfaces as its security policy. Statements follow Cisco's "Security for VPNs with IPsec
// Configuration Guide, Cisco IOS XE 17.x", "Internet Key Exchange Version 2 Configuration Guide" and
// "IPsec Virtual Tunnel Interfaces"; names may be used before the statement defining them, so
// references are resolved at the end.
import type { DhGroup, Encryption, Integrity, Interface, NatRule, Route, SecurityPolicy, VendorOptions } from '../../model/document';
import { ANY4, CiscoConfig, aclProtocol, hostRange, maskedRange, num, portCondition, prefixRange, side, starts, type Statement } from '../families/cisco-config';
import { addressText, exemption, ignoreUnrelated, interfaceAddress, onNetwork, policyOf, recognizeCisco } from '../families/cisco-device';
import { cidr } from '../kit/export/addresses';
import { isAead } from '../kit/export/common';
import { LIMITS } from '../../model/text';
import type { AddressRange } from '../../net/address';
import type { ChildMeaning, DeviceMeaning, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { IOS_NAME, ISAKMP_POLICIES, NUMBERED_EXTENDED, iosEndOptions, type IosEndOptions } from './options';

const V1_ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes 128': 'aes128', 'aes 192': 'aes192', 'aes 256': 'aes256', aes: 'aes128' };
const V1_HASH: Record<string, Integrity> = { md5: 'md5', sha: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const V2_ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes-cbc-128': 'aes128', 'aes-cbc-192': 'aes192', 'aes-cbc-256': 'aes256', 'aes-gcm-128': 'aes128gcm16', 'aes-gcm-256': 'aes256gcm16' };
const V2_INT: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const TS_AUTH: Record<string, Integrity> = { 'esp-md5-hmac': 'md5', 'esp-sha-hmac': 'sha1', 'esp-sha256-hmac': 'sha256', 'esp-sha384-hmac': 'sha384', 'esp-sha512-hmac': 'sha512' };
/** IOS XE defaults: ISAKMP policy lifetime 86400 s, IKEv2 profile lifetime 86400 s, IPsec SA lifetime 3600 s. */
const IKE_LIFETIME = 86400;
const SA_LIFETIME = 3600;
const IDENTITY: Record<string, string> = { address: 'address', fqdn: 'fqdn', email: 'user-fqdn', 'key-id': 'key-id' };

interface Phase2 {
  transformSets: string[];
  ikev2Profile?: string;
  isakmpProfile?: string;
  pfs?: DhGroup;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
}

interface Profile {
  remoteId?: string;
  localId?: string;
  method?: 'psk' | 'certificate';
  keyring?: string;
  /** `match address local A`: the address IKE runs from. */
  local?: string;
  lifetime?: number;
  dpd?: number;
}

const group = (w: string | undefined): DhGroup | undefined => num(w) as DhGroup | undefined;

function all<T>(words: readonly string[], table: Record<string, T>): T[] | undefined {
  const out = words.map((w) => table[w]);
  return out.length > 0 && out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

/** A transform set's transforms: `esp-aes [128|192|256]`, `esp-gcm [128|256]`, `esp-3des`, `esp-des`, `esp-null`, then an `esp-*-hmac`. */
function transforms(w: readonly string[]): ProposalMeaning | undefined {
  let i = 0;
  let enc: Encryption | undefined;
  const bits = num(w[1]);
  if (w[0] === 'esp-aes') {
    enc = bits === 256 ? 'aes256' : bits === 192 ? 'aes192' : 'aes128';
    i = bits === undefined ? 1 : 2;
  } else if (w[0] === 'esp-gcm') {
    enc = bits === 256 ? 'aes256gcm16' : 'aes128gcm16';
    i = bits === undefined ? 1 : 2;
  } else if (w[0] === 'esp-3des' || w[0] === 'esp-des' || w[0] === 'esp-null') {
    enc = w[0] === 'esp-3des' ? '3des' : w[0] === 'esp-des' ? 'des' : 'null';
    i = 1;
  }
  if (!enc || (bits !== undefined && ![128, 192, 256].includes(bits))) return undefined;
  const auth = w[i] === undefined ? 'none' : TS_AUTH[w[i] as string];
  if (!auth || w.length > i + 1) return undefined;
  return { encryption: [enc], integrity: [auth], dhGroups: [] };
}

/** Whole statement classes that configure the box, not its VPNs. */
const UNRELATED = [
  'aaa', 'logging', 'no logging', 'ntp', 'snmp-server', 'no snmp-server', 'line', 'banner', 'username', 'class-map', 'policy-map', 'service-policy', 'service', 'no service', 'enable', 'boot-start-marker', 'boot-end-marker', 'boot', 'clock', 'ip domain', 'no ip domain', 'memory', 'ip domain-name', 'ip name-server', 'ip http', 'no ip http', 'ip ssh', 'ip scp', 'ip tftp', 'ip dhcp', 'no ip dhcp', 'ip forward-protocol', 'ip bgp-community', 'ip sla', 'ip cef', 'ipv6 unicast-routing', 'license', 'platform', 'memory-size', 'redundancy', 'spanning-tree', 'vlan', 'diagnostic', 'multilink', 'subscriber', 'archive', 'control-plane', 'call-home', 'login', 'mmi', 'cdp', 'lldp', 'vtp', 'router', 'track', 'crypto pki', 'netconf-yang', 'restconf', 'zone security', 'zone-pair', 'parameter-map', 'Building configuration...', 'Current configuration', 'end', 'alias', 'privilege', 'process-max-time', 'hw-module', 'transceiver', 'telemetry', 'event', 'ip ftp', 'ip tcp', 'ip igmp', 'ip multicast-routing', 'ip finger', 'no ip finger', 'ip source-route', 'no ip source-route', 'ip bootp', 'no ip bootp', 'vrf definition', 'ip vrf', 'no aaa', 'no cdp', 'no ip domain-lookup', 'ip domain-lookup', 'wsma', 'dot1x', 'key chain', 'ip prefix-list', 'ipv6 prefix-list', 'ip explicit-path', 'mpls', 'voice', 'dial-peer', 'utd', 'sdwan', 'system',
];

/** Interface statements about the port, its addressing for the box's own use or its layer 2: not about VPNs. */
const INTERFACE_UNRELATED = ['description', 'negotiation', 'shutdown', 'no shutdown', 'speed', 'duplex', 'media-type', 'load-interval', 'cdp', 'no cdp', 'mop', 'no mop', 'ip mtu', 'mtu', 'ip tcp adjust-mss', 'no ip redirects', 'no ip unreachables', 'no ip proxy-arp', 'ip redirects', 'ip proxy-arp', 'ip virtual-reassembly', 'ip ospf', 'ipv6', 'ip pim', 'ip helper-address', 'keepalive', 'bandwidth', 'delay', 'standby', 'vrrp', 'lldp', 'service-policy', 'no keepalive', 'no negotiation', 'ip flow', 'ip nbar', 'arp', 'encapsulation', 'channel-group', 'switchport', 'spanning-tree', 'power', 'dot1x', 'authentication'];

interface IosInterface {
  name: string;
  address?: string;
  /** `ip address dhcp`: an address, not known from the file. */
  dhcp: boolean;
  zone?: string;
  nat?: 'inside' | 'outside';
  accessGroups: { acl: string; dir: 'in' | 'out'; s: Statement }[];
  maps: string[];
  /** `vrf forwarding X`: in another routing table than the VPN's traffic. */
  vrf?: string;
  /** `mode`: IOS's default tunnel mode is GRE over IP; `tunnel mode ipsec ipv4|ipv6` makes it a VTI. */
  tunnel?: { source?: string; destination?: string; profile?: string; family: 'ipv4' | 'ipv6'; mode: 'gre' | 'ipsec' };
}

/** One ACL line as its action and what it matches. */
interface Ace {
  action: 'permit' | 'deny';
  src: AddressRange;
  dst: AddressRange;
  protocol: number;
  sp?: { from: number; to: number };
  dp?: { from: number; to: number };
}

export const reader: VendorReader = {
  recognize(text) {
    return recognizeCisco(text, 'ios');
  },

  read(files): ReadResult {
    // `show running-config` starts with "Building configuration..." / "Current configuration :"
    // and ends with "end" (Cisco IOS XE Configuration Fundamentals, "Managing Configuration Files"):
    // a file that starts so and does not end so was cut off. A pasted fragment has neither.
    for (const f of files) {
      if (/^(?:Building configuration|Current configuration :)/m.test(f.content) && !/^end\s*$/m.test(f.content)) return { ok: false, message: `${f.name}: the running-config does not end with "end": the file looks cut off; copy the whole output of "show running-config"` };
    }
    const c = new CiscoConfig(files);
    const isakmp: { priority: number; proposal: ProposalMeaning; lifetime: number; method?: 'psk' | 'certificate' }[] = [];
    let keepalive: number | undefined;
    const v2Proposals = new Map<string, ProposalMeaning>();
    const v2Policies: { name: string; proposals: string[]; local?: string }[] = [];
    /** Keyring → peer address (with its mask: a keyring peer may stand for a network of peers) → its key (undefined when written encrypted) and the peer's name. */
    const keyrings = new Map<string, Map<string, { key?: string; network: string; peer?: string }>>();
    /** IKEv1 keys: `crypto isakmp key` (global) and `crypto keyring` (by name). */
    const isakmpKeys = new Map<string, { key?: string; network: string }>();
    const v1Keyrings = new Map<string, Map<string, { key?: string; network: string }>>();
    /** A key written for `address A MASK` (0.0.0.0 0.0.0.0: every peer) as the network it covers. */
    const keyNetwork = (address: string, mask: string | undefined) => (mask !== undefined && /^\d+\.\d+\.\d+\.\d+$/u.test(mask) ? interfaceAddress(address, mask) : undefined) ?? `${address}/32`;
    const lookup = <K extends { key?: string; network: string }>(ring: ReadonlyMap<string, K> | undefined, address: string): K | undefined => ring?.get(address) ?? [...(ring?.values() ?? [])].find((k) => onNetwork(k.network, address));
    const isakmpProfiles = new Map<string, { keyring?: string; remote?: string }>();
    const profiles = new Map<string, Profile>();
    const transformSets = new Map<string, ProposalMeaning>();
    /** Transform sets in transport mode (`mode transport`; tunnel is the default). */
    const transportSets = new Set<string>();
    const ipsecProfiles = new Map<string, Phase2 & { lines: Statement[] }>();
    const acls = new Map<string, Statement[]>();
    const standardLines = new Set<Statement>();
    /** Named extended lists: the only crypto ACLs whose name the export can write (`ip access-list extended NAME`). */
    const extendedNamed = new Set<string>();
    const groups: Groups = { networks: new Map(), services: new Map() };
    /** Each with its statements: used when the map is bound to an interface, else set aside (an unbound map does nothing). */
    type MapEntry = { map: string; seq: number; peer?: string; acl?: string; dynamic?: string; lines: Statement[] } & Phase2;
    const entries: MapEntry[] = [];
    const dynamicEntries: MapEntry[] = [];
    const ifs: IosInterface[] = [];
    const routeLines: Statement[] = [];
    const natLines: Statement[] = [];
    const routeMaps = new Map<string, { acl?: string; s: Statement; lines: Statement[] }>();
    const globalLifetime: { seconds?: number; kilobytes?: number } = {};
    const device: Omit<DeviceMeaning, 'interfaces' | 'routes' | 'natRules' | 'policies'> = {};

    /** Reads a `set …` statement of a crypto map entry or IPsec profile into `p`; false when it is not one. */
    const phase2Set = (x: readonly string[], p: Phase2): boolean => {
      if (starts(x, 'set transform-set') && x.length >= 3) p.transformSets = x.slice(2);
      else if (starts(x, 'set ikev2-profile') && x.length === 3) p.ikev2Profile = x[2];
      else if (starts(x, 'set isakmp-profile') && x.length === 3) p.isakmpProfile = x[2];
      else if (starts(x, 'set pfs') && x.length === 3 && /^group\d+$/u.test(x[2] as string)) p.pfs = Number((x[2] as string).slice(5)) as DhGroup;
      else if (starts(x, 'set security-association lifetime seconds') && num(x[4]) !== undefined) p.lifetimeSeconds = num(x[4]);
      else if (starts(x, 'set security-association lifetime kilobytes') && num(x[4]) !== undefined) p.lifetimeKilobytes = num(x[4]);
      else if (starts(x, 'set security-association lifetime kilobytes disable') && x.length === 5) p.lifetimeKilobytes = undefined;
      // Reverse route injection adds routes; it does not change what is negotiated.
      else if (starts(x, 'reverse-route') && x.length <= 2) return true;
      else if (x[0] === 'description') return true;
      else return false;
      return true;
    };
    /** A crypto map or dynamic-map entry: its peer, its ACL and its `set` statements, each line it uses kept. */
    const mapEntry = (s: Statement, e: MapEntry): MapEntry => {
      for (const sub of s.children) {
        const x = sub.words;
        // Later `set peer` lines are backup peers, tried when the first does not answer.
        if (starts(x, 'set peer') && x.length === 3) e.peer ??= x[2];
        else if (starts(x, 'match address') && x.length === 3) e.acl = x[2];
        else if (!phase2Set(x, e)) continue;
        e.lines.push(sub);
      }
      return e;
    };
    const keyOf = (words: readonly string[]): { key?: string } => {
      // `[0|6|7] KEY`: type 0 (or none) is clear text; 6 and 7 are encrypted forms.
      const t = words[0];
      if ((t === '6' || t === '7') && words.length === 2) return {};
      return { key: (t === '0' ? words[1] : words[0]) as string };
    };

    for (const s of c.top) {
      const w = s.words;
      if (w[0] === 'hostname' && w.length === 2) {
        c.use(s);
        device.hostname = w[1];
      } else if (w[0] === 'version' && w.length === 2) {
        c.use(s);
        device.osVersion = w[1];
      } else if (starts(w, 'license udi pid') && w.length >= 4) {
        // The box's product ID ("license udi pid ISR4331/K9 sn …"): its model.
        c.use(s);
        device.model = (w[3] as string).slice(0, 63);
      } else if (starts(w, 'crypto isakmp policy') && w.length === 4 && num(w[3]) !== undefined) {
        c.use(s);
        const p: { enc: Encryption; hash: Integrity; group: DhGroup; lifetime: number; method?: 'psk' | 'certificate' } = { enc: 'des', hash: 'sha1', group: 1, lifetime: IKE_LIFETIME };
        for (const sub of s.children) {
          const [k, ...rest] = sub.words;
          const v = rest.join(' ');
          if (k === 'encr' && V1_ENC[v]) p.enc = V1_ENC[v] as Encryption;
          else if (k === 'encryption' && V1_ENC[v]) p.enc = V1_ENC[v] as Encryption;
          else if (k === 'hash' && V1_HASH[v]) p.hash = V1_HASH[v] as Integrity;
          else if (k === 'group' && rest.length === 1 && group(v) !== undefined) p.group = group(v) as DhGroup;
          else if (k === 'lifetime' && rest.length === 1 && num(v) !== undefined) p.lifetime = num(v) as number;
          else if (k === 'authentication' && (v === 'pre-share' || v === 'rsa-sig')) p.method = v === 'pre-share' ? 'psk' : 'certificate';
          else continue;
          c.use(sub);
        }
        // The ISAKMP defaults for what a policy leaves out: des, sha, group 1, rsa-sig ("Security for VPNs with IPsec", IKE policy defaults).
        isakmp.push({ priority: num(w[3]) as number, proposal: { encryption: [p.enc], integrity: [p.hash], dhGroups: [p.group] }, lifetime: p.lifetime, method: p.method ?? 'certificate' });
      } else if (starts(w, 'crypto isakmp key') && w.length >= 6) {
        // `crypto isakmp key [0|6] KEY address A [MASK] [no-xauth]`.
        const at = w.indexOf('address');
        if (at >= 4 && hostRange(w[at + 1] ?? '')) {
          c.use(s);
          isakmpKeys.set(w[at + 1] as string, { ...keyOf(w.slice(3, at)), network: keyNetwork(w[at + 1] as string, w[at + 2]) });
        }
      } else if (starts(w, 'crypto isakmp keepalive') && num(w[3]) !== undefined && w.length <= 6) {
        c.use(s);
        keepalive = num(w[3]);
      } else if (starts(w, 'crypto isakmp nat') || starts(w, 'crypto isakmp identity')) {
        c.use(s);
      } else if (starts(w, 'crypto keyring') && w.length === 3) {
        c.use(s);
        const ring = new Map<string, { key?: string; network: string }>();
        v1Keyrings.set(w[2] as string, ring);
        for (const sub of s.children) {
          const x = sub.words;
          // `pre-shared-key address A [MASK] key [0|6] KEY`.
          const at = x.indexOf('key');
          if (starts(x, 'pre-shared-key address') && at >= 3 && hostRange(x[2] ?? '')) {
            ring.set(x[2] as string, { ...keyOf(x.slice(at + 1)), network: keyNetwork(x[2] as string, at === 4 ? x[3] : undefined) });
            c.use(sub);
          } else if (x[0] === 'description') c.use(sub);
        }
      } else if (starts(w, 'crypto isakmp profile') && w.length === 4) {
        c.use(s);
        const p: { keyring?: string; remote?: string } = {};
        for (const sub of s.children) {
          const x = sub.words;
          if (x[0] === 'keyring' && x.length === 2) p.keyring = x[1];
          else if (starts(x, 'match identity address') && (x.length === 4 || x.length === 5)) p.remote = x[3];
          else if (x[0] === 'description' || (starts(x, 'self-identity') && x.length === 2)) {
            // The identity this box sends by default: its address.
          } else continue;
          c.use(sub);
        }
        isakmpProfiles.set(w[3] as string, p);
      } else if (starts(w, 'crypto ikev2 proposal') && w.length === 4) {
        c.use(s);
        const p: ProposalMeaning = { encryption: [], integrity: [], dhGroups: [] };
        let prf: Integrity[] = [];
        for (const sub of s.children) {
          const [k, ...rest] = sub.words;
          const enc = k === 'encryption' ? all(rest, V2_ENC) : undefined;
          const ints = k === 'integrity' || k === 'prf' ? all(rest, V2_INT) : undefined;
          const groups = k === 'group' ? rest.map(group) : undefined;
          if (enc) p.encryption = enc;
          else if (ints && k === 'integrity') p.integrity = ints;
          else if (ints) prf = ints;
          else if (groups && groups.length > 0 && groups.every((g) => g !== undefined)) p.dhGroups = groups as DhGroup[];
          else continue;
          c.use(sub);
        }
        // An AES-GCM proposal has no integrity; its PRF is what the design's integrity named.
        if (p.integrity.length === 0) p.integrity = prf;
        v2Proposals.set(w[3] as string, p);
      } else if (starts(w, 'crypto ikev2 policy') && w.length === 4) {
        c.use(s);
        const pol: { name: string; proposals: string[]; local?: string } = { name: w[3] as string, proposals: [] };
        for (const sub of s.children) {
          if (sub.words[0] === 'proposal' && sub.words.length === 2) pol.proposals.push(sub.words[1] as string);
          else if (starts(sub.words, 'match address local') && sub.words.length === 4) pol.local = sub.words[3];
          else if (starts(sub.words, 'match fvrf any') && sub.words.length === 3) {
            // Every front-door VRF: the global table is one.
          } else continue;
          c.use(sub);
        }
        v2Policies.push(pol);
      } else if (starts(w, 'crypto ikev2 keyring') && w.length === 4) {
        c.use(s);
        const ring = new Map<string, { key?: string; network: string; peer?: string }>();
        keyrings.set(w[3] as string, ring);
        for (const peer of s.children) {
          if (peer.words[0] !== 'peer' || peer.words.length !== 2) continue;
          c.use(peer);
          let address: string | undefined;
          let network: string | undefined;
          let key: { key?: string } | undefined;
          for (const sub of peer.children) {
            const x = sub.words;
            if (x[0] === 'address' && (x.length === 2 || x.length === 3)) {
              address = x[1];
              network = x.length === 3 ? interfaceAddress(x[1] as string, x[2] as string) : `${x[1]}/32`;
            }
            // `pre-shared-key [local|remote] [0|6] KEY`: the first one read is the key both ways unless local and remote differ.
            else if (x[0] === 'pre-shared-key' && x.length >= 2) key ??= keyOf(x.slice(x[1] === 'local' || x[1] === 'remote' ? 2 : 1));
            else if (x[0] === 'description' || (x[0] === 'identity' && x.length === 3)) {
              // A description, or the identity this peer is looked up by (its address is what a crypto map or VTI names).
            } else continue;
            c.use(sub);
          }
          if (address && network) ring.set(address, { ...key, network, peer: peer.words[1] as string });
        }
      } else if (starts(w, 'crypto ikev2 profile') && w.length === 4) {
        c.use(s);
        const p: Profile = {};
        for (const sub of s.children) {
          const x = sub.words;
          if (starts(x, 'match identity remote') && x.length >= 5) {
            const type = IDENTITY[x[3] as string];
            // `address A [255.255.255.255]` is the peer's own address, the identity a peer sends by default.
            if (!type) continue;
            p.remoteId = x[3] === 'address' && (x[5] === '255.255.255.255' || x.length === 5) ? `address-default:${x[4]}` : `${type}:${x[4]}`;
          } else if (starts(x, 'identity local') && x.length === 4 && IDENTITY[x[2] as string]) p.localId = `${IDENTITY[x[2] as string]}:${x[3]}`;
          else if (starts(x, 'authentication remote') && (x[2] === 'pre-share' || x[2] === 'rsa-sig')) p.method = x[2] === 'pre-share' ? 'psk' : 'certificate';
          else if (starts(x, 'authentication local') && (x[2] === 'pre-share' || x[2] === 'rsa-sig')) p.method ??= x[2] === 'pre-share' ? 'psk' : 'certificate';
          else if (starts(x, 'keyring local') && x.length === 3) p.keyring = x[2];
          else if (starts(x, 'match address local') && x.length === 4) p.local = x[3];
          else if (starts(x, 'match fvrf any') && x.length === 3) {
            // Every front-door VRF: the global table is one.
          } else if (x[0] === 'lifetime' && x.length === 2 && num(x[1]) !== undefined) p.lifetime = num(x[1]);
          else if (x[0] === 'dpd' && num(x[1]) !== undefined) p.dpd = num(x[1]);
          else if (x[0] === 'description') {
            // A description.
          } else continue;
          c.use(sub);
        }
        profiles.set(w[3] as string, p);
      } else if (starts(w, 'crypto ipsec transform-set') && w.length >= 5) {
        const t = transforms(w.slice(4));
        if (t) {
          c.use(s);
          transformSets.set(w[3] as string, t);
          for (const sub of s.children) {
            if (!(starts(sub.words, 'mode tunnel') && sub.words.length === 2) && !(starts(sub.words, 'mode transport') && sub.words.length <= 3)) continue;
            c.use(sub);
            if (sub.words[1] === 'transport') transportSets.add(w[3] as string);
          }
        }
      } else if (starts(w, 'crypto ipsec profile') && w.length === 4) {
        const p: Phase2 & { lines: Statement[] } = { transformSets: [], lines: [s] };
        for (const sub of s.children) if (phase2Set(sub.words, p)) p.lines.push(sub);
        ipsecProfiles.set(w[3] as string, p);
      } else if (starts(w, 'crypto ipsec security-association lifetime') && w.length === 6 && num(w[5]) !== undefined) {
        c.use(s);
        if (w[4] === 'seconds') globalLifetime.seconds = num(w[5]);
        else if (w[4] === 'kilobytes') globalLifetime.kilobytes = num(w[5]);
      } else if (starts(w, 'object-group network') && w.length === 3) {
        // "Object Groups for ACLs": hosts, networks, ranges and nested groups.
        c.use(s);
        const g = { ranges: [] as AddressRange[], nested: [] as string[] };
        groups.networks.set(w[2] as string, g);
        for (const sub of s.children) {
          const x = sub.words;
          const r = x[0] === 'host' && x.length === 2 ? hostRange(x[1] as string) : x[0] === 'range' && x.length === 3 ? spanOf(x[1] as string, x[2] as string) : x[0] === 'any' && x.length === 1 ? ANY4 : x.length === 2 ? maskedRange(x[0] as string, x[1] as string, false) : undefined;
          if (r) g.ranges.push(r);
          else if (x[0] === 'group-object' && x.length === 2) g.nested.push(x[1] as string);
          else if (x[0] !== 'description') continue;
          c.use(sub);
        }
      } else if (starts(w, 'object-group service') && w.length === 3) {
        c.use(s);
        const g = { services: [] as { protocol: number; dp?: { from: number; to: number } }[], nested: [] as string[] };
        groups.services.set(w[2] as string, g);
        for (const sub of s.children) {
          const x = sub.words;
          const protocol = aclProtocol(x[0]);
          const dp = protocol === 6 || protocol === 17 ? portCondition(x, 1) : undefined;
          if (protocol !== undefined && (x.length === 1 || (dp && dp.taken === x.length - 1))) g.services.push({ protocol, ...(dp ? { dp: { from: dp.from, to: dp.to } } : {}) });
          else if (x[0] === 'group-object' && x.length === 2) g.nested.push(x[1] as string);
          else if (x[0] !== 'description') continue;
          c.use(sub);
        }
      } else if ((starts(w, 'ip access-list extended') || starts(w, 'ip access-list standard')) && w.length === 4) {
        acls.set(w[3] as string, [s, ...s.children]);
        if (w[2] === 'extended') extendedNamed.add(w[3] as string);
        if (w[2] === 'standard') for (const sub of s.children) standardLines.add(sub);
      } else if (w[0] === 'access-list' && num(w[1]) !== undefined && (w[2] === 'permit' || w[2] === 'deny' || w[2] === 'remark')) {
        // A numbered list, one statement per line: 1-99 standard, 100-199 extended.
        acls.set(w[1] as string, [...(acls.get(w[1] as string) ?? []), s]);
      } else if (w[0] === 'crypto' && w[1] === 'map' && num(w[3]) !== undefined && w[4] === 'ipsec-isakmp' && (w.length === 5 || (w.length === 7 && w[5] === 'dynamic'))) {
        entries.push(mapEntry(s, { map: w[2] as string, seq: num(w[3]) as number, transformSets: [], lines: [s], ...(w[5] === 'dynamic' ? { dynamic: w[6] as string } : {}) }));
      } else if (starts(w, 'crypto dynamic-map') && num(w[3]) !== undefined && w.length === 4) {
        dynamicEntries.push(mapEntry(s, { map: w[2] as string, seq: num(w[3]) as number, transformSets: [], lines: [s] }));
      } else if (w[0] === 'interface' && w.length === 2) {
        c.use(s);
        const i: IosInterface = { name: w[1] as string, dhcp: false, accessGroups: [], maps: [] };
        const tunnelIf = /^tunnel/iu.test(i.name);
        for (const sub of s.children) {
          const x = sub.words;
          if (x[0] === 'crypto' && x[1] === 'map' && x.length === 3) i.maps.push(x[2] as string);
          else if (starts(x, 'ip address') && x.length === 4) i.address = interfaceAddress(x[2] as string, x[3] as string) ?? i.address;
          else if (starts(x, 'ip address') && x.length === 5 && x[4] === 'secondary') {
            // A second network on the port: not the one IKE runs from.
          } else if (starts(x, 'ip address dhcp')) i.dhcp = true;
          else if (starts(x, 'no ip address') && x.length === 3) {
            // No address.
          } else if (starts(x, 'ip nat') && (x[2] === 'inside' || x[2] === 'outside') && x.length === 3) i.nat = x[2];
          else if (starts(x, 'zone-member security') && x.length === 3) i.zone = x[2];
          else if (starts(x, 'vrf forwarding') && x.length === 3) i.vrf = x[2];
          else if (starts(x, 'ip access-group') && x.length === 4 && (x[3] === 'in' || x[3] === 'out')) i.accessGroups.push({ acl: x[2] as string, dir: x[3], s: sub });
          else if (starts(x, 'tunnel destination') && x.length === 3) i.tunnel = { family: 'ipv4', mode: 'gre', ...i.tunnel, destination: x[2] };
          else if (starts(x, 'tunnel source') && x.length === 3) i.tunnel = { family: 'ipv4', mode: 'gre', ...i.tunnel, source: x[2] };
          else if (starts(x, 'tunnel protection ipsec profile') && x.length === 5) i.tunnel = { family: 'ipv4', mode: 'gre', ...i.tunnel, profile: x[4] };
          else if (starts(x, 'tunnel mode ipsec') && (x[3] === 'ipv4' || x[3] === 'ipv6') && x.length === 4) i.tunnel = { ...i.tunnel, family: x[3], mode: 'ipsec' };
          else if (starts(x, 'tunnel mode gre ip') && x.length === 4) i.tunnel = { family: 'ipv4', ...i.tunnel, mode: 'gre' };
          else if (starts(x, 'ip unnumbered') && x.length === 3) {
            // The tunnel borrows another interface's address for its own packets: not part of the VPN's meaning.
          } else if (INTERFACE_UNRELATED.some((h) => starts(x, h)) && !(tunnelIf && x[0] === 'tunnel')) {
            c.ignore(sub);
            continue;
          } else continue;
          c.use(sub);
        }
        ifs.push(i);
      } else if ((w[0] === 'ip' && w[1] === 'route') || (w[0] === 'ipv6' && w[1] === 'route')) {
        routeLines.push(s);
      } else if (starts(w, 'ip nat inside source')) {
        natLines.push(s);
      } else if (w[0] === 'route-map' && w.length === 4 && w[2] === 'permit' && num(w[3]) !== undefined) {
        // A route map names what NAT (or routing) matches; read when NAT uses it.
        const rm = routeMaps.get(w[1] as string) ?? { s, lines: [] };
        routeMaps.set(w[1] as string, rm);
        rm.lines.push(s);
        for (const sub of s.children) {
          if (starts(sub.words, 'match ip address') && sub.words.length === 4) {
            rm.acl ??= sub.words[3];
            rm.lines.push(sub);
          }
        }
      } else ignoreUnrelated(c, s, UNRELATED);
    }

    // ---- the box: interfaces, routes, NAT, access lists applied to interfaces
    const ifByName = new Map(ifs.map((i) => [i.name, i]));
    // An interface in a VRF (a management port) is not on the routing table the VPN's traffic takes.
    const interfaces: Interface[] = ifs.filter((i) => i.vrf === undefined).map((i) => ({
      name: i.name,
      kind: /^tunnel/iu.test(i.name) ? 'tunnel' : /^loopback/iu.test(i.name) ? 'loopback' : 'physical',
      ...(i.address ? { address: i.address } : {}),
      ...(i.zone ? { zone: i.zone } : {}),
    }));
    const routes: Route[] = [];
    for (const s of routeLines) {
      const w = s.words;
      const v6 = w[0] === 'ipv6';
      if (w[2] === 'vrf') continue; // a route of another routing table: not the one the VPN's traffic takes
      const dest = v6 ? prefixRange(w[2] as string) : maskedRange(w[2] as string, w[3] as string, false);
      let i = v6 ? 3 : 4;
      let iface: string | undefined;
      let nextHop: string | undefined;
      if (w[i] && !hostRange(w[i] as string) && /^[A-Za-z]/u.test(w[i] as string)) iface = w[i++];
      if (w[i] && hostRange(w[i] as string)) nextHop = w[i++];
      const distance = num(w[i]);
      if (distance !== undefined) i++;
      while (i < w.length && (w[i] === 'permanent' || ((w[i] === 'name' || w[i] === 'tag' || w[i] === 'track') && w[i + 1] !== undefined))) i += w[i] === 'permanent' ? 1 : 2;
      // A route by next hop alone leaves through the interface on the next hop's network.
      const on = nextHop ? ifs.filter((x) => x.address && onNetwork(x.address, nextHop as string)) : [];
      iface ??= (on.find((x) => !/^(?:loopback|tunnel)/iu.test(x.name)) ?? on[0])?.name;
      const destination = dest ? cidr(dest) : undefined;
      if (!destination || !iface || i !== w.length) continue;
      c.use(s);
      routes.push({ destination, interface: iface, ...(nextHop ? { nextHop } : {}), ...(distance !== undefined ? { metric: distance } : {}) });
    }
    const aceCache = new Map<Statement, Ace[] | 'remark' | undefined>();
    const ace = (line: Statement): Ace[] | 'remark' | undefined => {
      if (!aceCache.has(line)) {
        const numbered = line.words[0] === 'access-list';
        const x = numbered ? line.words.slice(2) : line.words.slice(num(line.words[0]) !== undefined ? 1 : 0);
        const standard = numbered ? (num(line.words[1]) as number) < 100 : standardLines.has(line);
        aceCache.set(line, x[0] === 'remark' ? 'remark' : aceOf(x, standard, groups));
      }
      return aceCache.get(line);
    };
    /** The lines of a list (its head for a named one), each with what it means. */
    /** The access lists something in force names: their lines must be understood. */
    const referenced = new Set<string>();
    const aclLines = (name: string): { s: Statement; a: Ace[] | 'remark' | undefined; head: boolean }[] => {
      referenced.add(name);
      return (acls.get(name) ?? []).map((s) => (s.words[0] === 'ip' && s.words[1] === 'access-list' ? { s, a: undefined, head: true } : { s, a: ace(s), head: false }));
    };
    const natRules: NatRule[] = [];
    for (const s of natLines) {
      const w = s.words;
      // `ip nat inside source list|route-map X interface IF overload`, `… static A B`.
      let acl: string | undefined;
      let via: Statement[] = [];
      if (w[4] === 'list' && w.length >= 8) acl = w[5];
      else if (w[4] === 'route-map' && w.length >= 8) {
        const rm = routeMaps.get(w[5] as string);
        acl = rm?.acl;
        via = rm?.lines ?? [];
      }
      const outName = w[7] as string;
      if (acl !== undefined && w[6] === 'interface' && (w.length === 8 || (w.length === 9 && w[8] === 'overload'))) {
        const out = ifByName.get(outName);
        const translated = out?.address?.split('/')[0];
        const before = natRules.length;
        const lines = aclLines(acl);
        lines.forEach(({ s: line, a: list }, n) => {
          if (list === undefined) return;
          c.use(line);
          if (list === 'remark') return;
          list.forEach((a, k) => {
            const at = `${n}${list.length > 1 ? `.${k + 1}` : ''}`;
            // A deny line exempts its traffic from translation: the VPN's traffic, when it is the crypto ACL's ("NAT and IPsec").
            const dest = a.dst.from === ANY4.from && a.dst.to === ANY4.to ? '' : ` to ${addressText(a.dst)}`;
            if (a.action === 'deny') natRules.push(exemption(`${acl} deny ${at}${dest}`.slice(0, 63), addressText(a.src), outName));
            else if (translated) natRules.push({ name: `${acl} ${at}`.slice(0, 63), kind: 'source', original: addressText(a.src), translated, interface: outName });
          });
        });
        if (natRules.length > before) {
          c.use(s);
          for (const l of via) c.use(l);
          for (const l of lines) if (l.head) c.use(l.s);
        }
      } else if (w[4] === 'static' && w.length === 7 && hostRange(w[5] as string) && hostRange(w[6] as string)) {
        c.use(s);
        natRules.push({ name: `static ${w[5]}`, kind: 'source', original: w[5] as string, translated: w[6] as string });
      }
    }
    const policies: SecurityPolicy[] = [];
    for (const i of ifs) for (const g of i.accessGroups) {
      if (!acls.has(g.acl)) continue;
      c.use(g.s);
      const lines = aclLines(g.acl);
      for (const l of lines) if (l.head) c.use(l.s);
      lines.forEach(({ s: line, a: list }, n) => {
        if (list === undefined) return;
        c.use(line);
        if (list === 'remark') return;
        // IOS has no zones unless zone-based firewall puts the interface in one; the direction says which side.
        const zone = i.zone ?? 'any';
        list.forEach((a, k) => policies.push(policyOf(`${g.acl} ${n}${list.length > 1 ? `.${k + 1}` : ''}`.slice(0, 63), a.action === 'permit' ? 'allow' : 'deny', g.dir === 'in' ? zone : 'any', g.dir === 'out' ? zone : 'any', a.src, a.dst, a.protocol, a.dp)));
      });
    }

    // ---- the peers
    const v1Policies = [...isakmp].sort((a, b) => a.priority - b.priority);
    const v2Policy = v2Policies[0];
    const peers: PeerMeaning[] = [];
    const keyFor = (address: string, p2: Phase2, profile: Profile | undefined): { key?: string } | undefined => {
      if (profile) {
        // The exact peer, else the first whose address and mask cover it ("peer … address A MASK").
        return lookup(profile.keyring ? keyrings.get(profile.keyring) : undefined, address);
      }
      const ip = p2.isakmpProfile ? isakmpProfiles.get(p2.isakmpProfile) : undefined;
      if (ip?.keyring) return lookup(v1Keyrings.get(ip.keyring), address);
      // The global keys, then any keyring's: the most specific address wins as on the box (exact first).
      return lookup(isakmpKeys, address) ?? [...v1Keyrings.values()].map((r) => lookup(r, address)).find((k) => k !== undefined);
    };
    const peerOf = (address: string, p2: Phase2, children: Omit<ChildMeaning, 'esp'>[], where: { routes: string[]; outside?: string; tunnel?: string; passive: boolean; name: string }): PeerMeaning => {
      const profile = p2.ikev2Profile ? profiles.get(p2.ikev2Profile) : undefined;
      const ikeVersion = profile ? 2 : 1;
      const esp = p2.transformSets.map((n) => transformSets.get(n)).filter((p): p is ProposalMeaning => p !== undefined).map((p) => ({ ...p, dhGroups: p2.pfs !== undefined ? [p2.pfs] : [] }));
      const kilobytes = p2.lifetimeKilobytes ?? globalLifetime.kilobytes;
      const espMeaning = { proposals: esp, lifetimeSeconds: p2.lifetimeSeconds ?? globalLifetime.seconds ?? SA_LIFETIME, ...(kilobytes !== undefined ? { lifetimeKilobytes: kilobytes } : {}) };
      // A host address the profile matches is the identity the peer sends by default only when it is the peer's own address.
      const hostId = profile?.remoteId?.startsWith('address-default:') ? profile.remoteId.slice('address-default:'.length) : undefined;
      const remoteId = hostId !== undefined ? (hostId !== address ? `address:${hostId}` : undefined) : profile?.remoteId;
      const ike = ikeVersion === 2
        ? { proposals: (v2Policy?.proposals ?? []).map((n) => v2Proposals.get(n)).filter((p): p is ProposalMeaning => p !== undefined), lifetimeSeconds: profile?.lifetime ?? IKE_LIFETIME }
        : { proposals: v1Policies.map((p) => p.proposal), ...(v1Policies[0] ? { lifetimeSeconds: v1Policies[0].lifetime } : {}) };
      const dpd = ikeVersion === 2 ? profile?.dpd : keepalive;
      // A peer of unknown address (a dynamic crypto map's) takes a key written for every address (`address 0.0.0.0 0.0.0.0`).
      const key = keyFor(address === '' ? '0.0.0.0' : address, p2, profile);
      const localAddress = (ikeVersion === 2 ? profile?.local ?? v2Policy?.local : undefined) ?? (where.outside ? ifByName.get(where.outside)?.address?.split('/')[0] : undefined);
      return {
        remoteAddress: address,
        ...(localAddress ? { localAddress } : {}),
        ikeVersion,
        ...(ikeVersion === 1 ? { exchangeMode: 'main' as const } : {}),
        ike,
        auth: { method: (ikeVersion === 2 ? profile?.method : v1Policies[0]?.method) ?? 'psk', ...(profile?.localId ? { localId: profile.localId } : {}), ...(remoteId ? { remoteId } : {}) },
        ...(dpd !== undefined ? { dpd: { intervalSeconds: dpd } } : {}),
        children: children.map((ch) => ({ ...ch, esp: espMeaning })),
        routes: where.routes,
        name: where.name,
        ...(where.outside ? { outsideInterface: where.outside } : {}),
        ...(where.tunnel ? { tunnelInterface: where.tunnel } : {}),
        ...(key?.key !== undefined ? { psk: key.key } : {}),
        ...(key ? { pskPresent: true } : {}),
        ...(where.passive ? { passive: true } : {}),
        ...(p2.transformSets[0] !== undefined && transportSets.has(p2.transformSets[0]) ? { espMode: 'transport' as const } : {}),
      };
    };
    /**
     * The names the parts of a tunnel have on the box, as this product's tunnel-end settings
     * (options.ts), so that the export of the imported box writes its own names. A name that is
     * not one word the setting takes (options.ts, IOS_NAME: a standard list, other punctuation,
     * longer than 64) is not recorded, and the export derives one, as for a tunnel drawn in the
     * app; transform sets are recorded as far as the export's order of ESP combinations (each
     * encryption with each integrity) is the box's order of sets.
     */
    const boxNames = (p2: Phase2, names: { map?: string; seq?: number; acl?: string; ipsecProfile?: string; peer?: string }): VendorOptions => {
      const out: Partial<IosEndOptions> = {};
      const fits = (v: string | undefined): v is string => v !== undefined && IOS_NAME.test(v);
      if (names.map !== undefined && iosEndOptions.schema.safeParse({ cryptoMap: names.map }).success) out.cryptoMap = names.map;
      if (names.seq !== undefined) out.mapSequence = names.seq;
      // A named list only when it is an extended one (the export writes `ip access-list extended`); a numbered extended list by its number.
      if (names.acl !== undefined && ((fits(names.acl) && extendedNamed.has(names.acl)) || (NUMBERED_EXTENDED.test(names.acl) && acls.has(names.acl)))) out.cryptoAcl = names.acl;
      if (fits(names.ipsecProfile)) out.ipsecProfile = names.ipsecProfile;
      const sets = p2.transformSets.filter((n) => transformSets.has(n));
      const esp = sets.map((n) => transformSets.get(n) as ProposalMeaning);
      const ints = [...new Set(esp.flatMap((x) => x.integrity))].filter((i) => i !== 'none');
      const combos = [...new Set(esp.flatMap((x) => x.encryption))].flatMap((e) => (isAead(e) ? [`${e}:none`] : ints.map((i) => `${e}:${i}`)));
      const inOrder: string[] = [];
      for (const [k, n] of sets.slice(0, 16).entries()) {
        const x = esp[k];
        if (!fits(n) || combos[k] !== `${x?.encryption[0] ?? ''}:${x?.integrity[0] ?? ''}`) break;
        inOrder.push(n);
      }
      if (inOrder.length > 0) out.transformSets = inOrder.join(' ');
      const profile = p2.ikev2Profile !== undefined ? profiles.get(p2.ikev2Profile) : undefined;
      if (profile && p2.ikev2Profile !== undefined) {
        if (fits(p2.ikev2Profile)) out.ikev2Profile = p2.ikev2Profile;
        const proposals = (v2Policy?.proposals ?? []).filter((n) => v2Proposals.has(n)).slice(0, 16);
        const misfit = proposals.findIndex((n) => !fits(n));
        // The n-th names the n-th proposal: the names before the first that does not fit.
        const fitting = misfit < 0 ? proposals : proposals.slice(0, misfit);
        if (fitting.length > 0) out.ikev2Proposals = fitting.join(' ');
        if (fits(v2Policy?.name)) out.ikev2Policy = v2Policy.name;
        if (fits(profile.keyring)) {
          out.ikev2Keyring = profile.keyring;
          const peer = lookup(keyrings.get(profile.keyring), names.peer ?? '')?.peer;
          if (fits(peer)) out.keyringPeer = peer;
        }
      } else {
        const isakmpText = v1Policies.slice(0, 32).map((x) => `${x.priority}:${x.proposal.encryption[0] ?? ''}:${x.proposal.integrity[0] ?? ''}:${x.proposal.dhGroups[0] ?? ''}`).join(' ');
        if (ISAKMP_POLICIES.test(isakmpText)) out.isakmpPolicies = isakmpText;
      }
      return { 'cisco-ios': out as Record<string, string | number> };
    };
    const childrenOf = (aclName: string): Omit<ChildMeaning, 'esp'>[] => {
      const out: Omit<ChildMeaning, 'esp'>[] = [];
      for (const { s: line, a: list, head } of aclLines(aclName)) {
        if (head) c.use(line);
        if (list === undefined) continue;
        c.use(line);
        if (list === 'remark') continue;
        // A deny line keeps its traffic out of the tunnel; each combination of an object group line is a proxy ID.
        // An ACL name may be longer than a proxy ID name (the document's LIMITS.name): clipped.
        for (const a of list) if (a.action === 'permit') out.push({ local: side(a.src, a.protocol, a.sp), remote: side(a.dst, a.protocol, a.dp), name: aclName.slice(0, LIMITS.name) });
      }
      return out;
    };
    const boundTo = new Map<string, string>();
    for (const i of ifs) for (const m of i.maps) boundTo.set(m, i.name);
    const usedDynamic = new Set<MapEntry>();
    for (const e of [...entries].sort((a, b) => a.map.localeCompare(b.map) || a.seq - b.seq)) {
      const outside = boundTo.get(e.map);
      for (const line of e.lines) (outside !== undefined ? c.use : c.ignore).call(c, line);
      if (outside === undefined) continue;
      if (e.dynamic !== undefined) {
        // A dynamic crypto map only answers peers not known before ("Security for VPNs with IPsec", dynamic crypto maps).
        for (const d of dynamicEntries.filter((x) => x.map === e.dynamic).sort((a, b) => a.seq - b.seq)) {
          usedDynamic.add(d);
          for (const line of d.lines) c.use(line);
          const children = d.acl ? childrenOf(d.acl) : [{ local: '0.0.0.0/0', remote: '0.0.0.0/0', name: `${d.map} ${d.seq}` }];
          peers.push(peerOf(d.peer ?? '', d, children, { routes: [], outside, passive: true, name: `${d.map} ${d.seq}` }));
        }
        continue;
      }
      if (!e.peer || !e.acl) continue;
      // Only a static entry's names are recorded: a dynamic map's entries are not what the export writes (a static entry that answers).
      peers.push({ ...peerOf(e.peer, e, childrenOf(e.acl), { routes: [], outside, passive: false, name: `${e.map} ${e.seq}` }), vendorOptions: boxNames(e, { map: e.map, seq: e.seq, acl: e.acl, peer: e.peer }) });
    }
    for (const d of dynamicEntries) if (!usedDynamic.has(d)) for (const line of d.lines) c.ignore(line);
    const usedProfiles = new Set<Phase2>();
    // Indexed once: a hub has thousands of tunnel interfaces.
    const routedOn = new Map<string, string[]>();
    for (const r of routes) {
      const list = routedOn.get(r.interface) ?? [];
      list.push(r.destination);
      routedOn.set(r.interface, list);
    }
    const ifOfAddress = new Map<string, string>();
    for (const x of ifs) {
      const a = x.address?.split('/')[0];
      if (a !== undefined && !ifOfAddress.has(a)) ifOfAddress.set(a, x.name);
    }
    for (const i of ifs) {
      const t = i.tunnel;
      const p2 = t?.profile ? ipsecProfiles.get(t.profile) : undefined;
      if (!t || !p2 || !t.destination) continue;
      usedProfiles.add(p2);
      const routed = [...(routedOn.get(i.name) ?? [])];
      // `tunnel source` names an interface or one of its addresses.
      const source = t.source && hostRange(t.source) ? ifOfAddress.get(t.source) : t.source;
      const sourceAddress = t.source && hostRange(t.source) ? t.source : ifByName.get(t.source ?? '')?.address?.split('/')[0];
      // A static VTI negotiates any to any of its family ("IPsec Virtual Tunnel Interfaces": the traffic
      // selector is always IP any any); a protected GRE tunnel, GRE between its two ends (unknown
      // when the source's address is not in the file, e.g. DHCP).
      const any = t.family === 'ipv4' ? '0.0.0.0/0' : '::/0';
      const greLocal = sourceAddress ? hostRange(sourceAddress) : undefined;
      const greRemote = hostRange(t.destination);
      const gre = greLocal && greRemote ? { local: greLocal, remote: greRemote } : undefined;
      const children = t.mode === 'ipsec' ? [{ local: any, remote: any }] : gre ? [{ local: side(gre.local, 47, undefined), remote: side(gre.remote, 47, undefined) }] : [];
      peers.push({ ...peerOf(t.destination, p2, children, { routes: routed, ...(source ? { outside: source } : {}), tunnel: i.name, passive: false, name: i.name }), vendorOptions: boxNames(p2, { ipsecProfile: t.profile, peer: t.destination }) });
    }
    for (const p of ipsecProfiles.values()) for (const line of p.lines) (usedProfiles.has(p) ? c.use : c.ignore).call(c, line);
    // Keys of peers with no crypto map entry or tunnel, and ACLs nothing uses, protect nothing.
    // Lists nothing in force names (crypto map, NAT, access-group) protect, translate and filter nothing, whatever their lines say.
    for (const [name, lines] of acls) if (!referenced.has(name)) for (const line of lines) c.ignore(line);
    for (const rm of routeMaps.values()) for (const l of rm.lines) c.ignore(l);
    const hasTunnels = peers.some((p) => p.tunnelInterface !== undefined);
    const vpnType = hasTunnels ? ('route-based' as const) : peers.length > 0 ? ('policy-based' as const) : undefined;
    return { ok: true, meaning: { peers, device: { ...device, ...(vpnType ? { vpnType } : {}), interfaces, routes, natRules, policies } }, lines: c.account() };
  },
};

/** The object groups of the file ("Object Groups for ACLs"), resolved when a list names them. */
interface Groups {
  networks: Map<string, { ranges: AddressRange[]; nested: string[] }>;
  services: Map<string, { services: { protocol: number; dp?: { from: number; to: number } }[]; nested: string[] }>;
}

function groupRanges(groups: Groups, name: string, depth = 0): AddressRange[] | undefined {
  const g = groups.networks.get(name);
  if (!g || depth > 16) return undefined;
  const nested = g.nested.map((n) => groupRanges(groups, n, depth + 1));
  return nested.every((x) => x !== undefined) ? [...g.ranges, ...(nested.flat() as AddressRange[])] : undefined;
}

function groupServices(groups: Groups, name: string, depth = 0): { protocol: number; dp?: { from: number; to: number } }[] | undefined {
  const g = groups.services.get(name);
  if (!g || depth > 16) return undefined;
  const nested = g.nested.map((n) => groupServices(groups, n, depth + 1));
  return nested.every((x) => x !== undefined) ? [...g.services, ...nested.flat() as { protocol: number; dp?: { from: number; to: number } }[]] : undefined;
}

function spanOf(a: string, b: string): AddressRange | undefined {
  const x = hostRange(a);
  const y = hostRange(b);
  return x && y && x.family === y.family && x.from <= y.from ? { family: x.family, from: x.from, to: y.from } : undefined;
}

/** One side of an ACL line: `any`, `host A`, `A WILDCARD` or `object-group G` (a standard list: `A` alone is one host). */
function aclSide(w: readonly string[], i: number, groups: Groups, standard = false): { ranges: AddressRange[]; taken: number } | undefined {
  if (w[i] === 'any') return { ranges: [ANY4], taken: 1 };
  if (w[i] === 'object-group') {
    const r = groupRanges(groups, w[i + 1] ?? '');
    return r ? { ranges: r, taken: 2 } : undefined;
  }
  if (w[i] === 'host') {
    const r = hostRange(w[i + 1] ?? '');
    return r ? { ranges: [r], taken: 2 } : undefined;
  }
  const r = w[i] && w[i + 1] ? maskedRange(w[i] as string, w[i + 1] as string, true) : undefined;
  if (r) return { ranges: [r], taken: 2 };
  const h = standard && w[i] && w[i + 1] === undefined ? hostRange(w[i] as string) : undefined;
  return h ? { ranges: [h], taken: 1 } : undefined;
}

/**
 * `permit|deny <protocol|object-group S> <source> [ports] <destination> [ports] [log]`, or a
 * standard list's `permit|deny <source>`: each combination of what its object groups hold.
 */
function aceOf(w: readonly string[], standard: boolean, groups: Groups): Ace[] | undefined {
  const action = w[0];
  if (action !== 'permit' && action !== 'deny') return undefined;
  const x = [...w.slice(1)];
  if (x[x.length - 1] === 'log' || x[x.length - 1] === 'log-input') x.pop();
  if (standard || (x.length <= 2 && (x[0] === 'any' || x[0] === 'host' || hostRange(x[0] ?? '')))) {
    const src = aclSide(x, 0, groups, true);
    return src && src.taken === x.length ? src.ranges.map((r) => ({ action, src: r, dst: ANY4, protocol: 0 })) : undefined;
  }
  const services = x[0] === 'object-group' ? groupServices(groups, x[1] ?? '') : aclProtocol(x[0]) !== undefined ? [{ protocol: aclProtocol(x[0]) as number }] : undefined;
  if (!services) return undefined;
  let i = x[0] === 'object-group' ? 2 : 1;
  const src = aclSide(x, i, groups);
  if (!src) return undefined;
  i += src.taken;
  const sp = portCondition(x, i);
  if (sp) i += sp.taken;
  const dst = aclSide(x, i, groups);
  if (!dst) return undefined;
  i += dst.taken;
  const dp = portCondition(x, i);
  if (dp) i += dp.taken;
  if (i !== x.length) return undefined;
  const out: Ace[] = [];
  for (const svc of services) for (const s of src.ranges) for (const d of dst.ranges) {
    const dports = dp ?? ('dp' in svc ? svc.dp : undefined);
    out.push({ action, src: s, dst: d, protocol: svc.protocol, ...(sp ? { sp } : {}), ...(dports ? { dp: dports } : {}) });
  }
  return out;
}
