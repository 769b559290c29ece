// Cisco IOS-XE's own settings of a gateway (where its export's crypto map entries and ISAKMP
// policies go) and of a tunnel end (the names the box itself gives what the tunnel uses: its
// crypto map entry, crypto ACL, transform sets, IKEv2 proposals, policy, keyring and profile,
// IPsec profile and ISAKMP policy priorities, recorded at import so that the corrected
// configuration is written in the box's own names: what it adds is what to paste there).
import { z } from 'zod';
import type { Gateway, TunnelEnd } from '../../model/document';
import { cryptoMapOptions, type CryptoMapOptions } from '../families/cisco-crypto-map';
import { readOptions, type VendorOptionSet } from '../kit/options';

export const iosGatewayOptions = cryptoMapOptions({
  defaultName: 'CMAP',
  // Cisco-IOS-XE-crypto YANG: crypto map seq range "1..65535", crypto isakmp policy number range "1..10000".
  sequenceMax: 65535,
  policyMax: 10000,
  source: 'Cisco IOS XE native YANG model Cisco-IOS-XE-crypto (crypto map seq 1..65535, crypto isakmp policy 1..10000); "Security for VPNs with IPsec": one crypto map per interface',
});

export function iosOptionsOf(gateway: Gateway): CryptoMapOptions {
  return readOptions(iosGatewayOptions, 'cisco-ios', gateway);
}

/**
 * Empty: not recorded, the export derives the name (CRYPTO-<tunnel>, TS-<tunnel>-<n>,
 * PROP-<tunnel>-<n>, POL-, KR-, PROF-, IPSEC-<tunnel>, ISAKMP policies numbered from the
 * gateway's first priority).
 */
export type IosEndOptions = {
  cryptoMap: string;
  /** 0: not recorded, the export numbers the entry from the gateway's first sequence. */
  mapSequence: number;
  cryptoAcl: string;
  /** The transform sets of the entry or IPsec profile, in order, space-separated: the n-th names the export's n-th ESP combination. */
  transformSets: string;
  /** The IKEv2 policy's proposals, in order, space-separated: the n-th names the tunnel's n-th IKE proposal. */
  ikev2Proposals: string;
  ikev2Policy: string;
  ikev2Keyring: string;
  /** The peer of that keyring the tunnel's key is under (`peer NAME`). */
  keyringPeer: string;
  ikev2Profile: string;
  /** Route-based: the IPsec profile the tunnel interface is protected with. */
  ipsecProfile: string;
  /** IKEv1: the box's ISAKMP policies the tunnel may negotiate, `priority:encryption:hash:group` each, space-separated. */
  isakmpPolicies: string;
};

/**
 * A name the export writes as one word of the IOS CLI and the document keeps as a product
 * setting: a letter first, then letters, digits, . _ -; up to 64. The letter first is what a
 * named ACL needs ("Cisco IOS Security Command Reference", ip access-list: "Names cannot contain a
 * space or quotation mark, and must begin with an alphabetic character to prevent ambiguity with
 * numbered access lists"); no length or character rule was found for the crypto map, transform
 * set, IKEv2 and IPsec profile names, so a box's name outside this one word (a numbered ACL, other
 * punctuation, longer) is not recorded: the export then derives its own, as for a tunnel drawn in
 * the app, which is what it did before box names were kept.
 */
export const IOS_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/u;
/**
 * A numbered extended list (100-199, 2000-2699), which named-list configuration mode edits by its
 * number ("Security Configuration Guide: Access Control Lists, Cisco IOS XE", IP Access List Entry
 * Sequence Numbering > Restrictions: "you can name an access list with a number, so numbers are
 * allowed when they are entered in the standard or extended named access list (NACL)
 * configuration mode"; its example edits list 150 with "ip access-list extended 150").
 */
export const NUMBERED_EXTENDED = /^(?:1\d\d|2[0-6]\d\d)$/u;
const ACL_NAME = new RegExp(`^(?:${IOS_NAME.source.slice(1, -1)}|${NUMBERED_EXTENDED.source.slice(4, -2)})$`, 'u');
/** The crypto map names the gateway's setting takes (families/cisco-crypto-map.ts). */
const MAP_NAME = /^[A-Za-z0-9_-]{1,64}$/u;
const NAMES = new RegExp(`^${IOS_NAME.source.slice(1, -1)}(?: ${IOS_NAME.source.slice(1, -1)}){0,15}$`, 'u');
/** `10:aes256:sha256:14`: an ISAKMP policy's priority (1-10000) and the design's encryption, hash and group it holds. */
const ISAKMP_POLICY = /(?:[1-9]\d{0,3}|10000):[a-z0-9]{2,12}:[a-z0-9]{2,8}:\d{1,2}/u;
export const ISAKMP_POLICIES = new RegExp(`^${ISAKMP_POLICY.source}(?: ${ISAKMP_POLICY.source}){0,31}$`, 'u');

const DOC = 'Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x, "Configuring Security for VPNs with IPsec" (Creating Crypto Access Lists; Defining Transform Sets; Creating Static Crypto Maps: "crypto map map-name seq-num ipsec-isakmp", "match address access-list-id", "set transform-set transform-set-name1 [... transform-set-name6]")';
const IKEV2_DOC = 'Internet Key Exchange Version 2 Configuration Guide, Cisco IOS XE 17.x, "Configuring Internet Key Exchange Version 2 and FlexVPN Site-to-Site" (crypto ikev2 proposal, crypto ikev2 policy, crypto ikev2 keyring with peer name, crypto ikev2 profile)';
const VTI_DOC = 'Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x, "IPsec Virtual Tunnel Interfaces" (crypto ipsec profile, tunnel protection ipsec profile)';
const IKE_DOC = 'Security for VPNs with IPsec Configuration Guide, Cisco IOS XE 17.x, "Configuring Internet Key Exchange for IPsec VPNs" (crypto isakmp policy priority: each policy its own priority, 1 the highest)';
const IMPORTED = 'Recorded at import from the box\'s configuration; empty for a tunnel drawn here (the export then makes one up).';
const SAYS = 'a letter, then up to 63 letters, digits, . _ and -; empty when not recorded';

const optional = (pattern: RegExp, message: string) => z.union([z.literal(''), z.string().regex(pattern, { message })]).optional();
const name = (says: string) => optional(IOS_NAME, `${says} is a letter then up to 63 letters, digits, . _ and -`);
const text = (key: keyof IosEndOptions & string, label: string, hint: string, source: string, pattern = IOS_NAME, says = SAYS) =>
  ({ key, kind: 'text' as const, pattern: new RegExp(`^(?:${pattern.source.slice(1, -1)})?$`, 'u'), says, label, hint: `${hint} ${IMPORTED}`, source });

export const iosEndOptions: VendorOptionSet<IosEndOptions> = {
  schema: z.strictObject({
    cryptoMap: optional(MAP_NAME, 'a crypto map name is up to 64 letters, digits, _ and -'),
    mapSequence: z.number().int().min(0).max(65535).optional(),
    cryptoAcl: optional(ACL_NAME, 'a crypto ACL is a named list (a letter then up to 63 letters, digits, . _ and -) or an extended list number (100-199, 2000-2699)'),
    transformSets: optional(NAMES, 'transform set names are words (a letter first) separated by spaces, at most 16'),
    ikev2Proposals: optional(NAMES, 'IKEv2 proposal names are words (a letter first) separated by spaces, at most 16'),
    ikev2Policy: name('an IKEv2 policy name'),
    ikev2Keyring: name('an IKEv2 keyring name'),
    keyringPeer: name('a keyring peer name'),
    ikev2Profile: name('an IKEv2 profile name'),
    ipsecProfile: name('an IPsec profile name'),
    isakmpPolicies: optional(ISAKMP_POLICIES, 'ISAKMP policies are priority:encryption:hash:group, separated by spaces'),
  }),
  defaults: { cryptoMap: '', mapSequence: 0, cryptoAcl: '', transformSets: '', ikev2Proposals: '', ikev2Policy: '', ikev2Keyring: '', keyringPeer: '', ikev2Profile: '', ipsecProfile: '', isakmpPolicies: '' },
  fields: [
    text('cryptoMap', 'Crypto map', 'The crypto map applied to the outside interface that this tunnel is an entry of (the gateway\'s Cisco IOS-XE crypto map name, when set, wins).', DOC, MAP_NAME, 'up to 64 letters, digits, _ and -; empty when not recorded'),
    { key: 'mapSequence', kind: 'number', min: 0, max: 65535, label: 'Crypto map sequence', hint: `This tunnel's crypto map entry number (0: numbered from the gateway's first sequence). ${IMPORTED}`, source: DOC },
    text('cryptoAcl', 'Crypto ACL', 'The extended access list the crypto map entry matches (match address), by name or number.', DOC, ACL_NAME, 'a name (a letter first) or a number 100-199, 2000-2699; empty when not recorded'),
    text('transformSets', 'Transform sets', 'The transform sets the entry or IPsec profile names, in order, separated by spaces: one per ESP combination.', DOC, NAMES, 'names separated by spaces; empty when not recorded'),
    text('ikev2Proposals', 'IKEv2 proposals', 'The proposals of the IKEv2 policy, in order, separated by spaces: one per IKE proposal.', IKEV2_DOC, NAMES, 'names separated by spaces; empty when not recorded'),
    text('ikev2Policy', 'IKEv2 policy', 'The IKEv2 policy that lists those proposals.', IKEV2_DOC),
    text('ikev2Keyring', 'IKEv2 keyring', 'The keyring the IKEv2 profile names (keyring local).', IKEV2_DOC),
    text('keyringPeer', 'Keyring peer', 'The peer of that keyring that holds this tunnel\'s peer address and key.', IKEV2_DOC),
    text('ikev2Profile', 'IKEv2 profile', 'The IKEv2 profile the crypto map entry or IPsec profile sets (set ikev2-profile).', IKEV2_DOC),
    text('ipsecProfile', 'IPsec profile', 'Route-based: the IPsec profile the tunnel interface is protected with (tunnel protection ipsec profile).', VTI_DOC),
    text('isakmpPolicies', 'ISAKMP policies', 'IKEv1: the box\'s ISAKMP policies as priority:encryption:hash:group, separated by spaces; a combination of the design that one holds keeps its priority.', IKE_DOC, ISAKMP_POLICIES, 'priority:encryption:hash:group, separated by spaces; empty when not recorded'),
  ],
};

export function iosEndOptionsOf(end: TunnelEnd): IosEndOptions {
  return readOptions(iosEndOptions, 'cisco-ios', end);
}

/** The words of a space-separated setting (none when empty). */
export const wordsOf = (v: string): string[] => (v === '' ? [] : v.split(' '));
