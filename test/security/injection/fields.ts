// Every free-text field of the document, with a way to put a value into a small design that
// exercises it (a hub of the vendor under test with an IKEv2 and an IKEv1 tunnel, proxy IDs,
// identities, a monitor, a source NAT rule, a policy, zones) and a fast-check generator of values
// that are valid under the schema's rules but full of what breaks configurations: quotes,
// backslashes, spaces at the ends, # ; ! ? { } [ ] < > | & $ `, non-ASCII letters, maximum
// lengths. The plain value of each field is what the comparison's other export carries.
import fc from 'fast-check';
import type { ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import { IDENTITY_TYPES, type IdentityType, type TopologyDocument } from '../../../shared/model/document';
import { LIMITS } from '../../../shared/model/text';
import { TopologyBuilder } from '../../../shared/templates/build';

/** Characters that end strings, statements and lines somewhere. */
const NASTY = [...`"'\\ #;!?{}[]<>|&$\`%*()=,:/@~^+`];
const UNICODE = ['é', 'ß', 'Ж', '漢', 'ع', '🙂', 'ﬁ', '\u00a0'];
const WORD = [...'abcXYZ019_.-'];

const pick = (chars: readonly string[]) => fc.constantFrom(...chars);

/** A string of `min`..`max` characters drawn mostly from `nasty`, with some letters. */
function mix(parts: readonly string[][], min: number, max: number): fc.Arbitrary<string> {
  const char = fc.oneof(...parts.map((p) => pick(p)));
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(char, { minLength: min, maxLength: Math.min(max, 24) }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.array(char, { minLength: max, maxLength: max }).map((a) => a.join('')) },
  );
}

/** A display name: any text without control or bidi characters and without spaces at the ends. */
const nameOf = (max: number) =>
  mix([NASTY, UNICODE, WORD], 1, max)
    .map((s) => s.replace(/^[\s\u00a0]+|[\s\u00a0]+$/gu, ''))
    .filter((s) => s.length > 0 && s.length <= max);

const notes = fc
  .array(fc.oneof(nameOf(60), fc.constant('\n'), fc.constant('')), { minLength: 1, maxLength: 6 })
  .map((a) => a.join('\n'))
  .filter((s) => s.length <= LIMITS.notes);

const interfaceName = fc
  .tuple(pick([...'aZ09']), fc.array(pick([...'abcXYZ0189/.:_-']), { minLength: 0, maxLength: 62 }))
  .map(([a, rest]) => a + rest.join(''));

const zone = fc
  .tuple(pick([...'aZ09']), fc.array(pick([...'abXY09 ._-']), { minLength: 0, maxLength: 61 }), pick([...'aZ09._-']))
  .map(([a, rest, z]) => `${a}${rest.join('')}${z}`);

/** ScreenOS reads the version's leading "major.minor"; keeping it 6.3 keeps the same statements. */
const osVersion = fc.array(pick([...'abR019._()+-']), { minLength: 0, maxLength: 29 }).map((a) => `6.3${a.join('')}`);

const printable = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
/** Printable ASCII with spaces and backslashes at the ends too (the key of item 6 ended in one). */
const psk = fc.oneof(
  mix([NASTY, printable, WORD], 1, LIMITS.psk),
  fc.tuple(mix([NASTY, WORD], 1, 20), fc.constantFrom('\\', ' ', '\\\\', '"', ' \\')).map(([a, b]) => `${b}${a}${b}`),
);

const label = pick([...'abcxyz0189']);
const fqdn = fc
  .array(fc.tuple(label, fc.array(pick([...'ab09_-']), { maxLength: 10 }), label).map(([a, m, z]) => `${a}${m.join('')}${z}`), { minLength: 1, maxLength: 6 })
  .map((labels) => labels.join('.'));
const atext = [...`abcXYZ019!#$%&'*+/=?^_\`{|}~-`];
const userFqdn = fc.tuple(fc.array(pick(atext), { minLength: 1, maxLength: 30 }), fqdn).map(([local, domain]) => `${local.join('')}@${domain}`);
const dn = fc.tuple(fc.constantFrom('CN', 'O', 'OU', 'C'), mix([NASTY, UNICODE, WORD], 0, 60)).map(([a, v]) => `${a}=${v}`.replace(/[\s\u00a0]+$/u, '')).filter((s) => !/=$/.test(s) || s.length > 3);
const keyId = fc.array(pick(printable.filter((c) => c !== ' ')), { minLength: 1, maxLength: 64 }).map((a) => a.join(''));
const address = fc.constantFrom('198.51.100.77', '203.0.113.254', '2001:db8::77', '2001:db8:1::', 'fe80::1');

export const IDENTITY_VALUES: Record<IdentityType, fc.Arbitrary<string>> = { address, fqdn, 'user-fqdn': userFqdn, dn, 'key-id': keyId };
const PLAIN_IDENTITY: Record<IdentityType, string> = { address: '192.0.2.7', fqdn: 'plain.example.net', 'user-fqdn': 'plain@example.net', dn: 'CN=plain', 'key-id': 'plainkey' };

export interface Field {
  /** Where the value lives, as a person would say it. */
  id: string;
  /** Values valid under the schema. */
  values: fc.Arbitrary<string>;
  plain: string;
  /** Written verbatim (a key, an identity): the export must hold it exactly, or refuse it. */
  exact?: 'psk' | IdentityType;
  set(doc: TopologyDocument, value: string): void;
}

const hub = (doc: TopologyDocument) => doc.gateways[0] as TopologyDocument['gateways'][number];
const hubEnds = (doc: TopologyDocument) => doc.tunnels.map((t) => t.a);

const identityFields = (side: 'localId' | 'remoteId'): Field[] =>
  IDENTITY_TYPES.map((type) => ({
    id: `tunnel end ${side === 'localId' ? 'local' : 'remote'} identity (${type})`,
    values: IDENTITY_VALUES[type],
    plain: PLAIN_IDENTITY[type],
    exact: type,
    set(doc, value) {
      // The hub's end and, mirrored, what its peers expect.
      for (const t of doc.tunnels) {
        t.a.auth[side] = { type, value } as never;
        t.b.auth[side === 'localId' ? 'remoteId' : 'localId'] = { type, value } as never;
      }
    },
  }));

export const FIELDS: readonly Field[] = [
  { id: 'document name', values: nameOf(LIMITS.documentName), plain: 'plain design', set: (d, v) => void (d.name = v) },
  { id: 'document notes', values: notes, plain: 'plain notes', set: (d, v) => void (d.notes = v) },
  { id: 'gateway name', values: nameOf(LIMITS.name).filter((v) => v !== 'B' && v !== 'C'), plain: 'plainhub', set: (d, v) => void (hub(d).name = v) },
  { id: 'gateway model', values: nameOf(LIMITS.model), plain: 'plain model', set: (d, v) => void (hub(d).model = v) },
  { id: 'gateway OS version', values: osVersion, plain: '6.3.0', set: (d, v) => void (hub(d).osVersion = v) },
  { id: 'gateway notes', values: notes, plain: 'plain notes', set: (d, v) => void (hub(d).notes = v) },
  {
    id: 'outside interface name (and the tunnel ends and NAT rule naming it)',
    values: interfaceName,
    plain: 'plain0',
    set(d, v) {
      const g = hub(d);
      const old = g.interfaces[0]?.name;
      if (g.interfaces.some((i) => i.name === v)) return;
      for (const i of g.interfaces) if (i.name === old) i.name = v;
      for (const e of hubEnds(d)) if (e.outsideInterface === old) e.outsideInterface = v;
      for (const n of g.natRules) if (n.interface === old) n.interface = v;
    },
  },
  { id: 'inside interface zone', values: zone, plain: 'plainzone', set: (d, v) => void ((hub(d).interfaces[1] as { zone?: string }).zone = v) },
  {
    id: 'tunnel interface name (interface, tunnel end and route)',
    values: interfaceName,
    plain: 'plaintun0',
    set(d, v) {
      const g = hub(d);
      const end = d.tunnels[0]?.a;
      if (!end || g.interfaces.some((i) => i.name === v)) return;
      const old = end.tunnelInterface;
      end.tunnelInterface = v;
      for (const i of g.interfaces) if (i.name === old) i.name = v;
      if (!g.interfaces.some((i) => i.name === v)) g.interfaces.push({ name: v, kind: 'tunnel', zone: 'vpn' });
      for (const r of g.routes) if (r.interface === old) r.interface = v;
    },
  },
  { id: 'route interface', values: interfaceName, plain: 'plainroute0', set: (d, v) => hub(d).routes.forEach((r) => (r.interface = v)) },
  { id: 'NAT rule name', values: nameOf(LIMITS.name), plain: 'plain nat', set: (d, v) => hub(d).natRules.forEach((r) => (r.name = v)) },
  { id: 'NAT rule interface', values: interfaceName, plain: 'plainnat0', set: (d, v) => hub(d).natRules.forEach((r) => (r.interface = v)) },
  { id: 'security policy name', values: nameOf(LIMITS.name), plain: 'plain policy', set: (d, v) => hub(d).policies.forEach((p) => (p.name = v)) },
  { id: 'security policy from-zone', values: zone, plain: 'plainfrom', set: (d, v) => hub(d).policies.forEach((p) => (p.fromZone = v)) },
  { id: 'security policy to-zone', values: zone, plain: 'plainto', set: (d, v) => hub(d).policies.forEach((p) => (p.toZone = v)) },
  { id: 'network name', values: nameOf(LIMITS.name), plain: 'plain lan', set: (d, v) => d.networks.filter((n) => n.gatewayId === hub(d).id).forEach((n) => (n.name = v)) },
  {
    id: 'proxy ID name',
    values: nameOf(LIMITS.name),
    plain: 'plain-pid',
    set: (d, v) => d.tunnels.forEach((t) => [...t.a.proxyIds, ...t.b.proxyIds].forEach((p) => (p.name = v))),
  },
  ...identityFields('localId'),
  ...identityFields('remoteId'),
  {
    id: 'monitor source interface (an interface of the gateway)',
    values: interfaceName,
    plain: 'plainmon0',
    set(d, v) {
      const g = hub(d);
      if (!g.interfaces.some((i) => i.name === v)) g.interfaces.push({ name: v, kind: 'loopback' });
      for (const e of hubEnds(d)) e.monitor.sourceInterface = v;
    },
  },
  {
    id: 'pre-shared key',
    values: psk,
    plain: 'PlainKey1',
    exact: 'psk',
    set: (d, v) => d.tunnels.forEach((t) => ((t.a.auth.psk = v), (t.b.auth.psk = v))),
  },
  { id: 'tunnel name', values: nameOf(LIMITS.name).filter((v) => v !== 'second'), plain: 'plaintunnel', set: (d, v) => void ((d.tunnels[0] as { name: string }).name = v) },
  { id: 'tunnel notes', values: notes, plain: 'plain notes', set: (d, v) => void ((d.tunnels[0] as { notes: string }).notes = v) },
];

/**
 * The design: hub A of the vendor under test, an IKEv2 tunnel to B and an IKEv1 tunnel to C, each
 * with a named proxy ID, both ends' keys, a monitor; A has a source NAT rule and a policy.
 */
export function baseDesign(vendor: ExportVendor): TopologyDocument {
  const b = new TopologyBuilder('injection');
  const a = b.gateway({ name: 'A', vendor, outside: '198.51.100.1/24', inside: '10.1.0.1/24', position: { x: 0, y: 0 }, networks: [{ name: 'A LAN', address: '10.1.0.0/24' }] });
  const gb = b.gateway({ name: 'B', vendor, outside: '203.0.113.2/24', inside: '10.2.0.1/24', position: { x: 400, y: 0 }, networks: [{ name: 'B LAN', address: '10.2.0.0/24' }] });
  const gc = b.gateway({ name: 'C', vendor, outside: '203.0.113.3/24', inside: '10.3.0.1/24', position: { x: 400, y: 300 }, networks: [{ name: 'C LAN', address: '10.3.0.0/24' }] });
  const pid = (local: string, remote: string) => [{ name: 'pid', local, remote }];
  const monitor = { enabled: true, rekey: true, optimized: false, destinationIp: '10.2.0.1', action: 'wait-recover' as const, threshold: 5, intervalSeconds: 3 };
  b.tunnel('first', a, gb, { ikeVersion: 2, psk: 'PlainKey1', a: { proxyIds: pid('10.1.0.0/24', '10.2.0.0/24'), routes: ['10.2.0.0/24'], changes: { monitor } }, b: { proxyIds: pid('10.2.0.0/24', '10.1.0.0/24') } });
  b.tunnel('second', a, gc, { ikeVersion: 1, psk: 'PlainKey1', a: { proxyIds: pid('10.1.0.0/24', '10.3.0.0/24'), routes: ['10.3.0.0/24'], changes: { monitor } }, b: { proxyIds: pid('10.3.0.0/24', '10.1.0.0/24') } });
  const doc = b.build();
  const hubGw = doc.gateways[0] as TopologyDocument['gateways'][number];
  hubGw.natRules.push({ name: 'outbound', kind: 'source', original: '10.1.0.0/24', translated: '198.51.100.1', interface: hubGw.interfaces[0]?.name ?? 'outside' });
  hubGw.policies.push({ name: 'allow-lan', fromZone: 'trust', toZone: 'untrust', source: 'any', destination: 'any', protocol: 'any', port: 'any', action: 'allow' });
  return doc;
}

/** The design with the field holding `value` (compared with the same design holding the field's plain value). */
export function designWith(vendor: ExportVendor, field: Field, value: string): TopologyDocument {
  const doc = baseDesign(vendor);
  field.set(doc, value);
  return doc;
}
