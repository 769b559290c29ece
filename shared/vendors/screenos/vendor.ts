// screenos: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { capabilities } from './capabilities';
import { screenosExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { screenosEndOptions } from './options';
import { screenosMonitor } from './monitor';
import { screenosPaste } from './paste';
import { screenos as profile } from './profile';
import { screenosReader } from './reader';
import { getSa } from './show';

export const vendor = {
  id: 'screenos',
  identity,
  capabilities,
  profile,
  options: { end: screenosEndOptions },
  monitor: screenosMonitor,
  show: { commands: [{ command: 'get sa', run: getSa }] },
  exporter: screenosExporter,
  grammar,
  reader: screenosReader,
  paste: screenosPaste,
} as const satisfies VendorModule<'screenos'>;
