/**
 * The accessibility floor every main page state must meet: axe-core (all its rules, best practices
 * included) finds no serious or critical violation, and the page has exactly one `h1`. A failure
 * lists each rule with the first elements it found, so the message says what to fix. It runs once
 * every transition has ended. The checks are soft: a test goes on to its other states and reports every state that fails.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Waits until no CSS transition or animation is running: axe judges colours as painted, and a drawer
 * or modal still fading in has text at part opacity (a contrast "violation" that is only a frame).
 */
async function settled(page: Page): Promise<void> {
  // endless ones (a loader's spin) never end and change no colour
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Infinity || (a.playState !== 'running' && !a.pending)),
    undefined,
    { timeout: 10_000 },
  );
}

export async function expectAccessible(page: Page, state: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect.soft(blocking, `axe-core on ${state}`).toEqual([]);
  await expect.soft(page.locator('h1'), `${state} has one h1`).toHaveCount(1);
}
