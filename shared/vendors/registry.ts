// Vendor profiles by vendor: adding a vendor is one file here plus one line below.
import type { Vendor } from '../model/document';
import type { VendorProfile } from './profile';
import { ciscoAsa } from './cisco-asa';
import { ciscoIos } from './cisco-ios';
import { fortigate } from './fortigate';
import { generic } from './generic';
import { junosSrx } from './junos-srx';
import { libreswan } from './libreswan';
import { panos } from './panos';
import { screenos } from './screenos';
import { strongswan } from './strongswan';

export const VENDOR_PROFILES: Record<Vendor, VendorProfile> = {
  panos,
  screenos,
  'junos-srx': junosSrx,
  'cisco-asa': ciscoAsa,
  'cisco-ios': ciscoIos,
  strongswan,
  libreswan,
  fortigate,
  generic,
};

/** The profile for a vendor; unknown vendors (a document built without the schema) fall back to the RFC. */
export function profileFor(vendor: string): VendorProfile {
  return (VENDOR_PROFILES as Record<string, VendorProfile | undefined>)[vendor] ?? generic;
}
