/**
 * Page load benchmark: `npm run bench:pages [-- --runs 5] [--sources]`.
 *
 * The app's real server (the production build: `npm run build` first) with one install imported
 * from the seed's HA example (e2e/fixtures) and one failed run, on a warm server (every page is
 * loaded once before measuring). For each main page, headless Chromium (/usr/bin/chromium) loads it
 * `runs` times in a fresh context and the bench prints:
 * - the JavaScript of the first load: bytes as the browser decoded them, and gzipped (level 9, as
 *   a gzip-compressing proxy would send them; the bench measures it itself so the figure does not
 *   depend on the server compressing);
 * - content visible: ms from the start of navigation until the page's main content is in the DOM
 *   and painted (the next animation frame), as the median of the runs, with first contentful paint.
 * With `--sources` (and a build made with `KSW_SOURCE_MAPS=1 npx next build`) it also prints what
 * each page's first load is made of, per package or source file (bench/chunk-sources.ts).
 * Throw-away data dir and DB; no lab hosts are needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { chunkSources } from './chunk-sources';
import { launchChromium, migrateThrowawayDatabase, numberArg, useThrowawayDataDir } from './support';

const RUNS = numberArg('runs', 5);
const SOURCES = process.argv.includes('--sources');
const dataDir = useThrowawayDataDir('ksw-bench-pages-');

interface PageUnderTest {
  name: string;
  path: string;
  /** CSS selector of the page's main content, present only once the page shows its data. */
  content: string;
  loggedIn: boolean;
}

// In the page: resolves with ms since navigation start at the first frame where `selector` exists.
const CONTENT_VISIBLE = (selector: string) => `new Promise((resolve) => {
  const tick = () => {
    if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => resolve(performance.now()));
    else requestAnimationFrame(tick);
  };
  tick();
})`;

interface Load {
  jsDecoded: number;
  jsGzip: number;
  scripts: number;
  urls: string[];
  contentMs: number;
  fcpMs: number;
}

async function load(browser: Browser, base: string, cookie: { name: string; value: string } | null, p: PageUnderTest): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (cookie) await context.addCookies([{ ...cookie, url: base }]);
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  const urls: string[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.push(res.body().catch(() => null));
    urls.push(new URL(res.url()).pathname);
  });
  await page.goto(`${base}${p.path}`, { waitUntil: 'commit' });
  const contentMs = (await page.evaluate(CONTENT_VISIBLE(p.content))) as number;
  await page.waitForLoadState('networkidle');
  const fcpMs = (await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)) as number;
  const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    jsDecoded: scripts.reduce((n, b) => n + b.length, 0),
    jsGzip: scripts.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    scripts: scripts.length,
    urls,
    contentMs,
    fcpMs,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kib = (n: number) => Math.round(n / 102.4) / 10;

async function main(): Promise<void> {
  if (!fs.existsSync(path.resolve('.next/BUILD_ID'))) throw new Error('run `npm run build` first (the bench serves the production build)');
  const { getDb } = await import('../server/db');
  const { startServer } = await import('../server/start-server');
  const { createSession } = await import('../server/auth/create-session');
  const { SESSION_COOKIE } = await import('../server/auth/session-cookie');
  const { hashPassword } = await import('../server/auth/hash-password');
  const { importInstall } = await import('../server/installs/import-install');

  await migrateThrowawayDatabase();
  const running = await startServer({ dev: false, port: 0, host: '127.0.0.1', log: () => undefined });
  const base = `http://127.0.0.1:${(running.httpServer.address() as { port: number }).port}`;
  await getDb().admin.upsert({ where: { id: 1 }, create: { id: 1, passwordHash: await hashPassword('bench-password-1') }, update: {} });
  const token = await createSession();
  const fixture = (f: string) => fs.readFileSync(path.resolve('e2e/fixtures', f), 'utf8');
  const install = await importInstall({ name: 'bench-seed-ha', hostsIni: fixture('seed-hosts.ini'), varsYml: fixture('seed-vars.yml') });
  const now = new Date();
  const run = await getDb().run.create({
    data: {
      installId: install.id,
      mode: 'full',
      status: 'failed',
      startedAt: now,
      finishedAt: now,
      stages: { create: [{ position: 0, name: 'kubernetes', playbook: '', status: 'failed', error: 'a task failed', startedAt: now, finishedAt: now }] },
    },
  });

  const pages: PageUnderTest[] = [
    { name: 'login', path: '/login', content: 'form input[type=password]', loggedIn: false },
    { name: 'installs', path: '/installs', content: 'table tbody tr a[href^="/installs/"]', loggedIn: true },
    { name: 'wizard', path: `/installs/${install.id}`, content: 'form[aria-label$=" step"] table', loggedIn: true },
    { name: 'host checks', path: `/installs/${install.id}/preflight`, content: 'h1 ~ *, main p', loggedIn: true },
    { name: 'run', path: `/installs/${install.id}/runs/${run.id}`, content: '[data-testid="run-status"]', loggedIn: true },
    { name: 'run history', path: `/installs/${install.id}/runs`, content: 'table[aria-label="Runs"] tbody tr a', loggedIn: true },
  ];
  const cookie = { name: SESSION_COOKIE, value: token };
  const browser = await launchChromium();
  try {
    const rows = [];
    const sources: string[] = [];
    for (const p of pages) {
      await load(browser, base, p.loggedIn ? cookie : null, p); // warm: compiled routes, caches, DB pages
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i += 1) loads.push(await load(browser, base, p.loggedIn ? cookie : null, p));
      const first = loads[0];
      if (!first) continue;
      rows.push({
        page: p.name,
        jsGzipKiB: kib(first.jsGzip),
        jsDecodedKiB: kib(first.jsDecoded),
        scripts: first.scripts,
        contentVisibleMs: Math.round(median(loads.map((l) => l.contentMs))),
        contentVisibleMaxMs: Math.round(Math.max(...loads.map((l) => l.contentMs))),
        firstContentfulPaintMs: Math.round(median(loads.map((l) => l.fcpMs))),
      });
      if (SOURCES) {
        const parts = chunkSources(first.urls);
        sources.push(
          parts === null
            ? `${p.name}: no source maps (build with KSW_SOURCE_MAPS=1 npx next build)`
            : `${p.name} (${kib(first.jsGzip)} KiB gzipped):\n${parts
                .slice(0, 25)
                .map((x) => `  ${kib(x.gzipBytes).toFixed(1).padStart(6)} KiB  ${x.group}`)
                .join('\n')}`,
        );
      }
    }
    console.table(rows);
    for (const block of sources) console.log(block);
    console.log(JSON.stringify({ runs: RUNS, pages: rows }));
  } finally {
    await browser.close();
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
