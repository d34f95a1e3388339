import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { NotFoundError } from '@/server/http/errors';
import { clusterEditState } from '@/server/installs/cluster-edit-state';
import { getInstall } from '@/server/installs/get-install';
import { installPageMetadata } from './install-page-title';
import { InstallNotFound } from './_components/install-not-found';
import { Wizard } from './_components/wizard';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install wizard');
}

/** The install is read here, on the server, so the wizard arrives rendered (no fetch after load). */
export default async function InstallPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  const install = await getInstall(id).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  return install ? <Wizard install={install} cluster={await clusterEditState(id)} /> : <InstallNotFound />;
}
