'use client';

/** The fields of each storage backend, as vars.yml names them (labels in operator terms). */
import { SimpleGrid } from '@mantine/core';
import type { StorageBackend } from '@/lib/config/schema';
import { LinesField, NumberField, SegmentedField, SelectField, SwitchField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';

const FS_TYPES = ['ext4', 'ext3', 'xfs'].map((v) => ({ value: v, label: v }));

export function BackendFields({ backend }: { backend: StorageBackend }) {
  switch (backend) {
    case 'localVolume':
      return <TextField name="storage.localVolume.storageClass" label="Storage class name" description="local_volume_provisioner_storage_class" />;
    case 'nfs':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="storage.nfs.server" label="NFS server" description="IP or host name that exports the volume" placeholder="192.168.0.200" />
          <TextField name="storage.nfs.path" label="NFS path" description="Exported absolute path" placeholder="/mnt/kubesphere" />
        </SimpleGrid>
      );
    case 'cephRbd':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="storage.cephRbd.storageClass" label="Storage class name" />
          <LinesField name="storage.cephRbd.monitors" label="Monitors" description="One ip:port per line" placeholder="192.168.0.20:6789" />
          <TextField name="storage.cephRbd.adminId" label="Admin ID" description="Client that can create images in the pool" />
          <SecretField name="storage.cephRbd.adminSecret" label="Admin secret" description="ceph auth get-key client.admin" />
          <TextField name="storage.cephRbd.pool" label="Pool" />
          <TextField name="storage.cephRbd.userId" label="User ID" description="Client used to map images" />
          <SecretField name="storage.cephRbd.userSecret" label="User secret" description="Created in every namespace that uses RBD" />
          <SelectField name="storage.cephRbd.fsType" label="Filesystem" data={FS_TYPES} />
          <SegmentedField name="storage.cephRbd.imageFormat" label="Image format" data={[{ value: '1', label: '1' }, { value: '2', label: '2' }]} />
          <TextField name="storage.cephRbd.imageFeatures" label="Image features" description="e.g. layering; only with image format 2 (empty = not set)" />
        </SimpleGrid>
      );
    case 'glusterfs':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField name="storage.glusterfs.storageClass" label="Storage class name" />
          <TextField name="storage.glusterfs.restUrl" label="Heketi REST URL" placeholder="http://192.168.0.4:8080" />
          <SwitchField name="storage.glusterfs.restAuthEnabled" label="Heketi REST authentication" />
          <TextField name="storage.glusterfs.restUser" label="Heketi user" />
          <SecretField name="storage.glusterfs.jwtAdminKey" label="Heketi admin key" description="jwt admin key of the Heketi server" />
          <TextField name="storage.glusterfs.clusterId" label="Cluster ID" description="From heketi-cli cluster list" />
          <TextField name="storage.glusterfs.secretName" label="Secret name" description="Created in kube-system by the installer" />
          <TextField name="storage.glusterfs.volumeType" label="Volume type" description="e.g. replicate:2" />
          <NumberField name="storage.glusterfs.gidMin" label="GID min" />
          <NumberField name="storage.glusterfs.gidMax" label="GID max" />
        </SimpleGrid>
      );
    case 'qingcloudCsi':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SelectField
            name="storage.qingcloudCsi.type"
            label="Disk type"
            description="Must match the instance type"
            numeric
            data={[
              { value: '0', label: '0 · high performance' },
              { value: '1', label: '1 · high capacity (some zones)' },
              { value: '2', label: '2 · high capacity' },
              { value: '3', label: '3 · super high performance' },
              { value: '5', label: '5 · NeonSAN' },
              { value: '100', label: '100 · basic' },
              { value: '200', label: '200 · SSD enterprise' },
            ]}
          />
          <SelectField name="storage.qingcloudCsi.fsType" label="Filesystem" data={FS_TYPES} />
          <SelectField name="storage.qingcloudCsi.diskReplica" label="Disk replicas" numeric data={[{ value: '1', label: '1 · single' }, { value: '2', label: '2 · multiple' }]} />
          <NumberField name="storage.qingcloudCsi.minSize" label="Min size (GiB)" />
          <NumberField name="storage.qingcloudCsi.maxSize" label="Max size (GiB)" />
          <NumberField name="storage.qingcloudCsi.stepSize" label="Step size (GiB)" />
        </SimpleGrid>
      );
    case 'neonsan':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SegmentedField name="storage.neonsan.protocol" label="Protocol" data={[{ value: 'TCP', label: 'TCP' }, { value: 'RDMA', label: 'RDMA' }]} />
          <TextField name="storage.neonsan.serverAddress" label="Server address" description="IP:PORT" placeholder="192.168.0.30:9530" />
          <TextField name="storage.neonsan.clusterName" label="Cluster name" />
          <TextField name="storage.neonsan.pool" label="Pools" description="Comma-separated" />
          <NumberField name="storage.neonsan.replicas" label="Replicas" min={1} />
          <NumberField name="storage.neonsan.stepSize" label="Step size (GiB)" min={1} />
          <SelectField name="storage.neonsan.fsType" label="Filesystem" data={FS_TYPES} />
        </SimpleGrid>
      );
  }
}

/** The shared QingCloud API block (QingCloud CSI and the QingCloud LB plugin). */
export function QingcloudApiFields() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextField name="qingcloud.accessKeyId" label="Access key ID" />
      <SecretField name="qingcloud.secretAccessKey" label="Secret access key" />
      <TextField name="qingcloud.zone" label="Zone" placeholder="pek3a" />
      <TextField name="qingcloud.host" label="API host" description="Change only for a private QingCloud" />
      <NumberField name="qingcloud.port" label="API port" />
      <TextField name="qingcloud.protocol" label="API protocol" />
      <TextField name="qingcloud.uri" label="API URI" />
      <NumberField name="qingcloud.connectionRetries" label="Connection retries" />
      <NumberField name="qingcloud.connectionTimeout" label="Connection timeout (s)" />
      <TextField name="qingcloud.vxnetId" label="VxNet ID" description="Optional: private network for LB IPs" />
    </SimpleGrid>
  );
}
