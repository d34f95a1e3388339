'use client';

import { Card, SimpleGrid, Text } from '@mantine/core';
import { NumberField, SelectField, SwitchField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';

const opt = (v: string) => ({ value: v, label: v });

/** KubeSphere components and their sizes (vars.yml's second half). */
export function OptionsFields() {
  return (
    <>
      <Card withBorder>
        <Text fw={600} mb="sm">
          etcd backup and cleaning
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberField name="options.etcdBackup.period" label="Backup period (min)" min={1} />
          <NumberField name="options.etcdBackup.keep" label="Backups to keep" min={1} />
          <TextField name="options.etcdBackup.dir" label="Backup directory" />
          <SelectField name="options.periodicCleaningTime" label="Periodic cleaning" data={['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'].map(opt)} />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          Monitoring and logging
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField name="options.monitoring.prometheusReplica" label="Prometheus replicas" min={1} />
          <TextField name="options.monitoring.prometheusMemory" label="Prometheus memory request" description="e.g. 400Mi" />
          <TextField name="options.monitoring.prometheusVolume" label="Prometheus volume size" description="e.g. 20Gi" />
          <NumberField name="options.logging.keepLogDays" label="Keep logs (days)" min={1} />
          <TextField name="options.logging.elasticsearchVolume" label="Elasticsearch volume size" />
          <TextField name="options.logging.elkPrefix" label="Index prefix" />
          <NumberField name="options.logging.elasticsearchMasterReplica" label="Elasticsearch master replicas" min={1} />
          <NumberField name="options.logging.elasticsearchDataReplica" label="Elasticsearch data replicas" min={1} />
          <SwitchField name="options.logging.kibanaEnabled" label="Kibana" />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          DevOps components
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SwitchField name="options.harbor.enabled" label="Harbor" />
          <TextField name="options.harbor.domain" label="Harbor domain" />
          <SwitchField name="options.devops.sonarqubeEnabled" label="SonarQube" />
          <SwitchField name="options.gitlab.enabled" label="GitLab" />
          <TextField name="options.gitlab.hostsDomain" label="GitLab domain" />
          <TextField name="options.devops.jenkinsLocationUrl" label="Jenkins location URL" />
          <TextField name="options.devops.jenkinsMemoryLimit" label="Jenkins memory limit" />
          <TextField name="options.devops.jenkinsMemoryRequest" label="Jenkins memory request" />
        </SimpleGrid>
        <TextField name="options.devops.javaOpts" label="Jenkins JAVA_OPTS" mt="sm" />
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          E-mail (notifications)
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField name="options.email.smtpHost" label="SMTP host" />
          <NumberField name="options.email.smtpPort" label="SMTP port" min={1} max={65535} />
          <SwitchField name="options.email.useSsl" label="Use SSL" />
          <TextField name="options.email.fromAddress" label="From address" />
          <TextField name="options.email.fromName" label="From name" />
          <SecretField name="options.email.password" label="SMTP password" />
        </SimpleGrid>
      </Card>
    </>
  );
}
