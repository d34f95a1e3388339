'use client';
/**
 * The run page: the install's progress (its run chain, not this run alone), where the install
 * stands, stage timeline, host × stage matrix, pinned first-error cards, the retries that continue
 * it (finish first, each saying what it runs), re-run / cancel, and the virtualised live log. All live data comes from one
 * socket (useRunStream); actions go through the runs API and navigate to the new run.
 */
import { useEffect, useMemo, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import dynamic from 'next/dynamic';
import { Alert, Anchor, Badge, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { api, type ApiResult } from '@/components/api';
import { RefusalAlert, type Refusal } from '@/components/refusal-alert';
import { LogViewer } from '@/components/log-viewer/log-viewer';
import { FLAG_PHASE } from '@/components/log-viewer/line-store';
import { DeferredMenu } from '@/components/deferred-menu';
import { CancelRunButton } from './cancel-run-button';
import { FinishLine } from '../../../_components/finish-line';
import { ChainBanner, RetryActions } from './chain-panel';
import { ErrorCards } from './error-cards';
import { HostMatrix } from './host-matrix';
import { StageTimeline } from './stage-timeline';
import { statusColor } from '@/lib/status-colors';
import type { RunView } from '@/lib/api/runs';

// shown only when the operator abandons a failed add: its code loads then
const OperationModal = dynamic(() => import('../../../cluster/_components/operation-modal').then((m) => m.OperationModal), { ssr: false });
import { useRunStream } from './use-run-stream';

function lastPhase(stream: ReturnType<typeof useRunStream>): string | null {
  const s = stream.store;
  for (let i = s.length - 1, n = 0; i >= 0 && n < 5000; i--, n++) if (s.flagsOf(i) & FLAG_PHASE) return (s.texts[i] ?? '').replace(/^phase: /, '');
  return null;
}

/** `initialView`: the run as the server rendered it (null: unknown run, the client's fetch says so). */
export function RunPage({
  installId,
  runId,
  installName,
  initialView,
}: {
  installId: string;
  runId: string;
  installName: string | null;
  initialView: RunView | null;
}) {
  const router = useRouter();
  const stream = useRunStream(runId, initialView);
  const { view } = stream;
  // running times are written in the browser's clock, after hydration (the server's differs)
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => setNow(Date.now()), []);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [abandoning, setAbandoning] = useState(false);

  useEffect(() => {
    if (view?.status !== 'running' && view?.status !== 'queued') return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [view?.status]);

  const progress = useMemo(() => {
    if (!view) return 0;
    // the install's progress over its chain: a retry that succeeded is not a finished install
    if (view.chain) return view.chain.progress.total === 0 ? 0 : Math.round((view.chain.progress.done / view.chain.progress.total) * 100);
    const weights = view.stages.map((s) => Math.max(1, s.hosts.length));
    const total = weights.reduce((a, b) => a + b, 0);
    let done = 0;
    view.stages.forEach((s, i) => {
      if (s.status === 'succeeded') done += weights[i] ?? 0;
      else if (s.status === 'running') done += s.hosts.filter((h) => h.status !== 'queued' && h.status !== 'running').length;
    });
    return total === 0 ? 0 : Math.round((done / total) * 100);
  }, [view]);

  const act = async (call: () => Promise<ApiResult<{ runId?: string; status?: string }>>) => {
    setBusy(true);
    setRefusal(null);
    const r = await call();
    setBusy(false);
    if (!r.ok) {
      setRefusal({ message: r.message, run: r.run });
      return;
    }
    if (r.data.runId) router.push(`/installs/${installId}/runs/${r.data.runId}`);
    else stream.reload();
  };

  if (stream.error && !view) return <Alert color="red">{stream.error}</Alert>;
  if (!view) return <Loader />;

  const active = view.status === 'queued' || view.status === 'running';
  const everyHost = view.chain ? (view.chain.scope.length > 1 ? `all ${view.chain.scope.length} hosts` : view.chain.scope.join(', ')) : 'its hosts';
  const phase = view.status === 'running' ? lastPhase(stream) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h3">
            {installName ? `${view.label} of ${installName}` : view.label}
          </Title>
          <Badge color={statusColor('run', view.status)} size="lg" data-testid="run-status">
            {view.status}
          </Badge>
          {view.parentRunId ? (
            <Anchor component={Link} href={`/installs/${installId}/runs/${view.parentRunId}`} size="sm">
              continues {view.parentLabel ?? 'an earlier run'}
            </Anchor>
          ) : null}
        </Group>
        <Group gap="xs">
          {active ? (
            <CancelRunButton busy={busy} onCancel={() => void act(() => api('POST /api/runs/:id/cancel', { params: { id: runId }, body: {} }))} />
          ) : null}
          {!active && view.abandon.length > 0 ? (
            <Button color="red" variant="outline" onClick={() => setAbandoning(true)}>
              Abandon the add…
            </Button>
          ) : null}
          {!active && view.operation === 'install' ? (
            <DeferredMenu
              position="bottom"
              target={
                <Button variant="default" loading={busy}>
                  Re-run one stage…
                </Button>
              }
              entries={view.stages.map((s) => ({
                label: `${s.label} ${s.hosts.length > 0 ? `on ${everyHost}` : ''}`,
                onClick: () => act(() => api('POST /api/runs/:id/retry', { params: { id: runId }, body: { mode: 'stage', stage: s.name } })),
              }))}
            />
          ) : null}
          <Anchor component={Link} href={`/installs/${installId}/runs`} size="sm">
            History
          </Anchor>
          <Anchor component={Link} href={`/installs/${installId}/preflight`} size="sm">
            Host checks
          </Anchor>
          <Anchor component={Link} href={`/installs/${installId}`} size="sm">
            Back to the wizard
          </Anchor>
        </Group>
      </Group>
      <Progress value={progress} animated={active} aria-label="Install progress" data-testid="install-progress" data-value={progress} />
      {view.error && view.status !== 'succeeded' ? (
        <Text c="red" size="sm">
          {view.error}
        </Text>
      ) : null}
      {refusal ? <RefusalAlert title="Not started" refusal={refusal} /> : null}
      <ChainBanner view={view} />
      {view.chain?.complete && !active ? <FinishLine installId={installId} refreshKey={`${view.id}:${view.status}`} /> : null}
      <RetryActions
        actions={view.actions}
        busy={busy}
        onRetry={(mode) => act(() => api('POST /api/runs/:id/retry', { params: { id: runId }, body: { mode } }))}
      />
      {abandoning ? (
        // Abandon = remove-node on the hosts the failed add left half-added; they leave the config when it succeeds
        <OperationModal
          installId={installId}
          ask={{ kind: 'remove-node', hosts: view.abandon }}
          onClose={() => setAbandoning(false)}
          onStarted={(id) => router.push(`/installs/${installId}/runs/${id}`)}
        />
      ) : null}
      <ErrorCards stages={view.stages} />
      <StageTimeline stages={view.stages} phase={phase} now={now} />
      <HostMatrix stages={view.stages} />
      <LogViewer store={stream.store} version={stream.version} downloadHref={`/api/runs/${runId}/log?after=0&download=1`} />
      <Text size="xs" c="dimmed">
        {stream.connected ? `live (${stream.transport})` : 'reconnecting…'}
      </Text>
    </Stack>
  );
}
