// ScreenOS's own settings of a VPN (a tunnel end): the proxy-id check, and the names the box itself
// gives what the tunnel uses (IKE gateway, VPN and its id, phase-1 and phase-2 proposals, address
// book entries, the ids of the tunnel's two policies), recorded at import so that the corrected
// configuration is written in the box's own names: its `set`/`unset` lines change the box's
// objects rather than create others beside them. Empty (the default, and every drawn design) means
// the exporter's own name (<tunnel>, p1-<tunnel>-<n>, p2-<tunnel>-<n>, N-<prefix>, a policy without
// an id). The tunnel interface (tunnel.N) is the end's own tunnelInterface, which the import sets;
// a ScreenOS route has no name (it is its prefix and interface).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type OptionField, type VendorOptionSet } from '../kit/options';

export type ScreenosEndOptions = {
  proxyIdCheck: boolean;
  ikeGateway: string;
  vpn: string;
  /** `set vpn "x" id 0xN`: the VPN's id on the box; 0: not recorded (the export numbers it by place). */
  vpnId: number;
  /** The gateway's proposals in order, comma-separated (predefined ones such as pre-g2-3des-sha too). */
  p1Proposals: string;
  p2Proposals: string;
  /** `<prefix>=<name>` entries of the inside zone's address book for this tunnel's local prefixes. */
  localAddresses: string;
  /** The same for the remote prefixes, in the zone the tunnel's traffic leaves by. */
  remoteAddresses: string;
  /** The id of the box's policy from the inside zone out for this tunnel's traffic; 0: not recorded. */
  policyOut: number;
  /** The id of the box's policy back in; 0: not recorded. */
  policyIn: number;
  /** The box's services for the tunnel's ports: `<protocol>/<src ports>/<dst ports>=<name>` entries (6/0-65535/443-443=HTTPS), predefined ones too. */
  services: string;
};

const KB16008 = 'Juniper KB16008: multiple proxy IDs on a route-based VPN in ScreenOS 6.3';
const VOL5 = 'Juniper "Concepts & Examples ScreenOS Reference Guide", Volume 5: Virtual Private Networks ("Site-to-Site Virtual Private Networks": set ike gateway "To_Paris" …, set vpn "Tokyo_Paris" …; "Phase 1 Proposals", "Phase 2 Proposals")';
const VOL2 = 'Juniper "Concepts & Examples ScreenOS Reference Guide", Volume 2: Fundamentals ("Address Books": set address <zone> <name> …; "Policies"); ScreenOS 5.4 WebUI help "Policy List" (ID: "the number assigned to the policy to identify it") and "Policy Configuration" (several source and destination addresses in one policy)';
const IMPORTED = 'Recorded at import from the box\'s configuration; empty for a tunnel drawn here (the export then makes one up).';

/**
 * A ScreenOS name as a setting can hold it: letters, digits, '.', '_' and '-', at most 63. ScreenOS
 * names may hold more (spaces: the guide's policy "To/From Paris"); no ScreenOS document at hand
 * gives the longest name or the characters it takes, so a name outside this is not recorded and
 * the export uses its own, which is safe either way (the box's name is never written altered).
 */
export const SCREENOS_NAME = /^[A-Za-z0-9._-]{1,63}$/;
const NAME_SAYS = 'letters, digits, ".", "_" and "-", at most 63 characters; empty when not recorded';
const name = z.union([z.literal(''), z.string().regex(SCREENOS_NAME, { message: `a ScreenOS name is ${NAME_SAYS}` })]);
const NAME_LIST = /^(?:[A-Za-z0-9._-]{1,63}(?:,[A-Za-z0-9._-]{1,63}){0,3})?$/;
const LIST_SAYS = 'up to four names, comma-separated, each letters, digits, ".", "_" and "-"; empty when not recorded';
const ENTRY = '[0-9A-Fa-f.:]{2,45}/\\d{1,3}=[A-Za-z0-9._-]{1,63}';
export const SCREENOS_ADDRESS_LIST = new RegExp(`^(?:${ENTRY}(?:,${ENTRY})*)?$`);
const ADDRESS_SAYS = 'entries <prefix>=<name> (10.1.1.0/24=Trust_LAN), comma-separated; empty when not recorded';
const SERVICE_ENTRY = '\\d{1,3}/\\d{1,5}-\\d{1,5}/\\d{1,5}-\\d{1,5}=[A-Za-z0-9._-]{1,63}';
export const SCREENOS_SERVICE_LIST = new RegExp(`^(?:${SERVICE_ENTRY}(?:,${SERVICE_ENTRY})*)?$`);
const SERVICE_SAYS = 'entries <protocol>/<source ports>/<destination ports>=<name> (6/0-65535/443-443=HTTPS), comma-separated; empty when not recorded';
/** A policy id as `set policy id <n>` writes it; no document at hand gives its largest value, so the document's bound is the 32-bit one. */
const policyId = z.number().int().min(0).max(4294967295);

export const screenosEndOptions: VendorOptionSet<ScreenosEndOptions> = {
  schema: z.strictObject({
    proxyIdCheck: z.boolean().optional(),
    ikeGateway: name.optional(),
    vpn: name.optional(),
    vpnId: z.number().int().min(0).max(4294967295).optional(),
    p1Proposals: z.string().regex(NAME_LIST, { message: `the phase-1 proposals are ${LIST_SAYS}` }).optional(),
    p2Proposals: z.string().regex(NAME_LIST, { message: `the phase-2 proposals are ${LIST_SAYS}` }).optional(),
    localAddresses: z.string().max(1024).regex(SCREENOS_ADDRESS_LIST, { message: `the local addresses are ${ADDRESS_SAYS}` }).optional(),
    remoteAddresses: z.string().max(1024).regex(SCREENOS_ADDRESS_LIST, { message: `the remote addresses are ${ADDRESS_SAYS}` }).optional(),
    policyOut: policyId.optional(),
    policyIn: policyId.optional(),
    services: z.string().max(1024).regex(SCREENOS_SERVICE_LIST, { message: `the services are ${SERVICE_SAYS}` }).optional(),
  }),
  defaults: { proxyIdCheck: false, ikeGateway: '', vpn: '', vpnId: 0, p1Proposals: '', p2Proposals: '', localAddresses: '', remoteAddresses: '', policyOut: 0, policyIn: 0, services: '' },
  fields: [
    { key: 'proxyIdCheck', kind: 'boolean', label: 'proxy-id check', hint: 'always on with more than one proxy ID (6.3)', source: KB16008 },
    text('ikeGateway', 'IKE gateway', 'The box\'s name of this VPN\'s IKE gateway (set ike gateway).', VOL5),
    text('vpn', 'VPN', 'The box\'s name of this VPN (set vpn).', VOL5),
    { key: 'vpnId', kind: 'number', min: 0, max: 4294967295, label: 'VPN id', hint: `The VPN's id (set vpn … id 0xN bind interface); 0: numbered by the tunnel's place. ${IMPORTED}`, source: KB16008 },
    list('p1Proposals', 'Phase-1 proposals', 'The box\'s names of the gateway\'s proposals, in order (predefined ones included); a proposal the tunnel no longer has keeps the exporter\'s name.', NAME_LIST, LIST_SAYS),
    list('p2Proposals', 'Phase-2 proposals', 'The box\'s names of the VPN\'s proposals, in order.', NAME_LIST, LIST_SAYS),
    list('localAddresses', 'Local address book entries', 'The inside zone\'s address book entries for the tunnel\'s local prefixes; a prefix not listed: N-<prefix>.', SCREENOS_ADDRESS_LIST, ADDRESS_SAYS, VOL2),
    list('remoteAddresses', 'Remote address book entries', 'The address book entries for the tunnel\'s remote prefixes.', SCREENOS_ADDRESS_LIST, ADDRESS_SAYS, VOL2),
    { key: 'policyOut', kind: 'number', min: 0, max: 4294967295, label: 'Policy id (outbound)', hint: `The id of the box's policy from the inside zone for this tunnel's traffic; 0: a new policy, numbered by the box. ${IMPORTED}`, source: VOL2 },
    { key: 'policyIn', kind: 'number', min: 0, max: 4294967295, label: 'Policy id (inbound)', hint: `The id of the box's policy into the inside zone; 0: a new policy. ${IMPORTED}`, source: VOL2 },
    list('services', 'Services', 'The box\'s services (set service, or a predefined one such as HTTP) for the ports of the tunnel\'s proxy IDs; ports not listed: <protocol>-<ports>.', SCREENOS_SERVICE_LIST, SERVICE_SAYS, VOL2),
  ],
  fromFormat2: { proxyIdCheck: 'proxyIdCheck' },
};

function text(key: keyof ScreenosEndOptions & string, label: string, hint: string, source: string): OptionField & { key: keyof ScreenosEndOptions & string } {
  return { key, kind: 'text', pattern: /^(?:[A-Za-z0-9._-]{1,63})?$/, says: NAME_SAYS, label, hint: `${hint} ${IMPORTED}`, source };
}

function list(key: keyof ScreenosEndOptions & string, label: string, hint: string, pattern: RegExp, says: string, source = VOL5): OptionField & { key: keyof ScreenosEndOptions & string } {
  return { key, kind: 'text', pattern, says, label, hint: `${hint} ${IMPORTED}`, source };
}

export function screenosOptionsOf(end: TunnelEnd): ScreenosEndOptions {
  return readOptions(screenosEndOptions, 'screenos', end);
}

/** The `<key>=<name>` entries of an address or service list, as a map from key (prefix, service signature) to name. */
export function addressNames(value: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === '') return out;
  for (const e of value.split(',')) {
    const at = e.lastIndexOf('=');
    if (at > 0) out.set(e.slice(0, at), e.slice(at + 1));
  }
  return out;
}

/** The names of a proposal list, in order. */
export function proposalNames(value: string): string[] {
  return value === '' ? [] : value.split(',');
}
