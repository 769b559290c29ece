// cisco-ios: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { ciscoIosExporter } from './export';
import { grammar } from './grammar';
import { paste } from './paste';
import { iosEndOptions, iosGatewayOptions } from './options';
import { reader } from './reader';
import { identity } from './identity';
import { ciscoIos as profile } from './profile';
import { showCryptoIpsecSaIos } from '../families/cisco-show';

export const vendor = {
  id: 'cisco-ios',
  identity,
  capabilities,
  profile,
  monitor: NO_MONITOR,
  show: { commands: [{ command: 'show crypto ipsec sa', run: showCryptoIpsecSaIos }] },
  exporter: ciscoIosExporter,
  grammar,
  options: { gateway: iosGatewayOptions, end: iosEndOptions },
  reader,
  paste,
} as const satisfies VendorModule<'cisco-ios'>;
