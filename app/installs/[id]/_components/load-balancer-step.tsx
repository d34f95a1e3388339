'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Alert, Code, List, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { InstallConfig } from '@/lib/config/schema';
import { APISERVER_PORT, defaultExternalLoadBalancer, defaultInternalLoadBalancer } from '@/lib/config/piece-defaults';
import { isValidPort } from '@/lib/config/net';
import { NumberField, TextField } from '@/components/form/fields';
import { IssueList } from '@/components/issue-list';
import { InternalLbFields } from './internal-lb-fields';
import { useWizard } from './wizard-context';

const LB_KINDS = [
  { value: 'none', label: 'None' },
  { value: 'external', label: 'External load balancer' },
  { value: 'internal', label: 'Internal: keepalived + HAProxy on hosts you choose' },
];

function loadBalancerOf(kind: string): InstallConfig['loadBalancer'] {
  if (kind === 'external') return defaultExternalLoadBalancer();
  if (kind === 'internal') return defaultInternalLoadBalancer();
  return { kind: 'none' };
}

/** Mirrors the docs' "Installing HA Master and Etcd Cluster" page, with this install's masters. */
export function LoadBalancerStep() {
  const { control, setValue } = useFormContext<InstallConfig>();
  const lb = useWatch({ control, name: 'loadBalancer' });
  const hosts = useWatch({ control, name: 'hosts' });
  const { errors, warnings } = useWizard();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const masters = hosts.filter((h) => h.roles.master);
  // the listener port as set (never a default standing in for it); the backends are always the apiserver's port
  const listener = lb.kind !== 'none' && isValidPort(lb.port) ? String(lb.port) : null;
  const port = listener ?? 'the port you set below';
  const issues = [...errors.filter((i) => i.step === 'loadBalancer' && i.path === 'loadBalancer'), ...warnings.filter((i) => i.step === 'loadBalancer')];

  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Load balancer
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          With several masters, kube-apiserver, the scheduler and the controller manager run on each of them. A load balancer in front of the masters gives
          kubectl, the workers and KubeSphere one stable address and keeps the cluster reachable when a master is down.
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{lb.kind === 'internal' ? 'What the wizard builds (before the cluster)' : 'What to create (before installing)'}</Text>
          <List size="sm" spacing={4}>
            <List.Item>
              A load balancer in the hosts&apos; private network, with a <b>TCP</b> listener on port <b data-testid="lb-listener-port">{port}</b> and{' '}
              <b>round-robin</b> (poll) balancing.
            </List.Item>
            <List.Item>
              Backends: every master on port <b>{APISERVER_PORT}</b> (kube-apiserver, whatever the listener port):{' '}
              {masters.length === 0 ? (
                <Text span c="dimmed" size="sm">
                  mark the masters on the Roles step first
                </Text>
              ) : (
                masters.map((m, i) => (
                  <span key={`${m.name}-${i}`}>
                    {i > 0 && ', '}
                    <Code>{`${m.ip || m.address || '?'}:${APISERVER_PORT}`}</Code> ({m.name || 'unnamed'})
                  </span>
                ))
              )}
            </List.Item>
            <List.Item>
              Open port {port} in the load balancer&apos;s firewall / security group, or the installation fails: the hosts must reach it. The load balancer must
              not be one of the masters itself: its address would be that master&apos;s own.
            </List.Item>
            <List.Item>
              Until KubeSphere is installed the backends show as <b>unavailable</b>: nothing listens on {APISERVER_PORT} yet. That is expected; they turn active
              once kube-apiserver runs.
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            No cloud load balancer? Choose <b>Internal</b> below: the wizard sets up keepalived + HAProxy on two or more machines you choose (a virtual IP
            listening on TCP {port} and forwarding to the masters&apos; {APISERVER_PORT}) before it installs the cluster.
          </Text>
        </Stack>
      </Paper>
      <div>
        <Text size="sm" fw={500} mb={4} id="lb-kind-label">
          Load balancer
        </Text>
        <SegmentedControl
          aria-labelledby="lb-kind-label"
          // the internal choice's label is long: stacked on a phone, so the page never scrolls sideways
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          data={LB_KINDS}
          value={lb.kind}
          onChange={(kind) => setValue('loadBalancer', loadBalancerOf(kind), { shouldDirty: true, shouldValidate: true })}
        />
      </div>
      {lb.kind === 'internal' ? (
        <InternalLbFields />
      ) : lb.kind === 'external' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField name="loadBalancer.address" label="Address" description="IPv4 (or VIP) of the load balancer" placeholder="192.168.0.10" />
          {/* no clamping: a port above 65535 stays as typed and the rule reports it, never a silent change */}
          <NumberField
            name="loadBalancer.port"
            label="Port"
            description="The listener port (6443 unless you chose another)"
            min={1}
            max={65535}
            clampBehavior="none"
          />
          <TextField name="loadBalancer.domain" label="Domain" description="Internal name of the API endpoint" />
        </SimpleGrid>
      ) : (
        <Alert color="gray" variant="light">
          Without a load balancer, each worker reaches the masters through a local nginx proxy; fine for one master, but clients get no single stable endpoint.
        </Alert>
      )}
      <IssueList issues={issues} />
    </Stack>
  );
}
