// The corrected configuration of each imported box, as a unified diff against what was imported:
// the box's configuration as it was imported (the document's `imported` records) and as it is
// now (after the fixes and edits), both written by the box's own exporter, compared line by line.
// The diff is what changed in the box's VPN configuration; the exporter's file is what to paste.
import { structuredPatch, formatPatch } from 'diff';
import { exportDocument } from './export';
import type { Gateway, TopologyDocument } from '../model/document';
import { isExportVendor, vendorModule } from '../vendors/registry';
import { scriptText, type PasteScript } from '../vendors/kit/paste';

export interface FileChange {
  /** The exported file's name now (as imported, when the box is gone). */
  name: string;
  /** A unified diff (`--- as imported`, `+++ corrected`); empty when the file is unchanged. */
  patch: string;
  added: number;
  removed: number;
  /** What to paste on the box for this change (its product's CLI commands, or the file to put in place); absent when unchanged. */
  paste?: PasteScript;
}

export interface BoxChanges {
  gatewayId: string;
  gateway: string;
  vendor: string;
  /** `added`: drawn after the import; `removed`: deleted since; `changed` / `unchanged`: by its files. */
  status: 'changed' | 'unchanged' | 'added' | 'removed';
  files: FileChange[];
}

export type ChangesResult = { ok: true; boxes: BoxChanges[] } | { ok: false; message: string };

export interface ChangesOptions {
  /** Gateway ids or names; every box when absent or empty. */
  gateways?: readonly string[];
  includeSecrets?: boolean;
}

/**
 * The document as it was imported: the imported records, nothing since. The records stay in it
 * too, so that an exporter writes the box as imported the way it writes the corrected one (what
 * it leaves out of an imported box's file, it leaves out of both).
 */
export function importedDocument(doc: TopologyDocument): TopologyDocument | undefined {
  const { imported } = doc;
  if (!imported) return undefined;
  return { ...doc, gateways: imported.gateways, networks: imported.networks, tunnels: imported.tunnels };
}

function filesOf(doc: TopologyDocument, gateway: Gateway | undefined, includeSecrets: boolean): { name: string; content: string }[] {
  if (!gateway || !isExportVendor(gateway.vendor)) return [];
  return exportDocument(doc, { gateways: [gateway.id], skipEngineCheck: true, includeSecrets }).files;
}

/** What the engineer must know before pasting, where the export is not the box's own. */
function withCaveats(script: PasteScript, keepsBoxNames: boolean): PasteScript {
  if (script.text === '') return script;
  const caveat =
    script.kind === 'file'
      ? 'This is the whole file as IPsec Studio writes it for this box: settings of the box\'s own file that the import did not use (see the import report) are not in it. Compare it with the box\'s file before you put it in place.'
      : keepsBoxNames
        ? undefined
        : 'IPsec Studio writes this product\'s objects under its own names, not the box\'s: on the box, these commands would create objects beside its own. Rename them to the box\'s names before you paste.';
  return caveat ? { ...script, notes: [caveat, ...script.notes] } : script;
}

function fileChange(vendor: string, name: string, before: string, after: string): FileChange {
  if (before === after) return { name, patch: '', added: 0, removed: 0 };
  const writer = vendorModule(vendor).paste;
  const patch = structuredPatch(name, name, before, after, 'as imported', 'corrected', { context: 3 });
  let added = 0;
  let removed = 0;
  for (const h of patch.hunks) {
    for (const l of h.lines) {
      if (l.startsWith('+')) added++;
      else if (l.startsWith('-')) removed++;
    }
  }
  return { name, patch: formatPatch(patch), added, removed, ...(writer ? { paste: withCaveats(writer.commands(before, after, name), writer.keepsBoxNames) } : {}) };
}

/**
 * Per box with an exporter, what changed since the import. Files pair by name, else by their
 * place (a renamed box keeps its files' order). A document that was not imported has no diff.
 */
export function importChanges(doc: TopologyDocument, options: ChangesOptions = {}): ChangesResult {
  const before = importedDocument(doc);
  if (!before) return { ok: false, message: 'this topology was drawn, not imported: the diff against the boxes\' configurations needs File › Import device configurations' };
  const wanted = options.gateways && options.gateways.length > 0 ? new Set(options.gateways) : undefined;
  const pick = (g: Gateway) => !wanted || wanted.has(g.id) || wanted.has(g.name);
  const includeSecrets = options.includeSecrets === true;
  const nowById = new Map(doc.gateways.map((g) => [g.id as string, g]));
  const thenById = new Map(before.gateways.map((g) => [g.id as string, g]));
  const ids = [...new Set([...before.gateways.map((g) => g.id as string), ...doc.gateways.map((g) => g.id as string)])];
  const boxes: BoxChanges[] = [];
  for (const id of ids) {
    const now = nowById.get(id);
    const then = thenById.get(id);
    const shown = (now ?? then) as Gateway;
    if (!pick(shown) && !(then && pick(then))) continue;
    const oldFiles = filesOf(before, then, includeSecrets);
    const newFiles = filesOf(doc, now, includeSecrets);
    if (oldFiles.length === 0 && newFiles.length === 0) continue;
    const files: FileChange[] = [];
    const unmatched = oldFiles.filter((o) => !newFiles.some((n) => n.name === o.name));
    newFiles.forEach((n) => {
      const same = oldFiles.find((o) => o.name === n.name) ?? unmatched.shift();
      files.push(fileChange(shown.vendor, n.name, same?.content ?? '', n.content));
    });
    for (const o of unmatched) files.push(fileChange(shown.vendor, o.name, o.content, ''));
    const status = !then || oldFiles.length === 0 ? 'added' : !now || newFiles.length === 0 ? 'removed' : files.some((f) => f.patch !== '') ? 'changed' : 'unchanged';
    boxes.push({ gatewayId: id, gateway: shown.name, vendor: shown.vendor, status, files });
  }
  return { ok: true, boxes };
}

/** What to do with one changed file on the box, in words and commands: where a file goes, what to type before and after, what is left to the engineer. */
export interface PasteSteps {
  /** The configuration file this is for. */
  file: string;
  kind: PasteScript['kind'];
  /** The output file that holds what to paste (`<file>.commands.txt`), or the corrected file itself. */
  output: string;
  enter: readonly string[];
  leave: readonly string[];
  notes: readonly string[];
}

/**
 * The files of the Changes since import view and of `ipsec-studio export --changes`, per changed
 * file: the diff (`<file>.diff`), then what to paste: the product's commands (`<file>.commands.txt`,
 * entering and leaving configuration mode included) or, for a product configured by a file, the
 * corrected file under its own name; and the steps that go with each.
 */
export function changeOutputs(boxes: readonly BoxChanges[]): { files: { name: string; content: string }[]; steps: { gateway: string; steps: PasteSteps[] }[] } {
  const files: { name: string; content: string }[] = [];
  const steps: { gateway: string; steps: PasteSteps[] }[] = [];
  for (const b of boxes) {
    const mine: PasteSteps[] = [];
    for (const f of b.files) {
      if (f.patch === '') continue;
      files.push({ name: `${f.name}.diff`, content: f.patch });
      const p = f.paste;
      if (!p || p.text === '') continue;
      const output = p.kind === 'file' ? f.name : `${f.name}.commands.txt`;
      files.push({ name: output, content: scriptText(p) });
      mine.push({ file: f.name, kind: p.kind, output, enter: p.enter, leave: p.leave, notes: p.notes });
    }
    if (mine.length > 0) steps.push({ gateway: b.gateway, steps: mine });
  }
  return { files, steps };
}
