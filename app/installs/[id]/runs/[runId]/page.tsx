import type { Metadata } from 'next';
import { requirePageSession } from '@/server/auth/page-guard';
import { runLabelOf } from '@/server/runner/run-refusal';
import { getRunView } from '@/server/runner/run-view';
import { installNameOf } from '../../install-page-title';
import { RunPage } from './_components/run-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string; runId: string }> }): Promise<Metadata> {
  const { id, runId } = await params;
  const name = await installNameOf(id); // checks the session first
  const label = await runLabelOf(id, runId);
  return { title: name ? `${name} · ${label} · ks-wizard` : `${label} · ks-wizard` };
}

export default async function InstallRunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  await requirePageSession();
  const { id, runId } = await params;
  // read here so the run arrives rendered (its log lines still come over the live stream)
  const view = await getRunView(runId);
  return <RunPage installId={id} runId={runId} installName={await installNameOf(id)} initialView={view?.installId === id ? view : null} />;
}
