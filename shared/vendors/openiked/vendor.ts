// openiked: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { NO_MONITOR } from '../kit/monitor';
import { capabilities } from './capabilities';
import { identity } from './identity';
import { openiked as profile } from './profile';

export const vendor = {
  id: 'openiked',
  identity,
  capabilities,
  profile,
  monitor: NO_MONITOR,
} as const satisfies VendorModule<'openiked'>;
