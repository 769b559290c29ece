// panos: everything the product knows about it, assembled for the registry.
import type { VendorModule } from '../kit/vendor-module';
import { capabilities } from './capabilities';
import { panosExporter } from './export';
import { grammar } from './grammar';
import { identity } from './identity';
import { panosMonitor } from './monitor';
import { panosEndOptions } from './options';
import { panosPaste } from './paste';
import { panos as profile } from './profile';
import { panosReader } from './reader';
import { showVpnFlow, showVpnIkeSa, showVpnIpsecSa, showVpnIpsecSaDetail } from './show';

export const vendor = {
  id: 'panos',
  identity,
  capabilities,
  profile,
  monitor: panosMonitor,
  show: {
    commands: [
      { command: 'show vpn ike-sa', run: showVpnIkeSa },
      { command: 'show vpn ipsec-sa', run: showVpnIpsecSa },
      { command: 'show vpn ipsec-sa tunnel <tunnel> detail', takesTunnel: true, run: (ctx, tunnel) => showVpnIpsecSaDetail(ctx, tunnel ?? '') },
      { command: 'show vpn flow', run: showVpnFlow },
    ],
  },
  exporter: panosExporter,
  reader: panosReader,
  paste: panosPaste,
  options: { end: panosEndOptions },
  grammar,
} as const satisfies VendorModule<'panos'>;
