// Reads a Junos SRX configuration written as flat `set` lines (what `show configuration | display
// set` prints and what ./export.ts writes) into what it means for its VPNs: the start of
// configuration import. It reads the CLI's syntax, not our exporter's line shapes: words split at
// spaces, "…" quoted with backslash escapes, `[ a b ]` lists, statements in any order, each name
// resolved wherever it is defined. Statements as Juniper's "Route-Based IPsec VPNs", "Policy-Based
// IPsec VPNs" and "Traffic Selectors in Route-Based VPNs" (Junos OS IPsec VPN User Guide) write them.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { parseAddressSpec, parsePrefix, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import type { ChildMeaning, LineAccount, PeerMeaning, ProposalMeaning, VendorReader } from '../kit/reader';

const ENC: Record<string, Encryption> = { 'des-cbc': 'des', '3des-cbc': '3des', 'aes-128-cbc': 'aes128', 'aes-192-cbc': 'aes192', 'aes-256-cbc': 'aes256', 'aes-128-gcm': 'aes128gcm16', 'aes-256-gcm': 'aes256gcm16' };
const IKE_AUTH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
const ESP_AUTH: Record<string, Integrity> = { 'hmac-md5-96': 'md5', 'hmac-sha1-96': 'sha1', 'hmac-sha-256-128': 'sha256', 'hmac-sha-384': 'sha384', 'hmac-sha-512': 'sha512' };
const ID_TYPES: Record<string, string> = { inet: 'address', inet6: 'address', hostname: 'fqdn', 'user-at-hostname': 'user-fqdn', 'distinguished-name': 'dn' };

/** The words of one line, quotes removed and backslash escapes undone; undefined when a quote is not closed. */
export function junosWords(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        text += line[i];
        i++;
      }
      if (i >= line.length) return undefined;
      out.push(text);
      i++;
    } else {
      const m = /^[^\s"]+/.exec(line.slice(i)) as RegExpExecArray;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** The values of a `[ a b ]` list, or the one value. */
function values(words: readonly string[]): string[] {
  if (words[0] !== '[') return words.slice(0, 1);
  const end = words.indexOf(']');
  return words.slice(1, end < 0 ? undefined : end);
}

const entry = <T>(map: Map<string, T>, name: string, make: () => NoInfer<T>): T => {
  let v = map.get(name);
  if (!v) {
    v = make();
    map.set(name, v);
  }
  return v;
};

interface Proposal { dh?: string; auth?: string; enc?: string; lifetime?: number; kilobytes?: number }
interface IkePolicy { mode?: string; proposals: string[]; psk: boolean }
interface Gateway { policy?: string; address?: string; local?: string; version?: string; localId?: string; remoteId?: string; dpd?: number }
interface IpsecPolicy { pfs?: string; proposals: string[] }
interface Vpn { bind?: string; gateway?: string; policy?: string; proxy?: { local: string; remote: string; service: string }; selectors: Map<string, { local?: string; remote?: string }> }
interface Application { protocol?: string; destinationPort?: string; sourcePort?: string }
interface Policy { from: string; to: string; sources: string[]; destinations: string[]; application: string; vpn?: string }

function groupOf(text: string | undefined): DhGroup[] {
  const m = /^group(\d+)$/.exec(text ?? '');
  return m ? [Number(m[1]) as DhGroup] : [];
}

function port(text: string | undefined): { from: number; to: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text ?? '');
  return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : { from: 0, to: 65535 };
}

function side(range: AddressRange, protocol = 0, ports = { from: 0, to: 65535 }): string {
  return formatSelector(fromRange(range, protocol, ports.from, ports.to));
}

export const junosReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const ikeProposals = new Map<string, Proposal>();
    const ikePolicies = new Map<string, IkePolicy>();
    const gateways = new Map<string, Gateway>();
    const espProposals = new Map<string, Proposal>();
    const ipsecPolicies = new Map<string, IpsecPolicy>();
    const vpns = new Map<string, Vpn>();
    const addresses = new Map<string, AddressRange>();
    const applications = new Map<string, Application>();
    const policies = new Map<string, Policy>();
    const ikeZones = new Set<string>();
    const routes: { destination: string; nextHop: string }[] = [];

    for (const file of files) {
      file.content.split('\n').forEach((text, n) => {
        const trimmed = text.trim();
        if (trimmed === '' || trimmed.startsWith('#')) return;
        const w = junosWords(trimmed);
        if (w && read(w)) lines.used++;
        else if (w && unrelated(w)) lines.ignored++;
        else lines.unknown.push({ file: file.name, line: n + 1, text: trimmed });
      });
    }

    function proposal(map: Map<string, Proposal>, name: string, v: readonly string[], auth: Record<string, Integrity>): boolean {
      const p = entry(map, name, () => ({}));
      const [k, x] = v;
      if (k === 'authentication-method' || (k === 'protocol' && x === 'esp') || k === 'description') return true;
      if (k === 'dh-group' && x) p.dh = x;
      else if (k === 'authentication-algorithm' && x && auth[x]) p.auth = x;
      else if (k === 'encryption-algorithm' && x && ENC[x]) p.enc = x;
      else if (k === 'lifetime-seconds' && /^\d+$/.test(x ?? '')) p.lifetime = Number(x);
      else if (k === 'lifetime-kilobytes' && /^\d+$/.test(x ?? '')) p.kilobytes = Number(x);
      else return false;
      return true;
    }

    /** Reads one statement; false when it is not one this reader understands. */
    function read(w: string[]): boolean {
      if (w[0] !== 'set') return false;
      const [, a, b, c, d, ...v] = w;
      if (a === 'security' && b === 'ike' && c === 'proposal' && d) return proposal(ikeProposals, d, v, IKE_AUTH);
      if (a === 'security' && b === 'ipsec' && c === 'proposal' && d) return proposal(espProposals, d, v, ESP_AUTH);
      if (a === 'security' && b === 'ike' && c === 'policy' && d) {
        const p = entry(ikePolicies, d, () => ({ proposals: [], psk: false }));
        if (v[0] === 'mode' && v[1]) p.mode = v[1];
        else if (v[0] === 'proposals') p.proposals = values(v.slice(1));
        else if (v[0] === 'pre-shared-key' && (v[1] === 'ascii-text' || v[1] === 'hexadecimal') && v[2] !== undefined) p.psk = true;
        else return false;
        return true;
      }
      if (a === 'security' && b === 'ike' && c === 'gateway' && d) {
        const g = entry(gateways, d, () => ({}));
        const [k, x, y] = v;
        if (k === 'ike-policy' && x) g.policy = x;
        else if (k === 'address' && x) g.address = x;
        else if (k === 'local-address' && x) g.local = x;
        else if (k === 'version' && x) g.version = x;
        else if ((k === 'local-identity' || k === 'remote-identity') && x && ID_TYPES[x]) {
          const id = `${ID_TYPES[x]}:${y ?? ''}`;
          if (k === 'local-identity') g.localId = id;
          else g.remoteId = id;
        } else if (k === 'dead-peer-detection') g.dpd = x === 'interval' && /^\d+$/.test(y ?? '') ? Number(y) : (g.dpd ?? 10);
        else if (k === 'external-interface' || k === 'no-nat-traversal') return true;
        else return false;
        return true;
      }
      if (a === 'security' && b === 'ipsec' && c === 'policy' && d) {
        const p = entry(ipsecPolicies, d, () => ({ proposals: [] }));
        if (v[0] === 'perfect-forward-secrecy' && v[1] === 'keys' && v[2]) p.pfs = v[2];
        else if (v[0] === 'proposals') p.proposals = values(v.slice(1));
        else return false;
        return true;
      }
      if (a === 'security' && b === 'ipsec' && c === 'vpn' && d) {
        const vpn = entry(vpns, d, () => ({ selectors: new Map() }));
        const at = (k: string) => (v.includes(k) ? v[v.indexOf(k) + 1] : undefined);
        if (v[0] === 'bind-interface' && v[1]) vpn.bind = v[1];
        else if (v[0] === 'ike' && v[1] === 'gateway' && v[2]) vpn.gateway = v[2];
        else if (v[0] === 'ike' && v[1] === 'ipsec-policy' && v[2]) vpn.policy = v[2];
        else if (v[0] === 'ike' && v[1] === 'proxy-identity') {
          const local = at('local');
          const remote = at('remote');
          if (!local || !remote) return false;
          vpn.proxy = { local, remote, service: at('service') ?? 'any' };
        } else if (v[0] === 'traffic-selector' && v[1]) {
          const ts = entry(vpn.selectors, v[1], () => ({}));
          const local = at('local-ip');
          const remote = at('remote-ip');
          if (!local && !remote) return false;
          if (local) ts.local = local;
          if (remote) ts.remote = remote;
        } else if (v[0] === 'establish-tunnels' || v[0] === 'vpn-monitor') return true;
        else return false;
        return true;
      }
      if (a === 'interfaces' && /^st0$/.test(b ?? '') && c === 'unit' && d && v[0] === 'family') return true;
      if (a === 'routing-options') {
        const rest = [b, c, d, ...v];
        const i = rest.indexOf('route');
        const destination = rest[i + 1];
        const nextHop = rest[rest.indexOf('next-hop') + 1];
        if (i < 0 || !destination || !rest.includes('next-hop') || !nextHop) return false;
        routes.push({ destination, nextHop });
        return true;
      }
      if (a === 'security' && b === 'address-book' && c && d === 'address' && v[0]) {
        const spec = v[1] === 'range-address' && v[3] === 'to' ? `${v[2]}-${v[4]}` : v[1];
        const r = spec ? parseAddressSpec(spec) : undefined;
        if (!r?.ok) return false;
        addresses.set(v[0], r.value);
        return true;
      }
      if (a === 'applications' && b === 'application' && c) {
        const app = entry(applications, c, () => ({}));
        if (d === 'protocol' && v[0]) app.protocol = v[0];
        else if (d === 'destination-port' && v[0]) app.destinationPort = v[0];
        else if (d === 'source-port' && v[0]) app.sourcePort = v[0];
        else return false;
        return true;
      }
      if (a === 'security' && b === 'policies' && c === 'from-zone' && d && v[0] === 'to-zone' && v[1] && v[2] === 'policy' && v[3]) {
        const p = entry(policies, `${d} ${v[1]} ${v[3]}`, () => ({ from: d, to: v[1] as string, sources: [], destinations: [], application: 'any' }));
        const rest = v.slice(4);
        if (rest[0] === 'match') {
          const s = rest.indexOf('source-address');
          const t = rest.indexOf('destination-address');
          if (s >= 0) p.sources = values(rest.slice(s + 1));
          if (t >= 0) p.destinations = values(rest.slice(t + 1));
          const app = rest.indexOf('application');
          if (app >= 0) p.application = values(rest.slice(app + 1))[0] ?? 'any';
          return s >= 0 || t >= 0 || rest.includes('application');
        }
        if (rest[0] === 'then') {
          if (rest[1] === 'permit' && rest[2] === 'tunnel' && rest[3] === 'ipsec-vpn' && rest[4]) p.vpn = rest[4];
          return true;
        }
        return false;
      }
      if (a === 'security' && b === 'zones' && c === 'security-zone' && d && v.join(' ') === 'host-inbound-traffic system-services ike') {
        ikeZones.add(d);
        return true;
      }
      return false;
    }

    /** An application's protocol and its source and destination ports (`any`: every protocol and port). */
    function matchOf(name: string): [number, { from: number; to: number }, { from: number; to: number }] {
      const app = applications.get(name);
      const protocol = !app?.protocol ? 0 : (({ tcp: 6, udp: 17, icmp: 1 }) as Record<string, number>)[app.protocol] ?? Number(app.protocol);
      return [protocol, port(app?.sourcePort), port(app?.destinationPort)];
    }

    const peers: PeerMeaning[] = [];
    for (const [name, vpn] of vpns) {
      const g = vpn.gateway ? gateways.get(vpn.gateway) : undefined;
      if (!g || !g.address) return { ok: false, message: `VPN ${name} names IKE gateway ${vpn.gateway ?? '(none)'}, which has no address in the files` };
      const ikePolicy = g.policy ? ikePolicies.get(g.policy) : undefined;
      const ipsecPolicy = vpn.policy ? ipsecPolicies.get(vpn.policy) : undefined;
      const ike = (ikePolicy?.proposals ?? []).map((p) => ikeProposals.get(p)).filter((p): p is Proposal => p !== undefined);
      const esp = (ipsecPolicy?.proposals ?? []).map((p) => espProposals.get(p)).filter((p): p is Proposal => p !== undefined);
      const meaningOf = (p: Proposal, auth: Record<string, Integrity>, groups: DhGroup[]): ProposalMeaning => ({
        encryption: p.enc && ENC[p.enc] ? [ENC[p.enc] as Encryption] : [],
        integrity: p.auth && auth[p.auth] ? [auth[p.auth] as Integrity] : [],
        dhGroups: groups,
      });
      const espMeaning = {
        proposals: esp.map((p) => meaningOf(p, ESP_AUTH, groupOf(ipsecPolicy?.pfs))),
        ...(esp[0]?.lifetime !== undefined ? { lifetimeSeconds: esp[0].lifetime } : {}),
        ...(esp[0]?.kilobytes !== undefined ? { lifetimeKilobytes: esp[0].kilobytes } : {}),
      };
      const children: ChildMeaning[] = [];
      const child = (local: string, remote: string) => children.push({ local, remote, esp: espMeaning });
      const prefix = (text: string) => {
        const r = parsePrefix(text);
        return r.ok ? r.value : undefined;
      };
      if (vpn.selectors.size > 0) {
        for (const ts of vpn.selectors.values()) {
          const l = ts.local ? prefix(ts.local) : undefined;
          const r = ts.remote ? prefix(ts.remote) : undefined;
          if (!l || !r) return { ok: false, message: `a traffic selector of VPN ${name} has no local-ip or remote-ip prefix` };
          child(side(l), side(r));
        }
      } else if (vpn.proxy) {
        const l = prefix(vpn.proxy.local);
        const r = prefix(vpn.proxy.remote);
        if (!l || !r) return { ok: false, message: `the proxy-identity of VPN ${name} is not two prefixes` };
        const [protocol, src, dst] = matchOf(vpn.proxy.service);
        child(side(l, protocol, src), side(r, protocol, dst));
      } else if (!vpn.bind) {
        // Policy-based: the policy toward the zone IKE arrives in carries the VPN's local and remote addresses.
        const own = [...policies.values()].filter((p) => p.vpn === name);
        const out = own.find((p) => ikeZones.has(p.to)) ?? own[0];
        const set = (names: string[]) => names.map((x) => addresses.get(x) ?? (x === 'any' ? prefix('0.0.0.0/0') : undefined));
        for (const p of own.filter((x) => out && x.from === out.from && x.to === out.to)) {
          const [protocol, src, dst] = matchOf(p.application);
          for (const l of set(p.sources)) for (const r of set(p.destinations)) if (l && r) child(side(l, protocol, src), side(r, protocol, dst));
        }
      } else {
        child('0.0.0.0/0', '0.0.0.0/0');
      }
      peers.push({
        remoteAddress: g.address,
        ...(g.local ? { localAddress: g.local } : {}),
        ikeVersion: g.version === 'v2-only' ? 2 : 1,
        ...(g.version === 'v2-only' ? {} : { exchangeMode: ikePolicy?.mode === 'aggressive' ? 'aggressive' : 'main' }),
        ike: { proposals: ike.map((p) => meaningOf(p, IKE_AUTH, groupOf(p.dh))), ...(ike[0]?.lifetime !== undefined ? { lifetimeSeconds: ike[0].lifetime } : {}) },
        auth: { method: ikePolicy?.psk ? 'psk' : 'certificate', ...(g.localId ? { localId: g.localId } : {}), ...(g.remoteId ? { remoteId: g.remoteId } : {}) },
        ...(g.dpd !== undefined ? { dpd: { intervalSeconds: g.dpd } } : {}),
        children,
        routes: vpn.bind ? [...new Set(routes.filter((r) => r.nextHop === vpn.bind).map((r) => r.destination))] : [],
      });
    }
    return { ok: true, meaning: { peers }, lines };
  },
};

/** Statements of the configuration that carry no VPN meaning: zones' interfaces, NAT. */
function unrelated(w: readonly string[]): boolean {
  const [a, b, c] = w;
  return a === 'set' && b === 'security' && (c === 'zones' || c === 'nat');
}
