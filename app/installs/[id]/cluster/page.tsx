import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { installNameOf, installPageMetadata } from '../install-page-title';
import { ClusterPage } from './_components/cluster-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Cluster');
}

export default async function InstallClusterPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <ClusterPage installId={id} installName={await installNameOf(id)} />;
}
