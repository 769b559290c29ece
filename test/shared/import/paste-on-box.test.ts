// What to paste, pasted on the box's own configuration: for each of the seed's causes (the PAN-OS
// and ASA pair of test/fixtures/import/pairs/, edited as seed-causes.test.ts edits it), the
// engine's first fix gives, in Changes since import, the commands for the box it changes. Applied
// to that box's own file (not the exporter's rendering of it) by the product's CLI model, then
// imported again with the other box's file, they must bring the tunnel up, and use only names
// the box has or new ones: no command removes what the box does not have.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../shared/engine/report-cache';
import type { TunnelReport } from '../../../shared/engine/report';
import { importChanges } from '../../../shared/export/changes';
import { vendorModule } from '../../../shared/vendors/registry';
import type { VendorPaste } from '../../../shared/vendors/kit/paste';
import { CAUSES, NAT_CAUSE, fixedByFirstOffer, imported } from '../../support/panos-asa-seed';

const cases = [...CAUSES.map((c) => ({ ...c })), { name: 'NAT address in the ASA ACL', ...NAT_CAUSE }];

describe('the paste of each seed cause, on the box\'s own configuration, brings the tunnel up', () => {
  for (const c of cases) {
    it(c.name, () => {
      const doc = imported(c.pa, c.asa, c.initiator);
      expect((computeReport(doc).tunnels[0] as TunnelReport).status).not.toBe('up');
      const changes = importChanges(fixedByFirstOffer(doc));
      if (!changes.ok) throw new Error(changes.message);
      const changedBoxes = changes.boxes.filter((b) => b.status === 'changed');
      expect(changedBoxes).toHaveLength(1);
      const box = changedBoxes[0];
      if (!box) return;
      const own = box.vendor === 'panos' ? c.pa : c.asa;
      const paste = vendorModule(box.vendor).paste as VendorPaste;
      let config = own;
      for (const f of box.files) {
        if (!f.paste || f.paste.text === '') continue;
        const r = paste.apply(config, f.paste);
        if (!r.ok) throw new Error(`${box.gateway}: the paste does not apply to the box's own file, line ${r.line}: ${r.message}\n${f.paste.text}`);
        config = r.config;
      }
      expect(config).not.toBe(own);
      const again = box.vendor === 'panos' ? imported(config, c.asa, c.initiator) : imported(c.pa, config, c.initiator);
      const t = computeReport(again).tunnels[0] as TunnelReport;
      expect(t.status, `${box.gateway} with the paste applied: ${t.diagnostics.map((d) => d.code).join(', ')}`).toBe('up');
    });
  }
});
