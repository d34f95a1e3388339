'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import { STORAGE_BACKENDS, type StorageBackend } from '@/lib/config/choices';
import { SwitchField } from '@/components/form/fields';
import { labelOf } from '@/lib/config/fields/catalogue';
import { IssueList } from '@/components/issue-list';
import { BackendFields, QingcloudApiFields } from './storage-backend-fields';
import { useWizard } from './wizard-context';

const BACKENDS: Record<StorageBackend, { label: string; note: string }> = {
  localVolume: { label: 'Local volume', note: 'Static local volumes: for all-in-one testing only.' },
  nfs: { label: 'NFS', note: 'NFS client provisioner on an existing NFS export.' },
  cephRbd: { label: 'Ceph RBD', note: 'An existing Ceph cluster (RBD images).' },
  glusterfs: { label: 'GlusterFS', note: 'An existing GlusterFS cluster managed by Heketi.' },
  qingcloudCsi: { label: 'QingCloud CSI', note: 'QingCloud block storage (needs the QingCloud API below).' },
  neonsan: { label: 'NeonSAN', note: 'QingStor NeonSAN through its CSI plugin.' },
};

export function StorageStep() {
  const { control, setValue } = useFormContext<InstallConfig>();
  const storage = useWatch({ control, name: 'storage' });
  const lbPlugin = useWatch({ control, name: 'qingcloud.lbEnabled' });
  const { errors, warnings } = useWizard();
  const opts = { shouldDirty: true, shouldValidate: true } as const;
  const enabled = STORAGE_BACKENDS.filter((b) => storage[b].enabled);
  const chosen = enabled.find((b) => storage[b].isDefault) ?? null;
  const defaultErrors = errors.filter((e) => e.path === 'storage' || e.path.endsWith('.isDefault'));
  const otherIssues = [
    ...errors.filter((e) => e.step === 'storage' && /^(storage|qingcloud)\.[a-zA-Z]+$/.test(e.path)),
    ...warnings.filter((w) => w.step === 'storage'),
  ];

  const toggle = (backend: StorageBackend, on: boolean) => {
    if (!on && storage[backend].isDefault) setValue(`storage.${backend}.isDefault`, false, opts);
  };
  const choose = (value: string) => {
    for (const b of STORAGE_BACKENDS) setValue(`storage.${b}.isDefault`, b === value, opts);
  };

  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Storage
        </Title>
        <Text size="sm" c="dimmed">
          Enable the backends KubeSphere should provision volumes from, then choose the one default storage class.
        </Text>
      </div>
      <Card withBorder>
        <Radio.Group
          label="Default storage class"
          description="Exactly one enabled backend is the default; PVCs without a class use it."
          value={chosen}
          onChange={choose}
          error={defaultErrors.map((e) => e.message).join(' ') || undefined}
        >
          <Group mt="xs">
            {enabled.length === 0 && (
              <Text size="sm" c="dimmed">
                Enable a backend below first.
              </Text>
            )}
            {enabled.map((b) => (
              <Radio key={b} value={b} label={BACKENDS[b].label} />
            ))}
          </Group>
        </Radio.Group>
      </Card>
      <IssueList issues={otherIssues} />
      {STORAGE_BACKENDS.map((b) => (
        <Card key={b} withBorder>
          <Group justify="space-between" mb={storage[b].enabled ? 'md' : 0}>
            <div>
              <Text fw={600}>{BACKENDS[b].label}</Text>
              <Text size="sm" c="dimmed">
                {BACKENDS[b].note}
              </Text>
            </div>
            <SwitchField name={`storage.${b}.enabled`} label={labelOf(`storage.${b}.enabled`)} onToggle={(on) => toggle(b, on)} />
          </Group>
          {storage[b].enabled && <BackendFields backend={b} />}
        </Card>
      ))}
      <Card withBorder>
        <Group justify="space-between" mb={storage.qingcloudCsi.enabled || lbPlugin ? 'md' : 0}>
          <div>
            <Text fw={600}>QingCloud API</Text>
            <Text size="sm" c="dimmed">
              Shared by QingCloud CSI and the QingCloud LB plugin (LoadBalancer Services).
            </Text>
          </div>
          <SwitchField name="qingcloud.lbEnabled" label={labelOf('qingcloud.lbEnabled')} />
        </Group>
        {(storage.qingcloudCsi.enabled || lbPlugin) && <QingcloudApiFields />}
      </Card>
    </Stack>
  );
}
