// Every vendor exporter, one line each.
import { ciscoAsaExporter } from './cisco-asa';
import { ciscoIosExporter } from './cisco-ios';
import type { VendorExporter } from './common';
import { fortigateExporter } from './fortigate';
import { junosSrxExporter } from './junos-srx';
import { libreswanExporter } from './libreswan';
import { panosExporter } from './panos';
import { screenosExporter } from './screenos';
import { strongswanExporter } from './strongswan';
import type { ExportVendor } from './types';

export const EXPORTERS: Record<ExportVendor, VendorExporter> = {
  panos: panosExporter,
  screenos: screenosExporter,
  'junos-srx': junosSrxExporter,
  'cisco-asa': ciscoAsaExporter,
  'cisco-ios': ciscoIosExporter,
  strongswan: strongswanExporter,
  libreswan: libreswanExporter,
  fortigate: fortigateExporter,
};

export const EXPORT_VENDORS = Object.keys(EXPORTERS) as ExportVendor[];

export function isExportVendor(v: string): v is ExportVendor {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, v);
}
