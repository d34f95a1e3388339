import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { listInstalls } from '@/server/installs/list-installs';
import { InstallsView } from './_components/installs-view';

export const metadata: Metadata = { title: 'Installs · ks-wizard' };

/** The list is read here, on the server, so it arrives rendered (no fetch after load). */
export default async function InstallsPage() {
  await requirePageSession();
  return <InstallsView initial={await listInstalls()} />;
}
