'use client';

import { Card, Stack, Text, Title } from '@mantine/core';
import { TextField } from '@/components/form/fields';
import { IssueList } from '@/components/issue-list';
import { FORM_GROUPS } from '@/lib/config/fields/form-groups';
import { CatalogueFields } from './catalogue-fields';
import { InstallerCard } from './installer-card';
import { CatalogueCard, OptionsFields } from './options-fields';
import { useWizard } from './wizard-context';

export function NetworkStep() {
  const { warnings } = useWizard();
  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Network &amp; options
        </Title>
        <Text size="sm" c="dimmed">
          The defaults are the installer&apos;s own; change only what you need.
        </Text>
      </div>
      <IssueList issues={warnings.filter((w) => w.step === 'network')} />
      <Card withBorder>
        <Text fw={600} mb="sm">
          {FORM_GROUPS.network.title}
        </Text>
        <CatalogueFields group="network">
          <TextField name="clusterName" label="Cluster name" />
        </CatalogueFields>
      </Card>
      <CatalogueCard group="console" />
      <OptionsFields />
      <InstallerCard />
    </Stack>
  );
}
