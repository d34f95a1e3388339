import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { WizardLoader } from './_components/wizard-loader';

export const metadata: Metadata = { title: 'Install wizard · ks-wizard' };

export default async function InstallPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <WizardLoader id={id} />;
}
