'use client';

import { useMemo, useState } from 'react';
import Link from 'next/link';
import { useFormContext, useWatch } from 'react-hook-form';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import { WIZARD_STEPS } from '@/lib/config/steps';
import { isValidConfig } from '@/lib/config/validate';
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import { CodeView } from '@/components/code-view';
import { IssueList } from '@/components/issue-list';
import { LoadBalancerSummary } from './load-balancer-summary';
import { useWizard } from './wizard-context';

type FileName = 'hosts.ini' | 'vars.yml';

function render(config: InstallConfig): { hostsIni: string; varsYml: string } | { problem: string } | null {
  if (!isValidConfig(config)) return null;
  try {
    return { hostsIni: renderHostsIni(config, { secrets: 'placeholder' }), varsYml: renderVarsYml(config, { secrets: 'placeholder' }) };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

export function ReviewStep() {
  const { control, getValues } = useFormContext<InstallConfig>();
  const values = useWatch({ control });
  const { installId, errors, warnings, crossInstall, goToIssue, saveNow } = useWizard();
  const notes = crossInstall.filter((i) => i.severity === 'info');
  const [downloading, setDownloading] = useState<FileName | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  // `values` changes whenever a field does; getValues() is that same snapshot, fully typed
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `values` is the re-render trigger, getValues() the typed read
  const files = useMemo(() => (errors.length === 0 ? render(getValues()) : null), [values, errors.length, getValues]);

  const download = async (file: FileName) => {
    setDownloading(file);
    setDownloadProblem(null);
    const saved = await saveNow();
    setDownloading(null);
    if (!saved) {
      setDownloadProblem('The draft could not be saved, so the download would be out of date. Check the save status above.');
      return;
    }
    const a = document.createElement('a');
    a.href = `/api/installs/${encodeURIComponent(installId)}/files/${file}`;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const stepLabel = (step: string) => WIZARD_STEPS.find((s) => s.id === step)?.label ?? step;

  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Review
        </Title>
        <Text size="sm" c="dimmed">
          {errors.length === 0
            ? 'No errors: these are the files the installer gets.'
            : `${errors.length} error${errors.length === 1 ? '' : 's'} to fix before the files can be generated.`}
          {warnings.length > 0 && ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'} to read.`}
        </Text>
      </div>
      <LoadBalancerSummary lb={getValues('loadBalancer')} />
      <IssueList issues={[...errors, ...warnings]} onGo={goToIssue} goLabel={(i) => `Go to ${stepLabel(i.step)}`} />
      {notes.length > 0 && (
        <Stack gap={6} role="list" aria-label="Notes">
          {notes.map((n) => (
            <Alert key={`${n.path}|${n.message}`} role="listitem" color="gray" variant="light" py={8}>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  Note:{' '}
                </Text>
                {n.message}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => goToIssue(n.path)}>
                  Go to {stepLabel(n.step)}
                </Anchor>
              </Text>
            </Alert>
          ))}
        </Stack>
      )}
      {errors.length === 0 && (
        <Alert color="teal" variant="light">
          <Group justify="space-between">
            <Text size="sm">
              {warnings.length === 0 ? 'Every rule passes.' : 'No errors: the warnings above are worth a look.'} Next, check that every host is reachable.
            </Text>
            <Button component={Link} href={`/installs/${encodeURIComponent(installId)}/preflight`} size="xs" onClick={() => void saveNow()}>
              Check the hosts →
            </Button>
          </Group>
        </Alert>
      )}
      {downloadProblem && (
        <Alert color="red" role="alert">
          {downloadProblem}
        </Alert>
      )}
      {files && 'problem' in files && (
        <Alert color="red" title="The files cannot be rendered" role="alert">
          {files.problem}
        </Alert>
      )}
      {files && !('problem' in files) && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {(
            [
              ['hosts.ini', files.hostsIni, 'ini'],
              ['vars.yml', files.varsYml, 'yaml'],
            ] as const
          ).map(([name, text, language]) => (
            <Stack key={name} gap="xs">
              <Group justify="space-between">
                <Text fw={600} ff="monospace">
                  conf/{name}
                </Text>
                <Button size="xs" variant="light" loading={downloading === name} onClick={() => void download(name)}>
                  Download {name}
                </Button>
              </Group>
              <CodeView text={text} language={language} label={`conf/${name}`} />
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
