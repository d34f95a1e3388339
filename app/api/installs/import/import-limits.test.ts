/**
 * Imports at and beyond their documented limits (lib/installer/import-limits.ts): the largest
 * import the limits allow is saved (1,000 hosts; Prisma's parameter limit must not turn it into a
 * 500), anything over a limit is refused with 422 naming the limit, before the file is parsed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { assertValid } from '@/lib/config/validate';
import { IMPORT_LIMITS } from '@/lib/installer/import-limits';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { getDb } from '@/server/db';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { PUT } from '../[id]/route';
import { POST } from './route';

useFreshDatabase();

const seedVarsYml = () => renderVarsYml(assertValid(seedConfig()), { secrets: 'placeholder' });

/** A hosts.ini with `count` hosts: three masters/etcd, the rest workers. */
function hostsIni(count: number): string {
  const names = Array.from({ length: count }, (_, i) => `node${i + 1}`);
  const ip = (i: number) => `10.${Math.floor(i / 250)}.${(i % 250) + 1}.1`;
  const all = names.map((n, i) => `${n} ansible_host=${ip(i)} ip=${ip(i)} ansible_ssh_pass=PASSWORD`);
  return [
    '[all]',
    ...all,
    '',
    '[kube-master]',
    ...names.slice(0, 3),
    '',
    '[kube-node]',
    ...names.slice(3),
    '',
    '[etcd]',
    ...names.slice(0, 3),
    '',
    '[k8s-cluster:children]',
    'kube-node',
    'kube-master',
    '',
  ].join('\n');
}

let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const importFiles = (body: Record<string, unknown>) =>
  callRoute(POST, { method: 'POST', cookie, path: '/api/installs/import', body: { name: 'big', ...body } });
const errorsOf = (json: unknown) => (json as { errors: { path: string; message: string }[] }).errors;

describe('import limits', () => {
  it(`saves ${IMPORT_LIMITS.hosts} hosts, and saves them again with half removed`, async () => {
    const res = await importFiles({ hostsIni: hostsIni(IMPORT_LIMITS.hosts), varsYml: seedVarsYml() });
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    const { id, config } = res.json as { id: string; config: { hosts: unknown[] } };
    expect(config.hosts).toHaveLength(IMPORT_LIMITS.hosts);
    expect(await getDb().node.count({ where: { installId: id } })).toBe(IMPORT_LIMITS.hosts);
    const fewer = { ...config, hosts: config.hosts.slice(0, IMPORT_LIMITS.hosts / 2) };
    const saved = await callRoute(PUT, { method: 'PUT', cookie, params: { id }, path: `/api/installs/${id}`, body: { config: fewer, draft: true } });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
    expect(await getDb().node.count({ where: { installId: id } })).toBe(IMPORT_LIMITS.hosts / 2);
  });

  it('refuses more hosts than the limit, before reading them', async () => {
    const res = await importFiles({ hostsIni: hostsIni(IMPORT_LIMITS.hosts + 1), varsYml: seedVarsYml() });
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual([{ path: 'hosts.ini', message: expect.stringContaining(`at most ${IMPORT_LIMITS.hosts} hosts`) }]);
  });

  it('refuses a hosts.ini with too many lines with that one problem (nothing of it was parsed)', async () => {
    const junk = `[all]\n${'this is = not [a host line\n'.repeat(IMPORT_LIMITS.hostsIniLines)}`;
    const res = await importFiles({ hostsIni: junk, varsYml: seedVarsYml() });
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual([{ path: 'hosts.ini', message: expect.stringContaining(`at most ${IMPORT_LIMITS.hostsIniLines} lines`) }]);
  });

  it('refuses a vars.yml with too many keys or lines, before parsing it', async () => {
    const keys = Array.from({ length: IMPORT_LIMITS.varsYmlKeys + 1 }, (_, i) => `key_${i}: [unclosed`).join('\n');
    const many = await importFiles({ hostsIni: hostsIni(3), varsYml: keys });
    expect(many.status).toBe(422);
    expect(errorsOf(many.json)).toEqual([{ path: 'vars.yml', message: expect.stringContaining(`at most ${IMPORT_LIMITS.varsYmlKeys} keys`) }]);
    const lines = await importFiles({ hostsIni: hostsIni(3), varsYml: `a:\n${'  - [x\n'.repeat(IMPORT_LIMITS.varsYmlLines)}` });
    expect(lines.status).toBe(422);
    expect(errorsOf(lines.json)).toEqual([{ path: 'vars.yml', message: expect.stringContaining(`at most ${IMPORT_LIMITS.varsYmlLines} lines`) }]);
  });

  it('refuses a file over its byte limit', async () => {
    const res = await importFiles({ hostsIni: hostsIni(3), varsYml: `# ${'x'.repeat(IMPORT_LIMITS.varsYmlBytes)}\n` });
    expect(res.status).toBe(422);
    expect(errorsOf(res.json)).toEqual([{ path: 'vars.yml', message: expect.stringContaining('KiB') }]);
  });
});
