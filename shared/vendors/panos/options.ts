// PAN-OS's own settings of a tunnel end: the names its objects have on the box. An imported box
// keeps its IKE gateway, IPSec tunnel, crypto profiles, static routes, security rules, NAT
// exemption rule and address objects by their own names, so the corrected configuration's `set`
// lines change those objects rather than create new ones beside them. Empty (the default, and
// every drawn design) means the exporter's own name (gw-<tunnel>, ipsec-<tunnel>, ike-<tunnel>,
// <tunnel>, <tunnel>-1, <tunnel>-out/-in, <tunnel>-no-nat, N-<prefix>).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type OptionField, type VendorOptionSet } from '../kit/options';

export interface PanosEndOptions extends Record<string, string> {
  ikeGateway: string;
  ipsecTunnel: string;
  ikeCryptoProfile: string;
  ipsecCryptoProfile: string;
  /** The box's static routes through this end's tunnel interface: `<destination>=<route name>` entries, comma-separated. */
  staticRoutes: string;
  /** The box's security rule from the inside zone to the tunnel's zone for this tunnel's traffic. */
  securityRuleOut: string;
  /** The box's security rule from the tunnel's zone to the inside zone. */
  securityRuleIn: string;
  /** The box's NAT exemption rule for this tunnel (inside zone to the tunnel's zone, no translation). */
  natExemptionRule: string;
  /** `none`: the box had no NAT exemption rule for this tunnel when imported, so none is written; `auto` (default): one is written where the gateway does source NAT. */
  natExemption: 'auto' | 'none';
  /** The box's ip-netmask address objects for the prefixes this tunnel's rules name: `<prefix>=<object name>` entries, comma-separated. */
  addressObjects: string;
  /** What the box's outbound rule matched when imported: `<sources>:<destinations>:<services>`, each comma-separated names. */
  securityRuleOutMatch: string;
  /** The same for the inbound rule. */
  securityRuleInMatch: string;
  /** The same for the NAT exemption rule. */
  natExemptionRuleMatch: string;
}

/**
 * A PAN-OS object name as a setting can hold it: letters, digits, '.', '_' and '-', at most 63
 * characters. The PAN-OS schema as Palo Alto Networks' pan-os-codegen publishes it
 * (specs/network/ike-gateway.yaml, specs/network/tunnels/ipsec.yaml,
 * specs/objects/profiles/ike-crypto-profile.yaml and ipsec-crypto-profile.yaml: `entries: - name:
 * name`, no validator) sets no length or character rule of its own for these four; 63 is the
 * longest entry name its specs name anywhere (specs/panorama/*.yaml, length max 63) and fits the
 * document's 64. A name on the box that this cannot hold (PAN-OS names may have spaces; the
 * document's settings are words) is not recorded by the reader: the exporter's own name is used.
 */
export const PANOS_NAME = /^[A-Za-z0-9._-]{0,63}$/;
const SAYS = 'the object\'s name on the firewall: letters, digits, ".", "_" and "-", at most 63 characters; empty for the exporter\'s own name';
const name = z.string().regex(PANOS_NAME, { message: SAYS });

/**
 * A list of `<prefix>=<name>` entries, comma-separated (the document holds a setting as one word):
 * `10.20.0.0/24=BRANCH-LAN,10.21.0.0/24=BRANCH-VOICE`. At most 1024 characters.
 */
const ENTRY = '[0-9A-Fa-f.:]{2,45}/\\d{1,3}=[A-Za-z0-9._-]{1,63}';
export const PANOS_NAME_LIST = new RegExp(`^(?:${ENTRY}(?:,${ENTRY})*)?$`);
export const PANOS_NAME_LIST_MAX = 1024;
const LIST_SAYS = 'entries <prefix>=<name> (10.20.0.0/24=BRANCH-LAN), comma-separated; each name letters, digits, ".", "_" and "-", at most 63 characters; empty for the exporter\'s own names';
const nameList = z.string().max(PANOS_NAME_LIST_MAX).regex(PANOS_NAME_LIST, { message: LIST_SAYS });

/**
 * What a rule of the box matched when imported, `<sources>:<destinations>:<services>`, each a
 * comma-separated list of names as the rule writes them (`HQ-LAN:BRANCH-LAN:application-default`):
 * the rule as the box has it, which the corrected configuration only adds to (a network the
 * tunnel gained that the rule names in no position), so that no `delete` names what the box
 * does not have.
 */
const MEMBERS = '[A-Za-z0-9._-]{1,63}(?:,[A-Za-z0-9._-]{1,63})*';
export const PANOS_RULE_MATCH = new RegExp(`^(?:${MEMBERS}:${MEMBERS}:${MEMBERS})?$`);
const MATCH_SAYS = '<sources>:<destinations>:<services>, each comma-separated names (HQ-LAN:BRANCH-LAN:application-default); empty for the rule the exporter writes from the selectors';
const ruleMatch = z.string().max(PANOS_NAME_LIST_MAX).regex(PANOS_RULE_MATCH, { message: MATCH_SAYS });

/** A rule's recorded match, or undefined when none is recorded. */
export function ruleMatchOf(value: string): { sources: string[]; destinations: string[]; services: string[] } | undefined {
  if (value === '' || !PANOS_RULE_MATCH.test(value)) return undefined;
  const [sources, destinations, services] = value.split(':').map((x) => x.split(',')) as [string[], string[], string[]];
  return { sources, destinations, services };
}

/** The `<prefix>=<name>` entries of a list setting, in order; entries that do not parse are left out. */
export function nameEntries(list: string): { prefix: string; name: string }[] {
  if (list === '') return [];
  return list.split(',').flatMap((e) => {
    const at = e.lastIndexOf('=');
    return at > 0 ? [{ prefix: e.slice(0, at), name: e.slice(at + 1) }] : [];
  });
}

const SCHEMA_SOURCE = 'PAN-OS schema (pan-os-codegen specs/network/ike-gateway.yaml, specs/network/tunnels/ipsec.yaml, specs/objects/profiles/ike-crypto-profile.yaml, ipsec-crypto-profile.yaml: each an entry by name)';
const field = (key: keyof PanosEndOptions & string, label: string, hint: string, source = SCHEMA_SOURCE): OptionField & { key: keyof PanosEndOptions & string } => ({ kind: 'text', key, label, hint, pattern: PANOS_NAME, says: SAYS, source: `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN"; ${source}` });
const listField = (key: keyof PanosEndOptions & string, label: string, hint: string, source: string): OptionField & { key: keyof PanosEndOptions & string } => ({ kind: 'text', key, label, hint, pattern: PANOS_NAME_LIST, says: LIST_SAYS, source: `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN"; ${source}` });
const IMPORTED = 'Recorded at import from the firewall\'s configuration.';
const matchField = (key: keyof PanosEndOptions & string, label: string, source: string): OptionField & { key: keyof PanosEndOptions & string } => ({ kind: 'text', key, label, hint: `The sources, destinations and services the firewall's rule named when imported; the corrected configuration keeps them and only adds a network the tunnel gained. ${IMPORTED}`, pattern: PANOS_RULE_MATCH, says: MATCH_SAYS, source: `PAN-OS Administrator's Guide, "Security Policy"; ${source}` });
const ROUTE_SOURCE = 'PAN-OS schema (pan-os-codegen specs/network/virtual-router-static-route-ipv4.yaml: an entry by name)';
const RULE_SOURCE = 'PAN-OS schema (pan-os-codegen specs/policies/security-policy-rule.yaml: an entry by name)';
const NAT_SOURCE = 'PAN-OS schema (pan-os-codegen specs/policies/network-address-translation.yaml: an entry by name; a rule with no source or destination translation translates nothing)';
const ADDRESS_SOURCE = 'PAN-OS schema (pan-os-codegen specs/objects/address.yaml: an entry by name, ip-netmask)';

export const panosEndOptions: VendorOptionSet<PanosEndOptions> = {
  schema: z
    .object({ ikeGateway: name, ipsecTunnel: name, ikeCryptoProfile: name, ipsecCryptoProfile: name, staticRoutes: nameList, securityRuleOut: name, securityRuleIn: name, natExemptionRule: name, natExemption: z.enum(['auto', 'none']), addressObjects: nameList, securityRuleOutMatch: ruleMatch, securityRuleInMatch: ruleMatch, natExemptionRuleMatch: ruleMatch })
    .partial()
    .strict(),
  defaults: { ikeGateway: '', ipsecTunnel: '', ikeCryptoProfile: '', ipsecCryptoProfile: '', staticRoutes: '', securityRuleOut: '', securityRuleIn: '', natExemptionRule: '', natExemption: 'auto', addressObjects: '', securityRuleOutMatch: '', securityRuleInMatch: '', natExemptionRuleMatch: '' },
  fields: [
    field('ikeGateway', 'IKE Gateway', 'The name of this end\'s IKE gateway on the firewall (Network > Network Profiles > IKE Gateways); empty: gw-<tunnel>.'),
    field('ipsecTunnel', 'IPSec Tunnel', 'The name of this end\'s IPSec tunnel on the firewall (Network > IPSec Tunnels); empty: the tunnel\'s name.'),
    field('ikeCryptoProfile', 'IKE Crypto Profile', 'The IKE crypto profile the IKE gateway uses on the firewall (Network > Network Profiles > IKE Crypto); empty: ike-<tunnel>. Tunnels that name the same profile share it.'),
    field('ipsecCryptoProfile', 'IPSec Crypto Profile', 'The IPSec crypto profile the tunnel uses on the firewall (Network > Network Profiles > IPSec Crypto); empty: ipsec-<tunnel>. Tunnels that name the same profile share it.'),
    listField('staticRoutes', 'Static routes', `The firewall's static routes through this end's tunnel interface, by destination (Network > Virtual Routers > Static Routes); a destination not listed: <tunnel>-<n>. ${IMPORTED}`, ROUTE_SOURCE),
    field('securityRuleOut', 'Security rule (outbound)', `The firewall's security rule from the inside zone to the tunnel's zone for this tunnel's traffic (Policies > Security); empty: <tunnel>-out. ${IMPORTED}`, RULE_SOURCE),
    field('securityRuleIn', 'Security rule (inbound)', `The firewall's security rule from the tunnel's zone to the inside zone (Policies > Security); empty: <tunnel>-in. ${IMPORTED}`, RULE_SOURCE),
    field('natExemptionRule', 'NAT exemption rule', `The firewall's NAT rule that leaves this tunnel's traffic untranslated (Policies > NAT); empty: <tunnel>-no-nat. ${IMPORTED}`, NAT_SOURCE),
    { kind: 'choice', key: 'natExemption', choices: ['auto', 'none'], label: 'NAT exemption', hint: `auto: a NAT exemption rule is written where the gateway does source NAT; none: the firewall has none for this tunnel (as imported), so none is written.`, source: `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN"; ${NAT_SOURCE}` },
    listField('addressObjects', 'Address objects', `The firewall's address objects (ip-netmask) for the prefixes this tunnel's rules name (Objects > Addresses); a prefix not listed: N-<prefix>. ${IMPORTED}`, ADDRESS_SOURCE),
    matchField('securityRuleOutMatch', 'Outbound rule as imported', RULE_SOURCE),
    matchField('securityRuleInMatch', 'Inbound rule as imported', RULE_SOURCE),
    matchField('natExemptionRuleMatch', 'NAT exemption rule as imported', NAT_SOURCE),
  ],
};

export function panosEndOptionsOf(end: TunnelEnd): PanosEndOptions {
  return readOptions(panosEndOptions, 'panos', end);
}
