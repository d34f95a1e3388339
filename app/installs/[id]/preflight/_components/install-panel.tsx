'use client';
/**
 * The install gate on the preflight page: the warnings acknowledgement, a collapsed "Advanced"
 * section (extra vars, key=value per line: e.g. the lab's `lab_fail_at=kubesphere:lab2`), and
 * "Install", enabled only when canStartInstall(result, acknowledged). It POSTs
 * /api/installs/:id/runs (the server applies the same gate, and more: hosts unchanged since the
 * check) and opens the new run; a refusal's message is shown as the server wrote it.
 */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert, Button, Checkbox, Collapse, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { api } from '@/components/api';
import { canStartInstall, installGate } from '@/server/preflight/gate';
import { parseExtraVarsText } from '@/server/runner/extra-vars';
import type { PreflightRunView } from '@/server/preflight/view';

interface Props {
  installId: string;
  view: PreflightRunView;
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}

export function InstallPanel({ installId, view, acknowledged, onAcknowledge }: Props) {
  const router = useRouter();
  const [advanced, setAdvanced] = useState(false);
  const [extraText, setExtraText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const gate = installGate(view, acknowledged);
  const parsed = parseExtraVarsText(extraText);
  const canInstall = canStartInstall(view, acknowledged) && parsed.ok && !busy;

  const install = async () => {
    if (!parsed.ok) return;
    setBusy(true);
    setRefusal(null);
    const body = { acknowledgeWarnings: acknowledged, ...(Object.keys(parsed.vars).length > 0 ? { extraVars: parsed.vars } : {}) };
    const r = await api<{ runId: string }>('POST', `/api/installs/${encodeURIComponent(installId)}/runs`, body);
    if (r.ok) {
      router.push(`/installs/${encodeURIComponent(installId)}/runs/${encodeURIComponent(r.data.runId)}`);
      return; // stays busy until the run page replaces this one
    }
    setBusy(false);
    setRefusal(r.errors.length > 0 ? r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n') : r.message);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        {view.status === 'warned' && (
          <Checkbox checked={acknowledged} onChange={(e) => onAcknowledge(e.currentTarget.checked)} label="I have read the warnings and want to install anyway" />
        )}
        <Group>
          <Button onClick={() => void install()} disabled={!canInstall} loading={busy}>
            Install
          </Button>
          {!gate.ok && (
            <Text size="sm" c="dimmed">
              {gate.reason}
            </Text>
          )}
          <Button variant="subtle" size="xs" onClick={() => setAdvanced((o) => !o)} aria-expanded={advanced} aria-controls="install-advanced">
            Advanced {advanced ? '▴' : '▾'}
          </Button>
        </Group>
        <Collapse expanded={advanced} id="install-advanced">
          <Textarea
            label="Extra vars"
            description="key=value, one per line, passed to every stage (e.g. lab_fail_at=kubesphere:lab2 makes the lab bundle fail once). Never credentials: set those on the hosts."
            placeholder="lab_fail_at=kubesphere:lab2"
            autosize
            minRows={2}
            value={extraText}
            onChange={(e) => setExtraText(e.currentTarget.value)}
            error={parsed.ok ? undefined : parsed.error}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Collapse>
        {refusal && (
          <Alert color="red" title="The install did not start" role="alert" style={{ whiteSpace: 'pre-line' }}>
            {refusal}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
