import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { PreflightView } from './_components/preflight-view';

export const metadata: Metadata = { title: 'Host checks · ks-wizard' };

export default async function PreflightPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <PreflightView installId={id} />;
}
