'use client';
/**
 * The install gate on the preflight page: it renders the server's answer (GET
 * /api/installs/:id/install-gate, read for the shown check when it starts and ends, and after a
 * refusal; decided by server/install-gate/decide-install-gate.ts) and computes none of it. The
 * warnings acknowledgement, shown when the answer has warnings to read (the checks' own, and hosts
 * that another install has already run on, listed); a collapsed "Advanced" section (extra vars,
 * key=value per line: e.g. the lab's `lab_fail_at=kubesphere:lab2`); and "Install", enabled when the
 * answer is yes, or yes once acknowledged and the box is ticked; otherwise the answer's reason is
 * shown next to the button. Install POSTs /api/installs/:id/runs (the server applies the gate
 * again) and opens the new run; a refusal's message is shown as the server wrote it, with a link to
 * the run it names.
 */
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert, Anchor, Button, Checkbox, Collapse, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { api } from '@/components/api';
import { RefusalAlert, type Refusal } from '@/components/refusal-alert';
import type { InstallGateView } from '@/lib/api/runs';
import { parseExtraVarsText } from '@/lib/runs/extra-vars';
import type { PreflightRunView } from '@/lib/api/preflight';

/** Refusals that say this check no longer stands (shown in red); the others say what to do next. */
const STALE_CODES = new Set<InstallGateView['code']>(['secrets-held', 'hosts-changed', 'login-changed', 'installer-bundle']);

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
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [serverGate, setServerGate] = useState<InstallGateView | null>(null);
  const [gateReads, setGateReads] = useState(0);

  const finished = view.status !== 'running';
  useEffect(() => {
    let cancelled = false;
    void api('GET /api/installs/:id/install-gate', { params: { id: installId } }).then((r) => {
      if (!cancelled && r.ok) setServerGate(r.data);
    });
    return () => {
      cancelled = true;
    };
  }, [installId, view.runId, finished, gateReads]);

  // the answer for the check shown, in the state shown (a running check's answer is re-read when it ends)
  const gate = serverGate !== null && serverGate.preflightRunId === view.runId && (serverGate.preflightStatus === 'running') === !finished ? serverGate : null;
  const open = gate !== null && (gate.ok || (gate.okWhenAcknowledged && acknowledged));
  const reason = gate === null || open ? null : gate.okWhenAcknowledged ? 'Acknowledge the warnings to continue.' : gate.message;
  const stale = gate !== null && STALE_CODES.has(gate.code);
  const crossInstall = gate?.crossInstall ?? [];
  const parsed = parseExtraVarsText(extraText);
  const canInstall = open && parsed.ok && !busy;

  const install = async () => {
    if (!parsed.ok) return;
    setBusy(true);
    setRefusal(null);
    const body = { acknowledgeWarnings: acknowledged, ...(Object.keys(parsed.vars).length > 0 ? { extraVars: parsed.vars } : {}) };
    const r = await api('POST /api/installs/:id/runs', { params: { id: installId }, body });
    if (r.ok) {
      router.push(`/installs/${encodeURIComponent(installId)}/runs/${encodeURIComponent(r.data.runId)}`);
      return; // stays busy until the run page replaces this one
    }
    setBusy(false);
    setGateReads((n) => n + 1);
    setRefusal({ message: r.errors.length > 0 ? r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n') : r.message, run: r.run });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        {crossInstall.length > 0 && (
          <Alert color="yellow" title="Hosts of another install" data-testid="install-cross-install">
            <Stack gap={4}>
              {crossInstall.map((m) => (
                <Text size="sm" key={m}>
                  {m}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {gate?.code === 'secrets-held' && gate.heldSecrets.length > 0 && (
          <Alert color="yellow" title="Stored logins to confirm" data-testid="install-held-secrets">
            <Stack gap={4}>
              {gate.heldSecrets.map((h) => (
                <Group key={h.path} gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm">{h.message}</Text>
                  <Anchor component={Link} size="sm" href={`/installs/${encodeURIComponent(installId)}?goto=${encodeURIComponent(h.path)}`}>
                    Go to
                  </Anchor>
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
        {gate?.needsAcknowledgement && (
          <Checkbox
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.currentTarget.checked)}
            label="I have read the warnings and want to install anyway"
          />
        )}
        <Group>
          <Button onClick={() => void install()} disabled={!canInstall} loading={busy}>
            Install
          </Button>
          {reason && (
            <Text size="sm" c={stale ? 'red' : 'dimmed'} data-testid="install-gate-reason">
              {reason}
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
        {refusal && <RefusalAlert title="The install did not start" refusal={refusal} />}
      </Stack>
    </Paper>
  );
}
