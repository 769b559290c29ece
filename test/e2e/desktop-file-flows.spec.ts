// The renderer's desktop file flows in Chromium, with a stand-in for the preload API
// (window.ipsecStudio) that answers as main does and records every call: a failed save of any
// kind is shown with its reason and the document stays dirty; a failed autosave is shown; the
// close question is acknowledged at once and never waits on a failed save; files handed over by
// main arrive as tokens; recovery copies of earlier sessions are offered, restored, discarded.
import { expect, test, type Page } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { documentOf } from '../../shared/document/factory';
import { dragFromPalette, openApp } from './helpers';

type Behaviour = {
  save?: 'ok' | 'reject' | 'error' | 'cancel';
  recoveryWrite?: 'ok' | 'fail' | 'reject';
  copies?: { id: string; savedAt: string; name?: string }[];
  restoreText?: string;
  openText?: string;
};

async function fakeDesktop(page: Page, behaviour: Behaviour): Promise<void> {
  await page.addInitScript((b: Behaviour) => {
    type Listener = (payload: unknown) => void;
    const calls: { channel: string; request: unknown }[] = [];
    const listeners: Record<string, Listener[]> = {};
    const answers: Record<string, (request: Record<string, unknown>) => unknown> = {
      'file:save': () => {
        if (b.save === 'reject') return Promise.reject(new Error("Error invoking remote method 'file:save': IpcRefusedError: file:save: invalid text: the document is more than 20971521 bytes"));
        if (b.save === 'error') return { status: 'error', message: 'Could not save "lab.json": the disk is full. The previous version of the file is unchanged.' };
        if (b.save === 'cancel') return { status: 'cancelled' };
        return { status: 'saved', name: 'lab.json' };
      },
      'file:open': (r) => (r.token ? { status: 'opened', name: 'handed-over.json', text: b.openText } : { status: 'cancelled' }),
      'file:forget': () => ({ ok: true }),
      'recovery:write': () => {
        if (b.recoveryWrite === 'reject') return Promise.reject(new Error('refused'));
        return b.recoveryWrite === 'fail' ? { ok: false, message: 'The recovery copy could not be written (ENOSPC: no space left on device). Your changes are only in this window: save them.' } : { ok: true };
      },
      'recovery:list': () => ({ copies: b.copies ?? [] }),
      'recovery:restore': () => (b.restoreText ? { status: 'restored', text: b.restoreText, savedAt: '2026-03-01T10:00:00.000Z', name: 'lab.json' } : { status: 'none' }),
      'recovery:discard': () => ({ ok: true }),
      'recovery:clear': () => ({ ok: true }),
      'window:state': () => ({ ok: true }),
      'window:close-ack': () => ({ ok: true }),
      'window:close-decision': () => ({ ok: true }),
    };
    const api = {
      platform: 'linux',
      invoke: async (channel: string, request: Record<string, unknown>) => {
        calls.push({ channel, request });
        const answer = answers[channel];
        if (!answer) throw new Error(`unknown channel: ${channel}`);
        return answer(request);
      },
      on: (channel: string, listener: Listener) => {
        (listeners[channel] ??= []).push(listener);
        return () => {
          listeners[channel] = (listeners[channel] ?? []).filter((l) => l !== listener);
        };
      },
    };
    const w = window as unknown as Record<string, unknown>;
    w.ipsecStudio = api;
    w.__fake = { calls, emit: (channel: string, payload: unknown) => (listeners[channel] ?? []).forEach((l) => l(payload)) };
  }, behaviour);
}

const calls = (page: Page, channel?: string) =>
  page.evaluate((c) => (window as unknown as { __fake: { calls: { channel: string; request: unknown }[] } }).__fake.calls.filter((x) => !c || x.channel === c), channel);
const emit = (page: Page, channel: string, payload: unknown) => page.evaluate(([c, p]) => (window as unknown as { __fake: { emit(c: string, p: unknown): void } }).__fake.emit(c as string, p), [channel, payload] as const);

async function dirtyDocument(page: Page): Promise<void> {
  await openApp(page);
  await dragFromPalette(page, 'palette-panos', 320, 260);
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
}

for (const [kind, reason] of [
  ['reject', /document is more than 20971521 bytes/],
  ['error', /the disk is full/],
] as const) {
  test(`a save that fails (${kind === 'reject' ? 'the call is refused' : 'an error answer'}) is shown with its reason, and the document stays dirty`, async ({ page }) => {
    await fakeDesktop(page, { save: kind });
    await dirtyDocument(page);
    await page.getByTestId('tb-save').click();
    await expect(page.getByTestId('save-error')).toContainText(reason);
    await expect(page.getByRole('dialog', { name: 'Could not save' })).toContainText('Your changes are still here and not saved.');
    await expect(page.getByTestId('dirty-indicator')).toBeVisible();
    expect((await calls(page, 'file:save')).length).toBe(1);
  });
}

test('a failed autosave is shown without blocking, and goes away once a save succeeds', async ({ page }) => {
  await fakeDesktop(page, { recoveryWrite: 'fail', save: 'ok' });
  await dirtyDocument(page);
  await expect(page.getByTestId('autosave-error')).toContainText(/Autosave failed: .*ENOSPC.*save them/);
  // Not modal: the canvas still works.
  await page.getByTestId('tb-save').click();
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  await expect(page.getByTestId('autosave-error')).toHaveCount(0);
});

test('the close question is acknowledged at once; a failed save answers "cancel" instead of hanging, "Don’t save" answers "discard"', async ({ page }) => {
  await fakeDesktop(page, { save: 'error' });
  await dirtyDocument(page);
  await emit(page, 'window:close-requested', {});
  expect((await calls(page, 'window:close-ack')).length).toBe(1);
  const ask = page.getByTestId('ask-dialog');
  await expect(ask).toContainText('Save the changes before closing?');
  await ask.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-error')).toBeVisible();
  await expect.poll(async () => (await calls(page, 'window:close-decision')).map((c) => c.request)).toEqual([{ decision: 'cancel' }]);
  await page.keyboard.press('Escape');
  await emit(page, 'window:close-requested', {});
  await page.getByTestId('ask-dialog').getByRole('button', { name: 'Don’t save' }).click();
  await expect.poll(async () => (await calls(page, 'window:close-decision')).map((c) => c.request)).toEqual([{ decision: 'cancel' }, { decision: 'discard' }]);
  expect((await calls(page, 'window:close-ack')).length).toBe(2);
});

test('a file handed over by main arrives as a token, and opening it sends only the token', async ({ page }) => {
  await fakeDesktop(page, { openText: serializeDocument(documentOf({ name: 'Handed over' })) });
  await openApp(page);
  await emit(page, 'file:open-offered', { token: 'a'.repeat(32), name: 'handed-over.json' });
  await expect(page.getByTestId('doc-title')).toContainText('handed-over.json');
  expect((await calls(page, 'file:open')).map((c) => c.request)).toEqual([{ token: 'a'.repeat(32) }]);
  // No request the page made names a path.
  for (const c of await calls(page)) expect(JSON.stringify(c.request)).not.toMatch(/"path"|\/home|\\\\/);
});

test('copies of earlier sessions are offered one after the other: Restore takes one over, Discard deletes the other', async ({ page }) => {
  const copies = [
    { id: '1111111111111111', savedAt: '2026-03-01T10:00:00.000Z', name: 'lab.json' },
    { id: '2222222222222222', savedAt: '2026-02-01T10:00:00.000Z' },
  ];
  await fakeDesktop(page, { copies, restoreText: serializeDocument(documentOf({ name: 'Recovered lab' })) });
  await openApp(page);
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toContainText('on lab.json');
  await expect(banner).toContainText('1 more after this one');
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('doc-title')).toContainText('lab.json');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  await expect(banner).not.toContainText('on lab.json');
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toHaveCount(0);
  expect((await calls(page, 'recovery:restore')).map((c) => c.request)).toEqual([{ id: '1111111111111111' }]);
  expect((await calls(page, 'recovery:discard')).map((c) => c.request)).toEqual([{ id: '2222222222222222' }]);
});
