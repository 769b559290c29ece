// Reads a PAN-OS configuration written as configure-mode `set` lines (what `show config running
// format set` prints and what ./export.ts writes) into what it means for its VPNs: the start of
// configuration import. It reads the CLI's syntax, not our exporter's line shapes: a line is
// words (Batfish's PAN-OS lexer: "…" and '…' without escapes; [ ] ; , { } & | ( ) are words of
// their own), a `[ a b ]` list is several values, statements may come in any order, and a name is
// resolved wherever it is defined. Statements and keywords as the PAN-OS schema has them
// (pan-os-codegen specs/network/ike-gateway.yaml, tunnels/ipsec.yaml, objects/profiles/*).
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { parsePrefix } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import type { ChildMeaning, ConfigMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { LIFESIZE_UNITS, LIFETIME_UNITS } from './capabilities';

const ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', 'aes-128-cbc': 'aes128', 'aes-192-cbc': 'aes192', 'aes-256-cbc': 'aes256', 'aes-128-gcm': 'aes128gcm16', 'aes-256-gcm': 'aes256gcm16', null: 'null' };
const HASH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', 'non-auth': 'none', none: 'none' };
const ID_TYPES: Record<string, string> = { ipaddr: 'address', fqdn: 'fqdn', ufqdn: 'user-fqdn', keyid: 'key-id', dn: 'dn' };

/** The words of one line, quotes removed; undefined when a quote is not closed. */
export function panosWords(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end < 0) return undefined;
      out.push(line.slice(i + 1, end));
      i = end + 1;
    } else if (';,{}[]&|()'.includes(c)) {
      out.push(c);
      i++;
    } else {
      const m = /^[^\s;,{}[\]&|()"']+/.exec(line.slice(i)) as RegExpExecArray;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

/** The values of a `[ a b ]` list, or the one value. */
function values(words: readonly string[]): string[] {
  return words[0] === '[' ? words.slice(1, words.indexOf(']') < 0 ? undefined : words.indexOf(']')) : words.slice(0, 1);
}

interface IkeProfile { encryption: string[]; hash: string[]; dh: string[]; lifetime?: number }
interface IpsecProfile { encryption: string[]; authentication: string[]; dh?: string; lifetime?: number; lifesize?: number }
interface Gw { version?: string; profile: Record<string, string>; mode?: string; dpd: Record<string, { enable?: boolean; interval?: number }>; local?: string; peer?: string; psk: boolean; localId?: string; peerId?: string }
interface ProxyId { name: string; local: string; remote: string; protocol: number; localPort: number; remotePort: number }
interface Tunnel { tunnelInterface?: string; gateway?: string; profile?: string; proxyIds: ProxyId[] }

const entry = <K, T>(map: Map<K, T>, name: K, make: () => NoInfer<T>): T => {
  let v = map.get(name);
  if (!v) {
    v = make();
    map.set(name, v);
  }
  return v;
};

function amount(units: typeof LIFETIME_UNITS, unit: string | undefined, n: string | undefined): number | undefined {
  const u = units.find((x) => x.word === unit);
  return u && n !== undefined && /^\d+$/.test(n) ? Number(n) * u.size : undefined;
}

function proposal(encryption: readonly string[], integrity: readonly string[], groups: readonly string[]): ProposalMeaning {
  return {
    encryption: encryption.map((e) => ENC[e]).filter((e): e is Encryption => e !== undefined),
    integrity: integrity.map((h) => HASH[h]).filter((h): h is Integrity => h !== undefined),
    dhGroups: groups.map((g) => /^group(\d+)$/.exec(g)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]) as DhGroup),
  };
}

/** A proxy ID side in strongSwan notation, with its protocol and port (0: any port). */
function side(prefix: string, protocol: number, port: number): string | undefined {
  const p = parsePrefix(prefix);
  if (!p.ok) return undefined;
  return formatSelector(fromRange(p.value, protocol, port === 0 ? 0 : port, port === 0 ? 65535 : port));
}

export const panosReader: VendorReader = {
  read(files) {
    const lines: LineAccount = { used: 0, ignored: 0, unknown: [] };
    const ike = new Map<string, IkeProfile>();
    const ipsec = new Map<string, IpsecProfile>();
    const gateways = new Map<string, Gw>();
    const tunnels = new Map<string, Tunnel>();
    // A static route is an entry of its virtual router by name: a later line with the same name sets the same entry.
    const routes = new Map<string, { destination?: string; iface?: string }>();
    for (const file of files) {
      file.content.split('\n').forEach((text, n) => {
        const trimmed = text.trim();
        if (trimmed === '' || trimmed.startsWith('#')) return;
        const unknown = () => lines.unknown.push({ file: file.name, line: n + 1, text: trimmed });
        const w = panosWords(trimmed);
        if (!w) unknown();
        else if (read(w)) lines.used++;
        else if (unrelated(w)) lines.ignored++;
        else unknown();
      });
    }

    /** Reads one statement; false when it is not one this reader understands. */
    function read(w: string[]): boolean {
      if (w[0] !== 'set' || w[1] !== 'network') return false;
      const [, , a, b, c, d, ...rest] = w;
      if (a === 'ike' && b === 'crypto-profiles' && c === 'ike-crypto-profiles' && d) {
        const p = entry(ike, d, () => ({ encryption: [], hash: [], dh: [] }));
        const [k, ...v] = rest;
        if (k === 'encryption') p.encryption = values(v);
        else if (k === 'hash') p.hash = values(v);
        else if (k === 'dh-group') p.dh = values(v);
        else if (k === 'lifetime') p.lifetime = amount(LIFETIME_UNITS, v[0], v[1]);
        else return false;
        return k !== 'lifetime' || p.lifetime !== undefined;
      }
      if (a === 'ike' && b === 'crypto-profiles' && c === 'ipsec-crypto-profiles' && d) {
        const p = entry(ipsec, d, () => ({ encryption: [], authentication: [] }));
        const [k, ...v] = rest;
        if (k === 'esp' && v[0] === 'encryption') p.encryption = values(v.slice(1));
        else if (k === 'esp' && v[0] === 'authentication') p.authentication = values(v.slice(1));
        else if (k === 'dh-group') p.dh = v[0];
        else if (k === 'lifetime') return (p.lifetime = amount(LIFETIME_UNITS, v[0], v[1])) !== undefined;
        else if (k === 'lifesize') return (p.lifesize = amount(LIFESIZE_UNITS, v[0], v[1])) !== undefined;
        else return false;
        return true;
      }
      if (a === 'ike' && b === 'gateway' && c) {
        const g = entry(gateways, c, () => ({ profile: {}, dpd: {}, psk: false }));
        const v = [d, ...rest];
        if (v[0] === 'protocol' && v[1] === 'version' && v[2]) g.version = v[2];
        else if (v[0] === 'protocol' && (v[1] === 'ikev1' || v[1] === 'ikev2') && v[2] === 'ike-crypto-profile' && v[3]) g.profile[v[1]] = v[3];
        else if (v[0] === 'protocol' && v[1] === 'ikev1' && v[2] === 'exchange-mode' && v[3]) g.mode = v[3];
        else if (v[0] === 'protocol' && (v[1] === 'ikev1' || v[1] === 'ikev2') && v[2] === 'dpd' && v[3] === 'enable') (g.dpd[v[1]] ??= {}).enable = v[4] === 'yes';
        else if (v[0] === 'protocol' && (v[1] === 'ikev1' || v[1] === 'ikev2') && v[2] === 'dpd' && v[3] === 'interval' && /^\d+$/.test(v[4] ?? '')) (g.dpd[v[1]] ??= {}).interval = Number(v[4]);
        else if (v[0] === 'local-address' && v[1] === 'interface' && v[2]) g.local = v[3] === 'ip' ? v[4]?.split('/')[0] : g.local;
        else if (v[0] === 'peer-address' && v[1] === 'ip' && v[2]) g.peer = v[2];
        else if (v[0] === 'authentication' && v[1] === 'pre-shared-key' && v[2] === 'key' && v[3] !== undefined) g.psk = true;
        else if ((v[0] === 'local-id' || v[0] === 'peer-id') && v[1] === 'type' && v[2] && v[3] === 'id' && v[4] !== undefined) {
          const id = `${ID_TYPES[v[2]] ?? v[2]}:${v[4]}`;
          if (v[0] === 'local-id') g.localId = id;
          else g.peerId = id;
        } else if (v[0] === 'protocol-common' || (v[0] === 'ipv6' && v[1] === 'yes')) return true;
        else return false;
        return true;
      }
      if (a === 'tunnel' && b === 'ipsec' && c) {
        const t = entry(tunnels, c, () => ({ proxyIds: [] }));
        const v = [d, ...rest];
        if (v[0] === 'tunnel-interface' && v[1]) t.tunnelInterface = v[1];
        else if (v[0] === 'auto-key' && v[1] === 'ike-gateway' && v[2]) t.gateway = v[2];
        else if (v[0] === 'auto-key' && v[1] === 'ipsec-crypto-profile' && v[2]) t.profile = v[2];
        else if (v[0] === 'auto-key' && (v[1] === 'proxy-id' || v[1] === 'proxy-id-v6') && v[2]) return proxyId(t, v[2], rest.slice(2));
        else if (v[0] === 'tunnel-monitor' || (v[0] === 'ipv6' && v[1] === 'yes')) return true;
        else return false;
        return true;
      }
      if (a === 'virtual-router' && b && c === 'routing-table' && (d === 'ip' || d === 'ipv6') && rest[0] === 'static-route' && rest[1]) {
        const at = (k: string) => (rest.includes(k) ? rest[rest.indexOf(k) + 1] : undefined);
        const route = entry<string, { destination?: string; iface?: string }>(routes, `${b} ${d} ${rest[1]}`, () => ({}));
        const destination = at('destination');
        const iface = at('interface');
        if (!destination && !iface) return false;
        if (destination) route.destination = destination;
        if (iface) route.iface = iface;
        return true;
      }
      if (a === 'interface' && b === 'tunnel' && c === 'units' && d) return true;
      if (a === 'profiles' && b === 'monitor-profile') return true;
      return false;
    }

    function proxyId(t: Tunnel, name: string, v: string[]): boolean {
      const at = (k: string) => (v.includes(k) ? v[v.indexOf(k) + 1] : undefined);
      const local = at('local');
      const remote = at('remote');
      const p = at('protocol');
      if (!local || !remote || !p) return false;
      const protocol = p === 'any' ? 0 : p === 'tcp' ? 6 : p === 'udp' ? 17 : p === 'number' ? Number(v[v.indexOf('number') + 1]) : NaN;
      if (!Number.isInteger(protocol)) return false;
      const port = (k: string) => (protocol === 6 || protocol === 17 ? Number(at(k) ?? 0) : 0);
      t.proxyIds.push({ name, local, remote, protocol, localPort: port('local-port'), remotePort: port('remote-port') });
      return true;
    }

    // The static routes through each interface, grouped once rather than scanned per tunnel (a
    // hub has thousands of both). Tunnels that share a tunnel interface share its one list: the
    // assembler reads it, never writes it.
    const routesVia = new Map<string, string[]>();
    {
      const seen = new Set<string>();
      for (const r of routes.values()) {
        if (r.destination === undefined) continue;
        const key = r.iface ?? '\n';
        if (seen.has(`${key} ${r.destination}`)) continue;
        seen.add(`${key} ${r.destination}`);
        entry(routesVia, key, () => []).push(r.destination);
      }
    }
    const peers: PeerMeaning[] = [];
    for (const [name, t] of tunnels) {
      const g = t.gateway ? gateways.get(t.gateway) : undefined;
      if (!g || !g.peer) return { ok: false, message: `IPSec tunnel ${name} names IKE gateway ${t.gateway ?? '(none)'}, which has no peer-address in the files` };
      const version = g.version === 'ikev2' || g.version === 'ikev2-preferred' ? 2 : 1;
      const key = version === 2 ? 'ikev2' : 'ikev1';
      const ikeProfile = ike.get(g.profile[key] ?? 'default');
      const esp = ipsec.get(t.profile ?? 'default');
      const espProposals = esp ? [proposal(esp.encryption, esp.authentication, esp.dh && esp.dh !== 'no-pfs' ? [esp.dh] : [])] : [];
      const childEsp = { proposals: espProposals, ...(esp?.lifetime !== undefined ? { lifetimeSeconds: esp.lifetime } : {}), ...(esp?.lifesize !== undefined ? { lifetimeKilobytes: esp.lifesize } : {}) };
      const ids = t.proxyIds.length > 0 ? t.proxyIds : [{ name: '', local: '0.0.0.0/0', remote: '0.0.0.0/0', protocol: 0, localPort: 0, remotePort: 0 }];
      const children: ChildMeaning[] = [];
      for (const p of ids) {
        const local = side(p.local, p.protocol, p.localPort);
        const remote = side(p.remote, p.protocol, p.remotePort);
        if (local === undefined || remote === undefined) return { ok: false, message: `proxy ID ${p.name} of IPSec tunnel ${name} has an address that is not a prefix` };
        children.push({ local, remote, esp: childEsp });
      }
      const dpd = g.dpd[key];
      peers.push({
        remoteAddress: g.peer,
        ...(g.local ? { localAddress: g.local } : {}),
        ikeVersion: version,
        ...(version === 1 ? { exchangeMode: g.mode === 'aggressive' ? 'aggressive' : 'main' } : {}),
        ike: { proposals: ikeProfile ? [proposal(ikeProfile.encryption, ikeProfile.hash, ikeProfile.dh)] : [], ...(ikeProfile?.lifetime !== undefined ? { lifetimeSeconds: ikeProfile.lifetime } : {}) },
        auth: { method: g.psk ? 'psk' : 'certificate', ...(g.localId ? { localId: g.localId } : {}), ...(g.peerId ? { remoteId: g.peerId } : {}) },
        ...(dpd?.enable ? { dpd: { intervalSeconds: dpd.interval ?? 5 } } : {}),
        children,
        routes: routesVia.get(t.tunnelInterface ?? '\n') ?? [],
      });
    }
    const meaning: ConfigMeaning = { peers };
    const result: ReadResult = { ok: true, meaning, lines };
    return result;
  },
};

/** Statements of the configuration that carry no VPN meaning: zones, addresses, services, rules. */
function unrelated(w: readonly string[]): boolean {
  const [a, b, c] = w;
  if (a === 'move' && b === 'rulebase') return true;
  if (a !== 'set') return false;
  return b === 'zone' || b === 'address' || b === 'service' || b === 'rulebase' || (b === 'network' && c === 'virtual-router');
}
