// Reads a FortiOS configuration (what the exporter writes, and the same tables of a running
// configuration) back into what it means for the VPNs. FortiOS syntax as the CLI takes it
// (Fortinet, FortiOS 7.4.6 CLI Reference, "CLI basics"): `config <table>` … `edit <entry>` …
// `set <key> <value>…` … `next` … `end`, tables nesting inside entries; a word is bare, "double
// quoted" (a backslash escapes " ' and \) or 'single quoted'; `#` starts a comment line. The
// meaning: one peer per `vpn ipsec phase1-interface` entry, its children the phase2-interface
// entries naming it (phase1name), its routes the `router static`/`static6` entries whose device
// is its tunnel interface (named as the phase 1). Defaults are the CLI Reference's. For import,
// each peer also carries its name and tunnel interface (the phase 1), its outside interface
// (`interface`), the key when in clear (not `ENC …`), `nattraversal` and `passive-mode` as written.
//
// A running configuration (`show full-configuration`, a backup file) holds much more: the
// device part (./device.ts) reads the `#config-version=` header, hostname, interfaces, zones,
// static routes, addresses, services and firewall policies. A file with VDOMs (`config global`
// … `end`, `config vdom` / `edit <vdom>` … `next` … `end`: FortiOS 7.4.6 Administration Guide,
// "Virtual Domains", "VDOM configuration") is read for one VDOM: the first that holds
// phase1-interface tunnels, else root. Tables that say nothing about VPNs (log, system admin,
// dns, ntp…) are ignored as whole blocks; every line of a `vpn ipsec` table the reader does not
// know is reported with its number.
import type { DhGroup, Encryption, Integrity } from '../../model/document';
import { formatRange, parseIp, type AddressRange } from '../../net/address';
import { formatSelector, fromRange } from '../../net/selector';
import type { ChildMeaning, ConfigMeaning, LineAccount, PeerMeaning, ProposalMeaning, ReadResult, VendorReader } from '../kit/reader';
import { addressRanges, deviceOf, DEVICE_TABLES, prefix, range, subnet, type Entry, type Statement, type Tables } from './device';
import { ADDRESS_LIST, LIST_MAX, OBJECT_NAME, PHASE1_NAME, PHASE2_LIST, PHASE2_OBJECTS, POLICY_ID_MAX, ROUTE_LIST, type FortigateEndOptions } from './options';

/** The words of one line, or why they cannot be read. */
function lex(text: string): { ok: true; words: string[] } | { ok: false; why: string } {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let out = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (c === '"' && text[j] === '\\' && j + 1 < text.length) j++;
        out += text[j];
      }
      if (j >= text.length) return { ok: false, why: 'a quoted string is not closed' };
      words.push(out);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ' && text[j] !== '\t') j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return { ok: true, words };
}

/**
 * The keys of the `vpn ipsec` tables the reader understands (FortiOS 7.4.6 CLI Reference, "config
 * vpn ipsec phase1-interface", "config vpn ipsec phase2-interface"): those it reads, and those a
 * running configuration prints whose value changes nothing the model holds (comments, the
 * wizard's bookkeeping, route and forwarding options). Any other key of these tables is reported.
 */
const TABLES: Record<string, ReadonlySet<string>> = {
  'vpn ipsec phase1-interface': new Set(['interface', 'ike-version', 'mode', 'ip-version', 'peertype', 'net-device', 'proposal', 'dhgrp', 'keylife', 'remote-gw', 'remote-gw6', 'local-gw', 'authmethod', 'psksecret', 'localid', 'localid-type', 'peerid', 'dpd', 'dpd-retryinterval', 'dpd-retrycount', 'nattraversal', 'comments', 'wizard-type', 'add-route', 'add-gw-route', 'auto-negotiate', 'distance', 'priority', 'keepalive', 'negotiate-timeout', 'fragmentation', 'fragmentation-mtu', 'exchange-interface-ip', 'passive-mode', 'npu-offload', 'send-cert-chain', 'ha-sync-esp-seqno', 'idle-timeout', 'reauth', 'rekey', 'certificate', 'peer', 'signature-hash-alg', 'rsa-signature-format', 'cert-id-validation', 'link-cost', 'loopback-asymroute']),
  'vpn ipsec phase2-interface': new Set(['phase1name', 'proposal', 'pfs', 'dhgrp', 'keylifeseconds', 'keylife-type', 'keylifekbs', 'auto-negotiate', 'initiator-ts-narrow', 'protocol', 'src-addr-type', 'dst-addr-type', 'src-subnet', 'dst-subnet', 'src-subnet6', 'dst-subnet6', 'src-start-ip', 'src-end-ip', 'dst-start-ip', 'dst-end-ip', 'src-start-ip6', 'src-end-ip6', 'dst-start-ip6', 'dst-end-ip6', 'src-name', 'dst-name', 'src-name6', 'dst-name6', 'src-port', 'dst-port', 'replay', 'comments', 'keepalive', 'add-route', 'route-overlap', 'single-source']),
};

/**
 * Keys `show full-configuration` prints at their default, which the reader understands only at
 * that default (the same CLI Reference's defaults): at another value they change what is
 * negotiated or who answers (a dial-up gateway, GRE over IPsec, transport mode, ADVPN, childless
 * IKE…), so they are reported.
 */
const DEFAULT_ONLY: Record<string, Readonly<Record<string, string>>> = {
  'vpn ipsec phase1-interface': { type: 'static', encapsulation: 'none', 'mode-cfg': 'disable', xauthtype: 'disable', 'auto-discovery-sender': 'disable', 'auto-discovery-receiver': 'disable', 'auto-discovery-forwarder': 'disable', 'aggregate-member': 'disable', 'monitor': '', 'monitor-hold-down-type': 'immediate', 'forticlient-enforcement': 'disable', 'suite-b': 'disable', eap: 'disable', ppk: 'disable', 'mesh-selector-type': 'disable', 'fgsp-sync': 'disable', 'inbound-dscp-copy': 'disable', esn: 'disable', 'childless-ike': 'disable', 'digital-signature-auth': 'disable', 'enforce-unique-id': 'disable', 'fec-egress': 'disable', 'fec-ingress': 'disable', 'network-overlay': 'disable', 'dev-id-notification': 'disable', 'exchange-fgt-device-id': 'disable', 'ems-sn-check': 'disable', 'default-gw': '0.0.0.0', 'remote-gw-match': 'any' },
  'vpn ipsec phase2-interface': { encapsulation: 'tunnel-mode', 'dhcp-ipsec': 'disable', 'ipv4-df': 'disable', l2tp: 'disable', diffserv: 'disable', 'inbound-dscp-copy': 'phase1', 'auto-discovery-sender': 'phase1', 'auto-discovery-forwarder': 'phase1' },
};

/** Other `vpn ipsec` tables (policy-mode phase1/phase2, manual keys…): about VPNs, not read, so their entries are reported. */
const VPN_TABLE = /^vpn ipsec /;

const ENC: Record<string, Encryption> = { des: 'des', '3des': '3des', aes128: 'aes128', aes192: 'aes192', aes256: 'aes256', null: 'null', aes128gcm: 'aes128gcm16', aes256gcm: 'aes256gcm16', chacha20poly1305: 'chacha20poly1305' };
const HASH: Record<string, Integrity> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', null: 'none' };
const AEAD: ReadonlySet<Encryption> = new Set<Encryption>(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);
const GROUPS: ReadonlySet<number> = new Set([1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 27, 28, 29, 30, 31, 32]);

/** One proposal keyword (`aes256-sha256`, `aes128gcm-prfsha256`, `aes256gcm`, `null-sha1`), or undefined. */
function proposal(word: string, dhGroups: DhGroup[]): ProposalMeaning | undefined {
  const aead = /^(aes128gcm|aes256gcm|chacha20poly1305)(?:-prf(sha1|sha256|sha384|sha512))?$/.exec(word);
  if (aead) {
    const e = ENC[aead[1] as string] as Encryption;
    return { encryption: [e], integrity: aead[2] ? [HASH[aead[2]] as Integrity] : [], dhGroups };
  }
  const m = /^([a-z0-9]+)-([a-z0-9]+)$/.exec(word);
  const e = m ? ENC[m[1] as string] : undefined;
  const i = m ? HASH[m[2] as string] : undefined;
  if (!e || !i || AEAD.has(e)) return undefined;
  return { encryption: [e], integrity: i === 'none' ? [] : [i], dhGroups };
}

/** The type of an identity read from its value alone (FortiOS's peerid carries no type: it matches the value). */
function identityType(value: string): string {
  if (parseIp(value).ok) return 'address';
  if (value.includes('=')) return 'dn';
  if (value.includes('@')) return 'user-fqdn';
  if (value.includes('.')) return 'fqdn';
  return 'key-id';
}

const LOCALID_TYPE: Record<string, string> = { address: 'address', fqdn: 'fqdn', 'user-fqdn': 'user-fqdn', keyid: 'key-id', asn1dn: 'dn' };

/** What became of the lines of one scope: the file outside VDOMs, or one VDOM. */
interface Bucket {
  lines: LineAccount;
  tables: Tables;
  /** For a VDOM: its `edit <vdom>` line being read, and the one under which it holds phase1-interface tunnels. */
  at?: Statement;
  tunnelsAt?: Statement;
}

const newBucket = (): Bucket => ({ lines: { used: 0, ignored: 0, unknown: [] }, tables: new Map() });

/** One open `config`: the table (a nested one named `parent > table`), its open entry, and what kind of block it is. */
interface Open {
  table: string;
  entry?: Entry;
  /** `config global` / `config vdom`: their tables are top-level tables. */
  container?: 'global' | 'vdom';
  /** What its lines are: read (a table of the reader), ignored (not about VPNs), reported (about VPNs, not read). */
  kind: 'read' | 'ignored' | 'reported';
}

export const fortigateReader: VendorReader = {
  read(files) {
    const global = newBucket();
    const vdoms = new Map<string, Bucket>();
    const header: { model?: string; osVersion?: string } = {};
    let hostname: string | undefined;
    for (const f of files) {
      const stack: Open[] = [];
      let bucket = global;
      f.content.split('\n').forEach((raw, n) => {
        const text = raw.trim();
        if (text === '') return;
        const s: Statement = { file: f.name, line: n + 1, text: raw, words: [] };
        const lines = bucket.lines;
        const unknown = (why: string) => lines.unknown.push({ file: s.file, line: s.line, text: `${text} (${why})` });
        if (text.startsWith('#')) {
          // "#config-version=FG100F-7.4.6-FW-build2702-241014:opmode=0:vdom=0:user=admin": the
          // header every backup and `show` begins with (model, FortiOS version, build).
          const m = /^#config-version=([A-Z0-9]+)-(\d+\.\d+\.\d+)-FW-build(\d+)/.exec(text);
          if (m) {
            header.model = modelName(m[1] as string);
            header.osVersion = m[2] as string;
          }
          lines.ignored++;
          return;
        }
        const lexed = lex(text);
        if (!lexed.ok) return unknown(lexed.why);
        s.words = lexed.words;
        const [verb, ...rest] = s.words;
        const top = stack[stack.length - 1];
        switch (verb) {
          case 'config': {
            const table = rest.join(' ');
            if (table === '') return unknown('config names no table');
            // A table at the top of the file, of `config global`, or of an `edit <vdom>` entry.
            const topLevel = !top || (top.container === 'global' && !top.entry) || (top.container === 'vdom' && top.entry !== undefined);
            if (!top && (table === 'global' || table === 'vdom')) {
              stack.push({ table, container: table, kind: 'ignored' });
              lines.ignored++;
              return;
            }
            if (!topLevel) {
              // A table inside an entry (FortiOS nests sub-tables): part of its parent's block.
              const kind = top?.kind === 'read' && TABLES[top.table] !== undefined ? 'reported' : top?.kind === 'reported' ? 'reported' : 'ignored';
              stack.push({ table: `${top?.table ?? ''} > ${table}`, kind });
              if (kind === 'reported') return unknown(`${top?.table} has no sub-table ${table} the reader knows`);
              lines.ignored++;
              return;
            }
            const kind = TABLES[table] !== undefined || DEVICE_TABLES[table] !== undefined ? 'read' : VPN_TABLE.test(table) ? 'reported' : 'ignored';
            stack.push({ table, kind });
            if (table === 'vpn ipsec phase1-interface') bucket.tunnelsAt ??= bucket.at;
            if (kind === 'read') {
              if (!bucket.tables.has(table)) bucket.tables.set(table, []);
              lines.used++;
            } else lines.ignored++;
            return;
          }
          case 'edit': {
            if (!top || top.entry || rest.length !== 1) return unknown('edit outside a table, or inside an open entry');
            top.entry = { name: rest[0] as string, keys: new Map(), at: s };
            if (top.container === 'vdom') {
              // `edit <vdom>`: the lines up to its `next` are that VDOM's.
              const name = rest[0] as string;
              const b = vdoms.get(name) ?? newBucket();
              b.at = s;
              vdoms.set(name, b);
              bucket = b;
              bucket.lines.ignored++;
              return;
            }
            if (top.kind === 'read') {
              bucket.tables.get(top.table)?.push(top.entry);
              lines.used++;
            } else if (top.kind === 'reported') unknown(`the reader does not read ${top.table} (it reads the route-based phase1-interface and phase2-interface tables)`);
            else lines.ignored++;
            return;
          }
          case 'next': {
            if (!top?.entry) return unknown('next with no open entry');
            delete top.entry;
            if (top.container === 'vdom') {
              lines.ignored++;
              bucket = global;
              return;
            }
            if (top.kind === 'read') lines.used++;
            else lines.ignored++;
            return;
          }
          case 'end': {
            if (!top || (top.entry && top.container !== 'global')) return unknown(top ? 'end inside an open entry (next missing)' : 'end with no open table');
            stack.pop();
            if (top.kind === 'read') lines.used++;
            else lines.ignored++;
            return;
          }
          case 'set':
          case 'unset':
          case 'append':
          case 'select': {
            const key = rest[0];
            if (!top || key === undefined) return unknown('set outside a table');
            if (top.kind === 'ignored') {
              // The hostname names the device (the gateway's name after import): used; the rest
              // of its table (system global) says nothing about VPNs.
              if (top.table === 'system global' && key === 'hostname' && verb === 'set' && rest.length === 2) {
                hostname = rest[1];
                lines.used++;
                return;
              }
              lines.ignored++;
              return;
            }
            if (top.kind === 'reported') return unknown(`the reader does not read ${top.table.split(' > ')[0]}`);
            const strict = TABLES[top.table];
            const device = DEVICE_TABLES[top.table];
            const byDefault = DEFAULT_ONLY[top.table]?.[key];
            if (strict && !strict.has(key) && byDefault === undefined) return unknown(`${top.table} has no key ${key} the reader knows`);
            if (!top.entry) return unknown('set outside an entry');
            if (byDefault !== undefined) {
              if (verb === 'unset' || rest.slice(1).join(' ') === byDefault) {
                lines.used++;
                return;
              }
              return unknown(`${key} is ${rest.slice(1).join(' ')}; the reader reads this table only with ${key} ${byDefault === '' ? 'empty' : byDefault}`);
            }
            if (device && !device.has(key)) {
              // A key of a device table the model has no place for (allowaccess, uuid, logtraffic…).
              lines.ignored++;
              return;
            }
            if (verb === 'set') top.entry.keys.set(key, { values: rest.slice(1), at: s });
            else if (verb === 'unset') top.entry.keys.delete(key);
            else if (verb === 'append') top.entry.keys.set(key, { values: [...(top.entry.keys.get(key)?.values ?? []), ...rest.slice(1)], at: s });
            else return unknown('select is not a configuration statement the reader reads');
            lines.used++;
            return;
          }
          default:
            return unknown('not a FortiOS configuration statement');
        }
      });
      if (stack.length > 0) return { ok: false, message: `${f.name}: "config ${stack[stack.length - 1]?.table}" is not closed with end: give the whole configuration (show full-configuration, or a backup file)` };
    }

    // The VDOM read: the first holding route-based tunnels, else root, else the first.
    const withTunnels = [...vdoms.entries()].find(([, b]) => (b.tables.get('vpn ipsec phase1-interface') ?? []).length > 0);
    const chosenName = withTunnels?.[0] ?? (vdoms.has('root') ? 'root' : [...vdoms.keys()][0]);
    const chosen = chosenName === undefined ? undefined : vdoms.get(chosenName);
    const lines: LineAccount = { used: global.lines.used, ignored: global.lines.ignored, unknown: [...global.lines.unknown] };
    for (const [name, b] of vdoms) {
      if (b === chosen) {
        lines.used += b.lines.used;
        lines.ignored += b.lines.ignored;
        lines.unknown.push(...b.lines.unknown);
        continue;
      }
      // Another VDOM's lines are not read: ignored, but its tunnels are said.
      lines.ignored += b.lines.used + b.lines.ignored + b.lines.unknown.length;
      const at = b.tunnelsAt;
      if ((b.tables.get('vpn ipsec phase1-interface') ?? []).length > 0 && at) {
        lines.ignored--;
        lines.unknown.push({ file: at.file, line: at.line, text: `${at.text.trim()} (VDOM ${name} holds IPsec tunnels too; this import reads VDOM ${chosenName} only: import ${name} from a file of that VDOM alone)` });
      }
    }
    const tables: Tables = new Map(global.tables);
    for (const [t, entries] of chosen?.tables ?? []) tables.set(t, [...(tables.get(t) ?? []), ...entries]);
    const unknown = (s: Statement, why: string) => lines.unknown.push({ file: s.file, line: s.line, text: `${s.text.trim()} (${why})` });

    const value = (e: Entry, key: string) => e.keys.get(key)?.values;
    const one = (e: Entry, key: string) => value(e, key)?.[0];
    /** A key of a few values, as the boolean each means; another value is reported on its line. */
    const onOff = (e: Entry, key: string, means: Readonly<Record<string, boolean>>): boolean | undefined => {
      const got = e.keys.get(key);
      if (!got) return undefined;
      const v = got.values.length === 1 ? means[got.values[0] as string] : undefined;
      if (v === undefined) unknown(got.at, `${key} takes ${Object.keys(means).join(', ')}`);
      return v;
    };
    const phase1 = tables.get('vpn ipsec phase1-interface') ?? [];
    const peers = new Map<string, PeerMeaning>();
    const names = new BoxNames();
    for (const e of phase1) {
      const groups = (value(e, 'dhgrp') ?? ['14']).map(Number).filter((g) => GROUPS.has(g)) as DhGroup[];
      const ike: ProposalMeaning[] = [];
      for (const w of value(e, 'proposal') ?? []) {
        const p = proposal(w, groups);
        if (p && !(p.integrity.length === 0 && !AEAD.has(p.encryption[0] as Encryption))) ike.push(p);
        else unknown((e.keys.get('proposal') as { at: Statement }).at, `${w} is not a phase-1 proposal`);
      }
      const version = one(e, 'ike-version') === '2' ? 2 : 1;
      const gw = one(e, 'remote-gw6') ?? one(e, 'remote-gw') ?? '';
      const localId = one(e, 'localid');
      const localType = LOCALID_TYPE[one(e, 'localid-type') ?? ''] ?? (localId ? identityType(localId) : undefined);
      // peerid is enforced only with `peertype one` ("Accept this peer ID"); `any` accepts any.
      const peerId = one(e, 'peertype') === 'one' ? one(e, 'peerid') : undefined;
      const dpd = one(e, 'dpd') ?? 'on-demand';
      // This box's IKE address: local-gw when set, else the address of the interface IKE runs on.
      const localGw = one(e, 'local-gw');
      const ifName = one(e, 'interface');
      const ifIp = ifName === undefined ? undefined : (tables.get('system interface') ?? []).find((i) => i.name === ifName)?.keys.get('ip')?.values[0];
      const localAddress = localGw !== undefined && localGw !== '0.0.0.0' ? localGw : ifIp !== undefined && ifIp !== '0.0.0.0' && parseIp(ifIp).ok ? ifIp : undefined;
      const key = pskOf(value(e, 'psksecret'));
      // nattraversal enable|disable|forced (default enable), passive-mode enable|disable (default
      // disable: with enable the FortiGate only answers, never initiates): FortiOS 7.4.5 CLI
      // Reference, "config vpn ipsec phase1-interface"; FortiOS 7.4 Administration Guide, "FGSP
      // static site-to-site IPsec VPN setup" ("passive-mode ... only respond to tunnel initiations").
      const natTraversal = onOff(e, 'nattraversal', { enable: true, forced: true, disable: false });
      const passive = onOff(e, 'passive-mode', { enable: true, disable: false });
      peers.set(e.name, {
        remoteAddress: parseIp(gw).ok ? gw : '',
        ...(localAddress !== undefined ? { localAddress } : {}),
        ikeVersion: version,
        ...(version === 1 ? { exchangeMode: one(e, 'mode') === 'aggressive' ? ('aggressive' as const) : ('main' as const) } : {}),
        ike: { proposals: ike, lifetimeSeconds: Number(one(e, 'keylife') ?? 86400) },
        auth: {
          method: one(e, 'authmethod') === 'signature' ? 'certificate' : 'psk',
          ...(localId && localType ? { localId: `${localType}:${localId}` } : {}),
          ...(peerId ? { remoteId: `${identityType(peerId)}:${peerId}` } : {}),
        },
        ...(dpd !== 'disable' ? { dpd: { intervalSeconds: Number(one(e, 'dpd-retryinterval') ?? 20) } } : {}),
        children: [],
        routes: [],
        // For import: the phase 1 names the tunnel and is itself the tunnel interface the routes
        // and policies name (FortiOS 7.4 Administration Guide, "Basic site-to-site VPN with
        // pre-shared key": the static route's device and the policies' srcintf/dstintf are
        // "to_HQ2", the phase1-interface's name).
        name: e.name,
        ...(ifName !== undefined ? { outsideInterface: ifName } : {}),
        tunnelInterface: e.name,
        ...(key.present ? { pskPresent: true } : {}),
        ...(key.clear !== undefined ? { psk: key.clear } : {}),
        ...(natTraversal !== undefined ? { natTraversal } : {}),
        ...(passive !== undefined ? { passive } : {}),
      });
    }
    for (const e of tables.get('vpn ipsec phase2-interface') ?? []) {
      const p1 = one(e, 'phase1name');
      const peer = p1 === undefined ? undefined : peers.get(p1);
      if (!peer) {
        const at = e.keys.get('phase1name')?.at;
        if (at) unknown(at, 'names no phase1-interface defined before it');
        continue;
      }
      const pfs = one(e, 'pfs') !== 'disable';
      const groups = pfs ? ((value(e, 'dhgrp') ?? ['14']).map(Number).filter((g) => GROUPS.has(g)) as DhGroup[]) : [];
      const esp: ProposalMeaning[] = [];
      for (const w of value(e, 'proposal') ?? []) {
        const p = proposal(w, groups);
        if (p) esp.push(p);
        else unknown((e.keys.get('proposal') as { at: Statement }).at, `${w} is not a phase-2 proposal`);
      }
      const protocol = Number(one(e, 'protocol') ?? 0);
      // Each side is one range, or (src-addr-type name: a firewall address or address group,
      // FortiOS 7.4.6 CLI Reference, "config vpn ipsec phase2-interface", src-name/dst-name) the
      // ranges the object holds: one child per pair, as the model holds one selector per child.
      const side = (s: 'src' | 'dst'): string[] | string => {
        const type = one(e, `${s}-addr-type`) ?? 'subnet';
        const six = type.endsWith('6');
        const port = Number(one(e, `${s}-port`) ?? 0);
        const format = (r: AddressRange) => formatSelector(fromRange(r, protocol, port === 0 ? 0 : port, port === 0 ? 65535 : port));
        if (type === 'name' || type === 'name6') {
          const name = one(e, `${s}-name${six ? '6' : ''}`);
          if (name === undefined) return `src-addr-type ${type} names no ${s}-name`;
          const got = addressRanges(tables, name, six ? 6 : 4);
          return got.ok ? got.ranges.map(format) : got.why;
        }
        const r =
          type === 'subnet' ? subnet(value(e, `${s}-subnet`) ?? ['0.0.0.0', '0.0.0.0'])
          : type === 'subnet6' ? prefix(one(e, `${s}-subnet6`) ?? '::/0')
          : type === 'ip' || type === 'ip6' ? range(one(e, `${s}-start-ip${six ? '6' : ''}`), undefined)
          : type === 'range' || type === 'range6' ? range(one(e, `${s}-start-ip${six ? '6' : ''}`), one(e, `${s}-end-ip${six ? '6' : ''}`))
          : undefined;
        return r ? [format(r)] : 'a selector the reader cannot read';
      };
      const locals = side('src');
      const remotes = side('dst');
      if (typeof locals === 'string' || typeof remotes === 'string') {
        const which = typeof locals === 'string' ? 'src' : 'dst';
        unknown((e.keys.get(`${which}-name`) ?? e.keys.get(`${which}-addr-type`) ?? e.keys.get('phase1name') ?? { at: e.at }).at, (typeof locals === 'string' ? locals : remotes) as string);
        continue;
      }
      const type = one(e, 'keylife-type') ?? 'seconds';
      const esp2 = {
        proposals: esp,
        ...(type !== 'kbs' ? { lifetimeSeconds: Number(one(e, 'keylifeseconds') ?? 43200) } : {}),
        ...(type !== 'seconds' ? { lifetimeKilobytes: Number(one(e, 'keylifekbs') ?? 5120) } : {}),
      };
      // The box's name for this phase 2, at the place of each of its selectors; one by address
      // name also with the two objects it names (both sides by name, any protocol and port).
      const types = [one(e, 'src-addr-type'), one(e, 'dst-addr-type')];
      const byName = types.some((x) => x === 'name' || x === 'name6');
      const count = locals.length * remotes.length;
      const named = names.of(p1 as string);
      if (!byName && count === 1) named.phase2.push(`${peer.children.length + 1}=${e.name}`);
      const six = types[0] === 'name6' ? '6' : '';
      const [srcName, dstName] = [one(e, `src-name${six}`), one(e, `dst-name${six}`)];
      if (byName && types[0] === types[1] && protocol === 0 && Number(one(e, 'src-port') ?? 0) === 0 && Number(one(e, 'dst-port') ?? 0) === 0 && srcName !== undefined && dstName !== undefined) {
        for (let k = 0; k < count; k++) named.phase2.push(`${peer.children.length + 1 + k}=${e.name}`);
        named.objects.push(`${e.name}=${srcName}/${dstName}`);
      }
      for (const local of locals) for (const remote of remotes) peer.children.push({ local, remote, esp: esp2 } satisfies ChildMeaning);
    }
    for (const table of ['router static', 'router static6']) {
      for (const e of tables.get(table) ?? []) {
        const device = one(e, 'device');
        const peer = device === undefined ? undefined : peers.get(device);
        const dst = value(e, 'dst');
        const r = table === 'router static' ? subnet(dst ?? ['0.0.0.0', '0.0.0.0']) : prefix(dst?.[0] ?? '::/0');
        if (!peer) continue;
        if (!r) {
          const at = e.keys.get('dst')?.at;
          if (at) unknown(at, 'not a destination the reader can read');
          continue;
        }
        peer.routes.push(formatRange(r));
        // `edit 0` (a file as the exporter writes it) is no number of the box's.
        if (/^\d+$/.test(e.name) && Number(e.name) > 0) names.of(device as string).routes.push(`${formatRange(r)}=${e.name}`);
      }
    }
    policyNames(tables, names, new Set(peers.keys()));
    for (const [p1, peer] of peers) {
      const o = names.get(p1);
      if (o) peer.vendorOptions = { fortigate: o };
    }
    const device = deviceOf(tables, { ...header, ...(hostname !== undefined ? { hostname } : {}), ...(chosen && chosenName !== undefined ? { vdom: chosenName } : {}) }, (s, why) => unknown(s, why));
    const meaning: ConfigMeaning = { peers: [...peers.values()], device };
    return { ok: true, meaning, lines } satisfies ReadResult;
  },

  recognize(text) {
    // FortiOS statements throughout: config/edit/set/next/end (indented as the CLI prints them), # comments.
    let own = 0;
    let all = 0;
    let configs = 0;
    for (const raw of text.split('\n')) {
      const t = raw.trim();
      if (t === '') continue;
      all++;
      if (t.startsWith('#')) own++;
      else if (/^config [a-z0-9][a-z0-9 -]*$/.test(t)) {
        own++;
        configs++;
      } else if (/^(?:edit \S.*|set [a-z0-9][a-z0-9-]*(?: .*)?|unset [a-z0-9-]+|append [a-z0-9-]+ .*|next|end)$/.test(t)) own++;
    }
    // A file with no `config` table is not FortiOS (other products' `set` lines alone are not).
    return configs === 0 || all === 0 ? 0 : own / all;
  },
};

/**
 * The pre-shared key as `set psksecret` holds it: `ENC <base64>` is the key encrypted, as every
 * saved configuration and `show` print it (not the key); `0x<hex>` an "hexadecimal encoded" key
 * (FortiOS 7.4.6 CLI Reference, phase1-interface psksecret: "ASCII string or hexadecimal encoded
 * with a leading 0x"), its UTF-8 bytes; anything else the key in clear, as typed.
 */
function pskOf(values: readonly string[] | undefined): { present: boolean; clear?: string } {
  if (values === undefined || values.length === 0) return { present: false };
  if (values[0] === 'ENC' || values.length !== 1) return { present: true };
  const key = values[0] as string;
  if (/^0x/i.test(key)) {
    const hex = key.slice(2);
    if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return { present: true };
    try {
      return { present: true, clear: decodeURIComponent(hex.replace(/../g, '%$&')) };
    } catch {
      // Bytes that are not UTF-8: a key, but not one the model can hold as text.
      return { present: true };
    }
  }
  return { present: true, clear: key };
}

/** The model as FortiGate products are named: FG100F -> FortiGate-100F, FGVM64 -> FortiGate-VM64, FWF60F -> FortiWiFi-60F. */
function modelName(code: string): string {
  const m = /^(FGT?|FWF)(.+)$/.exec(code);
  if (!m) return code;
  return `${m[1] === 'FWF' ? 'FortiWiFi' : 'FortiGate'}-${m[2] as string}`;
}

/** What the box names for one phase 1's tunnel, gathered while reading (options.ts, FortigateEndOptions). */
interface Named {
  phase2: string[];
  /** `<phase 2>=<src-name>/<dst-name>` of a phase 2 by address name. */
  objects: string[];
  routes: string[];
  /** Prefix → the box's firewall address for it, the first the tunnel's policies name. */
  addresses: Map<string, string>;
  policyOut?: Entry;
  policyIn?: Entry;
}

/**
 * The names of the box's objects per phase 1, as the tunnel end's FortiGate settings: what does
 * not fit a setting (options.ts: a word of letters, digits, . _ -, within FortiOS's lengths) is
 * not recorded, and the export derives that name, as for a tunnel drawn in the app.
 */
class BoxNames {
  private byPhase1 = new Map<string, Named>();

  of(phase1: string): Named {
    let n = this.byPhase1.get(phase1);
    if (!n) {
      n = { phase2: [], objects: [], routes: [], addresses: new Map() };
      this.byPhase1.set(phase1, n);
    }
    return n;
  }

  get(phase1: string): Record<string, string | number> | undefined {
    const n = this.byPhase1.get(phase1);
    const out: Partial<FortigateEndOptions> = {};
    if (phase1 !== '' && PHASE1_NAME.test(phase1)) out.phase1Interface = phase1;
    if (!n) return Object.keys(out).length > 0 ? (out as Record<string, string | number>) : undefined;
    const list = (entries: readonly string[], pattern: RegExp): string => {
      let text = '';
      for (const x of entries) {
        const next = text === '' ? x : `${text},${x}`;
        if (pattern.test(x) && next.length <= LIST_MAX) text = next;
      }
      return text;
    };
    // A phase 2 by name is recorded with its objects, or not at all (the export derives it then).
    const objects = list(n.objects, PHASE2_OBJECTS);
    const kept = new Set(objects.split(',').map((x) => x.slice(0, x.indexOf('='))));
    const byNameOnly = new Set(n.objects.map((x) => x.slice(0, x.indexOf('='))));
    const p2 = list(n.phase2.filter((x) => { const name = x.slice(x.indexOf('=') + 1); return !byNameOnly.has(name) || kept.has(name); }), PHASE2_LIST);
    if (p2 !== '') out.phase2Interfaces = p2;
    if (objects !== '') out.phase2Objects = objects;
    const routes = list(n.routes, ROUTE_LIST);
    if (routes !== '') out.staticRoutes = routes;
    const addresses = list([...n.addresses].map(([p, name]) => `${p}=${name}`), ADDRESS_LIST);
    if (addresses !== '') out.addresses = addresses;
    const policy = (e: Entry | undefined, name: 'policyOut' | 'policyIn', id: 'policyOutId' | 'policyInId') => {
      if (!e) return;
      const own = e.keys.get('name')?.values[0];
      if (own !== undefined && own !== '' && OBJECT_NAME.test(own)) out[name] = own;
      const n = /^\d+$/.test(e.name) ? Number(e.name) : 0;
      if (n > 0 && n <= POLICY_ID_MAX) out[id] = n;
    };
    policy(n.policyOut, 'policyOut', 'policyOutId');
    policy(n.policyIn, 'policyIn', 'policyInId');
    return out as Record<string, string | number>;
  }
}

/**
 * Each phase 1's two policies: the first (in the table's order, the order FortiOS matches them)
 * whose dstintf is the tunnel interface and whose srcintf is not (out), and the first the other
 * way (in), as the exporter writes one each way (FortiOS 7.4 Administration Guide, "Basic
 * site-to-site VPN with pre-shared key"); and the box's subnet addresses those policies name,
 * through address groups. One pass over the policies, addresses indexed once by name.
 */
function policyNames(tables: Tables, names: BoxNames, phase1s: ReadonlySet<string>): void {
  const index = new Map<string, Entry>();
  for (const t of ['firewall address', 'firewall address6', 'firewall addrgrp', 'firewall addrgrp6']) for (const e of tables.get(t) ?? []) if (!index.has(`${t} ${e.name}`)) index.set(`${t} ${e.name}`, e);
  const chosen: Named[] = [];
  for (const e of tables.get('firewall policy') ?? []) {
    const src = e.keys.get('srcintf')?.values ?? [];
    const dst = e.keys.get('dstintf')?.values ?? [];
    const pick = (sides: readonly string[], others: readonly string[], which: 'policyOut' | 'policyIn') => {
      for (const p1 of sides) {
        if (!phase1s.has(p1) || others.includes(p1)) continue;
        const n = names.of(p1);
        if (n[which]) continue;
        n[which] = e;
        chosen.push(n);
      }
    };
    pick(dst, src, 'policyOut');
    pick(src, dst, 'policyIn');
  }
  // The addresses, for each policy chosen: groups walked (nesting bounded by `seen`).
  const walk = (n: Named, six: '' | '6', name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    const address = index.get(`firewall address${six} ${name}`);
    if (address) {
      const type = address.keys.get('type')?.values[0] ?? (six ? 'ipprefix' : 'ipmask');
      const r = type === 'ipmask' ? subnet(address.keys.get('subnet')?.values ?? ['0.0.0.0', '0.0.0.0']) : type === 'ipprefix' ? prefix(address.keys.get('ip6')?.values[0] ?? '::/0') : undefined;
      const text = r ? formatRange(r) : undefined;
      if (text?.includes('/') && !n.addresses.has(text)) n.addresses.set(text, name);
      return;
    }
    for (const m of index.get(`firewall addrgrp${six} ${name}`)?.keys.get('member')?.values ?? []) walk(n, six, m, seen);
  };
  for (const n of new Set(chosen)) {
    for (const e of [n.policyOut, n.policyIn]) {
      if (!e) continue;
      for (const [key, six] of [['srcaddr', ''], ['dstaddr', ''], ['srcaddr6', '6'], ['dstaddr6', '6']] as const) for (const name of e.keys.get(key)?.values ?? []) walk(n, six, name, new Set());
    }
  }
}
