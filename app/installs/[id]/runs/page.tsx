import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { listRuns } from '@/server/runner/run-view';
import { installNameOf, installPageMetadata } from '../install-page-title';
import { RunHistory } from './_components/run-history';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install runs');
}

export default async function InstallRunsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  const installName = await installNameOf(id);
  // read here so the list arrives rendered; for an unknown install the client's fetch gives the 404's words
  return <RunHistory installId={id} installName={installName} initial={installName === null ? null : await listRuns(id)} />;
}
