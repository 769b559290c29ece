// One-word values on the Cisco IOS-XE and ASA command lines (keys, identities): both CLIs split a
// command at spaces and have no quoting for these arguments, so a value is one word or nothing.
// Cisco documents the keys as alphanumeric ("crypto isakmp key keystring: any combination of
// alphanumeric characters up to 128 bytes", IOS Security Command Reference; ASA "pre-shared-key:
// an alphanumeric string of 1-128 characters"); beyond letters and digits this takes the
// punctuation IOS's parser reads as part of a word, as Batfish's IOS grammar models it (its
// VARIABLE token stops at space ( ) , ! $ ' " * # [ ]). '?' is the CLI's help key ("Help may be
// requested at any point in a command by entering a question mark", IOS `help`), so a pasted
// '?' never reaches the value.
import { hasControl, HOLDS, quoted, refused, type Quoted } from '../kit/export/values';

const WORD = /^[A-Za-z0-9_.+=@%^&~:;/<>{}|\\`-]+$/u;
/** A key of just one of these would be read as the keyword before the key (an encryption type, IOS `local`/`remote`). */
const KEYWORDS = new Set(['0', '6', '7', '8', 'local', 'remote']);

export function ciscoWord(value: string, isKey = false): Quoted {
  if (hasControl(value)) return refused(HOLDS.control);
  if (/\s/u.test(value)) return refused(HOLDS.whitespace);
  if (value.includes('?')) return refused(HOLDS.questionMark);
  if (!WORD.test(value)) return refused('a character the Cisco CLI does not take in a one-word value (letters, digits and - _ . + = @ % ^ & ~ : ; / < > { } | \\ ` are fine; ! $ # * \' " ( ) , [ ] are not)');
  if (isKey && KEYWORDS.has(value.toLowerCase())) return refused(`only "${value}", which the CLI reads as the keyword before a key`);
  return quoted(value);
}

/**
 * An IOS-XE interface name: a type and its numbers (GigabitEthernet0/0/0, Tunnel1,
 * Port-channel1.100, Serial0/1/0:0). `interface X` opens a configuration mode: a name IOS
 * refuses would leave the lines after it in the mode before, so such a name is never written.
 */
export function iosInterface(name: string): Quoted {
  if (hasControl(name)) return refused(HOLDS.control);
  return /^[A-Za-z][A-Za-z-]*\d+(?:[/.:]\d+)*$/u.test(name) ? quoted(name) : refused('a name that is not an IOS interface name (a type and its numbers, e.g. GigabitEthernet0/0/0, Tunnel1)');
}

/**
 * An ASA interface name is its nameif ("nameif name: up to 48 characters", ASA Series Command
 * Reference), e.g. outside, inside, dmz-1; `nat (inside,outside)` lists two of them, and ':' ends
 * one there (Batfish's ASA grammar, asa_nat_ifaces).
 */
export function asaInterface(name: string): Quoted {
  if (hasControl(name)) return refused(HOLDS.control);
  return /^[A-Za-z0-9][A-Za-z0-9_./-]{0,47}$/u.test(name) ? quoted(name) : refused('a name that is not an ASA nameif (up to 48 letters, digits and _ . / -, e.g. outside)');
}
