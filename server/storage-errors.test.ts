import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import { GET as list, POST as create } from '@/app/api/installs/route';
import { adminCookie, callRoute } from './test-support/api-client';
import { useFreshDatabase } from './test-support/fresh-db';
import { getDb } from './db';
import { describeStorageError, storageProblemOf } from './storage-errors';

useFreshDatabase();

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('storage errors', () => {
  it('recognises a real ENOSPC (writing to /dev/full), also as the cause of another error', () => {
    const enospc = errorOf(() => fs.writeFileSync('/dev/full', 'x'));
    expect(storageProblemOf(enospc)).toBe('full');
    expect(storageProblemOf(new Error('cannot prepare the run', { cause: enospc }))).toBe('full');
    expect(describeStorageError(enospc)).toMatch(/^The disk holding the wizard's data directory \/.+ is full\. Free space there/);
    expect(storageProblemOf(errorOf(() => fs.writeFileSync('/proc/version', 'x')))).toBeUndefined(); // EACCES/EIO: not storage
    expect(storageProblemOf(new Error('timeout'))).toBeUndefined();
  });

  it('a full SQLite database answers 507 with what to do, and nothing is saved', async () => {
    const cookie = await adminCookie();
    const db = getDb();
    const before = await db.install.count();
    // no free pages left to reuse (a migration that drops an index leaves some): the file must grow
    await db.$executeRawUnsafe('VACUUM');
    const [{ page_count: pages }] = await db.$queryRawUnsafe<{ page_count: bigint }[]>('PRAGMA page_count');
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
    try {
      const res = await callRoute(create, { method: 'POST', cookie, body: { name: 'on a full disk', config: seedConfig() } });
      expect(res.status).toBe(507);
      expect((res.json as { error: string }).error).toMatch(/is full\. Free space there.*Nothing of this request was saved\.$/);
      expect(await db.install.count()).toBe(before);
    } finally {
      await db.$queryRawUnsafe('PRAGMA max_page_count = 1073741823');
    }
    expect((await callRoute(list, { cookie })).status).toBe(200);
  });
});
