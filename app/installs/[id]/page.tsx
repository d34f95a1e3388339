import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { installPageMetadata } from './install-page-title';
import { WizardLoader } from './_components/wizard-loader';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return installPageMetadata((await params).id, 'Install wizard');
}

export default async function InstallPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <WizardLoader id={id} />;
}
