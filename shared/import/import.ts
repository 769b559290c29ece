// Import device configurations: each file read by its product's reader (chosen by the user, or
// recognised from the text), refused whole with a message when it is binary, too large, of
// another product than the one asked for, or not a configuration any reader understands; then
// the boxes assembled into one topology (./assemble.ts). Nothing is half-imported: one refused
// file refuses the import, and says which file and what to do.
import type { Vendor } from '../model/document';
import type { LineAccount, ReadResult, VendorReader } from '../vendors/kit/reader';
import { VENDOR_MODULES, vendorModule } from '../vendors/registry';
import { assembleTopology, type AssembleOptions, type AssembleResult, type ImportedDevice } from './assemble';

export interface ConfigFile {
  name: string;
  content: string;
  /** The product the user says it is; absent: recognised from the text. */
  vendor?: Vendor;
  /** The device's name when the file has no hostname (the paste box's title); absent: the file name without its suffix. */
  label?: string;
  /** Further files of the same box (ipsec.secrets beside ipsec.conf, a swanctl conf.d file). */
  more?: readonly { name: string; content: string }[];
}

/** 10 MB of configuration imports in well under a second (npm run bench); a file beyond this is not a device configuration. */
export const MAX_CONFIG_CHARS = 32 * 1024 * 1024;

export interface FileReport {
  name: string;
  vendor: Vendor;
  /** The product's name, as the app shows it. */
  label: string;
  /** What the file says of the box itself (each only when it says it). */
  hostname?: string;
  model?: string;
  osVersion?: string;
  lines: LineAccount;
  peers: number;
}

export type ImportResult =
  | ({ ok: true; files: FileReport[] } & AssembleResult)
  | { ok: false; file: string; code: 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'UNRECOGNISED' | 'WRONG_VENDOR' | 'UNREADABLE' | 'NO_FILES'; message: string };

const readers = (): { vendor: Vendor; label: string; reader: VendorReader }[] =>
  VENDOR_MODULES.flatMap((m) => ('reader' in m && m.reader ? [{ vendor: m.id as Vendor, label: m.identity.label, reader: m.reader as VendorReader }] : []));

/**
 * Share of the file's statements the reader understood (0 when it refuses the file). A reader
 * whose recognize() says 0 is not run at all unless `always` (its score would be 0 whatever it read).
 */
function score(reader: VendorReader, file: ConfigFile, always = false): { score: number; own: number; read: ReadResult } {
  const own = reader.recognize ? reader.recognize(file.content) : 1;
  if (own === 0 && !always) return { score: 0, own, read: { ok: false, message: 'not this product' } };
  const read = reader.read([{ name: file.name, content: file.content }, ...(file.more ?? [])]);
  if (!read.ok) return { score: 0, own, read };
  const understood = read.lines.used + read.lines.ignored;
  const total = understood + read.lines.unknown.length;
  return { score: total === 0 ? 0 : (read.lines.used > 0 ? understood / total : 0) * own, own, read };
}

/**
 * The best-scoring reader, in registry order among equals. A score of 1 (every line understood,
 * fully recognised) cannot be beaten, so the readers after the first such one are not run: a hub's
 * 15 MB is read once, not once per product.
 */
function best<C extends { reader: VendorReader }>(candidates: readonly C[], file: ConfigFile): { top: (C & { score: number; read: ReadResult }) | undefined; refused: (C & { own: number; message: string }) | undefined } {
  let top: (C & { score: number; read: ReadResult }) | undefined;
  // The product the file most looks like, when its reader refused it (a file cut off, XML not well formed).
  let refused: (C & { own: number; message: string }) | undefined;
  for (const c of candidates) {
    const s = { ...c, ...score(c.reader, file) };
    if (!s.read.ok && s.own >= RECOGNISED && (!refused || s.own > refused.own)) refused = { ...c, own: s.own, message: s.read.message };
    if (!top || s.score > top.score) top = s;
    if (s.score >= 1) break;
  }
  return { top, refused };
}

/** A product whose statements make up at least this share of a file is taken to be the file's product. */
const RECOGNISED = 0.5;

export function importConfigurations(files: readonly ConfigFile[], options: AssembleOptions = {}): ImportResult {
  if (files.length === 0) return { ok: false, file: '', code: 'NO_FILES', message: 'no configuration was given: drop or paste one configuration per device' };
  const devices: ImportedDevice[] = [];
  const reports: FileReport[] = [];
  for (const file of files) {
    if (file.content.length > MAX_CONFIG_CHARS) return { ok: false, file: file.name, code: 'TOO_LARGE', message: `${file.name} is ${Math.round(file.content.length / 1048576)} MB, more than any device configuration (limit ${MAX_CONFIG_CHARS / 1048576} MB): give the device's running configuration only` };
    if (file.content.includes(String.fromCharCode(0)) || /\uFFFD{4,}/.test(file.content)) return { ok: false, file: file.name, code: 'BINARY', message: `${file.name} is not text (it holds binary data): export the running configuration as text (e.g. "show running-config") and import that` };
    if (file.content.trim() === '') return { ok: false, file: file.name, code: 'EMPTY', message: `${file.name} is empty: paste the device's running configuration` };
    const candidates = readers();
    let chosen: { vendor: Vendor; label: string; read: ReadResult; score: number } | undefined;
    if (file.vendor !== undefined) {
      const own = candidates.find((c) => c.vendor === file.vendor);
      if (!own) return { ok: false, file: file.name, code: 'UNRECOGNISED', message: `${file.name}: the app does not read ${vendorModule(file.vendor).identity.label} configurations; choose another product or let it be recognised` };
      const mine = score(own.reader, file, true);
      // Other products are tried only when the chosen one does not take the file.
      const other = mine.score < RECOGNISED ? best(candidates.filter((c) => c.vendor !== file.vendor), file).top : undefined;
      if (other && other.score >= RECOGNISED && other.score > mine.score) {
        return { ok: false, file: file.name, code: 'WRONG_VENDOR', message: `${file.name} looks like a ${other.label} configuration, not ${own.label}: choose ${other.label} for it (or let the product be recognised)` };
      }
      chosen = { vendor: own.vendor, label: own.label, read: mine.read, score: mine.score };
    } else {
      const { top, refused } = best(candidates, file);
      if ((!top || top.score < RECOGNISED) && refused) return { ok: false, file: file.name, code: 'UNREADABLE', message: `${file.name} looks like ${/^[AEIOU]/.test(refused.label) ? 'an' : 'a'} ${refused.label} configuration, but it cannot be read: ${refused.message.startsWith(`${file.name}: `) ? refused.message.slice(file.name.length + 2) : refused.message}` };
      if (!top || top.score < RECOGNISED) return { ok: false, file: file.name, code: 'UNRECOGNISED', message: `${file.name} is not a configuration of any product the app reads (${candidates.map((c) => c.label).join(', ')}): check that it is the whole running configuration, or choose its product` };
      chosen = { vendor: top.vendor, label: top.label, read: top.read, score: top.score };
    }
    if (!chosen.read.ok) return { ok: false, file: file.name, code: 'UNREADABLE', message: `${file.name} (${chosen.label}): ${chosen.read.message}` };
    const label = file.label ?? (file.name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '') || file.name);
    devices.push({ label, vendor: chosen.vendor, meaning: chosen.read.meaning, lines: chosen.read.lines });
    const box = chosen.read.meaning.device;
    reports.push({
      name: file.name,
      vendor: chosen.vendor,
      label: chosen.label,
      ...(box?.hostname ? { hostname: box.hostname } : {}),
      ...(box?.model ? { model: box.model } : {}),
      ...(box?.osVersion ? { osVersion: box.osVersion } : {}),
      lines: chosen.read.lines,
      peers: chosen.read.meaning.peers.length,
    });
  }
  return { ok: true, files: reports, ...assembleTopology(devices, options) };
}
