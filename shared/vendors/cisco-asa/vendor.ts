// cisco-asa: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { ciscoAsaExporter } from './export';
import { grammar } from './grammar';
import { paste } from './paste';
import { asaEndOptions, asaGatewayOptions } from './options';
import { reader } from './reader';
import { identity } from './identity';
import { ciscoAsa as profile } from './profile';
import { showCryptoIpsecSaAsa } from '../families/cisco-show';

export const vendor = {
  id: 'cisco-asa',
  identity,
  capabilities,
  profile,
  monitor: NO_MONITOR,
  show: { commands: [{ command: 'show crypto ipsec sa', run: showCryptoIpsecSaAsa }] },
  exporter: ciscoAsaExporter,
  grammar,
  options: { gateway: asaGatewayOptions, end: asaEndOptions },
  reader,
  paste,
} as const satisfies VendorModule<'cisco-asa'>;
