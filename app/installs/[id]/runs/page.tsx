import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { RunHistory } from './_components/run-history';

export const metadata: Metadata = { title: 'Install runs · ks-wizard' };

export default async function InstallRunsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <RunHistory installId={id} />;
}
