import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { NotFoundError } from '@/server/http/errors';
import { clusterEditState } from '@/server/installs/cluster-edit-state';
import { getInstall } from '@/server/installs/get-install';
import { wizardCheck } from '@/lib/config/wizard-check';
import { installPageMetadata } from './install-page-title';
import { InstallNotFound } from './_components/install-not-found';
import { Wizard } from './_components/wizard';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install wizard');
}

/**
 * The install is read and judged here, on the server, so the wizard arrives rendered with its
 * issues (no fetch after load, and no rules to load before the first interaction).
 */
export default async function InstallPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  const install = await getInstall(id).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (!install) return <InstallNotFound />;
  const cluster = await clusterEditState(id);
  return <Wizard install={install} cluster={cluster} check={await wizardCheck(install.config, cluster.members)} />;
}
