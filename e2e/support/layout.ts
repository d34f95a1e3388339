/**
 * Layout checks at a given viewport width: the page never scrolls sideways (wide content such as
 * tables and logs scrolls inside its own box), and an open dialog or drawer fits the viewport.
 * Soft checks: a test goes on and reports every state that does not fit.
 */
import { expect, type Page } from '@playwright/test';

/** The widths the layout must work at: a phone and a small laptop / tablet in landscape. */
export const LAYOUT_WIDTHS = [390, 1024] as const;

export async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect.soft(widths.scroll, `${state} at ${widths.viewport} px: the page is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.viewport);
}

/** The open dialog (a modal or drawer) lies within the viewport, and so does the page behind it. */
export async function expectDialogFits(page: Page, state: string): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  await expect(dialog).toBeVisible();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport size');
  // polled: a drawer slides in from the edge before it rests
  const edges = async () => {
    const box = await dialog.boundingBox();
    return box ? { left: Math.round(box.x), right: Math.round(box.x + box.width) } : null;
  };
  await expect
    .poll(edges, { message: `${state}: the dialog lies within the ${viewport.width} px viewport` })
    .toEqual({ left: expect.any(Number), right: expect.any(Number) });
  await expect.soft.poll(async () => (await edges())?.left ?? -1, { message: `${state}: the dialog starts inside the viewport` }).toBeGreaterThanOrEqual(0);
  await expect.soft
    .poll(async () => (await edges())?.right ?? Infinity, { message: `${state}: the dialog ends inside the ${viewport.width} px viewport` })
    .toBeLessThanOrEqual(viewport.width);
  await expectNoSidewaysScroll(page, state);
}
