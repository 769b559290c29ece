// openiked: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { openikedExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { openiked as profile } from './profile';
import { openikedReader } from './reader';
import { ikectlShowSa } from './show';
import { openikedPaste } from './paste';

export const vendor = {
  id: 'openiked',
  identity,
  capabilities,
  profile,
  monitor: NO_MONITOR,
  show: { commands: [{ command: 'ikectl show sa', run: ikectlShowSa }] },
  exporter: openikedExporter,
  reader: openikedReader,
  grammar,
  paste: openikedPaste,
} as const satisfies VendorModule<'openiked'>;
