import type { Metadata } from 'next';
import { SetupForm } from './_components/setup-form';

export const metadata: Metadata = { title: 'First run · ks-wizard' };

export default function SetupPage() {
  return <SetupForm />;
}
