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
  options: { gateway: strongswanGatewayOptions },
} as const satisfies VendorModule<'strongswan'>;
