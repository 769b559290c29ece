// Everything the product knows about one vendor's product, in one value: who it is (label, mark,
// defaults), what it can be configured with (its capability table), how it negotiates (its
// profile, every rule with its provenance), how its VPN monitor behaves, what its `show` commands
// print, and how its configuration is written. Each vendor folder builds one of these
// (`shared/vendors/<vendor>/vendor.ts`) and shared/vendors/registry.ts lists them, one line each.
// Nothing outside a vendor's folder names a vendor: the layers above ask the module.
import type { Gateway } from '../../model/document';
import type { VendorCapabilities } from './capabilities';
import type { VendorExporter } from './export/common';
import type { VendorGrammar } from './grammar';
import type { VendorMonitor } from './monitor';
import type { VendorOptionSets } from './options';
import type { VendorPaste } from './paste';
import type { VendorProfile } from './profile';
import type { VendorReader } from './reader';
import type { VendorShow } from './show';

/** The badge drawn for the product (not the vendor's logo, which is a trademark). */
export interface VendorMark {
  /** The short name engineers use: PA, SRX, ASA… */
  short: string;
  color: string;
  /** Per product family, so marks stay apart in greyscale: firewall shield, router disc, Linux daemon square. */
  shape: 'shield' | 'disc' | 'square';
}

export interface VendorIdentity {
  /** As the vendor writes its own product's name. */
  label: string;
  mark: VendorMark;
  /** What a new gateway of this product looks like. */
  defaults: {
    model: string;
    osVersion: string;
    vpnType: Gateway['vpnType'];
    outsideInterface: string;
    insideInterface: string;
    /** The n-th tunnel interface name (1-based): tunnel.1, st0.0, Tunnel1… */
    tunnelInterface: (n: number) => string;
  };
}

export interface VendorModule<Id extends string = string> {
  id: Id;
  identity: VendorIdentity;
  capabilities: VendorCapabilities;
  /** How it negotiates. */
  profile: VendorProfile;
  monitor: VendorMonitor;
  /** Simulated operational commands; absent when none is modelled yet. */
  show?: VendorShow;
  /** The product's own settings of a gateway and of a tunnel end, kept in the document's `vendorOptions`. */
  options?: VendorOptionSets;
  /** Writes the product's configuration; absent for a product that has no configuration syntax of its own. */
  exporter?: VendorExporter;
  /** How its configuration files are written (suffixes, statements, names, selectors); every vendor with an exporter has one. */
  grammar?: VendorGrammar;
  /** Reads its configuration back into what it means for the VPNs (kit/reader.ts); every vendor with an exporter has one. */
  reader?: VendorReader;
  /** What to paste on the box to change its configuration (kit/paste.ts); every vendor with an exporter has one. */
  paste?: VendorPaste;
}
