// libreswan: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { libreswanExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { libreswanEndOptions } from './options';
import { libreswan as profile } from './profile';
import { libreswanReader } from './reader';
import { libreswanPaste } from './paste';

export const vendor = {
  id: 'libreswan',
  identity,
  capabilities,
  profile,
  options: { end: libreswanEndOptions },
  monitor: NO_MONITOR,
  exporter: libreswanExporter,
  reader: libreswanReader,
  grammar,
  paste: libreswanPaste,
} as const satisfies VendorModule<'libreswan'>;
