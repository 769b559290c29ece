// What a product's configuration means for its VPNs, vendor-neutral: what an exporter writes and
// what a reader of that product's configuration reads back. Each vendor with an exporter has a
// reader of its own output in its folder (`shared/vendors/<vendor>/reader.ts`), the start of
// configuration import: the export tests write a design, read it back and compare the meaning.
import type { DhGroup, Encryption, Integrity } from '../../model/document';

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
}

export interface ConfigMeaning {
  peers: PeerMeaning[];
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
}
