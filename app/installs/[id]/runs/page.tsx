import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { installNameOf, installPageMetadata } from '../install-page-title';
import { RunHistory } from './_components/run-history';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install runs');
}

export default async function InstallRunsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <RunHistory installId={id} installName={await installNameOf(id)} />;
}
