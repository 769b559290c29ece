// Cisco ASA's own settings of a gateway: where its export's crypto map entries and IKE policies go.
import type { Gateway } from '../../model/document';
import { cryptoMapOptions, type CryptoMapOptions } from '../families/cisco-crypto-map';
import { readOptions } from '../kit/options';

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
