// strongswan: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { strongswanExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { strongswanGatewayOptions } from './options';
import { strongswan as profile } from './profile';
import { strongswanReader } from './reader';
import { swanctlListSas } from './show';
import { strongswanPaste } from './paste';

export const vendor = {
  id: 'strongswan',
  identity,
  capabilities,
  profile,
  monitor: NO_MONITOR,
  show: { commands: [{ command: 'swanctl --list-sas', run: swanctlListSas }] },
  exporter: strongswanExporter,
  reader: strongswanReader,
  grammar,
  paste: strongswanPaste,
  options: { gateway: strongswanGatewayOptions },
} as const satisfies VendorModule<'strongswan'>;
