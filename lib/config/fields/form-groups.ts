/** The form's groups of catalogue fields: a card's (or a storage backend's) grid. Fields appear in catalogue order. */
import { FIELD_CATALOGUE, type CatalogueEntry } from './catalogue';
import type { FormGroupId } from './types';

export interface FormGroup {
  /** The card title; storage backends have their own header (storage-step). */
  title?: string;
  cols: number;
}

export const FORM_GROUPS: Record<FormGroupId, FormGroup> = {
  network: { title: 'Cluster network', cols: 3 },
  console: { title: 'Console and images', cols: 3 },
  etcd: { title: 'etcd backup and cleaning', cols: 4 },
  monitoring: { title: 'Monitoring and logging', cols: 3 },
  devops: { title: 'DevOps components', cols: 3 },
  email: { title: 'E-mail (notifications)', cols: 3 },
  'qingcloud-api': { cols: 3 },
  localVolume: { cols: 1 },
  nfs: { cols: 2 },
  cephRbd: { cols: 2 },
  glusterfs: { cols: 2 },
  qingcloudCsi: { cols: 3 },
  neonsan: { cols: 2 },
};

export function fieldsOfGroup(group: FormGroupId): CatalogueEntry[] {
  return FIELD_CATALOGUE.filter((entry) => entry.form.group === group);
}
