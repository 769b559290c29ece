// The topology document: one zod schema is the single source of the TypeScript types, of the
// validation that every loaded file goes through, and of the published JSON Schema
// (docs/ipsec-studio.schema.json). Addresses are kept as the text the user wrote, so the file
// stays human-diffable; the schema checks that each one parses.
import { z } from 'zod';
import { parseAddressSpec, parseInterfaceAddress, parseIp, parsePrefix } from '../net/address';
import { clip, IDENTITY_RULES, interfaceName, interfaceNameOrEmpty, labelText, LIMITS, nameText, notesText, osVersionText, parsedText, pskText, zoneName } from './text';

export const FORMAT_VERSION = 3;

// ---- ids -------------------------------------------------------------------------------------

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const idString = (what: string) =>
  z.string().regex(idPattern, { message: `must be a ${what} id: letters, digits, "_", "." or "-", at most 64 characters` });

export const GatewayIdSchema = idString('gateway').brand<'GatewayId'>();
export const NetworkIdSchema = idString('network').brand<'NetworkId'>();
export const TunnelIdSchema = idString('tunnel').brand<'TunnelId'>();
export type GatewayId = z.infer<typeof GatewayIdSchema>;
export type NetworkId = z.infer<typeof NetworkIdSchema>;
export type TunnelId = z.infer<typeof TunnelIdSchema>;

// ---- vendors and algorithms -----------------------------------------------------------------

/**
 * A product, by the id of its folder in shared/vendors/ (`panos`, `junos-srx`…). Which ids exist is
 * the vendor registry's to say: the document layer (shared/document/) checks it when a file is
 * loaded, so the model below the vendors names none of them.
 */
export const VendorSchema = z.string().max(64).regex(/^[a-z][a-z0-9-]*$/, { message: 'must be a product id such as panos, junos-srx or strongswan' });
export type Vendor = z.infer<typeof VendorSchema>;

/**
 * A product's own settings of a gateway or tunnel end, kept per product: `{ "fortigate": {
 * "selectorMatch": "exact" } }`. Each vendor's module declares its settings (a zod schema and
 * the fields the inspector shows); the document layer checks them against it on load. Keyed by
 * product, so moving a design to another product keeps the first product's settings for when it
 * comes back, and never reads them as the other's.
 */
// A word, or a list of words (`10.20.0.0/24=BRANCH-LAN,10.21.0.0/24=VOICE`): each product's schema
// says which of its settings may be a list and how long a name in it may be.
export const VendorOptionValueSchema = z.union([z.boolean(), z.number().finite(), z.string().max(1024).regex(/^[A-Za-z0-9._:/=,-]*$/, { message: 'a product setting is a word or a comma-separated list of words: letters, digits and . _ : / = , -' })]);
const vendorOptions = () => z.record(VendorSchema, z.record(z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, { message: 'a product setting is named in camelCase' }), VendorOptionValueSchema));
/** Gateway and tunnel-end settings have the same shape; two schemas, so the published JSON Schema can say which products have which. */
export const GatewayVendorOptionsSchema = vendorOptions();
export const EndVendorOptionsSchema = vendorOptions();
export type VendorOptions = z.infer<typeof GatewayVendorOptionsSchema>;

export const ENCRYPTION_ALGORITHMS = [
  'des', '3des', 'aes128', 'aes192', 'aes256', 'aes128gcm16', 'aes256gcm16', 'chacha20poly1305', 'null',
] as const;
export const EncryptionSchema = z.enum(ENCRYPTION_ALGORITHMS);
export type Encryption = z.infer<typeof EncryptionSchema>;

/** Integrity (and, in IKE, the PRF unless one is named). "none" only with an AEAD cipher. */
export const INTEGRITY_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'none'] as const;
export const IntegritySchema = z.enum(INTEGRITY_ALGORITHMS);
export type Integrity = z.infer<typeof IntegritySchema>;

/** Diffie-Hellman groups by IANA number (RFC 7296 Transform Type 4). */
export const DH_GROUPS = [1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 24, 31, 32] as const;
export const DhGroupSchema = z.literal(DH_GROUPS);
export type DhGroup = (typeof DH_GROUPS)[number];

const nonEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, { message: `at least one ${what} is required` });

export const IkeProposalSchema = z.strictObject({
  encryption: nonEmpty(EncryptionSchema, 'encryption algorithm'),
  integrity: nonEmpty(IntegritySchema, 'integrity algorithm'),
  dhGroups: nonEmpty(DhGroupSchema, 'DH group'),
});
export type IkeProposal = z.infer<typeof IkeProposalSchema>;

export const EspProposalSchema = z.strictObject({
  encryption: nonEmpty(EncryptionSchema, 'encryption algorithm'),
  integrity: nonEmpty(IntegritySchema, 'integrity algorithm'),
  /** PFS groups; empty means no PFS. */
  dhGroups: z.array(DhGroupSchema),
});
export type EspProposal = z.infer<typeof EspProposalSchema>;

// ---- addresses as text ------------------------------------------------------------------------

// The parsers say what is wrong with a value; the character rule before them keeps line breaks
// and other control characters out, since the parsers trim whitespace (a line break included).
const refineParse = (what: string, parse: (t: string) => { ok: true } | { ok: false; message: string }) =>
  parsedText(what).superRefine((value, ctx) => {
    const r = parse(value);
    // The parsers quote the value; a long one is shortened so a message never repeats a whole field.
    if (!r.ok) ctx.addIssue({ code: 'custom', message: value.length > 40 ? r.message.split(`"${value}"`).join(`"${clip(value)}"`) : r.message });
  });

/** A prefix, an address, a range "a-b", or "any"/"any6". */
export const AddressSpecSchema = refineParse('an address', parseAddressSpec);
export const PrefixSchema = refineParse('a prefix', parsePrefix);
export const IpSchema = refineParse('an address', parseIp);
export const InterfaceAddressSchema = refineParse('an interface address', parseInterfaceAddress);

/** "any", a single port "443", or a range "1000-2000". For ICMP, the type (and code) travel here. */
export const PortSpecSchema = parsedText('a port', 20).superRefine((value, ctx) => {
  if (value === 'any') return;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m && m[2] !== undefined ? Number(m[2]) : lo;
  if (!m || lo > 65535 || hi > 65535 || lo > hi) {
    ctx.addIssue({ code: 'custom', message: `"${clip(value, 20)}" is not a valid port: write any, a port 0-65535, or a range such as 1000-2000` });
  }
});

/** "any", a name (tcp, udp, icmp, icmpv6, gre, esp, ospf), or an IP protocol number 0-255 (0 means any). */
export const PROTOCOL_NAMES = { any: 0, icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmpv6: 58, ospf: 89, sctp: 132 } as const;
export const ProtocolSchema = z.union([
  z.enum(Object.keys(PROTOCOL_NAMES) as [keyof typeof PROTOCOL_NAMES, ...(keyof typeof PROTOCOL_NAMES)[]]),
  z.number().int().min(0).max(255),
]);
export type Protocol = z.infer<typeof ProtocolSchema>;

// ---- gateways --------------------------------------------------------------------------------

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof PositionSchema>;

export const InterfaceSchema = z.strictObject({
  /** The vendor's own name: ethernet1/1, ethernet0/2, ge-0/0/0.0, tunnel.1, st0.0, Tunnel1. */
  name: interfaceName('an interface name'),
  kind: z.enum(['physical', 'tunnel', 'loopback']),
  /** Address with its prefix length, e.g. 203.0.113.1/24. A tunnel interface may have none (unnumbered). */
  address: InterfaceAddressSchema.optional(),
  /** Empty or absent: no zone (exporters use the vendor's usual one: trust, untrust, vpn). */
  zone: zoneName().optional(),
});
export type Interface = z.infer<typeof InterfaceSchema>;

export const RouteSchema = z.strictObject({
  destination: PrefixSchema,
  /** The interface the route points to (a tunnel interface for route-based VPNs). */
  interface: interfaceName('a route needs an interface: its name'),
  nextHop: IpSchema.optional(),
  metric: z.number().int().min(0).optional(),
});
export type Route = z.infer<typeof RouteSchema>;

export const NatRuleSchema = z.strictObject({
  name: nameText('a NAT rule name').min(1, { message: 'a NAT rule needs a name' }),
  /** source: rewrite the source of matching traffic; destination: rewrite its destination. */
  kind: z.enum(['source', 'destination']),
  original: AddressSpecSchema,
  translated: AddressSpecSchema,
  /** Only traffic leaving (source NAT) or arriving on (destination NAT) this interface; all when absent. */
  interface: interfaceName().optional(),
});
export type NatRule = z.infer<typeof NatRuleSchema>;

export const SecurityPolicySchema = z.strictObject({
  name: nameText('a policy name').min(1, { message: 'a security policy needs a name' }),
  fromZone: zoneName().default('any'),
  toZone: zoneName().default('any'),
  source: AddressSpecSchema.default('any'),
  destination: AddressSpecSchema.default('any'),
  protocol: ProtocolSchema.default('any'),
  port: PortSpecSchema.default('any'),
  action: z.enum(['allow', 'deny']),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicySchema>;

export const GatewaySchema = z.strictObject({
  id: GatewayIdSchema,
  name: nameText('a gateway name').min(1, { message: 'a gateway needs a name' }),
  vendor: VendorSchema,
  /** Hardware or virtual model, e.g. PA-3220, SSG-140, SRX345, ASA 5516-X. Drives capacity checks. */
  model: labelText('a model', LIMITS.model).default(''),
  osVersion: osVersionText().default(''),
  vpnType: z.enum(['route-based', 'policy-based']),
  interfaces: z.array(InterfaceSchema).default([]),
  routes: z.array(RouteSchema).default([]),
  natRules: z.array(NatRuleSchema).default([]),
  /**
   * Security policies in order. Empty means the designer does not model policy and traffic is
   * allowed; once one exists, the first match decides and no match denies.
   */
  policies: z.array(SecurityPolicySchema).default([]),
  position: PositionSchema,
  notes: notesText().default(''),
  /** The product's own gateway settings (shared/vendors/<vendor>/options.ts). */
  vendorOptions: GatewayVendorOptionsSchema.default({}),
});
export type Gateway = z.infer<typeof GatewaySchema>;

export const NetworkSchema = z.strictObject({
  id: NetworkIdSchema,
  name: nameText('a network name').min(1, { message: 'a network needs a name' }),
  kind: z.enum(['network', 'host']),
  /** A prefix for a network, an address for a host. */
  address: AddressSpecSchema,
  gatewayId: GatewayIdSchema,
  position: PositionSchema,
});
export type Network = z.infer<typeof NetworkSchema>;

// ---- tunnels ---------------------------------------------------------------------------------

export const ProxyIdSchema = z.strictObject({
  /** Empty: unnamed (numbered by position). strongSwan groups proxy IDs of one name into one child. */
  name: nameText('a proxy ID name').default(''),
  /** Local addresses, as this end sees them (pre-NAT source for outbound traffic). */
  local: AddressSpecSchema,
  remote: AddressSpecSchema,
  protocol: ProtocolSchema.default('any'),
  /** The remote selector's protocol when it differs from the local one (strongSwan selectors carry one each); absent: `protocol`. */
  remoteProtocol: ProtocolSchema.optional(),
  localPort: PortSpecSchema.default('any'),
  remotePort: PortSpecSchema.default('any'),
  /** This proxy ID's own ESP proposals (a strongSwan child, a Cisco crypto-map entry); absent: the end's. */
  espProposals: z.array(EspProposalSchema).min(1, { message: 'at least one ESP proposal is required' }).optional(),
});
export type ProxyId = z.infer<typeof ProxyIdSchema>;

export const IDENTITY_TYPES = ['address', 'fqdn', 'user-fqdn', 'dn', 'key-id'] as const;

const identityOf = <T extends (typeof IDENTITY_TYPES)[number]>(type: T) => {
  const rule = IDENTITY_RULES[type];
  const value = z
    .string()
    .min(1, { message: 'an identity needs a value' })
    .max(rule.max, { message: `${rule.message}; at most ${rule.max} characters` })
    .regex(rule.re, { message: rule.message });
  return z.strictObject({
    type: z.literal(type),
    value: type === 'address' ? value.refine((v) => parseIp(v).ok, { message: rule.message }) : value,
  });
};

/** An IKE identity (RFC 7296 §3.5): its value follows the rule of its type. */
export const IdentitySchema = z.discriminatedUnion('type', [identityOf('address'), identityOf('fqdn'), identityOf('user-fqdn'), identityOf('dn'), identityOf('key-id')]);
export type Identity = z.infer<typeof IdentitySchema>;
export type IdentityType = Identity['type'];

export const MonitorSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** ScreenOS: renegotiate after a failure, without waiting for user traffic. */
  rekey: z.boolean().default(false),
  /** ScreenOS: incoming tunnel traffic counts as a reply. */
  optimized: z.boolean().default(false),
  /** The host behind the peer that the monitor pings (needed when the peer is not ScreenOS). */
  destinationIp: IpSchema.optional(),
  /** ScreenOS `source-interface`: one of the gateway's interfaces or tunnel interfaces. */
  sourceInterface: interfaceName().optional(),
  /** PAN-OS tunnel monitor profile. */
  action: z.enum(['wait-recover', 'fail-over']).default('wait-recover'),
  threshold: z.number().int().min(2).max(100).default(5),
  intervalSeconds: z.number().int().min(2).max(10).default(3),
});
export type Monitor = z.infer<typeof MonitorSchema>;

export const TunnelEndSchema = z.strictObject({
  gatewayId: GatewayIdSchema,
  /**
   * The interface IKE runs on (its address is this end's IKE address). Empty: the gateway's first
   * physical interface with an address. A name the gateway does not have is kept as written, and
   * the engine and the exporters say so (INTERFACE_MISSING, MISSING_INTERFACE) instead of using
   * another interface.
   */
  outsideInterface: interfaceNameOrEmpty().default(''),
  /** Route-based: the tunnel interface the VPN is bound to (tunnel.1, st0.0, Tunnel1); empty: the vendor's next one. */
  tunnelInterface: interfaceNameOrEmpty().default(''),
  ikeVersion: z.union([z.literal(1), z.literal(2)]),
  /** IKEv1 phase-1 exchange. */
  exchangeMode: z.enum(['main', 'aggressive']).default('main'),
  ike: z.strictObject({
    proposals: nonEmpty(IkeProposalSchema, 'IKE proposal'),
    lifetimeSeconds: z.number().int().min(60).max(31536000).default(28800),
  }),
  auth: z.strictObject({
    method: z.enum(['psk', 'certificate']).default('psk'),
    /** Kept in the document only if the user chose to; exporters write placeholders unless asked. */
    psk: pskText().default(''),
    /** Absent: the IKE address, as most products default to. */
    localId: IdentitySchema.optional(),
    remoteId: IdentitySchema.optional(),
  }),
  esp: z.strictObject({
    proposals: nonEmpty(EspProposalSchema, 'ESP proposal'),
    lifetimeSeconds: z.number().int().min(60).max(31536000).default(3600),
    lifetimeKilobytes: z.number().int().min(0).optional(),
    mode: z.enum(['tunnel', 'transport']).default('tunnel'),
  }),
  /** Proxy IDs / traffic selectors / crypto ACL lines, in order. Empty: the vendor's default. */
  proxyIds: z.array(ProxyIdSchema).default([]),
  natTraversal: z.boolean().default(true),
  dpd: z.strictObject({ enabled: z.boolean().default(true), intervalSeconds: z.number().int().min(1).max(3600).default(10) }).default({ enabled: true, intervalSeconds: 10 }),
  monitor: MonitorSchema.default({ enabled: false, rekey: false, optimized: false, action: 'wait-recover', threshold: 5, intervalSeconds: 3 }),
  /** This end only answers, never initiates (dialup, or a responder-only crypto map). */
  passive: z.boolean().default(false),
  /** The product's own settings of this end (ScreenOS proxy-id check, FortiGate selector-match…). */
  vendorOptions: EndVendorOptionsSchema.default({}),
});
export type TunnelEnd = z.infer<typeof TunnelEndSchema>;
export type EndKey = 'a' | 'b';

export const TunnelSchema = z.strictObject({
  id: TunnelIdSchema,
  name: nameText('a tunnel name').min(1, { message: 'a tunnel needs a name' }),
  a: TunnelEndSchema,
  b: TunnelEndSchema,
  /** Which end initiates phase 1 and, by default, phase 2. */
  initiator: z.enum(['a', 'b']).default('a'),
  notes: notesText().default(''),
});
export type Tunnel = z.infer<typeof TunnelSchema>;

// ---- the document ----------------------------------------------------------------------------

/** The document's fields without the cross-record rules (unique names, references): what an edit's values are checked against. */
export const DocumentShape = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  name: nameText('the topology name', LIMITS.documentName).default('Untitled topology'),
  gateways: z.array(GatewaySchema).default([]),
  networks: z.array(NetworkSchema).default([]),
  tunnels: z.array(TunnelSchema).default([]),
  notes: notesText().default(''),
  /**
   * The boxes as their configurations were imported (File › Import device configurations), kept
   * so the corrected configuration of each box can be shown as a diff against what is on it.
   * Edits never change it; a drawn design has none.
   */
  imported: z
    .strictObject({
      gateways: z.array(GatewaySchema),
      networks: z.array(NetworkSchema),
      tunnels: z.array(TunnelSchema),
    })
    .optional(),
});

export const DocumentSchema = DocumentShape.superRefine((doc, ctx) => {
  const unique = <T>(items: readonly T[], key: (t: T) => string, path: string, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [path, i], message: `${what} "${k}" is used twice (also at ${path}[${first}]); make it unique` });
      } else seen.set(k, i);
    });
  };
  unique(doc.gateways, (g) => g.id, 'gateways', 'gateway id');
  unique(doc.gateways, (g) => g.name, 'gateways', 'gateway name');
  unique(doc.networks, (n) => n.id, 'networks', 'network id');
  unique(doc.tunnels, (t) => t.id, 'tunnels', 'tunnel id');
  unique(doc.tunnels, (t) => t.name, 'tunnels', 'tunnel name');
  const gatewayIds = new Set<string>(doc.gateways.map((g) => g.id));
  doc.networks.forEach((n, i) => {
    if (!gatewayIds.has(n.gatewayId)) {
      ctx.addIssue({ code: 'custom', path: ['networks', i, 'gatewayId'], message: `no gateway has id "${n.gatewayId}"; attach the network to an existing gateway` });
    }
  });
  doc.tunnels.forEach((t, i) => {
    for (const end of ['a', 'b'] as const) {
      if (!gatewayIds.has(t[end].gatewayId)) {
        ctx.addIssue({ code: 'custom', path: ['tunnels', i, end, 'gatewayId'], message: `no gateway has id "${t[end].gatewayId}"; connect the tunnel to an existing gateway` });
      }
    }
    if (t.a.gatewayId === t.b.gatewayId) {
      ctx.addIssue({ code: 'custom', path: ['tunnels', i, 'b', 'gatewayId'], message: 'a tunnel needs two different gateways' });
    }
  });
  // The imported boxes refer to their own gateways only.
  if (doc.imported) {
    const importedIds = new Set<string>(doc.imported.gateways.map((g) => g.id));
    const refs = [
      ...doc.imported.networks.map((n, i) => ({ id: n.gatewayId as string, path: ['imported', 'networks', i, 'gatewayId'] })),
      ...doc.imported.tunnels.flatMap((t, i) => (['a', 'b'] as const).map((end) => ({ id: t[end].gatewayId as string, path: ['imported', 'tunnels', i, end, 'gatewayId'] }))),
    ];
    for (const r of refs) {
      if (!importedIds.has(r.id)) ctx.addIssue({ code: 'custom', path: r.path, message: `the imported configurations have no gateway "${r.id}"; remove "imported" from the file (the diff against the imported configurations is then not shown)` });
    }
  }
});

export type TopologyDocument = z.infer<typeof DocumentShape>;
/** The document as written in a file, before defaults are filled in. */
export type TopologyDocumentInput = z.input<typeof DocumentShape>;

export function emptyDocument(name = 'Untitled topology'): TopologyDocument {
  return { formatVersion: FORMAT_VERSION, name, gateways: [], networks: [], tunnels: [], notes: '' };
}
