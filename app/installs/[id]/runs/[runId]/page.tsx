import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { installNameOf, installPageMetadata } from '../../install-page-title';
import { RunPage } from './_components/run-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string; runId: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install run');
}

export default async function InstallRunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  await requirePageSession();
  const { id, runId } = await params;
  return <RunPage installId={id} runId={runId} installName={await installNameOf(id)} />;
}
