/**
 * POST /api/installs/import with the reference's examples (lib/installer/fixtures): the root and
 * the non-root hosts.ini, a vars.yml as the wizard renders it and one with 2.1 key names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { assertValid } from '@/lib/config/validate';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { getDb } from '@/server/db';
import { resolveSecrets } from '@/server/installs/resolve-secrets';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { GET as getOne } from '../[id]/route';
import { POST } from './route';

useFreshDatabase();

const fixture = (name: string) => fs.readFileSync(path.resolve('lib/installer/fixtures', name), 'utf8');
const seedVarsYml = () => renderVarsYml(assertValid(seedConfig()), { secrets: 'placeholder' });

interface Imported {
  id: string;
  status: string;
  config: { hosts: { name: string; user: string }[] };
  errors: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
}

let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

async function importFiles(body: Record<string, unknown>) {
  return callRoute(POST, { method: 'POST', cookie, body: { name: 'imported', ...body } });
}

describe('POST /api/installs/import', () => {
  it.each([
    ['root example', 'root-example.hosts.ini', 'root'],
    ['non-root example', 'nonroot-example.hosts.ini', 'ubuntu'],
  ])('imports the %s', async (_label, file, user) => {
    const res = await importFiles({ hostsIni: fixture(file), varsYml: seedVarsYml() });
    expect(res.status).toBe(201);
    const body = res.json as Imported;
    expect(body.id).toEqual(expect.any(String));
    expect(body.config.hosts.map((h) => h.name)).toEqual(['master', 'node1', 'node2']);
    expect(body.config.hosts[1]?.user).toBe(user);
    expect(Array.isArray(body.errors)).toBe(true);
    expect(Array.isArray(body.warnings)).toBe(true);
    // the docs' PASSWORD placeholder is not a password: the install stays a draft with the rule errors
    expect(body.status).toBe(body.errors.length > 0 ? 'draft' : 'ready');
    expect((await callRoute(getOne, { cookie, params: { id: body.id } })).status).toBe(200);
    expect(await getDb().node.count({ where: { installId: body.id } })).toBe(3);
  });

  it('imports a vars.yml with 2.1 key names', async () => {
    const res = await importFiles({ hostsIni: fixture('root-example.hosts.ini'), varsYml: fixture('v2.1-snippet.vars.yml') });
    expect(res.status).toBe(201);
  });

  it('encrypts passwords found in hosts.ini and never returns them', async () => {
    const secret = 'Imp0rted-Pa55word';
    const hostsIni = fixture('root-example.hosts.ini').replaceAll('ansible_ssh_pass=PASSWORD', `ansible_ssh_pass=${secret}`);
    const res = await importFiles({ hostsIni, varsYml: seedVarsYml(), installer: { profile: 'lab' } });
    expect(res.status).toBe(201);
    expect(res.text).not.toContain(secret);
    const body = res.json as Imported & { config: { installer: { profile: string } } };
    expect(body.config.installer.profile).toBe('lab');
    const row = await getDb().install.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.configJson).not.toContain(secret);
    const resolved = await resolveSecrets(body.id);
    expect(resolved.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true, value: secret } });
  });

  it('refuses files with errors, pointing at file:line, and saves nothing', async () => {
    const before = await getDb().install.count();
    const res = await importFiles({ hostsIni: '[all]\nnode1 ansible_host=1.2.3.4 ip=1.2.3.4 bogus\n', varsYml: seedVarsYml() });
    expect(res.status).toBe(422);
    const body = res.json as { errors: { path: string; message: string }[]; warnings: unknown[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'hosts.ini:2' }));
    expect(Array.isArray(body.warnings)).toBe(true);
    expect(await getDb().install.count()).toBe(before);
  });

  it('answers 422 when a file is missing from the body', async () => {
    const res = await importFiles({ hostsIni: fixture('root-example.hosts.ini') });
    expect(res.status).toBe(422);
    expect((res.json as { errors: { path: string }[] }).errors[0]?.path).toBe('varsYml');
  });
});
