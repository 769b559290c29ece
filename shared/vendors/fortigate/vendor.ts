// fortigate: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { fortigateExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { fortigateEndOptions } from './options';
import { fortigatePaste } from './paste';
import { fortigate as profile } from './profile';
import { fortigateReader } from './reader';

export const vendor = {
  id: 'fortigate',
  identity,
  capabilities,
  profile,
  options: { end: fortigateEndOptions },
  monitor: NO_MONITOR,
  exporter: fortigateExporter,
  grammar,
  reader: fortigateReader,
  paste: fortigatePaste,
} as const satisfies VendorModule<'fortigate'>;
