import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { InstallsView } from './_components/installs-view';

export const metadata: Metadata = { title: 'Installs · ks-wizard' };

export default async function InstallsPage() {
  await requirePageSession();
  return <InstallsView />;
}
