// Cisco ASA's own settings of a gateway (where its export's crypto map entries and IKE policies
// go) and of a tunnel end (the names the box itself gives the tunnel's crypto map entry, crypto
// ACL, transform set or IPsec proposal and network objects, recorded at import so that the
// corrected configuration is written in the box's own names: what it adds is what to paste there).
import { z } from 'zod';
import type { Gateway, TunnelEnd } from '../../model/document';
import { cryptoMapOptions, type CryptoMapOptions } from '../families/cisco-crypto-map';
import { readOptions, type VendorOptionSet } from '../kit/options';

export const asaGatewayOptions = cryptoMapOptions({
  defaultName: '<outside interface>_map',
  // Priorities 1-65535: FDM API addIkevOnePolicy (same IKE engine); the sequence range was not found for ASA, IOS's assumed.
  sequenceMax: 65535,
  policyMax: 65535,
  source: 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "IPsec and ISAKMP" > crypto map (one map per interface: "crypto map map-name interface interface-name"), Configure IKE Policies (unique priority per policy)',
});

export function asaOptionsOf(gateway: Gateway): CryptoMapOptions {
  return readOptions(asaGatewayOptions, 'cisco-asa', gateway);
}

/** Empty: not recorded, the export derives the name (CRYPTO-<tunnel>, TS-<tunnel>-1, P-<tunnel>, N-<prefix>). */
export type AsaEndOptions = {
  cryptoMap: string;
  /** 0: not recorded, the export numbers the entry from the gateway's first sequence. */
  mapSequence: number;
  cryptoAcl: string;
  transformSet: string;
  ipsecProposal: string;
  localObject: string;
  localObjectAddress: string;
  remoteObject: string;
  remoteObjectAddress: string;
  /**
   * The box's own identity NAT for the tunnel's traffic, `<inside interface>,<source object>=<prefix>,<destination object>=<prefix>`
   * (`inside,BRANCH-LAN=10.20.0.0/24,HQ-LAN=10.10.0.0/24` for `nat (inside,outside) source static
   * BRANCH-LAN BRANCH-LAN destination static HQ-LAN HQ-LAN …`); empty: not recorded, the export
   * writes its own exemption from the tunnel's networks.
   */
  natExemption: string;
};

/**
 * A name the export writes as one word of the ASA CLI and the document keeps as a product setting
 * (letters, digits, . _ -; up to 64). A box's name outside it (other punctuation, longer) is not
 * recorded: the export then derives its own, as for a tunnel drawn in the app.
 */
export const ASA_NAME = /^[A-Za-z0-9._-]{1,64}$/u;
const MAP_NAME = /^[A-Za-z0-9_-]{1,64}$/u;
/** A prefix as the document writes it (10.20.0.0/24, 2001:db8::/64): the address a recorded object name stands for. */
export const ASA_OBJECT_ADDRESS = /^[0-9A-Fa-f.:]{2,45}\/\d{1,3}$/u;

/** `inside,SRC=prefix,DST=prefix`: the interface and object names as ASA_NAME, the prefixes as ASA_OBJECT_ADDRESS. */
export const ASA_NAT_EXEMPTION = /^[A-Za-z0-9._-]{1,64},[A-Za-z0-9._-]{1,64}=[0-9A-Fa-f.:]{2,45}\/\d{1,3},[A-Za-z0-9._-]{1,64}=[0-9A-Fa-f.:]{2,45}\/\d{1,3}$/u;

const DOC = 'Cisco ASA Series VPN CLI Configuration Guide 9.x, "LAN-to-LAN IPsec VPNs" (Configure an ACL; Create a transform set; Create a crypto map and apply it to an interface: "crypto map map-name seq-num match address access-list-name")';
const OBJECT_DOC = 'Cisco ASA Series General Operations CLI Configuration Guide 9.x, "Objects for Access Control" > Configure Network Objects ("object network name", "subnet"), used by name in an access-list line';
const NAT_DOC = 'Cisco ASA Series VPN CLI Configuration Guide 9.x, the NAT chapter\'s identity NAT for VPN ("nat (inside,outside) source static … destination static … no-proxy-arp route-lookup": the tunnel\'s traffic leaves untranslated)';
const IMPORTED = 'Recorded at import from the box\'s configuration; empty for a tunnel drawn here (the export then makes one up).';

const name = (says: string) => z.union([z.literal(''), z.string().regex(ASA_NAME, { message: `${says} is up to 64 letters, digits, . _ and -` })]).optional();
const address = z.union([z.literal(''), z.string().regex(ASA_OBJECT_ADDRESS, { message: 'the address a network object stands for is a prefix such as 10.20.0.0/24' })]).optional();
const text = (key: keyof AsaEndOptions & string, label: string, hint: string, source = DOC, pattern = ASA_NAME) =>
  ({ key, kind: 'text' as const, pattern: new RegExp(`^(?:${pattern.source.slice(1, -1)})?$`, 'u'), says: pattern === ASA_OBJECT_ADDRESS ? 'a prefix such as 10.20.0.0/24; empty when not recorded' : pattern === ASA_NAT_EXEMPTION ? 'inside,SOURCE=10.20.0.0/24,DESTINATION=10.10.0.0/24; empty when not recorded' : `up to 64 letters, digits, ${pattern === MAP_NAME ? '' : '. '}_ and -; empty when not recorded`, label, hint: `${hint} ${IMPORTED}`, source });

export const asaEndOptions: VendorOptionSet<AsaEndOptions> = {
  schema: z.strictObject({
    cryptoMap: z.union([z.literal(''), z.string().regex(MAP_NAME, { message: 'a crypto map name is up to 64 letters, digits, _ and -' })]).optional(),
    mapSequence: z.number().int().min(0).max(65535).optional(),
    cryptoAcl: name('an access list name'),
    transformSet: name('a transform set name'),
    ipsecProposal: name('an IPsec proposal name'),
    localObject: name('a network object name'),
    localObjectAddress: address,
    remoteObject: name('a network object name'),
    remoteObjectAddress: address,
    natExemption: z.union([z.literal(''), z.string().regex(ASA_NAT_EXEMPTION, { message: 'the box\'s NAT exemption is written inside,SOURCE=10.20.0.0/24,DESTINATION=10.10.0.0/24' })]).optional(),
  }),
  defaults: { cryptoMap: '', mapSequence: 0, cryptoAcl: '', transformSet: '', ipsecProposal: '', localObject: '', localObjectAddress: '', remoteObject: '', remoteObjectAddress: '', natExemption: '' },
  fields: [
    text('cryptoMap', 'Crypto map', 'The crypto map bound to the outside interface that this tunnel is an entry of (the gateway\'s Cisco ASA crypto map name, when set, wins).', DOC, MAP_NAME),
    { key: 'mapSequence', kind: 'number', min: 0, max: 65535, label: 'Crypto map sequence', hint: `This tunnel's crypto map entry number (0: numbered from the gateway's first sequence). ${IMPORTED}`, source: DOC },
    text('cryptoAcl', 'Crypto ACL', 'The access list the crypto map entry matches (match address).'),
    text('transformSet', 'IKEv1 transform set', 'The transform set the entry names, for the tunnel\'s first ESP combination.'),
    text('ipsecProposal', 'IKEv2 IPsec proposal', 'The IKEv2 IPsec proposal the entry names.'),
    text('localObject', 'Local network object', 'The network object the crypto ACL names for the address below.', OBJECT_DOC),
    text('localObjectAddress', 'Local object address', 'The prefix that local network object stands for.', OBJECT_DOC, ASA_OBJECT_ADDRESS),
    text('remoteObject', 'Remote network object', 'The network object the crypto ACL names for the address below.', OBJECT_DOC),
    text('remoteObjectAddress', 'Remote object address', 'The prefix that remote network object stands for.', OBJECT_DOC, ASA_OBJECT_ADDRESS),
    text('natExemption', 'NAT exemption', 'The box\'s own identity NAT line for this tunnel: its inside interface, source object=prefix and destination object=prefix. The export writes it as the box has it, and a new exemption only for networks it does not cover.', NAT_DOC, ASA_NAT_EXEMPTION),
  ],
};

export function asaEndOptionsOf(end: TunnelEnd): AsaEndOptions {
  return readOptions(asaEndOptions, 'cisco-asa', end);
}
