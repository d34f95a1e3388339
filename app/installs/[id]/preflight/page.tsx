import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { installNameOf, installPageMetadata } from '../install-page-title';
import { PreflightView } from './_components/preflight-view';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Host checks');
}

export default async function PreflightPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <PreflightView installId={id} installName={await installNameOf(id)} />;
}
