// Junos SRX's own settings of a VPN (a tunnel end): how its selectors are written, and the names
// its objects have on the box. An imported SRX keeps its IKE proposals, IKE policy, IKE gateway,
// IPsec proposals, IPsec policy, IPsec VPN, traffic selectors, security policies (and the zones
// they are between), address-book entries and NAT exemption rule by their own names, recorded
// here at import (./reader.ts), so that the corrected configuration's `set` lines change those
// objects rather than create new ones beside them. Empty (the default, and every drawn design)
// means the exporter's own name (ike-<tunnel>-<n>, ike-<tunnel>, gw-<tunnel>, esp-<tunnel>-<n>,
// ipsec-<tunnel>, <tunnel>, ts-<n>, <tunnel>-out/-in, N-<prefix>, no-nat-<tunnel>). The st0 unit and
// the static routes need no setting: the tunnel end's tunnel interface is the box's unit, and a
// Junos static route is named by its destination.
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type OptionField, type VendorOptionSet } from '../kit/options';

export interface JunosEndOptions extends Record<string, string> {
  selectorStyle: 'traffic-selector' | 'proxy-identity';
  /** The IKE policy's proposals, in its order: the name of the n-th proposal the export writes (comma-separated). */
  ikeProposals: string;
  ikePolicy: string;
  ikeGateway: string;
  /** The IPsec policy's proposals, in its order (comma-separated). */
  ipsecProposals: string;
  ipsecPolicy: string;
  ipsecVpn: string;
  /** The VPN's traffic selectors, in its order: the name of the n-th one the export writes (comma-separated). */
  trafficSelectors: string;
  /** The security policies toward the tunnel (route-based: into the st0 unit's zone; policy-based: those that permit into this VPN), one per selector in order (comma-separated). */
  policiesOut: string;
  /** The same from the tunnel back. */
  policiesIn: string;
  /** A route-based VPN's outbound policy as the box has it: `<sources>:<destinations>:<applications>`, each comma-separated names; the export keeps them and only adds a network the tunnel gained since the import. */
  policyOutMatch: string;
  /** The same for the inbound policy. */
  policyInMatch: string;
  /** The zone those policies come from on the box (the trust side), when the box has them. */
  localZone: string;
  /** The zone they go to (the st0 unit's zone, or where a policy-based VPN's traffic leaves). */
  tunnelZone: string;
  /** The box's address-book entries for the prefixes the tunnel's policies name: `<prefix>=<book>:<name>` entries, comma-separated. */
  addressBook: string;
  /** The source NAT rule set and rule that leave this tunnel's traffic untranslated (`source-nat off`). */
  natRuleSet: string;
  natRule: string;
  /** What that rule matched when imported: `<source prefixes>:<destination prefixes>`, each comma-separated (IPv4; an IPv6 rule is not recorded). */
  natRuleMatch: string;
}

/**
 * A Junos object name as a setting can hold it: letters, digits, '.', '_', '/' and '-', at most
 * 63 characters. Junos takes other names in quotes (Juniper, "filter (Firewall Filters)": "To
 * include spaces in the name, enclose it in quotation marks"); no length rule for IKE, IPsec,
 * policy or address-book names was found in Juniper's documentation, so 63 is the document's
 * bound (a setting is a word of at most 64), not Junos's. A box's name this cannot hold is not
 * recorded by the reader: the exporter's own name is used for that object.
 */
export const JUNOS_NAME = /^[A-Za-z0-9._/-]{1,63}$/u;
const ONE = JUNOS_NAME.source.slice(1, -1);
const LIST = new RegExp(`^(?:${ONE}(?:,${ONE})*)?$`, 'u');
const ENTRY = `[0-9A-Fa-f.:]{2,45}/\\d{1,3}=[A-Za-z0-9._-]{1,63}:${ONE}`;
export const JUNOS_ADDRESS_LIST = new RegExp(`^(?:${ENTRY}(?:,${ENTRY})*)?$`, 'u');
const SINGLE = new RegExp(`^(?:${ONE})?$`, 'u');
const MEMBERS = `${ONE}(?:,${ONE})*`;
export const JUNOS_POLICY_MATCH = new RegExp(`^(?:${MEMBERS}:${MEMBERS}:${MEMBERS})?$`, 'u');
const MATCH_SAYS = '<sources>:<destinations>:<applications>, each comma-separated names (Host1:Site2:any); empty for the policy the exporter writes from the selectors';

const V4 = '\\d{1,3}(?:\\.\\d{1,3}){3}/\\d{1,2}';
export const JUNOS_NAT_MATCH = new RegExp(`^(?:${V4}(?:,${V4})*:${V4}(?:,${V4})*)?$`, 'u');
const NAT_SAYS = '<source prefixes>:<destination prefixes>, each comma-separated (10.100.22.0/24:10.100.11.0/24); empty for the rule the exporter writes from the selectors';

/** The NAT exemption rule's recorded match, or undefined when none is recorded. */
export function natMatchOf(value: string): { sources: string[]; destinations: string[] } | undefined {
  if (value === '' || !JUNOS_NAT_MATCH.test(value)) return undefined;
  const [sources, destinations] = value.split(':').map((x) => x.split(',')) as [string[], string[]];
  return { sources, destinations };
}

/** A policy's recorded match, or undefined when none is recorded. */
export function policyMatchOf(value: string): { sources: string[]; destinations: string[]; applications: string[] } | undefined {
  if (value === '' || !JUNOS_POLICY_MATCH.test(value)) return undefined;
  const [sources, destinations, applications] = value.split(':').map((x) => x.split(',')) as [string[], string[], string[]];
  return { sources, destinations, applications };
}
const LIST_MAX = 1024;

const SAYS = 'the object\'s name on the box: letters, digits, ".", "_", "/" and "-", at most 63 characters; empty for the exporter\'s own name';
const LIST_SAYS = 'names in order, comma-separated (IKE-PROP,IKE-PROP-2), each letters, digits, ".", "_", "/" and "-"; empty for the exporter\'s own names';
const ADDRESS_SAYS = 'entries <prefix>=<address book>:<name> (10.100.11.0/24=global:Host1), comma-separated; empty for the exporter\'s own names';
const name = z.string().regex(SINGLE, { message: SAYS });
const list = z.string().max(LIST_MAX).regex(LIST, { message: LIST_SAYS });

/** The names of a list setting, in order. */
export function namesOf(value: string): string[] {
  return value === '' || !LIST.test(value) ? [] : value.split(',');
}

/** The `<prefix>=<book>:<name>` entries of the address-book setting, by prefix (the first one of a prefix wins). */
export function addressEntries(value: string): Map<string, { book: string; name: string }> {
  const out = new Map<string, { book: string; name: string }>();
  if (value === '' || !JUNOS_ADDRESS_LIST.test(value)) return out;
  for (const e of value.split(',')) {
    const at = e.indexOf('=');
    const colon = e.indexOf(':', at);
    const prefix = e.slice(0, at);
    if (!out.has(prefix)) out.set(prefix, { book: e.slice(at + 1, colon), name: e.slice(colon + 1) });
  }
  return out;
}

const DOC = 'Juniper TechLibrary: Traffic Selectors in Route-Based VPNs; Understanding Proxy ID (Junos OS)';
const VPN_DOC = 'Juniper, Junos OS IPsec VPN User Guide, "Route-Based IPsec VPNs" and "Policy-Based IPsec VPNs" (security ike proposal/policy/gateway, security ipsec proposal/policy/vpn, each named)';
const POLICY_DOC = 'Juniper, Junos OS Security Policies User Guide, "Security Policies Overview" (a policy is named within its from-zone/to-zone context)';
const BOOK_DOC = 'Juniper, "Understanding Address Books" (an address is referred to in a policy by the name it has in the address book; addresses and address sets of one book have distinct names)';
const NAT_DOC = 'Juniper, Junos OS NAT User Guide, "Source NAT" (rule-set with from/to zone, rule with then source-nat off)';
const IMPORTED = 'Recorded at import from the box\'s configuration.';
const PATTERNS = { one: [SINGLE, SAYS], list: [LIST, LIST_SAYS], address: [JUNOS_ADDRESS_LIST, ADDRESS_SAYS], match: [JUNOS_POLICY_MATCH, MATCH_SAYS], nat: [JUNOS_NAT_MATCH, NAT_SAYS] } as const;
const text = (key: keyof JunosEndOptions & string, label: string, hint: string, source: string, kind: keyof typeof PATTERNS = 'one'): OptionField & { key: keyof JunosEndOptions & string } => ({
  kind: 'text',
  key,
  label,
  hint: `${hint} ${IMPORTED}`,
  pattern: PATTERNS[kind][0],
  says: PATTERNS[kind][1],
  source,
});

export const junosEndOptions: VendorOptionSet<JunosEndOptions> = {
  schema: z
    .object({
      selectorStyle: z.enum(['traffic-selector', 'proxy-identity']),
      ikeProposals: list,
      ikePolicy: name,
      ikeGateway: name,
      ipsecProposals: list,
      ipsecPolicy: name,
      ipsecVpn: name,
      trafficSelectors: list,
      policiesOut: list,
      policiesIn: list,
      policyOutMatch: z.string().max(LIST_MAX).regex(JUNOS_POLICY_MATCH, { message: MATCH_SAYS }),
      policyInMatch: z.string().max(LIST_MAX).regex(JUNOS_POLICY_MATCH, { message: MATCH_SAYS }),
      localZone: name,
      tunnelZone: name,
      addressBook: z.string().max(LIST_MAX).regex(JUNOS_ADDRESS_LIST, { message: ADDRESS_SAYS }),
      natRuleSet: name,
      natRule: name,
      natRuleMatch: z.string().max(LIST_MAX).regex(JUNOS_NAT_MATCH, { message: NAT_SAYS }),
    })
    .partial()
    .strict(),
  defaults: { selectorStyle: 'traffic-selector', ikeProposals: '', ikePolicy: '', ikeGateway: '', ipsecProposals: '', ipsecPolicy: '', ipsecVpn: '', trafficSelectors: '', policiesOut: '', policiesIn: '', policyOutMatch: '', policyInMatch: '', localZone: '', tunnelZone: '', addressBook: '', natRuleSet: '', natRule: '', natRuleMatch: '' },
  fields: [
    { key: 'selectorStyle', kind: 'choice', choices: ['traffic-selector', 'proxy-identity'], label: 'Selector style', hint: 'traffic-selector entries (each its own SA, up to 200 per VPN) or one proxy-identity per VPN.', source: DOC },
    text('ikeProposals', 'IKE proposals', 'The box\'s IKE proposals this VPN\'s IKE policy names, in order; a proposal past the list: ike-<tunnel>-<n>.', VPN_DOC, 'list'),
    text('ikePolicy', 'IKE policy', 'The box\'s IKE policy of this VPN\'s gateway; empty: ike-<tunnel>.', VPN_DOC),
    text('ikeGateway', 'IKE gateway', 'The box\'s IKE gateway of this VPN; empty: gw-<tunnel>.', VPN_DOC),
    text('ipsecProposals', 'IPsec proposals', 'The box\'s IPsec proposals this VPN\'s IPsec policy names, in order; a proposal past the list: esp-<tunnel>-<n>.', VPN_DOC, 'list'),
    text('ipsecPolicy', 'IPsec policy', 'The box\'s IPsec policy of this VPN; empty: ipsec-<tunnel>.', VPN_DOC),
    text('ipsecVpn', 'IPsec VPN', 'The box\'s name of this VPN; empty: the tunnel\'s name.', VPN_DOC),
    text('trafficSelectors', 'Traffic selectors', 'The VPN\'s traffic selectors on the box, in order; one past the list: ts-<n>.', DOC, 'list'),
    text('policiesOut', 'Security policies (outbound)', 'The box\'s security policies from the local zone toward the tunnel, one per proxy ID in order; one past the list: <tunnel>-out[-<n>].', POLICY_DOC, 'list'),
    text('policiesIn', 'Security policies (inbound)', 'The box\'s security policies from the tunnel back to the local zone; one past the list: <tunnel>-in[-<n>].', POLICY_DOC, 'list'),
    text('policyOutMatch', 'Outbound policy as imported', 'The sources, destinations and applications the box\'s outbound policy of this route-based VPN named; the corrected configuration keeps them and only adds a network the tunnel gained.', POLICY_DOC, 'match'),
    text('policyInMatch', 'Inbound policy as imported', 'The same for the inbound policy.', POLICY_DOC, 'match'),
    text('localZone', 'Local zone', 'The zone the box\'s policies of this VPN come from; empty: the inside interface\'s zone.', POLICY_DOC),
    text('tunnelZone', 'Tunnel zone', 'The zone the box\'s policies of this VPN go to; empty: the st0 unit\'s zone (route-based) or the outside interface\'s (policy-based).', POLICY_DOC),
    text('addressBook', 'Address-book entries', 'The box\'s address-book entries for the prefixes this VPN\'s policies name; a prefix not listed: N-<prefix> in the global book.', BOOK_DOC, 'address'),
    text('natRuleSet', 'NAT exemption rule set', 'The box\'s source NAT rule set holding this VPN\'s exemption; empty: no-nat-<tunnel>.', NAT_DOC),
    text('natRule', 'NAT exemption rule', 'The box\'s rule (then source-nat off) of that rule set for this VPN\'s traffic; empty: no-nat-<tunnel>.', NAT_DOC),
    text('natRuleMatch', 'NAT exemption rule as imported', 'The source and destination prefixes that rule matched; the corrected configuration keeps them and only adds a network the tunnel gained.', NAT_DOC, 'nat'),
  ],
  fromFormat2: { junosSelectorStyle: 'selectorStyle' },
};

export function junosOptionsOf(end: TunnelEnd): JunosEndOptions {
  return readOptions(junosEndOptions, 'junos-srx', end);
}
