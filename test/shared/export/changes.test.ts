// The corrected configuration of an imported box as a diff against what was imported: the boxes
// of the PAN-OS ↔ ASA template exported, imported back, the engine's own fix applied, and the
// diff checked by applying it (with jsdiff's applyPatch, not ours) to the box's configuration as
// imported: it must give the corrected configuration, and touch only the box the fix changed.
import { applyPatch } from 'diff';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { applyCommand } from '../../../shared/commands/commands';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { computeReport } from '../../../shared/engine/report-cache';
import { importChanges, importedDocument } from '../../../shared/export/changes';
import { exportDocument } from '../../../shared/export/export';
import { importConfigurations } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { TEMPLATES } from '../../../shared/templates/index';
import { memoryIo } from '../../support/memory-io';

const template = (TEMPLATES.find((t) => t.id === 'pan-asa-interop') as (typeof TEMPLATES)[number]).build();
const configs = template.gateways.map((g) => ({ name: `${g.name}.txt`, content: (exportDocument(template, { gateways: [g.id], skipEngineCheck: true }).files[0] as { content: string }).content }));

function imported(): TopologyDocument {
  const r = importConfigurations(configs);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** The document with the engine's first offered fix applied, and the fix's label. */
function fixed(doc: TopologyDocument): { doc: TopologyDocument; label: string } {
  const d = computeReport(doc).tunnels.flatMap((t) => t.diagnostics).find((x) => (x.fix?.length ?? 0) > 0);
  if (!d?.fix) throw new Error('the engine offers no fix for the pan-asa-interop boxes');
  const fix = d.fix;
  return { doc: produce(doc, (draft) => { for (const c of fix) applyCommand(draft, c); }), label: d.fixLabel ?? d.code };
}

const exportOf = (doc: TopologyDocument, gatewayId: string) => (exportDocument(doc, { gateways: [gatewayId], skipEngineCheck: true }).files[0] as { content: string }).content;

describe('changes since the import', () => {
  it('a drawn design has none, and says where the diff comes from', () => {
    const r = importChanges(template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Import device configurations/);
  });

  it('right after the import every box is unchanged', () => {
    const r = importChanges(imported());
    expect(r.ok && r.boxes.map((b) => b.status)).toEqual(['unchanged', 'unchanged']);
    expect(r.ok && r.boxes.flatMap((b) => b.files.map((f) => f.patch))).toEqual(['', '']);
  });

  it("the engine's fix shows as a diff of the one box it changes, and the diff applied to that box's configuration as imported gives the corrected one", () => {
    const before = imported();
    const { doc: after, label } = fixed(before);
    expect(computeReport(after).tunnels.map((t) => t.status)).toEqual(['up']);
    const r = importChanges(after);
    if (!r.ok) throw new Error(r.message);
    const changed = r.boxes.filter((b) => b.status === 'changed');
    expect(changed, label).toHaveLength(1);
    expect(r.boxes.filter((b) => b.status === 'unchanged')).toHaveLength(1);
    const box = changed[0] as (typeof changed)[number];
    const file = box.files[0] as (typeof box.files)[number];
    expect(file.added + file.removed).toBeGreaterThan(0);
    expect(file.patch).toMatch(/^--- .*\tas imported$/m);
    expect(file.patch).toMatch(/^\+\+\+ .*\tcorrected$/m);
    const asImported = exportOf(importedDocument(after) as TopologyDocument, box.gatewayId);
    expect(asImported).toBe(exportOf(before, box.gatewayId));
    expect(applyPatch(asImported, file.patch)).toBe(exportOf(after, box.gatewayId));
  });

  it('a box renamed after the import is still compared with itself; one drawn after it is all new', () => {
    const { doc } = fixed(imported());
    const renamed = produce(doc, (d) => {
      (d.gateways[0] as (typeof d.gateways)[number]).name = 'Renamed-Box';
    });
    const r = importChanges(renamed);
    if (!r.ok) throw new Error(r.message);
    const box = r.boxes.find((b) => b.gateway === 'Renamed-Box');
    expect(box?.status).toBe('changed');
    // Only the name-bearing lines differ beyond the fix: not a whole new file.
    const whole = exportOf(renamed, box?.gatewayId as string).split('\n').length;
    expect((box?.files[0]?.added ?? whole) < whole).toBe(true);
  });

  it('the imported boxes survive saving and opening the topology; a broken reference in them is refused with a message', () => {
    const { doc } = fixed(imported());
    const text = serializeDocument(doc);
    const loaded = loadDocumentText(text);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const again = importChanges(loaded.document);
    expect(again.ok && again.boxes.map((b) => b.status).sort()).toEqual(['changed', 'unchanged']);
    const broken = JSON.parse(text) as { imported: { networks: { gatewayId: string }[] } };
    (broken.imported.networks[0] as { gatewayId: string }).gatewayId = 'gw-nowhere';
    const refused = loadDocumentText(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && 'errors' in refused ? refused.errors.map((e) => `${e.path}: ${e.message}`) : []).toEqual([expect.stringMatching(/^imported\.networks\[0\]\.gatewayId: the imported configurations have no gateway "gw-nowhere"/)]);
  });

  it('ipsec-studio export --changes writes the diffs, and refuses a drawn design and --vendor', async () => {
    const { doc } = fixed(imported());
    const files: Record<string, string> = { 'fixed.json': serializeDocument(doc), 'drawn.json': serializeDocument(template) };
    const m = memoryIo(files);
    expect(await runCli(['export', 'fixed.json', '--changes'], m.io)).toBe(0);
    expect(m.out()).toMatch(/^--- .*\tas imported$/m);
    expect(m.out()).toMatch(/^@@ /m);
    expect(m.err()).toMatch(/: changed$/m);
    expect(m.err()).toMatch(/: unchanged$/m);
    const drawn = memoryIo(files);
    expect(await runCli(['export', 'drawn.json', '--changes'], drawn.io)).toBe(2);
    expect(drawn.err()).toMatch(/drawn, not imported/);
    const vendor = memoryIo(files);
    expect(await runCli(['export', 'fixed.json', '--changes', '--vendor', 'panos'], vendor.io)).toBe(2);
    expect(vendor.err()).toMatch(/leave out --vendor/);
  });
});
