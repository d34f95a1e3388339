/**
 * One cluster's life in the browser, on 6 real lab hosts: the install journey installs the first 5
 * from the host checks (an injected failure, retry failed, resume, success: e2e/support/install-journey.ts),
 * then the day-2 journey operates that cluster: the cluster page, add the 6th host, remove it,
 * uninstall (e2e/support/day2-journey.ts). One install serves both, as an operator's cluster would;
 * the day-2 test is skipped when the install failed.
 */
import { test, type CreatedInstall } from './support/fixtures';
import { day2Journey } from './support/day2-journey';
import { installJourney } from './support/install-journey';

test.use({ labHosts: 6 });

test.describe.serial('a cluster from the host checks to its uninstall', () => {
  let installed: CreatedInstall | undefined;

  test('install on lab hosts from the host checks: injected failure, retry failed, resume, success', async ({ loggedIn: page, labInstall, lab }) => {
    test.setTimeout(360_000);
    installed = await installJourney(page, lab.hosts.slice(0, 5), labInstall);
  });

  test('cluster page: nodes and certificates, add a worker, remove it, uninstall', async ({ loggedIn: page, api, lab }) => {
    test.setTimeout(600_000);
    const added = lab.hosts[5];
    if (!installed || !added) throw new Error('6 lab hosts and the cluster the install journey installed are needed');
    await day2Journey(page, api, lab, installed, lab.hosts.slice(0, 5), added);
  });
});
