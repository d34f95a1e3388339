/**
 * write-config on a real lab taskbox (non-root login, sudo) with a forged 2.0.2 bundle in the host's
 * private /opt: a bundle whose SHIPPED version is not the profile's is refused before and after a
 * write; the shipped files are kept once and never overwritten; the written files hold no secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { assertValid } from '@/lib/config/validate';
import { useLab } from '@/lab/fixture';
import { hostFsPath } from '@/lab/private-fs';
import { connectHost, type SshSession } from '../../ssh';
import { PROFILES, SHIPPED_DIR } from '../../installer-profiles/profiles';
import { writeConfigOnTaskbox } from './write-config';

const lab = useLab(1);
const BUNDLE = '/opt/ks-test-202';
const SSH_PW = 'Seed-Root-Pa55!';
let session: SshSession | undefined;
afterAll(() => session?.close());

function forgeBundle(version: string): string {
  const root = hostFsPath(lab.host(0).name, BUNDLE);
  fs.rmSync(root, { recursive: true, force: true });
  for (const d of ['conf', 'scripts', 'k8s/inventory/my_cluster/group_vars/k8s-cluster']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.writeFileSync(path.join(root, 'conf/vars.yml'), `# shipped\nks_version: ${version}\n`);
  fs.writeFileSync(path.join(root, 'conf/hosts.ini'), '[all]\nmaster ansible_connection=local ip=192.168.0.5\n');
  return root;
}

function config() {
  const raw = seedConfig();
  for (const h of raw.hosts) if (h.auth.kind === 'password') h.auth.password = { set: true, value: SSH_PW };
  return assertValid(raw);
}

async function taskbox(): Promise<SshSession> {
  session ??= await connectHost(lab.target(0, 'user-password'));
  return session;
}

const ctx = () => ({ profile: PROFILES['kubesphere-2.0.2'], config: config(), bundle: BUNDLE });

describe('write-config on the taskbox', () => {
  it('refuses a bundle of another version before writing anything', async () => {
    const root = forgeBundle('2.1.0');
    await expect(writeConfigOnTaskbox(await taskbox(), ctx())).rejects.toThrow(
      /is not KubeSphere 2\.0\.2: its conf\/vars\.yml \(as shipped\) says ks_version: 2\.1\.0, expected 2\.0\.2/,
    );
    expect(fs.readFileSync(path.join(root, 'conf/vars.yml'), 'utf8')).toBe('# shipped\nks_version: 2.1.0\n');
    expect(fs.existsSync(path.join(root, SHIPPED_DIR))).toBe(false);
  });

  it('writes the files with placeholders, keeps the shipped ones once, and judges the version as shipped afterwards', async () => {
    const root = forgeBundle('2.0.2');
    const notes = await writeConfigOnTaskbox(await taskbox(), ctx());
    expect(notes).toContain('wrote k8s/inventory/my_cluster/group_vars/k8s-cluster/k8s-cluster.yml');
    for (const f of PROFILES['kubesphere-2.0.2'].configFiles) expect(fs.readFileSync(path.join(root, f.path), 'utf8')).not.toContain(SSH_PW);
    expect(fs.readFileSync(path.join(root, 'conf/hosts.ini'), 'utf8')).toContain('ansible_connection=local');
    expect(fs.readFileSync(path.join(root, SHIPPED_DIR, 'conf/vars.yml'), 'utf8')).toBe('# shipped\nks_version: 2.0.2\n');
    // a second write keeps the first shipped copy, not the wizard's own file
    await writeConfigOnTaskbox(await taskbox(), ctx());
    expect(fs.readFileSync(path.join(root, SHIPPED_DIR, 'conf/vars.yml'), 'utf8')).toBe('# shipped\nks_version: 2.0.2\n');
    // a shipped copy saying 2.1.0 is refused although conf/vars.yml (the wizard's) says 2.0.2
    fs.writeFileSync(path.join(root, SHIPPED_DIR, 'conf/vars.yml'), 'ks_version: 2.1.0\n');
    expect(fs.readFileSync(path.join(root, 'conf/vars.yml'), 'utf8')).toMatch(/ks_version: "?2\.0\.2"?/);
    await expect(writeConfigOnTaskbox(await taskbox(), ctx())).rejects.toThrow(/says ks_version: 2\.1\.0, expected 2\.0\.2/);
  });

  it('names a missing bundle and what to do', async () => {
    await expect(writeConfigOnTaskbox(await taskbox(), { ...ctx(), bundle: '/opt/nothing-here' })).rejects.toThrow(
      /there is no KubeSphere 2\.0\.2 bundle at \/opt\/nothing-here on the taskbox .*Unpack kubesphere-all-advanced-2\.0\.2\.tar\.gz there/,
    );
  });
});
