// strongSwan's own settings of a gateway: charon's daemon-wide settings (strongswan.conf), which
// swanctl.conf cannot hold.
import { z } from 'zod';
import type { Gateway } from '../../model/document';
import { readOptions, type VendorOptionSet } from '../kit/options';

export type StrongswanGatewayOptions = { aggressiveModePsk: boolean };

export const strongswanGatewayOptions: VendorOptionSet<StrongswanGatewayOptions> = {
  schema: z.strictObject({ aggressiveModePsk: z.boolean().optional() }),
  defaults: { aggressiveModePsk: false },
  fields: [{
    key: 'aggressiveModePsk',
    kind: 'boolean',
    label: 'charon.i_dont_care_about_security_and_use_aggressive_mode_psk',
    hint: 'as responder, accept IKEv1 Aggressive Mode with a pre-shared key (refused by default: the hash can be cracked offline)',
    source: 'strongswan.conf(5) charon.i_dont_care_about_security_and_use_aggressive_mode_psk; strongSwan 5.9.8 charon, probes v1-aggr-psk-default, v1-aggr-psk-allowed-responder',
  }],
};

export function strongswanOptionsOf(gateway: Gateway): StrongswanGatewayOptions {
  return readOptions(strongswanGatewayOptions, 'strongswan', gateway);
}
