// junos-srx: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { junosSrxExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { junosEndOptions } from './options';
import { junosPaste } from './paste';
import { junosSrx as profile } from './profile';
import { junosReader } from './reader';

export const vendor = {
  id: 'junos-srx',
  identity,
  capabilities,
  profile,
  options: { end: junosEndOptions },
  monitor: NO_MONITOR,
  exporter: junosSrxExporter,
  reader: junosReader,
  paste: junosPaste,
  grammar,
} as const satisfies VendorModule<'junos-srx'>;
