// FortiGate's own settings of a tunnel end: how its phase 2 matches selectors, and the names the
// box itself gives what the tunnel uses (its phase1-interface, phase2-interfaces, firewall
// addresses, the two firewall policies and their policy IDs, the static routes' sequence
// numbers). The reader records the names at import, so that the corrected configuration is
// written in the box's own names and numbers: what it changes is what to paste there, not objects
// created beside the box's. Empty (the default, and every drawn design) means the exporter's own
// name (<tunnel>, <tunnel>-<n>, N-<prefix>, <tunnel>-out/-in) and `edit 0` for a numbered entry.
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type OptionField, type VendorOptionSet } from '../kit/options';

export interface FortigateEndOptions extends Record<string, string | number | boolean> {
  selectorMatch: 'exact' | 'subset' | 'auto';
  initiatorTsNarrow: boolean;
  /** The box's phase1-interface (and so tunnel interface) for this end. */
  phase1Interface: string;
  /** The box's phase2-interfaces: `<n>=<name>` entries, comma-separated, n the selector's place (1, 2, …) in the end's selectors; a phase 2 by address name is at each of its selectors' places. */
  phase2Interfaces: string;
  /** The box's phase2-interfaces by address name (src-addr-type name): `<phase 2>=<src-name>/<dst-name>` entries, comma-separated. */
  phase2Objects: string;
  /** The box's firewall addresses (subnet) for the prefixes this tunnel's policies name: `<prefix>=<name>` entries, comma-separated. */
  addresses: string;
  /** The box's firewall policy from the inside interface to the tunnel interface, and its policy ID (0: not recorded). */
  policyOut: string;
  policyOutId: number;
  /** The box's firewall policy from the tunnel interface to the inside interface, and its policy ID (0: not recorded). */
  policyIn: string;
  policyInId: number;
  /** The box's static routes through the tunnel interface, by destination: `<prefix>=<seq-num>` entries, comma-separated. */
  staticRoutes: string;
}

const DOC = 'FortiOS 7.4.6 CLI Reference: config vpn ipsec phase2 (selector-match, policy mode only), config vpn ipsec phase2-interface (initiator-ts-narrow)';

/**
 * Name lengths as the FortiOS CLI Reference gives them: phase1-interface name and phase1name
 * size[15], phase2-interface name size[35] (FortiOS 6.0.5 CLI Reference, "vpn ipsec
 * {phase2-interface | phase2}"; the 7.4.5 phase1-interface table agrees on 15, as does "config
 * system interface" name "Maximum length: 15", the tunnel interface a phase 1 is); firewall
 * address name size[63] (FortiOS 6.0.6 CLI Reference, "firewall {address | address6}"). For a
 * policy name the tables searched give no size: 63 here, the address's, which a name the box
 * itself took fits or not (not fitting: not recorded, the exporter's name is used). Characters: a
 * product setting of the document is a word (letters, digits, . _ -); a box's name with others
 * (spaces, quotes) is not recorded either.
 */
const word = (max: number) => `[A-Za-z0-9._-]{1,${max}}`;
export const PHASE1_NAME = new RegExp(`^(?:${word(15)})?$`);
export const PHASE2_NAME = new RegExp(`^${word(35)}$`);
export const OBJECT_NAME = new RegExp(`^(?:${word(63)})?$`);
const PREFIX = '[0-9A-Fa-f.:]{2,45}/\\d{1,3}';
export const PHASE2_LIST = new RegExp(`^(?:\\d{1,4}=${word(35)}(?:,\\d{1,4}=${word(35)})*)?$`);
export const ADDRESS_LIST = new RegExp(`^(?:${PREFIX}=${word(63)}(?:,${PREFIX}=${word(63)})*)?$`);
export const PHASE2_OBJECTS = new RegExp(`^(?:${word(35)}=${word(63)}/${word(63)}(?:,${word(35)}=${word(63)}/${word(63)})*)?$`);
export const ROUTE_LIST = new RegExp(`^(?:${PREFIX}=\\d{1,10}(?:,${PREFIX}=\\d{1,10})*)?$`);
/** The document holds a setting of at most 1024 characters. */
export const LIST_MAX = 1024;
/** policyid <0-4294967294> (FortiOS 7.4.6 CLI Reference, "config firewall policy"): 0 is `edit 0`, a new one. */
export const POLICY_ID_MAX = 4294967294;

const SAYS = 'the name on the FortiGate: letters, digits, ".", "_" and "-"; empty for the exporter\'s own name';
const text = (pattern: RegExp, says: string) => z.string().max(LIST_MAX).regex(pattern, { message: says });
const IMPORTED = 'Recorded at import from the FortiGate\'s configuration; empty for a tunnel drawn here (the export then makes one up).';
const NAMES_DOC = 'FortiOS 6.0.5 CLI Reference, "vpn ipsec {phase2-interface | phase2}" (name size[35], phase1name size[15]); FortiOS 6.0.6 CLI Reference, "firewall {address | address6}" (name size[63])';
const PHASE2_NAME_DOC = 'FortiOS 7.4.6 CLI Reference, "config vpn ipsec phase2-interface" (src-addr-type name, src-name/dst-name: a firewall address or address group)';
const POLICY_DOC = 'FortiOS 7.4.6 CLI Reference, "config firewall policy" (edit <policyid>, set name); FortiOS 7.4 Administration Guide, "Basic site-to-site VPN with pre-shared key" (the two policies of a tunnel)';
const ROUTE_DOC = 'FortiOS 7.4.6 CLI Reference, "config router static" (edit <seq-num>, dst, device)';
const field = (key: keyof FortigateEndOptions & string, label: string, hint: string, pattern: RegExp, says: string, source: string): OptionField & { key: keyof FortigateEndOptions & string } => ({ kind: 'text', key, label, hint: `${hint} ${IMPORTED}`, pattern, says, source });
const id = (key: keyof FortigateEndOptions & string, label: string, hint: string): OptionField & { key: keyof FortigateEndOptions & string } => ({ kind: 'number', key, min: 0, max: POLICY_ID_MAX, label, hint: `${hint} (0: not recorded, a new policy is created with edit 0). ${IMPORTED}`, source: POLICY_DOC });

export const fortigateEndOptions: VendorOptionSet<FortigateEndOptions> = {
  schema: z.strictObject({
    selectorMatch: z.enum(['exact', 'subset', 'auto']).optional(),
    initiatorTsNarrow: z.boolean().optional(),
    phase1Interface: text(PHASE1_NAME, `a phase1-interface name is up to 15 letters, digits, ".", "_" and "-"`).optional(),
    phase2Interfaces: text(PHASE2_LIST, 'entries <n>=<phase2-interface name> (1=to_HQ2), comma-separated; each name up to 35 letters, digits, ".", "_" and "-"').optional(),
    phase2Objects: text(PHASE2_OBJECTS, 'entries <phase 2>=<src-name>/<dst-name> (to_HQ2=to_HQ2_local/to_HQ2_remote), comma-separated').optional(),
    addresses: text(ADDRESS_LIST, 'entries <prefix>=<address name> (10.1.100.0/24=HQ-LAN), comma-separated; each name up to 63 letters, digits, ".", "_" and "-"').optional(),
    policyOut: text(OBJECT_NAME, SAYS).optional(),
    policyOutId: z.number().int().min(0).max(POLICY_ID_MAX).optional(),
    policyIn: text(OBJECT_NAME, SAYS).optional(),
    policyInId: z.number().int().min(0).max(POLICY_ID_MAX).optional(),
    staticRoutes: text(ROUTE_LIST, 'entries <prefix>=<sequence number> (172.16.101.0/24=2), comma-separated').optional(),
  }),
  defaults: { selectorMatch: 'auto', initiatorTsNarrow: false, phase1Interface: '', phase2Interfaces: '', phase2Objects: '', addresses: '', policyOut: '', policyOutId: 0, policyIn: '', policyInId: 0, staticRoutes: '' },
  fields: [
    { key: 'selectorMatch', kind: 'choice', choices: ['auto', 'exact', 'subset'], label: 'selector-match', hint: 'Policy-based FortiGates only (policy-mode phase2): how a proposed selector must relate to the phase-2 selectors: equal (exact), inside them (subset), or either by address type (auto). An interface-mode phase2-interface has no selector-match and accepts a proposal inside its selectors.', source: DOC },
    { key: 'initiatorTsNarrow', kind: 'boolean', label: 'initiator-ts-narrow', hint: 'As IKEv2 initiator, accept selectors the responder narrowed (default off).', source: DOC },
    field('phase1Interface', 'phase1-interface', 'The FortiGate\'s phase1-interface for this end, which is also its tunnel interface (routes and policies name it); empty: the tunnel\'s name.', PHASE1_NAME, 'up to 15 letters, digits, ".", "_" and "-"; empty when not recorded', NAMES_DOC),
    field('phase2Interfaces', 'phase2-interfaces', 'The FortiGate\'s phase2-interface for each selector, by the selector\'s place (1=to_HQ2); a selector not listed: <phase 1>-<n>.', PHASE2_LIST, 'entries <n>=<name>, comma-separated; empty when not recorded', NAMES_DOC),
    field('phase2Objects', 'phase2-interface selectors by name', 'The address or address group each of the FortiGate\'s phase2-interfaces by address name (src-addr-type name) names for its source and destination: that phase 2 is written so while its selectors are every pair of the two objects\' prefixes.', PHASE2_OBJECTS, 'entries <phase 2>=<src-name>/<dst-name>, comma-separated; empty when not recorded', PHASE2_NAME_DOC),
    field('addresses', 'Firewall addresses', 'The FortiGate\'s firewall addresses for the prefixes this tunnel\'s policies name; a prefix not listed: N-<prefix>.', ADDRESS_LIST, 'entries <prefix>=<name>, comma-separated; empty when not recorded', NAMES_DOC),
    field('policyOut', 'Policy (outbound)', 'The FortiGate\'s firewall policy from the inside interface to the tunnel interface; empty: <phase 1>-out.', OBJECT_NAME, SAYS, POLICY_DOC),
    id('policyOutId', 'Policy ID (outbound)', 'That policy\'s number'),
    field('policyIn', 'Policy (inbound)', 'The FortiGate\'s firewall policy from the tunnel interface to the inside interface; empty: <phase 1>-in.', OBJECT_NAME, SAYS, POLICY_DOC),
    id('policyInId', 'Policy ID (inbound)', 'That policy\'s number'),
    field('staticRoutes', 'Static routes', 'The sequence numbers of the FortiGate\'s static routes through the tunnel interface, by destination; a destination not listed: a new route (edit 0).', ROUTE_LIST, 'entries <prefix>=<number>, comma-separated; empty when not recorded', ROUTE_DOC),
  ],
  fromFormat2: { selectorMatch: 'selectorMatch', initiatorTsNarrow: 'initiatorTsNarrow' },
};

export function fortigateOptionsOf(end: TunnelEnd): FortigateEndOptions {
  return readOptions(fortigateEndOptions, 'fortigate', end);
}

/** The `<key>=<value>` entries of a list setting, in order; entries that do not parse are left out. */
export function listEntries(list: string): { key: string; value: string }[] {
  if (list === '') return [];
  return list.split(',').flatMap((e) => {
    const at = e.lastIndexOf('=');
    return at > 0 ? [{ key: e.slice(0, at), value: e.slice(at + 1) }] : [];
  });
}
