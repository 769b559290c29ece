// PAN-OS's own settings of a tunnel end: the names its objects have on the box. An imported box
// keeps its IKE gateway, IPSec tunnel and crypto profiles by their own names, so the corrected
// configuration's `set` lines change those objects rather than create new ones beside them.
// Empty (the default, and every drawn design) means the exporter's own name (gw-<tunnel>,
// ipsec-<tunnel>, ike-<tunnel>, <tunnel>).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type OptionField, type VendorOptionSet } from '../kit/options';

export interface PanosEndOptions extends Record<string, string> {
  ikeGateway: string;
  ipsecTunnel: string;
  ikeCryptoProfile: string;
  ipsecCryptoProfile: string;
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

const SCHEMA_SOURCE = 'PAN-OS schema (pan-os-codegen specs/network/ike-gateway.yaml, specs/network/tunnels/ipsec.yaml, specs/objects/profiles/ike-crypto-profile.yaml, ipsec-crypto-profile.yaml: each an entry by name)';
const field = (key: keyof PanosEndOptions & string, label: string, hint: string): OptionField & { key: keyof PanosEndOptions & string } => ({ kind: 'text', key, label, hint, pattern: PANOS_NAME, says: SAYS, source: `PAN-OS Administrator's Guide, "Set Up Site-to-Site VPN"; ${SCHEMA_SOURCE}` });

export const panosEndOptions: VendorOptionSet<PanosEndOptions> = {
  schema: z.object({ ikeGateway: name, ipsecTunnel: name, ikeCryptoProfile: name, ipsecCryptoProfile: name }).partial().strict(),
  defaults: { ikeGateway: '', ipsecTunnel: '', ikeCryptoProfile: '', ipsecCryptoProfile: '' },
  fields: [
    field('ikeGateway', 'IKE Gateway', 'The name of this end\'s IKE gateway on the firewall (Network > Network Profiles > IKE Gateways); empty: gw-<tunnel>.'),
    field('ipsecTunnel', 'IPSec Tunnel', 'The name of this end\'s IPSec tunnel on the firewall (Network > IPSec Tunnels); empty: the tunnel\'s name.'),
    field('ikeCryptoProfile', 'IKE Crypto Profile', 'The IKE crypto profile the IKE gateway uses on the firewall (Network > Network Profiles > IKE Crypto); empty: ike-<tunnel>. Tunnels that name the same profile share it.'),
    field('ipsecCryptoProfile', 'IPSec Crypto Profile', 'The IPSec crypto profile the tunnel uses on the firewall (Network > Network Profiles > IPSec Crypto); empty: ipsec-<tunnel>. Tunnels that name the same profile share it.'),
  ],
};

export function panosEndOptionsOf(end: TunnelEnd): PanosEndOptions {
  return readOptions(panosEndOptions, 'panos', end);
}
