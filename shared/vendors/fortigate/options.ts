// FortiGate's own settings of a phase 2 (a tunnel end).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type VendorOptionSet } from '../kit/options';

export type FortigateEndOptions = { selectorMatch: 'exact' | 'subset' | 'auto'; initiatorTsNarrow: boolean };

const DOC = 'FortiOS 7.4.6 CLI Reference: config vpn ipsec phase2 (selector-match, policy mode only), config vpn ipsec phase2-interface (initiator-ts-narrow)';

export const fortigateEndOptions: VendorOptionSet<FortigateEndOptions> = {
  schema: z.strictObject({ selectorMatch: z.enum(['exact', 'subset', 'auto']).optional(), initiatorTsNarrow: z.boolean().optional() }),
  defaults: { selectorMatch: 'auto', initiatorTsNarrow: false },
  fields: [
    { key: 'selectorMatch', kind: 'choice', choices: ['auto', 'exact', 'subset'], label: 'selector-match', hint: 'Policy-based FortiGates only (policy-mode phase2): how a proposed selector must relate to the phase-2 selectors: equal (exact), inside them (subset), or either by address type (auto). An interface-mode phase2-interface has no selector-match and accepts a proposal inside its selectors.', source: DOC },
    { key: 'initiatorTsNarrow', kind: 'boolean', label: 'initiator-ts-narrow', hint: 'As IKEv2 initiator, accept selectors the responder narrowed (default off).', source: DOC },
  ],
  fromFormat2: { selectorMatch: 'selectorMatch', initiatorTsNarrow: 'initiatorTsNarrow' },
};

export function fortigateOptionsOf(end: TunnelEnd): FortigateEndOptions {
  return readOptions(fortigateEndOptions, 'fortigate', end);
}
