/**
 * The fixtures every e2e spec is written with: import `test` and `expect` from here, never from
 * '@playwright/test'.
 *
 * - `loggedIn`: the page, logged in as the admin (the password playwright.config.ts gives the server),
 *   on the installs list.
 * - `api`: the wizard's API as that logged-in page calls it (./api-caller.ts).
 * - `newInstall(prefix)`: an install made as an operator makes one ("New install" on the installs
 *   list), its wizard open; unique name `<prefix>-<time>-<random>`.
 * - `lab`: lab hosts leased for the worker, `labHosts` of them (a file sets `test.use({ labHosts: n })`;
 *   a worker option, so files asking for a different count run in their own worker). The lease starts the
 *   lab when it is down and is released in the worker's teardown, which restores any fault on the hosts
 *   and takes the lab down only when the lease started it (lab/lease-hosts.ts, as the vitest fixture).
 * - `labInstall({ prefix })`: an install of the leased hosts (profile `lab`, server/runner/test-support/
 *   lab-config.ts) created through the API, for journeys whose subject starts after the wizard.
 */
import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { acquireLabHosts, releaseLabHosts } from '../../lab/lease-hosts';
import { labDir } from '../../lab/paths';
import { readState, type LabHostState, type LabState } from '../../lab/state';
import type { InstallConfig } from '../../lib/config/schema';
import { labConfig } from '../../server/runner/test-support/lab-config';
import { ApiCaller } from './api-caller';

const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';

export interface LeasedLab {
  /** The lease token (unique per worker). */
  readonly token: string;
  /** The whole lab as it was when the hosts were leased (its user and password, every host). */
  readonly state: LabState;
  /** The leased hosts only, in lab order. */
  readonly hosts: LabHostState[];
  /** How many hosts the lab has now (what the wizard's "Use the local lab" offers). */
  size(): Promise<number>;
}

export interface CreatedInstall {
  id: string;
  name: string;
}

export interface LabInstallOptions {
  /** The name is `<prefix>-<lease token>-<random>`. */
  prefix: string;
  /** Which leased hosts the install has (all of them by default). */
  hosts?: LabHostState[];
  /** Changes the lab config before it is sent (to inject a wrong value). */
  edit?: (config: InstallConfig) => void;
}

interface TestFixtures {
  loggedIn: Page;
  api: ApiCaller;
  newInstall: (prefix: string) => Promise<CreatedInstall>;
  labInstall: (options: LabInstallOptions) => Promise<CreatedInstall>;
}

interface WorkerFixtures {
  labHosts: number;
  lab: LeasedLab;
}

const uniqueSuffix = () => Math.random().toString(36).slice(2, 7);

export const test = base.extend<TestFixtures, WorkerFixtures>({
  labHosts: [0, { scope: 'worker', option: true }],

  lab: [
    async ({ labHosts }, use) => {
      if (labHosts < 1) throw new Error('this spec uses the lab without leasing hosts: set test.use({ labHosts: n })');
      const token = randomBytes(8).toString('hex');
      const lease = await acquireLabHosts(labHosts, token);
      try {
        const hosts = lease.state.hosts.filter((h) => lease.names.includes(h.name));
        if (hosts.length < labHosts) throw new Error('not enough free lab hosts');
        const size = async () => (await readState(labDir()))?.hosts.length ?? lease.state.hosts.length;
        await use({ token, state: lease.state, hosts, size });
      } finally {
        await releaseLabHosts(lease.names, token);
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],

  loggedIn: async ({ page }, use) => {
    await page.goto('/login');
    await page.getByLabel('Admin password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/installs$/);
    await use(page);
  },

  api: async ({ loggedIn, baseURL }, use) => {
    if (!baseURL) throw new Error('playwright.config.ts gives no baseURL');
    await use(new ApiCaller(loggedIn, new URL(baseURL).origin));
  },

  newInstall: async ({ loggedIn: page }, use) => {
    await use(async (prefix) => {
      const name = `${prefix}-${Date.now()}-${uniqueSuffix()}`;
      await page.getByRole('button', { name: 'New install' }).click();
      await page.getByLabel('Install name').fill(name);
      await page.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 30_000 });
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
      expect(id, 'the wizard of the new install is open').not.toBe('');
      return { id, name };
    });
  },

  labInstall: async ({ lab, api }, use) => {
    await use(async ({ prefix, hosts = lab.hosts, edit }) => {
      const config = labConfig(lab.state, hosts);
      edit?.(config);
      const name = `${prefix}-${lab.token}-${uniqueSuffix()}`;
      const { id } = await api.post<{ id: string }>('/api/installs', { name, config });
      return { id, name };
    });
  },
});

export { expect };
