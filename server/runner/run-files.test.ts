/**
 * File placement of the kubesphere-2.0.2 profile (its playbooks cannot run here): the bundle is used
 * in place, write-config writes conf/ and the k8s/inventory copies with placeholders only, and the
 * private inventory gets the revealed vars + connection secrets in 0600 files that are removed again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { assertValid } from '@/lib/config/validate';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { writeConfigFiles } from './execute-stage';
import { PROFILES } from './profiles';
import { prepareRunDir, removeStageSecrets, REVEALED_VARS, writeStageSecrets } from './run-files';

const SSH_PW = 'Seed-Root-Pa55!';

function fakeBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-bundle-'));
  for (const d of ['conf', 'preinstall', 'k8s/inventory/my_cluster/group_vars/k8s-cluster', 'kubesphere', 'scripts']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(path.join(dir, 'k8s/inventory/my_cluster/group_vars/all.yml'), 'bootstrap_os: centos\n');
  fs.writeFileSync(path.join(dir, 'k8s/inventory/my_cluster/group_vars/k8s-cluster/addons.yml'), 'helm_enabled: false\n');
  return dir;
}

describe('kubesphere-2.0.2 file placement', () => {
  it('writes the conf files into the bundle and keeps secrets in the private dir only', () => {
    const profile = PROFILES['kubesphere-2.0.2'];
    const bundle = fakeBundle();
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-run-'));
    const raw = seedConfig();
    for (const h of raw.hosts) if (h.auth.kind === 'password') h.auth.password = { set: true, value: SSH_PW };
    const config = assertValid(raw);
    const project = prepareRunDir({ runDir, bundlePath: bundle, profile, knownHosts: '' });
    expect(fs.readlinkSync(project)).toBe(bundle);

    expect(writeConfigFiles({ profile, config, projectDir: project })).toEqual(profile.configFiles.map((f) => f.path));
    for (const f of profile.configFiles) {
      const text = fs.readFileSync(path.join(bundle, f.path), 'utf8');
      expect(text).not.toContain(SSH_PW);
    }
    expect(fs.readFileSync(path.join(bundle, 'conf/hosts.ini'), 'utf8')).toBe(fs.readFileSync(path.join(bundle, 'k8s/inventory/my_cluster/hosts.ini'), 'utf8'));
    expect(fs.readFileSync(path.join(bundle, 'conf/vars.yml'), 'utf8')).toBe(fs.readFileSync(path.join(bundle, 'k8s/inventory/my_cluster/group_vars/k8s-cluster/k8s-cluster.yml'), 'utf8'));

    // Kubespray's group vars are visible next to the private inventory; k8s-cluster.yml is the revealed copy.
    expect(fs.readFileSync(path.join(runDir, 'inventory/group_vars/all.yml'), 'utf8')).toContain('bootstrap_os');
    expect(fs.existsSync(path.join(runDir, 'inventory/group_vars/k8s-cluster/addons.yml'))).toBe(true);
    writeStageSecrets(runDir, config, renderVarsYml(config, { secrets: 'reveal' }));
    const remote = config.hosts.find((h) => !h.taskbox && h.auth.kind === 'password');
    const hostVars = path.join(runDir, 'inventory/host_vars', `${remote?.name}.json`);
    expect(fs.statSync(hostVars).mode & 0o777).toBe(0o600);
    expect(fs.statSync(REVEALED_VARS(runDir)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(hostVars, 'utf8')).toContain(SSH_PW);
    removeStageSecrets(runDir);
    expect(fs.existsSync(hostVars)).toBe(false);
    expect(fs.existsSync(REVEALED_VARS(runDir))).toBe(false);
    const envvars = JSON.parse(fs.readFileSync(path.join(runDir, 'env/envvars'), 'utf8')) as Record<string, string>;
    expect(envvars.ANSIBLE_HOST_KEY_CHECKING).toBe('True');
    expect(envvars.ANSIBLE_SSH_ARGS).toContain('StrictHostKeyChecking=yes');
    expect(envvars.ANSIBLE_SSH_CONTROL_PATH_DIR).toBe(path.join(runDir, 'cp'));
    fs.rmSync(bundle, { recursive: true, force: true });
    fs.rmSync(runDir, { recursive: true, force: true });
  });
});
