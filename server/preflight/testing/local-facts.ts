/** LocalFacts fixtures for unit tests of checks: a complete bundle and a working Ansible. */
import type { AnsibleFacts } from '../ansible-facts';
import type { BundleFacts } from '../bundle-facts';
import type { LocalFacts } from '../local-facts';

export function bundleFacts(over: Partial<BundleFacts> = {}): BundleFacts {
  return { configured: '/opt/ks', path: '/opt/ks', cwd: '/srv/ks-wizard', user: 'ksw (uid 998)', root: 'ok', entries: [], notWritable: [], ...over };
}

export function ansibleFacts(playbookLine = 'ansible-playbook [core 2.14.18]', runnerLine = '2.3.1'): AnsibleFacts {
  return {
    playbook: { command: 'ansible-playbook --version', firstLine: playbookLine, location: '/usr/bin/ansible-playbook' },
    runner: { command: 'ansible-runner --version', firstLine: runnerLine },
    searchPath: '/usr/local/bin:/usr/bin:/bin',
    timeoutMs: 10_000,
  };
}

export function localFacts(over: Partial<LocalFacts> = {}): LocalFacts {
  return { bundle: bundleFacts(), ansible: ansibleFacts(), ...over };
}
