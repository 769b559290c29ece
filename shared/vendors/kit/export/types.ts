// What an export produces: files and warnings, each warning naming the line it concerns. Every
// vendor's exporter (shared/vendors/<vendor>/export.ts) produces these.

export interface ExportFile {
  /** A plain file name (no folders), safe for any file system and for the `export:save` IPC. */
  name: string;
  content: string;
}

/**
 * Stable warning codes. A warning never contains a pre-shared key.
 * - `DESIGN_WOULD_NOT_COME_UP`: the engine predicts a phase that fails with this design.
 * - `VALUE_UNSUPPORTED`: a name, identity or key holds a character the vendor cannot take in
 *   that statement (a double quote where it has no escape, "?" in a pasted CLI…): the statement
 *   is left out, never written in part or changed.
 * - `TUNNEL_NOT_WRITTEN`: nothing of the tunnel could be written so that it loads and means what
 *   the design says (no algorithm, selector or address the product takes): it is left out whole,
 *   after the warning that says why.
 * - `EXISTING_CONFIG`: the file assumes something of the box's running configuration that the
 *   design does not say (a crypto map bound to the interface, interface addresses, routes to
 *   inside networks): check it on a box already in production before pasting.
 * - `INVALID_VALUE`: part of the document does not validate (it did not come through the loader):
 *   that gateway or tunnel is not written.
 * - `MISSING_INTERFACE`: a tunnel end names an outside interface its gateway does not have: the
 *   tunnel is not written (the engine reports INTERFACE_MISSING).
 * - `INTERFACE_ASSUMED`: the file names interfaces (and their addresses, zones) it does not
 *   configure: on a box already in production they must be as the design says.
 * - `ROUTE_MISSING`: a network of this gateway that is on none of its interfaces has no route
 *   in the design, so none is written: the box must already have one.
 * - the others: something of the design that the vendor's configuration cannot express (or that
 *   the exporter had to assume), named with the line of the generated file it concerns.
 */
export type ExportWarningCode =
  | 'DESIGN_WOULD_NOT_COME_UP'
  | 'NO_EXPORTER_FOR_VENDOR'
  | 'VENDOR_OVERRIDDEN'
  | 'MISSING_ADDRESS'
  | 'MISSING_INTERFACE'
  | 'ALGORITHM_UNSUPPORTED'
  | 'DH_GROUP_UNSUPPORTED'
  | 'PORT_RANGE_UNSUPPORTED'
  | 'PORT_UNSUPPORTED'
  | 'PROTOCOL_UNSUPPORTED'
  | 'ADDRESS_RANGE_SPLIT'
  | 'ADDRESS_RANGE_UNSUPPORTED'
  | 'IPV6_UNSUPPORTED'
  | 'MIXED_ADDRESS_FAMILIES'
  | 'SELECTOR_LIMIT_EXCEEDED'
  | 'SELECTOR_UNSUPPORTED'
  | 'MULTIPLE_PROXY_IDS_UNSUPPORTED'
  | 'DEFAULT_SELECTOR'
  | 'IDENTITY_UNSUPPORTED'
  | 'CERTIFICATE_AUTH'
  | 'NAME_SHORTENED'
  | 'ROUTES_DERIVED'
  | 'MONITOR_UNSUPPORTED'
  | 'TRANSPORT_MODE'
  | 'LIFETIME_ADJUSTED'
  | 'VPN_TYPE_ADJUSTED'
  | 'NAT_EXEMPTION_MANUAL'
  /** The routes into the tunnel are not part of the product's VPN configuration (strongSwan, Libreswan: the kernel's routing table); the export gives the commands. */
  | 'ROUTES_MANUAL'
  | 'PSK_EMPTY'
  | 'SETTING_UNSUPPORTED'
  | 'VALUE_UNSUPPORTED'
  | 'INVALID_VALUE'
  | 'EXISTING_CONFIG'
  | 'TUNNEL_NOT_WRITTEN'
  | 'INTERFACE_ASSUMED'
  | 'ROUTE_MISSING';

export interface ExportWarning {
  code: ExportWarningCode;
  /** The gateway's name. */
  gateway: string;
  /** The tunnel's name, when the warning concerns one tunnel. */
  tunnel?: string;
  /** The file the line number refers to. */
  file?: string;
  /** 1-based line of the generated file the warning concerns. */
  line?: number;
  message: string;
}

export interface ExportResult {
  files: ExportFile[];
  warnings: ExportWarning[];
}
