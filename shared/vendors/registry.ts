// Every product the app knows, one line each: adding a vendor is its folder plus its line here.
// The layers above ask a vendor's module (identity, capabilities, profile, monitor, show output)
// instead of naming vendors.
import type { VendorExporter } from './kit/export/common';
import type { VendorModule } from './kit/vendor-module';
import { vendor as ciscoAsa } from './cisco-asa/vendor';
import { vendor as ciscoIos } from './cisco-ios/vendor';
import { vendor as fortigate } from './fortigate/vendor';
import { vendor as generic } from './generic/vendor';
import { vendor as junosSrx } from './junos-srx/vendor';
import { vendor as libreswan } from './libreswan/vendor';
import { vendor as openiked } from './openiked/vendor';
import { vendor as panos } from './panos/vendor';
import { vendor as screenos } from './screenos/vendor';
import { vendor as strongswan } from './strongswan/vendor';

/** In the order the palette and the vendor lists show them. */
export const VENDOR_MODULES = [
  panos,
  screenos,
  junosSrx,
  ciscoAsa,
  ciscoIos,
  strongswan,
  libreswan,
  openiked,
  fortigate,
  generic,
] as const satisfies readonly VendorModule[];

export type VendorId = (typeof VENDOR_MODULES)[number]['id'];

const byId: ReadonlyMap<string, VendorModule> = new Map(VENDOR_MODULES.map((m) => [m.id, m]));

/** The RFC 7296 peer with no product of its own: what an imported configuration's unknown peer becomes. */
export const GENERIC_VENDOR: VendorId = generic.id;

export function isVendorId(id: unknown): id is VendorId {
  return typeof id === 'string' && byId.has(id);
}

/** The module of a vendor; an unknown id (a document built without the schema) gets the RFC's generic peer. */
export function vendorModule(id: string): VendorModule {
  return byId.get(id) ?? generic;
}

type WithExporter<M> = M extends { readonly id: infer I; readonly exporter: VendorExporter } ? I : never;
/** The vendors whose configuration the app writes. */
export type ExportVendorId = WithExporter<(typeof VENDOR_MODULES)[number]>;

export const EXPORT_VENDORS: readonly ExportVendorId[] = VENDOR_MODULES.flatMap((m) => ('exporter' in m ? [m.id as ExportVendorId] : []));

export function isExportVendor(id: unknown): id is ExportVendorId {
  return typeof id === 'string' && byId.get(id)?.exporter !== undefined;
}

/** The exporter of a vendor, when the app writes its configuration. */
export function exporterOf(id: string): VendorExporter | undefined {
  return byId.get(id)?.exporter;
}
