// Who initiates (issue 12, part 6): PAN-OS without proxy IDs against a policy-based ASA over
// IKEv2 comes up only when the ASA initiates. The results say so under the tunnel header, the
// canvas badge carries the ⇄! marker and the statement in its title, and the finding's fix
// (the mirrored proxy ID on the Palo Alto) makes both directions agree.
import { expect, test } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { panAsaIkev2 } from '../shared/engine/build';
import { openApp, openViaToolbar, untilStill } from './helpers';

test('comes up only when the ASA initiates: statement in the results, marker on the badge, the fix makes both agree', async ({ page }) => {
  await openApp(page);
  await openViaToolbar(page, { name: 'pan-asa-v2.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(panAsaIkev2('b'))) });
  const card = page.getByTestId('result-pa-asa');
  await expect(card.locator('header')).toContainText('ASA-Branch initiates → PA-HQ');
  const statement = card.getByTestId('initiators-statement');
  await expect(statement).toHaveText('⇄ Comes up only when ASA-Branch initiates; a rekey started by PA-HQ fails (TS_UNACCEPTABLE) (PA-HQ initiates: down; ASA-Branch initiates: up)');
  await expect(card.getByTestId('diagnostic-INITIATOR_DEPENDENT')).toContainText('when PA-HQ initiates');

  const edge = page.getByTestId('tunnel-pa-asa');
  // Still up for the chosen initiator, and marked.
  await expect(edge).toHaveClass(/health-up/);
  const badge = page.getByTestId('tunnel-badge-pa-asa');
  await expect(badge).toContainText('⇄!');
  await expect(badge).toHaveClass(/is-initiator-dependent/);
  await expect(badge.locator('title')).toHaveText(/Comes up only when ASA-Branch initiates/);
  await expect(badge).toHaveAttribute('aria-label', /Comes up only when ASA-Branch initiates/);
  await untilStill(page);
  await page.screenshot({ path: 'test-results/initiators.png' });

  // The finding's fix, checked by the engine, brings PA-HQ's direction up too: the marker goes.
  await card.getByTestId('fix-INITIATOR_DEPENDENT').click();
  await expect(card.getByTestId('initiators-statement')).toHaveCount(0);
  await expect(badge).not.toContainText('⇄!');
  await expect(badge).not.toHaveClass(/is-initiator-dependent/);
});
