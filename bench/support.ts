/**
 * What the benchmarks that run the app share: number arguments, a throw-away data dir and database
 * (set in the environment BEFORE any server module is imported), and Debian's Chromium with a
 * logged-in page and a frame-gap probe. Only node built-ins are imported at load time.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** `--name N` as a positive number, else `dflt`. */
export function numberArg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/** Points the app at a fresh data dir, SQLite file and secret key; returns the dir (the caller removes it). */
export function useThrowawayDataDir(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.KSW_DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, 'bench.db')}`;
  process.env.KSW_SECRET_KEY = randomBytes(32).toString('hex');
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  return dataDir;
}

/** Applies the migrations to the throw-away database and sets its pragmas, as start-up does. */
export async function migrateThrowawayDatabase(): Promise<void> {
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], { env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' }, stdio: 'pipe' });
  const { configureSqlite } = await import('../server/db');
  await configureSqlite();
}

/**
 * In the page: the longest gap between two animation frames and the frame count, in
 * `window.__kswFrames`, counted from load (`on: true`) or from when the bench sets `on`. A string,
 * not a function: tsx's keepNames would wrap inner functions in a `__name` helper the page lacks.
 */
export const framesProbe = (on: boolean) => `
  window.__kswFrames = { maxGapMs: 0, frames: 0, on: ${on} };
  let lastFrame = 0;
  const frame = (t) => {
    const f = window.__kswFrames;
    if (f.on && lastFrame) f.maxGapMs = Math.max(f.maxGapMs, t - lastFrame);
    if (f.on) f.frames += 1;
    lastFrame = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

export interface FramesSeen {
  maxGapMs: number;
  frames: number;
}

export function readFrames(page: Page): Promise<FramesSeen> {
  return page.evaluate(() => (window as unknown as { __kswFrames: FramesSeen }).__kswFrames);
}

/** Debian's Chromium, headless, with the flags this machine needs (see stack-recipe). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page of a new context that carries the admin's session cookie for `base`. */
export async function loggedInPage(
  browser: Browser,
  base: string,
  cookie: { name: string; value: string },
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ ...cookie, url: base }]);
  return context.newPage();
}
