// What a product's configuration means for its VPNs, vendor-neutral: what an exporter writes and
// what a reader of that product's configuration reads back. Each vendor with an exporter has a
// reader of its own output in its folder (`shared/vendors/<vendor>/reader.ts`), the start of
// configuration import: the export tests write a design, read it back and compare the meaning.
import type { DhGroup, Encryption, Integrity, Interface, NatRule, Route, SecurityPolicy, VendorOptions } from '../../model/document';

/** One proposal as the sets of algorithms it offers (a product that keeps one list per kind offers every combination). */
export interface ProposalMeaning {
  encryption: Encryption[];
  integrity: Integrity[];
  dhGroups: DhGroup[];
}

/** One child SA (proxy ID, crypto ACL line, traffic-selector pair) as negotiated: strongSwan notation, e.g. `10.1.0.0/24[tcp/443]`. */
export interface ChildMeaning {
  local: string;
  remote: string;
  esp: { proposals: ProposalMeaning[]; lifetimeSeconds?: number; lifetimeKilobytes?: number };
  /** The proxy ID's (child's, ACL's) own name in the configuration, for import. */
  name?: string;
  /**
   * True when no proxy ID / ACL line / selector is written and this child is the product's default
   * (PAN-OS and Junos route-based without proxy IDs: 0.0.0.0/0 both ways). Import leaves the
   * tunnel end's proxy IDs empty, so the document means what the box does.
   */
  implicit?: boolean;
}

/** One IKE peer of the configuration and everything negotiated with it. */
export interface PeerMeaning {
  /** The peer's IKE address, as an address (no prefix length). */
  remoteAddress: string;
  /** This box's IKE address, when the configuration says it. */
  localAddress?: string;
  ikeVersion: 1 | 2;
  /** IKEv1 only. */
  exchangeMode?: 'main' | 'aggressive';
  ike: { proposals: ProposalMeaning[]; lifetimeSeconds?: number };
  auth: {
    method: 'psk' | 'certificate';
    /** `type:value`, e.g. `fqdn:vpn.example.net`; absent: the IKE address (the products' default). */
    localId?: string;
    remoteId?: string;
  };
  /** Dead peer detection, when on. */
  dpd?: { intervalSeconds: number };
  children: ChildMeaning[];
  /** Destination prefixes routed into this peer's tunnel (route-based). */
  routes: string[];
  // ---- for import: what a topology needs beyond what is negotiated (readers fill what the file says)
  /** The configuration's name for this peer (IKE gateway, tunnel-group, phase1-interface, connection). */
  name?: string;
  /** The interface IKE runs on, by the product's name for it. */
  outsideInterface?: string;
  /** Route-based: the tunnel interface the VPN is bound to (tunnel.1, st0.0, Tunnel1). */
  tunnelInterface?: string;
  /** The pre-shared key as written, when the file has one in clear (import keeps it only when asked). */
  psk?: string;
  /** The file holds a key (clear, encrypted or hashed), whatever its form. */
  pskPresent?: boolean;
  /** This end only answers (dynamic crypto map, passive mode, `auto=add`). */
  passive?: boolean;
  natTraversal?: boolean;
  espMode?: 'tunnel' | 'transport';
  /** The product's own settings of this tunnel end the file says (its vendor module's `options.end` keys), under the product's id. */
  vendorOptions?: VendorOptions;
  /** The VPN or tunnel monitor, when the file configures one. */
  monitor?: { destinationIp?: string; sourceInterface?: string; rekey?: boolean; optimized?: boolean; action?: 'wait-recover' | 'fail-over'; threshold?: number; intervalSeconds?: number };
}

/** What a configuration says about the box itself, for import; every field only when the file says it. */
export interface DeviceMeaning {
  hostname?: string;
  model?: string;
  osVersion?: string;
  /** When the file decides it (tunnel interfaces bound: route-based; crypto maps or policies with `tunnel`: policy-based). */
  vpnType?: 'route-based' | 'policy-based';
  /** Physical, loopback and tunnel interfaces with their addresses and zones, by the product's names. */
  interfaces: Interface[];
  /** Every static route, tunnel or not. */
  routes: Route[];
  /** NAT rules that concern VPN traffic (exemptions included) and the source NAT on the outside interface. */
  natRules: NatRule[];
  /** Security policies (rules, ACLs applied to interfaces, firewall policies) in the box's order. */
  policies: SecurityPolicy[];
}

export interface ConfigMeaning {
  peers: PeerMeaning[];
  /** Filled by readers that support import. */
  device?: DeviceMeaning;
}

/** What became of each statement line of the files read: used, ignored as unrelated to VPNs, or not understood. */
export interface LineAccount {
  used: number;
  ignored: number;
  /** Lines the reader did not understand, with their file and line number, so the user can report them. */
  unknown: { file: string; line: number; text: string }[];
}

export type ReadResult = { ok: true; meaning: ConfigMeaning; lines: LineAccount } | { ok: false; message: string };

export interface VendorReader {
  /** Reads the files one gateway's export wrote (or the product's running configuration, for what it covers). */
  read(files: readonly { name: string; content: string }[]): ReadResult;
  /**
   * How sure the reader is that `text` is this product's configuration, 0 (not at all) to 1 (its
   * own statements throughout): import picks the product of a pasted file by this, and refuses a
   * file of another vendor with a message. Cheap: it looks at statement shapes, not meaning.
   */
  recognize?(text: string): number;
}
