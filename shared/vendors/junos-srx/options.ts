// Junos SRX's own settings of a VPN (a tunnel end).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type VendorOptionSet } from '../kit/options';

export type JunosEndOptions = { selectorStyle: 'traffic-selector' | 'proxy-identity' };

const DOC = 'Juniper TechLibrary: Traffic Selectors in Route-Based VPNs; Understanding Proxy ID (Junos OS)';

export const junosEndOptions: VendorOptionSet<JunosEndOptions> = {
  schema: z.strictObject({ selectorStyle: z.enum(['traffic-selector', 'proxy-identity']).optional() }),
  defaults: { selectorStyle: 'traffic-selector' },
  fields: [{ key: 'selectorStyle', kind: 'choice', choices: ['traffic-selector', 'proxy-identity'], label: 'Selector style', hint: 'traffic-selector entries (each its own SA, up to 200 per VPN) or one proxy-identity per VPN.', source: DOC }],
  fromFormat2: { junosSelectorStyle: 'selectorStyle' },
};

export function junosOptionsOf(end: TunnelEnd): JunosEndOptions {
  return readOptions(junosEndOptions, 'junos-srx', end);
}
