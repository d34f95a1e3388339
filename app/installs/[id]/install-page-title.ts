/**
 * The install's name for the pages under /installs/[id]: their document title and heading name the
 * install they belong to. Read only after the session check, so a visitor without a session never
 * learns an install's name from a title.
 */
import { cache } from 'react';
import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { requirePageSession } from '@/server/auth/page-guard';

/** null for an unknown id (the page itself says so). Cached per request: title and page share one read. */
export const installNameOf = cache(async (id: string): Promise<string | null> => {
  await requirePageSession();
  const row = await getDb().install.findUnique({ where: { id }, select: { name: true } });
  return row?.name ?? null;
});

/** e.g. "seed-ha · Host checks · ks-wizard" */
export async function installPageMetadata(id: string, page: string): Promise<Metadata> {
  const name = await installNameOf(id);
  return { title: name ? `${name} · ${page} · ks-wizard` : `${page} · ks-wizard` };
}
