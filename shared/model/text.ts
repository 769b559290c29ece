// Character rules and lengths for every free-text field of the document. A topology file may come
// from anyone: what it holds ends up in device configurations, in file names and on the command
// line, so each field accepts what the products themselves accept for it and nothing that could
// end a line, a quoted string or a statement early. The rules are plain regular expressions (the
// `u` flag everywhere), so the published JSON Schema carries them as `pattern`s; messages say what
// to write and never repeat the offending value.
import { z } from 'zod';

/**
 * Characters no field may hold: C0 controls (line feed, carriage return, tab…), DEL, C1 controls
 * (incl. U+0085 NEXT LINE), U+2028/U+2029 (line and paragraph separators: line breaks to editors
 * and to JavaScript), and unpaired surrogates (not text; written as U+FFFD by any encoder).
 */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff';
/** The same without LINE FEED: notes may hold line breaks. */
const CONTROL_BUT_NEWLINE = '\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff';
/**
 * Bidirectional formatting characters (Unicode UAX #9: embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069, and the marks U+200E, U+200F, U+061C): they make a name display in an
 * order other than the one it is stored and compared in ("Trojan Source", CVE-2021-42574).
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const re = (source: string) => new RegExp(source, 'u');

/** No control or bidirectional character, and no space at either end. */
const NAME_RE = re(`^(?:[^\\s${CONTROL}${BIDI}](?:[^${CONTROL}${BIDI}]*[^\\s${CONTROL}${BIDI}])?)?$`);
const LABEL_RE = NAME_RE;
const NOTES_RE = re(`^[^${CONTROL_BUT_NEWLINE}]*$`);
/** Text that is only ever parsed (addresses, ports): no control character, that is all. */
const PLAIN_RE = re(`^[^${CONTROL}]*$`);

/**
 * Interface names as the products print them: ethernet1/1, ethernet1/1.100, tunnel.1 (PAN-OS,
 * ScreenOS), ge-0/0/0.0, st0.0, reth0.100 (Junos), GigabitEthernet0/0/0, Serial0/1/0:0, Tunnel1
 * (IOS-XE), outside, inside (ASA nameif), port1, wan1, vpn-1 (FortiOS), eth0, xfrm1, vti1 (Linux).
 * No product uses spaces, quotes or other punctuation in one.
 */
const INTERFACE_RE = /^[A-Za-z0-9][A-Za-z0-9/.:_-]*$/u;
/** Zone names: letters, digits, space, "." "_" "-" (PAN-OS and ScreenOS zones may hold spaces); empty: no zone. */
const ZONE_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9 ._-]*[A-Za-z0-9._-])?)?$/u;
/** OS versions as vendors write them: 10.2.4-h3, 6.3.0r10, 21.4R3-S1, 9.16(4)24, 17.6.1a, 5.9.8. */
const VERSION_RE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._()+-]*))?$/u;
/** Pre-shared keys: printable ASCII, space included (see PskSchema). */
const PSK_RE = /^[\x20-\x7e]*$/u;

/** Lengths. Where a product sets the limit the comment names it; the others are ours, generous. */
export const LIMITS = {
  /** Gateway and tunnel names: 63 as before (PAN-OS object names, Junos identifiers: 63 characters). */
  name: 63,
  /** The topology's own name (only ever shown, and written in comments). */
  documentName: 200,
  /** Hardware model, e.g. "ASA 5516-X". */
  model: 63,
  osVersion: 32,
  /**
   * Interface names: the longest real ones (IOS-XE "TwentyFiveGigE1/0/1.4094", "Port-channel1.4094")
   * are under 32; Linux allows 15 (IFNAMSIZ 16 with the NUL), FortiOS 15 (Batfish's FortiOS
   * grammar, `INTERFACE_NAME_PATTERN`), so a longer name is a typo.
   */
  interface: 63,
  /** Zones: PAN-OS allows 31 characters, Junos security zones 63; the larger one here. */
  zone: 63,
  /**
   * Identities: an FQDN is at most 253 characters (RFC 1035 §2.3.4: 255 octets on the wire); an
   * RFC 822 address 254 (RFC 5321 §4.5.3.1.3); a DN or key ID 255 here. PAN-OS takes up to 1024
   * for local-id/peer-id (pan-os-codegen specs/network/ike-gateway.yaml), so these all fit.
   */
  fqdn: 253,
  userFqdn: 254,
  dn: 255,
  keyId: 255,
  /** PAN-OS takes a pre-shared key of up to 255 characters (pan-os-codegen specs/network/ike-gateway.yaml). */
  psk: 255,
  /** Notes: line breaks allowed, 10,000 characters (a page or two of text) per note. */
  notes: 10_000,
  /** Address fields: the longest IPv6 range "a-b" in full form is 79 characters. */
  address: 100,
} as const;

const len = (max: number, what: string) => ({ message: `${what} may be at most ${max} characters` });

/** A display name: any letters and symbols, no control or bidirectional characters, no space at either end. */
export function nameText(what: string, max: number = LIMITS.name) {
  return z
    .string()
    .max(max, len(max, what))
    .regex(NAME_RE, { message: `${what} may not hold line breaks, tabs, other control characters or bidirectional-override characters, nor start or end with a space; remove them` });
}

/** Model, and other short labels: like a name. */
export function labelText(what: string, max: number) {
  return z
    .string()
    .max(max, len(max, what))
    .regex(LABEL_RE, { message: `${what} may not hold line breaks, tabs, other control characters or bidirectional-override characters, nor start or end with a space; remove them` });
}

export function notesText() {
  return z
    .string()
    .max(LIMITS.notes, len(LIMITS.notes, 'notes'))
    .regex(NOTES_RE, { message: 'notes may hold line breaks but no other control characters (tabs, carriage returns…); remove them' });
}

/** An interface name (required). */
export function interfaceName(what = 'an interface name') {
  return z
    .string()
    .min(1, { message: `${what} is required` })
    .max(LIMITS.interface, len(LIMITS.interface, 'interface names'))
    .regex(INTERFACE_RE, { message: 'interface names may use letters, digits and / . : _ - (and start with a letter or digit), e.g. ethernet1/1, ge-0/0/0.0, GigabitEthernet0/0, tunnel.1' });
}

/** An interface name, or empty for "not chosen" (a tunnel end's defaults). */
export function interfaceNameOrEmpty() {
  return z
    .string()
    .max(LIMITS.interface, len(LIMITS.interface, 'interface names'))
    .regex(new RegExp(`^(?:${INTERFACE_RE.source.slice(1, -1)})?$`, 'u'), { message: 'interface names may use letters, digits and / . : _ - (and start with a letter or digit), e.g. ethernet1/1, ge-0/0/0.0, GigabitEthernet0/0, tunnel.1; leave it empty for the default' });
}

/** A zone name, or empty for "no zone" (exporters then use the vendor's usual zone). */
export function zoneName() {
  return z
    .string()
    .max(LIMITS.zone, len(LIMITS.zone, 'zone names'))
    .regex(ZONE_RE, { message: 'zone names may use letters, digits, spaces and . _ - (start with a letter or digit, no space at the end), e.g. untrust, vpn, DMZ' });
}

export function osVersionText() {
  return z
    .string()
    .max(LIMITS.osVersion, len(LIMITS.osVersion, 'an OS version'))
    .regex(VERSION_RE, { message: 'an OS version may use letters, digits and . _ - ( ) +, e.g. 10.2.4, 6.3.0r10, 21.4R3-S1, 9.16(4)' });
}

/**
 * A pre-shared key: printable ASCII, spaces included. RFC 7296 §2.15 treats the key as octets,
 * and each product reads what is typed as ASCII; a non-ASCII key would be encoded differently by
 * each product (UTF-8 or Latin-1), so two ends that show the same key would not agree on it.
 */
export function pskText() {
  return z
    .string()
    .max(LIMITS.psk, len(LIMITS.psk, 'a pre-shared key'))
    .regex(PSK_RE, { message: 'a pre-shared key may use printable ASCII characters (letters, digits, space and punctuation), no line breaks, tabs or non-ASCII letters' });
}

/** Text that is parsed afterwards (addresses, ports): the parser says what is wrong with it, this keeps line breaks out. */
export function parsedText(what: string, max: number = LIMITS.address) {
  return z
    .string()
    .max(max, len(max, what))
    .regex(PLAIN_RE, { message: `${what} may not hold line breaks, tabs or other control characters` });
}

// ---- identities (RFC 7296 §3.5) ----------------------------------------------------------------

/** A DNS name (RFC 1123 §2.1 labels, "_" allowed as products do for service names), optional final dot. */
const FQDN_RE = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/u;
/** An RFC 822 address: a dot-atom local part (RFC 5322 §3.2.3 atext) "@" a DNS name. */
const USER_FQDN_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$/u;
/** A distinguished name as text (RFC 4514): attribute=value pairs; any printable characters. */
const DN_RE = re(`^[^\\s${CONTROL}${BIDI}=,]+=(?:[^${CONTROL}${BIDI}]*[^\\s${CONTROL}${BIDI}])?$`);
/** A key ID: ID_KEY_ID is an opaque octet string; products take it as one word of printable ASCII. */
const KEY_ID_RE = /^[\x21-\x7e]+$/u;
/** The characters of an IPv4 or IPv6 address (the schema also parses it). */
const ADDRESS_ID_RE = /^[0-9A-Fa-f:.]+$/u;

export const IDENTITY_RULES = {
  address: { re: ADDRESS_ID_RE, max: 45, message: 'an address identity is an IPv4 or IPv6 address, e.g. 198.51.100.1 or 2001:db8::1' },
  fqdn: { re: FQDN_RE, max: LIMITS.fqdn, message: 'an FQDN identity is a DNS name: letters, digits, "-" and "_" in labels of at most 63 characters separated by dots, e.g. vpn.example.net (RFC 7296 §3.5 ID_FQDN)' },
  'user-fqdn': { re: USER_FQDN_RE, max: LIMITS.userFqdn, message: 'a user-FQDN identity is an e-mail address: name@domain, e.g. vpn-ops@example.net (RFC 7296 §3.5 ID_RFC822_ADDR)' },
  dn: { re: DN_RE, max: LIMITS.dn, message: 'a DN identity is a distinguished name, attribute=value pairs separated by commas, e.g. CN=vpn.example.net, O=Example (no line breaks, tabs or bidirectional-override characters)' },
  'key-id': { re: KEY_ID_RE, max: LIMITS.keyId, message: 'a key-ID identity is one word of printable ASCII characters (no spaces), e.g. branch-17' },
} as const;

/** Any character no field may hold (see CONTROL): a line break in generated text is this. */
export const CONTROL_CHARACTER = new RegExp(`[${CONTROL}]`, 'u');

/** At most `max` characters of `value` for a message, and never a line break. */
export function clip(value: string, max = 40): string {
  const flat = value.replace(new RegExp(`[${CONTROL}${BIDI}]`, 'gu'), '\u00b7');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `text` with every control and bidirectional character replaced by a space (comments, messages). */
export function oneLine(text: string): string {
  return text.replace(new RegExp(`[${CONTROL}${BIDI}]`, 'gu'), ' ');
}
