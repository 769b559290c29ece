// The document schema the application loads and saves with: the model's structure, plus what
// only the vendors know: that each gateway's product exists, and that each product's own
// settings (vendorOptions) are ones its module declares, with values it accepts. Paste checks a
// selection with the same rules (checkProducts).
import type { z } from 'zod';
import { DocumentSchema as ModelDocumentSchema, type Gateway, type Tunnel, type VendorOptions } from '../model/document';
import { quoteValue } from '../model/quote';
import type { OptionValue, VendorOptionSet } from '../vendors/kit/options';
import { isVendorId, VENDOR_MODULES, vendorModule } from '../vendors/registry';

const KNOWN = VENDOR_MODULES.map((m) => m.id).join(', ');

type AddIssue = (issue: z.core.$ZodRawIssue) => void;

function checkOptions(addIssue: AddIssue, options: VendorOptions | undefined, where: 'gateway' | 'end', path: PropertyKey[]): void {
  for (const [vendor, settings] of Object.entries(options ?? {})) {
    const at = [...path, 'vendorOptions', vendor];
    if (!isVendorId(vendor)) {
      addIssue({ code: 'custom', path: at, message: `no product has the id ${quoteValue(vendor)}: use one of ${KNOWN}, or remove these settings`, input: vendor });
      continue;
    }
    const m = vendorModule(vendor);
    const set = m.options?.[where] as VendorOptionSet<Record<string, OptionValue>> | undefined;
    if (!set) {
      addIssue({ code: 'custom', path: at, message: `${m.identity.label} has no settings of its own on a ${where === 'end' ? 'tunnel end' : 'gateway'}: remove these`, input: settings });
      continue;
    }
    const r = set.schema.safeParse(settings);
    if (!r.success) for (const issue of r.error.issues) addIssue({ ...issue, path: [...at, ...issue.path] } as z.core.$ZodRawIssue);
  }
}

/** The vendors' checks of gateways and tunnels (of a document, or of a pasted selection). */
export function checkProducts(parts: { gateways: readonly Gateway[]; tunnels: readonly Tunnel[] }, addIssue: AddIssue): void {
  parts.gateways.forEach((g, i) => {
    if (!isVendorId(g.vendor)) addIssue({ code: 'custom', path: ['gateways', i, 'vendor'], message: `no product has the id ${quoteValue(g.vendor)}: use one of ${KNOWN}`, input: g.vendor });
    checkOptions(addIssue, g.vendorOptions, 'gateway', ['gateways', i]);
  });
  parts.tunnels.forEach((t, i) => {
    checkOptions(addIssue, t.a.vendorOptions, 'end', ['tunnels', i, 'a']);
    checkOptions(addIssue, t.b.vendorOptions, 'end', ['tunnels', i, 'b']);
  });
}

export const DocumentSchema = ModelDocumentSchema.superRefine((doc, ctx) => checkProducts(doc, (issue) => ctx.addIssue(issue)));
