'use client';

import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { NETWORK_PLUGINS, PROXY_MODES } from '@/lib/config/schema';
import { LinesField, NumberField, SelectField, SwitchField, TextField } from '@/components/form/fields';
import { IssueList } from '@/components/issue-list';
import { InstallerCard } from './installer-card';
import { OptionsFields } from './options-fields';
import { useWizard } from './wizard-context';

const opt = (v: string) => ({ value: v, label: v });

export function NetworkStep() {
  const { warnings } = useWizard();
  return (
    <Stack>
      <div>
        <Title order={2} size="h3">Network &amp; options</Title>
        <Text size="sm" c="dimmed">
          The defaults are the installer&apos;s own; change only what you need.
        </Text>
      </div>
      <IssueList issues={warnings.filter((w) => w.step === 'network')} />
      <Card withBorder>
        <Text fw={600} mb="sm">
          Cluster network
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField name="clusterName" label="Cluster name" />
          <SelectField name="network.plugin" label="Network plugin" data={NETWORK_PLUGINS.map(opt)} />
          <SelectField name="network.proxyMode" label="kube-proxy mode" data={PROXY_MODES.map(opt)} />
          <TextField name="network.serviceCidr" label="Service CIDR" description="Must not overlap the pods, the hosts or the LB" />
          <TextField name="network.podCidr" label="Pod CIDR" />
          <NumberField name="network.maxPods" label="Max pods per node" min={1} />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          Console and images
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField name="options.console.port" label="Console port" description="NodePort 30000–32767, not 30180/30280/30380" min={30000} max={32767} />
          <SwitchField name="options.console.disableMultiLogin" label="Disable multiple logins per account" />
          <SelectField name="options.imagePullPolicy" label="Image pull policy" data={['IfNotPresent', 'Always', 'Never'].map(opt)} />
        </SimpleGrid>
        <div style={{ marginTop: 12 }}>
          <LinesField name="options.registryMirrors" label="Registry mirrors" description="One http(s) URL per line; empty = Docker Hub" placeholder="https://mirror.example.com" />
        </div>
      </Card>
      <OptionsFields />
      <InstallerCard />
    </Stack>
  );
}
