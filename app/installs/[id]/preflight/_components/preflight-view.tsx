'use client';
/**
 * The preflight page: "Check hosts" (all) and per-host re-runs, the live host × check matrix, the
 * summary, the host key panel, and the install gate (no failures; warnings acknowledged: InstallPanel).
 * It shows the install's latest picture (GET …/preflight/latest): a re-check of one host updates
 * that host and keeps the others; live results stream from the newest run.
 */
import { useCallback, useEffect, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '@/components/api';
import type { HostKeyView, ShownHostKey, SkippedHostKey } from '@/lib/api/preflight';
import type { PreflightRunView } from '@/lib/api/preflight';
import { CheckMatrix } from './check-matrix';
import { HostKeyPanel } from './host-key-panel';
import { InstallPanel } from './install-panel';
import { applyResult, summaryLine } from './run-state';
import { usePreflightStream } from './use-preflight-stream';

export function PreflightView({ installId, installName }: { installId: string; installName: string | null }) {
  const [view, setView] = useState<PreflightRunView | null>(null);
  const [loading, setLoading] = useState(true);
  const [starting, setStarting] = useState(false);
  const [keys, setKeys] = useState<HostKeyView[]>([]);
  const [trusting, setTrusting] = useState<string>();
  const [skipped, setSkipped] = useState<SkippedHostKey[]>([]);
  const [acknowledged, setAcknowledged] = useState(false);
  // "Trust new keys" holds for the next check only: the operator chooses it each time
  const [trustNewKeys, setTrustNewKeys] = useState(false);
  const [loadError, setLoadError] = useState<string>();

  const loadKeys = useCallback(async () => {
    const r = await api('GET /api/installs/:id/host-keys', { params: { id: installId } });
    if (r.ok) setKeys(r.data);
  }, [installId]);

  // The latest picture: the newest full check with later re-checks of some hosts applied.
  const loadLatest = useCallback(async () => {
    const r = await api('GET /api/installs/:id/preflight/latest', { params: { id: installId } });
    if (r.ok) setView(r.data);
    else setLoadError(r.message);
    return r.ok;
  }, [installId]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const r = await api('GET /api/installs/:id/preflight/latest', { params: { id: installId } });
      if (cancelled) return;
      if (r.ok) setView(r.data);
      else setLoadError(r.message);
      setLoading(false);
      await loadKeys();
    })();
    return () => {
      cancelled = true;
    };
  }, [installId, loadKeys]);

  const liveRunId = view?.status === 'running' ? view.runId : undefined;
  const stream = usePreflightStream(liveRunId, view?.lastSeq ?? 0, {
    // one update per batch (the stream hands over at most one per animation frame): with 100 hosts
    // ~1,700 results arrive in a few seconds (bench/preflight-page.ts)
    onResults: (events) => setView((v) => (v ? events.reduce((acc, e) => (e.runId === acc.runId ? applyResult(acc, e) : acc), v) : v)),
    onStatus: (status) => {
      if (liveRunId) setView((v) => (v && v.runId === liveRunId ? { ...v, status } : v));
      if (status !== 'running') {
        void loadKeys();
        // a re-check of some hosts: the picture's status is the worst over every host, not the run's
        if (view?.combined) void loadLatest();
      }
    },
  });

  const start = async (hosts?: string[]) => {
    setStarting(true);
    setAcknowledged(false);
    const r = await api('POST /api/installs/:id/preflight', {
      params: { id: installId },
      body: { ...(hosts ? { hosts } : {}), ...(trustNewKeys ? { trustNewKeys: true } : {}) },
    });
    setTrustNewKeys(false);
    if (r.ok) {
      // the latest picture, not the new run alone: re-checking one host keeps the others; a run
      // that only fetched keys may be over already (no live status then): the keys it recorded too
      await loadLatest();
      await loadKeys();
    } else {
      notifications.show({ color: 'red', title: 'Could not start the checks', message: r.errors[0]?.message ?? r.message });
    }
    setStarting(false);
  };

  const trust = async ({ host, fingerprint, address }: ShownHostKey) => {
    setTrusting(host);
    const r = await api('POST /api/installs/:id/host-keys/trust', { params: { id: installId }, body: { host, fingerprint, ...(address ? { address } : {}) } });
    if (!r.ok) notifications.show({ color: 'red', title: `Could not trust the key of ${host}`, message: r.message });
    await loadKeys();
    setTrusting(undefined);
  };

  const trustAllNew = async (shown: ShownHostKey[]) => {
    setTrusting('*');
    setSkipped([]);
    const r = await api('POST /api/installs/:id/host-keys/trust', { params: { id: installId }, body: { keys: shown } });
    // {keys} is answered with what was trusted and skipped (lib/api/routes.ts)
    const result = r.ok && 'keys' in r.data ? r.data : null;
    if (result) {
      setKeys(result.keys);
      setSkipped(result.skipped);
      if (result.trusted.length > 0) notifications.show({ color: 'teal', title: 'Host keys trusted', message: result.trusted.join(', ') });
    } else {
      notifications.show({
        color: 'red',
        title: 'Could not trust the new keys',
        message: r.ok ? 'the server answered with one key instead of the list' : r.message,
      });
      await loadKeys();
    }
    setTrusting(undefined);
  };

  const running = view?.status === 'running' || starting;

  return (
    <Stack gap="md" p="md">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {installName ? `Host checks: ${installName}` : 'Host checks'}
          </Title>
          <Text c="dimmed" size="sm">
            Nothing is changed on the hosts: every check only reads.
          </Text>
        </Stack>
        <Group>
          <Anchor component={Link} href={`/installs/${installId}`} size="sm">
            Back to the wizard
          </Anchor>
          <Checkbox
            label="Trust new keys"
            description="log in to hosts seen for the first time and trust their keys; without it the first check only fetches each key for you to compare"
            checked={trustNewKeys}
            onChange={(e) => setTrustNewKeys(e.currentTarget.checked)}
            disabled={running}
            maw={320}
          />
          <Button onClick={() => void start()} loading={running} aria-label="Check hosts">
            Check hosts
          </Button>
        </Group>
      </Group>
      {loadError && (
        <Alert color="red" title="Could not load the last results">
          {loadError}
        </Alert>
      )}
      {stream.error && running && <Alert color="yellow">{stream.error}</Alert>}
      {loading && <Loader aria-label="Loading" />}
      {!loading && !view && (
        <Text>
          No checks have run yet. Click "Check hosts" to test SSH, sudo and every requirement of the docs on each host. A host seen for the first time is only
          asked for its host key (nothing is sent to it): compare the fingerprint, trust it below, and check again.
        </Text>
      )}
      {view && (
        <>
          <Paper withBorder p="sm" role="status" aria-live="polite">
            <Group gap="xs">
              {view.status === 'running' && <Loader size="xs" />}
              <Text fw={600} data-testid="preflight-summary">
                {summaryLine(view)}
              </Text>
            </Group>
          </Paper>
          <CheckMatrix installId={installId} view={view} keys={keys} onRerunHost={(h) => void start([h])} onTrust={(k) => void trust(k)} busy={running} />
        </>
      )}
      <HostKeyPanel
        keys={keys}
        onTrust={(k) => void trust(k)}
        onTrustAllNew={(shown) => void trustAllNew(shown)}
        busyHost={trusting}
        skipped={skipped}
        onDismissSkipped={() => setSkipped([])}
      />
      {view && <InstallPanel installId={installId} view={view} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />}
    </Stack>
  );
}
