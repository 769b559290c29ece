// The negotiation player driven as a presenter would: by its buttons and the arrow keys, never by
// playback time (so the machine's speed does not matter).
import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openApp(page);
  await page.getByTestId("template-screenos-multi-proxy-id").click();
  await page.getByTestId("panel-tab-negotiation").click();
});

test('every player button says what it does, and "▶|" steps one message', async ({
  page,
}) => {
  const toolbar = page.getByRole("toolbar", { name: "Negotiation player" });
  for (const button of await toolbar.getByRole("button").all()) {
    const label = await button.getAttribute("aria-label");
    const title = await button.getAttribute("title");
    expect(label, "every button has a label").toBeTruthy();
    expect(title, `"${label}" has a tooltip`).toBeTruthy();
    expect(label).not.toMatch(/to end|to the end/i);
  }
  const next = page.getByRole("button", { name: "Next message" });
  await expect(next).toHaveAttribute("title", /step forward/i);
  await expect(
    page.getByRole("button", { name: "Previous message" }),
  ).toHaveAttribute("title", /step back/i);
  await expect(
    page.getByRole("button", { name: "Back to the start" }),
  ).toHaveAttribute("title", /start/i);

  const position = page.getByTestId("player-position");
  const total = Number((await position.textContent())!.split("/")[1]);
  expect(total).toBeGreaterThan(3);
  await next.click();
  await expect(position).toHaveText(`1 / ${total}`);
  await expect(page.getByTestId("player-finished")).toHaveCount(0);
  const messages = page
    .getByRole("list", { name: "Messages" })
    .getByRole("listitem");
  await expect(messages.nth(0)).toHaveAttribute("aria-current", "step");
});

test("arrow keys step a whole message and the list follows the current one", async ({
  page,
}) => {
  const position = page.getByTestId("player-position");
  const total = Number((await position.textContent())!.split("/")[1]);
  const messages = page
    .getByRole("list", { name: "Messages" })
    .getByRole("listitem");
  await expect(messages).toHaveCount(total);

  // The panel shows only part of the list: the last message starts out of view.
  await expect(messages.nth(total - 1)).not.toBeInViewport();
  await page.getByTestId("player-scrub").focus();
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText(`1 / ${total}`);
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText(`2 / ${total}`);
  await expect(messages.nth(1)).toHaveAttribute("aria-current", "step");
  await expect(messages.nth(1)).toHaveClass(/is-current/);
  await page.keyboard.press("ArrowLeft");
  await expect(position).toHaveText(`1 / ${total}`);
  await expect(messages.nth(0)).toHaveAttribute("aria-current", "step");
  await expect(page.locator(".timeline [aria-current]")).toHaveCount(1);

  // To the last message: it is highlighted and scrolled into view in the list.
  for (let i = 1; i < total; i++) await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText(`${total} / ${total}`);
  const last = messages.nth(total - 1);
  await expect(last).toHaveAttribute("aria-current", "step");
  await expect(last).toBeInViewport();
  // Back to the first: it scrolls back into view too.
  for (let i = 1; i < total; i++) await page.keyboard.press("ArrowLeft");
  await expect(position).toHaveText(`1 / ${total}`);
  await expect(messages.nth(0)).toBeInViewport();
});

test("each message shows the values it carries: proposals offered and chosen, KE, IDs, selectors", async ({
  page,
}) => {
  const messages = page
    .getByRole("list", { name: "Messages" })
    .getByRole("listitem");
  const current = page.locator('.timeline [aria-current="step"]');
  const next = page.getByRole("button", { name: "Next message" });
  await next.click();
  await expect(current).toContainText("Main Mode 1");
  await expect(current.getByText("Offered", { exact: false })).toBeVisible();
  await expect(current).toContainText(/AES|3DES/);
  await next.click();
  await expect(current).toContainText("Main Mode 2");
  await expect(current.locator("dt", { hasText: "Chosen" })).toBeVisible();
  await next.click();
  await expect(current.locator("dt", { hasText: "KE" })).toBeVisible();
  await expect(current).toContainText(/DH group \d+/);
  // Main Mode 3 carries the initiator's nonce: random, so the player says what it is and its size.
  await expect(current.locator("dt", { hasText: /^Ni$/ })).toBeVisible();
  await expect(current).toContainText("8 to 256 octets");
  // On to the first Quick Mode: the proxy IDs as sent, then as the responder answers them.
  for (
    let i = 0;
    i < 10 && !(await current.textContent())?.includes("Quick Mode 1");
    i++
  )
    await next.click();
  await expect(current).toContainText("Quick Mode 1");
  await expect(current.locator("dt", { hasText: "IDci (sent)" })).toBeVisible();
  await expect(
    current.locator("dd").filter({ hasText: "192.168.1.0/24" }).first(),
  ).toBeVisible();
  await next.click();
  await expect(current).toContainText("Quick Mode 2");
  await expect(
    current.locator("dt", { hasText: "IDci (narrowed)" }),
  ).toBeVisible();
  await expect(current.locator("dt", { hasText: "Chosen" })).toBeVisible();
  await expect(
    messages
      .filter({ hasText: "Main Mode 5" })
      .locator("dt", { hasText: "IDii" }),
  ).toHaveCount(1);
});

test('an IKEv1 verdict lists IKEv1 rules only', async ({ page }) => {
  // The ScreenOS template's tunnel is IKEv1 (Main Mode and Quick Mode in the player).
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Quick Mode');
  await page.getByTestId('panel-tab-results').click();
  await page.getByRole('button', { name: /Vendor rules used/ }).first().click();
  const rules = page.locator('.rule-list li');
  await expect(rules.first()).toBeVisible();
  const texts = await rules.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  // "<mark> <vendor>: <statement> — <source>": no statement that is about IKEv2.
  expect(texts.filter((t) => /^[^:]*:\s*(An? )?IKEv2\b/.test(t))).toEqual([]);
  await expect(page.locator('.rule-list')).toContainText('IKEv1');
});
