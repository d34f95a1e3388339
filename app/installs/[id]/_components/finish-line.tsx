'use client';
/**
 * The finish line of an installed install (GET /api/installs/:id/finish): the console address as the
 * installer prints it, the default account and that it must be changed, the kubeconfig download
 * (served by the wizard from its sealed copy, read from the first master), and the next steps.
 * Renders nothing until the install is installed.
 */
import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { api } from '@/components/api';
import type { FinishView } from '@/lib/api/cluster';

export function FinishLine({ installId, refreshKey }: { installId: string; refreshKey?: string }) {
  const [view, setView] = useState<FinishView | null>(null);

  // The runner reads the kubeconfig right after the install completes: while none is stored, ask
  // again a few times, so the page says where it came from once it has it.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (tries: number) => {
      const r = await api('GET /api/installs/:id/finish', { params: { id: installId } });
      if (cancelled || !r.ok) return;
      setView(r.data);
      if (r.data.installed && !r.data.kubeconfig.stored && tries > 0) timer = setTimeout(() => void load(tries - 1), 2000);
    };
    void load(15);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [installId, refreshKey]);

  if (!view?.installed) return null;
  const kubeconfigHref = `/api/installs/${encodeURIComponent(installId)}/kubeconfig`;
  return (
    <Paper withBorder p="md" data-testid="finish-line" aria-labelledby="finish-line-title">
      <Stack gap="sm">
        <Title order={3} id="finish-line-title">
          Your cluster is installed
        </Title>
        {view.console ? (
          <Text size="sm">
            KubeSphere console:{' '}
            <Anchor href={view.console.url} target="_blank" rel="noreferrer" fw={600} data-testid="console-url">
              {view.console.url}
            </Anchor>
            {view.console.alternative ? (
              <>
                {' '}
                (or{' '}
                <Anchor href={view.console.alternative} target="_blank" rel="noreferrer">
                  {view.console.alternative}
                </Anchor>{' '}
                from where the wizard reaches the host)
              </>
            ) : null}
          </Text>
        ) : null}
        <Alert color="yellow" title="Change the default password" data-testid="default-account">
          The installer created the account <Code>{view.account.user}</Code> with the password <Code>{view.account.password}</Code>. Everyone who has read the
          KubeSphere docs knows it: log in and change it before anything else.
        </Alert>
        <Group gap="sm" align="center">
          <Button component="a" href={kubeconfigHref} download variant="light">
            Download the kubeconfig
          </Button>
          <Text size="xs" c="dimmed" data-testid="kubeconfig-source">
            {view.kubeconfig.stored && view.kubeconfig.from
              ? `Read from ${view.kubeconfig.from} after the install; kept encrypted by the wizard.`
              : 'Read from the first master when you download it; kept encrypted by the wizard.'}
          </Text>
        </Group>
        <div>
          <Text size="sm" fw={600}>
            Next steps
          </Text>
          <List size="sm" type="ordered" spacing={2}>
            {view.nextSteps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </div>
      </Stack>
    </Paper>
  );
}
