// ScreenOS's own settings of a VPN (a tunnel end).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type VendorOptionSet } from '../kit/options';

export type ScreenosEndOptions = { proxyIdCheck: boolean };

const KB16008 = 'Juniper KB16008: multiple proxy IDs on a route-based VPN in ScreenOS 6.3';

export const screenosEndOptions: VendorOptionSet<ScreenosEndOptions> = {
  schema: z.strictObject({ proxyIdCheck: z.boolean().optional() }),
  defaults: { proxyIdCheck: false },
  fields: [{ key: 'proxyIdCheck', kind: 'boolean', label: 'proxy-id check', hint: 'always on with more than one proxy ID (6.3)', source: KB16008 }],
  fromFormat2: { proxyIdCheck: 'proxyIdCheck' },
};

export function screenosOptionsOf(end: TunnelEnd): ScreenosEndOptions {
  return readOptions(screenosEndOptions, 'screenos', end);
}
