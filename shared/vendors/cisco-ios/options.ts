// Cisco IOS-XE's own settings of a gateway: where its export's crypto map entries and ISAKMP policies go.
import type { Gateway } from '../../model/document';
import { cryptoMapOptions, type CryptoMapOptions } from '../families/cisco-crypto-map';
import { readOptions } from '../kit/options';

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
