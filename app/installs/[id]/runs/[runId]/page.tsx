import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { RunPage } from './_components/run-page';

export const metadata: Metadata = { title: 'Install run · ks-wizard' };

export default async function InstallRunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  await requirePageSession();
  const { id, runId } = await params;
  return <RunPage installId={id} runId={runId} />;
}
